"""Settings shared by every environment; what differs per deployment comes from the environment.

Environment variables: DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, EMAIL_URL-like
EMAIL_* settings, SITE_URL, TASKS_BACKEND (``database`` or ``rq``), REDIS_URL.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from doenvermogen.settings.machine import letters_pool_size

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "doenvermogen"


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "doenvermogen.core",
    "doenvermogen.ui",
    "doenvermogen.accounts",
    "doenvermogen.cases",
    "doenvermogen.clientaccess",
    "doenvermogen.audit",
    "doenvermogen.psychoeducation",
    "doenvermogen.goals",
    "doenvermogen.reminders",
    "doenvermogen.letters",
    "doenvermogen.knowledge",
    "doenvermogen.rooms",
    "doenvermogen.selfscan",
    "doenvermogen.research",
    "rest_framework",
    "drf_spectacular",
    "doenvermogen.sso",
    "doenvermogen.privacy",
    "doenvermogen.api",
    "doenvermogen.geldrust",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "doenvermogen.sso.middleware.LogoutFormActionMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Compresses HTML for a cheap phone on a prepaid bundle (with Django's BREACH mitigation).
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "doenvermogen.clientaccess.middleware.ClientLinkSessionMiddleware",
    "doenvermogen.core.middleware.NoStoreMiddleware",
    "doenvermogen.clientaccess.session_length.ClientSessionLengthMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "doenvermogen.urls"
WSGI_APPLICATION = "doenvermogen.wsgi.application"
ASGI_APPLICATION = "doenvermogen.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "doenvermogen.ui.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'doenvermogen.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (web server and worker) share the file: wait instead of failing at once,
    # take the write lock at the start of a transaction, and use the write-ahead log so readers
    # do not block the writer (and each commit does not wait for a full disk sync).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# Tier 3: a PostgreSQL streaming replica for reports (team meeting, research export). Only reads
# inside ``doenvermogen.core.db_router.reports()`` go there; off unless DATABASE_REPLICA_URL is set.
REPORTS_DATABASE = None
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    REPORTS_DATABASE = "replica"
DATABASE_ROUTERS = ["doenvermogen.core.db_router.ReportsRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Refuses a password for roles that must sign in through the organisation's identity provider.
    "doenvermogen.sso.backends.PasswordPolicyBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Single sign-on over OpenID Connect (providers configured in the admin).
    "doenvermogen.sso.backends.ProviderBackend",
]
# Argon2id at OWASP's parameters (doenvermogen/accounts/hashers.py: ~30 ms instead of 0.3-0.8 s).
PASSWORD_HASHERS = [
    "doenvermogen.accounts.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "ui:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout after repeated failed sign-ins (django-axes): 5 failures lock that e-mail address from
# that IP address for 30 minutes. Per (e-mail, address), never per e-mail alone: somebody who
# knows a colleague's e-mail address cannot lock the colleague out from another address, and a
# lock ends after 30 minutes. The address is the real client's behind TRUSTED_PROXY_COUNT
# reverse proxies (docs/admin.md and docs/security.md), not the proxy's.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "doenvermogen.core.client_ip.client_ip"
# How many reverse proxies in front of the app append to X-Forwarded-For (nginx: 1). 0 = none.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp): nothing but our own scripts, styles and images; no inline
# script or style anywhere (tests/core/test_security_headers.py checks the templates), no frames.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# Permissions-Policy (django-permissions-policy): only full screen (the talk chart), nothing else.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "doenvermogen <noreply@example.org>")

TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Access log (PostgreSQL): months kept before a whole monthly partition is dropped; 0 keeps all.
# NEN 7513 asks to keep the log as long as the record it is about may be needed: 5 years here.
ACCESS_LOG_RETENTION_MONTHS = int(os.environ.get("ACCESS_LOG_RETENTION_MONTHS", "60"))
# PostgreSQL: a page that only reads commits its access-log rows without waiting for the disk
# (synchronous_commit off for that transaction only). Saves the ~4 ms fsync of every page; a crash
# of the database server may lose the rows of the last ~0.6 s. Off by default (docs/security.md).
ACCESS_LOG_ASYNC_COMMIT = env_bool("ACCESS_LOG_ASYNC_COMMIT", False)

# Worker recovery (docs/admin.md): a database task RUNNING longer than this (seconds) belonged to a
# killed worker and runs again after the repair sweep; a reminder claim is released after its lease.
TASKS_RUNNING_TIMEOUT = int(os.environ.get("TASKS_RUNNING_TIMEOUT", "900"))
REMINDERS_LEASE_SECONDS = int(os.environ.get("REMINDERS_LEASE_SECONDS", "600"))

# How long a client's personal sign-in link stays valid.
CLIENT_LINK_DAYS = int(os.environ.get("CLIENT_LINK_DAYS", "30"))
# A client's session on their own phone: this many days, counted from the last visit (sliding).
# Staff sessions stay at SESSION_COOKIE_AGE (12 hours, fixed). See docs/admin-guide.md.
CLIENT_SESSION_DAYS = int(os.environ.get("CLIENT_SESSION_DAYS", "30"))
# How long the sign-in link in one reminder e-mail works (seconds; default 7 days).
CLIENT_EMAIL_LINK_MAX_AGE = int(os.environ.get("CLIENT_EMAIL_LINK_MAX_AGE", str(7 * 24 * 60 * 60)))

# Tokens in addresses (personal links, calendar feeds) are masked in every log line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_tokens": {"()": "doenvermogen.core.logmask.TokenMaskFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_tokens"]},
    },
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Letter checker: "frog" (Frog in the analysis pool, see LETTERS_POOL_*) or "simple" (a regex
# tokenizer without tags or parse: readability features that need Frog are then empty).
LETTERS_ANALYZER = os.environ.get("LETTERS_ANALYZER", "frog")
# Bearer tokens that may call the letter-checker API without a session (comma-separated).
LETTERS_API_TOKENS = env_list("LETTERS_API_TOKENS")
# Largest upload the letter checker accepts.
LETTERS_MAX_UPLOAD_BYTES = int(os.environ.get("LETTERS_MAX_UPLOAD_BYTES", str(5 * 1024 * 1024)))
# The letter checker's analysis pool: Frog runs in its own process, never in a web worker.
# A socket path (embedded default, started on demand when LETTERS_POOL_AUTOSTART is on) or
# host:port of an analysis machine (then LETTERS_POOL_SECRET is required on both sides).
LETTERS_POOL_ADDRESS = os.environ.get(
    "LETTERS_POOL_ADDRESS", str(BASE_DIR / "var" / "letters-pool.sock")
)

# Frogs in the pool the web starts on demand: a number, or "auto" (settings/machine.py).
LETTERS_POOL_SIZE = letters_pool_size(os.environ.get("LETTERS_POOL_SIZE", "auto"))
LETTERS_POOL_AUTOSTART = env_bool("LETTERS_POOL_AUTOSTART", True)
LETTERS_POOL_SECRET = os.environ.get("LETTERS_POOL_SECRET", "")
# How long the page waits for a result before it shows "bezig" and polls; the API's wait
# (both stay well below gunicorn's timeout of 60 s).
LETTERS_WAIT_SECONDS = float(os.environ.get("LETTERS_WAIT_SECONDS", "5"))
LETTERS_API_WAIT_SECONDS = float(os.environ.get("LETTERS_API_WAIT_SECONDS", "40"))

# Single sign-on (doenvermogen.sso): identity providers are configured in the admin. The BSN from a
# DigiD broker is never stored: only an HMAC-SHA256 with this key (set it apart from SECRET_KEY so a
# rotated SECRET_KEY does not break matching; changing this key unlinks every client's DigiD).
BSN_HASH_KEY = os.environ.get("BSN_HASH_KEY", SECRET_KEY)
OIDC_TIMEOUT = int(os.environ.get("OIDC_TIMEOUT", "10"))

# Privacy (doenvermogen.privacy): retention defaults in days per kind of data; an organisation
# overrides them in the admin. docs/admin.md argues each default.
PRIVACY_RETENTION_DAYS = {
    "case_work": int(os.environ.get("RETENTION_CASE_WORK_DAYS", str(2 * 365))),
    "planning": int(os.environ.get("RETENTION_PLANNING_DAYS", "90")),
    "contact": int(os.environ.get("RETENTION_CONTACT_DAYS", str(2 * 365))),
    "sign_in": int(os.environ.get("RETENTION_SIGN_IN_DAYS", "0")),
}

# REST API for case systems (doenvermogen.api).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["doenvermogen.api.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["doenvermogen.api.permissions.HasScope"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.URLPathVersioning",
    "ALLOWED_VERSIONS": ["v1"],
    "DEFAULT_VERSION": "v1",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "doenvermogen API",
    "DESCRIPTION": "For case systems: clients, trajectories, goal plans, reminders and more.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "doenvermogen.api.schemas.add_components",
    ],
}
