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

import datetime as dt
import math
from collections.abc import Callable, Collection, Mapping
from typing import Any

import attrs

from .._format import Progress, Ticker
from .._format import progress as _progress
from .._gc import paused_gc
from ..errors import ValidationError
from ..figure import Figure, agreement_interval, relative_gap
from ..graph import (
    ClaimGraph,
    Pairs,
    claim_origins,
    corroborating_origins,
    relation_pairs,
    timeline,
)
from ..model import Claim, Period
from ..relations import Quantity, Relation
from . import truth
from ._assessment import Assessment
from .truth import Discovery, Estimate, Grade, GradePolicy, Method, Observation, Reliability

__all__ = ["assess", "assessment_method", "assessment_methods", "running_estimate"]

# The range takes in every value the method finds at least this many times as probable
# as the best one (as AccuCopyPolicy.range_ratio does for the method's own range).
_PLAUSIBLE = 0.5


def assessment_methods() -> list[str]:
    """The names ``assess(method=...)`` accepts."""
    return truth.method_names()


def assessment_method(name: str) -> Callable[[Method], Method]:
    """Register an assessment method under a name (a decorator; see ``Method``)."""
    return truth.register_method(name)


def _reference_unit(claims: list[Claim]) -> str | None:
    first = claims[0].figure.unit
    if all(c.figure.unit == first for c in claims):  # the usual case: one unit
        return first
    units: dict[str | None, int] = {}
    for c in claims:
        units[c.figure.unit] = units.get(c.figure.unit, 0) + 1
    return max(units, key=lambda u: (units[u], u or ""))


#: Each asserted claim of a quantity with its observation and its stated bounds.
_Held = list[tuple[Claim, Observation, float, float]]


def _scored(f: Figure, lo: float, hi: float, tolerance: float) -> tuple[float, float, float]:
    """The value and the interval a figure backs in the method's votes: the values that
    agree with it (``Figure.agrees``). An open figure backs the values that agree with
    its stated bound, not every value beyond it: "more than 20,000" is consistent
    with 100,000 but does not vote for it."""
    if math.isfinite(lo) and math.isfinite(hi):
        return (f.value, *agreement_interval(f.value, lo, hi, tolerance))
    bound = f.stated_bound()
    if bound is None:  # "some": no bound, so nothing to back
        return (f.value, lo, hi)
    return (bound, *agreement_interval(bound, bound, bound, tolerance))


def _stated(obs: Observation, lo: float, hi: float) -> tuple[float, float]:
    """The interval as stated, or the bound alone for an open figure (see ``_scored``)."""
    return (lo, hi) if math.isfinite(lo) and math.isfinite(hi) else (obs.value, obs.value)


def _consistent(obs: Observation, lo: float, hi: float, tolerance: float) -> Observation:
    """The observation as far as it is consistent: its stated interval within the
    tolerance (for an open figure, every value beyond its bound)."""
    if math.isfinite(lo) and math.isfinite(hi):
        return obs
    low, high = agreement_interval(obs.value, lo, hi, tolerance)
    return Observation.trusted(obs.source, obs.value, low, high, obs.weight)


def _observations(
    graph: ClaimGraph, relays: set[str], origins: dict[str, str], left_out: Mapping[str, str]
) -> tuple[dict[Quantity, _Held], dict[Quantity, str | None]]:
    """Every quantity's asserted claims as observations (one per claim, in the unit most
    of them use, relays weighted 0), and that unit.

    An observation holds every value that agrees with its claim under the one
    agreement rule (``Figure.agrees`` at the graph's tolerance), so the engine
    counts as agreeing exactly the figures the checkers found to corroborate.
    """
    context = graph.context
    tolerance = context.tolerance
    observation = Observation.trusted  # from figures, which are valid already
    owners: dict[Quantity, _Held] = {}
    units: dict[Quantity, str | None] = {}
    references: dict[str | None, Figure] = {}  # a figure in each unit, to test convertibility
    for quantity, claims in context.quantities().items():
        asserted = [c for c in claims if c.stance == "asserts" and c.id not in left_out]
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
            lo, hi = f.bounds
            value, low, high = _scored(f, lo, hi, tolerance)
            held.append((claim, observation(origins[cid], value, low, high, weight), lo, hi))
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
    counted = truth.independent_weight(
        origin, [(name, 1.0) for name in special], dependence, copied
    )
    return len(others) - len(special) + counted


def assess(
    graph: ClaimGraph, method: str | Method | None = None, progress: Progress = None
) -> Assessment:
    """Estimates, source reliability and credibility grades for a linked graph.

    Parameters
    ----------
    graph
        A ClaimGraph; it is linked first if claims were added since its last link.
    method
        A name from ``assessment_methods()`` (default ``"accucopy"``: truth
        discovery with interval agreement and copy detection; also ``"crh"``,
        ``"weighted_median"``, ``"conservative"``, ``"median"``, ``"vote"``) or a
        callable following ``claimtrack.assessment.Method``.
    progress
        As ``ClaimGraph.link``: None shows a bar from ``claimtrack.options.progress_from``
        claims, True or False always or never, a callable gets (done, total): the
        quantities found by the method, in one step, then graded one by one.
    """
    graph.link(progress=progress)
    with paused_gc(), _progress("assessing", 2 * len(graph), progress) as tick:
        return _Assessor(graph, method, tick).run()


class _Assessor:
    """The steps of one ``assess``: observe, discover, then read the answers back as
    estimates and grades in the graph's terms."""

    def __init__(
        self, graph: ClaimGraph, method: str | Method | None, tick: Ticker | None = None
    ) -> None:
        self.graph = graph
        self.tick: Ticker = tick or (lambda n=1: None)
        self.method = method or truth.DEFAULT_METHOD
        self.sources = graph.sources()
        self.letters = {s.name: s.letter for s in self.sources}
        self.grades: dict[str, Grade] = {}
        self.reliability: dict[str, Reliability] = {}
        # equal grades are one object: a few thousand kinds among a hundred thousand claims
        self._shared: dict[tuple[int, str | None, tuple[str, ...]], Grade] = {}

    def run(self) -> Assessment:
        graph = self.graph
        # a claim that relays another adds nothing: its origin is already counted
        edges = relation_pairs(
            graph, Relation.RELAYS, Relation.CORROBORATES, *_REPLACING, Relation.STALE
        )
        claims = graph.claims()
        origins = claim_origins(graph, claims)
        for u, w in edges[Relation.RELAYS]:  # a declared relay shares what it relays' origin
            origins[u] = origins[w]
        left_out = _left_out(graph, claims, edges)
        relays = {u for u, _ in edges[Relation.RELAYS]}
        owners, units = _observations(graph, relays, origins, left_out)
        discovery = self._discover(owners, graph.context.tolerance)
        self.reliability = _with_disputes(discovery.reliability, owners)
        self.tick(len(claims))  # the method's work, told as one step: half the bar
        corroborating = corroborating_origins(edges, origins)
        estimates: dict[Quantity, Estimate[Quantity]] = {}
        graded = 0
        for quantity, held in owners.items():
            self.tick(len(held))
            graded += len(held)
            found = discovery.estimates.get(quantity)
            if found is not None:
                found = _bounded_best(found, held)
            if found is None:
                for claim, _, _, _ in held:
                    self._grade(claim, 6, ("only relays",))
                continue
            estimate = estimates[quantity] = _estimate(
                quantity, held, found, units[quantity], discovery.method, graph.context.tolerance
            )
            self._grade_claims(held, found, estimate, discovery, corroborating)
        for claim in claims:
            why = left_out.get(claim.id)
            if why is not None:
                self._grade(claim, 6, (why,))
        self._grade_the_rest(claims)
        self.tick(max(len(claims) - graded, 0))
        return Assessment(
            graph,
            discovery.method,
            estimates,
            self.reliability,
            self.grades,
            dict(discovery.dependence),
        )

    def _discover(self, owners: dict[Quantity, _Held], tolerance: float) -> Discovery:
        """The method's answers for every quantity some claim weighs on.

        The method runs on the figures widened by the agreement rule, which
        absorbs rounding and noise; with a tolerance it runs a second time on the
        figures as stated, and ``_settle`` keeps, for each quantity, the reading
        that exact data calls for (see there).
        """
        items: dict[Any, list[Observation]] = {
            quantity: [obs for _, obs, _, _ in held]
            for quantity, held in owners.items()
            if any(obs.weight > 0 for _, obs, _, _ in held)
        }
        priors = {s.name: s.prior for s in self.sources if s.prior is not None}
        found = truth.discover(items, method=self.method, priors=priors)
        if tolerance <= 0:
            return found
        trusted = Observation.trusted
        stated = {
            quantity: [
                trusted(o.source, o.value, *_stated(o, lo, hi), o.weight)
                for _, o, lo, hi in owners[quantity]
            ]
            for quantity in items
        }
        exact = truth.discover(stated, method=self.method, priors=priors).estimates
        estimates = {
            q: _settle(e, exact[q], tolerance, _DECISIVE) for q, e in found.estimates.items()
        }
        return attrs.evolve(found, estimates=estimates)

    def _grade(self, claim: Claim, digit: int, reasons: tuple[str, ...]) -> None:
        key = (digit, self.letters.get(claim.source.name), reasons)
        made = self._shared.get(key)
        if made is None:
            made = self._shared[key] = Grade(*key)
        self.grades[claim.id] = made

    def _grade_claims(
        self,
        held: _Held,
        found: Estimate[Any],
        estimate: Estimate[Quantity],
        discovery: Discovery,
        corroborating: Mapping[str, set[str]],
    ) -> None:
        """Each claim of one quantity graded against its estimate; confirmation is what
        the graph's checkers found: other origins corroborating it."""
        judged_against = attrs.evolve(found, low=estimate.low, high=estimate.high)
        copied = dict(found.copied)  # claims the method took in part for copies here
        dependence = discovery.dependence
        dependent = {name for pair in dependence for name in pair}
        scores = self.reliability
        policy = _POLICY
        tolerance = self.graph.context.tolerance
        for claim, scored, lo, hi in held:
            obs = _consistent(scored, lo, hi, tolerance)
            if obs.weight != 1.0:  # a relay weighs as its origin
                obs = Observation.trusted(obs.source, obs.value, obs.low, obs.high, 1.0)
            learned = scores.get(obs.source)
            # a score resting on too little evidence is no score (the prior stands)
            score = learned.value if learned is not None and learned.enough else None
            others = corroborating.get(claim.id, ())
            confirming = _independent(obs.source, others, dependence, dependent, copied)
            digit, reasons = truth.judge(obs, judged_against, confirming, score, policy)
            self._grade(claim, digit, reasons)

    def _grade_the_rest(self, claims: list[Claim]) -> None:
        """Grade 6 for the claims no estimate weighs: denials, incomparable figures."""
        for claim in claims:
            if claim.id not in self.grades:
                why = (
                    "a denial"
                    if claim.stance == "denies"
                    else "no comparable figure to weigh it against"
                )
                self._grade(claim, 6, (why,))


_POLICY = GradePolicy()

#: The verdicts by which a later figure of one origin replaces an earlier one.
_REPLACING = (Relation.SUPERSEDES, Relation.REVISES)


def _left_out(graph: ClaimGraph, claims: list[Claim], edges: Pairs) -> dict[str, str]:
    """The claims the current estimates leave out, each with the reason: projections
    (checked against counts, never averaged with them), claims their source revised
    or retracted, figures a later one of the same origin replaced on the same day, and
    stale repeats of a figure the origin had replaced."""
    out: dict[str, str] = {}
    for claim in claims:
        if claim.kind == "projection":
            out[claim.id] = (
                "a projection: checked against the counts made after it, not averaged with them"
            )
        elif claim.status != "standing":
            by = f" ({claim.replaced_by})" if claim.replaced_by else ""
            out[claim.id] = f"{claim.status} by its source{by}: left out of the current estimate"
    quantity = graph.quantity
    for relation in _REPLACING:
        for u, w in edges[relation]:
            later, earlier = graph.claim(u), graph.claim(w)
            if earlier.id not in out and quantity(later) == quantity(earlier):
                word = "updated" if relation == Relation.SUPERSEDES else "revised"
                out[earlier.id] = (
                    f"{word} later that day by {later.figure.format()}: "
                    "left out of the day's estimate"
                )
    for u, w in edges[Relation.STALE]:
        if u not in out:
            newer = graph.claim(w)
            out[u] = f"stale: repeats an older figure after {newer.figure.format()} was out"
    return out


#: How probable the reading of the figures as stated must find its best value to
#: overrule the tolerant reading's side (``_settle``).
_DECISIVE = 0.9


def _settle(
    tolerant: Estimate[Any], exact: Estimate[Any], tolerance: float, decisive: float
) -> Estimate[Any]:
    """One quantity's answer from the two readings of its figures.

    The tolerant reading (figures widened by the agreement rule) decides which
    side of the figures is right; within that side, the value is the one the
    exact reading (figures as stated) finds most probable, so 605, 605 and 601
    give 605, not the smallest. Where the exact reading is decisive (its best at
    least ``decisive`` probable) and names a value off the tolerant side, it
    wins: figures stated to the unit by sources that are usually right to the
    unit (timetables, official counts) are not to be blurred by the tolerance.
    """
    best = tolerant.best

    def agree(value: float) -> bool:
        return relative_gap(value, value, abs(value), best, best, abs(best)) <= tolerance

    if not agree(exact.best):
        return exact if exact.confidence >= decisive else tolerant
    side = [(p, -v, v) for v, p in exact.alternatives if agree(v)]
    chosen = max(side)[2] if side else best
    if chosen == best:
        return tolerant
    return attrs.evolve(tolerant, best=chosen, confidence=tolerant.probability(chosen, chosen))


def _with_disputes(
    reliability: Mapping[str, Reliability], owners: Mapping[Quantity, _Held]
) -> dict[str, Reliability]:
    """Each source's reliability with the number of disputed quantities behind it:
    those it reported on where the figures were not all one."""
    for r in reliability.values():  # a method of one's own may return anything
        if not (isinstance(r.value, int | float) and 0 <= r.value <= 1):
            raise ValidationError("reliability", r.value, "a number in [0, 1] or None")
    disputed: dict[str, int] = {}
    for held in owners.values():
        if len({(lo, hi) for _, _, lo, hi in held}) > 1:
            for source in {obs.source for _, obs, _, _ in held}:
                disputed[source] = disputed.get(source, 0) + 1
    return {
        name: attrs.evolve(r, disputed=disputed.get(name, 0)) for name, r in reliability.items()
    }


def _bounded_best(found: Estimate[Any], held: _Held) -> Estimate[Any]:
    """The best value is one a bounded figure states, while there is one: the bound of
    "more than 20,000" is where a claim stops saying anything, not a value it gives.
    Among the values bounded figures state, the method's most probable is taken."""
    bounded = {obs.value for _, obs, lo, hi in held if math.isfinite(lo) and math.isfinite(hi)}
    if not bounded or found.best in bounded:
        return found
    for value, probability in found.alternatives:
        if value in bounded:
            return attrs.evolve(found, best=value, confidence=probability)
    return found


def _plausible(held: _Held, found: Estimate[Any]) -> list[float]:
    """The values besides the best that the range takes in: those the method finds at
    least half as probable as the values the best's claims hold together ("more than
    2,000" and "some 2,100" are one side, whose weight is not split between them)."""
    if len(found.alternatives) <= 1:
        return []
    best = found.best
    holding = [obs for _, obs, _, _ in held if obs.low <= best <= obs.high]
    side = [
        (v, p)
        for v, p in found.alternatives
        if v == best or any(o.low <= v <= o.high for o in holding)
    ]
    top = sum(p for _, p in side)
    held_values = {v for v, _ in side}
    return [v for v, p in found.alternatives if v not in held_values and p >= _PLAUSIBLE * top]


def _estimate(
    quantity: Quantity,
    held: _Held,
    found: Estimate[Any],
    unit: str | None,
    method: str,
    tolerance: float,
) -> Estimate[Quantity]:
    """The method's answer in the graph's terms: the claims behind the best value and
    those dissenting, and the range as UCDP publishes it, from the lowest to the
    highest credible figure in the claims' own words (without the tolerance)."""
    best = found.best
    plausible = _plausible(held, found)
    behind: list[Claim] = []
    dissent: list[Claim] = []
    backing: set[str] = set()  # the origins whose figures agree with the best value
    against: set[str] = set()
    # The stated bounds of the claims holding the best or a plausible value. An open end
    # ("more than 2,000") reaches as far as the range only when no bounded figure holds
    # the range: the bound is where such a claim stops saying anything.
    spans = [
        (lo, hi)
        for _, obs, lo, hi in held
        if obs.low <= best <= obs.high or any(obs.low <= v <= obs.high for v in plausible)
    ]
    bounded = any(math.isfinite(lo) and math.isfinite(hi) for lo, hi in spans)
    lows = [lo for lo, _ in spans if not bounded or math.isfinite(lo)]
    highs = [hi for _, hi in spans if not bounded or math.isfinite(hi)]
    low, high = min([best, *lows]), max([best, *highs])
    for claim, obs, lo, hi in held:
        holds = obs.low <= best <= obs.high
        fits = _consistent(obs, lo, hi, tolerance)
        (behind if holds or fits.low <= best <= fits.high else dissent).append(claim)
        if holds:
            backing.add(obs.source)
        elif not fits.low <= best <= fits.high:
            against.add(obs.source)
    if not behind:
        low, high = min(best, found.low), max(best, found.high)
    return attrs.evolve(
        found,
        low=low,
        high=high,
        quantity=quantity,
        unit=unit,
        claims=tuple(behind),
        sources=tuple(sorted(backing)),
        dissenting=tuple(sorted(against - backing)),
        dissent=tuple(dissent),
        method=method,
        alternatives=found.alternatives,
    )


def running_estimate(
    graph: ClaimGraph,
    measure: str,
    place: str | None,
    as_of: dt.datetime | dt.date | str,
    window: dt.timedelta = dt.timedelta(days=1),
) -> Estimate[Quantity] | None:
    """The estimate of a running count (a toll "to date") as of a moment.

    Each origin's latest standing figure published up to ``as_of`` is taken
    (``timeline``), and those given within ``window`` of the freshest one are
    assessed as of that moment like any quantity: relays and sources that speak
    for an origin count once; projections, retracted claims and stale repeats are
    left out, and a figure revised later counts until the figure that replaced it
    is out. An origin whose last word is older than that spoke of an earlier
    state of the count, which has moved on since. None when nothing was counted
    by then.

    Examples
    --------
    >>> import claimtrack as ct
    >>> toll = [ct.Claim(source=s, measure="deaths", figure=f, place="Derna",
    ...                  period="2023-09-10/", published=t)
    ...         for s, f, t in [("WHO", "3,958", "2023-09-16T09:00"),
    ...                         ("WHO", "4,255", "2023-09-28"),
    ...                         ("OCHA", "3,958", "2023-09-17")]]
    >>> g = ct.ClaimGraph(toll)
    >>> ct.running_estimate(g, "deaths", "Derna", "2023-09-20").best
    3958
    >>> ct.running_estimate(g, "deaths", "Derna", "2023-09-30").best
    4255
    """
    moment = _moment(as_of)
    graph.link()
    latest = [series[-1] for series in timeline(graph, measure, place, as_of=moment).values()]
    if not latest:
        return None
    freshest = max(c.moment for c in latest if c.moment is not None)
    latest = [c for c in latest if c.moment is not None and c.moment >= freshest - window]
    day = moment.date()
    # a figure revised later was its origin's standing word as of then (``timeline``
    # keeps it only while so)
    as_then = [
        attrs.evolve(
            c,
            period=Period(c.period.start if c.period else None, day, "day"),
            published=day,
            status="standing",
            replaced_by=None,
        )
        for c in latest
    ]
    context = graph.context
    current = ClaimGraph(
        as_then,
        measures=context.measures,
        places=context.places,
        tolerance=context.tolerance,
        checkers=["agreement", "relays"],
    )
    estimates = assess(current).estimates
    if not estimates:
        return None
    return max(estimates.values(), key=lambda e: (len(e.claims), e.label))


def _moment(value: dt.datetime | dt.date | str) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, 23, 59, 59)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError("as_of", value, "a date or a date and time (ISO 8601)") from None
        if "T" not in value and " " not in value.strip():
            return parsed.replace(hour=23, minute=59, second=59)
        return parsed
    raise ValidationError("as_of", value, "a date or a date and time (ISO 8601)")
