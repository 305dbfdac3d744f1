"""Fixtures for the self-scan tests: a team with N members who answered."""

from __future__ import annotations

import pytest

from doenvermogen.accounts.models import Membership
from doenvermogen.selfscan import services
from doenvermogen.selfscan.models import Statement


def answers_all(level: int, example: str = "") -> dict[int, tuple[int, str]]:
    return {s.pk: (level, example) for s in Statement.objects.filter(active=True)}


@pytest.fixture
def team_scan(world, make):
    """Team A's round, with helpers to add respondents (each answers every statement)."""
    scan_round = services.round_create(team=world.team_a, author=world.lead_a, name="Ronde 1")

    def respond(levels: list[int]) -> list:
        people = []
        for level in levels:
            person = make.staff(team=world.team_a, role=Membership.Role.PROFESSIONAL)
            services.response_submit(
                scan_round=scan_round, respondent=person, answers=answers_all(level)
            )
            people.append(person)
        return people

    scan_round.respond = respond
    return scan_round
