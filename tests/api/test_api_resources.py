"""The API's later resources: geldrust checks, letter checks (also at the old letters address),
writes for reminders, appointments and consents, and synchronisation by change date for every
resource (also after a bulk update)."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from doenvermogen.api.services import api_token_create
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases import services as case_services
from doenvermogen.cases.models import Client, Consent, Trajectory
from doenvermogen.geldrust import services as geldrust_services
from doenvermogen.geldrust.models import MoneyCheck, SchemeOutcome
from doenvermogen.goals import services as goal_services
from doenvermogen.goals.models import GoalPlan, Step
from doenvermogen.reminders import services as reminder_services
from doenvermogen.reminders.models import Appointment, Delivery, Reminder

pytestmark = pytest.mark.django_db

HOUSEHOLD = {
    "year": 2026,
    "municipality": "voorbeeldgemeente",
    "adults": [{"age": 35, "income_year": 24000, "wealth": 0}],
    "children": [{"age": 7}],
    "rent_month": 780,
    "service_costs_month": 40,
}
LETTER = (
    "Beste mevrouw Bakker,\n\nWij hebben uw betaling nog niet ontvangen. Wilt u het bedrag "
    "van 40 euro voor 1 maart betalen? Lukt dat niet, bel ons dan. Samen zoeken we een "
    "oplossing.\n\nMet vriendelijke groet,\nFatima"
)


def _client_with(world, *scopes: str) -> APIClient:
    _token, secret = api_token_create(
        organisation=world.org,
        name="Beperkt",
        scopes=list(scopes),
        teams=[world.team_a],
        author=None,
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def _rows_since(before: int) -> list[tuple[str, str, str]]:
    rows = AccessLogEntry.objects.order_by("id")[before:]
    return [(r.event, r.action, r.origin) for r in rows]


def _soon(days: int = 3) -> str:
    return (timezone.now() + datetime.timedelta(days=days)).isoformat()


def _ago(model, pk: int, days: int = 2) -> None:
    model.objects.filter(pk=pk).update(updated_at=timezone.now() - datetime.timedelta(days=days))


def _since() -> str:
    return (timezone.now() - datetime.timedelta(days=1)).isoformat()


def _ids(api: APIClient, path: str) -> list[int]:
    response = api.get(path, {"updated_since": _since()})
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


# Geldrust -----------------------------------------------------------------------------------------


def test_keep_a_money_check_in_a_trajectory_like_the_web(world, api, token):
    before = AccessLogEntry.objects.count()
    response = api.post(
        "/api/v1/money-checks/",
        {"trajectory": world.traj_a.pk, "household": HOUSEHOLD, "consent": True},
        format="json",
        HTTP_IDEMPOTENCY_KEY="zaak-9-geldcheck",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    check = MoneyCheck.objects.get(pk=data["id"])
    assert check.trajectory == world.traj_a and check.created_by == token.service_user
    assert data["total_month"] == check.total_month > 0
    assert {o["scheme_code"] for o in data["outcomes"]} == set(
        check.outcomes.values_list("scheme_code", flat=True)
    )
    assert _rows_since(before) == [("money_check.create", "create", "api")]
    again = api.post(
        "/api/v1/money-checks/",
        {"trajectory": world.traj_a.pk, "household": HOUSEHOLD, "consent": True},
        format="json",
        HTTP_IDEMPOTENCY_KEY="zaak-9-geldcheck",
    )
    assert again.json()["id"] == check.pk and MoneyCheck.objects.count() == 1
    listed = api.get("/api/v1/money-checks/", {"trajectory": world.traj_a.pk}).json()
    assert [c["id"] for c in listed["results"]] == [check.pk]
    assert api.get(f"/api/v1/money-checks/{check.pk}/").json()["household"] == HOUSEHOLD


def test_a_money_check_is_kept_only_with_consent_valid_input_and_in_the_tokens_teams(world, api):
    no_consent = api.post(
        "/api/v1/money-checks/",
        {"trajectory": world.traj_a.pk, "household": HOUSEHOLD, "consent": False},
        format="json",
    )
    assert no_consent.status_code == 400 and "consent" in no_consent.json()
    bad = api.post(
        "/api/v1/money-checks/",
        {
            "trajectory": world.traj_a.pk,
            "household": {**HOUSEHOLD, "rent_month": 0},
            "consent": True,
        },
        format="json",
    )
    assert bad.status_code == 400 and bad.json()["household"]
    other = api.post(
        "/api/v1/money-checks/",
        {"trajectory": world.traj_b.pk, "household": HOUSEHOLD, "consent": True},
        format="json",
    )
    assert other.status_code == 404
    assert not MoneyCheck.objects.exists()
    theirs = geldrust_services.money_check_create(
        trajectory=world.traj_b, author=world.pro_b, household=HOUSEHOLD, consent=True
    )
    assert api.get(f"/api/v1/money-checks/{theirs.pk}/").status_code == 404
    assert api.get("/api/v1/money-checks/").json()["count"] == 0


def test_the_anonymous_calculation_keeps_nothing_and_needs_only_the_read_scope(world):
    reader = _client_with(world, "geldrust:read")
    before = AccessLogEntry.objects.count()
    response = reader.post(
        "/api/v1/money-checks/calculate/", {"household": HOUSEHOLD}, format="json"
    )
    assert response.status_code == 200, response.content
    result = response.json()
    assert result["year"] == 2026 and result["total_month"] > 0
    assert {"code", "status", "why"} <= set(result["schemes"][0])
    assert not MoneyCheck.objects.exists() and AccessLogEntry.objects.count() == before
    bad = reader.post("/api/v1/money-checks/calculate/", {"household": []}, format="json")
    assert bad.status_code == 400
    keep = reader.post(
        "/api/v1/money-checks/",
        {"trajectory": world.traj_a.pk, "household": HOUSEHOLD, "consent": True},
        format="json",
    )
    assert keep.status_code == 403
    assert (
        _client_with(world, "goals:read")
        .post("/api/v1/money-checks/calculate/", {"household": HOUSEHOLD}, format="json")
        .status_code
        == 403
    )


# Letters ------------------------------------------------------------------------------------------


def test_a_letter_check_through_the_api(world, settings):
    settings.LETTERS_ANALYZER = "simple"
    api = _client_with(world, "letters:read")
    response = api.post("/api/v1/letters/checks/", {"text": LETTER}, format="json")
    assert response.status_code == 200, response.content
    assert set(response.json()) >= {"words", "sentences", "readability", "findings", "east"}
    upload = api.post(
        "/api/v1/letters/checks/",
        {"upload": _file("brief.txt", LETTER.encode())},
        format="multipart",
    )
    assert upload.status_code == 200 and upload.json()["file"] == "brief.txt"


def _file(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/plain")


def test_every_letter_api_failure_has_the_letters_error_shape(world, settings):
    settings.LETTERS_ANALYZER = "simple"
    api = _client_with(world, "letters:read")
    cases = [
        (APIClient().post("/api/v1/letters/checks/", {"text": LETTER}, format="json"), 401),
        (
            _client_with(world, "goals:read").post(
                "/api/v1/letters/checks/", {"text": LETTER}, format="json"
            ),
            403,
        ),
        (api.get("/api/v1/letters/checks/"), 405),
        (api.post("/api/v1/letters/checks/", "{bad", content_type="application/json"), 400),
        (api.post("/api/v1/letters/checks/", {"tekst": LETTER}, format="json"), 400),
        (api.post("/api/v1/letters/checks/", "text=x", content_type="text/plain"), 415),
        (api.post("/api/v1/letters/checks/", {"text": ""}, format="json"), 422),
    ]
    for response, code in cases:
        assert response.status_code == code, (code, response.content)
        assert set(response.json()) == {"error"}, response.content
        assert set(response.json()["error"]) == {"code", "message"}


def test_the_old_letters_address_takes_an_api_token_too(world, settings):
    settings.LETTERS_ANALYZER = "simple"
    settings.LETTERS_API_TOKENS = ["oude-sleutel"]
    api = _client_with(world, "letters:read")
    assert api.post("/letters/api/check", {"text": LETTER}, format="json").status_code == 200
    old = APIClient()
    old.credentials(HTTP_AUTHORIZATION="Bearer oude-sleutel")
    response = old.post(
        "/letters/api/check", json.dumps({"text": LETTER}), content_type="application/json"
    )
    assert response.status_code == 200 and "findings" in response.json()
    no_scope = _client_with(world, "goals:read")
    refused = no_scope.post("/letters/api/check", {"text": LETTER}, format="json")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"


# Reminders, appointments, consents --------------------------------------------------------------


def test_a_reminder_made_through_the_api_is_scheduled_like_one_from_the_web(world, api, token):
    plan = goal_services.goal_plan_create(trajectory=world.traj_a, author=world.pro_a, goal="Post")
    step = goal_services.step_add(plan=plan, author=world.pro_a, text="Post openen")
    before = AccessLogEntry.objects.count()
    body = {
        "trajectory": world.traj_a.pk,
        "title": "Post openen",
        "starts_at": _soon(),
        "repeat": "weekly",
        "step": step.pk,
    }
    response = api.post("/api/v1/reminders/", body, format="json", HTTP_IDEMPOTENCY_KEY="rem-00001")
    assert response.status_code == 201, response.content
    reminder = Reminder.objects.get(pk=response.json()["id"])
    assert reminder.subject == Reminder.Subject.STEP and reminder.step == step
    assert reminder.created_by == token.service_user
    assert reminder.deliveries.filter(status=Delivery.Status.PENDING).count() == 1
    assert ("reminder.create", "create", "api") in _rows_since(before)
    again = api.post("/api/v1/reminders/", body, format="json", HTTP_IDEMPOTENCY_KEY="rem-00001")
    assert again.json()["id"] == reminder.pk and Reminder.objects.count() == 1
    assert api.get(f"/api/v1/reminders/{reminder.pk}/").json()["title"] == "Post openen"
    stopped = api.post(f"/api/v1/reminders/{reminder.pk}/cancel/")
    assert stopped.status_code == 200 and stopped.json()["is_active"] is False
    assert not reminder.deliveries.filter(status=Delivery.Status.PENDING).exists()


def test_reminder_input_is_checked(world, api):
    other_plan = goal_services.goal_plan_create(
        trajectory=world.traj_b, author=world.pro_b, goal="Niet van mij"
    )
    their_step = goal_services.step_add(plan=other_plan, author=world.pro_b, text="Stap")
    past = api.post(
        "/api/v1/reminders/",
        {"trajectory": world.traj_a.pk, "title": "x", "starts_at": "2020-01-01T10:00:00Z"},
        format="json",
    )
    assert past.status_code == 400 and "starts_at" in past.json()
    foreign_step = api.post(
        "/api/v1/reminders/",
        {"trajectory": world.traj_a.pk, "title": "x", "starts_at": _soon(), "step": their_step.pk},
        format="json",
    )
    assert foreign_step.status_code == 400 and "step" in foreign_step.json()
    other = api.post(
        "/api/v1/reminders/",
        {"trajectory": world.traj_b.pk, "title": "x", "starts_at": _soon()},
        format="json",
    )
    assert other.status_code == 404 and not Reminder.objects.exists()


def test_appointment_create_move_and_cancel_take_their_reminders_along(world, api):
    response = api.post(
        "/api/v1/appointments/",
        {"trajectory": world.traj_a.pk, "starts_at": _soon(5), "place": "Stadhuis, kamer 2"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="afspraak-0001",
    )
    assert response.status_code == 201, response.content
    appointment = Appointment.objects.get(pk=response.json()["id"])
    first = set(appointment.reminders.filter(cancelled_at=None).values_list("starts_at", flat=True))
    assert len(first) == 2  # the day before and two hours before, as on the web
    moved = api.patch(
        f"/api/v1/appointments/{appointment.pk}/", {"starts_at": _soon(8)}, format="json"
    )
    assert moved.status_code == 200, moved.content
    now = set(appointment.reminders.filter(cancelled_at=None).values_list("starts_at", flat=True))
    assert len(now) == 2 and not now & first
    cancelled = api.post(f"/api/v1/appointments/{appointment.pk}/cancel/")
    assert cancelled.json()["status"] == Appointment.Status.CANCELLED
    assert not appointment.reminders.filter(cancelled_at=None).exists()
    again = api.patch(
        f"/api/v1/appointments/{appointment.pk}/", {"starts_at": _soon(9)}, format="json"
    )
    assert again.status_code == 400


def test_consents_recorded_and_withdrawn_through_the_api(world, api):
    response = api.post(
        f"/api/v1/trajectories/{world.traj_a.pk}/consents/",
        {"purpose": "reminders", "note": "Gevraagd in het gesprek"},
        format="json",
    )
    assert response.status_code == 201, response.content
    consent = Consent.objects.get(pk=response.json()["id"])
    assert consent.client_id == world.traj_a.client_id and consent.is_active
    withdrawn = api.post(f"/api/v1/consents/{consent.pk}/withdraw/")
    assert withdrawn.status_code == 200 and withdrawn.json()["is_active"] is False
    theirs = case_services.consent_record(
        client=world.traj_b.client, author=world.pro_b, purpose="reminders"
    )
    before = AccessLogEntry.objects.count()
    assert api.post(f"/api/v1/consents/{theirs.pk}/withdraw/").status_code == 404
    denied = AccessLogEntry.objects.order_by("id")[before:]
    assert [(r.action, r.client_id) for r in denied] == [("denied", world.traj_b.client_id)]
    theirs.refresh_from_db()
    assert theirs.is_active


# Synchronisation: a change through the services shows up with updated_since -------------------


def test_updated_since_sees_changes_made_through_the_services(world, api):
    client, trajectory = world.traj_a.client, world.traj_a
    plan = goal_services.goal_plan_create(trajectory=trajectory, author=world.pro_a, goal="Rust")
    step = goal_services.step_add(plan=plan, author=world.pro_a, text="Wandelen")
    reminder = reminder_services.reminder_create(
        trajectory=trajectory,
        author=world.pro_a,
        title="Wandelen",
        starts_at=timezone.now() + datetime.timedelta(days=2),
    )
    appointment = reminder_services.appointment_create(
        trajectory=trajectory,
        author=world.pro_a,
        starts_at=timezone.now() + datetime.timedelta(days=4),
        place="Buurthuis",
        default_reminders=False,
    )
    check = geldrust_services.money_check_create(
        trajectory=trajectory, author=world.pro_a, household=HOUSEHOLD, consent=True
    )
    for model, pk in [
        (Client, client.pk),
        (Trajectory, trajectory.pk),
        (GoalPlan, plan.pk),
        (Step, step.pk),
        (Reminder, reminder.pk),
        (Appointment, appointment.pk),
    ]:
        _ago(model, pk)
    MoneyCheck.objects.filter(pk=check.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    SchemeOutcome.objects.filter(money_check=check).update(
        updated_at=timezone.now() - datetime.timedelta(days=2)
    )
    for path in [
        "/api/v1/clients/",
        "/api/v1/trajectories/",
        "/api/v1/goal-plans/",
        "/api/v1/steps/",
        "/api/v1/reminders/",
        "/api/v1/appointments/",
        "/api/v1/money-checks/",
    ]:
        assert _ids(api, path) == [], path

    case_services.client_update(client=client, author=world.pro_a, phone="0612345678")
    case_services.trajectory_end(
        trajectory=trajectory, author=world.pro_a, ended_on=timezone.localdate()
    )
    goal_services.step_set_done(step=step, author=world.pro_a)
    reminder_services.reminder_cancel(reminder=reminder, author=world.pro_a)
    reminder_services.appointment_cancel(appointment=appointment, author=world.pro_a)
    geldrust_services.outcome_record(
        outcome=check.outcomes.first(), author=world.pro_a, result="applied"
    )
    assert _ids(api, "/api/v1/clients/") == [client.pk]
    assert _ids(api, "/api/v1/trajectories/") == [trajectory.pk]
    assert _ids(api, "/api/v1/steps/") == [step.pk]
    assert _ids(api, "/api/v1/reminders/") == [reminder.pk]
    assert _ids(api, "/api/v1/appointments/") == [appointment.pk]
    assert _ids(api, "/api/v1/money-checks/") == [check.pk]
    new_plan = goal_services.goal_plan_create(trajectory=trajectory, author=world.pro_a, goal="Nu")
    assert _ids(api, "/api/v1/goal-plans/") == [new_plan.pk]


def test_a_strategy_changed_in_psychoeducation_moves_its_reminders_change_date(world, api):
    """The psycho-education service renames a strategy's reminders in bulk (update()): the
    reminders' change date moves too, so a case system sees the new title."""
    from doenvermogen.psychoeducation import services as pe
    from doenvermogen.psychoeducation.models import StressEffect

    gate = pe.gate_record(
        trajectory=world.traj_a, author=world.pro_a, experiences_stress="yes", wants_to_talk="yes"
    )
    session = gate.session
    pe.session_explained(session=session, author=world.pro_a)
    effect = StressEffect.objects.filter(organisation=None).first()
    recognised = pe.effects_recognise(session=session, author=world.pro_a, effects=[effect])
    pe.effects_choose(
        session=session, author=world.pro_a, variant="one", chosen=recognised, rules_explained=True
    )
    recognised[0].refresh_from_db()
    strategy = pe.strategy_add(
        session=session,
        author=world.pro_a,
        recognised_effect=recognised[0],
        description="Elke ochtend de agenda bekijken",
        reminder=pe.ReminderRequest(first_at=timezone.now() + datetime.timedelta(days=1)),
    )
    reminder = Reminder.objects.get(strategy_ref=str(strategy.pk))
    _ago(Reminder, reminder.pk)
    assert _ids(api, "/api/v1/reminders/") == []
    pe.strategy_update(strategy=strategy, author=world.pro_a, description="Elke avond de agenda")
    changed = api.get("/api/v1/reminders/", {"updated_since": _since()}).json()["results"]
    assert [(r["id"], r["title"]) for r in changed] == [(reminder.pk, "Elke avond de agenda")]
