"""Auto-arrange on three rooms (one impossible) and the suggestions with the plan after each fix."""

from __future__ import annotations

from doenvermogen.rooms.geometry import check_plan
from doenvermogen.rooms.geometry.arrange import auto_arrange
from doenvermogen.rooms.geometry.fixes import rebuild, suggest_fixes
from tests.rooms.plans import CATALOGUE, desk, door, item, plan, rect, seat


def _furniture(x=50, y=50):
    """A good set of things, all piled up in one corner (overlapping: the layout fails)."""
    return (
        desk(x=x + 20, y=y + 20, key="desk"),
        seat("professional", x, y),
        seat("client", x + 10, y + 10),
        item("sofa", 200, 90, x=x + 60, y=y + 30, wipeable=True, seats=3, key="sofa"),
        item("cabinet", 100, 45, x=x + 40, y=y + 40, key="cabinet"),
    )


def _assert_arranged(p):
    assert not check_plan(p).passes
    result = auto_arrange(p, time_limit=30)
    assert result.found, result.reason
    report = check_plan(result.plan)
    assert report.passes, [f.code for f in report.violations]
    assert {i.key for i in result.plan.items} == {i.key for i in p.items}
    return result


def test_arrange_a_rectangular_consultation_room():
    p = plan(
        rect(350, 620),
        *_furniture(),
        openings=[door(2, 30), door(3, 250, kind="connecting_door")],
    )
    _assert_arranged(p)


def test_arrange_an_l_shaped_room_keeps_fixed_things():
    outline = [(0, 0), (620, 0), (620, 260), (300, 260), (300, 520), (0, 520)]
    sink = item("fixed", 60, 45, x=560, y=22.5, key="sink")
    p = plan(outline, *_furniture(200, 120), sink, openings=[door(4, 60)])
    result = _assert_arranged(p)
    assert result.plan.item("sink") == sink


def test_arrange_says_so_when_no_layout_exists():
    # 3 × 5 m: no straight 5.5 m anywhere in the room, whatever stands where.
    p = plan(rect(300, 500), *_furniture(), openings=[door(2, 30)])
    result = auto_arrange(p, time_limit=30)
    assert not result.found
    assert result.reason == "no_floor_line"


def test_arrange_refuses_when_items_must_change_not_move():
    p = plan(rect(350, 620), desk(x=100, y=100, height_adjustable=False), openings=[door(2, 30)])
    result = auto_arrange(p, time_limit=5)
    assert not result.found and result.reason == "needs_other_items"
    assert "desk.height_adjustable" in result.params["codes"]


def test_arrange_too_much_furniture():
    sofas = [item("sofa", 200, 90, x=100, y=100, wipeable=True, key=f"s{i}") for i in range(12)]
    p = plan(rect(350, 620), desk(x=100, y=300), *sofas, openings=[door(2, 30)])
    result = auto_arrange(p, time_limit=5)
    assert not result.found and result.reason == "too_much_furniture"


def _demo_like():
    return plan(
        rect(350, 620),
        desk(
            x=310,
            y=150,
            rotation=90,
            height_adjustable=False,
            owned=True,
            key="desk",
            name="Bureau",
        ),
        seat("professional", 232, 150, rotation=270),
        item("cabinet", 100, 45, x=23, y=395, rotation=90, owned=True, key="cab", name="Kast"),
        seat("client", 160, 110),
        item(
            "sofa", 200, 90, x=45, y=130, rotation=270, owned=True, seats=3, key="sofa", name="Bank"
        ),
        openings=[
            door(2, 30),
            door(3, 250, kind="connecting_door"),
            door(0, 75, 200, kind="window"),
        ],
    )


def test_suggestions_fix_the_three_demo_violations_with_the_plan_after():
    p = _demo_like()
    report = check_plan(p)
    assert report.failing_codes() == {
        "desk.height_adjustable",
        "door.connecting_free",
        "hygiene.sofa_wipeable",
    }
    fixes = dict((f.code, fix) for f, fix in suggest_fixes(p, report, CATALOGUE, time_limit=20))
    desk_fix = fixes["desk.height_adjustable"]
    assert (desk_fix.action, desk_fix.catalogue_code, desk_fix.price_delta) == ("swap", "d2", 690)
    cab_fix = fixes["door.connecting_free"]
    assert cab_fix.action == "move" and cab_fix.item_key == "cab"
    assert (cab_fix.dx, cab_fix.dy) == (0, 25)  # 25 cm down clears the swing (y 280..370)
    sofa_fix = fixes["hygiene.sofa_wipeable"]
    assert (sofa_fix.catalogue_code, sofa_fix.price_delta) == ("s2", 1250)
    after = p
    for code, fix in fixes.items():
        assert code not in check_plan(fix.plan_after).failing_codes()
        after = rebuild(
            after,
            CATALOGUE,
            action=fix.action,
            item_key=fix.item_key,
            dx=fix.dx,
            dy=fix.dy,
            rotation=fix.rotation,
            catalogue_code=fix.catalogue_code,
        )
    final = check_plan(after)
    assert final.passes
    assert after.total_cost == 690 + 1250


def test_suggestion_for_a_narrow_way_moves_the_blocker():
    p = plan(
        rect(500, 400),
        item("table", 400, 80, x=240, y=200, key="table", name="Tafel", wipeable=True),
        seat("professional", 100, 80),
        openings=[door(2, 355)],
    )
    [(finding, fix)] = [
        pair
        for pair in suggest_fixes(p, None, CATALOGUE, time_limit=60)
        if pair[0].code == "door.path_80cm"
    ]
    assert fix is not None and fix.action == "move" and fix.item_key == "table"
    assert (fix.dx, fix.dy) == (-20, 0)  # gaps of 40 and 60 cm: 20 cm to the left makes 80
    assert check_plan(fix.plan_after).by_code("door.path_80cm")[0].ok
