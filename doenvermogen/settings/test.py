"""Test settings: SQLite in memory unless DATABASE_URL is set; fast hashing; mail in memory."""

import os

import dj_database_url

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["*"]
# Tests sign clients in with force_login (no personal link in the session); the rule that a client
# session needs a working link is tested with True (tests/clientaccess/test_link_sessions.py).
CLIENT_SESSIONS_REQUIRE_LINK = False
