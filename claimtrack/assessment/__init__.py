"""Assessment: the most plausible figure per quantity, how far each source can be
trusted, and how credible each claim is.

``assess(graph)`` reads a linked graph through the questions of
``claimtrack.graph`` and hands its figures, as ``Observation`` objects, to a
truth-discovery ``Method`` (the engine in ``claimtrack.assessment.truth``, which
knows no graph). A method of one's own follows the ``Method`` protocol and is
registered with ``assessment_method``.
"""

from ._assess import assess, assessment_method, assessment_methods, running_estimate
from ._assessment import Assessment
from ._display import (
    RELIABILITY_HEADERS,
    estimates_html,
    grades_html,
    reliability_html,
    reliability_rows,
)
from .truth import (
    CREDIBILITY,
    Discovery,
    Estimate,
    Grade,
    GradePolicy,
    Item,
    Method,
    Observation,
    Reliability,
    Result,
    discover,
    per_item,
)

__all__ = [
    "CREDIBILITY",
    "RELIABILITY_HEADERS",
    "Assessment",
    "Discovery",
    "Estimate",
    "Grade",
    "GradePolicy",
    "Item",
    "Method",
    "Observation",
    "Reliability",
    "Result",
    "assess",
    "assessment_method",
    "assessment_methods",
    "discover",
    "estimates_html",
    "grades_html",
    "per_item",
    "reliability_html",
    "reliability_rows",
    "running_estimate",
]
