"""Signing out at the identity provider under our Content-Security-Policy.

"Uitloggen" is a form; its POST is answered with a redirect to the provider's end-session
endpoint, and browsers check ``form-action`` for every redirect of a form submission. A session
that came from a provider carries that endpoint's origin; for such a session (only) this
middleware adds the origin to ``form-action`` on the pages it serves. It sits below
``csp.middleware.CSPMiddleware``, so it runs first on the way out.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse

SESSION_LOGOUT_ORIGIN = "dv_sso_logout_origin"


def origin_of(url: str) -> str:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


class LogoutFormActionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        origin = session.get(SESSION_LOGOUT_ORIGIN) if session is not None else None
        if origin:
            update = dict(getattr(response, "_csp_update", None) or {})
            update["form-action"] = [*update.get("form-action", []), origin]
            response._csp_update = update
        return response
