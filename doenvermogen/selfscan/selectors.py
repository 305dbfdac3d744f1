"""Reads of the self-scan, the action plan and the stress check-ins, scoped to the acting user.

Rules (tested through every URL in tests/selfscan/test_privacy.py):
- a scan round, its results and its action plan: the members (professionals and team leads) of
  the round's team; an organisation's results: its team leads and administrators;
- results of a group are shown only when at least ``MIN_GROUP`` people answered; one person's
  answers are never shown to anyone but that person;
- a stress check-in: only its author; others get counts and averages of ``MIN_GROUP`` or more
  people, never a single answer.
Nothing here is client data, so nothing here writes the client access log.
"""

from __future__ import annotations

import datetime
import statistics
from dataclasses import dataclass, field

from django.db.models import Avg, OuterRef, QuerySet, Subquery
from django.http import Http404

from doenvermogen.accounts.models import Membership, Organisation, Team, User
from doenvermogen.accounts.selectors import team_ids_for_user
from doenvermogen.selfscan.models import (
    MIN_GROUP,
    Action,
    BuildingBlock,
    PersonalIntention,
    ScanAnswer,
    ScanResponse,
    ScanRound,
    Statement,
    StressCheckIn,
)

Role = Membership.Role


def suppress(n: int | None) -> int | None:
    """A count as it may be shown: ``None`` (shown as "fewer than 5") for 1–4 people or items."""
    if n is None:
        return None
    return n if n == 0 or n >= MIN_GROUP else None


# --- Scan rounds --------------------------------------------------------------------------------


def blocks_with_statements() -> list[BuildingBlock]:
    from django.db.models import Prefetch

    return list(
        BuildingBlock.objects.filter(active=True).prefetch_related(
            Prefetch("statements", queryset=Statement.objects.filter(active=True))
        )
    )


def rounds_for_user(user: User) -> QuerySet[ScanRound]:
    return ScanRound.objects.filter(team_id__in=team_ids_for_user(user)).select_related("team")


def round_get_for_member(*, user: User, round_id: object) -> ScanRound:
    try:
        pk = int(round_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise Http404 from None
    scan_round = rounds_for_user(user).filter(pk=pk).first()
    if scan_round is None:
        raise Http404("Not found or not allowed")
    return scan_round


def user_leads_team(user: User, team: Team) -> bool:
    return user.memberships.filter(role=Role.TEAM_LEAD, team=team).exists()


def team_members(team: Team) -> QuerySet[User]:
    return (
        User.objects.filter(
            memberships__team=team, memberships__role__in=Membership.TEAM_ROLES, is_active=True
        )
        .distinct()
        .order_by("name", "email")
    )


def own_response(*, user: User, scan_round: ScanRound) -> dict[int, ScanAnswer]:
    """The user's own answers in a round (statement id → answer)."""
    return {
        a.statement_id: a
        for a in ScanAnswer.objects.filter(response__round=scan_round, response__respondent=user)
    }


def previous_round(scan_round: ScanRound) -> ScanRound | None:
    return (
        ScanRound.objects.filter(team=scan_round.team)
        .filter(opened_on__lte=scan_round.opened_on)
        .exclude(pk=scan_round.pk)
        .exclude(opened_on=scan_round.opened_on, pk__gt=scan_round.pk)
        .order_by("-opened_on", "-id")
        .first()
    )


@dataclass
class BlockResult:
    block: BuildingBlock
    number: int
    n: int
    mean: float | None = None
    low: float | None = None
    high: float | None = None
    sd: float | None = None
    examples: list[str] = field(default_factory=list)
    previous: float | None = None

    @property
    def change(self) -> float | None:
        if self.mean is None or self.previous is None:
            return None
        return round(self.mean - self.previous, 2)


@dataclass
class Results:
    respondents: int
    shown: bool
    blocks: list[BlockResult]

    @property
    def missing(self) -> int:
        return max(0, MIN_GROUP - self.respondents)


def _results(rounds: list[ScanRound], *, with_examples: bool = True) -> Results:
    blocks = list(BuildingBlock.objects.filter(active=True))
    respondents = ScanResponse.objects.filter(round__in=rounds).count()
    if respondents < MIN_GROUP:
        return Results(
            respondents=respondents,
            shown=False,
            blocks=[BlockResult(block=b, number=i, n=0) for i, b in enumerate(blocks, 1)],
        )
    # One row per respondent and block (the respondent's mean over the block's statements),
    # aggregated by the database; spread over respondents computed from those rows.
    per_person = (
        ScanAnswer.objects.filter(response__round__in=rounds)
        .values("response_id", "statement__block_id")
        .annotate(score=Avg("level"))
    )
    scores: dict[int, list[float]] = {}
    for row in per_person:
        scores.setdefault(row["statement__block_id"], []).append(float(row["score"]))
    examples: dict[int, list[str]] = {}
    if with_examples:
        for block_id, text in (
            ScanAnswer.objects.filter(response__round__in=rounds)
            .exclude(example="")
            .order_by("example")
            .values_list("statement__block_id", "example")
        ):
            if text not in examples.setdefault(block_id, []):
                examples[block_id].append(text)
    out = []
    for i, b in enumerate(blocks, 1):
        values = scores.get(b.pk, [])
        if len(values) < MIN_GROUP:
            out.append(BlockResult(block=b, number=i, n=len(values)))
            continue
        out.append(
            BlockResult(
                block=b,
                number=i,
                n=len(values),
                mean=round(statistics.fmean(values), 2),
                low=round(min(values), 2),
                high=round(max(values), 2),
                sd=round(statistics.stdev(values), 2),
                examples=examples.get(b.pk, []),
            )
        )
    return Results(respondents=respondents, shown=True, blocks=out)


def round_results(scan_round: ScanRound) -> Results:
    """A round's results with the previous round's means beside them (when both may be shown)."""
    results = _results([scan_round])
    before = previous_round(scan_round)
    if results.shown and before is not None:
        earlier = _results([before], with_examples=False)
        if earlier.shown:
            by_block = {r.block.pk: r.mean for r in earlier.blocks}
            for r in results.blocks:
                r.previous = by_block.get(r.block.pk)
    return results


def organisations_for_results(user: User) -> QuerySet[Organisation]:
    """Organisations whose overall results the user may see (team leads and administrators)."""
    return Organisation.objects.filter(
        pk__in=user.memberships.filter(role__in=[Role.TEAM_LEAD, Role.ADMINISTRATOR]).values(
            "organisation_id"
        )
    )


def organisation_results(*, user: User, organisation_id: object) -> tuple[Organisation, Results]:
    """The latest round of every team of the organisation, taken together."""
    org = organisations_for_results(user).filter(pk=_int(organisation_id)).first()
    if org is None:
        raise Http404("Not found or not allowed")
    latest = ScanRound.objects.filter(team=OuterRef("team")).order_by("-opened_on", "-id")
    rounds = list(
        ScanRound.objects.filter(team__organisation=org).filter(
            pk=Subquery(latest.values("pk")[:1])
        )
    )
    return org, _results(rounds)


def _int(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def action_plan(scan_round: ScanRound) -> list[Action]:
    return list(scan_round.actions.select_related("block", "owner"))


def intentions_for(user: User) -> list[PersonalIntention]:
    """Only the author's own intentions."""
    return list(PersonalIntention.objects.filter(author=user).select_related("round__team")[:20])


# --- Stress check-ins ---------------------------------------------------------------------------


def checkins_for(user: User) -> list[StressCheckIn]:
    """Only the author's own check-ins, newest first."""
    return list(StressCheckIn.objects.filter(author=user)[:52])


def checkin_get_own(*, user: User, checkin_id: object) -> StressCheckIn:
    checkin = StressCheckIn.objects.filter(author=user, pk=_int(checkin_id)).first()
    if checkin is None:
        raise Http404("Not found or not allowed")
    return checkin


@dataclass
class CheckInAggregate:
    people: int
    shown: bool
    thermometer_median: float | None = None
    workload_mean: float | None = None
    support_mean: float | None = None
    appreciated_mean: float | None = None


def checkin_aggregate(*, team: Team, since: datetime.datetime) -> CheckInAggregate:
    """Each member's latest check-in since ``since``; figures only for 5 or more people."""
    members = team_members(team).values("pk")
    latest = StressCheckIn.objects.filter(author=OuterRef("author"), taken_at__gte=since).order_by(
        "-taken_at", "-id"
    )
    rows = StressCheckIn.objects.filter(
        author__in=members, taken_at__gte=since, pk=Subquery(latest.values("pk")[:1])
    )
    people = rows.count()
    if people < MIN_GROUP:
        return CheckInAggregate(people=people, shown=False)
    agg = rows.aggregate(w=Avg("workload"), s=Avg("support"), a=Avg("appreciated"))
    thermometers = list(rows.values_list("thermometer", flat=True))
    return CheckInAggregate(
        people=people,
        shown=True,
        thermometer_median=statistics.median(thermometers),
        workload_mean=round(agg["w"], 1),
        support_mean=round(agg["s"], 1),
        appreciated_mean=round(agg["a"], 1),
    )


def checkin_people_count(*, team_ids: set[int], since: datetime.datetime) -> int:
    return (
        StressCheckIn.objects.filter(author__memberships__team_id__in=team_ids, taken_at__gte=since)
        .values("author")
        .distinct()
        .count()
    )
