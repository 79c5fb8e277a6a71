"""claimtrack: track numeric claims across sources.

A ``Claim`` is a source asserting a ``Figure`` about a measure, in a place and a
period. See the README for a tour and ``docs/`` for the guide. The names below
are the public API; every module not named here is private.
"""

from ._version import __version__
from .assessment import (
    Assessment,
    Estimate,
    Grade,
    Method,
    Observation,
    Reliability,
    assess,
    assessment_method,
    assessment_methods,
)
from .base import ClaimBase
from .base import open_base as open
from .checkers import available_checkers, checker
from .errors import (
    CheckerError,
    ClaimBaseError,
    ClaimtrackError,
    FileFormatError,
    ParseError,
    RegistryError,
    UnitError,
    ValidationError,
)
from .extraction import ExtractRules, extract
from .figure import Figure, HedgePolicy
from .graph import ClaimGraph, Dispute, LinkReport
from .io import (
    LoadResult,
    Problem,
    claim_reviews,
    dump,
    dump_claim_reviews,
    dump_graph,
    dump_table,
    load,
    load_graph,
)
from .measures import MeasureLexicon
from .model import Claim, Period, Source
from .places import Gazetteer
from .relations import Quantity, Relation, Verdict
from .views import plot_board, plot_graph, report_html, to_pandas

__all__ = [
    "Assessment",
    "CheckerError",
    "Claim",
    "ClaimBase",
    "ClaimBaseError",
    "ClaimGraph",
    "ClaimtrackError",
    "Dispute",
    "Estimate",
    "ExtractRules",
    "Figure",
    "FileFormatError",
    "Gazetteer",
    "Grade",
    "HedgePolicy",
    "LinkReport",
    "LoadResult",
    "MeasureLexicon",
    "Method",
    "Observation",
    "ParseError",
    "Period",
    "Problem",
    "Quantity",
    "RegistryError",
    "Relation",
    "Reliability",
    "Source",
    "UnitError",
    "ValidationError",
    "Verdict",
    "__version__",
    "assess",
    "assessment_method",
    "assessment_methods",
    "available_checkers",
    "checker",
    "claim_reviews",
    "dump",
    "dump_claim_reviews",
    "dump_graph",
    "dump_table",
    "extract",
    "load",
    "load_graph",
    "open",
    "plot_board",
    "plot_graph",
    "report_html",
    "to_pandas",
]
