"""Loading speed: ``load`` of 100k claims from CSV and JSON Lines, beside the standard
library reading the same files in the same run.

    .venv/bin/python benchmarks/load.py              # 100k claims
    .venv/bin/python benchmarks/load.py --claims N

The claims are ``claimtrack.synth.generate``'s (200 sources, one quantity per ten
claims, a tenth of the figures hedged), written with ``dump``. The baselines are
``csv.DictReader`` over the CSV file (rows as dicts, nothing converted) and
``json.loads`` of every line of the JSON Lines file. Times are the best of five
runs, taken in turn, CPU seconds (``time.process_time``), reading the file included in both.
The targets: CSV within 4 times its baseline, JSON Lines within 2 times.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import claimtrack as ct
from claimtrack._format import render_table
from claimtrack.synth import generate


def best_of(runs: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """The fastest of ``repeats`` runs of each, taken in turn, so that a busy spell of
    the machine falls on both sides of a ratio."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, fn in runs.items():
            start = time.process_time()
            fn()
            times[name].append(time.process_time() - start)
    return {name: min(values) for name, values in times.items()}


def dict_reader(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def json_lines(path: Path) -> list[object]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    claims = generate(
        n_claims=args.claims, n_quantities=max(1, args.claims // 10), n_sources=200, seed=7
    ).claims
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for suffix, baseline, name in (
            ("csv", dict_reader, "csv.DictReader"),
            ("jsonl", json_lines, "json.loads per line"),
        ):
            path = Path(folder) / f"claims.{suffix}"
            ct.dump(claims, path)
            loaded = ct.load(path)
            assert len(loaded) == len(claims)
            runs = {"ours": partial(ct.load, path), "theirs": partial(baseline, path)}
            times = best_of(runs, args.repeats)
            ours, theirs = times["ours"], times["theirs"]
            rows.append(
                [f"load {suffix}", f"{ours:.2f}", name, f"{theirs:.2f}", f"{ours / theirs:.1f}"]
            )
    print(f"{args.claims:,} claims, best of {args.repeats}, CPU seconds")
    print(render_table(["claimtrack", "s", "baseline", "s", "ratio"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
