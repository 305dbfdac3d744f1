"""Fixtures for psycho-education: a trajectory with a session at each step."""

from __future__ import annotations

import pytest

from doenvermogen.psychoeducation import services
from doenvermogen.psychoeducation.models import Strategy, StressEffect


@pytest.fixture
def effects(db) -> dict[str, StressEffect]:
    return {e.code: e for e in StressEffect.objects.filter(organisation=None)}


@pytest.fixture
def strategies(db) -> dict[str, Strategy]:
    return {s.code: s for s in Strategy.objects.filter(organisation=None)}


@pytest.fixture
def session(world):
    gate = services.gate_record(
        trajectory=world.traj_a, author=world.pro_a, experiences_stress="yes", wants_to_talk="yes"
    )
    return gate.session


@pytest.fixture
def chosen_session(session, world, effects):
    services.session_explained(session=session, author=world.pro_a)
    recognised = services.effects_recognise(
        session=session,
        author=world.pro_a,
        effects=[effects["veel-vergeten"], effects["relativeren-snel-boos"]],
        own_words=["Ik open de post niet"],
    )
    services.effects_choose(
        session=session,
        author=world.pro_a,
        variant="three",
        chosen=recognised,
        rules_explained=True,
    )
    return session
