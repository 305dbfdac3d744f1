"""A client's personal sign-in link. Only a hash of the token is stored.

It lives above ``cases`` (it points to ``cases.Client``) so that ``accounts`` stays below it: the
apps form layers (docs/architecture.md). The table was ``accounts_clientaccesslink`` until the
move (migration ``clientaccess.0001``, which keeps every row).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel


class ClientAccessLink(IdempotentModel):
    """A personal sign-in link for a client. Only a hash of the token is stored."""

    client = models.ForeignKey(
        "cases.Client", on_delete=models.CASCADE, related_name="access_links"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    sent_to = models.EmailField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sign-in link")
        verbose_name_plural = _("sign-in links")

    def __str__(self) -> str:
        return f"link for client {self.client_id} ({self.created_at:%Y-%m-%d})"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now
