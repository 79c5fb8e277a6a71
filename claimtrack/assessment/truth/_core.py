"""Types, validation and the method registry of the truth-discovery engine.

Everything here is independent of the claim graph: an item is any hashable key
(a quantity), an observation is one source's figure for it, and a method turns
the observations of every item into estimates and source reliabilities.
``claimtrack.assessment.truth`` is the door; this module holds what the methods
share.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import attrs

from ..._format import html as _html
from ..._registry import Registry
from ...errors import ValidationError
from ...figure import Figure
from ...model import said_html

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from ...model import Claim

__all__ = [
    "ENTRY_POINT_GROUP",
    "ESTIMATE_HEADERS",
    "MINIMUM_EVIDENCE",
    "Estimate",
    "Item",
    "Method",
    "Observation",
    "Reliability",
    "agreement_reliability",
    "get_method",
    "independent_weight",
    "method_names",
    "per_item",
    "register_method",
    "unregister_method",
]

#: Packages add assessment methods through this entry-point group (name -> callable).
ENTRY_POINT_GROUP = "claimtrack.methods"


def _number(field: str, value: Any, finite: bool) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(f"observation {field}", value, "a number")
    if finite and not math.isfinite(value):
        raise ValidationError(f"observation {field}", value, "a finite number")
    if value != value:  # NaN
        raise ValidationError(f"observation {field}", value, "a number (-inf or inf if unbounded)")


@attrs.frozen
class Observation:
    """One source's figure for one item: a value, its interval, and how much it counts.

    ``low`` and ``high`` default to the value (an exact figure) and may be
    ``-inf``/``inf`` for an unbounded end ("over 40" is ``(40, 40, inf)``). An
    interval observation agrees with every value inside it. ``weight`` is how
    much the observation counts: 1 for an original statement, less for a relay
    of it, so that each independent origin counts once; a weight of 0 makes the
    observation inert.

    Examples
    --------
    >>> Observation("ministry", 45)
    Observation(source='ministry', value=45, low=45, high=45, weight=1.0)
    """

    source: str
    value: float
    low: float = attrs.field(default=attrs.Factory(lambda self: self.value, takes_self=True))
    high: float = attrs.field(default=attrs.Factory(lambda self: self.value, takes_self=True))
    weight: float = 1.0

    def __attrs_post_init__(self) -> None:
        # One check for all fields: observations are made by the hundred thousand.
        if not isinstance(self.source, str) or not self.source:
            raise ValidationError("observation source", self.source, "a non-empty name (str)")
        _number("value", self.value, finite=True)
        _number("low", self.low, finite=False)
        _number("high", self.high, finite=False)
        _number("weight", self.weight, finite=True)
        if self.weight < 0:
            raise ValidationError("observation weight", self.weight, "a number >= 0")
        if not self.low <= self.value <= self.high:
            raise ValidationError(
                "observation interval",
                (self.low, self.value, self.high),
                "low <= value <= high",
            )

    @classmethod
    def trusted(
        cls, source: str, value: float, low: float, high: float, weight: float
    ) -> Observation:
        """An observation from values already known to be valid (a ``Figure``'s, a
        confidence), skipping the checks: assess makes one per claim."""
        observation = object.__new__(cls)
        put = object.__setattr__
        put(observation, "source", source)
        put(observation, "value", value)
        put(observation, "low", low)
        put(observation, "high", high)
        put(observation, "weight", weight)
        return observation

    @property
    def claim(self) -> tuple[float, float, float]:
        """What was claimed, without who or how much: equal claims are candidate copies."""
        return (self.value, self.low, self.high)

    def agrees(self, value: float) -> bool:
        """Whether ``value`` lies within this observation's interval (ends included)."""
        return self.low <= value <= self.high


K = TypeVar("K", bound=Hashable)


@attrs.frozen(repr=False)
class Estimate(Generic[K]):
    """The most plausible figure for one quantity: ``best`` within ``low``-``high``, as
    UCDP publishes casualty figures.

    What a method finds: ``support`` is the effective number of independent
    observations whose interval holds ``best`` (relays and detected copies
    count for less than one); ``confidence`` is the method's probability that
    ``best`` is right; ``alternatives`` lists every candidate value with its
    probability, most probable first; ``sources`` and ``dissenting`` name the
    sources whose figures hold ``best`` and those whose figures do not;
    ``copied`` names the sources whose figure here the method took in part for a
    copy of others (accucopy's weak company), with the share of it that counts.

    What ``assess`` adds in the graph's terms: the ``quantity`` (a method
    working on bare items leaves the item key here), the ``unit``, the
    ``claims`` whose figures hold the best value and the ``dissent``, the claims
    that do not, and the ``method``'s name.
    """

    best: float
    low: float
    high: float
    support: float
    confidence: float
    alternatives: tuple[tuple[float, float], ...] = ()
    sources: tuple[str, ...] = ()
    dissenting: tuple[str, ...] = ()
    copied: tuple[tuple[str, float], ...] = ()
    quantity: K | None = None
    unit: str | None = None
    claims: tuple[Claim, ...] = ()
    dissent: tuple[Claim, ...] = ()
    method: str = ""

    def probability(self, low: float, high: float) -> float:
        """The probability the method gives to the truth lying in ``[low, high]``."""
        return min(1.0, math.fsum(p for v, p in self.alternatives if low <= v <= high))

    @property
    def figure(self) -> Figure:
        """The estimate as a figure: best value and range."""
        low = None if self.low == -math.inf else self.low
        high = None if self.high == math.inf else self.high
        return Figure(self.best, low, high, unit=self.unit, hedge="interval")

    @property
    def label(self) -> str:
        """What the estimate is of, in words: the quantity's label, or the item key."""
        if self.quantity is None:
            return ""
        return str(getattr(self.quantity, "label", self.quantity))

    def __repr__(self) -> str:
        return f"Estimate({self.label!r}, {self.figure.format()!r})"

    def html_row(self) -> tuple[Any, ...]:
        """The cells of this estimate's row in the HTML tables (``ESTIMATE_HEADERS``)."""
        said = [said_html(c) for c in self.dissent]
        return (
            self.label,
            _html.Markup(f"<b>{_html.esc(_html.with_unit(_html.num(self.best), self.unit))}</b>"),
            _html.with_unit(f"{_html.num(self.low)} to {_html.num(self.high)}", self.unit),
            len(self.claims),
            ", ".join(self.sources),
            _html.Markup("<br>".join(said)) if said else "",
            self.method,
        )

    def _repr_html_(self) -> str:
        return _html.table(ESTIMATE_HEADERS, [self.html_row()])


#: The columns of ``Estimate.html_row``.
ESTIMATE_HEADERS = [
    "quantity", "best", "range", "claims", "independent sources", "dissenting claims", "method",
]  # fmt: skip


@attrs.frozen(repr=False)
class Reliability:
    """What was learned about a source: ``value`` in [0, 1] and the evidence for it.

    ``claims`` counts the quantities on which some other source also reported,
    the only ones that say anything about this source; ``agreed`` is the share
    of those whose estimate lies within this source's figure. ``prior`` is the
    reliability given beforehand, if any. ``copies`` names the sources found to
    repeat this source's figures (or it theirs) without attribution, with the
    strength of the evidence in [0, 1]; ``weak_copies`` counts the quantities on
    which its figure, shared only with less reliable sources, was taken in part
    for a copy of theirs (a bot that carries vandals' figures forward).
    ``disputed``, filled in by ``assess``, counts the quantities it reported on
    where sources gave different figures: the evidence behind the score.
    """

    source: str
    value: float
    prior: float | None
    claims: int
    agreed: float
    copies: tuple[tuple[str, float], ...] = ()
    weak_copies: int = 0
    disputed: int | None = None

    @property
    def enough(self) -> bool:
        """Whether the score rests on enough evidence to be read: at least
        ``MINIMUM_EVIDENCE`` disputed quantities (those where sources gave different
        figures: agreeing where everyone agrees tells little), or, where ``assess``
        did not count them, quantities that other sources also reported. Below it
        the tables say "not enough data" and grades treat the source as unknown."""
        evidence = self.claims if self.disputed is None else self.disputed
        return evidence >= MINIMUM_EVIDENCE

    def __repr__(self) -> str:
        shown = f"{self.value:.2f}" if self.enough else "not enough data"
        return f"Reliability({self.source!r}, {shown}, claims={self.claims})"


#: How many quantities shared with other sources a reliability needs before it is read
#: as a number: one or two agreements say little of a source.
MINIMUM_EVIDENCE = 3


Item = tuple[Hashable, tuple[Observation, ...]]


def independent_weight(
    first: str,
    others: Iterable[tuple[str, float]],
    dependence: Mapping[tuple[str, str], float],
    copied: Mapping[str, float],
) -> float:
    """How much independent weight ``others`` (sources with weights, in the order they
    are counted) add to ``first``: each counts for the part of it that copies neither
    ``first`` nor one counted before it (``dependence``, keyed by the ordered pair), and
    for its share in ``copied`` if the method took it for a copy there."""
    counted = [first]
    total = 0.0
    for source, weight in others:
        share = copied.get(source, 1.0)
        for before in counted:
            share *= 1.0 - dependence.get((min(before, source), max(before, source)), 0.0)
        total += weight * share
        counted.append(source)
    return total


class Method(Protocol):
    """A truth-discovery method: items and priors in, a ``Discovery`` out.

    ``items`` holds every item once, with at least one observation of positive
    weight; ``priors`` maps source names to reliabilities in [0, 1]. Register
    one with ``register_method``.
    """

    def __call__(self, items: Sequence[Item], priors: Mapping[str, float], /) -> Result: ...


#: What a method returns: estimates per item, reliability per source, dependence per pair.
Result = tuple[
    Mapping[Hashable, Estimate[Hashable]],
    Mapping[str, Reliability],
    Mapping[tuple[str, str], float],
]


def _from_entry_point(point: EntryPoint) -> Method:
    method: Method = point.load()
    return method


METHODS: Registry[Method] = Registry("assessment method", ENTRY_POINT_GROUP, _from_entry_point)


def register_method(name: str) -> Callable[[Method], Method]:
    """Register a truth-discovery method under ``name`` (a decorator); returns it unchanged.

    A method takes ``(items, priors)`` and returns ``(estimates, reliability,
    dependence)`` as described in ``Method``. Registering a name again
    replaces the method.
    """
    if not isinstance(name, str) or not name:
        raise ValidationError("method name", name, "a non-empty string")

    def register(function: Method) -> Method:
        if not callable(function):
            raise ValidationError("method", function, "a callable (items, priors) -> results")
        METHODS.add(name, function)
        return function

    return register


def unregister_method(name: str) -> None:
    """Remove a registered method; ``RegistryError`` if no method has that name."""
    METHODS.remove(name)


def method_names() -> list[str]:
    """The names of every registered method, sorted."""
    return sorted(METHODS.names())


def get_method(name: str) -> Method:
    """The method registered under ``name``; ``RegistryError`` lists the known names."""
    return METHODS.get(name)


# -- helpers the methods share ------------------------------------------------------


def positive(observations: Iterable[Observation]) -> list[Observation]:
    """The observations that count (weight > 0), in a canonical order."""
    return sorted(
        (o for o in observations if o.weight > 0),
        key=lambda o: (o.source, o.value, o.low, o.high, o.weight),
    )


def hull(observations: Sequence[Observation]) -> tuple[float, float]:
    """The smallest interval holding every observation's interval."""
    return min(o.low for o in observations), max(o.high for o in observations)


def support_of(
    best: float, observations: Sequence[Observation]
) -> tuple[float, list[str], list[str]]:
    """Total weight of the observations agreeing with ``best``, their sources, the others'."""
    agreeing = sorted({o.source for o in observations if o.agrees(best)})
    dissenting = sorted({o.source for o in observations if not o.agrees(best)} - set(agreeing))
    weight = math.fsum(o.weight for o in observations if o.agrees(best))
    return weight, agreeing, dissenting


def shares(scores: Mapping[float, float]) -> tuple[tuple[float, float], ...]:
    """Candidate scores as probabilities, most probable first (ties: smaller value first)."""
    total = math.fsum(scores.values())
    if total <= 0:
        even = 1.0 / len(scores)
        return tuple((v, even) for v in sorted(scores))
    return tuple(
        sorted(((v, s / total) for v, s in scores.items()), key=lambda vp: (-vp[1], vp[0]))
    )


def point_estimate(
    best: float, observations: Sequence[Observation], scores: Mapping[float, float]
) -> Estimate[Hashable]:
    """An estimate for a rule that picks ``best``: range = hull of the claimed intervals."""
    weight, agreeing, dissenting = support_of(best, observations)
    low, high = hull(observations)
    alternatives = shares(scores)
    confidence = next((p for v, p in alternatives if v == best), 0.0)
    return Estimate(
        best=best,
        low=low,
        high=high,
        support=weight,
        confidence=confidence,
        alternatives=alternatives,
        sources=tuple(agreeing),
        dissenting=tuple(dissenting),
    )


def agreement_reliability(
    items: Sequence[Item],
    estimates: Mapping[Hashable, Estimate[Hashable]],
    priors: Mapping[str, float],
    strength: float = 2.0,
) -> dict[str, Reliability]:
    """Reliability for methods that do not learn one: agreement with the estimates.

    A source's score is its share of agreeing items among those where some
    other source also reported, shrunk toward its prior (0.5 when none is
    given) with the weight of ``strength`` items.
    """
    agree: dict[str, float] = {}
    seen: dict[str, int] = {}
    every: set[str] = set()
    for key, observations in items:
        counted = positive(observations)
        sources = {o.source for o in counted}
        every |= {o.source for o in observations}
        if len(sources) < 2:
            continue
        best = estimates[key].best
        for source in sorted(sources):
            own = [o for o in counted if o.source == source]
            seen[source] = seen.get(source, 0) + 1
            agree[source] = agree.get(source, 0.0) + float(any(o.agrees(best) for o in own))
    out: dict[str, Reliability] = {}
    for source in sorted(every):
        n = seen.get(source, 0)
        prior = priors.get(source)
        base = 0.5 if prior is None else prior
        hits = agree.get(source, 0.0)
        out[source] = Reliability(
            source=source,
            value=(strength * base + hits) / (strength + n),
            claims=n,
            agreed=hits / n if n else 0.0,
            prior=prior,
        )
    return out


def per_item(rule: Callable[[Sequence[Observation]], float | Estimate[Hashable]]) -> Method:
    """Turn a rule over one item's observations into a method.

    The rule gets the observations that count (weight > 0) in a canonical order
    and returns the best value, or a whole ``Estimate``. A bare value gets the
    hull of the claimed intervals as its range; sources get
    ``agreement_reliability``.

    >>> from claimtrack.assessment.truth import discover
    >>> @register_method("largest")
    ... @per_item
    ... def largest(observations):
    ...     return max(o.value for o in observations)
    >>> discover({"q": [("a", 3), ("b", 5)]}, method="largest").estimates["q"].best
    5
    >>> unregister_method("largest")
    """

    def method(items: Sequence[Item], priors: Mapping[str, float], /) -> Result:
        estimates: dict[Hashable, Estimate[Hashable]] = {}
        for key, observations in items:
            counted = positive(observations)
            answer = rule(counted)
            if isinstance(answer, Estimate):
                estimates[key] = answer
                continue
            _number("best value returned by the method", answer, finite=True)
            best = answer
            estimates[key] = point_estimate(best, counted, _weights_by_value(counted))
        return estimates, agreement_reliability(items, estimates, priors), {}

    method.__doc__ = rule.__doc__
    method.__name__ = getattr(rule, "__name__", "method")
    return method


def _weights_by_value(observations: Sequence[Observation]) -> dict[float, float]:
    scores: dict[float, float] = {}
    for o in observations:
        scores[o.value] = scores.get(o.value, 0.0) + o.weight
    return scores
