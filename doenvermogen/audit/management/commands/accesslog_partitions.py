"""Keep the access log's monthly partitions (PostgreSQL): create the coming months, and drop
months past the retention period. Run daily by the worker set-up (docs/admin.md)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from doenvermogen.audit import partitions


class Command(BaseCommand):
    help = "Create the coming months' access-log partitions and drop expired ones (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--months-ahead", type=int, default=3)
        parser.add_argument(
            "--drop-older-than-months",
            type=int,
            default=settings.ACCESS_LOG_RETENTION_MONTHS,
            help="0 keeps everything (default: ACCESS_LOG_RETENTION_MONTHS)",
        )
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("SQLite: the access log is not partitioned; nothing to do.")
            return
        with transaction.atomic(), connection.cursor() as cursor:
            if not partitions.is_partitioned(cursor):
                self.stdout.write("The access log is not partitioned (run migrate).")
                return
            made = partitions.ensure_partitions(cursor, months_ahead=options["months_ahead"])
            dropped = []
            if options["drop_older_than_months"] > 0:
                dropped = partitions.drop_expired(
                    cursor,
                    older_than_months=options["drop_older_than_months"],
                    dry_run=options["dry_run"],
                )
        self.stdout.write(f"made: {', '.join(made) or '-'}; dropped: {', '.join(dropped) or '-'}")
