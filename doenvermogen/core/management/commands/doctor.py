"""`manage.py doctor`: do the tools work, does the database answer, do the background processes run?

Exit status 1 when something is broken (each line says what and what to do); warnings do not fail.
"""

from __future__ import annotations

import datetime
import os
import socket
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from doenvermogen.core import doctor
from doenvermogen.core.doctor import FAIL, OK, WARN, Result

# A heartbeat older than this means the process is not running (the sweep beats every 5 minutes).
HEARTBEAT_MAX_AGE = datetime.timedelta(
    seconds=int(os.environ.get("DOCTOR_HEARTBEAT_MAX_AGE", "900"))
)


def check_database() -> Result:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        return Result("database", FAIL, f"The database does not answer: {exc}")
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        return Result("database", FAIL, f"Cannot read the migration state: {exc}")
    vendor = connection.vendor
    if plan:
        return Result(
            "database",
            WARN,
            f"{vendor} answers, but {len(plan)} migrations are not applied: run manage.py migrate.",
        )
    return Result("database", OK, f"{vendor} answers and is migrated")


def check_mail() -> Result:
    backend = settings.EMAIL_BACKEND
    if backend.endswith("filebased.EmailBackend"):
        path = Path(settings.EMAIL_FILE_PATH)
        try:
            path.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path):
                pass
        except OSError as exc:
            return Result("mail", FAIL, f"Cannot write e-mails to {path}: {exc}")
        return Result("mail", OK, f"e-mails are written to {path}")
    if backend.endswith("smtp.EmailBackend"):
        try:
            with socket.create_connection((settings.EMAIL_HOST, settings.EMAIL_PORT), timeout=5):
                pass
        except OSError as exc:
            return Result(
                "mail",
                FAIL,
                f"The SMTP server {settings.EMAIL_HOST}:{settings.EMAIL_PORT} does not answer "
                f"({exc}): check EMAIL_HOST and EMAIL_PORT.",
            )
        return Result("mail", OK, f"SMTP server {settings.EMAIL_HOST}:{settings.EMAIL_PORT}")
    return Result("mail", OK, f"backend {backend.rsplit('.', 2)[-2]}")


def _check_heartbeat(name: str, what: str, how: str) -> Result:
    from doenvermogen.core.heartbeat import heartbeat_age  # noqa: PLC0415 - needs app registry

    try:
        age = heartbeat_age(name=name)
    except DatabaseError:
        age = None
    if age is None:
        return Result(name, WARN, f"The {what} has never recorded a heartbeat: start it ({how}).")
    minutes = int(age.total_seconds() // 60)
    if age > HEARTBEAT_MAX_AGE:
        return Result(
            name,
            FAIL,
            f"The {what} last showed it was alive {minutes} minutes ago: is it running? ({how})",
        )
    return Result(name, OK, f"alive ({minutes} minutes ago)")


def check_worker() -> Result:
    return _check_heartbeat(
        "worker", "task worker", "manage.py db_worker, or rqworker with TASKS_BACKEND=rq"
    )


def check_sweep() -> Result:
    return _check_heartbeat("sweep", "repair sweep", "manage.py reminders_dispatch --loop 300")


class Command(BaseCommand):
    help = "Check the tools, the database, the mail directory and the background processes."

    def add_arguments(self, parser):
        parser.add_argument("--browser", action="store_true", help="also Chromium and pdftoppm")
        parser.add_argument("--skip-tools", action="store_true", help="skip Frog, WeasyPrint...")

    def handle(self, *args, browser: bool = False, skip_tools: bool = False, **options):
        checks = [] if skip_tools else doctor.tool_checks(browser=browser)
        checks += [check_database, check_mail, check_worker, check_sweep]
        results = doctor.run_checks(checks, out=self.stdout)
        failed = [r for r in results if r.failed]
        if failed:
            raise CommandError(
                "Not everything works: " + "; ".join(f"{r.name}: {r.message}" for r in failed)
            )
        warned = sum(r.status == WARN for r in results)
        self.stdout.write(
            f"All {len(results)} checks pass" + (f" ({warned} warnings)." if warned else ".")
        )
