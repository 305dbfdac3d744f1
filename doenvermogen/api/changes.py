"""Change dates for synchronisation: ``updated_at`` moves on every save of a synchronised model.

``auto_now`` alone misses a ``save(update_fields=[...])`` that does not name ``updated_at`` (most
services save that way), so after such a save the date is moved in one small UPDATE. A bulk
``QuerySet.update()`` does not send signals: code that updates synchronised rows in bulk sets
``updated_at`` itself (as ``privacy.services`` does).
"""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import post_save
from django.utils import timezone

SYNCHRONISED = [
    "cases.Client",
    "cases.Trajectory",
    "goals.GoalPlan",
    "goals.Step",
    "reminders.Appointment",
    "reminders.Reminder",
]


def _stamp(sender, instance, created, update_fields=None, **kwargs) -> None:
    if created or update_fields is None or "updated_at" in update_fields:
        return
    now = timezone.now()
    sender._default_manager.filter(pk=instance.pk).update(updated_at=now)
    instance.updated_at = now


def connect() -> None:
    for label in SYNCHRONISED:
        post_save.connect(_stamp, sender=apps.get_model(label), dispatch_uid=f"dv-stamp-{label}")
