"""Template filters of the reminders app."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def webcal(url: str) -> str:
    """The calendar feed's address with the ``webcal`` scheme, for http and https alike."""
    _scheme, sep, rest = str(url).partition("://")
    return f"webcal://{rest}" if sep else str(url)
