"""The client's personal calendar feed (iCalendar, RFC 5545), built from reminders and appointments.

Times are written in Europe/Amsterdam with a VTIMEZONE, repeating reminders as an RRULE, and each
event has an alarm, so a phone that subscribes to the feed reminds the client by itself.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from icalendar import Alarm, Calendar, Event

from doenvermogen.cases.models import Client
from doenvermogen.reminders.models import LOCAL_TZ, Appointment, Reminder

REMINDER_MINUTES = 15


def _domain() -> str:
    return settings.SITE_URL.split("//", 1)[-1].split("/")[0].split(":")[0] or "localhost"


def _alarm(trigger: datetime.timedelta, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", trigger)
    return alarm


def reminder_event(reminder: Reminder, now: datetime.datetime) -> Event:
    """One reminder as an event with an alarm; a repeating reminder gets an RRULE."""
    event = Event()
    event.add("uid", f"reminder-{reminder.pk}@{_domain()}")
    event.add("dtstamp", now)
    event.add("summary", reminder.title)
    start = timezone.localtime(reminder.starts_at, LOCAL_TZ)
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(minutes=REMINDER_MINUTES))
    if reminder.repeat != Reminder.Repeat.ONCE:
        rule = {"freq": "daily" if reminder.repeat == Reminder.Repeat.DAILY else "weekly"}
        if reminder.repeat_until:
            until = datetime.datetime.combine(
                reminder.repeat_until, datetime.time(23, 59, 59), tzinfo=LOCAL_TZ
            )
            rule["until"] = until.astimezone(datetime.UTC)
        event.add("rrule", rule)
    if reminder.step_id and reminder.step.has_if_then:
        event.add(
            "description",
            _("Your plan: if %(if)s, then %(then)s.")
            % {"if": reminder.step.if_situation, "then": reminder.step.then_action},
        )
    event.add_component(_alarm(datetime.timedelta(0), reminder.title))
    return event


def calendar_for_reminders(reminders, *, language: str = "nl") -> bytes:
    """A calendar file with just these reminders (a download, not the subscribed feed)."""
    now = timezone.now()
    cal = Calendar()
    cal.add("prodid", "-//doenvermogen//reminders//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    with override(language):
        for reminder in reminders:
            cal.add_component(reminder_event(reminder, now))
    cal.add_missing_timezones()
    return cal.to_ical()


def calendar_for_client(client: Client) -> bytes:
    now = timezone.now()
    cal = Calendar()
    cal.add("prodid", "-//doenvermogen//reminders//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    with override(client.preferred_language or "nl"):
        cal.add("x-wr-calname", _("My appointments and reminders"))
        cal.add("x-wr-timezone", "Europe/Amsterdam")
        since = now - datetime.timedelta(days=30)
        for appointment in Appointment.objects.filter(
            trajectory__client=client, status=Appointment.Status.PLANNED, starts_at__gte=since
        ).select_related("professional"):
            event = Event()
            event.add("uid", f"appointment-{appointment.pk}@{_domain()}")
            event.add("dtstamp", now)
            event.add(
                "summary",
                _("Appointment with %(name)s")
                % {"name": appointment.professional.name or appointment.professional.email},
            )
            event.add("dtstart", timezone.localtime(appointment.starts_at, LOCAL_TZ))
            event.add("dtend", timezone.localtime(appointment.ends_at, LOCAL_TZ))
            event.add("location", appointment.place)
            if appointment.bring_items:
                event.add(
                    "description",
                    "\n".join([_("Please bring:")] + [f"- {i}" for i in appointment.bring_items]),
                )
            event.add_component(_alarm(-datetime.timedelta(days=1), event["summary"]))
            event.add_component(_alarm(-datetime.timedelta(hours=2), event["summary"]))
            cal.add_component(event)
        for reminder in Reminder.objects.filter(client=client, cancelled_at__isnull=True).exclude(
            subject=Reminder.Subject.APPOINTMENT
        ):
            if reminder.occurrence_after(since) is None:
                continue
            cal.add_component(reminder_event(reminder, now))
    cal.add_missing_timezones()
    return cal.to_ical()
