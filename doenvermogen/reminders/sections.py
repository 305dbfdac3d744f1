"""Context for the reminders sections on the trajectory page and on the client's own page."""

from __future__ import annotations

from doenvermogen.reminders import selectors
from doenvermogen.reminders.agenda import agenda_build


def trajectory(request, trajectory) -> dict:
    return {
        "trajectory": trajectory,
        "data": selectors.trajectory_reminders(user=request.user, trajectory=trajectory),
    }


def client_page(request, client) -> dict | None:
    data = selectors.client_reminders(user=request.user)
    if not (data.appointments or data.coming or data.has_feed):
        return None
    return {"data": data, "agenda": agenda_build(data)}
