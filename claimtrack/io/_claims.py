"""Files in and out: one cattrs converter defines the on-disk form of a claim.

``dump(claims, path)`` writes JSON (a list), JSON Lines (one claim a line) or CSV,
chosen by the file's suffix, atomically: it writes a temporary file beside the
target, flushes it to disk and renames it over the target, so an interrupted
write leaves the old file or the new one, never half of one.

``load(path)`` reads the same three, and CSV made in a spreadsheet (the columns
are in ``CSV_COLUMNS``). A bad line raises ``FileFormatError`` naming the file,
the line and the field; ``errors="collect"`` loads the good lines instead and
returns the bad ones with their reasons.

Tables made by others (CSV, or TSV by the ``.tsv`` suffix) load with
``columns=``, which says which of their columns holds each field; their other
columns are ignored::

    load("claims.csv", columns={"place": "ObjectID", "measure": "PropertyID",
                                "figure": "PropertyValue", "source": "SourceID"})
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io as _io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Literal, TypeVar, overload

import attrs
import cattrs
from cattrs.preconf.json import make_converter

from .._files import NotJSON, as_path, atomic_write, parse_json, read_text
from .._format import Progress, Ticker
from .._format import progress as _progress
from .._gc import paused_gc
from .._units import normalize_unit
from ..errors import ClaimtrackError, FileFormatError, ParseError, ValidationError
from ..figure import Figure
from ..model import Claim, Period, Source

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "Input",
    "LoadResult",
    "Problem",
    "converter",
    "dump",
    "from_records",
    "load",
    "read_date",
]

converter = make_converter()
"""The one converter: ``converter.unstructure(claim)`` is a claim's on-disk form."""


def _unstructure_figure(f: Figure) -> dict[str, Any]:
    return {
        "value": f.value, "low": f.low, "high": f.high, "low_open": f.low_open,
        "high_open": f.high_open, "unit": f.unit, "hedge": f.hedge, "text": f.text,
    }  # fmt: skip


# A file repeats its sources and many of its figures, and both are immutable values:
# a record met before gives the value built from it then (at most _MEMO_LIMIT kept).
_MEMO_LIMIT = 1 << 16
T = TypeVar("T")
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _memo_key(record: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """A key that tells apart any two records that could build different values: the
    fields, their values and the values' types (1, 1.0 and True are equal otherwise).
    None for a record that cannot be keyed so: one with a list or an object inside, or
    a float that equals another float (0.0 and -0.0) or no float (NaN)."""
    values = tuple(record.values())
    types = tuple(map(type, values))
    if float in types and any(v == 0 or v != v for v in values if v.__class__ is float):
        return None
    if not _SCALARS.issuperset(types):
        return None
    return (tuple(record), values, types)


def memoised(memo: dict[Any, T], key: Any, build: Callable[[], T]) -> T:
    """``memo[key]``, built the first time (a ``key`` of None is never kept); a memo
    past ``_MEMO_LIMIT`` entries starts again, so that no file's cells grow it unbounded."""
    if key is None:
        return build()
    value = memo.get(key)
    if value is None:
        value = build()
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        memo[key] = value
    return value


_FIGURES: dict[Any, Figure] = {}
_SOURCES: dict[Any, Source] = {}
_FIGURE_FIELDS = {a.name for a in attrs.fields(Figure)}


def _structure_figure(value: Any, _: type) -> Figure:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return Figure.parse(value) if isinstance(value, str) else Figure(value)
    if not isinstance(value, Mapping):
        raise ValidationError("figure", value, "an object with a value, or a phrase")
    return memoised(_FIGURES, _memo_key(value), lambda: _figure_from_record(value))


def _figure_from_record(value: Mapping[str, Any]) -> Figure:
    _refuse_unknown("figure", value, _FIGURE_FIELDS)
    if "value" not in value:
        raise ValidationError("figure.value", None, "a number (the field is missing)")
    return Figure(**dict(value))


def _unstructure_source(s: Source) -> dict[str, Any]:
    out: dict[str, Any] = {"name": s.name}
    for key in ("aliases", "kind", "side", "reliability", "speaks_for"):
        value = getattr(s, key)
        if value not in (None, ()):
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def _structure_source(value: Any, _: type) -> Source:
    if value.__class__ is Source:  # a CSV row's, built as the row was read
        return value
    if isinstance(value, str):
        key = (str, value) if value.__class__ is str else None
        return memoised(_SOURCES, key, lambda: Source(value))
    if not isinstance(value, Mapping):
        raise ValidationError("source", value, "a name or an object with a name")
    return memoised(_SOURCES, _memo_key(value), lambda: _source_from_record(value))


_SOURCE_FIELDS = {a.name for a in attrs.fields(Source)}


def _source_from_record(value: Mapping[str, Any]) -> Source:
    _refuse_unknown("source", value, _SOURCE_FIELDS)
    if "name" not in value:
        raise ValidationError("source.name", None, "a non-empty text (the field is missing)")
    return Source(**dict(value))


_CLAIM_FIELDS = {a.name for a in attrs.fields(Claim)}


def _unstructure_claim(c: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": c.id,
        "source": _unstructure_source(c.source),
        "measure": c.measure,
        "figure": _unstructure_figure(c.figure),
        "place": c.place,
        "period": str(c.period) if c.period else None,
        "confidence": c.confidence,
        "text": c.text,
        "via": list(c.via),
        "published": c.published.isoformat() if c.published else None,
        "span": list(c.span) if c.span else None,
    }
    for key, default in _OPTIONAL:
        value = getattr(c, key)
        if value != default:
            out[key] = (
                sorted(value)
                if isinstance(value, frozenset)
                else (list(value) if isinstance(value, tuple) else value)
            )
    return out


#: Fields written only when they differ from their default.
_OPTIONAL: tuple[tuple[str, Any], ...] = (
    ("share_of", None), ("stance", "asserts"), ("derived_from", ()), ("kind", "count"),
    ("revision", False), ("share_place", None), ("status", "standing"), ("replaced_by", None),
    ("tags", frozenset()), ("note", ""),
)  # fmt: skip


def _structure_claim(value: Any, _: type) -> Claim:
    if not isinstance(value, Mapping):
        raise ValidationError("claim", value, "an object with source, measure and figure")
    fields = dict(value)
    fields.pop("id", None)
    _refuse_unknown("claim", fields, _CLAIM_FIELDS)
    for required in ("source", "measure", "figure"):
        if required not in fields:
            raise ValidationError(required, None, "a value (the field is missing)")
    fields["source"] = _structure_source(fields["source"], Source)
    fields["figure"] = _structure_figure(fields["figure"], Figure)
    return Claim(**fields)


def _refuse_unknown(where: str, value: Mapping[str, Any], known: set[str]) -> None:
    if known.issuperset(value):
        return
    unknown = sorted(set(value) - known)
    if unknown:
        raise ValidationError(
            f"{where}.{unknown[0]}",
            value[unknown[0]],
            "no such field; known: " + ", ".join(sorted(known)),
        )


converter.register_unstructure_hook(Figure, _unstructure_figure)
converter.register_structure_hook(Figure, _structure_figure)
converter.register_unstructure_hook(Source, _unstructure_source)
converter.register_structure_hook(Source, _structure_source)
converter.register_unstructure_hook(Claim, _unstructure_claim)
converter.register_structure_hook(Claim, _structure_claim)
converter.register_unstructure_hook(Period, str)
converter.register_structure_hook(Period, lambda v, _: Period.parse(v))
converter.register_unstructure_hook(dt.date, dt.date.isoformat)


# -- writing ------------------------------------------------------------------------


#: CSV columns: the first three are required; ``date`` is accepted for ``period``.
CSV_COLUMNS = (
    "source", "measure", "figure", "place", "period", "confidence", "text", "via",
    "published", "unit", "share_of", "stance", "source_kind", "source_side",
    "source_reliability", "source_speaks_for", "kind", "revision", "share_place", "status",
    "replaced_by", "tags", "note",
)  # fmt: skip


def _csv_row(c: Claim) -> dict[str, Any]:
    return {
        "source": c.source.name, "measure": c.measure, "figure": c.figure.format(),
        "place": c.place or "", "period": str(c.period) if c.period else "",
        "confidence": c.confidence, "text": c.text, "via": _names_cell(c.via),
        "published": c.published.isoformat() if c.published else "", "unit": "",
        "share_of": c.share_of or "", "stance": c.stance, "source_kind": c.source.kind or "",
        "source_side": c.source.side or "",
        "source_reliability": "" if c.source.reliability is None else c.source.reliability,
        "source_speaks_for": c.source.speaks_for or "", "kind": c.kind,
        "revision": "true" if c.revision else "", "share_place": c.share_place or "",
        "status": c.status, "replaced_by": c.replaced_by or "", "tags": _names_cell(sorted(c.tags)),
        "note": c.note,
    }  # fmt: skip


def _names_cell(names: Iterable[str]) -> str:
    """A list of names in one CSV cell: "Reuters; AP", or a JSON list when a name holds
    a ";" or starts the cell with "[" (``["Smith; Jones", "AP"]``), so that it reads
    back as the same names."""
    items = list(names)
    if any(";" in name for name in items) or (items and items[0].startswith("[")):
        return json.dumps(items, ensure_ascii=False)
    return "; ".join(items)


def _names_of_cell(cell: str) -> list[str]:
    """The names in a cell written by ``_names_cell``: a JSON list of texts, or names
    separated by ";" (a hand-typed "[Reuters]; AP" that is no JSON list is the latter)."""
    if cell.startswith("["):
        with contextlib.suppress(json.JSONDecodeError, RecursionError):
            names = json.loads(cell)
            if isinstance(names, list) and all(isinstance(n, str) for n in names):
                return names
    return cell.split(";")


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    formats = {
        ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv",
    }  # fmt: skip
    if suffix not in formats:
        raise FileFormatError(
            str(path), f"unknown suffix {suffix!r}; expected one of " + ", ".join(formats)
        )
    return formats[suffix]


def dump(claims: Iterable[Claim], path: str | os.PathLike[str]) -> None:
    """Write claims to ``path`` as JSON, JSON Lines or CSV (by suffix), atomically."""
    target = as_path(path)
    kind = _format_of(target)
    items = list(claims)
    for item in items:
        if not isinstance(item, Claim):
            raise ValidationError("claims", item, "Claim objects")

    def write(handle: _io.TextIOBase) -> None:
        if kind == "jsonl":
            for item in items:
                handle.write(json.dumps(converter.unstructure(item), ensure_ascii=False) + "\n")
        elif kind == "json":
            json.dump(converter.unstructure(items), handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        else:
            writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(_csv_row(item) for item in items)

    atomic_write(target, write)


# -- reading ------------------------------------------------------------------------


@attrs.frozen
class Problem:
    """A line that could not be loaded: where it is and why."""

    path: str
    line: int | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        return str(FileFormatError(self.path, self.reason, self.line, self.field))


@attrs.frozen
class LoadResult:
    """What ``load(..., errors="collect")`` returns: the good claims and the bad lines."""

    claims: list[Claim]
    problems: list[Problem]


def _problem(path: str, line: int | None, err: Exception) -> Problem:
    if isinstance(err, NotJSON):
        return Problem(path, line, None, str(err.args[0]))
    if isinstance(err, ValidationError):
        return Problem(path, line, err.field, str(err))
    if isinstance(err, cattrs.BaseValidationError):
        return Problem(path, line, None, "; ".join(cattrs.transform_error(err)))
    return Problem(path, line, None, f"{type(err).__name__}: {err}")


def _records(
    path: str,
    text: str,
    kind: str,
    columns: Mapping[str, str] | None = None,
    delimiter: str | None = None,
    day_first: bool | None = None,
) -> Iterator[tuple[int | None, Any]]:
    """(line, raw record) pairs; a record that is not even JSON is an exception value."""
    if kind == "jsonl":
        # Only "\n" ends a record: str.splitlines would also split at U+2028 inside a text.
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield number, parse_json(line)
            except NotJSON as err:
                yield number, err
    elif kind == "json":
        try:
            data = parse_json(text) if text.strip() else []
        except NotJSON as err:
            raise FileFormatError(path, err.args[0], err.args[1]) from None
        if isinstance(data, Mapping) and "claims" in data:
            data = data["claims"]
        if not isinstance(data, list):
            raise FileFormatError(path, 'expected a JSON list of claims or {"claims": [...]}')
        for item in data:
            yield None, item
    else:
        delimiter = delimiter or ("\t" if kind == "tsv" else ",")
        yield from _csv_records(path, text, columns, delimiter, day_first)


_FIELDS = (*CSV_COLUMNS, "date")


def _check_columns(columns: Any) -> dict[str, str]:
    """``columns=``: claimtrack field -> the file's column; refuse anything else."""
    if not isinstance(columns, Mapping):
        raise ValidationError("columns", columns, "a mapping from field to column name")
    for field, column in columns.items():
        if field not in _FIELDS:
            raise ValidationError("columns", field, "field names among " + ", ".join(_FIELDS))
        if not isinstance(column, str) or not column.strip():
            raise ValidationError(f"columns[{field!r}]", column, "a column name (text)")
    return {field: column.strip() for field, column in columns.items()}


def _foreign_rows(
    path: str,
    lines: _Lines,
    header: list[str],
    columns: Mapping[str, str],
    day_first: bool | None,
) -> Iterator[tuple[int | None, Any]]:
    """Rows of a table with its own column names, renamed to claimtrack's fields."""
    absent = [
        f"{column!r} (for {field})" for field, column in columns.items() if column not in header
    ]
    if absent:
        raise FileFormatError(
            path, "no column " + ", ".join(absent) + "; the header has " + ", ".join(header), 1
        )
    # A field not mapped may still come from a column that has its name.
    sources = {field: field for field in _FIELDS if field in header} | dict(columns)
    missing = [f for f in ("source", "measure", "figure") if f not in sources]
    if missing:
        raise FileFormatError(
            path, "no column for " + ", ".join(missing) + "; name one in columns=", 1
        )
    # the last of two columns of one name, as a dict of the row would keep
    at = {name: i for i, name in enumerate(header)}
    yield from _rows(
        lines, header, _Plan({field: at[c] for field, c in sources.items()}), day_first
    )


#: The csv module refuses cells over 128 KiB by default, but ``dump`` writes texts of
#: any length; while a file is read the limit is raised to this.
_CSV_CELL_LIMIT = 2**31 - 1


class _Lines:
    """A csv reader over the lines of a text, counting them, with a way past a row that
    could not be read: reading goes on from the line after that row's first."""

    def __init__(self, text: str, delimiter: str) -> None:
        # the lines as the csv module wants them: split at \n, \r or \r\n only
        self._lines = _io.StringIO(text, newline="").readlines()
        self._delimiter = delimiter
        self._restart(0)

    def _restart(self, at: int) -> None:
        lines = iter(self._lines)
        if at:
            lines.__setstate__(at)  # type: ignore[attr-defined]  # list iterators have it
        self.base = at  # lines before this reader's first
        # strict: a quote must close a cell ("x" then , or the line's end); a quote left
        # open would otherwise run the rest of the file into one cell, unseen
        self.reader = csv.reader(lines, delimiter=self._delimiter, strict=True)

    @property
    def number(self) -> int:
        """How many lines were read so far."""
        return self.base + self.reader.line_num

    def skip_row(self, start: int) -> str:
        """Go on from the line after ``start`` (a row's first, counted from 1); returns
        that line."""
        self._restart(start)
        return self._lines[start - 1].rstrip("\r\n")


def _csv_records(
    path: str,
    text: str,
    columns: Mapping[str, str] | None,
    delimiter: str,
    day_first: bool | None = None,
) -> Iterator[tuple[int | None, Any]]:
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, _CSV_CELL_LIMIT))
    lines = _Lines(text, delimiter)
    try:
        yield from _csv_rows(path, lines, columns, day_first)
    except csv.Error as err:
        raise FileFormatError(path, f"not CSV: {err}", lines.number) from None
    finally:
        if old < _CSV_CELL_LIMIT and csv.field_size_limit() == _CSV_CELL_LIMIT:
            csv.field_size_limit(old)  # unless another reader changed it meanwhile


def _csv_rows(
    path: str,
    lines: _Lines,
    columns: Mapping[str, str] | None,
    day_first: bool | None,
) -> Iterator[tuple[int | None, Any]]:
    first = next((row for row in lines.reader if row), None)  # blank lines are no header
    if first is None:
        return
    header = [h.strip() for h in first]
    if not any(header):
        return
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:  # a dict of the row would keep the last of them and drop the others unseen
        raise FileFormatError(
            path, "column(s) " + ", ".join(twice) + " appear twice; each may appear once", 1
        )
    if columns is not None:
        yield from _foreign_rows(path, lines, header, columns, day_first)
        return
    missing = [c for c in ("source", "measure", "figure") if c not in header]
    if missing:
        raise FileFormatError(
            path,
            "missing column(s) "
            + ", ".join(missing)
            + _meant(missing, header)
            + "; the header has "
            + ", ".join(header)
            + "; expected "
            + ", ".join(CSV_COLUMNS)
            + " (to read a table's own columns, name them: load(..., columns={'source': "
            + "'Who', ...}), or claimtrack check --column source=Who)",
            1,
        )
    extra = [h for h in header if h not in CSV_COLUMNS and h != "date"]
    if extra:
        yield 1, ValidationError("columns", extra, _columns_expected(extra))
    # the last of two columns of one name, as a dict of the row would keep
    yield from _rows(lines, header, _Plan({k: i for i, k in enumerate(header) if k}), day_first)


def _meant(missing: list[str], header: list[str]) -> str:
    """The header's columns that may be the missing ones, misspelt or capitalised
    (" ('mesure' may be 'measure')"), or nothing."""
    import difflib  # only for a header that needs it

    unknown = {h.lower(): h for h in header if h and h not in CSV_COLUMNS}
    hints = []
    for name in missing:
        near = difflib.get_close_matches(name, unknown, n=1, cutoff=0.75)
        if near:
            hints.append(f"{unknown[near[0]]!r} may be {name!r}")
    return f" ({'; '.join(hints)})" if hints else ""


def _columns_expected(extra: list[str]) -> str:
    """What the header should hold, with the column each unknown one may mean ("side":
    source_side; "notes": note) and how to keep the rest."""
    import difflib  # only for a header that needs it

    hints = []
    for name in extra:
        near = difflib.get_close_matches(name.lower(), CSV_COLUMNS, n=1, cutoff=0.75)
        guess = f"source_{name.lower()}" if f"source_{name.lower()}" in CSV_COLUMNS else None
        if guess or near:
            hints.append(f"{name!r} may be {guess or near[0]!r}")
    meant = "; ".join([*hints, "errors='collect' reads the claims without the others"])
    return f"only the columns claimtrack knows ({meant}): {', '.join(CSV_COLUMNS)}"


def _rows(
    lines: _Lines,
    header: list[str],
    plan: _Plan,
    day_first: bool | None,
) -> Iterator[tuple[int | None, Any]]:
    """(line, record) for each row; a row with more cells than the header is a problem,
    and so is a row whose quotes do not close (reading goes on at the line after it)."""
    width = len(header)
    while True:
        reader, base = lines.reader, lines.base
        start = base + reader.line_num + 1  # the line the next row starts on
        try:
            for row in reader:
                if not row:  # a blank line
                    start = base + reader.line_num + 1
                    continue
                if len(row) > width:
                    extra = ValidationError(
                        "row", row[width:], f"at most {width} cells, as in the header"
                    )
                    yield start, extra
                else:
                    yield start, plan.claim(row, day_first)
                start = base + reader.line_num + 1
            return
        except csv.Error as err:
            last = lines.number
            problem = ValidationError(
                "row",
                lines.skip_row(start),
                f"a row whose quotes close ({err}): the row from line {start} has a quote "
                f'open on line {last}; a quote inside a quoted cell is written twice ("")',
            )
            yield start, problem


# -- dates in spreadsheets -----------------------------------------------------------

#: What claimtrack reads as it is: "2025", "2025-03", "2025-03-03", "2025-03-03T14:30".
_ISO = re.compile(
    r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$"
)
#: Day and month in digits, either way round: "03/04/2025", "3.4.25", "03-04-2025 14:30".
_DIGITS = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})\b(.*)$")
_OPEN = re.compile(r"^(since|from|until|before)\s+(.+)$", re.IGNORECASE)


def read_date(text: str, field: str = "date", day_first: bool | None = None) -> str:
    """A date cell as claimtrack writes dates ("2025-03-03", "2025-03-03T14:30", a
    month "2025-03", or a period "2025-03-01/2025-03-09" or "2022/").

    Forms read, besides ISO: "March 3, 2025", "3 March 2025", "3 Mar 2025 14:30",
    "2025/03/03", and day and month in digits ("13/03/2025", "03/13/2025"). When
    day and month in digits read both ways ("03/04/2025"), ``day_first`` decides;
    left None, the date is refused with both readings in the message. Dates are
    read by python-dateutil's parser.

    Examples
    --------
    >>> read_date("March 3, 2025"), read_date("13/03/2025"), read_date("03/04/2025", day_first=True)
    ('2025-03-03', '2025-03-13', '2025-04-03')
    """
    raw = " ".join(text.split())
    if _ISO.match(raw):
        return raw
    if field in ("period", "date"):
        opened = _OPEN.match(raw)
        if opened:
            word, rest = opened.groups()
            day = _one_date(rest, field, day_first, text)
            return f"{day}/" if word.lower() in ("since", "from") else f"/{day}"
        if "/" in raw and not _DIGITS.match(raw) and not re.match(r"^\d{4}/\d{1,2}/\d{1,2}$", raw):
            left, _, right = raw.partition("/")
            ends = [
                _one_date(p, field, day_first, text) if p.strip() else "" for p in (left, right)
            ]
            return "/".join(ends)
        for separator in (" to ", " - ", " – "):
            if separator in raw:
                left, _, right = raw.partition(separator)
                return "/".join(_one_date(p, field, day_first, text) for p in (left, right))
    return _one_date(raw, field, day_first, text)


_DATES: dict[tuple[str, str, bool | None], str] = {}


def _read_date(text: str, field: str, day_first: bool | None) -> str:
    """``read_date``, once per distinct cell: a file repeats its dates."""
    key = (text, field, day_first)
    found = _DATES.get(key)
    if found is None:
        found = read_date(text, field, day_first)
        if len(_DATES) >= _MEMO_LIMIT:
            _DATES.clear()
        _DATES[key] = found
    return found


def _one_date(raw: str, field: str, day_first: bool | None, cell: str) -> str:
    from dateutil import parser

    raw = raw.strip()
    if _ISO.match(raw):
        return raw
    digits = _DIGITS.match(raw)
    if digits:
        first, second = int(digits.group(1)), int(digits.group(3))
        if first <= 12 and second <= 12 and first != second and day_first is None:
            day_reading = _digits_date(raw, True, field)
            month_reading = _digits_date(raw, False, field)
            raise ParseError(
                field,
                cell,
                f"a date that reads one way: {raw!r} is {_spoken(day_reading)} read day "
                f"first, or {_spoken(month_reading)} read month first; say which "
                "(load(..., day_first=True or False), or claimtrack check --day-first or "
                "--month-first)",
            )
        order = first > 12 if day_first is None or first > 12 or second > 12 else day_first
        moment = _digits_date(raw, order, field)
        return _iso(moment, raw, field, precision="day")
    try:
        # two defaults tell which parts the text gave: a part that differs came from them
        early = parser.parse(raw, default=dt.datetime(2000, 1, 1), dayfirst=bool(day_first))
        late = parser.parse(raw, default=dt.datetime(2001, 12, 28), dayfirst=bool(day_first))
    except (ValueError, OverflowError):
        expected = "a date such as 2025-03-03, 3 March 2025, March 3, 2025 or 13/03/2025"
        if field == "period":  # "last week": the dates it means, or a period of them
            expected = (
                "a date (2025-03-03, 3 March 2025) or period (2025-03, 2025-03-01/2025-03-09, "
                "2025-03-03/ for since); write 'last week' as dates"
            )
        raise ParseError(field, cell, expected) from None
    if early.year != late.year:
        raise ParseError(field, cell, "a date with its year, such as 3 March 2025")
    precision = "day" if early.day == late.day else "month" if early.month == late.month else "year"
    return _iso(early, raw, field, precision)


def _digits_date(raw: str, day_first: bool, field: str) -> dt.datetime:
    from dateutil import parser

    try:
        return parser.parse(raw, dayfirst=day_first, yearfirst=False)
    except (ValueError, OverflowError):
        raise ParseError(field, raw, "a real calendar date") from None


def _spoken(moment: dt.datetime) -> str:
    return f"{moment.day} {moment:%B} {moment.year}"


def _iso(moment: dt.datetime, raw: str, field: str, precision: str) -> str:
    if precision == "year":
        return str(moment.year)
    if precision == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if field == "published" and ":" in raw:
        return moment.isoformat(timespec="minutes" if moment.second == 0 else "seconds")
    return moment.date().isoformat()


class _Plan:
    """How a table's rows become claims, worked out once for its columns: ``at`` gives
    each field's column (its index in a row). Empty cells are missing values; the
    others are stripped."""

    def __init__(self, at: Mapping[str, int]) -> None:
        self.source = [at.get(name) for name in _CSV_SOURCE]
        self.measure, self.figure, self.unit = (at.get(k) for k in ("measure", "figure", "unit"))
        # the date column after the period's: a period cell wins over a date cell
        order = sorted(at.items(), key=lambda kv: kv[0] == "date")
        self.fields = [
            (i, key, _CSV_FIELD[key], key in _CSV_DATES, key in _CSV_NAMES)
            for key, i in order
            if key in _CSV_FIELD
        ]

    def claim(self, row: Sequence[str], day_first: bool | None) -> Claim | Exception:
        """The row as a claim, or the error that says why it is not one."""
        try:
            return Claim(**self.record(row, day_first))
        except _BAD_RECORD as err:  # the figure of a row with a unit, a bad date, a bad cell
            return err

    def record(self, row: Sequence[str], day_first: bool | None) -> dict[str, Any]:
        width = len(row)
        record: dict[str, Any] = {
            "source": _csv_source(
                tuple([row[i].strip() if i is not None and i < width else "" for i in self.source])
            ),
            "measure": _cell(row, self.measure),
            "figure": _cell(row, self.figure),
        }
        if self.unit is not None and _cell(row, self.unit):
            record["figure"] = _in_unit(record["figure"], _cell(row, self.unit))
        for i, key, field, date, names in self.fields:
            value = row[i].strip() if i < width else ""
            if not value:
                continue
            if date:
                if field in record:  # a date cell, and the period's was not empty
                    continue
                value = _read_date(value, key, day_first)
            elif names:
                record[field] = _names_of_cell(value)
                continue
            record[field] = value
        return record


def _cell(row: Sequence[str], at: int | None) -> str:
    return row[at].strip() if at is not None and at < len(row) else ""


def _in_unit(figure: str, unit_cell: str) -> Figure:
    """The figure of a row with a unit column: in that unit ("4 miles" with unit km is
    converted into km), or refused when it cannot be."""
    stated = Figure.parse(figure)
    unit = normalize_unit(unit_cell)
    in_unit = stated.to(unit) if stated.unit is not None else stated
    return _figure_from_record({**converter.unstructure(in_unit), "unit": unit, "text": figure})


#: The cells copied into a claim's record, by column: the field each fills.
_CSV_FIELD = {
    **{key: key for key in (
        "place", "text", "published", "share_of", "stance", "kind", "revision", "share_place",
        "status", "replaced_by", "note", "tags", "period", "confidence", "via",
    )},
    "date": "period",
}  # fmt: skip
_CSV_DATES = frozenset({"published", "period", "date"})
_CSV_NAMES = frozenset({"tags", "via"})
_CSV_SOURCE = ("source", "source_kind", "source_side", "source_reliability", "source_speaks_for")
_CSV_SOURCES: dict[tuple[str, ...], Source] = {}


def _csv_source(cells: tuple[str, ...]) -> Source:
    """The source of a row's cells (``_CSV_SOURCE``); a file names a few sources many
    times, so each set of cells met before gives the Source built from it then."""
    return memoised(_CSV_SOURCES, cells, lambda: _csv_source_of(cells))


def _csv_source_of(cells: tuple[str, ...]) -> Source:
    name, *rest = cells
    source: dict[str, Any] = {"name": name}
    for key, cell in zip(("kind", "side", "reliability", "speaks_for"), rest, strict=True):
        if cell:
            value: Any = cell
            if key == "reliability" and cell.upper() not in "ABCDEF":
                with contextlib.suppress(ValueError):  # not a number: Source names the cell
                    value = float(cell)
            source[key] = value
    return _source_from_record(source)


#: A file to load: a path, "-" for standard input, or an open text or binary file.
Input = str | os.PathLike[str] | IO[str] | IO[bytes]
#: The formats ``load`` reads, by their names for ``format=``.
FORMATS = ("json", "jsonl", "csv", "tsv")


@overload
def load(
    path: Input,
    errors: Literal["raise"] = "raise",
    *,
    columns: Mapping[str, str] | None = None,
    delimiter: str | None = None,
    format: str | None = None,
    day_first: bool | None = None,
    progress: Progress = None,
) -> list[Claim]: ...
@overload
def load(
    path: Input,
    errors: Literal["collect"],
    *,
    columns: Mapping[str, str] | None = None,
    delimiter: str | None = None,
    format: str | None = None,
    day_first: bool | None = None,
    progress: Progress = None,
) -> LoadResult: ...


def load(
    path: Input,
    errors: str = "raise",
    *,
    columns: Mapping[str, str] | None = None,
    delimiter: str | None = None,
    format: str | None = None,
    day_first: bool | None = None,
    progress: Progress = None,
) -> list[Claim] | LoadResult:
    r"""Read claims from a JSON, JSON Lines, CSV or TSV file (by suffix).

    Parameters
    ----------
    path
        The file: a path, ``"-"`` for standard input, or an open file.
    errors
        ``"raise"`` (default): the first bad line raises ``FileFormatError`` naming
        the file, line and field. ``"collect"``: return a ``LoadResult`` with the
        claims that loaded and a ``Problem`` for each line that did not.
    columns
        For a table with its own column names (CSV or TSV only): which column
        holds each field, e.g. ``{"source": "SourceID", "figure": "PropertyValue"}``.
        Fields not named are read from a column of their own name if there is
        one; other columns are ignored. ``source``, ``measure`` and ``figure``
        must come from somewhere.
    delimiter
        The cell separator of a CSV or TSV file; by default "," for ``.csv`` and
        a tab for ``.tsv``.
    format
        ``"json"``, ``"jsonl"``, ``"csv"`` or ``"tsv"``; by default the file's
        suffix says, and standard input or a file without one is recognised from
        its first characters.
    day_first
        How a CSV's dates such as "03/04/2025" are read: True day first (3 April),
        False month first (4 March). By default a date that reads both ways is
        refused, with both readings in the message; "04/13/2025", "13.04.2025",
        "March 3, 2025", "3 Mar 2025" and ISO dates are read as they are.
    progress
        As ``ClaimGraph.link``: None shows a bar from ``claimtrack.options.progress_from``
        lines, True or False always or never; a callable gets (lines read, lines in all).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "pop.tsv").write_text("City\tYear\tValue\tEditor\nOslo\tpop2006\t548617\tx\n")
    >>> claim, = load(folder / "pop.tsv", columns={"place": "City", "measure": "Year",
    ...                                           "figure": "Value", "source": "Editor"})
    >>> claim.place, claim.measure, claim.figure.value, claim.source.name
    ('Oslo', 'pop2006', 548617, 'x')
    """
    if errors not in ("raise", "collect"):
        raise ValidationError("errors", errors, "'raise' or 'collect'")
    if format is not None and format not in FORMATS:
        raise ValidationError("format", format, "one of " + ", ".join(FORMATS))
    if day_first not in (None, True, False):
        raise ValidationError("day_first", day_first, "True, False or None")
    name, text, kind = _read_input(path, format)
    if kind not in ("csv", "tsv") and (columns is not None or delimiter is not None):
        raise ValidationError(
            "columns" if columns is not None else "delimiter",
            columns if columns is not None else delimiter,
            f"nothing for a {kind.upper()} file (columns= and delimiter= are for CSV and TSV)",
        )
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise ValidationError("delimiter", delimiter, "a single character such as ',' or '\\t'")
    mapping = None if columns is None else _check_columns(columns)
    lines = text.count("\n") + (not text.endswith("\n"))  # a cell may hold a line break
    # a million claims are tens of millions of objects, none in a cycle
    with paused_gc(), _progress("loading", lines, progress, unit="lines") as tick:
        claims, problems = _structure_all(
            name, _records(name, text, kind, mapping, delimiter, day_first), errors, tick
        )
    return LoadResult(claims, problems) if errors == "collect" else claims


def _read_input(path: Input, format: str | None) -> tuple[str, str, str]:
    """(name, text, format) of what ``load`` was given."""
    if isinstance(path, str | os.PathLike):
        if str(path) != "-":
            checked = as_path(path)  # None, bytes or a NUL inside: a clear error
            kind = format or _format_of(checked)
            return str(checked), read_text(checked), kind
        name, handle = "<stdin>", sys.stdin
    elif hasattr(path, "read"):
        name, handle = str(getattr(path, "name", "<file>")), path
    else:
        raise ValidationError("path", path, 'a file path, "-" for standard input, or an open file')
    data = handle.buffer.read() if hasattr(handle, "buffer") else handle.read()
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise FileFormatError(name, f"not valid UTF-8: {err.reason}") from None
    if format is None and name not in ("<stdin>", "<file>"):
        with contextlib.suppress(FileFormatError):
            format = _format_of(Path(name))
    return name, data, format or _sniff(data)


def _sniff(text: str) -> str:
    """The format of a text with no suffix to say: JSON, JSON Lines, or else CSV (TSV
    when its first line has tabs and no commas)."""
    start = text.lstrip()[:1]
    if start == "[":
        return "json"
    if start == "{":
        try:
            data = json.loads(text)
        except ValueError:
            return "jsonl"  # "Extra data" after the first line's object
        return "json" if isinstance(data, Mapping) and "claims" in data else "jsonl"
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return "tsv" if "\t" in first and "," not in first else "csv"


def _missing(value: Any) -> bool:
    """None, NaN, pandas' NA and NaT: a cell with nothing in it, never the text "nan"."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, str) and not value.strip()


def _cell_text(value: Any) -> str:
    """A cell as the text a CSV would hold: 45.0 as "45", a midnight timestamp as its day."""
    if isinstance(value, bool):
        return "true" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.tzinfo is None and value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | frozenset | set):
        return "; ".join(str(v) for v in value)
    return str(value)


#: Columns of ``claimtrack.to_pandas`` whose CSV names differ.
_TABLE_NAMES = {"side": "source_side"}


def from_records(
    records: Iterable[Mapping[str, Any]],
    errors: str = "raise",
    *,
    columns: Mapping[str, str] | None = None,
    day_first: bool | None = None,
    name: str = "<rows>",
) -> list[Claim] | LoadResult:
    """Claims from rows of cells (a DataFrame's records, say), read as ``load`` reads
    CSV rows: ``columns`` names the column of each field, other columns are ignored,
    and an empty cell (None, NaN, NA, NaT, blank) is a missing value, never text."""
    if errors not in ("raise", "collect"):
        raise ValidationError("errors", errors, "'raise' or 'collect'")
    mapping = {} if columns is None else _check_columns(columns)

    def rows() -> Iterator[tuple[int | None, Any]]:
        plans: dict[tuple[str, ...], _Plan] = {}  # a DataFrame's rows share their fields
        for number, record in enumerate(records, start=1):
            found = {_TABLE_NAMES.get(k, k): v for k, v in record.items() if isinstance(k, str)}
            fields = {f: found.get(f) for f in _FIELDS if f in found}
            fields.update({f: record.get(column) for f, column in mapping.items()})
            cells = {f: "" if _missing(v) else _cell_text(v).strip() for f, v in fields.items()}
            absent = [f for f in ("source", "measure", "figure") if not cells.get(f)]
            if absent:
                yield number, ValidationError(absent[0], None, "a value (the cell is empty)")
                continue
            names = tuple(cells)
            plan = plans.get(names)
            if plan is None:
                plan = plans[names] = _Plan({f: i for i, f in enumerate(names)})
            yield number, plan.claim(list(cells.values()), day_first)

    with paused_gc():
        claims, problems = _structure_all(name, rows(), errors)
    return LoadResult(claims, problems) if errors == "collect" else claims


_TOLD_EVERY = 1000

#: What a record that is no claim raises.
_BAD_RECORD = (ClaimtrackError, cattrs.BaseValidationError, ValueError, TypeError, OverflowError)


def _structure_all(
    name: str,
    records: Iterable[tuple[int | None, Any]],
    errors: str,
    tick: Ticker | None = None,
) -> tuple[list[Claim], list[Problem]]:
    claims: list[Claim] = []
    problems: list[Problem] = []
    told = 0  # the lines told to the progress bar, a thousand at a time
    try:
        for index, (line, record) in enumerate(records):
            if tick is not None and line is not None and line - told >= _TOLD_EVERY:
                tick(line - told)
                told = line
            try:
                if record.__class__ is Claim:  # a table's row, read as a claim already
                    claims.append(record)
                    continue
                if isinstance(record, Exception):
                    raise record
                claims.append(_structure_claim(record, Claim))  # the hook, without the dispatch
            except _BAD_RECORD as err:
                problem = _problem(name, line, err)
                if line is None:
                    problem = attrs.evolve(problem, reason=f"item {index + 1}: {problem.reason}")
                if errors == "raise":
                    raise FileFormatError(
                        name, problem.reason, problem.line, problem.field
                    ) from err
                problems.append(problem)
    finally:  # a reader's own cleanup (the csv cell limit) runs now, not when collected
        close = getattr(records, "close", None)
        if close is not None:
            close()
    return claims, problems
