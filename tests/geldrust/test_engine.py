"""The check_household engine: statuses, "weet ik niet", refused years and values, bad input."""

from __future__ import annotations

import pytest

from doenvermogen.geldrust.rules import HouseholdError, check_household, covered_years

NOOR = {
    "year": 2026,
    "adults": [{"age": 35, "income_year": 24000, "wealth": 0}],
    "children": [{"age": 7}],
    "rent_month": 780,
    "service_costs_month": 40,
}


def by_code(result):
    return {s.code: s for s in result.schemes}


def test_noor_2026_gets_three_toeslagen_with_amounts_and_why():
    schemes = by_code(check_household(NOOR))
    assert (schemes["zorgtoeslag"].status, schemes["zorgtoeslag"].amount_month) == (
        "likely_yes",
        129,
    )
    assert (schemes["huurtoeslag"].status, schemes["huurtoeslag"].amount_month) == (
        "likely_yes",
        463,
    )
    assert schemes["kindgebonden_budget"].amount_month == 499
    why = [w.text for w in schemes["kindgebonden_budget"].why]
    assert any("alleenstaande-ouderkop" in t and "3.416" in t for t in why)
    sourced = [w for w in schemes["huurtoeslag"].why if w.source_url]
    assert sourced and all(w.valid_from == "2026-01-01" for w in sourced)
    assert any(
        "Servicekosten tellen vanaf 2026 niet meer mee" in w.text
        for w in schemes["huurtoeslag"].why
    )


def test_the_why_leaves_out_the_other_branch():
    why = " ".join(w.text for w in by_code(check_household(NOOR))["zorgtoeslag"].why)
    assert "zonder toeslagpartner" in why
    assert "met toeslagpartner" not in why.replace("zonder toeslagpartner", "")


def test_2025_and_2026_differ_and_both_match_published_figures():
    base = {"adults": [{"age": 35, "income_year": 20000, "wealth": 0}]}
    z25 = by_code(check_household({**base, "year": 2025}))["zorgtoeslag"].amount_month
    z26 = by_code(check_household({**base, "year": 2026}))["zorgtoeslag"].amount_month
    assert (z25, z26) == (131, 129)  # Rijksoverheid: the maximum fell by 2 euro a month
    kids = {**base, "children": [{"age": 8}]}
    k25 = by_code(check_household({**kids, "year": 2025}))["kindgebonden_budget"].amount_month
    k26 = by_code(check_household({**kids, "year": 2026}))["kindgebonden_budget"].amount_month
    assert (k25, k26) == (491, 499)


def test_unknown_income_gives_maybe_with_an_upper_bound():
    data = {**NOOR, "adults": [{"age": 35, "wealth": 0}]}
    zt = by_code(check_household(data))["zorgtoeslag"]
    assert zt.status == "maybe" and zt.amount_month is None and zt.amount_month_max == 129
    assert "het inkomen over het hele jaar" in zt.depends_on


def test_unknown_wealth_keeps_the_amount_but_says_maybe():
    data = {**NOOR, "adults": [{"age": 35, "income_year": 24000}]}
    zt = by_code(check_household(data))["zorgtoeslag"]
    assert zt.status == "maybe" and zt.amount_month == 129
    assert any("146.011" in d for d in zt.depends_on)


def test_unknown_rent_gives_maybe_without_amount():
    data = {k: v for k, v in NOOR.items() if k != "rent_month"}
    ht = by_code(check_household(data))["huurtoeslag"]
    assert ht.status == "maybe" and ht.amount_month is None
    assert "de kale huur per maand" in ht.depends_on


def test_huurtoeslag_2025_is_refused_not_guessed():
    ht = by_code(check_household({**NOOR, "year": 2025}))["huurtoeslag"]
    assert ht.status == "maybe" and ht.amount_month is None
    assert any("We gokken niet" in w.text for w in ht.why)
    assert any("Basishuur" in w.text for w in ht.why)  # names the missing value


def test_kgb_2025_for_a_couple_is_refused_because_the_partner_threshold_is_missing():
    data = {
        "year": 2025,
        "adults": [
            {"age": 35, "income_year": 30000, "wealth": 0},
            {"age": 35, "income_year": 0, "wealth": 0},
        ],
        "children": [{"age": 4}],
        "rent_month": 600,
    }
    kgb = by_code(check_household(data))["kindgebonden_budget"]
    assert kgb.status == "maybe" and kgb.amount_month is None


def test_an_adult_child_makes_huurtoeslag_depend_on_their_income():
    data = {**NOOR, "children": [{"age": 7}, {"age": 19}]}
    ht = by_code(check_household(data))["huurtoeslag"]
    assert ht.status == "maybe"
    assert any("19" in d for d in ht.depends_on)


def test_no_children_no_child_schemes():
    schemes = by_code(check_household({**NOOR, "children": []}))
    assert schemes["kinderbijslag"].status == "no"
    assert schemes["kindgebonden_budget"].status == "no"


def test_not_renting_means_no_huurtoeslag():
    ht = by_code(check_household({**NOOR, "renting": False, "rent_month": None}))["huurtoeslag"]
    assert ht.status == "no"


def test_wealth_above_the_limit_says_so():
    data = {**NOOR, "adults": [{"age": 35, "income_year": 24000, "wealth": 200000}]}
    zt = by_code(check_household(data))["zorgtoeslag"]
    assert zt.status == "no"
    assert any("vermogen" in w.text.lower() for w in zt.why)


def test_total_adds_the_likely_yes_schemes_without_kinderbijslag():
    assert check_household(NOOR).total_month == 129 + 463 + 499


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"adults": [{"age": 35, "income_year": -100}]}, "kan niet negatief zijn"),
        ({"rent_month": 0}, "moet meer dan € 0 zijn"),
        ({"children": [{"age": 3}] * 12}, "tot 10 kinderen"),
        ({"year": 2024}, "Voor 2024 hebben we de rekenregels niet"),
        ({"year": 2027}, "Voor 2027 hebben we de rekenregels niet"),
        ({"adults": []}, "Vul 1 volwassene in"),
        ({"adults": [{"age": "oud"}]}, "leeftijd in hele jaren"),
    ],
)
def test_bad_input_gets_a_dutch_message(change, message):
    with pytest.raises(HouseholdError) as error:
        check_household({**NOOR, **change})
    assert any(message in m for m in error.value.messages)


def test_not_a_dict_is_refused():
    with pytest.raises(HouseholdError):
        check_household([1, 2])


def test_covered_years_come_from_the_parameters():
    assert covered_years() == [2025, 2026]
