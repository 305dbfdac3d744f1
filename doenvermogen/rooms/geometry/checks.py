"""Every check of a consultation room against the seed's requirements; entry point ``check_plan``.

Each check has a stable code (used in tests, the checklist, the PDF and the suggestions), gives one
``Finding`` when all is well or one per problem, with the spot on the plan and the numbers the
explanation needs. The Dutch wording lives in the Django layer (rooms/texts.py), keyed by code.

Requirements (the seed's "Eisen", Utrecht JGZ pilot): a desk of at least 140 × 80 cm that is
height-adjustable; 5 m of free sight from the client's seat; room for a 5.5 m line on the floor;
the professional reaches the door by a way of at least 80 cm wide; the connecting door stays free;
tables and the sofa wipeable ("afneembaar"); plants only when someone maintains them; the budget.
Ergonomics: nothing overlaps, nothing outside the walls, door swings free, the professional does
not sit with their back to the door.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point
from shapely.ops import unary_union

from doenvermogen.rooms.geometry import path as pathing
from doenvermogen.rooms.geometry.model import (
    AREA_TOLERANCE,
    DESK,
    FLOOR_LINE,
    PLANT,
    SEAT_CLIENT,
    SEAT_PROFESSIONAL,
    SOFA,
    TABLE,
    Coord,
    Item,
    Plan,
)

REQUIREMENT = "requirement"
ERGONOMICS = "ergonomics"
ADVICE = "advice"

DESK_LENGTH = 140.0
DESK_DEPTH = 80.0
SIGHT_LENGTH = 500.0
FLOOR_LINE_LENGTH = 550.0
FLOOR_LINE_CLEARANCE = 15.0  # free floor on either side of the line (a 30 cm strip to walk on)
PATH_WIDTH = 80.0
PATH_TOLERANCE = 0.05  # half a millimetre: a way of exactly 80 cm passes
STAND_UP_REACH = 60.0  # how far the professional moves to stand up from the chair
CONNECTING_DOOR_DEPTH = 80.0  # free zone in front of a connecting door
BACK_TO_DOOR_ANGLE = 135.0  # the door lies behind the professional beyond this angle

# Codes in the order of the checklist.
CODES: tuple[tuple[str, str], ...] = (
    ("desk.present", REQUIREMENT),
    ("desk.size", REQUIREMENT),
    ("desk.height_adjustable", REQUIREMENT),
    ("sight_line.5m", REQUIREMENT),
    ("floor_line.5_5m", REQUIREMENT),
    ("door.path_80cm", REQUIREMENT),
    ("door.connecting_free", REQUIREMENT),
    ("hygiene.tables_wipeable", REQUIREMENT),
    ("hygiene.sofa_wipeable", REQUIREMENT),
    ("plants.maintained", REQUIREMENT),
    ("budget.limit", REQUIREMENT),
    ("layout.no_overlap", ERGONOMICS),
    ("layout.inside_walls", ERGONOMICS),
    ("door.swing_free", ERGONOMICS),
    ("layout.not_back_to_door", ERGONOMICS),
    ("room.child_friendly", ADVICE),
)
SEVERITY = dict(CODES)


@dataclass(frozen=True)
class Finding:
    code: str
    ok: bool
    spot: Coord | None = None
    items: tuple[str, ...] = ()
    params: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def severity(self) -> str:
        return SEVERITY[self.code]

    @property
    def is_violation(self) -> bool:
        return not self.ok and self.severity != ADVICE


@dataclass
class Report:
    findings: list[Finding]
    path: LineString | None = None
    sight_line: LineString | None = None
    floor_line: LineString | None = None

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.is_violation]

    @property
    def passes(self) -> bool:
        return not self.violations

    def failing_codes(self) -> set[str]:
        return {f.code for f in self.violations}

    def by_code(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.code == code]


def _xy(p: Point) -> Coord:
    return (round(p.x, 1), round(p.y, 1))


def obstacles(plan: Plan, *, except_keys: tuple[str, ...] = ()) -> list[Item]:
    """Everything one cannot walk through or look through (not rugs and floor lines)."""
    return [it for it in plan.items if not it.floor_level and it.key not in except_keys]


def seat(plan: Plan, role: str) -> list[Item]:
    return [it for it in plan.items if it.seat == role]


# --- desk --------------------------------------------------------------------------------------


def check_desk(plan: Plan) -> list[Finding]:
    desks = [it for it in plan.items if it.category == DESK]
    if not desks:
        return [
            Finding("desk.present", False),
            Finding("desk.size", False, params={"missing": True}),
            Finding("desk.height_adjustable", False, params={"missing": True}),
        ]

    def size_ok(d: Item) -> bool:
        return max(d.width, d.depth) >= DESK_LENGTH and min(d.width, d.depth) >= DESK_DEPTH

    best = max(desks, key=lambda d: (size_ok(d), d.height_adjustable, d.width * d.depth))
    out = [Finding("desk.present", True, _xy(best.centre), (best.key,))]
    sized = [d for d in desks if size_ok(d)]
    params = {
        "length": round(max(best.width, best.depth)),
        "depth": round(min(best.width, best.depth)),
        "name": best.name,
    }
    out.append(
        Finding("desk.size", bool(sized), _xy(best.centre), (best.key,), params)
        if not sized
        else Finding("desk.size", True, _xy(sized[0].centre), (sized[0].key,), params)
    )
    adjustable = [d for d in (sized or desks) if d.height_adjustable]
    target = adjustable[0] if adjustable else best
    out.append(
        Finding(
            "desk.height_adjustable",
            bool(adjustable),
            _xy(target.centre),
            (target.key,),
            {"name": target.name},
        )
    )
    return out


# --- sight line --------------------------------------------------------------------------------


def free_sight(plan: Plan, viewer: Item, step_degrees: float = 2.0) -> tuple[float, LineString]:
    """The longest free straight view from the centre of ``viewer`` and that line."""
    blockers = [o.footprint.exterior for o in obstacles(plan, except_keys=(viewer.key,))]
    boundary = unary_union([plan.room.exterior, *plan.room.interiors, *blockers])
    p = np.array([viewer.x, viewer.y])
    angles = np.radians(np.arange(0.0, 360.0, step_degrees))
    dirs = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    far = 100_000.0
    rays = shapely.linestrings(np.stack([np.repeat(p[None, :], len(dirs), 0), p + dirs * far], 1))
    hits = shapely.intersection(rays, boundary)
    coords, index = shapely.get_coordinates(hits, return_index=True)
    lengths = np.full(len(dirs), 0.0)
    if len(coords):
        d = np.hypot(coords[:, 0] - p[0], coords[:, 1] - p[1])
        best = np.full(len(dirs), np.inf)
        np.minimum.at(best, index, d)
        lengths = np.where(np.isfinite(best), best, 0.0)
    # A viewer inside another obstacle sees nothing.
    if any(o.footprint.contains(Point(p)) for o in obstacles(plan, except_keys=(viewer.key,))):
        lengths[:] = 0.0
    i = int(np.argmax(lengths))
    length = float(lengths[i])
    line = LineString([tuple(p), tuple(p + dirs[i] * min(length, SIGHT_LENGTH))])
    return length, line


def check_sight_line(plan: Plan, report: Report) -> list[Finding]:
    seats = seat(plan, SEAT_CLIENT)
    if not seats:
        return [Finding("sight_line.5m", False, params={"no_seat": True})]
    best = None
    for s in seats:
        length, line = free_sight(plan, s)
        if best is None or length > best[0]:
            best = (length, line, s)
    length, line, s = best
    report.sight_line = line
    end = line.coords[-1]
    return [
        Finding(
            "sight_line.5m",
            length >= SIGHT_LENGTH - 1e-6,
            (round(end[0], 1), round(end[1], 1)) if length < SIGHT_LENGTH else _xy(s.centre),
            (s.key,),
            {"length": math.floor(length), "needed": round(SIGHT_LENGTH), "name": s.name},
        )
    ]


# --- floor line --------------------------------------------------------------------------------


def _line_of(item: Item) -> LineString:
    half = max(item.width, item.depth) / 2
    along = (half, 0) if item.width >= item.depth else (0, half)
    line = LineString([(-along[0], -along[1]), along])
    return affinity.translate(affinity.rotate(line, item.rotation, origin=(0, 0)), item.x, item.y)


def find_floor_line(plan: Plan, length: float = FLOOR_LINE_LENGTH) -> LineString | None:
    """A straight free line of ``length`` cm on the floor, as central as possible, or None."""
    blocked = [
        o.footprint.buffer(FLOOR_LINE_CLEARANCE, join_style="mitre")
        for o in plan.items
        if o.category != FLOOR_LINE
    ]
    free = plan.room.difference(unary_union(blocked)) if blocked else plan.room
    if free.is_empty:
        return None
    angles = {0.0, 90.0, 45.0, 135.0}
    pts = plan.outline
    for i in range(len(pts)):
        (ax, ay), (bx, by) = pts[i], pts[(i + 1) % len(pts)]
        angles.add(round(math.degrees(math.atan2(by - ay, bx - ax)) % 180, 6))
    centre = plan.room.centroid
    for angle in sorted(angles):
        turned = affinity.rotate(free, -angle, origin=centre)
        minx, miny, maxx, maxy = turned.bounds
        ys = list(np.arange(miny + 1, maxy - 1, 5.0)) + [maxy - 1]
        ys.sort(key=lambda y: abs(y - (miny + maxy) / 2))
        for y in ys:
            scan = LineString([(minx - 1, y), (maxx + 1, y)])
            pieces = scan.intersection(turned)
            for piece in getattr(pieces, "geoms", [pieces]):
                if isinstance(piece, LineString) and piece.length >= length - 1e-6:
                    mid = piece.interpolate(0.5, normalized=True)
                    line = LineString([(mid.x - length / 2, y), (mid.x + length / 2, y)])
                    return affinity.rotate(line, angle, origin=centre)
    return None


def check_floor_line(plan: Plan, report: Report) -> list[Finding]:
    lines = [it for it in plan.items if it.category == FLOOR_LINE]
    if lines:
        out = []
        for it in lines:
            line = _line_of(it)
            others = [o for o in plan.items if o.key != it.key]
            clash = [
                o for o in others if o.footprint.intersection(it.footprint).area > AREA_TOLERANCE
            ]
            inside = plan.room.covers(it.footprint.buffer(-0.01))
            long_enough = max(it.width, it.depth) >= FLOOR_LINE_LENGTH - 1e-6
            ok = inside and not clash and long_enough
            report.floor_line = report.floor_line or line
            spot = _xy(clash[0].footprint.intersection(it.footprint).centroid) if clash else None
            out.append(
                Finding(
                    "floor_line.5_5m",
                    ok,
                    spot or _xy(it.centre),
                    (it.key, *(o.key for o in clash)),
                    {
                        "length": round(max(it.width, it.depth)),
                        "placed": True,
                        "blocked_by": ", ".join(o.name for o in clash),
                        "outside": not inside,
                    },
                )
            )
        if any(f.ok for f in out):
            return [next(f for f in out if f.ok)]
        return out
    line = find_floor_line(plan)
    report.floor_line = line
    if line is None:
        return [Finding("floor_line.5_5m", False, _xy(plan.room.centroid), (), {"placed": False})]
    return [Finding("floor_line.5_5m", True, _xy(line.centroid), (), {"placed": False})]


# --- doors and the way out ---------------------------------------------------------------------


def check_door_path(plan: Plan, report: Report) -> list[Finding]:
    pros = seat(plan, SEAT_PROFESSIONAL)
    doors = plan.main_doors
    if not pros:
        return [Finding("door.path_80cm", False, params={"no_seat": True})]
    if not doors:
        return [Finding("door.path_80cm", False, params={"no_door": True})]
    pro = pros[0]
    blocks = [o.footprint for o in obstacles(plan, except_keys=(pro.key,))]
    radius = PATH_WIDTH / 2 - PATH_TOLERANCE
    goals = [plan.door_midpoint(d, inward=PATH_WIDTH / 2 + 1) for d in doors]
    result = pathing.find_path(plan.room, blocks, pro.centre, goals, radius, STAND_UP_REACH)
    if result.found:
        report.path = result.line
        return [
            Finding(
                "door.path_80cm",
                True,
                _xy(pro.centre),
                (pro.key,),
                {"length": round(result.length), "needed": round(PATH_WIDTH)},
            )
        ]
    widest = pathing.widest_radius(
        plan.room, blocks, pro.centre, goals, radius, STAND_UP_REACH, precision=PATH_TOLERANCE
    )
    params = {"needed": round(PATH_WIDTH), "width": math.floor(2 * (widest + PATH_TOLERANCE))}
    if widest <= 0:
        return [Finding("door.path_80cm", False, _xy(pro.centre), (pro.key,), params)]
    narrow = pathing.find_path(plan.room, blocks, pro.centre, goals, widest, STAND_UP_REACH)
    if not narrow.found:
        return [Finding("door.path_80cm", False, _xy(pro.centre), (pro.key,), params)]
    report.path = narrow.line
    coords = list(plan.room.exterior.coords)
    walls = [LineString([coords[i], coords[i + 1]]) for i in range(len(coords) - 1)]
    spot, _ = pathing.narrowest_point(narrow.line, walls + blocks)
    near = sorted(
        (o for o in obstacles(plan, except_keys=(pro.key,)) if not o.fixed),
        key=lambda o: o.footprint.distance(spot),
    )
    near = [o for o in near if o.footprint.distance(spot) <= radius + 1]
    return [
        Finding(
            "door.path_80cm",
            False,
            _xy(spot),
            tuple(o.key for o in near),
            params | {"blocked_by": ", ".join(o.name for o in near)},
        )
    ]


def _zone_clashes(plan: Plan, zone) -> list[Item]:
    return [o for o in obstacles(plan) if o.footprint.intersection(zone).area > AREA_TOLERANCE]


def check_door_swings(plan: Plan) -> list[Finding]:
    swing_out, connecting_out = [], []
    for door in plan.doors:
        swing = plan.door_swing(door)
        zone = swing
        if door.connecting:
            front = plan.door_zone(door, CONNECTING_DOOR_DEPTH)
            zone = front if swing is None else unary_union([swing, front])
        if zone is None:
            continue
        for o in _zone_clashes(plan, zone):
            finding = Finding(
                "door.connecting_free" if door.connecting else "door.swing_free",
                False,
                _xy(o.footprint.intersection(zone).centroid),
                (o.key,),
                {"name": o.name, "door": door.key},
            )
            (connecting_out if door.connecting else swing_out).append(finding)
    if not connecting_out:
        has = any(d.connecting for d in plan.doors)
        connecting_out = [Finding("door.connecting_free", True, params={"none": not has})]
    if not swing_out:
        swing_out = [Finding("door.swing_free", True)]
    return connecting_out + swing_out


def check_back_to_door(plan: Plan) -> list[Finding]:
    pros = seat(plan, SEAT_PROFESSIONAL)
    doors = plan.main_doors
    if not pros or not doors:
        return [Finding("layout.not_back_to_door", True, params={"unknown": True})]
    pro = pros[0]
    door = min(doors, key=lambda d: plan.door_midpoint(d).distance(pro.centre))
    mid = plan.door_midpoint(door)
    vx, vy = mid.x - pro.x, mid.y - pro.y
    fx, fy = pro.facing
    norm = math.hypot(vx, vy) or 1.0
    cos = max(-1.0, min(1.0, (vx * fx + vy * fy) / norm))
    angle = math.degrees(math.acos(cos))
    return [
        Finding(
            "layout.not_back_to_door",
            angle <= BACK_TO_DOOR_ANGLE + 1e-9,
            _xy(pro.centre),
            (pro.key,),
            {"angle": round(angle), "name": pro.name},
        )
    ]


# --- things ------------------------------------------------------------------------------------


def check_hygiene(plan: Plan) -> list[Finding]:
    out = []
    for code, cats in (
        ("hygiene.tables_wipeable", (DESK, TABLE)),
        ("hygiene.sofa_wipeable", (SOFA,)),
    ):
        bad = [it for it in plan.items if it.category in cats and not it.wipeable]
        if bad:
            out += [Finding(code, False, _xy(b.centre), (b.key,), {"name": b.name}) for b in bad]
        else:
            out.append(Finding(code, True))
    return out


def check_plants(plan: Plan) -> list[Finding]:
    bad = [
        it
        for it in plan.items
        if it.category == PLANT and it.needs_maintenance and not it.maintained
    ]
    if not bad:
        return [Finding("plants.maintained", True)]
    return [
        Finding("plants.maintained", False, _xy(b.centre), (b.key,), {"name": b.name}) for b in bad
    ]


def check_budget(plan: Plan) -> list[Finding]:
    total = plan.total_cost
    return [
        Finding(
            "budget.limit",
            total <= plan.budget_limit,
            params={"total": total, "limit": plan.budget_limit, "over": total - plan.budget_limit},
        )
    ]


def check_overlap_and_walls(plan: Plan) -> list[Finding]:
    solid = obstacles(plan)
    overlaps = []
    for i, a in enumerate(solid):
        for b in solid[i + 1 :]:
            inter = a.footprint.intersection(b.footprint)
            if inter.area > AREA_TOLERANCE:
                overlaps.append(
                    Finding(
                        "layout.no_overlap",
                        False,
                        _xy(inter.centroid),
                        (a.key, b.key),
                        {"a": a.name, "b": b.name, "area": round(inter.area)},
                    )
                )
    outside = []
    for it in plan.items:
        out = it.footprint.difference(plan.room)
        if out.area > AREA_TOLERANCE:
            outside.append(
                Finding(
                    "layout.inside_walls",
                    False,
                    _xy(out.centroid),
                    (it.key,),
                    {"name": it.name, "area": round(out.area)},
                )
            )
    return (overlaps or [Finding("layout.no_overlap", True)]) + (
        outside or [Finding("layout.inside_walls", True)]
    )


def check_children(plan: Plan) -> list[Finding]:
    friendly = [it for it in plan.items if it.child_friendly]
    return [
        Finding(
            "room.child_friendly",
            bool(friendly),
            _xy(friendly[0].centre) if friendly else None,
            tuple(it.key for it in friendly),
        )
    ]


def check_plan(plan: Plan, *, only: set[str] | None = None) -> Report:
    """Run every check (or the checks whose codes are in ``only``) and return the report."""
    report = Report(findings=[])
    groups = [
        ({"desk.present", "desk.size", "desk.height_adjustable"}, lambda: check_desk(plan)),
        ({"sight_line.5m"}, lambda: check_sight_line(plan, report)),
        ({"floor_line.5_5m"}, lambda: check_floor_line(plan, report)),
        ({"door.path_80cm"}, lambda: check_door_path(plan, report)),
        ({"door.connecting_free", "door.swing_free"}, lambda: check_door_swings(plan)),
        ({"hygiene.tables_wipeable", "hygiene.sofa_wipeable"}, lambda: check_hygiene(plan)),
        ({"plants.maintained"}, lambda: check_plants(plan)),
        ({"budget.limit"}, lambda: check_budget(plan)),
        ({"layout.no_overlap", "layout.inside_walls"}, lambda: check_overlap_and_walls(plan)),
        ({"layout.not_back_to_door"}, lambda: check_back_to_door(plan)),
        ({"room.child_friendly"}, lambda: check_children(plan)),
    ]
    found: list[Finding] = []
    for codes, run in groups:
        if only is None or codes & only:
            found.extend(run())
    order = {code: i for i, (code, _) in enumerate(CODES)}
    report.findings = sorted(found, key=lambda f: (order[f.code], f.ok))
    if only is not None:
        report.findings = [f for f in report.findings if f.code in only]
    return report
