"""The client pages of the check speak to the client as "je", like the rest of the client pages
(and the professional's pages of geldrust too): no "u" or "uw" anywhere in what is shown."""

from __future__ import annotations

import re

import pytest

from doenvermogen.geldrust import services
from tests.dogfood.test_client_texts_are_b1 import main_text
from tests.geldrust.test_web import NOOR_JSON, NOOR_STEPS, _state

FORMAL = re.compile(r"(?<![\w-])(u|uw|U|Uw|UW)(?![\w-])")
PARTNER_STEPS = [
    NOOR_STEPS[0],
    {"partner": "yes", "children": "2"},
    {"age": "44", "partner_age": "45", "child_age_1": "19", "child_age_2": "12"},
    {"income_unknown": "on", "partner_income": "20000"},
    {"wealth_unknown": "on"},
    {"renting": "yes"},
    {"rent": "900"},
    {"child_income_1_unknown": "on", "housemates": "1", "housemates_income": "3000"},
]


def _formal(pages: dict[str, str]) -> dict[str, list[str]]:
    found = {}
    for name, text in pages.items():
        lines = [line for line in text.splitlines() if FORMAL.search(line)]
        if lines:
            found[name] = lines
    return found


def _walk(client, url: str, steps: list[dict]) -> dict[str, str]:
    pages = {}
    response = client.get(url)
    for n, answers in enumerate(steps, start=1):
        html = response.content.decode()
        pages[f"{url} question {n}"] = main_text(html)
        if 'name="state"' not in html:
            break
        state, step = _state(response)
        response = client.post(url, {"state": state, "step": step, "go": "next", **answers})
    if response.status_code == 302:
        response = client.get(response.url)
    pages[f"{url} last page"] = main_text(response.content.decode())
    return pages


@pytest.mark.django_db
def test_the_anonymous_check_says_je(client):
    for steps in (NOOR_STEPS, PARTNER_STEPS):
        pages = _walk(client, "/geldrust/check/", steps)
        assert "Uitkomst van de geldcheck" in pages["/geldrust/check/ last page"]
        assert not _formal(pages), _formal(pages)


@pytest.mark.django_db
def test_the_clients_own_check_and_result_say_je(client, world):
    client.force_login(world.traj_a.client.user)
    pages = _walk(client, "/geldrust/my/check/", [*PARTNER_STEPS, {"keep": "yes"}])
    check = services.money_check_create(
        trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
    )
    own = client.get("/me/").content.decode()
    section = re.search(r'<section[^>]*aria-labelledby="my-money-h".*?</section>', own, re.S)
    pages["own page, the money part"] = main_text(f"<main>{section.group(0)}</main>")
    pages["kept check"] = main_text(client.get(f"/geldrust/my/checks/{check.pk}/").content.decode())
    assert not _formal(pages), _formal(pages)


@pytest.mark.django_db
def test_the_professionals_pages_say_je_too(client, world):
    client.force_login(world.pro_a)
    check = services.money_check_create(
        trajectory=world.traj_a, author=world.pro_a, household=NOOR_JSON, consent=True
    )
    pages = {
        "check": main_text(client.get(f"/geldrust/checks/{check.pk}/").content.decode()),
        "screening": main_text(client.get("/geldrust/screening/").content.decode()),
    }
    assert "Zorgtoeslag" in pages["check"]
    assert not _formal(pages), _formal(pages)
