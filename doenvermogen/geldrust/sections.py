"""Geldrust on other pages: the trajectory page, the client's own page, the team meeting."""

from __future__ import annotations

from doenvermogen.accounts.models import Membership
from doenvermogen.accounts.selectors import user_has_role
from doenvermogen.geldrust import selectors


def trajectory(request, ctx) -> dict:
    """The page authorized the trajectory already (``ctx``); no second log row."""
    return {
        "trajectory": ctx.trajectory,
        "checks": selectors.checks_for_trajectory(trajectory=ctx.trajectory),
    }


def client_page(request, ctx) -> dict:
    return {"check": selectors.latest_check_for_client(client=ctx.client)}


def team_meeting(request, period=None) -> dict | None:
    """The team meeting's money block for the page's period (``None``: everything so far)."""
    if not user_has_role(request.user, Membership.Role.TEAM_LEAD):
        return None
    start = period.start_dt if period is not None else None
    end = period.end_dt if period is not None else None
    return {"money": selectors.team_money_overview(user=request.user, start=start, end=end)}
