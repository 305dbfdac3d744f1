"""Exactly once, by construction: one idempotent-create mechanism for every create form.

The pieces:

- ``IdempotentModel``: an abstract model with ``idempotency_key`` (unique when set). A concrete
  model inherits it; the unique index, not a check-then-create, is the judge of "twice".
- ``create_once(model, key=..., scope=..., create=...)``: runs ``create`` in a savepoint; when the
  key exists already (a double submit, also two at the same moment) it returns the first object
  instead. ``scope`` (field → value) must match the existing object, so a key cannot be used to
  reach somebody else's object.
- ``IdempotentFormMixin``: a hidden ``idempotency_key`` field with a fresh key on every new form.

A view renders the form (a new key), the browser posts it (maybe twice), the service calls
``create_once`` with the posted key: the second post gets the first result and the view redirects
to the same place.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django import forms
from django.db import IntegrityError, models, transaction

KEY_MAX_LENGTH = 64
_KEY_RE = re.compile(r"[A-Za-z0-9_-]{8,64}")

M = TypeVar("M", bound=models.Model)


class IdempotencyConflict(Exception):
    """The key belongs to an object outside the given scope (a forged or reused key)."""


def new_key() -> str:
    return uuid.uuid4().hex


def clean_key(value: object) -> str:
    """A posted key as it may be stored: valid, or empty (then the create is not deduplicated)."""
    text = str(value or "")
    return text if _KEY_RE.fullmatch(text) else ""


class IdempotentModel(models.Model):
    idempotency_key = models.CharField(
        max_length=KEY_MAX_LENGTH, null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        abstract = True


def _matches(obj: models.Model, scope: Mapping[str, Any]) -> bool:
    for name, expected in scope.items():
        value = getattr(obj, name)
        if isinstance(expected, models.Model):
            expected = expected.pk
            value = getattr(obj, f"{name}_id", getattr(value, "pk", value))
        if value != expected:
            return False
    return True


def _existing(model: type[M], key: str, scope: Mapping[str, Any]) -> M | None:
    obj = model._default_manager.filter(idempotency_key=key).first()
    if obj is not None and not _matches(obj, scope):
        raise IdempotencyConflict(f"{model.__name__} key outside its scope")
    return obj


def create_once(
    model: type[M],
    *,
    key: str,
    scope: Mapping[str, Any],
    create: Callable[[str | None], M],
) -> tuple[M, bool]:
    """Create with ``create(key)`` unless an object with this key exists; ``(object, created)``.

    ``create`` receives the key to store (``None`` when there is none) and must save it in
    ``idempotency_key``. Everything ``create`` writes is undone when a concurrent submit won.
    """
    key = clean_key(key)
    if not key:
        return create(None), True
    existing = _existing(model, key, scope)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return create(key), True
    except IntegrityError:
        existing = _existing(model, key, scope)
        if existing is None:
            raise
        return existing, False


class IdempotentFormMixin(forms.Form):
    """A hidden key that makes a double submit of the same form harmless."""

    # No max_length: a forged or damaged key is not an error for the person, it is just not used.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", new_key())

    def clean_idempotency_key(self) -> str:
        return clean_key(self.cleaned_data.get("idempotency_key"))
