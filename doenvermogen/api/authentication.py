"""Token authentication for the API: ``Authorization: Bearer dv_…`` (or ``Token dv_…``)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from doenvermogen.api.models import ApiToken
from doenvermogen.api.services import token_hash


class TokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode(errors="replace") not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give one token after the word Bearer."))
        secret = header[1].decode(errors="replace")
        token = (
            ApiToken.objects.select_related("service_user", "organisation")
            .filter(token_hash=token_hash(secret), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.service_user.is_active:
            raise exceptions.AuthenticationFailed(_("Unknown or stopped token."))
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.service_user, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="doenvermogen"'


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "doenvermogen.api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "An API token (dv_…)."}
