"""`manage.py reminders_dispatch`: the repair sweep (run every few minutes, next to the worker).

One round:
- puts database tasks left RUNNING by a killed worker back to READY (``core.worker``);
- releases claims of crashed workers, re-enqueues due deliveries whose task got lost and schedules
  the next occurrence of repeating reminders (``reminders.services.deliveries_sweep``);
- records the sweep's heartbeat and enqueues the worker's heartbeat task (``manage.py doctor``
  reads both).
Sending stays once-only, so running it often is safe. With ``--loop N`` it repeats every N seconds
(a systemd service or ``make run``); without, it runs one round (a cron job or systemd timer).
"""

from __future__ import annotations

import logging
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from doenvermogen.core.heartbeat import SWEEP, heartbeat_record
from doenvermogen.core.tasks import worker_heartbeat
from doenvermogen.core.worker import tasks_release_stuck
from doenvermogen.reminders.services import deliveries_sweep

logger = logging.getLogger(__name__)


def sweep_once() -> dict[str, int]:
    """One round of repair work; returns what it did."""
    tasks = tasks_release_stuck()
    result = deliveries_sweep()
    heartbeat_record(name=SWEEP)
    worker_heartbeat.enqueue()
    return {"tasks": tasks, **result}


class Command(BaseCommand):
    help = "Repair sweep: stuck tasks, lost reminder deliveries, expired claims; heartbeats."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=int, default=0, help="Repeat every N seconds.")

    def handle(self, *args, loop: int = 0, **options):
        while True:
            try:
                result = sweep_once()
            except DatabaseError as exc:  # the database restarts: try again next round
                if not loop:
                    raise
                logger.warning("Repair sweep failed, trying again in %s s: %s", loop, exc)
            else:
                self.stdout.write(
                    "tasks reset {tasks}, released {released}, enqueued {enqueued}, "
                    "scheduled {scheduled}".format(**result)
                )
                self.stdout.flush()
            if not loop:
                return
            time.sleep(loop)
