"""`manage.py selfscan_reminders`: send the action plan's due reminder e-mails (run daily)."""

from django.core.management.base import BaseCommand

from doenvermogen.selfscan.services import action_reminders_send_due


class Command(BaseCommand):
    help = "Send the self-scan action plan's due reminder e-mails (idempotent)."

    def handle(self, *args, **options):
        self.stdout.write(f"{action_reminders_send_due()} reminder(s) sent")
