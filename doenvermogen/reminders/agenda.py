"""The client's page in the order of their day: what is today, then what is coming, folded per
appointment and per reminder (a daily reminder is one line, not fourteen).

Takes what ``selectors.client_reminders`` already read and authorized; reads nothing itself.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from doenvermogen.reminders.models import LOCAL_TZ, Appointment, Reminder


@dataclass
class TodayItem:
    when: datetime.datetime
    title: str
    appointment: Appointment | None = None


@dataclass
class ReminderGroup:
    reminder: Reminder
    moments: list[datetime.datetime] = field(default_factory=list)

    @property
    def next(self) -> datetime.datetime:
        return self.moments[0]


@dataclass
class Agenda:
    today: list[TodayItem]
    appointments: list[Appointment]
    reminders: list[ReminderGroup]


def agenda_build(data, *, now: datetime.datetime | None = None) -> Agenda:
    """Split the client's appointments and reminder moments into today and later."""
    now = now or timezone.now()
    today = timezone.localtime(now, LOCAL_TZ).date()

    def is_today(moment: datetime.datetime) -> bool:
        return timezone.localtime(moment, LOCAL_TZ).date() == today

    items = [
        TodayItem(when=a.starts_at, title=str(a.place), appointment=a)
        for a in data.appointments
        if is_today(a.starts_at)
    ]
    groups: dict[int, ReminderGroup] = {}
    for coming in data.coming:
        if is_today(coming.when):
            items.append(TodayItem(when=coming.when, title=coming.title))
            continue
        group = groups.setdefault(coming.reminder.pk, ReminderGroup(coming.reminder))
        group.moments.append(coming.when)
    items.sort(key=lambda item: item.when)
    return Agenda(
        today=items,
        appointments=[a for a in data.appointments if not is_today(a.starts_at)],
        reminders=sorted(groups.values(), key=lambda g: g.next),
    )
