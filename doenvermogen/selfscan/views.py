"""Thin views of the self-scan, the action plan and the professional's own stress check-in."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.accounts.selectors import teams_led_by
from doenvermogen.selfscan import catalogues, selectors, services
from doenvermogen.selfscan.evidence import evidence_for, quarter_start
from doenvermogen.selfscan.forms import (
    ActionForm,
    CheckInForm,
    IntentionForm,
    RoundForm,
    ScanForm,
)
from doenvermogen.selfscan.models import MIN_GROUP, Level
from doenvermogen.ui.charts import Series, line_svg, radar_svg
from doenvermogen.ui.decorators import staff_required
from doenvermogen.ui.pdf import pdf_response


@login_required
@staff_required
def home(request):
    rounds = list(selectors.rounds_for_user(request.user))
    answered = set(
        selectors.ScanResponse.objects.filter(
            respondent=request.user, round__in=rounds
        ).values_list("round_id", flat=True)
    )
    led = teams_led_by(request.user)
    form = RoundForm(teams=led) if led.exists() else None
    return render(
        request,
        "selfscan/home.html",
        {
            "rounds": rounds,
            "answered": answered,
            "round_form": form,
            "intention_form": IntentionForm(),
            "intentions": selectors.intentions_for(request.user),
            "organisations": selectors.organisations_for_results(request.user),
            "min_group": MIN_GROUP,
        },
    )


@login_required
@staff_required
@require_POST
def round_new(request):
    led = teams_led_by(request.user)
    form = RoundForm(request.POST, teams=led)
    if not form.is_valid():
        messages.error(request, _("The round was not started: choose a team and give it a name."))
        return redirect("selfscan:home")
    scan_round = services.round_create(
        team=form.cleaned_data["team"],
        author=request.user,
        name=form.cleaned_data["name"],
        key=form.cleaned_data["idempotency_key"],
    )
    return redirect("selfscan:answer", round_id=scan_round.pk)


@login_required
@staff_required
def answer(request, round_id: int):
    scan_round = selectors.round_get_for_member(user=request.user, round_id=round_id)
    blocks = selectors.blocks_with_statements()
    if request.method == "POST":
        form = ScanForm(request.POST, blocks=blocks)
        if not scan_round.is_open:
            messages.error(request, _("This round is closed; your answers were not changed."))
            return redirect("selfscan:results", round_id=scan_round.pk)
        if form.is_valid():
            services.response_submit(
                scan_round=scan_round, respondent=request.user, answers=form.answers()
            )
            messages.success(request, _("Thank you. Your answers are saved."))
            return redirect("selfscan:results", round_id=scan_round.pk)
        messages.error(request, _("Not everything is filled in yet. See the marked questions."))
    else:
        own = selectors.own_response(user=request.user, scan_round=scan_round)
        initial = {}
        for sid, a in own.items():
            initial[f"level_{sid}"] = a.level
            initial[f"example_{sid}"] = a.example
        form = ScanForm(initial=initial, blocks=blocks)
    return render(
        request,
        "selfscan/answer.html",
        {"round": scan_round, "form": form, "levels": Level.choices},
    )


def _results_context(request, scan_round, results) -> dict:
    axes = [r.block.name for r in results.blocks]
    series = []
    if results.shown:
        if any(r.previous is not None for r in results.blocks):
            series.append(
                Series(
                    _("previous round"),
                    [r.previous for r in results.blocks],
                    "dv-chart__series--2",
                )
            )
        series.append(Series(_("this round"), [r.mean for r in results.blocks]))
    chart = (
        radar_svg(
            axes=axes,
            series=series,
            max_value=3,
            title=_("Where we stand per building block (0 to 3)"),
            desc=_("The table beside the chart has the same figures."),
        )
        if results.shown
        else None
    )
    return {"results": results, "chart": chart, "levels": Level.choices, "min_group": MIN_GROUP}


@login_required
@staff_required
def results(request, round_id: int):
    scan_round = selectors.round_get_for_member(user=request.user, round_id=round_id)
    res = selectors.round_results(scan_round)
    previous = selectors.previous_round(scan_round)
    # Evidence over the time between the previous round and this one (or the last 3 months).
    evidence_start = (
        previous.opened_on if previous else timezone.localdate() - datetime.timedelta(days=91)
    )
    quarter = timezone.make_aware(
        datetime.datetime.combine(quarter_start(timezone.localdate()), datetime.time())
    )
    context = _results_context(request, scan_round, res)
    context.update(
        {
            "round": scan_round,
            "previous": previous,
            "evidence_start": evidence_start,
            "evidence": evidence_for(
                team_ids={scan_round.team_id},
                since=timezone.make_aware(
                    datetime.datetime.combine(evidence_start, datetime.time())
                ),
            ),
            "checkins": selectors.checkin_aggregate(team=scan_round.team, since=quarter),
            "is_lead": selectors.user_leads_team(request.user, scan_round.team),
            "has_answered": bool(selectors.own_response(user=request.user, scan_round=scan_round)),
        }
    )
    return render(request, "selfscan/results.html", context)


@login_required
@staff_required
@require_POST
def round_close(request, round_id: int):
    scan_round = selectors.round_get_for_member(user=request.user, round_id=round_id)
    if not selectors.user_leads_team(request.user, scan_round.team):
        raise Http404
    services.round_close(scan_round=scan_round, author=request.user)
    messages.success(request, _("The round is closed."))
    return redirect("selfscan:results", round_id=scan_round.pk)


@login_required
@staff_required
def plan(request, round_id: int):
    scan_round = selectors.round_get_for_member(user=request.user, round_id=round_id)
    members = selectors.team_members(scan_round.team)
    form = ActionForm(members=members)
    if request.method == "POST":
        form = ActionForm(request.POST, members=members)
        if form.is_valid():
            d = form.cleaned_data
            services.action_create(
                scan_round=scan_round,
                block=d["block"],
                what=d["what"],
                owner=d["owner"],
                due_on=d["due_on"],
                remind_days_before=d["remind_days_before"],
                author=request.user,
                key=d["idempotency_key"],
            )
            messages.success(request, _("The action is in the plan."))
            return redirect("selfscan:plan", round_id=scan_round.pk)
        messages.error(request, _("The action was not added yet. See the marked fields."))
    return render(
        request,
        "selfscan/plan.html",
        {"round": scan_round, "actions": selectors.action_plan(scan_round), "form": form},
    )


@login_required
@staff_required
@require_POST
def action_done(request, round_id: int, action_id: int):
    scan_round = selectors.round_get_for_member(user=request.user, round_id=round_id)
    action = scan_round.actions.filter(pk=action_id).first()
    if action is None:
        raise Http404
    services.action_done(action=action, author=request.user)
    return redirect("selfscan:plan", round_id=scan_round.pk)


@login_required
@staff_required
def results_pdf(request, round_id: int):
    scan_round = selectors.round_get_for_member(user=request.user, round_id=round_id)
    res = selectors.round_results(scan_round)
    context = _results_context(request, scan_round, res)
    context.update({"round": scan_round, "actions": selectors.action_plan(scan_round)})
    return pdf_response(
        "pdf/selfscan_results.html", context, f"zelfscan-{scan_round.pk}.pdf", inline=False
    )


@login_required
@staff_required
def organisation(request, organisation_id: int):
    org, res = selectors.organisation_results(user=request.user, organisation_id=organisation_id)
    context = _results_context(request, None, res)
    context["organisation"] = org
    return render(request, "selfscan/organisation.html", context)


@login_required
@staff_required
@require_POST
def intention_new(request):
    form = IntentionForm(request.POST)
    if form.is_valid():
        services.intention_create(
            author=request.user,
            text=form.cleaned_data["text"],
            key=form.cleaned_data["idempotency_key"],
        )
        messages.success(request, _("Saved. Only you see this."))
    else:
        messages.error(request, _("Write at most 500 characters."))
    return redirect("selfscan:home")


# --- The professional's own stress ---------------------------------------------------------------


@login_required
@staff_required
def checkin(request):
    form = CheckInForm()
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            services.checkin_create(
                author=request.user,
                thermometer=d["thermometer"],
                workload=d["workload"],
                support=d["support"],
                appreciated=d["appreciated"],
                note=d["note"],
                key=d["idempotency_key"],
            )
            messages.success(request, _("Saved. Only you see your answers."))
            return redirect("selfscan:checkin")
        messages.error(request, _("Not everything is filled in yet. See the marked questions."))
    history = selectors.checkins_for(request.user)
    oldest_first = list(reversed(history))
    chart = (
        line_svg(
            labels=[f"{c.taken_at:%d-%m-%Y}: {c.thermometer}" for c in oldest_first],
            values=[c.thermometer for c in oldest_first],
            max_value=10,
            title=_("My stress thermometer over time"),
            desc=_("The table below has the same figures."),
        )
        if len(history) > 1
        else None
    )
    return render(
        request,
        "selfscan/checkin.html",
        {
            "form": form,
            "history": history,
            "chart": chart,
            "tips": catalogues.tips(),
            "lang": (request.LANGUAGE_CODE or "nl")[:2],
        },
    )


@login_required
@staff_required
@require_POST
def checkin_delete(request, checkin_id: int):
    item = selectors.checkin_get_own(user=request.user, checkin_id=checkin_id)
    services.checkin_delete(author=request.user, checkin=item)
    messages.success(request, _("The check-in is removed."))
    return redirect("selfscan:checkin")
