"""Thin views: goal plans of a trajectory, one plan (steps, rewards, review), the executive-skills
check, and ticking off a step from the client's own page.

Each view authorizes once through ``cases.selectors`` and hands the ``Authorized`` context on.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.audit import events
from doenvermogen.cases.selectors import access_trajectory, access_trajectory_object
from doenvermogen.goals import selectors, services
from doenvermogen.goals.forms import (
    ExecutiveSkillCheckForm,
    GoalPlanForm,
    ReviewForm,
    RewardForm,
    StepForm,
)
from doenvermogen.goals.models import Reward
from doenvermogen.ui.decorators import staff_required


@login_required
@staff_required
def plan_list(request, trajectory_id: int):
    ctx = access_trajectory(
        user=request.user,
        trajectory_id=trajectory_id,
        event=events.GOAL_PLAN_CREATE if request.method == "POST" else events.GOAL_PLAN_VIEW,
    )
    trajectory = ctx.trajectory
    form = GoalPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = services.goal_plan_create(
            trajectory=trajectory, author=request.user, **form.cleaned_data
        )
        messages.success(request, _("The goal is saved. Now make a plan of small steps."))
        return redirect("goals:plan_detail", plan_id=plan.pk)
    ctx.shown(events.GOAL_PLAN_VIEW)
    return render(
        request,
        "goals/plan_list.html",
        {
            "trajectory": trajectory,
            "client": ctx.client,
            "plans": selectors.goal_plans(ctx),
            "form": form,
        },
    )


def _plan_context(request, plan, **forms):
    trajectory = plan.trajectory
    check = selectors.latest_executive_skill_check(trajectory=trajectory)
    steps = [s for s in plan.steps.all() if s.archived_at is None]
    reminded = set(
        plan.steps.filter(
            reminders__isnull=False, reminders__cancelled_at__isnull=True
        ).values_list("pk", flat=True)
    )
    step_rows = [
        {
            "step": s,
            "suggestions": selectors.step_suggestions(
                step=s, check=check, step_has_reminder=s.pk in reminded
            ),
            "has_reminder": s.pk in reminded,
        }
        for s in steps
    ]
    return {
        "trajectory": trajectory,
        "client": trajectory.client,
        "plan": plan,
        "step_rows": step_rows,
        "archived": [s for s in plan.steps.all() if s.archived_at is not None],
        "check": check,
        "step_form": forms.get("step_form") or StepForm(),
        "reward_form": forms.get("reward_form") or RewardForm(plan=plan),
        "review_form": forms.get("review_form")
        or ReviewForm(initial={"status": plan.status, "new_goal": ""}),
        "open_form": forms.get("open_form", ""),
    }


PLAN_ACTIONS = {
    "step": events.GOAL_STEP_CREATE,
    "reward": events.REWARD_CREATE,
    "review": events.GOAL_PLAN_REVIEW,
}


@login_required
@staff_required
def plan_detail(request, plan_id: int):
    action = request.POST.get("action") if request.method == "POST" else None
    ctx, plan = access_trajectory_object(
        user=request.user,
        queryset=selectors.plan_queryset(),
        pk=plan_id,
        event=PLAN_ACTIONS.get(action or "", events.GOAL_PLAN_VIEW),
    )
    if action not in PLAN_ACTIONS:
        if request.method == "POST":
            return redirect("goals:plan_detail", plan_id=plan.pk)
        return render(request, "goals/plan_detail.html", _plan_context(request, plan))
    if action == "step":
        form = StepForm(request.POST)
        if form.is_valid():
            services.step_add(plan=plan, author=request.user, **form.cleaned_data)
            messages.success(request, _("The step is added."))
            return redirect("goals:plan_detail", plan_id=plan.pk)
        page = _plan_context(request, plan, step_form=form, open_form="step")
    elif action == "reward":
        form = RewardForm(request.POST, plan=plan)
        if form.is_valid():
            data = form.cleaned_data
            services.reward_add(
                plan=plan,
                author=request.user,
                what=data["what"],
                earned_when=data["earned_when"],
                step=data["step"],
                idempotency_key=data["idempotency_key"],
            )
            messages.success(request, _("The reward is saved."))
            return redirect("goals:plan_detail", plan_id=plan.pk)
        page = _plan_context(request, plan, reward_form=form, open_form="reward")
    else:
        form = ReviewForm(request.POST)
        if form.is_valid():
            services.review_add(plan=plan, author=request.user, **form.cleaned_data)
            messages.success(request, _("The review is saved. The history is kept."))
            return redirect("goals:plan_detail", plan_id=plan.pk)
        page = _plan_context(request, plan, review_form=form, open_form="review")
    ctx.shown(events.GOAL_PLAN_VIEW)
    return render(request, "goals/plan_detail.html", page)


@require_POST
@login_required
def step_done(request, step_id: int):
    """Tick a step off (or undo). For professionals and for the client on their own page."""
    _ctx, step = access_trajectory_object(
        user=request.user,
        queryset=selectors.step_queryset(),
        pk=step_id,
        event=events.GOAL_STEP_DONE,
        trajectory_path="plan__trajectory",
    )
    done = request.POST.get("done", "1") == "1"
    step = services.step_set_done(step=step, author=request.user, done=done)
    if request.htmx and request.user.is_client:
        return render(request, "goals/_client_step.html", {"step": step, "just_changed": True})
    if request.user.is_client:
        if done:
            messages.success(request, _("Well done! The step is on your list of what worked."))
        return redirect("cases:my_page")
    return redirect("goals:plan_detail", plan_id=step.plan_id)


@require_POST
@login_required
@staff_required
def step_archive(request, step_id: int):
    _ctx, step = access_trajectory_object(
        user=request.user,
        queryset=selectors.step_queryset(),
        pk=step_id,
        event=events.GOAL_STEP_UPDATE,
        trajectory_path="plan__trajectory",
    )
    services.step_archive(step=step, author=request.user)
    messages.success(request, _("The step is taken out of the plan. You still see it below."))
    return redirect("goals:plan_detail", plan_id=step.plan_id)


@require_POST
@login_required
@staff_required
def reward_given(request, plan_id: int, reward_id: int):
    ctx, plan = access_trajectory_object(
        user=request.user,
        queryset=selectors.plan_queryset(),
        pk=plan_id,
        event=events.REWARD_UPDATE,
    )
    reward = ctx.load(
        Reward.objects.filter(plan=plan), reward_id, trajectory_path="plan__trajectory"
    )
    services.reward_mark_given(reward=reward, author=request.user)
    return redirect("goals:plan_detail", plan_id=plan.pk)


@login_required
@staff_required
def skills_check(request, trajectory_id: int):
    ctx = access_trajectory(
        user=request.user,
        trajectory_id=trajectory_id,
        event=events.EXECUTIVE_SKILLS_CREATE
        if request.method == "POST"
        else events.EXECUTIVE_SKILLS_VIEW,
    )
    trajectory = ctx.trajectory
    latest = selectors.latest_executive_skill_check(trajectory=trajectory)
    form = ExecutiveSkillCheckForm(
        request.POST or None,
        initial={"hard": list(latest.hard.all()) if latest else []},
    )
    if request.method == "POST" and form.is_valid():
        services.executive_skill_check_record(
            trajectory=trajectory,
            author=request.user,
            hard=form.cleaned_data["hard"],
            own_words=form.cleaned_data["own_words"],
            idempotency_key=form.cleaned_data["idempotency_key"],
        )
        messages.success(request, _("Saved. The goal plan now suggests support per step."))
        return redirect("goals:skills_check", trajectory_id=trajectory.pk)
    ctx.shown(events.EXECUTIVE_SKILLS_VIEW)
    skills = selectors.executive_skills()
    return render(
        request,
        "goals/skills_check.html",
        {
            "trajectory": trajectory,
            "client": ctx.client,
            "form": form,
            "latest": latest,
            "thinking": [s for s in skills if s.kind == "thinking"],
            "regulation": [s for s in skills if s.kind == "regulation"],
        },
    )
