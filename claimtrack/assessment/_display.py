"""An assessment's HTML and terminal rows: estimates, reliability, grades."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._format import html as _html
from ..model import said_html
from ..relations import Quantity
from .truth import ESTIMATE_HEADERS, Estimate, Reliability

if TYPE_CHECKING:
    from ._assessment import Assessment

__all__ = [
    "RELIABILITY_HEADERS",
    "assessment_html",
    "copying",
    "estimates_html",
    "grades_html",
    "reliability_html",
    "reliability_rows",
]


def _label(e: Estimate[Quantity]) -> str:
    return e.label


def estimates_html(a: Assessment, limit: int | None = None) -> str:
    """An assessment's estimates: one row per quantity, disputed ones first."""
    items = sorted(a.estimates.values(), key=lambda e: (not e.dissent, _label(e)))
    rows = [e.html_row() for e in items[: _html.limit_rows(limit)]]
    return _html.table(ESTIMATE_HEADERS, rows, total=len(items), max_rows=limit)


def copying(r: Reliability) -> str:
    """The copying found for a source, in words: "Outlet C (0.80)", "weak sources (12)"."""
    found = [f"{name} ({strength:.2f})" for name, strength in r.copies]
    if r.weak_copies:
        found.append(f"weak sources ({r.weak_copies})")
    return "; ".join(found)


def reliability_rows(items: Iterable[Reliability]) -> list[tuple[Any, ...]]:
    """Sources' reliability as table rows, most reliable first (HTML and terminal)."""
    return [
        (
            r.source,
            f"{r.value:.2f}" if r.enough else "not enough data",
            "" if r.prior is None else f"{r.prior:.2f}",
            r.claims,
            f"{r.agreed:.0%}",
            copying(r),
        )
        for r in sorted(items, key=lambda r: (-r.value, r.source))
    ]


#: The columns of ``reliability_rows``; the last names the sources it was found to
#: copy or be copied by, with the strength, and how often it repeated weaker sources.
RELIABILITY_HEADERS = ["source", "reliability", "prior", "quantities shared", "agreed", "copying"]


def reliability_html(items: Iterable[Reliability]) -> str:
    return _html.table(RELIABILITY_HEADERS, reliability_rows(items))


def grades_html(a: Assessment, limit: int | None = None) -> str:
    """Every claim of an assessment with its grade, most credible first."""
    graded = [(a.grade(c), c) for c in a.graph.claims()]
    graded.sort(key=lambda gc: (gc[0].credibility, gc[1].measure, gc[1].source.name))
    rows = [
        (
            _html.Markup(f'<span class="g">{_html.esc(str(g))}</span>'),
            said_html(c),
            c.measure,
            c.place or "",
            "; ".join(g.reasons),
        )
        for g, c in graded[: _html.limit_rows(limit)]
    ]
    return _html.table(
        ["grade", "claim", "measure", "place", "why"], rows, total=len(graded), max_rows=limit
    )


def assessment_html(a: Assessment) -> str:
    """An assessment: its estimates, the sources' reliability and the claims' grades."""
    head = (
        f'<p class="ct"><b>{len(a.estimates)}</b> quantities estimated from '
        f"<b>{len(a.graph)}</b> claims by <b>{len(a.reliability)}</b> sources</p>"
    )
    return (
        _html.STYLE
        + head
        + "<h4>Estimates</h4>"
        + estimates_html(a)
        + "<h4>Source reliability</h4>"
        + reliability_html(a.reliability.values())
        + "<h4>Claim grades</h4>"
        + grades_html(a)
    )
