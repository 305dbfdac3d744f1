"""Reads for single sign-on: which providers are switched on, and may this user use a password."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from doenvermogen.accounts.models import User
from doenvermogen.accounts.selectors import organisations_administered_by
from doenvermogen.sso.models import IdentityProvider


def providers_enabled(*, purpose: str) -> QuerySet[IdentityProvider]:
    return IdentityProvider.objects.filter(enabled=True, purpose=purpose).order_by("name")


def provider_enabled_by_slug(slug: str) -> IdentityProvider | None:
    return IdentityProvider.objects.filter(enabled=True, slug=slug).first()


def provider_enabled_by_id(pk: object) -> IdentityProvider | None:
    try:
        number = int(pk)
    except (TypeError, ValueError):
        return None
    return IdentityProvider.objects.filter(enabled=True, pk=number).first()


def password_allowed(user: User) -> bool:
    """False when an organisation of this user signs its staff in through a provider, and one of
    the user's roles there is not among the provider's "may still use a password" roles."""
    if user.is_client:
        return True
    memberships = list(user.memberships.values_list("organisation_id", "role"))
    if not memberships:
        return True
    org_ids = {org for org, _role in memberships}
    providers = IdentityProvider.objects.filter(
        enabled=True,
        purpose=IdentityProvider.Purpose.STAFF,
        organisation_mappings__organisation_id__in=org_ids,
    ).prefetch_related("organisation_mappings")
    for provider in providers.distinct():
        mapped = {m.organisation_id for m in provider.organisation_mappings.all()}
        roles = {role for org, role in memberships if org in mapped}
        if not roles <= set(provider.password_roles or []):
            return False
    return True


def providers_for_administrator(user: User) -> list[IdentityProvider]:
    """Providers an organisation's administrator may switch on or off: staff providers that
    map to one of their organisations, and DigiD brokers of their organisations."""
    orgs = organisations_administered_by(user)
    return list(
        IdentityProvider.objects.filter(
            Q(organisation_mappings__organisation__in=orgs) | Q(organisation__in=orgs)
        )
        .distinct()
        .order_by("purpose", "name")
    )
