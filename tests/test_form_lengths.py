"""Model lengths and form lengths agree: a form never accepts more characters than the column that
stores them (SQLite hides it, PostgreSQL answers with an error, the person would get a 500).

For every form of every app, every text field is compared with the model text fields of the same
app that have the same name. A form field without a limit in front of a limited column fails too.
"""

from __future__ import annotations

import importlib
import inspect

from django import forms
from django.apps import apps
from django.db import models

# Never stored as typed: a key that is only used when it is valid, a password that is hashed.
NOT_STORED_AS_TYPED = {"idempotency_key", "password"}


def _forms():
    for config in apps.get_app_configs():
        if not config.name.startswith("doenvermogen."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield config, cls


def _columns(config) -> dict[str, list[models.CharField]]:
    found: dict[str, list] = {}
    for model in config.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField) and field.max_length:
                found.setdefault(field.name, []).append(field)
    return found


def test_every_form_field_fits_its_column():
    problems, compared = [], 0
    for config, form in _forms():
        columns = _columns(config)
        for name, field in form.base_fields.items():
            if not isinstance(field, forms.CharField) or name in NOT_STORED_AS_TYPED:
                continue
            for column in columns.get(name, []):
                if isinstance(field, forms.ChoiceField):
                    continue
                compared += 1
                limit = field.max_length
                label = f"{form.__module__}.{form.__name__}.{name}"
                where = f"{column.model._meta.label}.{column.name}"
                if limit is None:
                    problems.append(f"{label}: no limit, {where} holds {column.max_length}")
                elif limit > column.max_length:
                    problems.append(f"{label}: {limit} > {where} {column.max_length}")
    assert compared >= 30, f"only {compared} pairs compared: the test no longer finds the forms"
    assert problems == []
