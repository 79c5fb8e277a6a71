"""Check tests/data/real_text/corpus.jsonl and print its counts.

Run from anywhere: ``python tests/data/real_text/validate.py``. It needs only the
standard library (it does not import claimtrack), and exits non-zero on any problem.

Checks: every line parses; ids are unique and run rt0001, rt0002, ...; every record
has the documented keys; split is dev/holdout and follows the split rule (a third of
the sorted article URLs, chosen with ``random.Random(17)``); all items of one article
share url, split, published and outlet; each figure's ``text`` occurs in ``text``, in
order; each ``not_figures`` string occurs in ``text``; low <= value <= high where both
ends are given; units are keys of claimtrack/data/units.json; periods have the
documented form; kinds are count/estimate/projection.
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.jsonl"
UNITS = HERE.parents[2] / "claimtrack" / "data" / "units.json"

ITEM_KEYS = [
    "id",
    "split",
    "field",
    "url",
    "licence",
    "outlet",
    "published",
    "article",
    "text",
    "figures",
    "not_figures",
]
FIGURE_KEYS = [
    "text",
    "value",
    "low",
    "high",
    "unit",
    "source",
    "place",
    "period",
    "measure",
    "measure_words",
    "kind",
]
DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
PERIOD = re.compile(rf"^{DAY}(?:/(?:{DAY})?)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def holdout_urls(urls: set[str]) -> set[str]:
    """The split rule: shuffle the sorted article URLs with random.Random(17) and
    put the first third (rounded) in the holdout split."""
    ordered = sorted(urls)
    random.Random(17).shuffle(ordered)
    return set(ordered[: round(len(ordered) / 3)])


def main() -> int:
    errors: list[str] = []
    units = {u["key"] for u in json.loads(UNITS.read_text())["units"]} if UNITS.exists() else None
    items = []
    for n, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as err:
            errors.append(f"line {n}: not JSON ({err})")
    ids = [it.get("id") for it in items]
    if len(set(ids)) != len(ids):
        errors.append("ids are not unique")
    if ids != [f"rt{i:04d}" for i in range(1, len(ids) + 1)]:
        errors.append("ids do not run rt0001, rt0002, ...")

    by_article: dict[str, set] = collections.defaultdict(set)
    for it in items:
        rid = it.get("id")
        if list(it) != ITEM_KEYS:
            errors.append(f"{rid}: keys {list(it)}")
            continue
        if it["split"] not in ("dev", "holdout"):
            errors.append(f"{rid}: split {it['split']!r}")
        if not DATE.match(it["published"]):
            errors.append(f"{rid}: published {it['published']!r}")
        by_article[it["article"]].add(
            (it["url"], it["split"], it["published"], it["outlet"], it["licence"])
        )
        text = it["text"]
        pos = 0
        for f in it["figures"]:
            missing = [k for k in FIGURE_KEYS if k not in f]
            if missing:
                errors.append(f"{rid}: figure {f.get('text')!r} lacks {missing}")
                continue
            i = text.find(f["text"], pos)
            if i < 0:
                errors.append(f"{rid}: figure {f['text']!r} not in text (in order)")
            else:
                pos = i + len(f["text"])
            v, lo, hi = f["value"], f["low"], f["high"]
            if not isinstance(v, (int, float)):
                errors.append(f"{rid}: figure {f['text']!r} value {v!r}")
            elif (lo is not None and lo > v) or (hi is not None and hi < v):
                errors.append(f"{rid}: figure {f['text']!r} interval [{lo}, {hi}] excludes {v}")
            if units is not None and f["unit"] is not None and f["unit"] not in units:
                errors.append(f"{rid}: figure {f['text']!r} unit {f['unit']!r} not in units.json")
            if f["period"] is not None and not PERIOD.match(f["period"]):
                errors.append(f"{rid}: figure {f['text']!r} period {f['period']!r}")
            if f["kind"] not in ("count", "estimate", "projection"):
                errors.append(f"{rid}: figure {f['text']!r} kind {f['kind']!r}")
            if not f["source"] or not f["measure"]:
                errors.append(f"{rid}: figure {f['text']!r} lacks a source or measure")
            if f["measure_words"] and f["measure_words"] not in text:
                errors.append(f"{rid}: measure_words {f['measure_words']!r} not in text")
        for s in it["not_figures"]:
            if s not in text:
                errors.append(f"{rid}: not_figures {s!r} not in text")

    for art, facts in by_article.items():
        if len(facts) != 1:
            errors.append(f"article {art}: items disagree on url/split/published/outlet/licence")
    urls = {it["url"] for it in items if "url" in it}
    hold = holdout_urls(urls)
    for it in items:
        if "url" in it and (it["url"] in hold) != (it["split"] == "holdout"):
            errors.append(f"{it['id']}: split does not follow the seed-17 rule")

    # counts
    n_items = collections.Counter((it["field"], it["split"]) for it in items)
    n_figs = collections.Counter()
    for it in items:
        n_figs[(it["field"], it["split"])] += len(it["figures"])
    fields = sorted(
        {f for f, _ in n_items}, key=lambda f: -sum(n_items[(f, s)] for s in ("dev", "holdout"))
    )
    print(f"{'field':12} {'items':>6} {'dev':>5} {'hold':>5} {'figures':>8} {'dev':>5} {'hold':>5}")
    for f in fields:
        d, h = n_items[(f, "dev")], n_items[(f, "holdout")]
        fd, fh = n_figs[(f, "dev")], n_figs[(f, "holdout")]
        print(f"{f:12} {d + h:6} {d:5} {h:5} {fd + fh:8} {fd:5} {fh:5}")
    td = sum(v for (f, s), v in n_items.items() if s == "dev")
    th = sum(v for (f, s), v in n_items.items() if s == "holdout")
    fd = sum(v for (f, s), v in n_figs.items() if s == "dev")
    fh = sum(v for (f, s), v in n_figs.items() if s == "holdout")
    print(f"{'total':12} {td + th:6} {td:5} {th:5} {fd + fh:8} {fd:5} {fh:5}")
    print(
        f"articles: {len(by_article)} ({len({a for a, fs in by_article.items() if next(iter(fs))[1] == 'holdout'})} holdout)"
    )
    print("outlets:", dict(collections.Counter(it["outlet"] for it in items)))
    measures = collections.Counter(f["measure"] for it in items for f in it["figures"])
    print(f"measures ({len(measures)}):", ", ".join(f"{m} {c}" for m, c in measures.most_common()))
    print("kinds:", dict(collections.Counter(f["kind"] for it in items for f in it["figures"])))
    print(
        "figures with a hedge_note:", sum("hedge_note" in f for it in items for f in it["figures"])
    )
    print("not_figures strings:", sum(len(it["not_figures"]) for it in items))

    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print(f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
