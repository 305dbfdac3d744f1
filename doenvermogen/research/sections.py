"""Research sections on the trajectory page and on the client's own page.

Both receive the page's ``Authorized`` context and read through it (no second authorization, no
second access-log row).
"""

from __future__ import annotations

from doenvermogen.research import selectors
from doenvermogen.research.forms import EnrolForm


def trajectory(request, ctx) -> dict | None:
    data = selectors.trajectory_research(ctx.trajectory)
    if not data["participants"] and not data["studies"].exists():
        return None
    data["trajectory"] = ctx.trajectory
    data["enrol_form"] = EnrolForm(studies=data["studies"])
    return data


def client_page(request, ctx) -> dict | None:
    open_items = selectors.open_questionnaires_for_client(ctx.client)
    if not open_items:
        return None
    return {"questionnaires": open_items}
