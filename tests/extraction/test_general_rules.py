"""Place, measure and source rules that generalise: each case is a sentence written for
the purpose, not taken from either corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack import extract
from claimtrack.extraction.places import place_kind

DAY = dt.date(2020, 1, 1)


def read(text: str, field: str) -> dict[str, str | None]:
    claims = extract(text, DAY, "Outlet")
    if field == "source":
        return {c.figure.text: c.source.name for c in claims}
    return {c.figure.text: getattr(c, field) for c in claims}


# -- places ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a province's own place, named as its owner: the inner place, not "Ohio's Akron"
        ("A tornado in northern Ohio's Akron destroyed 30 homes.", {"30": "Akron"}),
        (
            "The storm was 80 miles west of Florida's Tampa, forecasters said.",
            {"80 miles": "Tampa"},
        ),
        # an owner the gazetteer does not know is still part of the name
        ("About 4,000 people live in Smith's Landing.", {"About 4,000": "Smith's Landing"}),
        # the place of an office, and the province set off after it, are no place
        (
            "Jane Roe, the former mayor of Dayton, Ohio, won 31% of the vote.",
            {"31%": None},
        ),
        ("A fire in Dayton, Ohio, destroyed 12 homes.", {"12": "Dayton"}),
        # a capitalised adjective before a known place ("the Democratic Ohio primary")
        ("In the Democratic Ohio primary, Roe won 17 delegates.", {"17": "Ohio"}),
        # but a college named after a city is no place of the city
        ("Researchers at Imperial College Leeds counted 300 birds.", {"300": None}),
        # a country that speaks gives its own figures; so does a province's body
        ("Kenya has confirmed seven new deaths from the virus.", {"seven": "Kenya"}),
        ("Ohio's health department reported 45 deaths.", {"45": "Ohio"}),
        # a person whose name the gazetteer does not know is no place
        ("Jane Roe said 40 people had died.", {"40": None}),
        # a short name before a noun says whose; another place in the sentence wins
        (
            "Police in northern Kenya said a bomb wounded 12 people near a U.S. convoy.",
            {"12": "Kenya"},
        ),
        (
            "The blast was 30 kilometers from Garissa, where U.S. troops train.",
            {"30 kilometers": "Garissa"},
        ),
        (
            "U.S. troops left Iraq. About 5000 U.S. troops remain in the country.",
            {"About 5000": "Iraq"},
        ),
        # with no other place, it still places the figure
        ("About 4,000 U.S. troops were sent.", {"About 4,000": "United States"}),
        # "the state's": the place named before
        ("Roe won in Ohio, taking 20 of the state's 30 delegates.", {"20": "Ohio", "30": "Ohio"}),
    ],
)
def test_place_rules(text: str, expected: dict[str, str | None]) -> None:
    assert read(text, "place") == expected


def test_place_kind_of_an_unknown_name_is_none() -> None:
    assert place_kind("Jane Roe") is None
    assert place_kind("Kenya") == "country"
    assert place_kind("Ohio") == "division"


# -- measures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who a named toll counted, listed after it, keep its measure
        (
            "The hospital said the fatalities included three males and two females.",
            {"three": "deaths", "two": "deaths"},
        ),
        (
            "The confirmed deaths are six civilians, two soldiers and one officer.",
            {"six": "deaths", "two": "deaths", "one": "deaths"},
        ),
        # "the deceased" are the dead, and demonyms in the plural are people
        (
            "Five of the deceased were foreigners; they were three Peruvians and two Cubans.",
            {"Five": "deaths", "three": "deaths", "two": "deaths"},
        ),
        # an elliptical figure after one with a unit measures the same
        (
            "She was sentenced to twelve years in prison, serving seven before her release.",
            {"twelve years": "prison term", "seven": "prison term"},
        ),
        # but a level after a change is no change
        (
            "The index fell 6 percent to 897.",
            {"6 percent": "stock index change", "897": "stock index"},
        ),
        # without a toll before them, people are counted as what they are
        ("The bus carried 30 Peruvians to the border.", {"30": "peruvians carried"}),
    ],
)
def test_measure_of_listed_people(text: str, expected: dict[str, str]) -> None:
    assert read(text, "measure") == expected


# -- sources -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time word after the verb is no noun the verb describes
        (
            'Jane Roe reported yesterday, "We have 140 new cases." Later, 20 more were found.',
            {"140": "Jane Roe", "20": "Outlet"},
        ),
        ('The minister said today, "We counted 52 deaths."', {"52": "minister"}),
        # but a participle before a noun and "of" still describes it
        ("Its estimated weight of 40 tonnes was a record.", {"40 tonnes": "Outlet"}),
    ],
)
def test_source_past_a_time_word(text: str, expected: dict[str, str]) -> None:
    assert read(text, "source") == expected


# -- values ------------------------------------------------------------------------


def test_times_with_colons_are_durations_in_seconds_but_clock_times_are_not_figures() -> None:
    claims = extract(
        "Roe finished the marathon in 2:08:30, ahead of Doe, 2:09:05. The race began at "
        "08:30:00 local time, and the next at 9:15:00.",
        DAY,
    )
    assert [(c.figure.text, c.figure.value) for c in claims] == [
        ("2:08:30", 7710),
        ("2:09:05", 7745),
    ]
    assert claims[0].measure == claims[1].measure


def test_hyphenated_odds_are_shares() -> None:
    from claimtrack import Figure

    assert Figure.parse("one-in-five").value == 20
    assert Figure.parse("three in five").value == 60
    assert Figure.parse("two-in-three").unit == "%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's document opens the sentence: the body gives what it says
        (
            "The Weather Bureau's 5 p.m. update had the storm 120 miles east of Miami.",
            {"120 miles": "Weather Bureau"},
        ),
        ("The WMO's latest bulletin put the storm 300 miles offshore.", {"300 miles": "WMO"}),
        # an owner that is no body's document is no speaker
        ("Smith's team scored 3 goals.", {"3": "Outlet"}),
        # a person and the body they serve: the person, as a reader cites them
        (
            "According to Chief Inspector Jane Roe of the Dayton police, 14 people died.",
            {"14": "Chief Inspector Jane Roe"},
        ),
        (
            "Commissioner John Doe of the Ohio Department of Public Safety said 9 were hurt.",
            {"9": "Commissioner John Doe"},
        ),
        # a document is its author's, when the words after it name them
        (
            "According to a survey published in 2017 by the Royal Society, 84% of adults agreed.",
            {"84%": "Royal Society"},
        ),
        ("According to a survey, 84% of adults agreed.", {"84%": "survey"}),
        # a body's name with "of" stays whole
        ("The Bank of England said inflation was 3%.", {"3%": "Bank of England"}),
        (
            "The United States Department of State said 40 were held.",
            {"40": "United States Department of State"},
        ),
    ],
)
def test_source_of_documents_and_people(text: str, expected: dict[str, str]) -> None:
    assert read(text, "source") == expected
