"""'Wie heeft mijn gegevens bekeken?': the access log about one client, in plain words for them.

A selector that receives an ``Authorized`` context for the client's own record (``access_own``)
and reads the access log about that client: who (name and team, or their role for an
administrator), what (the event's description from ``audit.events``), when. Exports by
administrators are included. The client's own actions and the machine's (a calendar app, the
e-mail worker) are left out: the page answers "which people looked". NEN 7513 asks that a person
can learn this; here they see it without asking.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from doenvermogen.accounts.models import Membership
from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.selectors import Authorized

# Rows written before the named events (free-text object types) get a plain kind as well.
_LEGACY_KINDS = {
    "client": events.Kind.CLIENT,
    "trajectory": events.Kind.TRAJECTORY,
    "sign_in_link": events.Kind.CLIENT_LINK,
    "consent": events.Kind.CONSENT,
    "involvement": events.Kind.INVOLVEMENT,
    "reminder": events.Kind.REMINDER,
    "appointment": events.Kind.APPOINTMENT,
    "delivery": events.Kind.DELIVERY,
    "calendarfeed": events.Kind.CALENDAR_FEED,
    "psychoeducation_session": events.Kind.PSYCHOEDUCATION,
    "psychoeducation_gate": events.Kind.PSYCHOEDUCATION,
    "recognised_effects": events.Kind.PSYCHOEDUCATION,
    "client_strategy": events.Kind.STRATEGY,
    "plan_step": events.Kind.STRATEGY,
    "psychoeducation_review": events.Kind.STRATEGY_REVIEW,
    "goalplan": events.Kind.GOAL_PLAN,
    "step": events.Kind.GOAL_STEP,
    "access_log": events.Kind.ACCESS_LOG,
}


@dataclass
class Viewing:
    """One line: a person did one thing with the client's data (``times`` on one day)."""

    at: datetime.datetime
    who: str
    team: str
    what: str
    times: int = 1


def _what(entry: AccessLogEntry) -> str:
    event = events.event_for_code(entry.event)
    if event is not None:
        return str(event.description)
    kind = _LEGACY_KINDS.get(entry.object_type)
    action = entry.get_action_display()
    return f"{action}: {kind.label}" if kind is not None else str(action)


def _teams(ctx: Authorized, actor_ids: set[int]) -> dict[int, str]:
    found: dict[int, list[str]] = {}
    memberships = Membership.objects.filter(
        user_id__in=actor_ids, organisation_id=ctx.client.organisation_id
    ).select_related("team")
    for membership in memberships.order_by("team__name", "role"):
        if membership.team is not None:
            label = membership.team.name
        else:
            label = str(membership.get_role_display())
        names = found.setdefault(membership.user_id, [])
        if label not in names:
            names.append(label)
    return {user_id: ", ".join(names) for user_id, names in found.items()}


def access_history_for_client(*, ctx: Authorized, limit: int = 60) -> list[Viewing]:
    """The newest ``limit`` lines about the (authorized) client, newest first."""
    client = ctx.client
    entries = list(
        AccessLogEntry.objects.filter(client_id=client.pk, actor__isnull=False)
        .exclude(actor_id=client.user_id)
        .select_related("actor")
        .order_by("-at", "-id")[: limit * 10]
    )
    teams = _teams(ctx, {e.actor_id for e in entries})
    lines: list[Viewing] = []
    for entry in entries:
        who = entry.actor.name or entry.actor_label if entry.actor else entry.actor_label
        what = _what(entry)
        day = timezone.localtime(entry.at).date()
        last = lines[-1] if lines else None
        if (
            last is not None
            and last.who == who
            and last.what == what
            and timezone.localtime(last.at).date() == day
        ):
            last.times += 1
            continue
        if len(lines) == limit:
            break
        lines.append(Viewing(at=entry.at, who=who, team=teams.get(entry.actor_id, ""), what=what))
    return lines
