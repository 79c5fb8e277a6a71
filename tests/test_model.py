"""Sources, periods and claims: conversions at the field, validation, stable ids."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given

from claimtrack import Claim, Figure, ParseError, Period, Source, ValidationError

from .strategies import claims, periods

SEED = dict(
    source="Russian defence ministry",
    measure="drones destroyed",
    figure="45",
    place="Russia",
    period="2024-08-21",
)


def test_strings_are_converted_where_unambiguous() -> None:
    c = Claim(**SEED, published="2024-08-22", via="Seed Wire")
    assert c.source == Source("Russian defence ministry")
    assert c.figure == Figure(45)
    assert c.period == Period(dt.date(2024, 8, 21), dt.date(2024, 8, 21), "day")
    assert c.published == dt.date(2024, 8, 22)
    assert c.via == ("Seed Wire",)
    assert Claim(source="A", measure="m", figure=12.5).figure.value == 12.5


def test_whitespace_is_normalised() -> None:
    c = Claim(source="  Kyiv ", measure="troops\n killed", figure="238", place="  ")
    assert (c.source.name, c.measure, c.place) == ("Kyiv", "troops killed", None)


@pytest.mark.parametrize(
    ("kwargs", "field", "expected"),
    [
        ({"confidence": 1.7}, "confidence", "a number in [0, 1]"),
        ({"confidence": -0.1}, "confidence", "a number in [0, 1]"),
        ({"confidence": float("nan")}, "confidence", "a number in [0, 1]"),
        ({"confidence": "high"}, "confidence", "a number in [0, 1]"),
        ({"measure": " \n"}, "measure", "a non-empty text"),
        ({"source": ""}, "source", "a non-empty source name"),  # was the field "name"
        ({"via": 5}, "via", "a text or a list of texts"),  # was a TypeError
        ({"derived_from": 3}, "derived_from", "a text or a list of texts"),
        ({"period": "14/03/2031"}, "period", "'2024-08-01/2024-08-21'"),  # was "got '14'"
        ({"source": 42}, "source", "a Source or a source name"),
        ({"figure": "no number"}, "figure", "a number in digits or words"),
        ({"figure": None}, "figure", "a Figure, a number or a phrase"),
        ({"period": "2024-02-30"}, "period", "a real calendar date"),
        ({"period": "last summer"}, "period", "a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"published": "2024-08"}, "published", "a single day"),
        ({"stance": "hints"}, "stance", "'asserts' or 'denies'"),
        ({"span": (5, 2)}, "span", "0 <= start <= end"),
    ],
)
def test_bad_fields_raise_clear_errors(
    kwargs: dict[str, object], field: str, expected: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Claim(**{**SEED, **kwargs})  # type: ignore[arg-type]
    assert info.value.field == field
    assert expected in str(info.value)
    assert "got " in str(info.value)


@pytest.mark.parametrize(
    ("value", "prior", "letter"),
    [(None, None, None), (0.7, 0.7, None), ("b", 0.8, "B"), ("F", None, "F"), (1, 1, None)],
)
def test_source_reliability_as_number_or_admiralty_letter(
    value: object, prior: float | None, letter: str | None
) -> None:
    s = Source("Monitor A", reliability=value)  # type: ignore[arg-type]
    assert (s.prior, s.letter) == (prior, letter)


@pytest.mark.parametrize("value", ["G", "AB", 1.5, -0.1, float("nan"), True])
def test_unknown_admiralty_grades_are_refused(value: object) -> None:
    with pytest.raises(ValidationError, match="reliability"):
        Source("X", reliability=value)  # type: ignore[arg-type]


def test_source_metadata() -> None:
    s = Source("Russian defence ministry", aliases="MoD", kind="government", side="Russia")
    assert s.names == ("Russian defence ministry", "MoD")
    assert "side='Russia'" in repr(s)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "shown"),
    [
        ("2024-08-21", "2024-08-21", "2024-08-21", "day", "2024-08-21"),
        ("2024-08", "2024-08-01", "2024-08-31", "month", "2024-08"),
        ("2024-02", "2024-02-01", "2024-02-29", "month", "2024-02"),
        ("2024", "2024-01-01", "2024-12-31", "year", "2024"),
        ("since 2022", "2022-01-01", None, "year", "2022/"),
        ("2022-02-24/", "2022-02-24", None, "day", "2022-02-24/"),
        ("/2024-08-22", None, "2024-08-22", "day", "/2024-08-22"),
        ("until 2023", None, "2023-12-31", "year", "/2023"),
        ("2022-02-24/2024-08-22", "2022-02-24", "2024-08-22", "day", "2022-02-24/2024-08-22"),
        ("2022/2024-08", "2022-01-01", "2024-08-31", "month", "2022-01/2024-08"),
    ],
)
def test_periods(text: str, start: str | None, end: str | None, precision: str, shown: str) -> None:
    p = Period.parse(text)
    assert p.start == (dt.date.fromisoformat(start) if start else None)
    assert p.end == (dt.date.fromisoformat(end) if end else None)
    assert (p.precision, str(p)) == (precision, shown)
    assert Period.parse(str(p)) == p


@pytest.mark.parametrize("text", ["", "/", "2024-13", "2024-08-21/2024-08-01", "yesterday"])
def test_bad_periods(text: str) -> None:
    with pytest.raises(ValidationError):
        Period.parse(text)


def test_period_relations() -> None:
    week = Period.parse("2024-08-19/2024-08-25")
    day = Period.day("2024-08-21")
    since = Period.parse("2022-02-24/")
    assert week.contains(day) and not day.contains(week)
    assert week.overlaps(day) and since.overlaps(day)
    assert not Period.parse("2023").overlaps(day)
    assert since.is_open and not day.is_open
    assert since.closed_by(dt.date(2024, 8, 22)) == Period.parse("2022-02-24/2024-08-22")
    assert day.closed_by(dt.date(2024, 8, 22)) == day


def test_claims_are_frozen() -> None:
    c = Claim(**SEED)
    with pytest.raises(AttributeError):
        c.measure = "other"  # type: ignore[misc]


def test_the_id_is_content_derived() -> None:
    a = Claim(**SEED)
    assert a.id == Claim(**SEED).id
    assert len(a.id) == 16 and int(a.id, 16) >= 0
    assert a.id != Claim(**{**SEED, "figure": "46"}).id
    assert a.id != Claim(**SEED, via=("Outlet C",)).id
    # Analyst judgement and where it sat in a text do not make a different statement.
    assert a.id == Claim(**SEED, confidence=0.3, span=(0, 10)).id
    assert a.id == Claim(**{**SEED, "source": Source(SEED["source"], kind="government")}).id
    # The same figure written differently is the same claim.
    assert a.id == Claim(**{**SEED, "figure": "forty-five"}).id


def test_the_id_is_stable_across_processes() -> None:
    code = (
        "import claimtrack as ct;"
        "print(ct.Claim(source='Russian defence ministry', measure='drones destroyed',"
        " figure='45', place='Russia', period='2024-08-21').id)"
    )
    ids = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert ids == {Claim(**SEED).id}
    assert Claim(**SEED).id == "0e4dfee9f40f63e1"  # pinned: changing the hash breaks saved data


@given(claims)
def test_to_fields_rebuilds_the_claim(c: Claim) -> None:
    again = Claim(**c.to_fields())
    assert again == c and again.id == c.id


@given(periods())
def test_period_text_round_trip(p: Period) -> None:
    assert Period.parse(str(p)) == p


def test_period_refuses_non_text() -> None:
    with pytest.raises(ParseError):
        Period.parse(2024)  # type: ignore[arg-type]


def test_errors_show_values_too_large_to_print() -> None:
    with pytest.raises(ValidationError, match="too large to show"):
        Claim(**SEED, span=(10**5000, 1))
