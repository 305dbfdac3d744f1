"""The browser fixtures themselves work: Chromium starts, static files load, sign-in both ways."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_static_files_are_served(page, live_url):
    page.goto("/accounts/login/")
    css = page.request.get(f"{live_url}/static/ui/dv.css")
    assert css.ok and "--dv-color-primary" in css.text()
    # The Utrecht CSS applied: the skip link is hidden until it gets focus.
    assert page.locator(".utrecht-skip-link").evaluate("e => getComputedStyle(e).position") in {
        "absolute",
        "fixed",
    }


def test_signed_in_page_with_session_and_form(world, make, signed_in_page):
    page = signed_in_page(world.pro_a)
    assert page.url.endswith("/clients/")
    user = make.staff(team=world.team_a, password="een-lang-wachtwoord")
    page = signed_in_page(user, password="een-lang-wachtwoord")
    assert page.url.endswith("/clients/")


def test_client_page_is_phone_sized(world, client_page):
    page = client_page(world.traj_a.client)
    assert page.viewport_size == {"width": 375, "height": 667}
    assert "Noor" in page.locator("h1").inner_text()


def test_axe_check_reports_violations_readably(page, live_url, assert_no_axe_violations):
    page.goto("/accounts/login/")
    page.evaluate(
        """() => {
        const img = document.createElement('img');
        img.src = 'data:,'; img.id = 'no-alt';
        document.querySelector('main').appendChild(img);
    }"""
    )
    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(page)
    message = str(failure.value)
    assert "image-alt" in message and "#no-alt" in message and "/accounts/login/" in message
