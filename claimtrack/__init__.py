"""claimtrack: track numeric claims across sources.

A ``Claim`` is a source asserting a ``Figure`` about a measure, in a place and a
period. See the README for a tour and ``docs/`` for the guide. The names below
are the public API; every module not named here is private.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from ._format import options
from ._version import __version__
from .checkers import available_checkers, checker
from .errors import (
    CheckerError,
    ClaimBaseError,
    ClaimtrackError,
    FileFormatError,
    ParseError,
    RegistryError,
    SkippedPhraseWarning,
    UnitError,
    ValidationError,
)
from .figure import Figure, HedgePolicy
from .measures import MeasureLexicon
from .model import Claim, Period, Source
from .places import Gazetteer
from .relations import Quantity, Reason, Relation, Verdict

if TYPE_CHECKING:
    from . import datasets
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
    from .base import ClaimBase
    from .base import open_base as open
    from .extraction import ExtractRules, extract, extract_all
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
    from .views import (
        from_pandas,
        plot_board,
        plot_graph,
        plot_timeline,
        report_html,
        to_pandas,
    )

# The subsystems that bring heavy libraries (networkx with the graph and assessment,
# cattrs with files) or much set-up are imported when one of their names is first
# used, so that `import claimtrack` costs little more than its core of values.
_LAZY = {
    "base": ("ClaimBase", "open_base"),
    "datasets": (),
    "assessment": (
        "Assessment",
        "Estimate",
        "Grade",
        "Method",
        "Observation",
        "Reliability",
        "assess",
        "assessment_method",
        "assessment_methods",
        "running_estimate",
    ),
    "extraction": ("ExtractRules", "extract", "extract_all"),
    "graph": ("ClaimGraph", "Dispute", "LinkReport", "timeline"),
    "io": (
        "LoadResult",
        "Problem",
        "claim_reviews",
        "dump",
        "dump_claim_reviews",
        "dump_graph",
        "dump_table",
        "load",
        "load_graph",
    ),
    "views": (
        "from_pandas",
        "plot_board",
        "plot_graph",
        "plot_timeline",
        "report_html",
        "to_pandas",
    ),
}
_HOME = {name: module for module, names in _LAZY.items() for name in names}
_RENAMED = {"open": "open_base"}  # ct.open opens a claim base


def __getattr__(name: str) -> object:
    """A public name of a lazily imported subsystem, or the subsystem itself."""
    if name in _LAZY:
        return import_module(f".{name}", __name__)
    inner = _RENAMED.get(name, name)
    if inner not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_HOME[inner]}", __name__), inner)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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
    "Reason",
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
    "extract_all",
    "from_pandas",
    "load",
    "load_graph",
    "open",
    "options",
    "plot_board",
    "plot_graph",
    "plot_timeline",
    "report_html",
    "running_estimate",
    "timeline",
    "to_pandas",
]
