"""Every read of appointments, reminders, deliveries and calendar feeds, in an authorized context.

A view authorizes once through ``doenvermogen.cases.selectors`` (an appointment, reminder or
delivery by id with ``access_trajectory_object``) and hands the ``Authorized`` context on; nothing
here authorizes or logs a read again. The calendar feed is read with a secret token instead of a
signed-in user (see ``feed_client``), which writes its own row.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import log_denied, log_event
from doenvermogen.cases.models import Client, Consent
from doenvermogen.cases.selectors import Authorized
from doenvermogen.reminders.models import Appointment, CalendarFeed, Delivery, Reminder
from doenvermogen.reminders.services import feed_token_hash


@dataclass
class TrajectoryReminders:
    appointments: list[Appointment]
    reminders: list[Reminder]
    problems: list[Delivery]
    recent: list[Delivery]
    feed: CalendarFeed | None
    has_consent: bool


def trajectory_reminders(ctx: Authorized) -> TrajectoryReminders:
    """Appointments, reminders and delivery problems of the authorized trajectory."""
    trajectory = ctx.trajectory
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


def appointment_queryset() -> QuerySet[Appointment]:
    """Appointments (path ``trajectory`` for ``access_trajectory_object``)."""
    return Appointment.objects.select_related("professional")


def reminder_queryset() -> QuerySet[Reminder]:
    return Reminder.objects.select_related("client")


def delivery_queryset() -> QuerySet[Delivery]:
    """Deliveries (path ``reminder__trajectory``)."""
    return Delivery.objects.select_related("reminder")


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


def client_reminders(ctx: Authorized, *, days: int = 14) -> ClientReminders:
    """The authorized client's page: appointments and reminders in the coming two weeks."""
    client = ctx.client
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
        log_denied(
            events.CALENDAR_FEED_READ,
            actor=None,
            client_id=None,
            origin=AccessLogEntry.Origin.API,
        )
        return None
    now = timezone.now()
    if feed.last_used_at is None or now - feed.last_used_at > datetime.timedelta(minutes=5):
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    log_event(
        events.CALENDAR_FEED_READ,
        actor=None,
        client_id=feed.client_id,
        object_id=feed.pk,
        origin=AccessLogEntry.Origin.API,
    )
    return feed.client
