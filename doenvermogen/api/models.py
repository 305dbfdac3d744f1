"""API tokens for case systems: one per connection, per organisation, with scopes.

A token acts as its own service account (a staff user "API: <name>" with the professional role in
the teams the administrator picked), so the API goes through the same selectors as the web pages:
it sees what a professional of those teams sees, and the access log names the connection.
Only a SHA-256 hash of the token is kept; the token itself is shown once.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RESOURCES = [
    ("clients", _("clients")),
    ("trajectories", _("trajectories")),
    ("involvements", _("who is involved")),
    ("consents", _("consents")),
    ("goals", _("goal plans and steps")),
    ("psychoeducation", _("psycho-education summaries")),
    ("reminders", _("reminders")),
    ("appointments", _("appointments")),
    ("geldrust", _("money checks (geldrust)")),
    ("letters", _("letter checks")),
]
SCOPES = [
    (f"{resource}:{mode}", f"{label} – {mode}")
    for resource, label in RESOURCES
    for mode in ("read", "write")
]


class ApiToken(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name of the connection"), max_length=100)
    prefix = models.CharField(_("first characters"), max_length=8, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    teams = models.ManyToManyField(
        "accounts.Team",
        related_name="+",
        verbose_name=_("teams"),
        help_text=_("The token sees the trajectories of these teams, like a professional there."),
    )
    service_user = models.OneToOneField(
        "accounts.User",
        on_delete=models.PROTECT,
        related_name="api_token",
        editable=False,
    )
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("made on"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("stopped on"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
