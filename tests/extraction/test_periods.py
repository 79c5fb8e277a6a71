"""claimtrack.extraction: When a figure holds, resolved against the publication date."""

from __future__ import annotations

import pytest

from claimtrack import extract

from .helpers import PUBLISHED, one

# -- periods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "period"),
    [
        ("on Wednesday", "2024-08-21"),
        ("on Thursday", "2024-08-22"),
        ("yesterday", "2024-08-21"),
        ("four days ago", "2024-08-18"),
        ("two weeks ago", "2024-08-08"),
        ("earlier this week", "2024-08-19/2024-08-22"),
        ("last week", "2024-08-12/2024-08-18"),
        ("since 2022", "2022/"),
        ("last year", "2023"),
        ("in March", "2024-03"),
        ("in October", "2023-10"),
        ("on 14 March 2021", "2021-03-14"),
        ("in the past 24 hours", "2024-08-21/2024-08-22"),
        ("in the first quarter", "2024-01/2024-03"),
        ("between 2019 and 2023", "2019/2023"),
        ("by Saturday", "2024-08-17"),  # were damaged by then: the last one
        ("over the weekend", "2024-08-17/2024-08-18"),
        ("next month", "2024-09"),
        ("by September", "2023-09"),  # in a past clause, the last one
        ("by January", "2024-01"),
        ("since the start of the month", "2024-08-01/"),  # was none
        ("since the beginning of the year", "2024-01-01/"),
        ("since the start of the Kursk offensive on August 6", "2024-08-06/"),  # was a day
    ],
)
def test_periods_resolve_against_the_publication_date(phrase: str, period: str) -> None:
    claim = one(f"Officials said 40 homes were damaged {phrase}.")
    assert str(claim.period) == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # "by" looks ahead when nothing says the past (as "will" and "plans to" do)
        ("Officials said 40 homes are to be rebuilt by Saturday.", "2024-08-24"),
        ("The company plans to cut 1,200 jobs by September.", "2024-09"),
        ("The company will cut 1,200 jobs by January.", "2025-01"),
        # and back in a past clause, before or after it (both were the coming one)
        ("The fire was 70% contained by Wednesday night.", "2024-08-21"),
        ("By September, 4,000 people had fled.", "2023-09"),
    ],
)
def test_by_looks_ahead_unless_the_clause_is_past(text: str, period: str) -> None:
    assert str(one(text).period) == period


def test_relative_periods_stay_undated_without_a_publication_date() -> None:
    claim = one("Officials said 40 homes were damaged on Wednesday.", published=None)
    assert claim.period is None and claim.published is None
    assert (
        str(one("Officials said 40 homes were damaged in 2021.", published=None).period) == "2021"
    )


def test_a_comparison_date_does_not_date_the_figure() -> None:
    claim = one("The bank raised its rate to 4.75%, its highest level since 2008.")
    assert claim.period is None
    rose, before = extract("Raids rose to 17 in October, up from 11 in September.", PUBLISHED)
    assert (str(rose.period), str(before.period)) == ("2023-10", "2023-09")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "a month earlier" moves the period named before it; "from" then compares.
        (
            "Inflation eased to 3.1% in October from 3.4% a month earlier.",
            "2024-11-14",
            ["2024-10", "2024-09"],
        ),
        (
            "The firm lost $48 million in the first quarter, against $12.5 million a year earlier.",
            "2025-04-30",
            ["2025-01/2025-03", "2024-01/2024-03"],
        ),
        ("At least 112 people died since January 3.", "2025-01-22", ["2025-01-03/"]),
        (
            "Officials recorded 318 cases in the week to Sunday.",
            "2024-08-28",
            ["2024-08-19/2024-08-25"],
        ),
        ("Potholes rose to 5,120 in the year to March.", "2024-10-02", ["2023-04/2024-03"]),
        ("The poll of 1,502 adults ran 20-26 September.", "2024-09-30", ["2024-09-20/2024-09-26"]),
        (
            "More than 4,000 people fled after weekend fighting.",
            "2024-03-04",
            ["2024-03-02/2024-03-03"],
        ),
        # "fled from" compares nothing, and "more than 600" is no comparison with "this week".
        (
            "Officials said 4,000 were forced from their homes so far this year.",
            "2024-07-19",
            ["2024-01-01/2024-07-19"],
        ),
        (
            "Heat sent more than 600 people to hospital this week.",
            "2024-07-19",
            ["2024-07-15/2024-07-19"],
        ),
        (
            "It will repair 38 miles of road over the next two years.",
            "2024-10-02",
            ["2024-10-02/2026-10-02"],
        ),
        # "in the first" after "the second quarter" is the first quarter (was the second)
        (
            "The economy grew 3.7% in the second quarter, down from 6.5% in the first.",
            "2024-08-22",
            ["2024-04/2024-06", "2024-01/2024-03"],
        ),
        # a half without "of the year" is of this year, as a quarter is (was the period
        # named after it); a half of a month is no half of the year
        (
            "Prices rose 2% in the first half, after 3% in the second half of 2023.",
            "2024-08-22",
            ["2024-01/2024-06", "2023-07/2023-12"],
        ),
        ("Some 300 people fled in the second half of August.", "2024-08-22", ["2024-08"]),
        # "from a year earlier" is what a change is measured against, not when: the
        # tonnes after it hold in July (they took July 2023)
        (
            "Copper output fell 2.7% in July from a year earlier to 440,000 tonnes.",
            "2024-08-22",
            ["2024-07", "2024-07"],
        ),
        ("Exports rose 5% from last year, officials said.", "2024-08-22", ["None"]),
        # a year before a noun after "its" or "their", as after "the" (was none)
        ("The Fund cut its 2024 growth forecast to 3.1%.", "2024-08-22", ["2024"]),
        # "recorded a year earlier" dates what was recorded, not a statement (the 560
        # took July 2024)
        (
            "Spain recorded 1,247 deaths in July, double the 560 recorded a year earlier.",
            "2024-08-22",
            ["2024-07", "2023-07"],
        ),
        # "on the same month last year", "on the same period in 2023": baselines too (the
        # 11% and the load factor took 2023)
        (
            "Ryanair carried 19.3 million passengers in July, up 11% on the same month "
            "last year, with a load factor of 96%.",
            "2024-08-22",
            ["2024-07", "2024-07", "2024-07"],
        ),
        (
            "Some 22,000 migrants crossed so far this year, up 9% on the same period in 2023.",
            "2024-08-22",
            ["2024-01-01/2024-08-22", "2024-01-01/2024-08-22"],
        ),
        # the comma in "1,000" ends no clause: "last week" dates only the figure after
        # "up from" (it dated the 1,263 too)
        (
            "Forces control 1,263 square kilometres, up from about 1,000 last week.",
            "2024-08-22",
            ["None", "2024-08-12/2024-08-18"],
        ),
        # a part of the year (was no period, and "six months" a figure)
        (
            "Gangs killed 3,250 people in the first six months of the year.",
            "2024-08-22",
            ["2024-01/2024-06"],
        ),
        # a clause about the future dates ahead, as "by September" does (was 2023-09)
        ("Rations for 250,000 refugees will be cut from September.", "2024-08-22", ["2024-09"]),
        # what began on Sunday holds from Sunday on (was the one day)
        (
            "Despite the ceasefire, which took effect on Sunday, nine civilians have been hurt.",
            "2024-08-22",
            ["2024-08-18/"],
        ),
    ],
)
def test_periods_relative_ranges_and_comparisons(
    text: str, published: str, expected: list[str]
) -> None:
    assert [str(c.period) for c in extract(text, published=published)] == expected


@pytest.mark.parametrize(
    ("text", "measures", "periods"),
    [
        # any verb before a count is its event, so the count does not take the one before
        # it ("stranded" was "deaths": a death toll of 4.5 million)
        (
            "Floods killed 18 people and stranded nearly 4.5 million.",
            ["deaths", "stranded"],
            ["None", "None"],
        ),
        # "averaged" links its subject to the figure (was the measure "averaged"), and a
        # season "2022-23" is one period, no figure 23
        (
            "Attendance at league matches averaged 40,200, up from 38,500 in 2022-23.",
            ["attendance", "attendance"],
            ["None", "2022/2023"],
        ),
        # a coordinated clause's verb is its own (the two who died were "injured")
        (
            "Two people died and 17 were hurt when a train derailed.",
            ["deaths", "injured"],
            ["None", "None"],
        ),
        # a verb before a second count is its event (was the first count's "arrested")
        (
            "Police arrested 1,024 people and charged 575.",
            ["arrests", "charged"],
            ["None", "None"],
        ),
        # a weekday of last week, the week to a date, a span of months (was Tuesday this
        # week, the one day, and the place "April-June")
        ("Floods killed 28 since Tuesday last week.", ["deaths"], ["2024-08-13/"]),
        (
            "Applications rose by 17% in the week to Aug. 18.",
            ["applications change"],
            ["2024-08-12/2024-08-18"],
        ),
        # a share right after a change verb is the change
        ("Output grew 3.1% in the April-June quarter.", ["output change"], ["2024-04/2024-06"]),
        # a hyphenated quarter before its noun (was the day it was said)
        (
            "The firm said on Tuesday its second-quarter revenue rose 3.2%.",
            ["revenue change"],
            ["2024-04/2024-06"],
        ),
    ],
)
def test_events_and_periods_from_a_fourth_probe(
    text: str, measures: list[str], periods: list[str]
) -> None:
    claims = extract(text, published="2024-08-22")
    assert [c.measure for c in claims] == measures
    assert [str(c.period) for c in claims] == periods
    assert all(c.place is None for c in claims)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # running tolls are to date, ending at publication (a Thursday) or the day named
        ("The death toll rose to 40, officials said.", "/2024-08-22"),
        ("The death toll has risen to 52.", "/2024-08-22"),
        ("As of Tuesday, 120 people had died.", "/2024-08-20"),
        ("So far, 35 people have died.", "/2024-08-22"),
        ("Officials said 35 people have died so far.", "/2024-08-22"),
        # ... and counted from the day of their event when the text names it
        ("The death toll from Monday's quake rose to 40.", "2024-08-19/"),
        ("Shelling killed 9 civilians in Kharkiv on Sunday, the governor said.", "2024-08-18/"),
        # a range of weekdays is the range, not its first day
        ("Between Monday and Wednesday, 300 homes were flooded.", "2024-08-19/2024-08-21"),
    ],
)
def test_running_tolls_and_ranges_of_days(text: str, period: str) -> None:
    assert str(one(text).period) == period


def test_a_statement_made_on_the_day_of_publication_dates_no_figure() -> None:
    # the day a figure was said dates it when no other words do (as annotators read
    # it), but the day of publication says only what publication says: it meets an
    # undated figure of the same quantity (the commission's turnout, the monitors')
    said = "The commission said on {} that turnout in the election was 64%."
    assert str(one(said.format("Wednesday")).period) == "2024-08-21"
    assert one(said.format("Thursday")).period is None
    # a date of the figure's own is kept
    assert str(one("Police said on Thursday that 3 people died on Thursday.").period) == (
        "2024-08-22/"
    )
