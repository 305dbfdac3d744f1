"""Reports on a read replica (tier 3): a database router that only acts inside ``reports()``.

Heavy read-only work — the team meeting's figures, the research export — runs inside
``with reports():``. When ``REPORTS_DATABASE`` names a database alias (set by
``DATABASE_REPLICA_URL``, a PostgreSQL streaming replica), every read inside goes there;
everything else, and every write anywhere, stays on ``default``. Without a replica (the default)
the router answers nothing and Django uses ``default`` as always.

A replica lags the primary by a moment (milliseconds on one network): a report may miss the
last few changes. Decisions that must see the latest state (authorization, consent) are made on
``default`` before the block.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_IN_REPORT: ContextVar[bool] = ContextVar("dv_in_report", default=False)


@contextmanager
def reports() -> Iterator[None]:
    """Reads inside go to the reports database (the replica), when there is one."""
    token = _IN_REPORT.set(True)
    try:
        yield
    finally:
        _IN_REPORT.reset(token)


def reports_database() -> str | None:
    return getattr(settings, "REPORTS_DATABASE", None) or None


class ReportsRouter:
    """Reads inside ``reports()`` to ``REPORTS_DATABASE``; nothing else is routed."""

    def db_for_read(self, model, **hints) -> str | None:
        return reports_database() if _IN_REPORT.get() else None

    def db_for_write(self, model, **hints) -> str | None:
        return None  # always the primary

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        replica = reports_database()
        if replica and {obj1._state.db, obj2._state.db} <= {"default", replica}:
            return True  # the same data, one of them read from the replica
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool | None:
        if db == reports_database():
            return False  # a replica follows the primary; migrate runs on default only
        return None
