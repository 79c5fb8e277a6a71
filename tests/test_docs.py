"""Docs are code: every example in the README and docs/ runs here."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(page: Path, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(page.read_text("utf-8")) if lang == language]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for body in blocks(page, "python"):
        exec(compile(body, str(page), "exec"), namespace)
    sessions = "\n".join(blocks(page, "pycon"))
    parser = doctest.DocTestParser()
    test = parser.get_doctest(sessions, namespace, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} example(s) failed in {page.name}"


def test_the_readme_has_the_two_command_quick_start() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [line.split("#")[0].strip() for line in blocks_in(quick, "sh")]
    assert commands == ["make demo", "make test"]


def blocks_in(text: str, language: str) -> list[str]:
    return [
        line
        for lang, body in FENCE.findall(text)
        if lang == language
        for line in body.splitlines()
        if line.strip()
    ]


def test_the_newcomer_path_is_written_down() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    # the command lives in the virtual environment, and the notebook has a way in
    assert ".venv/bin/claimtrack" in readme and "source .venv/bin/activate" in readme
    assert "make notebook" in readme and "'.[jupyter]'" in readme
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "notebook:" in makefile and "jupyter lab examples/tour.ipynb" in makefile
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert "\njupyter = [" in pyproject and "jupyterlab" in pyproject
    # no install line that cannot work: the package is not on the index
    for page in (ROOT / "README.md", ROOT / "docs" / "index.md"):
        text = page.read_text("utf-8")
        assert not re.search(r"pip install '?claimtrack(\[\w+\])?'?\s*(#|$)", text, re.M), page
    for image in ("report.png", "timeline.png", "notebook.png"):
        assert f"docs/img/{image}" in readme and (ROOT / "docs" / "img" / image).is_file()
