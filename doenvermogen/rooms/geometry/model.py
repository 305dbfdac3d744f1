"""The plan of a room in real units (centimetres), and its shapes in shapely.

Coordinates are plan coordinates: x to the right, y downwards (as on the screen and in SVG), in
centimetres. A rotation is in degrees, clockwise on the plan. An item's *front* is its local +y side
at rotation 0 (the side a person sits at or looks from); ``Item.facing`` turns it with the item.

Nothing here knows about Django: ``PlanError`` carries a stable code and numbers, the Django layer
turns them into Dutch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cached_property

from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box
from shapely.validation import explain_validity

Coord = tuple[float, float]

# Categories of furniture and fixed things.
DESK = "desk"
TABLE = "table"
CHAIR = "chair"
SOFA = "sofa"
CABINET = "cabinet"
PLANT = "plant"
RUG = "rug"
LAMP = "lamp"
PLAY = "play"
FLOOR_LINE = "floor_line"
FIXED = "fixed"
CATEGORIES = (DESK, TABLE, CHAIR, SOFA, CABINET, PLANT, RUG, LAMP, PLAY, FLOOR_LINE, FIXED)
# Things one walks over: never an obstacle for the path, the sight line or overlap.
FLOOR_LEVEL = frozenset({RUG, FLOOR_LINE})

SEAT_PROFESSIONAL = "professional"
SEAT_CLIENT = "client"

# Areas below this many cm² count as touching, not overlapping (rounding of rotated shapes).
AREA_TOLERANCE = 0.5


def corners(
    width: float, depth: float, rotation: float, x: float = 0.0, y: float = 0.0
) -> list[Coord]:
    """The four corners of a width × depth rectangle turned by ``rotation`` around (x, y)."""
    a = math.radians(rotation)
    c, s = math.cos(a), math.sin(a)
    w, d = width / 2, depth / 2
    return [
        (x + px * c - py * s, y + px * s + py * c)
        for px, py in ((-w, -d), (w, -d), (w, d), (-w, d))
    ]


class PlanError(ValueError):
    """Input that does not make a room: a stable ``code`` and the numbers for the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Item:
    """A piece of furniture or a fixed thing, placed: centre (x, y), size and rotation."""

    key: str
    name: str
    category: str
    width: float
    depth: float
    x: float
    y: float
    rotation: float = 0.0
    price: int = 0
    owned: bool = False
    height_adjustable: bool = False
    wipeable: bool = False
    child_friendly: bool = False
    needs_maintenance: bool = False
    maintained: bool = False
    seats: int = 0
    seat: str = ""
    catalogue_code: str = ""

    @property
    def fixed(self) -> bool:
        return self.category == FIXED

    @property
    def floor_level(self) -> bool:
        return self.category in FLOOR_LEVEL

    @cached_property
    def footprint(self) -> Polygon:
        return Polygon(corners(self.width, self.depth, self.rotation, self.x, self.y))

    @property
    def centre(self) -> Point:
        return Point(self.x, self.y)

    @property
    def facing(self) -> Coord:
        """Unit vector of the item's front (local +y turned by the rotation)."""
        a = math.radians(self.rotation)
        return (-math.sin(a), math.cos(a))

    @property
    def cost(self) -> int:
        """What it costs to buy: nothing when the organisation owns it or it is part of the room."""
        return 0 if self.owned or self.fixed else self.price

    def moved(self, dx: float = 0, dy: float = 0, rotation: float | None = None) -> Item:
        return replace(
            self,
            x=self.x + dx,
            y=self.y + dy,
            rotation=self.rotation if rotation is None else rotation % 360,
        )


@dataclass(frozen=True)
class Opening:
    """A door or window in a wall. ``wall`` i runs from outline point i to point i+1.

    ``offset`` is the distance (cm) from the wall's start to the opening's near edge. A door's
    hinge is at its ``start`` or ``end`` edge; an inward door swings into the room.
    """

    key: str
    wall: int
    offset: float
    width: float
    kind: str = "door"  # "door", "connecting_door" or "window"
    hinge: str = "start"
    opens_inward: bool = True

    @property
    def is_door(self) -> bool:
        return self.kind in ("door", "connecting_door")

    @property
    def connecting(self) -> bool:
        return self.kind == "connecting_door"


@dataclass(frozen=True)
class CatalogueEntry:
    """What a shop sells: used by suggestions (swap for a better item) and to add missing things."""

    code: str
    name: str
    category: str
    width: float
    depth: float
    price: int
    height_adjustable: bool = False
    wipeable: bool = False
    child_friendly: bool = False
    needs_maintenance: bool = False
    seats: int = 0

    def as_item(self, *, key: str, x: float, y: float, rotation: float = 0.0, **extra) -> Item:
        return Item(
            key=key,
            name=self.name,
            category=self.category,
            width=self.width,
            depth=self.depth,
            x=x,
            y=y,
            rotation=rotation,
            price=self.price,
            height_adjustable=self.height_adjustable,
            wipeable=self.wipeable,
            child_friendly=self.child_friendly,
            needs_maintenance=self.needs_maintenance,
            seats=self.seats,
            catalogue_code=self.code,
            **extra,
        )


@dataclass(frozen=True)
class Plan:
    outline: tuple[Coord, ...]
    openings: tuple[Opening, ...] = ()
    items: tuple[Item, ...] = ()
    budget_limit: int = 5000
    extra: dict = field(default_factory=dict, compare=False)

    @cached_property
    def room(self) -> Polygon:
        return Polygon(self.outline)

    @cached_property
    def _orientation(self) -> float:
        """+1 when the outline runs with positive signed area (interior left of each wall)."""
        pts = self.outline
        area2 = sum(
            pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1]
            for i in range(len(pts))
        )
        return 1.0 if area2 > 0 else -1.0

    def wall(self, index: int) -> tuple[Coord, Coord]:
        return self.outline[index], self.outline[(index + 1) % len(self.outline)]

    def wall_length(self, index: int) -> float:
        (ax, ay), (bx, by) = self.wall(index)
        return math.hypot(bx - ax, by - ay)

    def inward_normal(self, index: int) -> Coord:
        (ax, ay), (bx, by) = self.wall(index)
        length = math.hypot(bx - ax, by - ay)
        dx, dy = (bx - ax) / length, (by - ay) / length
        s = self._orientation
        return (-dy * s, dx * s)

    def opening_segment(self, opening: Opening) -> tuple[Coord, Coord]:
        (ax, ay), (bx, by) = self.wall(opening.wall)
        length = self.wall_length(opening.wall)
        ux, uy = (bx - ax) / length, (by - ay) / length
        p = (ax + ux * opening.offset, ay + uy * opening.offset)
        q = (p[0] + ux * opening.width, p[1] + uy * opening.width)
        return p, q

    def door_midpoint(self, door: Opening, inward: float = 0.0) -> Point:
        (px, py), (qx, qy) = self.opening_segment(door)
        nx, ny = self.inward_normal(door.wall)
        return Point((px + qx) / 2 + nx * inward, (py + qy) / 2 + ny * inward)

    def door_swing(self, door: Opening, steps: int = 32) -> Polygon | None:
        """The quarter circle the door leaf sweeps inside the room (None for outward doors)."""
        if not door.is_door or not door.opens_inward:
            return None
        p, q = self.opening_segment(door)
        hinge, free = (p, q) if door.hinge == "start" else (q, p)
        nx, ny = self.inward_normal(door.wall)
        r = door.width
        a0 = math.atan2(free[1] - hinge[1], free[0] - hinge[0])
        a1 = math.atan2(ny, nx)
        delta = (a1 - a0 + math.pi) % (2 * math.pi) - math.pi  # ±90°
        pts = [hinge]
        for i in range(steps + 1):
            a = a0 + delta * i / steps
            pts.append((hinge[0] + r * math.cos(a), hinge[1] + r * math.sin(a)))
        return Polygon(pts)

    def door_zone(self, door: Opening, depth: float) -> Polygon:
        """The rectangle of ``depth`` cm in front of an opening, inside the room."""
        (px, py), (qx, qy) = self.opening_segment(door)
        nx, ny = self.inward_normal(door.wall)
        return Polygon(
            [
                (px, py),
                (qx, qy),
                (qx + nx * depth, qy + ny * depth),
                (px + nx * depth, py + ny * depth),
            ]
        )

    @property
    def doors(self) -> list[Opening]:
        return [o for o in self.openings if o.is_door]

    @property
    def main_doors(self) -> list[Opening]:
        return [o for o in self.openings if o.kind == "door"]

    def item(self, key: str) -> Item:
        for it in self.items:
            if it.key == key:
                return it
        raise KeyError(key)

    def with_item(self, new: Item) -> Plan:
        items = tuple(new if it.key == new.key else it for it in self.items)
        if all(it.key != new.key for it in self.items):
            items = (*self.items, new)
        return replace(self, items=items)

    def without_item(self, key: str) -> Plan:
        return replace(self, items=tuple(it for it in self.items if it.key != key))

    @property
    def total_cost(self) -> int:
        return sum(it.cost for it in self.items)


def validate_outline(outline: list[Coord] | tuple[Coord, ...]) -> None:
    """Raise ``PlanError`` unless the points make one simple polygon of at least 1 m²."""
    if len(outline) < 3:
        raise PlanError("outline.too_few_points", count=len(outline))
    for x, y in outline:
        if not (math.isfinite(x) and math.isfinite(y)):
            raise PlanError("outline.not_a_number")
    poly = Polygon(outline)
    if not poly.is_valid:
        where = explain_validity(poly)
        spot = None
        if "[" in where:
            try:
                nums = where.split("[", 1)[1].rstrip("]").split()
                spot = (round(float(nums[0])), round(float(nums[1])))
            except (ValueError, IndexError):
                spot = None
        raise PlanError("outline.self_intersecting", spot=spot)
    if poly.area < 10_000:
        raise PlanError("outline.too_small", area=round(poly.area / 10_000, 2))


def validate_plan(plan: Plan) -> None:
    """Raise ``PlanError`` for input that cannot be a room (checked before any analysis)."""
    validate_outline(plan.outline)
    n = len(plan.outline)
    for o in plan.openings:
        if o.width <= 0 or o.offset < 0:
            raise PlanError("size.negative", name=o.key)
        if not 0 <= o.wall < n:
            raise PlanError("opening.unknown_wall", wall=o.wall + 1, walls=n)
        if o.offset + o.width > plan.wall_length(o.wall) + 0.01:
            raise PlanError(
                "opening.outside_wall",
                wall=o.wall + 1,
                length=round(plan.wall_length(o.wall)),
                end=round(o.offset + o.width),
            )
    for it in plan.items:
        validate_item_size(plan, it.name, it.width, it.depth)


def validate_item_size(plan: Plan, name: str, width: float, depth: float) -> None:
    if width <= 0 or depth <= 0:
        raise PlanError("size.negative", name=name)
    if not fits_somewhere(plan.room, width, depth):
        minx, miny, maxx, maxy = plan.room.bounds
        raise PlanError(
            "item.bigger_than_room",
            name=name,
            width=round(width),
            depth=round(depth),
            room_width=round(maxx - minx),
            room_depth=round(maxy - miny),
        )


def fits_somewhere(room: Polygon, width: float, depth: float) -> bool:
    """Whether a width × depth rectangle fits in the room in some position and rotation.

    Exact for rectangular rooms; for other outlines it tries rotations in steps of 15° and
    positions on a 5 cm grid within the room.
    """
    minx, miny, maxx, maxy = room.bounds
    if abs(room.area - room.envelope.area) < 0.01:  # an axis-aligned rectangle
        w, d = maxx - minx + 0.01, maxy - miny + 0.01
        return (width <= w and depth <= d) or (depth <= w and width <= d)
    for angle in range(0, 180, 15):
        rect = affinity.rotate(
            box(-width / 2, -depth / 2, width / 2, depth / 2), angle, origin=(0, 0)
        )
        rminx, rminy, rmaxx, rmaxy = rect.bounds
        if rmaxx - rminx > maxx - minx + 0.01 or rmaxy - rminy > maxy - miny + 0.01:
            continue
        for x in _steps(minx - rminx, maxx - rmaxx):
            for y in _steps(miny - rminy, maxy - rmaxy):
                if room.covers(affinity.translate(rect, x, y)):
                    return True
    return False


def _steps(lo: float, hi: float, step: float = 5.0) -> list[float]:
    if hi < lo:
        return []
    n = int((hi - lo) // step)
    return [lo + i * step for i in range(n + 1)] + [hi]


def segment(a: Coord, b: Coord) -> LineString:
    return LineString([a, b])
