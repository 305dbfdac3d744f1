"""Settings for the reminders benchmark: the dev settings, with e-mail kept in memory."""

import os

from doenvermogen.settings.dev import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if TASKS_BACKEND != "rq":  # noqa: F405 - --rq keeps the RQ backend of the base settings
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
DEBUG = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and os.environ.get(  # noqa: F405
    "BENCH_SQLITE_WAL"
):
    DATABASES["default"]["OPTIONS"]["init_command"] = (  # noqa: F405
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
