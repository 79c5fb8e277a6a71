"""Assessment: the most plausible figure per quantity, how far each source can be
trusted, and how credible each claim is.

``assess(graph)`` turns a linked claim graph into observations (one per claim,
relays weighted 0 so an origin counts once, confidence as weight), runs a truth
discovery method over them, and reads the answers back in the graph's terms:

- ``estimates``: per quantity, ``best`` with a ``low``-``high`` range (as UCDP
  publishes casualty figures), the claims and independent sources behind it and
  the dissenting claims;
- ``reliability``: per source, a learned reliability in [0, 1] and its evidence,
  starting from the source's prior (a number or an Admiralty letter);
- ``grade(claim)``: the Admiralty information-credibility grade 1 to 6 with its
  reasons, combined with the source's letter where it has one ("B2").

>>> import claimtrack as ct
>>> claims = [ct.Claim(source=s, measure="troops killed", figure=f, place="Pokrovsk")
...           for s, f in [("A", "238"), ("B", "240"), ("C", "about 235"), ("D", "900")]]
>>> g = ct.ClaimGraph(claims); _ = g.link()
>>> a = ct.assess(g)
>>> (e,) = a.estimates.values()
>>> 230 <= e.best <= 245, str(a.grade(claims[0])), str(a.grade(claims[3]))
(True, '1', '5')
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from . import _html, _truth
from ._gc import paused_gc
from ._text import render_table
from ._truth_core import independent_weight
from ._truth_grades import judge
from .errors import ValidationError
from .figure import Figure
from .model import Claim
from .relations import Quantity, Relation, Verdict

if TYPE_CHECKING:
    from .graph import ClaimGraph

__all__ = [
    "Assessment",
    "Estimate",
    "Grade",
    "Reliability",
    "assess",
    "assessment_method",
    "assessment_methods",
]

# The range takes in every value the method finds at least this many times as probable
# as the best one (as AccuCopyPolicy.range_ratio does for the method's own range).
_PLAUSIBLE = 0.5


@attrs.frozen(repr=False)
class Estimate:
    """The consensus for one quantity: ``best`` within ``low``-``high``, in ``unit``.

    ``claims`` are the claims whose figures hold the best value, ``sources`` the
    independent origins behind them, ``dissent`` the claims that do not;
    ``support`` is the effective number of independent observations behind the
    best value (copies and relays count less than one) and ``confidence`` the
    method's probability that it is right.
    """

    quantity: Quantity
    best: float
    low: float
    high: float
    unit: str | None
    claims: tuple[Claim, ...]
    sources: tuple[str, ...]
    dissent: tuple[Claim, ...]
    support: float
    confidence: float
    method: str

    @property
    def figure(self) -> Figure:
        """The estimate as a figure: best value and range."""
        low = None if self.low == -math.inf else self.low
        high = None if self.high == math.inf else self.high
        return Figure(self.best, low, high, unit=self.unit, hedge="interval")

    def __repr__(self) -> str:
        return f"Estimate({self.quantity.label!r}, {self.figure.format()!r})"

    def _repr_html_(self) -> str:
        return _html.estimate(self)


@attrs.frozen(repr=False)
class Reliability:
    """What the assessment learned about a source: ``value`` in [0, 1] and the evidence.

    ``claims`` counts the quantities on which another source also reported (the
    only ones that say anything about this one), ``agreed`` the share of those
    whose estimate lies within this source's figure; ``prior`` is the reliability
    given beforehand, if any; ``copies`` names sources found to repeat this one's
    figures (or it theirs) without attribution, with the strength of the evidence;
    ``weak_copies`` counts the quantities on which its figure, shared only with
    less reliable sources, was taken in part for a copy of theirs (a bot that
    carries vandals' figures forward).
    """

    source: str
    value: float
    prior: float | None
    claims: int
    agreed: float
    copies: tuple[tuple[str, float], ...] = ()
    weak_copies: int = 0

    def __repr__(self) -> str:
        return f"Reliability({self.source!r}, {self.value:.2f}, claims={self.claims})"


class Grade(str):
    """An Admiralty information-credibility grade: a string such as "B2" or "3".

    ``credibility`` is the digit (1 confirmed, 2 probably true, 3 possibly true,
    4 doubtful, 5 improbable, 6 cannot be judged), ``letter`` the source's
    reliability letter if it has one, ``reasons`` the reasons in words.
    """

    credibility: int
    letter: str | None
    reasons: tuple[str, ...]

    def __new__(cls, credibility: int, letter: str | None, reasons: Iterable[str]) -> Grade:
        grade = super().__new__(cls, f"{letter or ''}{credibility}")
        # A grade is a value, like the string it is: claims with the same grade share one.
        setattr_ = object.__setattr__
        setattr_(grade, "credibility", credibility)
        setattr_(grade, "letter", letter)
        setattr_(grade, "reasons", tuple(reasons))
        return grade

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Grade cannot be changed (tried to set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Grade cannot be changed (tried to delete {name!r})")

    def __getnewargs__(self) -> tuple[int, str | None, tuple[str, ...]]:  # type: ignore[override]
        return self.credibility, self.letter, self.reasons

    def __getstate__(self) -> None:  # everything is in the arguments to __new__
        return None

    @property
    def label(self) -> str:
        """What the digit means ("probably true")."""
        return _truth.GRADE_LABELS[self.credibility]

    def explain(self) -> str:
        return f"{self} ({self.label}): " + "; ".join(self.reasons)


class Assessment:
    """Estimates, reliabilities and grades for the claims of one graph (see the module)."""

    def __init__(
        self,
        graph: ClaimGraph,
        method: str,
        estimates: dict[Quantity, Estimate],
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

    def estimate(self, claim: Claim) -> Estimate | None:
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
        from .graph import ClaimGraph  # graph.py imports this module

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
        graph.link()
        # one verdict a whole: its parts, taken in any order, make one conflict
        wholes: dict[str, Verdict] = {}
        for verdict in graph.verdicts(Relation.CONTRADICTS):
            kept = wholes.setdefault(verdict.b.id, verdict)
            # the whole and each of its parts are in doubt, all by the whole's one sum
            for role, stand_in in (("part", verdict.a), ("whole", verdict.b)):
                self._doubted.setdefault(behind[stand_in.id], (role, kept))
        return list(wholes.values())

    def __str__(self) -> str:
        rows = [
            (e.quantity.label, e.figure.format(), len(e.sources), len(e.dissent))
            for e in self.estimates.values()
        ]
        return render_table(["quantity", "estimate", "sources", "dissenting"], rows, limit=60)

    def __repr__(self) -> str:
        return (
            f"<Assessment ({self.method}): {len(self.estimates)} estimates, "
            f"{len(self.reliability)} sources, {len(self._grades)} grades>"
        )

    def _repr_html_(self) -> str:
        return _html.assessment(self)


def _said(e: Estimate) -> str:
    """An estimate in words, as the tables write it: "1,200 (1,080 to 1,320)", "50%"."""
    best = _html.with_unit(_html.num(e.best), e.unit)
    if e.low == e.high == e.best:
        return best
    return f"{best} ({_html.num(e.low)} to {_html.num(e.high)})"


def assessment_methods() -> list[str]:
    """The names ``assess(method=...)`` accepts."""
    return _truth.method_names()


def assessment_method(name: str) -> Callable[[Any], Any]:
    """Register an assessment method under a name (see ``claimtrack._truth.Method``)."""
    return _truth.register_method(name)


def _reference_unit(claims: list[Claim]) -> str | None:
    first = claims[0].figure.unit
    if all(c.figure.unit == first for c in claims):  # the usual case: one unit
        return first
    units: dict[str | None, int] = {}
    for c in claims:
        units[c.figure.unit] = units.get(c.figure.unit, 0) + 1
    return max(units, key=lambda u: (units[u], u or ""))


#: Each asserted claim of a quantity with its observation and its stated bounds.
_Held = list[tuple[Claim, _truth.Observation, float, float]]


def _observations(
    graph: ClaimGraph, relays: set[str], origins: dict[str, str]
) -> tuple[dict[Quantity, _Held], dict[Quantity, str | None]]:
    """Every quantity's asserted claims as observations (one per claim, in the unit most
    of them use, relays weighted 0), and that unit."""
    context = graph.context
    tolerance = context.tolerance
    observation = _truth.Observation.trusted  # from figures, which are valid already
    owners: dict[Quantity, _Held] = {}
    units: dict[Quantity, str | None] = {}
    references: dict[str | None, Figure] = {}  # a figure in each unit, to test convertibility
    for quantity, claims in context.quantities().items():
        asserted = [c for c in claims if c.stance == "asserts"]
        if not asserted:
            continue
        unit = units[quantity] = _reference_unit(asserted)
        reference = references.get(unit)
        if reference is None:
            reference = references[unit] = Figure(0, unit=unit)
        held: _Held = []
        for claim in asserted:
            f = claim.figure
            if f.unit != unit:
                if not reference.comparable(f):
                    continue
                f = f.to(unit)
            cid = claim.id
            weight = 0.0 if cid in relays else claim.confidence
            # figures within the graph's rounding tolerance agree, as the checkers found
            slack = abs(f.value) * tolerance
            lo, hi = f.bounds
            obs = observation(origins[cid], f.value, lo - slack, hi + slack, weight)
            held.append((claim, obs, lo, hi))
        if held:
            owners[quantity] = held
    return owners, units


def _independent(
    origin: str,
    others: Collection[str],
    dependence: Mapping[tuple[str, str], float],
    dependent: set[str],
    copied: Mapping[str, float],
) -> float:
    """How many independent sources the origins corroborating a claim amount to, once
    the copying the method found is taken out (``independent_weight``, the claim's own
    origin first, the others by name). Only the sources the method found copying
    change the count; the others add one each."""
    special = sorted([name for name in others if name in dependent or name in copied])
    if not special:  # the usual case
        return float(len(others))
    counted = independent_weight(origin, [(name, 1.0) for name in special], dependence, copied)
    return len(others) - len(special) + counted


def assess(graph: ClaimGraph, method: str | Callable[..., Any] | None = None) -> Assessment:
    """Estimates, source reliability and credibility grades for a linked graph.

    Parameters
    ----------
    graph
        A ClaimGraph; it is linked first if claims were added since its last link.
    method
        A name from ``assessment_methods()`` (default ``"accucopy"``: truth
        discovery with interval agreement and copy detection; also ``"crh"``,
        ``"weighted_median"``, ``"conservative"``, ``"median"``, ``"vote"``) or a
        callable following ``claimtrack._truth.Method``.
    """
    graph.link()
    with paused_gc():
        return _assess(graph, method)


def _assess(graph: ClaimGraph, method: str | Callable[..., Any] | None) -> Assessment:
    # a claim that relays another adds nothing: its origin is already counted
    edges = graph._pairs_by_relation(Relation.RELAYS, Relation.CORROBORATES)
    claims = graph.claims()
    origins = graph._origins(claims)
    owners, units = _observations(graph, {u for u, _ in edges[Relation.RELAYS]}, origins)
    items: dict[Any, list[_truth.Observation]] = {
        quantity: [obs for _, obs, _, _ in held]
        for quantity, held in owners.items()
        if any(obs.weight > 0 for _, obs, _, _ in held)
    }
    sources = graph.sources()
    priors = {s.name: s.prior for s in sources if s.prior is not None}  # aliases resolved
    discovery = _truth.discover(items, method=method or _truth.DEFAULT_METHOD, priors=priors)
    letters = {s.name: s.letter for s in sources}
    scores = {name: r.score if r.items else None for name, r in discovery.reliability.items()}
    corroborating = graph._corroborating(edges, origins)
    dependence = discovery.dependence
    dependent = {name for pair in dependence for name in pair}
    policy = _truth.GradePolicy()
    observation = _truth.Observation.trusted
    estimates: dict[Quantity, Estimate] = {}
    grades: dict[str, Grade] = {}
    # equal grades are one object: a few thousand kinds among a hundred thousand claims
    shared: dict[tuple[int, str | None, tuple[str, ...]], Grade] = {}
    for quantity, held in owners.items():
        found = discovery.estimates.get(quantity)
        if found is None:
            for claim, _, _, _ in held:
                grades[claim.id] = Grade(6, letters.get(claim.source.name), ["only relays"])
            continue
        best = found.best
        # The range, as UCDP publishes it: from the lowest to the highest credible figure,
        # in the claims' own words (without the tolerance). Credible: the claims that hold
        # the best value, or a value the method finds at least half as probable as the
        # values those claims hold together ("more than 2,000" and "some 2,100" are one
        # side, whose weight is not split between 2,000 and 2,100).
        plausible: list[float] = []
        if len(found.alternatives) > 1:
            holding = [obs for _, obs, _, _ in held if obs.low <= best <= obs.high]
            side = [
                (v, p)
                for v, p in found.alternatives
                if v == best or any(o.low <= v <= o.high for o in holding)
            ]
            top = sum(p for _, p in side)
            held_values = {v for v, _ in side}
            plausible = [
                v for v, p in found.alternatives if v not in held_values and p >= _PLAUSIBLE * top
            ]
        behind: list[Claim] = []
        dissent: list[Claim] = []
        low = high = best
        for claim, obs, lo, hi in held:
            holds = obs.low <= best <= obs.high
            if holds or any(obs.low <= v <= obs.high for v in plausible):
                low = lo if lo < low else low
                high = hi if hi > high else high
            if holds:
                behind.append(claim)
            else:
                dissent.append(claim)
        if not behind:
            low, high = min(best, found.low), max(best, found.high)
        estimates[quantity] = Estimate(
            quantity=quantity,
            best=best,
            low=low,
            high=high,
            unit=units[quantity],
            claims=tuple(behind),
            sources=tuple(sorted(set(found.agreeing))),
            dissent=tuple(dissent),
            support=found.support,
            confidence=found.confidence,
            method=discovery.method,
        )
        judged_against = attrs.evolve(found, low=low, high=high)
        copied = dict(found.copied)  # claims the method took in part for copies here
        for claim, obs, _, _ in held:
            if obs.weight != 1.0:  # a relay weighs as its origin
                obs = observation(obs.source, obs.value, obs.low, obs.high, 1.0)
            score = scores.get(obs.source)
            if score is not None and not 0 <= score <= 1:  # as grade() checks it
                raise ValidationError("reliability", score, "a number in [0, 1] or None")
            cid = claim.id
            # confirmation is what the graph's checkers found: other origins corroborating
            others = corroborating.get(cid, ())
            confirming = _independent(obs.source, others, dependence, dependent, copied)
            digit, reasons = judge(obs, judged_against, confirming, score, policy)
            key = (digit, letters.get(claim.source.name), reasons)
            made = shared.get(key)
            if made is None:
                made = shared[key] = Grade(*key)
            grades[cid] = made
    for claim in claims:
        if claim.id not in grades:
            why = (
                "a denial"
                if claim.stance == "denies"
                else "no comparable figure to weigh it against"
            )
            grades[claim.id] = Grade(6, letters.get(claim.source.name), [why])
    reliability = {
        name: Reliability(name, r.score, r.prior, r.items, r.agreement, r.copies, r.weak_copies)
        for name, r in discovery.reliability.items()
    }
    return Assessment(
        graph, discovery.method, estimates, reliability, grades, dict(discovery.dependence)
    )
