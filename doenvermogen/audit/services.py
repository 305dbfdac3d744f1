"""Writing the access log. Only ``log_event`` / ``log_event_many`` write; they take a named event
from ``doenvermogen.audit.events`` (never a free-text label).

Normally an app does not call these itself: ``doenvermogen.cases.selectors``' ``access_*``
functions authorize and write the one row a request needs, and hand on an authorized context.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.db import connections, router, transaction

from doenvermogen.audit.events import Event, Kind, Purpose
from doenvermogen.audit.models import AccessLogEntry

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ORIGIN: ContextVar[str] = ContextVar("dv_access_log_origin", default=AccessLogEntry.Origin.WEB)
T = TypeVar("T")


def _asynchronous(connection) -> bool:
    """Whether rows written now commit without waiting for the disk: with
    ``ACCESS_LOG_ASYNC_COMMIT`` on PostgreSQL, outside a transaction (a page that only reads)."""
    return (
        getattr(settings, "ACCESS_LOG_ASYNC_COMMIT", False)
        and connection.vendor == "postgresql"
        and not connection.in_atomic_block
    )


def _write(insert: Callable[[], T]) -> T:
    """Run one INSERT of log rows.

    Inside a transaction (a request that writes) the rows commit with the request's own work.
    Outside one (a page that only reads) they commit on their own; with
    ``ACCESS_LOG_ASYNC_COMMIT`` on PostgreSQL that commit does not wait for the disk
    (``SET LOCAL synchronous_commit TO OFF``, for this transaction only): a crash of the
    database server may then lose the rows of the last moment (docs/security.md).
    """
    alias = router.db_for_write(AccessLogEntry)
    connection = transaction.get_connection(alias)
    if not _asynchronous(connection):
        return insert()
    with transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        return insert()


@contextmanager
def access_log_origin(origin: str) -> Iterator[None]:
    """Rows written inside get this origin unless a call names one (the API: ``api``)."""
    token = _ORIGIN.set(origin)
    try:
        yield
    finally:
        _ORIGIN.reset(token)


def _actor(actor) -> tuple[object | None, str, str]:
    """(user or None, label, role) — a name, never a pseudo e-mail address."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None, "anonymous", ""
    label = (getattr(actor, "name", "") or getattr(actor, "email", ""))[:254]
    if getattr(actor, "is_client", False):
        role = "client"
    else:
        roles = sorted(getattr(actor, "_dv_roles", None) or [])
        if not roles:
            roles = sorted(set(actor.memberships.values_list("role", flat=True)))
            actor._dv_roles = set(roles)  # once per request, as accounts.selectors.user_roles
        role = ",".join(roles)[:30]
    return actor, label, role


def _purpose(event: Event, role: str, origin: str, purpose: str) -> str:
    """The reason of the access (NEN 7513), from what is known when none is given."""
    if purpose:
        return purpose[:200]
    if role == "client":
        return Purpose.OWN
    if event.kind == Kind.ACCESS_LOG or "administrator" in role.split(","):
        return Purpose.ACCESS_REQUEST
    if origin in {AccessLogEntry.Origin.WORKER, AccessLogEntry.Origin.API} or not role:
        return Purpose.DELIVERY
    return Purpose.CARE


def _entry(
    event: Event,
    who: tuple[object | None, str, str],
    client_id: int | None,
    object_id: object,
    purpose: str,
    origin: str | None,
    *,
    action: str | None = None,
    save: bool = False,
) -> AccessLogEntry:
    """One entry (inserted when ``save``): who (``_actor``'s answer), in which role, did what to
    which client's data."""
    user, label, role = who
    origin = origin or _ORIGIN.get()
    entry = AccessLogEntry(
        actor=user,
        actor_label=label,
        actor_role=role,
        client_id=client_id,
        event=event.code,
        object_type=event.kind.value,
        object_id=str(object_id if object_id is not None else "")[:40],
        action=action or event.action.value,
        purpose=_purpose(event, role, origin, purpose),
        origin=origin,
    )
    if save:
        entry.save(force_insert=True)
    return entry


def log_event(
    event: Event,
    *,
    actor,
    client_id: int | None,
    object_id: object = "",
    purpose: str = "",
    origin: str | None = None,
) -> AccessLogEntry:
    """Append one entry: ``actor`` caused ``event`` on a client's data."""
    who = _actor(actor)
    return _write(lambda: _entry(event, who, client_id, object_id, purpose, origin, save=True))


def log_denied(
    event: Event,
    *,
    actor,
    client_id: int | None,
    object_id: object = "",
    origin: str | None = None,
) -> AccessLogEntry:
    """Append one ``denied`` entry for an attempt at ``event`` (with the client id when known)."""
    who = _actor(actor)
    return _write(
        lambda: _entry(
            event,
            who,
            client_id,
            object_id,
            "",
            origin,
            action=AccessLogEntry.Action.DENIED,
            save=True,
        )
    )


def log_event_many(
    event: Event,
    *,
    actor,
    client_ids: Iterable[int],
    purpose: str = "",
    origin: str | None = None,
) -> None:
    """One entry per client (a list shows several clients at once), in one INSERT statement."""
    ids = sorted(set(client_ids))
    if not ids:
        return
    template = _entry(event, _actor(actor), None, "", purpose, origin)
    _insert_per_client(template, ids)


# Every column but the id, the client's id and the object's id: the same in all rows of a list.
_SHARED = [
    f
    for f in AccessLogEntry._meta.concrete_fields
    if not f.primary_key and f.attname not in ("client_id", "object_id")
]


def _insert_per_client(template: AccessLogEntry, client_ids: list[int]) -> None:
    """Insert one row per client: ``template``'s values (the same ``at`` too), with the client's
    id as client and object id.

    One statement whose rows come from one parameter (an array on PostgreSQL, a JSON list on
    SQLite), not a model instance and eleven parameters per row as ``bulk_create`` makes them:
    that cost "Mijn cliënten" about 5 ms for its 25 rows (docs/performance.md). Outside a
    transaction the statement is its own transaction: no BEGIN and COMMIT round trips, also
    with ``ACCESS_LOG_ASYNC_COMMIT`` (see ``_write``), which the statement then sets itself
    (``set_config(…, true)``: this transaction only, like ``SET LOCAL``).
    """
    connection = connections[router.db_for_write(AccessLogEntry)]
    table = connection.ops.quote_name(AccessLogEntry._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in _SHARED)
    values = [f.get_db_prep_save(getattr(template, f.attname), connection) for f in _SHARED]
    prefix = ""
    if connection.vendor == "postgresql":
        # Typed, as a SELECT list does not take the columns' types the way VALUES does.
        shared = ", ".join(f"CAST(%s AS {f.cast_db_type(connection)})" for f in _SHARED)
        rows = "unnest(CAST(%s AS bigint[])) AS c(id)"
        client, object_id, ids = "c.id", "CAST(c.id AS varchar(40))", client_ids
        if _asynchronous(connection):
            prefix = "WITH asynchronous AS (SELECT set_config('synchronous_commit', 'off', true)) "
            rows += " CROSS JOIN asynchronous"
    else:  # SQLite
        shared = ", ".join(["%s"] * len(_SHARED))
        rows = "json_each(%s) AS c"
        client, object_id, ids = "c.value", "CAST(c.value AS TEXT)", json.dumps(client_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{prefix}INSERT INTO {table} ({columns}, client_id, object_id) "
            f"SELECT {shared}, {client}, {object_id} FROM {rows}",
            [*values, ids],
        )


def csv_safe(value: object) -> str:
    """A cell that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    text = str(value if value is not None else "")
    return "'" + text if text.startswith(_FORMULA_START) else text
