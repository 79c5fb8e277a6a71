"""How time grows with the input, on the inputs that once made it grow faster than linearly.

    .venv/bin/python benchmarks/scaling.py

Reading a figure, extracting claims from text and loading a file should take
time in proportion to their input, whatever the input: runs of spaces and
brackets once made ``Figure.parse`` cubic. For each adversarial input this
times the operation on the input and on the input ten times over, and prints
the two times and their ratio, the growth per tenfold (10 is linear, 100
quadratic). The texts are about 100 KB and 1 MB; one is a log of dated
incidents separated by semicolons, with no sentence end in it. The named
baseline, run on the same texts in the same process, is a plain linear scan:
``re.findall(r"\\S+", text)`` for text, ``json.loads`` of every line for files.
Times are the best of three runs (CPU seconds, ``time.process_time``).

The test suite checks what these inputs give, never how long they take.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import claimtrack as ct
from claimtrack._format import render_table
from claimtrack.figure import _PARSED

# Runs that once took cubic time in Figure.parse (the longest figure is 10,000 characters).
FIGURE_RUNS = {
    "spaces": " ",
    "number-spaces": "4 ",
    "interval": "[1,",
    "brackets": "5 (",
    "parens": "(",
    "zero-width": "\u200b",
    "hedges": "about ",
}
ADVERSARIAL = (
    "nearly 12,000 between 3 and 1,1,1,1, over over the ministry said F-16 since 2022 "
    "in the Kursk region twenty twenty-one hundred 10:30 a claim the army denied "
)
# A log of dated incidents separated by semicolons: one sentence as long as the text.
LOG_ENTRY = "2024-03-{day:02d}: {n} drones shot down over Belgorod region, the ministry said; "
HOSTILE = {"commas": "1,", "hedges": "over ", "number-words": "twenty ", "verbs": "said "}
RECORD = {"source": "A", "measure": "drones destroyed", "figure": "nearly 12,000"}


def best(fn: Callable[[], object], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def _parse(text: str) -> None:
    _PARSED.clear()  # Figure.parse keeps what it read: time the reading, every run
    with contextlib.suppress(ct.ParseError):
        ct.Figure.parse(text)


def _scan(text: str) -> None:
    re.findall(r"\S+", text)


def row(name: str, small: Callable[[], object], large: Callable[[], object]) -> list[str]:
    a, b = best(small), best(large)
    return [name, f"{a * 1000:.1f}", f"{b * 1000:.1f}", f"{b / a:.1f}" if a > 0 else "-"]


def text_rows(
    label: str, run: Callable[[str], object], texts: dict[str, tuple[str, str]]
) -> list[list[str]]:
    rows = []
    for name, (small, large) in texts.items():
        rows.append(row(f"{label} {name}", partial(run, small), partial(run, large)))
        rows.append(row("  baseline: scan", partial(_scan, small), partial(_scan, large)))
    return rows


def log(size: int) -> str:
    """About ``size`` characters of incident log, with no sentence end."""
    entries = size // len(LOG_ENTRY.format(day=1, n=10))
    return "".join(LOG_ENTRY.format(day=i % 28 + 1, n=i % 90 + 10) for i in range(entries))


def main() -> int:
    rows: list[list[str]] = []
    figures = {
        name: (unit * (1_000 // len(unit)) + "4]", unit * ((10_000 - 2) // len(unit)) + "4]")
        for name, unit in FIGURE_RUNS.items()
    }
    rows += text_rows("Figure.parse", _parse, figures)
    texts = {"adversarial": (ADVERSARIAL * 600, ADVERSARIAL * 6_000)}  # about 100 KB and 1 MB
    texts |= {
        name: (unit * (100_000 // len(unit)), unit * (1_000_000 // len(unit)))
        for name, unit in HOSTILE.items()
    }
    texts["log"] = (log(100_000), log(1_000_000))
    rows += text_rows("extract", ct.extract, texts)
    with tempfile.TemporaryDirectory() as folder:
        line = json.dumps(RECORD) + "\n"
        small, large = Path(folder) / "small.jsonl", Path(folder) / "large.jsonl"
        small.write_text(line * 2_000)
        large.write_text(line * 20_000)
        rows.append(row("load JSON Lines", lambda: ct.load(small), lambda: ct.load(large)))
        rows.append(
            row(
                "  baseline: json.loads",
                lambda: [json.loads(x) for x in small.read_text().splitlines()],
                lambda: [json.loads(x) for x in large.read_text().splitlines()],
            )
        )
    print("time as the input grows tenfold (10: linear; 100: quadratic)")
    print(render_table(["input", "1x ms", "10x ms", "per tenfold"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
