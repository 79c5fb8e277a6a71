"""`claimtrack extract | claimtrack check`: extracted claims meet, unknown places are named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.cli import main

from ..extraction.test_articles import ARTICLES, _dispatches


def test_extract_then_check_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = []
    for dispatch in _dispatches("health_cholera"):
        text = tmp_path / f"{dispatch['id']}.txt"
        text.write_text(dispatch["text"], "utf-8")
        args = ["extract", str(text), "--published", dispatch["published"]]
        assert main([*args, "--outlet", dispatch["outlet"], "--format", "jsonl"]) == 0
        lines += capsys.readouterr().out.splitlines()
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(lines) + "\n", "utf-8")
    assert {json.loads(line)["measure"] for line in lines} == {"deaths", "cases"}
    assert main(["check", str(claims)]) == 0
    out, err = capsys.readouterr()
    assert "0 verdicts" not in out.splitlines()[0]  # the tolls meet: updates and agreement
    assert err == ""  # Blantyre and Malawi are known places
    assert ARTICLES.is_dir()


def test_check_warns_about_places_it_cannot_resolve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "claims.jsonl"
    rows = [
        {"source": "A", "measure": "deaths", "figure": "12", "place": "Velmora Flats"},
        {"source": "B", "measure": "deaths", "figure": "14", "place": "Aleppo"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    assert main(["check", str(path)]) == 0
    err = capsys.readouterr().err
    assert "1 place not in the gazetteer" in err and "Velmora Flats" in err
    assert "Aleppo" not in err
