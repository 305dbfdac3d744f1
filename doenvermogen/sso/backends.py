"""Authentication backends: OpenID Connect through a configured provider, and the password rule.

``ProviderBackend`` is mozilla-django-oidc's backend with its settings read from the
``IdentityProvider`` row the sign-in started with (instead of Django settings), and stricter token
checks: the ID token's signature (JWKS), algorithm, issuer, audience, expiry and nonce.
"""

from __future__ import annotations

import logging
from typing import Any

import jwt
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from doenvermogen.sso import selectors, services
from doenvermogen.sso.models import IdentityProvider

logger = logging.getLogger(__name__)

REQUEST_ATTRIBUTE = "dv_sso_provider"
_MISSING = object()


def provider_settings(provider: IdentityProvider) -> dict[str, Any]:
    """mozilla-django-oidc's setting names, filled from one provider row."""
    staff = provider.purpose == IdentityProvider.Purpose.STAFF
    return {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": provider.authorization_endpoint,
        "OIDC_OP_TOKEN_ENDPOINT": provider.token_endpoint,
        "OIDC_OP_USER_ENDPOINT": provider.userinfo_endpoint,
        "OIDC_OP_JWKS_ENDPOINT": provider.jwks_endpoint,
        "OIDC_RP_CLIENT_ID": provider.client_id,
        "OIDC_RP_CLIENT_SECRET": provider.client_secret,
        "OIDC_RP_SIGN_ALGO": provider.sign_algorithm,
        "OIDC_RP_SCOPES": provider.scopes,
        "OIDC_USE_NONCE": True,
        "OIDC_USE_PKCE": provider.use_pkce,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "sso:callback",
        # A staff member's ID token is kept in the session for the logout at the provider; a
        # client's is not (a DigiD broker's ID token can carry the BSN).
        "OIDC_STORE_ID_TOKEN": staff,
        "OIDC_STORE_ACCESS_TOKEN": False,
        "OIDC_CREATE_USER": False,
        "LOGIN_REDIRECT_URL": "ui:home" if staff else "cases:my_page",
    }


class ProviderSettingsMixin:
    provider: IdentityProvider | None = None

    def get_settings(self, attr: str, *args: Any) -> Any:
        if self.provider is not None:
            value = provider_settings(self.provider).get(attr, _MISSING)
            if value is not _MISSING:
                return value
        return import_from_settings(attr, *args)


class ProviderBackend(ProviderSettingsMixin, OIDCAuthenticationBackend):
    """Signs in through the provider that ``sso.views.callback`` put on the request."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # settings come per request
        self.UserModel = get_user_model()
        self.provider = None

    def authenticate(self, request, **kwargs: Any):
        provider = getattr(request, REQUEST_ATTRIBUTE, None) if request is not None else None
        if provider is None:
            return None
        self.provider = provider
        config = provider_settings(provider)
        self.OIDC_OP_TOKEN_ENDPOINT = config["OIDC_OP_TOKEN_ENDPOINT"]
        self.OIDC_OP_USER_ENDPOINT = config["OIDC_OP_USER_ENDPOINT"]
        self.OIDC_OP_JWKS_ENDPOINT = config["OIDC_OP_JWKS_ENDPOINT"]
        self.OIDC_RP_CLIENT_ID = config["OIDC_RP_CLIENT_ID"]
        self.OIDC_RP_CLIENT_SECRET = config["OIDC_RP_CLIENT_SECRET"]
        self.OIDC_RP_SIGN_ALGO = config["OIDC_RP_SIGN_ALGO"]
        self.OIDC_RP_IDP_SIGN_KEY = None
        return super().authenticate(request, **kwargs)

    def _verify_jws(self, payload: str, key: Any) -> dict:
        """Signature with the expected algorithm, and the issuer, audience and lifetime."""
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("Unexpected signing algorithm")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=self.provider.issuer,
                leeway=60,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.InvalidTokenError as exc:
            raise SuspiciousOperation(f"ID token rejected: {exc}") from exc

    def verify_token(self, token: str, **kwargs: Any) -> dict:
        if not token:
            raise SuspiciousOperation("No ID token")
        payload = super().verify_token(token, **kwargs)
        self._id_token_claims = payload
        return payload

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if str(userinfo.get("sub")) != str(payload.get("sub")):
            raise SuspiciousOperation("userinfo is about someone else")
        claims = {**payload, **userinfo}
        try:
            if self.provider.is_for_clients:
                return services.client_sign_in(provider=self.provider, claims=claims)
            return services.staff_sign_in(provider=self.provider, claims=claims)
        except services.SignInRefused as refused:
            self.request.dv_sso_refused = refused.message
            logger.info("single sign-on refused at %s: %s", self.provider.slug, refused)
            raise

    def get_user(self, user_id: Any):
        return self.UserModel._default_manager.filter(pk=user_id, is_active=True).first()


class PasswordPolicyBackend:
    """Stops a password sign-in for roles the organisation signs in through its provider.

    Not a ``BaseBackend``: without ``get_user`` it never becomes a session's backend.
    """

    def authenticate(self, request, username: str | None = None, password: str | None = None, **kw):
        if not username or password is None:
            return None
        user = get_user_model()._default_manager.filter(email__iexact=username.strip()).first()
        if (
            user is not None
            and not selectors.password_allowed(user)
            and user.check_password(password)
        ):
            if request is not None:
                messages.info(
                    request,
                    _("Your organisation signs you in with its own account. Use the button below."),
                )
            raise PermissionDenied
        return None
