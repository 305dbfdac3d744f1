"""`manage.py load_catalogues`: load the adaptable catalogues (talk-chart effects, strategies, …).

Each app with catalogues has a module ``doenvermogen.<app>.catalogues`` with ``load() -> str``
(returning a one-line summary). Loading is idempotent: entries are matched on their stable code and
updated, so an organisation's own additions stay.
"""

from __future__ import annotations

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load or update the catalogues from the data files of each app."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            if not config.name.startswith("doenvermogen."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.catalogues")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.catalogues":
                    raise
                continue
            summary = module.load()
            if summary:
                self.stdout.write(f"{config.label}: {summary}")
