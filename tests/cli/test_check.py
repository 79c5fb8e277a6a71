"""`claimtrack check` and `claimtrack demo`: tables in the terminal, a self-contained report."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.cli import main

from ..factories import EVIL, assert_escaped, evil_claim

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    claims = ct.load(SEEDS / "seed_report.csv") + ct.load(SEEDS / "counter_report.csv")
    path = tmp_path_factory.mktemp("claims") / "both.jsonl"
    ct.dump(claims, path)
    return path


def test_check_prints_disputes_estimates_and_grades(
    both: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(both)]) == 0
    out, err = capsys.readouterr()
    assert err == ""  # not a terminal: no progress bar
    assert out.startswith("28 claims from")
    for title in ("Disputes", "Estimates", "Grades"):
        assert f"\n{title}\n{'=' * len(title)}\n" in out
    disputes = out.split("\nDisputes\n", 1)[1].split("\nEstimates\n", 1)[0]
    (bryansk,) = [line for line in disputes.splitlines() if "· Bryansk ·" in line]
    sides = bryansk.split("2024-08-21", 1)[1].strip().split(" vs ")
    assert sorted(sides) == ["23 Russian defence ministry (via Seed Wire)", "30 Monitor A"]
    # Monitor A's Bryansk figure is no side of the national dispute: a part, named apart
    assert "parts adding up to more" in disputes.splitlines()[1]
    (russia,) = [line for line in disputes.splitlines() if "· Russia ·" in line]
    assert russia.endswith("  30 Monitor A (Bryansk)") and " vs " not in russia
    assert "more rows (--all shows every row)" in out  # 22 estimates, 25 rows shown


def test_check_all_prints_every_row(both: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(both), "--all"]) == 0
    out = capsys.readouterr().out
    assert "more rows" not in out
    grades = out.split("\nGrades\n======\n", 1)[1]
    assert len(grades.strip().splitlines()) == 2 + 28  # header, rule, each asserted claim


def test_check_reads_a_spreadsheet_s_own_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Who,Number killed,What,Where,When\n"
        "Ministry,45,drones destroyed,Russia,2024-08-21\n"
        "Monitor A,30,drones destroyed,Russia,2024-08-21\n",
        encoding="utf-8",
    )
    names = ["source=Who", "figure=Number killed", "measure=What", "place=Where", "period=When"]
    assert main(["check", str(sheet), *(f"--column={n}" for n in names)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 claims from 2 sources") and "30 Monitor A vs 45 Ministry" in out
    assert main(["check", str(sheet), "--column", "source=Whom"]) == 1
    assert "no column 'Whom' (for source); the header has Who" in capsys.readouterr().err
    for bad, message in [("source", "expected FIELD=COLUMN"), ("sauce=Who", "'sauce'")]:
        with pytest.raises(SystemExit) as usage:
            main(["check", str(sheet), "--column", bad])
        assert usage.value.code == 2  # a usage error
        assert message in capsys.readouterr().err
    assert main(["check", str(sheet)]) == 1
    assert "the header has Who, Number killed" in capsys.readouterr().err


def test_check_says_what_it_skipped_and_refuses_a_file_without_claims(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "some.csv"
    path.write_text(
        "source,measure,figure\nA,drones destroyed,45\nB,drones destroyed,not a number\n",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(
        "1 claim from 1 source, 0 verdicts, 0 disputed quantities; 1 line skipped"
    )
    assert "skipped" in err
    empty = tmp_path / "empty.csv"
    empty.write_text("source,measure,figure\n", encoding="utf-8")
    assert main(["check", str(empty)]) == 1  # it said "0 claims" and succeeded
    assert "holds no claims" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_check_reads_csv_and_json(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"seeds{suffix}"
    ct.dump(ct.load(SEEDS / "counter_report.csv"), path)
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.startswith("9 claims from")


def test_check_html_writes_one_self_contained_escaped_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = [evil_claim("45"), evil_claim("90", source=ct.Source("Monitor A")), evil_claim("46")]
    source = tmp_path / "evil.jsonl"
    ct.dump(claims, source)
    report = tmp_path / "report.html"
    assert main(["check", str(source), "--html", str(report)]) == 0
    assert f"Report written to {report}" in capsys.readouterr().out
    page = report.read_text("utf-8")
    assert_escaped(page)
    assert page.count("<svg") == 1 and "<script" not in page.lower()
    assert "default-src 'none'" in page  # the browser may fetch nothing
    # no request anywhere: only XML namespace names carry a URL
    urls = re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?([^"')\s>]+)""", page)
    assert all(u.startswith("#") for u in urls), urls
    assert not re.search(r"https?://(?!www\.w3\.org/)", page)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.jsonl", "report.html"]


def test_check_keeps_control_characters_off_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bell = "Monitor \x1b[31mA\x07"
    claims = [evil_claim("45"), evil_claim("90", source=ct.Source(bell))]
    path = tmp_path / "bell.jsonl"
    ct.dump(claims, path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Monitor [31mA" in out


def test_check_skips_bad_lines_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "some.csv"
    path.write_text(
        "source,measure,figure,place\nKyiv,attacks repelled,over 40,Pokrovsk\n"
        "Monitor A,attacks repelled,lots,Pokrovsk\n",
        "utf-8",
    )
    assert main(["check", str(path)]) == 0
    captured = capsys.readouterr()
    assert "skipped" in captured.err and "line 3" in captured.err and "'lots'" in captured.err
    assert captured.out.startswith("1 claim from")


def test_check_on_a_missing_file_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "nowhere.jsonl"]) == 1
    assert "nowhere.jsonl: no such file" in capsys.readouterr().err


def test_a_file_of_claims_where_a_base_belongs_says_what_to_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = tmp_path / "toll.csv"
    claims.write_text("source,measure,figure\nAFAD,deaths,45\n", encoding="utf-8")
    before = claims.read_bytes()
    assert main(["report", str(claims), "--html", str(tmp_path / "r.html")]) == 1
    err = capsys.readouterr().err
    assert "not a claim base" in err and "not a database" not in err
    assert f"claimtrack check {claims} --html OUT" in err
    # the arguments of add the wrong way round: the file is left as it was
    assert main(["add", str(claims), str(tmp_path / "desk.db")]) == 1
    assert f"the base comes first: claimtrack add desk.db {claims}" in capsys.readouterr().err
    assert claims.read_bytes() == before and not (tmp_path / "r.html").exists()
    assert not (tmp_path / "desk.db").exists()


def test_check_unknown_method_lists_the_known_ones(
    both: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(both), "--method", "tea-leaves"]) == 1
    assert "tea-leaves" in capsys.readouterr().err


def test_progress_bar_goes_to_stderr_when_asked(
    both: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(both), "--progress"]) == 0
    captured = capsys.readouterr()
    # one bar over one link(): the claims, and the two a checker derived on the way
    assert "linking: 100%" in captured.err and "30/30" in captured.err
    assert "linking" not in captured.out


def test_no_progress_shows_no_bar_even_when_the_settings_ask(
    both: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ct.options.changed(progress=True):
        assert main(["check", str(both), "--no-progress"]) == 0
    assert capsys.readouterr().err == ""


def test_link_reports_progress_by_block_from_one_link() -> None:
    from claimtrack.synth import generate

    claims = generate(n_claims=2500, n_quantities=200, n_sources=10, seed=4).claims
    seen: list[tuple[int, int]] = []
    graph = ct.ClaimGraph(claims)
    graph.link(progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 150  # a tick per quantity block, not a few steps
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1][0] == seen[-1][1] >= len(claims)
    quiet = ct.ClaimGraph(claims)
    quiet.link(progress=False)
    assert {(v.relation.value, v.a.id, v.b.id) for v in graph.verdicts()} == {
        (v.relation.value, v.a.id, v.b.id) for v in quiet.verdicts()
    }


def test_demo_tells_the_story_and_writes_its_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "demo-output"
    assert main(["demo", "--out", str(out_dir)]) == 0
    out = capsys.readouterr().out
    assert (
        "2 Kursk + 6 Belgorod + 23 Bryansk + 11 Moscow region = 42 located of 45 for Russia: consistent"
        in out
    )
    assert "only 43% of nearly 12,000 missiles and drones fired = 5,160" in out
    assert "30 Bryansk + 6 Belgorod + 2 Kursk + 11 Moscow region = 49 by Monitor A" in out
    for title in ("Consensus estimates", "Source reliability", "Claim grades", "Files"):
        assert title in out
    assert "claims extracted from" in out
    assert sorted(p.name for p in out_dir.iterdir()) == ["board.png", "graph.png", "report.html"]
    for png in ("board.png", "graph.png"):
        assert (out_dir / png).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    page = (out_dir / "report.html").read_text("utf-8")
    assert "<svg" in page and "Monitor A" in page and EVIL not in page


def test_check_takes_places_and_measures_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text(
        "source,measure,figure,place,period\n"
        "Ministry,houses flooded,about 1200,Zembla,2031-03-14\n"
        "Ministry,houses flooded,800,Northvale,2031-03-14\n"
        "Rebels,houses swamped,more than 2000,Southmarsh,2031-03-14\n"
        "Wire,houses flooded,2100,Southmarsh,2031-03-14\n",
        encoding="utf-8",
    )
    places = tmp_path / "places.csv"
    places.write_text("name,within\nZembla,\nNorthvale,Zembla\nSouthmarsh,Zembla\n", "utf-8")
    measures = tmp_path / "measures.json"
    measures.write_text('{"synonyms": {"flooded": ["swamped"]}}', encoding="utf-8")
    assert main(["check", str(claims)]) == 0
    assert "0 disputed quantities" in capsys.readouterr().out
    assert main(["check", str(claims), "--places", str(places), "--measures", str(measures)]) == 0
    # the rebels' 2,000 meets the wire's 2,100 (one measure), and the parts exceed Zembla
    out = capsys.readouterr().out
    assert "1 disputed quantity" in out
    assert "These estimates do not add up" in out and "states for Zembla" in out
    assert main(["check", str(claims), "--places", str(tmp_path / "none.csv")]) == 1
    assert "none.csv: no such file" in capsys.readouterr().err


def test_a_reader_that_goes_away_ends_the_command_quietly(
    both: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read, write = os.pipe()
    os.close(read)  # "claimtrack check f | head": head has gone
    stream = os.fdopen(write, "w", buffering=1)
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(["check", str(both), "--all"]) == 1  # no BrokenPipeError traceback
    stream.close()


def test_assess_reports_progress_to_the_end() -> None:
    from claimtrack.synth import generate

    graph = ct.ClaimGraph(generate(n_claims=600, n_quantities=60, n_sources=8, seed=5).claims)
    seen: list[tuple[int, int]] = []
    quiet = ct.assess(graph, progress=lambda done, total: seen.append((done, total)))
    assessing = [s for s in seen if s[1] == 2 * len(graph)]
    linking = seen[: len(seen) - len(assessing)]
    assert linking and linking[-1][0] == linking[-1][1]  # linking first, to its end
    assert len(assessing) > 10 and assessing[-1] == (2 * len(graph), 2 * len(graph))
    assert ct.assess(graph, progress=False).estimates.keys() == quiet.estimates.keys()
