"""Linking speed and memory: claims linked per second and peak memory, against a naive
all-pairs linker run in the same process on the smaller sizes.

    .venv/bin/python benchmarks/link.py                 # 10k, 100k and 1M claims
    .venv/bin/python benchmarks/link.py --sizes 10000   # just one size

Each size runs in a child process so that its peak memory (maximum resident set
size) is its own. Synthetic data: ``claimtrack.synth.generate`` with one quantity
per ten claims, 200 sources, hedges, copying, relays and part-whole structures.
Times are CPU seconds of the child (``time.process_time``), so other load on the
machine disturbs them less.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from itertools import combinations

NAIVE_LIMIT = 10_000  # all pairs of 10k claims is 50M comparisons; more takes too long


def naive_link(claims: list, context) -> int:  # type: ignore[no-untyped-def]
    """The baseline: compare every pair of claims, keep those about one quantity."""
    from claimtrack.checkers import Agreement, relays

    agreement = Agreement()
    quantity = [context.quantity(c) for c in claims]
    verdicts = 0
    for i, j in combinations(range(len(claims)), 2):
        if quantity[i] == quantity[j]:
            a, b = claims[i], claims[j]
            verdicts += agreement(a, b, context) is not None
            verdicts += relays(a, b, context) is not None
    return verdicts


def run_one(size: int, naive: bool) -> dict[str, float]:
    from claimtrack import ClaimGraph
    from claimtrack.synth import generate

    data = generate(n_claims=size, n_quantities=max(1, size // 10), n_sources=200, seed=7)
    start = time.process_time()
    graph = ClaimGraph(places=data.gazetteer())
    graph.add_all(data.claims)
    added = time.process_time()
    report = graph.link()
    linked = time.process_time()
    result = {
        "claims": size,
        "add_s": added - start,
        "link_s": linked - added,
        "verdicts": report.total,
        "derived": report.claims - size,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    if naive:
        # the naive linker only makes the agreement and relay comparisons
        context = ClaimGraph(places=data.gazetteer()).context
        for c in data.claims:
            context.index(c)
        t0 = time.process_time()
        naive_link(data.claims, context)
        result["naive_s"] = time.process_time() - t0
        check = ClaimGraph(places=data.gazetteer(), checkers=["agreement", "relays"])
        check.add_all(data.claims)
        t1 = time.process_time()
        check.link()
        result["blocked_pairs_s"] = time.process_time() - t1
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.child <= NAIVE_LIMIT)))
        return
    print(f"{'claims':>9} {'add s':>7} {'link s':>7} {'claims/s':>9} {'verdicts':>9} "
          f"{'peak MB':>8}  baseline: naive all-pairs (agreement + relays only)")  # fmt: skip
    for size in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        r = json.loads(out.stdout.strip().splitlines()[-1])
        total = r["add_s"] + r["link_s"]
        line = (
            f"{r['claims']:>9,} {r['add_s']:>7.1f} {r['link_s']:>7.1f} "
            f"{r['claims'] / total:>9,.0f} {r['verdicts']:>9,} {r['peak_mb']:>8,.0f}"
        )
        if "naive_s" in r:
            ratio = r["naive_s"] / max(r["blocked_pairs_s"], 1e-9)
            line += (
                f"  naive {r['naive_s']:.1f} s vs blocked {r['blocked_pairs_s']:.2f} s "
                f"for the same checks: {ratio:,.0f}x"
            )
        print(line, flush=True)


if __name__ == "__main__":
    main()
