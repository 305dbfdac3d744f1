"""Extension points: apps add sections to the trajectory page and to the client's own page.

An app registers in its ``AppConfig.ready()``::

    register_trajectory_section(order=20, template="goals/_trajectory_section.html",
                                context=lambda request, ctx: {...})

The context callable gets the page's ``Authorized`` context (``cases.selectors``): the trajectory
page's (``ctx.trajectory``) or the client's own page's (``ctx.client``, no trajectory). It reads
through the app's own selectors with that context and never authorizes or logs again: the page
wrote its one access-log row already. Returning ``None`` hides the section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    context: Callable[..., dict[str, Any] | None]


_trajectory_sections: list[Section] = []
_client_page_sections: list[Section] = []
_team_meeting_sections: list[Section] = []


@dataclass(frozen=True)
class TodayEntry:
    """One line in the client's "Vandaag" that another app contributes (a step due today)."""

    title: str
    href: str = ""
    label: str = ""


TodayProvider = Callable[..., list[TodayEntry]]
_client_today_providers: list[TodayProvider] = []


def register_trajectory_section(*, order: int, template: str, context: Callable) -> None:
    _trajectory_sections.append(Section(order, template, context))
    _trajectory_sections.sort(key=lambda s: s.order)


def register_client_page_section(*, order: int, template: str, context: Callable) -> None:
    _client_page_sections.append(Section(order, template, context))
    _client_page_sections.sort(key=lambda s: s.order)


def register_team_meeting_section(*, order: int, template: str, context: Callable) -> None:
    """A block of team-level counts (no client data) on the team-meeting page.

    ``context(request, period)`` gets the page's period (see ``team_meeting_sections``)."""
    _team_meeting_sections.append(Section(order, template, context))
    _team_meeting_sections.sort(key=lambda s: s.order)


def register_client_today(provider: TodayProvider) -> None:
    """Add lines to the client's "Vandaag": ``provider(request, ctx) -> list[TodayEntry]``.

    The section that shows "Vandaag" (reminders) merges them under its timed items, so the
    client sees one list for today, not one per app.
    """
    if provider not in _client_today_providers:
        _client_today_providers.append(provider)


def client_today_entries(request, ctx) -> list[TodayEntry]:
    """Everything other apps put in the authorized client's "Vandaag" (``ctx``)."""
    entries: list[TodayEntry] = []
    for provider in _client_today_providers:
        entries.extend(provider(request, ctx))
    return entries


def _render_list(sections: list[Section], request, ctx) -> list[dict[str, Any]]:
    rendered = []
    for section in sections:
        context = section.context(request, ctx)
        if context is not None:
            rendered.append(
                {"template": section.template, "context": context, "order": section.order}
            )
    return rendered


def trajectory_sections(request, ctx) -> list[dict[str, Any]]:
    """The sections of the trajectory page for an authorized trajectory (``ctx``)."""
    return _render_list(_trajectory_sections, request, ctx)


def client_page_sections(request, ctx) -> list[dict[str, Any]]:
    """The sections of the client's own page for the authorized client (``ctx``)."""
    return _render_list(_client_page_sections, request, ctx)


def team_meeting_sections(request, period) -> list[dict[str, Any]]:
    """Team-level counts (no client data) for the team-meeting page, for the chosen period.

    ``period`` has ``start_dt`` (an aware datetime, or ``None`` for "ever") and ``end_dt`` (aware,
    exclusive): a block counts what happened in ``[start_dt, end_dt)``, like the page's own figures.
    """
    return _render_list(_team_meeting_sections, request, period)
