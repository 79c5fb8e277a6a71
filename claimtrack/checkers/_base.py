"""What a checker is, what it sees, and the registry that finds checkers by name.

A **pair checker** is any callable ``(a, b) -> Verdict | None`` (or
``(a, b, context)``); the graph calls it on candidate pairs: claims about the
same quantity (same measure after aliasing, same place, same period). A **group
checker** is an object with ``check(new, context)`` that looks across
quantities (parts and wholes, shares and totals, counts over time) and yields
verdicts; a verdict whose ``a`` is a claim the graph does not hold yet (a
derived claim) adds that claim.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import inspect
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, KeysView, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from .._registry import Registry
from .._units import dimension
from ..errors import RegistryError, ValidationError
from ..measures import MeasureLexicon
from ..model import Claim, Period, reads_to_date
from ..places import Gazetteer
from ..relations import Quantity, Verdict

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = [
    "CheckerSet",
    "Context",
    "GroupChecker",
    "PairChecker",
    "available_checkers",
    "checker",
    "unregister",
]

ENTRY_POINT_GROUP = "claimtrack.checkers"


class PairChecker(Protocol):
    def __call__(self, a: Claim, b: Claim, /) -> Verdict | Iterable[Verdict] | None: ...


@runtime_checkable
class GroupChecker(Protocol):
    def check(self, new: Sequence[Claim], context: Context) -> Iterable[Verdict]: ...


Checker = Any  # a PairChecker, a pair checker taking a context, or a GroupChecker


#: A running count: measure key, place key, and the count's start with its dimension.
SeriesKey = tuple[str, "str | None", Any]


def moment_of(claim: Claim) -> dt.datetime:
    """A claim's publication moment, for sorting claims that all have one (the
    members of running counts); the earliest moment for one that has none."""
    return claim.moment or dt.datetime.min


class _Said:
    """One origin's statements of one running count, sorted by publication moment, and
    which of them are stale (worked out on first asking)."""

    __slots__ = ("claims", "moments", "stale")

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.moments: list[Any] = []
        self.stale: dict[str, bool] = {}

    def add(self, claim: Claim) -> None:
        i = bisect.bisect_right(self.moments, claim.moment)
        self.claims.insert(i, claim)
        self.moments.insert(i, claim.moment)
        self.stale.clear()  # an earlier statement can change what a later one repeats


@attrs.define
class Context:
    """What checkers may ask of the graph: keys, indexes and settings.

    ``quantity(claim)`` is what the claim is about; ``claims_about(quantity)`` the
    claims on it; ``claims_measuring(key)`` every claim whose measure has that key;
    ``origin(claim)`` the source a statement started from, after aliases.
    """

    measures: MeasureLexicon
    places: Gazetteer
    tolerance: float = 0.05
    _quantities: dict[str, Quantity] = attrs.field(factory=dict, repr=False)
    _by_quantity: dict[Quantity, list[Claim]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    _by_measure: dict[str, list[Claim]] = attrs.field(factory=lambda: defaultdict(list), repr=False)
    _within: dict[Quantity, list[Claim]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    _shares: dict[tuple[str, str | None, Period | None], list[Claim]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    _topics: dict[tuple[str, str | None, Period | None], list[Claim]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    _series: dict[tuple[str, str | None, Any], list[Claim]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    # by (measure, place, dimension): running counts inside the place, whatever their start
    _series_within: dict[tuple[str, str | None, Any], list[Claim]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    # by (measure, place, dimension): the starts of the running counts there
    _series_starts: dict[tuple[str, str | None, Any], list[Any]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    _series_keys: dict[str, SeriesKey | None] = attrs.field(factory=dict, repr=False)
    _statements: dict[tuple[SeriesKey, str], _Said] = attrs.field(factory=dict, repr=False)
    _series_origins: dict[SeriesKey, list[str]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    _projections: dict[tuple[str, str | None], list[Claim]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    _places_of: dict[tuple[str, str | None], list[Claim]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    # by (measure of the whole, place of the whole, start): the shares of running counts
    _running_shares: dict[tuple[str, str | None, Any], list[Claim]] = attrs.field(
        factory=lambda: defaultdict(list), repr=False
    )
    _aliases: dict[str, str] = attrs.field(factory=dict, repr=False)
    _measure_keys: dict[str, str] = attrs.field(factory=dict, repr=False)

    def measure_key(self, measure: str) -> str:
        key = self._measure_keys.get(measure)
        if key is None:
            key = self._measure_keys[measure] = self.measures.key(measure)
        return key

    def quantity(self, claim: Claim) -> Quantity:
        """What a claim is about: measure key, place key and period (open ends closed by
        the publication date, so "since 2022" counts published on different days differ)."""
        found = self._quantities.get(claim.id)
        if found is not None:
            return found
        period = claim.period.closed_by(claim.published_day) if claim.period else None
        return Quantity(
            self.measure_key(claim.measure),
            self.places.key(claim.place),
            period,
            dimension(claim.figure.unit),
            label_measure=claim.measure,
            label_place=claim.place,
        )

    def index(self, claim: Claim) -> Quantity:
        """Record a claim in the indexes; returns its quantity."""
        q = self.quantity(claim)
        claims = self._by_quantity.get(q)
        if claims is None:
            claims = self._by_quantity[q] = []
        else:  # one Quantity object per quantity, however many claims are about it
            q = self._quantities[claims[0].id]
        self._quantities[claim.id] = q
        claims.append(claim)
        self._by_measure[q.measure].append(claim)
        if q.place is not None:
            for outer in self.places.ancestors(q.place):
                self._within[Quantity(q.measure, outer, q.period, q.dimension)].append(claim)
        self._topics[(q.measure, q.place, q.period)].append(claim)
        self._places_of[(q.measure, q.place)].append(claim)
        if claim.kind == "projection":
            self._projections[(q.measure, q.place)].append(claim)
        series = self.series_key(claim)
        if claim.share_of is not None and not claim.derived_from:
            measure = self.measure_key(claim.share_of)
            whole = self.places.key(claim.share_place) if claim.share_place else q.place
            self._shares[(measure, whole, q.period)].append(claim)
            if series is not None:  # a share of a running count, by the count's start
                self._running_shares[(measure, whole, series[2][0])].append(claim)
        if series is not None and claim.moment is not None:
            members = self._series[series]
            if not members:
                starts = self._series_starts[(series[0], series[1], series[2][1])]
                bisect.insort(starts, series[2][0])
            members.insert(bisect.bisect_right(members, claim.moment, key=moment_of), claim)
            origin = self.origin(claim)
            said = self._statements.get((series, origin))
            if said is None:
                said = self._statements[(series, origin)] = _Said()
                self._series_origins[series].append(origin)
            said.add(claim)
            if q.place is not None:
                for outer in self.places.ancestors(q.place):
                    within = self._series_within[(series[0], outer, series[2][1])]
                    within.insert(bisect.bisect_right(within, claim.moment, key=moment_of), claim)
        for name in claim.source.names:
            self._aliases.setdefault(name.casefold(), claim.source.name)
        return q

    def claims_about(self, quantity: Quantity) -> list[Claim]:
        return self._by_quantity.get(quantity, [])

    def claims_within(self, quantity: Quantity) -> list[Claim]:
        """Claims on the same measure and period in places strictly inside its place."""
        return self._within.get(quantity, [])

    def shares_of(self, quantity: Quantity) -> list[Claim]:
        """Percentage claims whose ``share_of`` is this quantity's measure (same place and
        period)."""
        return self._shares.get((quantity.measure, quantity.place, quantity.period), [])

    def running_shares_of(self, measure_key: str, place: str | None, start: Any) -> list[Claim]:
        """Shares of running counts ("nearly half of the dead so far") whose whole is a
        running count of this measure and place since ``start``, whatever their day."""
        return self._running_shares.get((measure_key, place, start), [])

    def claims_on(self, measure_key: str, place: str | None, period: Period | None) -> list[Claim]:
        """Claims on a measure, place and period, whatever their unit."""
        return self._topics.get((measure_key, place, period), [])

    def series_key(self, claim: Claim) -> SeriesKey | None:
        """For a running count (a period open at the end, "since 2022" or "2023-02-06/",
        or a span that ends on its publication day, read as to date, or a count "so far"
        with no start, "/2031-11-03", read as counted from the start) with a
        publication date: the series it belongs to (measure, place, start), else None.
        A single day's figure is that day's count, not a running one, and a projection
        belongs to none: it is no count."""
        cid = claim.id
        if cid in self._series_keys:
            return self._series_keys[cid]
        p, day = claim.period, claim.published_day
        key: SeriesKey | None = None
        if (
            p is not None
            and day is not None
            and claim.kind != "projection"
            and reads_to_date(p, day)
        ):
            start = (p.start or dt.date.min, dimension(claim.figure.unit))
            key = (self.measure_key(claim.measure), self.places.key(claim.place), start)
        self._series_keys[cid] = key
        return key

    def running(self, a: Claim, b: Claim) -> bool:
        """Whether two claims are statements of one origin in one running count: an
        update, a revision or a repeat, never a disagreement (``cumulative`` orders
        them, even when both were published on one day without a time)."""
        key = self.series_key(a)
        return key is not None and key == self.series_key(b) and self.origin(a) == self.origin(b)

    def _said(self, claim: Claim) -> _Said | None:
        """The statements of a claim's origin in its series, in order of publication."""
        key = self.series_key(claim)
        if key is None or claim.moment is None:
            return None
        return self._statements.get((key, self.origin(claim)))

    def latest(self, claim: Claim, moment: Any) -> bool:
        """Whether a claim of a running count is still its origin's latest statement of
        it at ``moment`` (True for claims in no series)."""
        said = self._said(claim)
        if said is None:
            return True
        moments = said.moments
        return bisect.bisect_right(moments, claim.moment) == bisect.bisect_right(moments, moment)

    def replaced(self, claim: Claim, moment: Any) -> bool:
        """Whether a claim of a running count was replaced by ``moment``: its origin had
        given another figure since (a restatement of the very figure, by a speaker for
        the origin or a day later, replaces nothing). False for claims in no series."""
        said = self._said(claim)
        if said is None:
            return False
        i = bisect.bisect_right(said.moments, claim.moment)
        j = bisect.bisect_right(said.moments, moment)
        figure = claim.figure
        return any(
            not c.figure.comparable(figure)
            or c.figure.to(figure.unit).stated_bound() != figure.stated_bound()
            for c in said.claims[i:j]
        )

    def latest_before(self, key: SeriesKey, origin: str, moment: Any) -> list[Claim]:
        """An origin's statements of a running count published last at or before
        ``moment`` (several when they share that moment)."""
        said = self._statements.get((key, origin))
        if said is None:
            return []
        i = bisect.bisect_right(said.moments, moment)
        if i == 0:
            return []
        last = said.moments[i - 1]
        j = bisect.bisect_left(said.moments, last)
        return said.claims[j:i]

    def statements(self, key: SeriesKey, origin: str) -> list[Claim]:
        """An origin's statements of a running count, in order of publication moment."""
        said = self._statements.get((key, origin))
        return said.claims if said is not None else []

    def origins_of(self, key: SeriesKey) -> list[str]:
        """The origins with statements in a running count."""
        return self._series_origins.get(key, [])

    def stale(self, claim: Claim) -> bool:
        """Whether a claim of a running count repeats a figure its origin had already
        replaced with another by the time it was published."""
        said = self._said(claim)
        if said is None:
            return False
        cached = said.stale.get(claim.id)
        if cached is not None:
            return cached
        earlier = said.claims[: bisect.bisect_left(said.moments, claim.moment)]
        found = False
        if earlier:
            figure = claim.figure.stated_bound()

            def states(other: Claim) -> bool:
                return other.figure.comparable(claim.figure) and figure == (
                    other.figure.to(claim.figure.unit).stated_bound()
                )

            last = earlier[-1]
            passed = self.passed_again(claim, earlier)
            found = not states(last) and any(states(c) for c in earlier[:-1] if c.id not in passed)
            found = found or self.withdrawn(claim, earlier) is not None
        said.stale[claim.id] = found
        return found

    def passed_again(self, claim: Claim, earlier: Sequence[Claim]) -> set[str]:
        """The ids of an origin's earlier statements (``earlier``, in order) that a claim
        passes again rather than repeats: when the claim is a small step up from the
        origin's latest figure (above it, within the tolerance), those a later declared
        revision brought the count below (99 given, revised down to 97, then 98 and 99
        again: the second 99 is the count rising through it anew, an update, not a stale
        repeat of the first). A figure far from the latest that a revision took back is
        still given again (see ``withdrawn``). Empty otherwise."""
        if not earlier or claim.revision:
            return set()
        latest = earlier[-1].figure
        if (
            not latest.comparable(claim.figure)
            or claim.figure.to(latest.unit).value <= latest.value
            or not latest.agrees(claim.figure, self.tolerance)
        ):
            return set()
        floor, found = math.inf, set()
        for said in reversed(earlier):
            if not said.figure.comparable(latest):
                continue
            value = said.figure.to(latest.unit).value
            if value > floor:
                found.add(said.id)
            if said.revision:
                floor = min(floor, value)
        return found

    def withdrawn(self, claim: Claim, earlier: Sequence[Claim]) -> Claim | None:
        """The figure a claim gives again after its origin withdrew it, if any: one of
        the origin's earlier statements (``earlier``, in order; with the statement a
        declared revision replaced at another place, see ``revised``) that a later
        declared revision brought down, and that the claim agrees with while it
        disagrees with the origin's latest."""
        chain = list(earlier)
        if not chain or claim.stance != "asserts":
            return None
        first = self.revised(chain[0])
        if first is not None:
            chain.insert(0, first)
        tol = self.tolerance
        figure = claim.figure
        if not chain[-1].figure.comparable(figure) or chain[-1].figure.agrees(figure, tol):
            return None
        # walk back, keeping the least figure a declared revision gave after each statement
        floor, found = math.inf, None
        for said in reversed(chain):
            if not said.figure.comparable(figure):
                continue
            value = said.figure.to(figure.unit).value
            if value > floor and said.figure.agrees(figure, tol):
                found = said  # the earliest such statement is kept
            if said.revision:
                floor = min(floor, value)
        return found

    def revised(self, claim: Claim) -> Claim | None:
        """What a declared revision replaced when it is its origin's first statement of
        its running count: the origin's latest earlier statement of the same count at
        a place around or inside its own (a revision that also changed the place:
        "11,300 in Derna" revised to "3,958 in Libya"). None otherwise."""
        if not claim.revision or claim.moment is None or claim.stance != "asserts":
            return None
        key = self.series_key(claim)
        if key is None:
            return None
        origin = self.origin(claim)
        said = self._statements.get((key, origin))
        if said is None or said.moments[0] < claim.moment or key[1] is None:
            return None
        around = set(self.places.ancestors(key[1]))
        best: Claim | None = None
        for other, origins in self._series_origins.items():
            if other == key or other[0] != key[0] or other[2] != key[2] or other[1] is None:
                continue
            if origin not in origins:
                continue
            if other[1] not in around and key[1] not in self.places.ancestors(other[1]):
                continue
            for c in self._statements[(other, origin)].claims:
                if (
                    c.moment is not None
                    and c.moment < claim.moment
                    and c.stance == "asserts"
                    and c.figure.comparable(claim.figure)
                    and (best is None or moment_of(c) > moment_of(best))
                ):
                    best = c
        return best

    def repeats(self, claim: Claim) -> bool:
        """Whether a claim of a running count states again the very figure its origin's
        previous statement gave (a restatement, carried by another outlet or a day
        later): it says nothing its origin had not said."""
        said = self._said(claim)
        if said is None:
            return False
        i = bisect.bisect_left(said.moments, claim.moment)
        if i == 0:
            return False
        last = said.claims[i - 1].figure
        return last.comparable(claim.figure) and (
            claim.figure.stated_bound() == last.to(claim.figure.unit).stated_bound()
        )

    def known_at(self, part: Claim, whole: Claim) -> bool:
        """Whether a figure was known when another was given: published no later, and
        still its origin's latest then (True where either has no publication time).
        On one day, where either gives no time of day, which came first is unknown:
        only the least figure the part's origin gave that day is known for certain."""
        if part.moment is None or whole.moment is None:
            return True
        if self.series_key(part) is None or self.series_key(whole) is None:
            return True  # not running counts: a day's figures all speak of that day
        if (
            part.published_day == whole.published_day
            and not (isinstance(part.published, dt.datetime)
                     and isinstance(whole.published, dt.datetime))
        ):  # fmt: skip
            said = self._said(part)
            day = part.published_day
            value = part.figure.value
            if said is not None and any(
                c.published_day == day
                and c.stance == "asserts"
                and c.figure.comparable(part.figure)
                and c.figure.to(part.figure.unit).value < value
                for c in said.claims
            ):
                return False
            if not isinstance(whole.published, dt.datetime):
                # a whole of that day, at no time: its origin's least figure of the day
                # is known to precede it, whatever the hour it was given
                return not self.stale(part)
        return (
            part.moment <= whole.moment and self.latest(part, whole.moment) and not self.stale(part)
        )

    def contemporary(self, a: Claim, b: Claim) -> bool:
        """Whether two claims are each their origin's latest word at the later one's
        moment: only then do their figures speak of the same state of a running count."""
        if a.moment is None or b.moment is None:
            return True
        if self.series_key(a) is None or self.series_key(b) is None:
            return True
        moment = max(a.moment, b.moment)
        return self.latest(a, moment) and self.latest(b, moment)

    def topic_claims(self, measure_key: str, place: str | None) -> list[Claim]:
        """Every claim on a measure and place, whatever its period: what a projection
        is checked against."""
        return self._places_of.get((measure_key, place), [])

    def projections_on(self, measure_key: str, place: str | None) -> list[Claim]:
        """The projections made for a measure and place."""
        return self._projections.get((measure_key, place), [])

    def series_within(self, key: SeriesKey) -> list[Claim]:
        """The claims of running counts in places strictly inside a series' place that
        start no earlier than it (a count since Tuesday on Rhodes lies within one since
        July 1 in Greece), in order of publication."""
        measure, place, (start, unit) = key
        inside = self._series_within.get((measure, place, unit), [])
        keys = self._series_keys
        return [c for c in inside if (k := keys.get(c.id)) is not None and k[2][0] >= start]

    def series_around(self, key: SeriesKey, place: str) -> list[SeriesKey]:
        """The running counts of a series' measure at ``place`` that start no later
        than it: those it may be a part of, when ``place`` contains its place."""
        measure, _, (start, unit) = key
        starts = self._series_starts.get((measure, place, unit), [])
        return [(measure, place, (s, unit)) for s in starts[: bisect.bisect_right(starts, start)]]

    def series_inside(self, key: SeriesKey, place: str) -> list[SeriesKey]:
        """The running counts of a series' measure at ``place`` that start no earlier
        than it: those that may be its parts, when its place contains ``place``."""
        measure, _, (start, unit) = key
        starts = self._series_starts.get((measure, place, unit), [])
        return [(measure, place, (s, unit)) for s in starts[bisect.bisect_left(starts, start) :]]

    def series_of(self, key: SeriesKey) -> list[Claim]:
        """A running count's claims, every origin's, in order of publication moment."""
        return self._series.get(key, [])

    def series(self, claim: Claim) -> list[Claim]:
        key = self.series_key(claim)
        return self._series.get(key, []) if key is not None else []

    def claims_measuring(self, measure_key: str) -> list[Claim]:
        return self._by_measure.get(measure_key, [])

    def quantities(self) -> dict[Quantity, list[Claim]]:
        return self._by_quantity

    def claim_ids(self) -> KeysView[str]:
        """The ids of every claim indexed, in the order they came."""
        return self._quantities.keys()

    def origin(self, claim: Claim) -> str:
        """The source a statement started from: aliases of one source give one origin."""
        name = claim.source.speaks_for or claim.source.name
        return self._aliases.get(name.casefold(), name)


# -- the registry -----------------------------------------------------------------------


@attrs.frozen
class _Entry:
    name: str
    make: Callable[[], Checker]
    enabled: bool


def _from_entry_point(point: EntryPoint) -> _Entry:
    # Installed checkers run by default, as pytest's plugins do; loading waits for a graph.
    return _Entry(point.name, functools.partial(_load_point, point), True)


REGISTRY: Registry[_Entry] = Registry("checker", ENTRY_POINT_GROUP, _from_entry_point)


def _as_factory(obj: Any) -> Callable[[], Checker]:
    if inspect.isclass(obj):
        factory: Callable[[], Checker] = obj
        return factory
    if callable(obj) or isinstance(obj, GroupChecker):
        return lambda: obj
    raise ValidationError("checker", obj, "a function (a, b) -> Verdict | None, or a class")


def checker(
    name: str | None = None, *, enabled: bool = True
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a checker under a name, so graphs can list, enable and disable it.

    A function ``(a, b) -> Verdict | None`` is a pair checker; a class with a
    ``check(new, context)`` method is a group checker (instantiated per graph).
    With ``enabled=True`` every graph made afterwards runs it.

    Examples
    --------
    >>> import claimtrack as ct
    >>> @ct.checker("same_figure_twice", enabled=False)
    ... def same_figure_twice(a, b):
    ...     if a.figure == b.figure and a.source != b.source:
    ...         return ct.Verdict("corroborates", a, b, 1.0, "identical figures")
    >>> "same_figure_twice" in ct.available_checkers()
    True
    >>> ct.checkers.unregister("same_figure_twice")
    """

    def register(obj: Callable[..., Any]) -> Callable[..., Any]:
        key = name or getattr(obj, "name", None) or obj.__name__
        REGISTRY.add(key, _Entry(key, _as_factory(obj), enabled))
        return obj

    return register


def unregister(name: str) -> None:
    """Remove a checker from the registry (graphs made before keep theirs)."""
    REGISTRY.remove(name)


def _load_point(point: EntryPoint) -> Checker:
    return _instance(point.load())


def _instance(obj: Any) -> Checker:
    return obj() if inspect.isclass(obj) else obj


def available_checkers() -> dict[str, bool]:
    """Every registered checker, built-in, decorated or from a package's entry point,
    with whether new graphs run it."""
    return {name: entry.enabled for name, entry in REGISTRY.items()}


def _wants_context(fn: Any) -> bool:
    target = fn if inspect.isfunction(fn) or inspect.ismethod(fn) else type(fn).__call__
    try:
        params = inspect.signature(target).parameters
    except (TypeError, ValueError):
        return False
    positional = [
        p for p in params.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    if not inspect.isfunction(fn) and not inspect.ismethod(fn):
        positional = positional[1:]  # self
    return len(positional) >= 3 or "context" in params


@attrs.define
class _Active:
    name: str
    checker: Checker
    group: bool
    wants_context: bool


class CheckerSet:
    """The checkers one graph runs, in order. List, enable, disable and replace them.

    >>> from claimtrack import ClaimGraph
    >>> g = ClaimGraph()
    >>> g.checkers.names()
    ['agreement', 'relays', 'cumulative', 'projections', 'part_whole', 'derived']
    >>> g.checkers.disable("cumulative")
    >>> "cumulative" in g.checkers
    False
    """

    def __init__(self, names: Iterable[str] | None = None) -> None:
        chosen = [n for n, e in REGISTRY.items() if e.enabled] if names is None else list(names)
        self._active: dict[str, _Active] = {}
        for name in chosen:
            self.enable(name)

    def _make(self, name: str, obj: Checker) -> _Active:
        group = isinstance(obj, GroupChecker) and not isinstance(obj, type)
        if not group and not callable(obj):
            raise ValidationError(f"checker {name}", obj, "a callable or an object with check()")
        return _Active(name, obj, group, not group and _wants_context(obj))

    def names(self) -> list[str]:
        """The active checkers, in the order they run."""
        return list(self._active)

    def available(self) -> dict[str, bool]:
        """Every registered checker and whether this graph runs it."""
        return {name: name in self._active for name in available_checkers()}

    def enable(self, name: str) -> None:
        """Run a registered checker (a no-op when it already runs)."""
        if name in self._active:
            return
        self._active[name] = self._make(name, _instance(REGISTRY.get(name).make()))

    def disable(self, name: str) -> None:
        """Stop running a checker."""
        if name not in self._active:
            raise RegistryError("checker", name, list(self._active))
        del self._active[name]

    def replace(self, name: str, new: Checker) -> None:
        """Run ``new`` in place of the checker called ``name`` (or add it under that name)."""
        active = self._make(name, new)
        if name in self._active:
            self._active = {k: (active if k == name else v) for k, v in self._active.items()}
        else:
            self._active[name] = active

    def add(self, new: Checker, name: str | None = None) -> None:
        """Run an unregistered checker in this graph only."""
        key = name or getattr(new, "name", None) or getattr(new, "__name__", type(new).__name__)
        self.replace(str(key), new)

    def get(self, name: str) -> Checker:
        if name not in self._active:
            raise RegistryError("checker", name, list(self._active))
        return self._active[name].checker

    def __contains__(self, name: object) -> bool:
        return name in self._active

    def __iter__(self) -> Iterator[_Active]:
        return iter(list(self._active.values()))

    def __repr__(self) -> str:
        return f"CheckerSet({self.names()})"
