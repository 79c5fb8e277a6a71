"""Numbers and figures in the words of a verdict's reason."""

from __future__ import annotations

import math

from ..figure import Figure

__all__ = ["num", "pct", "show"]


def num(x: float | None) -> str:
    """45, 5,160, 38.6: thousands separated, at most three significant decimals."""
    if x is None:
        return "unbounded"
    if math.isfinite(x) and float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.3g}" if abs(x) < 1000 else f"{x:,.0f}"


def pct(x: float) -> str:
    """23%, 2.5%, 5%: whole percents from 10% up, one decimal below unless it is 0."""
    return f"{x:.0%}" if x >= 0.1 else f"{x:.1%}".replace(".0%", "%")


def show(f: Figure) -> str:
    """The figure as stated, or its canonical text."""
    return f.text or f.format()
