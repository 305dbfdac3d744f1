"""Every write of the psycho-education flow, each in a transaction and written to the access log.

The rules of the seeds live here: step 1 opens only after "yes" and "yes"; every other answer is a
normal outcome; an acute threat suggests waiting; the client chooses at most three effects (or one);
adjusting a strategy keeps the old version; stopping carries no penalty.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doenvermogen.accounts.models import User
from doenvermogen.audit import events
from doenvermogen.audit.events import Event
from doenvermogen.audit.services import log_event
from doenvermogen.cases.models import Consent, Trajectory
from doenvermogen.cases.services import consent_record
from doenvermogen.core.idempotency import create_once
from doenvermogen.psychoeducation.models import (
    ClientStrategy,
    GateConversation,
    PlanStep,
    RecognisedEffect,
    Review,
    ReviewItem,
    Session,
    Strategy,
    StressEffect,
)
from doenvermogen.reminders import services as reminder_services
from doenvermogen.reminders.models import Reminder

Answer = GateConversation.Answer
Outcome = GateConversation.Outcome
MAX_SMALL_STEPS = 3  # small steps work best: a strategy has at most three


def _log(event: Event, user: User, session_or_trajectory, object_id) -> None:
    client_id = (
        session_or_trajectory.client_id
        if isinstance(session_or_trajectory, Trajectory)
        else session_or_trajectory.trajectory.client_id
    )
    log_event(event, actor=user, client_id=client_id, object_id=object_id)


def gate_outcome(
    *, experiences_stress: str, wants_to_talk: str, acute_threat: str, start_despite_threat: bool
) -> str:
    """The outcome of the gate. Only yes and yes open step 1; an acute threat suggests waiting."""
    if experiences_stress == Answer.NO:
        return Outcome.NO_STRESS
    if experiences_stress == Answer.NOT_NOW or wants_to_talk == Answer.NOT_NOW:
        return Outcome.NOT_NOW
    if wants_to_talk != Answer.YES:
        return Outcome.NO_TALK
    if acute_threat and not start_despite_threat:
        return Outcome.WAIT_THREAT
    return Outcome.START


@transaction.atomic
def gate_record(
    *,
    trajectory: Trajectory,
    author: User,
    experiences_stress: str,
    wants_to_talk: str = "",
    acute_threat: str = "",
    opening: str = "",
    occasion_behaviour: str = "",
    start_despite_threat: bool = False,
    idempotency_key: str = "",
) -> GateConversation:
    """Record the client's answers (with date and who asked) and open a session after yes + yes.

    Once per ``idempotency_key``: a double submit returns the first conversation.
    """
    if experiences_stress != Answer.YES:
        wants_to_talk = ""  # only asked after a yes to the first question
    outcome = gate_outcome(
        experiences_stress=experiences_stress,
        wants_to_talk=wants_to_talk,
        acute_threat=acute_threat,
        start_despite_threat=start_despite_threat,
    )

    def create(key: str | None) -> GateConversation:
        gate = GateConversation.objects.create(
            trajectory=trajectory,
            asked_by=author,
            opening=opening,
            occasion_behaviour=occasion_behaviour.strip() if opening == "occasion" else "",
            experiences_stress=experiences_stress,
            wants_to_talk=wants_to_talk,
            acute_threat=acute_threat,
            started_despite_threat=bool(acute_threat) and start_despite_threat,
            outcome=outcome,
            idempotency_key=key,
        )
        _log(events.PSYCHOEDUCATION_GATE, author, trajectory, gate.pk)
        if outcome == Outcome.START:
            session = Session.objects.create(trajectory=trajectory, gate=gate, professional=author)
            consent_record(
                client=trajectory.client,
                trajectory=trajectory,
                author=author,
                purpose=Consent.Purpose.PSYCHOEDUCATION,
                note=_("The client said yes to both questions."),
            )
            _log(events.PSYCHOEDUCATION_START, author, trajectory, session.pk)
        return gate

    gate, _created = create_once(
        GateConversation, key=idempotency_key, scope={"trajectory": trajectory}, create=create
    )
    return gate


def _require_open(session: Session) -> None:
    if session.stopped_at is not None:
        raise ValidationError(_("This conversation has been stopped. Start a new one if you like."))


@transaction.atomic
def session_explained(*, session: Session, author: User) -> Session:
    """Step 1 done: the talk chart has been explained."""
    _require_open(session)
    if session.explained_at is None:
        session.explained_at = timezone.now()
    session.step = max(session.step, Session.Step.RECOGNITION)
    session.save(update_fields=["explained_at", "step"])
    _log(events.PSYCHOEDUCATION_UPDATE, author, session, session.pk)
    return session


@transaction.atomic
def effects_recognise(
    *,
    session: Session,
    author: User,
    effects: Iterable[StressEffect],
    own_words: Sequence[str] = (),
) -> list[RecognisedEffect]:
    """Step 2a: the effects the client recognises. Replaces the earlier set, keeps choices made."""
    _require_open(session)
    wanted = {e.pk: e for e in effects if not e.is_other}
    words = [w.strip() for w in own_words if w and w.strip()]
    if not wanted and not words:
        raise ValidationError(
            _("Tick at least one thing the client recognises, or write it in their own words.")
        )
    session.effects.filter(effect__isnull=False).exclude(effect_id__in=wanted).delete()
    have = set(session.effects.filter(effect__isnull=False).values_list("effect_id", flat=True))
    for effect_id, effect in wanted.items():
        if effect_id not in have:
            RecognisedEffect.objects.create(session=session, effect=effect)
    existing_words = {e.own_words: e for e in session.effects.filter(effect__isnull=True)}
    for text, item in existing_words.items():
        if text not in words:
            item.delete()
    for text in words:
        if text not in existing_words:
            RecognisedEffect.objects.create(session=session, own_words=text[:200])
    if session.recognised_at is None:
        session.recognised_at = timezone.now()
        session.save(update_fields=["recognised_at"])
    _log(events.PSYCHOEDUCATION_UPDATE, author, session, session.pk)
    return list(session.effects.all())


@transaction.atomic
def effects_choose(
    *,
    session: Session,
    author: User,
    variant: str,
    chosen: Sequence[RecognisedEffect],
    rules_explained: bool,
) -> Session:
    """Step 2b: choose three effects to work on (or one), in order; the rules stay the same."""
    _require_open(session)
    session.variant = variant
    limit = session.max_chosen
    if not chosen:
        raise ValidationError(_("Choose what the client wants to work on first."))
    if len(chosen) > limit:
        raise ValidationError(_("Choose at most %(n)d. Small steps work best.") % {"n": limit})
    if any(item.session_id != session.pk for item in chosen):
        raise ValidationError(_("Choose from the effects the client recognised."))
    if not rules_explained:
        raise ValidationError(
            _("Tell the client that the agreements of the trajectory stay the same, then tick it.")
        )
    session.effects.update(chosen_rank=None)
    for rank, item in enumerate(chosen, start=1):
        RecognisedEffect.objects.filter(pk=item.pk).update(chosen_rank=rank)
    # Strategies of effects that are no longer chosen are removed (nothing was reviewed yet).
    session.strategies.filter(recognised_effect__chosen_rank__isnull=True, reviews=None).delete()
    session.rules_explained_at = session.rules_explained_at or timezone.now()
    session.step = max(session.step, Session.Step.STRATEGIES)
    session.save(update_fields=["variant", "rules_explained_at", "step"])
    _log(events.PSYCHOEDUCATION_UPDATE, author, session, session.pk)
    return session


@dataclass(frozen=True)
class ReminderRequest:
    """A reminder asked for in step 3; delivered by the reminders app."""

    first_at: datetime.datetime
    repeat: str = "once"  # once, daily, weekly (the reminders app's Reminder.Repeat)
    channel: str = "app"  # "app": page and calendar feed only; "email": also by e-mail


@transaction.atomic
def strategy_add(
    *,
    session: Session,
    author: User,
    recognised_effect: RecognisedEffect,
    description: str,
    catalogue_strategy: Strategy | None = None,
    if_part: str = "",
    then_part: str = "",
    steps: Sequence[str] = (),
    reminder: ReminderRequest | None = None,
    idempotency_key: str = "",
) -> ClientStrategy:
    """Step 3: a strategy for a chosen effect, from the catalogue or in the client's own words.

    Once per ``idempotency_key``: a double submit returns the first strategy.
    """
    _require_open(session)
    if recognised_effect.session_id != session.pk or not recognised_effect.is_chosen:
        raise ValidationError(_("Add strategies to an effect the client chose."))
    description = description.strip() or (catalogue_strategy.name if catalogue_strategy else "")
    if not description:
        raise ValidationError(_("Write down what the client will do, in their own words."))
    if bool(if_part.strip()) != bool(then_part.strip()):
        raise ValidationError(_("An if-then plan needs both parts: 'If …' and 'then …'."))

    def create(key: str | None) -> ClientStrategy:
        strategy = ClientStrategy.objects.create(
            session=session,
            recognised_effect=recognised_effect,
            catalogue_strategy=catalogue_strategy,
            description=description,
            if_part=if_part.strip(),
            then_part=then_part.strip(),
            created_by=author,
            idempotency_key=key,
        )
        texts = [s.strip() for s in steps if s and s.strip()][:MAX_SMALL_STEPS]
        for order, text in enumerate(texts, start=1):
            PlanStep.objects.create(strategy=strategy, text=text[:200], order=order)
        if reminder is not None:
            strategy_reminder_set(strategy=strategy, author=author, reminder=reminder)
        _log(events.STRATEGY_CREATE, author, session, strategy.pk)
        return strategy

    strategy, _created = create_once(
        ClientStrategy, key=idempotency_key, scope={"session": session}, create=create
    )
    return strategy


def strategy_reminder_set(*, strategy: ClientStrategy, author: User, reminder: ReminderRequest):
    """Store a reminder for a strategy in the reminders app (which delivers it)."""
    return reminder_services.reminder_create(
        trajectory=strategy.session.trajectory,
        author=author,
        title=strategy.description[: Reminder._meta.get_field("title").max_length],
        starts_at=reminder.first_at,
        repeat=reminder.repeat,
        by_email=reminder.channel == "email",
        subject=Reminder.Subject.STRATEGY,
        strategy_ref=str(strategy.pk),
    )


def _move_reminders(*, old: ClientStrategy, new: ClientStrategy) -> None:
    """The reminders of a strategy follow its newest version, with the new words as text."""
    Reminder.objects.filter(
        subject=Reminder.Subject.STRATEGY, strategy_ref=str(old.pk), cancelled_at__isnull=True
    ).update(
        strategy_ref=str(new.pk),
        title=new.description[:200],
        updated_at=timezone.now(),  # update() skips auto_now; the API synchronises by it
    )


@transaction.atomic
def strategy_update(
    *,
    strategy: ClientStrategy,
    author: User,
    description: str,
    if_part: str = "",
    then_part: str = "",
    steps: Sequence[str] = (),
) -> ClientStrategy:
    """Change a strategy in step 3, in place (before any review; later it gets a new version).

    Small steps keep their tick when their words stay the same; at most three small steps.
    """
    _require_open(strategy.session)
    if strategy.reviews.exists() or strategy.replaces_id or strategy.superseded_at:
        raise ValidationError(_("This strategy has a history. Adjust it in a review instead."))
    description = description.strip()
    if not description:
        raise ValidationError(_("Write down what the client will do, in their own words."))
    if bool(if_part.strip()) != bool(then_part.strip()):
        raise ValidationError(_("An if-then plan needs both parts: 'If …' and 'then …'."))
    texts = [s.strip()[:200] for s in steps if s and s.strip()][:MAX_SMALL_STEPS]
    strategy.description = description
    strategy.if_part, strategy.then_part = if_part.strip(), then_part.strip()
    strategy.save(update_fields=["description", "if_part", "then_part"])
    before = {step.text: step for step in strategy.steps.all()}
    keep = set()
    for order, text in enumerate(texts, start=1):
        step = before.get(text)
        if step is None:
            step = PlanStep.objects.create(strategy=strategy, text=text, order=order)
        elif step.order != order:
            step.order = order
            step.save(update_fields=["order"])
        keep.add(step.pk)
    strategy.steps.exclude(pk__in=keep).delete()
    Reminder.objects.filter(
        subject=Reminder.Subject.STRATEGY, strategy_ref=str(strategy.pk), cancelled_at__isnull=True
    ).update(title=description[:200], updated_at=timezone.now())  # for the API's sync
    _log(events.STRATEGY_UPDATE, author, strategy.session, strategy.pk)
    return strategy


@transaction.atomic
def strategy_remove(*, strategy: ClientStrategy, author: User) -> None:
    """Remove a strategy that was added by mistake (only before it was ever reviewed)."""
    _require_open(strategy.session)
    if strategy.reviews.exists() or strategy.replaces_id:
        raise ValidationError(_("This strategy has a history. Adjust it in a review instead."))
    _log(events.STRATEGY_DELETE, author, strategy.session, strategy.pk)
    strategy.delete()


@transaction.atomic
def plan_step_add(*, strategy: ClientStrategy, author: User, text: str) -> PlanStep:
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the small step down first."))
    order = (strategy.steps.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    step = PlanStep.objects.create(strategy=strategy, text=text[:200], order=order)
    _log(events.STRATEGY_UPDATE, author, strategy.session, step.pk)
    return step


@transaction.atomic
def plan_step_tick(*, step: PlanStep, user: User, done: bool) -> PlanStep:
    """Tick a small step off (or on again), by the client or the professional."""
    if done and step.done_at is None:
        step.done_at, step.done_by = timezone.now(), user
    elif not done:
        step.done_at, step.done_by = None, None
    step.save(update_fields=["done_at", "done_by"])
    _log(events.STRATEGY_STEP_DONE, user, step.strategy.session, step.pk)
    return step


@transaction.atomic
def strategies_done(*, session: Session, author: User) -> Session:
    _require_open(session)
    if not session.strategies.exists():
        raise ValidationError(_("Add at least one strategy the client believes in."))
    session.strategies_done_at = session.strategies_done_at or timezone.now()
    session.step = max(session.step, Session.Step.SUMMARY)
    session.save(update_fields=["strategies_done_at", "step"])
    _log(events.PSYCHOEDUCATION_UPDATE, author, session, session.pk)
    return session


@transaction.atomic
def session_share(
    *, session: Session, author: User, next_review_on: datetime.date | None = None
) -> Session:
    """Share the summary on the client's own page and set the next review date."""
    _require_open(session)
    session.shared_with_client_at = session.shared_with_client_at or timezone.now()
    if next_review_on is not None:
        session.next_review_on = next_review_on
    session.step = Session.Step.REVIEW
    session.save(update_fields=["shared_with_client_at", "next_review_on", "step"])
    _log(events.PSYCHOEDUCATION_SHARE, author, session, session.pk)
    return session


@transaction.atomic
def session_stop(*, session: Session, user: User) -> Session:
    """The client stops. Recorded as a date only: no reason asked, no penalty.

    Stopping is a real state: the reminders of the session's strategies stop (their waiting
    e-mails are not sent) and nothing is asked again unless the professional starts anew.
    """
    if session.stopped_at is None:
        session.stopped_at = timezone.now()
        session.save(update_fields=["stopped_at"])
        _log(events.PSYCHOEDUCATION_STOP, user, session, session.pk)
    refs = [str(pk) for (pk,) in ClientStrategy.objects.filter(session=session).values_list("pk")]
    for reminder in Reminder.objects.filter(
        subject=Reminder.Subject.STRATEGY,
        trajectory_id=session.trajectory_id,
        strategy_ref__in=refs,
        cancelled_at__isnull=True,
    ):
        reminder_services.reminder_cancel(reminder=reminder, author=user)
    return session


def sessions_end_with_trajectory(*, trajectory: Trajectory, author: User) -> None:
    """A trajectory ends: its open psycho-education stops the same way (hook of cases)."""
    for session in Session.objects.filter(trajectory=trajectory, stopped_at__isnull=True):
        session_stop(session=session, user=author)


@transaction.atomic
def strategy_adjust(
    *,
    strategy: ClientStrategy,
    author: User,
    description: str,
    reason: str = "",
    if_part: str | None = None,
    then_part: str | None = None,
) -> ClientStrategy:
    """A new version of a strategy; the old one stays in the history."""
    strategy = ClientStrategy.objects.select_for_update().get(pk=strategy.pk)
    if strategy.superseded_at is not None:
        raise ValidationError(_("This strategy was already changed. Look at the newest version."))
    description = description.strip()
    if not description:
        raise ValidationError(_("Write down the new way, in the client's own words."))
    new = ClientStrategy.objects.create(
        session=strategy.session,
        recognised_effect=strategy.recognised_effect,
        catalogue_strategy=strategy.catalogue_strategy,
        description=description,
        if_part=strategy.if_part if if_part is None else if_part.strip(),
        then_part=strategy.then_part if then_part is None else then_part.strip(),
        version=strategy.version + 1,
        replaces=strategy,
        change_reason=reason.strip(),
        created_by=author,
    )
    # Every small step moves along, the ticked ones too: what the client did stays visible.
    for step in strategy.steps.all():
        PlanStep.objects.create(
            strategy=new,
            text=step.text,
            order=step.order,
            done_at=step.done_at,
            done_by=step.done_by,
        )
    strategy.superseded_at = timezone.now()
    strategy.save(update_fields=["superseded_at"])
    _move_reminders(old=strategy, new=new)
    _log(events.STRATEGY_UPDATE, author, strategy.session, new.pk)
    return new


@dataclass(frozen=True)
class ReviewAnswer:
    strategy: ClientStrategy
    used: str = ""
    helped: str = ""
    adjustment: str = ""
    new_description: str = ""


@transaction.atomic
def review_record(
    *,
    session: Session,
    author: User,
    source: str,
    answers: Sequence[ReviewAnswer],
    note: str = "",
    next_review_on: datetime.date | None = None,
    idempotency_key: str = "",
) -> Review:
    """Step 4: per strategy used? helped? what do we adjust? A new description makes a new version.

    A client prepares a review from their own page (source "client"); only a review in a
    conversation changes strategies.
    """
    _require_open(session)
    if not answers or not any(a.used or a.helped or a.adjustment for a in answers):
        raise ValidationError(_("Answer at least one question, then save."))
    for answer in answers:
        if answer.strategy.session_id != session.pk:
            raise ValidationError(_("This strategy belongs to another conversation."))

    def create(key: str | None) -> Review:
        review = Review.objects.create(
            session=session, source=source, author=author, note=note.strip(), idempotency_key=key
        )
        for answer in answers:
            new_version = None
            if source == Review.Source.CONVERSATION and answer.new_description.strip():
                new_version = strategy_adjust(
                    strategy=answer.strategy,
                    author=author,
                    description=answer.new_description,
                    reason=answer.adjustment,
                )
            ReviewItem.objects.create(
                review=review,
                strategy=answer.strategy,
                used=answer.used,
                helped=answer.helped,
                adjustment=answer.adjustment.strip(),
                new_version=new_version,
            )
        if source == Review.Source.CONVERSATION:
            session.next_review_on = next_review_on
            session.save(update_fields=["next_review_on"])
        _log(events.STRATEGY_REVIEW_CREATE, author, session, review.pk)
        return review

    review, _created = create_once(
        Review, key=idempotency_key, scope={"session": session}, create=create
    )
    return review
