"""Every write for appointments, reminders, deliveries and calendar feeds; and the sending itself.

Delivery guarantees (see docs/reminders.md):
- one ``Delivery`` row per reminder occurrence and channel (unique constraint), made when the
  previous occurrence is done, with a task enqueued to run at the due moment;
- ``delivery_send`` first *claims* the row with one conditional UPDATE (pending → sending, with a
  lease) and commits, then sends, then marks it sent. A second task, a second worker or a restarted
  worker finds nothing to claim, so a delivery is sent once;
- a failure is retried with exponential backoff; after ``MAX_ATTEMPTS`` the delivery is marked
  failed and shown to the professional, who can try again;
- ``deliveries_sweep`` (command ``reminders_dispatch``) re-enqueues due deliveries whose task got
  lost and releases claims whose lease ran out (a worker killed between claim and send).
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import secrets

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from doenvermogen.accounts.email_links import client_email_link_url
from doenvermogen.accounts.models import User
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import access_log_object, access_log_write
from doenvermogen.cases.models import Client, Consent, Trajectory
from doenvermogen.reminders.models import (
    LOCAL_TZ,
    Appointment,
    CalendarFeed,
    Delivery,
    Reminder,
)

logger = logging.getLogger(__name__)
Action = AccessLogEntry.Action
Status = Delivery.Status

# How long a claim (pending → sending) holds before the sweep may release it: longer than a send.
LEASE = datetime.timedelta(seconds=getattr(settings, "REMINDERS_LEASE_SECONDS", 600))
MAX_ATTEMPTS = 5
BACKOFF_BASE_SECONDS = 60  # 1 min, 5 min, 25 min, 2 h 5 min
LOST_TASK_GRACE = datetime.timedelta(minutes=2)
DEFAULT_APPOINTMENT_OFFSETS = (datetime.timedelta(days=1), datetime.timedelta(hours=2))


def backoff(attempts: int) -> datetime.timedelta:
    """Wait before the next attempt after ``attempts`` failed ones."""
    return datetime.timedelta(seconds=BACKOFF_BASE_SECONDS * 5 ** max(0, attempts - 1))


_log = access_log_object


def _enqueue_send(delivery_id: int, run_after: datetime.datetime | None) -> None:
    from doenvermogen.reminders.tasks import send_delivery

    task = send_delivery
    if run_after is not None and run_after > timezone.now() and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    task.enqueue(delivery_id)


# Appointments ------------------------------------------------------------------------------------


@transaction.atomic
def appointment_create(
    *,
    trajectory: Trajectory,
    author: User,
    starts_at: datetime.datetime,
    place: str,
    bring: str = "",
    duration_minutes: int = 60,
    default_reminders: bool = True,
    by_email: bool = True,
    form_key: str = "",
) -> Appointment:
    """An appointment with, by default, reminders the day before and two hours before."""
    if form_key:
        existing = Appointment.objects.filter(trajectory=trajectory, form_key=form_key).first()
        if existing:
            return existing
    appointment = Appointment.objects.create(
        trajectory=trajectory,
        professional=author,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place.strip(),
        bring=bring.strip(),
        form_key=form_key,
    )
    _log(
        author=author,
        client_id=trajectory.client_id,
        obj=appointment,
        action=Action.CREATE,
        purpose="appointment",
    )
    if default_reminders:
        now = timezone.now()
        for offset in DEFAULT_APPOINTMENT_OFFSETS:
            moment = starts_at - offset
            if moment > now:
                reminder_create(
                    trajectory=trajectory,
                    author=author,
                    title=appointment_title(appointment),
                    starts_at=moment,
                    subject=Reminder.Subject.APPOINTMENT,
                    appointment=appointment,
                    by_email=by_email,
                )
    return appointment


def appointment_title(appointment: Appointment) -> str:
    with override(appointment.trajectory.client.preferred_language or "nl"):
        return _("Appointment with %(name)s") % {
            "name": appointment.professional.name or appointment.professional.email
        }


@transaction.atomic
def appointment_cancel(*, appointment: Appointment, author: User) -> Appointment:
    if appointment.status != Appointment.Status.CANCELLED:
        appointment.status = Appointment.Status.CANCELLED
        appointment.save(update_fields=["status"])
        for reminder in appointment.reminders.filter(cancelled_at__isnull=True):
            reminder_cancel(reminder=reminder, author=author)
        _log(
            author=author,
            client_id=appointment.trajectory.client_id,
            obj=appointment,
            action=Action.UPDATE,
            purpose="appointment cancelled",
        )
    return appointment


@transaction.atomic
def appointment_request_move(
    *, appointment: Appointment, author: User, message: str
) -> Appointment:
    """The client asks to move the appointment; the professional sees the request."""
    appointment.move_requested_at = timezone.now()
    appointment.move_request = message.strip()
    appointment.save(update_fields=["move_requested_at", "move_request"])
    _log(
        author=author,
        client_id=appointment.trajectory.client_id,
        obj=appointment,
        action=Action.UPDATE,
        purpose="request to move appointment",
    )
    return appointment


@transaction.atomic
def appointment_move(
    *, appointment: Appointment, author: User, starts_at: datetime.datetime
) -> Appointment:
    """Move an appointment; its default reminders move along (old ones are cancelled)."""
    appointment.starts_at = starts_at
    appointment.move_requested_at = None
    appointment.move_request = ""
    appointment.save(update_fields=["starts_at", "move_requested_at", "move_request"])
    by_email = True
    for reminder in appointment.reminders.filter(cancelled_at__isnull=True):
        by_email = reminder.by_email
        reminder_cancel(reminder=reminder, author=author)
    now = timezone.now()
    for offset in DEFAULT_APPOINTMENT_OFFSETS:
        if starts_at - offset > now:
            reminder_create(
                trajectory=appointment.trajectory,
                author=author,
                title=appointment_title(appointment),
                starts_at=starts_at - offset,
                subject=Reminder.Subject.APPOINTMENT,
                appointment=appointment,
                by_email=by_email,
            )
    _log(
        author=author,
        client_id=appointment.trajectory.client_id,
        obj=appointment,
        action=Action.UPDATE,
        purpose="appointment moved",
    )
    return appointment


# Reminders ---------------------------------------------------------------------------------------


@transaction.atomic
def reminder_create(
    *,
    trajectory: Trajectory,
    author: User,
    title: str,
    starts_at: datetime.datetime,
    repeat: str = Reminder.Repeat.ONCE,
    repeat_until: datetime.date | None = None,
    by_email: bool = True,
    subject: str = Reminder.Subject.OTHER,
    step=None,
    appointment: Appointment | None = None,
    strategy_ref: str = "",
    form_key: str = "",
) -> Reminder:
    """A reminder rule; its first e-mail delivery is scheduled right away."""
    if form_key:
        existing = Reminder.objects.filter(trajectory=trajectory, form_key=form_key).first()
        if existing:
            return existing
    reminder = Reminder.objects.create(
        client_id=trajectory.client_id,
        trajectory=trajectory,
        title=title.strip(),
        starts_at=starts_at,
        repeat=repeat,
        repeat_until=repeat_until if repeat != Reminder.Repeat.ONCE else None,
        by_email=by_email,
        subject=subject,
        step=step,
        appointment=appointment,
        strategy_ref=strategy_ref,
        created_by=author,
        form_key=form_key,
    )
    _log(
        author=author,
        client_id=trajectory.client_id,
        obj=reminder,
        action=Action.CREATE,
        purpose="reminder",
    )
    delivery_schedule_next(reminder=reminder, after=timezone.now())
    return reminder


@transaction.atomic
def reminder_cancel(*, reminder: Reminder, author: User) -> Reminder:
    if reminder.cancelled_at is None:
        reminder.cancelled_at = timezone.now()
        reminder.save(update_fields=["cancelled_at"])
        reminder.deliveries.filter(status=Status.PENDING).update(
            status=Status.SKIPPED, last_error="reminder stopped"
        )
        _log(
            author=author,
            client_id=reminder.client_id,
            obj=reminder,
            action=Action.UPDATE,
            purpose="reminder stopped",
        )
    return reminder


def reminders_end_with_trajectory(*, trajectory: Trajectory, author: User) -> None:
    """A trajectory ends: its reminders stop, waiting e-mails are not sent (hook of cases)."""
    for reminder in trajectory.reminders.filter(cancelled_at__isnull=True):
        reminder_cancel(reminder=reminder, author=author)


def delivery_schedule_next(*, reminder: Reminder, after: datetime.datetime) -> Delivery | None:
    """Make the delivery for the next occurrence (once) and enqueue its task for that moment."""
    if not reminder.by_email or reminder.cancelled_at is not None:
        return None
    due = reminder.occurrence_after(after)
    if due is None:
        return None
    with transaction.atomic():
        delivery, created = Delivery.objects.get_or_create(
            reminder=reminder,
            due_at=due,
            channel=Delivery.Channel.EMAIL,
            defaults={"next_attempt_at": due},
        )
        if created:
            delivery_id = delivery.pk
            transaction.on_commit(lambda: _enqueue_send(delivery_id, due))
    return delivery


# Sending -----------------------------------------------------------------------------------------


def _claim(delivery_id: int, now: datetime.datetime) -> bool:
    """Pending (or with an expired lease) → sending, in one conditional UPDATE, committed."""
    with transaction.atomic():
        return bool(
            Delivery.objects.filter(
                pk=delivery_id, status=Status.PENDING, next_attempt_at__lte=now
            ).update(status=Status.SENDING, locked_until=now + LEASE, attempts=F("attempts") + 1)
        )


def _finish(delivery: Delivery, status: str, error: str = "", **extra) -> None:
    fields = {"status": status, "locked_until": None, "last_error": error[:300], **extra}
    Delivery.objects.filter(pk=delivery.pk, status=Status.SENDING).update(**fields)
    for name, value in fields.items():
        setattr(delivery, name, value)


def _format_moment(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment, LOCAL_TZ)
    return f"{date_format(local, 'l j F Y')}, {local:%H:%M}"


def reminder_email(delivery: Delivery) -> EmailMessage:
    """The e-mail for one delivery, in the client's language, plain B1 text."""
    reminder = delivery.reminder
    client = reminder.client
    appointment = reminder.appointment
    with override(client.preferred_language or "nl"):
        lines = [_("Hello %(name)s,") % {"name": client.display_name}, ""]
        if appointment is not None:
            lines += [
                _("This is a reminder of your appointment."),
                "",
                _("When: %(when)s") % {"when": _format_moment(appointment.starts_at)},
                _("Where: %(place)s") % {"place": appointment.place},
            ]
            if appointment.bring_items:
                lines += ["", _("Please bring:")] + [f"- {i}" for i in appointment.bring_items]
            lines += ["", _("Can you not come? Let us know. Then we make a new appointment.")]
        else:
            lines += [_("This is your reminder:"), "", reminder.title]
            if reminder.step_id and reminder.step.has_if_then:
                step = reminder.step
                lines += [
                    "",
                    _("Your plan: if %(if)s, then %(then)s.")
                    % {"if": step.if_situation, "then": step.then_action},
                ]
        lines += [
            "",
            _("On your own page you see your steps and appointments:"),
            # A link of this e-mail only: it opens the client's page without signing in.
            client_email_link_url(client=client, ref=f"delivery-{delivery.pk}"),
            "",
            _("Kind regards,"),
            reminder.created_by.name or "doenvermogen",
        ]
        subject = (
            _("Reminder: appointment on %(when)s") % {"when": _format_moment(appointment.starts_at)}
            if appointment is not None
            else _("Reminder: %(title)s") % {"title": reminder.title}
        )
    domain = settings.SITE_URL.split("//", 1)[-1].split("/")[0].split(":")[0] or "localhost"
    return EmailMessage(
        subject=subject,
        body="\n".join(lines),
        to=[client.email],
        headers={
            # The same Message-ID on every attempt: mail systems drop accidental duplicates.
            "Message-ID": f"<reminder-delivery-{delivery.pk}@{domain}>",
            "Auto-Submitted": "auto-generated",
        },
    )


def delivery_send(*, delivery_id: int, now: datetime.datetime | None = None) -> str:
    """Send one delivery if it is due and not yet sent. Returns what happened (for logs/tests).

    Not one transaction on purpose: the claim is committed before sending, the result after.
    """
    now = now or timezone.now()
    if not _claim(delivery_id, now):
        return "nothing to do"
    delivery = Delivery.objects.select_related(
        "reminder__client", "reminder__appointment", "reminder__step", "reminder__created_by"
    ).get(pk=delivery_id)
    reminder = delivery.reminder
    client = reminder.client
    if reminder.cancelled_at is not None or (
        reminder.appointment_id and reminder.appointment.status != Appointment.Status.PLANNED
    ):
        _finish(delivery, Status.SKIPPED, "reminder stopped")
        return "skipped"
    if not client.consents.filter(
        purpose=Consent.Purpose.REMINDERS, withdrawn_at__isnull=True
    ).exists():
        _finish(delivery, Status.SKIPPED, "no consent for reminders")
        delivery_schedule_next(reminder=reminder, after=max(now, delivery.due_at) + _SECOND)
        return "skipped"
    if not client.email:
        _finish(delivery, Status.FAILED, "no e-mail address")
        return "failed"
    try:
        reminder_email(delivery).send(fail_silently=False)
    except Exception as exc:  # noqa: BLE001 - any mail error is retried, then shown
        logger.warning("Reminder delivery %s failed: %s", delivery_id, exc)
        if delivery.attempts >= MAX_ATTEMPTS:
            _finish(delivery, Status.FAILED, f"{type(exc).__name__}: {exc}")
            return "failed"
        retry_at = now + backoff(delivery.attempts)
        _finish(delivery, Status.PENDING, f"{type(exc).__name__}: {exc}", next_attempt_at=retry_at)
        _enqueue_send(delivery.pk, retry_at)
        return "retry"
    with transaction.atomic():
        _finish(delivery, Status.SENT, sent_at=timezone.now())
        access_log_write(
            actor=None,
            client_id=client.pk,
            object_type="delivery",
            object_id=delivery.pk,
            action=Action.EXPORT,
            purpose="reminder sent by e-mail",
        )
        delivery_schedule_next(reminder=reminder, after=max(now, delivery.due_at) + _SECOND)
    return "sent"


_SECOND = datetime.timedelta(seconds=1)


@transaction.atomic
def delivery_retry(*, delivery: Delivery, author: User) -> Delivery:
    """The professional tries a failed delivery again (for example after fixing the address)."""
    if delivery.status == Status.FAILED:
        now = timezone.now()
        Delivery.objects.filter(pk=delivery.pk, status=Status.FAILED).update(
            status=Status.PENDING, attempts=0, next_attempt_at=now, last_error=""
        )
        delivery.refresh_from_db()
        delivery_id = delivery.pk
        transaction.on_commit(lambda: _enqueue_send(delivery_id, None))
        _log(
            author=author,
            client_id=delivery.reminder.client_id,
            obj=delivery,
            action=Action.UPDATE,
            purpose="try reminder again",
        )
    return delivery


def deliveries_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Repair work for lost tasks and crashed workers. Safe to run at any time, as often as liked.

    - a claim whose lease ran out (worker killed between claim and send) goes back to pending;
    - due pending deliveries older than a grace period get a new task (sending stays once-only);
    - active repeating reminders without a future delivery get their next one.
    """
    now = now or timezone.now()
    with transaction.atomic():
        stale = list(
            Delivery.objects.filter(status=Status.SENDING, locked_until__lt=now).values_list(
                "pk", flat=True
            )
        )
        released = Delivery.objects.filter(pk__in=stale, status=Status.SENDING).update(
            status=Status.PENDING, locked_until=None, next_attempt_at=now
        )
    due = set(stale) | set(
        Delivery.objects.filter(
            status=Status.PENDING, next_attempt_at__lte=now - LOST_TASK_GRACE
        ).values_list("pk", flat=True)
    )
    for delivery_id in sorted(due):
        _enqueue_send(delivery_id, None)
    scheduled = 0
    repeating = Reminder.objects.filter(cancelled_at__isnull=True, by_email=True).exclude(
        repeat=Reminder.Repeat.ONCE
    )
    for reminder in repeating.exclude(deliveries__status__in=[Status.PENDING, Status.SENDING]):
        last = reminder.deliveries.order_by("-due_at").first()
        after = max(now, last.due_at + _SECOND) if last else now
        if delivery_schedule_next(reminder=reminder, after=after):
            scheduled += 1
    return {"released": released, "enqueued": len(due), "scheduled": scheduled}


# Calendar feeds ----------------------------------------------------------------------------------


def feed_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def calendar_feed_url(token: str) -> str:
    return settings.SITE_URL + reverse("reminders:calendar_feed", kwargs={"token": token})


@transaction.atomic
def calendar_feed_create(*, client: Client, author: User) -> tuple[CalendarFeed, str]:
    """A new secret feed address; earlier addresses of this client stop working."""
    now = timezone.now()
    for old in client.calendar_feeds.filter(revoked_at__isnull=True):
        old.revoked_at = now
        old.save(update_fields=["revoked_at"])
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        client=client, token_hash=feed_token_hash(token), created_by=author
    )
    _log(
        author=author,
        client_id=client.pk,
        obj=feed,
        action=Action.CREATE,
        purpose="calendar feed address",
    )
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, feed: CalendarFeed, author: User) -> CalendarFeed:
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
        _log(
            author=author,
            client_id=feed.client_id,
            obj=feed,
            action=Action.UPDATE,
            purpose="calendar feed revoked",
        )
    return feed
