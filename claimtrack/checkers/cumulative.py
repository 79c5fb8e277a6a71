"""Cumulative counts: a figure "since" a date may only grow with later reports."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import attrs

from ..model import Claim
from ..relations import Relation, Verdict
from ._base import Context, checker
from ._text import pct, show

__all__ = ["Cumulative"]


@checker("cumulative")
@attrs.frozen
class Cumulative:
    """Counts of one measure and place since one start date ("since the 2022 invasion"),
    published on different days: a later figure wholly below an earlier one
    ``contradicts`` it; otherwise the later ``supersedes`` the earlier.
    """

    def check(self, new: Sequence[Claim], context: Context) -> Iterator[Verdict]:
        seen: set[tuple[str, str]] = set()
        for claim in new:
            for other in context.series(claim):
                pair = tuple(sorted((claim.id, other.id)))
                if other.id == claim.id or pair in seen:
                    continue
                seen.add((pair[0], pair[1]))
                verdict = self._compare(claim, other, context)
                if verdict is not None:
                    yield verdict

    def _compare(self, a: Claim, b: Claim, context: Context) -> Verdict | None:
        if a.moment == b.moment or not a.figure.comparable(b.figure):
            return None
        assert a.moment is not None and b.moment is not None
        later, earlier = (a, b) if a.moment > b.moment else (b, a)
        lf, ef = later.figure.to(earlier.figure.unit), earlier.figure
        since = earlier.period.start if earlier.period else None
        lo = ef.bounds[0]
        if lf.bounds[1] < lo or (lf.bounds[1] == lo and (lf.high_open or ef.low_open)):
            gap = ef.distance(lf)
            tol = max(context.tolerance, 1e-9)
            reason = (
                f"{show(later.figure)} on {later.published} is {pct(gap)} below the "
                f"{show(ef)} reported on {earlier.published}, for a count since {since}"
            )
            strength = max(0.01, 1.0 - math.exp(-gap / tol))
            return Verdict(Relation.CONTRADICTS, later, earlier, strength, reason, "cumulative")
        reason = (
            f"{show(later.figure)} on {later.published} updates the {show(ef)} of "
            f"{earlier.published} for the count since {since}"
        )
        return Verdict(Relation.SUPERSEDES, later, earlier, 1.0, reason, "cumulative")
