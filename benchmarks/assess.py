"""How long ``assess()`` takes on a linked graph of synthetic claims, end to end.

    .venv/bin/python benchmarks/assess.py                   # 100k claims
    .venv/bin/python benchmarks/assess.py --claims 10000

Builds and links a ``ClaimGraph`` of ``claimtrack.synth.generate`` claims (one
quantity per ten claims, 200 sources, hedges, copying, relays and part-whole
structures), then times ``assess(graph)`` with the default method and, as the
baseline in the same process, with majority vote. ``truth.py`` times the truth
engine alone on observations; this times everything a user waits for: reading
the graph, the engine, estimates and a grade for every claim. Times are CPU
seconds (``time.process_time``); ``within 5%`` is the share of estimates within
5% of the generator's truth (every figure is noisy, so none is exact), on the
quantities whose truth it knows.
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    from claimtrack import ClaimGraph, assess
    from claimtrack.synth import generate

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    n = args.claims
    data = generate(n_claims=n, n_quantities=max(1, n // 10), n_sources=200, seed=7)
    graph = ClaimGraph(places=data.gazetteer())
    graph.add_all(data.claims)
    graph.link()
    truth = {}
    for quantity, claims in graph.quantities().items():
        c = claims[0]
        key = (c.measure, c.place, str(c.period))
        if key in data.truth:
            truth[quantity] = data.truth[key]
    print(f"assess: {n:,} synthetic claims, {len(graph.quantities()):,} quantities (one core)")
    print(f"{'method':<10} {'seconds':>8} {'estimates':>10} {'within 5%':>10}")
    for method in ("accucopy", "vote"):
        start = time.process_time()
        result = assess(graph, method=method)
        spent = time.process_time() - start
        scored = [q for q in result.estimates if q in truth]
        right = sum(
            abs(result.estimates[q].best - truth[q]) <= 0.05 * abs(truth[q]) for q in scored
        ) / max(1, len(scored))
        print(f"{method:<10} {spent:>8.2f} {len(result.estimates):>10,} {right:>10.3f}")


if __name__ == "__main__":
    main()
