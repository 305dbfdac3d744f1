"""schemathesis against the whole API (every operation in the OpenAPI description): no 5xx.

A bounded number of generated requests per operation keeps it fast; the token has every scope
and sees one team, so the generated ids hit both allowed and refused objects.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from doenvermogen.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """schemathesis calls the real WSGI handler, whose request signals close old database
    connections; inside a test's transaction that closes the test's own connection (PostgreSQL;
    SQLite's in-memory database ignores it). Django's test client does the same as this."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _letters_without_frog(settings):
    """The letter checks run the simple analysis in this process (no Frog pool in unit tests;
    the pool's own failures are 503s tested in tests/letters_web)."""
    settings.LETTERS_ANALYZER = "simple"


@pytest.fixture
def auth_header(token, plan_for_schemathesis) -> dict:
    # Plain bodies: the WSGI transport does not undo the gzip a real HTTP client would.
    return {"Authorization": f"Bearer {token.secret}", "Accept-Encoding": "identity"}


@pytest.fixture
def plan_for_schemathesis(world):
    from doenvermogen.goals import services

    plan = services.goal_plan_create(trajectory=world.traj_a, author=world.pro_a, goal="Doel")
    services.step_add(plan=plan, author=world.pro_a, text="Stap")
    return plan


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_server_errors(case, auth_header):
    response = case.call(headers=auth_header)
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])
