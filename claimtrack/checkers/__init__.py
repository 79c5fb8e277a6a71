"""Checkers: functions and objects that look at claims and return verdicts.

The built-ins are ``agreement``, ``part_whole``, ``derived``, ``cumulative`` and
``relays``. Register your own with ``@claimtrack.checker("name")`` or through
the ``claimtrack.checkers`` entry-point group of an installed package; turn any
of them on and off per graph with ``graph.checkers``.
"""

from ._base import (
    CheckerSet,
    Context,
    GroupChecker,
    PairChecker,
    available_checkers,
    checker,
    unregister,
)
from .agreement import Agreement, Relays, relays
from .cumulative import Cumulative, Projections
from .structure import Derived, PartWhole

__all__ = [
    "Agreement",
    "CheckerSet",
    "Context",
    "Cumulative",
    "Derived",
    "GroupChecker",
    "PairChecker",
    "PartWhole",
    "Projections",
    "Relays",
    "available_checkers",
    "checker",
    "relays",
    "unregister",
]
