"""Research sections on the trajectory page and on the client's own page (already authorized)."""

from __future__ import annotations

from doenvermogen.research import selectors
from doenvermogen.research.forms import EnrolForm


def trajectory(request, trajectory) -> dict | None:
    data = selectors.trajectory_research(trajectory)
    if not data["participants"] and not data["studies"].exists():
        return None
    data["trajectory"] = trajectory
    data["enrol_form"] = EnrolForm(studies=data["studies"])
    return data


def client_page(request, client) -> dict | None:
    open_items = selectors.open_questionnaires_for_client(client)
    if not open_items:
        return None
    return {"questionnaires": open_items}
