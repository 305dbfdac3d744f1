"""The words for the geometry engine's codes: check titles and explanations, fixes, input errors.

The engine (rooms/geometry) speaks in stable codes and numbers; this module is the one place where
they become translatable sentences (English source strings, Dutch in locale/nl).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doenvermogen.rooms.geometry.checks import Finding
from doenvermogen.rooms.geometry.fixes import Fix
from doenvermogen.rooms.geometry.model import PlanError

TITLES = {
    "desk.present": gettext_lazy("There is a desk with a computer"),
    "desk.size": gettext_lazy(
        "The desk is at least 140 × 80 cm (1 m² for the screen, 1 m² to read and write)"
    ),
    "desk.height_adjustable": gettext_lazy("The desk is height-adjustable"),
    "sight_line.5m": gettext_lazy("5 m of free view from the client's seat (eye test)"),
    "floor_line.5_5m": gettext_lazy("Room for a 5.5 m line on the floor"),
    "door.path_80cm": gettext_lazy(
        "The professional reaches the door by a way of at least 80 cm wide"
    ),
    "door.connecting_free": gettext_lazy("The connecting door stays free"),
    "hygiene.tables_wipeable": gettext_lazy("Tables can be wiped clean"),
    "hygiene.sofa_wipeable": gettext_lazy("The sofa has a cover that can be wiped clean"),
    "plants.maintained": gettext_lazy("Plants only when someone takes care of them"),
    "budget.limit": gettext_lazy("Within the budget"),
    "layout.no_overlap": gettext_lazy("Nothing stands on top of something else"),
    "layout.inside_walls": gettext_lazy("Everything stands inside the walls"),
    "door.swing_free": gettext_lazy("Doors can open fully"),
    "layout.not_back_to_door": gettext_lazy(
        "The professional does not sit with their back to the door"
    ),
    "room.child_friendly": gettext_lazy("Something that suits children and young people"),
}


def title(code: str) -> str:
    return str(TITLES.get(code, code))


def explain(finding: Finding) -> str:
    """One or two plain sentences: what is the case, and (when it fails) what is needed."""
    p = finding.params
    code = finding.code
    if finding.ok:
        if code == "sight_line.5m":
            return _("From %(name)s the view is free for at least 5 m.") % p
        if code == "floor_line.5_5m":
            if p.get("placed"):
                return _("The floor line is %(length)s cm and free.") % p
            return _("There is a free straight line of 5.5 m (dotted on the plan).")
        if code == "door.path_80cm":
            return _("The way to the door is %(length)s cm long and at least 80 cm wide.") % p
        if code == "budget.limit":
            return _("The purchases cost € %(total)s of the € %(limit)s budget.") % p
        if code == "door.connecting_free" and p.get("none"):
            return _("There is no connecting door.")
        if code == "layout.not_back_to_door" and p.get("unknown"):
            return _("Mark the professional's seat and a door to check this.")
        return _("All right.")
    if code == "desk.present":
        return _("There is no desk. Add a height-adjustable desk of 140 × 80 cm.")
    if code == "desk.size":
        if p.get("missing"):
            return _("There is no desk yet.")
        return _("%(name)s is %(length)s × %(depth)s cm. Needed: at least 140 × 80 cm.") % p
    if code == "desk.height_adjustable":
        if p.get("missing"):
            return _("There is no desk yet.")
        return _("%(name)s cannot go up and down.") % p
    if code == "sight_line.5m":
        if p.get("no_seat"):
            return _("Mark a seat for the client in the list of furniture (at 'Seat').")
        return (
            _(
                "From %(name)s the longest free view is %(length)s cm. "
                "Needed: %(needed)s cm for the eye test."
            )
            % p
        )
    if code == "floor_line.5_5m":
        if p.get("placed"):
            if p.get("blocked_by"):
                return _("Something stands on the floor line: %(blocked_by)s.") % p
            if p.get("outside"):
                return _("The floor line does not fit inside the walls.")
            return _("The floor line is %(length)s cm. Needed: 550 cm.") % p
        return _("There is no free straight line of 5.5 m on the floor.")
    if code == "door.path_80cm":
        if p.get("no_seat"):
            return _("Mark the professional's seat in the list of furniture (at 'Seat').")
        if p.get("no_door"):
            return _("The room has no door yet. A connecting door does not count.")
        if not p.get("width"):
            return _("The professional cannot reach the door at all.")
        if p.get("blocked_by"):
            return (
                _(
                    "The narrowest point on the way to the door is %(width)s cm wide, "
                    "at %(blocked_by)s. Needed: %(needed)s cm."
                )
                % p
            )
        return (
            _(
                "The narrowest point on the way to the door is %(width)s cm wide. "
                "Needed: %(needed)s cm."
            )
            % p
        )
    if code == "door.connecting_free":
        return _("%(name)s stands in front of the connecting door or where it opens.") % p
    if code == "hygiene.tables_wipeable":
        return _("%(name)s cannot be wiped clean.") % p
    if code == "hygiene.sofa_wipeable":
        return _("%(name)s has no cover that can be wiped clean.") % p
    if code == "plants.maintained":
        return _("%(name)s needs care, and nobody is named to take care of it.") % p
    if code == "budget.limit":
        return (
            _("The purchases cost € %(total)s. The budget is € %(limit)s: € %(over)s too much.") % p
        )
    if code == "layout.no_overlap":
        return _("%(a)s and %(b)s stand on top of each other (%(area)s cm²).") % p
    if code == "layout.inside_walls":
        return _("%(name)s sticks out through the wall (%(area)s cm²).") % p
    if code == "door.swing_free":
        return _("%(name)s is in the way of a door that opens into the room.") % p
    if code == "layout.not_back_to_door":
        return _("%(name)s has the door behind them. Sit so that you can see the door.") % p
    if code == "room.child_friendly":
        return _(
            "Nothing is marked as suitable for children. "
            "Think of a low bookcase, a child's chair or a reading corner."
        )
    return code


def _direction(dx: float, dy: float) -> str:
    horizontal = _("to the right") if dx > 0 else _("to the left")
    vertical = _("down") if dy > 0 else _("up")
    if abs(dx) < 1:
        return vertical
    if abs(dy) < 1:
        return horizontal
    return _("%(vertical)s and %(horizontal)s") % {"vertical": vertical, "horizontal": horizontal}


def money_delta(delta: int) -> str:
    if delta > 0:
        return f"+€ {delta}"
    if delta < 0:
        return f"−€ {-delta}"
    return "€ 0"


def describe_fix(fix: Fix | None) -> str:
    if fix is None:
        return _("No simple fix found. Try 'Arrange automatically', or move things yourself.")
    p = {
        "name": fix.item_name,
        "new": fix.new_name,
        "distance": fix.distance,
        "direction": _direction(fix.dx, fix.dy),
        "rotation": round(fix.rotation or 0),
        "delta": money_delta(fix.price_delta),
    }
    if fix.action == "move":
        text = _("Move %(name)s %(distance)s cm %(direction)s.") % p
    elif fix.action == "rotate":
        text = _("Turn %(name)s to %(rotation)s degrees.") % p
    elif fix.action == "swap":
        text = _("Replace %(name)s with %(new)s from the catalogue (%(delta)s).") % p
        if fix.distance:
            text += " " + _("Put it %(distance)s cm %(direction)s.") % p
    elif fix.action == "add":
        text = _("Add %(new)s from the catalogue (%(delta)s).") % p
    elif fix.action == "remove":
        text = _("Remove %(name)s (%(delta)s), or write down who takes care of it.") % p
    elif fix.action == "mark_seat":
        return _("Choose the seat in the list of furniture below the plan.")
    else:
        text = fix.action
    if fix.fixes_also:
        text += " " + _("This also solves: %(checks)s.") % {
            "checks": "; ".join(title(c).lower() for c in fix.fixes_also)
        }
    return text


ERRORS = {
    "outline.too_few_points": gettext_lazy(
        "An outline needs at least 3 corner points. You gave %(count)s."
    ),
    "outline.not_a_number": gettext_lazy("Corner points are two numbers in cm, like 350,0."),
    "outline.self_intersecting": gettext_lazy(
        "The walls cross each other. Give the corner points in order, walking around the room."
    ),
    "outline.too_small": gettext_lazy(
        "The room is only %(area)s m². Check the sizes: they are in centimetres."
    ),
    "size.negative": gettext_lazy("Sizes must be more than 0 cm (%(name)s)."),
    "opening.unknown_wall": gettext_lazy(
        "Wall %(wall)s does not exist. This room has walls 1 to %(walls)s."
    ),
    "opening.outside_wall": gettext_lazy(
        "The opening runs to %(end)s cm, but wall %(wall)s is only %(length)s cm long."
    ),
    "item.bigger_than_room": gettext_lazy(
        "%(name)s (%(width)s × %(depth)s cm) does not fit in the room "
        "(%(room_width)s × %(room_depth)s cm)."
    ),
}


def error_message(error: PlanError) -> str:
    template = ERRORS.get(error.code)
    if template is None:
        return _("This is not a room we can check. Look at the sizes.")
    text = str(template) % error.params if error.params else str(template)
    spot = error.params.get("spot") if error.code == "outline.self_intersecting" else None
    if spot:
        text += " " + _("They cross near x %(x)s, y %(y)s.") % {"x": spot[0], "y": spot[1]}
    return text


ARRANGE_REASONS = {
    "item_too_big": gettext_lazy("%(name)s does not fit in this room in any position."),
    "no_floor_line": gettext_lazy(
        "This room has no straight line of 5.5 m: no layout can pass every check."
    ),
    "too_much_furniture": gettext_lazy(
        "The furniture needs %(needed)s m², but only %(free)s m² of floor is free "
        "(outside door swings and the entrance)."
    ),
    "needs_other_items": gettext_lazy(
        "First change which things are in the room: %(checks)s. Moving does not solve that."
    ),
    "exhausted": gettext_lazy(
        "Every position on a 10 cm grid was tried: no layout of these things passes every check."
    ),
    "time": gettext_lazy(
        "No layout found within %(seconds)s seconds. There may be one: move things yourself, "
        "or take something out and try again."
    ),
}


def arrange_reason(reason: str, params: dict | None, seconds: float = 0) -> str:
    params = dict(params or {})
    if "codes" in params:
        params["checks"] = "; ".join(title(c).lower() for c in params["codes"])
    params.setdefault("seconds", seconds)
    return str(ARRANGE_REASONS[reason]) % params
