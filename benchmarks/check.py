"""What ``claimtrack check`` costs beyond the library's own work, on 100k claims.

    .venv/bin/python benchmarks/check.py               # 100k claims
    .venv/bin/python benchmarks/check.py --claims N --repeats R

The claims are ``claimtrack.synth.generate``'s (200 sources, one quantity per ten
claims), written to a JSON Lines file. Each run is a fresh child process, so
that one run's heap does not slow the next; it reports its CPU seconds
(``time.process_time``) from before the file is read to the end:

- baseline: ``load``, ``ClaimGraph.add_all`` and ``link``, ``assess``: the work
  the command reports on, and nothing printed;
- ``claimtrack check FILE --no-progress``, printing its tables (to /dev/null);
- the same with ``--html`` (the report written to a temporary file).

The runs take turns, ``--repeats`` times (default 2); the fastest of each is
shown with its ratio to the baseline. The target is ``check`` within 1.3 times
the baseline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from claimtrack._format import render_table

CHILD = """
import contextlib, os, sys, time
start = time.process_time()
if sys.argv[1] == "baseline":
    import claimtrack as ct
    graph = ct.ClaimGraph()
    graph.add_all(ct.load(sys.argv[2]))
    graph.link()
    ct.assess(graph)
else:
    from claimtrack.cli import main
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        status = main(["check", *sys.argv[2:], "--no-progress"])
    assert status == 0, status
print(time.process_time() - start)
"""


def run(*args: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, check=True
    )
    return float(out.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    from claimtrack import dump
    from claimtrack.synth import generate

    data = generate(
        n_claims=args.claims, n_quantities=max(1, args.claims // 10), n_sources=200, seed=7
    )
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "claims.jsonl")
        dump(data.claims, path)
        report = str(Path(folder) / "report.html")
        runs = {
            "load + link + assess (baseline)": ("baseline", path),
            "claimtrack check": ("check", path),
            "claimtrack check --html": ("check", path, "--html", report),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.repeats):
            for name, arguments in runs.items():
                times[name].append(run(*arguments))
    base = min(times["load + link + assess (baseline)"])
    rows = [[name, f"{min(t):.1f}", f"{min(t) / base:.2f}"] for name, t in times.items()]
    print(f"{args.claims:,} claims, CPU seconds, fastest of {args.repeats} runs each")
    print(render_table(["run", "s", "ratio"], rows))
    print(json.dumps({name: t for name, t in times.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
