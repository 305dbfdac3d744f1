"""Writes for API tokens: make one (with its service account), stop one."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from doenvermogen.accounts.models import Membership, Organisation, Team, User
from doenvermogen.api.models import ApiToken

TOKEN_PREFIX = "dv_"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _service_user(name: str) -> User:
    return User.objects.create_user(
        email=f"api-{secrets.token_hex(6)}@api.invalid", name=f"API: {name}"[:200]
    )


@transaction.atomic
def api_token_create(
    *,
    organisation: Organisation,
    name: str,
    scopes: list[str],
    teams: list[Team],
    author: User | None,
) -> tuple[ApiToken, str]:
    """A new token; returns it with the secret (shown once, never stored)."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        organisation=organisation,
        name=name,
        prefix=secret[:8],
        token_hash=token_hash(secret),
        scopes=sorted(set(scopes)),
        service_user=_service_user(name),
        created_by=author,
    )
    token.save()
    api_token_set_teams(token=token, teams=teams)
    return token, secret


@transaction.atomic
def api_token_set_teams(*, token: ApiToken, teams: list[Team]) -> None:
    """The token's service account is a professional in exactly these teams (of its org)."""
    teams = [t for t in teams if t.organisation_id == token.organisation_id]
    token.teams.set(teams)
    user = token.service_user
    user.memberships.exclude(team__in=teams).delete()
    for team in teams:
        Membership.objects.get_or_create(
            user=user,
            organisation=token.organisation,
            team=team,
            role=Membership.Role.PROFESSIONAL,
        )


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        token.service_user.is_active = False
        token.service_user.save(update_fields=["is_active"])
