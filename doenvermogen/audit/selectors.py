"""Reading the access log: only administrators, only for clients of their organisation.

The client is authorized by ``cases.selectors.access_client_for_administrator`` (which writes the
one row for the export); this module only reads and presents the entries (in Dutch).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import csv_safe

# Sign-in links made client accounts with pseudo addresses like this one; never shown.
PSEUDO_ADDRESS_DOMAIN = "@clients.invalid"


def access_log_entries(*, client_id: int) -> QuerySet[AccessLogEntry]:
    """All entries about one (authorized) client, oldest first."""
    return AccessLogEntry.objects.filter(client_id=client_id).order_by("at", "id")


@dataclass(frozen=True)
class Row:
    """One entry as a person reads it: every NEN 7513 field, in the active language."""

    at: datetime.datetime
    who: str
    role: str
    client: str
    event: str
    kind: str
    object_id: str
    action: str
    purpose: str
    origin: str


def _label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _role(entry: AccessLogEntry) -> str:
    names = {
        "client": _("client"),
        "professional": _("professional"),
        "team_lead": _("team lead"),
        "researcher": _("researcher"),
        "administrator": _("administrator"),
    }
    return ", ".join(names.get(r, r) for r in entry.actor_role.split(",") if r)


def presented(entries, *, client_name: str) -> Iterator[Row]:
    """The entries with descriptions instead of codes and the client's name, not an address."""
    for entry in entries:
        event = events.event_for_code(entry.event)
        who = entry.actor_label
        if entry.actor_role == "client" or who.endswith(PSEUDO_ADDRESS_DOMAIN):
            who = _("%(name)s (the client)") % {"name": client_name}
        elif not who:
            who = _("the system") if entry.origin != "web" else _("unknown visitor")
        yield Row(
            at=timezone.localtime(entry.at),
            who=who,
            role=_role(entry),
            client=client_name,
            event=str(event.description) if event else entry.get_action_display(),
            kind=_label(events.Kind, entry.object_type),
            object_id=entry.object_id,
            action=_label(events.Action, entry.action),
            purpose=_label(events.Purpose, entry.purpose),
            origin=_label(AccessLogEntry.Origin, entry.origin),
        )


def csv_rows(entries, *, client_name: str) -> Iterator[list[str]]:
    """Header and rows for the CSV export, every cell safe against formula injection."""
    yield [
        csv_safe(h)
        for h in (
            _("When"),
            _("Who"),
            _("Role"),
            _("Client"),
            _("What happened"),
            _("Which data"),
            _("Number"),
            _("Action"),
            _("Purpose"),
            _("Origin"),
        )
    ]
    for row in presented(entries, client_name=client_name):
        yield [
            csv_safe(value)
            for value in (
                row.at.strftime("%d-%m-%Y %H:%M:%S"),
                row.who,
                row.role,
                row.client,
                row.event,
                row.kind,
                row.object_id,
                row.action,
                row.purpose,
                row.origin,
            )
        ]
