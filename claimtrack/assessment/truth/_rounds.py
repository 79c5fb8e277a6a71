"""The rounds of ``accucopy`` on arrays: the same arithmetic, in the same order.

``_State.round`` goes over the disputed items one by one in Python. Here every
observation of every disputed item sits in one flat array (items in their
canonical order, each item's observations in theirs), every candidate in
another, and a round is a few dozen array operations. The results are the
Python round's, bit for bit:

- every per-item or per-source sum adds its terms one after the other, in the
  Python loop's order (``numpy.bincount`` with weights does: it adds each weight
  to its bin in input order), never pairwise;
- ``exp`` and ``log`` are ``math``'s, mapped over the values (NumPy's own are
  vectorised differently and differ in the last bit);
- the two coincidence counts of step 4, which the Python loop adds up over all
  items, add the same terms in the same order.

Python's own ``sum`` adds floats one by one before Python 3.12 and with
compensation from 3.12 on; there, the two ways can differ in the last bits.

Items where a source made several observations are rare and irregular: the
Python code computes theirs, and they are written into the arrays in place.

NumPy is not a dependency of claimtrack: this module is imported only when
NumPy is importable and the data are large enough to repay it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations, compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple, overload

import numpy as np

from ._copying import agreed_pairs
from ._flat import Layout, _starts, layout_of
from ._prepared import _pieces

if TYPE_CHECKING:
    from ._accucopy import _State
    from ._prepared import Prepared

__all__ = ["ArrayRounds", "Estimates", "Shares"]

_COMPANY = attrgetter("company")

Floats = Any  # numpy float arrays (kept loose: numpy's generics add nothing here)


class Estimates(NamedTuple):
    """What ``ArrayRounds.estimates`` finds, as lists: per candidate, per candidate in
    each item's order of probability, and where each item's candidates begin."""

    probability: list[float]
    ranked: list[int]
    cand_start: list[int]
    start: list[int]  # where each item's observations begin
    seen: list[int]  # per source: the items without repeats it reported on
    agreed: list[int]  # per source: those where its claim holds the best value
    agree: list[bool]  # per observation: whether its claim holds its item's best value
    # per item: the observations whose low and high are the estimate's (``_ranked``'s
    # range), positions within the item; None where the ends are not exact floats
    low_at: list[int] | None
    high_at: list[int] | None


def _exp(values: Floats) -> Floats:
    return np.fromiter(map(math.exp, values.tolist()), dtype=np.float64, count=len(values))


def _log(values: Floats) -> Floats:
    return np.fromiter(map(math.log, values.tolist()), dtype=np.float64, count=len(values))


class Shares(Sequence["list[float] | None"]):
    """Per item, the share of each observation that is not a copy, or None where all of
    it counts (``_State.shares``): cut from the array when read, as the links change
    several times before the estimates read them all."""

    def __init__(self, independent: Floats, start: list[int], marked: list[bool]) -> None:
        self.independent, self.start, self.marked = independent, start, marked

    def __len__(self) -> int:
        return len(self.marked)

    @overload
    def __getitem__(self, number: int) -> list[float] | None: ...

    @overload
    def __getitem__(self, number: slice) -> list[list[float] | None]: ...

    def __getitem__(self, number: int | slice) -> list[float] | list[list[float] | None] | None:
        if isinstance(number, slice):
            return [self[n] for n in range(len(self))[number]]
        if not self.marked[number]:
            return None
        share: list[float] = self.independent[self.start[number] : self.start[number + 1]].tolist()
        return share

    def __iter__(self) -> Iterator[list[float] | None]:
        values = self.independent.tolist()
        for share, has in zip(_pieces(values, self.start), self.marked, strict=True):
            yield share if has else None


class ArrayRounds:
    """The disputed items as flat arrays, and the round over them."""

    def __init__(
        self, items: Sequence[Prepared], sources: int, layout: Layout | None = None
    ) -> None:
        self.items = items
        self.sources = sources
        if layout is None:
            layout = layout_of(items)
        count = len(items)
        sizes = layout.sizes
        total = int(sizes.sum())
        self.start = np.zeros(count + 1, dtype=np.intp)  # each item's first observation
        np.cumsum(sizes, out=self.start[1:])
        self.item = np.repeat(np.arange(count), sizes)  # per observation: its item
        self.source = layout.source
        self.weight = layout.weight
        self.informative = layout.informative
        self.low = low = layout.low  # per observation: its span within its item's candidates
        self.ends = layout.ends
        self.stated = layout.stated
        self.high = high = layout.high
        kinds = layout.kinds
        self.cand_start = np.zeros(count + 1, dtype=np.intp)
        np.cumsum(kinds, out=self.cand_start[1:])
        candidates = int(self.cand_start[-1])
        self.cand_item = np.repeat(np.arange(count), kinds)
        self.extra = kinds - 1.0
        # the items' distinct numbers of false values, and each item's among them
        self.extras, self.which_extra = np.unique(self.extra, return_inverse=True)
        base = self.cand_start[:-1][self.item]  # per observation: its item's first candidate
        # Every (observation, candidate it supports) pair, observation by observation.
        width = high - low
        self.pair_obs = np.repeat(np.arange(total), width)
        first = np.zeros(total + 1, dtype=np.intp)
        np.cumsum(width, out=first[1:])
        self.pair_cand = np.repeat(base + low, width) + (
            np.arange(int(first[-1])) - np.repeat(first[:-1], width)
        )
        self.candidates = candidates
        # The mass within each observation's claim: one candidate's where every claim of
        # the item is a point, else a difference of the item's prefix sums.
        points = layout.points
        self.point_obs = points[self.item]
        self.point_cand = base + low
        spread = np.flatnonzero(~points)
        self.prefix_size = int((kinds[spread] + 1).sum())
        offset = np.zeros(len(spread) + 1, dtype=np.intp)  # each such item's prefix
        np.cumsum(kinds[spread] + 1, out=offset[1:])
        where = np.full(count, -1, dtype=np.intp)
        where[spread] = offset[:-1]
        self.steps: list[tuple[Any, Any]] = []  # per candidate position: (prefix, candidate)
        order = spread[np.argsort(-kinds[spread], kind="stable")]
        for r in range(int(kinds[spread].max()) if len(spread) else 0):
            active = order[kinds[order] > r]
            self.steps.append((where[active] + r, self.cand_start[active] + r))
        spread_obs = ~self.point_obs
        self.spread_obs = np.flatnonzero(spread_obs)
        self.spread_low = where[self.item[spread_obs]] + low[spread_obs]
        self.spread_high = where[self.item[spread_obs]] + high[spread_obs]
        # The groups of observations making the same claim, as the coincidences count them.
        self.member = layout.member
        self.member_group = np.repeat(np.arange(len(layout.group_sizes)), layout.group_sizes)
        self.groups = len(layout.group_sizes)
        self.groups_before = np.searchsorted(layout.group_item, np.arange(count + 1))
        self.repeats = np.flatnonzero(layout.repeats).tolist()
        self.repeat_obs = layout.repeats[self.item]
        self.started = False  # whether a round has run: the evidence below is set
        self.dirty = False  # whether the items' own right and evidence lag behind
        self.evidence = np.zeros(total)
        self.right = np.zeros(total)
        self.shares: object = None
        self.independent = np.ones(total)
        self._factors: tuple[Floats, list[int], Any, Floats] | None = None
        self.set_links({})  # a source's claims repeated on an item: ``Prepared``'s links

    def set_links(self, dependence: Mapping[tuple[int, int], float]) -> None:
        """``Prepared.set_links`` on every item at once: the pairs of observations making
        the same claim whose sources depend on each other (a source on itself fully), in
        the same order; and where each link's term falls among the coincidence counts'."""
        first, second, _ = self._shared_pairs()
        s, t = self.source[first], self.source[second]
        share = (s == t).astype(np.float64)
        if dependence:
            keys = np.fromiter(
                (u * self.sources + v for u, v in dependence), dtype=np.int64, count=len(dependence)
            )
            values = np.fromiter(dependence.values(), dtype=np.float64, count=len(dependence))
            order = np.argsort(keys)
            keys, values = keys[order], values[order]
            code = np.minimum(s, t) * self.sources + np.maximum(s, t)
            where = np.minimum(np.searchsorted(keys, code), len(keys) - 1)
            hit = (keys[where] == code) & (s != t)
            share[hit] = values[where[hit]]
        linked = share > 0
        self.link_first, self.link_second = first[linked], second[linked]
        self.link_share = share[linked]
        owner = self.item[self.link_first]
        count = len(self.items)
        links = np.arange(len(owner))
        before = np.searchsorted(owner, np.arange(count + 1))  # links of the items before
        # Per item, pairs counts its own term and then each link's; same counts each group's
        # term and then each link's.
        self.pairs_at = np.arange(count) + before[:-1]
        self.pairs_links = owner + 1 + links
        self.same_at = np.arange(self.groups) + before[:-1][self._group_item()]
        self.same_links = self.groups_before[1:][owner] + links

    def independence(self, state: _State) -> Shares:
        """``_State._shares`` from the links above and the items' company: per item, the
        share of each observation that is not a copy, or None where all of it counts. The
        products are taken in the same order (``numpy.multiply.at`` takes them one by
        one), and a missing link multiplies by exactly 1."""
        total = len(self.source)
        independent = np.ones(total)
        start = self.start.tolist()
        marked = np.zeros(len(self.items), dtype=bool)
        items = self.items
        numbers = list(compress(range(len(items)), map(_COMPANY, items)))  # items with some
        if numbers:
            marked[numbers] = True
            at: list[int] = []
            company: list[float] = []
            for number in numbers:
                first = start[number]
                for j, share in items[number].company:
                    at.append(first + j)
                    company.append(share)
            independent[at] = company
        if len(self.link_share):
            marked[self.item[self.link_first]] = True
            at, factor = self._link_factors(state.rank)
            np.multiply.at(independent, at, factor)
        shares = Shares(independent, start, marked.tolist())
        self.shares, self.independent = shares, independent
        return shares

    def _link_factors(self, rank: list[int]) -> tuple[Any, Floats]:
        """The observations the links discount, in the order their products are taken,
        and each one's factor; the same until the links or the sources' ranks change
        (weak company changes neither)."""
        found = self._factors
        if found is not None and found[0] is self.link_share and found[1] == rank:
            return found[2], found[3]
        total = len(self.source)
        # Each group's members, the most accurate source first, then in order; each
        # member counted after those before it.
        member, group = self.member, self.member_group
        order = np.lexsort((member, np.array(rank)[self.source[member]], group))
        before, after = _pairs_within(member[order], np.bincount(group, minlength=self.groups))
        code = np.minimum(before, after) * total + np.maximum(before, after)
        keys = self.link_first * total + self.link_second
        order = np.argsort(keys)
        keys, values = keys[order], self.link_share[order]
        where = np.minimum(np.searchsorted(keys, code), len(keys) - 1)
        hit = keys[where] == code
        at, factor = after[hit], 1.0 - values[where[hit]]
        self._factors = (self.link_share, list(rank), at, factor)
        return at, factor

    def _group_item(self) -> Any:
        return np.repeat(np.arange(len(self.items)), np.diff(self.groups_before))

    def use_shares(self, shares: Sequence[list[float] | None]) -> None:
        """The share of each observation that is not a copy, as ``_State.shares`` holds it."""
        if shares is self.shares:
            return
        self.shares = shares
        start = self.start.tolist()
        self.independent = independent = np.ones(len(self.source))
        for number, share in enumerate(shares):
            if share is not None:
                independent[start[number] : start[number + 1]] = share

    def round(self, state: _State) -> tuple[list[float], float, float]:
        """One round over the disputed items: per source, its evidence on them; the
        coincidences of wrong claims and the pairs of them, as ``_State.round`` finds."""
        self.use_shares(state.shares)
        with np.errstate(all="ignore"):  # repeated items' lanes hold values never read
            return self._round(state)

    def _votes(self, state: _State) -> Floats:
        """Each observation's vote, as ``_State.votes`` casts it (``_kept`` for the
        accuracy without the item, once the rounds have begun)."""
        from ._accucopy import _FLOOR, _ODDS_HIGH, _ODDS_LOW

        source, item = self.source, self.item
        log_n = np.array([math.log(max(state.n, e)) for e in self.extras.tolist()])
        log_n = log_n[self.which_extra]
        if not self.started:
            # Every source at its accuracy: one log-odds per source.
            odds = np.array([math.log(a / (1.0 - a)) for a in state.accuracy])
            votes = log_n[item] + odds[source]
        else:
            kept = self._kept(state)
            inside = (kept >= _FLOOR) & (kept <= 1.0 - _FLOOR)
            odds = np.where(kept < _FLOOR, _ODDS_LOW, _ODDS_HIGH)
            odds[inside] = _log(kept[inside] / (1.0 - kept[inside]))
            votes = log_n[item] + odds
        return np.where(votes > 0.0, votes, 0.0)

    def _kept(self, state: _State) -> Floats:
        """Each observation's source's accuracy without its item, as ``_State._kept``."""
        top = np.array(state.top)[self.source]
        bottom = np.array(state.bottom)[self.source]
        w = self.informative
        return (top - self.evidence * w) / (bottom - w)

    def company(
        self, state: _State, c: float, odds: list[float]
    ) -> list[tuple[Prepared, list[tuple[int, float]]]]:
        """``_State.mark_company``'s terms on the items without repeats: per item that has
        some, the observations and their terms; ``odds`` gets each source's sum of them,
        added in order."""
        at, terms = self.company_terms(state, c)
        odds[:] = np.bincount(self.source[at], weights=terms, minlength=self.sources).tolist()
        numbers = self.item[at]
        found: list[tuple[Prepared, list[tuple[int, float]]]] = []
        last = -1
        for number, j, term in zip(
            numbers.tolist(), (at - self.start[numbers]).tolist(), terms.tolist(), strict=True
        ):
            if number != last:
                found.append((self.items[number], []))
                last = number
            found[-1][1].append((j, term))
        return found

    def company_terms(self, state: _State, c: float) -> tuple[Any, Floats]:
        """What ``_State._company_terms`` finds on the items without repeats: the
        observations whose claim only less accurate, below-average sources share, in
        order, and the log-likelihood ratio of copying them against not."""
        from ._accucopy import _FLOOR

        with np.errstate(all="ignore"):  # repeated items' lanes hold values never read
            kept = np.minimum(1.0 - _FLOOR, np.maximum(_FLOOR, self._kept(state)))
        w = self.informative
        good = (np.array(state.den)[self.source] > w) & (kept > state.default)
        member, group = self.member, self.member_group
        plain = ~self.repeat_obs[member]
        member, group = member[plain], group[plain]
        if not len(member):
            return member, np.zeros(0)
        count = np.bincount(group, weights=good[member], minlength=self.groups)
        alone = count[group] - good[member] == 0  # no good company in the group
        # The largest accuracy among the others of each group: the group's largest, or
        # the second largest for the member that holds the largest.
        a = kept[member]
        order = np.lexsort((-a, group))
        starts = np.flatnonzero(np.r_[True, group[order][1:] != group[order][:-1]])
        top = np.full(self.groups, -np.inf)
        second = np.full(self.groups, -np.inf)
        top[group[order][starts]] = a[order][starts]
        holder = np.full(self.groups, -1)
        holder[group[order][starts]] = order[starts]
        after = starts + 1  # every group here has two members or more
        second[group[order][starts]] = a[order][after]
        others = np.where(np.arange(len(member)) == holder[group], second[group], top[group])
        chosen = np.flatnonzero(alone & (others < a))
        at = member[chosen]
        order = np.argsort(at)
        at, a, b = at[order], a[chosen][order], others[chosen][order]
        copied = c * b + (1.0 - c) * a  # how often a copier is right here
        e = self.evidence[at]
        terms = e * _log(copied / a) + (1 - e) * _log((1 - copied) / (1 - a))
        return at, terms

    def _masses(self, state: _State) -> tuple[Floats, Floats, Floats]:
        """Per observation its contribution, per candidate the votes for it (``totals``)
        and its mass ``exp(total - top)``, ``top`` the item's largest total."""
        contribution = self.weight * self._votes(state) * self.independent
        totals = np.bincount(
            self.pair_cand, weights=contribution[self.pair_obs], minlength=self.candidates
        )
        top_total = np.maximum.reduceat(totals, self.cand_start[:-1])
        return contribution, totals, _exp(totals - top_total[self.cand_item])

    def estimates(self, state: _State) -> Estimates | None:
        """What the estimates of items without repeats start from, as ``_estimate``
        finds it: per candidate its probability; per item its candidates' positions,
        most probable first; where each item's candidates begin. None before any round,
        and where a source's prior is worth no evidence (the Python votes raise there)."""
        if not self.started or min(state.strength, default=1.0) <= 0:
            return None
        self.use_shares(state.shares)
        with np.errstate(all="ignore"):
            contribution, totals, mass = self._masses(state)
            probability, ranked = self._ranking(state, contribution, totals, mass)
        # Who reported on each item, and whose claim holds its best value, per source.
        best = ranked[self.cand_start[:-1]]  # per item, its best candidate's position
        best_obs = best[self.item]
        agree = (self.low <= best_obs) & (best_obs < self.high)
        plain = ~self.repeat_obs
        source = self.source[plain]
        seen = np.bincount(source, minlength=self.sources)
        agreed = np.bincount(source[agree[plain]], minlength=self.sources)
        low_at = high_at = None
        if self.ends is not None:
            low_at, high_at = self._range(state, probability, ranked, best)
        return Estimates(
            probability.tolist(),
            ranked.tolist(),
            self.cand_start.tolist(),
            self.start.tolist(),
            seen.tolist(),
            agreed.tolist(),
            agree.tolist(),
            low_at,
            high_at,
        )

    def _range(
        self, state: _State, probability: Floats, ranked: Any, best: Any
    ) -> tuple[list[int], list[int]]:
        """Per item, the observations whose low and high bound ``_ranked``'s range: the
        candidates at least ``range_ratio`` times as probable as the best (the best
        whatever the ratio), each bounded where the claims that hold it meet. As there,
        each maximum or minimum keeps the first of equal values: the first observation
        in the item's order, the first candidate in the order of probability."""
        cand_item, cand_first = self.cand_item, self.cand_start[:-1]
        lows, highs = self.ends[0], self.ends[1]
        held, holder = self.pair_cand, self.pair_obs
        # Per candidate, the first observation of the largest low and of the smallest high
        # among the claims that hold it (every candidate is held by its own claim).
        # The pairs are in order of observation: sorted stably by candidate, each
        # candidate's are in that order, and its first of the smallest key is the one.
        order = np.argsort(held, kind="stable")
        held_sorted, holder_sorted = held[order], holder[order]
        group_first = np.flatnonzero(np.r_[True, held_sorted[1:] != held_sorted[:-1]])
        sizes = np.diff(np.r_[group_first, len(order)])
        bounds = []
        for key in (-lows[holder_sorted], highs[holder_sorted]):
            least = np.minimum.reduceat(key, group_first)
            at = np.flatnonzero(key == np.repeat(least, sizes))
            first = np.r_[True, held_sorted[at][1:] != held_sorted[at][:-1]]
            bounds.append(holder_sorted[at[first]])
        # The candidates in range, and each one's place in its item's order of probability.
        best_cand = cand_first + best
        floor = state.policy.range_ratio * probability[best_cand]
        inside = probability >= floor[cand_item]
        inside[best_cand] = True
        place = np.empty(self.candidates, dtype=np.intp)
        place[cand_first[cand_item] + ranked] = np.arange(self.candidates) - cand_first[cand_item]
        chosen = np.flatnonzero(inside)
        found = []
        for bound, key in ((bounds[0], lows[bounds[0]]), (bounds[1], -highs[bounds[1]])):
            order = chosen[np.lexsort((place[chosen], key[chosen], cand_item[chosen]))]
            first = np.ones(len(order), dtype=bool)
            first[1:] = cand_item[order][1:] != cand_item[order][:-1]
            found.append((bound[order[first]] - self.start[:-1]).tolist())
        return found[0], found[1]

    def _ranking(
        self, state: _State, contribution: Floats, totals: Floats, mass: Floats
    ) -> tuple[Floats, Any]:
        """``_ranked``'s probabilities and order of the candidates, the same arithmetic
        in the same order: per item, ``z`` adds the masses one after the other, then the
        weight of the values nobody claimed; the candidates are sorted by probability,
        then by the contributions that state them outright, then by value."""
        items, cand_item = self.items, self.cand_item
        top = np.maximum.reduceat(totals, self.cand_start[:-1])
        n = np.maximum(state.n, self.extra)
        z = np.bincount(cand_item, weights=mass, minlength=len(items)) + (
            n + 1.0 - np.diff(self.cand_start)
        ) * _exp(-top)
        probability = mass / z[cand_item]
        # Each observation's own value among its item's candidates.
        stated_at = self.cand_start[:-1][self.item] + self.stated
        stated = np.bincount(stated_at, weights=contribution, minlength=self.candidates)
        # Candidates are in order of value within each item: the last key is their position.
        order = np.lexsort((np.arange(self.candidates), -stated, -probability, cand_item))
        return probability, order - self.cand_start[:-1][cand_item[order]]

    def _round(self, state: _State) -> tuple[list[float], float, float]:
        source, item = self.source, self.item
        contribution, _, mass = self._masses(state)
        z = np.bincount(self.cand_item, weights=mass, minlength=len(self.items))
        within = mass[self.point_cand]
        if self.steps:
            prefix = np.zeros(self.prefix_size)
            for at, candidate in self.steps:
                prefix[at + 1] = prefix[at] + mass[candidate]
            within[self.spread_obs] = prefix[self.spread_high] - prefix[self.spread_low]
        z_obs = z[item]
        right = within / z_obs
        right = np.where(right < 1.0, right, 1.0)
        k = within * _exp(-contribution)
        t = (z_obs - within) + k
        share = k / t
        evidence = np.where(t > 0, np.where(share < 1.0, share, 1.0), 0.0)
        for number in self.repeats:
            self._python_item(state, number, right, evidence)
        self.right, self.evidence, self.started, self.dirty = right, evidence, True, True
        disputed = np.bincount(source, weights=evidence * self.informative, minlength=self.sources)
        # The coincidence counts, term by term in the Python loop's order.
        wrong = self.weight * (1.0 - right)
        total = np.bincount(item, weights=wrong, minlength=len(self.items))
        squares = np.bincount(item, weights=wrong * wrong, minlength=len(self.items))
        shared = wrong[self.member]
        group = np.bincount(self.member_group, weights=shared, minlength=self.groups)
        group_squares = np.bincount(
            self.member_group, weights=shared * shared, minlength=self.groups
        )
        product = -(self.link_share * wrong[self.link_first] * wrong[self.link_second])
        pairs_terms = np.empty(len(self.items) + len(product))
        pairs_terms[self.pairs_at] = (total * total - squares) / 2.0
        pairs_terms[self.pairs_links] = product
        same_terms = np.empty(self.groups + len(product))
        same_terms[self.same_at] = (group * group - group_squares) / 2.0
        same_terms[self.same_links] = product
        pairs = float(np.bincount(np.zeros(len(pairs_terms), np.intp), pairs_terms, 1)[0])
        same = float(np.bincount(np.zeros(len(same_terms), np.intp), same_terms, 1)[0])
        return disputed.tolist(), same, pairs

    def _python_item(self, state: _State, number: int, right: Floats, evidence: Floats) -> None:
        """An item where a source repeats itself, the Python way, into the arrays."""
        item = self.items[number]
        shares = self.shares
        state.weigh(item, shares[number] if isinstance(shares, list | Shares) else None)
        at, end = int(self.start[number]), int(self.start[number + 1])
        right[at:end] = item.right
        evidence[at:end] = item.evidence

    def sync(self) -> None:
        """Write each item's ``right`` and ``evidence`` back, for the copy tests and the
        estimates that read them."""
        if not self.dirty:
            return
        self.dirty = False
        right, evidence = self.right.tolist(), self.evidence.tolist()
        start = self.start.tolist()
        for number, item in enumerate(self.items):
            if not item.repeats:
                at, end = start[number], start[number + 1]
                item.right = right[at:end]
                item.evidence = evidence[at:end]

    # The copy tests' counts (``_copying``), from the same arrays.

    def common_items(self) -> Counter[tuple[int, int]]:
        """``common_items`` of the disputed items: pairs of sources per item, counted."""
        plain = np.array([not item.repeats for item in self.items], dtype=bool)
        sizes = np.diff(self.start)[plain]
        first, second = _pairs_within(
            np.arange(len(self.source))[np.repeat(plain, np.diff(self.start))], sizes
        )
        common = _count_pairs(self.source[first], self.source[second], self.sources)
        for item in self.items:
            if item.repeats:
                common.update(combinations(sorted(set(item.sources)), 2))
        return common

    def _shared_pairs(self) -> tuple[Any, Any, Any]:
        """Each pair of observations making the same claim, in ``_agreeing_pairs``'s order
        over the groups (items in order): first, second and the group's first member."""
        sizes = np.bincount(self.member_group, minlength=self.groups)
        first, second = _pairs_within(self.member, sizes)
        group_first = self.member[np.cumsum(sizes) - sizes]
        return first, second, np.repeat(group_first, sizes * (sizes - 1) // 2)

    def agreed(self) -> Counter[tuple[int, int]]:
        """What ``identical_claims`` counts: per pair of sources, the items where they make
        the same claim (each pair once an item)."""
        first, second, _ = self._shared_pairs()
        plain = ~np.array([item.repeats for item in self.items], dtype=bool)[self.item[first]]
        agreed = _count_pairs(self.source[first[plain]], self.source[second[plain]], self.sources)
        agreed.update(agreed_pairs(item for item in self.items if item.repeats))
        return agreed

    def same_claims(self) -> tuple[dict[tuple[int, int], list[float]], list[float], list[int]]:
        """What ``false_claims`` counts: per pair of sources the shared claims' summed
        probability of being right and wrong; per source the sum of its claims'
        probability (a source's first claim on an item) and its number of items."""
        first, second, group_first = self._shared_pairs()
        s, t = self.source[first], self.source[second]
        keep = s != t
        s, t, group_first = s[keep], t[keep], group_first[keep]
        low, high = np.minimum(s, t), np.maximum(s, t)
        codes, inverse = np.unique(low * self.sources + high, return_inverse=True)
        right = self.right[group_first]
        trues = np.bincount(inverse, weights=right, minlength=len(codes)).tolist()
        falses = np.bincount(inverse, weights=1.0 - right, minlength=len(codes)).tolist()
        same = {
            (int(code) // self.sources, int(code) % self.sources): [x, y]
            for code, x, y in zip(codes.tolist(), trues, falses, strict=True)
        }
        firsts = np.ones(len(self.source), dtype=bool)  # a source's first claim on its item
        for number in self.repeats:
            at = int(self.start[number])
            seen: set[int] = set()
            for j, source in enumerate(self.items[number].sources):
                firsts[at + j] = source not in seen
                seen.add(source)
        right_sum = np.bincount(
            self.source[firsts], weights=self.right[firsts], minlength=self.sources
        ).tolist()
        covers = np.bincount(self.source[firsts], minlength=self.sources).tolist()
        return same, right_sum, covers


def settled_estimates(
    layout: Layout, keep: list[bool], state: _State
) -> tuple[list[float], list[int], list[int]] | None:
    """What ``_estimate`` finds for the items where ``keep`` is true (undisputed, with
    sources that do not repeat themselves, each one's claim counted once): per item its
    confidence, and the observations whose low and high bound its range (the first
    largest low, the first smallest high, as ``max`` and ``min`` keep them). The same
    arithmetic in the same order as ``_State.votes`` and ``_estimate``. None where the
    ends are not exact floats, and where a source's prior is worth no evidence."""
    from ._accucopy import _FLOOR, _ODDS_HIGH, _ODDS_LOW

    if layout.ends is None or min(state.strength, default=1.0) <= 0:
        return None
    part = layout.subset(keep)
    count = len(part.sizes)
    item = np.repeat(np.arange(count), part.sizes)
    source, w = part.source, part.informative
    with np.errstate(all="ignore"):
        # Each source's accuracy without the item, which gives it full marks.
        kept = (np.array(state.top)[source] - 1.0 * w) / (np.array(state.bottom)[source] - w)
        inside = (kept >= _FLOOR) & (kept <= 1.0 - _FLOOR)
        odds = np.where(kept < _FLOOR, _ODDS_LOW, _ODDS_HIGH)
        odds[inside] = _log(kept[inside] / (1.0 - kept[inside]))
        n = max(state.n, 0.0)  # one candidate: no false value beyond it
        votes = math.log(n) + odds
        contribution = part.weight * np.where(votes > 0.0, votes, 0.0) * 1.0
        odds = _exp(np.bincount(item, weights=contribution, minlength=count))
        confidence = odds / (odds + n)
    ends = part.ends
    found = []
    for key in (-ends[0], ends[1]):
        order = np.lexsort((key, item))  # stable: the first of equal ends
        first = np.ones(len(order), dtype=bool)
        first[1:] = item[order][1:] != item[order][:-1]
        found.append((order[first] - _starts(part.sizes)[:-1]).tolist())
    return confidence.tolist(), found[0], found[1]


def _pairs_within(members: Any, sizes: Any) -> tuple[Any, Any]:
    """Per run of ``members`` (``sizes`` each), every pair: for x from 1, for j below x,
    (members[j], members[x]), runs in order."""
    counts = sizes * (sizes - 1) // 2
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty
    largest = int(sizes.max())
    x = np.repeat(np.arange(largest), np.arange(largest))  # x, x times over
    j = np.arange(len(x)) - np.repeat(
        np.arange(largest) * (np.arange(largest) - 1) // 2, np.arange(largest)
    )
    local = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    offset = np.repeat(np.cumsum(sizes) - sizes, counts)
    return members[offset + j[local]], members[offset + x[local]]


def _count_pairs(s: Any, t: Any, sources: int) -> Counter[tuple[int, int]]:
    """How often each pair of sources (smaller first) occurs among (s, t)."""
    low, high = np.minimum(s, t), np.maximum(s, t)
    codes, counts = np.unique(low * sources + high, return_counts=True)
    return Counter(
        {
            (code // sources, code % sources): count
            for code, count in zip(codes.tolist(), counts.tolist(), strict=True)
        }
    )
