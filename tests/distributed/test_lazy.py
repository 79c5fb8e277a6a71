"""Dask is an extra: importing claimtrack, or even claimtrack.distributed, loads none of it."""

from __future__ import annotations

import subprocess
import sys


def test_importing_claimtrack_and_its_distributed_door_loads_no_dask() -> None:
    code = (
        "import sys, claimtrack, claimtrack.distributed, claimtrack.cli; "
        "print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('dask', 'distributed', 'pyarrow', 'pandas')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
