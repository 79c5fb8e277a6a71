"""Truth discovery for numeric figures with intervals, independent of the claim graph.

The engine behind ``claimtrack.assess``: for items (quantities) that sources gave
figures for, it answers what the most plausible figure is, how far each source
can be trusted, which sources copy each other, and how credible each figure is.

API
---
``Observation(source, value, low=value, high=value, weight=1.0)``
    One source's figure for one item. ``low``/``high`` may be ``-inf``/``inf``
    ("over 40" is ``(40, 40, inf)``); ``weight`` below 1 for relays so that each
    independent origin counts once; 0 makes it inert.
``discover(items, method="accucopy", priors=None) -> Discovery``
    ``items``: item key (any hashable) -> observations (``Observation`` or a
    tuple ``(source, value[, low, high[, weight]])``), each item with one of
    positive weight. ``priors``: source name -> reliability in [0, 1].
``Discovery(method, estimates, reliability, dependence, observations)``
    ``estimates[key] -> Estimate(best, low, high, support, confidence,
    alternatives, agreeing, dissenting, copied)``, ``reliability[source] ->
    Reliability(score, items, agreement, prior, copies, weak_copies)``, ``dependence[(a, b)]``
    (a < b) the share of copying found; ``.grade(key, observation) -> Grade``
    and ``.independent_agreeing(key, observation) -> float``.
``grade(observation, estimate, independent_agreeing, reliability, policy=None) -> Grade``
    The Admiralty credibility digit 1 to 6 with its reasons (``Grade.digit``,
    ``.reasons``, ``.label``); thresholds in ``GradePolicy``.
``register_method(name)``, ``unregister_method(name)``, ``get_method(name)``,
``method_names()``, ``per_item(rule)``
    The registry (also fed by the ``claimtrack.methods`` entry-point group). A
    method is ``f(items, priors) -> (estimates, reliability, dependence)`` with
    ``items`` a list of ``(key, observations)``; ``per_item`` makes one from a
    rule over one item's observations. Built in: ``accucopy`` (the default, see
    ``_truth_accucopy``; settings in ``AccuCopyPolicy``, passed with
    ``functools.partial(accucopy, policy=...)``), ``crh``, ``vote``, ``median``,
    ``weighted_median``, ``conservative``. An unknown name raises
    ``RegistryError`` listing the known ones; bad input raises ``ValidationError``.

Guarantees (tested as properties): the answer does not depend on the order of
items or observations; scaling every figure by k > 0 scales it by k; ``best``
is a claimed value, within the claimed intervals; a lone observation is its own
estimate; an observation of weight 0 changes nothing; raising one source's
prior never moves an estimate away from that source's figure.

>>> d = discover({"drones": [("A", 238), ("B", 240), ("C", 235, 211.5, 258.5), ("D", 900)]})
>>> e = d.estimates["drones"]
>>> e.best, (e.low, e.high), d.grade("drones", Observation("D", 900)).digit
(238, (238, 240), 5)
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from . import _truth_accucopy, _truth_baselines  # noqa: F401  (they register the methods)
from ._gc import paused_gc
from ._truth_accucopy import AccuCopyPolicy, accucopy
from ._truth_core import (
    Discovery,
    Estimate,
    Item,
    Method,
    Observation,
    Reliability,
    get_method,
    method_names,
    per_item,
    register_method,
    unregister_method,
)
from ._truth_grades import GRADE_LABELS, Grade, GradePolicy, grade
from .errors import ValidationError

__all__ = [
    "DEFAULT_METHOD",
    "GRADE_LABELS",
    "AccuCopyPolicy",
    "Discovery",
    "Estimate",
    "Grade",
    "GradePolicy",
    "Method",
    "Observation",
    "Reliability",
    "accucopy",
    "discover",
    "get_method",
    "grade",
    "method_names",
    "per_item",
    "register_method",
    "unregister_method",
]

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


def _items(items: Mapping[Hashable, Iterable[Any]]) -> list[Item]:
    if not isinstance(items, Mapping):
        raise ValidationError("items", items, "a mapping from item key to observations")
    out: list[Item] = []
    for key, raw in items.items():
        if isinstance(raw, str | bytes) or not isinstance(raw, Iterable):
            raise ValidationError(f"observations of item {key!r}", raw, "a list of observations")
        observations = tuple(o if type(o) is Observation else _observation(key, o) for o in raw)
        if not any(o.weight > 0 for o in observations):
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
    prepared = _items(items)
    given = _priors(priors)
    name = method if isinstance(method, str) else getattr(method, "__name__", "custom")
    function = get_method(method) if isinstance(method, str) else method
    if not callable(function):
        raise ValidationError("method", method, "a method name or a callable")
    with paused_gc():  # a hundred thousand observations make millions of objects, no cycle
        estimates, reliability, dependence = function(prepared, given)
    return Discovery(
        method=name,
        estimates=dict(estimates),
        reliability=dict(reliability),
        dependence=dict(dependence),
        observations=dict(prepared),
    )
