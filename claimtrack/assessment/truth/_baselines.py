"""Baseline truth-discovery methods: vote, median, weighted median, conservative, CRH.

Each is registered under its name and documented with the rule it follows, so
that a benchmark can compare the default method against them in one process.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Hashable, Mapping, Sequence

from ._core import (
    Estimate,
    Item,
    Observation,
    Result,
    agreement_reliability,
    per_item,
    point_estimate,
    positive,
    register_method,
)

__all__ = ["conservative", "crh", "median", "vote", "weighted_median"]


def _by_value(observations: Sequence[Observation]) -> dict[float, float]:
    scores: dict[float, float] = {}
    for o in observations:
        scores[o.value] = scores.get(o.value, 0.0) + o.weight
    return scores


@register_method("vote")
@per_item
def vote(observations: Sequence[Observation]) -> float:
    """Majority vote: the value claimed with the most weight; ties go to the smaller value.

    Each observation votes for its own value with its weight (a relay at half
    weight is half a vote). Intervals are not used.
    """
    scores = _by_value(observations)
    top = max(scores.values())
    return min(v for v, s in scores.items() if s == top)


@register_method("median")
@per_item
def median(observations: Sequence[Observation]) -> float:
    """The median of the claimed values, each observation once (mean of the middle two)."""
    values = sorted(o.value for o in observations)
    middle = len(values) // 2
    if len(values) % 2:
        return float(values[middle])
    return midpoint(values[middle - 1], values[middle])


def midpoint(a: float, b: float) -> float:
    """The mean of two numbers, even of two near the float limit (8.99e307 + 8.99e307
    overflows; halves first do not)."""
    mean = (a + b) / 2
    return float(mean) if math.isfinite(mean) else a / 2 + b / 2


def _lower_weighted_median(pairs: Sequence[tuple[float, float]]) -> float:
    """The smallest value at which the cumulative weight reaches half the total."""
    ordered = sorted(pairs)
    total = math.fsum(w for _, w in ordered)
    if total <= 0:
        return ordered[(len(ordered) - 1) // 2][0]
    running = 0.0
    for value, weight in ordered:
        running += weight
        if running >= total / 2:
            return value
    return ordered[-1][0]


def weighted_median(items: Sequence[Item], priors: Mapping[str, float], /) -> Result:
    """Weighted median: observations weighted by their weight times their source's prior.

    Sources without a prior weigh 0.5. The lower weighted median is a claimed
    value, so the answer is always a figure someone gave.
    """
    estimates: dict[Hashable, Estimate[Hashable]] = {}
    for key, observations in items:
        counted = positive(observations)
        pairs = [(o.value, o.weight * priors.get(o.source, 0.5)) for o in counted]
        best = _lower_weighted_median(pairs)
        estimates[key] = point_estimate(best, counted, _by_value(counted))
    return estimates, agreement_reliability(items, estimates, priors), {}


register_method("weighted_median")(weighted_median)


def conservative(items: Sequence[Item], priors: Mapping[str, float], /) -> Result:
    """ACLED's rule: the lowest credible figure.

    A figure is credible unless its source's prior says it is not usually
    reliable (below 0.5, Admiralty D or worse); sources without a prior are
    credible. When no figure is credible the lowest of all is taken.
    """
    estimates: dict[Hashable, Estimate[Hashable]] = {}
    for key, observations in items:
        counted = positive(observations)
        credible = [o for o in counted if priors.get(o.source, 0.5) >= 0.5] or counted
        best = min(o.value for o in credible)
        estimates[key] = point_estimate(best, counted, _by_value(counted))
    return estimates, agreement_reliability(items, estimates, priors), {}


register_method("conservative")(conservative)


def crh(items: Sequence[Item], priors: Mapping[str, float], /, iterations: int = 10) -> Result:
    """CRH for continuous data (Li et al., "Resolving conflicts in heterogeneous data by
    truth discovery and source reliability estimation", SIGMOD 2014).

    Alternates two steps: each item's truth is the weighted median of the
    claimed values (the minimiser of the weighted absolute loss); each
    source's weight is ``log(total loss / own loss)``, where a loss is the
    distance from the truth to the source's interval divided by the item's
    spread (the standard deviation of its claimed values). A prior multiplies
    the weight. The loss is smoothed by the mean loss so a source with no
    loss gets a large, finite weight.
    """
    prepared = []
    for key, observations in items:
        counted = positive(observations)
        values = [o.value for o in counted]
        spread = statistics.pstdev(values) if len(values) > 1 else 0.0
        prepared.append((key, counted, spread))
    sources = sorted({o.source for _, counted, _ in prepared for o in counted})
    weight = {s: priors.get(s, 1.0) for s in sources}
    truths: dict[Hashable, float] = {}
    for _ in range(iterations):
        truths = {
            key: _lower_weighted_median([(o.value, o.weight * weight[o.source]) for o in counted])
            for key, counted, _ in prepared
        }
        loss = dict.fromkeys(sources, 0.0)
        for key, counted, spread in prepared:
            if spread <= 0:
                continue
            truth = truths[key]
            for o in counted:
                gap = max(o.low - truth, truth - o.high, 0.0)
                loss[o.source] += o.weight * gap / spread
        total = math.fsum(loss[s] for s in sources)
        smooth = total / len(sources) if total > 0 else 1.0
        # Rounded to 12 significant digits: rescaling the figures changes the losses
        # only in their last bits, and that must not flip a tie in the median.
        new = {
            s: float(f"{priors.get(s, 1.0) * math.log((total + smooth) / (loss[s] + smooth)):.12g}")
            for s in sources
        }
        if new == weight:
            break
        weight = new
    estimates = {
        key: point_estimate(truths[key], counted, _by_value(counted))
        for key, counted, _ in prepared
    }
    return estimates, agreement_reliability(items, estimates, priors), {}


register_method("crh")(crh)
