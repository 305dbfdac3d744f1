"""Context for the reminders sections on the trajectory page and on the client's own page.

Both receive the page's ``Authorized`` context and read through it (no second authorization).
"""

from __future__ import annotations

from doenvermogen.reminders import selectors
from doenvermogen.reminders.agenda import agenda_build
from doenvermogen.ui.sections import client_today_entries


def trajectory(request, ctx) -> dict:
    return {"trajectory": ctx.trajectory, "data": selectors.trajectory_reminders(ctx)}


def client_page(request, ctx) -> dict | None:
    data = selectors.client_reminders(ctx)
    extra = client_today_entries(request, ctx)
    if not (data.appointments or data.coming or data.has_feed or extra):
        return None
    return {"data": data, "agenda": agenda_build(data), "today_extra": extra}
