"""Shared fixtures: factories for organisations, teams, users, clients and trajectories."""

from __future__ import annotations

import itertools

import pytest

from doenvermogen.accounts.models import Membership, Organisation, Team, User
from doenvermogen.cases.models import Client, Involvement, Trajectory

_seq = itertools.count(1)


class Factory:
    """Small typed factories (plain functions keep the tests readable)."""

    def organisation(self, name: str | None = None) -> Organisation:
        return Organisation.objects.create(name=name or f"Organisatie {next(_seq)}")

    def team(self, organisation: Organisation | None = None, name: str | None = None) -> Team:
        return Team.objects.create(
            organisation=organisation or self.organisation(), name=name or f"Team {next(_seq)}"
        )

    def staff(
        self,
        *,
        role: str = Membership.Role.PROFESSIONAL,
        team: Team | None = None,
        organisation: Organisation | None = None,
        name: str = "",
        password: str | None = None,
    ) -> User:
        n = next(_seq)
        user = User.objects.create_user(
            email=f"staff{n}@example.org", name=name or f"Medewerker {n}", password=password
        )
        if role in Membership.TEAM_ROLES:
            team = team or self.team(organisation)
            Membership.objects.create(
                user=user, organisation=team.organisation, team=team, role=role
            )
        else:
            organisation = organisation or (team.organisation if team else self.organisation())
            Membership.objects.create(user=user, organisation=organisation, role=role)
        return user

    def trajectory(
        self,
        *,
        team: Team,
        name: str = "",
        professional: User | None = None,
        kind: str = Trajectory.Kind.DEBT_COUNSELLING,
        with_user: bool = False,
        email: str = "",
    ) -> Trajectory:
        client = Client.objects.create(
            organisation=team.organisation,
            display_name=name or f"Cliënt {next(_seq)}",
            email=email,
        )
        if with_user:
            client.user = User.objects.create_user(
                email=f"client{client.pk}@clients.invalid", kind=User.Kind.CLIENT
            )
            client.save()
        trajectory = Trajectory.objects.create(
            client=client, organisation=team.organisation, team=team, kind=kind
        )
        if professional:
            Involvement.objects.create(
                trajectory=trajectory,
                professional=professional,
                role=Involvement.Role.DEBT_COUNSELLOR,
                responsible_for_psychoeducation=True,
                responsible_for_reviews=True,
            )
        return trajectory


@pytest.fixture
def make() -> Factory:
    return Factory()


@pytest.fixture
def world(db, make):
    """Two teams in one organisation, one in another; a person of each role; three clients."""
    org = make.organisation("Gemeente A")
    other_org = make.organisation("Gemeente B")
    team_a = make.team(org, "Team A")
    team_b = make.team(org, "Team B")
    team_c = make.team(other_org, "Team C")
    pro_a = make.staff(team=team_a, name="Anna")
    pro_b = make.staff(team=team_b, name="Bram")
    lead_a = make.staff(role=Membership.Role.TEAM_LEAD, team=team_a, name="Lotte")
    researcher = make.staff(role=Membership.Role.RESEARCHER, organisation=org, name="Rik")
    admin = make.staff(role=Membership.Role.ADMINISTRATOR, organisation=org, name="Beheer")
    traj_a = make.trajectory(team=team_a, name="Noor", professional=pro_a, with_user=True)
    traj_b = make.trajectory(team=team_b, name="Karel", professional=pro_b, with_user=True)
    traj_c = make.trajectory(team=team_c, name="Mila", with_user=True)

    class W:
        pass

    w = W()
    w.__dict__.update(locals())
    return w
