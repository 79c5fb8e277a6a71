"""Loading tables with their own column names: ``load(path, columns=...)``."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack import FileFormatError, LoadResult, ValidationError, load

WIKI = {
    "place": "ObjectID",
    "measure": "PropertyID",
    "figure": "PropertyValue",
    "source": "SourceID",
}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_foreign_columns_are_renamed_and_the_rest_ignored(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "claims.csv",
        '"ObjectID","PropertyID","PropertyValue","SourceID","TimeStamp"\n'
        '"abu dhabi","Population2006","1000230","0 (68.162.248.83)","null"\n'
        '"amsterdam","Population2006","741329","141597: Ilse@","null"\n',
    )
    first, second = load(path, columns=WIKI)
    assert (first.place, first.measure, first.figure.value) == (
        "abu dhabi",
        "Population2006",
        1000230,
    )
    assert first.source.name == "0 (68.162.248.83)"
    assert second.source.name == "141597: Ilse@" and second.figure.value == 741329


def test_tsv_files_split_on_tabs_and_other_delimiters_can_be_named(tmp_path: Path) -> None:
    tsv = write(tmp_path, "flights.tsv", "who\tflight\twhen\nua\tUA-1\t605\naa\tUA-1\t606\n")
    claims = load(
        tsv, columns={"source": "who", "place": "flight", "figure": "when", "measure": "when"}
    )
    assert [(c.source.name, c.figure.value) for c in claims] == [("ua", 605), ("aa", 606)]
    assert {c.measure for c in claims} == {"605", "606"}  # the mapping may reuse a column
    semi = write(tmp_path, "semi.csv", "source;measure;figure\nA;deaths;about 200\n")
    (claim,) = load(semi, delimiter=";")
    assert claim.figure.hedge == "about" and claim.figure.low == 180


def test_unmapped_fields_come_from_columns_of_their_own_name(tmp_path: Path) -> None:
    path = write(
        tmp_path, "mixed.csv", "Who,measure,Value,period,Notes\nA,deaths,45,2024-08-21,x\n"
    )
    (claim,) = load(path, columns={"source": "Who", "figure": "Value"})
    assert (claim.source.name, claim.measure, claim.figure.value) == ("A", "deaths", 45)
    assert str(claim.period) == "2024-08-21"


def test_a_mapped_column_missing_from_the_header_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "claims.csv", "ObjectID,PropertyID,Value,SourceID\nx,p,1,s\n")
    with pytest.raises(
        FileFormatError, match=r"no column 'PropertyValue' \(for figure\); the header has ObjectID"
    ):
        load(path, columns=WIKI)
    with pytest.raises(FileFormatError, match="no column for measure; name one in columns="):
        load(path, columns={"source": "SourceID", "figure": "Value"})


@pytest.mark.parametrize(
    ("columns", "field"),
    [
        ({"colour": "X"}, "columns"),
        ({"source": ""}, "columns['source']"),
        ({"source": 3}, "columns['source']"),
        (["source"], "columns"),
    ],
)
def test_a_bad_mapping_names_the_field(tmp_path: Path, columns: object, field: str) -> None:
    path = write(tmp_path, "claims.csv", "source,measure,figure\nA,m,1\n")
    with pytest.raises(ValidationError) as info:
        load(path, columns=columns)  # type: ignore[arg-type]
    assert info.value.field == field


def test_columns_and_delimiters_are_only_for_tables(tmp_path: Path) -> None:
    path = write(tmp_path, "claims.json", "[]")
    with pytest.raises(ValidationError, match="columns: .* for a JSON file"):
        load(path, columns={"source": "who"})
    with pytest.raises(ValidationError, match="delimiter"):
        load(write(tmp_path, "c.csv", "source,measure,figure\n"), delimiter="::")


def test_bad_rows_of_a_foreign_table_are_reported_by_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "claims.csv",
        '"ObjectID","PropertyID","PropertyValue","SourceID"\n"x","p","lots","s"\n"y","p","7","s","extra"\n"z","p","8","t"\n',
    )
    result = load(path, errors="collect", columns=WIKI)
    assert isinstance(result, LoadResult)
    assert [c.place for c in result.claims] == ["z"]
    assert [p.line for p in result.problems] == [2, 3]
    assert "figure" in result.problems[0].reason
    with pytest.raises(FileFormatError, match="line 2"):
        load(path, columns=WIKI)
