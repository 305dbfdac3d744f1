"""Navigation items for the base layout, by role."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from doenvermogen.accounts.models import Membership
from doenvermogen.accounts.selectors import team_ids_for_user, user_has_role

_extra_items: list[tuple[str, object, tuple[str, ...]]] = []


def register_navigation_item(url_name: str, label, roles: tuple[str, ...]) -> None:
    """Apps add menu items for staff with one of ``roles`` ("team" = professional or team lead)."""
    _extra_items.append((url_name, label, roles))


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    if user.is_client:
        return {"nav_items": [(reverse("cases:my_page"), _("My page"))]}
    items = []
    in_team = bool(team_ids_for_user(user))
    if in_team:
        items.append((reverse("cases:my_clients"), _("My clients")))
    for url_name, label, roles in _extra_items:
        if ("team" in roles and in_team) or user_has_role(user, *roles):
            items.append((reverse(url_name), label))
    if user_has_role(user, Membership.Role.ADMINISTRATOR):
        items.append((reverse("audit:search"), _("Access log")))
    return {"nav_items": items}
