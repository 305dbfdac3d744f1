"""The REST API for case systems: tokens and scopes, the same authorization and access log as the
web pages, writes through the same services, synchronisation by change date, pagination."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.pagination import PageNumberPagination
from rest_framework.test import APIClient

from doenvermogen.api.models import ApiToken
from doenvermogen.api.services import api_token_create, api_token_revoke
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.goals import services as goal_services
from doenvermogen.goals.models import GoalPlan, Step

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(world):
    plan = goal_services.goal_plan_create(
        trajectory=world.traj_a, author=world.pro_a, goal="Mijn post bijhouden"
    )
    goal_services.step_add(plan=plan, author=world.pro_a, text="Brievenbak kopen")
    return plan


def test_no_token_or_a_wrong_or_stopped_token_is_refused(world, token):
    anonymous = APIClient()
    assert anonymous.get("/api/v1/clients/").status_code == 401
    anonymous.credentials(HTTP_AUTHORIZATION="Bearer dv_not-a-token")
    assert anonymous.get("/api/v1/clients/").status_code == 401
    api_token_revoke(token=token)
    anonymous.credentials(HTTP_AUTHORIZATION=f"Bearer {token.secret}")
    assert anonymous.get("/api/v1/clients/").status_code == 401


def test_token_is_kept_only_as_a_hash(world, token):
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.token_hash != token.secret and len(stored.token_hash) == 64
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM api_apitoken")
        assert token.secret not in repr(cursor.fetchall())


def test_scopes_per_resource_and_mode(world, plan):
    _token, secret = api_token_create(
        organisation=world.org,
        name="Alleen lezen",
        scopes=["goals:read"],
        teams=[world.team_a],
        author=None,
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert client.get(f"/api/v1/goal-plans/{plan.pk}/").status_code == 200
    response = client.post(f"/api/v1/goal-plans/{plan.pk}/steps/", {"text": "x"}, format="json")
    assert response.status_code == 403
    assert client.get("/api/v1/clients/").status_code == 403
    assert not Step.objects.filter(text="x").exists()


def test_token_sees_its_teams_only_and_the_log_names_it(world, api, token, plan):
    listed = api.get("/api/v1/clients/").json()
    assert [c["display_name"] for c in listed["results"]] == ["Noor"]
    assert api.get(f"/api/v1/clients/{world.traj_b.client_id}/").status_code == 404
    assert AccessLogEntry.objects.filter(
        actor=token.service_user, action="denied", client_id=world.traj_b.client_id
    ).exists()
    before = AccessLogEntry.objects.count()
    response = api.get(f"/api/v1/goal-plans/{plan.pk}/")
    assert response.status_code == 200
    assert [s["text"] for s in response.json()["steps"]] == ["Brievenbak kopen"]
    rows = AccessLogEntry.objects.order_by("-id")[: AccessLogEntry.objects.count() - before]
    assert [(r.event, r.actor_label, r.origin) for r in rows] == [
        ("goal_plan.view", "API: Zaaksysteem", "api")
    ]


def test_a_step_written_through_the_api_appears_on_the_clients_phone(client, world, api, plan):
    response = api.post(
        f"/api/v1/goal-plans/{plan.pk}/steps/",
        {"text": "Zaterdag de post openen", "if_situation": "Als het zaterdag is"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="case-system-key-1",
    )
    assert response.status_code == 201, response.content
    again = api.post(
        f"/api/v1/goal-plans/{plan.pk}/steps/",
        {"text": "Zaterdag de post openen"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="case-system-key-1",
    )
    assert again.json()["id"] == response.json()["id"]
    assert Step.objects.filter(text="Zaterdag de post openen").count() == 1
    client.force_login(world.traj_a.client.user)
    assert "Zaterdag de post openen" in client.get(reverse("cases:my_page")).content.decode()


def test_bad_input_is_a_clear_400_and_changes_nothing(world, api, plan):
    too_long = api.post(f"/api/v1/goal-plans/{plan.pk}/steps/", {"text": "x" * 301}, format="json")
    assert too_long.status_code == 400 and "text" in too_long.json()
    assert api.get("/api/v1/steps/?updated_since=gisteren").status_code == 400
    # ISO 8601 allows offsets PostgreSQL refuses (found by schemathesis): compared in UTC.
    odd = api.get("/api/v1/steps/", {"updated_since": "0777-07-13T14:35:27+20:43"})
    assert odd.status_code == 200
    assert api.get("/api/v1/steps/?trajectory=abc").status_code == 400
    other = api.post(
        "/api/v1/goal-plans/",
        {"trajectory": world.traj_b.pk, "goal": "Niet van mij"},
        format="json",
    )
    assert other.status_code == 404
    assert not GoalPlan.objects.filter(goal="Niet van mij").exists()


def test_create_a_goal_plan_and_tick_a_step(world, api):
    response = api.post(
        "/api/v1/goal-plans/", {"trajectory": world.traj_a.pk, "goal": "Rust"}, format="json"
    )
    assert response.status_code == 201
    step = api.post(
        f"/api/v1/goal-plans/{response.json()['id']}/steps/", {"text": "Wandelen"}, format="json"
    ).json()
    done = api.patch(f"/api/v1/steps/{step['id']}/", {"done": True}, format="json")
    assert done.status_code == 200 and done.json()["done"] is True


def test_synchronise_by_change_date(world, api, plan):
    step = plan.steps.get()
    Step.objects.filter(pk=step.pk).update(updated_at=timezone.now() - datetime.timedelta(days=2))
    GoalPlan.objects.filter(pk=plan.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=2)
    )
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert api.get("/api/v1/steps/", {"updated_since": since}).json()["count"] == 0
    goal_services.step_set_done(step=step, author=world.pro_a)  # a save(update_fields=...)
    changed = api.get("/api/v1/steps/", {"updated_since": since}).json()
    assert [s["id"] for s in changed["results"]] == [step.pk]
    assert api.get("/api/v1/goal-plans/", {"updated_since": since}).json()["count"] == 0


def test_pagination(world, api, monkeypatch):
    for n in range(3):
        goal_services.goal_plan_create(
            trajectory=world.traj_a, author=world.pro_a, goal=f"Doel {n}"
        )
    monkeypatch.setattr(PageNumberPagination, "page_size", 2)
    first = api.get("/api/v1/goal-plans/").json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["next"]


def test_other_resources_read(world, api, plan):
    trajectory = world.traj_a.pk
    assert api.get(f"/api/v1/trajectories/{trajectory}/").json()["team"] == "Team A"
    involvements = api.get(f"/api/v1/trajectories/{trajectory}/involvements/").json()
    assert [i["professional"] for i in involvements] == ["Anna"]
    assert api.get(f"/api/v1/trajectories/{trajectory}/consents/").status_code == 200
    assert api.get(f"/api/v1/trajectories/{trajectory}/psychoeducation/").json() == []
    assert api.get("/api/v1/reminders/").status_code == 200
    assert api.get("/api/v1/appointments/").status_code == 200
    assert api.get("/api/v2/clients/").status_code == 404


def test_openapi_schema_at_a_stable_url(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/goal-plans/{id}/steps/" in schema["paths"]
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_psychoeducation_summary_is_what_the_client_has_on_their_page(world, api):
    from doenvermogen.psychoeducation import services as pe
    from doenvermogen.psychoeducation.models import StressEffect

    effect = StressEffect.objects.create(code="api-vergeten", text_nl="Veel vergeten")
    gate = pe.gate_record(
        trajectory=world.traj_a, author=world.pro_a, experiences_stress="yes", wants_to_talk="yes"
    )
    session = gate.session
    pe.session_explained(session=session, author=world.pro_a)
    pe.effects_recognise(session=session, author=world.pro_a, effects=[effect])
    pe.effects_choose(
        session=session,
        author=world.pro_a,
        variant="one",
        chosen=[session.effects.get()],
        rules_explained=True,
    )
    pe.strategy_add(
        session=session,
        author=world.pro_a,
        recognised_effect=session.effects.get(),
        description="Wekker zetten",
        steps=["Wekker kopen"],
    )
    url = f"/api/v1/trajectories/{world.traj_a.pk}/psychoeducation/"
    assert api.get(url).json() == []  # not shared with the client yet
    pe.strategies_done(session=session, author=world.pro_a)
    pe.session_share(session=session, author=world.pro_a)
    summary = api.get(url).json()
    assert summary[0]["effects"][0]["effect"] == "Veel vergeten"
    assert summary[0]["effects"][0]["strategies"][0]["description"] == "Wekker zetten"
