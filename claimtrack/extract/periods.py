"""Time expressions and the periods they name, resolved against the publication date.

>>> import datetime as dt
>>> from claimtrack.extract.document import Document
>>> rules = ExtractRules.default()
>>> text = "It happened on Wednesday, four days ago and since 2022."
>>> [str(m.period) for m in find_periods(Document(text), rules, dt.date(2024, 8, 22))]
['2024-08-21', '2024-08-18', '2022/']
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from ..model import Period
from .document import Document
from .rules import ExtractRules, alternation

__all__ = ["RESOLVERS", "PeriodMention", "choose_period", "find_periods"]

Groups = Mapping[str, str | None]


_REACH = 300


class PeriodMention(NamedTuple):
    """A time expression: where it is and the period it names (None if it cannot be dated).

    ``anchor`` is where a comparison before it starts ("up from 11 in September"):
    it dates only figures between the two. ``detached`` is a comparison with no
    figure of its own ("the highest since 2008"); ``statement`` dates a statement
    ("said on Monday") and so a figure only when nothing else in its sentence does.
    """

    start: int
    end: int
    period: Period | None
    anchor: int | None = None
    detached: bool = False
    statement: bool = False


class _Context(NamedTuple):
    published: dt.date | None
    previous: Period | None
    rules: ExtractRules


def _month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _number(text: str | None, ctx: _Context, default: int = 1) -> int:
    if not text:
        return default
    key = " ".join(text.lower().split())
    numbers = ctx.rules.section("periods")["numbers"]
    return int(key) if key.isdigit() else int(numbers.get(key, default))


def _unit(text: str | None, ctx: _Context) -> str:
    return str(ctx.rules.section("periods")["units"].get((text or "day").lower(), "day"))


def _month(g: Groups, ctx: _Context) -> int:
    if g.get("monthnum"):
        return int(g["monthnum"] or 0)
    return int(ctx.rules.section("periods")["months"][g["month"]])


def _year_for(month: int, day: int, g: Groups, ctx: _Context) -> int | None:
    """The stated year, or the latest year in which the month and day are not after publication."""
    if g.get("year"):
        return int(g["year"] or 0)
    if ctx.published is None:
        return None
    year = ctx.published.year
    return year if (month, day) <= (ctx.published.month, ctx.published.day) else year - 1


def _date(g: Groups, ctx: _Context) -> Period | None:
    month, day = _month(g, ctx), int(g["day"] or 0)
    year = _year_for(month, day, g, ctx)
    if year is None:
        return None
    try:
        return Period.day(dt.date(year, month, day))
    except ValueError:
        return None


def _month_period(g: Groups, ctx: _Context) -> Period | None:
    month = _month(g, ctx)
    year = _year_for(month, 1, g, ctx)
    if year is None:
        return None
    return Period(_month_start(year, month), _month_end(year, month), "month")


def _year(g: Groups, ctx: _Context) -> Period | None:
    year = int(g["year"] or 0)
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year") if _plausible(year) else None


def _plausible(year: int) -> bool:
    return 1800 <= year <= 2100


def _year_range(g: Groups, ctx: _Context) -> Period | None:
    first = int(g.get("y1") or g.get("y2") or g.get("y3") or 0)
    end = g["end"] or ""
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    if not (_plausible(first) and _plausible(last) and first < last):
        return None
    return Period(dt.date(first, 1, 1), dt.date(last, 12, 31), "year")


def _weekday(g: Groups, ctx: _Context) -> Period | None:
    if ctx.published is None:
        return None
    wanted = ctx.rules.section("periods")["weekdays"][(g["weekday"] or "").lower()]
    back = (ctx.published.weekday() - wanted) % 7
    return Period.day(ctx.published - dt.timedelta(days=back))


_DAYS = {"day": 1, "week": 7, "fortnight": 14, "hour": 1 / 24}


def _ago(g: Groups, ctx: _Context) -> Period | None:
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


def _past(g: Groups, ctx: _Context) -> Period | None:
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


def _this(g: Groups, ctx: _Context) -> Period | None:
    if ctx.published is None:
        return None
    p, unit = ctx.published, _unit(g["unit"], ctx)
    if unit == "week":
        start = p - dt.timedelta(days=p.weekday())
    else:
        start = p.replace(day=1) if unit == "month" else p.replace(month=1, day=1)
    return Period(start, p, "day")


def _last(g: Groups, ctx: _Context) -> Period | None:
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


def _next(g: Groups, ctx: _Context) -> Period | None:
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


def _day(g: Groups, ctx: _Context) -> Period | None:
    if ctx.published is None:
        return None
    word = " ".join((g["word"] or "").lower().split())
    p = ctx.published
    if word == "yesterday":
        return Period.day(p - dt.timedelta(days=1))
    if word in ("overnight", "last night"):
        return Period(p - dt.timedelta(days=1), p, "day")
    return Period.day(p)


def _anaphor(g: Groups, ctx: _Context) -> Period | None:
    return ctx.previous


def _day_before(g: Groups, ctx: _Context) -> Period | None:
    if ctx.previous is None or ctx.previous.start is None:
        return None
    return Period.day(ctx.previous.start - dt.timedelta(days=1))


def _months_to(g: Groups, ctx: _Context) -> Period | None:
    month = _month(g, ctx)
    year = _year_for(month, 1, g, ctx)
    if year is None:
        return None
    n = _number(g["n"], ctx)
    months = n if _unit(g["unit"], ctx) == "month" else max(1, round(n / 4))
    first_year, first_month = _shift_months(dt.date(year, month, 1), months - 1)
    return Period(_month_start(first_year, first_month), _month_end(year, month), "month")


def _half(g: Groups, ctx: _Context) -> Period | None:
    year = int(g["year"] or 0) if g.get("year") else (ctx.published.year if ctx.published else None)
    if year is None:
        return None
    first = 1 if (g.get("ordinal") or "").lower() == "first" else 7
    return Period(_month_start(year, first), _month_end(year, first + 5), "month")


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}


def _quarter(g: Groups, ctx: _Context) -> Period | None:
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


#: How each pattern kind of ``periods.json`` turns its groups into a period.
RESOLVERS: Mapping[str, Callable[[Groups, _Context], Period | None]] = {
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
    "day": _day,
    "anaphor": _anaphor,
    "day_before": _day_before,
    "months_to": _months_to,
    "half": _half,
    "quarter": _quarter,
}


def _compile(rules: ExtractRules) -> tuple[re.Pattern[str], list[str]]:
    section = rules.section("periods")
    fills = {
        "weekday": alternation(section["weekdays"]),
        "month": "(?-i:" + alternation(section["months"]) + ")",
        "n": r"(?:\d+|" + alternation(section["numbers"]) + ")",
        "unit": alternation(section["units"]),
    }
    parts, kinds = [], []
    for i, entry in enumerate(section["patterns"]):
        if entry["kind"] not in RESOLVERS:
            from ..errors import ValidationError

            raise ValidationError(
                "periods pattern kind", entry["kind"], "one of " + ", ".join(RESOLVERS)
            )
        body = re.sub(r"\{([a-z]+)\}", lambda m: fills[m.group(1)], entry["pattern"])
        body = re.sub(r"\(\?P<(\w+)>", rf"(?P<k{i}_\1>", body)
        parts.append(f"(?P<k{i}>{body})")
        kinds.append(entry["kind"])
    return re.compile("|".join(parts), re.IGNORECASE), kinds


def _context_patterns(rules: ExtractRules) -> tuple[re.Pattern[str], ...]:
    section, sources = rules.section("periods"), rules.section("sources")
    markers = alternation(section["comparison_markers"])
    superlatives = alternation(section["superlatives"])
    verbs = alternation([*sources["assert_verbs"], *sources["weak_verbs"]])
    return (
        re.compile(rf"{markers}(?!.*{markers})", re.IGNORECASE),
        re.compile(rf"{superlatives}(?:\s+[a-z]+){{0,2}}\s*(?:since\s*)?$", re.IGNORECASE),
        re.compile(rf"{verbs}\s+(?:(?:late|early)\s+)?(?:on\s+)?$"),
    )


def _since(rules: ExtractRules) -> re.Pattern[str]:
    words = alternation(rules.section("periods")["since_words"])
    return re.compile(rf"{words}[^,;.!?]*$", re.IGNORECASE)


def _triggers(rules: ExtractRules) -> re.Pattern[str]:
    section = rules.section("periods")
    words = [*section["triggers"], *section["weekdays"]]
    months = alternation(section["months"])
    return re.compile(rf"\d{{4}}|\b[Qq][1-4]\b|{months}|{alternation(words, cases=True)}")


_REACH_BACK = 60  # how far before its trigger word a time expression may start
_WORDS_BACK = 5


def _matches(doc: Document, rules: ExtractRules) -> Iterator[re.Match[str]]:
    """Time expressions, tried only at a trigger word and the few words before it.

    The combined pattern is long and case-insensitive; tried at every character of a
    long text it would cost microseconds each, so it is tried where a date can be.
    """
    text = doc.text
    pattern, _ = rules.compiled("periods", _compile)
    last_end = 0
    for trigger in rules.compiled("periods.triggers", _triggers).finditer(text):
        t = trigger.start()
        if t < last_end:
            continue
        before = doc.tokens(max(last_end, t - _REACH_BACK), t)[-_WORDS_BACK:]
        for start in [tok.start for tok in before] + [t]:
            m = pattern.match(text, start)
            if m is not None and m.end() > t:
                last_end = m.end()
                yield m
                break


def find_periods(
    doc: Document, rules: ExtractRules, published: dt.date | None
) -> list[PeriodMention]:
    """Every time expression in the document, in order, each with the period it names."""
    _, kinds = rules.compiled("periods", _compile)
    since = rules.compiled("periods.since", _since)
    text = doc.text
    found: list[PeriodMention] = []
    previous: Period | None = None
    for m in _matches(doc, rules):
        name = m.lastgroup or "k0"
        prefix = name + "_"
        groups = {k[len(prefix) :]: v for k, v in m.groupdict().items() if k.startswith(prefix)}
        kind = kinds[int(name[1:])]
        try:
            period = RESOLVERS[kind](groups, _Context(published, previous, rules))
        except ValueError:  # "March 0000", "31 February": no such day
            period = None
        if period is None and kind in ("year", "year_range"):
            continue  # "between 1000 and 2000" names no years: leave the numbers be
        if period is not None and kind != "anaphor":
            sentence_start = doc.sentence(m.start())[0]
            if since.search(text, max(sentence_start, m.start() - 40), m.start() + 6):
                period = Period(period.start, None, period.precision)
        if period is not None:
            previous = period
        found.append(_placed(doc, rules, m, period))
    return found


def _placed(
    doc: Document, rules: ExtractRules, m: re.Match[str], period: Period | None
) -> PeriodMention:
    """A mention with what the words before it say about the figures it may date."""
    marker, superlative, statement = rules.compiled("periods.context", _context_patterns)
    text, start = doc.text, m.start()
    clause_start = doc.clause(start, m.end())[0]
    low = max(clause_start, start - 50)
    lead = text[low:start] + (
        text[start : m.end()] if m.group(0).lower().startswith("since") else ""
    )
    if superlative.search(lead.removesuffix(m.group(0)) if lead.endswith(m.group(0)) else lead):
        return PeriodMention(start, m.end(), period, detached=True)
    compared = marker.search(text, low, start)
    anchor = compared.start() if compared else None
    said = statement.search(text, max(low, start - 30), start) is not None
    return PeriodMention(start, m.end(), period, anchor, False, said)


def choose_period(
    mentions: list[PeriodMention],
    starts: list[int],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    figure: tuple[int, int],
) -> Period | None:
    """The period of a figure: the nearest dated expression in its clause, else in its
    sentence; the date of the statement itself only when there is no other."""
    reach = (figure[0] - _REACH, figure[1] + _REACH)  # long sentences cost no more per figure
    for statements in (False, True):
        for low, high in (clause, sentence):
            low, high = max(low, reach[0]), min(high, reach[1])
            i = bisect.bisect_left(starts, low)
            best: tuple[int, Period] | None = None
            while i < len(mentions) and mentions[i].start < high:
                m = mentions[i]
                i += 1
                if m.period is None or m.end > high or m.detached or m.statement != statements:
                    continue
                if m.anchor is not None and not (m.anchor <= figure[0] and figure[1] <= m.start):
                    continue
                gap = figure[0] - m.end if m.end <= figure[0] else m.start - figure[1]
                if best is None or abs(gap) < best[0]:
                    best = (abs(gap), m.period)
            if best is not None:
                return best[1]
    return None
