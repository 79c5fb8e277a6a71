"""A data set nothing here was built on: weather readings from 16 web sources, with gold.

The public repository totucuong/spectrum (Apache-2.0), which the shared
population data comes from, also holds a weather data set: 16 weather sites'
readings of temperature, "real feel", humidity, pressure and visibility for
6,375 city-times, in the population data's format (``ObjectID``,
``PropertyID``, ``PropertyValue``, ``SourceID``), split over
``data/weather/claims/weather_claim*.csv``, and a gold file,
``data/weather/ground_truth/weather_truth.csv``::

    git clone --depth 1 https://github.com/totucuong/spectrum /tmp/spectrum
    .bench-venv/bin/python benchmarks/weather.py /tmp/spectrum/data/weather

Claims are read with ``load(..., errors="collect", columns=...)``, as
``truth.py`` reads the population data (cells such as "NA" and "Unlimited" are
counted as refused, and "1 1/2" is 1.5), one per source and item (the first),
items keyed by (ObjectID, PropertyID). The gold values are read with
``Figure.parse`` too. For every method it prints the share of gold items
answered exactly and the mean absolute error, over all gold items that some
source claims and over the disputed ones (two or more distinct values), and the
time taken; ``truthdiscovery``'s methods run in the same process when that
package is importable (``--crh`` adds its CRH, which is slow here).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Hashable, Mapping
from pathlib import Path

from truth import POPULATION_COLUMNS, Items, Truth, observations, table, truthdiscovery_methods

from claimtrack import ClaimtrackError, Figure, load


def weather(folder: Path) -> tuple[Items, Truth, int]:
    """The items, the gold values of those some source claims, and how many cells were refused."""
    claims, refused = [], 0
    for path in sorted((folder / "claims").glob("weather_claim*.csv")):
        loaded = load(path, "collect", columns=POPULATION_COLUMNS)
        claims += loaded.claims
        refused += len(loaded.problems)
    items = observations(claims)
    truth: Truth = {}
    with (folder / "ground_truth" / "weather_truth.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["ObjectID"], row["PropertyID"])
            if key in items:
                try:
                    truth[key] = Figure.parse(row["PropertyValue"]).value
                except ClaimtrackError:
                    continue
    return items, truth, refused


def scores(answers: Mapping[Hashable, float], truth: Truth) -> list[str]:
    exact = sum(answers[k] == t for k, t in truth.items()) / len(truth)
    mae = sum(abs(answers[k] - t) for k, t in truth.items()) / len(truth)
    return [f"{exact:.3f}", f"{mae:.3f}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="spectrum's data/weather folder")
    parser.add_argument("--crh", action="store_true", help="include truthdiscovery's CRH")
    args = parser.parse_args(argv)
    if not (args.folder / "ground_truth" / "weather_truth.csv").exists():
        print(
            f"no weather data under {args.folder}: expected claims/weather_claim*.csv and "
            "ground_truth/weather_truth.csv (see this script's docstring)",
            file=sys.stderr,
        )
        return 2
    items, truth, refused = weather(args.folder)
    disputed = {k: t for k, t in truth.items() if len({o.value for o in items[k]}) > 1}
    print(f"weather: {refused:,} cells refused; {len(disputed):,} of the gold items disputed")
    print(
        table(
            "weather",
            items,
            truth,
            lambda answers, gold: scores(answers, gold) + scores(answers, disputed),
            ["exact", "MAE", "disputed exact", "disputed MAE"],
            truthdiscovery_methods(quick=not args.crh),
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
