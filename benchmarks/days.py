"""Every day of the flight data: does the default method hold beyond the one day shared?

``../shared/data/flight`` holds one day (2011-12-01) of the flight data of Li et
al., "Truth finding on the deep web" (VLDB 2012). The public repository it was
taken from, Orange-OpenSource/trustfuse (MIT licence), holds all 31 days of
December 2011 and early January 2012 with their gold files, in the same format,
under ``data/input_trustfuse/flight/``: ``conflicting_data/YYYYMMDD.txt`` and
``ground_truth/YYYYMMDD.txt``. Nothing in claimtrack was fitted to those days,
so they are the held-out check the one shared day cannot give::

    git clone --depth 1 https://github.com/Orange-OpenSource/trustfuse /tmp/trustfuse
    .bench-venv/bin/python benchmarks/days.py /tmp/trustfuse/data/input_trustfuse/flight

For every day it prints the share of gold time items answered to the minute by
the default method and majority vote, and by ``truthdiscovery``'s Investment and
PooledInvestment (the best two of the shared README's table) when that package
is importable (``--all`` adds Sums, AverageLog and TruthFinder). Then, per
method: the share over all days' items together, the mean and lowest day, and
how many days the default method matched or beat every other method. The
loading and scoring are ``truth.py``'s, so the protocol is the shared README's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any

from truth import (
    Items,
    Truth,
    flight_day,
    run_claimtrack,
    run_truthdiscovery,
    truthdiscovery_methods,
)

from claimtrack._format import render_table
from claimtrack.assessment.truth import DEFAULT_METHOD

BEST_BASELINES = ("Investment", "PooledInvestment")

Runner = Callable[[Items], dict[Hashable, float]]


def days(folder: Path) -> list[tuple[str, Path, Path]]:
    """(YYYY-MM-DD, claims file, gold file) for every day that has both."""
    found = []
    for claims in sorted((folder / "conflicting_data").glob("*.txt")):
        gold = folder / "ground_truth" / claims.name
        if gold.exists():
            stem = claims.stem
            found.append((f"{stem[:4]}-{stem[4:6]}-{stem[6:]}", claims, gold))
    return found


def runners(everything: bool) -> tuple[dict[str, Runner], str]:
    """The methods to compare, by column name, and a note on what was left out."""
    out: dict[str, Runner] = {
        DEFAULT_METHOD: lambda items: run_claimtrack(items, DEFAULT_METHOD)[0],
        "vote": lambda items: run_claimtrack(items, "vote")[0],
    }
    others = truthdiscovery_methods(quick=True)
    if isinstance(others, str):
        return out, f"truthdiscovery: {others}"
    for name, factory in others.items():
        if everything or name in BEST_BASELINES:
            out[name] = _truthdiscovery(factory)
    return out, ""


def _truthdiscovery(factory: Callable[[], Any]) -> Runner:
    return lambda items: run_truthdiscovery(items, factory)[0]


def exact(answers: Mapping[Hashable, float], truth: Truth) -> int:
    return sum(answers[k] == t for k, t in truth.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="trustfuse's data/input_trustfuse/flight folder")
    parser.add_argument("--all", action="store_true", help="every truthdiscovery baseline")
    args = parser.parse_args(argv)
    found = days(args.folder)
    if not found:
        print(
            f"no days under {args.folder}: expected conflicting_data/YYYYMMDD.txt with "
            "ground_truth/YYYYMMDD.txt beside it (see this script's docstring)",
            file=sys.stderr,
        )
        return 2
    methods, note = runners(args.all)
    names = list(methods)
    rows = []
    right = dict.fromkeys(names, 0)
    shares: dict[str, list[float]] = {name: [] for name in names}
    total = best_days = 0
    for day, claims, gold in found:
        items, truth = flight_day(claims, gold)
        if not truth:
            continue
        total += len(truth)
        row = [day, str(len(truth))]
        scores = {}
        for name, run in methods.items():
            scores[name] = hits = exact(run(items), truth)
            right[name] += hits
            shares[name].append(hits / len(truth))
            row.append(f"{hits / len(truth):.3f}")
        best_days += scores[DEFAULT_METHOD] >= max(scores.values())
        rows.append(row)
        print(
            f"{day}: " + ", ".join(f"{n} {s / len(truth):.3f}" for n, s in scores.items()),
            file=sys.stderr,
        )
    print(render_table(["day", "gold items", *names], rows))
    summary = [
        [
            name,
            f"{right[name] / total:.4f}",
            f"{sum(shares[name]) / len(shares[name]):.3f}",
            f"{min(shares[name]):.3f}",
        ]
        for name in names
    ]
    print()
    print(f"{len(rows)} days, {total:,} gold time items")
    print(render_table(["method", "all items exact", "mean day", "lowest day"], summary))
    print(
        f"\n{DEFAULT_METHOD} matched or beat every other method on {best_days} of {len(rows)} days"
    )
    if note:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
