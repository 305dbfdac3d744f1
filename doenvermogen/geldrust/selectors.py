"""Geldrust reads. Client data is read only after ``cases.selectors.access_*`` authorized the
request (the ``Authorized`` context or an already authorized trajectory is passed in); team
figures are counts with small groups suppressed."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum

from doenvermogen.accounts.models import User
from doenvermogen.accounts.selectors import teams_led_by
from doenvermogen.cases.models import Client, Trajectory
from doenvermogen.geldrust.models import MoneyCheck, Municipality, SchemeOutcome, Screening

SMALL_GROUP = 5


def municipalities_for_user(user: User | None) -> QuerySet[Municipality]:
    """The example (shared) municipalities and those of the user's organisations."""
    org_ids: list[int] = []
    if user is not None and user.is_authenticated:
        org_ids = list(user.memberships.values_list("organisation_id", flat=True))
        org_ids += list(Client.objects.filter(user=user).values_list("organisation_id", flat=True))
    qs = Municipality.objects.filter(Q(organisation__isnull=True) | Q(organisation_id__in=org_ids))
    return qs.order_by("is_example", "name")


def checks_for_trajectory(*, trajectory: Trajectory) -> list[MoneyCheck]:
    """Checks of an already authorized trajectory, newest first, with their outcomes."""
    return list(MoneyCheck.objects.filter(trajectory=trajectory).prefetch_related("outcomes")[:5])


def latest_check_for_client(*, client: Client) -> MoneyCheck | None:
    """The newest check in the trajectories of an already authorized (own) client."""
    return (
        MoneyCheck.objects.filter(trajectory__client=client)
        .prefetch_related("outcomes__step")
        .first()
    )


def outcomes_with_scheme(check: MoneyCheck) -> list[dict]:
    schemes = {s["code"]: s for s in check.result.get("schemes", [])}
    return [
        {"outcome": outcome, "scheme": schemes.get(outcome.scheme_code, {})}
        for outcome in check.outcomes.all()
    ]


@dataclass
class TeamMoney:
    checks: int | None = 0
    screenings: int | None = 0
    missing: list[tuple[str, int]] = field(default_factory=list)
    applied: int | None = 0
    granted: int | None = 0
    granted_month: int | None = 0
    suppressed: bool = False


def team_check_counts(*, team_ids: set[int], since: datetime.datetime) -> dict[str, int]:
    """Hook for the self-scan's evidence line (``selfscan.evidence``): how many checks were kept
    in the trajectories of these teams since ``since``. Counts only; the self-scan suppresses
    small groups itself."""
    checks = MoneyCheck.objects.filter(trajectory__team_id__in=team_ids, created_at__gte=since)
    return {"checks": checks.count()}


def _shown(count: int) -> int | None:
    return count if count >= SMALL_GROUP else None


def team_money_overview(
    *,
    user: User,
    start: datetime.datetime | None = None,
    end: datetime.datetime | None = None,
) -> TeamMoney:
    """Counts for the teams ``user`` leads, for checks made in ``[start, end)`` (open ends: no
    limit): checks done, schemes most often found missing, money per month granted. Counted and
    summed in SQL, on the time column itself (index-friendly). A count under 5 is shown as 'fewer
    than 5' (``None``)."""
    teams = list(teams_led_by(user))
    checks = MoneyCheck.objects.filter(trajectory__team__in=teams)
    screenings = Screening.objects.filter(team__in=teams)
    if start is not None:
        checks = checks.filter(created_at__gte=start)
        screenings = screenings.filter(created_at__gte=start)
    if end is not None:
        checks = checks.filter(created_at__lt=end)
        screenings = screenings.filter(created_at__lt=end)
    outcomes = SchemeOutcome.objects.filter(money_check__in=checks)
    missing = Counter(
        {
            row["scheme_name"]: row["n"]
            for row in outcomes.exclude(outcome=SchemeOutcome.Outcome.ALREADY)
            .order_by()
            .values("scheme_name")
            .annotate(n=Count("id"))
        }
    )
    granted = outcomes.filter(outcome=SchemeOutcome.Outcome.GRANTED).aggregate(
        n=Count("id"), money=Sum("granted_month")
    )
    granted_count = granted["n"]
    money = granted["money"] or 0
    overview = TeamMoney(
        checks=_shown(checks.count()),
        screenings=_shown(screenings.count()),
        missing=[
            (name, n)
            for name, n in sorted(missing.items(), key=lambda row: (-row[1], row[0]))[:6]
            if n >= SMALL_GROUP
        ],
        applied=_shown(
            outcomes.filter(
                outcome__in=[SchemeOutcome.Outcome.APPLIED, SchemeOutcome.Outcome.GRANTED]
            ).count()
        ),
        granted=_shown(granted_count),
        granted_month=money if granted_count >= SMALL_GROUP else None,
    )
    overview.suppressed = any(
        value is None for value in (overview.checks, overview.applied, overview.granted)
    ) or len(overview.missing) < len(missing)
    return overview
