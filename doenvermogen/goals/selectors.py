"""Every read of goal plans, steps and executive-skill checks, scoped to the acting user.

Authorization goes through ``doenvermogen.cases.selectors`` (a professional sees the trajectories of
their teams, a client only their own); a refused read raises ``Http404``. Reads are logged.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone

from doenvermogen.accounts.models import User
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import access_log_write
from doenvermogen.cases.models import Client, Trajectory
from doenvermogen.cases.selectors import client_get_own, trajectory_get_for_user
from doenvermogen.goals.models import ExecutiveSkill, ExecutiveSkillCheck, GoalPlan, Step

Action = AccessLogEntry.Action
Support = ExecutiveSkill.Support


def _plans_qs():
    return GoalPlan.objects.select_related("trajectory", "created_by").prefetch_related(
        Prefetch("steps", queryset=Step.objects.order_by("order", "id")),
        "rewards__step",
        "reviews__created_by",
    )


def goal_plans_for_trajectory(
    *, user: User, trajectory_id: int, purpose: str = "goal plans"
) -> tuple[Trajectory, list[GoalPlan]]:
    trajectory = trajectory_get_for_user(user=user, trajectory_id=trajectory_id, purpose=purpose)
    return trajectory, list(_plans_qs().filter(trajectory=trajectory))


def goal_plan_get_for_user(*, user: User, plan_id: int, purpose: str) -> GoalPlan:
    plan = _plans_qs().filter(pk=plan_id).first()
    if plan is None:
        # Same answer as for a plan of another team: do not reveal that it exists.
        raise Http404("Not found or not allowed")
    trajectory_get_for_user(user=user, trajectory_id=plan.trajectory_id, purpose=purpose)
    return plan


def step_get_for_user(*, user: User, step_id: int, purpose: str) -> Step:
    step = Step.objects.select_related("plan__trajectory").filter(pk=step_id).first()
    if step is None:
        raise Http404("Not found or not allowed")
    trajectory_get_for_user(user=user, trajectory_id=step.plan.trajectory_id, purpose=purpose)
    return step


def executive_skills() -> list[ExecutiveSkill]:
    """The catalogue (no client data)."""
    return list(ExecutiveSkill.objects.all())


def latest_executive_skill_check(*, trajectory: Trajectory) -> ExecutiveSkillCheck | None:
    """The newest check of an already-authorized trajectory."""
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


def client_steps(*, user: User, today: datetime.date | None = None) -> ClientSteps:
    """The client's own page: today's steps, what is coming, and "Dit is gelukt"."""
    client = client_get_own(user=user, purpose="own page: steps")
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
    access_log_write(
        actor=user,
        client_id=client.pk,
        object_type="goalplan",
        object_id="own",
        action=Action.VIEW,
        purpose="own page: steps",
    )
    return ClientSteps(client=client, today=today_steps, coming=coming, done=done, plans=plans)
