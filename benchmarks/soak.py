"""Soak test: a million synthetic claims built, linked, assessed, dumped, reloaded and
linked again, checking that nothing was lost or changed on the way.

    .venv/bin/python benchmarks/soak.py                   # 1,000,000 claims
    .venv/bin/python benchmarks/soak.py --claims 20000    # a quick run

Steps, each timed (wall and CPU seconds) with the peak memory so far (maximum
resident set size, ``resource.getrusage``):

1. ``claimtrack.synth.generate``: one quantity per ten claims, 200 sources, with
   hedges, copying, relays, outliers and part-whole structures;
2. a ``ClaimGraph`` built and linked;
3. ``claimtrack.assess`` on it. If it does not finish within ``--assess-timeout``
   seconds the run says so and assesses ``--fallback`` claims instead, printing
   both;
4. ``dump`` to JSON Lines and ``load`` back;
5. checks: the same claims in the same order (ids, figures with the text they
   were written as, every field), then a new graph of the reloaded claims linked
   again, which must give the same number of claims and the same verdict counts
   per relation. With ``--reassess`` the reloaded graph is assessed too and its
   estimates and grade counts compared.

The exit status is 1 when a check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import claimtrack as ct
from claimtrack.graph import LinkReport
from claimtrack.synth import Synthetic, generate

T = TypeVar("T")


def peak_mb() -> float:
    """The process's peak resident memory so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, step: Callable[[], T]) -> T:
    """Run one step and print its wall and CPU time and the peak memory after it."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<44} {wall:>9.1f} {cpu:>9.1f} {peak_mb():>10,.0f}", flush=True)
    return result


class TimedOut(Exception):
    """The step ran past its budget."""


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Interrupt the block with ``TimedOut`` after ``seconds`` (SIGALRM; 0: no limit)."""

    def expire(signum: int, frame: Any) -> None:
        raise TimedOut

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def make(size: int, quantities: int | None, sources: int, seed: int) -> Synthetic:
    return generate(
        n_claims=size,
        n_quantities=quantities or max(1, size // 10),
        n_sources=sources,
        seed=seed,
    )


def linked(claims: list[ct.Claim], places: ct.Gazetteer) -> tuple[ct.ClaimGraph, LinkReport]:
    graph = ct.ClaimGraph(places=places)
    graph.add_all(claims)
    return graph, graph.link()


def summary(assessment: ct.Assessment) -> dict[str, Any]:
    """What an assessment concluded, in numbers that must survive a reload."""
    grades = Counter(str(g.credibility) for g in assessment.grades().values())
    return {"estimates": len(assessment.estimates), "grades": dict(sorted(grades.items()))}


def assess_within(graph: ct.ClaimGraph, budget: int, label: str) -> ct.Assessment | None:
    try:
        with deadline(budget):
            return timed(label, lambda: ct.assess(graph))
    except TimedOut:
        print(f"{label:<44} did not finish within {budget:,} s", flush=True)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims to generate")
    parser.add_argument("--quantities", type=int, help="quantities (default: claims / 10)")
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--assess-timeout", type=int, default=1800, help="seconds allowed for assess"
    )
    parser.add_argument(
        "--fallback",
        type=int,
        default=100_000,
        help="claims to assess if the full size is too slow",
    )
    parser.add_argument("--reassess", action="store_true", help="assess the reloaded graph too")
    parser.add_argument("--folder", type=Path, help="where to write the JSON Lines file")
    args = parser.parse_args(argv)
    n = args.claims

    print(f"soak: {n:,} claims, {args.quantities or max(1, n // 10):,} quantities, "
          f"{args.sources} sources, seed {args.seed}")  # fmt: skip
    print(f"{'step':<44} {'wall s':>9} {'cpu s':>9} {'peak MB':>10}")
    data = timed("generate", lambda: make(n, args.quantities, args.sources, args.seed))
    claims, places = data.claims, data.gazetteer()
    del data  # the claims list is all that is kept of it
    graph, report = timed("build and link", lambda: linked(claims, places))
    verdicts = dict(sorted(report.verdicts.items()))
    in_graph = len(graph)
    assessment = assess_within(graph, args.assess_timeout, "assess")
    assessed = summary(assessment) if assessment is not None else None
    fallback_line = None
    if assessment is None and args.fallback < n:
        small = make(args.fallback, None, args.sources, args.seed)
        small_graph, _ = timed(
            f"build and link {args.fallback:,} (fallback)",
            lambda: linked(small.claims, small.gazetteer()),
        )
        small_assessment = assess_within(
            small_graph, args.assess_timeout, f"assess {args.fallback:,} (fallback)"
        )
        if small_assessment is not None:
            fallback_line = f"{args.fallback:,} claims: {summary(small_assessment)}"
        del small, small_graph, small_assessment
    del graph, assessment  # the reloaded claims are linked afresh: keep one graph in memory
    gc.collect()

    with contextlib.ExitStack() as stack:
        folder = args.folder or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "soak.jsonl"
        timed("dump (JSON Lines)", lambda: ct.dump(claims, path))
        size_mb = path.stat().st_size / 1e6
        reloaded = timed("load", lambda: ct.load(path))

    failures: list[str] = []

    def check() -> None:
        if len(reloaded) != len(claims):
            failures.append(f"{len(claims):,} claims dumped, {len(reloaded):,} loaded")
        ids = [c.id for c in claims] != [c.id for c in reloaded]
        if ids:
            failures.append("the ids differ")
        figures = sum(
            (a.figure, a.figure.text) != (b.figure, b.figure.text)
            for a, b in zip(claims, reloaded, strict=False)
        )
        if figures:
            failures.append(f"{figures:,} figures differ")
        fields = sum(a != b for a, b in zip(claims, reloaded, strict=False))
        if fields:
            failures.append(f"{fields:,} claims differ in some field")

    timed("compare ids, figures and fields", check)
    claims.clear()  # free the originals before the reloaded claims are linked
    gc.collect()
    again, report_again = timed(
        "build and link the reloaded claims", lambda: linked(reloaded, places)
    )
    verdicts_again = dict(sorted(report_again.verdicts.items()))
    if len(again) != in_graph:
        failures.append(f"graph of {in_graph:,} claims became {len(again):,}")
    if verdicts_again != verdicts:
        failures.append(f"verdicts {verdicts} became {verdicts_again}")
    if args.reassess and assessed is not None:
        reassessment = assess_within(again, args.assess_timeout, "assess the reloaded graph")
        if reassessment is not None and summary(reassessment) != assessed:
            failures.append(f"assessment {assessed} became {summary(reassessment)}")

    print()
    print(f"claims: {n:,} generated, {in_graph:,} in the graph (derived ones included)")
    print(f"verdicts: {sum(verdicts.values()):,} {verdicts}")
    print(f"JSON Lines file: {size_mb:,.0f} MB")
    if assessed is not None:
        print(f"assessment at {n:,} claims: {assessed}")
    else:
        print(f"assessment at {n:,} claims: too slow, stopped after {args.assess_timeout:,} s")
        if fallback_line:
            print(f"assessment at {fallback_line}")
    print(f"peak memory: {peak_mb():,.0f} MB")
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    print("OK: the reloaded claims have the same ids, figures and fields, and link to the "
          "same verdict counts")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
