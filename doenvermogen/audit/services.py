"""Writing the access log. Every selector or service that touches a client record calls this."""

from __future__ import annotations

from collections.abc import Iterable

from doenvermogen.audit.models import AccessLogEntry


def _actor_label(actor) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return "anonymous"
    return actor.email


def access_log_write(
    *,
    actor,
    client_id: int | None,
    object_type: str,
    object_id: object = "",
    action: str,
    purpose: str,
) -> AccessLogEntry:
    """Append one entry: ``actor`` did ``action`` on ``object_type``/``object_id`` of a client."""
    return AccessLogEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=_actor_label(actor),
        client_id=client_id,
        object_type=object_type,
        object_id=str(object_id or ""),
        action=action,
        purpose=purpose[:200],
    )


def access_log_object(*, author, client_id: int, obj, action: str, purpose: str) -> AccessLogEntry:
    """Append one entry about a model instance (its model name is the object type)."""
    return access_log_write(
        actor=author,
        client_id=client_id,
        object_type=obj._meta.model_name,
        object_id=obj.pk,
        action=action,
        purpose=purpose,
    )


def access_log_write_many(
    *, actor, client_ids: Iterable[int], object_type: str, action: str, purpose: str
) -> None:
    """Append one entry per client, in one query (for lists such as "Mijn cliënten")."""
    label = _actor_label(actor)
    real_actor = actor if getattr(actor, "is_authenticated", False) else None
    AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                actor=real_actor,
                actor_label=label,
                client_id=client_id,
                object_type=object_type,
                object_id=str(client_id),
                action=action,
                purpose=purpose[:200],
            )
            for client_id in sorted(set(client_ids))
        ]
    )
