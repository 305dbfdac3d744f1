"""``{% sso_sign_in_buttons %}``: a button per switched-on staff identity provider."""

from __future__ import annotations

from django import template

from doenvermogen.sso import selectors
from doenvermogen.sso.models import IdentityProvider

register = template.Library()


@register.inclusion_tag("sso/_sign_in_buttons.html", takes_context=True)
def sso_sign_in_buttons(context) -> dict:
    return {
        "providers": list(selectors.providers_enabled(purpose=IdentityProvider.Purpose.STAFF)),
        "next": context.get("next", ""),
    }
