"""claimtrack: track numeric claims across sources.

A ``Claim`` is a source asserting a ``Figure`` about a measure, in a place and a
period. See the README for a tour and ``docs/`` for the guide.
"""

from ._version import __version__
from .assess import (
    Assessment,
    Estimate,
    Grade,
    Reliability,
    assess,
    assessment_method,
    assessment_methods,
)
from .checkers import available_checkers, checker
from .errors import (
    CheckerError,
    ClaimtrackError,
    FileFormatError,
    ParseError,
    RegistryError,
    UnitError,
    ValidationError,
)
from .exports import claim_reviews, dump_claim_reviews, dump_graph, dump_table, load_graph
from .extract import extract
from .figure import Figure, HedgePolicy
from .graph import ClaimGraph, Dispute
from .io import LoadResult, Problem, dump, load
from .measures import MeasureLexicon
from .model import Claim, Period, Source
from .places import Gazetteer
from .relations import Quantity, Relation, Verdict
from .views import plot_board, plot_graph, to_pandas

__all__ = [
    "Assessment",
    "CheckerError",
    "Claim",
    "ClaimGraph",
    "ClaimtrackError",
    "Dispute",
    "Estimate",
    "Figure",
    "FileFormatError",
    "Gazetteer",
    "Grade",
    "HedgePolicy",
    "LoadResult",
    "MeasureLexicon",
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
    "plot_board",
    "plot_graph",
    "to_pandas",
]
