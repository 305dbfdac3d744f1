"""`manage.py load_demo_data`: an invented organisation to try doenvermogen with.

One organisation, two teams, three professionals, a team lead, a researcher, an administrator and
five clients with trajectories in different states. Other apps add their own demo content through
a module ``doenvermogen.<app>.demo`` with a function ``load(demo: Demo) -> None``.
Running it again changes nothing unless ``--reset`` is given (which deletes the demo organisation).
"""

from __future__ import annotations

import datetime
import importlib
from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from doenvermogen.accounts.models import Membership, Organisation, Team, User
from doenvermogen.accounts.services import membership_create
from doenvermogen.cases import services
from doenvermogen.cases.models import Consent, Involvement, Trajectory

ORGANISATION = "Gemeente Voorbeeldstad (demo)"
PASSWORD = "demo-wachtwoord"
Role = Membership.Role


@dataclass
class Demo:
    organisation: Organisation
    teams: dict[str, Team] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    trajectories: dict[str, Trajectory] = field(default_factory=dict)
    # Lines an app's demo hook adds to the printed logins (e.g. Noor's personal link).
    logins: list[str] = field(default_factory=list)


def _staff(email: str, name: str) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, name=name)
    return user


class Command(BaseCommand):
    help = "Load invented demo data (idempotent; --reset starts over)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete the demo data first.")

    def handle(self, *args, reset: bool = False, **options):
        existing = Organisation.objects.filter(name=ORGANISATION).first()
        if existing and not reset:
            self.stdout.write("Demo data already loaded.")
            self._print_logins(extra=[])
            return
        if existing:
            self._delete(existing)
        with transaction.atomic():
            demo = self._load()
            for config in apps.get_app_configs():
                if not config.name.startswith("doenvermogen."):
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.load(demo)
        self._print_logins(extra=demo.logins)

    def _delete(self, organisation: Organisation) -> None:
        emails = [e for e, _ in self.STAFF]
        with transaction.atomic():
            for trajectory in Trajectory.objects.filter(organisation=organisation):
                trajectory.delete()
            users = User.objects.filter(client_profile__organisation=organisation)
            organisation.clients.all().delete()
            users.delete()
            Involvement.objects.filter(professional__email__in=emails).delete()
            Consent.objects.filter(recorded_by__email__in=emails).delete()
            User.objects.filter(email__in=emails).delete()
            organisation.delete()

    STAFF = [
        ("fatima@demo.doenvermogen.nl", "Fatima Bakker"),
        ("pieter@demo.doenvermogen.nl", "Pieter de Vries"),
        ("sanne@demo.doenvermogen.nl", "Sanne Jansen"),
        ("ingrid@demo.doenvermogen.nl", "Ingrid Smit"),
        ("ravi@demo.doenvermogen.nl", "Ravi Persaud"),
        ("beheer@demo.doenvermogen.nl", "Bas Beheer"),
    ]

    def _load(self) -> Demo:
        org = Organisation.objects.create(name=ORGANISATION)
        demo = Demo(organisation=org)
        demo.teams["debt"] = Team.objects.create(organisation=org, name="Schuldhulpverlening")
        demo.teams["north"] = Team.objects.create(organisation=org, name="Buurtteam Noord")
        u = demo.users
        for email, name in self.STAFF:
            u[email.split("@")[0]] = _staff(email, name)
        membership_create(user=u["fatima"], role=Role.PROFESSIONAL, team=demo.teams["debt"])
        membership_create(user=u["pieter"], role=Role.PROFESSIONAL, team=demo.teams["north"])
        membership_create(user=u["sanne"], role=Role.PROFESSIONAL, team=demo.teams["north"])
        membership_create(user=u["sanne"], role=Role.PROFESSIONAL, team=demo.teams["debt"])
        membership_create(user=u["ingrid"], role=Role.TEAM_LEAD, team=demo.teams["debt"])
        membership_create(user=u["ravi"], role=Role.RESEARCHER, organisation=org)
        membership_create(user=u["beheer"], role=Role.ADMINISTRATOR, organisation=org)

        today = timezone.localdate()
        K = Trajectory.Kind
        R = Involvement.Role
        plan = [
            # key, name, email, team, kind, author, role, started days ago, ended days ago
            (
                "noor",
                "Noor",
                "noor@example.org",
                "debt",
                K.DEBT_COUNSELLING,
                "fatima",
                R.DEBT_COUNSELLOR,
                60,
                None,
            ),
            (
                "karel",
                "Karel",
                "",
                "debt",
                K.DEBT_COUNSELLING,
                "fatima",
                R.DEBT_COUNSELLOR,
                14,
                None,
            ),
            (
                "mila",
                "Mila",
                "mila@example.org",
                "north",
                K.NEIGHBOURHOOD_TEAM,
                "pieter",
                R.NEIGHBOURHOOD_WORKER,
                30,
                None,
            ),
            (
                "henk",
                "Henk",
                "",
                "north",
                K.NEIGHBOURHOOD_TEAM,
                "pieter",
                R.NEIGHBOURHOOD_WORKER,
                400,
                35,
            ),
            (
                "jasmijn",
                "Jasmijn",
                "",
                "north",
                K.YOUTH_HEALTH_CARE,
                "sanne",
                R.YOUTH_HEALTH_NURSE,
                2,
                None,
            ),
        ]
        for key, name, email, team, kind, author, role, started, ended in plan:
            client = services.client_create(
                organisation=org,
                author=u[author],
                display_name=name,
                email=email,
                preferred_channel="email" if email else "app",
            )
            trajectory = services.trajectory_create(
                client=client,
                team=demo.teams[team],
                author=u[author],
                kind=kind,
                started_on=today - datetime.timedelta(days=started),
                involvement_role=role,
            )
            if ended is not None:
                services.trajectory_end(
                    trajectory=trajectory,
                    author=u[author],
                    ended_on=today - datetime.timedelta(days=ended),
                )
            demo.trajectories[key] = trajectory
        # Sanne (in both teams, so she can open Noor's trajectory) reviews the strategies.
        services.involvement_set(
            trajectory=demo.trajectories["noor"],
            author=u["fatima"],
            professional=u["sanne"],
            role=R.NEIGHBOURHOOD_WORKER,
            responsible_for_reviews=True,
        )
        services.involvement_set(
            trajectory=demo.trajectories["noor"],
            author=u["fatima"],
            professional=u["fatima"],
            role=R.DEBT_COUNSELLOR,
            responsible_for_psychoeducation=True,
        )
        for purpose in (Consent.Purpose.PSYCHOEDUCATION, Consent.Purpose.REMINDERS):
            services.consent_record(
                client=demo.trajectories["noor"].client,
                trajectory=demo.trajectories["noor"],
                author=u["fatima"],
                purpose=purpose,
            )
        return demo

    def _print_logins(self, extra: list[str]) -> None:
        lines = [
            "",
            f"Demo logins (password for all: {PASSWORD}):",
            "  professional, debt counselling:  fatima@demo.doenvermogen.nl",
            "  professional, neighbourhood team: pieter@demo.doenvermogen.nl",
            "  professional, both teams:        sanne@demo.doenvermogen.nl",
            "  team lead, debt counselling:     ingrid@demo.doenvermogen.nl",
            "  researcher:                      ravi@demo.doenvermogen.nl",
            "  administrator:                   beheer@demo.doenvermogen.nl",
        ]
        if extra:
            lines += extra
        else:
            lines.append(
                "  client: sign in as Fatima, open Noor and choose 'Show link and QR code'."
            )
        self.stdout.write("\n".join(lines) + "\n")
