"""Background tasks (Django Tasks API): thin and idempotent, they take ids and call a service."""

from __future__ import annotations

from django_tasks import task

from doenvermogen.reminders import services


@task()
def send_delivery(delivery_id: int) -> str:
    """Send one reminder delivery; does nothing if it is not due or already sent. New deliveries
    go through ``dispatch_due_deliveries``; this stays for tasks queued before that existed."""
    return services.delivery_send(delivery_id=delivery_id)


@task()
def sweep_deliveries() -> dict:
    """Re-enqueue lost deliveries and release expired claims (= reminders_dispatch)."""
    return services.deliveries_sweep()


@task()
def dispatch_due_deliveries() -> int:
    """The deliveries due in this minute: one batch task per ``REMINDERS_BATCH_SIZE``."""
    return services.deliveries_dispatch()


@task()
def send_due_batch() -> dict:
    """Claim one batch of due deliveries (SKIP LOCKED) and send it over one mail connection."""
    return services.deliveries_send_due()
