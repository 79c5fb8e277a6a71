"""Take the README's pictures in headless Chromium: the report's first screen, the
running-count timeline and a notebook page in JupyterLab.

    .venv/bin/python docs/screenshots.py        # writes docs/img/*.png

Needs the test extra (selenium, jupyterlab, nbclient) and Debian's chromium and
chromium-driver, as the browser checks in the suite do.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimtrack as ct  # noqa: E402
from tests.factories import story_claims  # noqa: E402
from tests.views.browser import chromium, executed_notebook, jupyterlab, wait_for  # noqa: E402

OUT = ROOT / "docs" / "img"


def report(folder: Path) -> None:
    """The seed report's first screen: what a reader sees on opening it."""
    graph = ct.ClaimGraph(ct.datasets.seed_report() + ct.datasets.counter_report())
    page = folder / "report.html"
    page.write_text(ct.report_html(graph.assess(), title="The seed report, checked"), "utf-8")
    with chromium(1100, 900) as driver:
        driver.get(page.as_uri())
        wait_for(driver, "div.dispute")
        driver.save_screenshot(str(OUT / "report.png"))


def timeline(folder: Path) -> None:
    """The running counts of a real story, as its report draws them."""
    graph = ct.ClaimGraph(story_claims("turkey_syria_quake_2023"))
    page = folder / "quake.html"
    page.write_text(ct.report_html(graph.assess(), title="Turkey-Syria earthquake"), "utf-8")
    with chromium(1100, 1200) as driver:
        driver.get(page.as_uri())
        svg = wait_for(driver, "h2 ~ svg")
        driver.execute_script("arguments[0].scrollIntoView()", svg)
        svg.screenshot(str(OUT / "timeline.png"))


def notebook(folder: Path) -> None:
    """The tour notebook, run, open in JupyterLab at the graph's tables."""
    import nbformat

    tour = nbformat.read(ROOT / "examples" / "tour.ipynb", as_version=4)
    cells = [c.source for c in tour.cells if c.cell_type == "code"][:6]
    executed_notebook(folder / "tour.ipynb", cells)
    with jupyterlab(folder) as url, chromium(1280, 900) as driver:
        driver.get(f"{url}/lab/tree/tour.ipynb")
        wait_for(driver, ".jp-OutputArea-output table.ct", timeout=120)
        time.sleep(2)  # let the page settle (fonts, the kernel's status)
        driver.execute_script(
            "const heads = Array.from(document.querySelectorAll('.jp-OutputArea-output th'));"
            "heads.find(h => h.textContent.includes('disputed quantity'))"
            ".closest('.jp-Cell').scrollIntoView({block: 'start'});"
        )
        time.sleep(0.5)
        driver.save_screenshot(str(OUT / "notebook.png"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-shots-"))
    try:
        report(folder)
        timeline(folder)
        notebook(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for name in ("report.png", "timeline.png", "notebook.png"):
        print(OUT / name)


if __name__ == "__main__":
    main()
