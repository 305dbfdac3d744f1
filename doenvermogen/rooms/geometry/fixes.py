"""Suggestions: for each failing check a concrete fix, and the plan after it.

Kinds of fix: move an item by the smallest distance that works (searched in rings of 5 cm, eight
directions), turn the professional's seat, swap an item for the cheapest catalogue item that meets
the requirement (with the price difference), add a missing desk, remove an unmaintained plant, or
swap for cheaper items to meet the budget. A fix is only offered when the check passes afterwards
and no check that passed before fails after it.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

from doenvermogen.rooms.geometry.checks import (
    DESK_DEPTH,
    DESK_LENGTH,
    Finding,
    Report,
    check_plan,
    obstacles,
)
from doenvermogen.rooms.geometry.model import (
    AREA_TOLERANCE,
    DESK,
    CatalogueEntry,
    Item,
    Plan,
)

DIRECTIONS = [(math.cos(math.radians(a)), math.sin(math.radians(a))) for a in range(0, 360, 45)]
MOVE_STEP = 5.0
MOVE_MAX = 200.0


@dataclass(frozen=True)
class Fix:
    code: str  # the check it fixes
    action: str  # "move", "rotate", "swap", "add", "remove", "mark_seat", "arrange"
    item_key: str = ""
    item_name: str = ""
    dx: float = 0.0
    dy: float = 0.0
    rotation: float | None = None
    new_name: str = ""
    catalogue_code: str = ""
    price_delta: int = 0
    plan_after: Plan | None = None
    fixes_also: tuple[str, ...] = ()

    @property
    def distance(self) -> int:
        return round(math.hypot(self.dx, self.dy))


class _Judge:
    """Decides whether a changed plan is an acceptable fix for ``code``."""

    def __init__(self, before: Report, code: str, deadline: float) -> None:
        self.before_failing = before.failing_codes()
        self.code = code
        self.deadline = deadline

    def timed_out(self) -> bool:
        return time.monotonic() > self.deadline

    def accept(self, plan: Plan) -> tuple[str, ...] | None:
        quick = check_plan(plan, only={self.code})
        if not all(f.ok for f in quick.findings):
            return None
        after = check_plan(plan)
        failing = after.failing_codes()
        if self.code in failing or failing - self.before_failing:
            return None
        return tuple(sorted(self.before_failing - failing - {self.code}))


def _fits_locally(plan: Plan, item: Item) -> bool:
    """Cheap pre-test: inside the walls and not on top of another solid thing."""
    if item.footprint.difference(plan.room).area > AREA_TOLERANCE:
        return False
    if item.floor_level:
        return True
    return all(
        o.footprint.intersection(item.footprint).area <= AREA_TOLERANCE
        for o in obstacles(plan, except_keys=(item.key,))
    )


def _search_move(plan: Plan, keys: list[str], judge: _Judge, code: str) -> Fix | None:
    movable = [plan.item(k) for k in keys if not plan.item(k).fixed]
    distance = MOVE_STEP
    while distance <= MOVE_MAX and not judge.timed_out():
        for item in movable:
            for ux, uy in DIRECTIONS:
                dx, dy = round(ux * distance), round(uy * distance)
                moved = item.moved(dx, dy)
                if not _fits_locally(plan, moved):
                    continue
                after = plan.with_item(moved)
                also = judge.accept(after)
                if also is not None:
                    return Fix(
                        code,
                        "move",
                        item.key,
                        item.name,
                        dx=dx,
                        dy=dy,
                        plan_after=after,
                        fixes_also=also,
                    )
        distance += MOVE_STEP
    return None


def _desk_ok(e: CatalogueEntry) -> bool:
    return (
        max(e.width, e.depth) >= DESK_LENGTH
        and min(e.width, e.depth) >= DESK_DEPTH
        and e.height_adjustable
    )


def _search_swap(
    plan: Plan,
    item: Item,
    entries: list[CatalogueEntry],
    judge: _Judge,
    code: str,
) -> Fix | None:
    for entry in sorted(entries, key=lambda e: (e.price, e.code)):
        new = entry.as_item(
            key=item.key,
            x=item.x,
            y=item.y,
            rotation=item.rotation,
            seat=item.seat,
            maintained=item.maintained,
        )
        # Keep the same side against the wall: grow from the wall side when the new one is deeper.
        candidates = [new]
        for distance in range(5, 105, 5):
            candidates += [
                new.moved(round(ux * distance), round(uy * distance)) for ux, uy in DIRECTIONS
            ]
        for cand in candidates:
            if judge.timed_out():
                return None
            if not _fits_locally(plan, cand):
                continue
            after = plan.with_item(cand)
            also = judge.accept(after)
            if also is not None:
                return Fix(
                    code,
                    "swap",
                    item.key,
                    item.name,
                    dx=round(cand.x - item.x),
                    dy=round(cand.y - item.y),
                    new_name=entry.name,
                    catalogue_code=entry.code,
                    price_delta=cand.cost - item.cost,
                    plan_after=after,
                    fixes_also=also,
                )
    return None


def _fix_for(
    plan: Plan, report: Report, finding: Finding, catalogue: list[CatalogueEntry], deadline: float
) -> Fix | None:
    code = finding.code
    judge = _Judge(report, code, deadline)
    params = finding.params
    if params.get("no_seat"):
        return Fix(code, "mark_seat")
    if code in ("desk.size", "desk.height_adjustable") and finding.items:
        desk = plan.item(finding.items[0])
        entries = [e for e in catalogue if e.category == DESK and _desk_ok(e)]
        if desk.wipeable:
            entries = [e for e in entries if e.wipeable]
        return _search_swap(plan, desk, entries, judge, code)
    if code == "desk.present":
        entries = sorted(
            (e for e in catalogue if e.category == DESK and _desk_ok(e)), key=lambda e: e.price
        )
        for entry in entries[:3]:
            minx, miny, maxx, maxy = plan.room.bounds
            for rotation in (0, 90):
                for y in range(int(miny) + 45, int(maxy), 20):
                    for x in range(int(minx) + 45, int(maxx), 20):
                        if judge.timed_out():
                            return None
                        cand = entry.as_item(key="new-desk", x=x, y=y, rotation=rotation)
                        if not _fits_locally(plan, cand):
                            continue
                        after = plan.with_item(cand)
                        if check_plan(after, only={code}).findings[0].ok:
                            failing = check_plan(after).failing_codes()
                            if failing - report.failing_codes():
                                continue
                            return Fix(
                                code,
                                "add",
                                new_name=entry.name,
                                catalogue_code=entry.code,
                                dx=x,
                                dy=y,
                                rotation=rotation,
                                price_delta=entry.price,
                                plan_after=after,
                            )
        return None
    if code in ("hygiene.tables_wipeable", "hygiene.sofa_wipeable") and finding.items:
        item = plan.item(finding.items[0])
        entries = [
            e
            for e in catalogue
            if e.category == item.category
            and e.wipeable
            and (e.height_adjustable or not item.height_adjustable)
            and e.seats >= item.seats
        ]
        return _search_swap(plan, item, entries, judge, code)
    if code == "plants.maintained" and finding.items:
        item = plan.item(finding.items[0])
        after = plan.without_item(item.key)
        return Fix(code, "remove", item.key, item.name, price_delta=-item.cost, plan_after=after)
    if code == "budget.limit":
        best = None
        for item in sorted(plan.items, key=lambda i: -i.cost):
            if item.cost == 0:
                continue
            cheaper = [e for e in catalogue if e.category == item.category and e.price < item.price]
            fix = _search_swap(plan, item, cheaper, judge, code)
            if fix and (best is None or fix.price_delta < best.price_delta):
                best = fix
        return best
    if code == "layout.not_back_to_door" and finding.items:
        seat = plan.item(finding.items[0])
        for turn in (90, 270, 180):
            turned = seat.moved(rotation=seat.rotation + turn)
            after = plan.with_item(turned)
            also = judge.accept(after)
            if also is not None:
                return Fix(
                    code,
                    "rotate",
                    seat.key,
                    seat.name,
                    rotation=turned.rotation,
                    plan_after=after,
                    fixes_also=also,
                )
        return _search_move(plan, [seat.key], judge, code)
    keys = [k for k in finding.items if not plan.item(k).fixed]
    if code in ("door.path_80cm", "floor_line.5_5m", "sight_line.5m") and finding.spot:
        x, y = finding.spot
        near = sorted(
            (o for o in plan.items if not o.fixed and o.key not in keys),
            key=lambda o: o.footprint.distance(_point(x, y)),
        )
        keys += [o.key for o in near[:3]]
    if not keys:
        return None
    return _search_move(plan, keys, judge, code)


def _point(x: float, y: float):
    from shapely.geometry import Point

    return Point(x, y)


def suggest_fixes(
    plan: Plan,
    report: Report | None = None,
    catalogue: list[CatalogueEntry] | tuple[CatalogueEntry, ...] = (),
    *,
    time_limit: float = 6.0,
) -> list[tuple[Finding, Fix | None]]:
    """For each failing check (one per code) the best fix found within the time limit, or None."""
    report = report or check_plan(plan)
    seen: set[str] = set()
    out: list[tuple[Finding, Fix | None]] = []
    failing = [f for f in report.violations if not (f.code in seen or seen.add(f.code))]
    # Every finding gets the same share of the time, fixed beforehand: a search that runs over
    # its share (one slow check) must not starve the findings after it.
    share = max(0.2, time_limit / max(1, len(failing)))
    for finding in failing:
        deadline = time.monotonic() + share
        out.append((finding, _fix_for(plan, report, finding, list(catalogue), deadline)))
    return out


def apply_fix(plan: Plan, fix: Fix) -> Plan:
    """The plan after the fix (the same as ``fix.plan_after``; kept for callers that rebuild)."""
    if fix.plan_after is None:
        raise ValueError("this fix needs a person, not a change of the plan")
    return replace(fix.plan_after)


def rebuild(
    plan: Plan,
    catalogue: list[CatalogueEntry] | tuple[CatalogueEntry, ...],
    *,
    action: str,
    item_key: str = "",
    dx: float = 0,
    dy: float = 0,
    rotation: float | None = None,
    catalogue_code: str = "",
) -> Plan:
    """The plan after a fix described by its parts (as a form posts them back)."""
    entries = {e.code: e for e in catalogue}
    if action == "move":
        return plan.with_item(plan.item(item_key).moved(dx, dy))
    if action == "rotate":
        return plan.with_item(plan.item(item_key).moved(rotation=rotation or 0))
    if action == "remove":
        return plan.without_item(item_key)
    if action == "swap":
        old = plan.item(item_key)
        new = entries[catalogue_code].as_item(
            key=old.key,
            x=old.x + dx,
            y=old.y + dy,
            rotation=old.rotation,
            seat=old.seat,
            maintained=old.maintained,
        )
        return plan.with_item(new)
    if action == "add":
        return plan.with_item(
            entries[catalogue_code].as_item(key="new", x=dx, y=dy, rotation=rotation or 0)
        )
    raise ValueError(action)
