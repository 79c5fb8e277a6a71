"""How stable the default method is on the flight data: exact share on random halves.

The flight day of ``../shared/data`` is split at random into two halves of its
flights, many times over (each seed splits the flights in two; both halves are
run on their own), and the default method's share of gold time items answered
to the minute is printed for every half, then the lowest, mean and highest.
A result that holds only on the whole day, and not on half of it, is fitted to
that day; this is the check that ``truth.py``'s single figure cannot make::

    .venv/bin/python benchmarks/halves.py [--data DIR] [--seeds 10] [--method NAME]

It uses ``truth.py``'s loader and scoring, so the protocol is the same.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from truth import DATA, flight

from claimtrack.assessment.truth import DEFAULT_METHOD, discover


def halves(folder: Path, seeds: int, method: str) -> list[tuple[int, int, int, float]]:
    """(seed, half, gold items, exact share) for both halves of each seed's split."""
    items, truth = flight(folder)
    flights = sorted({key[0] for key in items})  # type: ignore[index]
    out = []
    for seed in range(seeds):
        chosen = set(random.Random(seed).sample(flights, len(flights) // 2))
        for half, keep in enumerate((chosen, set(flights) - chosen)):
            part = {k: v for k, v in items.items() if k[0] in keep}  # type: ignore[index]
            gold = {k: v for k, v in truth.items() if k[0] in keep}  # type: ignore[index]
            found = discover(part, method=method).estimates
            exact = sum(found[k].best == t for k, t in gold.items()) / len(gold)
            out.append((seed, half, len(gold), exact))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--seeds", type=int, default=10, help="how many random splits")
    parser.add_argument("--method", default=DEFAULT_METHOD, help="the assessment method")
    args = parser.parse_args(argv)
    if not (args.data / "flight").exists():
        print(f"no flight data under {args.data}; give --data DIR", file=sys.stderr)
        return 2
    results = halves(args.data / "flight", args.seeds, args.method)
    for seed, half, count, exact in results:
        print(f"seed {seed} half {half}: {count} gold items, exact {exact:.3f}")
    shares = [exact for *_, exact in results]
    print(
        f"{args.method}: exact on {len(shares)} halves: lowest {min(shares):.3f}, "
        f"mean {sum(shares) / len(shares):.3f}, highest {max(shares):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
