"""How well ``claimtrack.extract`` reads news text, against the annotated corpus.

Prints precision, recall and F1 for each field (value, interval, unit, source,
place, period), the figures it wrongly took from the corpus's must-not list, and
sentences per second on one core. In the same run, quantulum3 (a general
quantity extractor) is scored on value and unit, when it is importable:

    python3 -m venv .bench-venv && .bench-venv/bin/pip install quantulum3 -e .
    .bench-venv/bin/python benchmarks/extract.py

Records marked ``"split": "holdout"`` were written after the rules and never used
to tune them; they are also scored on their own.

A gold figure and a predicted one match when they are in the same record and have
the same value, taken in text order. Source, place and period are then compared
on the matched pairs: precision over the predictions that give one, recall over
the gold figures that have one. The corpus format is in ``tests/data/README.md``.
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from claimtrack import extract
from claimtrack._format import render_table
from claimtrack.extraction.document import Document

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "extract_corpus.jsonl"
REPEATS = 5


class Prediction(NamedTuple):
    value: float
    low: float | None
    high: float | None
    unit: str | None
    source: str | None
    place: str | None
    period: str | None
    text: str


def load(path: Path = CORPUS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def ours(record: dict[str, Any]) -> list[Prediction]:
    """One prediction per figure span (a denial adds a second claim on the same span)."""
    seen: dict[tuple[int, int] | None, Prediction] = {}
    for c in extract(record["text"], record["published"], record["outlet"]):
        if c.span in seen and c.stance == "denies":
            continue
        f = c.figure
        period = str(c.period) if c.period else None
        seen.setdefault(
            c.span,
            Prediction(f.value, f.low, f.high, f.unit, c.source.name, c.place, period, f.text),
        )
    return list(seen.values())


# quantulum3 names units in words; these are the ones the corpus uses, as our keys.
QUANTULUM_UNITS = {
    "dimensionless": None,
    "percentage": "%",
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "kilometre": "km",
    "metre": "m",
    "millimetre": "mm",
    "mile": "mi",
    "square kilometre": "km²",
    "hectare": "ha",
    "tonne": "t",
    "barrel": "bbl",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}


def quantulum(
    parse: Callable[[str], Iterable[Any]],
) -> Callable[[dict[str, Any]], list[Prediction]]:
    def predict(record: dict[str, Any]) -> list[Prediction]:
        out = []
        for q in parse(record["text"]):
            unit = QUANTULUM_UNITS.get(q.unit.name, q.unit.name)
            text = record["text"][q.span[0] : q.span[1]]
            out.append(Prediction(q.value, None, None, unit, None, None, None, text))
        return out

    return predict


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _name(text: str | None) -> str:
    words = re.sub(r"['’]s\b|[^\w\s]", " ", (text or "").lower()).split()
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words)


class Tally:
    """True positives, predictions and gold counts for one field."""

    def __init__(self) -> None:
        self.hit = self.predicted = self.gold = 0

    def row(self, name: str) -> list[str]:
        p = self.hit / self.predicted if self.predicted else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return [name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", str(self.hit), str(self.predicted)]


def score(
    records: list[dict[str, Any]], predict: Callable[[dict[str, Any]], list[Prediction]]
) -> dict[str, Any]:
    fields = ("value", "interval", "unit", "source", "place", "period")
    tallies = {f: Tally() for f in fields}
    matched = forbidden = 0
    source_right = 0
    for record in records:
        predicted = predict(record)
        gold = record["figures"]
        for field in ("value", "interval", "unit"):
            tallies[field].predicted += len(predicted)
            tallies[field].gold += len(gold)
        tallies["source"].predicted += sum(1 for p in predicted if p.source)
        tallies["place"].predicted += sum(1 for p in predicted if p.place)
        tallies["period"].predicted += sum(1 for p in predicted if p.period)
        for g in gold:
            tallies["source"].gold += 1
            tallies["place"].gold += bool(g["place"])
            tallies["period"].gold += bool(g["period"])
        free = list(predicted)
        for g in gold:
            pair = next((p for p in free if _same(p.value, g["value"])), None)
            if pair is None:
                continue
            free.remove(pair)
            matched += 1
            tallies["value"].hit += 1
            tallies["interval"].hit += _same(pair.low, g["low"]) and _same(pair.high, g["high"])
            tallies["unit"].hit += pair.unit == g["unit"]
            if pair.source is not None and _name(pair.source) == _name(g["source"]):
                tallies["source"].hit += 1
                source_right += 1
            tallies["place"].hit += bool(g["place"]) and _name(pair.place) == _name(g["place"])
            tallies["period"].hit += bool(g["period"]) and pair.period == g["period"]
        for p in predicted:
            forbidden += any(n == p.text or n in p.text.split() for n in record["not_figures"])
    return {"tallies": tallies, "matched": matched, "forbidden": forbidden, "source": source_right}


def speed(records: list[dict[str, Any]], predict: Callable[[dict[str, Any]], Any]) -> float:
    """Sentences per second: the best of a few passes over the corpus."""
    sentences = sum(len(Document(r["text"]).sentence_starts) for r in records)
    best = math.inf
    for _ in range(REPEATS):
        start = time.perf_counter()
        for record in records:
            predict(record)
        best = min(best, time.perf_counter() - start)
    return sentences / best


def report(name: str, result: dict[str, Any], fields: tuple[str, ...], rate: float | None) -> None:
    tallies = result["tallies"]
    rows = [tallies[f].row(f) for f in fields]
    print(f"\n{name}")
    print(render_table(["field", "precision", "recall", "F1", "right", "predicted"], rows))
    if "source" in fields:
        accuracy = result["source"] / result["matched"] if result["matched"] else 0.0
        right, matched = result["source"], result["matched"]
        print(f"source accuracy on matched figures: {accuracy:.3f} ({right} of {matched})")
    print(f"numbers taken from the must-not list: {result['forbidden']}")
    if rate is not None:
        print(f"speed: {rate:,.0f} sentences per second (one core, best of {REPEATS})")


def main() -> int:
    records = load()
    gold = sum(len(r["figures"]) for r in records)
    sentences = sum(len(Document(r["text"]).sentence_starts) for r in records)
    print(f"corpus: {len(records)} records, {sentences} sentences, {gold} figures ({CORPUS.name})")
    fields = ("value", "interval", "unit", "source", "place", "period")
    report("claimtrack.extract", score(records, ours), fields, speed(records, ours))
    holdout = [r for r in records if r.get("split") == "holdout"]
    if holdout:
        figures = sum(len(r["figures"]) for r in holdout)
        report(
            f"claimtrack.extract, held-out records only ({len(holdout)} records, {figures} figures,"
            " written after the rules and not used to tune them)",
            score(holdout, ours),
            fields,
            None,
        )
    warnings.filterwarnings("ignore", module="quantulum3")  # it nags about an optional extra
    try:
        from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        print("\nquantulum3: skipped, not importable here (see the docstring for .bench-venv)")
        return 0
    predict = quantulum(parser.parse)
    report(
        "quantulum3 (baseline)", score(records, predict), ("value", "unit"), speed(records, predict)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
