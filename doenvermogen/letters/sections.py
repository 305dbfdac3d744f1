"""The letters block of the team-meeting page: checks with the letter checker per team.

Counts only (an anonymous tally per editing session: no text, no user, no client). A group below
five is shown as "fewer than 5" and its median levels are not shown, as on the rest of that page.
"""

from __future__ import annotations

from doenvermogen.accounts.models import Membership
from doenvermogen.accounts.selectors import teams_led_by, user_has_role
from doenvermogen.letters.selectors import team_check_counts

MIN_GROUP = 5


def team_meeting(request, period=None) -> dict | None:
    """Context for letters/_team_section.html for the teams the user leads (None: not shown),
    for the team meeting's period (``None``: everything so far)."""
    if not user_has_role(request.user, Membership.Role.TEAM_LEAD):
        return None
    team_ids = set(teams_led_by(request.user).values_list("pk", flat=True))
    counts = team_check_counts(
        team_ids=team_ids,
        since=period.start_dt if period is not None else None,
        until=period.end_dt if period is not None else None,
    )
    small = counts["checked"] < MIN_GROUP
    return {
        "checked": None if 0 < counts["checked"] < MIN_GROUP else counts["checked"],
        "median_before": None if small else counts["median_before"],
        "median_after": None if small else counts["median_after"],
        "suppressed": small and counts["checked"] > 0,
    }
