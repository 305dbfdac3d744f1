"""Clearance path search: is there a way of at least ``2 × radius`` cm wide from A to B?

Method (configuration space of a disc): the walkable space for the centre of a person of width
``2r`` is the room eroded by ``r`` minus every obstacle dilated by ``r``. A way exists exactly when
start and goal lie in the same connected piece of that space; the shortest way within that piece is
found with A* over its visibility graph (its vertices plus start and goal; an edge is a straight
segment that stays inside the piece). The bottleneck width of the best way is found by bisection on
``r``.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import nearest_points, unary_union

QUAD_SEGS = 4  # polygon arcs for dilated corners: at most 0.8 cm off for r = 40 cm


@dataclass(frozen=True)
class PathResult:
    found: bool
    line: LineString | None = None
    length: float = 0.0
    start: Point | None = None
    goal: Point | None = None


def free_space(room: Polygon, obstacles: list[Polygon], radius: float) -> Polygon | MultiPolygon:
    """Where the centre of a disc of ``radius`` cm can be without touching walls or obstacles."""
    space = room.buffer(-radius, quad_segs=QUAD_SEGS)
    if obstacles:
        blocked = unary_union([o.buffer(radius, quad_segs=QUAD_SEGS) for o in obstacles])
        space = space.difference(blocked)
    return space


def _pieces(space) -> list[Polygon]:
    if space.is_empty:
        return []
    if isinstance(space, Polygon):
        return [space]
    return [g for g in getattr(space, "geoms", []) if isinstance(g, Polygon) and not g.is_empty]


def _piece_of(pieces: list[Polygon], point: Point, reach: float) -> tuple[Polygon, Point] | None:
    """The piece that holds ``point``, or the nearest one within ``reach`` (and the point in it)."""
    best = None
    for piece in pieces:
        if piece.covers(point):
            return piece, point
        d = piece.distance(point)
        if d <= reach and (best is None or d < best[0]):
            best = (d, piece, nearest_points(piece, point)[0])
    return (best[1], best[2]) if best else None


def _a_star(piece: Polygon, start: Point, goal: Point) -> LineString | None:
    """Shortest polyline from start to goal inside ``piece`` (visibility graph, A*)."""
    fat = piece.buffer(0.05)  # tolerate segments that run along the boundary
    shapely.prepare(fat)
    verts = [start.coords[0], goal.coords[0]]
    for ring in [piece.exterior, *piece.interiors]:
        verts.extend(ring.coords[:-1])
    pts = np.array(verts, dtype=float)
    n = len(pts)
    goal_i = 1
    dist = {0: 0.0}
    prev: dict[int, int] = {}
    done = set()
    heap = [(math.dist(pts[0], pts[goal_i]), 0)]
    while heap:
        _, u = heapq.heappop(heap)
        if u in done:
            continue
        done.add(u)
        if u == goal_i:
            break
        others = np.array([v for v in range(n) if v not in done and v != u])
        if others.size == 0:
            continue
        lines = shapely.linestrings(
            np.stack([np.repeat(pts[u][None, :], len(others), axis=0), pts[others]], axis=1)
        )
        visible = others[shapely.covers(fat, lines)]
        for v in visible:
            nd = dist[u] + math.dist(pts[u], pts[v])
            if nd < dist.get(v, math.inf) - 1e-9:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd + math.dist(pts[v], pts[goal_i]), v))
    if goal_i not in done:
        return None
    chain = [goal_i]
    while chain[-1] != 0:
        chain.append(prev[chain[-1]])
    return LineString([tuple(pts[i]) for i in reversed(chain)])


def find_path(
    room: Polygon,
    obstacles: list[Polygon],
    start: Point,
    goals: list[Point],
    radius: float,
    start_reach: float = 0.0,
) -> PathResult:
    """The shortest way of width ``2 × radius`` from ``start`` to the nearest reachable goal.

    ``start_reach``: how far the start may step to reach walkable space (standing up from a chair
    at a desk). Goals must lie in walkable space themselves.
    """
    pieces = _pieces(free_space(room, obstacles, radius))
    found = _piece_of(pieces, start, start_reach)
    if found is None:
        return PathResult(False)
    piece, snapped = found
    best: PathResult = PathResult(False)
    for goal in goals:
        if not piece.covers(goal):
            continue
        line = _a_star(piece, snapped, goal)
        if line is None:
            continue
        if snapped.distance(start) > 0.01:
            line = LineString([start.coords[0], *line.coords])
        if not best.found or line.length < best.length:
            best = PathResult(True, line, line.length, snapped, goal)
    return best


def connected(
    room: Polygon,
    obstacles: list[Polygon],
    start: Point,
    goals: list[Point],
    radius: float,
    start_reach: float = 0.0,
) -> bool:
    """Cheaper than ``find_path``: only whether start and a goal share a piece of free space."""
    pieces = _pieces(free_space(room, obstacles, radius))
    found = _piece_of(pieces, start, start_reach)
    if found is None:
        return False
    piece = found[0]
    return any(piece.covers(goal) for goal in goals)


def widest_radius(
    room: Polygon,
    obstacles: list[Polygon],
    start: Point,
    goals: list[Point],
    high: float,
    start_reach: float = 0.0,
    precision: float = 0.25,
) -> float:
    """The largest radius (≤ ``high``) for which a way exists; 0 when there is none at all."""
    low = 0.5
    if not connected(room, obstacles, start, goals, low, start_reach):
        return 0.0
    while high - low > precision:
        mid = (low + high) / 2
        if connected(room, obstacles, start, goals, mid, start_reach):
            low = mid
        else:
            high = mid
    return low


def narrowest_point(line: LineString, blockers: list) -> tuple[Point, float]:
    """The point of ``line`` where it passes between two blockers (walls, obstacles) with the
    least room, and that width (the sum of the distances to the two nearest blockers)."""
    steps = max(2, int(line.length // 5) + 1)
    points = [line.interpolate(line.length * i / steps) for i in range(steps + 1)]
    dist = np.array([[b.distance(p) for b in blockers] for p in points])
    dist.sort(axis=1)
    width = dist[:, 0] + (dist[:, 1] if dist.shape[1] > 1 else dist[:, 0])
    i = int(np.argmin(width))
    return points[i], float(width[i])
