"""Repair for the database task queue: tasks left RUNNING by a worker that was killed run again.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again. When the
worker dies (SIGKILL, out of memory, power cut) the row stays RUNNING forever and the task never
finishes. ``tasks_release_stuck`` puts such rows back to READY once they have been running longer
than ``TASKS_RUNNING_TIMEOUT`` seconds (longer than any task of ours takes), so the next worker
runs them again. Our tasks are idempotent (a reminder delivery is claimed in its own row before it
is sent), so running one a second time does no harm. The repair loop (``reminders_dispatch
--loop``) calls this every few minutes. On the Redis tier RQ itself moves abandoned jobs aside; the
reminders sweep re-enqueues their deliveries.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone


def running_timeout() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "TASKS_RUNNING_TIMEOUT", 900))


def tasks_release_stuck(*, now: datetime.datetime | None = None) -> int:
    """Reset database tasks RUNNING for longer than the timeout to READY; return how many."""
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return 0
    from django_tasks import TaskResultStatus  # noqa: PLC0415 - optional backend
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415

    cutoff = (now or timezone.now()) - running_timeout()
    with transaction.atomic():
        return DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, started_at__lt=cutoff
        ).update(status=TaskResultStatus.READY, started_at=None)
