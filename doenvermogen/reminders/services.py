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
from collections.abc import Mapping

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from doenvermogen.accounts.models import User
from doenvermogen.audit import events
from doenvermogen.audit.events import Event
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import log_event
from doenvermogen.cases.models import Client, Consent, Trajectory
from doenvermogen.clientaccess.email_links import client_email_link_url, usable_links
from doenvermogen.clientaccess.models import ClientAccessLink
from doenvermogen.core.idempotency import create_once
from doenvermogen.reminders.models import (
    LOCAL_TZ,
    Appointment,
    CalendarFeed,
    Delivery,
    DispatchSlot,
    Reminder,
)

logger = logging.getLogger(__name__)
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


def _log(event: Event, author: User | None, client_id: int, obj) -> None:
    log_event(event, actor=author, client_id=client_id, object_id=obj.pk)


def _enqueue_dispatch(run_after: datetime.datetime | None) -> None:
    """Ask for a dispatch of due deliveries at ``run_after`` (None: now).

    A future moment is rounded up to its minute and asked for once (a ``DispatchSlot`` row is the
    once-only marker): ten thousand deliveries due in the same minute make ONE dispatch task,
    which fans out into batch tasks. Few task rows, few commits.
    """
    from doenvermogen.reminders.tasks import dispatch_due_deliveries

    task = dispatch_due_deliveries
    now = timezone.now()
    if run_after is not None and run_after > now:
        moment = run_after
        if moment.second or moment.microsecond:
            moment = moment.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
        _, created = DispatchSlot.objects.get_or_create(at=moment)
        if not created:
            return
        if task.get_backend().supports_defer:
            task = task.using(run_after=moment)
    transaction.on_commit(task.enqueue)


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
    idempotency_key: str = "",
) -> Appointment:
    """An appointment with, by default, reminders the day before and two hours before.

    Once per ``idempotency_key``: a double submit returns the first appointment.
    """
    appointment, _created = create_once(
        Appointment,
        key=idempotency_key,
        scope={"trajectory": trajectory},
        create=lambda key: _appointment_create(
            trajectory=trajectory,
            author=author,
            starts_at=starts_at,
            place=place,
            bring=bring,
            duration_minutes=duration_minutes,
            default_reminders=default_reminders,
            by_email=by_email,
            key=key,
        ),
    )
    return appointment


def _appointment_create(
    *,
    trajectory: Trajectory,
    author: User,
    starts_at: datetime.datetime,
    place: str,
    bring: str,
    duration_minutes: int,
    default_reminders: bool,
    by_email: bool,
    key: str | None,
) -> Appointment:
    appointment = Appointment.objects.create(
        trajectory=trajectory,
        professional=author,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place.strip(),
        bring=bring.strip(),
        idempotency_key=key,
    )
    _log(events.APPOINTMENT_CREATE, author, trajectory.client_id, appointment)
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
        _log(events.APPOINTMENT_CANCEL, author, appointment.trajectory.client_id, appointment)
    return appointment


@transaction.atomic
def appointment_request_move(
    *, appointment: Appointment, author: User, message: str
) -> Appointment:
    """The client asks to move the appointment; the professional sees the request.

    The same request again (a double submit, also two at the same moment: the row is locked)
    changes nothing and is recorded once.
    """
    appointment = (
        Appointment.objects.select_for_update().select_related("trajectory").get(pk=appointment.pk)
    )
    if appointment.move_requested_at is not None and appointment.move_request == message.strip():
        return appointment
    appointment.move_requested_at = timezone.now()
    appointment.move_request = message.strip()
    appointment.save(update_fields=["move_requested_at", "move_request"])
    _log(events.APPOINTMENT_MOVE_REQUEST, author, appointment.trajectory.client_id, appointment)
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
    _log(events.APPOINTMENT_UPDATE, author, appointment.trajectory.client_id, appointment)
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
    idempotency_key: str = "",
) -> Reminder:
    """A reminder rule; its first e-mail delivery is scheduled right away.

    Once per ``idempotency_key``: a double submit returns the first reminder.
    """

    def create(key: str | None) -> Reminder:
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
            idempotency_key=key,
        )
        _log(events.REMINDER_CREATE, author, trajectory.client_id, reminder)
        delivery_schedule_next(reminder=reminder, after=timezone.now())
        return reminder

    reminder, _created = create_once(
        Reminder, key=idempotency_key, scope={"trajectory": trajectory}, create=create
    )
    return reminder


@transaction.atomic
def reminder_cancel(*, reminder: Reminder, author: User) -> Reminder:
    if reminder.cancelled_at is None:
        reminder.cancelled_at = timezone.now()
        reminder.save(update_fields=["cancelled_at"])
        reminder.deliveries.filter(status=Status.PENDING).update(
            status=Status.SKIPPED, last_error="reminder stopped"
        )
        _log(events.REMINDER_STOP, author, reminder.client_id, reminder)
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
            _enqueue_dispatch(due)
    return delivery


# Sending -----------------------------------------------------------------------------------------


def _finish(delivery: Delivery, status: str, error: str = "", **extra) -> None:
    fields = {"status": status, "locked_until": None, "last_error": error[:300], **extra}
    Delivery.objects.filter(pk=delivery.pk, status=Status.SENDING).update(**fields)
    for name, value in fields.items():
        setattr(delivery, name, value)


def _format_moment(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment, LOCAL_TZ)
    return f"{date_format(local, 'l j F Y')}, {local:%H:%M}"


def reminder_email(
    delivery: Delivery, links: Mapping[int, ClientAccessLink] | None = None
) -> EmailMessage:
    """The e-mail for one delivery, in the client's language, plain B1 text.

    ``links``: the clients' usable personal links, looked up once for a whole batch
    (`clientaccess.email_links.usable_links`); without it the link is looked up here."""
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
            client_email_link_url(client=client, ref=f"delivery-{delivery.pk}", links=links),
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


BATCH_SIZE = getattr(settings, "REMINDERS_BATCH_SIZE", 100)


def _claim_batch(now: datetime.datetime, limit: int, only: int | None = None) -> list[int]:
    """Claim up to ``limit`` due deliveries (pending → sending, with a lease) in ONE committed
    transaction. ``FOR UPDATE SKIP LOCKED`` on PostgreSQL: parallel workers take disjoint rows."""
    with transaction.atomic():
        due = Delivery.objects.filter(status=Status.PENDING, next_attempt_at__lte=now)
        if only is not None:
            due = due.filter(pk=only)
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.order_by("next_attempt_at", "id").values_list("pk", flat=True)[:limit])
        if ids:
            Delivery.objects.filter(pk__in=ids, status=Status.PENDING).update(
                status=Status.SENDING, locked_until=now + LEASE, attempts=F("attempts") + 1
            )
    return ids


def _mark(delivery: Delivery, status: str, error: str = "", *, sent: bool = False, **extra):
    """Record one outcome right after it happened, in its own small transaction.

    On PostgreSQL without waiting for the disk (``synchronous_commit = off`` for this
    transaction only): a killed worker loses nothing (the server has the row); only a crash of the
    database server itself can forget the last fraction of a second, which then means at most a
    duplicate e-mail, never a lost one (the claim's lease runs out and the delivery is sent again).
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        _finish(delivery, status, error, **extra)
        if sent:
            log_event(
                events.DELIVERY_SEND,
                actor=None,
                client_id=delivery.reminder.client_id,
                object_id=delivery.pk,
                origin=AccessLogEntry.Origin.WORKER,
            )
        if status in (Status.SENT, Status.SKIPPED):
            reminder = delivery.reminder
            if reminder.repeat != Reminder.Repeat.ONCE:
                now = timezone.now()
                delivery_schedule_next(reminder=reminder, after=max(now, delivery.due_at) + _SECOND)


def _send_claimed(ids: list[int], now: datetime.datetime) -> dict[int, str]:
    """Send claimed deliveries over one mail connection; each outcome recorded as it happens."""
    deliveries = list(
        Delivery.objects.select_related(
            "reminder__client", "reminder__appointment", "reminder__step", "reminder__created_by"
        ).filter(pk__in=ids, status=Status.SENDING)
    )
    consenting = set(
        Consent.objects.filter(
            client_id__in={d.reminder.client_id for d in deliveries},
            purpose=Consent.Purpose.REMINDERS,
            withdrawn_at__isnull=True,
        ).values_list("client_id", flat=True)
    )
    links = usable_links(consenting)
    outcome: dict[int, str] = {}
    mail = None
    try:
        for delivery in deliveries:
            reminder = delivery.reminder
            client = reminder.client
            if reminder.cancelled_at is not None or (
                reminder.appointment_id
                and reminder.appointment.status != Appointment.Status.PLANNED
            ):
                _mark(delivery, Status.SKIPPED, "reminder stopped")
                outcome[delivery.pk] = "skipped"
                continue
            if client.pk not in consenting:
                _mark(delivery, Status.SKIPPED, "no consent for reminders")
                outcome[delivery.pk] = "skipped"
                continue
            if not client.email:
                _mark(delivery, Status.FAILED, "no e-mail address")
                outcome[delivery.pk] = "failed"
                continue
            try:
                if mail is None:
                    mail = get_connection(fail_silently=False)
                    mail.open()
                message = reminder_email(delivery, links)
                message.connection = mail
                message.send(fail_silently=False)
            except Exception as exc:  # noqa: BLE001 - any mail error is retried, then shown
                logger.warning("Reminder delivery %s failed: %s", delivery.pk, exc)
                error = f"{type(exc).__name__}: {exc}"
                if mail is not None:
                    mail.close()
                    mail = None  # a broken connection is not used for the next message
                if delivery.attempts >= MAX_ATTEMPTS:
                    _mark(delivery, Status.FAILED, error)
                    outcome[delivery.pk] = "failed"
                else:
                    retry_at = now + backoff(delivery.attempts)
                    _mark(delivery, Status.PENDING, error, next_attempt_at=retry_at)
                    with transaction.atomic():
                        _enqueue_dispatch(retry_at)
                    outcome[delivery.pk] = "retry"
                continue
            _mark(delivery, Status.SENT, sent=True, sent_at=timezone.now())
            outcome[delivery.pk] = "sent"
    finally:
        if mail is not None:
            mail.close()
    return outcome


def delivery_send(*, delivery_id: int, now: datetime.datetime | None = None) -> str:
    """Send one delivery if it is due and not yet sent. Returns what happened (for logs/tests)."""
    now = now or timezone.now()
    ids = _claim_batch(now, 1, only=delivery_id)
    if not ids:
        return "nothing to do"
    return _send_claimed(ids, now).get(delivery_id, "nothing to do")


def deliveries_send_due(
    *, now: datetime.datetime | None = None, limit: int | None = None
) -> dict[str, int]:
    """Claim one batch of due deliveries and send it (the work of one batch task)."""
    now = now or timezone.now()
    ids = _claim_batch(now, limit or BATCH_SIZE)
    counts: dict[str, int] = {}
    for result in _send_claimed(ids, now).values():
        counts[result] = counts.get(result, 0) + 1
    return counts


def deliveries_dispatch(*, now: datetime.datetime | None = None) -> int:
    """Fan the due deliveries out over batch tasks (any number of workers share them)."""
    from doenvermogen.reminders.tasks import send_due_batch

    now = now or timezone.now()
    due = Delivery.objects.filter(status=Status.PENDING, next_attempt_at__lte=now).count()
    batches = -(-due // BATCH_SIZE)
    for _batch in range(batches):
        send_due_batch.enqueue()
    return batches


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
        _enqueue_dispatch(None)
        _log(events.DELIVERY_RETRY, author, delivery.reminder.client_id, delivery)
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
    if due:
        with transaction.atomic():
            _enqueue_dispatch(None)
    DispatchSlot.objects.filter(at__lt=now - datetime.timedelta(days=1)).delete()
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
    _log(events.CALENDAR_FEED_CREATE, author, client.pk, feed)
    return feed, token


@transaction.atomic
def calendar_feed_revoke(*, feed: CalendarFeed, author: User) -> CalendarFeed:
    if feed.revoked_at is None:
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
        _log(events.CALENDAR_FEED_REVOKE, author, feed.client_id, feed)
    return feed
