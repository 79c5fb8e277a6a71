"""`claimtrack add`, `check` and `report` on a claim base (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import sys
from functools import partial
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.cli import main

from ..factories import EVIL, assert_escaped, make_claim
from .conftest import NewTarget

drone = partial(make_claim, measure="drones destroyed", period="2024-08-21")


@pytest.fixture
def reports(tmp_path: Path) -> dict[str, Path]:
    monday = [drone("45", "MoD", place="Russia"), drone("23", "MoD", place="Bryansk")]
    tuesday = [drone("about 44", "Monitor", place="Russia"),
               drone("60", EVIL, place="Russia", text=EVIL),
               make_claim("3", "Governor", measure="people killed", place="Belgorod")]  # fmt: skip
    ct.dump(monday, tmp_path / "monday.jsonl")
    ct.dump(tuesday, tmp_path / "tuesday.csv")
    (tmp_path / "broken.jsonl").write_text(
        (tmp_path / "monday.jsonl").read_text() + '{"source": "X", "figure": "12"}\n'
    )
    return {"monday": tmp_path / "monday.jsonl", "tuesday": tmp_path / "tuesday.csv",
            "broken": tmp_path / "broken.jsonl"}  # fmt: skip


def test_add_check_and_report(
    new_target: NewTarget,
    reports: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base = new_target()
    assert main(["add", base, str(reports["monday"]), str(reports["tuesday"])]) == 0
    out, err = capsys.readouterr()
    assert f"{reports['monday']}: 2 claims, 2 new; 1 verdict" in out
    assert "tuesday.csv: 3 claims, 3 new" in out and out.rstrip().endswith(": 5 claims")
    line = tmp_path / "tuesday.jsonl"
    ct.dump([drone("41", "Observer", place="Russia")], line)
    monkeypatch.setattr(sys, "stdin", io.StringIO(line.read_text()))
    assert main(["add", base, "-", str(reports["broken"])]) == 0
    out, err = capsys.readouterr()
    assert "standard input: 1 claim, 1 new" in out
    assert "broken.jsonl: 2 claims, 0 new, 1 line skipped" in out
    assert "line 3, field measure" in err

    assert main(["check", base]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("6 claims from 5 sources")
    assert "Belgorod" in out and "\nEstimates\n" in out and "\nGrades\n" in out
    assert main(["check", base, "--measure", "people killed"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("1 claim from 1 source") and "Russia" not in out.split("Grades")[0]
    assert main(["check", base, "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out == "No claims to check.\n"

    assert main(["report", base, "--html", str(tmp_path / "desk.html")]) == 0
    page = (tmp_path / "desk.html").read_text()
    assert "Belgorod" in page and "Bryansk" in page
    assert_escaped(page)


def test_add_goes_on_past_a_file_it_cannot_read(
    tmp_path: Path, reports: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base = str(tmp_path / "desk.db")
    assert main(["add", base, str(tmp_path / "missing.jsonl"), str(reports["monday"])]) == 1
    out, err = capsys.readouterr()
    assert "missing.jsonl: no such file" in err and "monday.jsonl: 2 claims, 2 new" in out


def test_check_and_report_need_an_existing_base(
    tmp_path: Path, reports: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "nothing.db")]) == 1
    assert "nothing.db: no such file; make one with: claimtrack add" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "nothing.db"), "--html", "x.html"]) == 1
    assert not (tmp_path / "nothing.db").exists()
    assert main(["check", str(reports["monday"]), "--since", "2024-01-01"]) == 2
    assert "select in a claim base" in capsys.readouterr().err
