"""Running a method: ``discover`` checks items and priors, runs the method, and
returns a ``Discovery`` that can also grade each observation and count who
independently agrees with it."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from itertools import chain
from typing import Any

import attrs

from ..._gc import paused_gc
from ...errors import ValidationError
from ._core import (
    Estimate,
    Item,
    Method,
    Observation,
    Reliability,
    get_method,
    independent_weight,
)
from ._grades import Grade, GradePolicy, grade

__all__ = ["DEFAULT_METHOD", "Discovery", "discover"]


@attrs.frozen
class Discovery:
    """The result of a truth-discovery method over many items.

    ``estimates`` maps each item to its ``Estimate``; ``reliability`` maps each
    source to its ``Reliability``; ``dependence`` maps a pair of source names
    (in sorted order) to the strength of the copying detected between them.
    ``observations`` keeps what each estimate was made from.
    """

    method: str
    estimates: Mapping[Hashable, Estimate[Hashable]]
    reliability: Mapping[str, Reliability]
    dependence: Mapping[tuple[str, str], float] = attrs.field(factory=dict)
    observations: Mapping[Hashable, tuple[Observation, ...]] = attrs.field(factory=dict)

    def independent_agreeing(self, item: Hashable, observation: Observation) -> float:
        """How many other independent sources' claims overlap ``observation``'s claim.

        Relays count by their weight; a source found to copy ``observation``'s
        source (or one already counted), or taken for a copy of the sources it
        agrees with on this item (``Estimate.copied``), counts only for the part
        of it that is not a copy.
        """
        others = [
            o
            for o in self.observations.get(item, ())
            if o.source != observation.source
            and o.weight > 0
            and o.low <= observation.high
            and observation.low <= o.high
        ]
        estimate = self.estimates.get(item)
        return independent_weight(
            observation.source,
            [
                (o.source, o.weight)
                for o in sorted(others, key=lambda o: (-o.weight, o.source, o.claim))
            ],
            self.dependence,
            dict(estimate.copied) if estimate is not None else {},
        )

    def grade(
        self, item: Hashable, observation: Observation, policy: GradePolicy | None = None
    ) -> Grade:
        """The Admiralty credibility grade of ``observation``, one of ``item``'s."""
        if item not in self.estimates:
            raise ValidationError("item", item, "an item of this discovery")
        reliability = self.reliability.get(observation.source)
        score = reliability.value if reliability is not None and reliability.claims else None
        return grade(
            observation,
            self.estimates[item],
            self.independent_agreeing(item, observation),
            score,
            policy,
        )


#: The method ``discover`` uses unless told otherwise.
DEFAULT_METHOD = "accucopy"


def _observation(item: Hashable, raw: Any) -> Observation:
    if isinstance(raw, Observation):
        return raw
    if isinstance(raw, tuple | list) and 2 <= len(raw) <= 5 and len(raw) != 3:
        return Observation(*raw)
    raise ValidationError(
        f"observation of item {item!r}",
        raw,
        "an Observation or a tuple (source, value[, low, high[, weight]])",
    )


_OBSERVATIONS = {Observation}
_SEQUENCES = (list, tuple)
_SEQUENCES_SET = set(_SEQUENCES)


def _items(items: Mapping[Hashable, Iterable[Any]]) -> list[Item]:
    if not isinstance(items, Mapping):
        raise ValidationError("items", items, "a mapping from item key to observations")
    # Lists of observations, the first of each counting: all checked at once.
    if set(map(type, items.values())) <= _SEQUENCES_SET:
        out: list[Item] = list(zip(items.keys(), map(tuple, items.values()), strict=True))
        every = chain.from_iterable(observations for _, observations in out)
        if set(map(type, every)) <= _OBSERVATIONS and all(
            observations and observations[0].weight > 0 for _, observations in out
        ):
            return out
    out = []
    for key, raw in items.items():
        if type(raw) not in _SEQUENCES and (
            isinstance(raw, str | bytes) or not isinstance(raw, Iterable)
        ):
            raise ValidationError(f"observations of item {key!r}", raw, "a list of observations")
        observations = tuple(raw)
        if set(map(type, observations)) != _OBSERVATIONS:  # some tuples to read
            observations = tuple(
                o if type(o) is Observation else _observation(key, o) for o in observations
            )
        if not (observations and observations[0].weight > 0) and not any(
            o.weight > 0 for o in observations
        ):
            raise ValidationError(
                f"observations of item {key!r}",
                list(observations),
                "at least one observation with a weight above 0",
            )
        out.append((key, observations))
    return out


def _priors(priors: Mapping[str, float] | None) -> dict[str, float]:
    if priors is None:
        return {}
    if not isinstance(priors, Mapping):
        raise ValidationError("priors", priors, "a mapping from source name to a number in [0, 1]")
    out = {}
    for name, value in priors.items():
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not (math.isfinite(value) and 0 <= value <= 1)
        ):
            raise ValidationError(f"prior of source {name!r}", value, "a number in [0, 1]")
        out[name] = float(value)
    return out


def discover(
    items: Mapping[Hashable, Iterable[Any]],
    method: str | Method = DEFAULT_METHOD,
    priors: Mapping[str, float] | None = None,
) -> Discovery:
    """Estimate every item's figure and every source's reliability with one method.

    Parameters
    ----------
    items
        Item key -> observations (``Observation`` or ``(source, value[, low,
        high[, weight]])``). Every item needs an observation of positive weight.
    method
        A registered name (``method_names()``) or a callable following ``Method``.
    priors
        Source name -> prior reliability in [0, 1] (Admiralty A is 0.95).

    Returns
    -------
    Discovery
        Estimates per item, reliability per source, detected copying.

    Raises
    ------
    ValidationError
        For a malformed item, observation or prior.
    RegistryError
        For a method name nobody registered.
    """
    # A hundred thousand observations make millions of objects, and no cycle: from the
    # items' checks on.
    with paused_gc():
        prepared = _items(items)
        given = _priors(priors)
        name = method if isinstance(method, str) else getattr(method, "__name__", "custom")
        function = get_method(method) if isinstance(method, str) else method
        if not callable(function):
            raise ValidationError("method", method, "a method name or a callable")
        estimates, reliability, dependence = function(prepared, given)
        return Discovery(
            method=name,
            estimates=dict(estimates),
            reliability=dict(reliability),
            dependence=dict(dependence),
            observations=dict(prepared),
        )
