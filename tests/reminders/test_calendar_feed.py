"""The personal calendar feed, parsed back with the icalendar library."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from doenvermogen.reminders import services
from doenvermogen.reminders.models import LOCAL_TZ, Reminder

pytestmark = pytest.mark.django_db


def _feed(client, token):
    return client.get(reverse("reminders:calendar_feed", args=[token]))


def test_feed_has_events_in_amsterdam_time_with_recurrence_and_alarms(client, world):
    traj = world.traj_a
    start = datetime.datetime.now(LOCAL_TZ).replace(microsecond=0, second=0, minute=0)
    start = start + datetime.timedelta(days=2)
    services.appointment_create(
        trajectory=traj, author=world.pro_a, starts_at=start, place="Stadskantoor", bring="Bankpas"
    )
    weekly_start = (start + datetime.timedelta(days=1)).replace(hour=10)
    services.reminder_create(
        trajectory=traj,
        author=world.pro_a,
        title="Post openen met mama",
        starts_at=weekly_start,
        repeat=Reminder.Repeat.WEEKLY,
        repeat_until=weekly_start.date() + datetime.timedelta(weeks=4),
    )
    services.reminder_create(
        trajectory=traj,
        author=world.pro_a,
        title="Pillen",
        starts_at=weekly_start.replace(hour=8),
        repeat=Reminder.Repeat.DAILY,
    )
    _feed_obj, token = services.calendar_feed_create(client=traj.client, author=world.pro_a)
    response = _feed(client, token)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {"Afspraak met Anna", "Post openen met mama", "Pillen"}
    appointment = events["Afspraak met Anna"]
    dtstart = appointment.decoded("DTSTART")
    assert dtstart == start and str(dtstart.tzinfo) == "Europe/Amsterdam"
    assert appointment["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert (
        str(appointment["LOCATION"]) == "Stadskantoor" and "Bankpas" in appointment["DESCRIPTION"]
    )
    triggers = sorted(a.decoded("TRIGGER") for a in appointment.walk("VALARM"))
    assert triggers == [-datetime.timedelta(days=1), -datetime.timedelta(hours=2)]
    weekly = events["Post openen met mama"]
    assert weekly.decoded("DTSTART").hour == 10
    assert weekly["RRULE"]["FREQ"] == ["WEEKLY"] and weekly["RRULE"]["UNTIL"]
    assert events["Pillen"]["RRULE"]["FREQ"] == ["DAILY"]
    assert "UNTIL" not in events["Pillen"]["RRULE"]


def test_token_shows_only_own_client_and_revoked_token_nothing(client, world):
    for traj, author, title in (
        (world.traj_a, world.pro_a, "Van Noor"),
        (world.traj_b, world.pro_b, "Van Karel"),
    ):
        services.reminder_create(
            trajectory=traj,
            author=author,
            title=title,
            starts_at=timezone.now() + datetime.timedelta(hours=5),
        )
    feed_a, token_a = services.calendar_feed_create(client=world.traj_a.client, author=world.pro_a)
    body = _feed(client, token_a).content.decode()
    assert "Van Noor" in body and "Van Karel" not in body
    assert _feed(client, "not-a-token").status_code == 404
    services.calendar_feed_revoke(feed=feed_a, author=world.pro_a)
    response = _feed(client, token_a)
    assert response.status_code == 404 and b"Van Noor" not in response.content


def test_new_address_replaces_old_one_and_client_can_make_it(client, world):
    _f, old = services.calendar_feed_create(client=world.traj_a.client, author=world.pro_a)
    client.force_login(world.traj_a.client.user)
    page = client.post(reverse("reminders:my_feed_create")).content.decode()
    assert "webcal://" in page
    assert _feed(client, old).status_code == 404
    token = page.split("/calendar/")[1].split(".ics")[0]
    assert _feed(client, token).status_code == 200
