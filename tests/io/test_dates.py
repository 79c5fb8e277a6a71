"""Dates in spreadsheets: every common unambiguous form reads as the day it names, and a
day-month order that reads two ways is refused with both readings, or read as told."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import ParseError
from claimtrack.io import read_date

from ..strategies import dates

FORMS = ["%B %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%b %d %Y", "%d-%b-%Y"]


@given(dates, st.sampled_from(FORMS))
def test_written_out_forms_read_as_the_day_they_name(day: dt.date, form: str) -> None:
    assert read_date(day.strftime(form), "published") == day.isoformat()


@given(dates, st.sampled_from(["/", ".", "-"]))
def test_digits_read_one_way_are_read_that_way(day: dt.date, sep: str) -> None:
    day_first = day.strftime(f"%d{sep}%m{sep}%Y")
    month_first = day.strftime(f"%m{sep}%d{sep}%Y")
    if day.day > 12 or day.day == day.month:
        assert read_date(day_first, "published") == day.isoformat()
    if day.day > 12:
        assert read_date(month_first, "published") == day.isoformat()
    if day.day <= 12 and day.day != day.month:
        with pytest.raises(ParseError) as caught:
            read_date(day_first, "published")
        swapped = dt.date(day.year, day.day, day.month)
        message = str(caught.value)
        for reading in (day, swapped):
            assert f"{reading.day} {reading:%B} {reading.year}" in message
    # told the order, every such date reads as meant
    assert read_date(day_first, "published", day_first=True) == day.isoformat()
    assert read_date(month_first, "published", day_first=False) == day.isoformat()


@given(dates)
def test_iso_dates_pass_unchanged(day: dt.date) -> None:
    assert read_date(day.isoformat(), "period") == day.isoformat()


@pytest.mark.parametrize(
    ("cell", "field", "read"),
    [
        ("March 2025", "period", "2025-03"),
        ("since 3 March 2025", "period", "2025-03-03/"),
        ("until March 9, 2025", "period", "/2025-03-09"),
        ("1 March 2025 to 9 March 2025", "period", "2025-03-01/2025-03-09"),
        ("3 Mar 2025 14:30", "published", "2025-03-03T14:30"),
        ("2022-02-24/2024-08-22", "period", "2022-02-24/2024-08-22"),
    ],
)
def test_periods_and_times(cell: str, field: str, read: str) -> None:
    assert read_date(cell, field) == read


@pytest.mark.parametrize("cell", ["yesterday", "3 March", "31/02/2025", "13/13/2025"])
def test_what_is_no_date_is_refused_by_name(cell: str) -> None:
    with pytest.raises(ParseError, match="published"):
        read_date(cell, "published")


def test_a_period_in_words_is_refused_with_the_period_forms() -> None:
    with pytest.raises(ParseError) as refused:
        read_date("last week", "period")
    message = str(refused.value)
    assert message.startswith("period: got 'last week', expected a date (2025-03-03,")
    assert "2025-03-03/ for since" in message and "write 'last week' as dates" in message
    with pytest.raises(ParseError) as refused:
        read_date("last week", "published")
    assert "a period" not in str(refused.value)  # a publication date is one day
