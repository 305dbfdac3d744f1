"""Writes for the client's rights: erase (delete or anonymise) one kind of a client's data.

Erasure follows the register (``privacy.register``): rows to ``delete`` are deleted, rows to
``anonymise`` keep their structure (dates, catalogue choices, counts: anonymised research data)
but lose every free-text field. The access log is never touched: it keeps who looked at the data
before, under the client's number only.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from doenvermogen.accounts.models import User
from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import log_event
from doenvermogen.cases.models import Client
from doenvermogen.privacy import register, selectors
from doenvermogen.privacy.models import ErasureRecord

logger = logging.getLogger(__name__)


def _blank(field) -> str:
    return "" if field.blank else "—"


@transaction.atomic
def personal_data_erase(*, client_id: int, category: str, actor: User | None = None) -> int:
    """Erase one kind of data of one client; returns the number of rows changed or deleted.

    Idempotent: running it again changes nothing new (deleted rows are gone, blank fields stay
    blank) and only moves the record's date.
    """
    changed = 0
    # Children before parents: the register lists parents first.
    for entry in reversed(register.entries()):
        if entry.category != category:
            continue
        queryset = entry.model_class._default_manager.filter(**entry.client_filter(client_id))
        if entry.erase == "delete":
            changed += queryset.count()
            queryset.delete()
            continue
        fields = entry.personal_fields()
        if fields:
            values = {f.name: _blank(f) for f in fields}
            if any(f.name == "updated_at" for f in entry.model_class._meta.concrete_fields):
                values["updated_at"] = timezone.now()  # update() skips auto_now
            changed += queryset.update(**values)
    if category == register.CONTACT:
        changed += _client_user_anonymise(client_id)
    ErasureRecord.objects.update_or_create(
        client_id=client_id,
        category=category,
        defaults={"erased_at": timezone.now(), "rows": changed},
    )
    log_event(
        events.PERSONAL_DATA_ERASE,
        actor=actor,
        client_id=client_id,
        object_id=category,
        purpose=f"retention passed: {category}",
        origin=AccessLogEntry.Origin.WORKER if actor is None else AccessLogEntry.Origin.WEB,
    )
    return changed


def _client_user_anonymise(client_id: int) -> int:
    client = Client.objects.filter(pk=client_id).select_related("user").first()
    if client is None or client.user is None:
        return 0
    user = client.user
    user.name = ""
    user.email = f"erased-{user.pk}@clients.invalid"
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["name", "email", "is_active", "password"])
    return 1


def erase_due(*, today=None) -> list[tuple[int, str]]:
    """Erase everything whose retention has passed (one transaction per client and kind)."""
    done = []
    for client_id, category in selectors.clients_due_for_erasure(today=today):
        personal_data_erase(client_id=client_id, category=category)
        done.append((client_id, category))
    if done:
        logger.info("privacy: erased %d kinds of data", len(done))
    return done
