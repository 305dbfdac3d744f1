"""Hand-made plans for the rooms tests (centimetres, y downwards)."""

from __future__ import annotations

from doenvermogen.rooms.geometry.model import CatalogueEntry, Item, Opening, Plan

_n = iter(range(1, 10_000))


def rect(width: float, depth: float) -> tuple[tuple[float, float], ...]:
    return ((0, 0), (width, 0), (width, depth), (0, depth))


def item(
    category: str = "cabinet",
    width: float = 50,
    depth: float = 50,
    x: float = 0,
    y: float = 0,
    **kw,
) -> Item:
    kw.setdefault("key", f"i{next(_n)}")
    kw.setdefault("name", category)
    return Item(category=category, width=width, depth=depth, x=x, y=y, **kw)


def desk(**kw) -> Item:
    kw.setdefault("height_adjustable", True)
    kw.setdefault("wipeable", True)
    return item("desk", kw.pop("width", 140), kw.pop("depth", 80), **kw)


def seat(role: str, x: float, y: float, rotation: float = 0, size: float = 40) -> Item:
    return item("chair", size, size, x, y, rotation=rotation, seat=role, key=f"seat-{role}")


def door(wall: int, offset: float, width: float = 90, **kw) -> Opening:
    kw.setdefault("key", f"d{next(_n)}")
    return Opening(wall=wall, offset=offset, width=width, **kw)


def plan(outline, *items: Item, openings=(), budget: int = 5000) -> Plan:
    return Plan(
        outline=tuple(outline), openings=tuple(openings), items=tuple(items), budget_limit=budget
    )


CATALOGUE = (
    CatalogueEntry("d1", "Bureau vast", "desk", 140, 80, 320, wipeable=True),
    CatalogueEntry(
        "d2", "Zit-sta-bureau", "desk", 140, 80, 690, height_adjustable=True, wipeable=True
    ),
    CatalogueEntry("s1", "Bank stof", "sofa", 200, 90, 890, seats=3),
    CatalogueEntry("s2", "Bank met hoes", "sofa", 200, 90, 1250, wipeable=True, seats=3),
    CatalogueEntry("c1", "Lage kast", "cabinet", 100, 45, 260),
)
