"""What a reader sees, in real Chromium: the report's first screen, and claimtrack's tables
in a real JupyterLab page, whose own CSS right-aligns every table cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import claimtrack as ct

from ..factories import seed_graph
from .browser import chromium, executed_notebook, jupyterlab, wait_for

#: Every cell of claimtrack's tables in the page: its text, computed alignment and header.
CELLS = """
return Array.from(document.querySelectorAll('table.ct')).flatMap(table => {
  const heads = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
  return Array.from(table.querySelectorAll('tbody tr')).flatMap(tr =>
    Array.from(tr.children).map((td, i) => ({
      header: heads[i] || '', text: td.textContent.trim(),
      align: getComputedStyle(td).textAlign})));
});
"""


@pytest.fixture(scope="module")
def driver() -> Any:
    with chromium() as browser:
        yield browser


def test_the_report_s_first_screen_shows_the_disputes(driver: Any, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(ct.report_html(seed_graph().assess(), title="The seed report"), "utf-8")
    driver.set_window_size(1280, 900)
    driver.get(page.as_uri())
    wait_for(driver, "div.dispute")
    screen = driver.execute_script("return window.innerHeight")
    tops = driver.execute_script(
        "return Array.from(document.querySelectorAll('div.dispute'))"
        ".map(d => d.getBoundingClientRect().top)"
    )
    assert tops and tops[0] < screen  # the first dispute is on the first screen
    folded = driver.execute_script(
        "return Array.from(document.querySelectorAll('details')).filter(d => !d.open).length"
    )
    assert folded >= 5
    # the board's labels are text a reader can find and copy
    found = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg text'))"
        ".some(t => t.textContent.includes('Monitor A'))"
    )
    assert found


def test_tables_in_jupyterlab_align_prose_left_and_numbers_right(
    driver: Any, tmp_path: Path
) -> None:
    executed_notebook(
        tmp_path / "probe.ipynb",
        [
            "import claimtrack as ct\n"
            "g = ct.ClaimGraph(ct.datasets.seed_report() + ct.datasets.counter_report())\n"
            "g.link();",
            "g",
            "a = ct.assess(g)\na",
            "ct.ClaimGraph(ct.datasets.seed_report()).link(progress=True)",
        ],
    )
    import nbformat

    # in a notebook the progress bar is tqdm's widget, not text on standard error
    ran = nbformat.read(tmp_path / "probe.ipynb", as_version=4)
    shown = [o for o in ran.cells[-1].outputs if "data" in o]
    assert any("application/vnd.jupyter.widget-view+json" in o["data"] for o in shown)
    with jupyterlab(tmp_path) as url:
        driver.set_window_size(1400, 1000)
        driver.get(f"{url}/lab/tree/probe.ipynb")
        wait_for(driver, ".jp-OutputArea-output table.ct td", timeout=120)
        # JupyterLab's own rule is there, and would right-align every cell...
        lab_rule = driver.execute_script(
            "const t = document.createElement('table'); const td = document.createElement('td');"
            "t.appendChild(document.createElement('tbody')).appendChild("
            "document.createElement('tr')).appendChild(td);"
            "document.querySelector('.jp-RenderedHTMLCommon').appendChild(t);"
            "const a = getComputedStyle(td).textAlign; t.remove(); return a;"
        )
        assert lab_rule == "right"
        cells = driver.execute_script(CELLS)
    # ...but claimtrack's cells say their own alignment
    prose = [c for c in cells if c["header"] in ("why", "reason", "sides", "source", "quantity")]
    assert len(prose) >= 20 and {c["align"] for c in prose} == {"left"}
    # (the reliability column is not among them: a source with too little evidence
    # reads "not enough data" there, so the column is prose)
    numbers = [c for c in cells if c["header"] in ("strength", "claims")]
    assert numbers and {c["align"] for c in numbers} == {"right"}
