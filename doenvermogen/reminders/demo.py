"""Demo content: an appointment for Noor with default reminders, a weekly reminder for a step and
one reminder a minute from now, so the worker of `make run` sends an e-mail to var/mail/."""

from __future__ import annotations

import datetime

from django.utils import timezone

from doenvermogen.goals.models import Step
from doenvermogen.reminders import services
from doenvermogen.reminders.models import LOCAL_TZ, Reminder


def load(demo) -> None:
    trajectory = demo.trajectories["noor"]
    fatima = demo.users["fatima"]
    now = timezone.localtime(timezone.now(), LOCAL_TZ)
    in_three_days = (now + datetime.timedelta(days=3)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    services.appointment_create(
        trajectory=trajectory,
        author=fatima,
        starts_at=in_three_days,
        place="Stadskantoor, Stationsplein 1, balie 4",
        bring="De blauwe envelop van de Belastingdienst\nJe bankpas\nDe brieven van deze maand",
    )
    step = Step.objects.filter(plan__trajectory=trajectory, if_situation__gt="").first()
    if step is not None:
        first = datetime.datetime.combine(step.due_on, datetime.time(10, 0), tzinfo=LOCAL_TZ)
        services.reminder_create(
            trajectory=trajectory,
            author=fatima,
            title="Post openen met mama",
            starts_at=first,
            repeat=Reminder.Repeat.WEEKLY,
            repeat_until=first.date() + datetime.timedelta(weeks=8),
            subject=Reminder.Subject.STEP,
            step=step,
        )
    services.reminder_create(
        trajectory=trajectory,
        author=fatima,
        title="Kijk even in je agenda",
        starts_at=now + datetime.timedelta(minutes=1),
        subject=Reminder.Subject.STRATEGY,
        strategy_ref="agenda",
    )
