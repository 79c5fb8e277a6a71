"""``claimtrack check --format json|csv``: what a check found, for programs to read.

JSON is one document: counts, the lines skipped, the disputes with their sides,
the estimates, the estimates that do not add up, and every claim with its grade.
CSV is the estimates table, one quantity a row. Both use the columns of
``claimtrack.to_pandas`` (``claimtrack.io.rows``), so the three agree.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from typing import Any, TextIO

from ..assessment import Assessment
from ..io import Problem, rows, write_table

__all__ = ["result_document", "write_result"]


def _plain(value: Any) -> Any:
    """A value JSON can carry: dates as ISO text, infinite or missing numbers as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list | frozenset | set):
        return [_plain(v) for v in value]
    return value


def _record(row: dict[str, Any]) -> dict[str, Any]:
    return {key: _plain(value) for key, value in row.items()}


def result_document(assessment: Assessment, problems: Sequence[Problem]) -> dict[str, Any]:
    """Everything a check found, as JSON-ready data."""
    graph = assessment.graph
    disputes = [
        {
            "quantity": d.quantity.label,
            "sides": [[c.id for c in side] for side in d.sides],
            "parts": [c.id for c in d.parts],
            "reasons": [v.reason for v in d.contradictions],
        }
        for d in graph.disputes()
    ]
    return {
        "claims": len(graph),
        "sources": len(graph.sources()),
        "verdicts": len(graph.verdicts()),
        "method": assessment.method,
        "skipped": [
            {"path": p.path, "line": p.line, "field": p.field, "reason": p.reason} for p in problems
        ],
        "disputes": disputes,
        "estimates": [_record(r) for r in rows(assessment.estimates)],
        "inconsistencies": [v.reason for v in assessment.inconsistencies()],
        "grades": [_record(r) for r in rows(assessment)],
    }


def write_result(
    assessment: Assessment, kind: str, problems: Sequence[Problem], out: TextIO
) -> None:
    """Write what a check found as ``kind`` ("json" or "csv") to ``out``."""
    if kind == "json":
        document = result_document(assessment, problems)
        json.dump(document, out, ensure_ascii=False, indent=1, allow_nan=False)
        out.write("\n")
        return
    write_table(assessment.estimates, out)
