"""Standard letters in a real browser (issue 11 item 5): Fatima opens the team's "Herinnering
huurachterstand", sees it went from level 3 to level 1, opens it in the editor, follows a tip
with the keyboard, copies the text, edits it and saves a third version that the history shows.
axe-core on every page; phone width and desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def frozen_analysis(settings, monkeypatch):  # type: ignore[no-untyped-def]
    """The checker with Frog's frozen output, in the live server's process (no Frog needed)."""
    from doenvermogen.letters import services
    from doenvermogen.letters.analysis import FrozenAnalyzer
    from tests.letters.conftest import FROG_DIR

    class Frozen(FrozenAnalyzer):
        name = "frog-frozen"

        def __init__(self) -> None:
            super().__init__(FROG_DIR)

    settings.LETTERS_ANALYZER = "simple"
    monkeypatch.setattr(services, "SimpleAnalyzer", Frozen)


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_fatima_improves_the_team_s_standard_letter(
    world, make, signed_in_page, assert_no_axe_violations, frozen_analysis
):
    from doenvermogen.letters import demo
    from doenvermogen.letters.models import StandardLetter
    from tests.letters.fixture_texts import STANDARD_V3

    fatima = make.staff(team=world.team_a, name="Fatima Bakker")
    sanne = make.staff(team=world.team_a, name="Sanne Jansen")

    class Demo:
        teams = {"debt": world.team_a}
        users = {"fatima": fatima, "sanne": sanne}

    demo.load(Demo())
    letter = StandardLetter.objects.get(title=demo.TITLE)

    page = signed_in_page(fatima)
    page.goto("/letters/standard/")
    expect(page.get_by_role("link", name=demo.TITLE)).to_be_visible()
    expect(page.locator("main table")).to_contain_text("niveau 1")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=demo.TITLE).click()
    expect(page.locator("main")).to_contain_text("van niveau 3 naar niveau 1")
    expect(page.locator("#v1")).to_contain_text("Zoals de woonstichting hem stuurde")
    assert_no_axe_violations(page)

    # Version 1 in the editor: the hard sentences have tips, reachable with the keyboard.
    page.get_by_role("link", name="Open versie 1 in de briefchecker").click()
    expect(page.locator("#advice-heading")).to_be_visible()
    tip_link = page.locator(".dv-letter__tip").first
    target = tip_link.get_attribute("href")
    tip_link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.url.split('#')[0]}{target}")
    expect(page.locator(target)).to_contain_text("Niveau")
    assert_no_axe_violations(page)

    # Version 2 in the editor, copy, edit, save as version 3.
    page.goto(f"/letters/standard/{letter.pk}/version/2/edit/")
    expect(page.locator(".dv-letter")).to_contain_text("Wij hebben uw huur")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    copy = page.get_by_role("button", name="Kopieer de tekst")
    expect(copy).to_be_visible()
    copy.click()
    status = page.locator("[data-copy-status]")
    box = page.locator("textarea[name=text]")
    expect(status).to_have_text("De tekst is gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == box.input_value()
    # Without the Clipboard API and without execCommand's copy (an older browser, a page over
    # plain http): the whole text is selected in the box and the page says how to copy it.
    page.evaluate(
        "Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true});"
        "document.execCommand = () => false;"
    )
    copy.click()
    expect(status).to_have_text("De tekst is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C).")
    selection = page.evaluate(
        "(() => { const b = document.querySelector('textarea[name=text]');"
        " return [b.selectionStart, b.selectionEnd, document.activeElement === b]; })()"
    )
    assert selection == [0, len(box.input_value()), True]
    assert_no_axe_violations(page)
    box.fill(STANDARD_V3)
    page.get_by_label("Wat heb je veranderd? (mag leeg blijven)").fill("Telefoonnummer erbij")
    page.get_by_role("button", name="Bewaar als nieuwe versie").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("Versie 3 is bewaard.")
    expect(page.locator("#v3")).to_contain_text("Telefoonnummer erbij")
    expect(page.locator("#v3")).to_contain_text("Fatima Bakker")
    expect(page.locator("main")).to_contain_text("van niveau 3 naar niveau 1")
    assert list(letter.versions.values_list("number", flat=True)) == [1, 2, 3]
    assert letter.versions.get(number=3).text == STANDARD_V3.strip()
    assert_no_axe_violations(page)
    _fits(page, 1280)

    # Phone width: the list, the letter and the editor fit.
    page.set_viewport_size({"width": 375, "height": 667})
    for url in (
        "/letters/standard/",
        f"/letters/standard/{letter.pk}/",
        f"/letters/standard/{letter.pk}/version/3/edit/",
    ):
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
        _fits(page, 375)
    assert_no_axe_violations(page)


def test_another_team_does_not_see_the_letter(world, make, signed_in_page, frozen_analysis):
    from doenvermogen.letters import demo
    from doenvermogen.letters.models import StandardLetter

    class Demo:
        teams = {"debt": world.team_a}
        users = {"fatima": world.pro_a, "sanne": world.pro_a}

    demo.load(Demo())
    letter = StandardLetter.objects.get(title=demo.TITLE)
    page = signed_in_page(world.pro_b)
    page.goto("/letters/standard/")
    expect(page.locator("main")).to_contain_text("Je team heeft nog geen standaardbrieven.")
    response = page.goto(f"/letters/standard/{letter.pk}/")
    assert response.status == 404
