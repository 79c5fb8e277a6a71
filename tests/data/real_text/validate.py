"""Check the real-text corpus files and print their counts.

Run from anywhere: ``python tests/data/real_text/validate.py``. It needs only the
standard library (it does not import claimtrack), and exits non-zero on any problem.

Files: ``corpus.jsonl`` (split ``dev``, and ``opened``: the held-out third of the
first collection, chosen by the split rule, held out until 2026-12-07 and read
since) and the blind second held-out sets ``holdout2_*.jsonl`` (split ``holdout``).

Checks: every line parses; ids are unique and run rt0001, rt0002, ... in
``corpus.jsonl`` and h19-001, h19-002, ... (h20-...) in the held-out files; every record
has the documented keys; in ``corpus.jsonl`` split is dev/opened and follows the split
rule (a third of the sorted article URLs, chosen with ``random.Random(17)``), in the
held-out files it is holdout, and no article is in two files; all items of one article
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
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.jsonl"
HELD_OUT = sorted(HERE.glob("holdout2_*.jsonl"))
SPLITS = ("dev", "opened", "holdout")
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
    """The split rule of ``corpus.jsonl``: shuffle the sorted article URLs with
    random.Random(17) and put the first third (rounded) in the held-out split (named
    ``opened`` since a second held-out set replaced it)."""
    ordered = sorted(urls)
    random.Random(17).shuffle(ordered)
    return set(ordered[: round(len(ordered) / 3)])


def _url(url: str) -> str:
    """An article's address as compared across files (quoting, scheme, case apart)."""
    url = urllib.parse.unquote(url).split("://", 1)[-1].replace("//wiki", "/wiki")
    return url.replace(" ", "_").lower()


def main() -> int:
    errors: list[str] = []
    units = {u["key"] for u in json.loads(UNITS.read_text())["units"]} if UNITS.exists() else None
    items = []
    for path in [CORPUS, *HELD_OUT]:
        mine = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                mine.append(json.loads(line))
            except json.JSONDecodeError as err:
                errors.append(f"{path.name} line {n}: not JSON ({err})")
        ids = [it.get("id") for it in mine]
        if path == CORPUS:
            want = [f"rt{i:04d}" for i in range(1, len(ids) + 1)]
        else:
            prefix = "h" + path.stem[-2:]
            want = [f"{prefix}-{i:03d}" for i in range(1, len(ids) + 1)]
        if ids != want:
            errors.append(f"{path.name}: ids do not run {want[0]}, {want[1]}, ...")
        splits = {"dev", "opened"} if path == CORPUS else {"holdout"}
        for it in mine:
            if it.get("split") not in splits:
                errors.append(f"{it.get('id')}: split {it.get('split')!r} in {path.name}")
        items += mine
    ids = [it.get("id") for it in items]
    if len(set(ids)) != len(ids):
        errors.append("ids are not unique")

    by_article: dict[str, set] = collections.defaultdict(set)
    for it in items:
        rid = it.get("id")
        if list(it) != ITEM_KEYS:
            errors.append(f"{rid}: keys {list(it)}")
            continue
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
    first = [it for it in items if it.get("id", "").startswith("rt")]
    hold = holdout_urls({it["url"] for it in first if "url" in it})
    for it in first:
        if "url" in it and (it["url"] in hold) != (it["split"] == "opened"):
            errors.append(f"{it['id']}: split does not follow the seed-17 rule")
    norm = {_url(it["url"]) for it in first if "url" in it}
    for it in items:
        if it.get("split") == "holdout" and _url(it.get("url", "")) in norm:
            errors.append(f"{it['id']}: its article is also in corpus.jsonl")

    # counts
    n_items = collections.Counter((it["field"], it["split"]) for it in items)
    n_figs = collections.Counter()
    for it in items:
        n_figs[(it["field"], it["split"])] += len(it["figures"])
    fields = sorted({f for f, _ in n_items}, key=lambda f: -sum(n_items[(f, s)] for s in SPLITS))
    print(f"{'':12} {'items':>35} {'figures':>35}")
    print(f"{'field':12}" + "".join(f"{s:>8}" for s in (*SPLITS, "all")) * 2)
    for f in [*fields, None]:
        row = f"{f or 'total':12}"
        for counts in (n_items, n_figs):
            got = [
                sum(v for (g, s), v in counts.items() if s == split and f in (None, g))
                for split in SPLITS
            ]
            row += "".join(f"{n:8}" for n in (*got, sum(got)))
        print(row)
    per_split = collections.Counter(next(iter(fs))[1] for fs in by_article.values())
    print(f"articles: {len(by_article)} ({dict(per_split)})")
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
