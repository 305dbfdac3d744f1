"""The demo's walk as `make run` sets it up: the demo data (with its switched-off local provider),
the test identity provider with the demo's users (tests/sso/idp/demo_users.json, as `make run`
starts it), the administrator switches the provider on and Fatima signs in through it.
axe-core checks our pages on the way."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from doenvermogen.sso.models import IdentityProvider
from tests.sso.idp import run

pytestmark = pytest.mark.browser

DEMO_USERS = str(Path(run.__file__).parent / "demo_users.json")


@pytest.fixture
def demo_idp(live_url, tmp_path):
    """The provider `make run` starts (demo users, the live server's callback)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    extra = {
        "DV_IDP_REDIRECT_URIS": f"{live_url}/sso/callback/",
        "DV_IDP_LOGOUT_URIS": f"{live_url}/accounts/login/",
    }
    db = str(tmp_path / "idp.sqlite3")
    with run.serving(port, DEMO_USERS, db, **extra) as issuer:
        yield issuer


def test_in_the_demo_the_administrator_switches_on_the_local_provider_and_fatima_signs_in(
    demo_idp, monkeypatch, _dv_new_page, assert_no_axe_violations
):
    monkeypatch.setenv("DEMO_IDP_ISSUER", demo_idp)
    call_command("load_catalogues", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    provider = IdentityProvider.objects.get(slug="lokaal")
    assert provider.issuer == demo_idp and not provider.enabled

    before = _dv_new_page()
    before.goto("/accounts/login/")
    expect(before.get_by_role("link", name=re.compile("Test-inlogdienst"))).to_have_count(0)

    admin = _dv_new_page()
    admin.goto("/accounts/login/")
    admin.locator("main input[name=username]").fill("beheer@demo.doenvermogen.nl")
    admin.locator("main input[name=password]").fill("demo-wachtwoord")
    admin.locator("main form button[type=submit]").click()
    admin.get_by_role("link", name="Inloggen").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_no_axe_violations(admin)
    section = admin.locator("section", has_text="Test-inlogdienst (lokaal)")
    section.get_by_role("button", name="Aanzetten").click()
    expect(admin.get_by_text("Test-inlogdienst (lokaal) staat aan.")).to_be_visible()

    page = _dv_new_page()
    page.goto("/accounts/login/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Inloggen met Test-inlogdienst (lokaal)").click()
    expect(page).to_have_url(re.compile(r"127\.0\.0\.1:\d+/login/"))
    page.get_by_label("Username").fill("fatima")
    page.get_by_label("Password").fill("fatima-idp")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/clients/$"))
    expect(page.get_by_role("link", name=re.compile("Noor")).first).to_be_visible()
    assert_no_axe_violations(page)
