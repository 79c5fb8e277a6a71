"""Files in and out: the on-disk form, round trips, CSV from spreadsheets, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import Claim, FileFormatError, LoadResult, Source, ValidationError, dump, load
from claimtrack.io import converter

from ..strategies import claims

ROOT = Path(__file__).resolve().parents[2]
SEED = Claim(
    source="Russian defence ministry",
    measure="drones destroyed",
    figure="45",
    place="Russia",
    period="2024-08-21",
    published="2024-08-22",
    via=("Seed Wire",),
    text="The ministry put the total at 45.",
)

tmp_settings = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@tmp_settings
@given(st.lists(claims, max_size=5), st.sampled_from(["json", "jsonl"]))
def test_dump_then_load_gives_equal_claims(tmp_path: Path, items: list[Claim], kind: str) -> None:
    path = tmp_path / f"claims.{kind}"
    dump(items, path)
    assert load(path) == items


@tmp_settings
@given(st.lists(claims, max_size=5))
def test_csv_round_trip_keeps_what_csv_can_hold(tmp_path: Path, items: list[Claim]) -> None:
    # CSV has one column per source attribute and none for aliases or spans.
    plain = [
        Claim(
            **{
                **c.to_fields(),
                "source": Source(c.source.name, kind=c.source.kind, side=c.source.side),
                "span": None,
                "via": tuple(v for v in c.via if ";" not in v),
                "text": c.text.strip(),
            }
        )
        for c in items
    ]
    path = tmp_path / "claims.csv"
    dump(plain, path)
    assert load(path) == plain


def test_the_on_disk_form(tmp_path: Path) -> None:
    record = converter.unstructure(SEED)
    assert record["id"] == SEED.id
    assert record["figure"] == {
        "value": 45,
        "low": 45,
        "high": 45,
        "low_open": False,
        "high_open": False,
        "unit": None,
        "hedge": "exact",
        "text": "45",
    }
    assert record["source"] == {"name": "Russian defence ministry"}
    assert (record["period"], record["published"], record["via"]) == (
        "2024-08-21",
        "2024-08-22",
        ["Seed Wire"],
    )
    path = tmp_path / "one.jsonl"
    dump([SEED], path)
    assert json.loads(path.read_text()) == record


def test_short_forms_are_accepted_on_load(tmp_path: Path) -> None:
    path = tmp_path / "short.json"
    path.write_text(
        json.dumps(
            {"claims": [{"source": "Kyiv", "measure": "attacks repelled", "figure": "over 40"}]}
        )
    )
    (claim,) = load(path)
    assert claim.figure.low == 40 and claim.figure.low_open
    assert claim.source == Source("Kyiv")


def test_a_bad_line_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps(converter.unstructure(SEED))
    bad = json.dumps({**converter.unstructure(SEED), "confidence": 1.7})
    path.write_text(good + "\n" + bad + "\n")
    with pytest.raises(FileFormatError) as info:
        load(path)
    err = info.value
    assert (err.line, err.field) == (2, "confidence")
    assert str(path) in str(err) and "line 2" in str(err) and "1.7" in str(err)


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ("{broken", None, "not JSON: Expecting property name"),
        ('{"source": "A", "measure": "m"}', "figure", "the field is missing"),
        (
            '{"source": "A", "measure": "m", "figure": "5", "colour": 1}',
            "claim.colour",
            "no such field",
        ),
        ('{"source": "A", "measure": "m", "figure": {"low": 3}}', "figure.value", "missing"),
        (
            '{"source": "A", "measure": "m", "figure": {"value": 5, "low": 9}}',
            "figure low",
            "no greater",
        ),
        (
            '{"source": {"alias": "x"}, "measure": "m", "figure": "5"}',
            "source.alias",
            "no such field",
        ),
        (
            '{"source": "A", "measure": "m", "figure": "5", "period": "2024-02-30"}',
            "period",
            "real calendar date",
        ),
        ("[1, 2]", "claim", "an object"),
    ],
)
def test_collect_mode_keeps_good_lines(
    tmp_path: Path, line: str, field: str | None, reason: str
) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps(converter.unstructure(SEED))
    path.write_text(f"{good}\n\n{line}\n{good}\n")
    result = load(path, errors="collect")
    assert isinstance(result, LoadResult)
    assert result.claims == [SEED, SEED]
    (problem,) = result.problems
    assert (problem.line, problem.field) == (3, field)
    assert reason in problem.reason
    assert f"{path}, line 3" in str(problem)


def test_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n {"source": "A",\n  oops}\n]')
    with pytest.raises(FileFormatError, match="line 3"):
        load(path)


def test_json_item_errors_name_the_item(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(json.dumps([converter.unstructure(SEED), {"source": "A"}]))
    with pytest.raises(FileFormatError, match="item 2"):
        load(path)


def test_csv_from_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(
        "\ufeffsource,measure,figure,place,date,confidence,text,unit,via,source_reliability\n"
        'Kyiv,troops killed or wounded,238,Pokrovsk,2024-08-21,0.8,"said Kyiv, on Wednesday",,'
        "Seed Wire; Outlet B,B\n"
        "Outlet B,distance from Moscow,39,Podolsk,,,,km,,\n".encode()
    )
    first, second = load(path)
    assert first.period is not None and str(first.period) == "2024-08-21"
    assert (first.confidence, first.text) == (0.8, "said Kyiv, on Wednesday")
    assert first.via == ("Seed Wire", "Outlet B")
    assert first.source.letter == "B"
    assert (second.figure.value, second.figure.unit) == (39, "km")


def test_csv_missing_and_extra_columns(tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    missing.write_text("source,figure\nA,5\n")
    with pytest.raises(FileFormatError, match="missing column.*measure") as refused:
        load(missing)
    assert "may be" not in str(refused.value)  # no column there looks like it
    misspelt = tmp_path / "misspelt.csv"
    misspelt.write_text("Source,mesure,figure,place\nA,m,5,Derna\n")
    with pytest.raises(FileFormatError) as refused:
        load(misspelt)
    assert (
        "missing column(s) source, measure ('Source' may be 'source'; 'mesure' may be "
        "'measure'); the header has" in str(refused.value)
    )
    extra = tmp_path / "extra.csv"
    extra.write_text("source,measure,figure,notes\nA,m,5,keep me\n")
    with pytest.raises(FileFormatError, match="line 1.*notes"):
        load(extra)
    result = load(extra, errors="collect")
    assert len(result.claims) == 1 and "notes" in result.problems[0].reason
    assert "'notes' may be 'note'" in result.problems[0].reason
    side = tmp_path / "side.csv"
    side.write_text("source,measure,figure,side\nA,m,5,Russia\n")
    with pytest.raises(FileFormatError, match="'side' may be 'source_side'"):
        load(side)
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("source,measure,figure\nA,m,5,surplus\n")
    with pytest.raises(FileFormatError, match="line 2.*at most 3 cells"):
        load(ragged)


def test_files_that_are_not_claims(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no such file"):
        load(tmp_path / "absent.jsonl")
    with pytest.raises(FileFormatError, match="unknown suffix '.txt'"):
        load(tmp_path / "notes.txt")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("source,measure,figure\nMinist\xe8re,m,5\n".encode("latin-1"))
    with pytest.raises(FileFormatError, match="line 2.*not UTF-8"):
        load(latin)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert load(empty) == []
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("source,measure,figure\nA,m,5\n".encode("utf-16"))
    assert load(utf16)[0].figure.value == 5


def test_dump_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="the folder .*nowhere' does not exist"):
        dump([SEED], tmp_path / "nowhere" / "claims.jsonl")


def test_dump_keeps_ordinary_file_modes(tmp_path: Path) -> None:
    import os
    import stat

    path = tmp_path / "claims.jsonl"
    mask = os.umask(0o022)
    try:
        dump([SEED], path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o600)
        dump([SEED], path)  # replacing a file keeps its mode
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        os.umask(mask)


def test_dump_is_atomic_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    dump([SEED], path)
    dump([SEED, SEED], path)
    assert len(load(path)) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]
    with pytest.raises(Exception, match="Claim objects"):
        dump([SEED, "not a claim"], path)  # type: ignore[list-item]
    assert len(load(path)) == 2  # the failed dump left the old file whole


def test_the_seed_files_load() -> None:
    seeds = load(ROOT / "seeds" / "seed_report.csv")
    counter = load(ROOT / "seeds" / "counter_report.csv")
    assert len(seeds) == 19 and len(counter) == 9
    assert all(c.text.startswith("ILLUSTRATIVE") for c in counter)
    figures = {(c.measure, c.place): c.figure for c in seeds}
    assert figures["missiles and drones fired", "Ukraine"].hedge == "nearly"
    assert figures["drones destroyed", "Belgorod"].value == 6


def test_load_tells_its_progress_in_lines(tmp_path: Path) -> None:
    rows = "".join(f"S{i},m,{i}\n" for i in range(2500))
    path = tmp_path / "claims.csv"
    path.write_text("source,measure,figure\n" + rows)
    told: list[tuple[int, int]] = []
    claims = load(path, progress=lambda done, total: told.append((done, total)))
    assert len(claims) == 2500
    assert told == [(1000, 2501), (2000, 2501)]  # a tick a thousand lines, header counted
    with pytest.raises(ValidationError, match="progress"):
        load(path, progress="yes")  # type: ignore[call-overload]
