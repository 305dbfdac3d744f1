"""`manage.py reminders_dispatch`: repair lost reminder tasks (run from cron every few minutes).

Releases claims of crashed workers, re-enqueues due deliveries whose task got lost and schedules
the next occurrence of repeating reminders. Sending stays once-only, so running it often is safe.
With ``--loop N`` it repeats every N seconds (for a simple process supervisor).
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from doenvermogen.reminders.services import deliveries_sweep


class Command(BaseCommand):
    help = "Re-enqueue lost reminder deliveries and release expired claims."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=int, default=0, help="Repeat every N seconds.")

    def handle(self, *args, loop: int = 0, **options):
        while True:
            result = deliveries_sweep()
            self.stdout.write(
                "released {released}, enqueued {enqueued}, scheduled {scheduled}".format(**result)
            )
            if not loop:
                return
            time.sleep(loop)
