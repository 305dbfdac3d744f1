"""schemathesis against the whole API (every operation in the OpenAPI description): no 5xx.

A bounded number of generated requests per operation keeps it fast; the token has every scope
and sees one team, so the generated ids hit both allowed and refused objects.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from doenvermogen.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


@pytest.fixture
def auth_header(token, plan_for_schemathesis) -> dict:
    return {"Authorization": f"Bearer {token.secret}"}


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
