"""The clearance path search: a way around when the straight line is blocked; no way at all."""

from __future__ import annotations

from shapely.geometry import LineString

from doenvermogen.rooms.geometry import check_plan
from doenvermogen.rooms.geometry import path as pathing
from tests.rooms.plans import door, item, plan, rect, seat


def _room_with_table(left: float, right: float):
    # 500 × 400; the professional at (100, 80); the door in wall 3 (bottom) centred at x 100.
    # Wall 3 runs from (500, 400) to (0, 400): offset 355 puts the door at x 145..55.
    table = item(
        "table",
        right - left,
        80,
        x=(left + right) / 2,
        y=200,
        key="table",
        name="Tafel",
        wipeable=True,
    )
    return plan(rect(500, 400), table, seat("professional", 100, 80), openings=[door(2, 355)])


def test_way_around_when_the_straight_line_is_blocked():
    p = _room_with_table(0, 250)
    table = p.item("table")
    start, goal = (100, 80), (100, 400)
    assert LineString([start, goal]).intersects(table.footprint)  # the straight way is blocked
    report = check_plan(p)
    finding = report.by_code("door.path_80cm")[0]
    assert finding.ok
    assert report.path is not None
    # The way goes around the table's right end (x 250) with 40 cm to spare on each side.
    assert max(x for x, _ in report.path.coords) >= 250 + 40 - 0.5
    assert report.path.distance(table.footprint) >= 40 - 1
    assert finding.params["length"] > 320  # longer than the straight 320 cm


def test_no_way_when_the_room_is_cut_off():
    p = _room_with_table(0, 500)  # the table spans the whole width
    finding = check_plan(p).by_code("door.path_80cm")[0]
    assert not finding.ok
    assert finding.params["width"] == 0


def test_narrow_way_reports_its_width_and_the_spot():
    # A gap of 60 cm at the right wall: a way exists, but too narrow.
    p = _room_with_table(0, 440)
    finding = check_plan(p).by_code("door.path_80cm")[0]
    assert not finding.ok
    assert finding.params["width"] == 60
    assert 440 <= finding.spot[0] <= 500 and 160 <= finding.spot[1] <= 240


def test_find_path_low_level():
    room = plan(rect(300, 300)).room
    wall = item("cabinet", 200, 20, x=100, y=150).footprint
    from shapely.geometry import Point

    result = pathing.find_path(room, [wall], Point(50, 50), [Point(50, 250)], 40)
    assert result.found and result.length > 200
    assert not pathing.connected(room, [wall], Point(50, 50), [Point(50, 250)], 60)
