"""Thin views of the psycho-education flow for the professional (shared screen) and the client.

Each view authorizes once through ``cases.selectors`` (a session, strategy or step by id with
``access_trajectory_object``) and hands the ``Authorized`` context on.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.accounts.models import Membership
from doenvermogen.accounts.selectors import user_has_role
from doenvermogen.audit import events
from doenvermogen.audit.events import Event
from doenvermogen.cases.selectors import Authorized, access_trajectory, access_trajectory_object
from doenvermogen.psychoeducation import selectors, services
from doenvermogen.psychoeducation.forms import (
    ChooseForm,
    GateForm,
    RecogniseForm,
    ReviewForm,
    ShareForm,
    StrategyEditForm,
    StrategyForm,
)
from doenvermogen.psychoeducation.models import (
    GateConversation,
    Review,
    Session,
    Strategy,
    StressEffect,
)
from doenvermogen.psychoeducation.sections import STEP_URLS
from doenvermogen.reminders.ical import calendar_for_reminders
from doenvermogen.ui.decorators import client_required, staff_required
from doenvermogen.ui.pdf import pdf_response


def _session(request, session_id: int, event: Event) -> tuple[Authorized, Session]:
    """The one authorization of a session page (a client: only a shared session of their own)."""
    return access_trajectory_object(
        user=request.user,
        queryset=selectors.session_queryset(request.user),
        pk=session_id,
        event=event,
    )


def _event(request, view: Event, write: Event) -> Event:
    return write if request.method == "POST" else view


def _open_or_back(request, session: Session):
    if not session.is_open:
        messages.info(request, _("This conversation was stopped. You can start a new one."))
        return redirect("cases:trajectory_detail", trajectory_id=session.trajectory_id)
    return None


def _context(session: Session, **extra) -> dict:
    return {"session": session, "trajectory": session.trajectory, "steps": Session.Step, **extra}


@login_required
@staff_required
def gate(request, trajectory_id: int):
    ctx = access_trajectory(
        user=request.user,
        trajectory_id=trajectory_id,
        event=_event(request, events.PSYCHOEDUCATION_VIEW, events.PSYCHOEDUCATION_GATE),
    )
    trajectory = ctx.trajectory
    overview = selectors.overview_for_trajectory(ctx)
    form = GateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        gate_conv = services.gate_record(
            trajectory=trajectory,
            author=request.user,
            experiences_stress=data["experiences_stress"],
            wants_to_talk=data["wants_to_talk"],
            acute_threat=data["acute_threat"],
            opening=data["opening"],
            occasion_behaviour=data["occasion_behaviour"],
            start_despite_threat=request.POST.get("start_despite_threat") == "1",
            idempotency_key=data["idempotency_key"],
        )
        if gate_conv.outcome == GateConversation.Outcome.START:
            return redirect("psychoeducation:explain", session_id=gate_conv.session.pk)
        if gate_conv.outcome == GateConversation.Outcome.WAIT_THREAT:
            return render(
                request, "psychoeducation/wait.html", {"trajectory": trajectory, "gate": gate_conv}
            )
        messages.success(
            request,
            _("Recorded: %(outcome)s. That is fine. You can ask again later.")
            % {"outcome": gate_conv.get_outcome_display()},
        )
        return redirect("cases:trajectory_detail", trajectory_id=trajectory.pk)
    ctx.shown(events.PSYCHOEDUCATION_VIEW)
    return render(
        request,
        "psychoeducation/gate.html",
        {
            "trajectory": trajectory,
            "form": form,
            "overview": overview,
            "behaviour": request.POST.get("occasion_behaviour", ""),
        },
    )


@login_required
@staff_required
def opening_phrase(request):
    """htmx: the occasion phrase with the behaviour filled in (no client data involved)."""
    return render(
        request,
        "psychoeducation/_occasion_phrase.html",
        {"behaviour": request.GET.get("occasion_behaviour", "")[:200]},
    )


@require_POST
@login_required
@staff_required
def start_despite_threat(request, gate_id: int):
    ctx, gate_conv = access_trajectory_object(
        user=request.user,
        queryset=GateConversation.objects.all(),
        pk=gate_id,
        event=events.PSYCHOEDUCATION_GATE,
    )
    new_gate = services.gate_record(
        trajectory=ctx.trajectory,
        author=request.user,
        experiences_stress=gate_conv.experiences_stress,
        wants_to_talk=gate_conv.wants_to_talk,
        acute_threat=gate_conv.acute_threat,
        opening=gate_conv.opening,
        occasion_behaviour=gate_conv.occasion_behaviour,
        start_despite_threat=True,
        idempotency_key=f"despite-{gate_conv.pk}",
    )
    return redirect("psychoeducation:explain", session_id=new_gate.session.pk)


@login_required
@staff_required
def explain(request, session_id: int):
    ctx, session = _session(
        request,
        session_id,
        _event(request, events.PSYCHOEDUCATION_VIEW, events.PSYCHOEDUCATION_UPDATE),
    )
    if back := _open_or_back(request, session):
        return back
    if request.method == "POST":
        services.session_explained(session=session, author=request.user)
        return redirect("psychoeducation:recognise", session_id=session.pk)
    effects = selectors.effect_catalogue(session.trajectory.organisation)
    return render(request, "psychoeducation/step1_explain.html", _context(session, effects=effects))


@login_required
@staff_required
def recognise(request, session_id: int):
    ctx, session = _session(
        request,
        session_id,
        _event(request, events.PSYCHOEDUCATION_VIEW, events.PSYCHOEDUCATION_UPDATE),
    )
    if back := _open_or_back(request, session):
        return back
    catalogue = selectors.effect_catalogue(session.trajectory.organisation)
    regular = catalogue.filter(is_other=False)
    current = list(session.effects.all())
    initial = {"effects": [e.effect_id for e in current if e.effect_id]}
    for i, item in enumerate([e for e in current if not e.effect_id][:3], start=1):
        initial[f"own_words_{i}"] = item.own_words
    form = RecogniseForm(request.POST or None, effects=regular, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.effects_recognise(
            session=session,
            author=request.user,
            effects=form.cleaned_data["effects"],
            own_words=form.own_words(),
        )
        return redirect("psychoeducation:choose", session_id=session.pk)
    ctx.shown(events.PSYCHOEDUCATION_VIEW)
    return render(
        request,
        "psychoeducation/step2_recognise.html",
        _context(session, form=form, other=catalogue.filter(is_other=True).first()),
    )


@login_required
@staff_required
def choose(request, session_id: int):
    ctx, session = _session(
        request,
        session_id,
        _event(request, events.PSYCHOEDUCATION_VIEW, events.PSYCHOEDUCATION_UPDATE),
    )
    if back := _open_or_back(request, session):
        return back
    recognised = session.effects.select_related("effect").order_by("id")
    if not recognised.exists():
        return redirect("psychoeducation:recognise", session_id=session.pk)
    initial = {
        "variant": session.variant,
        "chosen": [e.pk for e in recognised if e.is_chosen],
        "rules_explained": bool(session.rules_explained_at),
    }
    form = ChooseForm(request.POST or None, recognised=recognised, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.effects_choose(
                session=session,
                author=request.user,
                variant=form.cleaned_data["variant"],
                chosen=list(form.cleaned_data["chosen"]),
                rules_explained=form.cleaned_data["rules_explained"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("psychoeducation:strategies", session_id=session.pk)
    ctx.shown(events.PSYCHOEDUCATION_VIEW)
    return render(request, "psychoeducation/step2_choose.html", _context(session, form=form))


def _reminder_from(form: StrategyForm) -> services.ReminderRequest | None:
    data = form.cleaned_data
    if not data.get("reminder_date"):
        return None
    moment = timezone.make_aware(
        datetime.datetime.combine(data["reminder_date"], data["reminder_time"])
    )
    return services.ReminderRequest(
        first_at=moment,
        repeat=data.get("reminder_repeat") or "once",
        channel="email" if data.get("reminder_by_email") else "app",
    )


@login_required
@staff_required
def strategies(request, session_id: int):
    ctx, session = _session(
        request, session_id, _event(request, events.PSYCHOEDUCATION_VIEW, events.STRATEGY_CREATE)
    )
    if back := _open_or_back(request, session):
        return back
    if session.step < Session.Step.STRATEGIES:
        return redirect(STEP_URLS[Session.Step(session.step)], session_id=session.pk)
    catalogue = selectors.strategy_catalogue(session.trajectory.organisation)
    blocks = selectors.chosen_effects_with_strategies(session)
    if not blocks:
        return redirect("psychoeducation:choose", session_id=session.pk)
    # One chosen effect at a time: the one asked for, else the first without a strategy.
    wanted = request.POST.get("recognised_effect") or request.GET.get("effect")
    current = next((b for b in blocks if str(b.effect.pk) == str(wanted)), None) or next(
        (b for b in blocks if not b.strategies), blocks[0]
    )
    form = StrategyForm(
        request.POST or None,
        strategies=catalogue,
        initial={"recognised_effect": current.effect.pk},
    )
    if request.method == "POST" and form.is_valid():
        chosen_id = form.cleaned_data["catalogue_strategy"]
        try:
            services.strategy_add(
                session=session,
                author=request.user,
                recognised_effect=current.effect,
                description=form.cleaned_data["description"],
                catalogue_strategy=Strategy.objects.filter(pk=chosen_id).first()
                if chosen_id
                else None,
                if_part=form.cleaned_data["if_part"],
                then_part=form.cleaned_data["then_part"],
                steps=form.step_lines(),
                reminder=_reminder_from(form),
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Strategy added."))
            return redirect(f"{request.path}?effect={current.effect.pk}")
    index = blocks.index(current)
    ctx.shown(events.PSYCHOEDUCATION_VIEW)
    return render(
        request,
        "psychoeducation/step3_strategies.html",
        _context(
            session,
            blocks=blocks,
            current=current,
            number=index + 1,
            next_block=blocks[index + 1] if index + 1 < len(blocks) else None,
            form=form,
        ),
    )


@login_required
@staff_required
def strategy_edit(request, strategy_id: int):
    """Change a strategy of step 3 (words, if-then, small steps), like removing it."""
    ctx, strategy = access_trajectory_object(
        user=request.user,
        queryset=selectors.strategy_queryset(request.user).prefetch_related("steps"),
        pk=strategy_id,
        event=_event(request, events.PSYCHOEDUCATION_VIEW, events.STRATEGY_UPDATE),
        trajectory_path="session__trajectory",
    )
    session = strategy.session
    if back := _open_or_back(request, session):
        return back
    back_url = reverse("psychoeducation:strategies", args=[session.pk])
    back_url += f"?effect={strategy.recognised_effect_id}"
    steps = list(strategy.steps.all())
    initial = {
        "description": strategy.description,
        "if_part": strategy.if_part,
        "then_part": strategy.then_part,
    } | {f"step_{i}": step.text for i, step in enumerate(steps[:3], start=1)}
    form = StrategyEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.strategy_update(
                strategy=strategy,
                author=request.user,
                description=form.cleaned_data["description"],
                if_part=form.cleaned_data["if_part"],
                then_part=form.cleaned_data["then_part"],
                steps=form.step_lines(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Strategy changed."))
            return redirect(back_url)
    ctx.shown(events.PSYCHOEDUCATION_VIEW)
    return render(
        request,
        "psychoeducation/strategy_edit.html",
        _context(session, strategy=strategy, form=form, back_url=back_url),
    )


@require_POST
@login_required
@staff_required
def strategy_remove(request, strategy_id: int):
    _ctx, strategy = access_trajectory_object(
        user=request.user,
        queryset=selectors.strategy_queryset(request.user),
        pk=strategy_id,
        event=events.STRATEGY_DELETE,
        trajectory_path="session__trajectory",
    )
    session = strategy.session
    try:
        services.strategy_remove(strategy=strategy, author=request.user)
    except ValidationError as exc:
        messages.info(request, " ".join(exc.messages))
    url = reverse("psychoeducation:strategies", args=[session.pk])
    return redirect(f"{url}?effect={strategy.recognised_effect_id}")


@require_POST
@login_required
@staff_required
def strategies_done(request, session_id: int):
    _ctx, session = _session(request, session_id, events.PSYCHOEDUCATION_UPDATE)
    try:
        services.strategies_done(session=session, author=request.user)
    except ValidationError as exc:
        messages.info(request, " ".join(exc.messages))
        return redirect("psychoeducation:strategies", session_id=session.pk)
    return redirect("psychoeducation:summary", session_id=session.pk)


@login_required
@staff_required
def summary(request, session_id: int):
    ctx, session = _session(
        request,
        session_id,
        _event(request, events.PSYCHOEDUCATION_VIEW, events.PSYCHOEDUCATION_SHARE),
    )
    default_review = timezone.localdate() + datetime.timedelta(days=14)
    form = ShareForm(
        request.POST or None,
        initial={"next_review_on": session.next_review_on or default_review},
    )
    if request.method == "POST" and form.is_valid():
        if back := _open_or_back(request, session):
            return back
        services.session_share(
            session=session,
            author=request.user,
            next_review_on=form.cleaned_data["next_review_on"],
        )
        messages.success(request, _("Shared. The client now sees this on their own page."))
        return redirect("psychoeducation:summary", session_id=session.pk)
    ctx.shown(events.PSYCHOEDUCATION_VIEW)
    return render(
        request,
        "psychoeducation/summary.html",
        _context(session, form=form, blocks=selectors.chosen_effects_with_strategies(session)),
    )


def _next_review_suggestion(session: Session) -> datetime.date:
    """The agreed date if it is still ahead, otherwise two weeks from today."""
    today = timezone.localdate()
    if session.next_review_on and session.next_review_on > today:
        return session.next_review_on
    return today + datetime.timedelta(days=14)


@login_required
@staff_required
def review(request, session_id: int):
    ctx, session = _session(
        request,
        session_id,
        _event(request, events.PSYCHOEDUCATION_VIEW, events.STRATEGY_REVIEW_CREATE),
    )
    if back := _open_or_back(request, session):
        return back
    current = [s for b in selectors.chosen_effects_with_strategies(session) for s in b.strategies]
    prepared = selectors.client_prepared_review(session)
    form = ReviewForm(
        request.POST or None,
        strategies=current,
        conversation=True,
        prefill=prepared,
        initial={"next_review_on": _next_review_suggestion(session)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.review_record(
                session=session,
                author=request.user,
                source=Review.Source.CONVERSATION,
                answers=[
                    services.ReviewAnswer(
                        strategy=s,
                        used=data.get(f"used_{s.pk}", ""),
                        helped=data.get(f"helped_{s.pk}", ""),
                        adjustment=data.get(f"adjustment_{s.pk}", ""),
                        new_description=data.get(f"new_description_{s.pk}", ""),
                    )
                    for s in current
                ],
                note=data["note"],
                next_review_on=data.get("next_review_on"),
                idempotency_key=data["idempotency_key"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The review has been saved."))
            return redirect("cases:trajectory_detail", trajectory_id=session.trajectory_id)
    history = selectors.strategy_histories(session, current)
    overview = selectors.overview_for_trajectory(ctx)
    ctx.shown(events.PSYCHOEDUCATION_VIEW)
    return render(
        request,
        "psychoeducation/review.html",
        _context(session, form=form, prepared=prepared, history=history, overview=overview),
    )


@login_required
@staff_required
def stop(request, session_id: int):
    """A calm question first (a mis-tap at a shared screen does nothing), then stop."""
    _ctx, session = _session(
        request,
        session_id,
        _event(request, events.PSYCHOEDUCATION_VIEW, events.PSYCHOEDUCATION_STOP),
    )
    if request.method != "POST" or not session.is_open:
        return render(request, "psychoeducation/stop_confirm.html", _context(session))
    services.session_stop(session=session, user=request.user)
    messages.success(
        request, _("Stopped. That is completely fine. You can always talk about it again later.")
    )
    return redirect("cases:trajectory_detail", trajectory_id=session.trajectory_id)


@require_POST
@login_required
def step_tick(request, step_id: int):
    """Tick a small step, by the client (own page) or the professional."""
    _ctx, step = access_trajectory_object(
        user=request.user,
        queryset=selectors.plan_step_queryset(request.user),
        pk=step_id,
        event=events.STRATEGY_STEP_DONE,
        trajectory_path="strategy__session__trajectory",
    )
    session = step.strategy.session
    step = services.plan_step_tick(
        step=step, user=request.user, done=request.POST.get("done") == "1"
    )
    if request.htmx:
        return render(request, "psychoeducation/_step.html", {"step": step})
    if request.user.is_client:
        return redirect("cases:my_page")
    return redirect("psychoeducation:summary", session_id=session.pk)


@login_required
def strategy_reminders_ics(request, strategy_id: int):
    """The reminders of one strategy as a calendar file, to add to a phone's calendar."""
    ctx, strategy = access_trajectory_object(
        user=request.user,
        queryset=selectors.strategy_queryset(request.user),
        pk=strategy_id,
        event=events.REMINDER_DOWNLOAD,
        trajectory_path="session__trajectory",
    )
    reminders = list(strategy.reminder_list)
    if not reminders:
        raise Http404
    response = HttpResponse(
        calendar_for_reminders(reminders, language=ctx.client.preferred_language),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="herinnering-{strategy.pk}.ics"'
    return response


PRINTOUTS = {
    # name: (template, file name)
    "chart": ("pdf/psychoeducation_chart.html", "praatplaat.pdf"),
    "pocket_card": ("pdf/psychoeducation_pocket_card.html", "zakkaart.pdf"),
}


def _printout(request, session_id: int, name: str):
    template, filename = PRINTOUTS[name]
    _ctx, session = _session(request, session_id, events.PSYCHOEDUCATION_PRINT)
    return pdf_response(
        template,
        {
            "session": session,
            "client": session.trajectory.client,
            "blocks": selectors.chosen_effects_with_strategies(session),
            "recognised": list(session.effects.all()),
            "effects": selectors.effect_catalogue(session.trajectory.organisation),
        },
        filename,
    )


@login_required
def chart_pdf(request, session_id: int):
    """The filled-in talk chart on A4, with the chosen effects and strategies."""
    return _printout(request, session_id, "chart")


@login_required
def pocket_card_pdf(request, session_id: int):
    """A small card with the strategies, to carry along."""
    return _printout(request, session_id, "pocket_card")


BLANK_VARIANTS = {"talk-chart", "three", "one"}


@login_required
def blank_chart_pdf(request, variant: str):
    """The blank A4 charts of the guide's appendix, for people who prefer paper."""
    if variant not in BLANK_VARIANTS:
        raise Http404
    org = None
    if not request.user.is_client:
        membership = request.user.memberships.select_related("organisation").first()
        org = membership.organisation if membership else None
    effects = StressEffect.objects.none()
    if variant == "talk-chart":
        effects = selectors.effect_catalogue(org)
    return pdf_response(
        "pdf/psychoeducation_blank.html",
        {"variant": variant, "effects": effects, "rows": range(3 if variant == "three" else 1)},
        f"praatplaat-{variant}.pdf",
    )


@login_required
@staff_required
def team_meeting(request):
    """Figures for the team meeting (team leads): how it is used and what helps. Counts only."""
    if not user_has_role(request.user, Membership.Role.TEAM_LEAD):
        raise Http404
    from doenvermogen.psychoeducation import team_meeting as figures

    return figures.page(request)


# --- The client's own page ---------------------------------------------------------------------


@login_required
@client_required
def client_stop(request, session_id: int):
    """The client decides: they may stop. A calm question first, so a mis-tap does nothing."""
    ctx, session = _session(
        request,
        session_id,
        _event(request, events.PSYCHOEDUCATION_VIEW, events.PSYCHOEDUCATION_STOP),
    )
    if request.method == "POST" and session.is_open:
        services.session_stop(session=session, user=request.user)
        messages.success(
            request, _("That is fine. If you want, you can always talk about it again later.")
        )
        return redirect("cases:my_page")
    ctx.shown(events.PSYCHOEDUCATION_VIEW)
    return render(request, "psychoeducation/client_stop.html", {"session": session})


@login_required
@client_required
def client_review(request, session_id: int):
    ctx, session = _session(
        request,
        session_id,
        _event(request, events.PSYCHOEDUCATION_VIEW, events.STRATEGY_REVIEW_CREATE),
    )
    if not session.is_open:
        return redirect("cases:my_page")
    current = [s for b in selectors.chosen_effects_with_strategies(session) for s in b.strategies]
    form = ReviewForm(
        request.POST or None,
        strategies=current,
        conversation=False,
        prefill=selectors.client_prepared_review(session),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.review_record(
            session=session,
            author=request.user,
            source=Review.Source.CLIENT,
            answers=[
                services.ReviewAnswer(
                    strategy=s,
                    used=data.get(f"used_{s.pk}", ""),
                    helped=data.get(f"helped_{s.pk}", ""),
                    adjustment=data.get(f"adjustment_{s.pk}", ""),
                )
                for s in current
            ],
            note=data["note"],
            idempotency_key=data["idempotency_key"],
        )
        messages.success(request, _("Thank you! We will talk about it at your next appointment."))
        return redirect("cases:my_page")
    ctx.shown(events.PSYCHOEDUCATION_VIEW)
    return render(request, "psychoeducation/client_review.html", _context(session, form=form))
