"""Psycho-education's signal for "Mijn cliënten": a review of the strategies is due."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from doenvermogen.cases.attention import register_attention
from doenvermogen.psychoeducation.models import Session


def _review_due(today: datetime.date):
    return Exists(
        Session.objects.filter(
            trajectory=OuterRef("pk"), next_review_on__lte=today, stopped_at__isnull=True
        )
    )


def register() -> None:
    register_attention(code="review_due", label=_("review due"), order=10, expression=_review_due)
