"""`manage.py privacy_retention`: enqueue the erasure of data whose retention period has passed.

The worker (``db_worker`` or ``rqworker``) does the erasing. With ``--loop N`` it enqueues every
N seconds (``make run`` does this hourly); ``--now`` erases in this process instead (cron).
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from doenvermogen.privacy import services, tasks


class Command(BaseCommand):
    help = "Erase (delete or anonymise) personal data whose retention period has passed."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=int, default=0, help="Repeat every N seconds.")
        parser.add_argument("--now", action="store_true", help="Erase here, not in the worker.")

    def handle(self, *args, loop: int = 0, now: bool = False, **options):
        while True:
            if now:
                done = services.erase_due()
                self.stdout.write(f"erased {len(done)} kinds of data")
            else:
                result = tasks.erase_due.enqueue()
                self.stdout.write(f"enqueued erasure task {result.id}")
            if not loop:
                return
            time.sleep(loop)
