"""Production settings for the load test on loopback: plain HTTP, so cookies may not be Secure.

Everything else is production (DEBUG off, whitenoise, the same middleware and logging).
"""

import os

from doenvermogen.settings.production import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0

# `loadtest.py --compare-access-log`: one pass with the access log left out (benchmarks only).
if os.environ.get("LOADTEST_ACCESS_LOG") == "off":
    INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.access_log_off.AccessLogOff"]  # noqa: F405
