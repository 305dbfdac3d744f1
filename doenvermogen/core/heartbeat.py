"""Record and read heartbeats of background processes (the task worker and the repair sweep)."""

from __future__ import annotations

import datetime
import socket

from django.utils import timezone

from doenvermogen.core.models import Heartbeat

WORKER = "worker"
SWEEP = "sweep"


def heartbeat_record(*, name: str, detail: str = "") -> Heartbeat:
    """Upsert the heartbeat row ``name`` with the current time (one small UPDATE or INSERT)."""
    detail = (detail or socket.gethostname())[:200]
    beat, _ = Heartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": timezone.now(), "detail": detail}
    )
    return beat


def heartbeat_age(*, name: str) -> datetime.timedelta | None:
    """How long ago ``name`` last beat, or None when it never did."""
    beat_at = Heartbeat.objects.filter(name=name).values_list("beat_at", flat=True).first()
    return None if beat_at is None else timezone.now() - beat_at
