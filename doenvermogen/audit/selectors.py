"""Reading the access log: only administrators, only for clients of their organisation."""

from __future__ import annotations

from django.db.models import QuerySet

from doenvermogen.accounts.models import User
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import access_log_write
from doenvermogen.cases.selectors import client_get_for_administrator


def access_log_for_client(*, user: User, client_id: int) -> tuple[object, QuerySet]:
    """The client and all log entries about them; the export itself is logged too."""
    client = client_get_for_administrator(
        user=user, client_id=client_id, purpose="export access log"
    )
    access_log_write(
        actor=user,
        client_id=client.pk,
        object_type="access_log",
        object_id=client.pk,
        action=AccessLogEntry.Action.EXPORT,
        purpose="request to see one's data",
    )
    return client, AccessLogEntry.objects.filter(client_id=client.pk).order_by("at", "id")
