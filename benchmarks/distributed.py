"""claimtrack.distributed against one process, in one run: extraction, linking, the
scheduler's overhead per task, and what assessing components apart costs in accuracy.

    .venv/bin/python benchmarks/distributed.py                    # 200,000 sentences, 1M claims
    .venv/bin/python benchmarks/distributed.py --sentences 20000 --claims 100000   # quicker

Everything is wall-clock time (``time.perf_counter``): the Dask path runs in other
processes. Each Dask figure is on a fresh local cluster (``LocalCluster``, worker
processes of one thread) that has run a small job first, so that what a worker
imports once (claimtrack, pandas, the gazetteer) is not counted; the start-up is
printed apart.

- **Extraction**: articles made by repeating the texts of
  ``tests/data/extract_corpus.jsonl`` (with their dates and outlets) until they hold
  ``--sentences`` sentences, in one JSON Lines file. One process: read each line,
  ``extract``, write the claims as JSON Lines. Dask: ``extract_corpus(path,
  out=folder)``, which reads, extracts and writes partitions.
- **Linking**: ``claimtrack.synth.generate`` with one quantity per ten claims and 200
  sources (as ``link.py``). One process: ``ClaimGraph`` add and link, then the verdicts
  as a pandas DataFrame (``verdict_frame``), which is what ``link_distributed`` gives.
  Dask: the same claims spread over the workers' memory beforehand (as a corpus
  read in parallel would be), then ``link_distributed``, each partition's frame
  made and counted on its worker.
- **CPU**: beside each wall-clock time, the CPU seconds spent: one process's own, or
  the workers', the scheduler's and this process's, and those of the busiest worker.
  On a machine others share, the wall-clock times suffer from their work. The
  busiest worker's CPU seconds are about what the run would take with a free core
  for each worker (the workers run at once, each on its own partitions), so one
  process's CPU seconds over them is the speed-up such a machine would show.
- **Overhead per task**: 4,000 tasks that do nothing, on two workers.
- **Components**: ``--sets`` synthetic sets with their own sources and places (so
  separate components) assessed with the default method by ``assess`` and by
  ``assess_distributed``; how many estimates and reliabilities differ, and by how
  much.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on the path, and its name would hide
# the ``distributed`` package that Dask's scheduler is.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import pickle  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from typing import Any  # noqa: E402

import attrs  # noqa: E402
import dask  # noqa: E402
import dask.bag as db  # noqa: E402
from distributed import Client, LocalCluster, wait  # noqa: E402

from claimtrack import ClaimGraph, Source, assess, dump, extract  # noqa: E402
from claimtrack.distributed import (  # noqa: E402
    assess_distributed,
    extract_corpus,
    link_distributed,
    verdict_frame,
)
from claimtrack.extraction.document import Document  # noqa: E402
from claimtrack.places import Gazetteer  # noqa: E402
from claimtrack.synth import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "extract_corpus.jsonl"


def build_corpus(sentences: int, folder: Path) -> tuple[Path, int, int]:
    """The corpus texts repeated until they hold ``sentences`` sentences."""
    records = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines()]
    articles = [
        {"text": r["text"], "published": r.get("published"), "outlet": r.get("outlet")}
        for r in records
    ]
    counts = [len(Document(a["text"]).sentence_starts) for a in articles]
    path = folder / "articles.jsonl"
    total = n = 0
    with path.open("w", encoding="utf-8") as handle:
        while total < sentences:
            i = n % len(articles)
            handle.write(json.dumps(articles[i]) + "\n")
            total += counts[i]
            n += 1
    return path, n, total


def cluster(workers: int) -> tuple[LocalCluster, Client, float]:
    start = time.perf_counter()
    made = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = Client(made)
    return made, client, time.perf_counter() - start


def warm(client: Client, folder: Path) -> float:
    """A small job of each kind, so that each worker has imported what it needs."""
    start = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    small = folder / "warm.jsonl"
    small.write_text(CORPUS.read_text("utf-8"), "utf-8")
    client.run(lambda: __import__("pandas") and __import__("claimtrack.assessment"))
    extraction = extract_corpus(small, out=folder / "warm", blocksize=4000, client=client)
    link_distributed(extraction.claims, client=client).compute()
    return time.perf_counter() - start


def single_extract(path: Path, out: Path) -> tuple[float, float, list[Any]]:
    start, used = time.perf_counter(), time.process_time()
    claims = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            a = json.loads(line)
            claims += extract(a["text"], published=a["published"], outlet=a["outlet"])
    dump(claims, out)
    return time.perf_counter() - start, time.process_time() - used, claims


def dask_extract(
    client: Client, path: Path, out: Path
) -> tuple[float, tuple[float, float], int, int]:
    start, busy = time.perf_counter(), Busy(client)
    extraction = extract_corpus(path, out=out, client=client)
    elapsed = time.perf_counter() - start
    used = busy.stop()
    claims = sum(len(Path(p).read_text("utf-8").splitlines()) for p in extraction.written)
    return elapsed, used, claims, len(extraction.written)


def synthetic(claims: int) -> Any:
    return generate(n_claims=claims, n_quantities=max(1, claims // 10), n_sources=200, seed=7)


def single_link(data: Any) -> tuple[float, float, float, int]:
    start, used = time.perf_counter(), time.process_time()
    graph = ClaimGraph(places=data.gazetteer())
    graph.add_all(data.claims)
    graph.link()
    linked = time.perf_counter()
    frame = verdict_frame(graph)
    return linked - start, time.perf_counter() - linked, time.process_time() - used, len(frame)


def held_claims(client: Client, claims: list[Any], partitions: int) -> Any:
    """The claims cut into partitions and spread over the workers, as a bag of futures:
    in memory on the workers, as the single process has them in its own."""
    size = -(-len(claims) // partitions)
    futures = client.scatter([claims[i : i + size] for i in range(0, len(claims), size)])
    wait(futures)
    return db.from_delayed([dask.delayed(f) for f in futures])


def dask_link(
    client: Client, bag: Any, places: Gazetteer
) -> tuple[float, tuple[float, float], int]:
    start, busy = time.perf_counter(), Busy(client)
    frame = link_distributed(bag, places=places, client=client)
    # each partition's frame made and counted where it was made, as a writer would use it
    found = int(frame.map_partitions(len).compute().sum())
    elapsed = time.perf_counter() - start
    return elapsed, busy.stop(), found


def _noop(x: int) -> int:
    return x


def overhead(client: Client, tasks: int = 4000) -> float:
    client.gather(client.map(_noop, range(200), pure=False))
    start = time.perf_counter()
    client.gather(client.map(_noop, range(tasks), pure=False))
    return (time.perf_counter() - start) / tasks


def separate_sets(sets: int, size: int) -> tuple[list[Any], Gazetteer]:
    """``sets`` synthetic sets whose sources, outlets and places are their own."""
    claims: list[Any] = []
    places = Gazetteer(iso=False, extension=False)
    for k in range(sets):
        data = generate(n_claims=size, n_quantities=size // 10, n_sources=30, seed=100 + k)
        for place, parent in sorted(data.places.items(), key=lambda p: p[1] is not None):
            places.add(f"{k}/{place}", within=f"{k}/{parent}" if parent else None)
        for c in data.claims:
            source = Source(f"{k}/{c.source.name}", kind=c.source.kind, side=c.source.side)
            claims.append(
                attrs.evolve(
                    c,
                    source=source,
                    place=f"{k}/{c.place}",
                    via=tuple(f"{k}/{v}" for v in c.via),
                )
            )
    return claims, places


def components_loss(client: Client, sets: int, size: int) -> dict[str, Any]:
    claims, places = separate_sets(sets, size)
    start = time.perf_counter()
    exact = assess(ClaimGraph(claims, places=places))
    single_s = time.perf_counter() - start
    start = time.perf_counter()
    assessed = assess_distributed(claims, places=places, client=client)
    _, estimates, reliability, _ = assessed.compute()
    dask_s = time.perf_counter() - start
    best = {e.label: e.best for e in exact.estimates.values()}
    apart = dict(zip(estimates.quantity, estimates.best, strict=True))
    differ = [q for q in best if best[q] != apart[q]]
    gaps = [abs(best[q] - apart[q]) / max(abs(best[q]), 1e-12) for q in differ]
    learned = {name: r.value for name, r in exact.reliability.items()}
    moved = [
        abs(learned[s] - v)
        for s, v in zip(reliability.source, reliability.reliability, strict=True)
    ]
    return {
        "claims": len(claims),
        "components": assessed.components,
        "estimates": len(best),
        "differ": len(differ),
        "median_gap": sorted(gaps)[len(gaps) // 2] if gaps else 0.0,
        "max_gap": max(gaps, default=0.0),
        "max_reliability_shift": max(moved, default=0.0),
        "single_s": single_s,
        "dask_s": dask_s,
    }


def cpu(client: Client) -> dict[str, float]:
    """CPU seconds each worker process and the scheduler have used so far."""
    used = {k: float(v) for k, v in client.run(time.process_time).items()}
    used["scheduler"] = float(client.run_on_scheduler(time.process_time))
    return used


class Busy:
    """What a Dask run cost in CPU: in all (workers, and the scheduler with this process), and on
    its busiest worker, whose CPU seconds are about the run's wall-clock time on a
    machine with a free core for each worker."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.before = cpu(client)

    def stop(self) -> tuple[float, float]:
        # a LocalCluster's scheduler runs in this process: its CPU is this process's
        after = cpu(self.client)
        spent = {k: v - self.before.get(k, 0.0) for k, v in after.items()}
        total = sum(spent.values())
        busiest = max(v for k, v in spent.items() if k != "scheduler")
        return total, busiest


def load() -> str:
    """The machine's load, printed beside each figure: other work on it slows both paths."""
    return f"load {os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sentences", type=int, default=200_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--sets", type=int, default=8, help="separate sets for the components")
    parser.add_argument("--set-claims", type=int, default=5000)
    parser.add_argument("--only", choices=("extraction", "linking"), help="run one part")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-bench-"))

    if args.only != "linking":
        extraction(args, folder)
    if args.only != "extraction":
        linking(args, folder)


def extraction(args: argparse.Namespace, folder: Path) -> None:
    path, articles, sentences = build_corpus(args.sentences, folder)
    print(f"extraction: {articles:,} articles, {sentences:,} sentences")
    single_s, single_cpu, extracted = single_extract(path, folder / "single.jsonl")
    n_claims = len(extracted)
    pickled = len(pickle.dumps(extracted[:20_000], protocol=5)) / min(20_000, n_claims)
    print(
        f"  {n_claims:,} claims, {n_claims / sentences:.2f} a sentence; "
        f"{pickled:,.0f} bytes a claim pickled (what the shuffle moves)"
    )
    del extracted
    print(
        f"  one process          {single_s:8.1f} s  {sentences / single_s:8,.0f} sentences/s"
        f"  CPU {single_cpu:7.1f} s  ({load()})"
    )
    for workers in (1, 2):
        made, client, started = cluster(workers)
        warmed = warm(client, folder / f"warm{workers}")
        seconds, (used, busiest), claims, parts = dask_extract(
            client, path, folder / f"dask{workers}"
        )
        assert claims == n_claims, (claims, n_claims)
        print(
            f"  Dask, {workers} worker{'s' if workers > 1 else ' '}     {seconds:8.1f} s  "
            f"{sentences / seconds:8,.0f} sentences/s  CPU {used:7.1f} s  "
            f"speed-up {single_s / seconds:4.2f}x; busiest worker {busiest:7.1f} s CPU, "
            f"{single_cpu / busiest:4.2f}x the CPU of one process  "
            f"({parts} partitions; cluster start {started:.1f} s, warm-up {warmed:.1f} s; "
            f"{load()})"
        )
        client.close()
        made.close()


def linking(args: argparse.Namespace, folder: Path) -> None:
    print(f"\nlinking: {args.claims:,} synthetic claims")
    data = synthetic(args.claims)
    link_s, table_s, single_cpu, verdicts = single_link(data)
    print(
        f"  one process          {link_s:8.1f} s to link, {link_s + table_s:8.1f} s with the "
        f"verdict table  CPU {single_cpu:7.1f} s  ({verdicts:,} verdicts; {load()})"
    )
    places = data.gazetteer()
    for workers in (1, 2):
        made, client, _ = cluster(workers)
        warm(client, folder / f"warm-link{workers}")
        bag = held_claims(client, data.claims, 8 * workers)
        seconds, (used, busiest), found = dask_link(client, bag, places)
        assert found == verdicts, (found, verdicts)
        print(
            f"  Dask, {workers} worker{'s' if workers > 1 else ' '}     {seconds:8.1f} s  "
            f"CPU {used:7.1f} s, busiest worker {busiest:7.1f} s "
            f"({(busiest / single_cpu - 1) * 100:+4.0f}% against one process's CPU)  "
            f"{(seconds / (link_s + table_s) - 1) * 100:+5.0f}% against one process with "
            f"the table, {(seconds / link_s - 1) * 100:+5.0f}% against linking alone ({load()})"
        )
        if workers == 2:
            per_task = overhead(client)
            print(
                f"\nscheduler overhead: {per_task * 1000:.2f} ms per task "
                f"(4,000 no-op tasks on 2 workers; {load()})"
            )
            loss = components_loss(client, args.sets, args.set_claims)
        client.close()
        made.close()
        del bag

    print(
        f"\ncomponents: {loss['claims']:,} claims in {loss['components']} components, "
        f"default method, assess {loss['single_s']:.1f} s, "
        f"assess_distributed {loss['dask_s']:.1f} s"
    )
    print(
        f"  estimates whose best differs: {loss['differ']} of {loss['estimates']:,} "
        f"(median gap {loss['median_gap']:.1%}, largest {loss['max_gap']:.1%}); "
        f"largest reliability shift {loss['max_reliability_shift']:.3f}"
    )


if __name__ == "__main__":
    main()
