"""Zorgtoeslag (Wet op de zorgtoeslag art. 2): standaardpremie minus normpremie, per year."""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Household

YEAR = DateUnit.YEAR


class zorgtoeslag_normpremie(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Normpremie: wat je zelf kunt betalen van de zorgverzekering"

    def formula(household, period, parameters):
        p = parameters(period).zorgtoeslag
        income = household("household_income", period)
        partner = household("has_partner", period)
        base = np.where(partner, p.normpercentage_partner, p.normpercentage_alleenstaand)
        above = np.maximum(income - p.drempelinkomen, 0)
        return base * p.drempelinkomen + p.percentage_boven_drempel * above


class zorgtoeslag_year(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Zorgtoeslag per jaar"

    def formula(household, period, parameters):
        p = parameters(period).zorgtoeslag
        partner = household("has_partner", period)
        premium = np.where(partner, 2 * p.standaardpremie, p.standaardpremie)
        amount = np.maximum(premium - household("zorgtoeslag_normpremie", period), 0)
        wealth_limit = np.where(partner, p.vermogensgrens_partner, p.vermogensgrens_alleenstaand)
        wealth_ok = household("household_wealth", period) <= wealth_limit
        adult = household("youngest_adult_age", period) >= 18
        minimum = parameters(period).awir.minimum_per_jaar
        return np.where(wealth_ok * adult * (amount >= minimum), amount, 0)


class zorgtoeslag_month(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Zorgtoeslag per maand (naar beneden afgerond)"

    def formula(household, period):
        return np.floor(household("zorgtoeslag_year", period) / 12)
