"""Load the self-scan's building blocks and statements from data/building_blocks.yaml.

Idempotent: blocks and statements are matched on their stable code and their texts updated;
statements no longer in the file are set inactive (answers given to them stay). An organisation
adapts the scan by editing the file (or pointing ``SELFSCAN_CATALOGUE`` at its own copy) and running
``manage.py load_catalogues``.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

DATA = Path(__file__).resolve().parent / "data"


def catalogue_path() -> Path:
    return Path(getattr(settings, "SELFSCAN_CATALOGUE", "") or DATA / "building_blocks.yaml")


def tips() -> list[dict[str, str]]:
    """The seeds' tips for the professional's own stress."""
    return yaml.safe_load((DATA / "stress_tips.yaml").read_text(encoding="utf-8"))


@transaction.atomic
def load(block_model=None, statement_model=None) -> str:
    """Load blocks and statements; the data migration passes its historical models."""
    if block_model is None:
        from doenvermogen.selfscan.models import BuildingBlock, Statement

        block_model, statement_model = BuildingBlock, Statement
    blocks = yaml.safe_load(catalogue_path().read_text(encoding="utf-8"))
    seen: list[str] = []
    for b_order, item in enumerate(blocks, start=1):
        block, _ = block_model.objects.update_or_create(
            code=item["code"],
            defaults={
                "name_nl": item["nl"]["name"],
                "name_en": item.get("en", {}).get("name", ""),
                "description_nl": item["nl"].get("description", ""),
                "description_en": item.get("en", {}).get("description", ""),
                "order": b_order * 10,
                "active": True,
            },
        )
        for s_order, st in enumerate(item["statements"], start=1):
            statement_model.objects.update_or_create(
                code=st["code"],
                defaults={
                    "block": block,
                    "text_nl": st["nl"],
                    "text_en": st.get("en", ""),
                    "order": s_order * 10,
                    "active": True,
                },
            )
            seen.append(st["code"])
    statement_model.objects.exclude(code__in=seen).update(active=False)
    return f"{len(blocks)} building blocks, {len(seen)} statements"
