"""The ``claimtrack extract`` command: claims from a text file as JSON Lines or a table."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack import Claim
from claimtrack.cli import main
from claimtrack.io import converter

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "seeds" / "report.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["extract", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_jsonl_prints_one_claim_a_line_in_the_on_disk_form(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, str(REPORT), "--published", "2024-08-22", "--format", "jsonl")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    first = records[0]
    assert first["figure"]["value"] == 11 and first["figure"]["low"] == 11
    assert first["source"] == {"name": "Russian defence ministry", "aliases": ["defence ministry"]}
    assert (first["place"], first["period"], first["published"]) == (
        "Moscow",
        "2024-08-21",
        "2024-08-22",
    )
    text = REPORT.read_text("utf-8")
    for record in records:
        start, end = record["span"]
        assert text[start:end] == record["figure"]["text"]
        claim = converter.structure(record, Claim)  # the line loads back as the same claim
        assert claim.id == record["id"]
    over = next(r for r in records if r["figure"]["text"] == "over 40")
    assert over["figure"]["high"] is None and over["figure"]["low_open"] is True


def test_outlet_is_the_fallback_source_and_the_relay(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, str(REPORT), "--outlet", "Seed Wire", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["source"]["name"] for r in records} >= {"Seed Wire", "Kyiv"}
    assert all(r["via"] == ["Seed Wire"] for r in records if r["source"]["name"] == "Kyiv")
    assert all(r["published"] is None and r["period"] in (None, "2022/") for r in records)


def test_table_is_the_default_and_reads_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, str(REPORT), "--published", "2024-08-22")
    lines = out.splitlines()
    assert status == 0
    assert lines[0].split() == ["source", "measure", "figure", "place", "period", "span"]
    assert set(lines[1]) <= {"-", " "}
    assert any("nearly 12,000" in line and "Ukrainian military officials" in line for line in lines)


def test_standard_input_is_read_for_a_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Police said 14 people were arrested."))
    _, out, _ = run(capsys, "-", "--format", "jsonl")
    assert [json.loads(line)["source"]["name"] for line in out.splitlines()] == ["Police"]


def test_a_text_without_figures_prints_an_empty_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "quiet.txt"
    path.write_text("Nothing happened in 2023.", "utf-8")
    _, out, _ = run(capsys, str(path), "--format", "jsonl")
    assert out == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "missing.txt: no such file"),
        ([str(REPORT), "--published", "22/08/2024"], "published"),
    ],
)
def test_errors_exit_1_with_a_message(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = run(capsys, *args)
    assert status == 1 and out == ""
    assert err.startswith("claimtrack: error:") and message in err


def test_hedge_widths_are_the_users_to_set(capsys: pytest.CaptureFixture[str]) -> None:
    def around(*args: str) -> dict[str, object]:
        _, out, _ = run(capsys, str(REPORT), "--format", "jsonl", *args)
        records = [json.loads(line) for line in out.splitlines()]
        figure = next(r["figure"] for r in records if r["figure"]["text"] == "around 200")
        return {k: figure[k] for k in ("low", "high")}

    assert around() == {"low": 180, "high": 220}  # the default policy: 10%
    assert around("--about", "0.25") == {"low": 150, "high": 250}
    _, out, _ = run(capsys, str(REPORT), "--format", "jsonl", "--nearly", "0.2")
    nearly = next(json.loads(x)["figure"] for x in out.splitlines() if "nearly 12" in x)
    assert (nearly["low"], nearly["high"]) == (9600, 12000)


def test_a_hedge_width_out_of_range_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(REPORT), "--about", "1.5")
    assert status == 1 and out == ""
    assert "HedgePolicy.about" in err and "1.5" in err and "[0, 1)" in err


def test_a_bad_format_is_refused_by_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(REPORT), "--format", "xml"])
    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", "extract", str(REPORT), "--published", "2024-08-22",
         "--format", "jsonl"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert len(lines) >= 15
    assert json.loads(lines[-1])["figure"]["value"] == 238
