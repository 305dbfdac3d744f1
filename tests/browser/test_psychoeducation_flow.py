"""Psycho-education in a real browser: the gate and all four steps as a professional at a shared
screen, then a review filled in by the client on a phone. axe-core runs on every page."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from doenvermogen.psychoeducation.models import ClientStrategy, Review, Session

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("DV_SCREENSHOTS")  # a folder: save a screenshot of every page


def _check(page, assert_no_axe_violations, name: str) -> None:
    page.wait_for_load_state()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/pe-{name}.png", full_page=True)
    assert_no_axe_violations(page)


def test_professional_walks_gate_and_four_steps_then_client_reviews_on_phone(
    world, signed_in_page, client_page, assert_no_axe_violations
):
    traj = world.traj_a
    page = signed_in_page(world.pro_a)
    page.goto(f"/trajectories/{traj.pk}/")
    _check(page, assert_no_axe_violations, "0-trajectory")
    page.locator(f"a[href='/trajectories/{traj.pk}/psychoeducation/']").click()

    # The gate: the occasion phrase fills in the behaviour as it is typed.
    expect(page).to_have_url(re.compile(r"/psychoeducation/$"))
    page.locator("input[name=opening][value=occasion]").check()
    page.locator("input[name=occasion_behaviour]").fill("hun afspraak vergeten")
    expect(page.locator("#occasion-phrase")).to_contain_text("hun afspraak vergeten")
    page.locator("input[name=experiences_stress][value=yes]").check()
    page.locator("input[name=wants_to_talk][value=yes]").check()
    _check(page, assert_no_axe_violations, "1-gate")
    page.locator("main button.utrecht-button--primary-action").last.click()

    # Step 1: the talk chart, large, with the side panel for the professional.
    expect(page).to_have_url(re.compile(r"/explain/$"))
    expect(page.locator(".dv-talk-chart__effect")).to_have_count(12)
    expect(page.locator(".dv-present__panel")).to_be_visible()
    _check(page, assert_no_axe_violations, "2-explain")
    page.locator(".dv-present__next").click()

    # Step 2: tick with the keyboard and the mouse, add own words.
    expect(page).to_have_url(re.compile(r"/recognise/$"))
    first = page.locator("input[name=effects]").nth(8)  # "Veel vergeten"
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    page.get_by_text("Ik voel me continu gespannen.").click()
    page.locator("input[name=own_words_1]").fill("Ik open de post niet")
    _check(page, assert_no_axe_violations, "3-recognise")
    page.locator(".dv-present__next").click()

    expect(page).to_have_url(re.compile(r"/choose/$"))
    boxes = page.locator("input[name=chosen]")
    expect(boxes).to_have_count(3)
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.locator("main button.utrecht-button--primary-action").click()
    # The rules reminder was not ticked: the choice is kept and the page says what to do.
    expect(page.locator("#id_rules_explained-error")).to_be_visible()
    expect(page.locator("input[name=chosen]").nth(0)).to_be_checked()
    _check(page, assert_no_axe_violations, "4-choose-error")
    page.locator("input[name=rules_explained]").check()
    page.locator("main button.utrecht-button--primary-action").click()

    # Step 3, one chosen effect at a time: an idea card, own words, small steps, a reminder.
    expect(page).to_have_url(re.compile(r"/strategies/"))
    expect(page.locator("input[name=recognised_effect]")).to_have_count(1)
    _check(page, assert_no_axe_violations, "5-strategies")
    page.locator(".dv-idea-card", has_text="Herinneringen").locator("label").click()
    page.locator("input[name=description]").fill("Ik schrijf mijn afspraken in een agenda")
    page.locator("input[name=step_1]").fill("Agenda kopen")
    page.locator("input[name=step_2]").fill("Afspraken overschrijven")
    page.locator("main details summary", has_text="herinnering").click()
    page.locator("input[name=reminder_date]").fill("2099-01-05")
    page.locator("input[name=reminder_time]").fill("08:30")
    page.locator("select[name=reminder_repeat]").select_option("daily")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".dv-strategy").first).to_contain_text("agenda")
    page.get_by_role("link", name=re.compile("Volgend punt")).click()
    expect(page.locator(".dv-strategy")).to_have_count(0)  # the next point: its own screen
    page.locator("input[name=if_part]").fill("ik de post zie liggen")
    page.locator("input[name=then_part]").fill("bel ik mijn zus")
    page.locator("input[name=description]").fill("Samen met mijn zus de post openen")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.locator(".dv-strategy")).to_have_count(1)
    page.locator("form[action$='/strategies/done/'] button").click()

    # Summary: share with the client, with a review date.
    expect(page).to_have_url(re.compile(r"/summary/$"))
    page.locator("input[name=next_review_on]").fill("2099-02-01")
    page.locator("main button.utrecht-button--primary-action").last.click()
    _check(page, assert_no_axe_violations, "6-summary")
    session = Session.objects.get(trajectory=traj)
    assert session.shared_with_client_at is not None
    pdf = page.request.get(f"/psychoeducation/{session.pk}/chart.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    # The client on a phone: sees the plan, ticks a small step, fills in the review.
    phone = client_page(traj.client, author=world.pro_a)
    expect(phone.get_by_text("Ik schrijf mijn afspraken in een agenda")).to_be_visible()
    expect(phone.get_by_text("Ik open de post niet").first).to_be_visible()
    _check(phone, assert_no_axe_violations, "7-client-page")
    phone.locator(".dv-step__toggle").first.click()
    expect(phone.locator(".dv-step__toggle").first).to_have_attribute("aria-pressed", "true")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.locator(f"a[href='/me/psychoeducation/{session.pk}/review/']").click()
    strategy = ClientStrategy.objects.get(session=session, description__contains="agenda")
    phone.locator(f"input[name=used_{strategy.pk}][value=yes]").check()
    phone.locator(f"input[name=helped_{strategy.pk}][value=no]").check()
    phone.locator(f"input[name=adjustment_{strategy.pk}]").fill(
        "Ik vergeet in mijn agenda te kijken"
    )
    _check(phone, assert_no_axe_violations, "8-client-review")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.locator("main button.utrecht-button--primary-action").click()
    expect(phone).to_have_url(re.compile(r"/me/$"))
    assert Review.objects.filter(session=session, source="client").count() == 1

    # Step 4 with the professional: the client's answers are there; the strategy is adjusted.
    page.goto(f"/psychoeducation/{session.pk}/review/")
    expect(page.locator(f"input[name=adjustment_{strategy.pk}]")).to_have_value(
        "Ik vergeet in mijn agenda te kijken"
    )
    page.locator(f"input[name=new_description_{strategy.pk}]").fill(
        "Briefje op de koelkast: elke ochtend in mijn agenda kijken"
    )
    _check(page, assert_no_axe_violations, "9-review")
    page.locator("main button.utrecht-button--primary-action").last.click()
    expect(page).to_have_url(re.compile(rf"/trajectories/{traj.pk}/$"))
    page.locator("#psychoeducation details summary").click()
    expect(page.locator(".dv-timeline")).to_contain_text("koelkast")
    expect(page.locator(".dv-timeline")).to_contain_text("Ik schrijf mijn afspraken in een agenda")
    _check(page, assert_no_axe_violations, "10-timeline")
    current = ClientStrategy.objects.get(
        session=session, superseded_at__isnull=True, description__contains="koelkast"
    )
    assert current.replaces == strategy


def test_team_lead_sees_the_team_meeting_figures(world, signed_in_page, assert_no_axe_violations):
    from doenvermogen.psychoeducation import services

    services.gate_record(
        trajectory=world.traj_a, author=world.pro_a, experiences_stress="yes", wants_to_talk="yes"
    )
    page = signed_in_page(world.lead_a)
    page.get_by_role("link", name="Teamoverleg").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Teamoverleg: psycho-educatie")
    expect(page.locator("main")).not_to_contain_text("Noor")
    page.locator("select[name=period]").select_option("all")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"period=all"))
    _check(page, assert_no_axe_violations, "11-team-meeting")
