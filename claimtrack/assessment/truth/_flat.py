"""The items of ``accucopy`` prepared on arrays: the same ``Prepared`` items, and their
observations laid out flat for the rounds (``_rounds``).

``prepare`` (``_prepared``) builds each item's candidates, spans and claim
groups one observation at a time in Python. Here every observation of every
item is read once into arrays, and the sorting, the candidates, the spans, the
claim groups and the weights that count are found for all items at once; the
``Prepared`` items are then cut from the results. They are the Python ones,
field for field:

- the observations of an item and the items themselves are put in the same
  canonical order (stable sorts on the same keys; items whose first
  observations tie are sorted by all of them, position by position);
- a candidate is the value object of the first observation that states it, as
  ``set`` keeps it, and a span is what ``bisect`` finds;
- each item's total weight adds its weights one after the other
  (``numpy.bincount``), as ``sum`` does before Python 3.12;
- the fields that only the Python paths read (spans, claim numbers, sources,
  claim groups, the weight that counts, the rounds' lists) are cut from the
  arrays when first read (``_CutItem``): the rounds on arrays and the estimates
  never read them, and on large data they would be most of the objects built.

Values that a float does not hold exactly (integers beyond 2**53), items without
an observation that counts, and an empty input are left to the Python
preparation (``prepare_flat`` returns None). Items where a source repeats
itself are prepared by ``Prepared`` itself and written into the arrays.

NumPy is not a dependency of claimtrack: this module is imported only when
NumPy is importable and the data are large enough to repay it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Mapping, Sequence
from operator import attrgetter
from typing import Any, Generic, NamedTuple, TypeVar

import numpy as np

from ._core import Item, Observation
from ._prepared import Prepared, _pieces, _said

__all__ = ["Layout", "layout_of", "prepare_flat"]


class Layout(NamedTuple):
    """Items' observations as flat arrays, items in order, each item's in its order."""

    sizes: Any  # per item: its number of observations
    source: Any  # per observation: its source's index
    weight: Any
    informative: Any  # ``Prepared.informative``
    low: Any  # per observation: its span within its item's candidates
    high: Any
    kinds: Any  # per item: its number of candidates
    points: Any  # per item: whether every claim holds one candidate
    repeats: Any  # per item: whether a source made several of its observations
    member: Any  # the observations of each group of two or more making one claim
    group_sizes: Any  # per such group, in order (items in order, groups in theirs)
    group_item: Any  # per such group: its item
    ends: Any  # per observation: its interval's low and high (two rows); None where a
    # float would not hold one exactly
    stated: Any  # per observation: its own value's candidate, within its item

    def per_source(self, keep: list[bool], sources: int) -> list[float]:
        """Per source, the weight that counts of its observations on the items where
        ``keep`` is true, added one after the other, items in order."""
        kept = np.repeat(np.array(keep, dtype=bool), self.sizes)
        total: list[float] = np.bincount(
            self.source[kept], weights=self.informative[kept], minlength=sources
        ).tolist()
        return total

    def count_sources(self, keep: list[bool], sources: int) -> list[int]:
        """Per source, its observations on the items where ``keep`` is true."""
        kept = np.repeat(np.array(keep, dtype=bool), self.sizes)
        counts: list[int] = np.bincount(self.source[kept], minlength=sources).tolist()
        return counts

    def subset(self, kept_items: list[bool]) -> Layout:
        """The same layout for the items where ``kept_items`` is true, in order."""
        keep = np.array(kept_items, dtype=bool)
        start = _starts(self.sizes)
        sizes = self.sizes[keep]
        kept = np.repeat(keep, self.sizes)
        # Where each kept observation moves: its item's new start instead of its old.
        moved = np.zeros(len(keep), dtype=np.intp)
        moved[keep] = start[:-1][keep] - _starts(sizes)[:-1]
        groups = keep[self.group_item]
        member_groups = np.repeat(groups, self.group_sizes)
        member = self.member[member_groups]
        member_item = np.repeat(self.group_item[groups], self.group_sizes[groups])
        renumber = np.cumsum(keep) - 1
        return Layout(
            sizes=sizes,
            source=self.source[kept],
            weight=self.weight[kept],
            informative=self.informative[kept],
            low=self.low[kept],
            high=self.high[kept],
            kinds=self.kinds[keep],
            points=self.points[keep],
            repeats=self.repeats[keep],
            member=member - moved[member_item],
            group_sizes=self.group_sizes[groups],
            group_item=renumber[self.group_item[groups]],
            ends=None if self.ends is None else self.ends[:, kept],
            stated=self.stated[kept],
        )


def _starts(sizes: Any) -> Any:
    start = np.zeros(len(sizes) + 1, dtype=np.intp)
    np.cumsum(sizes, out=start[1:])
    return start


def layout_of(items: Sequence[Prepared]) -> Layout:
    """The layout of items already prepared (in Python)."""
    from itertools import chain

    every = chain.from_iterable
    sizes = np.array([len(item.sources) for item in items], dtype=np.intp)
    total = int(sizes.sum())
    spans = np.fromiter(every(every(item.spans) for item in items), dtype=np.intp, count=2 * total)
    members: list[int] = []
    group_sizes: list[int] = []
    group_items: list[int] = []
    at = 0
    for number, item in enumerate(items):
        for group in item.shared:
            members.extend(at + j for j in group)
            group_sizes.append(len(group))
            group_items.append(number)
        at += len(item.sources)
    return Layout(
        sizes=sizes,
        source=np.fromiter(every(item.sources for item in items), dtype=np.intp, count=total),
        weight=np.fromiter(every(item.weights for item in items), dtype=np.float64, count=total),
        informative=np.fromiter(
            every(item.informative for item in items), dtype=np.float64, count=total
        ),
        low=spans[0::2],
        high=spans[1::2],
        kinds=np.array([len(item.candidates) for item in items], dtype=np.intp),
        points=np.array([item.points for item in items], dtype=bool),
        repeats=np.array([item.repeats for item in items], dtype=bool),
        member=np.array(members, dtype=np.intp),
        group_sizes=np.array(group_sizes, dtype=np.intp),
        group_item=np.array(group_items, dtype=np.intp),
        ends=_ends(
            [o.low for item in items for o in item.observations],
            [o.high for item in items for o in item.observations],
        ),
        stated=np.fromiter(
            (bisect_left(item.candidates, o.value) for item in items for o in item.observations),
            dtype=np.intp,
            count=total,
        ),
    )


def _ends(lows: list[float], highs: list[float]) -> Any:
    """The intervals' ends as two rows of floats, or None where they are not exact."""
    low, high = _floats(lows), _floats(highs)
    if low is None or high is None:
        return None
    return np.vstack((low, high)).reshape(2, len(lows))


_EXACT = float(2**53)  # every integer below this is a float exactly


def _floats(values: list[float]) -> Any:
    """The values as floats, or None where a float would not hold one exactly (a large
    integer)."""
    try:
        array = np.fromiter(values, dtype=np.float64, count=len(values))
    except (OverflowError, TypeError, ValueError):
        return None
    finite = array[np.isfinite(array)]
    if len(finite) and np.abs(finite).max() >= _EXACT and array.tolist() != values:
        return None
    return array


def prepare_flat(
    items: Sequence[Item], index: Mapping[str, int]
) -> tuple[list[Prepared], Layout] | None:
    """``prepare``'s items, and their layout; None where the Python way must do it."""
    every: list[Observation] = [o for _, observations in items for o in observations]
    if not every:
        return None
    names, values, lows, highs, weights = (
        list(map(attrgetter(field), every))
        for field in ("source", "value", "low", "high", "weight")
    )
    said = [_floats(column) for column in (values, lows, highs, weights)]
    if any(column is None for column in said):
        return None
    value, low, high, weight = said
    count = len(items)
    item = np.repeat(
        np.arange(count), np.array([len(observations) for _, observations in items], np.intp)
    )
    source = np.fromiter(map(index.__getitem__, names), dtype=np.intp, count=len(names))
    # The observations that count, each item's in ``positive``'s order.
    counted = np.flatnonzero(weight > 0)
    keys = (weight, high, low, value, source)
    within = _within(counted, item, keys)
    sizes = np.bincount(item[within], minlength=count)
    if not sizes.all():
        return None  # an item without any: the Python way says what it makes of it
    start = _starts(sizes)
    order = _canonical(every, within, start, keys)
    sizes = sizes[order]
    new_start = _starts(sizes)
    total = int(new_start[-1])
    place = within[np.repeat(start[:-1][order] - new_start[:-1], sizes) + np.arange(total)]
    item = np.repeat(np.arange(count), sizes)
    source, value, low, high = source[place], value[place], low[place], high[place]
    weight = weight[place]
    # Candidates: each item's distinct values, in order, each the first observation's.
    by_value = np.lexsort((value, item))
    fresh = np.ones(total, dtype=bool)
    fresh[1:] = (item[by_value][1:] != item[by_value][:-1]) | (
        value[by_value][1:] != value[by_value][:-1]
    )
    stating = by_value[fresh]
    kinds = np.bincount(item[stating], minlength=count)
    cand_start = _starts(kinds)
    stated = np.empty(total, dtype=np.intp)  # per observation: its value's candidate
    stated[by_value] = np.cumsum(fresh) - 1
    # Spans, as bisect finds them: a point's is its value's candidate; the others' are
    # searched among their items' candidates, ranked once so that they make one sorted
    # array of codes (item, rank).
    base = cand_start[:-1][item]
    own = stated - base
    left = own.copy()
    right = left + 1
    wide = np.flatnonzero((low != value) | (high != value))
    if len(wide):
        ranks = np.unique(
            np.concatenate((value[stating], low[wide], high[wide])), return_inverse=True
        )[1]
        width = int(ranks.max()) + 1
        cand_codes = item[stating] * width + ranks[: len(stating)]
        codes = item[wide] * width
        ends = ranks[len(stating) :].reshape(2, -1)
        left[wide] = np.searchsorted(cand_codes, codes + ends[0], side="left") - base[wide]
        right[wide] = np.searchsorted(cand_codes, codes + ends[1], side="right") - base[wide]
    points = np.bincount(item, weights=(right - left) != 1, minlength=count) == 0
    # Claim groups: the observations making one (value, low, high), numbered within their
    # item in the order of their first observation.
    by_claim = np.lexsort((high, low, stated))
    fresh = np.ones(total, dtype=bool)
    fresh[1:] = (
        (stated[by_claim][1:] != stated[by_claim][:-1])
        | (low[by_claim][1:] != low[by_claim][:-1])
        | (high[by_claim][1:] != high[by_claim][:-1])
    )
    run = np.cumsum(fresh) - 1
    run_first = by_claim[fresh]
    numbered = np.empty(len(run_first), dtype=np.intp)
    by_first = np.argsort(run_first)
    numbered[by_first] = np.arange(len(run_first))
    claim = np.empty(total, dtype=np.intp)
    claim[by_claim] = numbered[run]
    group_item = item[run_first[by_first]]
    group_start = np.searchsorted(group_item, np.arange(count + 1))
    group_sizes = np.bincount(claim, minlength=len(run_first))
    member = np.argsort(claim, kind="stable")
    shared = group_sizes > 1
    member = member[shared[claim[member]]]
    group_sizes, group_item = group_sizes[shared], group_item[shared]
    # Who repeats themselves, and how much each observation tells of its source.
    again = np.zeros(total, dtype=bool)
    again[1:] = (source[1:] == source[:-1]) & (item[1:] == item[:-1])
    twice = np.bincount(item, weights=again, minlength=count)
    repeats = twice > 0
    contested = sizes - twice > 1
    disputed = contested & (kinds > 1)
    totals = np.bincount(item, weights=weight, minlength=count)
    informative = np.where(
        (low == -np.inf) & (high == np.inf), 0.0, weight * np.minimum(1.0, totals[item] - weight)
    )
    # The items themselves, cut from the arrays; where a source repeats itself, made by
    # ``Prepared`` (its weights that count are its own) and written into the arrays.
    placed = place.tolist()
    named = [""] * len(index)  # each source's name, by its index
    for name, number in index.items():
        named[number] = name
    keys_of = [key for key, _ in items]
    starts = new_start.tolist()
    prepared = _cut(
        _Flat(
            keys=list(map(keys_of.__getitem__, order.tolist())),
            observations=list(map(every.__getitem__, placed)),
            names=list(map(named.__getitem__, source.tolist())),
            weights=list(map(weights.__getitem__, placed)),  # the observations' own
            candidates=list(map(values.__getitem__, place[stating].tolist())),
            start=starts,
            cand_start=cand_start.tolist(),
            points=points.tolist(),
            contested=contested.tolist(),
            disputed=disputed.tolist(),
            repeats=repeats.tolist(),
            extra=(kinds - 1.0).tolist(),
        ),
        _Later(
            start=starts,
            source=source,
            left=left,
            right=right,
            claims=claim - group_start[item],
            informative=informative,
            shared_start=np.searchsorted(group_item, np.arange(count + 1)).tolist(),
            group_start=_starts(group_sizes).tolist(),
            member=member - new_start[item[member]],
        ),
        index,
    )
    for number in np.flatnonzero(repeats).tolist():
        informative[new_start[number] : new_start[number + 1]] = prepared[number].informative
    layout = Layout(
        sizes=sizes,
        source=source,
        weight=weight,
        informative=informative,
        low=left,
        high=right,
        kinds=kinds,
        points=points,
        repeats=repeats,
        member=member,
        group_sizes=group_sizes,
        group_item=group_item,
        ends=np.vstack((low, high)).reshape(2, total),
        stated=own,
    )
    return prepared, layout


def _within(counted: Any, item: Any, keys: tuple[Any, ...]) -> Any:
    """The observations that count, items in order, each item's in ``positive``'s order
    (by source, value, low, high, weight; stable). Sources hardly repeat themselves on
    an item: the observations are sorted by item and source, and only those that tie on
    both by the rest."""
    source = keys[-1]
    sources = int(source.max()) + 1  # (items times sources fit in 64 bits in any memory)
    code = item[counted] * sources + source[counted]
    order = np.argsort(code, kind="stable")
    within = counted[order]
    code = code[order]
    tie = np.zeros(len(code) + 1, dtype=bool)
    tie[1:-1] = code[1:] == code[:-1]
    if tie.any():
        runs = tie[1:] | tie[:-1]  # in a run of ties
        rows = np.flatnonzero(runs)
        rest = within[rows]
        within[rows] = rest[np.lexsort((*(k[rest] for k in keys[:-1]), code[rows]))]
    return within


def _canonical(every: list[Observation], within: Any, start: Any, keys: tuple[Any, ...]) -> Any:
    """The items' canonical order (``prepare``'s): by their first observation, and those
    whose first observations tie by all of them (in Python for long items)."""
    firsts = [k[within[start[:-1]]] for k in keys]
    order = np.lexsort(firsts)
    ordered = [k[order] for k in firsts]
    tied = np.zeros(len(order), dtype=bool)  # the same first observation as the item before
    tied[1:] = np.logical_and.reduce([k[1:] == k[:-1] for k in ordered])
    if not tied.any():
        return order
    # Every item in a run of ties, sorted by its observations' keys position by position
    # (a missing observation first: a shorter list that is a prefix sorts first).
    runs = np.cumsum(~tied) - 1
    tied_run = tied.copy()
    tied_run[:-1] |= tied[1:]
    rows = np.flatnonzero(tied_run)
    numbers = order[rows]
    sizes = np.diff(start)[numbers]
    longest = int(sizes.max())
    if longest > 32:  # too many keys: the Python way
        return _canonical_python(every, within, start, order, rows)
    columns: list[Any] = []
    for p in range(longest - 1, -1, -1):
        present = sizes > p
        at = within[np.where(present, start[:-1][numbers] + p, 0)]
        columns.extend(np.where(present, k[at], 0) for k in keys)
        columns.append(present)
    order = order.copy()
    order[rows] = numbers[np.lexsort((*columns, runs[rows]))]
    return order


def _canonical_python(
    every: list[Observation], within: Any, start: Any, order: Any, rows: Any
) -> Any:
    """The ties of ``_canonical`` sorted in Python, for items of many observations."""
    numbers = order.tolist()
    at = start.tolist()
    tied = np.zeros(len(order), dtype=bool)
    tied[rows] = True
    edges = np.flatnonzero(np.diff(np.concatenate(([0], tied.view(np.int8), [0]))))

    def said_all(number: int) -> list[tuple[str, float, float, float, float]]:
        return [_said(every[j]) for j in within[at[number] : at[number + 1]].tolist()]

    for begin, end in zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True):
        numbers[begin:end] = sorted(numbers[begin:end], key=said_all)
    return np.array(numbers, dtype=np.intp)


class _Flat(NamedTuple):
    """The flat lists the items are cut from."""

    keys: list[Hashable]
    observations: list[Observation]
    names: list[str]
    weights: list[float]
    candidates: list[float]
    start: list[int]
    cand_start: list[int]
    points: list[bool]
    contested: list[bool]
    disputed: list[bool]
    repeats: list[bool]
    extra: list[float]  # per item: its number of candidates less one


class _Later(NamedTuple):
    """The arrays that the fields the rounds on arrays never read are cut from, item by
    item, when first read (``_CutItem``)."""

    start: list[int]
    source: Any
    left: Any
    right: Any
    claims: Any  # per observation: its claim's number within its item
    informative: Any
    shared_start: list[int]  # per item: its first group of two or more making one claim
    group_start: list[int]  # per such group: its first member
    member: Any  # the groups' members, each its position within its item

    def sources(self, number: int) -> list[int]:
        at, end = self.start[number], self.start[number + 1]
        found: list[int] = self.source[at:end].tolist()
        return found

    def spans(self, number: int) -> list[tuple[int, int]]:
        at, end = self.start[number], self.start[number + 1]
        return list(zip(self.left[at:end].tolist(), self.right[at:end].tolist(), strict=True))

    def claims_of(self, number: int) -> list[int]:
        at, end = self.start[number], self.start[number + 1]
        found: list[int] = self.claims[at:end].tolist()
        return found

    def informative_of(self, number: int) -> list[float]:
        at, end = self.start[number], self.start[number + 1]
        found: list[float] = self.informative[at:end].tolist()
        return found

    def nothing(self, number: int) -> list[float]:
        return []

    def shared(self, number: int) -> list[list[int]]:
        bounds = self.group_start[self.shared_start[number] : self.shared_start[number + 1] + 1]
        members: list[int] = self.member[bounds[0] : bounds[-1]].tolist()
        return list(_pieces(members, [at - bounds[0] for at in bounds]))


_T = TypeVar("_T")


class _Field(Generic[_T]):
    """A field of ``_CutItem`` cut from its ``_Later`` arrays when first read, then kept in
    ``Prepared``'s own slot (where it can be set as any field)."""

    def __init__(self, name: str, cut: Callable[[_Later, int], _T]) -> None:
        self.slot = Prepared.__dict__[name]
        self.cut = cut

    def __get__(self, item: _CutItem, owner: type | None = None) -> _T:
        try:
            found: _T = self.slot.__get__(item, owner)
        except AttributeError:
            found = self.cut(item.later, item.number)
            self.slot.__set__(item, found)
        return found

    def __set__(self, item: _CutItem, value: _T) -> None:
        self.slot.__set__(item, value)


class _CutItem(Prepared):
    """A ``Prepared`` item cut from the arrays: the same fields, those that the rounds on
    arrays and the estimates never read cut only when read (the Python paths, the tests)."""

    __slots__ = ("later", "number")
    later: _Later
    number: int
    sources = _Field("sources", _Later.sources)
    spans = _Field("spans", _Later.spans)
    claims = _Field("claims", _Later.claims_of)
    informative = _Field("informative", _Later.informative_of)
    shared = _Field("shared", _Later.shared)
    # Only the Python rounds read these before setting them: empty until then.
    right = _Field("right", _Later.nothing)
    evidence = _Field("evidence", _Later.nothing)


def _cut(flat: _Flat, later: _Later, index: Mapping[str, int]) -> list[Prepared]:
    """Each item's ``Prepared``, its fields sliced from the flat lists (all slices taken
    at once, so that the loop only sets them)."""
    out: list[Prepared] = []
    new = _CutItem.__new__
    start = flat.start
    fields = zip(
        flat.keys,
        flat.repeats,
        *(_pieces(values, start) for values in (flat.observations, flat.names, flat.weights)),
        _pieces(flat.candidates, flat.cand_start),
        flat.extra,
        flat.points,
        flat.contested,
        flat.disputed,
        strict=True,
    )
    for number, (
        key, repeats, observations, names, weights, candidates, extra, points, contested, disputed,
    ) in enumerate(fields):  # fmt: skip
        if repeats:
            out.append(Prepared(key, observations, index))
            continue
        item = new(_CutItem)
        item.key = key
        item.observations = observations
        item.candidates = candidates
        item.extra = extra
        item.names = names
        item.weights = weights
        item.later = later
        item.number = number
        item.points = points
        item._groups = None
        item.repeats = False
        item.contested = contested
        item.disputed = disputed
        item.links = {}
        item.company = []
        out.append(item)
    return out
