"""Loads the executive-skills catalogue (goals/catalogues/executive_skills.yaml) into the database.

Idempotent: entries are matched on their code and updated; an organisation's own additions stay.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from django.db import transaction

from doenvermogen.goals.models import ExecutiveSkill

DATA = Path(__file__).resolve().parent / "catalogues" / "executive_skills.yaml"


@transaction.atomic
def load() -> str:
    entries = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for order, entry in enumerate(entries, start=1):
        code = entry.pop("code")
        ExecutiveSkill.objects.update_or_create(code=code, defaults={**entry, "order": order})
    return f"{len(entries)} executive skills"
