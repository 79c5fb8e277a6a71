"""Hostile input: only ClaimtrackError escapes, nothing hangs, interrupted writes lose nothing."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimtrack as ct

from .strategies import claims

fuzz = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

NUMBERISH = st.lists(
    st.sampled_from(
        [
            *list("0123456789,.- %$€£²+()[]eE∞"),
            "about ",
            "nearly ",
            "over ",
            "between ",
            " and ",
            "to ",
            "million",
            "km",
            "six",
            "hundred",
            "dozens",
            "inf",
            "1e400",
            " in ",
            "kg",
            "ten-",
            "\ud800",
        ]
    ),
    max_size=30,
).map("".join)


@fuzz
@given(
    st.one_of(
        st.text(max_size=200),
        st.text(st.characters(exclude_categories=()), max_size=60),  # lone surrogates too
        NUMBERISH,
    )
)
@example("1e400 in 5")
@example("5 km to 6 kg")
@example("45 \ud800")
def test_figure_parse_raises_only_parse_errors(text: str) -> None:
    try:
        figure = ct.Figure.parse(text)
    except ct.ParseError:
        return
    # whatever parsed is a valid figure that survives its own canonical text
    assert ct.Figure.parse(figure.format()) == figure


@fuzz
@given(st.text(max_size=60))
def test_period_parse_raises_only_claimtrack_errors(text: str) -> None:
    with contextlib.suppress(ct.ClaimtrackError):
        ct.Period.parse(text)


@fuzz
@given(st.binary(max_size=400), st.sampled_from(["json", "jsonl", "csv"]))
def test_load_of_any_bytes_raises_only_claimtrack_errors(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"fuzz.{suffix}"
    path.write_bytes(data)
    with contextlib.suppress(ct.ClaimtrackError):
        ct.load(path)
    result = ct.load(path, errors="collect") if _decodes(path) else None
    if result is not None:
        assert all(isinstance(c, ct.Claim) for c in result.claims)


def _decodes(path: Path) -> bool:
    try:
        ct.load(path, errors="collect")
    except ct.FileFormatError:
        return False
    return True


@fuzz
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(
                [
                    "source",
                    "measure",
                    "figure",
                    "place",
                    "period",
                    "confidence",
                    "via",
                    "span",
                    "published",
                    "stance",
                ]
            ),
            st.one_of(
                st.none(),
                st.integers(),
                st.floats(),
                st.text(max_size=12),
                st.lists(st.integers(), max_size=3),
            ),
        ),
        max_size=4,
    )
)
def test_load_of_any_json_records_raises_only_claimtrack_errors(
    tmp_path: Path, records: list[dict[str, object]]
) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records))
    try:
        loaded = ct.load(path)
    except ct.ClaimtrackError:
        return
    assert len(loaded) == len(records)


@settings(max_examples=30, deadline=None)
@given(st.lists(claims, max_size=8))
def test_linking_any_claims_raises_nothing(items: list[ct.Claim]) -> None:
    g = ct.ClaimGraph(items)
    report = g.link()
    assert report.errors == 0
    g.disputes()
    for c in g.claims():
        assert g.independent_support(c) >= 1


def test_a_long_file_loads_every_line(tmp_path: Path) -> None:
    # How loading time grows with the file is measured by benchmarks/scaling.py.
    record = {"source": "A", "measure": "drones destroyed", "figure": "nearly 12,000"}
    path = tmp_path / "large.jsonl"
    path.write_text((json.dumps(record) + "\n") * 5000)
    loaded = ct.load(path)
    assert len(loaded) == 5000 and len(set(loaded)) == 1
    assert loaded[0].figure == ct.Figure.parse("nearly 12,000")


WRITER = textwrap.dedent(
    """
    import sys
    import claimtrack as ct
    path = sys.argv[1]
    versions = [
        [ct.Claim(source="A", measure="m", figure=str(i), text="x" * 200) for i in range(n)]
        for n in (3000, 4000)
    ]
    print("ready", flush=True)
    i = 0
    while True:
        ct.dump(versions[i % 2], path)
        i += 1
    """
)


def test_an_interrupted_dump_leaves_the_old_file_or_the_new(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    ct.dump([ct.Claim(source="A", measure="m", figure="1")], path)
    for attempt in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(0.05 + 0.07 * attempt)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        loaded = ct.load(path)  # never a truncated file
        assert len(loaded) in (1, 3000, 4000)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "claims.jsonl"]
    assert all(name.startswith(".claims.jsonl.") for name in leftovers)  # only temp files


# -- the second pass (issue 18) ---------------------------------------------------------
# How long these inputs take is measured by benchmarks/scaling.py; here, what they give.


def test_a_run_of_hyphen_joined_number_words_is_no_figure() -> None:
    with pytest.raises(ct.ParseError, match="expected a number in digits or words"):
        ct.Figure.parse("ten-" * 2499 + "x")
    assert ct.extract("twenty-" * 8000 + "x") == []
    # a number word after a word that is no number still reads: "top-ten"
    assert ct.Figure.parse("top-ten").value == 10
    assert ct.Figure.parse("twenty-five").value == 25


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1e400 in 5", "figure value to be a finite number"),
        ("5 km to 6 kg", "unit to be a unit convertible from 'km'"),
        ("between 5 km and 6 kg", "unit to be a unit convertible from 'km'"),
        ("5 \ud800", "figure text to be valid Unicode"),
    ],
)
def test_every_figure_that_cannot_be_is_a_parse_error(text: str, expected: str) -> None:
    with pytest.raises(ct.ParseError, match=re.escape(expected)):
        ct.Figure.parse(text)


def test_extract_skips_a_bad_phrase_reports_it_and_keeps_the_rest() -> None:
    good = "The ministry said 45 drones were shot down over Kursk. " * 400
    text = good + "It said 1e400 people fled. Bad \ud800 sentence of 7 tanks. " + good
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims = ct.extract(text)
    assert [c.figure.value for c in claims] == [45] * 800
    skips = [w.message for w in caught]
    assert all(isinstance(s, ct.SkippedPhraseWarning) for s in skips)
    assert [(s.phrase, text[s.start : s.end]) for s in skips] == [("1e400",) * 2, ("7",) * 2]
    assert "finite number" in skips[0].reason and "lone surrogate" in skips[1].reason


def test_the_extract_command_reports_a_skipped_phrase_and_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The ministry said 45 drones were shot down. It said 1e400 people fled.\n")
    run = subprocess.run(
        [sys.executable, "-m", "claimtrack", "extract", str(path), "--format", "jsonl"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0
    assert [json.loads(line)["figure"]["value"] for line in run.stdout.splitlines()] == [45]
    assert run.stderr.startswith("claimtrack: skipped: skipped '1e400' at 52-57: figure value")
