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
    alternatives, sources, dissenting, copied)``, ``reliability[source] ->
    Reliability(source, value, prior, claims, agreed, copies, weak_copies)``, ``dependence[(a, b)]``
    (a < b) the share of copying found; ``.grade(key, observation) -> Grade``
    and ``.independent_agreeing(key, observation) -> float``.
``grade(observation, estimate, independent_agreeing, reliability, policy=None) -> Grade``
    The Admiralty credibility digit 1 to 6 with its reasons (``Grade.credibility``,
    ``.reasons``, ``.label``); thresholds in ``GradePolicy``.
``register_method(name)``, ``unregister_method(name)``, ``get_method(name)``,
``method_names()``, ``per_item(rule)``
    The registry (also fed by the ``claimtrack.methods`` entry-point group). A
    method is ``f(items, priors) -> (estimates, reliability, dependence)`` with
    ``items`` a list of ``(key, observations)``; ``per_item`` makes one from a
    rule over one item's observations. Built in: ``accucopy`` (the default, see
    ``claimtrack.assessment.truth._accucopy``; settings in ``AccuCopyPolicy``, passed with
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
>>> e.best, (e.low, e.high), d.grade("drones", Observation("D", 900)).credibility
(238, (238, 240), 5)
"""

from __future__ import annotations

from . import _accucopy, _baselines  # noqa: F401  (they register the methods)
from ._accucopy import AccuCopyPolicy, accucopy
from ._core import (
    ESTIMATE_HEADERS,
    MINIMUM_EVIDENCE,
    Estimate,
    Item,
    Method,
    Observation,
    Reliability,
    Result,
    get_method,
    independent_weight,
    method_names,
    per_item,
    register_method,
    unregister_method,
)
from ._discovery import DEFAULT_METHOD, Discovery, discover
from ._grades import CREDIBILITY, Grade, GradePolicy, grade, judge

__all__ = [
    "CREDIBILITY",
    "DEFAULT_METHOD",
    "ESTIMATE_HEADERS",
    "MINIMUM_EVIDENCE",
    "AccuCopyPolicy",
    "Discovery",
    "Estimate",
    "Grade",
    "GradePolicy",
    "Item",
    "Method",
    "Observation",
    "Reliability",
    "Result",
    "accucopy",
    "discover",
    "get_method",
    "grade",
    "independent_weight",
    "judge",
    "method_names",
    "per_item",
    "register_method",
    "unregister_method",
]
