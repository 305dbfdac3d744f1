"""The security edges of issue 8: real client address behind the proxy for the sign-in lockout,
no-store caching, Secure cookies, the letters API's CSRF rule, tokens masked in logs, a strong
SECRET_KEY in production, no inline script or style in any page template."""

from __future__ import annotations

import importlib
import json
import logging
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse

from doenvermogen.core.client_ip import client_ip
from doenvermogen.core.logmask import TokenMaskFilter, mask_tokens

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "Abc123_-xyzXYZ0987654321abcdefghijKLMNOP"


# The real client address behind the proxy --------------------------------------------------------


def test_client_ip_takes_the_address_the_trusted_proxy_saw(settings):
    rf = RequestFactory()
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"  # no proxy configured: the header is not believed
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"  # the left entry is what the client wrote
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "6.6.6.6"
    bad = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="not-an-address")
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(bad) == "10.0.0.1"


@pytest.mark.django_db
def test_an_attacker_cannot_lock_a_colleague_out_behind_the_proxy(settings, make):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_ENABLED = True
    colleague = make.staff(password="correct horse battery")
    url = reverse("accounts:login")
    attacker = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.66")
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        attacker.post(url, {"username": colleague.email, "password": "wrong"})
    locked = attacker.post(url, {"username": colleague.email, "password": "correct horse battery"})
    assert locked.status_code == 429  # the attacker's address is locked for this account

    # The colleague comes through the same proxy (same REMOTE_ADDR) from their own address.
    own = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    response = own.post(url, {"username": colleague.email, "password": "correct horse battery"})
    assert response.status_code == 302, "the colleague was locked out by someone else"


# Cache-Control: no-store -------------------------------------------------------------------------


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_personal_pages_and_downloads_are_not_stored(client, world):
    from doenvermogen.reminders.services import calendar_feed_create

    client.force_login(world.pro_a)
    page = client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))
    assert page.status_code == 200 and _no_store(page)
    pdf = client.get(reverse("psychoeducation:blank_chart_pdf", args=["talk-chart"]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and _no_store(pdf)

    client.force_login(world.admin)
    csv = client.get(reverse("audit:export", args=[world.traj_a.client_id]))
    assert csv.status_code == 200 and _no_store(csv)

    client.logout()
    _, token = calendar_feed_create(client=world.traj_a.client, author=world.pro_a)
    ics = client.get(reverse("reminders:calendar_feed", args=[token]))
    assert ics.status_code == 200 and _no_store(ics)  # no session, still personal
    link = client.get(reverse("accounts:client_link", args=["x" * 43]))
    assert _no_store(link)


# Cookies ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_language_cookie_set_by_a_personal_link_follows_the_settings(client, world, settings):
    from doenvermogen.clientaccess.services import client_link_create

    settings.LANGUAGE_COOKIE_SECURE = True
    world.traj_a.client.preferred_language = "en"
    world.traj_a.client.save()
    _, token = client_link_create(client=world.traj_a.client, author=world.pro_a)
    response = client.get(reverse("accounts:client_link", args=[token]))
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


# The letters API: token only, or a session with CSRF ---------------------------------------------


@pytest.mark.django_db
def test_letters_api_with_a_session_needs_the_csrf_token(world, settings):
    settings.LETTERS_ANALYZER = "simple"
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.pro_a)
    url = reverse("letters:api_check")
    body = json.dumps({"text": "Wij verzoeken u het formulier op te sturen."})
    # Another site making the signed-in browser post: no CSRF token.
    assert browser.post(url, body, content_type="application/json").status_code == 401
    # The site's own page: the CSRF cookie and header.
    browser.get(reverse("letters:check"))
    csrf = browser.cookies["csrftoken"].value
    ok = browser.post(url, body, content_type="application/json", HTTP_X_CSRFTOKEN=csrf)
    assert ok.status_code == 200


@pytest.mark.django_db
def test_letters_api_with_a_bearer_token_ignores_the_session(world, settings):
    settings.LETTERS_ANALYZER = "simple"
    settings.LETTERS_API_TOKENS = ["s3cret-token-for-tests"]
    api = Client(enforce_csrf_checks=True)
    url = reverse("letters:api_check")
    body = json.dumps({"text": "Wij verzoeken u het formulier op te sturen."})
    ok = api.post(
        url,
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer s3cret-token-for-tests",
    )
    assert ok.status_code == 200
    api.force_login(world.pro_a)  # a session does not rescue a wrong token
    wrong = api.post(url, body, content_type="application/json", HTTP_AUTHORIZATION="Bearer nope")
    assert wrong.status_code == 401


# Tokens never in logs ----------------------------------------------------------------------------


def test_tokens_are_masked_in_log_lines():
    assert TOKEN not in mask_tokens(f"GET /l/{TOKEN}/ HTTP/1.1")
    assert TOKEN not in mask_tokens(f"GET /calendar/{TOKEN}.ics HTTP/1.1")
    assert mask_tokens("GET /clients/12/ HTTP/1.1") == "GET /clients/12/ HTTP/1.1"
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", (f"/l/{TOKEN}/",), None
    )
    TokenMaskFilter().filter(record)
    assert TOKEN not in record.getMessage() and "/l/********" in record.getMessage()


@pytest.mark.django_db
def test_a_request_for_a_wrong_token_is_logged_without_it(client, monkeypatch):
    handler = logging.getLogger("django.request").handlers[0]  # from settings.LOGGING
    lines = []
    monkeypatch.setattr(handler, "emit", lambda record: lines.append(handler.format(record)))
    client.get(f"/calendar/{TOKEN}.ics")  # 404: django.request logs "Not Found: <path>"
    assert lines and "/calendar/********" in lines[0]
    assert all(TOKEN not in line for line in lines)


def test_gunicorn_access_log_masks_tokens():
    from types import SimpleNamespace

    from gunicorn.config import Config

    from doenvermogen.core.logmask import GunicornLogger

    logger = GunicornLogger(Config())
    req = SimpleNamespace(
        method="GET",
        path=f"/l/{TOKEN}/",
        query="",
        version=(1, 1),
        headers=[("REFERER", f"https://x.example/l/{TOKEN}/")],
        uri=f"/l/{TOKEN}/",
    )
    resp = SimpleNamespace(status="302 Found", sent=0, headers=[], response_length=0)
    environ = {
        "REMOTE_ADDR": "127.0.0.1",
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/l/{TOKEN}/",
        "PATH_INFO": f"/l/{TOKEN}/",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    import datetime

    atoms = logger.atoms(resp, req, environ, datetime.timedelta(seconds=0.01))
    line = logger.cfg.access_log_format % atoms
    assert TOKEN not in line and "/l/********" in line
    assert all(TOKEN not in str(v) for v in atoms.values())


# A strong SECRET_KEY in production ----------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    ["", "abc", "a" * 80, "ababababab" * 6, "django-insecure-" + "x1y2z3" * 10, "x" * 49],
)
def test_production_refuses_a_weak_secret_key(monkeypatch, key):
    monkeypatch.setenv("SECRET_KEY", key)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        importlib.reload(importlib.import_module("doenvermogen.settings.production"))


def test_production_accepts_a_strong_secret_key(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "k7Qw-2zP9xLr_4vN8sT1yB6mC3hJ0dF5gK2nR7uW9eA4iO1pX8q")
    module = importlib.reload(importlib.import_module("doenvermogen.settings.production"))
    assert module.LANGUAGE_COOKIE_SECURE and module.SESSION_COOKIE_SECURE


# No inline script or style: the CSP can forbid them ------------------------------------------

_INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an event-handler attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: address"),
]


def test_no_page_template_has_inline_script_or_style():
    found = []
    for path in (ROOT / "doenvermogen").rglob("templates/**/*.html"):
        if "/templates/pdf/" in path.as_posix():
            continue  # rendered to PDF by WeasyPrint, never served as a page
        text = path.read_text(encoding="utf-8")
        for pattern, what in _INLINE:
            if pattern.search(text):
                found.append(f"{path.relative_to(ROOT)}: {what}")
    assert not found, "\n".join(found)
