"""Inputs and shared household facts: ages, incomes, wealth, rent, who counts as a partner."""

from __future__ import annotations

from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Household, Person

YEAR = DateUnit.YEAR


class age(Variable):
    value_type = int
    entity = Person
    definition_period = YEAR
    default_value = 30
    label = "Leeftijd op 1 januari"


class income_year(Variable):
    value_type = float
    entity = Person
    definition_period = YEAR
    label = "Toetsingsinkomen (bruto inkomen per jaar)"


class wealth(Variable):
    value_type = float
    entity = Person
    definition_period = YEAR
    label = "Vermogen op 1 januari (spaargeld en beleggingen min schulden)"


class rent_month(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Kale huur per maand"


class has_partner(Variable):
    value_type = bool
    entity = Household
    definition_period = YEAR
    label = "Heeft een toeslagpartner"

    def formula(household, period):
        return household.nb_persons(Household.ADULT) >= 2


class household_income(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Inkomen van jou en je toeslagpartner samen"

    def formula(household, period):
        return household.sum(household.members("income_year", period), role=Household.ADULT)


class household_wealth(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Vermogen van jou en je toeslagpartner samen"

    def formula(household, period):
        return household.sum(household.members("wealth", period), role=Household.ADULT)


class household_size(Variable):
    value_type = int
    entity = Household
    definition_period = YEAR
    label = "Aantal mensen in huis"

    def formula(household, period):
        return household.nb_persons()


class oldest_adult_age(Variable):
    value_type = int
    entity = Household
    definition_period = YEAR
    label = "Leeftijd van de oudste volwassene"

    def formula(household, period):
        return household.max(household.members("age", period), role=Household.ADULT)


class youngest_adult_age(Variable):
    value_type = int
    entity = Household
    definition_period = YEAR
    label = "Leeftijd van de jongste volwassene"

    def formula(household, period):
        return household.min(household.members("age", period), role=Household.ADULT)


def _count_children(household, period, low: int, high: int):
    ages = household.members("age", period)
    in_range = (ages >= low) * (ages <= high)
    return household.sum(in_range, role=Household.CHILD)


class children_under_18(Variable):
    value_type = int
    entity = Household
    definition_period = YEAR
    label = "Kinderen jonger dan 18 jaar"

    def formula(household, period):
        return _count_children(household, period, 0, 17)


class children_0_5(Variable):
    value_type = int
    entity = Household
    definition_period = YEAR
    label = "Kinderen van 0 tot en met 5 jaar"

    def formula(household, period):
        return _count_children(household, period, 0, 5)


class children_6_11(Variable):
    value_type = int
    entity = Household
    definition_period = YEAR
    label = "Kinderen van 6 tot en met 11 jaar"

    def formula(household, period):
        return _count_children(household, period, 6, 11)


class children_12_15(Variable):
    value_type = int
    entity = Household
    definition_period = YEAR
    label = "Kinderen van 12 tot en met 15 jaar"

    def formula(household, period):
        return _count_children(household, period, 12, 15)


class children_16_17(Variable):
    value_type = int
    entity = Household
    definition_period = YEAR
    label = "Kinderen van 16 of 17 jaar"

    def formula(household, period):
        return _count_children(household, period, 16, 17)
