"""Speed of the room geometry engine (no Django, no database): one full check, the suggestions for
the demo room's three violations, auto-arrange of three rooms, and the path check alone.

Run: ``.venv/bin/python benchmarks/rooms_bench.py`` (median of N runs, in milliseconds).
The figures in docs/rooms.md come from this script.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from doenvermogen.rooms.geometry import check_plan  # noqa: E402
from doenvermogen.rooms.geometry.arrange import auto_arrange  # noqa: E402
from doenvermogen.rooms.geometry.fixes import suggest_fixes  # noqa: E402
from tests.rooms.plans import CATALOGUE, desk, door, item, plan, rect, seat  # noqa: E402
from tests.rooms.test_arrange_and_fixes import _demo_like, _furniture  # noqa: E402


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    demo = _demo_like()
    fixed_demo = replace(
        demo,
        items=tuple(
            replace(i, height_adjustable=True)
            if i.key == "desk"
            else replace(i, wipeable=True)
            if i.key == "sofa"
            else i
            for i in demo.items
        ),
    )
    many = plan(
        rect(800, 1200),
        desk(x=400, y=100),
        seat("professional", 400, 180, rotation=180),
        seat("client", 200, 600),
        *[item("cabinet", 60, 40, x=80 + (k % 8) * 90, y=300 + (k // 8) * 120) for k in range(32)],
        openings=[door(2, 100)],
    )
    l_room = plan(
        [(0, 0), (620, 0), (620, 260), (300, 260), (300, 520), (0, 520)],
        *_furniture(200, 120),
        openings=[door(4, 60)],
    )
    impossible = plan(rect(300, 500), *_furniture(), openings=[door(2, 30)])
    rows = [
        ("check_plan, demo room (6 items)", median_ms(lambda: check_plan(demo), 20)),
        ("check_plan, 8 × 12 m room with 35 items", median_ms(lambda: check_plan(many), 10)),
        (
            "suggest_fixes, demo room (3 violations)",
            median_ms(lambda: suggest_fixes(demo, None, CATALOGUE), 5),
        ),
        ("auto_arrange, demo room (fixed items)", median_ms(lambda: auto_arrange(fixed_demo), 3)),
        ("auto_arrange, L-shaped room", median_ms(lambda: auto_arrange(l_room), 3)),
        ("auto_arrange, impossible room (3 × 5 m)", median_ms(lambda: auto_arrange(impossible), 3)),
    ]
    print(f"{'what':48} {'median ms':>10}")
    for name, ms in rows:
        print(f"{name:48} {ms:10.0f}")


if __name__ == "__main__":
    main()
