"""Where the access log's write goes: the parts of one "Mijn cliënten" write (25 rows), timed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_alog_small \\
        .venv/bin/python benchmarks/access_log_write.py [--rounds 300] [--rows 25] [--explain]

In one process, rounds alternate between:

- ``log_event_many``: the whole call as "Mijn cliënten" makes it (the actor's roles already
  known from the page's own look-up of the teams; the rows; the INSERT and its commit);
- ``roles look-up``: what it costs when they are not known (``audit.services._actor`` on a fresh
  user: one query);
- ``one statement, no commit`` / ``… + commit``: ``audit.services._insert_per_client``, in a
  transaction rolled back (no commit, so no fsync and no deferred checks) or committed;
- ``bulk_create, no commit`` / ``… + commit``: the rows as model instances through Django's
  ``bulk_create`` inside its transaction, as ``log_event_many`` wrote them before issue 14.

The rows it commits are real log rows (event ``client.list`` of the first benchmark user); run it
on a benchmark database you may write to. With ``--explain`` it also prints ``EXPLAIN (ANALYZE,
BUFFERS)`` of the one statement with the foreign-key checks (if any) made immediate, rolled back.
Run on demand, not in the suite.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doenvermogen.settings.dev")


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--rows", type=int, default=25)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from doenvermogen.accounts.models import User
    from doenvermogen.accounts.selectors import team_ids_for_user
    from doenvermogen.audit import events
    from doenvermogen.audit import services as audit
    from doenvermogen.audit.models import AccessLogEntry
    from doenvermogen.cases.models import Client

    first = User.objects.filter(email__endswith="@bench.invalid").order_by("pk").first()
    if first is None:
        raise SystemExit("Run manage.py bench_data first.")
    client_ids = sorted(Client.objects.order_by("-pk").values_list("pk", flat=True)[: args.rows])
    event = events.CLIENT_LIST
    state = {"user": first}

    def template() -> AccessLogEntry:
        return audit._entry(event, audit._actor(state["user"]), None, "", "", None)

    def entries() -> list[AccessLogEntry]:
        who = audit._actor(state["user"])
        return [audit._entry(event, who, c, c, "", None) for c in client_ids]

    def whole_call():
        team_ids_for_user(state["user"])  # the page did this before (not timed below)
        audit.log_event_many(event, actor=state["user"], client_ids=client_ids)

    def roles():
        audit._actor(state["user"])

    def rolled_back(insert):
        def run():
            with transaction.atomic():
                insert()
                transaction.set_rollback(True)

        return run

    def statement():
        audit._insert_per_client(template(), client_ids)

    def bulk_create():
        AccessLogEntry.objects.bulk_create(entries())

    parts = {
        "log_event_many (whole call)": (whole_call, True),
        "roles look-up (not yet known)": (roles, False),
        "one statement, no commit": (rolled_back(statement), True),
        "one statement + commit": (lambda: audit._write(statement), True),
        "bulk_create, no commit": (rolled_back(bulk_create), True),
        "bulk_create + commit": (lambda: audit._write(bulk_create), True),
    }
    times: dict[str, list[float]] = {name: [] for name in parts}
    for _round in range(args.rounds + 1):  # the first round warms up
        for name, (run, roles_known) in parts.items():
            state["user"] = User.objects.get(pk=first.pk)  # fresh, as in a new request
            if roles_known:
                team_ids_for_user(state["user"])
            start = time.perf_counter()
            run()
            if _round:
                times[name].append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as captured:
        parts["log_event_many (whole call)"][0]()
    print(f"{args.rows} rows, {args.rounds} rounds; log_event_many's queries:")
    for query in captured.captured_queries:
        print(f"    {query['sql'][:100]}…")
    print("| part | median ms | p95 ms |")
    print("|---|---|---|")
    for name, values in times.items():
        print(f"| {name} | {statistics.median(values):.2f} | {_p95(values):.2f} |")

    if args.explain and connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            sql, params = _statement_sql(connection, audit, template(), client_ids)
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            print("\n".join(row[0] for row in cursor.fetchall()))
            transaction.set_rollback(True)


def _statement_sql(connection, audit, template, client_ids) -> tuple[str, list]:
    """The SQL ``_insert_per_client`` runs, captured without running it."""
    captured: list[tuple[str, list]] = []

    def capture(execute, sql, params, many, context):
        captured.append((sql, list(params)))

    with connection.execute_wrapper(capture):
        audit._insert_per_client(template, client_ids)
    return captured[0]


if __name__ == "__main__":
    main()
