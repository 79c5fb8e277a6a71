"""Data files a user hands in: a gazetteer of places, a measure lexicon, a figure lexicon."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import FileFormatError, Gazetteer, MeasureLexicon
from claimtrack._grammar import Lexicon

from .factories import make_claim

ROOT = Path(__file__).resolve().parent.parent
DAY = "2031-03-14"


def flooded(source: str, figure: str, place: str) -> ct.Claim:
    return make_claim(figure, source, measure="houses flooded", place=place)


def test_places_from_a_csv_nest_as_listed(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(
        "name,within,aliases\nZembla,,\nNorthvale,Zembla,North Vale;N. Vale\nSouthmarsh,Zembla,\n",
        encoding="utf-8",
    )
    places = Gazetteer.from_file(str(path))
    assert places.resolve("North Vale") == places.resolve("Northvale") is not None
    assert places.resolve("Zembla") in places.ancestors(places.resolve("Southmarsh") or "")
    assert places.resolve("Russia") is not None  # the default places are still there
    claims = [
        flooded("Ministry", "about 1,200", "Zembla"),
        flooded("Ministry", "800", "Northvale"),
        flooded("Rebels", "more than 2,000", "Southmarsh"),
    ]
    nested, flat = ct.ClaimGraph(claims, places=places), ct.ClaimGraph(claims)
    assert nested.link().verdicts.get("contradicts") and not flat.link().verdicts


def test_places_from_json_as_the_shipped_file_is_shaped(tmp_path: Path) -> None:
    path = tmp_path / "places.json"
    data = {"places": [{"name": "Zembla"}, {"name": "Northvale", "within": "Zembla"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    places = Gazetteer.from_file(str(path))
    assert places.resolve("Zembla") in places.ancestors(places.resolve("Northvale") or "")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "missing.csv: no such file"),
        ("bad.csv", "name,inside\nX,Y\n", "expected the columns name, within, aliases; the"),
        ("order.csv", "name,within\nNorthvale,Zembla\n", "line 2, field within: within: got"),
        ("empty.csv", "name,within\n,Zembla\n", "line 2"),
        ("bad.json", "{oops", "bad.json, line 1: not JSON"),
        ("list.json", "[1, 2]", 'expected {"places": ['),
    ],
)
def test_a_bad_places_file_names_the_file_and_line(
    tmp_path: Path, name: str, content: str | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(FileFormatError, match=message.replace("(", r"\(").replace("[", r"\[")):
        Gazetteer.from_file(str(path))


def test_a_measure_lexicon_file_and_its_errors(tmp_path: Path) -> None:
    good = tmp_path / "measures.json"
    good.write_text(json.dumps({"synonyms": {"destroyed": ["zapped"]}}), encoding="utf-8")
    lexicon = MeasureLexicon.from_file(str(good))
    assert lexicon.key("drones zapped") == lexicon.key("drones destroyed")
    for content, message in [("{oops", "not JSON"), ('{"synonyms": 5}', "expected a JSON object")]:
        bad = tmp_path / "bad.json"
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(FileFormatError, match=message):  # was a JSONDecodeError
            MeasureLexicon.from_file(str(bad))


def test_a_figure_lexicon_file_and_its_errors(tmp_path: Path) -> None:
    shipped = ROOT / "claimtrack" / "data" / "lexicon.json"
    assert Lexicon.from_file(str(shipped)).scales["thousand"] == 1000
    bad = tmp_path / "lexicon.json"
    bad.write_text('{"hedges": {}}', encoding="utf-8")
    with pytest.raises(FileFormatError, match="not a lexicon shaped like"):  # was a KeyError
        Lexicon.from_file(str(bad))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
place_keys = st.sampled_from(["places", "name", "within", "aliases", "x"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        json_values,
        st.dictionaries(place_keys, st.lists(st.dictionaries(place_keys, json_values), max_size=3)),
    ),
    st.text(max_size=120),
)
def test_any_data_file_gives_a_result_or_a_file_format_error(
    tmp_path: Path, value: object, text: str
) -> None:
    as_json = tmp_path / "file.json"
    as_json.write_text(json.dumps(value), encoding="utf-8")
    as_csv = tmp_path / "file.csv"
    as_csv.write_text(text, encoding="utf-8")
    for read, path in [
        (Gazetteer.from_file, as_json),
        (Gazetteer.from_file, as_csv),
        (MeasureLexicon.from_file, as_json),
        (Lexicon.from_file, as_json),
    ]:
        with contextlib.suppress(ct.ClaimtrackError):  # and nothing else escapes
            read(str(path))


def test_data_files_are_read_as_claim_files_are(tmp_path: Path) -> None:
    # one reader for both: a UTF-16 file with its mark is read, a huge number is refused
    # (the gazetteer's own reader refused the first and let a ValueError escape the second)
    utf16 = tmp_path / "places.csv"
    utf16.write_bytes("name,within\nZembla,\n".encode("utf-16"))
    assert Gazetteer.from_file(str(utf16)).resolve("Zembla") is not None
    huge = tmp_path / "places.json"
    huge.write_text('{"places": [' + "1" * 5000 + "]}", encoding="utf-8")
    with pytest.raises(FileFormatError, match="a number of more than 4,300 digits"):
        Gazetteer.from_file(str(huge))
