"""Rows: claims, verdicts, sources, estimates and reliabilities as flat records.

What ``claimtrack.to_pandas`` makes a DataFrame of and ``claimtrack.dump_table``
writes as CSV; plain dicts, so neither pandas nor anything else is needed.

The columns are listed in the docstring of ``claimtrack.to_pandas``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .errors import ValidationError
from .graph import ClaimGraph
from .model import Claim, Source
from .relations import Relation, Verdict

__all__ = ["claim_row", "rows"]


def _is_assessment(obj: Any) -> bool:
    return hasattr(obj, "estimates") and hasattr(obj, "grade") and hasattr(obj, "graph")


def _bound(x: float | None, sign: float) -> float:
    return sign * math.inf if x is None else float(x)


def claim_row(c: Claim) -> dict[str, Any]:
    """One claim as a flat record (the claims columns above)."""
    f, p = c.figure, c.period
    return {
        "id": c.id,
        "source": c.source.name,
        "side": c.source.side,
        "source_kind": c.source.kind,
        "measure": c.measure,
        "figure": f.format(),
        "value": float(f.value),
        "low": _bound(f.low, -1),
        "high": _bound(f.high, 1),
        "low_open": f.low_open,
        "high_open": f.high_open,
        "unit": f.unit,
        "hedge": f.hedge,
        "place": c.place,
        "period": str(p) if p else None,
        "period_start": p.start if p else None,
        "period_end": p.end if p else None,
        "published": c.published,
        "via": "; ".join(c.via),
        "confidence": c.confidence,
        "stance": c.stance,
        "share_of": c.share_of,
        "text": c.text,
    }


def _claim_rows(graph: ClaimGraph, assessment: Any = None) -> list[dict[str, Any]]:
    contradicted = {end.id for v in graph.verdicts(Relation.CONTRADICTS) for end in (v.a, v.b)}
    rows = []
    for c in graph.claims():
        row = claim_row(c)
        row["quantity"] = graph.quantity(c).label
        row["derived"] = graph.is_derived(c)
        row["support"] = graph.independent_support(c)
        row["contradicted"] = c.id in contradicted
        if assessment is not None:
            grade = assessment.grade(c)
            row.update(
                grade=str(grade), credibility=grade.credibility, reasons="; ".join(grade.reasons)
            )
        rows.append(row)
    return rows


def _verdict_row(v: Verdict) -> dict[str, Any]:
    return {
        "relation": v.relation.value,
        "a": v.a.id,
        "b": v.b.id,
        "a_source": v.a.source.name,
        "b_source": v.b.source.name,
        "a_figure": v.a.figure.format(),
        "b_figure": v.b.figure.format(),
        "strength": v.strength,
        "reason": v.reason,
        "checker": v.checker,
    }


def _source_row(s: Source) -> dict[str, Any]:
    return {
        "name": s.name,
        "aliases": "; ".join(s.aliases),
        "kind": s.kind,
        "side": s.side,
        "reliability": s.reliability,
        "prior": math.nan if s.prior is None else s.prior,
    }


def _estimate_row(e: Any) -> dict[str, Any]:
    q = e.quantity
    return {
        "quantity": q.label,
        "measure": q.label_measure or q.measure,
        "place": q.label_place or q.place,
        "period": str(q.period) if q.period else None,
        "best": e.best,
        "low": e.low,
        "high": e.high,
        "unit": e.unit,
        "claims": len(e.claims),
        "sources": len(e.sources),
        "source_names": "; ".join(e.sources),
        "dissent": len(e.dissent),
        "support": e.support,
        "confidence": e.confidence,
        "method": e.method,
    }


def _reliability_row(r: Any) -> dict[str, Any]:
    return {
        "source": r.source,
        "reliability": r.value,
        "prior": math.nan if r.prior is None else r.prior,
        "claims": r.claims,
        "agreed": r.agreed,
        "copies": "; ".join(name for name, _ in r.copies),
        "weak_copies": r.weak_copies,
    }


_ROWS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "Claim": claim_row,
    "Verdict": _verdict_row,
    "Source": _source_row,
    "Estimate": _estimate_row,
    "Reliability": _reliability_row,
}
_DATES = ("period_start", "period_end", "published")


def rows(obj: Any) -> list[dict[str, Any]]:
    """The records ``to_pandas`` makes a DataFrame of (no pandas needed)."""
    if isinstance(obj, ClaimGraph):
        return _claim_rows(obj)
    if _is_assessment(obj):
        return _claim_rows(obj.graph, obj)
    if isinstance(obj, Mapping):
        obj = obj.values()
    if isinstance(obj, str | bytes) or not isinstance(obj, Iterable):
        raise ValidationError(
            "to_pandas", obj, "a ClaimGraph, an assessment, or a list of claims, verdicts, "
            "sources, estimates or reliabilities",
        )  # fmt: skip
    items = list(obj)
    kinds = {type(item).__name__ for item in items}
    if len(kinds) > 1 or not kinds <= set(_ROWS):
        raise ValidationError(
            "to_pandas items", sorted(kinds), "items of one kind: " + ", ".join(_ROWS)
        )
    return [_ROWS[type(item).__name__](item) for item in items]
