"""Children of 18 and older and housemates (medebewoners): their income counts for huurtoeslag.
The question is asked only of people who rent, in a year whose huurtoeslag can be computed, with
"weet ik niet"; the engine counts the answer (API, command and check alike)."""

from __future__ import annotations

import pytest

from doenvermogen.geldrust.rules.engine import check_household
from tests.geldrust.test_web import NOOR_JSON, NOOR_STEPS, walk

TO_RENT = NOOR_STEPS[:6]
WITH_CHILD_OF_19 = [
    NOOR_STEPS[0],
    {"partner": "no", "children": "2"},
    {"age": "45", "child_age_1": "19", "child_age_2": "12"},
    {"income": "24000"},
    {"wealth": "0"},
    {"renting": "yes"},
    {"rent": "780"},
]


def _huurtoeslag(data: dict) -> dict:
    result = check_household(data).as_dict()
    return next(s for s in result["schemes"] if s["code"] == "huurtoeslag")


@pytest.mark.django_db
def test_the_others_question_is_asked_of_renters_with_the_adult_childs_income(client):
    html = walk(client, "/geldrust/check/", WITH_CHILD_OF_19).content.decode()
    assert "Anderen in huis" in html and 'name="child_income_1"' in html
    assert 'name="child_income_2"' not in html  # 12: their income does not count
    assert 'name="housemates"' in html and "Weet ik niet" in html


@pytest.mark.django_db
def test_not_asked_when_it_changes_nothing(client):
    not_renting = walk(client, "/geldrust/check/", [*TO_RENT[:5], {"renting": "no"}])
    assert "Uitkomst van de geldcheck" in not_renting.content.decode()
    year_2025 = [{"municipality": "voorbeeldgemeente", "year": "2025"}, *TO_RENT[1:], NOOR_STEPS[6]]
    html = walk(client, "/geldrust/check/", year_2025).content.decode()
    # huurtoeslag 2025 cannot be computed at all: the others' income would change nothing
    assert "Uitkomst van de geldcheck" in html and 'name="housemates"' not in html
    rich = [*TO_RENT[:4], {"wealth": "50000"}, {"renting": "yes"}, NOOR_STEPS[6]]
    html = walk(client, "/geldrust/check/", rich).content.decode()
    # savings above the huurtoeslag limit of 38,479: no huurtoeslag whoever else lives there
    assert "Uitkomst van de geldcheck" in html and 'name="housemates"' not in html


@pytest.mark.django_db
def test_the_answers_reach_the_engine(client):
    known = walk(client, "/geldrust/check/", [*WITH_CHILD_OF_19, {"child_income_1": "0"}])
    same = {**NOOR_JSON, "adults": [{"age": 45, "income_year": 24000, "wealth": 0}]}
    same["children"] = [{"age": 19, "income_year": 0}, {"age": 12}]
    amount = _huurtoeslag(same)["amount_month"]
    assert amount and f"€ {amount}" in known.content.decode()  # the child earns nothing
    earns = walk(client, "/geldrust/check/", [*WITH_CHILD_OF_19, {"child_income_1": "30000"}])
    same["children"][0]["income_year"] = 30000
    lower = _huurtoeslag(same)["amount_month"]
    assert lower < amount and f"€ {lower}" in earns.content.decode()
    unknown = walk(
        client, "/geldrust/check/", [*WITH_CHILD_OF_19, {"child_income_1_unknown": "on"}]
    )
    html = unknown.content.decode()
    assert "het inkomen van je kind van 19" in html
    empty = walk(client, "/geldrust/check/", [*WITH_CHILD_OF_19, {"housemates": "2"}])
    assert "Vul een bedrag in" in empty.content.decode()  # asked again, nothing guessed


def test_a_housemates_income_counts_and_makes_the_household_bigger():
    alone = {**NOOR_JSON, "adults": [{"age": 45, "income_year": 30000, "wealth": 0}]}
    alone["children"], alone["rent_month"] = [], 700
    # By hand: 1 person, basishuur 202.52; A 498.20 - 202.52 = 295.68; B (700 - 498.20) x 65%
    # = 131.17; 6,575 above 23,425 x 27% / 12 = 147.94 -> 278.
    assert _huurtoeslag(alone)["amount_month"] == 278
    # By hand: 2 persons, basishuur 200.71; A 498.20 - 200.71 = 297.49; B (700 - 498.20) x 65%
    # = 131.17; income 30,000 + 10,000 = 40,000, 8,500 above 31,500 x 22% / 12 = 155.83 -> 272.
    mate = _huurtoeslag({**alone, "housemates": [{"age": 50, "income_year": 10000}]})
    assert mate["amount_month"] == 272 and mate["status"] == "likely_yes"
    assert any("€ 10.000 per jaar" in w["text"] for w in mate["why"])
    assert any("vermogen" in w["text"] and "38.479" in w["text"] for w in mate["why"])
    unknown = _huurtoeslag({**alone, "housemates": [{"age": 50}]})
    assert unknown["status"] == "maybe" and unknown["amount_month"] is None


def test_a_childs_income_counts_above_the_vrijstelling_until_23():
    # Noor's rent part by hand: 2 persons, A 498.20 - 200.71 = 297.49; B (713.02 - 498.20) x 65%
    # = 139.63; C (780 - 713.02) x 40% = 26.79; together 463.92.
    child_19 = {**NOOR_JSON, "children": [{"age": 19, "income_year": 20000}]}
    # 20,000 - 6,218 = 13,782 counts: 37,782 - 31,500 = 6,282 x 22% / 12 = 115.17 -> 348.
    assert _huurtoeslag(child_19)["amount_month"] == 348
    child_23 = {**NOOR_JSON, "children": [{"age": 23, "income_year": 20000}]}
    # 23: the whole 20,000 counts: 12,500 x 22% / 12 = 229.17 -> 234.
    assert _huurtoeslag(child_23)["amount_month"] == 234
    small = {**NOOR_JSON, "children": [{"age": 19, "income_year": 6000}]}
    assert _huurtoeslag(small)["amount_month"] == 463  # under the vrijstelling: nothing counts
    assert _huurtoeslag({**child_19, "year": 2025})["amount_month"] is None  # 2025: refused


def test_bad_others_input_is_a_dutch_message():
    from doenvermogen.geldrust.rules.engine import HouseholdError

    with pytest.raises(HouseholdError) as error:
        check_household({**NOOR_JSON, "housemates": [{"income_year": -1}] * 2})
    assert "medebewoner" in " ".join(error.value.messages)
    with pytest.raises(HouseholdError) as error:
        check_household({**NOOR_JSON, "housemates": [{}] * 9})
    assert "tot 8 medebewoners" in " ".join(error.value.messages)
