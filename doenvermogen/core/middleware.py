"""Responses that must not be kept by browsers or proxies: ``Cache-Control: no-store``.

Every answer to a signed-in person (their pages hold client data), and every download of a
personal kind whoever asks (PDF, CSV, iCalendar: the calendar feed has no session, only a token),
and the personal sign-in link itself.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

PERSONAL_TYPES = ("application/pdf", "text/csv", "text/calendar", "application/json")


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if (
            (user is not None and user.is_authenticated)
            or content_type in PERSONAL_TYPES
            or getattr(request, "no_store", False)
        ):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
        return response
