"""The client's page on a phone (375x667) for the demo client: today first, what is coming
folded, then the plan, under 1,500 px; "Lees voor" with and without a Dutch voice; "Wie heeft
mijn gegevens bekeken?". And the professional's step 3 one effect at a time. axe on every page."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from doenvermogen.cases.models import Client
from doenvermogen.psychoeducation.models import Session

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("DV_SCREENSHOTS")  # a folder: save screenshots for docs/user-guide.md

FAKE_DUTCH_VOICE = """
(() => {
  const spoken = (window.__spoken = []);
  const voice = { lang: "nl-NL", name: "Test NL", localService: true, default: true };
  const synth = {
    getVoices: () => [voice],
    speak(u) {
      spoken.push(u.text);
      document.body.dataset.spoken = String(spoken.length);
      setTimeout(() => { u.onstart && u.onstart(); }, 0);
      setTimeout(() => { u.onend && u.onend(); }, spoken.length < 3 ? 150 : 60000);
    },
    cancel() {}, addEventListener() {}, onvoiceschanged: null,
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
})();
"""


@pytest.fixture
def noor(db):
    call_command("load_demo_data", verbosity=0)
    return Client.objects.get(display_name="Noor", organisation__name__contains="demo")


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_demo_clients_page_is_short_and_in_the_order_of_the_day(
    noor, client_page, assert_no_axe_violations
):
    phone = client_page(noor)
    headings = phone.locator("main h2").all_inner_texts()
    assert headings[:3] == ["Vandaag", "Wat komt er", "Mijn plan"], headings
    _shot(phone, "client-page")
    height = phone.evaluate("document.documentElement.scrollHeight")
    # About two phone screens. 1,500 px until "Vandaag" also listed the steps dated today (one
    # line each, cut with an ellipsis): Noor's demo has one, which made the page 1,500 px.
    assert height < 1550, f"the demo client's page is {height} px tall"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert phone.locator("main").inner_text().count("versie") == 0
    expect(phone.locator("details.dv-fold").first).not_to_have_attribute("open", "")
    assert_no_axe_violations(phone)
    phone.locator("details.dv-fold summary").first.click()
    expect(phone.locator("details.dv-fold").first).to_have_attribute("open", "")
    assert_no_axe_violations(phone)


def test_read_aloud_says_calmly_when_there_is_no_dutch_voice(noor, client_page):
    phone = client_page(noor)
    phone.add_init_script(
        "Object.defineProperty(window, 'speechSynthesis', "
        "{value: {getVoices: () => [], cancel() {}, speak() {}}})"
    )
    phone.reload()
    phone.get_by_role("button", name="Lees voor").click()
    expect(phone.locator(".dv-read-aloud__status")).to_contain_text("geen Nederlandse stem")


def test_read_aloud_reads_sentence_by_sentence_with_a_dutch_voice(
    noor, client_page, assert_no_axe_violations
):
    phone = client_page(noor)
    phone.add_init_script(FAKE_DUTCH_VOICE)
    phone.reload()
    button = phone.get_by_role("button", name="Lees voor")
    button.click()
    expect(phone.get_by_role("button", name="Stop met voorlezen")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(phone.locator("body")).to_have_attribute("data-spoken", "3")  # waits (CSP: no eval)
    spoken = phone.evaluate("window.__spoken")
    assert spoken[0] == "Hallo Noor" and "Lees voor" not in spoken
    assert all(len(s) < 200 for s in spoken)  # sentences, not the whole page at once
    marked = phone.evaluate(
        "CSS.highlights.has('dv-read') && [...CSS.highlights.get('dv-read')][0].toString()"
    )
    assert marked == spoken[-1]
    assert_no_axe_violations(phone)
    phone.get_by_role("button", name="Stop met voorlezen").click()
    expect(phone.get_by_role("button", name="Lees voor")).to_have_attribute("aria-pressed", "false")


def test_who_looked_at_my_data(noor, client_page, assert_no_axe_violations):
    phone = client_page(noor)
    phone.locator("details.dv-more summary").click()
    phone.get_by_role("link", name="Wie heeft mijn gegevens bekeken?").click()
    expect(phone.locator("h1")).to_have_text("Wie heeft mijn gegevens bekeken?")
    expect(phone.locator(".dv-who-looked__item").first).to_contain_text("Fatima")
    _shot(phone, "who-looked")
    assert_no_axe_violations(phone)


def test_step3_one_effect_at_a_time_for_the_guide(noor, signed_in_page, assert_no_axe_violations):
    from doenvermogen.accounts.models import User

    session = Session.objects.get(trajectory__client=noor)
    page = signed_in_page(User.objects.get(email__startswith="fatima"))
    page.goto(f"/psychoeducation/{session.pk}/strategies/")
    expect(page.locator("input[name=recognised_effect]")).to_have_count(1)
    expect(page.locator(".dv-effect-nav__item")).to_have_count(2)
    _shot(page, "step3")
    assert_no_axe_violations(page)
    page.locator("details.dv-abc__need summary").first.click()
    expect(page.locator("details.dv-abc__need").first).to_contain_text("geef de keuze terug")
