"""The foundation in a real browser: sign in, my clients, a trajectory, a personal link, the
client's own page on a phone, language switch, the access log. axe-core checks every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from doenvermogen.accounts.models import Membership
from doenvermogen.audit.models import AccessLogEntry

pytestmark = pytest.mark.browser

PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def anna(world):
    """Professional Anna of team A, with a password, and two current clients: Noor and Sem."""
    world.pro_a.set_password(PASSWORD)
    world.pro_a.save()
    return world.pro_a


def test_professional_signs_in_through_the_form(page, live_url, anna, assert_no_axe_violations):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_no_axe_violations(page)

    page.get_by_label("E-mailadres").fill(anna.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()

    expect(page).to_have_url(re.compile(r"/clients/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn cliënten")
    expect(page.get_by_role("link", name="Noor")).to_be_visible()
    assert_no_axe_violations(page)


def test_failed_sign_in_keeps_the_email_and_says_what_to_do(
    page, live_url, anna, assert_no_axe_violations
):
    page.goto("/accounts/login/")
    page.get_by_label("E-mailadres").fill(anna.email)
    page.get_by_label("Wachtwoord").fill("niet-het-goede-wachtwoord")
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("alert")).to_contain_text("komen niet overeen")
    expect(page.get_by_label("E-mailadres")).to_have_value(anna.email)
    expect(page.get_by_label("Wachtwoord")).to_have_value("")
    assert_no_axe_violations(page)


def _skip_link_is_first_tab_stop_and_moves_focus_to_main(page) -> None:
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.text]")
    assert "utrecht-skip-link" in focused[0] and focused[1].strip() == "Naar de inhoud"
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_visible()  # visible on focus
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab stop comes after the header and its menu.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => !(document.querySelector('header')?.contains(document.activeElement) ?? false)"
    )


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(
    signed_in_page, client_page, world
):
    # (The sign-in page puts the focus in the e-mail field right away, so it starts there.)
    _skip_link_is_first_tab_stop_and_moves_focus_to_main(signed_in_page(world.pro_a))
    _skip_link_is_first_tab_stop_and_moves_focus_to_main(client_page(world.traj_a.client))


def test_my_clients_search_updates_the_list_in_place(
    signed_in_page, make, world, anna, assert_no_axe_violations
):
    make.trajectory(team=world.team_a, name="Sem", professional=anna)
    page = signed_in_page(anna)
    expect(page.get_by_role("link", name="Noor")).to_be_visible()
    expect(page.get_by_role("link", name="Sem")).to_be_visible()

    def htmx_list_update(response) -> bool:
        return "/clients/?" in response.url and bool(response.request.headers.get("hx-request"))

    with page.expect_response(htmx_list_update):
        page.get_by_label("Zoek op naam of team").press_sequentially("No")
    expect(page.get_by_role("link", name="Sem")).to_have_count(0)
    expect(page.get_by_role("link", name="Noor")).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=No"))  # the search can be bookmarked
    assert_no_axe_violations(page)

    page.get_by_label("Zoek op naam of team").fill("Zzz")
    expect(page.locator("#client-list")).to_contain_text("Geen cliënten gevonden")
    assert_no_axe_violations(page)

    page.get_by_label("Zoek op naam of team").fill("")
    expect(page.get_by_role("link", name="Sem")).to_be_visible()
    # The list is only about Anna's own team: Karel (team B) never shows up.
    expect(page.get_by_role("link", name="Karel")).to_have_count(0)


def test_trajectory_personal_link_and_the_clients_own_page_on_a_phone(
    signed_in_page, _dv_new_page, world, anna, assert_no_axe_violations
):
    page = signed_in_page(anna)
    page.get_by_role("link", name="Noor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Noor")
    expect(page.get_by_role("heading", name="Wie zijn betrokken")).to_be_visible()
    assert_no_axe_violations(page)
    # The folded-out forms (who is involved, consents) pass too.
    page.get_by_text("Toevoegen of wijzigen").click()
    page.get_by_text("Toestemming vastleggen").click()
    assert_no_axe_violations(page)

    # Record a consent.
    page.get_by_label("Waarvoor").select_option("psychoeducation")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("De toestemming is vastgelegd.")).to_be_visible()
    expect(page.get_by_text("praten over stress (psycho-educatie): gegeven op")).to_be_visible()
    assert_no_axe_violations(page)

    # Make a personal link with a QR code.
    page.get_by_role("button", name="Toon link en QR-code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Persoonlijke link voor Noor")
    expect(page.get_by_role("img", name="QR-code met de persoonlijke link")).to_be_visible()
    assert page.locator(".dv-qr svg").count() == 1
    url = page.get_by_test_id("client-link").inner_text().strip()
    assert url.startswith(page.url.split("/trajectories/")[0] + "/l/")
    assert_no_axe_violations(page)

    # The client opens the link on a phone.
    phone = _dv_new_page(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    phone.goto(url)
    expect(phone).to_have_url(re.compile(r"/me/$"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Hallo Noor")
    expect(phone.get_by_text("Dit is je eigen pagina.")).to_be_visible()
    # No sideways scrolling on a small phone.
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 375
    assert_no_axe_violations(phone)
    assert AccessLogEntry.objects.filter(
        client_id=world.traj_a.client_id, event="client.sign_in"
    ).exists()

    # Back on the professional's screen, the link is listed and can be revoked.
    page.get_by_role("link", name="Terug naar het traject").click()
    expect(page.get_by_role("heading", name="Gegeven links")).to_be_visible()
    page.get_by_role("button", name="Intrekken").first.click()
    expect(page.get_by_text("De link werkt niet meer.")).to_be_visible()
    assert_no_axe_violations(page)

    # A revoked link shows a calm page.
    phone.goto(url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet meer")
    assert_no_axe_violations(phone)


def test_clients_own_page_through_the_client_page_fixture(
    client_page, world, assert_no_axe_violations
):
    page = client_page(world.traj_a.client)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hallo Noor")
    expect(page.get_by_role("link", name="Mijn pagina")).to_be_visible()
    assert_no_axe_violations(page)
    # A client who tries a professional's page is sent back to their own page.
    page.goto(f"/trajectories/{world.traj_a.pk}/")
    expect(page).to_have_url(re.compile(r"/me/$"))


def test_language_switch_to_english_and_back(signed_in_page, anna, assert_no_axe_violations):
    page = signed_in_page(anna)
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("My clients")
    expect(page).to_have_url(re.compile(r"/clients/$"))  # stays on the same page
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Noor").click()
    expect(page.get_by_role("heading", name="Who is involved")).to_be_visible()

    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", name="Wie zijn betrokken")).to_be_visible()


def test_add_a_client_keeps_what_was_typed(signed_in_page, anna, assert_no_axe_violations):
    page = signed_in_page(anna)
    page.get_by_role("link", name="Cliënt toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cliënt toevoegen")
    assert_no_axe_violations(page)

    page.get_by_label("Naam waarmee de cliënt aangesproken wil worden").fill("Fenna")
    page.get_by_label("Hoe wil de cliënt van ons horen?").select_option("email")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Er is nog iets niet goed ingevuld")
    expect(page.get_by_text("Vul een e-mailadres in, of kies een andere manier")).to_be_visible()
    expect(page.get_by_label("Naam waarmee de cliënt aangesproken wil worden")).to_have_value(
        "Fenna"
    )
    assert_no_axe_violations(page)

    page.get_by_label("E-mailadres (niet verplicht)").fill("fenna@example.org")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fenna")
    expect(page.get_by_text("De cliënt is toegevoegd.")).to_be_visible()
    assert_no_axe_violations(page)


def test_administrator_searches_the_access_log_and_downloads_it(
    signed_in_page, make, world, assert_no_axe_violations
):
    admin = make.staff(
        role=Membership.Role.ADMINISTRATOR, organisation=world.org, password=PASSWORD
    )
    page = signed_in_page(admin, password=PASSWORD)  # through the real form
    expect(page.get_by_role("heading", level=1)).to_have_text("Toegangslog")
    assert_no_axe_violations(page)

    page.get_by_label("Naam van de cliënt").fill("Noor")
    page.get_by_role("main").get_by_role("button", name="Zoeken").click()
    download_link = page.get_by_role("link", name="Toegangslog downloaden (CSV)")
    expect(download_link).to_have_count(1)
    assert_no_axe_violations(page)

    with page.expect_download() as download_info:
        download_link.click()
    csv_text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0] == (
        "Wanneer;Wie;Rol;Cliënt;Wat gebeurde er;Welke gegevens;Nummer;Actie;Doel;Herkomst"
    )
    assert "verzoek om inzage" in csv_text and "exporteerde het toegangslog" in csv_text

    # A client of another organisation is not found.
    page.get_by_label("Naam van de cliënt").fill("Mila")
    page.get_by_role("main").get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("Geen cliënten gevonden.")).to_be_visible()


def test_not_found_page_for_another_teams_client(signed_in_page, world, assert_no_axe_violations):
    page = signed_in_page(world.pro_a)
    response = page.goto(f"/trajectories/{world.traj_b.pk}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We kunnen deze pagina niet vinden")
    assert_no_axe_violations(page)
