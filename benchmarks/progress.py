"""What the progress bar costs, and how much of ``claimtrack check`` it covers.

    .venv/bin/python benchmarks/progress.py                  # 100k claims, best of 3
    .venv/bin/python benchmarks/progress.py --claims 20000

First, CPU seconds (``time.process_time``) of ``link()`` alone, the best of
``--repeat`` runs each, with no progress, a callback per quantity, and tqdm's bar
drawn to a terminal-less stream; synthetic claims from
``claimtrack.synth.generate`` (a quantity per ten claims).

Then ``claimtrack check`` on the same claims written to CSV, run as a user runs it,
with ``--progress`` and with ``--no-progress`` in turn: the CPU seconds of each
(the bar's cost), and, for the run with bars, the share of its wall time during
which a bar was on screen (from a bar's first drawing to its last, read off the
standard error as it arrives; the union of the bars over the whole run, from the
command's start to its end, Python's start-up included).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.csv"
        ct.dump(claims, path)
        check_runs(path, args.repeat)
        bar_share(path)


_BAR = re.compile(r"(?:^|\r|\n)(loading|adding|linking|assessing|tables|report): *\d+%")


def check_once(path: Path, flag: str) -> tuple[float, float, dict[str, tuple[float, float]]]:
    """(CPU seconds, wall seconds, {bar: (first drawn, last drawn)}) of one check."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "check", str(path), flag],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "100"},
    )  # fmt: skip
    assert child.stderr is not None
    seen: dict[str, tuple[float, float]] = {}
    while chunk := os.read(child.stderr.fileno(), 65536):
        now = time.perf_counter() - start
        for name in _BAR.findall(chunk.decode("utf-8", "replace")):
            first, _ = seen.get(name, (now, now))
            seen[name] = (first, now)
    assert child.wait() == 0
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, seen


def covered(spans: list[tuple[float, float]]) -> float:
    """The length of the union of the spans."""
    total, end = 0.0, 0.0
    for first, last in sorted(spans):
        first = max(first, end)
        if last > first:
            total += last - first
            end = last
    return total


def check_runs(path: Path, repeat: int) -> None:
    cpu: dict[str, list[float]] = {"--no-progress": [], "--progress": []}
    shares: list[tuple[float, float, dict[str, tuple[float, float]]]] = []
    for _ in range(repeat):  # interleaved
        for flag in cpu:
            spent, wall, seen = check_once(path, flag)
            cpu[flag].append(spent)
            if flag == "--progress":
                shares.append((covered(list(seen.values())) / wall, wall, seen))
    quiet, shown = min(cpu["--no-progress"]), min(cpu["--progress"])
    print(f"claimtrack check of the same claims as CSV, best of {repeat} (CPU seconds)")
    print(f"  --no-progress    {quiet:7.2f}")
    print(f"  --progress       {shown:7.2f}  ({shown / quiet - 1:+.1%})")
    share, wall, seen = min(shares)
    print(f"  wall time under a bar: {share:.1%} of {wall:.1f} s (the least of {repeat} runs)")
    for name, (first, last) in sorted(seen.items(), key=lambda kv: kv[1]):
        print(f"    {name:<10} {first:6.1f} s to {last:6.1f} s")


def bar_share(path: Path) -> None:
    """The CPU the bars themselves take in one ``claimtrack check --progress``, counted
    rather than told apart from noise: every call into tqdm (making, updating and
    drawing a bar, closing it) is timed in-process, against the whole command's CPU.
    An update that draws is counted twice (update and the refresh inside it), so this
    is an upper bound; the ticker's own few lines per tick are not counted."""
    from tqdm import std

    from claimtrack.cli import main as check

    spent = 0.0
    calls = 0

    def timed_method(name: str) -> None:
        original = getattr(std.tqdm, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            nonlocal spent, calls
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent += time.process_time() - start
                calls += 1

        setattr(std.tqdm, name, wrapper)

    for name in ("__init__", "update", "refresh", "close"):
        timed_method(name)
    start = time.process_time()
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        check(["check", str(path), "--progress"])
    total = time.process_time() - start
    print(
        f"  the bars' own CPU in one check, counted: {spent:.3f} s of {total:.1f} s "
        f"({spent / total:.2%}; {calls:,} calls into tqdm)"
    )


if __name__ == "__main__":
    main()
