"""Context for the goals sections on the trajectory page and on the client's own page.

Both receive the page's ``Authorized`` context and read through it (no second authorization).
"""

from __future__ import annotations

from doenvermogen.goals import selectors


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
