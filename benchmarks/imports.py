"""How long ``import claimtrack`` takes, beside ``import networkx`` in the same run.

    .venv/bin/python benchmarks/imports.py [--runs N]

Each import runs in a fresh interpreter (``python -c "import ..."``), the two
alternating, ``--runs`` times each (default 15), after one run of each that
writes the bytecode caches; the wall time is measured inside the interpreter,
around the import statement alone. It prints the fastest and the median run
of each, and their ratio. A third row imports claimtrack and then touches
``claimtrack.ClaimGraph``, the first thing most scripts use, which loads the
graph (and so networkx) on demand.

The target is ``import claimtrack`` at most 1.5 times ``import networkx``:
claimtrack imports networkx only when a graph is first used, compiles its
regular expressions on first use, and reads entry points on the first look-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

from claimtrack._format import render_table

STATEMENTS = {
    "import networkx (baseline)": "import networkx",
    "import claimtrack": "import claimtrack",
    "import claimtrack; claimtrack.ClaimGraph": "import claimtrack; claimtrack.ClaimGraph",
}
TIMED = "import time; start = time.perf_counter(); {}; print(time.perf_counter() - start)"


def once(statement: str) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, "-c", TIMED.format(statement)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return float(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in STATEMENTS}
    for statement in STATEMENTS.values():
        once(statement)  # writes the bytecode caches
    for _ in range(args.runs):
        for name, statement in STATEMENTS.items():
            times[name].append(once(statement))
    base = times["import networkx (baseline)"]
    rows = []
    for name, runs in times.items():
        best, median = min(runs), statistics.median(runs)
        rows.append(
            [
                name,
                f"{best * 1000:.0f}",
                f"{median * 1000:.0f}",
                f"{best / min(base):.2f}",
                f"{median / statistics.median(base):.2f}",
            ]
        )
    print(f"import time, fresh interpreters, {args.runs} runs each")
    headers = ["statement", "best ms", "median ms", "best / networkx", "median / networkx"]
    print(render_table(headers, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
