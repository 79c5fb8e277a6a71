"""claimtrack: track numeric claims across sources.

A ``Claim`` is a source asserting a ``Figure`` about a measure, in a place and a
period. See the README for a tour and ``docs/`` for the guide.
"""

from ._version import __version__
from .errors import (
    CheckerError,
    ClaimtrackError,
    FileFormatError,
    ParseError,
    RegistryError,
    UnitError,
    ValidationError,
)
from .figure import Figure, HedgePolicy
from .io import LoadResult, Problem, dump, load
from .measures import MeasureLexicon
from .model import Claim, Period, Source

__all__ = [
    "CheckerError",
    "Claim",
    "ClaimtrackError",
    "Figure",
    "FileFormatError",
    "HedgePolicy",
    "LoadResult",
    "MeasureLexicon",
    "ParseError",
    "Period",
    "Problem",
    "RegistryError",
    "Source",
    "UnitError",
    "ValidationError",
    "__version__",
    "dump",
    "load",
]
