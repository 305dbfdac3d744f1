"""Geldrust as seen by other apps: the self-scan's evidence line counts the team's checks."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from doenvermogen.geldrust import selectors, services
from doenvermogen.selfscan import evidence
from tests.geldrust.test_web import NOOR_JSON

pytestmark = pytest.mark.django_db


def test_the_evidence_hook_points_at_the_geldrust_selector():
    assert evidence._hook(*evidence.MONEY_CALM_HOOK) is selectors.team_check_counts


def test_team_check_counts_counts_only_the_teams_checks_since(world):
    since = timezone.now() - datetime.timedelta(days=1)
    services.money_check_create(
        trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
    )
    assert selectors.team_check_counts(team_ids={world.team_a.pk}, since=since) == {"checks": 1}
    assert selectors.team_check_counts(team_ids={world.team_b.pk}, since=since) == {"checks": 0}
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert selectors.team_check_counts(team_ids={world.team_a.pk}, since=later) == {"checks": 0}


def test_the_self_scan_evidence_shows_the_geldrust_sentence(world):
    since = timezone.now() - datetime.timedelta(days=1)
    services.money_check_create(
        trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
    )
    text = evidence.evidence_for(team_ids={world.team_a.pk}, since=since)["money_calm"]
    assert text == "minder dan 5 geldchecks."
    for _ in range(4):
        services.money_check_create(
            trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
        )
    text = evidence.evidence_for(team_ids={world.team_a.pk}, since=since)["money_calm"]
    assert text == "5 geldchecks."
