"""Runs the OpenFisca YAML tests in tests/geldrust/rules/ (OpenFisca's own test format)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openfisca_core.simulations import SimulationBuilder

from doenvermogen.geldrust.rules.system import tax_benefit_system

RULES = Path(__file__).parent / "rules"
CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted(RULES.glob("*.yaml"))
    for case in yaml.safe_load(path.read_text())
]


def test_every_scheme_has_yaml_cases():
    names = {path.stem for path in RULES.glob("*.yaml")}
    assert names == {"zorgtoeslag", "huurtoeslag", "kindgebonden_budget", "kinderbijslag"}
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_openfisca_yaml_case(case):
    builder = SimulationBuilder()
    builder.set_default_period(str(case["period"]))
    sim = builder.build_from_dict(tax_benefit_system(), case["input"])
    for variable, expected in case["output"].items():
        got = float(sim.calculate(variable, str(case["period"]))[0])
        assert abs(got - expected) <= case["absolute_error_margin"], (
            f"{case['name']}: {variable} = {got}, expected {expected} ({case['description']})"
        )
