"""Evidence beside opinions: what the product itself can see per building block, as team counts.

Each provider takes the team ids and a start moment and returns a short sentence or ``None``
(nothing to show). Counts below ``MIN_GROUP`` are shown as "fewer than 5". Only counts of
trajectories, plans or letters: no names, no client ids, no text.

Hooks for apps that other helpers build (looked up by name, so this app does not depend on them):
- written communication: ``doenvermogen.letters.selectors.team_check_counts(team_ids=, since=)``
  returning ``{"checked": int, "median_before": int|None, "median_after": int|None}``;
- geldrust: ``doenvermogen.geldrust.selectors.team_check_counts(team_ids=, since=)`` returning
  ``{"checks": int}``;
- rooms: ``doenvermogen.rooms.selectors.organisation_room_counts(organisation_ids=)`` returning
  ``{"checked": int}``.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable

from django.utils.translation import gettext as _

from doenvermogen.accounts.models import Team
from doenvermogen.goals.models import ExecutiveSkillCheck, GoalPlan, Reward, Step
from doenvermogen.psychoeducation.models import Session
from doenvermogen.selfscan.selectors import checkin_people_count, suppress

Provider = Callable[[set[int], datetime.datetime], str | None]

#: Where the geldrust app's counts live (looked up by name: this app does not import it).
MONEY_CALM_HOOK = ("doenvermogen.geldrust.selectors", "team_check_counts")


def _count_text(n: int) -> str:
    shown = suppress(n)
    return str(shown) if shown is not None else _("fewer than 5")


def _hook(module: str, name: str) -> Callable | None:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError:
        return None
    return getattr(mod, name, None)


def _psychoeducation(team_ids: set[int], since: datetime.datetime) -> str | None:
    n = (
        Session.objects.filter(trajectory__team_id__in=team_ids, started_at__gte=since)
        .values("trajectory_id")
        .distinct()
        .count()
    )
    return _("Psycho-education offered in %(n)s trajectories.") % {"n": _count_text(n)}


def _goal_instruments(team_ids: set[int], since: datetime.datetime) -> str | None:
    n = GoalPlan.objects.filter(trajectory__team_id__in=team_ids, created_at__gte=since).count()
    return _("%(n)s goal plans made.") % {"n": _count_text(n)}


def _learning_goals(team_ids: set[int], since: datetime.datetime) -> str | None:
    n = Step.objects.filter(
        plan__trajectory__team_id__in=team_ids, created_at__gte=since, is_learning_goal=True
    ).count()
    return _("%(n)s learning goals set.") % {"n": _count_text(n)}


def _rewards(team_ids: set[int], since: datetime.datetime) -> str | None:
    n = Reward.objects.filter(
        plan__trajectory__team_id__in=team_ids, plan__created_at__gte=since
    ).count()
    return _("%(n)s rewards agreed in goal plans.") % {"n": _count_text(n)}


def _executive_skills(team_ids: set[int], since: datetime.datetime) -> str | None:
    n = ExecutiveSkillCheck.objects.filter(
        trajectory__team_id__in=team_ids, created_at__gte=since
    ).count()
    return _("%(n)s times 'what is easy and hard' filled in with clients.") % {"n": _count_text(n)}


def _written_communication(team_ids: set[int], since: datetime.datetime) -> str | None:
    hook = _hook("doenvermogen.letters.selectors", "team_check_counts")
    if hook is None:
        return None
    counts = hook(team_ids=team_ids, since=since)
    text = _("%(n)s letters checked.") % {"n": _count_text(counts.get("checked", 0))}
    before, after = counts.get("median_before"), counts.get("median_after")
    if suppress(counts.get("checked", 0)) and before is not None and after is not None:
        text += " " + _("Median level went from %(a)s to %(b)s.") % {"a": before, "b": after}
    return text


def _money_calm(team_ids: set[int], since: datetime.datetime) -> str | None:
    hook = _hook(MONEY_CALM_HOOK[0], MONEY_CALM_HOOK[1])
    if hook is None:
        return None
    counts = hook(team_ids=team_ids, since=since)
    return _("%(n)s money checks.") % {"n": _count_text(counts.get("checks", 0))}


def _rooms(team_ids: set[int], since: datetime.datetime) -> str | None:
    hook = _hook("doenvermogen.rooms.selectors", "organisation_room_counts")
    if hook is None:
        return None
    orgs = set(Team.objects.filter(pk__in=team_ids).values_list("organisation_id", flat=True))
    counts = hook(organisation_ids=orgs)
    return _("%(n)s room layouts checked.") % {"n": counts.get("checked", 0)}


def _professional_stress(team_ids: set[int], since: datetime.datetime) -> str | None:
    n = checkin_people_count(team_ids=team_ids, since=since)
    return _("%(n)s people did a private stress check-in.") % {"n": _count_text(n)}


PROVIDERS: dict[str, Provider] = {
    "goal_instruments": _goal_instruments,
    "executive_skills": _executive_skills,
    "psychoeducation": _psychoeducation,
    "rewards": _rewards,
    "learning_goals": _learning_goals,
    "written_communication": _written_communication,
    "rooms": _rooms,
    "money_calm": _money_calm,
    "professional_stress": _professional_stress,
}


def quarter_start(today: datetime.date) -> datetime.date:
    return datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def evidence_for(*, team_ids: set[int], since: datetime.datetime) -> dict[str, str]:
    """Block code → one sentence of evidence (only blocks with something to show)."""
    out = {}
    for code, provider in PROVIDERS.items():
        text = provider(team_ids, since)
        if text:
            out[code] = text
    return out
