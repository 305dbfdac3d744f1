"""Thin views: the check (anonymous, inside a trajectory, or by the client alone), a kept check
with its schemes turned into steps and outcomes, the printout, the short screening."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.audit import events
from doenvermogen.cases.models import Trajectory
from doenvermogen.cases.selectors import (
    Authorized,
    access_own,
    access_trajectory,
    access_trajectory_object,
)
from doenvermogen.geldrust import selectors, services
from doenvermogen.geldrust.forms import (
    STEP_FORMS,
    STEP_TITLES,
    OutcomeForm,
    ScreeningForm,
    form_kwargs,
    initial_for,
    pack,
    steps_for,
    to_household,
    unpack,
)
from doenvermogen.geldrust.models import MoneyCheck, SchemeOutcome
from doenvermogen.geldrust.rules import HouseholdError
from doenvermogen.ui.decorators import client_required, staff_required
from doenvermogen.ui.pdf import pdf_response


def _result_context(result: dict[str, Any]) -> dict[str, Any]:
    schemes = result["schemes"]
    return {
        "result": result,
        "found": [s for s in schemes if s["status"] == "likely_yes"],
        "maybe": [s for s in schemes if s["status"] == "maybe"],
        "no": [s for s in schemes if s["status"] == "no"],
    }


def _wizard(request, *, mode: str, ctx: Authorized | None = None):
    """One screen per topic. Returns a response, or the finished answers (dict) when done."""
    municipalities = selectors.municipalities_for_user(
        request.user if request.user.is_authenticated else None
    )
    with_consent = mode != "anonymous"
    answers = unpack(request.POST.get("state", "")) if request.method == "POST" else {}
    steps = steps_for(answers, with_consent=with_consent)
    try:
        index = min(max(int(request.POST.get("step", 0)), 0), len(steps) - 1)
    except ValueError:
        index = 0
    step = steps[index]
    form_class = STEP_FORMS[step]
    kwargs = form_kwargs(step, answers, municipalities)
    if request.method == "POST" and request.POST.get("go") == "back":
        index = max(index - 1, 0)
        step = steps[index]
        form = STEP_FORMS[step](
            initial=initial_for(step, answers), **form_kwargs(step, answers, municipalities)
        )
    elif request.method == "POST" and request.POST.get("go") == "next":
        form = form_class(request.POST, **kwargs)
        if form.is_valid():
            answers.update({k: v for k, v in form.cleaned_data.items() if k != "state"})
            steps = steps_for(answers, with_consent=with_consent)
            if index + 1 >= len(steps):
                return answers
            index += 1
            step = steps[index]
            form = STEP_FORMS[step](
                initial=initial_for(step, answers), **form_kwargs(step, answers, municipalities)
            )
    else:
        form = form_class(initial=initial_for(step, answers), **kwargs)
    return render(
        request,
        "geldrust/check_step.html",
        {
            "form": form,
            "state": pack(answers),
            "step": step,
            "index": index,
            "number": index + 1,
            "total": len(steps),
            "title": STEP_TITLES[step],
            "steps": [STEP_TITLES[s] for s in steps],
            "mode": mode,
            "ctx": ctx,
            "client": ctx.client if ctx else None,
        },
    )


def check_anonymous(request):
    """The check without signing in and without storing anything."""
    outcome = _wizard(request, mode="anonymous")
    if not isinstance(outcome, dict):
        return outcome
    return _show_result(request, outcome, mode="anonymous")


def _show_result(request, answers: dict[str, Any], *, mode: str, ctx: Authorized | None = None):
    household = to_household(answers)
    try:
        result = services.money_check_run(household=household).as_dict()
    except HouseholdError as error:
        return render(
            request,
            "geldrust/check_error.html",
            {"errors": error.messages, "state": pack(answers)},
            status=400,
        )
    context = _result_context(result)
    context.update({"state": pack(answers), "mode": mode, "ctx": ctx})
    return render(request, "geldrust/result.html", context)


@require_POST
def check_print_anonymous(request):
    """The A4 overview of an anonymous check (from the posted answers; nothing stored)."""
    answers = unpack(request.POST.get("state", ""))
    if not answers:
        raise Http404
    try:
        result = services.money_check_run(household=to_household(answers)).as_dict()
    except HouseholdError as error:
        return render(request, "geldrust/check_error.html", {"errors": error.messages}, status=400)
    return pdf_response("pdf/geldrust_overview.html", _result_context(result), "geldcheck.pdf")


def _keep(
    request, ctx: Authorized, trajectory: Trajectory, answers: dict[str, Any], *, client: bool
):
    if answers.get("keep") != "yes":
        return _show_result(request, answers, mode="client" if client else "trajectory", ctx=ctx)
    try:
        check = services.money_check_create(
            trajectory=trajectory,
            author=request.user,
            household=to_household(answers),
            consent=True,
            idempotency_key=answers.get("idempotency_key", ""),
            done_by_client=client,
        )
    except HouseholdError as error:
        return render(
            request,
            "geldrust/check_error.html",
            {"errors": error.messages, "state": pack(answers)},
            status=400,
        )
    ctx.log(events.MONEY_CHECK_CREATE, check)
    messages.success(request, _("The check is kept. You can make steps of it now."))
    if client:
        return redirect("geldrust:my_check", check_id=check.pk)
    return redirect("geldrust:check_detail", check_id=check.pk)


@login_required
@staff_required
def check_trajectory(request, trajectory_id: int):
    ctx = access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.MONEY_CHECK_VIEW
    )
    outcome = _wizard(request, mode="trajectory", ctx=ctx)
    if not isinstance(outcome, dict):
        return outcome
    return _keep(request, ctx, ctx.trajectory, outcome, client=False)


def _client_trajectory(ctx: Authorized) -> Trajectory | None:
    trajectories = [t for t in ctx.client.trajectories.order_by("-started_on") if t.is_active]
    return trajectories[0] if trajectories else None


@login_required
@client_required
def check_own(request):
    """The client does the check alone, from their own page."""
    ctx = access_own(user=request.user, event=events.MONEY_CHECK_VIEW)
    trajectory = _client_trajectory(ctx)
    mode = "client" if trajectory else "anonymous"
    outcome = _wizard(request, mode=mode, ctx=ctx)
    if not isinstance(outcome, dict):
        return outcome
    if trajectory is None:
        return _show_result(request, outcome, mode="anonymous", ctx=ctx)
    return _keep(request, ctx, trajectory, outcome, client=True)


def _check_context(ctx: Authorized, check: MoneyCheck) -> dict[str, Any]:
    context = _result_context(check.result)
    context.update(
        {
            "check": check,
            "ctx": ctx,
            "client": ctx.client,
            "outcomes": {
                o["outcome"].scheme_code: o["outcome"]
                for o in selectors.outcomes_with_scheme(check)
            },
            "outcome_choices": SchemeOutcome.Outcome.choices,
        }
    )
    return context


def _show_check(request, check_id: int, mode: str):
    """One stored check, for the professional or the client (the same page; access decides)."""
    ctx, check = access_trajectory_object(
        user=request.user,
        queryset=MoneyCheck.objects.prefetch_related("outcomes__step"),
        pk=check_id,
        event=events.MONEY_CHECK_VIEW,
    )
    return render(
        request, "geldrust/check_detail.html", {**_check_context(ctx, check), "mode": mode}
    )


def _print_check(request, check_id: int):
    ctx, check = access_trajectory_object(
        user=request.user,
        queryset=MoneyCheck.objects.all(),
        pk=check_id,
        event=events.MONEY_CHECK_PRINT,
    )
    return pdf_response(
        "pdf/geldrust_overview.html", _check_context(ctx, check), f"geldcheck-{check.pk}.pdf"
    )


@login_required
@staff_required
def check_detail(request, check_id: int):
    return _show_check(request, check_id, "trajectory")


@login_required
@staff_required
def check_print(request, check_id: int):
    return _print_check(request, check_id)


@login_required
@client_required
def my_check(request, check_id: int):
    return _show_check(request, check_id, "client")


@login_required
@client_required
def my_check_print(request, check_id: int):
    return _print_check(request, check_id)


@require_POST
@login_required
@staff_required
def outcome_step(request, outcome_id: int):
    """One click: a scheme becomes a small step with what to bring, a date and a reminder."""
    _ctx, outcome = access_trajectory_object(
        user=request.user,
        queryset=SchemeOutcome.objects.select_related("money_check"),
        pk=outcome_id,
        event=events.MONEY_CHECK_UPDATE,
        trajectory_path="money_check__trajectory",
    )
    step = services.outcome_to_step(outcome=outcome, author=request.user)
    messages.success(
        request,
        _("Step added with a reminder: %(text)s") % {"text": step.text},
    )
    return redirect("geldrust:check_detail", check_id=outcome.money_check_id)


@require_POST
@login_required
def outcome_record(request, outcome_id: int):
    """Record what came of a scheme (also by the client, from their own page)."""
    _ctx, outcome = access_trajectory_object(
        user=request.user,
        queryset=SchemeOutcome.objects.select_related("money_check"),
        pk=outcome_id,
        event=events.MONEY_CHECK_UPDATE,
        trajectory_path="money_check__trajectory",
    )
    name = "geldrust:my_check" if request.user.is_client else "geldrust:check_detail"
    target = (name, outcome.money_check_id)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        services.outcome_record(
            outcome=outcome,
            author=request.user,
            result=form.cleaned_data["outcome"],
            granted_month=form.cleaned_data["granted_month"],
        )
        messages.success(request, _("Saved. Thank you."))
    else:
        messages.error(request, _("Choose what came of it."))
    return redirect(target[0], check_id=target[1])


@login_required
@staff_required
def screening(request):
    """A short money-worries screening in a normal conversation: counts only, never a label."""
    form = ScreeningForm(request.POST or None)
    route = None
    if request.method == "POST" and form.is_valid():
        team = request.user.memberships.exclude(team=None).select_related("team").first()
        record = services.screening_record(team=team.team if team else None, **form.cleaned_data)
        route = record.route
    municipality = selectors.municipalities_for_user(request.user).first()
    routes = list(municipality.debt_routes.all()) if municipality else []
    return render(
        request,
        "geldrust/screening.html",
        {"form": form, "route": route, "routes": routes, "municipality": municipality},
    )


@login_required
@staff_required
def team_view(request):
    from doenvermogen.geldrust.sections import team_meeting

    context = team_meeting(request, None)
    if context is None:
        raise Http404
    return render(request, "geldrust/team.html", {"ctx": context})
