"""Geldrust on other pages: the trajectory page, the client's own page, the team meeting."""

from __future__ import annotations

from doenvermogen.accounts.models import Membership
from doenvermogen.accounts.selectors import user_has_role
from doenvermogen.geldrust import selectors


def trajectory(request, trajectory) -> dict:
    """The page authorized the trajectory already; read its checks without a second log row."""
    return {
        "trajectory": trajectory,
        "checks": selectors.checks_for_trajectory(trajectory=trajectory),
    }


def client_page(request, client) -> dict:
    return {"check": selectors.latest_check_for_client(client=client)}


def team_meeting(request, since) -> dict | None:
    if not user_has_role(request.user, Membership.Role.TEAM_LEAD):
        return None
    return {"money": selectors.team_money_overview(user=request.user, since=since)}
