"""claimtrack: track numeric claims across sources.

A ``Claim`` is a source asserting a ``Figure`` about a measure, in a place and a
period. See the README for a tour and ``docs/`` for the guide. The names below
are the public API; every module not named here is private.
"""

from . import datasets
from ._format import options
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
    running_estimate,
)
from .checkers import available_checkers, checker
from .errors import (
    CheckerError,
    ClaimtrackError,
    FileFormatError,
    ParseError,
    RegistryError,
    SkippedPhraseWarning,
    UnitError,
    ValidationError,
)
from .extraction import ExtractRules, extract
from .figure import Figure, HedgePolicy
from .graph import ClaimGraph, Dispute, LinkReport, timeline
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
from .views import from_pandas, plot_board, plot_graph, plot_timeline, report_html, to_pandas

__all__ = [
    "Assessment",
    "CheckerError",
    "Claim",
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
    "SkippedPhraseWarning",
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
    "datasets",
    "dump",
    "dump_claim_reviews",
    "dump_graph",
    "dump_table",
    "extract",
    "from_pandas",
    "load",
    "load_graph",
    "options",
    "plot_board",
    "plot_graph",
    "plot_timeline",
    "report_html",
    "running_estimate",
    "timeline",
    "to_pandas",
]
