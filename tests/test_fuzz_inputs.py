"""No input gives a 500: every form on every page about a client, and the query parameters, fuzzed
with Hypothesis (NUL bytes, over-long text, unicode, wrong types, odd dates and numbers).

The pages come from the URL resolver (the AUDIENCE table of tests/cases/test_every_url.py); each
is opened as a user who may see it, its HTML forms are read (field names, selects, checkboxes)
and posted back with hostile values; every GET page is also asked with hostile query
parameters. Each request runs in a savepoint that is rolled back. The answer may be a form with
a Dutch error, a redirect or a 404 — never a server error. On PostgreSQL (CI runs the suite there
too) this also proves that no value reaches the database that it refuses (NUL bytes, lengths).
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cases.test_every_url import (
    AUDIENCE,
    BOTH,
    CLIENT,
    STAFF,
    _Rollback,
    _url,
    all_patterns,
    objects,  # noqa: F401 - the fixture
)

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    "\x00",
    "a\x00b",
    "x" * 5000,
    "ë" * 400,
    "😀" * 300,
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "abc",
    "2026-13-45",
    "31-02-2026",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\r\nBcc: x@example.org",
    " ",
]
QUERY_NAMES = ["q", "page", "step", "show", "order", "period", "start", "end", "year", "next"]


class _Forms(HTMLParser):
    """The forms of a page: method, action and fields (name → kind, options)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"method": (a.get("method") or "get").lower(), "action": a.get("action"), "f": {}}
            )
        elif not self.forms:
            return
        elif tag in ("input", "textarea") and a.get("name"):
            kind = a.get("type", "text") if tag == "input" else "textarea"
            if kind not in ("submit", "button", "image", "reset", "file"):
                self.forms[-1]["f"].setdefault(a["name"], {"kind": kind, "values": []})
                if kind in ("checkbox", "radio", "hidden"):
                    self.forms[-1]["f"][a["name"]]["values"].append(a.get("value", "on"))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.forms[-1]["f"][a["name"]] = {"kind": "select", "values": []}
        elif tag == "option" and self._select:
            self.forms[-1]["f"][self._select]["values"].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def _pages(world) -> list[tuple[object, str]]:
    pages = []
    for pattern in all_patterns():
        audience = AUDIENCE.get(pattern.name)
        if audience in (STAFF, BOTH):
            pages.append((world.pro_a, pattern))
        if audience in (CLIENT, BOTH):
            pages.append((world.traj_a.client.user, pattern))
    pages.append((world.pro_a, "/clients/new/"))
    pages.append((world.pro_a, "/clients/"))
    return pages


def _forms_of(django_client, user, url) -> list[dict]:
    django_client.force_login(user)
    response, _ = _request_with(django_client, "get", url, {})
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    parser = _Forms()
    parser.feed(response.content.decode(errors="replace"))
    found = []
    for form in parser.forms:
        action = form["action"] or url
        if action.startswith("/") and form["f"]:
            found.append({**form, "action": action, "user": user})
    return found


@pytest.fixture
def targets(client, world, objects):  # noqa: F811
    ids = objects["own"]["ids"]
    forms, gets = [], []
    for user, pattern in _pages(world):
        url = pattern if isinstance(pattern, str) else _url(pattern, ids)
        forms += _forms_of(client, user, url)
        gets.append((user, url))
    return {"forms": forms, "gets": gets}


def _value(data, spec) -> str:
    choices = [v for v in spec["values"] if v is not None]
    strategy = st.one_of(
        st.sampled_from(NASTY),
        st.text(max_size=50),
        st.integers(min_value=-(10**12), max_value=10**12).map(str),
        *([st.sampled_from(choices)] if choices else []),
    )
    return data.draw(strategy)


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(data=st.data())
def test_no_input_gives_a_server_error(client, targets, data):
    assert len(targets["forms"]) >= 15, "the pages' forms were not found"
    problems = []
    for form in targets["forms"]:
        client.force_login(form["user"])
        values = {
            name: _value(data, spec)
            for name, spec in form["f"].items()
            if name not in ("csrfmiddlewaretoken",)
        }
        method = "post" if form["method"] == "post" else "get"
        try:
            response, _ = _request_with(client, method, form["action"], values)
        except Exception as exc:  # noqa: BLE001 - an exception is a 500 for the user
            problems.append(f"{method} {form['action']} {values!r}: {type(exc).__name__}: {exc}")
            continue
        if response.status_code >= 500:
            problems.append(f"{method} {form['action']} {values!r}: {response.status_code}")
    for user, url in targets["gets"]:
        client.force_login(user)
        params = {name: data.draw(st.sampled_from(NASTY)) for name in QUERY_NAMES}
        try:
            response, _ = _request_with(client, "get", url, params)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"get {url} {params!r}: {type(exc).__name__}: {exc}")
            continue
        if response.status_code >= 500:
            problems.append(f"get {url} {params!r}: {response.status_code}")
    assert problems == []


def _request_with(django_client, method, url, values):
    """One request with ``values`` in a savepoint that is rolled back."""
    result = {}
    try:
        with transaction.atomic():
            result["response"] = getattr(django_client, method)(url, values)
            raise _Rollback
    except _Rollback:
        pass
    return result["response"], []
