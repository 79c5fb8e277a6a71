"""Items prepared once for the default method: candidates, spans, claim groups."""

from __future__ import annotations

import bisect
import math
from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import TypeVar

from ._core import Item, Observation, positive

__all__ = ["Prepared", "prepare"]

_T = TypeVar("_T")


class Prepared:
    """One item's observations, prepared once: candidates, spans, claim groups."""

    __slots__ = (
        "_groups", "candidates", "claims", "company", "contested", "disputed", "evidence", "extra",
        "informative", "key", "links", "names", "observations", "points", "repeats", "right",
        "shared", "sources", "spans", "weights",
    )  # fmt: skip

    def __init__(self, key: Hashable, observations: list[Observation], index: Mapping[str, int]):
        self.key = key
        self.observations = observations
        values = [o.value for o in observations]
        self.candidates = candidates = sorted(set(values))
        self.extra = len(candidates) - 1.0  # the fewest false values the item can have
        self.names = names = [o.source for o in observations]
        self.sources = sources = [index[name] for name in names]
        self.weights = weights = [o.weight for o in observations]
        left, right = bisect.bisect_left, bisect.bisect_right
        self.spans = [(left(candidates, o.low), right(candidates, o.high)) for o in observations]
        self.points = all([b - a == 1 for a, b in self.spans])
        ids: dict[tuple[float, float, float], int] = {}
        self.claims = [ids.setdefault((o.value, o.low, o.high), len(ids)) for o in observations]
        self._groups: list[list[int]] | None = None
        self.shared = [members for members in self.groups if len(members) > 1]
        distinct = set(sources)
        self.repeats = len(distinct) < len(sources)  # a source with several observations
        self.contested = len(distinct) > 1  # only then does it say anything of sources
        self.disputed = self.contested and len(candidates) > 1
        # How much the item tells about a source: its weight, times the weight of the
        # other sources up to 1 (a lone relay of another source tells only half).
        total = sum(weights)
        own: dict[int, float] = {}  # the total weight of each source, where it repeats
        if self.repeats:
            own = dict.fromkeys(sources, 0.0)
            for s, w in zip(sources, weights, strict=True):
                own[s] += w
        # A claim without bounds ("some") asserts nothing, so it shows nothing of its source.
        self.informative = [
            0.0
            if o.low == -math.inf and o.high == math.inf
            else w * min(1.0, total - own.get(s, w))
            for o, s, w in zip(observations, sources, weights, strict=True)
        ]
        self.links: dict[tuple[int, int], float] = {}  # same-claim pairs: share copied
        if len(distinct) < len(sources):
            self.set_links({})
        self.right: list[float] = []  # per observation: P(truth within its claim)
        # the observations taken for copies of the below-average sources that share their
        # claim (accucopy step 6), each with the share of it that counts
        self.company: list[tuple[int, float]] = []
        self.evidence: list[float] = []  # the same without its source's votes

    @property
    def groups(self) -> list[list[int]]:
        """The observations making each distinct claim, claims in order of first statement
        (built when first read: only the copy tests' rarer paths read the single ones)."""
        if self._groups is None:
            groups: list[list[int]] = [[] for _ in range(max(self.claims, default=-1) + 1)]
            for j, claim in enumerate(self.claims):
                groups[claim].append(j)
            self._groups = groups
        return self._groups

    def set_links(self, dependence: Mapping[tuple[int, int], float]) -> None:
        """The same-claim pairs of observations whose sources depend on each other."""
        links = {}
        for members in self.shared:
            for x in range(1, len(members)):
                k = members[x]
                for j in members[:x]:
                    s, t = self.sources[j], self.sources[k]
                    d = 1.0 if s == t else dependence.get((s, t) if s < t else (t, s), 0.0)
                    if d > 0:
                        links[(j, k)] = d
        self.links = links


def prepare(items: Sequence[Item], index: Mapping[str, int]) -> list[Prepared]:
    """Every item's observations that count, items in a canonical order."""
    prepared = [Prepared(key, positive(observations), index) for key, observations in items]
    # A canonical order makes every floating-point sum independent of the input order:
    # by every observation, in order. The first one almost always decides, so the items
    # are sorted by it, and only the runs that share it by the rest (sorts are stable).
    firsts = [_first_said(item) for item in prepared]
    order = sorted(range(len(prepared)), key=firsts.__getitem__)
    prepared = [prepared[j] for j in order]
    firsts = [firsts[j] for j in order]
    at = 0
    for end in range(1, len(prepared) + 1):
        if end == len(prepared) or firsts[end] != firsts[at]:
            if end - at > 1:
                prepared[at:end] = sorted(prepared[at:end], key=_all_said)
            at = end
    return prepared


def _said(o: Observation) -> tuple[str, float, float, float, float]:
    return (o.source, o.value, o.low, o.high, o.weight)


def _first_said(item: Prepared) -> tuple[str, float, float, float, float] | tuple[()]:
    return _said(item.observations[0]) if item.observations else ()


def _all_said(item: Prepared) -> list[tuple[str, float, float, float, float]]:
    return [_said(o) for o in item.observations]


def _pieces(values: list[_T], start: list[int]) -> Iterator[list[_T]]:
    """``values`` cut at ``start``, each piece from one start to the next (the slices
    taken in C, for many items at once)."""
    return map(values.__getitem__, map(slice, start[:-1], start[1:]))
