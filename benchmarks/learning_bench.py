"""Benchmark: the team meeting's figures, the self-scan's results and the research export at size.

    .venv/bin/python benchmarks/learning_bench.py [--sessions 20000] [--respondents 300]
        [--participants 2000] [--postgres postgres://postgres@127.0.0.1:5432]

Fills a fresh database (SQLite temp file, or a throw-away PostgreSQL database) with bulk-created
rows for one team: psycho-education gates, sessions, strategies and reviews spread over a year;
a self-scan round with N respondents; a study with P participants measured before and after.
Then times (best of 3): ``team_meeting.figures`` for the previous quarter and for everything,
``selfscan.selectors.round_results`` and ``research.export.build_export`` plus the paired summary.
Prints one line per measurement; the figures go into docs/selfscan.md and docs/research.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best_of(fn, n: int = 3) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20_000)
    parser.add_argument("--respondents", type=int, default=300)
    parser.add_argument("--participants", type=int, default=2_000)
    parser.add_argument("--postgres")
    args = parser.parse_args()
    if args.postgres:
        import psycopg

        name = "dv_bench_learning"
        with psycopg.connect(args.postgres + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        os.environ["DATABASE_URL"] = f"{args.postgres}/{name}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.reminders_settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    fill_and_measure(args)


def fill_and_measure(args) -> None:
    import datetime
    import random

    from django.db import connection, transaction
    from django.utils import timezone

    from doenvermogen.accounts.models import Membership, Organisation, Team, User
    from doenvermogen.cases.models import Client, Consent, Trajectory
    from doenvermogen.psychoeducation import team_meeting
    from doenvermogen.psychoeducation.models import (
        ClientStrategy,
        GateConversation,
        RecognisedEffect,
        Review,
        ReviewItem,
        Session,
        Strategy,
        StressEffect,
    )
    from doenvermogen.research.export import build_export
    from doenvermogen.research.models import Instrument, Measurement, Participant, Study
    from doenvermogen.research.selectors import study_summary
    from doenvermogen.selfscan.models import ScanAnswer, ScanResponse, ScanRound, Statement
    from doenvermogen.selfscan.selectors import round_results

    rng = random.Random(1)
    now = timezone.now()
    org = Organisation.objects.create(name="Bench")
    team = Team.objects.create(organisation=org, name="Team")
    pro = User.objects.create_user(email="pro@bench.invalid", name="Pro")
    Membership.objects.create(user=pro, organisation=org, team=team, role="team_lead")
    effect = StressEffect.objects.filter(organisation=None).first()
    strategies = list(Strategy.objects.filter(organisation=None))
    n = args.sessions
    t0 = time.perf_counter()
    with transaction.atomic():
        clients = Client.objects.bulk_create(
            Client(organisation=org, display_name=f"C{i}") for i in range(n)
        )
        trajectories = Trajectory.objects.bulk_create(
            Trajectory(client=c, organisation=org, team=team, kind="debt_counselling")
            for c in clients
        )
        moments = [now - datetime.timedelta(days=rng.randrange(365)) for _ in range(n)]
        gates = GateConversation.objects.bulk_create(
            GateConversation(
                trajectory=t,
                asked_by=pro,
                asked_at=m,
                experiences_stress="yes",
                wants_to_talk="yes",
                outcome="start",
            )
            for t, m in zip(trajectories, moments, strict=True)
        )
        sessions = Session.objects.bulk_create(
            Session(trajectory=t, gate=g, professional=pro, started_at=m)
            for t, g, m in zip(trajectories, gates, moments, strict=True)
        )
        effects = RecognisedEffect.objects.bulk_create(
            RecognisedEffect(session=s, effect=effect, chosen_rank=1) for s in sessions
        )
        chosen = ClientStrategy.objects.bulk_create(
            ClientStrategy(
                session=s,
                recognised_effect=e,
                catalogue_strategy=rng.choice(strategies),
                description="x",
                created_by=pro,
            )
            for s, e in zip(sessions, effects, strict=True)
        )
        reviews = Review.objects.bulk_create(
            Review(
                session=s,
                source="conversation",
                author=pro,
                held_at=s.started_at + datetime.timedelta(days=14),
            )
            for s in sessions
        )
        ReviewItem.objects.bulk_create(
            ReviewItem(review=r, strategy=c, used="yes", helped=rng.choice(["yes", "a_bit", "no"]))
            for r, c in zip(reviews, chosen, strict=True)
        )
        scan_round = ScanRound.objects.create(team=team, name="R", created_by=pro)
        statements = list(Statement.objects.filter(active=True))
        people = User.objects.bulk_create(
            User(email=f"r{i}@bench.invalid", name=f"R{i}") for i in range(args.respondents)
        )
        responses = ScanResponse.objects.bulk_create(
            ScanResponse(round=scan_round, respondent=p) for p in people
        )
        ScanAnswer.objects.bulk_create(
            ScanAnswer(response=r, statement=s, level=rng.randrange(4))
            for r in responses
            for s in statements
        )
        instruments = list(Instrument.objects.filter(organisation=None))
        study = Study.objects.create(organisation=org, name="S", created_by=pro)
        study.instruments.set(instruments)
        subset = trajectories[: args.participants]
        Consent.objects.bulk_create(
            Consent(client_id=t.client_id, purpose="research", recorded_by=pro) for t in subset
        )
        participants = Participant.objects.bulk_create(
            Participant(
                study=study,
                client_id=t.client_id,
                trajectory=t,
                research_id=f"R{i:08d}",
                enrolled_by=pro,
            )
            for i, t in enumerate(subset)
        )
        rows = []
        for p in participants:
            for inst in instruments:
                items = inst.definition["items"]
                for moment in ("pre", "post"):
                    answers = {
                        it["code"]: rng.randint(
                            inst.definition["scales"][it["scale"]]["min"],
                            inst.definition["scales"][it["scale"]]["max"],
                        )
                        for it in items
                    }
                    rows.append(
                        Measurement(
                            participant=p,
                            trajectory_id=p.trajectory_id,
                            instrument=inst,
                            moment=moment,
                            filled_by="client",
                            entered_by=pro,
                            answers=answers,
                            score=sum(answers.values()) / len(answers),
                            taken_at=now - datetime.timedelta(days=rng.randrange(200)),
                        )
                    )
        Measurement.objects.bulk_create(rows, batch_size=2000)
    print(
        f"filled {n} sessions, {args.respondents} respondents, {args.participants} participants"
        f" in {time.perf_counter() - t0:.1f} s ({connection.vendor})"
    )
    quarter = team_meeting.period_from({"period": "quarter"})
    everything = team_meeting.period_from({"period": "all"})
    t = best_of(lambda: team_meeting.figures(team_ids=[team.pk], period=quarter))
    print(f"team meeting, previous quarter: {t * 1000:.0f} ms")
    t = best_of(lambda: team_meeting.figures(team_ids=[team.pk], period=everything))
    print(f"team meeting, all {n} sessions: {t * 1000:.0f} ms")
    t = best_of(lambda: round_results(scan_round))
    print(f"self-scan results, {args.respondents} respondents: {t * 1000:.0f} ms")
    t = best_of(lambda: build_export(study), n=1)
    print(f"research export, {len(rows)} measurements: {t * 1000:.0f} ms")
    study_summary(study)  # the first call imports SciPy (about 1–3 s); time the next ones
    t = best_of(lambda: study_summary(study))
    print(f"paired summary, {args.participants} pairs x 2 instruments: {t * 1000:.0f} ms")


if __name__ == "__main__":
    main()
