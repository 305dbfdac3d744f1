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


def test_letter_writer_edits_in_place(
    world, signed_in_page, assert_no_axe_violations, settings, monkeypatch
):
    """The editor: sentences coloured by level, the result follows the typing (htmx), before
    and after side by side; axe on the edited page."""
    from doenvermogen.letters import services
    from doenvermogen.letters.analysis import FrozenAnalyzer
    from tests.letters.conftest import FROG_DIR
    from tests.letters.fixture_texts import OUDEGRACHT, TEXTS

    class Frozen(FrozenAnalyzer):
        name = "frog-frozen"

        def __init__(self) -> None:
            super().__init__(FROG_DIR)

    settings.LETTERS_ANALYZER = "simple"
    monkeypatch.setattr(services, "SimpleAnalyzer", Frozen)
    page = signed_in_page(world.pro_a)
    page.goto("/letters/")
    page.locator("textarea[name=text]").fill(OUDEGRACHT)
    page.locator("main button.utrecht-button--primary-action").click()
    expect(page.locator(".dv-letter .dv-sentence--4").first).to_be_visible()
    assert_no_axe_violations(page)
    box = page.locator("textarea[name=text]")
    box.fill(TEXTS["short"])
    box.dispatch_event("input")
    expect(page.locator("#compare-heading")).to_be_visible(timeout=15000)
    expect(page.locator("#letter-result")).to_contain_text("Wij willen graag met u praten.")
    assert_no_axe_violations(page)
