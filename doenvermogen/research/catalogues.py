"""Load the instruments shipped with doenvermogen (data/*.yaml), validated like uploaded ones."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction

from doenvermogen.research.instruments import load_text

DATA = Path(__file__).resolve().parent / "data"
SHIPPED = ["stress_thermometer.yaml", "grip_scale.yaml"]


@transaction.atomic
def load(instrument_model=None) -> str:
    if instrument_model is None:
        from doenvermogen.research.models import Instrument

        instrument_model = Instrument
    for name in SHIPPED:
        definition = load_text((DATA / name).read_text(encoding="utf-8"), filename=name)
        instrument_model.objects.update_or_create(
            organisation=None,
            code=definition["code"],
            version=definition["version"],
            defaults={"definition": definition},
        )
    return f"{len(SHIPPED)} instruments"
