"""Huurtoeslag (Wet op de huurtoeslag art. 20-21, as from 2026): rent bands minus an income part."""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Household

YEAR = DateUnit.YEAR


class huurtoeslag_young_household(Variable):
    value_type = bool
    entity = Household
    definition_period = YEAR
    label = "Alle volwassenen zijn jonger dan de jongerenleeftijd"

    def formula(household, period, parameters):
        limit = parameters(period).huurtoeslag.jongerenleeftijd
        return household("oldest_adult_age", period) < limit


class huurtoeslag_rekenhuur(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Huur waarmee gerekend wordt (kale huur, niet meer dan de huurgrens)"

    def formula(household, period, parameters):
        p = parameters(period).huurtoeslag
        young = household("huurtoeslag_young_household", period)
        cap = np.where(young, p.huurgrens_jongeren, p.huurgrens)
        return np.minimum(household("rent_month", period), cap)


class huurtoeslag_basishuur(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Basishuur: deze huur betaal je altijd zelf"

    def formula(household, period, parameters):
        p = parameters(period).huurtoeslag
        single = household("household_size", period) == 1
        return np.where(single, p.basishuur_eenpersoons, p.basishuur_meerpersoons)


class huurtoeslag_rent_part(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Huurtoeslag voor de huur, voordat er iets af gaat voor het inkomen"

    def formula(household, period, parameters):
        p = parameters(period).huurtoeslag
        rent = household("huurtoeslag_rekenhuur", period)
        base = household("huurtoeslag_basishuur", period)
        young = household("huurtoeslag_young_household", period)
        big = household("household_size", period) >= 3
        cap = np.where(big, p.aftoppingsgrens_groot, p.aftoppingsgrens_klein)
        part_a = np.maximum(np.minimum(rent, p.kwaliteitskortingsgrens) - base, 0)
        part_b = np.maximum(np.minimum(rent, cap) - p.kwaliteitskortingsgrens, 0) * p.vergoeding_b
        part_c = np.maximum(rent - cap, 0) * p.vergoeding_c
        return part_a + np.where(young, 0, part_b + part_c)


class huurtoeslag_other_income(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Inkomen van anderen in huis dat meetelt (kinderen van 18 jaar of ouder, medebewoners)"

    def formula(household, period, parameters):
        members = household.members
        ages = members("age", period)
        incomes = members("income_year", period)
        adult_child = members.has_role(Household.CHILD) * (ages >= 18)
        counted = incomes
        if ((incomes > 0) * adult_child).any():
            # Only then are the vrijstelling values needed (a year without them is refused).
            p = parameters(period).huurtoeslag
            below = ages < p.vrijstelling_leeftijd_kind
            counted = np.where(below, np.maximum(incomes - p.vrijstelling_inkomen_kind, 0), incomes)
        housemate = members.has_role(Household.HOUSEMATE)
        return household.sum(counted * adult_child) + household.sum(incomes * housemate)


class huurtoeslag_toetsingsinkomen(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Inkomen voor de huurtoeslag: jij, je toeslagpartner en wie er verder in huis woont"

    def formula(household, period):
        return household("household_income", period) + household("huurtoeslag_other_income", period)


class huurtoeslag_income_part(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Wat er per maand af gaat voor het inkomen boven het ijkpunt"

    def formula(household, period, parameters):
        p = parameters(period).huurtoeslag
        single = household("household_size", period) == 1
        point = np.where(single, p.inkomensijkpunt_eenpersoons, p.inkomensijkpunt_meerpersoons)
        income = household("huurtoeslag_toetsingsinkomen", period)
        above = np.maximum(income - point, 0)
        if not (above > 0).any():
            return above
        rate = np.where(single, p.afbouw_eenpersoons, p.afbouw_meerpersoons)
        return above * rate / 12


class huurtoeslag_month(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Huurtoeslag per maand (naar beneden afgerond)"

    def formula(household, period, parameters):
        p = parameters(period).huurtoeslag
        amount = np.maximum(
            household("huurtoeslag_rent_part", period)
            - household("huurtoeslag_income_part", period),
            0,
        )
        partner = household("has_partner", period)
        wealth_limit = np.where(partner, p.vermogensgrens_partner, p.vermogensgrens_alleenstaand)
        wealth_ok = household("household_wealth", period) <= wealth_limit
        adult = household("youngest_adult_age", period) >= 18
        renting = household("rent_month", period) > 0
        minimum = parameters(period).awir.minimum_per_jaar / 12
        ok = wealth_ok * adult * renting * (amount >= minimum)
        return np.where(ok, np.floor(amount), 0)
