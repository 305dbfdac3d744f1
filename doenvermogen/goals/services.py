"""Every write to goal plans, steps, rewards, reviews and executive-skill checks.

Each service runs in a transaction and writes the access log. Input is validated by the forms;
services assume valid input. A ``form_key`` (hidden field) makes a double submit harmless.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from doenvermogen.accounts.models import User
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import access_log_object
from doenvermogen.cases.models import Trajectory
from doenvermogen.goals.models import (
    ExecutiveSkill,
    ExecutiveSkillCheck,
    GoalPlan,
    Review,
    Reward,
    Step,
)

Action = AccessLogEntry.Action


_log = access_log_object


@transaction.atomic
def goal_plan_create(
    *, trajectory: Trajectory, author: User, goal: str, why: str = "", form_key: str = ""
) -> GoalPlan:
    """Step 1: the goal in the client's own words."""
    if form_key:
        existing = GoalPlan.objects.filter(trajectory=trajectory, form_key=form_key).first()
        if existing:
            return existing
    plan = GoalPlan.objects.create(
        trajectory=trajectory,
        goal=goal.strip(),
        why=why.strip(),
        created_by=author,
        form_key=form_key,
    )
    _log(
        author=author,
        client_id=trajectory.client_id,
        obj=plan,
        action=Action.CREATE,
        purpose="goal plan",
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
    form_key: str = "",
) -> Step:
    """Step 2: a small step (or a learning goal), optionally with a date and an if-then plan."""
    if form_key:
        existing = Step.objects.filter(plan=plan, form_key=form_key).first()
        if existing:
            return existing
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
        form_key=form_key,
    )
    _log(
        author=author,
        client_id=plan.trajectory.client_id,
        obj=step,
        action=Action.CREATE,
        purpose="goal plan step",
    )
    return step


@transaction.atomic
def step_update(*, step: Step, author: User, **fields: object) -> Step:
    allowed = {"text", "is_learning_goal", "due_on", "if_situation", "then_action"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"Field {name} cannot be changed here")
        setattr(step, name, value.strip() if isinstance(value, str) else value)
    step.save()
    _log(
        author=author,
        client_id=step.plan.trajectory.client_id,
        obj=step,
        action=Action.UPDATE,
        purpose="change step",
    )
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
    _log(
        author=author,
        client_id=step.plan.trajectory.client_id,
        obj=step,
        action=Action.UPDATE,
        purpose="step done" if done else "step not done",
    )
    return step


@transaction.atomic
def step_archive(*, step: Step, author: User) -> Step:
    """Take a step out of the plan; it stays in the history."""
    if step.archived_at is None:
        step.archived_at = timezone.now()
        step.save(update_fields=["archived_at"])
        _log(
            author=author,
            client_id=step.plan.trajectory.client_id,
            obj=step,
            action=Action.UPDATE,
            purpose="step taken out of the plan",
        )
    return step


@transaction.atomic
def reward_add(
    *, plan: GoalPlan, author: User, what: str, earned_when: str, step: Step | None = None
) -> Reward:
    """A reward agreed with the client (the form asks the professional to confirm that)."""
    existing = Reward.objects.filter(
        plan=plan, step=step, what=what.strip(), earned_when=earned_when.strip()
    ).first()
    if existing:
        return existing
    reward = Reward.objects.create(
        plan=plan, step=step, what=what.strip(), earned_when=earned_when.strip(), created_by=author
    )
    _log(
        author=author,
        client_id=plan.trajectory.client_id,
        obj=reward,
        action=Action.CREATE,
        purpose="reward agreed",
    )
    return reward


@transaction.atomic
def reward_mark_given(*, reward: Reward, author: User) -> Reward:
    if reward.given_at is None:
        reward.given_at = timezone.now()
        reward.save(update_fields=["given_at"])
        _log(
            author=author,
            client_id=reward.plan.trajectory.client_id,
            obj=reward,
            action=Action.UPDATE,
            purpose="reward given",
        )
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
    form_key: str = "",
) -> Review:
    """Step 4: review and adjust. The goal and the steps as they were are kept in the review."""
    if form_key:
        existing = Review.objects.filter(plan=plan, form_key=form_key).first()
        if existing:
            return existing
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
        form_key=form_key,
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
    _log(
        author=author,
        client_id=plan.trajectory.client_id,
        obj=review,
        action=Action.CREATE,
        purpose="review and adjust goal plan",
    )
    return review


@transaction.atomic
def executive_skill_check_record(
    *,
    trajectory: Trajectory,
    author: User,
    hard: Iterable[ExecutiveSkill],
    own_words: str = "",
) -> ExecutiveSkillCheck:
    """Record which statements the client recognises right now (no scores)."""
    check = ExecutiveSkillCheck.objects.create(
        trajectory=trajectory, own_words=own_words.strip(), recorded_by=author
    )
    check.hard.set(list(hard))
    _log(
        author=author,
        client_id=trajectory.client_id,
        obj=check,
        action=Action.CREATE,
        purpose="executive skills check",
    )
    return check
