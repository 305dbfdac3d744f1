"""Server-side SVG charts (radar, line, bars): small, accessible, no JavaScript.

A table with the same figures always stands beside a chart on the page; the SVG still carries a
title and a description. Colours are SVG presentation attributes (WeasyPrint's SVG renderer
ignores CSS fill/stroke, so the PDFs need them); on web pages the ``dv-chart__*`` classes in
dv.css set the same colours from the design tokens. Values of ``None`` (suppressed or missing)
are not drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

INK, LINE = "#1d2733", "#8a97a3"  # = --dv-color-ink, --dv-color-line
SERIES = {"dv-chart__series--1": "#0b5c6b", "dv-chart__series--2": "#b7791f"}


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]
    css_class: str = "dv-chart__series--1"


def _f(x: float) -> str:
    return f"{x:.1f}"


def _paint(css_class: str) -> str:
    colour = SERIES.get(css_class, SERIES["dv-chart__series--1"])
    return f'class="{escape(css_class)}" fill="{colour}" stroke="{colour}"'


def _text(x: float, y: float, content: str, anchor: str = "start") -> str:
    return (
        f'<text class="dv-chart__label" fill="{INK}" font-size="12" x="{_f(x)}" y="{_f(y)}" '
        f'text-anchor="{anchor}" dominant-baseline="middle">{content}</text>'
    )


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return (
        f'<line class="dv-chart__grid" stroke="{LINE}" stroke-width="0.5" '
        f'x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}"/>'
    )


def _open(width: int, height: int, title: str, desc: str, view: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dv-chart" viewBox="{view}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>",
    ]


def radar_svg(
    *, axes: list[str], series: list[Series], max_value: float, title: str, desc: str = ""
) -> SafeString:
    """A radar (spider) chart: one axis per label (numbered 1…n), one polygon per series."""
    n = len(axes)
    radius = 120
    parts = _open(340, 340, title, desc, "-170 -170 340 340")
    if n < 3:
        return mark_safe("".join(parts) + "</svg>")

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * max(0.0, min(value, max_value)) / max_value
        return r * math.cos(angle), r * math.sin(angle)

    for level in range(1, int(max_value) + 1):
        ring = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(i, level) for i in range(n)))
        parts.append(
            f'<polygon class="dv-chart__grid" fill="none" stroke="{LINE}" stroke-width="0.5" '
            f'points="{ring}"/>'
        )
    for i in range(n):
        x, y = point(i, max_value)
        parts.append(_line(0, 0, x, y))
        lx, ly = point(i, max_value * 1.18)
        parts.append(_text(lx, ly, str(i + 1), "middle"))
    for s in series:
        pts = [point(i, v) for i, v in enumerate(s.values) if v is not None]
        if len(pts) < 3:
            continue
        coords = " ".join(f"{_f(x)},{_f(y)}" for x, y in pts)
        parts.append(
            f'<polygon {_paint(s.css_class)} fill-opacity="0.25" stroke-width="2" '
            f'points="{coords}"/>'
        )
        parts.extend(
            f'<circle {_paint(s.css_class)} cx="{_f(x)}" cy="{_f(y)}" r="3"/>' for x, y in pts
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def line_svg(
    *, labels: list[str], values: list[float], max_value: float, title: str, desc: str = ""
) -> SafeString:
    """A line chart of values over time (0…max_value), oldest left."""
    width, height, pad = 480, 200, 30
    parts = _open(width, height, title, desc, f"0 0 {width} {height}")
    for level in range(0, int(max_value) + 1, max(1, int(max_value) // 5)):
        y = height - pad - (height - 2 * pad) * level / max_value
        parts.append(_line(pad, y, width - 10, y))
        parts.append(_text(pad - 6, y, str(level), "end"))
    n = len(values)
    pts = [
        (
            pad + (width - pad - 20) * (i / (n - 1) if n > 1 else 0.5),
            height - pad - (height - 2 * pad) * v / max_value,
        )
        for i, v in enumerate(values)
    ]
    colour = SERIES["dv-chart__series--1"]
    if len(pts) > 1:
        coords = " ".join(f"{_f(x)},{_f(y)}" for x, y in pts)
        parts.append(
            f'<polyline class="dv-chart__line" fill="none" stroke="{colour}" stroke-width="2" '
            f'points="{coords}"/>'
        )
    for (x, y), label in zip(pts, labels, strict=False):
        parts.append(
            f'<circle {_paint("dv-chart__series--1")} cx="{_f(x)}" cy="{_f(y)}" r="4">'
            f"<title>{escape(label)}</title></circle>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def bars_svg(*, rows: list[tuple[str, int | None]], title: str, desc: str = "") -> SafeString:
    """Horizontal bars, one per row (in the order of the table beside it); ``None`` = "< 5"."""
    bar_h, gap, left, width = 18, 8, 10, 360
    height = max(1, len(rows)) * (bar_h + gap) + gap
    parts = _open(width, height, title, desc, f"0 0 {width} {height}")
    top = max([v for _, v in rows if v] or [1])
    colour = SERIES["dv-chart__series--1"]
    for i, (_label, value) in enumerate(rows):
        y = gap + i * (bar_h + gap)
        if value:
            w = (width - left - 50) * value / top
            parts.append(
                f'<rect class="dv-chart__bar" fill="{colour}" x="{left}" y="{y}" '
                f'width="{_f(w)}" height="{bar_h}"/>'
            )
            parts.append(_text(left + w + 6, y + bar_h / 2, str(value)))
        else:
            parts.append(_text(left + 4, y + bar_h / 2, "0" if value == 0 else "&lt; 5"))
    parts.append("</svg>")
    return mark_safe("".join(parts))
