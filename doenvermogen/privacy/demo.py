"""Demo: the demo organisation keeps nothing after a trajectory ends (retention 0 days), so the
worker anonymises Henk (ended 35 days ago) at the first sweep; Pieter looked at Henk's
trajectory before, and the access log keeps showing that."""

from __future__ import annotations

from doenvermogen.audit import events
from doenvermogen.audit.services import log_event
from doenvermogen.privacy.models import RetentionPolicy
from doenvermogen.privacy.register import CATEGORIES


def load(demo) -> None:
    for category in CATEGORIES:
        RetentionPolicy.objects.update_or_create(
            organisation=demo.organisation,
            category=category,
            defaults={"days": 0, "reason": "Demo: removes at once after the end."},
        )
    henk = demo.trajectories["henk"]
    log_event(
        events.TRAJECTORY_VIEW,
        actor=demo.users["pieter"],
        client_id=henk.client_id,
        object_id=henk.pk,
    )
