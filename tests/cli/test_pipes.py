"""The command line in a pipe: - is standard input, results machine-readable, output
paths checked first, and dates in the forms spreadsheets hold."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.cli import main

ROOT = Path(__file__).resolve().parents[2]
COMMAND = [sys.executable, "-m", "claimtrack"]


def test_extract_piped_into_check_gives_json(tmp_path: Path) -> None:
    env = {**os.environ, "MPLBACKEND": "Agg"}
    extract = subprocess.Popen(
        [*COMMAND, "extract", str(ct.datasets.path("report.txt")), "--published",
         "2024-08-22", "--outlet", "Seed Wire", "--format", "jsonl"],
        stdout=subprocess.PIPE, cwd=tmp_path, env=env,
    )  # fmt: skip
    check = subprocess.run(
        [*COMMAND, "check", "-", "--format", "json"], stdin=extract.stdout,
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert extract.stdout is not None
    extract.stdout.close()
    assert extract.wait(timeout=60) == 0
    assert check.returncode == 0, check.stderr
    result = json.loads(check.stdout)
    assert result["claims"] >= 10 and result["skipped"] == []
    assert {"quantity", "best", "low", "high", "sources"} <= set(result["estimates"][0])
    assert {"id", "grade", "credibility", "reasons"} <= set(result["grades"][0])
    assert len(result["grades"]) == result["claims"]


def test_check_reads_standard_input_in_any_format(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ct.datasets.path("seed_report.csv").read_text("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["check", "-", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    seeds = ct.assess(ct.ClaimGraph(ct.datasets.seed_report()))
    assert len(rows) == len(seeds.estimates)
    assert {"quantity", "best", "low", "high", "unit", "claims", "sources"} <= set(rows[0])


def test_check_json_has_disputes_and_the_lines_it_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "claims.jsonl"
    ct.dump(ct.datasets.seed_report() + ct.datasets.counter_report(), path)
    path.write_text(path.read_text() + "{not json\n")
    assert main(["check", str(path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["skipped"][0]["line"] == 29 and "not JSON" in result["skipped"][0]["reason"]
    (bryansk,) = [
        d for d in result["disputes"] if d["quantity"].startswith("drones destroyed · Bryansk")
    ]
    assert len(bryansk["sides"]) == 2 and "apart" in bryansk["reasons"][0]
    assert "skipped" in err  # people still hear about it on standard error


def test_output_paths_are_checked_before_the_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no such folder" / "report.html"
    assert main(["check", str(ct.datasets.path("seed_report.csv")), "--html", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""  # nothing was linked, assessed or printed
    assert "there is no folder" in err and "no such folder" in err
    assert main(["check", str(ct.datasets.path("seed_report.csv")), "--html", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_the_report_can_go_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ct.datasets.path("seed_report.csv"))
    assert main(["check", path, "--format", "json", "--html", "-"]) == 0
    out = capsys.readouterr().out
    assert out.count("<!DOCTYPE html>") == 1


def test_extract_reads_many_texts_with_one_progress_bar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ct.datasets.seed_text()
    files = []
    for i in range(3):
        files.append(tmp_path / f"t{i}.txt")
        files[-1].write_text(text)
    assert main(["extract", *map(str, files), "--published", "2024-08-22", "--format",
                 "jsonl", "--progress"]) == 0  # fmt: skip
    out, err = capsys.readouterr()
    one = len(ct.extract(text, published="2024-08-22"))
    assert len(out.splitlines()) == 3 * one
    assert "extracting: 100%" in err and "3/3" in err


DATES = """source,measure,figure,place,published,period
A,deaths,10,Derna,"March 3, 2025",3 March 2025
B,deaths,12,Derna,13/03/2025,2025-03
C,deaths,14,Derna,03/13/2025 14:30,since 2 March 2025
D,deaths,16,Derna,2025/03/04,March 2025
"""


def test_common_date_forms_are_read(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(DATES)
    a, b, c, d = ct.load(path)
    assert (
        a.published
        == ct.Claim(source="x", measure="m", figure="1", published="2025-03-03").published
    )
    assert str(a.period) == "2025-03-03" and str(b.published) == "2025-03-13"
    assert c.published.isoformat() == "2025-03-13T14:30:00" and str(c.period) == "2025-03-02/"
    assert str(d.published) == "2025-03-04" and str(d.period) == "2025-03"


def test_ambiguous_days_are_refused_with_both_readings_unless_an_order_is_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(
        "source,measure,figure,published\nA,deaths,10,2025-03-03\nB,deaths,12,03/04/2025\n"
    )
    with pytest.raises(ct.FileFormatError) as caught:
        ct.load(path)
    message = str(caught.value)
    assert "line 3" in message and "published" in message
    assert "3 April 2025 read day first" in message and "4 March 2025 read month first" in message
    assert str(ct.load(path, day_first=True)[1].published) == "2025-04-03"
    assert str(ct.load(path, day_first=False)[1].published) == "2025-03-04"
    assert main(["check", str(path), "--month-first", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["skipped"] == []
    assert main(["check", str(path), "--format", "json"]) == 0
    skipped = json.loads(capsys.readouterr().out)["skipped"]
    assert skipped[0]["line"] == 3 and "--day-first" in skipped[0]["reason"]


def test_the_command_flushes_all_its_output_before_it_leaves(tmp_path: Path) -> None:
    # run() leaves without freeing the heap: what it wrote must all be out first
    claims = [
        ct.Claim(source=f"S{i % 7}", measure="people displaced", figure=str(100 + i),
                 place=f"Town {i // 3}")
        for i in range(3000)
    ]  # fmt: skip
    path = tmp_path / "claims.csv"
    ct.dump(claims, path)
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run(
        [*COMMAND, "check", str(path), "--all", "--no-progress", "--format", "csv"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(done.stdout) > 100_000  # past any pipe's buffer
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 1000  # every quantity's row, the last one included
    failed = subprocess.run(
        [*COMMAND, "check", str(tmp_path / "none.csv")],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert failed.returncode == 1 and "claimtrack: error" in failed.stderr
