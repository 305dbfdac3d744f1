"""Load the talk-chart effects and the strategy catalogue from the YAML files in data/.

Idempotent: entries are matched on (organisation=None, code); texts are updated. Entries an
organisation added itself (organisation set) are never touched.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

from doenvermogen.psychoeducation.models import Strategy, StressEffect

DATA = Path(__file__).resolve().parent / "data"


@transaction.atomic
def load(effect_model=StressEffect, strategy_model=Strategy) -> str:
    """Load both catalogues; the data migration passes its historical models."""
    effects = yaml.safe_load((DATA / "stress_effects.yaml").read_text(encoding="utf-8"))
    for order, item in enumerate(effects, start=1):
        effect_model.objects.update_or_create(
            organisation=None,
            code=item["code"],
            defaults={
                "text_nl": item["nl"],
                "text_en": item.get("en", ""),
                "is_other": bool(item.get("is_other")),
                "order": order * 10,
            },
        )
    strategies = yaml.safe_load((DATA / "strategies.yaml").read_text(encoding="utf-8"))
    for order, item in enumerate(strategies, start=1):
        strategy_model.objects.update_or_create(
            organisation=None,
            code=item["code"],
            defaults={
                "group": item["group"],
                "tool": item.get("tool", ""),
                "name_nl": item["nl"]["name"],
                "name_en": item["en"]["name"],
                "explanation_nl": item["nl"]["explanation"],
                "explanation_en": item["en"]["explanation"],
                "example_nl": item["nl"]["example"],
                "example_en": item["en"]["example"],
                "order": order * 10,
            },
        )
    return f"{len(effects)} stress effects, {len(strategies)} strategies"
