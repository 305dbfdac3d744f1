"""The letter checker page in a real browser: paste, see marks and advice, follow a mark with
the keyboard; axe-core on the empty and the filled-in page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HARSH = (
    "Geachte heer/mevrouw,\n\nIndien u niet binnen 14 dagen betaalt, wordt de vordering uit "
    "handen gegeven aan de deurwaarder. Vergeet niet de incassokosten te betalen! Dit dient te "
    "geschieden ten behoeve van uw dossier.\n\nHoogachtend,\nAfdeling Debiteuren"
)


def test_letter_writer_checks_a_harsh_letter(
    world, signed_in_page, assert_no_axe_violations, settings
):
    # Fast and independent of Frog here; tests/letters_web has the Frog-backed page test.
    settings.LETTERS_ANALYZER = "simple"
    page = signed_in_page(world.pro_a)
    page.goto("/letters/")
    assert_no_axe_violations(page)
    page.locator("textarea[name=text]").fill(HARSH)
    page.locator("main button.utrecht-button--primary-action").click()
    expect(page.locator(".dv-letter__mark").first).to_be_visible()
    expect(page.locator(".dv-findings")).to_contain_text("deurwaarder")
    expect(page.locator("#east-heading")).to_be_visible()
    assert_no_axe_violations(page)
    mark_link = page.locator(".dv-letter__link").first
    target = mark_link.get_attribute("href")
    mark_link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.url.split('#')[0]}{target}")
