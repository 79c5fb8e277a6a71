"""How close claimtrack's consensus estimates come to the truth, on two real data sets.

Loads the population and flight data sets of ``../shared/data`` (see its README
for their origin and the protocol) through claimtrack's own loader and
``Claim`` objects, runs every registered method and, in the same process, the
``truthdiscovery`` package's methods when it is importable, and prints for each:

- population: the share of the 293 gold items answered more than 1% off, the
  mean absolute error over them, and the time taken;
- flight: the share of the 386 gold time items answered to the minute and
  within 10 minutes, and the time taken;

then times 100,000 synthetic observations through the default method. Times
are for the method alone, after loading (``truthdiscovery``'s include building
its dataset). Run it with the benchmark environment to include ``truthdiscovery``::

    python3 -m venv .bench-venv
    .bench-venv/bin/pip install --no-deps truthdiscovery
    .bench-venv/bin/pip install numpy scipy bidict imageio pycairo -e .
    .bench-venv/bin/python benchmarks/truth.py [--data DIR] [--quick]

``--quick`` leaves out ``truthdiscovery``'s CRH, which takes a minute on the
flight data; it is always left out where its dense claims x claims matrix would
not fit in memory (the population data: some 19 GB), with a message.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import sys
import time
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

from claimtrack import Claim, load
from claimtrack._format import render_table
from claimtrack.assessment.truth import DEFAULT_METHOD, Observation, discover, method_names

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
POPULATION_COLUMNS = {
    "place": "ObjectID",
    "measure": "PropertyID",
    "figure": "PropertyValue",
    "source": "SourceID",
}
# The flight file has no header: source, flight, then these columns (gates are skipped).
FLIGHT_TIMES = {
    2: "scheduled departure",
    3: "actual departure",
    5: "scheduled arrival",
    6: "actual arrival",
}
# The last h:mm of a cell, with a.m./p.m. or a/p after it; an offset such as (-05:00)
# is not a time.
TIME = re.compile(r"(?<![\d:+-])(\d{1,2}):(\d{2})(?!\d)\s*(?:([ap])\.?\s*(?:m\.?)?)?", re.I)

DENSE_LIMIT_GB = 4.0  # truthdiscovery's CRH is left out where its matrix would exceed this

Items = dict[Hashable, list[Observation]]
Truth = dict[Hashable, float]


# -- loading --------------------------------------------------------------------------


def minutes(cell: str) -> int | None:
    """Minutes of the day of the last h:mm in a cell, a.m./p.m. applied (README protocol)."""
    found = list(TIME.finditer(cell))
    if not found:
        return None
    hours, mins, half = int(found[-1].group(1)), int(found[-1].group(2)), found[-1].group(3)
    if half and half.lower() == "p" and hours < 12:
        hours += 12
    if half and half.lower() == "a" and hours == 12:
        hours = 0
    return hours * 60 + mins


def observations(claims: Iterable[Claim]) -> Items:
    """One observation per (quantity, source): the first claim, as the protocol says."""
    items: Items = {}
    seen: set[tuple[Hashable, str]] = set()
    for claim in claims:
        key = (claim.place, claim.measure)
        if (key, claim.source.name) in seen:
            continue
        seen.add((key, claim.source.name))
        f = claim.figure
        low = -math.inf if f.low is None else f.low
        high = math.inf if f.high is None else f.high
        items.setdefault(key, []).append(Observation(claim.source.name, f.value, low, high))
    return items


def population(folder: Path) -> tuple[Items, Truth]:
    claims = load(folder / "claims.csv", columns=POPULATION_COLUMNS)
    items = observations(claims)
    truth: Truth = {}
    with (folder / "truth.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["ObjectID"], row["PropertyID"])
            value = float(row["PropertyValue"])
            claimed = {o.value for o in items.get(key, ())}
            if value < 1e8 and len(claimed) >= 2:  # the protocol's 293 disputed gold items
                truth[key] = value
    return items, truth


def _rows(path: Path) -> list[list[str]]:
    # The file is not all UTF-8 (a few no-break spaces are Latin-1 bytes).
    with path.open(encoding="latin-1", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t"))


def flight(folder: Path) -> tuple[Items, Truth]:
    return flight_day(folder / "claims-2011-12-01.tsv", folder / "truth-2011-12-01.tsv")


def flight_day(claims_file: Path, truth_file: Path) -> tuple[Items, Truth]:
    """One day of the flight data: its claims file and its gold file (same columns,
    without the source)."""
    claims = []
    for row in _rows(claims_file):
        for column, measure in FLIGHT_TIMES.items():
            value = minutes(row[column]) if column < len(row) else None
            if value is not None:
                claims.append(Claim(source=row[0], measure=measure, figure=value, place=row[1]))
    items = observations(claims)
    truth: Truth = {}
    for row in _rows(truth_file):
        for column, measure in FLIGHT_TIMES.items():
            # The truth file has no source column.
            value = minutes(row[column - 1]) if column - 1 < len(row) else None
            if value is not None and (row[0], measure) in items:
                truth[(row[0], measure)] = value
    return items, truth


# -- scoring --------------------------------------------------------------------------


def population_scores(answers: Mapping[Hashable, float], truth: Truth) -> list[str]:
    off = sum(abs(answers[k] - t) > 0.01 * abs(t) for k, t in truth.items()) / len(truth)
    mae = sum(abs(answers[k] - t) for k, t in truth.items()) / len(truth)
    return [f"{off:.3f}", f"{mae:,.0f}"]


def flight_scores(answers: Mapping[Hashable, float], truth: Truth) -> list[str]:
    exact = sum(answers[k] == t for k, t in truth.items()) / len(truth)
    near = sum(abs(answers[k] - t) <= 10 for k, t in truth.items()) / len(truth)
    return [f"{exact:.3f}", f"{near:.3f}"]


def run_claimtrack(items: Items, method: str) -> tuple[dict[Hashable, float], float]:
    start = time.perf_counter()
    found = discover(items, method=method)
    elapsed = time.perf_counter() - start
    return {k: e.best for k, e in found.estimates.items()}, elapsed


def truthdiscovery_methods(quick: bool) -> dict[str, Callable[[], Any]] | str:
    """The package's algorithms by name, or why they cannot be run."""
    try:
        from truthdiscovery import algorithm  # type: ignore[import-not-found]
    except ImportError as err:
        return (
            f"skipped: the truthdiscovery package cannot be imported ({err}); run "
            "with .bench-venv/bin/python (see this script's docstring) to include it"
        )
    out: dict[str, Callable[[], Any]] = {
        "Sums": algorithm.Sums,
        "AverageLog": algorithm.AverageLog,
        "Investment": algorithm.Investment,
        "PooledInvestment": algorithm.PooledInvestment,
        "TruthFinder": algorithm.TruthFinder,
    }
    if not quick:
        out["CRH"] = algorithm.CRH
    return out


def run_truthdiscovery(
    items: Items, factory: Callable[[], Any]
) -> tuple[dict[Hashable, float], float]:
    from truthdiscovery.input import Dataset  # type: ignore[import-not-found]

    start = time.perf_counter()
    data = Dataset([(o.source, key, o.value) for key, obs in items.items() for o in obs])
    result = factory().run(data)
    elapsed = time.perf_counter() - start
    answers = {}
    for key in items:
        beliefs = result.belief[key]
        top = max(beliefs.values())
        answers[key] = min(v for v, b in beliefs.items() if b == top)  # ties: the smaller
    return answers, elapsed


def table(
    name: str,
    items: Items,
    truth: Truth,
    score: Callable[[Mapping[Hashable, float], Truth], list[str]],
    headers: list[str],
    others: dict[str, Callable[[], Any]] | str,
) -> str:
    rows = []
    for method in [DEFAULT_METHOD] + [m for m in method_names() if m != DEFAULT_METHOD]:
        answers, elapsed = run_claimtrack(items, method)
        label = f"claimtrack {method}" + (" (default)" if method == DEFAULT_METHOD else "")
        rows.append([label, *score(answers, truth), f"{elapsed:.2f}"])
    note = ""
    if isinstance(others, str):
        note = f"\ntruthdiscovery: {others}"
    else:
        claims = len({(key, o.value) for key, obs in items.items() for o in obs})
        for algorithm, factory in others.items():
            size = claims * claims * 8 / 1e9
            if algorithm == "CRH" and size > DENSE_LIMIT_GB:
                # Its CRH builds a dense claims x claims matrix of mutual exclusion.
                note += (
                    f"\ntruthdiscovery CRH: skipped, it would build a dense {claims:,} x "
                    f"{claims:,} matrix ({size:,.0f} GB)"
                )
                continue
            answers, elapsed = run_truthdiscovery(items, factory)
            rows.append([f"truthdiscovery {algorithm}", *score(answers, truth), f"{elapsed:.2f}"])
    claims = sum(len(obs) for obs in items.values())
    sources = len({o.source for obs in items.values() for o in obs})
    title = (
        f"{name}: {len(truth)} gold items; {claims:,} claims by {sources:,} sources "
        f"on {len(items):,} items"
    )
    return f"{title}\n{render_table(['method', *headers, 'seconds'], rows)}{note}"


# -- synthetic timing -------------------------------------------------------------------


def synthetic(count: int = 100_000, seed: int = 0) -> tuple[Items, Truth]:
    """``count`` observations: 400 sources of accuracy 0.55 to 0.95, five a quantity,
    figures a tenth of them "about" (10%), and 40 copiers that repeat another source
    four times in five on three items in ten."""
    rng = random.Random(seed)
    accuracy = {f"s{i:03d}": rng.uniform(0.55, 0.95) for i in range(400)}
    names = sorted(accuracy)
    originals = {f"c{i:02d}": rng.choice(names) for i in range(40)}
    items: Items = {}
    truth: Truth = {}
    for i in range(count // 5):
        value = round(10 ** rng.uniform(1, 6))
        chosen = rng.sample(names, 5)
        copier = None
        if rng.random() < 0.3:
            copier = rng.choice(sorted(originals))
            chosen[-1] = copier
            if originals[copier] not in chosen:
                chosen[0] = originals[copier]
        made: dict[str, Observation] = {}
        for source in chosen:
            if source == copier:
                continue
            figure = (
                value if rng.random() < accuracy[source] else round(value * rng.uniform(0.5, 1.5))
            )
            band = 0.1 * figure if rng.random() < 0.1 else 0.0
            made[source] = Observation(source, figure, figure - band, figure + band)
        if copier is not None:
            original = made[originals[copier]]
            if rng.random() < 0.8:
                made[copier] = Observation(copier, original.value, original.low, original.high)
            else:
                made[copier] = Observation(copier, value)
        items[i] = list(made.values())
        truth[i] = value
    return items, truth


def synthetic_table() -> str:
    items, truth = synthetic()
    rows = []
    for method in (DEFAULT_METHOD, "vote"):
        answers, elapsed = run_claimtrack(items, method)
        right = sum(answers[k] == t for k, t in truth.items()) / len(truth)
        rows.append([method, f"{right:.4f}", f"{elapsed:.2f}"])
    count = sum(len(obs) for obs in items.values())
    title = f"synthetic: {count:,} observations on {len(items):,} items (one core)"
    return f"{title}\n{render_table(['method', 'exact', 'seconds'], rows)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--quick", action="store_true", help="leave out truthdiscovery's CRH")
    args = parser.parse_args(argv)
    if not (args.data / "population" / "claims.csv").exists():
        print(f"no data sets under {args.data}; give --data DIR", file=sys.stderr)
        return 2
    others = truthdiscovery_methods(args.quick)
    items, truth = population(args.data / "population")
    print(table("population", items, truth, population_scores, ["off >1%", "MAE"], others))
    print()
    items, truth = flight(args.data / "flight")
    print(table("flight", items, truth, flight_scores, ["exact", "within 10 min"], others))
    print()
    print(synthetic_table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
