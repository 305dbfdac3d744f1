"""The access log on PostgreSQL: monthly partitions, retention by dropping a month, append-only."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from doenvermogen.audit import events, partitions
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import log_event

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="partitions are PostgreSQL only"),
]


def _partition_of(entry_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tableoid::regclass::text FROM audit_accesslogentry WHERE id = %s", [entry_id]
        )
        return cursor.fetchone()[0]


def test_entries_land_in_their_month(make):
    user = make.staff()
    now = datetime.datetime.now(datetime.UTC)
    entry = log_event(events.CLIENT_VIEW, actor=user, client_id=1, object_id=1)
    assert _partition_of(entry.pk) == partitions.partition_name(now.date().replace(day=1))


def test_old_months_are_dropped_after_retention(make):
    user = make.staff()
    old = datetime.datetime(2019, 3, 14, 12, tzinfo=datetime.UTC)
    with connection.cursor() as cursor:
        partitions.ensure_partitions(cursor, since=old)
    entry = log_event(events.CLIENT_VIEW, actor=user, client_id=7, object_id=7)
    AccessLogEntry.objects.bulk_create(
        [
            AccessLogEntry(
                at=old,
                actor_label="x",
                client_id=7,
                object_type="client",
                action="view",
                purpose="p",
                event="client.view",
            )
        ]
    )
    assert _partition_of(AccessLogEntry.objects.get(at=old).pk) == "audit_accesslogentry_y2019m03"
    call_command("accesslog_partitions", "--drop-older-than-months", "12", verbosity=0)
    assert not AccessLogEntry.objects.filter(at=old).exists()
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()  # this month stays
    with connection.cursor() as cursor:
        names = partitions.existing_partitions(cursor)
    assert "audit_accesslogentry_y2019m03" not in names
    assert partitions.partition_name(datetime.date.today().replace(day=1)) in names


def test_rows_cannot_be_changed_or_deleted_in_the_database(make):
    user = make.staff()
    entry = log_event(events.CLIENT_VIEW, actor=user, client_id=3, object_id=3)
    for sql in (
        "UPDATE audit_accesslogentry SET purpose = 'x' WHERE id = %s",
        "DELETE FROM audit_accesslogentry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    # A deleted user keeps their name in the log; only the link to the account goes.
    user.delete()
    entry = AccessLogEntry.objects.get(pk=entry.pk)
    assert entry.actor_id is None and entry.actor_label == user.name


def _indexes_and_foreign_keys(cursor, table: str) -> tuple[set[tuple[str, ...]], list[str]]:
    found = connection.introspection.get_constraints(cursor, table)
    indexes = {tuple(c["columns"]) for c in found.values() if c["index"] or c["primary_key"]}
    return indexes, [name for name, c in found.items() if c["foreign_key"]]


def test_new_partitions_get_the_parents_indexes_and_no_foreign_key():
    expected = {("id", "at"), ("at",), ("actor_id",), ("client_id", "at")}
    with connection.cursor() as cursor:
        made = partitions.ensure_partitions(cursor, months_ahead=6)
        assert made  # three months further ahead than the migrations made
        for table in [partitions.TABLE, *made]:
            assert _indexes_and_foreign_keys(cursor, table) == (expected, []), table
