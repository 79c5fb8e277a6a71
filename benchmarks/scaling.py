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

Then it links one quantity of 1,000, 10,000 and 100,000 claims (each size in a
process of its own, under a memory limit) and prints time, peak memory and the
growth of the time per tenfold (``--one-quantity 1000 10000`` for other sizes).

The test suite checks what these inputs give, never how long they take.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import re
import subprocess
import sys
import tempfile
import time
import warnings
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
HOSTILE = {
    "commas": "1,",
    "hedges": "over ",
    "number-words": "twenty ",
    "verbs": "said ",
    # number words joined by hyphens and ending in "-x" ("twenty-twenty-...-x") once took
    # time in the square of the run; so did a long run of digits or of hex digits
    "hyphen-words": "twenty-",
    "digit-run": "1",
    "hex-run": "3f9a0c",
    # dates in one long clause: each searched the clause (or the sentence) again
    "dates": "on Monday the army ",
}
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--one-quantity",
        type=int,
        nargs="*",
        default=[1_000, 10_000, 100_000],
        help="claims about one quantity to link, one size after another",
    )
    parser.add_argument("--limit-seconds", type=float, default=600.0)
    parser.add_argument("--limit-mb", type=int, default=2048)
    args = parser.parse_args()
    warnings.simplefilter("ignore", ct.SkippedPhraseWarning)  # the digit run's, once
    rows: list[list[str]] = []
    figures = {
        name: (unit * (1_000 // len(unit)) + "4]", unit * ((10_000 - 2) // len(unit)) + "4]")
        for name, unit in FIGURE_RUNS.items()
    }
    rows += text_rows("Figure.parse", _parse, figures)
    texts = {"adversarial": (ADVERSARIAL * 600, ADVERSARIAL * 6_000)}  # about 100 KB and 1 MB
    texts |= {
        name: (unit * (100_000 // len(unit)) + "x", unit * (1_000_000 // len(unit)) + "x")
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
    print()
    one_quantity(args.one_quantity, args.limit_seconds, args.limit_mb)
    return 0


# One quantity claimed by many sources, every figure different, or all one figure: a
# headline toll repeated by thousands of outlets has these shapes. Each size is linked
# in a process of its own, under a memory limit, so that its peak is its own and a size
# past the limit is reported rather than taking the machine down.
LINK_ONE_QUANTITY = """
import resource, sys, time
import claimtrack as ct
n, limit_mb, same = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "same"
resource.setrlimit(resource.RLIMIT_AS, (limit_mb * 2**20, limit_mb * 2**20))
claims = [
    ct.Claim(source=f"S{i}", measure="m", figure="1200" if same else str(i)) for i in range(n)
]
start = time.process_time()
try:
    report = ct.ClaimGraph(claims).link()
except MemoryError:
    print("memory", time.process_time() - start)
    sys.exit(0)
# VmHWM is this process's own peak: ru_maxrss keeps the parent's from before exec
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
print("done", time.process_time() - start, peak, report.total)
"""


def one_quantity(sizes: list[int], limit_seconds: float, limit_mb: int) -> None:
    """Link ``n`` claims about one quantity for each size, every figure different and
    then all one figure; print time, peak memory and growth per tenfold."""
    for shape in ("different", "same"):
        _one_quantity(shape, sizes, limit_seconds, limit_mb)


def _one_quantity(shape: str, sizes: list[int], limit_seconds: float, limit_mb: int) -> None:
    rows = []
    previous: tuple[int, float] | None = None
    for n in sizes:
        try:
            run = subprocess.run(
                [sys.executable, "-c", LINK_ONE_QUANTITY, str(n), str(limit_mb), shape],
                capture_output=True,
                text=True,
                timeout=limit_seconds,
            )
        except subprocess.TimeoutExpired:
            rows.append([f"{n:,}", f"over {limit_seconds:,.0f}", "-", "-", "-"])
            break
        fields = run.stdout.split()
        if not fields or fields[0] != "done":
            why = "over the memory limit" if fields[:1] == ["memory"] else run.stderr[-200:]
            rows.append([f"{n:,}", f"({why})", f"over {limit_mb:,}", "-", "-"])
            break
        seconds, peak, verdicts = float(fields[1]), float(fields[2]), int(fields[3])
        growth = "-"
        if previous is not None and previous[1] > 0:
            per_tenfold = (seconds / previous[1]) ** (1 / math.log10(n / previous[0]))
            growth = f"{per_tenfold:.1f}"
        rows.append([f"{n:,}", f"{seconds:.2f}", f"{peak:,.0f}", f"{verdicts:,}", growth])
        previous = (n, seconds)
    figures = "every figure different" if shape == "different" else "all one figure"
    print(
        f"link: one quantity, n claims, {figures} (CPU seconds; each size alone under "
        f"{limit_mb:,} MB and {limit_seconds:,.0f} s; growth per tenfold: 10 linear, "
        "100 quadratic; past a thousand claims, verdicts across origins are held, not stored)"
    )
    print(render_table(["claims", "seconds", "peak MB", "stored verdicts", "growth"], rows))
    print()


if __name__ == "__main__":
    sys.exit(main())
