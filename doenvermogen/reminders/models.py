"""Appointments, reminder rules, their deliveries (the outbox) and personal calendar feeds.

A ``Reminder`` is the rule ("every Saturday at 10:00: open the post"); a ``Delivery`` is one
occurrence on one channel that must reach the client. Deliveries are unique per reminder, moment
and channel, and are claimed with a conditional update before sending, so a delivery is sent once
even when several workers run or a worker restarts. The calendar feed and the list on the client's
page are computed from the rules; only e-mail needs a delivery.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel

LOCAL_TZ = zoneinfo.ZoneInfo("Europe/Amsterdam")


class Appointment(IdempotentModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        CANCELLED = "cancelled", _("cancelled")

    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.CASCADE, related_name="appointments"
    )
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    starts_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    place = models.CharField(_("place"), max_length=200)
    bring = models.TextField(_("what to bring"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    move_requested_at = models.DateTimeField(null=True, blank=True)
    move_request = models.CharField(_("request to move"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Change date for case systems that synchronise through the API (?updated_since=).
    updated_at = models.DateTimeField(_("changed"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")

    def __str__(self) -> str:
        return f"{timezone.localtime(self.starts_at):%d-%m-%Y %H:%M} {self.place}"

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def bring_items(self) -> list[str]:
        return [line.strip(" -•") for line in self.bring.splitlines() if line.strip(" -•")]


class Reminder(IdempotentModel):
    class Subject(models.TextChoices):
        STEP = "step", _("a step of the goal plan")
        APPOINTMENT = "appointment", _("an appointment")
        STRATEGY = "strategy", _("a strategy from the talk about stress")
        OTHER = "other", _("something else")

    class Repeat(models.TextChoices):
        ONCE = "once", _("once")
        DAILY = "daily", _("every day")
        WEEKLY = "weekly", _("every week")

    client = models.ForeignKey("cases.Client", on_delete=models.CASCADE, related_name="reminders")
    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.CASCADE, related_name="reminders"
    )
    subject = models.CharField(max_length=12, choices=Subject.choices, default=Subject.OTHER)
    step = models.ForeignKey(
        "goals.Step", on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    appointment = models.ForeignKey(
        Appointment, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    strategy_ref = models.CharField(max_length=60, blank=True, db_index=True)
    title = models.CharField(_("reminder text"), max_length=200)
    starts_at = models.DateTimeField(_("first time"))
    repeat = models.CharField(_("repeat"), max_length=10, choices=Repeat.choices, default="once")
    repeat_until = models.DateField(_("repeat until"), null=True, blank=True)
    by_email = models.BooleanField(_("send by e-mail"), default=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Change date for case systems that synchronise through the API (?updated_since=).
    updated_at = models.DateTimeField(_("changed"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self) -> str:
        return self.title

    @property
    def is_active(self) -> bool:
        return self.cancelled_at is None

    def occurrence_after(self, moment: datetime.datetime) -> datetime.datetime | None:
        """The first occurrence at or after ``moment`` (local wall-clock time kept across DST)."""
        first = timezone.localtime(self.starts_at, LOCAL_TZ)
        if first >= moment:
            return first
        if self.repeat == self.Repeat.ONCE:
            return None
        step_days = 1 if self.repeat == self.Repeat.DAILY else 7
        local_moment = timezone.localtime(moment, LOCAL_TZ)
        days = (local_moment.date() - first.date()).days
        n = max(0, days // step_days)
        while True:
            day = first.date() + datetime.timedelta(days=n * step_days)
            if self.repeat_until and day > self.repeat_until:
                return None
            candidate = datetime.datetime.combine(day, first.time().replace(tzinfo=None))
            candidate = candidate.replace(tzinfo=LOCAL_TZ)
            if candidate >= moment:
                return candidate
            n += 1

    def occurrences_between(
        self, start: datetime.datetime, end: datetime.datetime, limit: int = 50
    ) -> list[datetime.datetime]:
        found = []
        moment = start
        while len(found) < limit:
            nxt = self.occurrence_after(moment)
            if nxt is None or nxt >= end:
                break
            found.append(nxt)
            moment = nxt + datetime.timedelta(seconds=1)
        return found


class Delivery(models.Model):
    """One occurrence of a reminder on one channel: the unit that is sent exactly once."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("not sent")
        SKIPPED = "skipped", _("not needed")

    reminder = models.ForeignKey(Reminder, on_delete=models.CASCADE, related_name="deliveries")
    due_at = models.DateTimeField(db_index=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    locked_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["reminder", "due_at", "channel"], name="delivery_unique_occurrence"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_due_idx")]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.reminder_id} @ {self.due_at:%Y-%m-%d %H:%M} ({self.status})"


class DispatchSlot(models.Model):
    """A minute for which a dispatch of due deliveries is queued (once-only marker)."""

    at = models.DateTimeField(unique=True)

    def __str__(self) -> str:
        return f"dispatch {self.at:%Y-%m-%d %H:%M}"


class CalendarFeed(models.Model):
    """A secret iCalendar address a phone can subscribe to. Only a hash of the token is kept."""

    client = models.ForeignKey(
        "cases.Client", on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"feed {self.pk} of client {self.client_id}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
