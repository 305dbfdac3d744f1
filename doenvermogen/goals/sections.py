"""Context for the goals sections on the trajectory page and on the client's own page."""

from __future__ import annotations

from doenvermogen.goals import selectors


def trajectory(request, trajectory) -> dict:
    _trajectory, plans = selectors.goal_plans_for_trajectory(
        user=request.user, trajectory_id=trajectory.pk, purpose="trajectory page: goal plans"
    )
    return {
        "trajectory": trajectory,
        "plans": plans,
        "check": selectors.latest_executive_skill_check(trajectory=trajectory),
    }


def client_page(request, client) -> dict | None:
    data = selectors.client_steps(user=request.user)
    if not (data.plans or data.done):
        return None
    return {"steps": data}
