"""Every write of the research app: instruments, studies, enrolment, measurements."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

from doenvermogen.accounts.models import Organisation, User
from doenvermogen.audit import events
from doenvermogen.audit.services import log_event
from doenvermogen.cases.models import Consent, Trajectory
from doenvermogen.core.idempotency import create_once
from doenvermogen.research import instruments
from doenvermogen.research.models import Instrument, Measurement, Participant, Study

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class NoResearchConsent(Exception):
    """The client has no active research consent: nothing is stored."""


class InstrumentExists(Exception):
    """This organisation already has this code and version."""


def has_research_consent(trajectory: Trajectory) -> bool:
    return trajectory.client.consents.filter(
        purpose=Consent.Purpose.RESEARCH, withdrawn_at__isnull=True
    ).exists()


def new_research_id() -> str:
    """Random, not derived from anything: R + 8 characters (32⁸ ≈ 10¹² possibilities)."""
    return "R" + "".join(secrets.choice(ALPHABET) for _ in range(8))


@transaction.atomic
def instrument_load(
    *, organisation: Organisation, author: User, text: str, filename: str
) -> Instrument:
    """Validate and store an instrument from a YAML/JSON file (``InstrumentError`` in Dutch)."""
    definition = instruments.load_text(text, filename=filename)
    if Instrument.objects.filter(
        organisation=organisation, code=definition["code"], version=definition["version"]
    ).exists():
        raise InstrumentExists
    return Instrument.objects.create(
        organisation=organisation,
        code=definition["code"],
        version=definition["version"],
        definition=definition,
        loaded_by=author,
    )


@transaction.atomic
def study_create(
    *,
    organisation: Organisation,
    author: User,
    name: str,
    instrument_list: list[Instrument],
    key: str = "",
) -> Study:
    def make(k):
        study = Study.objects.create(
            organisation=organisation, name=name, created_by=author, idempotency_key=k
        )
        study.instruments.set(instrument_list)
        return study

    study, _created = create_once(Study, key=key, scope={"organisation": organisation}, create=make)
    return study


@transaction.atomic
def participant_enrol(*, study: Study, trajectory: Trajectory, author: User) -> Participant:
    """Enrol the trajectory's client (once per study); only with an active research consent."""
    if not has_research_consent(trajectory):
        raise NoResearchConsent
    existing = Participant.objects.filter(study=study, client=trajectory.client).first()
    if existing:
        return existing
    for _attempt in range(5):
        try:
            with transaction.atomic():
                participant = Participant.objects.create(
                    study=study,
                    client=trajectory.client,
                    trajectory=trajectory,
                    research_id=new_research_id(),
                    enrolled_by=author,
                )
            log_event(
                events.RESEARCH_ENROL,
                actor=author,
                client_id=trajectory.client_id,
                object_id=participant.pk,
            )
            return participant
        except IntegrityError:
            existing = Participant.objects.filter(study=study, client=trajectory.client).first()
            if existing:
                return existing
    raise RuntimeError("no free research id")  # pragma: no cover – 10¹² ids


@transaction.atomic
def participant_open_post(*, participant: Participant, author: User) -> Participant:
    if not participant.post_open:
        participant.post_open = True
        participant.save(update_fields=["post_open"])
        log_event(
            events.RESEARCH_POST_OPEN,
            actor=author,
            client_id=participant.client_id,
            object_id=participant.pk,
        )
    return participant


@transaction.atomic
def measurement_record(
    *,
    participant: Participant,
    instrument: Instrument,
    moment: str,
    answers: dict[str, int],
    filled_by: str,
    author: User,
    key: str = "",
) -> Measurement:
    """Store a filled-in questionnaire with its score (once per participant, moment, instrument)."""
    if not has_research_consent(participant.trajectory):
        raise NoResearchConsent
    score = instruments.score(instrument.definition, answers)
    existing = Measurement.objects.filter(
        participant=participant, instrument=instrument, moment=moment
    ).first()
    if existing:
        return existing

    def create(k: str | None) -> Measurement:
        measurement = Measurement.objects.create(
            participant=participant,
            trajectory=participant.trajectory,
            instrument=instrument,
            moment=moment,
            filled_by=filled_by,
            entered_by=author,
            answers={c: int(v) for c, v in answers.items()},
            score=score,
            idempotency_key=k,
        )
        log_event(
            events.MEASUREMENT_CREATE,
            actor=author,
            client_id=participant.client_id,
            object_id=measurement.pk,
        )
        return measurement

    measurement, _created = create_once(
        Measurement, key=key, scope={"participant": participant}, create=create
    )
    return measurement
