"""The validation table of docs/geldrust.md, generated from the OpenFisca YAML cases.

    .venv/bin/python scripts/geldrust_validation_table.py          # print the table
    .venv/bin/python scripts/geldrust_validation_table.py --write  # replace it in docs/geldrust.md

For every case in tests/geldrust/rules/*.yaml and every output variable: the scheme (file), the
case's name, its ``description`` (the source), the variable, the expected value and what the rules
compute now ("ours"). The table in the docs sits between two HTML comments that this script keeps.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from openfisca_core.simulations import SimulationBuilder  # noqa: E402

from doenvermogen.geldrust.rules.system import tax_benefit_system  # noqa: E402

RULES = ROOT / "tests" / "geldrust" / "rules"
DOC = ROOT / "docs" / "geldrust.md"
START = "<!-- validation-table:start (scripts/geldrust_validation_table.py --write) -->"
END = "<!-- validation-table:end -->"


def _cell(value) -> str:
    return str(value).replace("|", "/").replace("\n", " ")


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def rows() -> list[str]:
    out = [
        "| scheme | case | source | variable | expected | ours |",
        "|---|---|---|---|---|---|",
    ]
    for path in sorted(RULES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            builder = SimulationBuilder()
            builder.set_default_period(str(case["period"]))
            sim = builder.build_from_dict(tax_benefit_system(), case["input"])
            for variable, expected in case["output"].items():
                ours = float(sim.calculate(variable, str(case["period"]))[0])
                out.append(
                    f"| {path.stem} | {_cell(case['name'])} | {_cell(case.get('description', ''))} "
                    f"| {variable} | {_number(expected)} | {_number(ours)} |"
                )
    return out


def counts() -> dict[str, int]:
    return {
        path.stem: len(yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted(RULES.glob("*.yaml"))
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="replace the table in the docs")
    table = "\n".join(rows())
    if not parser.parse_args().write:
        print(table)
        print("\ncases per scheme:", counts())
        return
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    DOC.write_text(f"{before}{START}\n{table}\n{END}{after}", encoding="utf-8")
    print(f"{DOC.relative_to(ROOT)}: {len(table.splitlines()) - 2} rows; {counts()}")


if __name__ == "__main__":
    main()
