"""Browser tests: headless Chromium from Debian, driven by Playwright, against Django's live server.

Fixtures for every app's browser tests (keep these names stable):

- ``live_url``: the live server's address (``http://localhost:PORT``); also sets ``SITE_URL`` to it,
  so personal links and e-mails point at the live server.
- ``signed_in_page(user, password=None)``: a desktop-sized page, signed in as a staff member. With a
  password it goes through the real sign-in form; without, through a session made with Django's
  test client (``force_login``). The page opens on the user's home.
- ``client_page(client, author=None)``: a phone-sized page (375x667) signed in as the client through
  a real personal link (``client_link_create``); it opens on the client's own page.
- ``assert_no_axe_violations(page)``: runs axe-core (WCAG 2.1 A and AA rules) on the page as it is
  now and fails with a readable list of violations.
- ``sign_in_through_form(page, email, password)`` (a function:
  ``from tests.browser.conftest import sign_in_through_form``): fill in and send the sign-in form.

Use them with ``@pytest.mark.browser`` (or ``pytestmark = pytest.mark.browser``) and the ``make`` /
``world`` fixtures of tests/conftest.py. Pages open in Dutch (browser locale nl-NL), paths are
relative to the live server: ``page.goto("/clients/")``. Data made in a test is visible to the live
server: a test that uses these fixtures runs with a transactional database (pytest-django does that
for every test that uses ``live_server``); the data that migrations load (catalogues) is put back
before every browser test.

Put browser tests in tests/browser/test_<app>_*.py: every test in this folder gets a transactional
database with the migrations' data (an autouse fixture), so keep other tests out of it.

The tests are skipped (with the reason) only when Chromium is missing; ``make test`` installs it.
Never run ``playwright install``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop "running" in the test thread from the first browser test
# to the end of the session; Django's ORM must still be usable there (to make test data and check
# results, also in the tests that run after the browser tests). A subprocess that runs
# `manage.py check --deploy` must drop this variable from its environment (async.E001).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PHONE_VIEWPORT = {"width": 375, "height": 667}
DESKTOP_VIEWPORT = {"width": 1280, "height": 800}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TIMEOUT_MS = 15_000


_REMADE_AFTER_FLUSH = {"contenttypes.contenttype", "auth.permission"}


@pytest.fixture(scope="session")
def _migration_data(django_db_setup, django_db_blocker) -> dict[str, str]:
    """The database contents right after the migrations (catalogues), per database alias."""
    from django.db import connections

    data = {}
    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            contents = getattr(connection, "_test_serialized_contents", None)
            objects = json.loads(contents or connection.creation.serialize_db_to_string())
            # Content types and permissions are made again after each flush (post_migrate).
            data[alias] = json.dumps([o for o in objects if o["model"] not in _REMADE_AFTER_FLUSH])
    return data


@pytest.fixture(autouse=True)
def _data_from_migrations(_migration_data, transactional_db):
    """Every browser test starts with what the migrations put in the database (catalogues).

    A live-server test runs with a transactional database, which is emptied after each test.
    (pytest-django's serialized rollback does not help here: with Playwright running, the test
    thread gets a fresh connection object without the saved contents.)
    """
    from django.db import connections

    for alias, contents in _migration_data.items():
        connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"Browser tests need Chromium at {CHROMIUM} "
            "(`make test` installs the Debian package chromium; never `playwright install`)."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    """Every page: Dutch browser, desktop size, relative URLs against the live server."""
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "viewport": DESKTOP_VIEWPORT,
    }


@pytest.fixture
def live_url(live_server, settings) -> str:
    """The live server's address; links made during the test (SITE_URL) point at it."""
    settings.SITE_URL = live_server.url
    return live_server.url


def sign_in_through_form(page, email: str, password: str) -> None:
    """Fill in the staff sign-in form and send it (the page is on any page of the site)."""
    page.goto("/accounts/login/")
    page.locator("main input[name=username]").fill(email)
    page.locator("main input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.fixture
def _dv_new_page(browser, browser_context_args):
    """Make pages in fresh browser contexts (own cookies), closed after the test."""
    contexts = []

    def _new_page(**context_args):
        context = browser.new_context(**(browser_context_args | context_args))
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield _new_page
    for context in contexts:
        context.close()


@pytest.fixture
def signed_in_page(_dv_new_page, live_url) -> Callable:
    """``signed_in_page(user, password=None, **context_args) -> Page`` signed in as ``user``."""
    from django.conf import settings
    from django.test import Client

    def _signed_in_page(user, password: str | None = None, **context_args):
        page = _dv_new_page(**context_args)
        if password is not None:
            sign_in_through_form(page, user.email, password)
            assert "/accounts/login/" not in page.url, f"Sign-in failed for {user.email}"
            return page
        django_client = Client()
        django_client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session_key = django_client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": live_url}]
        )
        page.goto("/")
        return page

    return _signed_in_page


@pytest.fixture
def client_page(_dv_new_page, live_url) -> Callable:
    """``client_page(client, author=None) -> Page``: phone-sized, signed in through a real link.

    ``author`` (the professional who makes the link) defaults to someone involved in one of the
    client's trajectories.
    """
    from doenvermogen.cases.models import Involvement
    from doenvermogen.clientaccess.services import client_link_create

    def _client_page(client_obj, author=None, **context_args):
        if author is None:
            involvement = (
                Involvement.objects.filter(trajectory__client=client_obj)
                .select_related("professional")
                .first()
            )
            assert involvement, "client_page needs an author: nobody is involved with this client"
            author = involvement.professional
        _, token = client_link_create(client=client_obj, author=author)
        context_args = {"viewport": PHONE_VIEWPORT, "is_mobile": True, "has_touch": True} | (
            context_args
        )
        page = _dv_new_page(**context_args)
        page.goto(f"/l/{token}/")
        assert page.url.endswith("/me/"), f"The personal link did not open the own page: {page.url}"
        return page

    return _client_page


def axe_violations(page, *, context: object = None) -> list[dict]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=context, options=options)
    return results.response["violations"]


def format_axe_violations(violations: list[dict], url: str = "") -> str:
    lines = [f"{len(violations)} axe-core violation(s) of WCAG 2.1 A/AA on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" [{len(violation['nodes'])} element(s)]"
        )
        for node in violation["nodes"][:3]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {summary[:200]}")
    return "\n".join(lines)


def _assert_no_axe_violations(page, *, context: object = None) -> None:
    violations = axe_violations(page, context=context)
    assert not violations, format_axe_violations(violations, page.url)


@pytest.fixture
def assert_no_axe_violations() -> Callable:
    """``assert_no_axe_violations(page)``: fails with a readable list of WCAG 2.1 A/AA issues."""
    return _assert_no_axe_violations
