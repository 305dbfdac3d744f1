"""The OpenFisca tax and benefit system of geldrust: entities, parameters (YAML) and variables."""

from __future__ import annotations

import inspect
from functools import lru_cache
from pathlib import Path

from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

from .entities import entities
from .variables import household, huurtoeslag, kinderbijslag, kindgebonden_budget, zorgtoeslag

PARAMETERS_DIR = Path(__file__).parent / "parameters"
_MODULES = (household, zorgtoeslag, kindgebonden_budget, kinderbijslag, huurtoeslag)


class GeldrustSystem(TaxBenefitSystem):
    """Dutch income support schemes for the geldrust check (a small country package)."""

    def __init__(self) -> None:
        super().__init__(entities)
        self.load_parameters(str(PARAMETERS_DIR))
        for module in _MODULES:
            for _name, obj in inspect.getmembers(module, inspect.isclass):
                if (
                    issubclass(obj, Variable)
                    and obj is not Variable
                    and obj.__module__ == module.__name__
                ):
                    self.add_variable(obj)


@lru_cache(maxsize=1)
def tax_benefit_system() -> GeldrustSystem:
    return GeldrustSystem()
