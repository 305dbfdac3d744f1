"""Migration audit 0005 (issue 14) on a log with rows: every entry stays as it was, the event
indexes and the foreign-key constraint go, the other indexes stay, and on PostgreSQL the table
stays partitioned and append-only. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import log_event_many

BEFORE = [("audit", "0004_partition_by_month")]
TABLE = "audit_accesslogentry"
COLUMNS = [f.attname for f in AccessLogEntry._meta.concrete_fields]


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _schema() -> tuple[set[tuple[str, ...]], list[tuple[str, ...]]]:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, TABLE)
    indexes = {tuple(c["columns"]) for c in found.values() if c["index"] and not c["primary_key"]}
    return indexes, [tuple(c["columns"]) for c in found.values() if c["foreign_key"]]


# Commits for real: a serialized rollback puts the migrations' data back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_keeps_every_entry_and_drops_only_what_nothing_reads(make):
    user = make.staff(name="Cas")
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()

    _migrate(BEFORE)
    indexes, foreign_keys = _schema()
    assert ("event",) in indexes and foreign_keys == [("actor_id",)]
    Old = (
        MigrationExecutor(connection)
        .loader.project_state(BEFORE)
        .apps.get_model("audit", "AccessLogEntry")
    )
    now = datetime.datetime.now(datetime.UTC)
    Old.objects.bulk_create(
        [
            Old(
                at=at,
                actor_id=actor,
                actor_label=label,
                actor_role="professional",
                event="client.view",
                origin="web",
                client_id=client,
                object_type="client",
                object_id=str(client),
                action="view",
                purpose="care",
            )
            for at, actor, label, client in [
                (now, user.pk, "Cas", 11),
                (now - datetime.timedelta(days=40), user.pk, "Cas", 12),
                (datetime.datetime(2019, 3, 14, tzinfo=datetime.UTC), None, "Dirk", 11),
            ]
        ]
    )
    before = list(AccessLogEntry.objects.order_by("id").values_list(*COLUMNS))

    _migrate(latest)
    assert list(AccessLogEntry.objects.order_by("id").values_list(*COLUMNS)) == before
    assert _schema() == ({("client_id", "at"), ("at",), ("actor_id",)}, [])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT relkind FROM pg_class WHERE relname = %s", [TABLE])
            assert cursor.fetchone()[0] == "p"
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {TABLE} SET purpose = 'x' WHERE client_id = 11")
    # Writing goes on, and deleting the user only unlinks their entries.
    log_event_many(events.CLIENT_LIST, actor=user, client_ids=[11, 12])
    user.delete()
    assert AccessLogEntry.objects.filter(actor_label="Cas").count() == 4
    assert not AccessLogEntry.objects.filter(actor_id__isnull=False).exists()
    assert [e.client_id for e in AccessLogEntry.objects.filter(client_id=11)] == [11, 11, 11]
