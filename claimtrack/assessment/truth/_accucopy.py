"""The default truth-discovery method: accuracy-weighted votes over intervals, with copying.

The method follows ACCUCOPY (Dong, Berti-Equille and Srivastava, "Integrating
conflicting data: the role of source dependence", VLDB 2009), adapted to
figures with intervals and to sparse sources:

1. **Candidates.** An item's candidate truths are the values claimed for it.
   An observation supports every candidate inside its interval, so "about 235"
   backs both 238 and 240.
2. **Votes.** A source of accuracy ``A`` casts ``ln(n A / (1 - A))`` for each
   candidate it supports: the log-likelihood ratio of Dong et al.'s model, in
   which a wrong source picks one of ``n`` false values. It is floored at 0, so
   a poor source adds nothing rather than voting against. A candidate's
   probability is proportional to ``exp(votes)``.
3. **Accuracy.** A source's accuracy is the probability, computed *without* its
   own votes, that the truth lies within its claim, averaged over the items on
   which some other source reported, and shrunk toward a prior: the given one
   (worth ``given_strength`` items) or an empirical-Bayes default (worth
   ``default_strength`` items), the mean accuracy of the sources on the
   *disputed* items. A prior only ever decides a vote where sources disagree,
   and agreeing where everyone agrees is easy: averaged over all items, the
   default would credit a source without a record with the accuracy of the
   easy items. The votes a source casts on an item use the accuracy learned
   from its *other* items, so a one-off source cannot vouch for itself.
4. **False values.** ``n`` is not a constant: it is the inverse of how often
   two independent wrong claims on one item coincide, estimated from the data.
   Where wrong figures scatter (vandalised populations) agreement is strong
   evidence and ``n`` is large; where they cluster (flight times a minute
   apart) ``n`` is small and accuracy decides. An item has at least as many
   false values as it has candidates beyond one.
5. **Sources that never differ.** Accuracies learned while copies back each
   other make the copies look right, and then sharing their claims is no
   evidence of copying. Differences need no truth, so before anything is
   learned, two sources that make the same claim on every disputed item both
   cover get Dong et al.'s test with both at the starting accuracy and at most
   one false value (the case kindest to independence): with the defaults,
   seven such items outweigh the prior odds of 1 to 9, and the pair starts
   linked as copies (as in step 7, five identical sources then count about as
   much as 1.25). The copy test of step 7 then replaces these links.
6. **Weak company.** A source that shares a claim only with sources less
   accurate than the default of step 3 (each judged on its *other* items; one
   with none is no better than that default) may have copied it from them.
   Pairs cannot show it when those sources have a record of one item each, so
   the source's claims in such company are pooled into one Dong et al. test,
   each claim's truth read as in step 3 (the probability that it holds, without
   the source's vote): an independent source is right there as often as
   elsewhere (its accuracy ``a``, learned on its other items), a copier that
   takes a share ``c`` from companions of accuracy ``b < a`` is right
   ``c b + (1 - c) a`` of the time. Once copying is more likely than not on its *other*
   claims in such company, each such claim counts for ``1 - c P(copy)``, as a
   copy does in step 7. A wiki bot that carries an anonymous vandal's figure
   forward is caught this way; so is a source that repeats several poor
   sources, one item each, which step 7 cannot see. The test's weakness: a
   claim only weak sources can judge looks doubtful whatever its truth, so an
   accurate source that often stands with weak sources against others is taken
   for their copy there too (on ``truth.py``'s synthetic data, 18 honest
   sources beside 13 of the 40 generated copiers).
7. **Copying.** Once the accuracies settle, each pair of sources gets Dong et
   al.'s Bayesian test on the items in dispute: sharing a false claim is
   strong evidence of copying, sharing a true one weak, and every difference
   counts against. When several sources make the same claim, the one with the
   most votes counts fully and each other for ``prod(1 - c P(copy))`` over
   those counted before it. Accuracies and copying are then re-estimated
   together.

Every sum runs over items in a canonical order, so the result does not depend
on the order of items or observations.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from itertools import accumulate, chain, compress, repeat
from operator import attrgetter, itemgetter, mul, not_
from typing import TYPE_CHECKING

import attrs

from ...errors import ValidationError
from ._copying import common_items, coverage, false_claims, identical_claims, rare_claims
from ._core import (
    Estimate,
    Item,
    Reliability,
    Result,
    register_method,
)
from ._prepared import Prepared, _pieces, prepare

# A disputed item's candidates' probabilities and their order, most probable first, and
# where the arrays found them, whether each claim holds the best value and the
# observations that bound the range (``_ranked``).
Computed = tuple[list[float], list[int], list[bool] | None, tuple[int, int] | None]

if TYPE_CHECKING:
    from ._flat import Layout
    from ._rounds import ArrayRounds

__all__ = ["AccuCopyPolicy", "accucopy"]


@attrs.frozen
class AccuCopyPolicy:
    """The settings of ``accucopy``; the defaults are principled, not fitted to data.

    Parameters
    ----------
    default_strength
        How many items of evidence the data-derived default accuracy is worth.
    given_strength
        How many items of evidence a prior given by the user is worth.
    initial
        The accuracy every source starts from (Dong et al. start from 0.8).
    rounds
        At most this many rounds to learn accuracies, before copying is
        considered and again after.
    tolerance
        A phase ends when no accuracy moves by more than this in a round.
    copying
        Whether to detect and discount copying.
    copy_rate
        The share of its claims a copier takes from its original (Dong et al.: 0.8).
    copy_prior
        The prior probability that two sources are dependent.
    copy_test
        ``"false"`` (default): Dong et al.'s test, where sharing a claim believed
        false is the evidence; it trusts the accuracies learned first, so copies
        that outnumber honest sources can make their errors look true.
        ``"rare"``: sharing a claim that few *other* sources make is the
        evidence; it needs no truth, but also takes accurate sources that repeat
        an authoritative one for copies and discounts them. ``"both"``: the
        stronger of the two.
    range_ratio
        ``low`` and ``high`` span the candidates at least this many times as
        probable as the best (0.5: at least half as probable).
    company
        Whether the claims a source shares only with below-average sources are
        tested, pooled, as copies of them (step 6 of the module documentation).
    """

    default_strength: float = 2.0
    given_strength: float = 5.0
    initial: float = 0.8
    rounds: int = 20
    tolerance: float = 1e-3
    copying: bool = True
    copy_rate: float = 0.8
    copy_prior: float = 0.1
    copy_test: str = attrs.field(default="false")
    range_ratio: float = 0.5
    company: bool = True

    @copy_test.validator
    def _check_test(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in ("false", "rare", "both"):
            raise ValidationError("copy_test", value, "'false', 'rare' or 'both'")


_SOURCE = attrgetter("source")
_FLOOR = 1e-3  # accuracies stay within [_FLOOR, 1 - _FLOOR] so votes stay finite
_COPY_DETECTIONS = 1  # copying is estimated once the accuracies settle
_ODDS_LOW = math.log(_FLOOR / (1.0 - _FLOOR))  # the log-odds of the clamped accuracies
_ODDS_HIGH = math.log((1.0 - _FLOOR) / (1.0 - (1.0 - _FLOOR)))
# From this many observations on disputed items, the rounds run on arrays where NumPy is
# installed (importing it costs more than it saves on less).
_ARRAY_MINIMUM = 10_000


def _prepare(
    items: Sequence[Item], index: Mapping[str, int]
) -> tuple[list[Prepared], Layout | None]:
    """``prepare``'s items, prepared on arrays (``_flat``) where NumPy is importable and
    the data are large enough, with their layout for the rounds; else in Python."""
    if sum(map(len, map(itemgetter(1), items))) >= _ARRAY_MINIMUM:
        try:
            from ._flat import prepare_flat
        except ImportError:  # NumPy is optional (the notebook and dask extras bring it)
            pass
        else:
            found = prepare_flat(items, index)
            if found is not None:
                return found
    return prepare(items, index), None


def _array_rounds(
    items: list[Prepared],
    sources: int,
    policy: AccuCopyPolicy,
    layout: Layout | None = None,
    every: list[Prepared] | None = None,
) -> ArrayRounds | None:
    """The rounds on arrays (``_rounds``), which give the same results faster, where
    NumPy is importable and the data are large enough; else None, and they run in Python.

    Without a default strength a source of one item has no accuracy without it, which
    the Python rounds raise on: they keep that case.
    """
    if (
        not items
        or policy.default_strength <= 0
        or sum(map(len, map(attrgetter("weights"), items))) < _ARRAY_MINIMUM
    ):
        return None
    try:
        from ._rounds import ArrayRounds
    except ImportError:  # NumPy is optional (the notebook and dask extras bring it)
        return None
    if layout is not None and every is not None:  # the disputed items' part of it
        layout = layout.subset([item.disputed for item in every])
    return ArrayRounds(items, sources, layout)


def _per_source(items: list[Prepared], sources: int) -> list[float]:
    """Per source, the weight that counts of its observations on these items."""
    total = [0.0] * sources
    for item in items:
        for s, w in zip(item.sources, item.informative, strict=True):
            total[s] += w
    return total


class _State:
    """Accuracies, the number of false values and dependence, updated round by round."""

    def __init__(
        self,
        items: list[Prepared],
        names: list[str],
        priors: Mapping[str, float],
        policy: AccuCopyPolicy,
        layout: Layout | None = None,
    ) -> None:
        self.items = items
        # Undisputed items (one candidate) give every source full marks whatever the
        # accuracies: their share of the evidence is counted once, here.
        self.contested = [item for item in items if item.disputed]
        settled = [item.contested and not item.disputed for item in items]
        for item, done in zip(items, settled, strict=True):
            if done:
                item.right = [1.0] * len(item.weights)
                item.evidence = [1.0] * len(item.weights)
        self.names = names
        self.policy = policy
        self.given: list[float | None] = []
        self.strength: list[float] = []
        self.use_priors(priors)
        self.default = policy.initial
        self.n = 1.0
        # How much evidence each source has on undisputed items, on disputed items, and in
        # all, which no round changes.
        if layout is not None:
            self.settled_num = layout.per_source(settled, len(names))
            self.disputed_den = layout.per_source([item.disputed for item in items], len(names))
        else:
            self.settled_num = _per_source(
                [item for item, done in zip(items, settled, strict=True) if done], len(names)
            )
            self.disputed_den = _per_source(self.contested, len(names))
        self.num = list(self.settled_num)
        self.den = list(self.settled_num)
        self.round_den = [x + y for x, y in zip(self.settled_num, self.disputed_den, strict=True)]
        self.dependence: dict[tuple[int, int], float] = {}
        self.rank = list(range(len(names)))  # names are sorted: the order of last resort
        self.arrays: ArrayRounds | None = None
        self.shares = self._shares()
        self.accuracy = self._accuracies()
        self.arrays = _array_rounds(self.contested, len(names), policy, layout, items)
        # For the copy tests, which count on the arrays where there are some.
        self.covered = coverage(self.contested, len(names)) if self.arrays is None else []

    @cached_property
    def common(self) -> Counter[tuple[int, int]]:
        """How many disputed items each pair of sources shares (for the copy tests)."""
        if self.arrays is not None:
            return self.arrays.common_items()
        return common_items(self.contested)

    def use_priors(self, priors: Mapping[str, float]) -> None:
        """Shrink each source's accuracy toward its given prior (others: the default)."""
        self.given = [priors.get(name) for name in self.names]
        self.strength = [
            self.policy.default_strength if p is None else self.policy.given_strength
            for p in self.given
        ]

    def _accuracies(self) -> list[float]:
        """Each source's accuracy: its evidence shrunk toward its prior (or the default).

        Also keeps the numerator and denominator, from which ``votes`` takes one
        item's evidence out again.
        """
        self.top = [
            k * (self.default if p is None else p) + x
            for k, p, x in zip(self.strength, self.given, self.num, strict=True)
        ]
        self.bottom = [k + x for k, x in zip(self.strength, self.den, strict=True)]
        return [
            min(1.0 - _FLOOR, max(_FLOOR, t / b))
            for t, b in zip(self.top, self.bottom, strict=True)
        ]

    def votes(self, item: Prepared) -> list[float]:
        """Each observation's vote, from its source's accuracy on the other items."""
        log_n = math.log(max(self.n, item.extra))
        log, low, high = math.log, _FLOOR, 1.0 - _FLOOR
        if not item.evidence:
            accuracy = self.accuracy
            return [
                v if (v := log_n + log(a / (1.0 - a))) > 0.0 else 0.0
                for s in item.sources
                for a in (accuracy[s],)
            ]
        top, bottom = self.top, self.bottom
        if item.repeats:
            # Leave out everything the item said about each source, not one claim of it.
            taken: dict[int, tuple[float, float]] = {}
            for s, e, w in zip(item.sources, item.evidence, item.informative, strict=True):
                x, y = taken.get(s, (0.0, 0.0))
                taken[s] = (x + e * w, y + w)
            kept = [(top[s] - taken[s][0]) / (bottom[s] - taken[s][1]) for s in item.sources]
        else:
            kept = self._kept(item)
        # Clamped to [low, high] as in _accuracies, written out: this runs per observation.
        return [
            v if (v := log_n + x) > 0.0 else 0.0
            for a in kept
            for x in (
                log(a / (1.0 - a)) if low <= a <= high else _ODDS_LOW if a < low else _ODDS_HIGH,
            )
        ]

    def _kept(self, item: Prepared) -> list[float]:
        """Each observation's source's accuracy without this item (one claim a source)."""
        top, bottom = self.top, self.bottom
        return [
            (top[s] - e * w) / (bottom[s] - w)
            for s, e, w in zip(item.sources, item.evidence, item.informative, strict=True)
        ]

    def independence(self, item: Prepared) -> list[float]:
        """Per observation, the share of it that is not a copy: of the below-average sources
        it keeps company with (step 6), or of one counted before it (step 7)."""
        independent = [1.0] * len(item.weights)
        for j, share in item.company:
            independent[j] = share
        if not item.links:
            return independent
        links, rank = item.links, self.rank
        for members in item.groups:
            if len(members) < 2:
                continue
            # The most accurate source at the time copying was detected counts fully;
            # a fixed order keeps the rounds from flipping who is the copy.
            order = sorted(members, key=lambda j: (rank[item.sources[j]], j))
            for x in range(1, len(order)):
                j = order[x]
                for k in order[:x]:
                    d = links.get((j, k) if j < k else (k, j), 0.0)
                    if d:
                        independent[j] *= 1.0 - d
        return independent

    def totals(
        self, item: Prepared, contribution: list[float], without: int | None = None
    ) -> list[float]:
        """The votes each candidate gets from the observations whose claims contain it
        (leaving out source ``without``)."""
        totals = [0.0] * len(item.candidates)
        if item.repeats:
            for (s, q), c in _backers(item, contribution):
                if s != without:
                    totals[q] += c
            return totals
        if item.points:
            for c, (a, _) in zip(contribution, item.spans, strict=True):
                totals[a] += c
            return totals
        for c, (a, b) in zip(contribution, item.spans, strict=True):
            for q in range(a, b):
                totals[q] += c
        return totals

    def weigh(self, item: Prepared, independent: list[float] | None) -> None:
        """This round's chance that each claim of an item is right (``item.right``) and
        each source's evidence on it (``item.evidence``), from the sources' votes
        (counted at ``independent``'s share each where some are not independent)."""
        votes = self.votes(item)
        if independent is not None:
            contribution = [
                w * v * i for w, v, i in zip(item.weights, votes, independent, strict=True)
            ]
        else:
            contribution = [w * v for w, v in zip(item.weights, votes, strict=True)]
        totals = self.totals(item, contribution)
        top = max(totals)
        exp = math.exp
        mass = [exp(t - top) for t in totals]
        z = sum(mass)
        if item.points:
            within = [mass[a] for a, _ in item.spans]
        else:
            prefix = list(accumulate(mass, initial=0.0))
            within = [prefix[b] - prefix[a] for a, b in item.spans]
        item.right = [p if (p := x / z) < 1.0 else 1.0 for x in within]
        item.evidence = self._evidence(item, contribution, totals, within, z)

    def _round_items(self) -> tuple[list[float], float, float]:
        """The round item by item: per source, its evidence on disputed items; how much
        wrong claims coincide, and the pairs of them that could."""
        disputed = [0.0] * len(self.names)  # per source: its evidence on disputed items
        same = pairs = 0.0
        for item, independent in zip(self.contested, self.shares, strict=True):
            self.weigh(item, independent)
            right, evidence = item.right, item.evidence
            for s, e, w in zip(item.sources, evidence, item.informative, strict=True):
                disputed[s] += e * w
            # Pairs of wrong claims from independent sources, and those that coincide.
            wrong = [w * (1.0 - r) for w, r in zip(item.weights, right, strict=True)]
            total = sum(wrong)
            squares = sum([x * x for x in wrong])
            pairs += (total * total - squares) / 2.0
            for members in item.shared:
                group = sum([wrong[j] for j in members])
                same += (group * group - sum([wrong[j] * wrong[j] for j in members])) / 2.0
            for (j, k), d in item.links.items():
                product = d * wrong[j] * wrong[k]  # a copy, or a repetition, is no coincidence
                same -= product
                pairs -= product
        return disputed, same, pairs

    def round(self) -> float:
        """One round over the disputed items; returns the largest change of accuracy."""
        if self.arrays is not None:
            disputed, same, pairs = self.arrays.round(self)
        else:
            disputed, same, pairs = self._round_items()
        self.num = [x + y for x, y in zip(self.settled_num, disputed, strict=True)]
        self.den = self.round_den
        # Empirical Bayes: a source without a record is as accurate as the average source
        # where sources disagree, the only place its vote decides anything.
        raw = [x / y for x, y in zip(disputed, self.disputed_den, strict=True) if y > 0]
        self.default = (sum(raw) + 1.0) / (len(raw) + 2.0)
        new = self._accuracies()
        change = max((abs(a - b) for a, b in zip(new, self.accuracy, strict=True)), default=0.0)
        self.accuracy = new
        # n: one over the rate at which two independent wrong claims on an item coincide.
        self.n = max(1.0, (max(0.0, pairs) + 2.0) / (max(0.0, same) + 1.0))
        return change

    def sync(self) -> None:
        """Bring each item's ``right`` and ``evidence`` up to the last round, where the
        rounds ran on arrays: the Python estimates read them (the copy tests and weak
        company count on the arrays there)."""
        if self.arrays is not None:
            self.arrays.sync()

    def mark_company(self) -> None:
        """Step 6, once the accuracies settle: the claims each source shares only with
        below-average sources, tested together as copies of them; fixed from then on, as
        the copy links of step 7 are, so that the rounds converge."""
        c, prior = self.policy.copy_rate, self.policy.copy_prior
        odds = [0.0] * len(self.names)  # per source: log-likelihood ratio, copy to not
        found = []
        if self.arrays is not None:  # the items without repeats on the arrays, in order
            found = self.arrays.company(self, c, odds)
        for item in self.contested if self.arrays is None else ():
            if item.shared and not item.repeats:
                terms = self._company_terms(item, c)
                if terms:
                    found.append((item, terms))
                    for j, term in terms:
                        odds[item.sources[j]] += term
        if 0 < prior < 1:
            base = math.log(prior / (1 - prior))
        else:
            base = math.inf if prior >= 1 else -math.inf
        for item, terms in found:
            company = []
            for j, term in terms:
                x = base + odds[item.sources[j]] - term  # from the source's other such claims
                if x > 0:  # copying is acted on once it is more likely than not
                    company.append((j, 1.0 - c / (1.0 + math.exp(-x))))
            item.company = company
        self.shares = self._shares()

    def _company_terms(self, item: Prepared, c: float) -> list[tuple[int, float]]:
        """Per observation whose claim only less accurate, below-average sources share,
        the log-likelihood ratio of copying them against not, from its claim's evidence."""
        bar, den, low, high = self.default, self.den, _FLOOR, 1.0 - _FLOOR
        kept = [min(high, max(low, a)) for a in self._kept(item)]
        # Each source is judged on its other items, and one without any is no company
        # above the average, whatever the item it shares says of it.
        good = [
            den[s] > w and a > bar
            for s, w, a in zip(item.sources, item.informative, kept, strict=True)
        ]
        log, terms = math.log, []
        for members in item.shared:
            count = sum([good[j] for j in members])
            for j in members:
                if count - good[j]:
                    continue  # in good company
                a, b = kept[j], max([kept[m] for m in members if m != j])
                if b < a:
                    copied = c * b + (1.0 - c) * a  # how often a copier is right here
                    e = item.evidence[j]
                    terms.append((j, e * log(copied / a) + (1 - e) * log((1 - copied) / (1 - a))))
        return sorted(terms)

    def _evidence(
        self,
        item: Prepared,
        contribution: list[float],
        totals: list[float],
        within: list[float],
        z: float,
    ) -> list[float]:
        """P(truth within each observation's claim) from the votes of the other sources."""
        if not item.repeats:
            # One observation per source: removing it lowers only its own claim's candidates,
            # whose mass x becomes k; the share is capped at 1 against rounding.
            exp = math.exp
            return [
                (p if (p := k / t) < 1.0 else 1.0) if (t := z - x + k) > 0 else 0.0
                for c, x in zip(contribution, within, strict=True)
                for k in (x * exp(-c),)
            ]
        backers = _backers(item, contribution)
        without: dict[int, tuple[list[float], float]] = {}  # per source: mass without it
        out = []
        for j, s in enumerate(item.sources):
            found = without.get(s)
            if found is None:
                others = [0.0] * len(item.candidates)
                for (t, q), c in backers:
                    if t != s:
                        others[q] += c
                top = max(others)
                mass = [math.exp(t - top) for t in others]
                found = without[s] = (mass, sum(mass))
            mass, total = found
            a, b = item.spans[j]
            out.append(min(1.0, sum(mass[a:b]) / total))
        return out

    def detect_copying(self) -> None:
        """Dependence of each pair of sources by the policy's test (or the stronger of both).

        The rare-claims test runs twice, the second time with the copies it found
        counted once, so that honest sources outnumbered by a clique are not
        taken for copies of each other.
        """
        policy, test = self.policy, self.policy.copy_test
        c, prior = policy.copy_rate, policy.copy_prior
        dependence: dict[tuple[int, int], float] = {}
        if test in ("rare", "both"):
            for _ in range(2):
                weights = [
                    item.weights
                    if share is None
                    else [w * i for w, i in zip(item.weights, share, strict=True)]
                    for item, share in zip(self.contested, self.shares, strict=True)
                ]
                dependence = rare_claims(self.contested, weights, c, prior)
                self._link(dependence)
        if test in ("false", "both"):
            counted = self.arrays.same_claims() if self.arrays is not None else None
            found = false_claims(
                self.contested, self.covered, self.n, c, prior, self.common, counted
            )
            for pair, d in found.items():
                dependence[pair] = max(d, dependence.get(pair, 0.0))
        self._link(dict(sorted(dependence.items())))

    def link_identical(self) -> None:
        """Dependence of the pairs of sources that never differ, at the starting accuracy."""
        policy = self.policy
        found = identical_claims(
            self.contested,
            self.covered,
            policy.initial,
            policy.copy_rate,
            policy.copy_prior,
            self.common,
            self.arrays.agreed() if self.arrays is not None else None,
        )
        if found:
            self._link(found)

    def _link(self, dependence: dict[tuple[int, int], float]) -> None:
        self.dependence = dependence
        ordered = sorted(range(len(self.names)), key=lambda s: (-self.accuracy[s], self.names[s]))
        self.rank = [0] * len(self.names)
        for position, s in enumerate(ordered):
            self.rank[s] = position
        if self.arrays is not None:
            self.arrays.set_links(dependence)
        else:
            for item in self.contested:
                if item.shared:  # links join observations making the same claim, or none
                    item.set_links(dependence)
        self.shares = self._shares()

    def _shares(self) -> Sequence[list[float] | None]:
        """Each disputed item's ``independence``, which changes only with the links (None
        where all of each observation counts)."""
        if self.arrays is not None:
            return self.arrays.independence(self)
        return [
            self.independence(item) if item.links or item.company else None
            for item in self.contested
        ]


def _backers(item: Prepared, contribution: list[float]) -> list[tuple[tuple[int, int], float]]:
    """Per (source, candidate), in that order, the source's strongest contribution to
    the candidate: a source backs a value once, however many of its claims hold it."""
    best: dict[tuple[int, int], float] = {}
    for c, s, (a, b) in zip(contribution, item.sources, item.spans, strict=True):
        for q in range(a, b):
            best[(s, q)] = max(c, best.get((s, q), 0.0))
    return sorted(best.items())


def _interval_of(item: Prepared, q: int) -> tuple[float, float]:
    """Intersection of the intervals of the observations that support candidate q."""
    support = [o for o, (a, b) in zip(item.observations, item.spans, strict=True) if a <= q < b]
    return max([o.low for o in support]), min([o.high for o in support])


def _backing(item: Prepared, independent: list[float] | None, agree: list[bool]) -> float:
    """Independent weight behind a value: each source once, by its strongest claim
    (``independent`` None: all of each claim counts)."""
    if independent is None:
        if not item.repeats:  # w * 1.0 is w (fsum reads an int as w * 1.0 does)
            return math.fsum(compress(item.weights, agree))
        independent = [1.0] * len(item.weights)
    if not item.repeats:  # fsum is exact, whatever the order
        return math.fsum(compress(map(mul, item.weights, independent), agree))
    strongest: dict[int, float] = {}
    for s, w, i, a in zip(item.sources, item.weights, independent, agree, strict=True):
        if a:
            strongest[s] = max(w * i, strongest.get(s, 0.0))
    return math.fsum(strongest[s] for s in sorted(strongest))


def _estimate(
    state: _State,
    item: Prepared,
    independent: list[float] | None,
    computed: Computed | None = None,
) -> Estimate[Hashable]:
    """The item's estimate; ``computed``, where the arrays found them (a disputed item's),
    its candidates' probabilities and their order, most probable first."""
    if computed is not None:
        return _ranked(state, item, independent, *computed)
    if independent is None:
        independent = [1.0] * len(item.weights)
    n = max(state.n, item.extra)
    votes = state.votes(item)
    if len(item.observations) == 1:
        # A lone figure: its own value and interval, as probable as its source is accurate.
        o = item.observations[0]
        odds = math.exp(votes[0])
        return Estimate(
            best=o.value,
            low=o.low,
            high=o.high,
            support=o.weight,
            confidence=odds / (odds + n),
            alternatives=((o.value, odds / (odds + n)),),
            sources=(o.source,),
        )
    contribution = [w * v * i for w, v, i in zip(item.weights, votes, independent, strict=True)]
    if len(item.candidates) == 1:
        # Everyone agrees: the value, where all the claimed intervals meet.
        odds = math.exp(sum(contribution))
        confidence = odds / (odds + n)
        value = item.candidates[0]
        return Estimate(
            best=value,
            low=max(o.low for o in item.observations),
            high=min(o.high for o in item.observations),
            support=_backing(item, independent, [True] * len(independent)),
            confidence=confidence,
            alternatives=((value, confidence),),
            sources=tuple(sorted(set(item.names))) if item.repeats else tuple(item.names),
        )
    totals = state.totals(item, contribution)
    top = max(totals)
    mass = [math.exp(t - top) for t in totals]
    # Reported probabilities keep the n + 1 - k values nobody claimed, each of weight
    # exp(-top), so that a figure few sources gave is not certain (``ArrayRounds``
    # computes the same on arrays).
    z = sum(mass) + (n + 1.0 - len(totals)) * math.exp(-top)
    probability = [m / z for m in mass]
    # Among equally probable values (a group of figures that all agree within the
    # tolerance), the value most of the weight states outright: 605, 605 and 601 agree,
    # and the best is 605, not the smallest.
    stated = [0.0] * len(totals)
    for c, o in zip(contribution, item.observations, strict=True):
        stated[bisect.bisect_left(item.candidates, o.value)] += c
    ranked = sorted(
        range(len(totals)), key=lambda q: (-probability[q], -stated[q], item.candidates[q])
    )
    return _ranked(state, item, independent, probability, ranked)


def _ranked(
    state: _State,
    item: Prepared,
    independent: list[float] | None,
    probability: list[float],
    ranked: list[int],
    agree: list[bool] | None = None,
    bounds: tuple[int, int] | None = None,
) -> Estimate[Hashable]:
    """A disputed item's estimate from its candidates' probabilities, ``ranked`` their
    positions from the most probable; ``agree`` whether each claim holds the best value
    and ``bounds`` the observations whose low and high bound the range, where the arrays
    found them."""
    best_q = ranked[0]
    candidates = item.candidates
    if bounds is not None:
        low, high = item.observations[bounds[0]].low, item.observations[bounds[1]].high
    else:
        low, high = _interval_of(item, best_q)
        floor = state.policy.range_ratio * probability[best_q]
        for q in ranked[1:]:
            if probability[q] < floor:
                break
            q_low, q_high = _interval_of(item, q)
            low, high = min(low, q_low), max(high, q_high)
    if agree is None:
        agree = [a <= best_q < b for a, b in item.spans]  # the claims that contain best
    names = item.names
    if item.repeats:
        agreeing = {name for name, a in zip(names, agree, strict=True) if a}
        dissenting = {name for name, a in zip(names, agree, strict=True) if not a}
        sources, dissent = tuple(sorted(agreeing)), tuple(sorted(dissenting - agreeing))
    else:  # one observation a source, in order of name (``prepare``'s)
        sources = tuple(compress(names, agree))
        dissent = tuple(compress(names, map(not_, agree)))
    return Estimate(
        best=candidates[best_q],
        low=low,
        high=high,
        support=_backing(item, independent, agree),
        confidence=probability[best_q],
        alternatives=tuple(
            zip(
                map(candidates.__getitem__, ranked),
                map(probability.__getitem__, ranked),
                strict=True,
            )
        ),
        sources=sources,
        dissenting=dissent,
        copied=tuple(sorted((names[j], share) for j, share in item.company))
        if item.company
        else (),
    )


def accucopy(
    items: Sequence[Item], priors: Mapping[str, float], /, policy: AccuCopyPolicy | None = None
) -> Result:
    """Accuracy-weighted votes over intervals with copy detection (the default method).

    See the module documentation for the model and ``AccuCopyPolicy`` for its
    settings; pass ``policy`` through ``functools.partial`` to change them.
    """
    policy = policy or AccuCopyPolicy()
    names = sorted(set(map(_SOURCE, chain.from_iterable(said for _, said in items))))
    index = {name: i for i, name in enumerate(names)}
    prepared, layout = _prepare(items, index)
    # The accuracies and copying are learned from the data alone; the priors enter only
    # each source's own votes at the end. So trusting a source more can only pull an
    # estimate toward what that source said, never push it away through the sources
    # that happen to agree with it elsewhere.
    state = _State(prepared, names, {}, policy, layout)
    if policy.copying and state.contested:
        # Sources that never differ start linked as copies until copying is tested.
        state.link_identical()
    for _ in range(policy.rounds):
        if state.round() < policy.tolerance:
            break
    if (policy.copying or policy.company) and state.contested:
        for _ in range(_COPY_DETECTIONS):
            if policy.company:
                state.mark_company()
            if policy.copying:
                state.detect_copying()
            for _ in range(policy.rounds):
                if state.round() < policy.tolerance:
                    break
    state.use_priors(priors)
    state.accuracy = state._accuracies()
    estimates: dict[Hashable, Estimate[Hashable]] = {}
    weak = [0] * len(names)  # per source: the items where step 6 took it for a copy
    shares = iter(state.shares)  # the disputed items' independence, as the rounds had it
    found = state.arrays.estimates(state) if state.arrays is not None else None
    if found is None:
        state.sync()  # the estimates read each item's last round where the arrays do not
    # Per source, the items it reported on where others did too, and those where its claim
    # holds the best value: the disputed items without repeats counted on the arrays, the
    # undisputed ones on the layout (everyone agrees there), where there are some.
    seen, agreed = [0] * len(names), [0] * len(names)
    if found is not None:
        seen, agreed = list(found.seen), list(found.agreed)
    # The undisputed items that others reported on too, where no source repeats itself:
    # counted, and estimated, on the layout where there is one.
    plain = [item.contested and not item.disputed and not item.repeats for item in prepared]
    settled = None
    if layout is not None:
        from ._rounds import settled_estimates

        everyone = layout.count_sources(plain, len(names))  # everyone agrees there
        seen = [x + y for x, y in zip(seen, everyone, strict=True)]
        agreed = [x + y for x, y in zip(agreed, everyone, strict=True)]
        settled = settled_estimates(layout, plain, state)
    # Per disputed item, in order, what the arrays found of it (all cut at once).
    pieces: Iterator[Computed] = iter(())
    if found is not None:
        bounds: Iterable[tuple[int, int] | None] = repeat(None)
        if found.low_at is not None and found.high_at is not None:
            bounds = zip(found.low_at, found.high_at, strict=True)
        pieces = zip(
            _pieces(found.probability, found.cand_start),
            _pieces(found.ranked, found.cand_start),
            _pieces(found.agree, found.start),
            bounds,
            strict=False,  # ``bounds`` may be endless
        )
    done = 0  # the settled item's position
    for item, agreed_by_all in zip(prepared, plain, strict=True):
        computed = None
        if agreed_by_all and settled is not None:
            value, confidence = item.candidates[0], settled[0][done]
            estimates[item.key] = Estimate(
                best=value,
                low=item.observations[settled[1][done]].low,
                high=item.observations[settled[2][done]].high,
                support=math.fsum(item.weights),  # w * 1.0, as fsum reads it
                confidence=confidence,
                alternatives=((value, confidence),),
                sources=tuple(item.names),
            )
            done += 1
            continue
        if item.disputed:
            share = next(shares)
            independent: list[float] | None = share  # None: all of each claim counts
            if found is not None:
                computed = next(pieces)
            if found is None or item.repeats:
                computed = None
                independent = [1.0] * len(item.weights) if share is None else share
        else:
            independent = state.independence(item)
        estimate = _estimate(state, item, independent, computed)
        estimates[item.key] = estimate
        for j, _ in item.company:
            weak[item.sources[j]] += 1
        if item.contested and (item.repeats or (found if item.disputed else layout) is None):
            backing = set(estimate.sources)
            for s in set(item.sources):
                seen[s] += 1
                agreed[s] += names[s] in backing
    linked: list[list[tuple[str, float]]] = [[] for _ in names]
    for (u, t), d in state.dependence.items():
        if d >= 0.5:
            linked[u].append((names[t], round(d, 6)))
            linked[t].append((names[u], round(d, 6)))
    reliability = {}
    for s, name in enumerate(names):
        copies = sorted(linked[s], key=lambda pair: (-pair[1], pair[0]))
        reliability[name] = Reliability(
            source=name,
            value=state.accuracy[s],
            claims=seen[s],
            agreed=agreed[s] / seen[s] if seen[s] else 0.0,
            prior=priors.get(name),
            copies=tuple(copies),
            weak_copies=weak[s],
        )
    dependence = {
        (names[s], names[t]): round(d, 6) for (s, t), d in state.dependence.items() if d >= 0.05
    }
    return estimates, reliability, dependence


register_method("accucopy")(accucopy)
