"""Kinderbijslag (Algemene Kinderbijslagwet): a fixed amount per child by age, from the SVB."""

from __future__ import annotations

from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Household

YEAR = DateUnit.YEAR


class kinderbijslag_quarter(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Kinderbijslag per kwartaal"

    def formula(household, period, parameters):
        p = parameters(period).kinderbijslag
        return (
            household("children_0_5", period) * p.kwartaal_0_5
            + household("children_6_11", period) * p.kwartaal_6_11
            + (household("children_12_15", period) + household("children_16_17", period))
            * p.kwartaal_12_17
        )


class kinderbijslag_month(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Kinderbijslag omgerekend per maand"

    def formula(household, period):
        return household("kinderbijslag_quarter", period) / 3
