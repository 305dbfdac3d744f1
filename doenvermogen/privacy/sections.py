"""The privacy sections: "Your data" on the client's page; end + download on the trajectory page."""

from __future__ import annotations

from doenvermogen.privacy.forms import TrajectoryEndForm


def client_page(request, client) -> dict:
    client = getattr(client, "client", None) or client  # an Authorized context
    return {"client": client}


def trajectory(request, trajectory) -> dict:
    trajectory = getattr(trajectory, "trajectory", None) or trajectory  # an Authorized context
    return {
        "trajectory": trajectory,
        "form": TrajectoryEndForm(started_on=trajectory.started_on)
        if trajectory.ended_on is None
        else None,
    }
