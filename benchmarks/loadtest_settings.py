"""Production settings for the load test on loopback: plain HTTP, so cookies may not be Secure.

Everything else is production (DEBUG off, whitenoise, the same middleware and logging).
"""

from doenvermogen.settings.production import *  # noqa: F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
