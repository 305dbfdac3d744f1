"""Session length per kind of user: a client's session slides (stays signed in on their own phone
while they use it), a staff member's stays short and fixed (``SESSION_COOKIE_AGE``)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from doenvermogen.clientaccess.email_links import SESSION_REFRESHED_KEY

REFRESH_EVERY_SECONDS = 60 * 60  # at most one session write an hour per client


class ClientSessionLengthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "is_client", False):
            now = int(timezone.now().timestamp())
            last = request.session.get(SESSION_REFRESHED_KEY, 0)
            if now - last >= REFRESH_EVERY_SECONDS:
                request.session.set_expiry(settings.CLIENT_SESSION_DAYS * 24 * 60 * 60)
                request.session[SESSION_REFRESHED_KEY] = now
        return self.get_response(request)
