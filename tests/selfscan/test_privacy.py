"""Nobody but the professional ever sees their own check-in, intention or scan answers.

The test walks EVERY URL of the project (the URL resolver, with each path parameter filled with
the ids of the objects that hold the secrets, and with the query strings the pages know) as a
team lead of the same team, an administrator, a researcher and other professionals, and asserts
that no response contains another person's answers.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile

import pytest
from django.contrib.admindocs.views import extract_views_from_urlpatterns
from django.test import Client
from django.urls import get_resolver
from pypdf import PdfReader

from doenvermogen.accounts.models import Membership
from doenvermogen.selfscan import services
from doenvermogen.selfscan.models import Statement

pytestmark = pytest.mark.django_db

NOTE = "GEHEIM-NOTITIE-7731"
INTENTION = "VOORNEMEN-MARKER-4421"
EXAMPLE = "VOORBEELD-MARKER-9913"
# A route converter (<int:round_id>, <token>) or a regex group ((?P<pk>[0-9]+)).
PARAM = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")
QUERIES = ["", "?format=csv", "?file=data", "?file=codebook", "?period=all"]


def _urls(ids: list[int]) -> list[str]:
    """Every URL pattern, each parameter filled with every candidate (ids, or a word)."""
    urls = set()
    for _func, pattern, _ns, _name in extract_views_from_urlpatterns(get_resolver().url_patterns):
        path = pattern.replace("^", "").replace("\\Z", "").replace("$", "").replace("\\", "")
        params = PARAM.findall(path)
        if not params:
            urls.add("/" + path)
            continue
        choices = []
        for converter, _name, regex_name in params:
            numeric = converter == "int" or (
                regex_name and "id" in regex_name or regex_name == "pk"
            )
            choices.append([str(i) for i in ids] + ([] if numeric else ["pre", "x"]))
        for values in itertools.product(*choices):
            filled = path
            for value in values:
                filled = PARAM.sub(value, filled, count=1)
            urls.add("/" + filled)
    return sorted(urls)


def _queries(url: str) -> list[str]:
    """The query strings that change what a page shows (formats, files, periods)."""
    if not any(ch.isdigit() for ch in url):
        return QUERIES
    return ["", "?file=data", "?file=codebook"] if "export" in url else [""]


def _readable(content_type: str, body: bytes) -> str:
    """The text a person could read in a response: PDFs and zips opened, not compressed bytes."""
    if content_type.startswith("application/pdf"):
        return "".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
    if content_type.startswith("application/zip"):
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return "".join(z.read(n).decode("utf-8", errors="replace") for n in z.namelist())
    return body.decode("utf-8", errors="replace")


def test_no_url_shows_anyone_else_s_check_in_intention_or_answers(world, make):
    owner = world.pro_a
    colleague = make.staff(team=world.team_a, name="Collega")
    checkin = services.checkin_create(
        author=owner, thermometer=9, workload=1, support=2, appreciated=1, note=NOTE
    )
    scan_round = services.round_create(team=world.team_a, author=world.lead_a, name="Ronde")
    services.intention_create(author=owner, scan_round=scan_round, text=INTENTION)
    answers = {s.pk: (2, "") for s in Statement.objects.filter(active=True)}
    answers[Statement.objects.first().pk] = (3, EXAMPLE)
    services.response_submit(scan_round=scan_round, respondent=owner, answers=answers)
    ids = sorted({checkin.pk, scan_round.pk, owner.pk})
    urls = _urls(ids)
    assert f"/selfscan/my-stress/{checkin.pk}/delete/" in urls and len(urls) > 100
    assert not any("<" in u for u in urls)
    seen_types: set[str] = set()

    # The owner sees their own (the test would prove nothing otherwise).
    own = Client()
    own.force_login(owner)
    assert NOTE in own.get("/selfscan/my-stress/").content.decode()
    assert INTENTION in own.get("/selfscan/").content.decode()
    assert EXAMPLE in own.get(f"/selfscan/rounds/{scan_round.pk}/").content.decode()

    lead = world.lead_a
    lead.is_staff = lead.is_superuser = False
    others = [lead, world.admin, world.researcher, world.pro_b, colleague]
    assert Membership.objects.filter(user=lead, team=world.team_a, role="team_lead").exists()
    for user in others:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        for url in urls:
            for query in _queries(url):
                response = client.get(url + query)
                body = b"".join(response) if response.streaming else response.content
                seen_types.add(response.get("Content-Type", "").split(";")[0])
                text = _readable(response.get("Content-Type", ""), body)
                for marker in (NOTE, INTENTION, EXAMPLE):
                    assert marker not in text, f"{marker} leaked to {user} via {url}{query}"
    assert {"text/html", "application/pdf", "text/csv"} <= seen_types
