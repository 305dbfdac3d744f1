"""The self-scan, the private stress check-in, the team meeting and the client's research
questionnaire in a real browser, with axe-core on every page."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from doenvermogen.accounts.models import Membership
from doenvermogen.cases.models import Consent
from doenvermogen.cases.services import consent_record
from doenvermogen.research import services as research_services
from doenvermogen.research.models import Instrument, Measurement
from doenvermogen.selfscan import services
from doenvermogen.selfscan.models import ScanResponse, Statement, StressCheckIn

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("DV_SCREENSHOTS")


def _check(page, assert_no_axe_violations, name: str) -> None:
    page.wait_for_load_state()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/learning-{name}.png", full_page=True)
    assert_no_axe_violations(page)


def test_professional_fills_in_the_scan_and_the_team_sees_its_radar(
    world, make, signed_in_page, assert_no_axe_violations
):
    scan_round = services.round_create(team=world.team_a, author=world.lead_a, name="Najaar")
    for _ in range(4):
        person = make.staff(team=world.team_a, role=Membership.Role.PROFESSIONAL)
        services.response_submit(
            scan_round=scan_round,
            respondent=person,
            answers={s.pk: (1, "") for s in Statement.objects.filter(active=True)},
        )
    page = signed_in_page(world.pro_a)
    page.get_by_role("link", name="Zelfscan").first.click()
    _check(page, assert_no_axe_violations, "1-selfscan-home")
    page.locator(f"a[href='/selfscan/rounds/{scan_round.pk}/']").click()
    _check(page, assert_no_axe_violations, "2-selfscan-answer")
    groups = page.locator("fieldset")
    for i in range(groups.count()):
        groups.nth(i).locator("input[type=radio]").nth(3 if i else 2).check()
    page.locator("textarea").first.fill("We oefenen in het teamoverleg")
    page.get_by_role("button", name="Mijn antwoorden opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zelfscan Team A: Najaar")
    expect(page.locator("svg.dv-chart")).to_be_visible()
    expect(page.locator("main")).to_contain_text("5 mensen antwoordden")
    _check(page, assert_no_axe_violations, "3-selfscan-results")
    assert ScanResponse.objects.filter(round=scan_round).count() == 5
    page.get_by_role("link", name="Actieplan").first.click()
    page.get_by_label("Bouwsteen").select_option(label="Psycho-educatie")
    page.get_by_role("textbox", name="Wat we gaan doen").fill("Openingszinnen oefenen")
    page.get_by_label("Wanneer klaar").fill("2030-01-31")
    page.get_by_role("button", name="Toevoegen aan het plan").click()
    expect(page.locator("main table")).to_contain_text("Openingszinnen oefenen")
    _check(page, assert_no_axe_violations, "4-selfscan-plan")


def test_private_check_in_on_a_phone(world, signed_in_page, assert_no_axe_violations):
    page = signed_in_page(world.pro_a, viewport={"width": 375, "height": 667})
    page.goto("/selfscan/my-stress/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn stress: een check voor mezelf")
    for value in ("6", "3"):
        page.locator(f"input[name=thermometer][value='{value}']").check()
        page.locator("input[name=workload][value='3']").check()
        page.locator("input[name=support][value='4']").check()
        page.locator("input[name=appreciated][value='4']").check()
        page.get_by_role("button", name="Bewaren voor mezelf").click()
        expect(page.locator("main")).to_contain_text("Alleen jij ziet je antwoorden")
    expect(page.locator("svg.dv-chart")).to_be_visible()
    _check(page, assert_no_axe_violations, "5-checkin")
    assert list(StressCheckIn.objects.values_list("thermometer", flat=True)) == [3, 6]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width}px)"


def test_team_lead_opens_the_team_meeting_for_the_previous_quarter(
    world, signed_in_page, assert_no_axe_violations
):
    page = signed_in_page(world.lead_a)
    page.get_by_role("link", name="Teamoverleg").click()
    page.locator("select[name=period]").select_option("quarter")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"period=quarter"))
    expect(page.locator("main")).to_contain_text("Terugblikken per soort strategie")
    expect(page.get_by_role("link", name="Downloaden als CSV")).to_be_visible()
    _check(page, assert_no_axe_violations, "6-team-meeting")


def test_client_fills_in_the_research_questionnaire_on_a_phone(
    world, client_page, assert_no_axe_violations
):
    consent_record(
        client=world.traj_a.client,
        trajectory=world.traj_a,
        author=world.pro_a,
        purpose=Consent.Purpose.RESEARCH,
    )
    study = research_services.study_create(
        organisation=world.org,
        author=world.researcher,
        name="Studie",
        instrument_list=[Instrument.objects.get(code="grip_scale")],
    )
    research_services.participant_enrol(study=study, trajectory=world.traj_a, author=world.pro_a)
    page = client_page(world.traj_a.client)
    expect(page.locator("main")).to_contain_text("Vragen voor onderzoek")
    page.locator("details.dv-more summary").click()  # folded under "Meer voor jou"
    page.get_by_role("link", name="Grip op mijn situatie").click()
    _check(page, assert_no_axe_violations, "7-questionnaire")
    for name in page.locator("input[type=radio]").evaluate_all(
        "els => [...new Set(els.map(e => e.name))]"
    ):
        page.locator(f"input[name={name}][value='4']").check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator("main")).to_contain_text("Dank je wel!")
    assert Measurement.objects.get().filled_by == "client"
