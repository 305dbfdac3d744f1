"""`manage.py bench_data`: grow the database to a municipality's caseload, for benchmarks only.

Adds one synthetic organisation ("Benchmark (synthetisch)") with teams of professionals, clients
with trajectories, psycho-education gates and sessions for a share of them, and access-log rows
spread over the past months. Bulk inserts (PostgreSQL: COPY for the access log), so 100,000
clients and 10 million log rows take minutes. Never run it on a database with real clients.

    python manage.py bench_data --clients 100000 --log-rows 10000000
    python manage.py bench_data --delete
"""

from __future__ import annotations

import datetime
import random
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from doenvermogen.accounts.models import Membership, Organisation, Team, User
from doenvermogen.audit import events
from doenvermogen.cases.models import Client, Involvement, Trajectory
from doenvermogen.psychoeducation.models import GateConversation, Session

ORGANISATION = "Benchmark (synthetisch)"
PASSWORD = "bench-wachtwoord"
NAMES = ["Noor", "Karel", "Mila", "Henk", "Jasmijn", "Fatma", "Daan", "Sem", "Eva", "Ahmed"]
BATCH = 5000


class Command(BaseCommand):
    help = "Grow the database with synthetic clients and access-log rows (benchmarks only)."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=100_000)
        parser.add_argument("--log-rows", type=int, default=1_000_000)
        parser.add_argument("--team-size", type=int, default=2_000, help="trajectories per team")
        parser.add_argument("--months", type=int, default=24, help="spread of the log over time")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--delete", action="store_true", help="remove the synthetic data")

    def handle(self, *args, **o):
        if o["delete"]:
            self._delete()
            return
        if Organisation.objects.filter(name=ORGANISATION).exists():
            raise CommandError("Synthetic data exists already; run with --delete first.")
        rng = random.Random(o["seed"])
        started = time.monotonic()
        with transaction.atomic():
            org = Organisation.objects.create(name=ORGANISATION)
            n_teams = max(1, o["clients"] // o["team_size"])
            teams = Team.objects.bulk_create(
                [Team(organisation=org, name=f"Team {i + 1:03d}") for i in range(n_teams)]
            )
            password = make_password(PASSWORD)
            staff = User.objects.bulk_create(
                [
                    User(
                        email=f"pro{t:03d}-{i}@bench.invalid",
                        name=f"Professional {t}-{i}",
                        password=password,
                    )
                    for t in range(n_teams)
                    for i in range(5)
                ]
            )
            leads = User.objects.bulk_create(
                [
                    User(
                        email=f"lead{t:03d}@bench.invalid",
                        name=f"Teamleider {t}",
                        password=password,
                    )
                    for t in range(n_teams)
                ]
            )
            Membership.objects.bulk_create(
                [
                    Membership(
                        user=u,
                        organisation=org,
                        team=teams[i // 5],
                        role=Membership.Role.PROFESSIONAL,
                    )
                    for i, u in enumerate(staff)
                ]
                + [
                    Membership(
                        user=u, organisation=org, team=teams[t], role=Membership.Role.TEAM_LEAD
                    )
                    for t, u in enumerate(leads)
                ]
            )
        self.stdout.write(f"{n_teams} teams, {len(staff)} professionals, {len(leads)} team leads")
        today = timezone.localdate()
        kinds = [k for k, _ in Trajectory.Kind.choices]
        for start in range(0, o["clients"], BATCH):
            count = min(BATCH, o["clients"] - start)
            with transaction.atomic():
                clients = Client.objects.bulk_create(
                    [
                        Client(
                            organisation=org, display_name=f"{rng.choice(NAMES)} {start + i:06d}"
                        )
                        for i in range(count)
                    ]
                )
                trajectories = []
                for i, client in enumerate(clients):
                    number = start + i
                    began = today - datetime.timedelta(days=rng.randint(0, 900))
                    ended = (
                        began + datetime.timedelta(days=rng.randint(30, 400))
                        if rng.random() < 0.4
                        else None
                    )
                    trajectories.append(
                        Trajectory(
                            client=client,
                            organisation=org,
                            team=teams[number % n_teams],
                            kind=rng.choice(kinds),
                            started_on=began,
                            ended_on=ended if ended and ended <= today else None,
                        )
                    )
                trajectories = Trajectory.objects.bulk_create(trajectories)
                Involvement.objects.bulk_create(
                    [
                        Involvement(
                            trajectory=t,
                            professional=staff[(t.team_id - teams[0].pk) * 5 + rng.randint(0, 4)],
                            role=Involvement.Role.DEBT_COUNSELLOR,
                            responsible_for_psychoeducation=True,
                            responsible_for_reviews=True,
                        )
                        for t in trajectories
                    ]
                )
                self._psychoeducation(rng, trajectories, staff, teams[0].pk)
            self.stdout.write(f"  clients: {start + count}", ending="\r")
        self.stdout.write("")
        self._access_log(rng, org, o["log_rows"], o["months"], staff)
        self._tune()
        self.stdout.write(f"done in {time.monotonic() - started:.0f} s")

    def _tune(self) -> None:
        """PostgreSQL: fresh statistics and visibility maps (index-only scans), and the planner
        setting docs/admin.md recommends for SSD, so the benchmark runs as production would."""
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', "
                "current_database()); END $$"
            )
            cursor.execute("VACUUM ANALYZE")
        self.stdout.write("  random_page_cost = 1.1 (docs/admin.md); VACUUM ANALYZE done")

    def _psychoeducation(self, rng, trajectories, staff, first_team_id):
        chosen = [t for t in trajectories if rng.random() < 0.3]
        now = timezone.now()
        gates = GateConversation.objects.bulk_create(
            [
                GateConversation(
                    trajectory=t,
                    asked_by=staff[(t.team_id - first_team_id) * 5],
                    asked_at=now - datetime.timedelta(days=rng.randint(0, 700)),
                    opening="open",
                    experiences_stress="yes",
                    wants_to_talk="yes" if rng.random() < 0.7 else "not_now",
                    outcome="start" if rng.random() < 0.7 else "not_now",
                )
                for t in chosen
            ]
        )
        Session.objects.bulk_create(
            [
                Session(
                    trajectory=g.trajectory,
                    gate=g,
                    professional=g.asked_by,
                    started_at=g.asked_at,
                    step=rng.randint(1, 5),
                    shared_with_client_at=g.asked_at if rng.random() < 0.5 else None,
                )
                for g in gates
                if g.outcome == "start"
            ]
        )

    def _access_log(self, rng, org, rows, months, staff):
        if rows <= 0:
            return
        client_ids = list(Client.objects.filter(organisation=org).values_list("pk", flat=True))
        now = timezone.now()
        span = months * 30 * 24 * 3600
        choices = [
            events.CLIENT_LIST,
            events.TRAJECTORY_VIEW,
            events.PSYCHOEDUCATION_VIEW,
            events.GOAL_PLAN_VIEW,
            events.REMINDER_LIST,
        ]
        if connection.vendor == "postgresql":
            self._ensure_partitions(now - datetime.timedelta(seconds=span))
        columns = (
            "at",
            "actor_id",
            "actor_label",
            "actor_role",
            "client_id",
            "event",
            "object_type",
            "object_id",
            "action",
            "purpose",
            "origin",
        )
        done = 0
        while done < rows:
            count = min(200_000, rows - done)
            batch = []
            for _ in range(count):
                user = staff[rng.randrange(len(staff))]
                event = choices[rng.randrange(len(choices))]
                client_id = client_ids[rng.randrange(len(client_ids))]
                at = now - datetime.timedelta(seconds=rng.randrange(span))
                batch.append(
                    (
                        at,
                        user.pk,
                        user.name,
                        "professional",
                        client_id,
                        event.code,
                        event.kind.value,
                        str(client_id),
                        event.action.value,
                        event.code,
                        "web",
                    )
                )
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    with (
                        connection.cursor() as cursor,
                        cursor.cursor.copy(
                            f"COPY audit_accesslogentry ({', '.join(columns)}) FROM STDIN"
                        ) as copy,
                    ):
                        for row in batch:
                            copy.write_row(row)
                else:
                    with connection.cursor() as cursor:
                        cursor.executemany(
                            f"INSERT INTO audit_accesslogentry ({', '.join(columns)}) VALUES "
                            f"({', '.join(['%s'] * len(columns))})",
                            batch,
                        )
            done += count
            self.stdout.write(f"  access-log rows: {done}", ending="\r")
        self.stdout.write("")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def _ensure_partitions(self, since):
        from doenvermogen.audit import partitions

        with connection.cursor() as cursor:
            if partitions.is_partitioned(cursor):
                partitions.ensure_partitions(cursor, since=since)

    def _delete(self):
        org = Organisation.objects.filter(name=ORGANISATION).first()
        if org is None:
            self.stdout.write("No synthetic data.")
            return
        with transaction.atomic():
            clients = Client.objects.filter(organisation=org)
            Session.objects.filter(trajectory__client__in=clients).delete()
            GateConversation.objects.filter(trajectory__client__in=clients).delete()
            Trajectory.objects.filter(organisation=org).delete()
            clients.delete()
            User.objects.filter(email__endswith="@bench.invalid").delete()
            Team.objects.filter(organisation=org).delete()
            org.delete()
        self.stdout.write(
            "Synthetic data removed (its access-log rows stay: the log is append-only)."
        )
