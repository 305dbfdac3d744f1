"""A real OpenID Connect provider (django-oauth-toolkit, tests/sso/idp) in a second process on a
loopback port, and a helper that walks the whole authorization-code + PKCE dance with requests."""

from __future__ import annotations

import json
import socket
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import requests

from tests.sso.idp import run

IDP_USERS = {
    "fatima": {
        "password": "fatima-idp-pass",
        "claims": {
            "email": "fatima@wijkteam.example",
            "name": "Fatima el Amrani",
            "organisation": "gemeente-test",
            "roles": ["doenvermogen-professional"],
        },
    },
    "stranger": {
        "password": "stranger-idp-pass",
        "claims": {
            "email": "someone@elsewhere.example",
            "name": "Iemand Anders",
            "organisation": "unknown-org",
            "roles": ["doenvermogen-professional"],
        },
    },
    "norole": {
        "password": "norole-idp-pass",
        "claims": {
            "email": "norole@wijkteam.example",
            "name": "Zonder Rol",
            "organisation": "gemeente-test",
            "roles": ["payroll"],
        },
    },
    "noor": {
        "password": "noor-digid-pass",
        "claims": {"bsn": "111222333", "name": "N. Test"},
    },
    "unknown-citizen": {
        "password": "citizen-pass",
        "claims": {"bsn": "123456782"},
    },
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def idp(tmp_path_factory):
    """The issuer URL of a running test identity provider."""
    folder = tmp_path_factory.mktemp("idp")
    users_file = folder / "users.json"
    users_file.write_text(json.dumps(IDP_USERS), encoding="utf-8")
    port = _free_port()
    db_file = str(folder / "idp.sqlite3")
    with run.serving(port, str(users_file), db_file) as issuer:
        yield issuer


def oidc_dance(client, start_path: str, username: str, password: str, *, tamper=None):
    """Start at doenvermogen, sign in at the provider, come back: the response of the callback.

    ``client`` is Django's test client (doenvermogen); the browser side at the provider is a
    requests session. ``tamper`` may change the callback's query (e.g. a wrong state).
    """
    start = client.get(start_path)
    assert start.status_code == 302, start
    authorize_url = start["Location"]
    query = parse_qs(urlparse(authorize_url).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0]
    assert query["nonce"][0] and query["state"][0]
    browser = requests.Session()
    response = browser.get(authorize_url, allow_redirects=False)
    login_url = urljoin(authorize_url, response.headers["Location"])
    page = browser.get(login_url)
    assert page.ok
    response = browser.post(
        login_url,
        data={
            "csrfmiddlewaretoken": browser.cookies["idp_csrftoken"],
            "username": username,
            "password": password,
            "next": parse_qs(urlparse(login_url).query)["next"][0],
        },
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]
    response = browser.get(urljoin(login_url, response.headers["Location"]), allow_redirects=False)
    assert response.status_code == 302, response.text[:500]
    callback = urlparse(response.headers["Location"])
    assert callback.netloc == "testserver", callback
    params = parse_qs(callback.query)
    if tamper:
        params = tamper(params)
    return client.get(callback.path, {k: v[0] for k, v in params.items()})
