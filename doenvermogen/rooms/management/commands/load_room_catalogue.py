"""`manage.py load_room_catalogue`: (re)load the shipped furniture catalogue (idempotent)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from doenvermogen.rooms import catalogues


class Command(BaseCommand):
    help = "Load or update the shipped furniture catalogue for consultation rooms."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = catalogues.load()
        self.stdout.write(f"{count} furniture items loaded.")
