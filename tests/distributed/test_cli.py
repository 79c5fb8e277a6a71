"""`claimtrack extract` and `claimtrack check` on Dask: --scheduler (the tests' cluster) and
--workers (a local cluster of their own)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from distributed import Client

from claimtrack import load
from claimtrack.cli import main

from .test_cluster import ARTICLES, EXPECTED, one_by_one


def test_extract_and_check_on_a_scheduler(
    client: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps(a) for a in ARTICLES] + ["{broken"]
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    address = client.scheduler.address
    out = tmp_path / "claims"
    assert main(["extract", str(corpus), "--scheduler", address, "--out", str(out)]) == 0
    printed, err = capsys.readouterr()
    assert "claims written to" in printed and "1 documents skipped" in printed
    assert f"skipped: {corpus}, line {len(ARTICLES) + 1}" in err
    assert [c for p in sorted(out.glob("claims-*.jsonl")) for c in load(p)] == EXPECTED
    tables = tmp_path / "tables"
    argv = ["check", str(out), "--scheduler", address, "--out", str(tables), "--no-progress"]
    assert main(argv) == 0
    printed, err = capsys.readouterr()
    assert err == ""
    assert " claims graded (derived ones included), " in printed.splitlines()[0]
    assert "\nEstimates\n=========\n" in printed
    estimates = pd.read_parquet(tables / "estimates.parquet")
    grades = pd.read_parquet(tables / "grades.parquet")
    assert set(grades.id) >= {c.id for c in EXPECTED} and len(estimates) > 100


def test_extract_with_workers_starts_its_own_cluster(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES[:10]), "utf-8")
    assert main(["extract", str(corpus), "--workers", "1", "--format", "jsonl"]) == 0
    printed, _ = capsys.readouterr()
    ids = [json.loads(line)["id"] for line in printed.splitlines()]
    assert ids == [c.id for c in one_by_one(ARTICLES[:10])]


@pytest.mark.parametrize("files", [["a.txt", "b.txt"], ["-"]])
def test_extract_on_dask_reads_one_file_or_folder(
    files: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", *files, "--workers", "1"]) == 2
    _, err = capsys.readouterr()
    assert "one file or folder" in err and repr(" ".join(files)) in err
