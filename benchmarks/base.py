"""The claim base at scale, beside the in-memory path in the same run.

    .venv/bin/python benchmarks/base.py                     # 1,000,000 claims
    .venv/bin/python benchmarks/base.py --claims 200000     # what fits in less time
    .venv/bin/python benchmarks/base.py --url postgresql://...  # on a PostgreSQL server

Synthetic data: ``claimtrack.synth.generate`` with one quantity per ten claims, 200
sources, hedges, copying, relays and part-whole structures, and one batch more
than ``--claims``. Steps, each timed (wall seconds):

1. in memory: a ``ClaimGraph`` of the claims, linked and assessed (the base's
   method), then the extra batch added to it, linked and the whole graph
   assessed again (an in-memory graph cannot reassess part of itself), and a
   full relink: a new graph of every claim, batch included, linked and assessed;
2. the base (a SQLite file in a temporary folder unless ``--url``): the made-up
   places added, then the claims added in batches of ``--batch``, then the extra
   batch, the figure the target is about: under 10% of the full relink;
3. queries on the base, each the median of ``--repeat`` runs after a first: a
   quantity's timeline and a source's record (target under 50 ms), beside the
   same answers worked out from the in-memory graph;
4. the size on disk (after a WAL checkpoint);
5. unless ``--no-relink``, ``base.relink()``: the base's own full relink (every
   claim read back, linked, assessed and written again), the other full relink
   the one batch compares with.

Times are CPU seconds of this process (``time.process_time``), printed beside wall
seconds: the machines we run on are shared, and CPU time is what two steps of one
run can be compared by. SQLite works inside this process, so its work is counted
(waits on the disk are not: the wall column shows them). Queries are timed by
the wall clock, as a desk waits for them.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import claimtrack as ct
from claimtrack.synth import generate


def timed(label: str, work: Callable[[], Any], results: dict[str, float]) -> Any:
    """Run ``work``; keep its CPU seconds in ``results`` and print them with the wall
    seconds. CPU time is what compares: on a shared machine the wall clock counts
    the other processes too (SQLite works in this process, so its work is counted;
    a PostgreSQL server's is not, which is why --url runs should be read by wall)."""
    start, cpu = time.perf_counter(), time.process_time()
    value = work()
    results[label] = time.process_time() - cpu
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  {label:<48} {results[label]:9.2f} s CPU {wall:9.2f} s wall   (peak {peak:,.0f} MB)",
        flush=True,
    )
    return value


def median_ms(work: Callable[[], Any], repeat: int) -> float:
    """Wall milliseconds, the median of ``repeat`` runs after a first: what a desk waits."""
    work()  # a first run warms the caches, as a desk's second question finds them
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def memory_timeline(graph: ct.ClaimGraph, measure: str, place: str) -> list[ct.Claim]:
    """What ``base.timeline`` answers, from a graph in memory."""
    measure_key, place_key = graph.measures.key(measure), graph.places.key(place)
    found = [
        c
        for c in graph.claims()
        if graph.quantity(c).measure == measure_key and graph.quantity(c).place == place_key
    ]
    return sorted(found, key=lambda c: (c.published is None, str(c.published)))


def memory_record(graph: ct.ClaimGraph, source: str) -> dict[str, int]:
    """What ``base.record`` answers, from a graph in memory."""
    counts: dict[str, int] = {}
    for claim in graph.claims():
        if claim.source.name == source:
            for verdict in graph.verdicts(claim=claim):
                counts[verdict.relation.value] = counts.get(verdict.relation.value, 0) + 1
    return counts


def in_memory(
    data: Any,
    claims: list[ct.Claim],
    extra: list[ct.Claim],
    method: str,
    results: dict[str, float],
    asked: tuple[str, str, str],
) -> dict[str, float]:
    """The in-memory path: link and assess, one batch more, and the two queries."""
    graph = ct.ClaimGraph(places=data.gazetteer())

    def build() -> None:
        graph.add_all(claims)
        graph.link()

    timed("link all", build, results)
    timed("assess all", lambda: ct.assess(graph, method), results)

    def one_more() -> None:
        graph.add_all(extra)
        graph.link()
        ct.assess(graph, method)

    timed("one batch more: link it, assess all", one_more, results)
    measure, place, source = asked
    return {
        "timeline": median_ms(lambda: memory_timeline(graph, measure, place), 3),
        "record": median_ms(lambda: memory_record(graph, source), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument(
        "--fill-batch",
        type=int,
        help="fill the base in batches of this many (default --batch); the timed batch "
        "is still --batch",
    )
    parser.add_argument("--url", help="a PostgreSQL URL (default: a SQLite file)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--no-relink", dest="relink", action="store_false", help="skip base.relink() on the base"
    )
    args = parser.parse_args()
    n, size = args.claims, args.batch
    results: dict[str, float] = {}
    method = ct.base.DEFAULT_METHOD
    print(f"{n:,} claims in batches of {size:,}, then one batch more; method {method}")
    data = timed(
        "generate",
        lambda: generate(n_claims=n + size, n_quantities=(n + size) // 10, n_sources=200, seed=7),
        results,
    )
    claims, extra = data.claims[:n], data.claims[n:]

    print("in memory")
    a_claim = extra[0]
    measure, place, source = a_claim.measure, a_claim.place or "", a_claim.source.name
    memory_ms = in_memory(data, claims, extra, method, results, (measure, place, source))
    gc.collect()

    def relink() -> None:
        fresh = ct.ClaimGraph(places=data.gazetteer())
        fresh.add_all(claims + extra)
        fresh.link()
        ct.assess(fresh, method)

    timed("full relink: link and assess everything", relink, results)
    gc.collect()

    print("claim base")
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-bench-"))
    target = args.url or str(folder / "desk.db")
    base = ct.open(target)
    places = [(p, None) for p, parent in data.places.items() if parent is None] + [
        (p, parent) for p, parent in data.places.items() if parent is not None
    ]
    timed(f"add {len(places):,} places", lambda: base.add_places(places), results)
    batches: list[float] = []

    fill_size = args.fill_batch or size

    def fill() -> None:
        for start in range(0, n, fill_size):
            begun = time.process_time()
            base.add(claims[start : start + fill_size])
            batches.append(time.process_time() - begun)
            done = start + fill_size
            if done % (10 * fill_size) == 0 or done >= n:
                print(f"    {done:>10,} claims, last batch {batches[-1]:.2f} s CPU", flush=True)

    timed(f"add {n:,} in batches of {fill_size:,}", fill, results)
    result = timed("one batch more: link it, reassess touched", lambda: base.add(extra), results)
    print(f"    {result}")
    if args.relink:
        timed("full relink of the base: base.relink()", base.relink, results)
    one = results["one batch more: link it, reassess touched"]
    share = one / results["full relink: link and assess everything"]
    print(f"  one batch / full relink in memory: {share:.1%} (target under 10%)")
    if args.relink:
        whole = results["full relink of the base: base.relink()"]
        print(f"  one batch / base.relink(): {one / whole:.1%}")
    base_ms = {
        "timeline": median_ms(lambda: base.timeline(measure, place), args.repeat),
        "record": median_ms(lambda: base.record(source), args.repeat),
    }
    every_row = median_ms(lambda: base.record(source).claims, args.repeat)
    timeline, record = base.timeline(measure, place), base.record(source)
    print("queries (median ms; target under 50)")
    print(f"  timeline of {measure} in {place}: {len(timeline)} rows")
    print(f"    base {base_ms['timeline']:8.1f} ms   in memory {memory_ms['timeline']:8.1f} ms")
    print(f"  record of {source}: {record.count} claims, {record.relations}")
    print(f"    base {base_ms['record']:8.1f} ms   in memory {memory_ms['record']:8.1f} ms")
    print(f"    with every claim's row: base {every_row:8.1f} ms")
    if not args.url:
        base._db.run("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[attr-defined]
        on_disk = sum(f.stat().st_size for f in folder.iterdir())
        print(f"size on disk: {on_disk / 1e6:,.0f} MB ({on_disk / (n + size):,.0f} bytes a claim)")
    base.close()
    sys.exit(0 if share < 0.10 and max(base_ms.values()) < 50 else 1)


if __name__ == "__main__":
    main()
