"""Tables: claims, verdicts, sources, estimates and reliabilities as flat records.

What ``claimtrack.to_pandas`` makes a DataFrame of and ``dump_table`` writes as
CSV; plain dicts, so neither pandas nor anything else is needed. The columns are
listed in the docstring of ``claimtrack.to_pandas``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO, TypeAlias

from .._files import as_path, atomic_write
from ..assessment import Assessment, Estimate, Reliability
from ..errors import ValidationError
from ..graph import ClaimGraph
from ..model import Claim, Source
from ..relations import Quantity, Relation, Verdict

__all__ = ["Tabular", "claim_row", "dump_table", "rows", "write_table"]

#: What ``rows`` (and so ``to_pandas`` and ``dump_table``) takes.
Tabular: TypeAlias = (
    ClaimGraph
    | Assessment
    | Iterable[Claim]
    | Iterable[Verdict]
    | Iterable[Source]
    | Iterable[Estimate[Quantity]]
    | Iterable[Reliability]
    | Mapping[Any, Claim | Verdict | Source | Estimate[Quantity] | Reliability]
)


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


def _claim_rows(graph: ClaimGraph, assessment: Assessment | None = None) -> list[dict[str, Any]]:
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


def _estimate_row(e: Estimate[Quantity]) -> dict[str, Any]:
    q = e.quantity
    return {
        "quantity": e.label,
        "measure": (q.label_measure or q.measure) if q else None,
        "place": (q.label_place or q.place) if q else None,
        "period": str(q.period) if q and q.period else None,
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


def _reliability_row(r: Reliability) -> dict[str, Any]:
    return {
        "source": r.source,
        "reliability": r.value,
        "prior": math.nan if r.prior is None else r.prior,
        "claims": r.claims,
        "agreed": r.agreed,
        "copies": "; ".join(name for name, _ in r.copies),
        "weak_copies": r.weak_copies,
    }


#: The row of each kind of item, by its class.
_ROWS: dict[type, Callable[[Any], dict[str, Any]]] = {
    Claim: claim_row,
    Verdict: _verdict_row,
    Source: _source_row,
    Estimate: _estimate_row,
    Reliability: _reliability_row,
}
_KINDS = "claims, verdicts, sources, estimates or reliabilities"


def rows(obj: Tabular) -> list[dict[str, Any]]:
    """The records ``to_pandas`` makes a DataFrame of (no pandas needed)."""
    if isinstance(obj, ClaimGraph):
        return _claim_rows(obj)
    if isinstance(obj, Assessment):
        return _claim_rows(obj.graph, obj)
    items: Iterable[Any] = obj.values() if isinstance(obj, Mapping) else obj
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise ValidationError(
            "to_pandas", obj, f"a ClaimGraph, an assessment, or a list of {_KINDS}"
        )
    listed = list(items)
    kinds = {type(item) for item in listed}
    if len(kinds) > 1 or not kinds <= set(_ROWS):
        raise ValidationError(
            "to_pandas items", sorted(k.__name__ for k in kinds), f"items of one kind: {_KINDS}"
        )
    return [_ROWS[type(item)](item) for item in listed]


def _csv_cell(value: Any) -> Any:
    """A CSV cell; text a spreadsheet would run as a formula (=, +, -, @) gets a quote."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def dump_table(obj: Tabular, path: str | os.PathLike[str]) -> None:
    """Write claims, verdicts, sources, estimates or reliabilities as CSV, atomically.

    ``obj`` is anything ``claimtrack.to_pandas`` takes (a graph gives one row per
    claim, an assessment one row per claim with its grade, ``assessment.estimates``
    one row per quantity); the columns are the same. pandas is not needed.
    """
    as_path(path)  # a bad path is refused before the rows are made
    records = rows(obj)
    atomic_write(path, lambda handle: _write_records(records, handle))


def write_table(obj: Tabular, handle: TextIO) -> None:
    """``dump_table`` to an open text file (standard output, say)."""
    _write_records(rows(obj), handle)


def _write_records(records: list[dict[str, Any]], handle: TextIO | io.TextIOBase) -> None:
    columns = list(records[0]) if records else []
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_csv_cell(r[c]) for c in columns] for r in records)
