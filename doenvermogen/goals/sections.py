"""Context for the goals sections on the trajectory page and on the client's own page.

Both receive the page's ``Authorized`` context and read through it (no second authorization).
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from doenvermogen.goals import selectors
from doenvermogen.ui.sections import TodayEntry


def trajectory(request, ctx) -> dict:
    return {
        "trajectory": ctx.trajectory,
        "plans": selectors.goal_plans(ctx),
        "check": selectors.latest_executive_skill_check(trajectory=ctx.trajectory),
    }


def client_page(request, ctx) -> dict | None:
    data = selectors.client_steps(ctx)
    if not (data.plans or data.done):
        return None
    return {"steps": data}


def client_today(request, ctx) -> list[TodayEntry]:
    """The client's open steps with today's date, for "Vandaag" (one query)."""
    return [
        TodayEntry(title=step.text, href=f"#step-{step.pk}", label=_("Step"))
        for step in selectors.client_steps_due_today(ctx)
    ]
