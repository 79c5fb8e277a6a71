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
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, overload

import attrs
import cattrs
from cattrs.preconf.json import make_converter

from .._files import NotJSON, as_path, atomic_write, parse_json, read_text
from .._gc import paused_gc
from .._units import normalize_unit
from ..errors import ClaimtrackError, FileFormatError, ValidationError
from ..figure import Figure
from ..model import Claim, Period, Source

__all__ = [
    "CSV_COLUMNS",
    "LoadResult",
    "Problem",
    "converter",
    "dump",
    "load",
]

converter = make_converter()
"""The one converter: ``converter.unstructure(claim)`` is a claim's on-disk form."""


def _unstructure_figure(f: Figure) -> dict[str, Any]:
    return {
        "value": f.value, "low": f.low, "high": f.high, "low_open": f.low_open,
        "high_open": f.high_open, "unit": f.unit, "hedge": f.hedge, "text": f.text,
    }  # fmt: skip


def _structure_figure(value: Any, _: type) -> Figure:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return Figure.parse(value) if isinstance(value, str) else Figure(value)
    if not isinstance(value, Mapping):
        raise ValidationError("figure", value, "an object with a value, or a phrase")
    known = {a.name for a in attrs.fields(Figure)}
    _refuse_unknown("figure", value, known)
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
    if isinstance(value, str):
        return Source(value)
    if not isinstance(value, Mapping):
        raise ValidationError("source", value, "a name or an object with a name")
    _refuse_unknown("source", value, {a.name for a in attrs.fields(Source)})
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
    fields = {k: v for k, v in value.items() if k != "id"}
    _refuse_unknown("claim", fields, _CLAIM_FIELDS)
    for required in ("source", "measure", "figure"):
        if required not in fields:
            raise ValidationError(required, None, "a value (the field is missing)")
    fields["source"] = _structure_source(fields["source"], Source)
    fields["figure"] = _structure_figure(fields["figure"], Figure)
    return Claim(**fields)


def _refuse_unknown(where: str, value: Mapping[str, Any], known: set[str]) -> None:
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
        yield from _csv_records(path, text, columns, delimiter)


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
    reader: csv.DictReader[str],
    header: list[str],
    columns: Mapping[str, str],
    lines: _Lines,
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
    yield from _rows(
        reader,
        header,
        lambda row: {field: row.get(column) for field, column in sources.items()},
        lines,
    )


#: The csv module refuses cells over 128 KiB by default, but ``dump`` writes texts of
#: any length; while a file is read the limit is raised to this.
_CSV_CELL_LIMIT = 2**31 - 1


class _Lines:
    """The lines of a CSV text for the csv reader, counted, and with a way back: after a
    row that could not be read, reading goes on from the line after its first."""

    def __init__(self, text: str) -> None:
        self._text = _io.StringIO(text, newline="")
        self.number = 0  # lines handed out so far
        self._mark = (0, 0)  # where the row being read starts: (offset, line number)

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._text.readline()
        if not line:
            raise StopIteration
        self.number += 1
        return line

    def mark(self) -> int:
        """Remember where the next row starts; returns its line number."""
        self._mark = (self._text.tell(), self.number)
        return self.number + 1

    def skip_marked_line(self) -> str:
        """Go back to the row that failed, and on past its first line; returns that line."""
        offset, number = self._mark
        self._text.seek(offset)
        self.number = number + 1
        return self._text.readline().rstrip("\r\n")


def _csv_records(
    path: str, text: str, columns: Mapping[str, str] | None, delimiter: str
) -> Iterator[tuple[int | None, Any]]:
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, _CSV_CELL_LIMIT))
    lines = _Lines(text)
    # strict: a quote must close a cell ("x" then , or the line's end); a quote left
    # open would otherwise run the rest of the file into one cell, unseen
    reader = csv.DictReader(lines, delimiter=delimiter, strict=True)
    try:
        yield from _csv_rows(path, reader, columns, lines)
    except csv.Error as err:
        raise FileFormatError(path, f"not CSV: {err}", lines.number) from None
    finally:
        if old < _CSV_CELL_LIMIT and csv.field_size_limit() == _CSV_CELL_LIMIT:
            csv.field_size_limit(old)  # unless another reader changed it meanwhile


def _csv_rows(
    path: str, reader: csv.DictReader[str], columns: Mapping[str, str] | None, lines: _Lines
) -> Iterator[tuple[int | None, Any]]:
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    if not header:
        return
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:  # DictReader would keep the last of them and drop the others unseen
        raise FileFormatError(
            path, "column(s) " + ", ".join(twice) + " appear twice; each may appear once", 1
        )
    if columns is not None:
        yield from _foreign_rows(path, reader, header, columns, lines)
        return
    missing = [c for c in ("source", "measure", "figure") if c not in header]
    if missing:
        raise FileFormatError(
            path,
            "missing column(s) "
            + ", ".join(missing)
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
        yield 1, ValidationError("columns", extra, "only the columns " + ", ".join(CSV_COLUMNS))
    yield from _rows(reader, header, lambda row: row, lines)


def _rows(
    reader: csv.DictReader[str],
    header: list[str],
    fields: Callable[[Mapping[str, str | None]], Mapping[str, str | None]],
    lines: _Lines,
) -> Iterator[tuple[int | None, Any]]:
    """(line, record) for each row; a row with more cells than the header is a problem,
    and so is a row whose quotes do not close (reading goes on at the line after it)."""
    while True:
        start = lines.mark()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            last = lines.number
            problem = ValidationError(
                "row",
                lines.skip_marked_line(),
                f"a row whose quotes close ({err}): the row from line {start} has a quote "
                f'open on line {last}; a quote inside a quoted cell is written twice ("")',
            )
            yield start, problem
            continue
        if None in row:
            extra = ValidationError(
                "row", row[None], f"at most {len(header)} cells, as in the header"
            )
            yield start, extra
            continue
        yield start, _record(fields(row))


def _record(row: Mapping[str, str | None]) -> Any:
    """A row as a claim record, or the error that says why it is not one."""
    try:
        return _from_csv(row)
    except (ValueError, TypeError) as err:  # the figure of a row with a unit
        return err


def _from_csv(row: Mapping[str, str | None]) -> dict[str, Any]:
    cell = {k: (v or "").strip() for k, v in row.items() if k}
    figure: Any = cell["figure"]
    if cell.get("unit"):
        # the unit of the column; a figure in another unit ("4 miles", unit km) is
        # converted into it, or refused when it cannot be
        stated = Figure.parse(figure)
        unit = normalize_unit(cell["unit"])
        in_unit = stated.to(unit) if stated.unit is not None else stated
        figure = {**converter.unstructure(in_unit), "unit": unit, "text": figure}
    source: dict[str, Any] = {"name": cell["source"]}
    for key in ("kind", "side", "reliability", "speaks_for"):
        if cell.get(f"source_{key}"):
            value: Any = cell[f"source_{key}"]
            if key == "reliability" and value.upper() not in "ABCDEF":
                with contextlib.suppress(ValueError):  # not a number: Source names the cell
                    value = float(value)
            source[key] = value
    record: dict[str, Any] = {"source": source, "measure": cell["measure"], "figure": figure}
    for key in (
        "place", "text", "published", "share_of", "stance", "kind", "revision", "share_place",
        "status", "replaced_by", "note",
    ):  # fmt: skip
        if cell.get(key):
            record[key] = cell[key]
    if cell.get("tags"):
        record["tags"] = _names_of_cell(cell["tags"])
    if cell.get("period") or cell.get("date"):
        record["period"] = cell.get("period") or cell.get("date")
    if cell.get("confidence"):
        record["confidence"] = cell["confidence"]
    if cell.get("via"):
        record["via"] = _names_of_cell(cell["via"])
    return record


@overload
def load(
    path: str | os.PathLike[str],
    errors: Literal["raise"] = "raise",
    *,
    columns: Mapping[str, str] | None = None,
    delimiter: str | None = None,
) -> list[Claim]: ...
@overload
def load(
    path: str | os.PathLike[str],
    errors: Literal["collect"],
    *,
    columns: Mapping[str, str] | None = None,
    delimiter: str | None = None,
) -> LoadResult: ...


def load(
    path: str | os.PathLike[str],
    errors: str = "raise",
    *,
    columns: Mapping[str, str] | None = None,
    delimiter: str | None = None,
) -> list[Claim] | LoadResult:
    r"""Read claims from a JSON, JSON Lines, CSV or TSV file (by suffix).

    Parameters
    ----------
    path
        The file.
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
    name = str(as_path(path))
    kind = _format_of(Path(name))
    if kind not in ("csv", "tsv") and (columns is not None or delimiter is not None):
        raise ValidationError(
            "columns" if columns is not None else "delimiter",
            columns if columns is not None else delimiter,
            f"nothing for a {kind.upper()} file (columns= and delimiter= are for CSV and TSV)",
        )
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise ValidationError("delimiter", delimiter, "a single character such as ',' or '\\t'")
    mapping = None if columns is None else _check_columns(columns)
    text = read_text(path)
    with paused_gc():  # a million claims are tens of millions of objects, none in a cycle
        claims, problems = _structure_all(
            name, _records(name, text, kind, mapping, delimiter), errors
        )
    return LoadResult(claims, problems) if errors == "collect" else claims


def _structure_all(
    name: str, records: Iterable[tuple[int | None, Any]], errors: str
) -> tuple[list[Claim], list[Problem]]:
    claims: list[Claim] = []
    problems: list[Problem] = []
    for index, (line, record) in enumerate(records):
        try:
            if isinstance(record, Exception):
                raise record
            claims.append(converter.structure(record, Claim))
        except (
            ClaimtrackError,
            cattrs.BaseValidationError,
            ValueError,
            TypeError,
            OverflowError,
        ) as err:
            problem = _problem(name, line, err)
            if line is None:
                problem = attrs.evolve(problem, reason=f"item {index + 1}: {problem.reason}")
            if errors == "raise":
                raise FileFormatError(name, problem.reason, problem.line, problem.field) from err
            problems.append(problem)
    return claims, problems
