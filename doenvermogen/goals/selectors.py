"""Every read of goal plans, steps and executive-skill checks, inside an ``Authorized`` context.

A view authorizes once through ``doenvermogen.cases.selectors`` (``access_trajectory``, or
``access_trajectory_object`` with ``plan_queryset``/``step_queryset`` for an object by id) and hands
the context on; nothing here authorizes or logs again.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from doenvermogen.cases.models import Client, Trajectory
from doenvermogen.cases.selectors import Authorized
from doenvermogen.goals.models import ExecutiveSkill, ExecutiveSkillCheck, GoalPlan, Step

Support = ExecutiveSkill.Support


def plan_queryset() -> QuerySet[GoalPlan]:
    """Goal plans with steps, rewards and reviews (for ``access_trajectory_object``)."""
    return GoalPlan.objects.select_related("trajectory", "created_by").prefetch_related(
        Prefetch("steps", queryset=Step.objects.order_by("order", "id")),
        "rewards__step",
        "reviews__created_by",
    )


def step_queryset() -> QuerySet[Step]:
    """Steps (path ``plan__trajectory`` for ``access_trajectory_object``)."""
    return Step.objects.select_related("plan")


def goal_plans(ctx: Authorized) -> list[GoalPlan]:
    """The goal plans of the authorized trajectory."""
    return list(plan_queryset().filter(trajectory=ctx.trajectory))


def executive_skills() -> list[ExecutiveSkill]:
    """The catalogue (no client data)."""
    return list(ExecutiveSkill.objects.all())


def latest_executive_skill_check(*, trajectory: Trajectory) -> ExecutiveSkillCheck | None:
    """The newest check of an already-authorized trajectory (``ctx.trajectory``)."""
    return trajectory.executive_skill_checks.prefetch_related("hard").first()


@dataclass
class Suggestion:
    support: str
    skill_names: list[str] = field(default_factory=list)


def step_suggestions(
    *, step: Step, check: ExecutiveSkillCheck | None, step_has_reminder: bool
) -> list[Suggestion]:
    """Support for one step, from what the client said is hard (and what the step already has).

    working memory → a reminder; getting started → an if-then plan; planning → smaller steps.
    """
    if check is None or step.is_done:
        return []
    by_support: dict[str, list[str]] = {}
    for skill in check.hard.all():
        by_support.setdefault(skill.support, []).append(skill.name)
    out = []
    if Support.REMINDER in by_support and not step_has_reminder:
        out.append(Suggestion(Support.REMINDER, by_support[Support.REMINDER]))
    if Support.IF_THEN in by_support and not step.has_if_then:
        out.append(Suggestion(Support.IF_THEN, by_support[Support.IF_THEN]))
    if Support.SMALLER_STEPS in by_support and len(step.text.split()) > 6:
        out.append(Suggestion(Support.SMALLER_STEPS, by_support[Support.SMALLER_STEPS]))
    if Support.DATE in by_support and step.due_on is None:
        out.append(Suggestion(Support.DATE, by_support[Support.DATE]))
    return out


@dataclass
class ClientSteps:
    client: Client
    today: list[Step]
    coming: list[Step]
    done: list[Step]
    plans: list[GoalPlan]


def client_steps(ctx: Authorized, *, today: datetime.date | None = None) -> ClientSteps:
    """The authorized client's own page: today's steps, what is coming, and "Dit is gelukt"."""
    client = ctx.client
    today = today or timezone.localdate()
    plans = list(
        GoalPlan.objects.filter(trajectory__client=client, status=GoalPlan.Status.ACTIVE).order_by(
            "created_at"
        )
    )
    steps = list(
        Step.objects.filter(plan__trajectory__client=client, archived_at__isnull=True)
        .select_related("plan")
        .order_by("due_on", "order", "id")
    )
    active_ids = {p.pk for p in plans}
    open_steps = [s for s in steps if not s.is_done and s.plan_id in active_ids]
    today_steps = [s for s in open_steps if s.due_on is None or s.due_on <= today]
    coming = [s for s in open_steps if s.due_on is not None and s.due_on > today]
    done = sorted((s for s in steps if s.is_done), key=lambda s: s.done_at, reverse=True)
    return ClientSteps(client=client, today=today_steps, coming=coming, done=done, plans=plans)


def client_steps_due_today(ctx: Authorized, *, today: datetime.date | None = None) -> list[Step]:
    """The authorized client's open steps in active plans whose date is today."""
    today = today or timezone.localdate()
    return list(
        Step.objects.filter(
            plan__trajectory__client=ctx.client,
            plan__status=GoalPlan.Status.ACTIVE,
            archived_at__isnull=True,
            done_at__isnull=True,
            due_on=today,
        ).order_by("order", "id")
    )
