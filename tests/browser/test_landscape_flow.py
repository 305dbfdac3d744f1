"""Single sign-on in a real browser against a real OpenID Connect provider (tests/sso/idp, its own
process), the administrator's Sign-in and Privacy pages, and the client's "Your data" on a phone.
axe-core checks every page of ours."""

from __future__ import annotations

import json
import re
import socket

import pytest
from playwright.sync_api import expect

from doenvermogen.accounts.models import Membership
from doenvermogen.sso.models import IdentityProvider, OrganisationMapping, RoleMapping
from tests.sso.idp import run

pytestmark = pytest.mark.browser


@pytest.fixture
def live_idp(live_url, tmp_path):
    """A provider that knows the live server's callback address."""
    users = tmp_path / "users.json"
    users.write_text(
        json.dumps(
            {
                "fatima": {
                    "password": "fatima-idp",
                    "claims": {
                        "email": "fatima@example.org",
                        "name": "Fatima Bakker",
                        "organisation": "gemeente-a",
                        "roles": ["schuldhulp"],
                    },
                }
            }
        )
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    extra = {
        "DV_IDP_REDIRECT_URIS": f"{live_url}/sso/callback/",
        "DV_IDP_LOGOUT_URIS": f"{live_url}/accounts/login/",
    }
    db = str(tmp_path / "idp.sqlite3")
    with run.serving(port, str(users), db, **extra) as issuer:
        yield issuer


def test_administrator_switches_on_and_fatima_signs_in_through_the_provider(
    world, live_idp, signed_in_page, _dv_new_page, assert_no_axe_violations
):
    provider = IdentityProvider.objects.create(
        name="Test-inlogdienst",
        slug="test",
        issuer=live_idp,
        authorization_endpoint=f"{live_idp}/authorize/",
        token_endpoint=f"{live_idp}/token/",
        userinfo_endpoint=f"{live_idp}/userinfo/",
        jwks_endpoint=f"{live_idp}/.well-known/jwks.json",
        end_session_endpoint=f"{live_idp}/logout/",
        client_id="doenvermogen",
        client_secret="test-secret",
    )
    OrganisationMapping.objects.create(
        provider=provider, claim_value="gemeente-a", organisation=world.org
    )
    RoleMapping.objects.create(
        provider=provider,
        claim_value="schuldhulp",
        role=Membership.Role.PROFESSIONAL,
        team=world.team_a,
    )

    admin = signed_in_page(world.admin)
    admin.get_by_role("link", name="Inloggen").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_no_axe_violations(admin)
    admin.get_by_role("button", name="Aanzetten").click()
    expect(admin.get_by_text("Test-inlogdienst staat aan.")).to_be_visible()
    admin.get_by_role("link", name="Privacy").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Register van verwerkingen")
    assert_no_axe_violations(admin)

    page = _dv_new_page()
    page.goto("/accounts/login/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Inloggen met Test-inlogdienst").click()
    expect(page).to_have_url(re.compile(r"127\.0\.0\.1:\d+/login/"))
    page.get_by_label("Username").fill("fatima")
    page.get_by_label("Password").fill("fatima-idp")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/clients/$"))
    expect(page.get_by_text("Noor")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))


def test_client_downloads_their_data_on_a_phone(world, client_page, assert_no_axe_violations):
    page = client_page(world.traj_a.client)
    page.locator("details.dv-more summary").click()  # folded under "Meer voor jou"
    section = page.get_by_role("region", name="Uw gegevens")
    expect(section).to_be_visible()
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        section.get_by_role("link", name="Download als pdf").click()
    assert download.value.suggested_filename == "mijn-gegevens.pdf"
