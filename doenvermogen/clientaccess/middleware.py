"""A client's session lives only as long as the personal link it was opened with.

Signing in with a link stores the link's id in the session (``CLIENT_LINK_SESSION_KEY``). On every
request of a client this middleware checks that the link still works; when a professional has
revoked it, or it has expired, the session ends at once and the client sees "This link no longer
works". Links in e-mails (reminders, the link e-mail) lead to the client's own page and so follow
the same rule: they open it only within a session of a working link.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from doenvermogen.clientaccess.models import ClientAccessLink

CLIENT_LINK_SESSION_KEY = "dv_client_link_id"


def client_session_link_usable(request: HttpRequest) -> bool:
    link_id = request.session.get(CLIENT_LINK_SESSION_KEY)
    if link_id is None:
        # Clients sign in only with a link; a client session without one is refused. The test
        # settings allow it so tests may use force_login (CLIENT_SESSIONS_REQUIRE_LINK = False).
        return not getattr(settings, "CLIENT_SESSIONS_REQUIRE_LINK", True)
    return ClientAccessLink.objects.filter(
        pk=link_id,
        client__user=request.user,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).exists()


class ClientLinkSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "is_client", False)
            and not client_session_link_usable(request)
        ):
            logout(request)
            return render(request, "clientaccess/link_invalid.html", status=410)
        return self.get_response(request)
