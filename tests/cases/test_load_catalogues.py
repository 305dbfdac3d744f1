"""`manage.py load_catalogues` (what `make run` calls) loads every app's catalogue: each app's
``catalogues`` module (data files live in the app's ``data/`` folder)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_load_catalogues_runs_for_every_app():
    out = io.StringIO()
    call_command("load_catalogues", stdout=out)
    text = out.getvalue()
    for label in ("psychoeducation", "selfscan", "research", "geldrust", "rooms"):
        assert f"{label}:" in text


def test_load_catalogues_loads_the_shipped_furniture():
    from doenvermogen.rooms import catalogues
    from doenvermogen.rooms.models import FurnitureItem

    FurnitureItem.objects.filter(organisation=None).delete()
    call_command("load_catalogues", stdout=io.StringIO())
    assert FurnitureItem.objects.filter(organisation=None).count() == len(catalogues.entries()) > 20
