"""The worker's heartbeat: a tiny task the repair sweep enqueues; a worker that runs it is alive."""

from __future__ import annotations

from django_tasks import task

from doenvermogen.core.heartbeat import WORKER, heartbeat_record


@task()
def worker_heartbeat() -> str:
    heartbeat_record(name=WORKER)
    return "ok"
