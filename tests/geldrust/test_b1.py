"""Dogfooding for geldrust: the letter checker reads the pages a client sees in the money check
(the questions, the result, their kept check) and each must be LiNT-II level 1 or 2 (B1).
Uses the real Frog; skipped without it."""

from __future__ import annotations

import pytest

from doenvermogen.letters.analysis import frog_available
from doenvermogen.letters.analysis.frog import get_frog_analyzer
from tests.dogfood.test_client_texts_are_b1 import MAX_LEVEL, level, main_text
from tests.geldrust.test_web import NOOR_STEPS, _state

pytestmark = [
    pytest.mark.frog,
    pytest.mark.skipif(not frog_available(), reason="Frog (Debian package frog) is not installed"),
]


@pytest.fixture(scope="module")
def frog():
    return get_frog_analyzer()


def _pages(client, world) -> dict[str, str]:
    client.force_login(world.traj_a.client.user)
    texts = {}
    response = client.get("/geldrust/my/check/")
    for n, answers in enumerate([*NOOR_STEPS, {"keep": "yes"}], start=1):
        texts[f"question {n}"] = main_text(response.content.decode())
        state, step = _state(response)
        response = client.post(
            "/geldrust/my/check/", {"state": state, "step": step, "go": "next", **answers}
        )
    texts["my check"] = main_text(client.get(response.url).content.decode())
    return texts


@pytest.mark.django_db
def test_the_clients_money_check_is_plain_language(client, world, frog):
    results = {name: level(text, frog) for name, text in _pages(client, world).items()}
    too_hard = {n: r for n, r in results.items() if r[0] > MAX_LEVEL}
    assert not too_hard, f"Above LiNT-II level {MAX_LEVEL}: {too_hard} (all: {results})"
