"""What needs attention in a trajectory: signals other apps register, used to order "Mijn cliënten".

An app above cases registers, in its ``AppConfig.ready()``, an SQL expression per trajectory::

    register_attention(code="review_due", label=_("review due"), order=10,
                       expression=lambda today: Exists(Session.objects.filter(
                           trajectory=OuterRef("pk"), next_review_on__lte=today)))

The list annotates each signal in SQL (one query, index-friendly), so the page stays fast at a
municipality's caseload; cases itself imports no app above it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Expression
from django.utils.functional import Promise


@dataclass(frozen=True)
class AttentionSignal:
    code: str
    label: Promise | str
    order: int
    expression: Callable[[datetime.date], Expression]


_signals: dict[str, AttentionSignal] = {}


def register_attention(
    *,
    code: str,
    label: Promise | str,
    expression: Callable[[datetime.date], Expression],
    order: int = 50,
) -> None:
    _signals[code] = AttentionSignal(code, label, order, expression)


def attention_signals() -> list[AttentionSignal]:
    return sorted(_signals.values(), key=lambda s: (s.order, s.code))
