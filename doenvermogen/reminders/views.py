"""Thin views: a trajectory's appointments and reminders, delivery problems, calendar feeds,
the client's request to move an appointment, and the public (token) calendar feed.

Each view authorizes once through ``cases.selectors`` and hands the ``Authorized`` context on.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doenvermogen.audit import events
from doenvermogen.cases.selectors import (
    access_own,
    access_trajectory,
    access_trajectory_object,
)
from doenvermogen.goals.models import Step
from doenvermogen.reminders import ical, selectors, services
from doenvermogen.reminders.forms import (
    AppointmentForm,
    MoveRequestForm,
    MoveTimeForm,
    ReminderForm,
)
from doenvermogen.ui.decorators import client_required, staff_required


def _steps(trajectory):
    return Step.objects.filter(
        plan__trajectory=trajectory, archived_at__isnull=True, done_at__isnull=True
    )


def _int_or_zero(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return number if 0 < number < 2**63 else 0


POST_EVENTS = {"appointment": events.APPOINTMENT_CREATE, "reminder": events.REMINDER_CREATE}


@login_required
@staff_required
def trajectory_reminders(request, trajectory_id: int):
    action = request.POST.get("action") if request.method == "POST" else None
    ctx = access_trajectory(
        user=request.user,
        trajectory_id=trajectory_id,
        event=POST_EVENTS.get(action or "", events.REMINDER_LIST),
    )
    trajectory = ctx.trajectory
    steps = _steps(trajectory)
    appointment_form = AppointmentForm(prefix="a")
    step = steps.filter(pk=_int_or_zero(request.GET.get("step"))).first()
    reminder_form = ReminderForm(
        prefix="r", steps=steps, initial={"step": step, "title": step.text if step else ""}
    )
    open_form = "reminder" if step else ""
    if request.method == "POST":
        if action == "appointment":
            appointment_form = AppointmentForm(request.POST, prefix="a")
            if appointment_form.is_valid():
                d = appointment_form.cleaned_data
                services.appointment_create(
                    trajectory=trajectory,
                    author=request.user,
                    starts_at=d["when"],
                    place=d["place"],
                    bring=d["bring"],
                    duration_minutes=d["duration_minutes"],
                    default_reminders=d["default_reminders"],
                    idempotency_key=d["idempotency_key"],
                )
                messages.success(request, _("The appointment is saved."))
                return redirect("reminders:trajectory_reminders", trajectory_id=trajectory.pk)
            open_form = "appointment"
        elif action == "reminder":
            reminder_form = ReminderForm(request.POST, prefix="r", steps=steps)
            if reminder_form.is_valid():
                d = reminder_form.cleaned_data
                services.reminder_create(
                    trajectory=trajectory,
                    author=request.user,
                    title=d["title"],
                    starts_at=d["when"],
                    repeat=d["repeat"],
                    repeat_until=d["repeat_until"],
                    by_email=d["by_email"],
                    subject=d["subject"],
                    step=d["step"],
                    idempotency_key=d["idempotency_key"],
                )
                messages.success(request, _("The reminder is saved."))
                return redirect("reminders:trajectory_reminders", trajectory_id=trajectory.pk)
            open_form = "reminder"
    ctx.shown(events.REMINDER_LIST)
    data = selectors.trajectory_reminders(ctx)
    return render(
        request,
        "reminders/trajectory_reminders.html",
        {
            "trajectory": trajectory,
            "client": ctx.client,
            "data": data,
            "appointment_form": appointment_form,
            "reminder_form": reminder_form,
            "open_form": open_form,
            "feed_url": request.session.pop("dv_feed_url", None),
        },
    )


@require_POST
@login_required
@staff_required
def appointment_cancel(request, appointment_id: int):
    _ctx, appointment = access_trajectory_object(
        user=request.user,
        queryset=selectors.appointment_queryset(),
        pk=appointment_id,
        event=events.APPOINTMENT_CANCEL,
    )
    services.appointment_cancel(appointment=appointment, author=request.user)
    messages.success(request, _("The appointment is cancelled. Its reminders are stopped."))
    return redirect("reminders:trajectory_reminders", trajectory_id=appointment.trajectory_id)


@require_POST
@login_required
@staff_required
def appointment_move(request, appointment_id: int):
    _ctx, appointment = access_trajectory_object(
        user=request.user,
        queryset=selectors.appointment_queryset(),
        pk=appointment_id,
        event=events.APPOINTMENT_UPDATE,
    )
    form = MoveTimeForm(request.POST)
    if form.is_valid():
        services.appointment_move(
            appointment=appointment, author=request.user, starts_at=form.cleaned_data["when"]
        )
        messages.success(request, _("The appointment is moved. The reminders move along."))
    else:
        messages.error(request, _("Choose a new date and time in the future."))
    return redirect("reminders:trajectory_reminders", trajectory_id=appointment.trajectory_id)


@require_POST
@login_required
@staff_required
def reminder_cancel(request, reminder_id: int):
    _ctx, reminder = access_trajectory_object(
        user=request.user,
        queryset=selectors.reminder_queryset(),
        pk=reminder_id,
        event=events.REMINDER_STOP,
    )
    services.reminder_cancel(reminder=reminder, author=request.user)
    messages.success(request, _("The reminder is stopped."))
    return redirect("reminders:trajectory_reminders", trajectory_id=reminder.trajectory_id)


@require_POST
@login_required
@staff_required
def delivery_retry(request, delivery_id: int):
    _ctx, delivery = access_trajectory_object(
        user=request.user,
        queryset=selectors.delivery_queryset(),
        pk=delivery_id,
        event=events.DELIVERY_RETRY,
        trajectory_path="reminder__trajectory",
    )
    services.delivery_retry(delivery=delivery, author=request.user)
    messages.success(request, _("The reminder will be sent again."))
    return redirect("reminders:trajectory_reminders", trajectory_id=delivery.reminder.trajectory_id)


@require_POST
@login_required
def feed_create(request, trajectory_id: int | None = None):
    """A new calendar address, for a client (own page) or by a professional (trajectory page)."""
    if (trajectory_id is None) != request.user.is_client:
        return redirect("ui:home")  # the client's address is for the client, and vice versa
    if request.user.is_client:
        ctx = access_own(user=request.user, event=events.CALENDAR_FEED_CREATE)
        _feed, token = services.calendar_feed_create(client=ctx.client, author=request.user)
        return render(
            request,
            "reminders/my_calendar.html",
            {"feed_url": services.calendar_feed_url(token)},
        )
    ctx = access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.CALENDAR_FEED_CREATE
    )
    _feed, token = services.calendar_feed_create(client=ctx.client, author=request.user)
    request.session["dv_feed_url"] = services.calendar_feed_url(token)
    return redirect("reminders:trajectory_reminders", trajectory_id=ctx.trajectory.pk)


@require_POST
@login_required
def feed_revoke(request, trajectory_id: int | None = None):
    if (trajectory_id is None) != request.user.is_client:
        return redirect("ui:home")
    if request.user.is_client:
        ctx = access_own(user=request.user, event=events.CALENDAR_FEED_REVOKE)
    else:
        ctx = access_trajectory(
            user=request.user, trajectory_id=trajectory_id, event=events.CALENDAR_FEED_REVOKE
        )
    for feed in ctx.client.calendar_feeds.filter(revoked_at__isnull=True):
        services.calendar_feed_revoke(feed=feed, author=request.user)
    messages.success(request, _("The calendar address no longer works."))
    if request.user.is_client:
        return redirect("cases:my_page")
    return redirect("reminders:trajectory_reminders", trajectory_id=trajectory_id)


@login_required
@client_required
def my_calendar(request):
    ctx = access_own(user=request.user, event=events.CALENDAR_FEED_VIEW)
    has_feed = ctx.client.calendar_feeds.filter(revoked_at__isnull=True).exists()
    return render(request, "reminders/my_calendar.html", {"has_feed": has_feed})


@login_required
@client_required
def appointment_move_request(request, appointment_id: int):
    ctx, appointment = access_trajectory_object(
        user=request.user,
        queryset=selectors.appointment_queryset(),
        pk=appointment_id,
        event=events.APPOINTMENT_MOVE_REQUEST
        if request.method == "POST"
        else events.APPOINTMENT_VIEW,
    )
    form = MoveRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.appointment_request_move(
            appointment=appointment, author=request.user, message=form.cleaned_data["message"]
        )
        messages.success(request, _("Thank you. Your professional will contact you."))
        return redirect("cases:my_page")
    ctx.shown(events.APPOINTMENT_VIEW)
    return render(
        request, "reminders/move_request.html", {"appointment": appointment, "form": form}
    )


@require_GET
def calendar_feed(request, token: str):
    """The iCalendar feed; no sign-in (a phone cannot sign in), the secret token is the key."""
    client = selectors.feed_client(token=token)
    if client is None:
        raise Http404("Unknown or revoked calendar address")
    response = HttpResponse(ical.calendar_for_client(client), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="doenvermogen.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
