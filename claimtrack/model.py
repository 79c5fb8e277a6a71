"""Sources, periods and claims: who asserts which figure about what, where and when.

>>> c = Claim(source="Russian defence ministry", measure="drones destroyed", figure="45",
...           place="Russia", period="2024-08-21")
>>> c.figure.value, str(c.period), c.id == Claim(**c.to_fields()).id
(45, '2024-08-21', True)
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import math
import numbers
import re
import sys
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Any

import attrs

from ._format import html as _html
from .errors import ParseError, ValidationError
from .figure import Figure, _refuse_lone_surrogates

__all__ = [
    "ADMIRALTY",
    "Claim",
    "Period",
    "Source",
    "reads_to_date",
    "said_html",
    "unique",
    "who_html",
]

#: NATO Admiralty source-reliability letters and the prior reliability each stands for.
ADMIRALTY = MappingProxyType(
    {
        "A": ("completely reliable", 0.95),
        "B": ("usually reliable", 0.8),
        "C": ("fairly reliable", 0.6),
        "D": ("not usually reliable", 0.4),
        "E": ("unreliable", 0.2),
        "F": ("reliability cannot be judged", None),
    }
)


def _text(value: Any, field: str = "text") -> str:
    # Names, measures and places repeat across thousands of claims: one copy of each,
    # and the short ones are looked up, not normalised again, when met again.
    if value.__class__ is str and (known := _TEXTS.get(value)) is not None:
        return known
    if not isinstance(value, str):  # None, 7 or {"x": 1} are no name: str() would hide them
        raise ValidationError(field, value, "a text")
    text = " ".join(value.split())
    if len(text) > _INTERNED:
        return text
    text = sys.intern(text)
    if value.__class__ is str:
        if len(_TEXTS) >= _TEXTS_LIMIT:
            _TEXTS.clear()
        _TEXTS[value] = text
    return text


_INTERNED = 80
_TEXTS: dict[str, str] = {}  # short text as given -> normalised and interned
_TEXTS_LIMIT = 1 << 16


def _optional_text(value: Any, field: str) -> str | None:
    return None if value is None else (_text(value, field) or None)


def _free_text(value: Any, field: str) -> str:
    """A free text (a claim's sentence, a note): kept as given; None for none."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, value, "a text")
    return value


# One named converter a field, so that an error names the field (and mypy's attrs
# plugin, which takes only named functions, sees each).
def _source_name(value: Any) -> str:
    return _text(value, "source name")


def _source_kind(value: Any) -> str | None:
    return _optional_text(value, "source kind")


def _source_side(value: Any) -> str | None:
    return _optional_text(value, "source side")


def _speaks_for(value: Any) -> str | None:
    return _optional_text(value, "source speaks_for")


def _measure(value: Any) -> str:
    return _text(value, "measure")


def _place(value: Any) -> str | None:
    return _optional_text(value, "place")


def _share_of(value: Any) -> str | None:
    return _optional_text(value, "share_of")


def _share_place(value: Any) -> str | None:
    return _optional_text(value, "share_place")


def _replaced_by(value: Any) -> str | None:
    return _optional_text(value, "replaced_by")


def _claim_text(value: Any) -> str:
    return _free_text(value, "text")


def _note(value: Any) -> str:
    return _free_text(value, "note")


def _names(value: Any, field: str = "names") -> tuple[str, ...]:
    if value is None or (value.__class__ in (tuple, list) and not value):  # the usual: none
        return ()
    if isinstance(value, str):
        value = (value,)
    elif not isinstance(value, Iterable) or isinstance(value, bytes | Mapping):
        raise ValidationError(field, value, "a text or a list of texts")
    names = (_text(v, field) for v in value)
    if isinstance(value, AbstractSet):  # no order of its own: sorted, so an id is stable
        return tuple(sorted(n for n in names if n))
    return tuple(n for n in names if n)


def _aliases(value: Any) -> tuple[str, ...]:
    return _names(value, "aliases")


def _derived_from(value: Any) -> tuple[str, ...]:
    return _names(value, "derived_from")


def _nonempty(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value:
        raise ValidationError(attribute.name, value, "a non-empty text")


def _reliability(value: Any) -> float | str | None:
    if value is None or (isinstance(value, float | int) and not isinstance(value, bool)):
        # compared, not converted: NaN fails the comparison, and an int too large for a
        # float would overflow math.isfinite
        if value is not None and not 0 <= value <= 1:
            raise ValidationError("reliability", value, "a number in [0, 1] or a letter A-F")
        return value
    if isinstance(value, str) and value.strip().upper() in ADMIRALTY:
        return value.strip().upper()
    raise ValidationError("reliability", value, "a number in [0, 1] or an Admiralty letter A-F")


@attrs.frozen(repr=False)
class Source:
    """Who asserts a figure: a ministry, an outlet, a monitor, a blogger.

    ``reliability`` is an optional prior: a number in [0, 1] or a NATO Admiralty
    letter A (completely reliable) to F (cannot be judged); ``prior`` gives it as
    a number either way. ``side`` is the party the source speaks for, if any.
    ``speaks_for`` names the source whose figures this one only passes on (a
    spokesperson for an agency, a state outlet or a minister quoting its count):
    its claims share that source's origin, so they never count as independent
    confirmation of it.
    """

    name: str = attrs.field(converter=_source_name, validator=_nonempty)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    kind: str | None = attrs.field(default=None, converter=_source_kind)
    side: str | None = attrs.field(default=None, converter=_source_side)
    reliability: float | str | None = attrs.field(default=None, converter=_reliability)
    speaks_for: str | None = attrs.field(default=None, converter=_speaks_for)

    @property
    def prior(self) -> float | None:
        """The prior reliability as a number in [0, 1], or None when not given (or F)."""
        if isinstance(self.reliability, str):
            return ADMIRALTY[self.reliability][1]
        return self.reliability

    @property
    def letter(self) -> str | None:
        """The Admiralty letter, when the reliability was given as one."""
        return self.reliability if isinstance(self.reliability, str) else None

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)

    def __attrs_post_init__(self) -> None:
        for field in ("name", "kind", "side", "speaks_for"):
            _refuse_lone_surrogates(f"source {field}", getattr(self, field))
        for alias in self.aliases:
            _refuse_lone_surrogates("source aliases", alias)

    def __repr__(self) -> str:
        extra = "".join(
            f", {k}={v!r}"
            for k, v in (
                ("aliases", self.aliases),
                ("kind", self.kind),
                ("side", self.side),
                ("reliability", self.reliability),
                ("speaks_for", self.speaks_for),
            )
            if v not in (None, ())
        )
        return f"Source({self.name!r}{extra})"

    def _repr_html_(self) -> str:
        Markup, esc = _html.Markup, _html.esc
        rows: list[tuple[str, Any]] = [
            ("name", Markup(esc(self.name) + _html.side_badge(self.side)))
        ]
        for key, value in (
            ("aliases", ", ".join(self.aliases)),
            ("kind", self.kind),
            ("side", self.side),
        ):
            if value:
                rows.append((key, value))
        if self.reliability is not None:
            prior = "" if self.prior is None else f" (prior {self.prior:.2f})"
            rows.append(("reliability", f"{self.reliability}{prior}"))
        if self.speaks_for:
            rows.append(("speaks for", self.speaks_for))
        return _html.table(["source", ""], rows)


def _as_source(value: Any) -> Source:
    if isinstance(value, Source):
        return value
    if isinstance(value, str):
        if not value.strip():
            raise ValidationError("source", value, "a non-empty source name")
        return Source(value)
    raise ValidationError("source", value, "a Source or a source name")


# -- periods ------------------------------------------------------------------------

_PRECISIONS = ("day", "month", "year")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _date_span(text: str, field: str) -> tuple[dt.date, dt.date, str]:
    """First and last day of "2024", "2024-08" or "2024-08-21", and its precision."""
    m = _DATE.match(text.strip())
    if not m:
        raise ParseError(field, text, "a date as YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last), "month"
        day_ = dt.date(year, month, day)
    except ValueError as err:
        raise ParseError(field, text, f"a real calendar date ({err})") from None
    return day_, day_, "day"


def _as_date(value: Any, field: str = "date") -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return _day(value, field)
    raise ValidationError(field, value, "a date or a YYYY-MM-DD string")


@lru_cache(maxsize=4096)  # a date object per distinct string, shared by the claims on it
def _day(value: str, field: str) -> dt.date:
    start, _end, precision = _date_span(value, field)
    if precision != "day":
        raise ParseError(field, value, "a single day as YYYY-MM-DD")
    return start


def _start_date(value: Any) -> dt.date | None:
    return _as_date(value, "period start")


def _end_date(value: Any) -> dt.date | None:
    return _as_date(value, "period end")


_MOMENT = re.compile(
    r"^(\d{4}-\d{1,2}-\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$"
)


def _published(value: Any) -> dt.date | None:
    """A day, or a day and a time ("2023-02-07T14:30", "2023-02-07 14:30Z"): updates of one
    running count on one day are told apart by the time. A time with a UTC offset is
    kept in UTC, without the offset."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        moment: dt.datetime = value
        return moment
    if isinstance(value, str) and ("T" in value or ":" in value):
        m = _MOMENT.match(value.strip())
        if m is None:
            raise ParseError(
                "published", value, "a date as YYYY-MM-DD, or a date and time as YYYY-MM-DDTHH:MM"
            )
        day, hours, minutes, seconds, zone = m.groups()
        text = f"{_day(day, 'published').isoformat()}T{int(hours):02d}:{minutes}:{seconds or '00'}"
        try:
            moment = dt.datetime.fromisoformat(text + (zone or ""))
        except ValueError as err:
            raise ParseError("published", value, f"a real time of day ({err})") from None
        return _published(moment)
    return _as_date(value, "published")


@attrs.frozen(repr=False, cache_hash=True)
class Period:
    """When a figure holds: a day, a month, a year, a span, or an open span ("since 2022").

    ``start`` or ``end`` is None when that side is open. ``precision`` (day, month
    or year) is how finely the ends were stated.

    Examples
    --------
    >>> str(Period.parse("since 2022")), str(Period.parse("2024-08")), Period.parse("2024").end
    ('2022/', '2024-08', datetime.date(2024, 12, 31))
    """

    start: dt.date | None = attrs.field(default=None, converter=_start_date)
    end: dt.date | None = attrs.field(default=None, converter=_end_date)
    precision: str = attrs.field(default="day")

    @precision.validator
    def _check(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in _PRECISIONS:
            raise ValidationError("period precision", value, "one of day, month, year")
        if self.start and self.end and self.start > self.end:
            raise ValidationError(
                "period end", self.end.isoformat(), f"a date on or after the start {self.start}"
            )

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read "2024-08-21", "2024-08", "2024", "2022-02-24/2024-08-22", "2022/", "since 2022"."""
        if not isinstance(text, str):
            raise ParseError("period", text, "a string such as '2024-08-21' or 'since 2022'")
        raw = " ".join(text.split())
        lowered = raw.lower()
        if lowered.startswith("since "):
            raw = raw[6:] + "/"
        elif lowered.startswith(("until ", "before ")):
            raw = "/" + raw.split(" ", 1)[1]
        if "/" not in raw:
            start, end, precision = _date_span(raw, "period")
            return cls(start, end, precision)
        left, _, right = raw.partition("/")
        if not left.strip() and not right.strip():
            raise ParseError("period", text, "at least one date around '/'")
        try:
            starts = _date_span(left, "period start") if left.strip() else None
            ends = _date_span(right, "period end") if right.strip() else None
        except ParseError:  # "14/03/2031": name the whole text, not its first part
            raise ParseError(
                "period",
                text,
                "YYYY, YYYY-MM or YYYY-MM-DD, or a start and an end around '/' "
                "such as '2024-08-01/2024-08-21'",
            ) from None
        precisions = [s[2] for s in (starts, ends) if s]
        precision = min(precisions, key=_PRECISIONS.index)
        return cls(starts[0] if starts else None, ends[1] if ends else None, precision)

    @classmethod
    def day(cls, date: dt.date | str) -> Period:
        """A single day."""
        day_ = _as_date(date, "period")
        return cls(day_, day_, "day")

    def _show(self, date: dt.date | None) -> str:
        if date is None:
            return ""
        return {"day": date.isoformat(), "month": date.isoformat()[:7], "year": str(date.year)}[
            self.precision
        ]

    @cached_property
    def _text(self) -> str:
        if self.start is not None and self._show(self.start) == self._show(self.end):
            return self._show(self.start)
        return f"{self._show(self.start)}/{self._show(self.end)}"

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"

    @property
    def is_open(self) -> bool:
        """Whether either end is open (a cumulative "since" count has an open end)."""
        return self.start is None or self.end is None

    def bounds(self) -> tuple[dt.date, dt.date]:
        return (self.start or dt.date.min, self.end or dt.date.max)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        (a0, a1), (b0, b1) = self.bounds(), other.bounds()
        return a0 <= b1 and b0 <= a1

    def contains(self, other: Period) -> bool:
        """Whether every day of ``other`` is in this period."""
        (a0, a1), (b0, b1) = self.bounds(), other.bounds()
        return a0 <= b0 and b1 <= a1

    def closed_by(self, published: dt.date | None) -> Period:
        """An open-ended period ("since 2022") read as ending on the publication date."""
        if self.end is not None or published is None:
            return self
        if self.start is not None and published < self.start:
            return self
        return Period(self.start, published, "day")


def _as_period(value: Any) -> Period | None:
    if value is None or value == "":
        return None
    if isinstance(value, Period):
        return value
    if isinstance(value, dt.date):
        return Period.day(value)
    if isinstance(value, str):
        return _period(value)
    raise ValidationError("period", value, "a Period, a date or a string such as '2024-08-21'")


_period = lru_cache(maxsize=4096)(Period.parse)  # periods are immutable: one per string


# -- claims -------------------------------------------------------------------------


def _as_figure(value: Any) -> Figure:
    if isinstance(value, Figure):
        return value
    if isinstance(value, str):
        return Figure.parse(value)
    real = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if real or (isinstance(value, numbers.Number) and not isinstance(value, numbers.Complex)):
        return Figure(value)  # ints and floats, numpy's, Decimal and Fraction, as Figure takes
    raise ValidationError("figure", value, "a Figure, a number or a phrase such as 'about 200'")


def _confidence(value: Any) -> float:
    if value.__class__ is float and 0.0 <= value <= 1.0:  # the usual case (not NaN)
        return value
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ValidationError("confidence", value, "a number in [0, 1]") from None
    if not (math.isfinite(number) and 0.0 <= number <= 1.0) or isinstance(value, bool):
        raise ValidationError("confidence", value, "a number in [0, 1]")
    return number


def _relay_chain(value: Any) -> tuple[str, ...]:
    """The outlets a statement passed through, each once, in the order first met."""
    names = _names(value, "via")
    return tuple(dict.fromkeys(names)) if len(names) > 1 else names


def _span(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        start, end = (int(v) for v in value)
    except (TypeError, ValueError):
        raise ValidationError("span", value, "a (start, end) pair of character offsets") from None
    if not 0 <= start <= end:
        raise ValidationError("span", value, "offsets with 0 <= start <= end")
    return (start, end)


_STANCES = ("asserts", "denies")
#: What sort of figure a claim gives: a count of reported cases, an estimate (modelled
#: or rough), or a projection (a forecast: "could reach", "may exceed").
KINDS = ("count", "estimate", "projection")
#: Whether a claim still stands, or was later revised or retracted (it stays on record).
STATUSES = ("standing", "revised", "retracted")


def _tags(value: Any) -> frozenset[str]:
    if value is None or (value.__class__ is frozenset and not value):
        return frozenset()
    if isinstance(value, str):
        value = value.split(";")
    elif not isinstance(value, Iterable) or isinstance(value, bytes | Mapping):
        raise ValidationError("tags", value, "a text or a list of texts")
    return frozenset(t for t in (_text(v, "tags") for v in value) if t)


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, str | int) else None
    if text in ("true", "yes", "1"):
        return True
    if text in ("false", "no", "0", ""):
        return False
    raise ValidationError("revision", value, "true or false")


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in choices:
            raise ValidationError(attribute.name, value, "one of " + ", ".join(choices))

    return check


# One encoder for every id: building one per call costs more than the hashing.
_ID_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


@attrs.frozen(repr=False)
class Claim:
    """A source asserts that a measure, in a place and a period, has a figure.

    Strings are converted where that is unambiguous: ``source="Kyiv"`` becomes
    ``Source("Kyiv")``, ``figure="about 200"`` is parsed, ``period="since 2022"``
    becomes a ``Period`` and ``published="2024-08-22"`` a date.

    ``via`` is the chain of outlets that relayed the statement from its source; a
    chain is a path, so an outlet named twice is kept once, where it first appears;
    ``share_of`` names the measure a percentage is a share of ("43% of the
    missiles fired were intercepted"); ``stance`` is "denies" for a figure the
    source rejects; ``derived_from`` holds the ids of the claims a derived claim
    was computed from. ``confidence`` is the analyst's confidence in [0, 1].

    Evolving stories: ``published`` may carry a time of day ("2023-02-07T14:30"), so
    two updates on one day are ordered; ``kind`` says what sort of figure it is
    (``"count"`` of reported cases, the default; ``"estimate"``; ``"projection"``, a
    forecast, which is never averaged with counts but checked against them);
    ``revision`` says the claim itself revises its source's earlier figure ("revised
    down to"); ``status`` records what became of it later (``"standing"``,
    ``"revised"`` or ``"retracted"``, with ``replaced_by`` naming what replaced it):
    a revised or retracted claim stays on record but leaves the current estimate.
    ``share_place`` names the place of the whole a share is of, when that is not the
    claim's own place ("40% of the country's deaths were in this province"). ``tags``
    and ``note`` are the analyst's, and survive every file format.

    ``id`` is a hash of the content (everything but ``confidence``, ``span``, the
    source's metadata and the analyst's ``status``, ``replaced_by``, ``tags`` and
    ``note``): the same statement read twice has the same id, on any machine.
    """

    source: Source = attrs.field(converter=_as_source)
    measure: str = attrs.field(converter=_measure, validator=_nonempty)
    figure: Figure = attrs.field(converter=_as_figure)
    place: str | None = attrs.field(default=None, converter=_place)
    period: Period | None = attrs.field(default=None, converter=_as_period)
    confidence: float = attrs.field(default=1.0, converter=_confidence)
    text: str = attrs.field(default="", converter=_claim_text)
    via: tuple[str, ...] = attrs.field(default=(), converter=_relay_chain)
    published: dt.date | None = attrs.field(default=None, converter=_published)
    span: tuple[int, int] | None = attrs.field(default=None, converter=_span)
    share_of: str | None = attrs.field(default=None, converter=_share_of)
    stance: str = attrs.field(default="asserts")
    derived_from: tuple[str, ...] = attrs.field(default=(), converter=_derived_from)
    kind: str = attrs.field(default="count", validator=_one_of(KINDS))
    revision: bool = attrs.field(default=False, converter=_flag)
    share_place: str | None = attrs.field(default=None, converter=_share_place)
    status: str = attrs.field(default="standing", validator=_one_of(STATUSES))
    replaced_by: str | None = attrs.field(default=None, converter=_replaced_by)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_tags)
    note: str = attrs.field(default="", converter=_note)

    @stance.validator
    def _check_stance(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in _STANCES:
            raise ValidationError("stance", value, "'asserts' or 'denies'")

    def __attrs_post_init__(self) -> None:
        if (  # the usual case, asked at once: nothing to look at
            self.measure.isascii()
            and self.text.isascii()
            and not (self.place and not self.place.isascii())
            and not (self.tags or self.via or self.derived_from)
            and not (self.share_of or self.share_place or self.note)
        ):
            return
        for field in ("measure", "place", "text", "share_of", "share_place", "note"):
            _refuse_lone_surrogates(field, getattr(self, field))
        for tag in self.tags:
            _refuse_lone_surrogates("tags", tag)
        for name in (*self.via, *self.derived_from):
            _refuse_lone_surrogates("via" if name in self.via else "derived_from", name)

    @cached_property
    def id(self) -> str:
        """A stable 16-hex-digit id derived from the claim's content."""
        f = self.figure
        content = [
            self.source.name, self.measure, f.value, f.low, f.high, f.low_open, f.high_open,
            f.unit, f.hedge, self.place, str(self.period) if self.period else None, self.text,
            list(self.via), self.published.isoformat() if self.published else None,
            self.share_of, self.stance, list(self.derived_from),
        ]  # fmt: skip
        # fields added later count only when set, so the ids of earlier claims stay
        for name, default in (("kind", "count"), ("revision", False), ("share_place", None)):
            value = getattr(self, name)
            if value != default:
                content.append([name, value])
        blob = _ID_ENCODER.encode(content)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    @property
    def published_day(self) -> dt.date | None:
        """The day of publication, without the time of day if one was given."""
        p = self.published
        return p.date() if isinstance(p, dt.datetime) else p

    @cached_property
    def moment(self) -> dt.datetime | None:
        """The publication as a moment, to order a running count's updates: a day
        without a time of day counts from its start."""
        p = self.published
        if p is None or isinstance(p, dt.datetime):
            return p
        return dt.datetime(p.year, p.month, p.day)

    @property
    def current(self) -> bool:
        """Whether the claim still stands (not later revised or retracted)."""
        return self.status == "standing"

    @property
    def origin(self) -> str:
        """The name of the source the statement started from: relays share it, and so
        does a source that speaks for another (``Source.speaks_for``)."""
        return self.source.speaks_for or self.source.name

    def to_fields(self) -> dict[str, Any]:
        """The constructor arguments that rebuild this claim."""
        return {a.name: getattr(self, a.name) for a in attrs.fields(Claim)}

    def __repr__(self) -> str:
        extra = "".join(
            f", {name}={value!r}"
            for name, value in (
                ("place", self.place),
                ("period", str(self.period) if self.period else None),
                ("via", self.via),
                ("share_of", self.share_of),
                ("kind", None if self.kind == "count" else self.kind),
                ("status", None if self.status == "standing" else self.status),
            )
            if value not in (None, ())
        )
        return f"Claim({self.source.name!r}, {self.measure!r}, {self.figure.format()!r}{extra})"

    def _repr_html_(self) -> str:
        Markup, esc = _html.Markup, _html.esc
        stance = ' <span class="contradicts">denies</span>' if self.stance != "asserts" else ""
        rows: list[tuple[str, Any]] = [
            ("figure", Markup(f"<b>{esc(self.figure.format())}</b>{stance}")),
            ("measure", self.measure + (f" (share of {self.share_of})" if self.share_of else "")),
            ("source", who_html(self)),
            ("place", self.place or ""),
            ("period", self.period or ""),
        ]
        if self.published:
            rows.append(("published", self.published))
        if self.confidence != 1.0:
            rows.append(("confidence", f"{self.confidence:.2f}"))
        if self.text:
            rows.append(("text", Markup(f"<i>{esc(self.text)}</i>")))
        if self.derived_from:
            rows.append(("derived from", ", ".join(self.derived_from)))
        rows.append(("id", Markup(f'<span class="muted">{esc(self.id)}</span>')))
        return _html.table(["claim", ""], rows)


def reads_to_date(period: Period, day: dt.date | None) -> bool:
    """Whether a period, said on ``day`` (the day of publication), reads as a count to
    date, as a running count's does: it has a start and is open at the end or ends on
    that day, or it has no start and ends on that day ("so far": counted from the
    start). The checkers find a running count's series by it, the claim base the
    blocks of counts to date."""
    if period.start is None:
        return day is not None and period.end == day
    return period.end is None or (period.end == day and period.start < period.end)


def unique(claims: Iterable[Claim]) -> list[Claim]:
    """Claims in their first order, each id once."""
    seen: dict[str, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.id, claim)
    return list(seen.values())


def who_html(c: Claim) -> _html.Markup:
    """A claim's source with its side, and the outlets it came through, as HTML."""
    esc = _html.esc
    via = f' <span class="muted">via {esc(", ".join(c.via))}</span>' if c.via else ""
    return _html.Markup(esc(c.source.name) + _html.side_badge(c.source.side) + via)


def said_html(c: Claim) -> _html.Markup:
    """A claim's figure and who said it, as HTML; a figure computed from others is
    rounded for people ("≈ 154 (derived)"), its exact value kept in the claim."""
    f = c.figure
    shown = (
        f"≈ {_html.with_unit(_html.num(float(f.value)), f.unit)} (derived)"
        if f.hedge == "derived"
        else f.format()
    )
    return _html.Markup(f"<b>{_html.esc(shown)}</b> " + who_html(c))
