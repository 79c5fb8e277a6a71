"""What a stored claim is keyed by: its quantity, and the blocks it may be linked in.

A **quantity key** is ``ClaimGraph.quantity(claim)`` written as text: claims with
one key are compared with each other and share one estimate.

A **block** is the widest set of claims a checker may look at together with a
claim: the same measure, in the same outermost place (the country a town lies
in, so that parts and wholes meet), for periods starting on the same day (so
that a running count "since" a date meets its earlier figures). A count to date
(a period open at the end or ending on its publication day, with a start, or
"so far" without one) also sits in the block of its measure's counts to date in
that outermost place, whatever their start, where the counts it may be a part
of, or hold as parts, are (burned on Rhodes since Tuesday, within burned in
Greece since July 1). A share
("43% of the missiles fired") also sits in the block of the measure it is a share
of, where its totals are. Adding claims links them against the claims of their
blocks only, and that is the same as linking everything again, because no
checker relates claims that share no block.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..graph import ClaimGraph
from ..measures import MeasureLexicon
from ..model import Claim, Period, reads_to_date
from ..places import Gazetteer
from ..relations import Quantity

__all__ = ["Keys", "period_key", "quantity_key"]

_SEP = "\x1f"  # the ASCII unit separator: in no measure, place or date
#: The block's third part for the counts to date of a measure in a place: no date.
TO_DATE = "to date"


def period_key(period: Period | None) -> str:
    """A period as text that tells every two different periods apart."""
    if period is None:
        return ""
    start = period.start.isoformat() if period.start else ""
    end = period.end.isoformat() if period.end else ""
    return f"{start}/{end}/{period.precision}"


def quantity_key(q: Quantity) -> str:
    """A quantity as text: equal keys exactly when the quantities are equal."""
    return _SEP.join((q.measure, q.place or "", period_key(q.period), q.dimension))


class Keys:
    """The keys of claims under one measure lexicon, gazetteer and tolerance."""

    def __init__(
        self,
        measures: MeasureLexicon,
        places: Gazetteer,
        tolerance: float,
        checkers: Iterable[str],
    ) -> None:
        self.measures, self.places, self.tolerance = measures, places, tolerance
        self.checkers = list(checkers)
        self._graph = ClaimGraph(measures=measures, places=places, tolerance=tolerance, checkers=[])
        self._roots: dict[str | None, tuple[str, ...]] = {}

    def graph(self, checkers: Iterable[str] | None = None) -> ClaimGraph:
        """An empty graph with the base's settings (its checkers unless told others)."""
        return ClaimGraph(
            measures=self.measures,
            places=self.places,
            tolerance=self.tolerance,
            checkers=self.checkers if checkers is None else list(checkers),
        )

    def quantity(self, claim: Claim) -> Quantity:
        return self._graph.quantity(claim)

    def measure_key(self, measure: str) -> str:
        return self._graph.context.measure_key(measure)

    def place_key(self, place: str | None) -> str | None:
        return self.places.key(place)

    def roots(self, place_key: str | None) -> tuple[str, ...]:
        """The outermost places containing a place (itself when nothing contains it):
        several where a place lies within several (a governorate and a zone of control)."""
        found = self._roots.get(place_key)
        if found is None:
            outer = self.places.ancestors(place_key) if place_key is not None else ()
            tops = tuple(sorted({a for a in outer if not self.places.ancestors(a)}))
            found = self._roots[place_key] = tops or (place_key or "",)
        return found

    def blocks(self, claim: Claim, quantity: Quantity | None = None) -> list[str]:
        """The blocks a claim is linked in (see the module)."""
        q = quantity or self.quantity(claim)
        start = claim.period.start.isoformat() if claim.period and claim.period.start else ""
        found = [_SEP.join((q.measure, root, start)) for root in self.roots(q.place)]
        if claim.period is not None and reads_to_date(claim.period, claim.published_day):
            found += [_SEP.join((q.measure, root, TO_DATE)) for root in self.roots(q.place)]
        if claim.share_of is not None:
            whole = self.place_key(claim.share_place) if claim.share_place else q.place
            share_of = self.measure_key(claim.share_of)
            found += [_SEP.join((share_of, root, start)) for root in self.roots(whole)]
        return found

    def contained(self, place: str, known: Iterable[str | None]) -> list[str]:
        """The place keys among ``known`` that are ``place`` or lie within it."""
        key = self.place_key(place)
        return [k for k in known if k is not None and (k == key or key in self.places.ancestors(k))]
