"""How each kind of time expression in ``periods.json`` becomes a period.

A resolver takes the named groups of its pattern and a context (the publication
date, the period named just before, the rules) and gives a ``Period``, or None
when the text cannot be dated (a relative time with no publication date).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Mapping
from typing import NamedTuple

from ..model import Period
from .rules import ExtractRules

__all__ = ["RESOLVERS", "Context", "Groups"]

Groups = Mapping[str, str | None]


class Context(NamedTuple):
    """What a resolver knows besides its groups."""

    published: dt.date | None
    previous: Period | None
    rules: ExtractRules
    future: bool = False  # the clause speaks of the future: "will be cut from September"
    past: bool = False  # or of the past: "was contained by Wednesday night" (not ahead)


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _number(text: str | None, ctx: Context, default: int = 1) -> int:
    if not text:
        return default
    key = " ".join(text.lower().split())
    numbers = ctx.rules.section("periods")["numbers"]
    return int(key) if key.isdigit() else int(numbers.get(key, default))


def _unit(text: str | None, ctx: Context) -> str:
    return str(ctx.rules.section("periods")["units"].get((text or "day").lower(), "day"))


def _month(g: Groups, ctx: Context) -> int:
    if g.get("monthnum"):
        return int(g["monthnum"] or 0)
    return int(ctx.rules.section("periods")["months"][g["month"]])


def _year_for(month: int, day: int, g: Groups, ctx: Context) -> int | None:
    """The stated year ("April last year" is the one before publication), or the latest
    year in which the month and day are not after publication (the earliest not before
    it, in a clause about the future: "the election on Sept. 21 will")."""
    if g.get("year"):
        return int(g["year"] or 0)
    if ctx.published is None:
        return None
    year = ctx.published.year
    if g.get("last_year"):
        return year - 1
    if g.get("this_year"):
        return year
    published = (ctx.published.month, ctx.published.day)
    if ctx.future:
        return year if (month, day) >= published else year + 1
    return year if (month, day) <= published else year - 1


def _date(g: Groups, ctx: Context) -> Period | None:
    month, day = _month(g, ctx), int(g["day"] or 0)
    year = _year_for(month, day, g, ctx)
    if year is None:
        return None
    try:
        return Period.day(dt.date(year, month, day))
    except ValueError:
        return None


def _month_period(g: Groups, ctx: Context) -> Period | None:
    month = _month(g, ctx)
    year = _year_for(month, 1, g, ctx)
    if year is None:
        return None
    future = " ".join((g.get("prefix") or "").lower().split())
    published = ctx.published
    if (
        published
        and not (g.get("year") or g.get("last_year") or g.get("this_year"))
        and (
            ctx.future or (future in ctx.rules.words("periods", "future_prefixes") and not ctx.past)
        )
    ):
        # "cut 1,200 jobs by September": the coming September, as "by Wednesday" is
        year = published.year + (month < published.month)
    return Period(_month_start(year, month), _month_end(year, month), "month")


def _year(g: Groups, ctx: Context) -> Period | None:
    year = int(g["year"] or 0)
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year") if _plausible(year) else None


def _plausible(year: int) -> bool:
    return 1800 <= year <= 2100


def _year_range(g: Groups, ctx: Context) -> Period | None:
    first = int(g.get("y1") or g.get("y2") or g.get("y3") or 0)
    end = g["end"] or ""
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if not (_plausible(first) and _plausible(last) and first < last):
        return None
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), "year")


def _weekday(g: Groups, ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    wanted = ctx.rules.section("periods")["weekdays"][(g["weekday"] or "").lower()]
    week = (g.get("week") or "").lower()
    if week:  # "since Tuesday last week": that day of the week before (or after) this one
        monday = ctx.published - dt.timedelta(days=ctx.published.weekday())
        return Period.day(monday + dt.timedelta(days=wanted + (7 if week == "next" else -7)))
    prefix = (g.get("prefix") or "").lower()
    future = prefix in ctx.rules.words("periods", "future_prefixes") and not ctx.past
    if future or (ctx.future and prefix not in ("last", "since")):  # "by Wednesday": the next one
        return Period.day(ctx.published + dt.timedelta(days=(wanted - ctx.published.weekday()) % 7))
    back = (ctx.published.weekday() - wanted) % 7
    return Period.day(ctx.published - dt.timedelta(days=back))


_DAYS = {"day": 1, "week": 7, "fortnight": 14, "hour": 1 / 24}


def _ago(g: Groups, ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    n, unit = _number(g["n"], ctx), _unit(g["unit"], ctx)
    if unit in _DAYS:
        return Period.day(ctx.published - dt.timedelta(days=int(n * _DAYS[unit])))
    if unit == "month":
        year, month = _shift_months(ctx.published, n)
        return Period(_month_start(year, month), _month_end(year, month), "month")
    year = ctx.published.year - n * (10 if unit == "decade" else 1)
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _past(g: Groups, ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    n, unit = _number(g["n"], ctx), _unit(g["unit"], ctx)
    if unit in _DAYS:
        start = ctx.published - dt.timedelta(days=max(1, round(n * _DAYS[unit])))
    elif unit == "month":
        year, month = _shift_months(ctx.published, n)
        start = dt.date(year, month, min(ctx.published.day, calendar.monthrange(year, month)[1]))
    else:
        years = n * (10 if unit == "decade" else 1)
        start = ctx.published.replace(
            year=ctx.published.year - years, day=min(ctx.published.day, 28)
        )
    return Period(start, ctx.published, "day")


def _this(g: Groups, ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    p, unit = ctx.published, _unit(g["unit"], ctx)
    if unit == "week":
        start = p - dt.timedelta(days=p.weekday())
    else:
        start = p.replace(day=1) if unit == "month" else p.replace(month=1, day=1)
    return Period(start, p, "day")


def _last(g: Groups, ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    p, unit = ctx.published, _unit(g["unit"], ctx)
    if unit == "week":
        monday = p - dt.timedelta(days=p.weekday() + 7)
        return Period(monday, monday + dt.timedelta(days=6), "day")
    if unit == "month":
        year, month = _shift_months(p, 1)
        return Period(_month_start(year, month), _month_end(year, month), "month")
    return Period(dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31), "year")


def _next(g: Groups, ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    p, unit = ctx.published, _unit(g["unit"], ctx)
    if unit == "week":
        monday = p - dt.timedelta(days=p.weekday() - 7)
        return Period(monday, monday + dt.timedelta(days=6), "day")
    if unit == "month":
        year, month = _shift_months(p, -1)
        return Period(_month_start(year, month), _month_end(year, month), "month")
    return Period(dt.date(p.year + 1, 1, 1), dt.date(p.year + 1, 12, 31), "year")


def _weekend(g: Groups, ctx: Context) -> Period | None:
    """The latest Saturday and Sunday that began on or before publication."""
    if ctx.published is None:
        return None
    saturday = ctx.published - dt.timedelta(days=(ctx.published.weekday() - 5) % 7)
    return Period(saturday, saturday + dt.timedelta(days=1), "day")


def _day(g: Groups, ctx: Context) -> Period | None:
    if ctx.published is None:
        return None
    word = " ".join((g["word"] or "").lower().split())
    p = ctx.published
    if word == "yesterday":
        return Period.day(p - dt.timedelta(days=1))
    if word in ("overnight", "last night"):
        return Period(p - dt.timedelta(days=1), p, "day")
    return Period.day(p)


def _anaphor(g: Groups, ctx: Context) -> Period | None:
    return ctx.previous


def _day_before(g: Groups, ctx: Context) -> Period | None:
    if ctx.previous is None or ctx.previous.start is None:
        return None
    return Period.day(ctx.previous.start - dt.timedelta(days=1))


def _months_to(g: Groups, ctx: Context) -> Period | None:
    month = _month(g, ctx)
    year = _year_for(month, 1, g, ctx)
    if year is None:
        return None
    n = _number(g["n"], ctx)
    months = n if _unit(g["unit"], ctx) == "month" else max(1, round(n / 4))
    first_year, first_month = _shift_months(dt.date(year, month, 1), months - 1)
    return Period(_month_start(first_year, first_month), _month_end(year, month), "month")


def _half(g: Groups, ctx: Context) -> Period | None:
    year = int(g["year"] or 0) if g.get("year") else (ctx.published.year if ctx.published else None)
    if year is None:
        return None
    first = 1 if (g.get("ordinal") or "").lower() == "first" else 7
    return Period(_month_start(year, first), _month_end(year, first + 5), "month")


def _part_of_year(g: Groups, ctx: Context) -> Period | None:
    """ "in the first six months of the year", "the last two weeks of 2023"."""
    if g.get("year"):
        year = int(g["year"] or 0)
    elif ctx.published is not None:
        year = ctx.published.year - (1 if g.get("last") else 0)
    else:
        return None
    n, unit = _number(g["n"], ctx), _unit(g["unit"], ctx)
    opening = (g.get("ordinal") or "").lower() == "first"
    if unit == "month":
        if not 1 <= n <= 12:
            return None
        first, last = (1, n) if opening else (13 - n, 12)
        return Period(_month_start(year, first), _month_end(year, last), "month")
    if not 1 <= n <= 52:
        return None
    if opening:
        start = dt.date(year, 1, 1)
        return Period(start, start + dt.timedelta(days=7 * n - 1), "day")
    end = dt.date(year, 12, 31)
    return Period(end - dt.timedelta(days=7 * n - 1), end, "day")


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}


def _quarter(g: Groups, ctx: Context) -> Period | None:
    p = ctx.published
    if g.get("ordinal") == "last":
        if p is None:
            return None
        index = p.year * 4 + (p.month - 1) // 3 - 1
        year, quarter = index // 4, index % 4 + 1
    else:
        quarter = int(g.get("q") or _ORDINALS.get((g.get("ordinal") or "").lower(), 1))
        if g.get("year"):
            year = int(g["year"] or 0)
        elif p is not None:
            year = p.year if (quarter - 1) * 3 + 1 <= p.month else p.year - 1
        else:
            return None
    first = (quarter - 1) * 3 + 1
    return Period(_month_start(year, first), _month_end(year, first + 2), "month")


def _elided(g: Groups, ctx: Context) -> Period | None:
    """ "3.7% in the second quarter, down from 6.5% in the first": the quarter (or half)
    the ordinal numbers, in the year of the period named just before it."""
    p = ctx.previous
    if p is None or p.start is None or p.end is None or p.start.day != 1:
        return None
    months = (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1
    if (
        months not in (3, 6)
        or (p.start.month - 1) % months
        or p.end != _month_end(p.end.year, p.end.month)
    ):
        return None  # not a quarter or a half of a year: nothing to count in
    first = (_ORDINALS[(g["ordinal"] or "").lower()] - 1) * months + 1
    if first > 12:
        return None
    year = p.start.year
    return Period(_month_start(year, first), _month_end(year, first + months - 1), "month")


def _earlier(g: Groups, ctx: Context) -> Period | None:
    """ "3.4% a month earlier": the period named just before, moved back."""
    p = ctx.previous
    if p is None or p.start is None or p.end is None:
        return None
    n, unit = _number(g["n"], ctx), _unit(g["unit"], ctx)
    if unit in _DAYS:
        shift = dt.timedelta(days=int(n * _DAYS[unit]))
        return Period(p.start - shift, p.end - shift, p.precision)
    months = n * {"month": 1, "year": 12, "decade": 120}.get(unit, 1)
    first, last = _shift_months(p.start, months), _shift_months(p.end, months)
    end = _month_end(*last) if p.end == _month_end(p.end.year, p.end.month) else None
    start_day = min(p.start.day, calendar.monthrange(*first)[1])
    end_day = min(p.end.day, calendar.monthrange(*last)[1])
    return Period(dt.date(*first, start_day), end or dt.date(*last, end_day), p.precision)


def _week_to(g: Groups, ctx: Context) -> Period | None:
    """ "in the week to Sunday": the seven days ending on that day."""
    last = _weekday({"weekday": g["weekday"]}, ctx)
    if last is None or last.end is None:
        return None
    return Period(last.end - dt.timedelta(days=6), last.end, "day")


def _week_to_date(g: Groups, ctx: Context) -> Period | None:
    """ "in the week to Aug. 18": the seven days ending on that date."""
    last = _date(g, ctx)
    if last is None or last.end is None:
        return None
    return Period(last.end - dt.timedelta(days=6), last.end, "day")


def _month_span(g: Groups, ctx: Context) -> Period | None:
    """ "in the April-June quarter": from the first month to the second, the latest such
    span that has begun by publication unless a year is given."""
    months = ctx.rules.section("periods")["months"]
    first, last = int(months[g["month"]]), int(months[g["month2"]])
    year = _year_for(first, 1, g, ctx)
    if year is None:
        return None
    end_year = year + (last < first)  # "the November-January period"
    return Period(_month_start(year, first), _month_end(end_year, last), "month")


def _year_to(g: Groups, ctx: Context) -> Period | None:
    """ "in the year to March": the twelve months ending with it."""
    return _months_to({**g, "n": "12", "unit": "months"}, ctx)


def _date_range(g: Groups, ctx: Context) -> Period | None:
    """ "between September 20 and 26", "20-26 September", "between January 1 and August
    20"."""
    second = {**g, "day": g["day2"], "month": g.get("month2") or g["month"]}
    first, last = _date(g, ctx), _date(second, ctx)
    if first is None or last is None or first.start is None or last.end is None:
        return None
    return Period(first.start, last.end, "day") if first.start <= last.end else None


def _coming(g: Groups, ctx: Context) -> Period | None:
    """ "over the next two years": from publication on."""
    if ctx.published is None:
        return None
    n, unit = _number(g["n"], ctx), _unit(g["unit"], ctx)
    if unit in _DAYS:
        return Period(ctx.published, ctx.published + dt.timedelta(days=int(n * _DAYS[unit])))
    year, month = _shift_months(ctx.published, -n * {"year": 12, "decade": 120}.get(unit, 1))
    end = dt.date(year, month, min(ctx.published.day, calendar.monthrange(year, month)[1]))
    return Period(ctx.published, end, "day")


def _weekday_range(g: Groups, ctx: Context) -> Period | None:
    """ "between Monday and Wednesday": from the first day to the second, the latest such
    span that has ended by publication (the first day a week back if it comes later)."""
    last = _weekday({"weekday": g["weekday2"]}, ctx._replace(future=False))
    first = _weekday({"weekday": g["weekday"]}, ctx._replace(future=False))
    if last is None or first is None or first.start is None or last.end is None:
        return None
    start = first.start if first.start <= last.end else first.start - dt.timedelta(days=7)
    return Period(start, last.end, "day")


def _to_date(g: Groups, ctx: Context) -> Period | None:
    """ "so far", "to date": everything up to publication."""
    return Period(None, ctx.published) if ctx.published is not None else None


#: How each pattern kind of ``periods.json`` turns its groups into a period.
RESOLVERS: Mapping[str, Callable[[Groups, Context], Period | None]] = {
    "date": _date,
    "month": _month_period,
    "year": _year,
    "year_range": _year_range,
    "weekday": _weekday,
    "ago": _ago,
    "past": _past,
    "this": _this,
    "last": _last,
    "next": _next,
    "weekend": _weekend,
    "day": _day,
    "anaphor": _anaphor,
    "day_before": _day_before,
    "months_to": _months_to,
    "half": _half,
    "part_of_year": _part_of_year,
    "quarter": _quarter,
    "earlier": _earlier,
    "elided": _elided,
    "week_to": _week_to,
    "week_to_date": _week_to_date,
    "month_span": _month_span,
    "year_to": _year_to,
    "date_range": _date_range,
    "coming": _coming,
    "weekday_range": _weekday_range,
    "to_date": _to_date,
}
