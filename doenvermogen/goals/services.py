"""Every write to goal plans, steps, rewards, reviews and executive-skill checks.

Each service runs in a transaction and writes its access-log event. Input is validated by the
forms; services assume valid input. A create from a form goes through
``core.idempotency.create_once`` with the form's ``idempotency_key``: a double submit returns the
first result.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from doenvermogen.accounts.models import User
from doenvermogen.audit import events
from doenvermogen.audit.events import Event
from doenvermogen.audit.services import log_event
from doenvermogen.cases.models import Trajectory
from doenvermogen.core.idempotency import create_once
from doenvermogen.goals.models import (
    ExecutiveSkill,
    ExecutiveSkillCheck,
    GoalPlan,
    Review,
    Reward,
    Step,
)


def _log(event: Event, author: User, trajectory: Trajectory, obj) -> None:
    log_event(event, actor=author, client_id=trajectory.client_id, object_id=obj.pk)


@transaction.atomic
def goal_plan_create(
    *, trajectory: Trajectory, author: User, goal: str, why: str = "", idempotency_key: str = ""
) -> GoalPlan:
    """Step 1: the goal in the client's own words."""

    def create(key: str | None) -> GoalPlan:
        plan = GoalPlan.objects.create(
            trajectory=trajectory,
            goal=goal.strip(),
            why=why.strip(),
            created_by=author,
            idempotency_key=key,
        )
        _log(events.GOAL_PLAN_CREATE, author, trajectory, plan)
        return plan

    plan, _created = create_once(
        GoalPlan, key=idempotency_key, scope={"trajectory": trajectory}, create=create
    )
    return plan


@transaction.atomic
def step_add(
    *,
    plan: GoalPlan,
    author: User,
    text: str,
    is_learning_goal: bool = False,
    due_on: datetime.date | None = None,
    if_situation: str = "",
    then_action: str = "",
    idempotency_key: str = "",
) -> Step:
    """Step 2: a small step (or a learning goal), optionally with a date and an if-then plan."""

    def create(key: str | None) -> Step:
        last = plan.steps.aggregate(m=Max("order"))["m"] or 0
        step = Step.objects.create(
            plan=plan,
            order=last + 1,
            text=text.strip(),
            is_learning_goal=is_learning_goal,
            due_on=due_on,
            if_situation=if_situation.strip(),
            then_action=then_action.strip(),
            created_by=author,
            idempotency_key=key,
        )
        _log(events.GOAL_STEP_CREATE, author, plan.trajectory, step)
        return step

    step, _created = create_once(Step, key=idempotency_key, scope={"plan": plan}, create=create)
    return step


@transaction.atomic
def step_update(*, step: Step, author: User, **fields: object) -> Step:
    allowed = {"text", "is_learning_goal", "due_on", "if_situation", "then_action"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"Field {name} cannot be changed here")
        setattr(step, name, value.strip() if isinstance(value, str) else value)
    step.save()
    _log(events.GOAL_STEP_UPDATE, author, step.plan.trajectory, step)
    return step


@transaction.atomic
def step_set_done(*, step: Step, author: User, done: bool = True) -> Step:
    """Step 3: tick a step off (by the client or the professional), or undo that. Idempotent."""
    step = Step.objects.select_for_update().select_related("plan__trajectory").get(pk=step.pk)
    if done == step.is_done:
        return step
    step.done_at = timezone.now() if done else None
    step.done_by = author if done else None
    step.save(update_fields=["done_at", "done_by"])
    _log(events.GOAL_STEP_DONE, author, step.plan.trajectory, step)
    return step


@transaction.atomic
def step_archive(*, step: Step, author: User) -> Step:
    """Take a step out of the plan; it stays in the history."""
    if step.archived_at is None:
        step.archived_at = timezone.now()
        step.save(update_fields=["archived_at"])
        _log(events.GOAL_STEP_UPDATE, author, step.plan.trajectory, step)
    return step


@transaction.atomic
def reward_add(
    *,
    plan: GoalPlan,
    author: User,
    what: str,
    earned_when: str,
    step: Step | None = None,
    idempotency_key: str = "",
) -> Reward:
    """A reward agreed with the client (the form asks the professional to confirm that)."""

    def create(key: str | None) -> Reward:
        reward = Reward.objects.create(
            plan=plan,
            step=step,
            what=what.strip(),
            earned_when=earned_when.strip(),
            created_by=author,
            idempotency_key=key,
        )
        _log(events.REWARD_CREATE, author, plan.trajectory, reward)
        return reward

    reward, _created = create_once(Reward, key=idempotency_key, scope={"plan": plan}, create=create)
    return reward


@transaction.atomic
def reward_mark_given(*, reward: Reward, author: User) -> Reward:
    if reward.given_at is None:
        reward.given_at = timezone.now()
        reward.save(update_fields=["given_at"])
        _log(events.REWARD_UPDATE, author, reward.plan.trajectory, reward)
    return reward


@transaction.atomic
def review_add(
    *,
    plan: GoalPlan,
    author: User,
    went_well: str = "",
    was_hard: str = "",
    changes: str = "",
    new_goal: str = "",
    status: str | None = None,
    idempotency_key: str = "",
) -> Review:
    """Step 4: review and adjust. The goal and the steps as they were are kept in the review."""
    review, _created = create_once(
        Review,
        key=idempotency_key,
        scope={"plan": plan},
        create=lambda key: _review_create(
            plan=plan,
            author=author,
            went_well=went_well,
            was_hard=was_hard,
            changes=changes,
            new_goal=new_goal,
            status=status,
            key=key,
        ),
    )
    return review


def _review_create(
    *,
    plan: GoalPlan,
    author: User,
    went_well: str,
    was_hard: str,
    changes: str,
    new_goal: str,
    status: str | None,
    key: str | None,
) -> Review:
    plan = GoalPlan.objects.select_for_update().get(pk=plan.pk)
    steps = list(plan.steps.filter(archived_at__isnull=True))
    review = Review.objects.create(
        plan=plan,
        went_well=went_well.strip(),
        was_hard=was_hard.strip(),
        changes=changes.strip(),
        goal_before=plan.goal,
        goal_after=new_goal.strip() or plan.goal,
        steps_done=[s.text for s in steps if s.is_done],
        steps_open=[s.text for s in steps if not s.is_done],
        created_by=author,
        idempotency_key=key,
    )
    update = []
    if new_goal.strip() and new_goal.strip() != plan.goal:
        plan.goal = new_goal.strip()
        update.append("goal")
    if status and status != plan.status:
        plan.status = status
        update.append("status")
    if update:
        plan.save(update_fields=update)
    _log(events.GOAL_PLAN_REVIEW, author, plan.trajectory, review)
    return review


@transaction.atomic
def executive_skill_check_record(
    *,
    trajectory: Trajectory,
    author: User,
    hard: Iterable[ExecutiveSkill],
    own_words: str = "",
    idempotency_key: str = "",
) -> ExecutiveSkillCheck:
    """Record which statements the client recognises right now (no scores)."""

    def create(key: str | None) -> ExecutiveSkillCheck:
        check = ExecutiveSkillCheck.objects.create(
            trajectory=trajectory,
            own_words=own_words.strip(),
            recorded_by=author,
            idempotency_key=key,
        )
        check.hard.set(list(hard))
        _log(events.EXECUTIVE_SKILLS_CREATE, author, trajectory, check)
        return check

    check, _created = create_once(
        ExecutiveSkillCheck, key=idempotency_key, scope={"trajectory": trajectory}, create=create
    )
    return check
