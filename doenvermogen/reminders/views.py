"""Thin views: a trajectory's appointments and reminders, delivery problems, calendar feeds,
the client's request to move an appointment, and the public (token) calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from doenvermogen.cases.selectors import client_get_own, trajectory_get_for_user
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


@login_required
@staff_required
def trajectory_reminders(request, trajectory_id: int):
    trajectory = trajectory_get_for_user(
        user=request.user, trajectory_id=trajectory_id, purpose="reminders page"
    )
    steps = _steps(trajectory)
    appointment_form = AppointmentForm(prefix="a")
    step = steps.filter(pk=request.GET.get("step") or 0).first()
    reminder_form = ReminderForm(
        prefix="r", steps=steps, initial={"step": step, "title": step.text if step else ""}
    )
    open_form = "reminder" if step else ""
    if request.method == "POST":
        action = request.POST.get("action")
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
                    form_key=d["form_key"],
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
                    form_key=d["form_key"],
                )
                messages.success(request, _("The reminder is saved."))
                return redirect("reminders:trajectory_reminders", trajectory_id=trajectory.pk)
            open_form = "reminder"
    data = selectors.trajectory_reminders(user=request.user, trajectory=trajectory)
    return render(
        request,
        "reminders/trajectory_reminders.html",
        {
            "trajectory": trajectory,
            "client": trajectory.client,
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
    appointment = selectors.appointment_get_for_user(
        user=request.user, appointment_id=appointment_id, purpose="cancel appointment"
    )
    services.appointment_cancel(appointment=appointment, author=request.user)
    messages.success(request, _("The appointment is cancelled. Its reminders are stopped."))
    return redirect("reminders:trajectory_reminders", trajectory_id=appointment.trajectory_id)


@require_POST
@login_required
@staff_required
def appointment_move(request, appointment_id: int):
    appointment = selectors.appointment_get_for_user(
        user=request.user, appointment_id=appointment_id, purpose="move appointment"
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
    reminder = selectors.reminder_get_for_user(
        user=request.user, reminder_id=reminder_id, purpose="stop reminder"
    )
    services.reminder_cancel(reminder=reminder, author=request.user)
    messages.success(request, _("The reminder is stopped."))
    return redirect("reminders:trajectory_reminders", trajectory_id=reminder.trajectory_id)


@require_POST
@login_required
@staff_required
def delivery_retry(request, delivery_id: int):
    delivery = selectors.delivery_get_for_user(
        user=request.user, delivery_id=delivery_id, purpose="try reminder again"
    )
    services.delivery_retry(delivery=delivery, author=request.user)
    messages.success(request, _("The reminder will be sent again."))
    return redirect("reminders:trajectory_reminders", trajectory_id=delivery.reminder.trajectory_id)


@require_POST
@login_required
def feed_create(request, trajectory_id: int | None = None):
    """A new calendar address, for a client (own page) or by a professional (trajectory page)."""
    if request.user.is_client:
        client = client_get_own(user=request.user, purpose="calendar feed")
        _feed, token = services.calendar_feed_create(client=client, author=request.user)
        return render(
            request,
            "reminders/my_calendar.html",
            {"feed_url": services.calendar_feed_url(token)},
        )
    trajectory = trajectory_get_for_user(
        user=request.user, trajectory_id=trajectory_id or 0, purpose="calendar feed"
    )
    _feed, token = services.calendar_feed_create(client=trajectory.client, author=request.user)
    request.session["dv_feed_url"] = services.calendar_feed_url(token)
    return redirect("reminders:trajectory_reminders", trajectory_id=trajectory.pk)


@require_POST
@login_required
def feed_revoke(request, trajectory_id: int | None = None):
    if request.user.is_client:
        client = client_get_own(user=request.user, purpose="calendar feed")
    else:
        client = trajectory_get_for_user(
            user=request.user, trajectory_id=trajectory_id or 0, purpose="calendar feed"
        ).client
    for feed in client.calendar_feeds.filter(revoked_at__isnull=True):
        services.calendar_feed_revoke(feed=feed, author=request.user)
    messages.success(request, _("The calendar address no longer works."))
    if request.user.is_client:
        return redirect("cases:my_page")
    return redirect("reminders:trajectory_reminders", trajectory_id=trajectory_id)


@login_required
@client_required
def my_calendar(request):
    data = selectors.client_reminders(user=request.user)
    return render(request, "reminders/my_calendar.html", {"has_feed": data.has_feed})


@login_required
@client_required
def appointment_move_request(request, appointment_id: int):
    appointment = selectors.appointment_get_for_user(
        user=request.user, appointment_id=appointment_id, purpose="request to move appointment"
    )
    form = MoveRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.appointment_request_move(
            appointment=appointment, author=request.user, message=form.cleaned_data["message"]
        )
        messages.success(request, _("Thank you. Your professional will contact you."))
        return redirect("cases:my_page")
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
