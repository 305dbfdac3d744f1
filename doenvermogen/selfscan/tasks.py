"""Background tasks of the self-scan: thin and idempotent."""

from __future__ import annotations

from django_tasks import task

from doenvermogen.selfscan import services


@task()
def send_action_reminder(action_id: int) -> str:
    """E-mail the owner of an action plan item on its reminder day (once)."""
    return services.action_reminder_send(action_id=action_id)


@task()
def send_due_action_reminders() -> int:
    """The daily sweep: every due action reminder that was not sent yet."""
    return services.action_reminders_send_due()
