"""Terminal tables: claims, disputes, estimates, reliability and grades as text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._format import render_table
from .._format.html import num
from ..assessment import RELIABILITY_HEADERS, Assessment, reliability_rows
from ..graph import ClaimGraph
from ..io import converter
from ..model import Claim

__all__ = [
    "SHOWN",
    "claims_table",
    "disputes_table",
    "estimates_table",
    "extract_table",
    "grades_table",
    "heading",
    "print_claims",
    "reliability_table",
    "seed_file",
]

SHOWN = 25  # rows of each table the terminal shows unless --all


def seed_file(name: str) -> Path:
    """A file of the bundled seed data (``claimtrack.datasets.path``)."""
    from ..datasets import path

    return path(name)


def _cut(rows: list[Any], shown: int | None) -> tuple[list[Any], str]:
    if shown is None or len(rows) <= shown:
        return rows, ""
    return rows[:shown], f"\n… {len(rows) - shown} more rows (--all shows every row)"


def claims_table(claims: Sequence[Claim]) -> str:
    """The claims as a readable terminal table."""
    rows = [
        (
            c.source.name,
            c.measure,
            _stated(c),
            c.place or "",
            str(c.period) if c.period else "",
            ", ".join(c.via),
        )
        for c in claims
    ]
    headers = ["source", "measure", "figure", "place", "period", "via"]
    return render_table(headers, rows, limit=40, max_rows=len(rows) or 1)


def print_claims(claims: Sequence[Claim], format: str) -> None:
    """What ``claimtrack extract`` prints: JSON Lines (``jsonl``), or a table."""
    if format == "jsonl":
        for claim in claims:
            print(json.dumps(converter.unstructure(claim), ensure_ascii=False))
    else:
        print(extract_table(claims))


def extract_table(claims: Sequence[Claim]) -> str:
    """Extracted claims as a terminal table, with the figure as written and its span."""
    rows = [
        (
            c.source.name + (" (denies)" if c.stance == "denies" else ""),
            c.measure,
            _stated(c),
            c.place or "",
            str(c.period) if c.period else "",
            f"{c.span[0]}-{c.span[1]}" if c.span else "",
        )
        for c in claims
    ]
    headers = ["source", "measure", "figure", "place", "period", "span"]
    return render_table(headers, rows, limit=40, max_rows=len(rows) or 1)


def _stated(c: Claim) -> str:
    """The figure as the source stated it ("1 in 3"), or its canonical text."""
    return c.figure.text or c.figure.format()


def _who(c: Claim) -> str:
    """The source, and the outlets it came through: "Kyiv (via Seed Wire)"."""
    return c.source.name + (f" (via {', '.join(c.via)})" if c.via else "")


def _said(c: Claim) -> str:
    return f"{_stated(c)} {_who(c)}"


def disputes_table(graph: ClaimGraph, shown: int | None = SHOWN) -> str:
    """Each disputed quantity with its sides ("238 Kyiv, about 240 Outlet D vs about 90
    ..."), and the parts that add up to more than it, when any dispute has them."""
    found = graph.disputes()
    rows: list[tuple[str, ...]] = [
        (
            d.quantity.label,
            " vs ".join(", ".join(_said(c) for c in side) for side in d.sides),
            ", ".join(f"{_said(c)} ({c.place or 'elsewhere'})" for c in d.parts),
        )
        for d in found
    ]
    headers = ["disputed quantity", "sides", "parts adding up to more"]
    if not any(d.parts for d in found):
        headers, rows = headers[:2], [row[:2] for row in rows]
    rows, more = _cut(rows, shown)
    return render_table(headers, rows, 90, len(rows) or 1) + more


def estimates_table(assessment: Assessment, shown: int | None = SHOWN) -> str:
    """One row per quantity: best value, range, how many claims and independent sources."""
    items = sorted(assessment.estimates.values(), key=lambda e: (not e.dissent, e.label))
    rows = [
        (
            e.label,
            num(e.best),
            f"{num(e.low)} to {num(e.high)}",
            e.unit or "",
            len(e.claims),
            len(e.sources),
            len(e.dissent),
        )
        for e in items
    ]
    rows, more = _cut(rows, shown)
    headers = ["quantity", "best", "range", "unit", "claims", "sources", "dissent"]
    return render_table(headers, rows, 90, len(rows) or 1) + more


def reliability_table(assessment: Assessment) -> str:
    rows = reliability_rows(assessment.reliability.values())
    return render_table(RELIABILITY_HEADERS, rows, limit=40, max_rows=len(rows) or 1)


def grades_table(assessment: Assessment, shown: int | None = SHOWN, worst: int = 6) -> str:
    """Every claim with its credibility grade and the first reason for it (derived claims
    and grades above ``worst`` left out)."""
    graph = assessment.graph
    graded = [(assessment.grade(c), c) for c in graph.claims() if not graph.is_derived(c)]
    graded = [(g, c) for g, c in graded if g.credibility <= worst]
    graded.sort(key=lambda gc: (gc[0].credibility, gc[1].measure, gc[1].source.name))
    rows = [
        (
            str(g),
            _who(c),
            c.measure,
            c.place or "",
            _stated(c),
            g.reasons[0] if g.reasons else "",
        )
        for g, c in graded
    ]
    rows, more = _cut(rows, shown)
    headers = ["grade", "source", "measure", "place", "figure", "why"]
    return render_table(headers, rows, 64, len(rows) or 1) + more


def heading(text: str) -> None:
    print(f"\n{text}\n{'=' * len(text)}")
