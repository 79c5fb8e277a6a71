"""Copy detection: which sources repeat each other's figures (Dong et al., VLDB 2009).

Two Bayesian tests of "s and t are dependent" against "independent", each over
the disputed items both sources cover. A copier takes a fraction c of its
claims from its original; with a prior probability of copying, c times the
posterior probability is the share of the later source's claims treated as
copies, once copying is more likely than not (one shared figure is no proof).

- ``false_claims``: Dong et al.'s test. Sharing a claim believed false is strong
  evidence, sharing a true one weak, and each difference counts against. It
  trusts the current probabilities, so copies that outnumber honest sources
  can make their own errors look true and escape it.
- ``rare_claims``: the chance of an agreement is read from the other sources:
  sharing a claim few others make is strong evidence. It needs no truth, but
  also takes accurate sources that repeat one authoritative origin for copies.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations
from typing import Protocol

__all__ = [
    "Disputed",
    "agreed_pairs",
    "common_items",
    "coverage",
    "false_claims",
    "identical_claims",
    "rare_claims",
]

_FLOOR = 1e-3


class Disputed(Protocol):
    """What the tests read of an item: who said what, and how probable each claim is."""

    sources: list[int]  # per observation: the source's index
    weights: list[float]
    shared: list[list[int]]  # those of the groups with two observations or more
    repeats: bool  # whether a source made several of the observations
    right: list[float]  # per observation: the probability its claim holds the truth

    @property
    def groups(self) -> list[list[int]]:
        """The observations making each distinct claim."""


def rare_claims(
    items: Sequence[Disputed],
    weights: Sequence[Sequence[float]],
    c: float,
    prior: float,
) -> dict[tuple[int, int], float]:
    """Dependence of each pair of sources from the rare claims they share.

    Dong et al.'s test, with the chance of an agreement read from the data: on
    a disputed item where other sources also report, an independent source
    repeats another's claim with probability pi, the independent weight of
    the *other* sources making that claim over theirs in all (add-one
    smoothed); a source copying a fraction c of its claims repeats it with
    probability c + (1 - c) pi, and differs (1 - c) times as often. Sharing
    a claim few others make is strong evidence, sharing the consensus almost
    none, and every difference counts against. No truth is needed, so a
    majority of copies cannot make its own errors look true. ``weights`` are
    the observations' weights with copies already found counted once.
    """
    gains: dict[tuple[int, int], float] = {}
    common: Counter[tuple[int, int]] = Counter()
    for item, weight in zip(items, weights, strict=True):
        distinct = sorted(set(item.sources))
        if len(distinct) < 3:
            continue  # nobody else to say how rare a claim is
        common.update(combinations(distinct, 2))
        total = sum(weight)
        for members in item.groups:
            if len(members) < 2:
                continue
            share = sum(weight[j] for j in members)
            for j, k, pair in _agreeing_pairs(item, members):
                pair_weight = weight[j] + weight[k]
                rare = (share - pair_weight + 1.0) / (total - pair_weight + len(item.groups))
                # Agreeing instead of differing: the log of the ratio of the odds.
                gain = math.log((c + (1.0 - c) * rare) / rare) - math.log(1.0 - c)
                gains[pair] = gains.get(pair, 0.0) + gain
    dependence = {}
    base = math.log(prior / (1.0 - prior))
    differ = math.log(1.0 - c)
    for (s, t), gain in sorted(gains.items()):
        # Every common item counted as a difference, then corrected where they agreed.
        log_odds = base + gain + common[(s, t)] * differ
        if log_odds > 0:  # copying is acted on once it is more likely than not
            dependence[(s, t)] = c / (1.0 + math.exp(-log_odds))
    return dependence


def common_items(items: Iterable[Disputed]) -> Counter[tuple[int, int]]:
    """How many of the items each pair of sources (smaller index first) both report on.

    Counted in one pass over the items, a few sources each: intersecting the two
    sources' coverage for every pair asked about costs a source's whole coverage per
    pair, and grows with the square of the data.
    """
    return Counter(pair for item in items for pair in combinations(sorted(set(item.sources)), 2))


def coverage(items: Sequence[Disputed], sources: int) -> list[set[int]]:
    """The positions in ``items`` of the items each source reports on."""
    covered: list[set[int]] = [set() for _ in range(sources)]
    for number, item in enumerate(items):
        for s in item.sources:
            covered[s].add(number)
    return covered


def identical_claims(
    items: Sequence[Disputed],
    covered: Sequence[set[int]],
    a: float,
    c: float,
    prior: float,
    common: Counter[tuple[int, int]] | None = None,
    agreed: Counter[tuple[int, int]] | None = None,
) -> dict[tuple[int, int], float]:
    """Dependence of each pair of sources that never differ, before any truth is known.

    Dong et al.'s test needs the accuracies, and accuracies learned while copies
    still back each other make the copies look right: sharing a claim believed
    true is no evidence. Only differences need no truth. So, before anything is
    learned, every source is taken at the starting accuracy ``a``: two
    independent sources then make the same claim on a disputed item with
    probability at most p = a^2 + (1 - a)^2 (one false value, the case most
    favourable to independence), a copier with c + (1 - c) p. A pair that
    agrees on all k disputed items both cover, and differs on none, is
    dependent with posterior odds prior / (1 - prior) ((c + (1 - c) p) / p)^k;
    as in the other tests, c times the posterior is the share copied, once
    copying is more likely than not. ``common`` is ``common_items(items)``, if known;
    ``agreed``, per pair, the items where they make the same claim, if known.
    """
    if agreed is None:
        agreed = agreed_pairs(items)
    common = common_items(items) if common is None else common
    return _identical_dependence(agreed, common, a, c, prior)


def agreed_pairs(items: Iterable[Disputed]) -> Counter[tuple[int, int]]:
    """Per pair of sources, the items where they make the same claim."""
    agreed: Counter[tuple[int, int]] = Counter()
    for item in items:
        sources = item.sources
        pairs = [
            (s, t) if s < t else (t, s)
            for members in item.shared
            for x, j in enumerate(members)
            for k in members[:x]
            for s, t in ((sources[j], sources[k]),)
            if s != t
        ]
        agreed.update(set(pairs) if item.repeats else pairs)  # each pair once an item
    return agreed


def _identical_dependence(
    agreed: Counter[tuple[int, int]],
    common: Counter[tuple[int, int]],
    a: float,
    c: float,
    prior: float,
) -> dict[tuple[int, int], float]:
    """``identical_claims`` from the counts of agreements and of common items."""
    p = a * a + (1.0 - a) * (1.0 - a)
    gain = math.log((c + (1.0 - c) * p) / p)
    base = -math.inf if prior <= 0 else math.inf if prior >= 1 else math.log(prior / (1 - prior))
    dependence = {}
    # Copying is acted on once it is more likely than not, and never if they differ.
    for s, t in sorted(pair for pair, k in agreed.items() if base + k * gain > 0):
        k = agreed[(s, t)]
        if common[(s, t)] == k:
            dependence[(s, t)] = c / (1.0 + math.exp(-(base + k * gain)))
    return dependence


def false_claims(
    items: Sequence[Disputed],
    covered: Sequence[set[int]],
    n: float,
    c: float,
    prior: float,
    common: Counter[tuple[int, int]] | None = None,
    counted: tuple[dict[tuple[int, int], list[float]], list[float], list[int]] | None = None,
) -> dict[tuple[int, int], float]:
    """Dependence of each pair of sources, by Dong et al.'s Bayesian test on the
    items in dispute.

    Where everyone agrees, agreeing says nothing; on a disputed item two
    sources make the same true claim, the same false claim, or different
    claims (counted softly with the current probabilities). Independent
    sources of accuracies a and b (on disputed items) share a true claim
    with probability a b and a false one with (1 - a)(1 - b) / n; a source
    copying a fraction c of its claims from one of accuracy b shares
    c b + (1 - c) a b true and c (1 - b) + (1 - c)(1 - a)(1 - b) / n false
    claims, and differs (1 - c) times as often. A shared false claim is
    strong evidence, a shared true one weak, a difference counts against.
    With a prior probability ``copy_prior`` of copying, c times the
    posterior probability is the share of the later source's claims that
    are treated as copies. ``common`` is ``common_items(items)``, if known;
    ``counted``, what ``_same_claims`` counts, if known (then ``covered`` is unread).
    """
    same, right_sum, covers = _same_claims(items, covered) if counted is None else counted
    accuracy = [
        min(1.0 - _FLOOR, max(_FLOOR, right_sum[s] / covers[s])) if covers[s] else 0.5
        for s in range(len(covers))
    ]
    common = common_items(items) if common is None else common
    dependence = {}
    log, exp = math.log, math.exp
    for pair, (k_true, k_false) in same.items():
        s, t = pair
        a, b = accuracy[s], accuracy[t]
        true_i, false_i = a * b, (1.0 - a) * (1.0 - b) / n
        agreed_i = k_true * log(true_i) + k_false * log(false_i)
        agreed_c = []
        for original in (a, b):  # either may be the copier
            true_c = c * original + (1.0 - c) * true_i
            false_c = c * (1.0 - original) + (1.0 - c) * false_i
            agreed_c.append(k_true * log(true_c) + k_false * log(false_c))
        # Each difference only lowers the odds of copying, so a pair whose agreements
        # alone give it less than half the odds of independence is passed over before
        # its common items are counted (half: a margin far above rounding).
        top = max(agreed_i, *agreed_c)
        if prior * sum(exp(x - top) for x in agreed_c) < (1.0 - prior) * exp(agreed_i - top):
            continue
        k_diff = max(0.0, common[pair] - k_true - k_false)
        diff_i = max(1e-12, 1.0 - true_i - false_i)
        independent = agreed_i + k_diff * log(diff_i)
        copied = [x + k_diff * log((1.0 - c) * diff_i) for x in agreed_c]
        top = max(independent, *copied)
        odds_copy = prior / 2 * sum(exp(x - top) for x in copied)
        odds_independent = (1.0 - prior) * exp(independent - top)
        # One shared figure is no proof: copying is acted on once it is more likely
        # than not, and then discounted by its probability.
        if odds_copy > odds_independent:
            dependence[pair] = c * odds_copy / (odds_copy + odds_independent)
    return dict(sorted(dependence.items()))


def _same_claims(
    items: Iterable[Disputed], covered: Sequence[set[int]]
) -> tuple[dict[tuple[int, int], list[float]], list[float], list[int]]:
    """Per pair of sources, the claims they share, summed as right and as wrong; per
    source, the probability its claims hold (its first on an item) and its items."""
    same: dict[tuple[int, int], list[float]] = {}  # per pair: claims shared true, false
    right_sum = [0.0] * len(covered)
    for item in items:
        if not item.repeats:
            for s, right in zip(item.sources, item.right, strict=True):
                right_sum[s] += right
        else:
            for s in dict.fromkeys(item.sources):  # by its first claim
                right_sum[s] += item.right[item.sources.index(s)]
        for members in item.shared:
            right = item.right[members[0]]  # the same claim: the same probability
            wrong = 1.0 - right
            for _, _, pair in _agreeing_pairs(item, members):
                if (counts := same.get(pair)) is None:
                    same[pair] = [right, wrong]
                else:
                    counts[0] += right
                    counts[1] += wrong
    return same, right_sum, [len(numbers) for numbers in covered]


def _agreeing_pairs(
    item: Disputed, members: Sequence[int]
) -> Iterator[tuple[int, int, tuple[int, int]]]:
    """Each pair of observations in one group of agreeing claims, from two different
    sources: (first index, second index, the sources in order)."""
    for x in range(1, len(members)):
        k = members[x]
        for j in members[:x]:
            s, t = item.sources[j], item.sources[k]
            if s != t:
                yield j, k, (s, t) if s < t else (t, s)
