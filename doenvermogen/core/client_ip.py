"""The real client address behind a known number of trusted reverse proxies.

Behind nginx (docs/admin.md) every request comes from the proxy, so ``REMOTE_ADDR`` is the proxy.
Each trusted proxy appends the address it saw to ``X-Forwarded-For``; the client can put anything
in front of that. So with ``TRUSTED_PROXY_COUNT = n`` the real address is the n-th entry from the
right, never one the client wrote. With 0 (no proxy, the default) it is ``REMOTE_ADDR``.
Used by django-axes (``AXES_CLIENT_IP_CALLABLE``) to count failed sign-ins per address.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR", "")
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0))
    if count > 0:
        chain = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part]
        if len(chain) >= count:
            found = _valid(chain[-count])
            if found:
                return found
    return _valid(remote) or remote or None
