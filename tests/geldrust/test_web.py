"""The check in the browser-less web flow: anonymous, inside a trajectory, by the client alone;
scheme to step with a reminder; outcomes; printout; access rules; the API and the command."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.geldrust import services
from doenvermogen.geldrust.models import MoneyCheck, SchemeOutcome, Screening
from doenvermogen.geldrust.selectors import team_money_overview
from doenvermogen.goals.models import Step
from doenvermogen.reminders.models import Reminder

NOOR_STEPS = [
    {"municipality": "voorbeeldgemeente", "year": "2026"},
    {"partner": "no", "children": "1"},
    {"age": "35", "child_age_1": "7"},
    {"income": "24000"},
    {"wealth": "0"},
    {"renting": "yes"},
    {"rent": "780"},
    {"housemates": "0"},
]
NOOR_JSON = {
    "year": 2026,
    "municipality": "voorbeeldgemeente",
    "adults": [{"age": 35, "income_year": 24000, "wealth": 0}],
    "children": [{"age": 7}],
    "rent_month": 780,
    "service_costs_month": 40,
}


def _state(response) -> tuple[str, str]:
    html = response.content.decode()
    state = re.search(r'name="state" value="([^"]*)"', html).group(1)
    step = re.search(r'name="step" value="(\d+)"', html)
    return state, step.group(1) if step else "0"


def walk(client, url, steps, *, keep=None):
    response = client.get(url)
    assert response.status_code == 200
    for answers in steps + ([{"keep": keep}] if keep else []):
        state, step = _state(response)
        response = client.post(url, {"state": state, "step": step, "go": "next", **answers})
    return response


@pytest.mark.django_db
def test_anonymous_check_shows_amounts_and_keeps_nothing(client):
    response = walk(client, "/geldrust/check/", NOOR_STEPS)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zorgtoeslag" in html and "€ 129" in html and "€ 463" in html and "€ 499" in html
    assert "voorbeeldgemeente" in html.lower()
    assert MoneyCheck.objects.count() == 0


@pytest.mark.django_db
def test_a_question_left_empty_asks_again_and_keeps_what_was_typed(client):
    response = walk(client, "/geldrust/check/", NOOR_STEPS[:3])
    state, step = _state(response)
    response = client.post(
        "/geldrust/check/", {"state": state, "step": step, "go": "next", "income": ""}
    )
    html = response.content.decode()
    assert "weet ik niet" in html.lower()
    assert 'name="step" value="3"' in html
    response = client.post(
        "/geldrust/check/", {"state": state, "step": step, "go": "next", "income": "-5"}
    )
    assert 'value="-5"' in response.content.decode()


@pytest.mark.django_db
def test_i_dont_know_everywhere_gives_maybe(client):
    steps = [
        NOOR_STEPS[0],
        NOOR_STEPS[1],
        {"age_unknown": "on", "child_ages_unknown": "on"},
        {"income_unknown": "on"},
        {"wealth_unknown": "on"},
        {"renting": "yes"},
        {"rent_unknown": "on"},
        {"housemates": "1", "housemates_income_unknown": "on"},
    ]
    html = walk(client, "/geldrust/check/", steps).content.decode()
    assert "Misschien" in html
    assert "Het hangt nog af van" in html


@pytest.mark.django_db
def test_questions_that_change_nothing_are_not_asked(client):
    response = walk(client, "/geldrust/check/", NOOR_STEPS[:2])
    html = response.content.decode()
    assert "child_age_1" in html and "partner_age" not in html
    response = walk(client, "/geldrust/check/", [NOOR_STEPS[0], {"partner": "no", "children": "0"}])
    html = response.content.decode()
    assert "child_age" not in html
    assert "service" not in html  # service costs do not count in 2026: never asked
    steps = [NOOR_STEPS[0], {"partner": "no", "children": "0"}, {"age": "40"}, {"income": "0"}]
    response = walk(client, "/geldrust/check/", [*steps, {"wealth": "0"}, {"renting": "no"}])
    html = response.content.decode()
    assert "Uitkomst van de geldcheck" in html  # not renting: no rent question, straight on
    assert 'name="rent"' not in html


@pytest.mark.django_db
def test_trajectory_check_with_consent_step_and_reminder(client, world):
    client.force_login(world.pro_a)
    url = f"/geldrust/trajectories/{world.traj_a.pk}/check/"
    response = walk(client, url, NOOR_STEPS, keep="yes")
    check = MoneyCheck.objects.get()
    assert response.status_code == 302 and response.url == f"/geldrust/checks/{check.pk}/"
    assert check.trajectory == world.traj_a and check.total_month > 1000
    assert AccessLogEntry.objects.filter(object_type="money_check", action="create").count() == 1
    page = client.get(response.url).content.decode()
    assert "Huurtoeslag" in page and "met een herinnering" in page
    outcome = check.outcomes.get(scheme_code="huurtoeslag")
    client.post(f"/geldrust/outcomes/{outcome.pk}/step/")
    client.post(f"/geldrust/outcomes/{outcome.pk}/step/")  # a double click makes one step
    step = Step.objects.get()
    assert step.text.startswith(
        "Huurtoeslag aanvragen (uiterlijk 1 september 2027). Neem mee: DigiD"
    )
    assert step.due_on is not None
    reminder = Reminder.objects.get()
    assert reminder.step == step and reminder.trajectory == world.traj_a
    outcome.refresh_from_db()
    assert outcome.step == step


@pytest.mark.django_db
def test_without_consent_nothing_is_kept(client, world):
    client.force_login(world.pro_a)
    response = walk(
        client, f"/geldrust/trajectories/{world.traj_a.pk}/check/", NOOR_STEPS, keep="no"
    )
    assert response.status_code == 200 and "€ 463" in response.content.decode()
    assert MoneyCheck.objects.count() == 0


@pytest.mark.django_db
def test_another_team_cannot_see_or_change_a_check(client, world):
    check = services.money_check_create(
        trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
    )
    outcome = check.outcomes.first()
    client.force_login(world.pro_b)
    assert client.get(f"/geldrust/checks/{check.pk}/").status_code == 404
    assert client.post(f"/geldrust/outcomes/{outcome.pk}/step/").status_code == 404
    assert client.get(f"/geldrust/trajectories/{world.traj_a.pk}/check/").status_code == 404
    assert Step.objects.count() == 0


@pytest.mark.django_db
def test_check_is_not_kept_without_consent_by_the_service(world):
    with pytest.raises(services.ConsentMissing):
        services.money_check_create(
            trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=False
        )


@pytest.mark.django_db
def test_bad_household_saves_nothing(world):
    from doenvermogen.geldrust.rules import HouseholdError

    with pytest.raises(HouseholdError):
        services.money_check_create(
            trajectory=world.traj_a,
            author=world.pro_a,
            household={**NOOR_JSON, "rent_month": 0},
            consent=True,
        )
    assert MoneyCheck.objects.count() == 0 and SchemeOutcome.objects.count() == 0


@pytest.mark.django_db
def test_client_does_the_check_alone_and_records_an_outcome(client, world):
    client.force_login(world.traj_a.client.user)
    response = walk(client, "/geldrust/my/check/", NOOR_STEPS, keep="yes")
    check = MoneyCheck.objects.get()
    assert check.done_by_client and response.url == f"/geldrust/my/checks/{check.pk}/"
    own = client.get("/me/").content.decode() if client.get("/me/").status_code == 200 else ""
    outcome = check.outcomes.get(scheme_code="zorgtoeslag")
    client.post(
        f"/geldrust/outcomes/{outcome.pk}/outcome/", {"outcome": "granted", "granted_month": "129"}
    )
    outcome.refresh_from_db()
    assert (outcome.outcome, outcome.granted_month) == ("granted", 129)
    assert own == "" or "Geld" in own


@pytest.mark.django_db
def test_a_client_cannot_touch_another_clients_outcome(client, world):
    check = services.money_check_create(
        trajectory=world.traj_b, author=world.pro_b, household=NOOR_JSON, consent=True
    )
    outcome = check.outcomes.first()
    client.force_login(world.traj_a.client.user)
    response = client.post(f"/geldrust/outcomes/{outcome.pk}/outcome/", {"outcome": "refused"})
    assert response.status_code == 404
    outcome.refresh_from_db()
    assert outcome.outcome == "open"
    assert client.get(f"/geldrust/my/checks/{check.pk}/").status_code == 404


@pytest.mark.django_db
def test_printout_is_an_a4_pdf_with_the_schemes(client, world):
    check = services.money_check_create(
        trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
    )
    client.force_login(world.pro_a)
    response = client.get(f"/geldrust/checks/{check.pk}/print/")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Zorgtoeslag" in text and "Huurtoeslag" in text and "€ 1.116" in text
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert round(float(width)) == 595 and round(float(height)) == 842
    assert AccessLogEntry.objects.filter(object_type="money_check", action="print").exists()


@pytest.mark.django_db
def test_anonymous_printout(client):
    response = walk(client, "/geldrust/check/", NOOR_STEPS)
    state, _ = _state(response)
    pdf = client.post("/geldrust/check/print/", {"state": state})
    assert pdf["Content-Type"] == "application/pdf"
    assert client.post("/geldrust/check/print/", {"state": "forged"}).status_code == 404


@pytest.mark.django_db
def test_api_answers_the_issue_json(client):
    response = client.post(
        "/geldrust/api/check", json.dumps(NOOR_JSON), content_type="application/json"
    )
    data = response.json()
    codes = {s["code"]: s for s in data["schemes"]}
    assert {"zorgtoeslag", "huurtoeslag", "kindgebonden_budget", "kinderbijslag"} <= set(codes)
    assert (
        codes["zorgtoeslag"]["amount_month"] == 129
        and codes["zorgtoeslag"]["status"] == "likely_yes"
    )
    assert all({"code", "status", "amount_month", "why"} <= set(s) for s in data["schemes"])
    assert "kwijtschelding" in codes
    kinds = [route["kind"] for route in data["debt_routes"]]
    assert kinds == ["self_help", "volunteer", "social_work", "formal"]  # lightest help first


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({**NOOR_JSON, "adults": [{"income_year": -1}]}, "negatief"),
        ({**NOOR_JSON, "rent_month": 0}, "€ 0"),
        ({**NOOR_JSON, "children": [{"age": 1}] * 12}, "10 kinderen"),
        ({**NOOR_JSON, "year": 2031}, "2031"),
        ({**NOOR_JSON, "municipality": "atlantis"}, "De gemeente 'atlantis' kennen we niet"),
    ],
)
def test_api_bad_input_is_a_dutch_400(client, body, fragment):
    response = client.post("/geldrust/api/check", json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert fragment in response.json()["error"]["message"]


@pytest.mark.django_db
def test_api_not_json_and_openapi(client):
    assert (
        client.post("/geldrust/api/check", "{", content_type="application/json").status_code == 400
    )
    doc = client.get("/geldrust/api/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    schema = doc["paths"]["/check"]["post"]["responses"]["200"]["content"]["application/json"]
    assert "schemes" in schema["schema"]["properties"]


@pytest.mark.django_db
def test_command_prints_json(tmp_path, capsys):
    path = tmp_path / "noor.json"
    path.write_text(json.dumps(NOOR_JSON))
    out = io.StringIO()
    call_command("geldrust", "check", str(path), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert [s["code"] for s in data["schemes"]][:4] == [
        "zorgtoeslag",
        "huurtoeslag",
        "kindgebonden_budget",
        "kinderbijslag",
    ]


@pytest.mark.django_db
def test_command_bad_input_exits_2(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**NOOR_JSON, "year": 2027}))
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("geldrust", "check", str(path), stdout=out)
    assert exit_info.value.code == 2
    assert "Voor 2027 hebben we de rekenregels niet" in out.getvalue()


@pytest.mark.django_db
def test_team_counts_suppress_small_groups(world):
    services.money_check_create(
        trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
    )
    small = team_money_overview(user=world.lead_a)
    assert small.checks is None and small.missing == [] and small.suppressed
    for _ in range(4):
        services.money_check_create(
            trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
        )
    for outcome in SchemeOutcome.objects.filter(scheme_code="zorgtoeslag"):
        services.outcome_record(
            outcome=outcome, author=world.pro_a, result="granted", granted_month=129
        )
    big = team_money_overview(user=world.lead_a)
    assert big.checks == 5 and big.granted == 5 and big.granted_month == 5 * 129
    # most often missing first; equal counts by name (the same order every time)
    assert big.missing == sorted(big.missing, key=lambda row: (-row[1], row[0]))
    assert len(big.missing) == 6 and {n for _name, n in big.missing} == {5}
    assert ("Huurtoeslag", 5) in big.missing
    other = team_money_overview(user=world.pro_b)
    assert other.checks is None  # leads no team: sees nothing


@pytest.mark.django_db
def test_team_meeting_page_includes_the_money_section(client, world):
    client.force_login(world.lead_a)
    html = client.get("/psychoeducation/team-meeting/").content.decode()
    assert "Geldrust" in html or "geld" in html.lower()
    assert "minder dan 5" in html or "fewer than 5" in html


@pytest.mark.django_db
def test_screening_counts_without_a_name_and_suggests_a_route(client, world):
    client.force_login(world.pro_a)
    response = client.post(
        "/geldrust/screening/", {"worries": "yes", "arrears": "yes", "wants_help": "yes"}
    )
    html = response.content.decode()
    screening = Screening.objects.get()
    assert screening.route == "formal" and screening.team == world.team_a
    assert "Schuldhulpverlening" in html
    assert not hasattr(screening, "client")


@pytest.mark.django_db
def test_sections_on_trajectory_and_client_page(client, world):
    services.money_check_create(
        trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
    )
    client.force_login(world.pro_a)
    html = client.get(f"/trajectories/{world.traj_a.pk}/").content.decode()
    assert f"/geldrust/trajectories/{world.traj_a.pk}/check/" in html
    client.force_login(world.traj_a.client.user)
    html = client.get("/me/").content.decode()
    assert "/geldrust/my/check/" in html


@pytest.mark.django_db
def test_client_prints_own_check_and_team_lead_sees_team_page(client, world):
    check = services.money_check_create(
        trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
    )
    client.force_login(world.traj_a.client.user)
    pdf = client.get(f"/geldrust/my/checks/{check.pk}/print/")
    assert pdf["Content-Type"] == "application/pdf"
    client.force_login(world.lead_a)
    assert "minder dan 5" in client.get("/geldrust/team/").content.decode()
    client.force_login(world.pro_a)
    assert client.get("/geldrust/team/").status_code == 404  # not a team lead
    assert "Geldcheck" in client.get("/clients/").content.decode()  # in the menu
