"""Every create form, submitted twice: one object, and both answers lead to the same place.

Sequentially on any database (a double click after the first answer came back), and at the same
moment on PostgreSQL: two threads with their own database connections post the same form
together (the race that a check-then-create loses). ``core.idempotency.create_once`` and the
unique ``idempotency_key`` make both cases give the first result, never a duplicate, never a 500.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.models import Consent, Trajectory
from doenvermogen.clientaccess.models import ClientAccessLink
from doenvermogen.goals.models import ExecutiveSkillCheck, GoalPlan, Reward, Step
from doenvermogen.goals.models import Review as GoalReview
from doenvermogen.psychoeducation.models import ClientStrategy, GateConversation, StressEffect
from doenvermogen.psychoeducation.models import Review as StrategyReview
from doenvermogen.reminders.models import Appointment, Reminder
from tests.cases.test_every_url import _client_world

KEY = "double-submit-key-1"


@dataclass(frozen=True)
class CreateForm:
    name: str
    model: type
    url: Callable[[dict], str]
    data: Callable[[dict], dict]
    as_client: bool = False


def _when() -> tuple[str, str]:
    moment = timezone.localtime() + datetime.timedelta(days=5)
    return moment.date().isoformat(), "10:00"


def _appointment(o):
    date, time = _when()
    return {
        "action": "appointment",
        "a-date": date,
        "a-time": time,
        "a-duration_minutes": "60",
        "a-place": "Kantoor",
        "a-bring": "",
        "a-default_reminders": "on",
        "a-idempotency_key": KEY,
    }


def _reminder(o):
    date, time = _when()
    return {
        "action": "reminder",
        "r-title": "Post openen",
        "r-subject": "other",
        "r-step": "",
        "r-repeat": "once",
        "r-date": date,
        "r-time": time,
        "r-by_email": "on",
        "r-idempotency_key": KEY,
    }


def _review(o):
    s = o["strategy_id"]
    return {
        f"used_{s}": "yes",
        f"helped_{s}": "yes",
        f"adjustment_{s}": "",
        f"new_description_{s}": "",
        "note": "",
        "next_review_on": "",
        "idempotency_key": KEY,
    }


FORMS = [
    CreateForm(
        "new client",
        Trajectory,
        lambda o: reverse("cases:client_new"),
        lambda o: {
            "display_name": "Sara",
            "email": "",
            "phone": "",
            "preferred_channel": "app",
            "preferred_language": "nl",
            "team": o["team_id"],
            "kind": "debt_counselling",
            "role": "debt_counsellor",
            "started_on": timezone.localdate().isoformat(),
            "idempotency_key": KEY,
        },
    ),
    CreateForm(
        "consent",
        Consent,
        lambda o: reverse("cases:consent_record", args=[o["trajectory_id"]]),
        lambda o: {"purpose": "research", "note": "", "idempotency_key": KEY},
    ),
    CreateForm(
        "personal link",
        ClientAccessLink,
        lambda o: reverse("accounts:client_link_create", args=[o["trajectory_id"]]),
        lambda o: {"send": "screen", "idempotency_key": KEY},
    ),
    CreateForm(
        "gate",
        GateConversation,
        lambda o: reverse("psychoeducation:gate", args=[o["trajectory_id"]]),
        lambda o: {
            "opening": "open_question",
            "experiences_stress": "no",
            "wants_to_talk": "",
            "acute_threat": "",
            "occasion_behaviour": "",
            "idempotency_key": KEY,
        },
    ),
    CreateForm(
        "strategy",
        ClientStrategy,
        lambda o: reverse("psychoeducation:strategies", args=[o["session_id"]]),
        lambda o: {
            "recognised_effect": o["recognised_id"],
            "description": "Briefje op de koelkast",
            "if_part": "",
            "then_part": "",
            "steps": "",
            "idempotency_key": KEY,
        },
    ),
    CreateForm(
        "review of strategies",
        StrategyReview,
        lambda o: reverse("psychoeducation:review", args=[o["session_id"]]),
        _review,
    ),
    CreateForm(
        "review prepared by the client",
        StrategyReview,
        lambda o: reverse("psychoeducation:client_review", args=[o["session_id"]]),
        _review,
        as_client=True,
    ),
    CreateForm(
        "goal plan",
        GoalPlan,
        lambda o: reverse("goals:plan_list", args=[o["trajectory_id"]]),
        lambda o: {"goal": "Rust in mijn geldzaken", "why": "", "idempotency_key": KEY},
    ),
    CreateForm(
        "small step",
        Step,
        lambda o: reverse("goals:plan_detail", args=[o["plan_id"]]),
        lambda o: {"action": "step", "text": "Post sorteren", "idempotency_key": KEY},
    ),
    CreateForm(
        "reward",
        Reward,
        lambda o: reverse("goals:plan_detail", args=[o["plan_id"]]),
        lambda o: {
            "action": "reward",
            "what": "Een film",
            "earned_when": "Na drie stappen",
            "step": "",
            "agreed": "on",
            "idempotency_key": KEY,
        },
    ),
    CreateForm(
        "goal review",
        GoalReview,
        lambda o: reverse("goals:plan_detail", args=[o["plan_id"]]),
        lambda o: {
            "action": "review",
            "went_well": "De post is open",
            "was_hard": "",
            "changes": "",
            "new_goal": "",
            "status": "active",
            "idempotency_key": KEY,
        },
    ),
    CreateForm(
        "executive-skills check",
        ExecutiveSkillCheck,
        lambda o: reverse("goals:skills_check", args=[o["trajectory_id"]]),
        lambda o: {"own_words": "Beginnen is moeilijk", "idempotency_key": KEY},
    ),
    CreateForm(
        "appointment",
        Appointment,
        lambda o: reverse("reminders:trajectory_reminders", args=[o["trajectory_id"]]),
        _appointment,
    ),
    CreateForm(
        "reminder",
        Reminder,
        lambda o: reverse("reminders:trajectory_reminders", args=[o["trajectory_id"]]),
        _reminder,
    ),
]
IDS = [f.name for f in FORMS]


@pytest.fixture
def setup(world):
    effect = StressEffect.objects.create(code="vergeten", text_nl="Veel vergeten")
    data = _client_world(world.traj_a, world.pro_a, effect)
    ids = data["ids"] | {"team_id": world.team_a.pk}
    ids["recognised_id"] = ClientStrategy.objects.get(pk=ids["strategy_id"]).recognised_effect_id
    return world, ids


def _signed_in(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def _answers_once(form: CreateForm, responses, before: int) -> None:
    assert [r.status_code for r in responses] == [302, 302], form.name
    assert responses[0]["Location"] == responses[1]["Location"], form.name
    assert form.model.objects.count() == before + 1, form.name


@pytest.mark.django_db
@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_double_submit_makes_one(setup, form):
    world, ids = setup
    user = world.traj_a.client.user if form.as_client else world.pro_a
    browser = _signed_in(user)
    before = form.model.objects.count()
    url, data = form.url(ids), form.data(ids)
    responses = [browser.post(url, data), browser.post(url, data)]
    _answers_once(form, responses, before)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_two_submits_at_the_same_moment_make_one(setup, form):
    if connection.vendor != "postgresql":
        pytest.skip("two writers at the same moment need PostgreSQL (SQLite locks the file)")
    world, ids = setup
    user = world.traj_a.client.user if form.as_client else world.pro_a
    before = form.model.objects.count()
    url, data = form.url(ids), form.data(ids)
    barrier = threading.Barrier(2)
    responses: list = [None, None]
    errors: list[BaseException] = []

    def submit(index: int) -> None:
        try:
            browser = _signed_in(user)  # this thread's own database connection
            barrier.wait(timeout=10)
            responses[index] = browser.post(url, data)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    _answers_once(form, responses, before)


def _move_request(ids):
    url = reverse("reminders:appointment_move_request", args=[ids["appointment_id"]])
    return url, {"message": "Dinsdagmiddag past beter"}


def _move_requests_logged() -> int:
    return AccessLogEntry.objects.filter(event="appointment.move_request").count()


@pytest.mark.django_db
def test_a_move_request_sent_twice_is_recorded_once(setup):
    world, ids = setup
    browser = _signed_in(world.traj_a.client.user)
    url, data = _move_request(ids)
    responses = [browser.post(url, data), browser.post(url, data)]
    assert [r.status_code for r in responses] == [302, 302]
    assert _move_requests_logged() == 1
    assert Appointment.objects.get(pk=ids["appointment_id"]).move_request == data["message"]


@pytest.mark.django_db(transaction=True)
def test_a_move_request_sent_twice_at_the_same_moment_is_recorded_once(setup):
    if connection.vendor != "postgresql":
        pytest.skip("two writers at the same moment need PostgreSQL (SQLite locks the file)")
    world, ids = setup
    url, data = _move_request(ids)
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def submit() -> None:
        try:
            browser = _signed_in(world.traj_a.client.user)
            barrier.wait(timeout=10)
            statuses.append(browser.post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [302, 302]
    assert _move_requests_logged() == 1
