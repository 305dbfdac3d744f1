"""Monthly partitions of the access log on PostgreSQL: make the coming months, drop expired ones.

The only way entries ever leave the log: a whole month past the retention period is dropped
(``manage.py accesslog_partitions --drop-older-than-months N``). On SQLite there are no
partitions and these functions do nothing.
"""

from __future__ import annotations

import datetime
import re

TABLE = "audit_accesslogentry"
_NAME = re.compile(rf"^{TABLE}_y(\d{{4}})m(\d{{2}})$")


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def partition_name(month: datetime.date) -> str:
    return f"{TABLE}_y{month.year:04d}m{month.month:02d}"


def is_partitioned(cursor) -> bool:
    cursor.execute(
        "SELECT relkind FROM pg_class WHERE relname = %s AND relnamespace = 'public'::regnamespace",
        [TABLE],
    )
    row = cursor.fetchone()
    return bool(row) and row[0] == "p"


def existing_partitions(cursor) -> list[str]:
    cursor.execute(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = %s::regclass ORDER BY c.relname",
        [TABLE],
    )
    return [row[0] for row in cursor.fetchall()]


def ensure_partitions(
    cursor, *, since: datetime.datetime | datetime.date | None = None, months_ahead: int = 3
) -> list[str]:
    """Create the monthly partitions from ``since`` (default: this month) to ``months_ahead``
    months from now, and a default partition for anything outside them. Returns the new names."""
    today = datetime.datetime.now(datetime.UTC).date()
    start = _month_start(since.date() if isinstance(since, datetime.datetime) else since or today)
    start = min(start, _month_start(today))
    end = _month_start(today)
    for _ in range(months_ahead + 1):
        end = _next_month(end)
    have = set(existing_partitions(cursor))
    made = []
    month = start
    while month < end:
        name = partition_name(month)
        if name not in have:
            cursor.execute(
                f"CREATE TABLE {name} PARTITION OF {TABLE} FOR VALUES FROM "
                f"('{month.isoformat()} 00:00:00+00') TO ('{_next_month(month).isoformat()} "
                "00:00:00+00')"
            )
            made.append(name)
        month = _next_month(month)
    if f"{TABLE}_default" not in have:
        cursor.execute(f"CREATE TABLE {TABLE}_default PARTITION OF {TABLE} DEFAULT")
        made.append(f"{TABLE}_default")
    return made


def drop_expired(cursor, *, older_than_months: int, dry_run: bool = False) -> list[str]:
    """Drop the monthly partitions that ended more than ``older_than_months`` months ago."""
    today = datetime.datetime.now(datetime.UTC).date()
    limit = _month_start(today)
    for _ in range(older_than_months):
        limit = (limit - datetime.timedelta(days=1)).replace(day=1)
    dropped = []
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks may hold a partition
    for name in existing_partitions(cursor):
        match = _NAME.match(name)
        if not match:
            continue
        month = datetime.date(int(match[1]), int(match[2]), 1)
        if _next_month(month) <= limit:
            if not dry_run:
                cursor.execute(f"DROP TABLE {name}")
            dropped.append(name)
    return dropped
