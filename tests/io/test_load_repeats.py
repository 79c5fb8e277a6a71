"""Files in: a source or figure met again in a file is the value built the first time,
and records that differ only in a value's type stay apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimtrack import Claim, Figure, Source, load


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def test_equal_records_of_different_types_give_their_own_values(tmp_path: Path) -> None:
    figures: list[Any] = [
        {"value": 5, "text": 1},
        {"value": 5, "text": True},
        {"value": 5, "text": 1.0},
        {"value": 5.5, "low": 0.0, "high": 6, "text": 0.0},
        {"value": 5.5, "low": -0.0, "high": 6, "text": -0.0},
    ]
    sources: list[Any] = [
        {"name": "A", "reliability": 0.0},
        {"name": "A", "reliability": -0.0},
        {"name": "A", "reliability": 1},
        {"name": "A", "reliability": 1.0},
        {"name": "A", "aliases": ["B"]},
        {"name": "A", "aliases": ["C"]},
        "A",
    ]
    records = [{"source": s, "measure": "m", "figure": f} for f in figures for s in sources] * 2
    loaded = load(_write(tmp_path / "claims.jsonl", records))
    for record, claim in zip(records, loaded, strict=True):
        source = record["source"]
        fresh = Claim(
            source=Source(**source) if isinstance(source, dict) else Source(source),
            measure="m",
            figure=Figure(**record["figure"]),
        )
        assert claim == fresh
        assert claim.figure.text == fresh.figure.text
        assert repr(claim.source.reliability) == repr(fresh.source.reliability)
        assert claim.source.aliases == fresh.source.aliases


def test_a_repeated_source_or_figure_is_built_once(tmp_path: Path) -> None:
    record = {"source": {"name": "A", "kind": "agency"}, "measure": "m", "figure": "nearly 45"}
    first, second = load(_write(tmp_path / "claims.jsonl", [record, {**record, "measure": "n"}]))
    assert first.source is second.source and first.figure is second.figure
