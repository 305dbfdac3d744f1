"""Reads for the client's rights: everything kept about one client (inzage), retention, register.

``personal_data_collect`` takes an ``Authorized`` context from ``cases.selectors.access_*`` (which
wrote the one access-log row for the export) and reads without authorizing again.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop

from doenvermogen.accounts.models import Organisation
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.models import Client, Trajectory
from doenvermogen.privacy import register
from doenvermogen.privacy.models import ErasureRecord, RetentionPolicy

_SKIP = {"idempotency_key", "form_key", "token_hash", "bsn_hash", "password"}


# Labels for fields that have no verbose name of their own (translated in privacy's catalogue).
_LABELS = {
    "created_at": gettext_noop("made on"),
    "started_on": gettext_noop("started on"),
    "ended_on": gettext_noop("ended on"),
    "started_at": gettext_noop("started on"),
    "organisation": gettext_noop("organisation"),
    "client": gettext_noop("client"),
    "trajectory": gettext_noop("trajectory"),
    "created_by": gettext_noop("made by"),
    "recorded_by": gettext_noop("recorded by"),
    "asked_by": gettext_noop("asked by"),
    "done_by": gettext_noop("ticked off by"),
    "author": gettext_noop("by"),
}
_SKIP_RELATIONS = {"user"}  # the client's own account: technical


def _label(f: models.Field) -> str:
    auto = f.verbose_name == f.name.replace("_", " ")
    return capfirst(gettext(_LABELS.get(f.name, str(f.verbose_name)) if auto else f.verbose_name))


def _value(obj: models.Model, f: models.Field) -> Any:
    """A readable value: names for relations, labels for choices; dates stay dates."""
    if f.is_relation:
        related = getattr(obj, f.name, None)
        return str(related) if related is not None else None
    value = getattr(obj, f.attname)
    if f.choices and value not in (None, ""):
        return str(getattr(obj, f"get_{f.name}_display")())
    return value


def _row(obj: models.Model) -> dict[str, Any]:
    return {"id": obj.pk} | {
        _label(f): _value(obj, f)
        for f in obj._meta.concrete_fields
        if f.name not in _SKIP and f.name not in _SKIP_RELATIONS and f.name != "id"
    }


@dataclass(frozen=True)
class Section:
    label: str
    model: str
    purpose: str
    rows: list[dict[str, Any]]


def personal_data_collect(ctx) -> dict[str, Any]:
    """Everything kept about ``ctx.client``, grouped per kind, plus who looked at it (the log)."""
    client: Client = ctx.client
    sections = []
    for entry in register.entries():
        model = entry.model_class
        relations = [  # shown by name: loaded with the rows, not one query per row
            f.name
            for f in model._meta.concrete_fields
            if f.is_relation and f.name not in _SKIP and f.name not in _SKIP_RELATIONS
        ]
        relations += [  # and what their names are made of, one step further
            f"{name}__{g.name}"
            for name in list(relations)
            for g in model._meta.get_field(name).related_model._meta.concrete_fields
            if g.is_relation and g.name != "user"
        ]
        found = model._default_manager.filter(**entry.client_filter(client.pk))
        rows = [_row(obj) for obj in found.select_related(*relations).order_by("pk")]
        if rows:
            sections.append(
                Section(
                    label=str(model._meta.verbose_name_plural),
                    model=entry.model,
                    purpose=str(entry.purpose),
                    rows=rows,
                )
            )
    log = [
        {
            "when": timezone.localtime(e.at).strftime("%d-%m-%Y %H:%M"),
            "who": e.actor_label,
            "role": e.actor_role,
            "what": e.event_description,
        }
        for e in AccessLogEntry.objects.filter(client_id=client.pk).order_by("at", "id")
    ]
    return {
        "client": client.display_name,
        "organisation": str(client.organisation),
        "made_at": timezone.localtime().strftime("%d-%m-%Y %H:%M"),
        "sections": [s.__dict__ for s in sections],
        "access_log": log,
    }


def retention_days(*, organisation_id: int, category: str) -> int:
    override = (
        RetentionPolicy.objects.filter(organisation_id=organisation_id, category=category)
        .values_list("days", flat=True)
        .first()
    )
    if override is not None:
        return override
    return int(settings.PRIVACY_RETENTION_DAYS.get(category, 2 * 365))


def retention_table(*, organisation: Organisation | None) -> list[dict[str, Any]]:
    overrides = (
        {p.category: p for p in RetentionPolicy.objects.filter(organisation=organisation)}
        if organisation
        else {}
    )
    return [
        {
            "category": key,
            "label": label,
            "days": overrides[key].days
            if key in overrides
            else settings.PRIVACY_RETENTION_DAYS.get(key),
            "default": settings.PRIVACY_RETENTION_DAYS.get(key),
            "overridden": key in overrides,
        }
        for key, label in register.CATEGORIES.items()
    ]


def register_rows() -> list[dict[str, Any]]:
    """The register of processing as rows: what (model, fields), why, basis, kind, erasure."""
    rows = []
    for entry in register.entries():
        model = entry.model_class
        rows.append(
            {
                "what": model._meta.verbose_name_plural,
                "model": entry.model,
                "fields": [
                    f.verbose_name
                    for f in model._meta.concrete_fields
                    if f.name not in _SKIP and not f.is_relation and f.name != "id"
                ],
                "personal_fields": [f.verbose_name for f in entry.personal_fields()],
                "purpose": entry.purpose,
                "basis": entry.basis,
                "category": entry.category,
                "category_label": register.CATEGORIES[entry.category],
                "erase": entry.erase,
            }
        )
    return rows


def clients_due_for_erasure(*, today: datetime.date | None = None) -> list[tuple[int, str]]:
    """(client id, kind of data) pairs whose retention has passed and that are not erased yet.

    Due when every trajectory of the client has ended and the last end lies at least the
    organisation's retention period for that kind in the past.
    """
    today = today or timezone.localdate()
    ended = (
        Trajectory.objects.values("client_id", "client__organisation_id")
        .annotate(
            open=models.Count("pk", filter=models.Q(ended_on__isnull=True)),
            last_end=models.Max("ended_on"),
        )
        .filter(open=0, last_end__isnull=False)
    )
    done = {
        (client_id, category): timezone.localdate(at)
        for client_id, category, at in ErasureRecord.objects.values_list(
            "client_id", "category", "erased_at"
        )
    }
    due = []
    cache: dict[tuple[int, str], int] = {}
    for row in ended:
        for category in register.CATEGORIES:
            erased_on = done.get((row["client_id"], category))
            if erased_on is not None and row["last_end"] <= erased_on:
                continue  # erased, and no trajectory ended since
            key = (row["client__organisation_id"], category)
            if key not in cache:
                cache[key] = retention_days(organisation_id=key[0], category=category)
            if row["last_end"] + datetime.timedelta(days=cache[key]) <= today:
                due.append((row["client_id"], category))
    return due
