"""Every read of appointments, reminders, deliveries and calendar feeds, scoped to the acting user.

Authorization goes through ``doenvermogen.cases.selectors``; a refused read raises ``Http404``.
The calendar feed is read with a secret token instead of a signed-in user (see ``feed_client``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from doenvermogen.accounts.models import User
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import access_log_write
from doenvermogen.cases.models import Client, Consent, Trajectory
from doenvermogen.cases.selectors import client_get_own, trajectory_get_for_user
from doenvermogen.reminders.models import Appointment, CalendarFeed, Delivery, Reminder
from doenvermogen.reminders.services import feed_token_hash

Action = AccessLogEntry.Action


@dataclass
class TrajectoryReminders:
    appointments: list[Appointment]
    reminders: list[Reminder]
    problems: list[Delivery]
    recent: list[Delivery]
    feed: CalendarFeed | None
    has_consent: bool


def trajectory_reminders(*, user: User, trajectory: Trajectory) -> TrajectoryReminders:
    """Appointments, reminders and delivery problems of a trajectory the user may see."""
    trajectory = trajectory_get_for_user(
        user=user, trajectory_id=trajectory.pk, purpose="reminders", log=False
    )
    now = timezone.now()
    appointments = list(
        trajectory.appointments.filter(
            status=Appointment.Status.PLANNED, starts_at__gte=now - datetime.timedelta(hours=12)
        ).select_related("professional")
    )
    # The appointments' automatic reminders are listed too: the professional sees and stops them.
    reminders = list(
        trajectory.reminders.filter(cancelled_at__isnull=True).select_related("step", "appointment")
    )
    deliveries = Delivery.objects.filter(reminder__trajectory=trajectory).select_related("reminder")
    problems = list(
        deliveries.filter(status=Delivery.Status.FAILED).order_by("-due_at")[:20]
    ) + list(
        deliveries.filter(status=Delivery.Status.PENDING, attempts__gt=0).order_by("-due_at")[:20]
    )
    recent = list(deliveries.filter(status=Delivery.Status.SENT).order_by("-sent_at")[:5])
    access_log_write(
        actor=user,
        client_id=trajectory.client_id,
        object_type="reminder",
        object_id=f"trajectory {trajectory.pk}",
        action=Action.LIST,
        purpose="reminders",
    )
    return TrajectoryReminders(
        appointments=appointments,
        reminders=reminders,
        problems=problems,
        recent=recent,
        feed=trajectory.client.calendar_feeds.filter(revoked_at__isnull=True).first(),
        has_consent=trajectory.client.consents.filter(
            purpose=Consent.Purpose.REMINDERS, withdrawn_at__isnull=True
        ).exists(),
    )


def _get_in_visible_trajectory(user: User, obj, purpose: str):
    if obj is None:
        raise Http404("Not found or not allowed")
    trajectory_get_for_user(user=user, trajectory_id=obj.trajectory_id, purpose=purpose)
    return obj


def appointment_get_for_user(*, user: User, appointment_id: int, purpose: str) -> Appointment:
    obj = (
        Appointment.objects.select_related("trajectory__client", "professional")
        .filter(pk=appointment_id)
        .first()
    )
    return _get_in_visible_trajectory(user, obj, purpose)


def reminder_get_for_user(*, user: User, reminder_id: int, purpose: str) -> Reminder:
    obj = Reminder.objects.select_related("client").filter(pk=reminder_id).first()
    return _get_in_visible_trajectory(user, obj, purpose)


def delivery_get_for_user(*, user: User, delivery_id: int, purpose: str) -> Delivery:
    delivery = Delivery.objects.select_related("reminder").filter(pk=delivery_id).first()
    if delivery is None:
        raise Http404("Not found or not allowed")
    _get_in_visible_trajectory(user, delivery.reminder, purpose)
    return delivery


@dataclass
class ComingUp:
    when: datetime.datetime
    title: str
    appointment: Appointment | None = None
    reminder: Reminder | None = None


@dataclass
class ClientReminders:
    client: Client
    appointments: list[Appointment]
    coming: list[ComingUp]
    has_feed: bool


def client_reminders(*, user: User, days: int = 14) -> ClientReminders:
    """The client's own page: appointments and reminders in the coming two weeks."""
    client = client_get_own(user=user, purpose="own page: reminders")
    now = timezone.now()
    end = now + datetime.timedelta(days=days)
    appointments = list(
        Appointment.objects.filter(
            trajectory__client=client,
            status=Appointment.Status.PLANNED,
            starts_at__gte=now - datetime.timedelta(hours=2),
        ).select_related("professional")[:10]
    )
    coming = []
    for reminder in Reminder.objects.filter(client=client, cancelled_at__isnull=True).exclude(
        subject=Reminder.Subject.APPOINTMENT
    ):
        for moment in reminder.occurrences_between(now, end, limit=3):
            coming.append(ComingUp(when=moment, title=reminder.title, reminder=reminder))
    coming.sort(key=lambda c: c.when)
    access_log_write(
        actor=user,
        client_id=client.pk,
        object_type="reminder",
        object_id="own",
        action=Action.VIEW,
        purpose="own page: reminders",
    )
    return ClientReminders(
        client=client,
        appointments=appointments,
        coming=coming[:10],
        has_feed=client.calendar_feeds.filter(revoked_at__isnull=True).exists(),
    )


def feed_client(*, token: str) -> Client | None:
    """The client whose active feed has this token; ``None`` for an unknown or revoked token."""
    feed = (
        CalendarFeed.objects.select_related("client")
        .filter(token_hash=feed_token_hash(token), revoked_at__isnull=True)
        .first()
    )
    if feed is None:
        access_log_write(
            actor=None,
            client_id=None,
            object_type="calendarfeed",
            object_id="",
            action=Action.DENIED,
            purpose="calendar feed with unknown or revoked token",
        )
        return None
    now = timezone.now()
    if feed.last_used_at is None or now - feed.last_used_at > datetime.timedelta(minutes=5):
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    access_log_write(
        actor=None,
        client_id=feed.client_id,
        object_type="calendarfeed",
        object_id=feed.pk,
        action=Action.EXPORT,
        purpose="calendar feed read by the client's calendar app",
    )
    return feed.client
