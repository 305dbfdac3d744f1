"""Demo: a study with pre/post measurements, and psycho-education in the previous quarter.

Seven invented clients of the debt counselling team took part in psycho-education last quarter,
with reviews (so the team lead's team meeting view for the last quarter has figures of five or
more), gave consent for research, and filled in the stress thermometer and the grip scale before
and after. Noor gave consent too: she filled in the pre-measurement on her own page and her
post-measurement is open there. Called by ``load_demo_data``.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from doenvermogen.cases import services as cases_services
from doenvermogen.cases.models import Consent, Involvement, Trajectory
from doenvermogen.psychoeducation import services as pe
from doenvermogen.psychoeducation.models import (
    ClientStrategy,
    GateConversation,
    Review,
    Session,
    Strategy,
    StressEffect,
)
from doenvermogen.research import services
from doenvermogen.research.models import Instrument, Measurement

# name, thermometer pre/post, grip answers pre/post (6 items, 1–5), helped
CLIENTS = [
    ("Anouk", (8, 5), ([2, 2, 4, 3, 2, 4], [3, 3, 3, 4, 3, 3]), "yes"),
    ("Bram", (7, 6), ([3, 2, 4, 2, 2, 4], [3, 3, 3, 3, 3, 3]), "a_bit"),
    ("Chantal", (9, 6), ([1, 2, 5, 3, 1, 5], [3, 3, 3, 4, 3, 3]), "yes"),
    ("Dirk", (6, 6), ([3, 3, 3, 3, 3, 3], [3, 3, 3, 4, 3, 3]), "no"),
    ("Esra", (8, 4), ([2, 2, 4, 2, 2, 4], [4, 4, 2, 4, 4, 2]), "yes"),
    ("Femke", (7, 5), ([2, 3, 4, 3, 2, 3], [3, 3, 3, 4, 3, 3]), "a_bit"),
    ("Gerrit", (5, 6), ([3, 3, 3, 4, 3, 3], [3, 3, 3, 4, 3, 3]), "yes"),
]


def previous_quarter(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    start_this = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end_prev = start_this - datetime.timedelta(days=1)
    return datetime.date(end_prev.year, 3 * ((end_prev.month - 1) // 3) + 1, 1), end_prev


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _psychoeducation(trajectory: Trajectory, fatima, day: datetime.date, helped: str) -> None:
    effects = {e.code: e for e in StressEffect.objects.filter(organisation=None)}
    strategies = {s.code: s for s in Strategy.objects.filter(organisation=None)}
    gate = pe.gate_record(
        trajectory=trajectory,
        author=fatima,
        opening="open_question",
        experiences_stress="yes",
        wants_to_talk="yes",
    )
    session = gate.session
    pe.session_explained(session=session, author=fatima)
    pe.effects_recognise(
        session=session, author=fatima, effects=[effects["veel-vergeten"]], own_words=[]
    )
    recognised = session.effects.get(effect=effects["veel-vergeten"])
    pe.effects_choose(
        session=session, author=fatima, variant="three", chosen=[recognised], rules_explained=True
    )
    recognised.refresh_from_db()
    strategy = pe.strategy_add(
        session=session,
        author=fatima,
        recognised_effect=recognised,
        catalogue_strategy=strategies["reminders"],
        description="Afspraken op de koelkast",
    )
    walk = pe.strategy_add(
        session=session,
        author=fatima,
        recognised_effect=recognised,
        catalogue_strategy=strategies["wandelen"],
        description="Elke dag een rondje lopen",
    )
    pe.strategies_done(session=session, author=fatima)
    pe.session_share(session=session, author=fatima, next_review_on=day + datetime.timedelta(14))
    review = pe.review_record(
        session=session,
        author=fatima,
        source=Review.Source.CONVERSATION,
        answers=[
            pe.ReviewAnswer(strategy=strategy, used="yes", helped=helped),
            pe.ReviewAnswer(strategy=walk, used="yes", helped="yes" if helped != "no" else "a_bit"),
        ],
    )
    GateConversation.objects.filter(pk=gate.pk).update(asked_at=_at(day))
    Session.objects.filter(pk=session.pk).update(started_at=_at(day))
    ClientStrategy.objects.filter(session=session).update(created_at=_at(day, 11))
    Review.objects.filter(pk=review.pk).update(held_at=_at(day + datetime.timedelta(days=14)))


def load(demo) -> None:
    fatima, ravi = demo.users["fatima"], demo.users["ravi"]
    team = demo.teams["debt"]
    today = timezone.localdate()
    q_start, q_end = previous_quarter(today)
    thermometer = Instrument.objects.get(organisation=None, code="stress_thermometer")
    grip = Instrument.objects.get(organisation=None, code="grip_scale")
    study = services.study_create(
        organisation=demo.organisation,
        author=ravi,
        name="Psycho-educatie en grip (demo)",
        instrument_list=[thermometer, grip],
    )
    grip_codes = [item["code"] for item in grip.definition["items"]]
    for n, (name, (t_pre, t_post), (g_pre, g_post), helped) in enumerate(CLIENTS):
        day = q_start + datetime.timedelta(days=5 + 9 * n)
        client = cases_services.client_create(
            organisation=demo.organisation,
            author=fatima,
            display_name=name,
            email=f"{name.lower()}@example.org",
            preferred_channel="email",
        )
        trajectory = cases_services.trajectory_create(
            client=client,
            team=team,
            author=fatima,
            kind=Trajectory.Kind.DEBT_COUNSELLING,
            started_on=day - datetime.timedelta(days=3),
            involvement_role=Involvement.Role.DEBT_COUNSELLOR,
        )
        demo.trajectories[name.lower()] = trajectory
        for purpose in (Consent.Purpose.PSYCHOEDUCATION, Consent.Purpose.RESEARCH):
            cases_services.consent_record(
                client=client, trajectory=trajectory, author=fatima, purpose=purpose
            )
        _psychoeducation(trajectory, fatima, min(day, q_end), helped)
        participant = services.participant_enrol(study=study, trajectory=trajectory, author=fatima)
        services.participant_open_post(participant=participant, author=fatima)
        post_day = day + datetime.timedelta(days=56)
        for moment, t, g, when in (("pre", t_pre, g_pre, day), ("post", t_post, g_post, post_day)):
            for instrument, answers in (
                (thermometer, {"stress_week": t}),
                (grip, dict(zip(grip_codes, g, strict=True))),
            ):
                m = services.measurement_record(
                    participant=participant,
                    instrument=instrument,
                    moment=moment,
                    answers=answers,
                    filled_by="professional",
                    author=fatima,
                )
                Measurement.objects.filter(pk=m.pk).update(taken_at=_at(min(when, today)))
    # Noor: consent, pre-measurement on her own page, post-measurement open there.
    noor = demo.trajectories["noor"]
    cases_services.consent_record(
        client=noor.client, trajectory=noor, author=fatima, purpose=Consent.Purpose.RESEARCH
    )
    participant = services.participant_enrol(study=study, trajectory=noor, author=fatima)
    services.measurement_record(
        participant=participant,
        instrument=thermometer,
        moment="pre",
        answers={"stress_week": 7},
        filled_by="client",
        author=noor.client.user or fatima,
    )
    services.measurement_record(
        participant=participant,
        instrument=grip,
        moment="pre",
        answers=dict(zip(grip_codes, [2, 3, 4, 4, 2, 4], strict=True)),
        filled_by="client",
        author=noor.client.user or fatima,
    )
    services.participant_open_post(participant=participant, author=fatima)
