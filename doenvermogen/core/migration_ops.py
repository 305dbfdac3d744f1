"""Migration helpers for ``core.idempotency``: turn an old key column into the shared field safely.

PostgreSQL treats NULLs as distinct in a unique index but not empty strings, so empty keys become
NULL (and any duplicate key is kept only on its first row) before the unique index is made.
"""

from __future__ import annotations

from django.db import migrations, models

from doenvermogen.core.idempotency import KEY_MAX_LENGTH


def _keys_to_null(app_label: str, model_name: str):
    def forwards(apps, schema_editor) -> None:
        model = apps.get_model(app_label, model_name)
        manager = model._default_manager
        manager.filter(idempotency_key="").update(idempotency_key=None)
        seen: set[str] = set()
        rows = (
            manager.filter(idempotency_key__isnull=False)
            .order_by("pk")
            .values_list("pk", "idempotency_key")
        )
        for pk, key in rows:
            if key in seen:
                manager.filter(pk=pk).update(idempotency_key=None)
            seen.add(key)

    return forwards


def adopt_idempotency_key(model_name: str, app_label: str, *, old_name: str | None = None) -> list:
    """Operations turning ``old_name`` (or ``idempotency_key``) into the shared field."""
    ops: list = []
    if old_name and old_name != "idempotency_key":
        ops.append(
            migrations.RenameField(
                model_name=model_name, old_name=old_name, new_name="idempotency_key"
            )
        )
    ops += [
        migrations.AlterField(
            model_name=model_name,
            name="idempotency_key",
            field=models.CharField(
                blank=True, editable=False, max_length=KEY_MAX_LENGTH, null=True
            ),
        ),
        migrations.RunPython(_keys_to_null(app_label, model_name), migrations.RunPython.noop),
        migrations.AlterField(
            model_name=model_name,
            name="idempotency_key",
            field=models.CharField(
                blank=True, editable=False, max_length=KEY_MAX_LENGTH, null=True, unique=True
            ),
        ),
    ]
    return ops
