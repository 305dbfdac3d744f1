"""Once-only delivery through the real database task worker, across a worker restart mid-batch.

The worker (``manage.py db_worker``) runs in-process against the test database with the database
task backend. Story: ten reminders are due; the worker stops after four tasks (a restart in the
middle of a batch); a fifth delivery was claimed by the worker when it was killed, before the mail
went out; every task is enqueued a second time (as an overeager repair job or a redelivering queue
would do). After the restart and the repair sweep each client has exactly one e-mail.
"""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from doenvermogen.cases.models import Consent
from doenvermogen.cases.services import consent_record
from doenvermogen.reminders import services
from doenvermogen.reminders.models import Delivery, Reminder
from doenvermogen.reminders.tasks import dispatch_due_deliveries

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _worker(**options):
    call_command("db_worker", batch=True, startup_delay=False, interval=0, **options)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_each_reminder_is_sent_once_across_a_worker_restart(make, monkeypatch):
    monkeypatch.setattr(services, "BATCH_SIZE", 4)
    team = make.team()
    pro = make.staff(team=team)
    for n in range(10):
        traj = make.trajectory(team=team, name=f"Cliënt {n}", email=f"c{n}@example.org")
        consent_record(client=traj.client, author=pro, purpose=Consent.Purpose.REMINDERS)
        services.reminder_create(
            trajectory=traj,
            author=pro,
            title=f"Herinnering {n}",
            starts_at=timezone.now() + datetime.timedelta(seconds=30),
        )
    # Ten deliveries due in the same minute: ONE dispatch task, not ten.
    assert DBTaskResult.objects.count() == 1
    past = timezone.now() - datetime.timedelta(seconds=1)
    Delivery.objects.update(due_at=past, next_attempt_at=past)
    Reminder.objects.update(starts_at=past)
    DBTaskResult.objects.update(run_after=past)

    _worker(max_tasks=2)  # the dispatch (3 batch tasks of 4) and one batch; then it stops
    assert len(mail.outbox) == 4
    assert DBTaskResult.objects.filter(status="READY").count() == 2

    # A worker was killed after claiming one delivery and before sending it.
    killed = services._claim_batch(timezone.now(), 1)
    assert len(killed) == 1

    # After a restart everything is dispatched again (as a repeated sweep would do).
    dispatch_due_deliveries.enqueue()
    _worker()
    assert len(mail.outbox) == 9
    assert Delivery.objects.get(pk=killed[0]).status == "sending"

    # The repair sweep after the claim's lease ran out sends the last one.
    Delivery.objects.filter(pk=killed[0]).update(
        locked_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    result = services.deliveries_sweep()
    assert result["released"] == 1
    _worker()
    assert len(mail.outbox) == 10
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    ids = [m.extra_headers["Message-ID"] for m in mail.outbox]
    assert len(set(ids)) == 10
