"""What other apps do when a trajectory ends (an extension point, like the page sections in ui).

An app registers in its ``AppConfig.ready()``::

    register_trajectory_end(my_app.services.things_end_with_trajectory)

``cases.services.trajectory_end`` calls every callback inside its transaction with keyword
arguments ``trajectory`` and ``author``. Cases itself imports no app above it.
"""

from __future__ import annotations

from collections.abc import Callable

_on_trajectory_end: list[Callable[..., None]] = []


def register_trajectory_end(callback: Callable[..., None]) -> None:
    if callback not in _on_trajectory_end:
        _on_trajectory_end.append(callback)


def trajectory_ended(*, trajectory, author) -> None:
    for callback in _on_trajectory_end:
        callback(trajectory=trajectory, author=author)
