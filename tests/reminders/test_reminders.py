"""Appointments and reminders: services, retries, the client's page and authorization."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.http import Http404
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.models import Consent
from doenvermogen.cases.selectors import access_trajectory_object
from doenvermogen.cases.services import consent_record
from doenvermogen.reminders import selectors, services
from doenvermogen.reminders.models import LOCAL_TZ, Appointment, Delivery, Reminder

pytestmark = pytest.mark.django_db


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


@pytest.fixture
def noor(world):
    client = world.traj_a.client
    client.email = "noor@example.org"
    client.save()
    consent_record(client=client, author=world.pro_a, purpose=Consent.Purpose.REMINDERS)
    return world.traj_a


def _due_now(reminder: Reminder) -> Delivery:
    delivery = reminder.deliveries.get()
    return delivery


def test_appointment_gets_default_reminders(noor, world):
    start = timezone.now() + datetime.timedelta(days=3)
    appointment = services.appointment_create(
        trajectory=noor,
        author=world.pro_a,
        starts_at=start,
        place="Stadskantoor",
        bring="Pas\nBrief",
    )
    offsets = sorted(start - r.starts_at for r in appointment.reminders.all())
    assert offsets == [datetime.timedelta(hours=2), datetime.timedelta(days=1)]
    assert Delivery.objects.filter(reminder__appointment=appointment).count() == 2
    assert appointment.bring_items == ["Pas", "Brief"]


def test_appointment_double_submit_and_cancel(noor, world):
    start = timezone.now() + datetime.timedelta(days=3)
    a = services.appointment_create(
        trajectory=noor,
        author=world.pro_a,
        starts_at=start,
        place="X",
        idempotency_key="appointment-k",
    )
    b = services.appointment_create(
        trajectory=noor,
        author=world.pro_a,
        starts_at=start,
        place="X",
        idempotency_key="appointment-k",
    )
    assert a == b and Appointment.objects.count() == 1
    services.appointment_cancel(appointment=a, author=world.pro_a)
    assert set(Delivery.objects.values_list("status", flat=True)) == {"skipped"}


def test_delivery_sends_once_in_clients_language(noor, world):
    reminder = services.reminder_create(
        trajectory=noor,
        author=world.pro_a,
        title="Post openen",
        starts_at=timezone.now() + datetime.timedelta(minutes=5),
    )
    delivery = _due_now(reminder)
    later = timezone.now() + datetime.timedelta(minutes=6)
    assert services.delivery_send(delivery_id=delivery.pk, now=later) == "sent"
    assert services.delivery_send(delivery_id=delivery.pk, now=later) == "nothing to do"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["noor@example.org"]
    assert "Post openen" in message.body and "Hallo" in message.body
    assert message.extra_headers["Message-ID"].startswith(f"<reminder-delivery-{delivery.pk}@")


def test_not_sent_before_due(noor, world):
    reminder = services.reminder_create(
        trajectory=noor,
        author=world.pro_a,
        title="Later",
        starts_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert services.delivery_send(delivery_id=_due_now(reminder).pk) == "nothing to do"
    assert mail.outbox == []


def test_repeating_reminder_schedules_next_occurrence_in_local_time(noor, world):
    first = datetime.datetime(2030, 3, 23, 10, 0, tzinfo=LOCAL_TZ)  # Saturday before DST change
    reminder = services.reminder_create(
        trajectory=noor,
        author=world.pro_a,
        title="Post",
        starts_at=first,
        repeat=Reminder.Repeat.WEEKLY,
        repeat_until=datetime.date(2030, 4, 6),
    )
    d1 = reminder.deliveries.get()
    services.delivery_send(delivery_id=d1.pk, now=first + datetime.timedelta(minutes=1))
    d2 = reminder.deliveries.exclude(pk=d1.pk).get()
    local = timezone.localtime(d2.due_at, LOCAL_TZ)
    assert (local.date(), local.hour) == (datetime.date(2030, 3, 30), 10)  # still 10:00 after DST
    services.delivery_send(delivery_id=d2.pk, now=d2.due_at)
    d3 = reminder.deliveries.order_by("-due_at").first()
    services.delivery_send(delivery_id=d3.pk, now=d3.due_at)
    assert reminder.deliveries.count() == 3  # until 6 April: 23, 30 March, 6 April
    assert len(mail.outbox) == 3


def test_failures_are_retried_with_backoff_then_shown(
    noor, world, client, django_capture_on_commit_callbacks
):
    reminder = services.reminder_create(
        trajectory=noor,
        author=world.pro_a,
        title="Post",
        starts_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    delivery = _due_now(reminder)
    moment = timezone.now() + datetime.timedelta(minutes=2)
    with override_settings(EMAIL_BACKEND="tests.reminders.test_reminders.BrokenBackend"):
        waits = []
        for _ in range(services.MAX_ATTEMPTS):
            outcome = services.delivery_send(delivery_id=delivery.pk, now=moment)
            delivery.refresh_from_db()
            if outcome == "retry":
                waits.append(delivery.next_attempt_at - moment)
                moment = delivery.next_attempt_at
    assert waits == [services.backoff(n) for n in range(1, services.MAX_ATTEMPTS)]
    assert waits[0] < waits[1] < waits[2]
    assert delivery.status == "failed" and "mail server down" in delivery.last_error
    client.force_login(world.pro_a)
    page = client.get(reverse("reminders:trajectory_reminders", args=[noor.pk])).content.decode()
    assert "mail server down" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reminders:delivery_retry", args=[delivery.pk]))
    delivery.refresh_from_db()
    assert delivery.status == "sent" and len(mail.outbox) == 1  # immediate backend in tests


def test_no_consent_means_no_email(world):
    reminder = services.reminder_create(
        trajectory=world.traj_b,
        author=world.pro_b,
        title="Post",
        starts_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    d = _due_now(reminder)
    services.delivery_send(delivery_id=d.pk, now=timezone.now() + datetime.timedelta(minutes=2))
    d.refresh_from_db()
    assert d.status == "skipped" and mail.outbox == []


def test_client_page_shows_what_is_coming_and_can_ask_to_move(noor, world, client):
    start = timezone.now() + datetime.timedelta(days=2)
    appointment = services.appointment_create(
        trajectory=noor, author=world.pro_a, starts_at=start, place="Stadskantoor", bring="Bankpas"
    )
    services.reminder_create(
        trajectory=noor,
        author=world.pro_a,
        title="Kijk in je agenda",
        starts_at=timezone.now() + datetime.timedelta(hours=3),
        repeat=Reminder.Repeat.DAILY,
    )
    client.force_login(noor.client.user)
    page = client.get(reverse("cases:my_page")).content.decode()
    assert "Stadskantoor" in page and "Bankpas" in page and "Kijk in je agenda" in page
    url = reverse("reminders:appointment_move_request", args=[appointment.pk])
    assert client.post(url, {"message": ""}).status_code == 200  # form again, nothing saved
    client.post(url, {"message": "Dinsdagmiddag is beter"})
    appointment.refresh_from_db()
    assert appointment.move_request == "Dinsdagmiddag is beter"
    client.force_login(world.pro_a)
    page = client.get(reverse("reminders:trajectory_reminders", args=[noor.pk])).content.decode()
    assert "Dinsdagmiddag is beter" in page


def test_professional_adds_reminder_and_appointment_by_form(noor, world, client):
    client.force_login(world.pro_a)
    url = reverse("reminders:trajectory_reminders", args=[noor.pk])
    day = (timezone.localdate() + datetime.timedelta(days=5)).isoformat()
    data = {
        "action": "reminder",
        "r-title": "Post openen",
        "r-subject": "other",
        "r-date": day,
        "r-time": "10:00",
        "r-repeat": "weekly",
        "r-by_email": "on",
        "r-idempotency_key": "reminder-abc",
    }
    client.post(url, data)
    client.post(url, data)
    assert Reminder.objects.filter(title="Post openen").count() == 1
    past = {**data, "r-date": "2020-01-01", "r-idempotency_key": "reminder-def", "r-title": "Oud"}
    page = client.post(url, past).content.decode()
    assert "Oud" in page and not Reminder.objects.filter(title="Oud").exists()
    client.post(
        url,
        {
            "action": "appointment",
            "a-date": day,
            "a-time": "14:00",
            "a-duration_minutes": "45",
            "a-place": "Buurthuis",
            "a-bring": "Brieven",
            "a-default_reminders": "on",
            "a-idempotency_key": "appointment-1",
        },
    )
    appointment = Appointment.objects.get()
    assert timezone.localtime(appointment.starts_at).hour == 14
    assert appointment.reminders.count() == 2


@pytest.mark.parametrize("who", ["pro_b", "researcher", "client_b"])
def test_others_cannot_see_or_change_reminders(world, noor, who, client):
    user = world.traj_b.client.user if who == "client_b" else getattr(world, who)
    reminder = services.reminder_create(
        trajectory=noor,
        author=world.pro_a,
        title="Geheim",
        starts_at=timezone.now() + datetime.timedelta(hours=1),
    )
    appointment = services.appointment_create(
        trajectory=noor,
        author=world.pro_a,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        place="X",
    )
    with pytest.raises(Http404):
        access_trajectory_object(
            user=user,
            queryset=selectors.reminder_queryset(),
            pk=reminder.pk,
            event=events.REMINDER_STOP,
        )
    with pytest.raises(Http404):
        access_trajectory_object(
            user=user,
            queryset=selectors.appointment_queryset(),
            pk=appointment.pk,
            event=events.APPOINTMENT_VIEW,
        )
    denied = AccessLogEntry.objects.filter(actor=user, action="denied")
    assert [e.client_id for e in denied] == [noor.client_id] * 2
    client.force_login(user)
    if who != "client_b":
        url = reverse("reminders:trajectory_reminders", args=[noor.pk])
        assert client.get(url).status_code == 404
        assert (
            client.post(reverse("reminders:reminder_cancel", args=[reminder.pk])).status_code == 404
        )
    else:
        url = reverse("reminders:appointment_move_request", args=[appointment.pk])
        assert client.post(url, {"message": "x"}).status_code == 404
    reminder.refresh_from_db()
    assert reminder.cancelled_at is None
