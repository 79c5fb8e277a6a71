"""Admiralty information-credibility grades (1 to 6) for single observations.

The NATO Admiralty code grades a piece of information apart from its source:

1. confirmed by other independent sources;
2. probably true: consistent with the consensus, not independently confirmed;
3. possibly true: not confirmed, but within the plausible range;
4. doubtful: outside the plausible range, and not clearly contradicted;
5. improbable: far from the consensus and contradicted by other sources;
6. cannot be judged: nothing to compare it with.

``grade`` reads an observation against its item's estimate; the thresholds
live in ``GradePolicy`` so a user can change the rule in one place.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..._format import html as _html
from ...errors import ValidationError
from ._core import Estimate, Observation

__all__ = ["CREDIBILITY", "Grade", "GradePolicy", "grade", "judge"]

#: The Admiralty information-credibility scale: what each digit means. The one table:
#: the grades, the tables and the ClaimReview export all read it.
CREDIBILITY: Mapping[int, str] = MappingProxyType(
    {
        1: "confirmed by other independent sources",
        2: "probably true",
        3: "possibly true",
        4: "doubtful",
        5: "improbable",
        6: "truth cannot be judged",
    }
)


class Grade(str):
    """An Admiralty information-credibility grade: a string such as "B2" or "3".

    ``credibility`` is the digit (1 confirmed, 2 probably true, 3 possibly true,
    4 doubtful, 5 improbable, 6 cannot be judged: ``CREDIBILITY``), ``letter``
    the source's reliability letter if it has one, ``reasons`` the reasons in
    words.
    """

    credibility: int
    letter: str | None
    reasons: tuple[str, ...]

    def __new__(
        cls, credibility: int, letter: str | None = None, reasons: Iterable[str] = ()
    ) -> Grade:
        if credibility not in CREDIBILITY:
            raise ValidationError("credibility", credibility, "a digit from 1 to 6")
        grade = super().__new__(cls, f"{letter or ''}{credibility}")
        # A grade is a value, like the string it is: claims with the same grade share one.
        setattr_ = object.__setattr__
        setattr_(grade, "credibility", credibility)
        setattr_(grade, "letter", letter)
        setattr_(grade, "reasons", tuple(reasons))
        return grade

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Grade cannot be changed (tried to set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Grade cannot be changed (tried to delete {name!r})")

    def __getnewargs__(self) -> tuple[int, str | None, tuple[str, ...]]:  # type: ignore[override]
        return self.credibility, self.letter, self.reasons

    def __getstate__(self) -> None:  # everything is in the arguments to __new__
        return None

    @property
    def label(self) -> str:
        """What the digit means ("probably true")."""
        return CREDIBILITY[self.credibility]

    def explain(self) -> str:
        return f"{self} ({self.label}): " + "; ".join(self.reasons)

    def __repr__(self) -> str:
        return f"Grade({str(self)!r}, {self.label!r})"

    def _repr_html_(self) -> str:
        reasons = "".join(f"<li>{_html.esc(r)}</li>" for r in self.reasons)
        return (
            f'{_html.STYLE}<div class="ct"><span class="g">{_html.esc(str(self))}</span> '
            f'<span class="muted">{_html.esc(self.label)}</span><ul>{reasons}</ul></div>'
        )


@attrs.frozen
class GradePolicy:
    """The thresholds of ``grade``.

    Parameters
    ----------
    confirmed
        Probability the estimate must give an observation's claim, with at least
        one other independent source agreeing, for grade 1.
    possible
        Probability above which an observation outside the estimate's range is
        still possibly true (3) rather than doubtful (4).
    far
        Relative gap between an observation and the estimate's range beyond
        which a contradicted observation is improbable (5), not doubtful (4).
    unreliable
        Learned reliability below which an uncorroborated observation that
        agrees with the estimate is only possibly true (3).
    """

    confirmed: float = 0.5
    possible: float = 0.2
    far: float = 0.5
    unreliable: float = 0.3


_DEFAULT = GradePolicy()


def _plural(count: float, word: str) -> str:
    shown = f"{count:.1f}".rstrip("0").rstrip(".")
    return f"{shown} {word}" + ("" if shown == "1" else "s")


def _gap(observation: Observation, estimate: Estimate[Hashable]) -> float:
    """Relative gap between the observation's interval and the estimate's range."""
    if observation.high < estimate.low:
        gap = estimate.low - observation.high
    elif observation.low > estimate.high:
        gap = observation.low - estimate.high
    else:
        return 0.0
    scale = max(abs(observation.value), abs(estimate.best), gap)
    return gap / scale if scale > 0 else 0.0


def grade(
    observation: Observation,
    estimate: Estimate[Hashable],
    independent_agreeing: float,
    reliability: float | None,
    policy: GradePolicy | None = None,
) -> Grade:
    """The Admiralty credibility digit (1 best, 6 unknown) of one observation, with reasons.

    Parameters
    ----------
    observation
        The observation graded.
    estimate
        The estimate of its item.
    independent_agreeing
        How many *other* independent sources agree with the observation (relays
        and copies counted for less than one).
    reliability
        The learned reliability of its source, or None when unknown.
    policy
        Thresholds; ``GradePolicy()`` by default.

    Examples
    --------
    >>> e = Estimate(best=238, low=235, high=240, support=2, confidence=0.7,
    ...              alternatives=((238, 0.7), (900, 0.1)))
    >>> grade(Observation("D", 900), e, 0, 0.2).credibility
    5
    >>> grade(Observation("A", 238), e, 1, 0.8).credibility
    1
    """
    if not (math.isfinite(independent_agreeing) and independent_agreeing >= 0):
        raise ValidationError("independent_agreeing", independent_agreeing, "a number >= 0")
    if reliability is not None and not 0 <= reliability <= 1:
        raise ValidationError("reliability", reliability, "a number in [0, 1] or None")
    digit, reasons = judge(
        observation, estimate, independent_agreeing, reliability, policy or _DEFAULT
    )
    return Grade(digit, None, reasons)


def judge(
    observation: Observation,
    estimate: Estimate[Hashable],
    independent_agreeing: float,
    reliability: float | None,
    policy: GradePolicy,
) -> tuple[int, tuple[str, ...]]:
    """``grade`` as a digit and reasons, from arguments already checked.

    ``assess`` grades every claim of a graph, with numbers it made itself: it
    calls this directly, skipping the checks and the ``Grade`` it would discard.
    """
    agrees = observation.agrees(estimate.best)
    others = estimate.support - (observation.weight if agrees else 0)
    alone = independent_agreeing <= 0 and not estimate.dissenting and others <= 1e-9
    if alone:
        return 6, ("no other source reports this quantity",)
    probability = estimate.probability(observation.low, observation.high)
    chance = f"the estimate gives it a probability of {probability:.2f}"
    if agrees:
        # A figure that agrees with the best stands with the estimate's credible range,
        # so it is as probable as that range: an exact "337" is not less confirmed
        # than the "about 300" corroborating it because its interval is narrower.
        side = probability
        if independent_agreeing >= 1 and side < policy.confirmed:  # one item's, per claim
            side = max(side, estimate.probability(estimate.low, estimate.high))
        if independent_agreeing >= 1 and side >= policy.confirmed:
            confirmed = _plural(independent_agreeing, "other independent source")
            chance = f"the estimate gives it a probability of {side:.2f}"
            return 1, (f"confirmed by {confirmed}", chance)
        if reliability is not None and reliability < policy.unreliable and independent_agreeing < 1:
            return 3, (
                "agrees with the estimate but is not confirmed independently",
                f"its source's reliability is low ({reliability:.2f})",
            )
        reason = (
            "agrees with the estimate but is not confirmed independently"
            if independent_agreeing < 1
            else "agrees with the estimate, which is disputed"
        )
        return 2, (reason, chance)
    gap = _gap(observation, estimate)
    if gap == 0.0 or probability >= policy.possible:
        why = (
            "not the best estimate but within the estimate's range"
            if gap == 0.0
            else f"{gap:.0%} outside the estimate's range, yet not unlikely"
        )
        return 3, (why, chance)
    against = f"the estimate is backed by {_plural(estimate.support, 'independent source')}"
    if gap > policy.far and estimate.support >= 1:
        return 5, (f"{gap:.0%} away from the estimate's range", against, chance)
    return 4, (f"{gap:.0%} away from the estimate's range", against, chance)
