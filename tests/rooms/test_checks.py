"""Each check of the geometry engine on hand-made plans that pass, and fail by a centimetre."""

from __future__ import annotations

import pytest

from doenvermogen.rooms.geometry import check_plan
from doenvermogen.rooms.geometry.checks import CODES
from tests.rooms.plans import desk, door, item, plan, rect, seat


def status(p, code: str) -> bool:
    findings = check_plan(p).by_code(code)
    assert findings, code
    return all(f.ok for f in findings)


def test_every_code_is_reported_once_or_per_problem():
    report = check_plan(plan(rect(400, 400)))
    assert {f.code for f in report.findings} == {code for code, _ in CODES}


@pytest.mark.parametrize(
    ("width", "depth", "ok"),
    [(140, 80, True), (139, 80, False), (140, 79, False), (80, 140, True), (160, 90, True)],
)
def test_desk_size_by_a_centimetre(width, depth, ok):
    p = plan(rect(400, 400), desk(width=width, depth=depth, x=200, y=100))
    assert status(p, "desk.size") is ok
    assert status(p, "desk.present")


def test_desk_missing_and_not_adjustable():
    assert not status(plan(rect(400, 400)), "desk.present")
    fixed = plan(rect(400, 400), desk(x=200, y=100, height_adjustable=False))
    assert not status(fixed, "desk.height_adjustable")
    assert status(plan(rect(400, 400), desk(x=200, y=100)), "desk.height_adjustable")


@pytest.mark.parametrize(("length", "ok"), [(530, True), (529, False)])
def test_sight_line_to_the_far_wall_by_a_centimetre(length, ok):
    # A 60 cm wide strip: the seat's centre is 30 cm from the left wall.
    p = plan(rect(length, 60), seat("client", 30, 30))
    assert status(p, "sight_line.5m") is ok


@pytest.mark.parametrize(("left_edge", "ok"), [(530, True), (529, False)])
def test_sight_line_blocked_by_furniture_by_a_centimetre(left_edge, ok):
    cabinet = item("cabinet", 20, 60, x=left_edge + 10, y=30)
    p = plan(rect(700, 60), seat("client", 30, 30), cabinet)
    assert status(p, "sight_line.5m") is ok


def test_sight_line_needs_a_client_seat():
    finding = check_plan(plan(rect(700, 300))).by_code("sight_line.5m")[0]
    assert not finding.ok and finding.params["no_seat"]


@pytest.mark.parametrize(("length", "ok"), [(550, True), (549, False)])
def test_room_for_the_floor_line_by_a_centimetre(length, ok):
    assert status(plan(rect(length, 300)), "floor_line.5_5m") is ok


@pytest.mark.parametrize(("top", "ok"), [(30, True), (29, False)])
def test_placed_floor_line_is_free_by_a_centimetre(top, ok):
    line = item("floor_line", 550, 30, x=300, y=15, key="line")  # y 0..30
    cabinet = item("cabinet", 100, 40, x=300, y=top + 20)
    assert status(plan(rect(600, 300), line, cabinet), "floor_line.5_5m") is ok


def _corridor(gap: float):
    """A 400 × 300 room; a cabinet row at y 140..160 leaves ``gap`` cm at the right wall."""
    row = item("cabinet", 400 - gap, 20, x=(400 - gap) / 2, y=150, key="row", name="Kastenwand")
    pro = seat("professional", 60, 60)
    # Wall 2 runs from (400, 300) to (0, 300): the door is at x 310..220.
    return plan(rect(400, 300), row, pro, openings=[door(2, 90)])


@pytest.mark.parametrize(("gap", "ok"), [(80, True), (79, False), (120, True)])
def test_way_to_the_door_is_80_cm_wide_by_a_centimetre(gap, ok):
    report = check_plan(_corridor(gap))
    finding = report.by_code("door.path_80cm")[0]
    assert finding.ok is ok
    if not ok:
        assert finding.params["width"] == 79
        assert finding.spot[0] > 320  # the narrow spot is in the gap at the right wall
        assert finding.items == ("row",)


@pytest.mark.parametrize(("right_edge", "ok"), [(100, True), (101, False)])
def test_door_swing_free_by_a_centimetre(right_edge, ok):
    # Door in wall 1 (top) from x 100 to 190, hinge at x 100: the open leaf runs down x = 100.
    cabinet = item("cabinet", 50, 50, x=right_edge - 25, y=45)
    p = plan(rect(400, 400), cabinet, openings=[door(0, 100)])
    assert status(p, "door.swing_free") is ok


@pytest.mark.parametrize(("left_edge", "ok"), [(80, True), (79, False)])
def test_connecting_door_zone_free_by_a_centimetre(left_edge, ok):
    # Connecting door in wall 4 (x = 0), opening outward: 80 cm in front of it stay free.
    cabinet = item("cabinet", 45, 100, x=left_edge + 22.5, y=200)
    conn = door(3, 150, kind="connecting_door", opens_inward=False)
    p = plan(rect(400, 400), cabinet, openings=[conn])
    assert status(p, "door.connecting_free") is ok


def test_connecting_door_swing_counts_too():
    cabinet = item("cabinet", 45, 60, x=85 + 22.5, y=230)  # beyond 80 cm but inside the swing
    conn = door(3, 150, kind="connecting_door", opens_inward=True)
    assert not status(plan(rect(400, 400), cabinet, openings=[conn]), "door.connecting_free")


def test_tables_and_sofa_wipeable():
    good = plan(
        rect(500, 500),
        item("table", wipeable=True, x=100, y=100),
        item("sofa", 200, 90, x=250, y=300, wipeable=True),
    )
    assert status(good, "hygiene.tables_wipeable") and status(good, "hygiene.sofa_wipeable")
    bad = plan(rect(500, 500), item("table", x=100, y=100), item("sofa", 200, 90, x=250, y=300))
    assert not status(bad, "hygiene.tables_wipeable")
    assert not status(bad, "hygiene.sofa_wipeable")


def test_plants_only_when_maintained():
    plant = item("plant", x=100, y=100, needs_maintenance=True)
    assert not status(plan(rect(400, 400), plant), "plants.maintained")
    cared = item("plant", x=100, y=100, needs_maintenance=True, maintained=True)
    assert status(plan(rect(400, 400), cared), "plants.maintained")
    artificial = item("plant", x=100, y=100)
    assert status(plan(rect(400, 400), artificial), "plants.maintained")


@pytest.mark.parametrize(("price", "ok"), [(5000, True), (5001, False)])
def test_budget_by_a_euro(price, ok):
    bought = item("sofa", 200, 90, x=150, y=100, price=price)
    owned = item("cabinet", x=300, y=300, price=900, owned=True)
    assert status(plan(rect(400, 400), bought, owned), "budget.limit") is ok


@pytest.mark.parametrize(("x", "ok"), [(150, True), (149, False)])
def test_no_overlap_by_a_centimetre(x, ok):
    a = item("cabinet", 100, 50, x=75, y=100)  # x 25..125
    b = item("cabinet", 50, 50, x=x, y=100)  # left edge at x - 25
    assert status(plan(rect(400, 400), a, b), "layout.no_overlap") is ok


def test_rugs_may_lie_under_furniture():
    rug = item("rug", 160, 160, x=200, y=200)
    table = item("table", 80, 80, x=200, y=200, wipeable=True)
    assert status(plan(rect(400, 400), rug, table), "layout.no_overlap")


@pytest.mark.parametrize(("x", "ok"), [(25, True), (24, False)])
def test_inside_walls_by_a_centimetre(x, ok):
    assert status(plan(rect(400, 400), item("cabinet", x=x, y=100)), "layout.inside_walls") is ok


def test_rotated_item_inside_walls():
    # A 100 × 20 board turned 45° reaches (100 + 20) / 2 × 0.707 = 42.4 cm from its centre.
    board = item("cabinet", 100, 20, x=40, y=200, rotation=45)
    assert not status(plan(rect(400, 400), board), "layout.inside_walls")
    assert status(plan(rect(400, 400), board.moved(dx=3)), "layout.inside_walls")


@pytest.mark.parametrize(("offset", "ok"), [(256, True), (255, True), (254, False)])
def test_not_back_to_the_door_by_a_centimetre(offset, ok):
    # The seat at (200, 100) faces down; the door in the top wall lies behind it. At 135°
    # (door centre at x 300) it is still to the side.
    pro = seat("professional", 200, 100, rotation=0)
    p = plan(rect(400, 400), pro, openings=[door(0, offset)])
    assert status(p, "layout.not_back_to_door") is ok


def test_child_friendly_is_advice_not_a_violation():
    report = check_plan(plan(rect(400, 400)))
    finding = report.by_code("room.child_friendly")[0]
    assert not finding.ok and not finding.is_violation
    assert "room.child_friendly" not in report.failing_codes()
