"""Kindgebonden budget (Wet op het kindgebonden budget art. 2), with the alleenstaande-ouderkop."""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ..entities import Household

YEAR = DateUnit.YEAR


class kindgebonden_budget_maximum(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Kindgebonden budget voordat er iets af gaat voor het inkomen"

    def formula(household, period, parameters):
        p = parameters(period).kindgebonden_budget
        children = household("children_under_18", period)
        partner = household("has_partner", period)
        amount = children * p.bedrag_per_kind
        amount = amount + np.where(partner + (children == 0), 0, p.alleenstaande_ouderkop)
        older = household("children_12_15", period)
        oldest = household("children_16_17", period)
        if (older > 0).any():
            amount = amount + older * p.verhoging_12_15
        if (oldest > 0).any():
            amount = amount + oldest * p.verhoging_16_17
        return amount


class kindgebonden_budget_afbouw(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Wat er af gaat voor het inkomen boven de drempel"

    def formula(household, period, parameters):
        p = parameters(period).kindgebonden_budget
        partner = household("has_partner", period)
        income = household("household_income", period)
        if partner.any():
            threshold = np.where(partner, p.drempel_partner, p.drempel_alleenstaand)
        else:
            threshold = p.drempel_alleenstaand
        return p.afbouwpercentage * np.maximum(income - threshold, 0)


class kindgebonden_budget_year(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Kindgebonden budget per jaar"

    def formula(household, period, parameters):
        p = parameters(period).kindgebonden_budget
        amount = np.maximum(
            household("kindgebonden_budget_maximum", period)
            - household("kindgebonden_budget_afbouw", period),
            0,
        )
        partner = household("has_partner", period)
        wealth_limit = np.where(partner, p.vermogensgrens_partner, p.vermogensgrens_alleenstaand)
        wealth_ok = household("household_wealth", period) <= wealth_limit
        minimum = parameters(period).awir.minimum_per_jaar
        return np.where(wealth_ok * (amount >= minimum), amount, 0)


class kindgebonden_budget_month(Variable):
    value_type = float
    entity = Household
    definition_period = YEAR
    label = "Kindgebonden budget per maand (naar beneden afgerond)"

    def formula(household, period):
        return np.floor(household("kindgebonden_budget_year", period) / 12)
