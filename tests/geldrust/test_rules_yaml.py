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


def test_openfiscas_own_test_runner_passes_the_same_files():
    """The files are OpenFisca's format: its own runner (``openfisca_core.tools.test_runner``)
    passes them too. In a subprocess, because that runner starts a pytest of its own."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from openfisca_core.tools.test_runner import run_tests\n"
        "from doenvermogen.geldrust.rules.system import tax_benefit_system\n"
        f"sys.exit(run_tests(tax_benefit_system(), [{str(RULES)!r}], options={{}}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"{len(CASES)} passed" in done.stdout
