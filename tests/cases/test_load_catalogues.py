"""`manage.py load_catalogues` (what `make run` calls) loads every app's catalogue and skips data
folders that share the name (rooms/catalogues/)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_load_catalogues_runs_for_every_app():
    out = io.StringIO()
    call_command("load_catalogues", stdout=out)
    text = out.getvalue()
    for label in ("psychoeducation", "selfscan", "research", "geldrust"):
        assert f"{label}:" in text
