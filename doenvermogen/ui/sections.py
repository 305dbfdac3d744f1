"""Extension points: apps add sections to the trajectory page and to the client's own page.

An app registers in its ``AppConfig.ready()``::

    register_trajectory_section(order=20, template="goals/_trajectory_section.html",
                                context=lambda request, trajectory: {...})

The context callable runs only after the page's selector has authorized the trajectory (or, on the
client's page, the client), and must read through the app's own selectors.
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


def register_trajectory_section(*, order: int, template: str, context: Callable) -> None:
    _trajectory_sections.append(Section(order, template, context))
    _trajectory_sections.sort(key=lambda s: s.order)


def register_client_page_section(*, order: int, template: str, context: Callable) -> None:
    _client_page_sections.append(Section(order, template, context))
    _client_page_sections.sort(key=lambda s: s.order)


def register_team_meeting_section(*, order: int, template: str, context: Callable) -> None:
    """A block of team-level counts (no client data) on the team-meeting page."""
    _team_meeting_sections.append(Section(order, template, context))
    _team_meeting_sections.sort(key=lambda s: s.order)


def _render_list(sections: list[Section], *args: Any) -> list[dict[str, Any]]:
    rendered = []
    for section in sections:
        ctx = section.context(*args)
        if ctx is not None:
            rendered.append({"template": section.template, "context": ctx})
    return rendered


def trajectory_sections(request, trajectory) -> list[dict[str, Any]]:
    return _render_list(_trajectory_sections, request, trajectory)


def client_page_sections(request, client) -> list[dict[str, Any]]:
    return _render_list(_client_page_sections, request, client)


def team_meeting_sections(request, since) -> list[dict[str, Any]]:
    return _render_list(_team_meeting_sections, request, since)
