"""Geldrust rules as code on OpenFisca: zorgtoeslag, huurtoeslag, kindgebonden budget and
kinderbijslag for 2025 and 2026, plus municipal schemes as data.

A small country package (``entities``, ``variables/``, ``parameters/`` as dated YAML with a
``reference`` to the law or the Belastingdienst page) and one entry point, ``check_household``.
Imports no Django.
"""

from .engine import (
    NATIONAL_SCHEMES,
    CheckResult,
    HouseholdError,
    SchemeResult,
    WhyItem,
    check_household,
    covered_years,
    huurtoeslag_has_rules,
    huurtoeslag_wealth_limit,
    validate_household,
)

__all__ = [
    "NATIONAL_SCHEMES",
    "CheckResult",
    "HouseholdError",
    "SchemeResult",
    "WhyItem",
    "check_household",
    "covered_years",
    "huurtoeslag_has_rules",
    "huurtoeslag_wealth_limit",
    "validate_household",
]
