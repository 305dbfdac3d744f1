"""Dutch number formatting for the explanations (€ 1.234 and € 1.234,56)."""

from __future__ import annotations


def euro(value: float) -> str:
    value = float(value)
    if abs(value - round(value)) < 0.005:
        text = f"{round(value):,}".replace(",", ".")
    else:
        text = f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"€ {text}"
