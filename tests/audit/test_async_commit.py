"""ACCESS_LOG_ASYNC_COMMIT: on PostgreSQL a read-only page's log rows commit without waiting for
the disk; rows written inside a request's own transaction commit with it; off by default."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from doenvermogen.accounts.selectors import user_roles
from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import log_denied, log_event, log_event_many

ASYNC = "SET LOCAL synchronous_commit TO OFF"
ASYNC_IN_STATEMENT = "set_config('synchronous_commit', 'off', true)"  # a list: one statement

# These tests commit for real (transaction=True). Like tests/cases/test_exactly_once.py they put
# the migrations' data back with a serialized rollback: a plain flush re-creates the content types
# with new ids, and the next serialized test then clashes with them (15 errors on PostgreSQL).
transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _write_all(user) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        log_event(events.CLIENT_VIEW, actor=user, client_id=1, object_id=1)
        log_event_many(events.CLIENT_LIST, actor=user, client_ids=[1, 2])
        log_denied(events.CLIENT_VIEW, actor=user, client_id=None, object_id="x")
    return [q["sql"] for q in captured]


@transactional
def test_outside_a_transaction_each_insert_commits_without_waiting(make, settings):
    settings.ACCESS_LOG_ASYNC_COMMIT = True
    user = make.staff()
    sql = _write_all(user)
    inserts = [i for i, q in enumerate(sql) if 'INSERT INTO "audit_accesslogentry"' in q]
    assert len(inserts) == 3
    single, listed, denied = inserts
    if connection.vendor == "postgresql":
        # Each INSERT runs in its own transaction, right after the SET LOCAL for it; the list's
        # INSERT is its own transaction and sets it in the statement itself.
        assert sql[single - 1] == ASYNC and sql[denied - 1] == ASYNC, sql
        assert sql[listed].startswith(f"WITH asynchronous AS (SELECT {ASYNC_IN_STATEMENT})")
        assert sql[listed - 1] != ASYNC and not sql[listed - 1].startswith("BEGIN"), sql
    else:  # SQLite has no such setting: unchanged
        assert not [q for q in sql if ASYNC in q or ASYNC_IN_STATEMENT in q]
    assert AccessLogEntry.objects.filter(actor=user).count() == 4


@transactional
def test_off_by_default_and_never_inside_the_requests_transaction(make, settings):
    user = make.staff()
    assert settings.ACCESS_LOG_ASYNC_COMMIT is False
    assert not [q for q in _write_all(user) if ASYNC in q or ASYNC_IN_STATEMENT in q]
    settings.ACCESS_LOG_ASYNC_COMMIT = True
    with transaction.atomic():  # a request that writes: its rows commit with its own work
        assert not [q for q in _write_all(user) if ASYNC in q or ASYNC_IN_STATEMENT in q]
    assert AccessLogEntry.objects.filter(actor=user).count() == 8


@transactional
@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_read_only_page_writes_its_list_in_one_statement(make, settings, asynchronous):
    settings.ACCESS_LOG_ASYNC_COMMIT = asynchronous
    user = make.staff()
    user_roles(user)  # as the page's own look-up of the user's teams and roles
    with CaptureQueriesContext(connection) as captured:
        log_event_many(events.CLIENT_LIST, actor=user, client_ids=range(1, 26))
    # No BEGIN/COMMIT around it: one statement is its own transaction.
    assert len(captured) == 1 and "INSERT" in captured[0]["sql"], captured.captured_queries
    assert AccessLogEntry.objects.filter(actor=user).count() == 25
