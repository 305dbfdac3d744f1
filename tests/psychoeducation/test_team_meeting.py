"""The team-meeting figures: team leads only, their own teams only, counts without names."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doenvermogen.psychoeducation import selectors, services
from doenvermogen.psychoeducation.models import Review

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(chosen_session, world, strategies):
    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    walk = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="",
        catalogue_strategy=strategies["wandelen"],
    )
    own = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Mijn buurman belt mij",
    )
    services.review_record(
        session=chosen_session,
        author=world.pro_a,
        source=Review.Source.CONVERSATION,
        answers=[
            services.ReviewAnswer(strategy=walk, used="yes", helped="yes"),
            services.ReviewAnswer(strategy=own, used="no"),
        ],
    )
    services.gate_record(trajectory=world.traj_a, author=world.pro_a, experiences_stress="no")
    services.gate_record(
        trajectory=world.traj_b, author=world.pro_b, experiences_stress="yes", wants_to_talk="yes"
    )
    return chosen_session


def test_counts_for_the_team_lead_own_teams_only(history, world):
    overview = selectors.team_overview(user=world.lead_a)
    assert overview.teams == [world.team_a]
    assert overview.gates_total == 2  # team B's conversation is not counted
    assert overview.gates["start"] == 1 and overview.gates["no_stress"] == 1
    assert overview.sessions_started == 1 and overview.sessions_reviewed == 1
    rows = {r["name"]: r for r in overview.strategies}
    assert rows["Wandelen"]["chosen"] == 1 and rows["Wandelen"]["yes"] == 1
    assert rows["In de eigen woorden van de cliënt"]["not_used"] == 1
    assert dict(overview.effects)["Veel vergeten. Ik heb chaos in mijn hoofd."] == 1


def test_page_for_team_leads_without_names(client, history, world):
    client.force_login(world.lead_a)
    body = client.get(reverse("psychoeducation:team_meeting")).content.decode()
    assert "Wandelen" in body and "Noor" not in body and "Karel" not in body
    for user in (world.pro_a, world.researcher, world.admin):
        client.force_login(user)
        assert client.get(reverse("psychoeducation:team_meeting")).status_code == 404
