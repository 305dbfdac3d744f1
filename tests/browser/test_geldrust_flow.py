"""Geldrust in a real browser: Fatima does the money check with Noor (single, one child of 7,
rent 780, income 24,000), sees zorgtoeslag, huurtoeslag and kindgebonden budget with amounts and
'waarom', prints the overview, turns huurtoeslag into a step with a reminder; Noor sees it on her
phone. axe-core runs on every page."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from doenvermogen.geldrust.models import MoneyCheck
from doenvermogen.goals.models import Step
from doenvermogen.reminders.models import Reminder

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("GELDRUST_SCREENSHOTS", "")


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def _next(page):
    page.get_by_role("button", name=re.compile("Verder|Bekijk de uitkomst")).click()


def test_fatima_does_the_check_with_noor_and_noor_sees_the_step(
    world, signed_in_page, client_page, assert_no_axe_violations
):
    traj = world.traj_a
    page = signed_in_page(world.pro_a)
    page.goto(f"/trajectories/{traj.pk}/")
    page.get_by_role("link", name="Doe de geldcheck").click()
    expect(page.get_by_text("Vraag 1 van 9")).to_be_visible()
    assert_no_axe_violations(page)
    _shot(page, "1-place")
    _next(page)  # example municipality and this year are filled in already

    page.get_by_label("Nee").check()
    page.get_by_label("Hoeveel kinderen wonen bij je?").fill("1")
    _next(page)
    expect(page.get_by_label("Leeftijd van je partner")).to_have_count(0)
    page.get_by_label("Je leeftijd").fill("35")
    page.get_by_label("Leeftijd van kind 1").fill("7")
    assert_no_axe_violations(page)
    _next(page)
    _next(page)  # income left empty: asked again, nothing lost
    expect(page.locator(".utrecht-form-field-error-message").first).to_contain_text("Weet ik niet")
    page.get_by_label("Je bruto inkomen per jaar").fill("24000")
    _shot(page, "4-income")
    _next(page)
    page.get_by_label("Spaargeld en beleggingen op 1 januari").fill("0")
    _next(page)
    page.get_by_label("Ja").check()
    _next(page)
    page.get_by_label("Kale huur per maand").fill("780")
    _next(page)
    # Renting: who else lives there counts for huurtoeslag (Noor: nobody else, the default 0)
    expect(page.get_by_label("Hoeveel andere mensen wonen bij je?")).to_have_value("0")
    assert_no_axe_violations(page)
    _next(page)
    page.get_by_label("Ja, bewaar hem").check()
    assert_no_axe_violations(page)
    _next(page)

    expect(page).to_have_url(re.compile(r"/geldrust/checks/\d+/$"))
    main = page.locator("main")
    expect(main).to_contain_text("Zorgtoeslag")
    expect(main).to_contain_text("ongeveer € 129 per maand")
    expect(main).to_contain_text("ongeveer € 463 per maand")
    expect(main).to_contain_text("ongeveer € 499 per maand")
    expect(main).to_contain_text("Samen misschien € 1.116 per maand")
    for scheme, shown in [
        ("Zorgtoeslag", "Standaardpremie zorgtoeslag: € 2.119"),
        ("Huurtoeslag", "Basishuur (betaal je zelf): € 200,71 per maand"),
        ("Kindgebonden budget", "Het volle bedrag: € 5.996 per jaar"),
    ]:
        block = main.locator("li.dv-scheme").filter(
            has=page.get_by_role("heading", name=scheme, exact=True)
        )
        why = block.locator("details", has=page.locator("summary", has_text="Waarom?"))
        why.locator("summary").click()
        expect(why).to_contain_text(shown)
    assert_no_axe_violations(page)
    _shot(page, "8-result")

    check = MoneyCheck.objects.get(trajectory=traj)
    print_link = page.get_by_role("link", name="Print het overzicht (A4)")
    href = print_link.get_attribute("href")
    assert href == f"/geldrust/checks/{check.pk}/print/"
    pdf = page.request.get(href)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body()[:4] == b"%PDF"

    page.get_by_role("button", name="Maak van Huurtoeslag een stap met een herinnering").click()
    expect(main).to_contain_text("Stap toegevoegd met een herinnering")
    step = Step.objects.get(plan__trajectory=traj)
    assert Reminder.objects.filter(step=step).exists()
    assert_no_axe_violations(page)

    phone = client_page(traj.client, author=world.pro_a)
    expect(phone.locator("main")).to_contain_text("Huurtoeslag aanvragen (uiterlijk 1 september")
    assert_no_axe_violations(phone)
    _shot(phone, "9-phone")
    phone.locator("details.dv-more summary").click()  # folded under "Meer voor jou"
    phone.get_by_role("link", name="Bekijk mijn geldcheck").click()
    expect(phone.locator("main")).to_contain_text("ongeveer € 463 per maand")
    assert_no_axe_violations(phone)
    _shot(phone, "10-phone-check")


def test_anonymous_check_on_a_phone(page, live_url, assert_no_axe_violations):
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto("/geldrust/check/")
    assert_no_axe_violations(page)
    _next(page)
    page.get_by_label("Ja").check()
    _next(page)
    page.get_by_label("Zeg ik liever niet").check()
    page.get_by_label("Leeftijd van je partner").fill("40")
    _next(page)
    page.locator("input[name=income_unknown]").check()
    page.locator("input[name=partner_income_unknown]").check()
    _next(page)
    page.locator("input[name=wealth_unknown]").check()
    _next(page)
    page.get_by_label("Nee").check()
    _next(page)  # not renting: the rent and who else lives there are not asked
    expect(page.locator("main")).to_contain_text("Misschien")
    expect(page.locator("main")).to_contain_text("Van deze check bewaren we niets")
    assert_no_axe_violations(page)
    _shot(page, "anon-result")
    assert MoneyCheck.objects.count() == 0
