"""What each index and the foreign key cost one access-log INSERT of 25 rows, timed in PostgreSQL.

    .venv/bin/python benchmarks/access_log_indexes.py \\
        --database postgres://postgres@127.0.0.1:5432/wt_alog_small [--rounds 400] [--rows 25]

Makes a scratch schema ``alog_exp`` in the given database (never run it on a production
database; it writes), with one partitioned copy of ``audit_accesslogentry`` per variant (this
month's rows copied in, so the indexes have their real size), then a procedure inserts
``--rows`` rows into each variant in turn, ``--rounds`` times, each INSERT in its own
transaction (commit included, so the deferred foreign-key checks count;
``synchronous_commit = off`` for this session, so the fsync, the same for every variant, does not
drown the rest). The time is taken inside the server (``clock_timestamp()``), so the noise of
a busy machine's scheduler between client and server stays out. Prints median and p95 per
variant, and drops the schema. Run on demand, not in the suite.
"""

from __future__ import annotations

import argparse
import datetime

import psycopg

TABLE = "audit_accesslogentry"
COLUMNS = (
    "at, actor_id, actor_label, actor_role, client_id, event, object_type, object_id, action, "
    "purpose, origin"
)
PKEY = "PRIMARY KEY (id, at)"
INDEXES = {
    "at": "(at)",
    "event": "(event)",
    "event_like": "(event varchar_pattern_ops)",
    "actor": "(actor_id)",
    "client_at": "(client_id, at)",
}
FK = "FOREIGN KEY (actor_id) REFERENCES accounts_user(id) DEFERRABLE INITIALLY DEFERRED"
# name: (indexes besides the primary key, foreign key?, partitioned?)
VARIANTS = {
    "as before: 6 indexes + FK": (list(INDEXES), True, True),
    "6 indexes, no FK": (list(INDEXES), False, True),
    "no event_like + FK": (["at", "event", "actor", "client_at"], True, True),
    "no event, event_like + FK": (["at", "actor", "client_at"], True, True),
    "no event, event_like, no FK": (["at", "actor", "client_at"], False, True),
    "pkey + client_at only, no FK": (["client_at"], False, True),
    "pkey only, no FK": ([], False, True),
    "not partitioned: no event, event_like, no FK": (["at", "actor", "client_at"], False, False),
}


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--rows", type=int, default=25)
    args = parser.parse_args()
    today = datetime.datetime.now(datetime.UTC).date()
    month = today.replace(day=1)
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    with psycopg.connect(args.database, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS alog_exp CASCADE")
        conn.execute("CREATE SCHEMA alog_exp")
        conn.execute("CREATE TABLE alog_exp.timing (variant text, ms double precision)")
        actor = conn.execute(
            "SELECT actor_id FROM audit_accesslogentry WHERE actor_id IS NOT NULL LIMIT 1"
        ).fetchone()[0]
        names = {}
        for number, (label, (indexes, fk, partitioned)) in enumerate(VARIANTS.items()):
            name = f"alog_exp.v{number}"
            names[label] = f"v{number}"
            partition_clause = " PARTITION BY RANGE (at)" if partitioned else ""
            conn.execute(f"CREATE TABLE {name} (LIKE {TABLE} INCLUDING DEFAULTS){partition_clause}")
            conn.execute(
                f"ALTER TABLE {name} ALTER COLUMN id SET DEFAULT nextval('{TABLE}_seq'), ADD {PKEY}"
            )
            if partitioned:
                conn.execute(
                    f"CREATE TABLE {name}_m PARTITION OF {name} FOR VALUES FROM "
                    f"('{month} 00:00+00') TO ('{following} 00:00+00')"
                )
                conn.execute(f"CREATE TABLE {name}_default PARTITION OF {name} DEFAULT")
            for index in indexes:
                conn.execute(f"CREATE INDEX ON {name} {INDEXES[index]}")
            if fk:
                conn.execute(f"ALTER TABLE {name} ADD {FK}")
            conn.execute(
                f"INSERT INTO {name} SELECT * FROM {TABLE} WHERE at >= %s AND at < %s",
                [month, following],
            )
            conn.execute(f"VACUUM ANALYZE {name}")
        conn.execute(
            f"""
            CREATE PROCEDURE alog_exp.run(variants text[], rounds int, nrows int, actor bigint)
            LANGUAGE plpgsql AS $$
            DECLARE
                v text;
                t0 timestamptz;
                ms double precision;
            BEGIN
                FOR i IN 1..rounds LOOP
                    FOREACH v IN ARRAY variants LOOP
                        t0 := clock_timestamp();
                        EXECUTE format(
                            'INSERT INTO alog_exp.%I ({COLUMNS}) SELECT now(), $1, ''Pro'', '
                            '''professional'', c, ''client.list'', ''client'', c::text, '
                            '''view'', ''care'', ''web'' FROM '
                            '(SELECT (random() * 5000)::bigint AS c FROM generate_series(1, $2)) g',
                            v) USING actor, nrows;
                        COMMIT;
                        ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
                        INSERT INTO alog_exp.timing VALUES (v, ms);
                        COMMIT;
                    END LOOP;
                END LOOP;
            END $$
            """
        )
        conn.execute("SET synchronous_commit TO OFF")
        conn.execute(
            "CALL alog_exp.run(%s, 3, %s, %s)", [list(names.values()), args.rows, actor]
        )  # warm up
        conn.execute("TRUNCATE alog_exp.timing")
        conn.execute(
            "CALL alog_exp.run(%s, %s, %s, %s)",
            [list(names.values()), args.rounds, args.rows, actor],
        )
        times = {}
        for variant, ms in conn.execute("SELECT variant, ms FROM alog_exp.timing"):
            times.setdefault(variant, []).append(ms)
        rows_in_month = conn.execute(
            f"SELECT count(*) FROM {TABLE} WHERE at >= %s AND at < %s", [month, following]
        ).fetchone()[0]
        conn.execute("DROP SCHEMA alog_exp CASCADE")
    print(
        f"{args.rows} rows per INSERT + commit (synchronous_commit off), {args.rounds} rounds, "
        f"{rows_in_month} rows in this month's partition"
    )
    print("| variant | indexes on the partition | median ms | p95 ms |")
    print("|---|---|---|---|")
    for label, variant in names.items():
        values = times[variant]
        indexes = len(VARIANTS[label][0]) + 1
        print(
            f"| {label} | {indexes} | {sorted(values)[len(values) // 2]:.3f} | {_p95(values):.3f} |"
        )


if __name__ == "__main__":
    main()
