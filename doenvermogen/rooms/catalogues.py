"""Loads the shipped furniture catalogue (rooms/data/furniture.yaml) into the database.

Idempotent: shipped entries (no organisation) are matched on their code and updated; an
organisation's own items are never touched. Used by the data migration, ``load_room_catalogue``
and ``load_catalogues``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data" / "furniture.yaml"


def entries() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def load(model=None) -> int:
    """Create or update the shipped entries; ``model`` is the (historical) FurnitureItem model."""
    if model is None:
        from doenvermogen.rooms.models import FurnitureItem as model
    count = 0
    for entry in entries():
        entry = dict(entry)
        code = entry.pop("code")
        model.objects.update_or_create(organisation=None, code=code, defaults=entry)
        count += 1
    return count
