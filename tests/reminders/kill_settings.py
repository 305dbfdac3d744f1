"""Settings for the worker-kill test: a SQLite file shared by the test, the worker and the sweep."""

import os

from doenvermogen.settings.test import *  # noqa: F403

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["KILLTEST_DB"],
        "OPTIONS": {
            "timeout": 30,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }
}
EMAIL_BACKEND = "tests.reminders.kill_helpers.AckDelayFileBackend"
EMAIL_FILE_PATH = os.environ["KILLTEST_MAIL"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
REMINDERS_LEASE_SECONDS = 2
TASKS_RUNNING_TIMEOUT = 2
