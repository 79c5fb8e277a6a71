"""What the progress bar costs: one ``link()`` of the same claims with no progress, with
a callback per quantity, and with tqdm's bar drawn to a terminal-less stream, in one run.

    .venv/bin/python benchmarks/progress.py                  # 100k claims, best of 3
    .venv/bin/python benchmarks/progress.py --claims 20000

CPU seconds (``time.process_time``) of ``link()`` alone, the best of ``--repeat`` runs
each; synthetic claims from ``claimtrack.synth.generate`` (a quantity per ten claims).
"""

from __future__ import annotations

import argparse
import io
import time

import claimtrack as ct
from claimtrack.synth import generate


def timed(claims: list[ct.Claim], progress: object) -> float:
    graph = ct.ClaimGraph(claims)
    start = time.process_time()
    graph.link(progress=progress)  # type: ignore[arg-type]
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    claims = generate(n_claims=args.claims, n_quantities=args.claims // 10, n_sources=200,
                      seed=1).claims  # fmt: skip
    ticks = 0

    def callback(done: int, total: int) -> None:
        nonlocal ticks
        ticks += 1

    import contextlib

    runs: dict[str, list[float]] = {"none": [], "callback": [], "bar": []}
    for _ in range(args.repeat):  # interleaved, so drift in the machine hits all three
        runs["none"].append(timed(claims, False))
        runs["callback"].append(timed(claims, callback))
        with contextlib.redirect_stderr(io.StringIO()):  # True draws it, terminal or not
            runs["bar"].append(timed(claims, True))
    base = min(runs["none"])
    print(f"link() of {args.claims:,} claims, best of {args.repeat} (CPU seconds)")
    print(f"  no progress      {base:7.2f}")
    for name in ("callback", "bar"):
        best = min(runs[name])
        print(f"  {name:<16} {best:7.2f}  ({best / base - 1:+.1%})")
    print(f"  ticks per link   {ticks // args.repeat:,}")


if __name__ == "__main__":
    main()
