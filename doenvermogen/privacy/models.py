"""Retention periods per organisation and kind of data, and what erasure has already done."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.privacy.register import CATEGORIES


class RetentionPolicy(models.Model):
    """How long an organisation keeps one kind of data after a client's last trajectory ended."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    category = models.CharField(
        _("kind of data"), max_length=20, choices=[(k, v) for k, v in CATEGORIES.items()]
    )
    days = models.PositiveIntegerField(
        _("days after the end"), validators=[MinValueValidator(0), MaxValueValidator(36500)]
    )
    reason = models.CharField(_("why this period"), max_length=300, blank=True)

    class Meta:
        ordering = ["organisation__name", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "category"], name="privacy_retention_unique"
            )
        ]
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_category_display()} – {self.days}"


class ErasureRecord(models.Model):
    """One kind of data of one client has been erased (so the task does not do it twice).

    Holds no personal data: the client id is kept as a number, like the access log does.
    """

    client_id = models.BigIntegerField()
    category = models.CharField(max_length=20)
    erased_at = models.DateTimeField(default=timezone.now)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client_id", "category"], name="privacy_erasure_unique")
        ]
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")

    def __str__(self) -> str:
        return f"client {self.client_id}: {self.category}"
