"""The rules of Mozilla's HTTP Observatory (MDN Observatory, scoring as published in its
documentation: https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring), replayed
against the app with the production settings. Start at 100, subtract penalties, add bonuses only
when the score without them is at least 90. A+ is 100 or more.

Not replayed: HSTS preload (needs the public preload list) and subresource integrity (every script
is our own, served from our own origin: the rule gives 0 then).
"""

from __future__ import annotations

import importlib
import re
from http.cookies import Morsel

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from doenvermogen.clientaccess.services import client_link_create

STRONG_KEY = "k7Qw-2zP9xLr_4vN8sT1yB6mC3hJ0dF5gK2nR7uW9eA4iO1pX8q"
# Settings that only say where things are (database, queue, mail, files, apps) stay the test ones.
KEEP = {
    "INSTALLED_APPS",
    "DATABASES",
    "TASKS",
    "EMAIL_BACKEND",
    "STORAGES",
    "PASSWORD_HASHERS",
    "LOGGING",
    "ALLOWED_HOSTS",
    "STATIC_ROOT",
    "CLIENT_SESSIONS_REQUIRE_LINK",
}


@pytest.fixture
def production(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", STRONG_KEY)
    module = importlib.reload(importlib.import_module("doenvermogen.settings.production"))
    values = {
        name: getattr(module, name) for name in dir(module) if name.isupper() and name not in KEEP
    }
    with override_settings(**values):
        yield values


def _csp(header: str) -> dict[str, list[str]]:
    policy = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            policy[words[0].lower()] = [w.lower() for w in words[1:]]
    return policy


def score(*, http_response, https_responses, cookies: list[Morsel]) -> tuple[int, dict[str, int]]:
    """Apply the Observatory's tests; return the score and each test's modifier."""
    results: dict[str, int] = {}
    main = https_responses[0]

    # Content Security Policy
    header = main.get("Content-Security-Policy")
    if not header:
        results["csp"] = -25
    else:
        csp = _csp(header)
        scripts = csp.get("script-src", csp.get("default-src", []))
        styles = csp.get("style-src", csp.get("default-src", []))
        if "'unsafe-inline'" in scripts or any(s in scripts for s in ("data:", "*", "http:")):
            results["csp"] = -20
        elif "'unsafe-eval'" in scripts or any(
            s.startswith("http:") for v in csp.values() for s in v
        ):
            results["csp"] = -10
        elif "'unsafe-inline'" in styles:
            results["csp"] = 0
        elif csp.get("default-src") == ["'none'"]:
            results["csp"] = 10
        else:
            results["csp"] = 0

    # Cookies
    session_names = {"sessionid"}
    if not cookies:
        results["cookies"] = 0
    elif any(c.key in session_names and not c["secure"] for c in cookies):
        results["cookies"] = -40
    elif any(not c["secure"] for c in cookies):
        results["cookies"] = -20
    elif any(c.key in session_names and not c["httponly"] for c in cookies):
        results["cookies"] = -30
    elif any(
        c["samesite"] and c["samesite"].lower() not in {"lax", "strict", "none"} for c in cookies
    ):
        results["cookies"] = -20
    elif all(c["samesite"] for c in cookies):
        results["cookies"] = 5
    else:
        results["cookies"] = 0

    # Cross-origin resource sharing
    allow = main.get("Access-Control-Allow-Origin")
    results["cors"] = -50 if allow == "*" else 0

    # Redirection from HTTP to HTTPS on the same host first
    location = http_response.get("Location", "")
    if http_response.status_code not in (301, 302, 307, 308) or not location.startswith(
        "https://testserver/"
    ):
        results["redirection"] = -20
    else:
        results["redirection"] = 0

    # Referrer-Policy
    referrer = (main.get("Referrer-Policy") or "").lower()
    private = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    if not referrer:
        results["referrer-policy"] = 0
    elif referrer.split(",")[-1].strip() in private:
        results["referrer-policy"] = 5
    else:
        results["referrer-policy"] = -5

    # Strict-Transport-Security
    hsts = main.get("Strict-Transport-Security", "")
    match = re.search(r"max-age=(\d+)", hsts)
    if not match:
        results["hsts"] = -20
    elif int(match.group(1)) < 15768000:  # six months
        results["hsts"] = -10
    else:
        results["hsts"] = 0

    # Subresource integrity: every script from our own origin
    results["sri"] = 0

    # X-Content-Type-Options
    results["x-content-type-options"] = (
        0 if main.get("X-Content-Type-Options", "").lower() == "nosniff" else -5
    )

    # X-Frame-Options (or CSP frame-ancestors)
    if header and _csp(header).get("frame-ancestors") in (["'none'"], ["'self'"]):
        results["x-frame-options"] = 5
    elif main.get("X-Frame-Options", "").upper() in {"DENY", "SAMEORIGIN"}:
        results["x-frame-options"] = 0
    else:
        results["x-frame-options"] = -20

    # Every page must carry the same headers, not only the first one.
    for response in https_responses[1:]:
        for name in ("Content-Security-Policy", "Strict-Transport-Security", "Referrer-Policy"):
            if response.get(name) != main.get(name):
                results[f"{name} on {response.wsgi_request.path}"] = -25

    penalties = sum(v for v in results.values() if v < 0)
    bonuses = sum(v for v in results.values() if v > 0)
    total = 100 + penalties
    if total >= 90:
        total += bonuses
    return total, results


@pytest.mark.django_db
def test_observatory_score_is_a_plus_with_production_settings(production, world):
    assert production["DEBUG"] is False
    browser = Client()
    # Plain HTTP: redirected to HTTPS on the same host.
    http_response = browser.get("/accounts/login/")

    https = Client(HTTP_X_FORWARDED_PROTO="https")  # the proxy says: this came in over HTTPS
    login_page = https.get("/accounts/login/", secure=True)
    assert login_page.status_code == 200
    signed_in = https.post(
        "/accounts/login/",
        {"username": world.pro_a.email, "password": "wrong password"},
        secure=True,
    )
    world.pro_a.set_password("correct horse battery")
    world.pro_a.save()
    signed_in = https.post(
        "/accounts/login/",
        {"username": world.pro_a.email, "password": "correct horse battery"},
        secure=True,
    )
    assert signed_in.status_code == 302 and signed_in["Location"].startswith("/")
    language = https.post(reverse("set_language"), {"language": "nl"}, secure=True)
    staff_page = https.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]), secure=True)

    client_browser = Client(HTTP_X_FORWARDED_PROTO="https")
    _, token = client_link_create(client=world.traj_a.client, author=world.pro_a)
    client_browser.get(reverse("accounts:client_link", args=[token]), secure=True)
    own_page = client_browser.get(reverse("cases:my_page"), secure=True)
    assert own_page.status_code == 200

    cookies = [
        morsel
        for response in (login_page, signed_in, language, staff_page, own_page)
        for morsel in response.cookies.values()
        if morsel.value  # a deleted cookie has no value
    ]
    assert {c.key for c in cookies} >= {"csrftoken", "sessionid", "django_language"}

    total, results = score(
        http_response=http_response,
        https_responses=[login_page, staff_page, own_page],
        cookies=cookies,
    )
    assert all(v >= 0 for v in results.values()), results
    assert total >= 100, (total, results)
    # The headers that are not in the score but asked for in the issue.
    assert "fullscreen=(self)" in login_page["Permissions-Policy"]
    assert "camera=()" in login_page["Permissions-Policy"]
    assert own_page["Cache-Control"].count("no-store") == 1
