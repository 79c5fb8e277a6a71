"""``Assessment``: what ``assess`` found for one graph, with the questions it answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .._format import html as _html
from .._format import render_table
from ..errors import ValidationError
from ..graph import ClaimGraph
from ..model import Claim
from ..relations import Quantity, Relation, Verdict
from ._display import assessment_html
from .truth import Estimate, Grade, Reliability

if TYPE_CHECKING:
    import pandas

__all__ = ["Assessment"]


class Assessment:
    """Estimates, reliabilities and grades for the claims of one graph (see the module)."""

    def __init__(
        self,
        graph: ClaimGraph,
        method: str,
        estimates: dict[Quantity, Estimate[Quantity]],
        reliability: dict[str, Reliability],
        grades: dict[str, Grade],
        dependence: dict[tuple[str, str], float],
    ) -> None:
        self.graph = graph
        self.method = method
        self.estimates = estimates
        self.reliability = reliability
        self.dependence = dependence
        self._grades = grades
        self._inconsistencies: list[Verdict] | None = None  # found on first asking
        # quantity -> "whole" or "part", and the whole's verdict: the sum it fails
        self._doubted: dict[Quantity, tuple[str, Verdict]] = {}
        self._consistent = False  # whether grades were capped by the inconsistencies yet

    def grade(self, claim: Claim) -> Grade:
        """The credibility grade of a claim of the graph.

        A claim that holds an estimate which does not add up with others (see
        ``inconsistencies``) is at best possibly true (3): the Admiralty code
        keeps 1 and 2 for information consistent with the rest.
        """
        found = self._checked_grades().get(claim.id)
        if found is None:
            raise ValidationError("claim", claim, "a claim of the assessed graph")
        return found

    def grades(self) -> dict[str, Grade]:
        """Every claim's grade, by claim id (capped as ``grade`` says)."""
        return dict(self._checked_grades())

    def _checked_grades(self) -> dict[str, Grade]:
        """The grades, with those of claims behind inconsistent estimates capped at 3.

        Found on first asking, as ``inconsistencies`` is: ``assess`` on a hundred
        thousand claims need not wait for the part-and-whole check.
        """
        if not self._consistent:
            self.inconsistencies()
            for quantity, (role, verdict) in self._doubted.items():
                estimate = self.estimates[quantity]
                whole = verdict.b.place or "the whole"
                if role == "whole":
                    why = f"the estimates of the parts of {whole} exceed the estimate for it"
                else:
                    why = f"this is a part of {whole}, and the parts' estimates exceed the whole's"
                why += ": " + verdict.reason
                for claim in estimate.claims:
                    was = self._grades[claim.id]
                    if was.credibility < 3:
                        self._grades[claim.id] = Grade(3, was.letter, (why, *was.reasons))
            self._consistent = True
        return self._grades

    def estimate(self, claim: Claim) -> Estimate[Quantity] | None:
        """The estimate of the quantity a claim is about (None if it had none)."""
        return self.estimates.get(self.graph.quantity(claim))

    def inconsistencies(self) -> list[Verdict]:
        """Where the estimates themselves do not add up: the graph's part-and-whole
        checker run on one claim per estimate (its best value within its range), so
        that parts whose estimates exceed their whole's are found even when every
        single estimate is well backed. Each verdict's claims are those stand-ins,
        by the source ``"consensus (<method>)"``.
        """
        if self._inconsistencies is None:  # the report and check both ask: link once
            self._inconsistencies = self._find_inconsistencies()
        return list(self._inconsistencies)

    def _find_inconsistencies(self) -> list[Verdict]:
        name = f"consensus ({self.method})"
        stand_ins = [
            Claim(
                source=name,
                measure=q.label_measure or q.measure,
                figure=attrs.evolve(e.figure, text=_said(e)),
                place=q.label_place,
                period=q.period,
            )
            for q, e in self.estimates.items()
        ]
        behind = dict(zip([c.id for c in stand_ins], self.estimates, strict=True))
        context = self.graph.context
        graph = ClaimGraph(
            stand_ins,
            measures=context.measures,
            places=context.places,
            checkers=["part_whole"],
            tolerance=context.tolerance,
        )
        graph.link(progress=False)  # part of a report or a check: no bar of its own
        # one verdict a whole: its parts, taken in any order, make one conflict
        wholes: dict[str, Verdict] = {}
        for verdict in graph.verdicts(Relation.CONTRADICTS):
            kept = wholes.setdefault(verdict.b.id, verdict)
            # the whole and each of its parts are in doubt, all by the whole's one sum
            for role, stand_in in (("part", verdict.a), ("whole", verdict.b)):
                self._doubted.setdefault(behind[stand_in.id], (role, kept))
        return list(wholes.values())

    def to_pandas(self, table: str = "claims") -> pandas.DataFrame:
        """A pandas DataFrame: ``"claims"`` (default) one row per claim with its grade,
        ``"estimates"`` one row per quantity, ``"reliability"`` one row per source
        (columns: ``claimtrack.to_pandas``)."""
        from ..views import to_pandas  # a door up, as ClaimGraph.to_pandas

        tables = {
            "claims": lambda: to_pandas(self),
            "estimates": lambda: to_pandas(self.estimates),
            "reliability": lambda: to_pandas(self.reliability),
        }
        if table not in tables:
            raise ValidationError("table", table, "'claims', 'estimates' or 'reliability'")
        return tables[table]()

    def __str__(self) -> str:
        rows = [  # numbers rounded for people, as every table writes them
            (q.label, _said(e), len(e.sources), len(e.dissent)) for q, e in self.estimates.items()
        ]
        return render_table(["quantity", "estimate", "sources", "dissenting"], rows, limit=60)

    def __repr__(self) -> str:
        return (
            f"<Assessment ({self.method}): {len(self.estimates)} estimates, "
            f"{len(self.reliability)} sources, {len(self._grades)} grades>"
        )

    def _repr_html_(self) -> str:
        return assessment_html(self)


def _said(e: Estimate[Quantity]) -> str:
    """An estimate in words, as the tables write it: "1,200 (1,080 to 1,320)", "50%"."""
    best = _html.with_unit(_html.num(e.best), e.unit)
    if e.low == e.high == e.best:
        return best
    return f"{best} ({_html.num(e.low)} to {_html.num(e.high)})"
