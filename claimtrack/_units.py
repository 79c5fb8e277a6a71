"""Units: the table of surface forms in ``data/units.json`` and conversion through pint.

The table says which words name which unit; pint (imported on first conversion,
so ``import claimtrack`` stays fast) knows how units relate. Currencies and
percentages have no pint expression and convert only to themselves.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import attrs

from .errors import UnitError

__all__ = ["UNITS", "Unit", "conversion_factor", "normalize_unit"]


@attrs.frozen
class Unit:
    """One unit: its canonical key, what it measures, and how pint calls it."""

    key: str
    dimension: str
    symbol: str
    pint: str | None = None
    forms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()


def _load() -> dict[str, Unit]:
    raw: dict[str, Any] = json.loads(
        resources.files("claimtrack").joinpath("data/units.json").read_text("utf-8")
    )
    table = {}
    for entry in raw["units"]:
        unit = Unit(
            key=entry["key"],
            dimension=entry["dimension"],
            symbol=entry["symbol"],
            pint=entry.get("pint"),
            forms=tuple(entry.get("forms", ())),
            prefixes=tuple(entry.get("prefixes", ())),
        )
        table[unit.key] = unit
    return table


UNITS: dict[str, Unit] = _load()
_BY_FORM: dict[str, str] = {
    form.lower(): unit.key for unit in UNITS.values() for form in (unit.key, *unit.forms)
}
_BY_FORM.update({p.lower(): u.key for u in UNITS.values() for p in u.prefixes})


def normalize_unit(unit: str | None) -> str | None:
    """Return the canonical key for a unit as written (``"kilometres"`` -> ``"km"``).

    Unknown units are kept as written (stripped): they compare equal only to
    themselves, and converting them raises ``UnitError``.
    """
    if unit is None:
        return None
    text = " ".join(str(unit).split())
    if not text:
        return None
    return _BY_FORM.get(text.lower(), text)


def dimension(unit: str | None) -> str:
    """What a unit measures: ``"count"`` for no unit, ``"unknown"`` for units not in the table."""
    if unit is None:
        return "count"
    known = UNITS.get(unit)
    return known.dimension if known else "unknown"


@functools.cache
def _registry() -> Any:
    import pint  # lazy: pint costs ~0.1 s to import

    return pint.UnitRegistry()


@functools.cache
def conversion_factor(source: str | None, target: str | None) -> float:
    """Multiply a value in ``source`` units by this to get ``target`` units.

    Raises
    ------
    UnitError
        When the units measure different things, or either is unknown.
    """
    if source == target:
        return 1.0
    a, b = UNITS.get(source or ""), UNITS.get(target or "")
    if a is None or b is None or a.pint is None or b.pint is None or a.dimension != b.dimension:
        expected = _compatible(source)
        raise UnitError("unit", target, f"a unit convertible from {source!r} ({expected})")
    registry = _registry()
    return float(registry.Quantity(1.0, a.pint).to(b.pint).magnitude)


def _compatible(unit: str | None) -> str:
    known = UNITS.get(unit or "")
    if unit is None:
        return "a count converts to no unit"
    if known is None:
        return f"{unit!r} is not a known unit"
    if known.pint is None:
        return f"{known.dimension} converts only to itself"
    same = [u.key for u in UNITS.values() if u.dimension == known.dimension and u.pint]
    return "one of " + ", ".join(same)
