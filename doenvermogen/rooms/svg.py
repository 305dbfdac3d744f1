"""The SVG plan of a room version, drawn on the server (for the page, the PDF and the docs).

Colours are presentation attributes (not inline styles), so the same SVG works under the page's
Content-Security-Policy, in WeasyPrint and as a standalone file. Items carry data attributes and a
keyboard focus for the small editor script (static/rooms/plan-editor.js); violations get numbered
markers that match the text list beside the plan.
"""

from __future__ import annotations

import math

from django.utils.html import escape
from django.utils.translation import gettext as _

from doenvermogen.rooms.geometry.checks import Report
from doenvermogen.rooms.geometry.model import Plan

INK = "#1d2733"
MUTED = "#4a5563"
FLOOR = "#fbfaf7"
WALL = "#1d2733"
WINDOW = "#5b9bd5"
DOOR_SWING = "#8a97a3"
PATH = "#0b7a3b"
SIGHT = "#2b5fab"
FLOOR_LINE = "#b7791f"
MARK = "#a4262c"
FILL = {
    "desk": "#d9e7ec",
    "table": "#d9e7ec",
    "chair": "#e8e1f0",
    "sofa": "#f3e3d3",
    "cabinet": "#e6e6e6",
    "plant": "#d8ecd3",
    "rug": "#f6efe0",
    "lamp": "#fff3c4",
    "play": "#fde4ec",
    "floor_line": "#fbe3b0",
    "fixed": "#cfd5db",
}


def _n(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _pts(coords) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in coords)


def render(
    plan: Plan,
    report: Report | None,
    *,
    title: str,
    editable: bool = False,
    placement_ids: dict[str, int] | None = None,
    marks: list[tuple[int, tuple[float, float]]] | None = None,
    element_id: str = "plan",
) -> str:
    """The plan as an SVG string. ``marks``: (number, spot) for each violation in the text list."""
    minx, miny, maxx, maxy = plan.room.bounds
    margin = 45
    vb = (minx - margin, miny - margin, maxx - minx + 2 * margin, maxy - miny + 2 * margin + 30)
    out: list[str] = []
    a = out.append
    role = 'role="img"'
    if editable:
        hint = escape(_("Arrow keys move, R turns, Enter saves."))
        role = f'role="group" data-hint="{hint}"'
    a(
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{element_id}" class="dv-room-plan" '
        f'viewBox="{" ".join(_n(v) for v in vb)}" {role} aria-labelledby="{element_id}-title" '
        f'data-min-x="{_n(minx)}" data-min-y="{_n(miny)}" data-max-x="{_n(maxx)}" '
        f'data-max-y="{_n(maxy)}" font-family="DejaVu Sans, Arial, sans-serif">'
    )
    a(f'<title id="{element_id}-title">{escape(title)}</title>')
    a(
        f'<polygon points="{_pts(plan.outline)}" fill="{FLOOR}" stroke="{WALL}" '
        'stroke-width="6" stroke-linejoin="miter"/>'
    )
    # Wall numbers and lengths, so doors and windows can be typed in the forms.
    for i in range(len(plan.outline)):
        (ax, ay), (bx, by) = plan.wall(i)
        nx, ny = plan.inward_normal(i)
        mx, my = (ax + bx) / 2 - nx * 30, (ay + by) / 2 - ny * 30
        label = _("wall %(n)s: %(cm)s cm") % {"n": i + 1, "cm": round(plan.wall_length(i))}
        a(
            f'<text x="{_n(mx)}" y="{_n(my)}" font-size="13" fill="{MUTED}" '
            f'transform="rotate({_n(_upright(ax, ay, bx, by))} {_n(mx)} {_n(my)})" '
            f'text-anchor="middle" dominant-baseline="middle">{escape(label)}</text>'
        )
    for o in plan.openings:
        (px, py), (qx, qy) = plan.opening_segment(o)
        if o.kind == "window":
            a(
                f'<line x1="{_n(px)}" y1="{_n(py)}" x2="{_n(qx)}" y2="{_n(qy)}" '
                f'stroke="{WINDOW}" stroke-width="8"/>'
            )
            continue
        a(
            f'<line x1="{_n(px)}" y1="{_n(py)}" x2="{_n(qx)}" y2="{_n(qy)}" '
            f'stroke="{FLOOR}" stroke-width="9"/>'
        )
        swing = plan.door_swing(o)
        dash = ' stroke-dasharray="6 5"' if o.connecting else ""
        if swing is not None:
            a(
                f'<polygon points="{_pts(swing.exterior.coords)}" fill="none" '
                f'stroke="{DOOR_SWING}" stroke-width="2"{dash}/>'
            )
        if o.connecting:
            zone = plan.door_zone(o, 80)
            a(
                f'<polygon points="{_pts(zone.exterior.coords)}" fill="none" stroke="{DOOR_SWING}"'
                ' stroke-width="1.5" stroke-dasharray="3 4"/>'
            )
        mid = plan.door_midpoint(o, inward=-13)
        text = _("connecting door") if o.connecting else _("door")
        angle = _upright(px, py, qx, qy)
        a(
            f'<text x="{_n(mid.x)}" y="{_n(mid.y)}" font-size="11" fill="{INK}" '
            f'transform="rotate({_n(angle)} {_n(mid.x)} {_n(mid.y)})" '
            f'text-anchor="middle" dominant-baseline="middle">{escape(text)}</text>'
        )
    if report is not None and report.floor_line is not None:
        a(
            f'<polyline points="{_pts(report.floor_line.coords)}" fill="none" '
            f'stroke="{FLOOR_LINE}" stroke-width="5" stroke-dasharray="14 8"/>'
        )
    for it in sorted(plan.items, key=lambda i: (not i.floor_level, i.fixed)):
        pid = (placement_ids or {}).get(it.key)
        attrs = ""
        if editable and pid is not None and not it.fixed:
            label = _(
                "%(name)s, x %(x)s cm, y %(y)s cm, %(r)s degrees. "
                "Arrow keys move, R turns, Enter saves."
            ) % {"name": it.name, "x": round(it.x), "y": round(it.y), "r": round(it.rotation)}
            attrs = (
                f' tabindex="0" role="button" aria-label="{escape(label)}"'
                f' data-placement="{pid}" data-name="{escape(it.name)}"'
                f' data-x="{_n(it.x)}" data-y="{_n(it.y)}" data-rotation="{_n(it.rotation)}"'
                f' data-width="{_n(it.width)}" data-depth="{_n(it.depth)}"'
            )
        a(
            f'<g class="dv-room-plan__item" transform="translate({_n(it.x)} {_n(it.y)})"{attrs}>'
            f'<g transform="rotate({_n(it.rotation)})">'
            f'<rect x="{_n(-it.width / 2)}" y="{_n(-it.depth / 2)}" width="{_n(it.width)}" '
            f'height="{_n(it.depth)}" fill="{FILL.get(it.category, "#eee")}" stroke="{INK}" '
            'stroke-width="1.5" class="dv-room-plan__shape"/>'
        )
        if not it.floor_level and it.category != "fixed":
            w, d = it.width, it.depth
            a(
                f'<line x1="{_n(-w / 2 + 4)}" y1="{_n(d / 2 - 4)}" x2="{_n(w / 2 - 4)}" '
                f'y2="{_n(d / 2 - 4)}" stroke="{INK}" stroke-width="3"/>'
            )
        a("</g>")
        short = _short_name(it.name, max(it.width, it.depth) if it.floor_level else it.width)
        size = 12 if min(it.width, it.depth) >= 40 else 10
        a(
            f'<text x="0" y="0" font-size="{size}" fill="{INK}" text-anchor="middle" '
            f'dominant-baseline="middle">{escape(short)}</text></g>'
        )
    if report is not None and report.sight_line is not None:
        a(
            f'<polyline points="{_pts(report.sight_line.coords)}" fill="none" stroke="{SIGHT}" '
            'stroke-width="2.5" stroke-dasharray="2 5"/>'
        )
    if report is not None and report.path is not None:
        a(
            f'<polyline points="{_pts(report.path.coords)}" fill="none" stroke="{PATH}" '
            'stroke-width="3" stroke-linejoin="round"/>'
        )
    for number, (x, y) in marks or []:
        a(
            f'<g class="dv-room-plan__mark"><circle cx="{_n(x)}" cy="{_n(y)}" r="15" '
            f'fill="{MARK}" stroke="#fff" stroke-width="2"/>'
            f'<text x="{_n(x)}" y="{_n(y)}" font-size="16" font-weight="bold" fill="#fff" '
            f'text-anchor="middle" dominant-baseline="central">{number}</text></g>'
        )
    # Scale bar: 1 m.
    sx, sy = minx, maxy + 58
    a(
        f'<line x1="{_n(sx)}" y1="{_n(sy)}" x2="{_n(sx + 100)}" y2="{_n(sy)}" stroke="{INK}" '
        'stroke-width="3"/>'
        f'<text x="{_n(sx + 108)}" y="{_n(sy)}" font-size="13" fill="{INK}" '
        f'dominant-baseline="middle">1 m</text>'
    )
    a("</svg>")
    return "".join(out)


def marks_for(report: Report, plan: Plan | None = None) -> list[tuple[int, tuple[float, float]]]:
    """Numbered spots for the violations, in the order of ``report.violations``. A mark on an
    item's centre moves up a little, so that the item's name stays readable."""
    centres = {(round(it.x, 1), round(it.y, 1)) for it in plan.items} if plan else set()
    out = []
    for number, finding in enumerate(report.violations, start=1):
        spot = finding.spot
        if spot is None:
            continue
        x, y = spot
        if (round(x, 1), round(y, 1)) in centres:
            y -= 22
        out.append((number, (x, y)))
    return out


def _upright(ax: float, ay: float, bx: float, by: float) -> float:
    """The angle of a wall, turned so that text along it is never upside down."""
    angle = math.degrees(math.atan2(by - ay, bx - ax))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    return angle


def _short_name(name: str, width: float) -> str:
    """A label that fits the item: the first word, cut to about 7 cm per letter."""
    room = max(3, int(width // 7))
    word = name.split()[0] if name.split() else name
    return word if len(word) <= room else word[: room - 1] + "…"
