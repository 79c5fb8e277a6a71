"""A quantity with very many claims: its verdicts between origins held as the claims.

Most quantities hold a handful of claims, and every pair of them gets its verdicts
as edges when linked. A headline toll repeated by thousands of outlets is another
shape: n claims about one quantity make n(n-1)/2 pairs, so 100,000 claims would
make five billion verdicts (every pair of different figures contradicts or
corroborates), which no memory holds and no link finishes.

Past ``DENSE`` claims, a quantity becomes ``Dense``. Linking it checks only the
pairs within one origin (what ``relays`` and the running counts need while
linking), and records those as edges as before. The pairs across origins are
not checked then: the block holds the claims, grouped by origin, and the pair
checkers of the latest link, and the graph's questions (``verdicts``,
``corroborating``, ``supports``, ``disputes``, exports, the assessment) ask it,
which runs the checkers on just the pairs the question needs. Linking stays near
linear and the graph's memory linear in the claims; asking for every verdict of
such a quantity still costs what its answer holds.

The answers are the ones storing every pair would give (a property test checks
this with a threshold of two), with two differences a user may meet: a checker
that raises on such a pair raises when a question reaches the pair, not while
linking; and the verdicts follow the pair checkers of the quantity's latest link,
so a checker disabled since then no longer answers for its pairs.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

from ..model import Claim
from ..relations import Verdict

__all__ = ["DENSE", "Dense"]

#: Claims about one quantity past which its verdicts across origins are held by a
#: ``Dense`` block rather than stored: a thousand claims are half a million pairs.
DENSE = 1000

#: Pairs handed to a checker at once when a question needs many.
_CHUNK = 20_000

#: Up to this many pairs, a block keeps the verdicts it made until it changes: a
#: report asks for them several times (to count them, for the grades, for the
#: disputes), and a few million verdicts are what storing them would hold anyway.
_KEPT_PAIRS = 5_000_000

#: What the graph gives a block to check pairs: the pair checkers, and a function
#: that runs one of them on a list of pairs (as linking does, errors included).
Check = Callable[[Any, list[tuple[Claim, Claim]]], list[Verdict]]


class Dense:
    """One quantity's claims, grouped by origin, standing for every verdict between
    claims of different origins (see the module's docstring)."""

    __slots__ = ("_kept", "actives", "claims", "ids", "origins")

    def __init__(self) -> None:
        self.claims: list[Claim] = []
        self.ids: dict[str, str] = {}  # claim id: its origin
        self.origins: dict[str, list[Claim]] = {}
        self.actives: list[Any] = []  # the pair checkers of the latest link
        self._kept: list[Verdict] | None = None  # every verdict, while nothing changes

    def __len__(self) -> int:
        return len(self.claims)

    def add(self, claim: Claim, origin: str) -> None:
        if claim.id not in self.ids:
            self._kept = None
            self.ids[claim.id] = origin
            self.claims.append(claim)
            self.origins.setdefault(origin, []).append(claim)

    def drop(self, ids: set[str]) -> None:
        """Take claims out again (a link that raised gives its claims back)."""
        if not ids & self.ids.keys():
            return
        self._kept = None
        self.claims = [c for c in self.claims if c.id not in ids]
        for cid in ids & self.ids.keys():
            origin = self.ids.pop(cid)
            self.origins[origin] = [c for c in self.origins[origin] if c.id not in ids]

    def same_origin(self, arrivals: list[Claim], before: int) -> list[tuple[Claim, Claim]]:
        """The pairs linking checks now: each arrival with the claims of its origin
        that came before it (``before`` of the block's claims were here already)."""
        old = {c.id for c in self.claims[:before]}
        pairs = []
        fresh: dict[str, list[Claim]] = {}
        for claim in arrivals:
            origin = self.ids[claim.id]
            mates = [c for c in self.origins[origin] if c.id in old]
            mates += fresh.setdefault(origin, [])
            pairs += [(claim, c) if claim.id < c.id else (c, claim) for c in mates]
            fresh[origin].append(claim)
        return pairs

    def pairs(self, claim: Claim | None = None) -> Iterator[tuple[Claim, Claim]]:
        """The pairs across origins: every one, or those of one claim; each ordered as
        linking orders a pair (by claim id)."""
        ids = self.ids
        if claim is not None:
            mine = ids.get(claim.id)
            if mine is None:
                return
            for other in self.claims:
                if ids[other.id] != mine:
                    yield (claim, other) if claim.id < other.id else (other, claim)
            return
        for i, a in enumerate(self.claims):
            origin = ids[a.id]
            for b in itertools.islice(self.claims, i + 1, None):
                if ids[b.id] != origin:
                    yield (a, b) if a.id < b.id else (b, a)

    def verdicts(self, check: Check, claim: Claim | None = None) -> Iterator[Verdict]:
        """The verdicts of the pairs across origins (every one, or those of one
        claim), made by the block's checkers as linking would have made them."""
        if claim is None and self._kept is not None:
            yield from self._kept
            return
        n = len(self.claims)
        if claim is None and n * (n - 1) // 2 <= _KEPT_PAIRS:
            self._kept = list(self._made(check, None))
            yield from self._kept
            return
        yield from self._made(check, claim)

    def forget(self) -> None:
        """Drop the verdicts kept: something they rest on changed."""
        self._kept = None

    def _made(self, check: Check, claim: Claim | None) -> Iterator[Verdict]:
        pairs = self.pairs(claim)
        while True:
            chunk = list(itertools.islice(pairs, _CHUNK))
            if not chunk:
                return
            for active in self.actives:
                yield from check(active, chunk)
