"""How well ``claimtrack.extract`` reads news text, against two annotated corpora.

    .venv/bin/python benchmarks/extract.py            # both corpora
    .venv/bin/python benchmarks/extract.py --real     # the real-text corpus only

**Real text** (``tests/data/real_text/``: passages of Wikinews and Voice of
America articles). Three splits, by article, printed apart: ``dev`` (the rules
are tuned on it); ``opened`` (the first collection's held-out third, scored only
until 2026-12-07, read and tuned on since); and ``holdout`` (``holdout2_*.jsonl``,
passages of other articles annotated blind on 2026-12-07, never read while
writing rules: scored only). For each split it prints:

- value recall and precision (a gold figure is found when a prediction in the
  same passage has the same value, paired in text order);
- on the found figures, the share *right* of each field: interval (both ends),
  source, place, period, kind (count, estimate, projection). Period is printed
  twice: equal to the annotation, and also counting as right the same running
  count written the other way (extract reads "as of Thursday" and "so far" as
  counts to date, "/2020-04-06", and a toll of a dated event as counted from that
  day, "2019-10-16/", as claimtrack's model does; the corpus writes the day alone,
  or the event's day to the day reported);
- measure agreement: of the pairs of found figures in one article, in different
  sentences, that the annotation gives the same measure, the share that
  ``extract`` gives the same measure (compared as ``MeasureLexicon.key`` does);
  and, beside it, of the pairs given different measures, the share kept apart;
- the numbers taken although the annotation lists them as not figures, and of
  what kind (a time, a date, a year, a number in a name, or other: ages, the
  pronoun "one", conversions in brackets, ...; sorted by the not-figure's own
  words, ``kind_of_number``).

Source is right when the names are equal once case, a leading article and a
possessive are dropped, or when one is a run of the other's words that ends in
the same word ("police" for "Manila police", "Graciano Mijares" for "Chief
Superintendent Graciano Mijares"); the strict share (equal names only) is
printed beside it. Place is right when both are empty, or both name the same
place (the same ``Gazetteer.default()`` key, or the same name).

**Invented text** (``tests/data/extract_corpus.jsonl``): precision, recall and
F1 per field, as before, with its own held-out records scored apart.

Speed is sentences per second on one core over each corpus, best of a few
passes. In the same run quantulum3 (a general quantity extractor) is scored on
value, unit and numbers it should not take, on the same splits, when it is
importable (install it in the venv: ``.venv/bin/pip install quantulum3``; it is
never a dependency of claimtrack).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from claimtrack import Gazetteer, MeasureLexicon, extract
from claimtrack._format import render_table
from claimtrack.extraction.document import Document

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CORPUS = DATA / "extract_corpus.jsonl"
REAL = DATA / "real_text" / "corpus.jsonl"
HELD_OUT = sorted(REAL.parent.glob("holdout2_*.jsonl"))
NOTES = {
    "dev": "tuned on",
    "opened": "held out until 2026-12-07, read and tuned on since",
    "holdout": "held out: annotated blind, never read while writing rules, scored only",
}
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
    span: tuple[int, int] | None = None
    measure: str | None = None
    kind: str | None = None


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
            Prediction(
                f.value, f.low, f.high, f.unit, c.source.name, c.place, period, f.text,
                c.span, c.measure, c.kind,
            ),
        )  # fmt: skip
    return list(seen.values())


# quantulum3 names units in words; these are the ones the corpora use, as our keys.
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
            out.append(Prediction(q.value, None, None, unit, None, None, None, text, q.span))
        return out

    return predict


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _as_of(predicted: str | None, gold: str | None) -> bool:
    """The same running count in the two conventions: a to-date period ("/2020-04-06")
    for a figure annotated as of its day ("2020-04-06", or "2020-04-01/2020-04-06"), or
    a toll counted from its event's day ("2019-10-16/") for one annotated with the day
    of the event ("2019-10-16", or "2019-10-16/2019-10-19")."""
    if predicted is None or gold is None:
        return False
    if predicted.startswith("/"):
        return predicted[1:] == gold.split("/")[-1]
    if predicted.endswith("/") and len(predicted) == 11:
        return predicted[:-1] == gold.split("/")[0]
    return False


def _name(text: str | None) -> str:
    words = re.sub(r"['’]s\b|[^\w\s]", " ", (text or "").lower()).split()
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words)


def same_source(predicted: str | None, gold: str) -> bool:
    """Equal names, or one a run of the other's words ending in the same word."""
    a, b = _name(predicted).split(), _name(gold).split()
    if not a or not b:
        return a == b
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if short[-1] != long[-1]:
        return False
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


_GAZETTEER = Gazetteer.default()


def same_place(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    if _name(predicted) == _name(gold):
        return True
    a, b = _GAZETTEER.resolve(predicted), _GAZETTEER.resolve(gold)
    return a is not None and a == b


class Tally:
    """True positives, predictions and gold counts for one field."""

    def __init__(self) -> None:
        self.hit = self.predicted = self.gold = 0

    def row(self, name: str) -> list[str]:
        p = self.hit / self.predicted if self.predicted else 0.0
        r = self.hit / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return [name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", str(self.hit), str(self.predicted)]


def _spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Where each phrase occurs, searched in order (as the annotations list them)."""
    found, at = [], 0
    for phrase in phrases:
        i = text.find(phrase, at)
        if i < 0:
            i = text.find(phrase)
        if i >= 0:
            found.append((i, i + len(phrase)))
            at = i + 1
    return found


def _overlaps(span: tuple[int, int] | None, spans: Iterable[tuple[int, int]]) -> bool:
    return span is not None and any(span[0] < e and s < span[1] for s, e in spans)


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?"
)
KINDS_OF_NUMBER = (
    (
        "time",
        re.compile(
            r"\d:\d\d|\d\s*[ap]\.?m\b|\butc\b|\bgmt\b|o'clock|\b(?:seconds?|"
            r"minutes?|hours?|days?|weeks?|months?|years?)\s+(?:ago|later|earlier)\b|"
            r"\b(?:in|within|last|past|next)\s+\S+\s+(?:hours?|days?|weeks?|months?|"
            r"years?)\b",
            re.I,
        ),
    ),
    ("date", re.compile(rf"\b(?:{_MONTHS})\s+\d|\d\s+(?:{_MONTHS})\b|\d+/\d+|\d{{4}}-\d\d", re.I)),
    ("year", re.compile(r"^(?:in\s+|since\s+|the\s+)?(?:1[89]|20)\d\d(?:s|/\d+)?$|\bb\.?c", re.I)),
    (
        "name",
        re.compile(
            r"[A-Za-z][-‑]?\d|\d[A-Za-z]{1,2}\b(?!\s)|^[A-Z][\w.]*\s+\d|"
            r"\b(?:number|round|flight|route|category)\s+\d",
            re.I,
        ),
    ),
)


def kind_of_number(not_figure: str) -> str:
    """What a not-figure is: a time, a date, a year, a number in a name, or other (an age,
    a pronoun "one", a conversion in brackets, ...)."""
    for kind, pattern in KINDS_OF_NUMBER:
        if pattern.search(not_figure):
            return kind
    return "other"


def _taken_wrongly(record: dict[str, Any], predicted: list[Prediction]) -> list[Prediction]:
    """Predictions on a number the annotation lists as no figure (and no figure's)."""
    text = record["text"]
    forbidden = [
        (m.start(), m.end()) for n in record["not_figures"] for m in re.finditer(re.escape(n), text)
    ]
    gold = _spans(text, (g["text"] for g in record["figures"]))
    out = []
    for p in predicted:
        if p.span is None:
            hit = any(n == p.text or n in p.text.split() for n in record["not_figures"])
        else:
            hit = _overlaps(p.span, forbidden) and not _overlaps(p.span, gold)
        if hit:
            out.append(p)
    return out


def pair(
    record: dict[str, Any], predicted: list[Prediction]
) -> list[tuple[dict[str, Any], Prediction]]:
    """Gold figures and the predictions found for them: same value, in text order."""
    free = list(predicted)
    pairs = []
    for g in record["figures"]:
        p = next((p for p in free if _same(p.value, g["value"])), None)
        if p is not None:
            free.remove(p)
            pairs.append((g, p))
    return pairs


def score(
    records: list[dict[str, Any]], predict: Callable[[dict[str, Any]], list[Prediction]]
) -> dict[str, Any]:
    """Precision, recall and F1 per field, as the invented corpus has always been scored."""
    fields = ("value", "interval", "unit", "source", "place", "period", "period_as_of")
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
        tallies["period_as_of"].predicted += sum(1 for p in predicted if p.period)
        for g in gold:
            tallies["source"].gold += 1
            tallies["place"].gold += bool(g["place"])
            tallies["period"].gold += bool(g["period"])
            tallies["period_as_of"].gold += bool(g["period"])
        for g, p in pair(record, predicted):
            matched += 1
            tallies["value"].hit += 1
            tallies["interval"].hit += _same(p.low, g["low"]) and _same(p.high, g["high"])
            tallies["unit"].hit += p.unit == g["unit"]
            if p.source is not None and _name(p.source) == _name(g["source"]):
                tallies["source"].hit += 1
                source_right += 1
            tallies["place"].hit += bool(g["place"]) and _name(p.place) == _name(g["place"])
            tallies["period"].hit += bool(g["period"]) and p.period == g["period"]
            tallies["period_as_of"].hit += bool(g["period"]) and (
                p.period == g["period"] or _as_of(p.period, g["period"])
            )
        forbidden += len(_taken_wrongly(record, predicted))
    return {"tallies": tallies, "matched": matched, "forbidden": forbidden, "source": source_right}


class Real(NamedTuple):
    """Scores on a split of the real-text corpus (shares of found figures are "right")."""

    gold: int
    predicted: int
    found: int
    right: dict[str, int]
    same_pairs: int
    same_kept: int
    other_pairs: int
    other_apart: int
    forbidden: int
    forbidden_kinds: dict[str, int]


_MEASURES = MeasureLexicon.default()


def _sentence(doc: Document, span: tuple[int, int] | None) -> int:
    return doc.sentence_index(span[0]) if span is not None else -1


def score_real(
    records: list[dict[str, Any]],
    predict: Callable[[dict[str, Any]], list[Prediction]],
    fields: tuple[str, ...] = ("interval", "unit", "source", "source_strict", "place", "period",
                               "period_as_of", "kind"),
) -> Real:  # fmt: skip
    right = dict.fromkeys(fields, 0)
    gold = predicted_count = found = forbidden = 0
    kinds = dict.fromkeys([k for k, _ in KINDS_OF_NUMBER] + ["other"], 0)
    by_article: dict[str, list[tuple[str, str | None, tuple[str, int]]]] = {}
    for record in records:
        predicted = predict(record)
        gold += len(record["figures"])
        predicted_count += len(predicted)
        for wrong in _taken_wrongly(record, predicted):
            forbidden += 1
            kinds[_overlapped_kind(record, wrong)] += 1
        doc = Document(record["text"])
        for g, p in pair(record, predicted):
            found += 1
            checks = {
                "interval": _same(p.low, g["low"]) and _same(p.high, g["high"]),
                "unit": p.unit == g["unit"],
                "source": same_source(p.source, g["source"]),
                "source_strict": _name(p.source) == _name(g["source"]),
                "place": same_place(p.place, g["place"]),
                "period": p.period == g["period"],
                "period_as_of": p.period == g["period"] or _as_of(p.period, g["period"]),
                "kind": p.kind == g["kind"],
            }
            for field in fields:
                right[field] += checks[field]
            where = (record["id"], _sentence(doc, p.span))
            key = _MEASURES.key(p.measure) if p.measure is not None else None
            by_article.setdefault(record["article"], []).append((g["measure"], key, where))
    same_pairs = same_kept = other_pairs = other_apart = 0
    for figures in by_article.values():
        for (gold_a, ours_a, where_a), (gold_b, ours_b, where_b) in itertools.combinations(
            figures, 2
        ):
            if where_a == where_b:
                continue  # same sentence: the measure is read from the same words
            if gold_a == gold_b:
                same_pairs += 1
                same_kept += ours_a is not None and ours_a == ours_b
            else:
                other_pairs += 1
                other_apart += ours_a != ours_b
    return Real(
        gold, predicted_count, found, right, same_pairs, same_kept, other_pairs, other_apart,
        forbidden, kinds,
    )  # fmt: skip


def _overlapped_kind(record: dict[str, Any], wrong: Prediction) -> str:
    """The kind of the not-figure a prediction was taken from."""
    for not_figure in record["not_figures"]:
        for m in re.finditer(re.escape(not_figure), record["text"]):
            if _overlaps(wrong.span, [(m.start(), m.end())]):
                return kind_of_number(not_figure)
    return "other"


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def real_rows(result: Real) -> list[tuple[str, str, str]]:
    """(measure, share, counts) rows for a split."""
    rows = [
        ("value recall", _share(result.found, result.gold), f"{result.found} of {result.gold}"),
        (
            "value precision",
            _share(result.found, result.predicted),
            f"{result.found} of {result.predicted}",
        ),
    ]
    labels = {
        "source_strict": "source (equal names only)",
        "period_as_of": "period (running count either way)",
    }
    for field, hits in result.right.items():
        label = labels.get(field, field)
        rows.append((f"{label} right", _share(hits, result.found), f"{hits} of {result.found}"))
    rows.append(
        (
            "measure: same quantity, same measure",
            _share(result.same_kept, result.same_pairs),
            f"{result.same_kept} of {result.same_pairs} pairs",
        )
    )
    rows.append(
        (
            "measure: other quantity, other measure",
            _share(result.other_apart, result.other_pairs),
            f"{result.other_apart} of {result.other_pairs} pairs",
        )
    )
    kinds = ", ".join(f"{k} {n}" for k, n in result.forbidden_kinds.items())
    rows.append(("not-figures taken", str(result.forbidden), kinds))
    return rows


def sentences(records: list[dict[str, Any]]) -> int:
    return sum(len(Document(r["text"]).sentence_starts) for r in records)


def speed(records: list[dict[str, Any]], predict: Callable[[dict[str, Any]], Any]) -> float:
    """Sentences per second: the best of a few passes over the corpus."""
    best = math.inf
    for _ in range(REPEATS):
        start = time.perf_counter()
        for record in records:
            predict(record)
        best = min(best, time.perf_counter() - start)
    return sentences(records) / best


def report(name: str, result: dict[str, Any], fields: tuple[str, ...], rate: float | None) -> None:
    tallies = result["tallies"]
    names = {"period_as_of": "period*"}
    rows = [tallies[f].row(names.get(f, f)) for f in fields]
    print(f"\n{name}")
    print(render_table(["field", "precision", "recall", "F1", "right", "predicted"], rows))
    if "source" in fields:
        accuracy = result["source"] / result["matched"] if result["matched"] else 0.0
        right, matched = result["source"], result["matched"]
        print(f"source accuracy on matched figures: {accuracy:.3f} ({right} of {matched})")
    print(f"numbers taken from the must-not list: {result['forbidden']}")
    if "period_as_of" in fields:
        print("period*: a running count written the other way counts too (see the docstring)")
    if rate is not None:
        print(f"speed: {rate:,.0f} sentences per second (one core, best of {REPEATS})")


def _quantulum() -> Callable[[dict[str, Any]], list[Prediction]] | None:
    warnings.filterwarnings("ignore", module="quantulum3")  # it nags about an optional extra
    try:
        from quantulum3 import parser  # type: ignore[import-not-found]
    except ImportError:
        return None
    return quantulum(parser.parse)


def real(baseline: Callable[[dict[str, Any]], list[Prediction]] | None) -> None:
    records = [r for path in (REAL, *HELD_OUT) for r in load(path)]
    splits = {s: [r for r in records if r["split"] == s] for s in NOTES}
    names = ", ".join(p.name for p in (REAL, *HELD_OUT))
    print(f"\nreal text: {len(records)} passages, {sentences(records)} sentences ({names})")
    for split, items in splits.items():
        figures = sum(len(r["figures"]) for r in items)
        print(f"\n{split} ({len(items)} passages, {figures} figures; {NOTES[split]})")
        rows = [list(r) for r in real_rows(score_real(items, ours))]
        if baseline is not None:
            theirs = score_real(items, baseline, ("unit",))
            given = {
                r[0]: r
                for r in real_rows(theirs)
                if r[0].startswith(("value", "unit", "not-figures"))
            }
            for row in rows:
                other = given.get(row[0])
                row.append(f"{other[1]} ({other[2]})".replace(" ()", "") if other else "")
        header = ["", "claimtrack", "counts"] + (["quantulum3"] if baseline else [])
        print(render_table(header, rows))
    rate = speed(records, ours)
    print(f"\nspeed on real text: {rate:,.0f} sentences per second (one core, best of {REPEATS})")
    if baseline is not None:
        print(f"quantulum3 on the same: {speed(records, baseline):,.0f} sentences per second")
    else:
        print("quantulum3: not importable here (.venv/bin/pip install quantulum3)")


def invented(baseline: Callable[[dict[str, Any]], list[Prediction]] | None) -> None:
    records = load()
    gold = sum(len(r["figures"]) for r in records)
    print(
        f"invented text: {len(records)} records, {sentences(records)} sentences, {gold} figures"
        f" ({CORPUS.name})"
    )
    fields = ("value", "interval", "unit", "source", "place", "period", "period_as_of")
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
    if baseline is not None:
        report(
            "quantulum3 (baseline)",
            score(records, baseline),
            ("value", "unit"),
            speed(records, baseline),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", action="store_true", help="the real-text corpus only")
    args = parser.parse_args(argv)
    baseline = _quantulum()
    if not args.real:
        invented(baseline)
    real(baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
