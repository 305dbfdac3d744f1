"""Load a municipality from its YAML data file (the shipped example, or one an organisation
exports and edits). Idempotent: loading the same file again updates it in place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

EXAMPLE_FILE = Path(__file__).parent / "data" / "voorbeeldgemeente.yaml"
SCHEME_FIELDS = (
    "order",
    "name",
    "kind",
    "income_percentage",
    "wealth_limit_single",
    "wealth_limit_partner",
    "amount_year",
    "per_child",
    "per_person",
    "requires_children",
    "child_min_age",
    "child_max_age",
    "worth_asking",
    "also_depends_on",
    "note",
    "how_to_apply",
    "what_to_bring",
    "deadline",
    "phone",
    "url",
)


@transaction.atomic
def municipality_load(*, data: dict[str, Any], organisation=None, models=None):
    """Create or update a municipality (``models`` lets a data migration pass its own)."""
    if models is None:
        from doenvermogen.geldrust import models as models_module

        models = models_module
    municipality, _ = models.Municipality.objects.update_or_create(
        code=data["code"],
        defaults={
            "organisation": organisation,
            "name": data["name"],
            "is_example": bool(data.get("is_example")),
            "valid_from": data["valid_from"],
            "social_minimum_single": data["social_minimum_single"],
            "social_minimum_single_parent": data["social_minimum_single_parent"],
            "social_minimum_couple": data["social_minimum_couple"],
            "norms_note": data.get("norms_note", ""),
        },
    )
    codes = []
    for order, scheme in enumerate(data.get("schemes", [])):
        meta = models.MunicipalScheme._meta
        values = {k: scheme.get(k, meta.get_field(k).get_default()) for k in SCHEME_FIELDS}
        values["order"] = order
        models.MunicipalScheme.objects.update_or_create(
            municipality=municipality, code=scheme["code"], defaults=values
        )
        codes.append(scheme["code"])
    models.MunicipalScheme.objects.filter(municipality=municipality).exclude(
        code__in=codes
    ).delete()
    models.DebtRoute.objects.filter(municipality=municipality).delete()
    for route in data.get("debt_routes", []):
        models.DebtRoute.objects.create(municipality=municipality, **route)
    return municipality


def example_data() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE_FILE.read_text(encoding="utf-8"))


def load() -> str:
    """``manage.py load_catalogues``: (re)load the shipped example municipality."""
    municipality = municipality_load(data=example_data())
    return f"{municipality.name}: {municipality.schemes.count()} regelingen"
