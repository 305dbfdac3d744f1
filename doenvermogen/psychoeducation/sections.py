"""What psycho-education adds to the trajectory page and to the client's own page."""

from __future__ import annotations

from django.urls import reverse

from doenvermogen.psychoeducation import selectors
from doenvermogen.psychoeducation.models import Session

STEP_URLS = {
    Session.Step.EXPLANATION: "psychoeducation:explain",
    Session.Step.RECOGNITION: "psychoeducation:recognise",
    Session.Step.STRATEGIES: "psychoeducation:strategies",
    Session.Step.SUMMARY: "psychoeducation:summary",
    Session.Step.REVIEW: "psychoeducation:review",
}


def trajectory_context(request, ctx) -> dict:
    """The trajectory page's section (``ctx``: the page's authorized trajectory)."""
    overview = selectors.overview_for_trajectory(ctx)
    continue_url = ""
    if overview.open_session:
        step = overview.open_session.step
        if step == Session.Step.RECOGNITION and overview.open_session.recognised_at:
            continue_url = reverse("psychoeducation:choose", args=[overview.open_session.pk])
        else:
            continue_url = reverse(STEP_URLS[Session.Step(step)], args=[overview.open_session.pk])
    return {
        "trajectory": ctx.trajectory,
        "overview": overview,
        "continue_url": continue_url,
        "timeline": selectors.timeline(ctx),
    }


def client_page_context(request, ctx) -> dict | None:
    """The client's own page (``ctx``: the authorized client)."""
    sessions = selectors.shared_sessions_for_client(ctx)
    if not sessions:
        return None
    shown = [s for s in sessions if s.is_open] or sessions[:1]
    return {
        "sessions": [
            {"session": s, "blocks": selectors.chosen_effects_with_strategies(s)} for s in shown
        ]
    }
