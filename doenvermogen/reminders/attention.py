"""Reminders' signal for "Mijn cliënten": a reminder could not be sent."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from doenvermogen.cases.attention import register_attention
from doenvermogen.reminders.models import Delivery


def _delivery_failed(today: datetime.date):
    return Exists(
        Delivery.objects.filter(reminder__trajectory=OuterRef("pk"), status=Delivery.Status.FAILED)
    )


def register() -> None:
    register_attention(
        code="reminder_failed", label=_("reminder not sent"), order=20, expression=_delivery_failed
    )
