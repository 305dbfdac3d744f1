"""The access log: an append-only record of who read or changed which client record, when and why.

Entries are written only through ``doenvermogen.audit.services.log_event`` / ``log_denied`` with a
named event from ``doenvermogen.audit.events`` (called by the selectors and services of the other
apps). They are never updated or deleted by the application.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.audit import events


class AppendOnlyError(Exception):
    """Raised on an attempt to change or delete an access-log entry."""


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):  # noqa: D102
        raise AppendOnlyError("The access log is append-only.")

    def delete(self):  # noqa: D102
        raise AppendOnlyError("The access log is append-only.")


class AccessLogEntry(models.Model):
    Action = events.Action

    class Origin(models.TextChoices):
        WEB = "web", _("web page")
        API = "api", _("API")
        WORKER = "worker", _("background worker")
        COMMAND = "command", _("command")

    # Indexed for the admin's list (newest first); retention drops whole months (partitions).
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    # No constraint in the database: the log outlives users, and a constraint's check at every
    # commit cost each page for nothing. Deleting a user through Django still sets ``actor_id``
    # to NULL (SET_NULL; the append-only trigger allows that one change); ``actor_label`` keeps
    # the name. The index stays: that UPDATE finds the user's rows by it.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_constraint=False,
    )
    actor_label = models.CharField(_("who"), max_length=254)
    # NEN 7513: the role in which the user acted, and the event from ``audit.events``.
    actor_role = models.CharField(_("role"), max_length=30, blank=True)
    # Not indexed: nothing looks entries up by event (the admin's search is a substring match,
    # which a b-tree index does not serve).
    event = models.CharField(_("event"), max_length=60, blank=True)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default="web")
    # Not a foreign key: the log outlives the record it speaks of.
    client_id = models.BigIntegerField(_("client"), null=True)  # indexed with `at` below
    object_type = models.CharField(_("object"), max_length=60)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    purpose = models.CharField(_("purpose"), max_length=200)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["client_id", "at"], name="accesslog_client_at")]
        verbose_name = _("access-log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The access log is append-only.")

    @property
    def event_description(self) -> str:
        event = events.event_for_code(self.event)
        return str(event.description) if event else self.get_action_display()
