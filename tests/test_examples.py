"""Examples are code: every script in examples/ runs, the notebook runs top to bottom,
and the guide builds strictly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "examples").glob("*.py"))


def run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_there_are_examples() -> None:
    names = {p.name for p in SCRIPTS}
    assert {"seed_story.py", "custom_checker.py"} <= names
    assert (ROOT / "examples" / "tour.ipynb").is_file()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_script_runs(script: Path, tmp_path: Path) -> None:
    done = run([sys.executable, str(script)], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "an example prints what it finds"
    assert list(tmp_path.iterdir()) == [], "examples write nothing where they are run"


def test_the_seed_story_tells_the_seed_facts(tmp_path: Path) -> None:
    out = run([sys.executable, str(ROOT / "examples" / "seed_story.py")], cwd=tmp_path).stdout
    assert "= 42 located of 45 for Russia: consistent" in out  # the parts add up
    assert "only 43% of nearly 12,000 = 5,160" in out  # the derived figure
    assert "more than the 45 Russian defence ministry states" in out  # Monitor A contradicts
    assert "via ['Outlet C', 'Seed Wire']" in out and "independent sources behind it: 2" in out
    assert "24 mi = 38.6 km" in out


def test_the_custom_checker_records_cross_side_agreement(tmp_path: Path) -> None:
    out = run([sys.executable, str(ROOT / "examples" / "custom_checker.py")], cwd=tmp_path).stdout
    before, after = out.split("opposing_sides, same_side_echo", 1)
    assert "[opposing_sides]" not in before and "[opposing_sides]" in after
    assert "An admission against interest" in after and "weak corroboration" in after


def test_the_tour_notebook_runs_top_to_bottom(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # the kernel inherits the environment: without MPLBACKEND it draws inline, as for a user
    monkeypatch.delenv("MPLBACKEND", raising=False)
    notebook = nbformat.read(ROOT / "examples" / "tour.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        # run away from the checkout: the notebook finds its data through ct.datasets
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("disputed" in h for h in html) and any("Estimates" in h for h in html)
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2, "the board and the graph picture are drawn"
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "more rows not shown" in printed  # str(assessment), cut at the limit set


def test_the_guide_builds_strictly(tmp_path: Path) -> None:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    done = run([str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")], ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    api = (tmp_path / "site" / "api.html").read_text("utf-8")
    for name in ("plot_board", "to_pandas", "claim_reviews", "ClaimGraph", "assess"):
        assert f'id="claimtrack.{name}"' in api, name
    # docstring examples are code, not nested quotes (">>>" read as three "> " quotes)
    assert "<blockquote>" not in api
    # code is coloured at build time: nothing is fetched to read the guide
    for page in (tmp_path / "site").glob("*.html"):
        html = page.read_text("utf-8")
        assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', html), page.name
    assert '<span class="n">' in api and (tmp_path / "site" / "css" / "pygments.css").is_file()
