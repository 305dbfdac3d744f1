"""The talk chart on steps 1 and 2 at a shared screen: wide beside the professional's panel on
tablets and desktops, with and without JavaScript; the "Full screen" button only with JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from doenvermogen.psychoeducation import services

pytestmark = pytest.mark.browser

VIEWPORTS = [(1024, 768), (1280, 900), (1920, 1080)]


@pytest.fixture
def session(world):
    gate = services.gate_record(
        trajectory=world.traj_a, author=world.pro_a, experiences_stress="yes", wants_to_talk="yes"
    )
    services.session_explained(session=gate.session, author=world.pro_a)
    return gate.session


def _boxes(page) -> dict:
    """Boxes measured by the browser (no page JavaScript needed, so it works with it off)."""
    return {
        name: page.locator(selector).bounding_box()
        for name, selector in [
            ("present", ".dv-present"),
            ("chart", ".dv-present__chart"),
            ("panel", ".dv-present__panel"),
        ]
    }


def _assert_chart_wide_beside_panel(page, where: str) -> None:
    b = _boxes(page)
    share = b["chart"]["width"] / b["present"]["width"]
    assert share >= 0.6, f"{where}: the chart takes {share:.0%} of the content width"
    chart_right = b["chart"]["x"] + b["chart"]["width"]
    assert b["panel"]["x"] >= chart_right, f"{where}: the panel is not beside the chart"
    assert abs(b["panel"]["y"] - b["chart"]["y"]) < 2, f"{where}: panel and chart not level"


@pytest.mark.parametrize("step", ["explain", "recognise"])
def test_talk_chart_is_wide_beside_the_panel(
    world, session, signed_in_page, assert_no_axe_violations, step
):
    page = signed_in_page(world.pro_a)
    for width, height in VIEWPORTS:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"/psychoeducation/{session.pk}/{step}/")
        expect(page.locator("[data-dv-present]")).to_be_visible()  # JavaScript on: the button
        _assert_chart_wide_beside_panel(page, f"{step} at {width}x{height}")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("step", ["explain", "recognise"])
def test_without_javascript_no_full_screen_button_and_the_chart_stays_wide(
    world, session, signed_in_page, step
):
    page = signed_in_page(
        world.pro_a, viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page.goto(f"/psychoeducation/{session.pk}/{step}/")
    expect(page.locator("[data-dv-present]")).to_be_hidden()
    _assert_chart_wide_beside_panel(page, f"{step} without JavaScript")
