"""Agreement and relays: pair checkers over claims about the same quantity."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from ..figure import Figure, relative_gap
from ..model import Claim
from ..relations import Reason, Relation, Verdict
from ._base import Context, checker
from ._text import pct, show

__all__ = ["Agreement", "Relays", "relays"]


@checker("agreement")
@attrs.frozen
class Agreement:
    """Two figures for one quantity corroborate when their intervals overlap or lie within
    ``tolerance`` of each other (rounding: "about 12,000" and "11,800"), and contradict
    beyond it.

    Strength: a corroboration is 1 for equal values and 0.5 when the values are a
    tolerance apart; a contradiction grows from 0 at the tolerance towards 1
    (``1 - exp(-(gap - tolerance) / tolerance)``). Gaps are relative: the distance
    between the intervals over the larger value (``Figure.agrees``, the one rule). Claims from
    one origin never corroborate each other (that is a relay); they may contradict.
    ``tolerance=None`` uses the graph's.
    """

    tolerance: float | None = None

    def check_pairs(
        self, pairs: Sequence[tuple[Claim, Claim]], context: Context
    ) -> Iterator[Verdict]:
        """The same verdicts as calling the checker on each pair, with per-claim work
        (bounds, origin, wording) done once per claim: the hot path of large graphs."""
        tol = context.tolerance if self.tolerance is None else self.tolerance
        why = _Gap(tol)  # one for every verdict: each writes its sentence when read
        seen: dict[str, tuple[Any, ...]] = {}

        def facts(c: Claim) -> tuple[Any, ...]:
            found = seen.get(c.id)
            if found is None:
                f = c.figure
                found = seen[c.id] = (
                    -math.inf if f.low is None else f.low,
                    math.inf if f.high is None else f.high,
                    abs(f.value),
                    f.unit,
                    context.origin(c),
                    c.kind == "projection",
                    context.series_key(c),
                    f.low is None or f.high is None,
                )
            return found

        for a, b in pairs:
            fa, fb = facts(a), facts(b)
            if fa[5] or fb[5] or (fa[6] is not None and fa[6] == fb[6] and fa[4] == fb[4]):
                continue  # a projection, or one origin's running count: see _apart
            if fa[3] != fb[3] or a.stance != b.stance or tol <= 0:
                verdict = self(a, b, context)  # units to convert, denials, zero tolerance
                if verdict is not None:
                    yield verdict
                continue
            a_lo, a_hi, a_abs, _, a_origin, *_ = fa
            b_lo, b_hi, b_abs, _, b_origin, *_ = fb
            gap = relative_gap(a_lo, a_hi, a_abs, b_lo, b_hi, b_abs)
            if gap > tol:
                strength = max(0.01, 1.0 - math.exp(-(gap - tol) / tol))
                yield Verdict.trusted(Relation.CONTRADICTS, a, b, strength, why, "agreement")
            elif a_origin != b_origin and not (fa[7] or fb[7]):  # an open bound: consistent
                yield self._corroboration(a, b, tol, why)

    def _corroboration(self, a: Claim, b: Claim, tol: float, why: _Gap) -> Verdict:
        fa, fb = a.figure, b.figure
        if fb.unit != fa.unit:
            fb = fb.to(fa.unit)
        scale = max(abs(fa.value), abs(fb.value)) or 1.0
        point = abs(fa.value - fb.value) / scale
        strength = 1.0 if point == 0 else 1.0 / (1.0 + point / tol) if tol > 0 else 0.5
        return Verdict.trusted(Relation.CORROBORATES, a, b, strength, why, "agreement")

    def __call__(self, a: Claim, b: Claim, context: Context) -> Verdict | None:
        if _apart(a, b, context):
            return None
        fa, fb = a.figure, b.figure
        if fa.unit != fb.unit:
            if not fa.comparable(fb):
                return None
            fb = fb.to(fa.unit)
        tol = context.tolerance if self.tolerance is None else self.tolerance
        gap = _gap(fa, fb)
        if a.stance != b.stance:
            if gap > tol:
                return None
            who = a if a.stance == "denies" else b
            reason = f"{who.source.name} denies the figure {show(who.figure)} the other asserts"
            return Verdict.trusted(Relation.CONTRADICTS, a, b, 1.0, reason, "agreement")
        if gap <= tol:
            if context.origin(a) == context.origin(b) or _open(a) or _open(b):
                return None  # one origin is a relay; an open bound is consistent, no more
            return self._corroboration(a, b, tol, _Gap(tol))
        strength = max(0.01, 1.0 - math.exp(-(gap - tol) / tol)) if tol > 0 else 1.0
        return Verdict.trusted(Relation.CONTRADICTS, a, b, strength, _Gap(tol), "agreement")


@attrs.frozen
class _Gap(Reason):
    """The agreement checker's sentence on two figures of one stance: how far apart
    they are, within or beyond the tolerance."""

    tolerance: float

    def text(self, relation: Relation, a: Claim, b: Claim) -> str:
        fa, fb = a.figure, b.figure
        gap = _gap(fa, fb if fb.unit == fa.unit else fb.to(fa.unit))
        tol = self.tolerance
        if relation is Relation.CONTRADICTS:
            return (
                f"{show(fa)} ({a.source.name}) and {show(fb)} ({b.source.name}) are "
                f"{pct(gap)} apart, beyond the {pct(tol)} tolerance"
            )
        if gap == 0:
            return f"{show(fa)} and {show(fb)} overlap"
        return f"{show(fa)} and {show(fb)} are {pct(gap)} apart, within the {pct(tol)} tolerance"


def _apart(a: Claim, b: Claim, context: Context) -> bool:
    """Pairs no figure comparison applies to: a projection and anything (a count is
    checked against the projection later, by ``projections``; two forecasts are
    not figures of one moment), and one origin's statements of a running count (an
    update or a revision, for ``cumulative``)."""
    return a.kind == "projection" or b.kind == "projection" or context.running(a, b)


def _open(c: Claim) -> bool:
    low, high = c.figure.low, c.figure.high
    return low is None or high is None


def _gap(fa: Figure, fb: Figure) -> float:
    """``fa.distance(fb)`` for figures in one unit, without the conversions: the hot path."""
    (a_lo, a_hi), (b_lo, b_hi) = fa.bounds, fb.bounds
    return relative_gap(a_lo, a_hi, abs(fa.value), b_lo, b_hi, abs(fb.value))


def _distance_from_origin(c: Claim) -> tuple[int, str, str]:
    return (len(c.via), c.published.isoformat() if c.published else "9999", c.id)


@checker("relays")
@attrs.frozen
class Relays:
    """Two claims from one origin with overlapping figures: the one further from the
    origin (more outlets in ``via``; then the later; then by id) relays the other.
    Relays never count as independent corroboration."""

    def check_pairs(
        self, pairs: Sequence[tuple[Claim, Claim]], context: Context
    ) -> Iterator[Verdict]:
        """Only pairs from one origin can be relays: skip the rest cheaply."""
        origins: dict[str, str] = {}
        for a, b in pairs:
            oa = origins.get(a.id) or origins.setdefault(a.id, context.origin(a))
            ob = origins.get(b.id) or origins.setdefault(b.id, context.origin(b))
            if oa == ob:
                verdict = self(a, b, context)
                if verdict is not None:
                    yield verdict

    def __call__(self, a: Claim, b: Claim, context: Context) -> Verdict | None:
        return relays(a, b, context)


def relays(a: Claim, b: Claim, context: Context) -> Verdict | None:
    """The relay verdict for one pair (see ``Relays``)."""
    if context.origin(a) != context.origin(b) or a.stance != b.stance or _apart(a, b, context):
        return None
    if not a.figure.comparable(b.figure) or not a.figure.overlaps(b.figure):
        return None
    far, near = sorted((a, b), key=_distance_from_origin, reverse=True)
    return Verdict.trusted(Relation.RELAYS, far, near, 1.0, _REPEATED, "relays")


class _Repeated(Reason):
    """The relays checker's sentence: who first gave the figure, and who repeated it."""

    __slots__ = ()

    def text(self, relation: Relation, a: Claim, b: Claim) -> str:
        far, near = a, b
        route = " via " + " and ".join(far.via) if far.via else ""
        said = show(near.figure)
        # the relayed words, when they differ: "roughly 1,200, repeated via Tin Wire as 1,150"
        again = f" as {show(far.figure)}" if show(far.figure) != said else ""
        carried = " (via " + " and ".join(near.via) + ")" if near.via else ""
        return f"{near.source.name}'s {said}{carried}, repeated{route}{again}: one origin"


_REPEATED = _Repeated()
