"""How the default truth-discovery method's time grows with the data, beside
``truthdiscovery``'s PooledInvestment on the same observations.

    .venv/bin/python benchmarks/engine.py                      # 10k, 100k, 1M
    .bench-venv/bin/python benchmarks/engine.py --sizes 100000 1000000

The observations are ``truth.py``'s synthetic ones (400 sources, five a
quantity, a tenth of them "about" figures, 40 copiers). For each size it
prints CPU seconds (``time.process_time``) of:

- copy detection: the tests of which sources copy which (the identical-claims
  test before the rounds, and Dong et al.'s test and the rare-claims test once
  the accuracies settle), timed inside one run of the method;
- the whole default method (``discover``), copy detection included;
- ``truthdiscovery``'s PooledInvestment, building its dataset included, when
  that package is importable (see ``truth.py``'s docstring for its environment);

and, from the second size on, how much each grew per tenfold (10 is linear).
The targets: copy detection at most 12 times per tenfold, and the default
method within 1.5 times PooledInvestment at a million observations.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from typing import Any

from truth import run_truthdiscovery, synthetic, truthdiscovery_methods

from claimtrack._format import render_table
from claimtrack.assessment.truth import DEFAULT_METHOD, discover
from claimtrack.assessment.truth import _accucopy as engine


def timed_copy_detection() -> tuple[dict[str, float], Any]:
    """Wrap the state's copy tests so that their CPU time adds up in ``spent``."""
    spent = {"copying": 0.0}
    originals = {}
    for name in ("link_identical", "detect_copying"):
        original = getattr(engine._State, name)
        originals[name] = original

        def wrapper(self: Any, _original: Any = original) -> None:
            start = time.process_time()
            _original(self)
            spent["copying"] += time.process_time() - start

        setattr(engine._State, name, wrapper)

    def restore() -> None:
        for name, original in originals.items():
            setattr(engine._State, name, original)

    return spent, restore


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    others = truthdiscovery_methods(quick=True)
    pooled = None if isinstance(others, str) else others["PooledInvestment"]
    rows = []
    previous: dict[str, float] | None = None
    for size in args.sizes:
        items, _ = synthetic(size)
        spent, restore = timed_copy_detection()
        start = time.process_time()
        discover(items, method=DEFAULT_METHOD)
        whole = time.process_time() - start
        restore()
        current = {"copying": spent["copying"], "whole": whole}
        if pooled is not None:
            start = time.process_time()
            run_truthdiscovery(items, pooled)
            current["pooled"] = time.process_time() - start
        row = [f"{size:,}", f"{current['copying']:.2f}", f"{whole:.2f}"]
        row.append(f"{current['pooled']:.2f}" if "pooled" in current else "-")
        row.append(f"{whole / current['pooled']:.2f}" if "pooled" in current else "-")
        for key in ("copying", "whole", "pooled"):
            if previous is None or key not in current or not previous.get(key):
                row.append("-")
            else:
                factor = math.log10(size / previous["size"])
                growth = (current[key] / previous[key]) ** (1.0 / factor)
                row.append(f"{growth:.1f}")
        current["size"] = size
        previous = current
        rows.append(row)
    headers = [
        "observations", "copy detection s", "default s", "PooledInvestment s",
        "default / Pooled", "copying per 10x", "default per 10x", "Pooled per 10x",
    ]  # fmt: skip
    print(render_table(headers, rows))
    if pooled is None:
        print(f"truthdiscovery: {others}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
