"""Template helpers for geldrust: status labels and euro amounts, both in plain Dutch."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

from doenvermogen.geldrust.rules.format import euro as _euro

register = template.Library()


@register.filter
def status_label(status: str) -> str:
    return {
        "likely_yes": _("Probably yes"),
        "maybe": _("Maybe"),
        "no": _("Probably not"),
    }.get(status, status)


@register.filter
def euro(value) -> str:
    if value is None or value == "":
        return ""
    return _euro(value)


@register.filter
def route_label(kind: str) -> str:
    from doenvermogen.geldrust.models import DebtRoute

    return dict(DebtRoute.Kind.choices).get(kind, kind)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def iso_date(value: str):
    """'2026-01-01' as a date, for Django's date filter (empty when it is not a date)."""
    import datetime

    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None
