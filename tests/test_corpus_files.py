"""The real-text corpus files stay well formed: every figure in its passage, the
split rule kept, and no article both tuned on and held out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

VALIDATE = Path(__file__).parent / "data" / "real_text" / "validate.py"


def test_the_real_text_corpus_and_its_held_out_sets_validate() -> None:
    done = subprocess.run(
        [sys.executable, str(VALIDATE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("0 problems")
    assert "holdout" in done.stdout and "opened" in done.stdout
