"""Auto-arrange: find positions and rotations for the movable items so that every check passes.

Depth-first search over a grid (10 cm by default) and four rotations, items in a fixed order (the
floor line, the desk with the professional's seat in front of it as one unit, then the largest
first). Candidates are pruned at once when they leave the walls, overlap, stand in a door swing
or in front of a door, and after each item when the professional can no longer reach the door
or the room has no room left for the floor line. Candidates close to a wall come first, leaving
the middle free.
The search stops at the first layout that passes every check, when every candidate has been tried
(then there is none on this grid), or at the time limit (then it says it stopped early).
Some rooms are impossible before any search: an item that does not fit in the room, a room without a
straight 5.5 m, more furniture than floor.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.ops import unary_union

from doenvermogen.rooms.geometry import path as pathing
from doenvermogen.rooms.geometry.checks import (
    CONNECTING_DOOR_DEPTH,
    PATH_WIDTH,
    SIGHT_LENGTH,
    STAND_UP_REACH,
    check_back_to_door,
    check_plan,
    find_floor_line,
    free_sight,
)
from doenvermogen.rooms.geometry.model import (
    AREA_TOLERANCE,
    DESK,
    FLOOR_LINE,
    SEAT_CLIENT,
    SEAT_PROFESSIONAL,
    Item,
    Plan,
    corners,
    fits_somewhere,
)

DESK_GAP = 5.0
# Checks that depend on which items there are, not on where they stand.
ITEM_CODES = {
    "desk.present",
    "desk.size",
    "desk.height_adjustable",
    "hygiene.tables_wipeable",
    "hygiene.sofa_wipeable",
    "plants.maintained",
    "budget.limit",
}  # between the desk's front and the chair


@dataclass(frozen=True)
class ArrangeResult:
    found: bool
    plan: Plan | None = None
    reason: str = (
        ""  # "", "item_too_big", "no_floor_line", "too_much_furniture", "exhausted", "time"
    )
    params: dict | None = None
    tried: int = 0
    seconds: float = 0.0


class _Stop(Exception):
    pass


def _chair_for(desk: Item, chair: Item) -> Item:
    fx, fy = desk.facing
    gap = desk.depth / 2 + chair.depth / 2 + DESK_GAP
    return replace(
        chair,
        x=desk.x + fx * gap,
        y=desk.y + fy * gap,
        rotation=(desk.rotation + 180) % 360,
    )


def _grid(plan: Plan, step: float) -> list[tuple[float, float]]:
    minx, miny, maxx, maxy = plan.room.bounds
    xs = [minx + step / 2 + i * step for i in range(int((maxx - minx) // step))]
    ys = [miny + step / 2 + i * step for i in range(int((maxy - miny) // step))]
    return [(x, y) for y in ys for x in xs]


def _keep_free(plan: Plan) -> Polygon:
    zones = []
    for door in plan.doors:
        swing = plan.door_swing(door)
        if swing is not None:
            zones.append(swing)
        zones.append(plan.door_zone(door, CONNECTING_DOOR_DEPTH if door.connecting else PATH_WIDTH))
    return unary_union(zones) if zones else Polygon()


def auto_arrange(plan: Plan, *, step: float = 10.0, time_limit: float = 8.0) -> ArrangeResult:
    """A layout of the same items that passes every check, or why there is none."""
    started = time.monotonic()
    room = plan.room
    fixed = [it for it in plan.items if it.fixed]
    movable = [it for it in plan.items if not it.fixed]

    for it in movable:
        if not fits_somewhere(room, it.width, it.depth):
            return ArrangeResult(False, reason="item_too_big", params={"name": it.name})
    layout_free = check_plan(plan, only=ITEM_CODES)
    if not layout_free.passes:
        return ArrangeResult(
            False, reason="needs_other_items", params={"codes": sorted(layout_free.failing_codes())}
        )
    bare = replace(plan, items=tuple(fixed))
    if find_floor_line(bare) is None:
        return ArrangeResult(False, reason="no_floor_line")
    keep_free = _keep_free(plan)
    floor = room.area - keep_free.intersection(room).area - sum(it.footprint.area for it in fixed)
    needed = sum(it.width * it.depth for it in movable if it.category != FLOOR_LINE)
    if needed > floor:
        return ArrangeResult(
            False,
            reason="too_much_furniture",
            params={"needed": round(needed / 10_000, 1), "free": round(floor / 10_000, 1)},
        )

    desk = next((it for it in movable if it.category == DESK), None)
    pro = next((it for it in movable if it.seat == SEAT_PROFESSIONAL), None)
    units: list[list[Item]] = []
    rest = [it for it in movable if it not in (desk, pro)]
    lines = [it for it in rest if it.category == FLOOR_LINE]
    rest = [it for it in rest if it.category != FLOOR_LINE]
    units += [[it] for it in lines]
    if desk and pro:
        units.append([desk, pro])
    elif desk:
        units.append([desk])
    elif pro:
        units.append([pro])
    units += [[it] for it in sorted(rest, key=lambda i: -i.width * i.depth)]

    grid = _grid(plan, step)
    walls = room.exterior
    doors = plan.main_doors
    goals = [plan.door_midpoint(d, inward=PATH_WIDTH / 2 + 1) for d in doors]
    tried = 0
    deadline = started + time_limit

    grid_xy = np.array(grid, dtype=float)
    shapely.prepare(room)
    shapely.prepare(keep_free)

    def footprints(width: float, depth: float, rotation: float, centres: np.ndarray):
        offsets = np.array(corners(width, depth, rotation))
        return shapely.polygons(centres[:, None, :] + offsets[None, :, :])

    def fits(polys, blocked, floor_level: bool) -> np.ndarray:
        ok = shapely.covers(room, polys)
        if not floor_level and not keep_free.is_empty:
            hit = ok & shapely.intersects(keep_free, polys)
            if hit.any():
                area = shapely.area(shapely.intersection(polys[hit], keep_free))
                ok[np.flatnonzero(hit)[area > AREA_TOLERANCE]] = False
        if blocked is not None:
            hit = ok & shapely.intersects(blocked, polys)
            if hit.any():
                area = shapely.area(shapely.intersection(polys[hit], blocked))
                ok[np.flatnonzero(hit)[area > AREA_TOLERANCE]] = False
        return ok

    def candidates(unit: list[Item], placed: list[Item]) -> Iterator[list[Item]]:
        lead = unit[0]
        rotations = (0, 90, 180, 270)
        if len(unit) == 1 and not lead.seat and lead.category != DESK:
            rotations = (0, 90) if lead.width != lead.depth else (0,)
        solid = [p.footprint for p in fixed + placed if not p.floor_level or lead.floor_level]
        blocked = unary_union(solid) if solid else None
        if blocked is not None:
            shapely.prepare(blocked)
        out = []
        for rotation in rotations:
            polys = footprints(lead.width, lead.depth, rotation, grid_xy)
            ok = fits(polys, blocked, lead.floor_level)
            centres = grid_xy
            if len(unit) == 2:
                chair = unit[1]
                probe = _chair_for(replace(lead, x=0.0, y=0.0, rotation=rotation), chair)
                chair_centres = grid_xy + np.array([probe.x, probe.y])
                chair_polys = footprints(chair.width, chair.depth, probe.rotation, chair_centres)
                ok &= fits(chair_polys, blocked, False)
            idx = np.flatnonzero(ok)
            if not len(idx):
                continue
            if lead.category == FLOOR_LINE:
                scores = shapely.distance(room.centroid, polys[idx])
            else:
                scores = shapely.distance(walls, polys[idx])
                if len(unit) == 2:
                    scores = scores + shapely.distance(walls, chair_polys[idx])
            for i, score in zip(idx, scores, strict=True):
                out.append((float(score), float(centres[i][0]), float(centres[i][1]), rotation))
        out.sort()
        for _, x, y, rotation in out:  # made one by one: the search rarely needs many
            moved = [replace(lead, x=x, y=y, rotation=rotation)]
            if len(unit) == 2:
                moved.append(_chair_for(moved[0], unit[1]))
            yield moved

    def viable(placed: list[Item]) -> bool:
        partial = replace(plan, items=tuple(fixed + placed))
        seats = [p for p in placed if p.seat == SEAT_PROFESSIONAL]
        if seats and doors:
            if not check_back_to_door(partial)[0].ok:
                return False
            blocks = [
                p.footprint for p in fixed + placed if not p.floor_level and p is not seats[0]
            ]
            if not pathing.connected(
                room, blocks, seats[0].centre, goals, PATH_WIDTH / 2, STAND_UP_REACH
            ):
                return False
        clients = [p for p in placed if p.seat == SEAT_CLIENT]
        if clients and max(free_sight(partial, c)[0] for c in clients) < SIGHT_LENGTH:
            return False
        has_line = any(p.category == FLOOR_LINE for p in placed)
        return has_line or find_floor_line(partial) is not None

    def search(i: int, placed: list[Item]) -> Plan | None:
        nonlocal tried
        if time.monotonic() > deadline:
            raise _Stop
        if i == len(units):
            tried += 1
            candidate = replace(plan, items=tuple(fixed + placed))
            return candidate if check_plan(candidate).passes else None
        for option in candidates(units[i], placed):
            if time.monotonic() > deadline:
                raise _Stop
            nxt = placed + option
            if not viable(nxt):
                continue
            found = search(i + 1, nxt)
            if found is not None:
                return found
        return None

    try:
        result = search(0, [])
    except _Stop:
        return ArrangeResult(
            False, reason="time", tried=tried, seconds=round(time.monotonic() - started, 1)
        )
    seconds = round(time.monotonic() - started, 1)
    if result is None:
        return ArrangeResult(False, reason="exhausted", tried=tried, seconds=seconds)
    order = {it.key: n for n, it in enumerate(plan.items)}
    result = replace(result, items=tuple(sorted(result.items, key=lambda it: order[it.key])))
    return ArrangeResult(True, result, tried=tried, seconds=seconds)


def rounded(value: float) -> int:
    return int(math.floor(value + 0.5))
