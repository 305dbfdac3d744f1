"""``{{ value|readable }}``: a value of the "what we keep" download as a person reads it."""

from __future__ import annotations

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def readable(value: object) -> str:
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    return "" if value is None else str(value)
