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

import attrs
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
    ct.dump([ct.Claim(source="A", measure="m", figure="1")], path)  # the next dump tidies
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


# -- the second pass (issue 18) ---------------------------------------------------------
# How long these inputs take is measured by benchmarks/scaling.py; here, what they give.


def test_every_number_word_joined_by_hyphens_into_a_run_is_no_figure() -> None:
    from claimtrack._grammar import LEXICON

    for word in LEXICON.number_words:  # each once took time in the square of the run
        run = (word + "-") * 300 + "x"
        if word in LEXICON.counted_words:  # "dozen" counts alone: "dozen-x" is 12
            assert ct.Figure.parse(run).value == 12
            assert [c.figure.text for c in ct.extract(run)] == [word]
            continue
        with pytest.raises(ct.ParseError):
            ct.Figure.parse(run)
        assert ct.extract(run) == []


def test_a_run_of_hyphen_joined_number_words_is_no_figure() -> None:
    with pytest.raises(ct.ParseError, match="expected a number in digits or words"):
        ct.Figure.parse("ten-" * 2499 + "x")
    assert ct.extract("twenty-" * 8000 + "x") == []
    # a number word after a word that is no number is refused, never read alone
    with pytest.raises(ct.ParseError, match="'top-' is neither"):
        ct.Figure.parse("top-ten")
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


def test_a_sentence_of_more_figures_than_prose_holds_is_skipped_and_reported() -> None:
    from claimtrack.extraction._extract import MOST_FIGURES_A_SENTENCE

    dump = "Nearly 12,000 between 3 and " * (MOST_FIGURES_A_SENTENCE // 2 + 1)
    text = "The ministry said 45 drones were shot down. " + dump + ". Officials said 7 died."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        claims = ct.extract(text)
    assert [c.figure.text for c in claims] == ["45", "7"]
    (skip,) = [w.message for w in caught]
    assert isinstance(skip, ct.SkippedPhraseWarning)
    assert text[skip.start : skip.end].startswith("Nearly 12,000") and skip.end > len(dump)
    assert f"holding {MOST_FIGURES_A_SENTENCE + 2:,} figures" in skip.reason
    assert f"expected at most {MOST_FIGURES_A_SENTENCE:,} figures a sentence" in skip.reason
    # as many as a sentence may hold are all read
    kept = ct.extract("Nearly 12,000 between 3 and " * (MOST_FIGURES_A_SENTENCE // 2))
    assert len(kept) == MOST_FIGURES_A_SENTENCE


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


def _rows(*rows: str) -> str:
    return "\n".join(["source,measure,figure,text", *rows]) + "\n"


@pytest.mark.parametrize(
    ("bad", "last"),
    [
        ('S2,m,2,"he said hi', 1004),  # text: ran on into the next 1,000 rows
        ('S2,m,"2', 1004),  # figure: 1,000 rows lost as one problem
        ('S2,m,2,"he said "hi" and left"', 4),  # a quote inside a quoted cell, not doubled
    ],
    ids=["text", "figure", "inner-quote"],
)
def test_an_unclosed_csv_quote_is_an_error_naming_its_line(
    tmp_path: Path, bad: str, last: int
) -> None:
    path = tmp_path / "claims.csv"
    rows = [f"S{i},m,{i},fine" for i in range(2)] + [bad] + [f"T{i},m,{i},ok" for i in range(1000)]
    path.write_text(_rows(*rows))
    with pytest.raises(ct.FileFormatError, match="line 4, field row: row: got ") as raised:
        ct.load(path)
    assert raised.value.line == 4 and f"a quote open on line {last}" in str(raised.value)
    result = ct.load(path, errors="collect")  # the rows after it are read from the next line
    assert [p.line for p in result.problems] == [4] and len(result.claims) == 1002
    assert all(c.text in ("fine", "ok") for c in result.claims)


def test_a_csv_unit_column_converts_the_figure_or_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "source,measure,figure,unit\nA,m,4 miles,km\nB,m,4,km\nC,m,4 kg,km\nD,m,5 km,km\n"
    )
    with pytest.raises(ct.FileFormatError, match="line 4, field unit: .* convertible from 'kg'"):
        ct.load(path)
    result = ct.load(path, errors="collect")
    assert [(c.figure.value, c.figure.unit, c.figure.text) for c in result.claims] == [
        (pytest.approx(6.437376), "km", "4 miles"),  # it was 4 km
        (4, "km", "4"),
        (5, "km", "5 km"),
    ]
    assert [p.line for p in result.problems] == [4]


@pytest.mark.parametrize("suffix", ["csv", "json", "jsonl"])
def test_round_trips_keep_a_zero_reliability_and_names_with_semicolons(
    tmp_path: Path, suffix: str
) -> None:
    claim = ct.Claim(
        source=ct.Source("Smith; Jones", reliability=0.0),
        measure="drones destroyed",
        figure="45",
        via=["Reuters; AP", "[wire]", "Paper"],
        tags=["a;b", "c"],
    )
    plain = ct.Claim(source="A", measure="m", figure="5", via=["Reuters", "AP"], tags=["x"])
    path = tmp_path / f"claims.{suffix}"
    ct.dump([claim, plain], path)
    back = ct.load(path)
    assert back == [claim, plain] and back[0].source.reliability == 0.0
    assert [c.id for c in back] == [claim.id, plain.id]
    if suffix == "csv":  # names with ";" are a JSON list; plain names stay plain
        text = path.read_text()
        assert '"[""Reuters; AP"", ""[wire]"", ""Paper""]"' in text and ",Reuters; AP," in text
        typed = tmp_path / "typed.csv"  # by hand: a cell that is no JSON list is split
        typed.write_text("source,measure,figure,via\nA,m,5,[Reuters]; AP\nB,m,5,[1]\n")
        assert [c.via for c in ct.load(typed)] == [("[Reuters]", "AP"), ("[1]",)]


@pytest.mark.parametrize("value", [None, 7, {"x": 1}, ["m"], b"m"])
def test_a_name_field_refuses_what_is_not_text(tmp_path: Path, value: object) -> None:
    with pytest.raises(ct.ValidationError, match="measure: got .*, expected a text"):
        ct.Claim(source="A", measure=value, figure="5")  # type: ignore[arg-type]
    for field in ("place", "share_of"):
        if value is not None:
            with pytest.raises(ct.ValidationError, match=f"{field}: got"):
                ct.Claim(source="A", measure="m", figure="5", **{field: value})  # type: ignore[arg-type]
    if isinstance(value, bytes):  # no JSON value
        return
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps({"source": "A", "measure": value, "figure": "5"}))
    with pytest.raises(ct.FileFormatError, match="line 1, field measure: measure: got"):
        ct.load(path)


def test_a_relay_chain_given_as_a_set_has_one_id_in_every_process() -> None:
    script = (
        "import claimtrack as ct; print(ct.Claim(source='A', measure='m', figure='5', "
        "via={'Wire', 'Paper', 'Radio', 'TV', 'Blog'}).id)"
    )
    ids = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(ids) == 1
    chain = ct.Claim(source="A", measure="m", figure="5", via={"Wire", "Paper"}).via
    assert chain == ("Paper", "Wire")  # sorted: a set has no order to keep


def test_a_claim_takes_the_numbers_a_figure_takes() -> None:
    import decimal
    import fractions

    import numpy as np

    for number, value in [
        (np.int64(45), 45),
        (np.float32(2.5), 2.5),
        (decimal.Decimal("1.5"), 1.5),
        (fractions.Fraction(1, 4), 0.25),
    ]:
        claim = ct.Claim(source="A", measure="m", figure=number)
        assert claim.figure == ct.Figure(number) and claim.figure.value == value
    for refused in (True, np.bool_(True), 1 + 2j, None):
        with pytest.raises(ct.ValidationError, match="figure: got"):
            ct.Claim(source="A", measure="m", figure=refused)


@pytest.mark.parametrize(
    ("text", "value"),
    [("-$5", -5), ("−$5 billion", -5e9), ("-US$1.5 million", -1.5e6), ("-€3bn", -3e9)],
)
def test_a_minus_sign_before_a_currency_is_kept(text: str, value: float) -> None:
    figure = ct.Figure.parse(text)
    assert figure.value == value and figure.unit in ("USD", "EUR")
    assert ct.Figure.parse("$5-$10").bounds == (5, 10)  # a range's hyphen is no sign


def test_a_net_loss_of_minus_five_billion_is_minus_five_billion() -> None:
    (claim,) = ct.extract("The company reported a net loss of -$5 billion, the ministry said.")
    assert (claim.figure.value, claim.figure.unit, claim.figure.text) == (
        -5e9,
        "USD",
        "-$5 billion",
    )


def test_the_report_draws_a_figure_at_the_float_limit(tmp_path: Path) -> None:
    from claimtrack.cli import main

    path = tmp_path / "claims.csv"
    path.write_text("source,measure,figure\nA,m,-1.6e308\nB,m,5\nC,n,8.99e307\nD,n,1.79e308\n")
    report = tmp_path / "report.html"
    assert main(["check", str(path), "--html", str(report)]) == 0  # it crashed in arange
    page = report.read_text("utf-8")
    assert page.count("<svg") >= 1 and "-1.6e+308" in page


@pytest.mark.parametrize(
    "values",
    [[8.99e307, 8.99e307], [-1.6e308, 5], [1.7e308, -1.7e308, 5], [1.79e308, 1.78e308]],
)
def test_every_method_estimates_figures_at_the_float_limit(values: list[float]) -> None:
    g = ct.ClaimGraph(
        [ct.Claim(source=f"S{i}", measure="m", figure=v) for i, v in enumerate(values)]
    )
    g.link()
    for method in ct.assessment_methods():
        (estimate,) = ct.assess(g, method).estimates.values()
        assert min(values) <= estimate.best <= max(values), method
    twins = ct.ClaimGraph([ct.Claim(source=s, measure="m", figure=8.99e307) for s in "AB"])
    (estimate,) = ct.assess(twins, "median").estimates.values()  # it said "best ... got inf"
    assert estimate.best == 8.99e307


# -- the lower-severity list (issue 18) -------------------------------------------------

NOT_XML = "x\x01\x1f\ufffe\uffff y"


def test_a_graph_with_characters_xml_cannot_hold_dumps_and_loads_back(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    a = ct.Claim(source="A" + NOT_XML, measure="m" + NOT_XML, figure="5", text=NOT_XML,
                 place="P" + NOT_XML, via=["W" + NOT_XML])  # fmt: skip
    b = ct.Claim(source="B", measure="m" + NOT_XML, figure="9", place="P" + NOT_XML)
    g = ct.ClaimGraph([a, b])
    g.link()
    path = tmp_path / "graph.graphml"
    ct.dump_graph(g, path)
    ET.parse(path)  # well-formed XML: it was not, and could not be read back
    back = ct.load_graph(path)
    assert sorted(back.claims(), key=lambda c: c.id) == sorted(g.claims(), key=lambda c: c.id)
    assert {(v.a.id, v.b.id, v.reason) for v in back.verdicts()} == {
        (v.a.id, v.b.id, v.reason) for v in g.verdicts()
    }
    assert any("\x01" in v.reason for v in back.verdicts())  # the reason exactly


CLAIMS = [ct.Claim(source="A", measure="m", figure="5")]


def test_dump_writes_through_a_symlink_and_refuses_a_read_only_file(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    ct.dump([], real)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    ct.dump(CLAIMS, link)
    assert link.is_symlink() and ct.load(real) == CLAIMS  # it replaced the link
    real.chmod(0o444)
    with pytest.raises(ct.FileFormatError, match="real.jsonl: is read-only"):
        ct.dump([], real)
    with pytest.raises(ct.FileFormatError, match="link.jsonl: is read-only"):
        ct.dump([], link)
    assert ct.load(real) == CLAIMS and sorted(p.name for p in tmp_path.iterdir()) == [
        "link.jsonl", "real.jsonl"
    ]  # fmt: skip


WRITE_ONLY = textwrap.dedent(
    """
    import os, sys
    import claimtrack as ct
    import claimtrack.io
    # everything imported first, as root: nobody may not reach the interpreter's files
    dump, claims = ct.dump, [ct.Claim(source="A", measure="m", figure="5")]
    if os.getuid() == 0:
        os.setgid(65534)
        os.setuid(65534)  # as nobody: root may read any folder
    dump(claims, sys.argv[1])
    print("written")
    """
)


def test_dump_into_a_folder_it_may_write_but_not_read_succeeds() -> None:
    import shutil
    import tempfile

    top = Path(tempfile.mkdtemp())  # in /tmp, so that nobody can reach it
    try:
        top.chmod(0o755)
        folder = top / "drop"
        folder.mkdir()
        folder.chmod(0o333)  # write and search, no read: it cannot be opened to fsync
        run = subprocess.run(
            [sys.executable, "-c", WRITE_ONLY, str(folder / "claims.jsonl")],
            capture_output=True,
            text=True,
        )
        folder.chmod(0o755)
        assert run.returncode == 0 and run.stdout == "written\n", run.stderr[-2000:]
        assert ct.load(folder / "claims.jsonl") == CLAIMS  # it raised with the file in place
    finally:
        shutil.rmtree(top)


def test_a_dump_removes_what_killed_dumps_left_behind(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = int(gone.stdout)
    leftover = tmp_path / f".claims.jsonl.{dead}.k2j4.tmp"
    mine = tmp_path / f".claims.jsonl.{os.getpid()}.a1b2.tmp"  # a living writer's
    other = tmp_path / f".notes.jsonl.{dead}.x.tmp"  # another file's
    for path in (leftover, mine, other):
        path.write_text("half a file")
    ct.dump(CLAIMS, tmp_path / "claims.jsonl")
    assert not leftover.exists() and mine.exists() and other.exists()


def test_load_refuses_devices_and_fifos_without_reading_them(tmp_path: Path) -> None:
    zero = tmp_path / "zero.jsonl"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for path in (zero, fifo):  # /dev/zero never ends; a FIFO waits for a writer
        with pytest.raises(ct.FileFormatError, match="is not a regular file"):
            ct.load(path)


@pytest.mark.parametrize("strength", [float("nan"), 1.5, -0.1, "strong", None])
def test_load_graph_refuses_a_verdict_strength_outside_zero_to_one(
    tmp_path: Path, strength: object
) -> None:
    g = ct.ClaimGraph([ct.Claim(source=s, measure="m", figure=f) for s, f in (("A", 5), ("B", 9))])
    g.link()
    path = tmp_path / "graph.json"
    ct.dump_graph(g, path)
    data = json.loads(path.read_text())
    (edge,) = [e for e in data["edges"] if e.get("kind") == "verdict"]
    edge["strength"] = strength
    path.write_text(json.dumps(data))
    with pytest.raises(ct.FileFormatError, match="verdict edge 'agreement': strength: got"):
        ct.load_graph(path)


@pytest.mark.parametrize("path", [None, b"claims.json", "a\x00.json", 7])
def test_a_path_that_is_no_path_is_a_validation_error(tmp_path: Path, path: object) -> None:
    g = ct.ClaimGraph(CLAIMS)
    calls = [
        lambda: ct.load(path),
        lambda: ct.dump(CLAIMS, path),
        lambda: ct.load_graph(path),
        lambda: ct.dump_graph(g, path),
        lambda: ct.dump_table(g, path),
        lambda: ct.dump_claim_reviews(ct.assess(g), path),
    ]
    for call in calls:
        with pytest.raises(ct.ValidationError, match="path: got .*, expected a file path"):
            call()


def test_a_message_about_a_deeply_nested_value_is_built() -> None:
    nested: list[object] = []
    for _ in range(100_000):
        nested = [nested]
    with pytest.raises(ct.ValidationError, match="got <list nested too deeply to show>"):
        ct.Claim(source="A", measure="m", figure="5", confidence=nested)


def _derive_from_every_pair(a: ct.Claim, b: ct.Claim) -> ct.Verdict:
    made = attrs.evolve(a, source="Deriver", figure=a.figure.value + b.figure.value + 0.5,
                        derived_from=(a.id, b.id))  # fmt: skip
    return ct.Verdict("derived_from", made, a, 1.0, "a sum")


def test_a_checker_deriving_a_claim_for_every_pair_is_stopped() -> None:
    claims = [ct.Claim(source=f"S{i}", measure="m", figure=i) for i in range(10)]
    g = ct.ClaimGraph(claims, on_error="record")
    g.checkers.add(_derive_from_every_pair, "deriver")
    report = g.link()
    bound = 1000 + 10 * (len(claims) * 2 + 1 + 45)  # claims, sources, Deriver; round one's
    assert report.errors == 1 and len(g.claims()) <= bound
    assert "derived claims: got" in str(g.errors[0]) and g.errors[0].checker == "deriver"
    strict = ct.ClaimGraph(claims)
    strict.checkers.add(_derive_from_every_pair, "deriver")
    with pytest.raises(ct.CheckerError, match="derived claims"):
        strict.link()
    assert len(strict.claims()) == 10 + 45  # the round that went past the bound is undone


def test_digits_under_a_right_to_left_override_are_not_read_as_another_number() -> None:
    for text in ("\u202e54", "\u202e54\u202c drones", "\u2067\u202e12\u2069"):
        with pytest.raises(ct.ParseError, match="digits shown as they are read"):
            ct.Figure.parse(text)
    closed = ct.extract("The ministry said \u202eab\u202c 45 drones fell.")  # closed before
    assert [c.figure.value for c in closed] == [45]
    assert ct.Figure.parse("\u202e\n45").value == 45  # a paragraph ends an override
    with pytest.warns(ct.SkippedPhraseWarning, match="skipped '54'"):
        claims = ct.extract("The ministry said \u202e54\u202c drones fell and 7 tanks burned.")
    assert [c.figure.value for c in claims] == [7]


def test_digits_of_two_scripts_in_one_number_are_refused() -> None:
    with pytest.raises(ct.ParseError, match="digits of one script"):
        ct.Figure.parse("4\u0665")  # an ASCII 4 and an Arabic-Indic 5
    assert ct.Figure.parse("\u0664\u0665").value == 45
    with pytest.warns(ct.SkippedPhraseWarning, match="digits of one script"):
        assert ct.extract("The ministry said 4\u0665 drones fell.") == []


def test_a_bad_byte_on_standard_input_loses_only_its_sentence() -> None:
    # read with surrogateescape (the C locale), the byte becomes a lone surrogate
    run = subprocess.run(
        [sys.executable, "-m", "claimtrack", "extract", "-", "--format", "jsonl"],
        input=b"The ministry said 45 drones were shot down. Bad \xff byte and 7 tanks.\n",
        capture_output=True,
        env={**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "utf-8:surrogateescape"},
    )
    assert run.returncode == 0
    assert [json.loads(line)["figure"]["value"] for line in run.stdout.splitlines()] == [45]
    assert b"claimtrack: skipped: skipped '7'" in run.stderr and b"lone surrogate" in run.stderr


def test_csv_rows_keep_their_line_numbers_past_blank_lines_and_multiline_cells(
    tmp_path: Path,
) -> None:
    path = tmp_path / "claims.csv"
    path.write_text(
        "source,measure,figure,date,period,text\n"
        "\n"  # a blank line is no row
        'A,m,1,2024-03-01,,"two\nlines"\n'  # the date fills an empty period
        "B,m,2,2024-03-01,2024-02,\n"  # a period cell wins over a date cell
        "C,m,lots,,,\n"  # line 6: the rows before it took five lines
        "D,m,4,,,,extra\n"
    )
    result = ct.load(path, errors="collect")
    assert [(c.source.name, str(c.period), c.text) for c in result.claims] == [
        ("A", "2024-03-01", "two\nlines"),
        ("B", "2024-02", ""),
    ]
    assert [(p.line, p.field) for p in result.problems] == [(6, "figure"), (7, "row")]
