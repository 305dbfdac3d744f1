"""Dogfooding: the letter checker reads every client-facing text of the app, in Dutch, and each
must be at LiNT-II level 1 or 2 (plain language, B1). Uses the real Frog; skipped without it."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse

from doenvermogen.cases.models import Client
from doenvermogen.letters.analysis import FrogAnalyzer, check_letter, frog_available
from doenvermogen.letters.analysis.frog import get_frog_analyzer
from doenvermogen.psychoeducation.models import Session, Strategy

pytestmark = [
    pytest.mark.frog,
    pytest.mark.skipif(not frog_available(), reason="Frog (Debian package frog) is not installed"),
]

MAX_LEVEL = 2


def main_text(html: str) -> str:
    """The visible text inside <main>, one line per block, without scripts and hidden parts."""
    main = re.search(r"<main\b[^>]*>(.*)</main>", html, flags=re.S).group(1)
    main = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main, flags=re.S)
    main = re.sub(r"<(p|li|h[1-6]|dt|dd|div|section|label|legend|button|a)\b", "\n<", main)
    text = unescape(re.sub(r"<[^>]+>", " ", main))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def as_sentences(text: str) -> str:
    """Short UI lines (buttons, labels) become sentences, so LiNT-II reads them as such."""
    return "\n".join(line if line[-1] in ".?!:" else line + "." for line in text.splitlines())


def level(text: str, analyzer: FrogAnalyzer) -> tuple[int, float]:
    """LiNT-II level and score. A text without nouns gets no LiNT-II score (the share of
    concrete nouns is undefined); then Flesch-Douma decides: 60 or more counts as level 2."""
    report = check_letter(as_sentences(text), analyzer=analyzer)
    read = report.readability
    if read.lint_level is None:
        assert read.flesch_douma is not None, "neither LiNT-II nor Flesch-Douma could score"
        return (MAX_LEVEL if read.flesch_douma >= 60 else MAX_LEVEL + 1), read.flesch_douma
    return read.lint_level, read.lint_score


@pytest.fixture(scope="module")
def frog():
    return get_frog_analyzer()


@pytest.fixture
def demo(db):
    call_command("load_demo_data", verbosity=0)
    return Client.objects.get(display_name="Noor", organisation__name__contains="demo")


def _client_pages(client, noor) -> dict[str, str]:
    client.force_login(noor.user or _user_for(noor))
    session = Session.objects.get(trajectory__client=noor)
    pages = {
        "own page": reverse("cases:my_page"),
        "review before the next talk": reverse("psychoeducation:client_review", args=[session.pk]),
        "my calendar": reverse("reminders:my_calendar"),
        "stop for now?": reverse("psychoeducation:client_stop", args=[session.pk]),
        "who has looked at my data?": reverse("cases:my_access_history"),
    }
    texts = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        texts[name] = main_text(response.content.decode())
    client.post(reverse("psychoeducation:client_stop", args=[session.pk]))
    texts["own page after stopping"] = main_text(
        client.get(reverse("cases:my_page")).content.decode()
    )
    client.logout()
    texts["session over: ask for a new link"] = main_text(
        client.get(reverse("cases:my_page"), follow=True).content.decode()
    )
    texts["link no longer works"] = main_text(
        client.get(reverse("accounts:client_link", args=["verlopen"])).content.decode()
    )
    return texts


def _user_for(noor):
    from doenvermogen.accounts.models import User
    from doenvermogen.clientaccess.services import client_link_create, client_link_redeem

    author = User.objects.get(email="fatima@demo.doenvermogen.nl")
    _, token = client_link_create(client=noor, author=author)
    return client_link_redeem(token=token).client.user


def test_client_pages_are_plain_language(client, demo, frog):
    results = {name: level(text, frog) for name, text in _client_pages(client, demo).items()}
    too_hard = {n: r for n, r in results.items() if r[0] > MAX_LEVEL}
    assert not too_hard, f"Above LiNT-II level {MAX_LEVEL}: {too_hard} (all: {results})"


def test_strategy_explanations_are_plain_language(db, frog):
    too_hard = {}
    for strategy in Strategy.objects.filter(organisation=None):
        text = f"{strategy.name_nl}.\n{strategy.explanation_nl}\n{strategy.example_nl}"
        lvl, score = level(text, frog)
        if lvl > MAX_LEVEL:
            too_hard[strategy.code] = (lvl, round(score, 1))
    assert not too_hard, f"Strategy texts above LiNT-II level {MAX_LEVEL}: {too_hard}"


def test_the_check_can_fail(frog):
    officialese = (
        "Indien de verschuldigde bedragen niet binnen de gestelde termijn worden voldaan, "
        "zal zonder nadere aankondiging worden overgegaan tot het treffen van "
        "invorderingsmaatregelen, waarvan de kosten integraal voor uw rekening komen.\n"
        "Teneinde verdere juridische procedures te voorkomen, dient u onverwijld zorg te "
        "dragen voor de betaling van het openstaande saldo."
    )
    assert level(officialese, frog)[0] > MAX_LEVEL
