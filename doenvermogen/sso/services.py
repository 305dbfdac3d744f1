"""Writes for single sign-on: turn verified claims into a signed-in user, link a client's DigiD.

``staff_sign_in`` and ``client_sign_in`` get claims that ``backends.ProviderBackend`` has already
verified (signature, issuer, audience, expiry, nonce). They refuse rather than guess: no account is
made for an organisation or role the administrator did not map, and a client is found only through
the keyed hash of the BSN that a professional linked before.
"""

from __future__ import annotations

import secrets

from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.accounts.models import Membership, User
from doenvermogen.audit import events
from doenvermogen.audit.services import log_event
from doenvermogen.cases.models import Client
from doenvermogen.sso.bsn import bsn_hash, bsn_is_valid
from doenvermogen.sso.models import ClientIdentity, IdentityProvider, StaffIdentity


class SignInRefused(SuspiciousOperation):
    """The provider vouched for someone we will not let in; ``message`` says why, for people."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple | set):
        return [str(v) for v in value]
    return [str(value)]


@transaction.atomic
def staff_sign_in(*, provider: IdentityProvider, claims: dict) -> User:
    """The staff user for these claims, with memberships as the provider's claims say."""
    subject = str(claims.get("sub") or "")
    if not subject:
        raise SignInRefused(_("The sign-in service did not say who you are."))
    mappings = {m.claim_value: m.organisation for m in provider.organisation_mappings.all()}
    organisation = next(
        (mappings[v] for v in _as_list(claims.get(provider.organisation_claim)) if v in mappings),
        None,
    )
    if organisation is None:
        raise SignInRefused(
            _("Your organisation does not use doenvermogen yet. Ask your administrator.")
        )
    claimed_roles = set(_as_list(claims.get(provider.roles_claim)))
    wanted = {
        (m.role, m.team_id)
        for m in provider.role_mappings.select_related("team").filter(claim_value__in=claimed_roles)
        if m.team is None or m.team.organisation_id == organisation.pk
    }
    wanted = {
        (role, team)
        for role, team in wanted
        if (role in Membership.TEAM_ROLES) == (team is not None)
    }
    if not wanted:
        raise SignInRefused(_("You have no role in doenvermogen yet. Ask your administrator."))
    email = str(claims.get(provider.email_claim) or "").strip().lower()
    if not email:
        raise SignInRefused(_("The sign-in service did not give your e-mail address."))
    name = str(claims.get(provider.name_claim) or "").strip()[:200]

    identity = (
        StaffIdentity.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(provider=provider, subject=subject)
        .first()
    )
    if identity is not None:
        user = identity.user
    else:
        user = User.objects.filter(email__iexact=email).first()
        if user is not None:
            other_orgs = set(user.memberships.values_list("organisation_id", flat=True)) - {
                organisation.pk
            }
            if user.is_client or user.is_superuser or other_orgs:
                raise SignInRefused(
                    _("An account with this e-mail address already exists. Ask your administrator.")
                )
        else:
            user = User.objects.create_user(email=email, name=name)
        identity = StaffIdentity.objects.create(provider=provider, subject=subject, user=user)
    if user.is_client or not user.is_active:
        raise SignInRefused(_("This account may not sign in here."))

    changed = []
    if name and user.name != name:
        user.name = name
        changed.append("name")
    if user.email != email and not User.objects.filter(email=email).exclude(pk=user.pk).exists():
        user.email = email
        changed.append("email")
    if changed:
        user.save(update_fields=changed)
    # The provider is the source of truth for roles in this organisation.
    current = {(m.role, m.team_id): m for m in user.memberships.filter(organisation=organisation)}
    for key, membership in current.items():
        if key not in wanted:
            membership.delete()
    for role, team_id in wanted - set(current):
        Membership.objects.create(user=user, organisation=organisation, team_id=team_id, role=role)
    identity.last_sign_in_at = timezone.now()
    identity.save(update_fields=["last_sign_in_at"])
    for attr in ("_dv_roles", "_dv_team_ids"):
        user.__dict__.pop(attr, None)
    return user


@transaction.atomic
def client_sign_in(*, provider: IdentityProvider, claims: dict) -> User:
    """The client user for the BSN in these claims (read, hashed, forgotten)."""
    bsn = str(claims.get(provider.bsn_claim) or "")
    if not bsn_is_valid(bsn) or provider.organisation_id is None:
        raise SignInRefused(_("DigiD did not give a citizen service number we can use."))
    identity = (
        ClientIdentity.objects.select_for_update(of=("self",))
        .select_related("client", "client__user")
        .filter(organisation_id=provider.organisation_id, bsn_hash=bsn_hash(bsn))
        .first()
    )
    if identity is None:
        raise SignInRefused(
            _("We could not find your page yet. Ask your professional for your personal link.")
        )
    client = identity.client
    user = client.user
    if user is None:
        user = User.objects.create_user(
            email=f"client-{client.pk}-{secrets.token_hex(4)}@clients.invalid",
            name=client.display_name,
            kind=User.Kind.CLIENT,
        )
        client.user = user
        client.save(update_fields=["user"])
    if not user.is_active:
        raise SignInRefused(_("Your page is closed. Ask your professional."))
    identity.last_sign_in_at = timezone.now()
    identity.save(update_fields=["last_sign_in_at"])
    log_event(events.CLIENT_DIGID_SIGN_IN, actor=user, client_id=client.pk, object_id=identity.pk)
    return user


@transaction.atomic
def client_identity_link(*, client: Client, bsn: str, author: User) -> ClientIdentity:
    """Link a client's DigiD: keep the keyed hash of the BSN the professional typed, not the BSN.

    The caller has checked the number (``bsn_is_valid``) and authorized the client; this write
    records its own access-log row. Linking again replaces the old link.
    """
    digest = bsn_hash(bsn)
    ClientIdentity.objects.filter(organisation_id=client.organisation_id, bsn_hash=digest).exclude(
        client=client
    ).delete()
    identity, _created = ClientIdentity.objects.update_or_create(
        client=client,
        defaults={
            "organisation_id": client.organisation_id,
            "bsn_hash": digest,
            "created_by": author,
            "created_at": timezone.now(),
        },
    )
    log_event(events.CLIENT_DIGID_LINK, actor=author, client_id=client.pk, object_id=identity.pk)
    return identity


@transaction.atomic
def client_identity_unlink(*, client: Client, author: User) -> None:
    deleted, _rows = ClientIdentity.objects.filter(client=client).delete()
    if deleted:
        log_event(events.CLIENT_DIGID_UNLINK, actor=author, client_id=client.pk, object_id="")


@transaction.atomic
def provider_set_enabled(*, provider: IdentityProvider, enabled: bool) -> IdentityProvider:
    """Switch a provider on or off (its configuration stays)."""
    if provider.enabled != enabled:
        provider.enabled = enabled
        provider.save(update_fields=["enabled"])
    return provider
