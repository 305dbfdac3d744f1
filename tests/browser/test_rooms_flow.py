"""Consultation rooms in a real browser: a team lead places furniture with the keyboard only, on
the SVG plan (arrow keys, R, Enter) and through the form; a suggestion is applied; axe-core runs on
the plan page at desktop and phone sizes."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from doenvermogen.rooms import demo
from doenvermogen.rooms.models import Placement, Room

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}


def _demo_room(world) -> Room:
    demo.load(
        SimpleNamespace(
            organisation=world.org, teams={"debt": world.team_a}, users={"ingrid": world.lead_a}
        )
    )
    return Room.objects.get(name=demo.ROOM_NAME)


def _tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab until the element matching ``selector`` has the focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_team_lead_places_furniture_with_the_keyboard_only(
    world, signed_in_page, assert_no_axe_violations
):
    room = _demo_room(world)
    cabinet = Placement.objects.get(version__room=room, furniture__code="kast-laag")
    page = signed_in_page(world.lead_a)
    page.goto(f"/rooms/{room.pk}/")
    expect(page.locator("h1")).to_have_text("Spreekkamer 2")
    expect(page.locator(".dv-room-checks__mark")).to_have_count(3)
    assert_no_axe_violations(page)

    # On the plan: Tab to the cabinet, 5 × ArrowDown (5 cm each), Enter saves.
    _tab_to(page, f"[data-placement='{cabinet.pk}']")
    for _ in range(5):
        page.keyboard.press("ArrowDown")
    expect(page.locator("#plan-status")).to_contain_text("y 420 cm")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".utrecht-alert")).to_contain_text("is bewaard")
    cabinet.refresh_from_db()
    assert (cabinet.x_cm, cabinet.y_cm) == (23, 420)
    expect(page.locator(".dv-room-checks__mark")).to_have_count(2)  # the connecting door is free

    # Turn it with R (and Shift+arrow for 1 cm steps), then save with Enter.
    _tab_to(page, f"[data-placement='{cabinet.pk}']")
    page.keyboard.press("r")
    page.keyboard.press("Shift+ArrowRight")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".utrecht-alert")).to_contain_text("is bewaard")
    cabinet.refresh_from_db()
    assert (cabinet.x_cm, cabinet.rotation) == (24, 180)

    # Through the form, still keyboard only: a floor lamp at x 320, y 300.
    _tab_to(page, "select[name=furniture]")
    page.keyboard.type("Sfeerlamp")
    _tab_to(page, "#add-section input[name=x_cm]")
    page.keyboard.type("320")
    page.keyboard.press("Tab")
    page.keyboard.type("300")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".utrecht-alert")).to_contain_text("staat erin")
    lamp = Placement.objects.get(version__room=room, furniture__code="sfeerlamp")
    assert (lamp.x_cm, lamp.y_cm) == (320, 300)

    # Apply the first suggestion with the keyboard: a new version is made.
    _tab_to(page, "#suggestions-section button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".utrecht-alert")).to_contain_text("Versie 2 is gemaakt")
    assert room.versions.count() == 2
    assert_no_axe_violations(page)


def test_team_lead_drags_furniture_with_the_mouse(world, signed_in_page):
    room = _demo_room(world)
    cabinet = Placement.objects.get(version__room=room, furniture__code="kast-laag")
    page = signed_in_page(world.lead_a)
    page.goto(f"/rooms/{room.pk}/")
    item = page.locator(f"[data-placement='{cabinet.pk}']")
    box = item.bounding_box()
    scale = box["height"] / 100  # the cabinet stands on its side: 100 cm from top to bottom
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x, y + 30 * scale, steps=5)
    page.mouse.move(x, y + 60 * scale, steps=5)
    with page.expect_navigation():
        page.mouse.up()
    expect(page.locator(".utrecht-alert")).to_contain_text("is bewaard")
    cabinet.refresh_from_db()
    assert cabinet.x_cm == 23 and 450 <= cabinet.y_cm <= 460  # about 60 cm down, in 5 cm steps


def test_plan_page_passes_axe_on_a_phone(world, signed_in_page, assert_no_axe_violations):
    room = _demo_room(world)
    page = signed_in_page(world.lead_a, viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(f"/rooms/{room.pk}/")
    expect(page.locator("svg#plan")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width} px)"
    assert_no_axe_violations(page)
    page.goto(f"/rooms/{room.pk}/vergelijk/")
    assert_no_axe_violations(page)
    page.goto(f"/rooms/vragenlijst/{room.survey_token}/")
    expect(page.locator("h1")).to_have_text(re.compile("Hoe was het"))
    assert_no_axe_violations(page)
