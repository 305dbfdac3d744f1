"""Identity providers (OpenID Connect) set up by an administrator, and who signed in through them.

Staff sign in through their organisation's provider (Entra ID, Keycloak, …); clients may sign in
with DigiD through an OIDC broker when their organisation switches that on. For clients only a keyed
hash of the citizen service number (BSN) is kept, never the number itself.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.accounts.models import Membership


class IdentityProvider(models.Model):
    class Purpose(models.TextChoices):
        STAFF = "staff", _("staff of the organisation")
        CLIENT = "client", _("clients through DigiD (broker)")

    class SignAlgorithm(models.TextChoices):
        RS256 = "RS256", "RS256"
        ES256 = "ES256", "ES256"
        PS256 = "PS256", "PS256"

    name = models.CharField(_("name on the sign-in button"), max_length=100)
    slug = models.SlugField(_("short name in the address"), max_length=50, unique=True)
    purpose = models.CharField(
        _("who signs in"), max_length=10, choices=Purpose.choices, default=Purpose.STAFF
    )
    enabled = models.BooleanField(_("switched on"), default=False)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation (for DigiD)"),
        help_text=_("Clients of this organisation may sign in with DigiD through this broker."),
    )
    issuer = models.URLField(_("issuer"), max_length=500)
    authorization_endpoint = models.URLField(
        _("authorization endpoint"), max_length=500, blank=True
    )
    token_endpoint = models.URLField(_("token endpoint"), max_length=500, blank=True)
    userinfo_endpoint = models.URLField(_("userinfo endpoint"), max_length=500, blank=True)
    jwks_endpoint = models.URLField(_("JWKS endpoint"), max_length=500, blank=True)
    end_session_endpoint = models.URLField(
        _("end-session (logout) endpoint"), max_length=500, blank=True
    )
    client_id = models.CharField(_("client id"), max_length=200)
    client_secret = models.CharField(_("client secret"), max_length=500)
    scopes = models.CharField(_("scopes"), max_length=200, default="openid email profile")
    sign_algorithm = models.CharField(
        _("signing algorithm"),
        max_length=10,
        choices=SignAlgorithm.choices,
        default=SignAlgorithm.RS256,
    )
    use_pkce = models.BooleanField(_("use PKCE"), default=True)
    email_claim = models.CharField(
        _("claim with the e-mail address"), max_length=100, default="email"
    )
    name_claim = models.CharField(_("claim with the name"), max_length=100, default="name")
    organisation_claim = models.CharField(
        _("claim with the organisation"),
        max_length=100,
        default="organisation",
        help_text=_("For Entra ID the tenant id: tid."),
    )
    roles_claim = models.CharField(
        _("claim with the roles or groups"),
        max_length=100,
        default="roles",
        help_text=_("Entra ID: roles (app roles) or groups; Keycloak: a mapped claim."),
    )
    bsn_claim = models.CharField(
        _("claim with the BSN (DigiD)"),
        max_length=100,
        default="bsn",
        help_text=_("Read once to find the client; never stored."),
    )
    password_roles = models.JSONField(
        _("roles that may still sign in with a password"),
        default=list,
        blank=True,
        help_text=_(
            "For staff of the organisations below. Roles not ticked must use this provider."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("identity provider")
        verbose_name_plural = _("identity providers")

    def __str__(self) -> str:
        return self.name

    @property
    def is_for_clients(self) -> bool:
        return self.purpose == self.Purpose.CLIENT


class OrganisationMapping(models.Model):
    """A value of the organisation claim that stands for one of our organisations."""

    provider = models.ForeignKey(
        IdentityProvider, on_delete=models.CASCADE, related_name="organisation_mappings"
    )
    claim_value = models.CharField(_("value of the claim"), max_length=200)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "claim_value"], name="sso_organisation_mapping_unique"
            )
        ]
        verbose_name = _("organisation mapping")
        verbose_name_plural = _("organisation mappings")

    def __str__(self) -> str:
        return f"{self.claim_value} → {self.organisation}"


class RoleMapping(models.Model):
    """A value of the roles claim that gives a role (in a team, for team roles)."""

    provider = models.ForeignKey(
        IdentityProvider, on_delete=models.CASCADE, related_name="role_mappings"
    )
    claim_value = models.CharField(_("value of the claim"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("team"),
        help_text=_("Needed for professional and team lead."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "claim_value", "role", "team"], name="sso_role_mapping_unique"
            )
        ]
        verbose_name = _("role mapping")
        verbose_name_plural = _("role mappings")

    def __str__(self) -> str:
        return f"{self.claim_value} → {self.get_role_display()} {self.team or ''}".strip()


class StaffIdentity(models.Model):
    """A staff member's account at a provider (its stable ``sub``)."""

    provider = models.ForeignKey(IdentityProvider, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(max_length=255)
    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="sso_identities"
    )
    last_sign_in_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "subject"], name="sso_staff_identity_unique"
            )
        ]
        verbose_name = _("staff identity")
        verbose_name_plural = _("staff identities")

    def __str__(self) -> str:
        return f"{self.user} @ {self.provider}"


class ClientIdentity(models.Model):
    """A client's DigiD, kept as a keyed hash (HMAC-SHA256) of the BSN: the number itself never."""

    client = models.OneToOneField(
        "cases.Client", on_delete=models.CASCADE, related_name="digid_identity"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    bsn_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    last_sign_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "bsn_hash"], name="sso_client_identity_unique"
            )
        ]
        verbose_name = _("DigiD link")
        verbose_name_plural = _("DigiD links")

    def __str__(self) -> str:
        return f"DigiD link for client {self.client_id}"
