"""Single sign-on against a real OpenID Connect provider (tests/sso/idp in its own process)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.db import connection
from django.urls import reverse

from doenvermogen.accounts.models import Membership, User
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.sso.bsn import bsn_hash, bsn_is_valid
from doenvermogen.sso.discovery import discover
from doenvermogen.sso.models import (
    ClientIdentity,
    IdentityProvider,
    OrganisationMapping,
    RoleMapping,
    StaffIdentity,
)
from tests.sso.conftest import oidc_dance

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make):
    return make.organisation("Gemeente Test")


@pytest.fixture
def team(make, org):
    return make.team(org, "Wijkteam Noord")


@pytest.fixture
def staff_provider(idp, org, team):
    provider = IdentityProvider.objects.create(
        name="Test-IdP",
        slug="test-idp",
        enabled=True,
        issuer=idp,
        client_id="doenvermogen",
        client_secret="test-secret",
        password_roles=["administrator"],
        **discover(idp),
    )
    OrganisationMapping.objects.create(
        provider=provider, claim_value="gemeente-test", organisation=org
    )
    RoleMapping.objects.create(
        provider=provider,
        claim_value="doenvermogen-professional",
        role=Membership.Role.PROFESSIONAL,
        team=team,
    )
    return provider


@pytest.fixture
def digid_provider(idp, org):
    return IdentityProvider.objects.create(
        name="DigiD (test-broker)",
        slug="digid",
        purpose=IdentityProvider.Purpose.CLIENT,
        organisation=org,
        enabled=True,
        issuer=idp,
        client_id="doenvermogen",
        client_secret="test-secret",
        scopes="openid",
        **discover(idp),
    )


def test_discovery_fills_every_endpoint(idp):
    found = discover(idp)
    assert found["token_endpoint"] == idp + "/token/"
    assert found["jwks_endpoint"].endswith("/jwks.json")
    assert found["end_session_endpoint"] == idp + "/logout/"


def test_staff_member_signs_in_and_gets_the_mapped_role(client, staff_provider, team):
    response = oidc_dance(client, "/sso/test-idp/", "fatima", "fatima-idp-pass")
    assert response.status_code == 302 and response["Location"] == reverse("ui:home")
    user = User.objects.get(email="fatima@wijkteam.example")
    assert user.name == "Fatima el Amrani"
    assert not user.has_usable_password()
    assert list(user.memberships.values_list("role", "team")) == [("professional", team.pk)]
    assert StaffIdentity.objects.filter(provider=staff_provider, user=user).exists()
    assert int(client.session["_auth_user_id"]) == user.pk
    # The sign-in page now offers the button.
    client.logout()
    page = client.get(reverse("accounts:login"))
    assert "/sso/test-idp/" in page.content.decode()


def test_second_sign_in_finds_the_same_account_and_resyncs_roles(client, staff_provider, team):
    oidc_dance(client, "/sso/test-idp/", "fatima", "fatima-idp-pass")
    user = User.objects.get(email="fatima@wijkteam.example")
    Membership.objects.create(user=user, organisation=team.organisation, role="researcher")
    client.logout()
    oidc_dance(client, "/sso/test-idp/", "fatima", "fatima-idp-pass")
    assert User.objects.filter(email="fatima@wijkteam.example").count() == 1
    assert set(user.memberships.values_list("role", flat=True)) == {"professional"}


def test_unknown_organisation_gets_no_account(client, staff_provider):
    response = oidc_dance(client, "/sso/test-idp/", "stranger", "stranger-idp-pass")
    assert response.status_code == 403
    assert "does not use doenvermogen" in response.content.decode() or "gebruikt doenvermogen" in (
        response.content.decode()
    )
    assert not User.objects.filter(email="someone@elsewhere.example").exists()
    assert "_auth_user_id" not in client.session


def test_unmapped_role_gets_no_account(client, staff_provider):
    response = oidc_dance(client, "/sso/test-idp/", "norole", "norole-idp-pass")
    assert response.status_code == 403
    assert not User.objects.filter(email="norole@wijkteam.example").exists()


def test_a_wrong_state_is_refused(client, staff_provider):
    def tamper(params):
        return {**params, "state": ["forged-state"]}

    response = oidc_dance(client, "/sso/test-idp/", "fatima", "fatima-idp-pass", tamper=tamper)
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_a_code_is_used_only_once(client, staff_provider):
    seen = {}

    def keep(params):
        seen.update(params)
        return params

    oidc_dance(client, "/sso/test-idp/", "fatima", "fatima-idp-pass", tamper=keep)
    client.logout()
    replay = client.get("/sso/callback/", {k: v[0] for k, v in seen.items()})
    assert replay.status_code == 403
    assert "_auth_user_id" not in client.session


def test_id_token_from_another_issuer_is_rejected(client, staff_provider):
    staff_provider.issuer = "http://127.0.0.1:1/o"
    staff_provider.save()
    response = oidc_dance(client, "/sso/test-idp/", "fatima", "fatima-idp-pass")
    assert response.status_code == 403
    assert not User.objects.filter(email="fatima@wijkteam.example").exists()


def test_id_token_for_another_client_is_rejected(client, staff_provider, monkeypatch):
    # The provider signs a token for audience "doenvermogen"; a relying party that expects another
    # audience must refuse it (the token exchange itself is done with the real client id).
    from doenvermogen.sso import backends

    original = backends.ProviderBackend._verify_jws

    def other_audience(self, payload, key):
        self.OIDC_RP_CLIENT_ID = "someone-else"
        return original(self, payload, key)

    monkeypatch.setattr(backends.ProviderBackend, "_verify_jws", other_audience)
    response = oidc_dance(client, "/sso/test-idp/", "fatima", "fatima-idp-pass")
    assert response.status_code == 403


def test_sign_out_also_at_the_provider(client, staff_provider):
    oidc_dance(client, "/sso/test-idp/", "fatima", "fatima-idp-pass")
    id_token = client.session["oidc_id_token"]
    response = client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session
    target = urlparse(response["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == staff_provider.end_session_endpoint
    params = parse_qs(target.query)
    assert params["id_token_hint"] == [id_token]
    # The provider accepts it and sends the browser back to our sign-in page.
    back = requests.get(response["Location"], allow_redirects=False)
    assert back.status_code == 302
    assert back.headers["Location"] == "http://testserver/accounts/login/"


def test_password_refused_for_roles_that_must_use_the_provider(client, make, staff_provider, team):
    professional = make.staff(team=team, password="a-long-password-1")
    response = client.post(
        reverse("accounts:login"),
        {"username": professional.email, "password": "a-long-password-1"},
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    admin = make.staff(
        role=Membership.Role.ADMINISTRATOR,
        organisation=team.organisation,
        password="a-long-password-2",
    )
    response = client.post(
        reverse("accounts:login"), {"username": admin.email, "password": "a-long-password-2"}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == admin.pk


def test_password_still_works_when_the_provider_is_switched_off(client, make, staff_provider, team):
    staff_provider.enabled = False
    staff_provider.save()
    professional = make.staff(team=team, password="a-long-password-1")
    response = client.post(
        reverse("accounts:login"),
        {"username": professional.email, "password": "a-long-password-1"},
    )
    assert response.status_code == 302
    assert client.get("/sso/test-idp/").status_code == 404


# --- Clients through DigiD via a broker -------------------------------------------------------


def test_client_signs_in_with_digid_after_the_professional_linked_the_bsn(
    client, make, digid_provider, team
):
    professional = make.staff(team=team)
    trajectory = make.trajectory(team=team, name="Noor", professional=professional)
    client.force_login(professional)
    page = client.get(reverse("cases:trajectory_detail", args=[trajectory.pk]))
    assert reverse("sso:digid_link", args=[trajectory.pk]) in page.content.decode()
    client.post(reverse("sso:digid_link", args=[trajectory.pk]), {"bsn": "111 222 333"})
    identity = ClientIdentity.objects.get(client=trajectory.client)
    assert identity.bsn_hash == bsn_hash("111222333") and "111222333" not in identity.bsn_hash
    assert AccessLogEntry.objects.filter(event="client.digid_link", client_id=trajectory.client_id)
    client.logout()

    assert "/sso/digid/" in client.get(reverse("sso:client_sign_in")).content.decode()
    response = oidc_dance(client, "/sso/digid/", "noor", "noor-digid-pass")
    assert response.status_code == 302 and response["Location"] == reverse("cases:my_page")
    trajectory.client.refresh_from_db()
    assert int(client.session["_auth_user_id"]) == trajectory.client.user_id
    assert "oidc_id_token" not in client.session
    assert client.get(reverse("cases:my_page")).status_code == 200
    assert AccessLogEntry.objects.filter(event="client.digid_sign_in").count() == 1
    # The number itself is nowhere in the database (sessions included).
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            assert "111222333" not in repr(cursor.fetchall()), table


def test_unknown_citizen_is_pointed_to_the_personal_link(client, digid_provider):
    response = oidc_dance(client, "/sso/digid/", "unknown-citizen", "citizen-pass")
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(kind=User.Kind.CLIENT).exists()


def test_an_invalid_bsn_is_not_linked(client, make, digid_provider, team):
    professional = make.staff(team=team)
    trajectory = make.trajectory(team=team, professional=professional)
    client.force_login(professional)
    response = client.post(
        reverse("sso:digid_link", args=[trajectory.pk]), {"bsn": "123456789"}, follow=True
    )
    assert not ClientIdentity.objects.exists()
    assert "BSN" in response.content.decode()


def test_the_eleven_test():
    assert bsn_is_valid("111222333") and bsn_is_valid("123456782")
    assert not bsn_is_valid("123456789") and not bsn_is_valid("000000000")
    assert not bsn_is_valid("12345") and not bsn_is_valid("abc")
    assert bsn_hash("111 222 333") == bsn_hash("111222333") != bsn_hash("123456782")
