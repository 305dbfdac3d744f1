"""Every geldrust write: store a check in a trajectory, turn a scheme into a step with a reminder,
record what came of it, count a screening. Each runs in a transaction; views authorize first."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from doenvermogen.accounts.models import Team, User
from doenvermogen.cases.models import Trajectory
from doenvermogen.core.idempotency import create_once
from doenvermogen.geldrust.models import MoneyCheck, Municipality, SchemeOutcome, Screening
from doenvermogen.geldrust.rules import CheckResult, HouseholdError, check_household
from doenvermogen.goals.models import GoalPlan, Step
from doenvermogen.goals.services import goal_plan_create, step_add
from doenvermogen.reminders.models import Reminder
from doenvermogen.reminders.services import reminder_create

MONEY_GOAL = "Geld regelen: alles krijgen waar ik recht op heb"
STEP_DAYS = 14


class ConsentMissing(ValueError):
    """A check is only kept with the client's consent."""


def municipality_for(code: str) -> Municipality | None:
    if not code:
        return None
    return Municipality.objects.filter(code=code).prefetch_related("schemes", "debt_routes").first()


def money_check_run(*, household: dict[str, Any]) -> CheckResult:
    """The check without storing anything (anonymous, the API, the command)."""
    code = household.get("municipality") if isinstance(household, dict) else None
    municipality = municipality_for(code) if isinstance(code, str) else None
    if isinstance(code, str) and code and municipality is None:
        known = ", ".join(Municipality.objects.values_list("code", flat=True)) or "geen"
        raise HouseholdError([f"De gemeente '{code[:60]}' kennen we niet. Bekende codes: {known}."])
    return check_household(
        household, municipality=municipality.as_rules_data() if municipality else None
    )


@transaction.atomic
def money_check_create(
    *,
    trajectory: Trajectory,
    author: User,
    household: dict[str, Any],
    consent: bool,
    idempotency_key: str = "",
    done_by_client: bool = False,
) -> MoneyCheck:
    """Keep a check in the trajectory (with consent); one outcome row per scheme worth a look.

    ``HouseholdError`` on bad input (nothing saved), ``ConsentMissing`` without consent.
    """
    if not consent:
        raise ConsentMissing("consent")
    result = money_check_run(household=household)

    def create(key: str | None) -> MoneyCheck:
        check = MoneyCheck.objects.create(
            idempotency_key=key,
            trajectory=trajectory,
            year=result.year,
            municipality=municipality_for(str(household.get("municipality") or "")),
            household=household,
            result=result.as_dict(),
            total_month=result.total_month,
            consent_given=True,
            created_by=author,
            done_by_client=done_by_client,
        )
        for scheme in result.schemes:
            if scheme.status in ("likely_yes", "maybe"):
                SchemeOutcome.objects.create(
                    money_check=check,
                    scheme_code=scheme.code,
                    scheme_name=scheme.name,
                    status=scheme.status,
                    amount_month=scheme.amount_month,
                    updated_by=author,
                )
        return check

    check, _created = create_once(
        MoneyCheck, key=idempotency_key, scope={"trajectory": trajectory}, create=create
    )
    return check


def _scheme_data(outcome: SchemeOutcome) -> dict[str, Any]:
    for scheme in outcome.money_check.result.get("schemes", []):
        if scheme["code"] == outcome.scheme_code:
            return scheme
    return {}


def step_text(outcome: SchemeOutcome) -> str:
    scheme = _scheme_data(outcome)
    bring = scheme.get("what_to_bring") or []
    text = f"{outcome.scheme_name} aanvragen"
    text += f" (uiterlijk {scheme['deadline']})." if scheme.get("deadline") else "."
    if bring:
        text += " Neem mee: " + ", ".join(bring) + "."
    return text[:300]


@transaction.atomic
def outcome_to_step(
    *, outcome: SchemeOutcome, author: User, today: datetime.date | None = None
) -> Step:
    """One click: the scheme becomes a small step (what to bring, a date) with a reminder."""
    outcome = SchemeOutcome.objects.select_for_update().get(pk=outcome.pk)
    if outcome.step_id:
        return outcome.step
    trajectory = outcome.money_check.trajectory
    today = today or timezone.localdate()
    plan = GoalPlan.objects.filter(trajectory=trajectory, goal=MONEY_GOAL).order_by(
        "pk"
    ).first() or goal_plan_create(
        trajectory=trajectory,
        author=author,
        goal=MONEY_GOAL,
        why="Meer rust over geld.",
        idempotency_key=f"geldrust-plan-{trajectory.pk}",
    )
    due = today + datetime.timedelta(days=STEP_DAYS)
    step = step_add(
        plan=plan,
        author=author,
        text=step_text(outcome),
        due_on=due,
        idempotency_key=f"geldrust-step-{outcome.pk}",
    )
    starts = timezone.make_aware(
        datetime.datetime.combine(due - datetime.timedelta(days=2), datetime.time(9, 0))
    )
    reminder_create(
        trajectory=trajectory,
        author=author,
        title=f"{outcome.scheme_name} aanvragen"[:200],
        starts_at=starts,
        subject=Reminder.Subject.STEP,
        step=step,
        idempotency_key=f"geldrust-reminder-{outcome.pk}",
    )
    outcome.step = step
    outcome.updated_by = author
    outcome.updated_at = timezone.now()
    outcome.save(update_fields=["step", "updated_by", "updated_at"])
    return step


@transaction.atomic
def outcome_record(
    *, outcome: SchemeOutcome, author: User, result: str, granted_month: int | None = None
) -> SchemeOutcome:
    """What came of a scheme: applied, granted (with the amount), refused, already had it."""
    outcome.outcome = result
    outcome.granted_month = granted_month if result == SchemeOutcome.Outcome.GRANTED else None
    outcome.updated_by = author
    outcome.updated_at = timezone.now()
    outcome.save(update_fields=["outcome", "granted_month", "updated_by", "updated_at"])
    return outcome


ROUTES = ("self_help", "volunteer", "social_work", "formal")


def screening_route(*, worries: str, arrears: str, wants_help: str) -> str:
    """Which of the four ways fits best. Never a label: a suggestion to talk about."""
    if arrears == "yes":
        return "formal" if wants_help == "yes" else "social_work"
    if worries in ("yes", "sometimes"):
        return "volunteer" if wants_help == "yes" else "self_help"
    return "self_help"


@transaction.atomic
def screening_record(
    *, team: Team | None, worries: str, arrears: str, wants_help: str
) -> Screening:
    """Count one short screening (no name, no client: counts for the team view only)."""
    return Screening.objects.create(
        team=team,
        worries=worries,
        arrears=arrears,
        wants_help=wants_help,
        route=screening_route(worries=worries, arrears=arrears, wants_help=wants_help),
    )
