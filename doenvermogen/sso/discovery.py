"""Read a provider's OpenID Connect discovery document (``/.well-known/openid-configuration``)."""

from __future__ import annotations

import requests
from django.conf import settings

FIELDS = {
    "authorization_endpoint": "authorization_endpoint",
    "token_endpoint": "token_endpoint",
    "userinfo_endpoint": "userinfo_endpoint",
    "jwks_endpoint": "jwks_uri",
    "end_session_endpoint": "end_session_endpoint",
}


class DiscoveryError(Exception):
    pass


def discover(issuer: str) -> dict[str, str]:
    """The endpoints a provider publishes, by our field names; ``DiscoveryError`` if unusable."""
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise DiscoveryError(str(exc)) from exc
    if document.get("issuer", "").rstrip("/") != issuer.rstrip("/"):
        raise DiscoveryError(f"issuer in the document is {document.get('issuer')!r}")
    return {ours: str(document.get(theirs) or "") for ours, theirs in FIELDS.items()}
