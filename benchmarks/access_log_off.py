"""For the load test only: an app that leaves the access log out, to measure what it costs.

``benchmarks/loadtest.py --compare-access-log`` starts one of its passes with
``LOADTEST_ACCESS_LOG=off``; ``loadtest_settings`` then installs this app, whose ``ready()``
turns the two writes of the access log (``create`` and ``bulk_create`` of ``AccessLogEntry``)
into no-ops in that server process. Everything else the pages do stays. The application itself
has no such switch.
"""

from __future__ import annotations

from django.apps import AppConfig


class AccessLogOff(AppConfig):
    name = "benchmarks"
    label = "benchmarks_access_log_off"

    def ready(self) -> None:
        from doenvermogen.audit.models import AccessLogEntry

        manager = AccessLogEntry.objects
        manager.create = lambda **fields: AccessLogEntry(**fields)
        manager.bulk_create = lambda objs, *args, **kwargs: list(objs)
