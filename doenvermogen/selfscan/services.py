"""Every write of the self-scan, the action plan, the personal intentions and the check-ins."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from doenvermogen.accounts.models import Team, User
from doenvermogen.core.idempotency import create_once
from doenvermogen.selfscan.models import (
    Action,
    BuildingBlock,
    PersonalIntention,
    ScanAnswer,
    ScanResponse,
    ScanRound,
    StressCheckIn,
)


class ScanClosed(Exception):
    """The round is closed: answers can no longer change."""


@transaction.atomic
def round_create(*, team: Team, author: User, name: str, key: str = "") -> ScanRound:
    scan_round, _created = create_once(
        ScanRound,
        key=key,
        scope={"team": team},
        create=lambda k: ScanRound.objects.create(
            team=team, name=name, created_by=author, idempotency_key=k
        ),
    )
    return scan_round


@transaction.atomic
def round_close(*, scan_round: ScanRound, author: User) -> ScanRound:
    if scan_round.closed_at is None:
        scan_round.closed_at = timezone.now()
        scan_round.save(update_fields=["closed_at"])
    return scan_round


@transaction.atomic
def response_submit(
    *, scan_round: ScanRound, respondent: User, answers: dict[int, tuple[int, str]]
) -> ScanResponse:
    """Store (or replace) one person's answers: statement id → (level, example)."""
    if not scan_round.is_open:
        raise ScanClosed
    response, _created = ScanResponse.objects.get_or_create(round=scan_round, respondent=respondent)
    response.submitted_at = timezone.now()
    response.save(update_fields=["submitted_at"])
    response.answers.all().delete()
    ScanAnswer.objects.bulk_create(
        ScanAnswer(response=response, statement_id=sid, level=level, example=example.strip())
        for sid, (level, example) in answers.items()
    )
    return response


def _remind_on(action: Action) -> datetime.date | None:
    if action.remind_days_before is None:
        return None
    return action.due_on - datetime.timedelta(days=action.remind_days_before)


@transaction.atomic
def action_create(
    *,
    scan_round: ScanRound,
    block: BuildingBlock,
    what: str,
    owner: User | None,
    due_on: datetime.date,
    remind_days_before: int | None,
    author: User,
    key: str = "",
) -> Action:
    action, created = create_once(
        Action,
        key=key,
        scope={"round": scan_round},
        create=lambda k: Action.objects.create(
            round=scan_round,
            block=block,
            what=what,
            owner=owner,
            due_on=due_on,
            remind_days_before=remind_days_before,
            created_by=author,
            idempotency_key=k,
        ),
    )
    if created and owner is not None and _remind_on(action) is not None:
        transaction.on_commit(lambda: _schedule(action))
    return action


def _schedule(action: Action) -> None:
    """Queue the reminder e-mail for its day (9:00) when the task backend can wait that long."""
    from django_tasks import default_task_backend

    from doenvermogen.selfscan.tasks import send_action_reminder

    remind_on = _remind_on(action)
    if remind_on is None:
        return
    moment = timezone.make_aware(datetime.datetime.combine(remind_on, datetime.time(9)))
    if moment <= timezone.now():
        send_action_reminder.enqueue(action.pk)
    elif default_task_backend.supports_defer:
        send_action_reminder.using(run_after=moment).enqueue(action.pk)
    # Otherwise the daily sweep (``selfscan_reminders``) sends it.


@transaction.atomic
def action_done(*, action: Action, author: User) -> Action:
    if action.done_at is None:
        action.done_at = timezone.now()
        action.save(update_fields=["done_at"])
    return action


def action_reminder_send(*, action_id: int) -> str:
    """Send the reminder e-mail for one action once; idempotent (claims it with an update)."""
    action = Action.objects.select_related("owner", "round__team", "block").filter(pk=action_id)
    action = action.first()
    if action is None or action.owner is None or not action.owner.email:
        return "nothing to send"
    remind_on = _remind_on(action)
    if action.done_at or remind_on is None or remind_on > timezone.localdate():
        return "not due"
    claimed = Action.objects.filter(pk=action.pk, reminder_sent_at__isnull=True).update(
        reminder_sent_at=timezone.now()
    )
    if not claimed:
        return "already sent"
    with override("nl"):
        subject = _("Action plan: %(what)s") % {"what": action.what[:60]}
        body = _(
            "Hello %(name)s,\n\nIn the action plan of %(team)s you agreed to do this by "
            "%(due)s (building block: %(block)s):\n\n%(what)s\n\nOpen the plan: %(url)s\n"
        ) % {
            "name": action.owner.name or action.owner.email,
            "team": action.round.team.name,
            "due": action.due_on.strftime("%d-%m-%Y"),
            "block": action.block.name,
            "what": action.what,
            "url": f"{settings.SITE_URL.rstrip('/')}/selfscan/rounds/{action.round_id}/plan/",
        }
    EmailMessage(subject, body, to=[action.owner.email]).send()
    return "sent"


def action_reminders_send_due() -> int:
    """Send every reminder that is due and not yet sent (a daily sweep); the number sent."""
    today = timezone.localdate()
    sent = 0
    for action in Action.objects.filter(
        reminder_sent_at__isnull=True,
        done_at__isnull=True,
        remind_days_before__isnull=False,
        owner__isnull=False,
        due_on__gte=today - datetime.timedelta(days=30),
    ).only("id", "due_on", "remind_days_before"):
        if _remind_on(action) <= today and action_reminder_send(action_id=action.pk) == "sent":
            sent += 1
    return sent


@transaction.atomic
def intention_create(
    *, author: User, text: str, scan_round: ScanRound | None = None, key: str = ""
) -> PersonalIntention:
    intention, _created = create_once(
        PersonalIntention,
        key=key,
        scope={"author": author},
        create=lambda k: PersonalIntention.objects.create(
            author=author, round=scan_round, text=text, idempotency_key=k
        ),
    )
    return intention


@transaction.atomic
def checkin_create(
    *,
    author: User,
    thermometer: int,
    workload: int,
    support: int,
    appreciated: int,
    note: str = "",
    key: str = "",
) -> StressCheckIn:
    checkin, _created = create_once(
        StressCheckIn,
        key=key,
        scope={"author": author},
        create=lambda k: StressCheckIn.objects.create(
            author=author,
            thermometer=thermometer,
            workload=workload,
            support=support,
            appreciated=appreciated,
            note=note.strip(),
            idempotency_key=k,
        ),
    )
    return checkin


@transaction.atomic
def checkin_delete(*, author: User, checkin: StressCheckIn) -> None:
    if checkin.author_id == author.pk:
        checkin.delete()
