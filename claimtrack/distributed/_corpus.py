"""Extraction over a corpus: a map over documents, one Dask task per block of them.

A corpus is a folder of text files, JSON Lines of articles (``text``,
``published`` and ``outlet`` fields), Parquet files with those columns, or a
Dask bag of articles. It is cut into pieces of about ``blocksize`` bytes (a
run of files, a byte range of a JSON Lines file, a Parquet row group); each
piece is one task that reads its documents and calls the ordinary
``extract`` on each, so the claims are those of the single-process path, in
the same order. A document that fails (unreadable, not JSON, no text, a bad
date, an error inside ``extract``) becomes a ``Problem`` naming its path and
line, and the rest of the corpus goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .._files import atomic_write
from ..errors import ClaimtrackError, FileFormatError, ValidationError
from ..extraction import ExtractRules, extract
from ..figure import HedgePolicy
from ..io import Problem, claim_row, converter, load
from ..measures import MeasureLexicon
from ..model import Claim
from ._cluster import Bag, ClientLike, DataFrame, progress, require, use_client

if TYPE_CHECKING:
    import pyarrow

__all__ = ["Extraction", "extract_corpus", "problems_of", "read_claims", "write_frame"]

#: The bytes of text one task reads by default: some seconds of extraction, so that
#: the scheduler's few milliseconds a task are lost in it, and small enough that the
#: workers finish together.
BLOCKSIZE = 1 << 18

_TEXT_SUFFIXES = (".txt", ".text")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_PARQUET_SUFFIXES = (".parquet", ".pq")

Format = Literal["jsonl", "parquet"]


@attrs.frozen
class _Reading:
    """How a piece's documents become claims: defaults for what an article leaves out,
    and the extraction settings. Sent to each worker once."""

    published: dt.date | str | None
    outlet: str | None
    rules: ExtractRules | None
    measures: MeasureLexicon | None
    policy: HedgePolicy | None

    def claims(
        self, text: Any, published: Any, outlet: Any, path: str, line: int | None
    ) -> list[Claim] | Problem:
        """One document's claims, or the problem that stopped it."""
        try:
            return extract(
                text,
                published=self.published if published is None else published,
                outlet=self.outlet if outlet is None else outlet,
                rules=self.rules,
                measures=self.measures,
                policy=self.policy,
            )
        except ValidationError as err:
            return Problem(path, line, err.field, str(err))
        except Exception as err:  # one bad document must not stop the corpus
            return Problem(path, line, None, f"{type(err).__name__}: {err}")


@attrs.frozen
class _Piece:
    """One task's share of the corpus: text files, a byte range of a JSON Lines file,
    or a row group of a Parquet file."""

    kind: Literal["text", "jsonl", "parquet"]
    paths: tuple[str, ...]
    start: int = 0  # jsonl: first byte; parquet: row group
    end: int = 0  # jsonl: byte after the range
    first_row: int = 0  # parquet: the row group's first row in its file


Outcome = tuple[list[Claim], list[Problem]]


def _articles_text(piece: _Piece) -> Iterator[tuple[str, int | None, Any, Any, Any] | Problem]:
    for path in piece.paths:
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            yield Problem(path, None, None, f"cannot be read as UTF-8 text: {err}")
            continue
        yield (path, None, text, None, None)


def _line_starts(handle: Any, start: int) -> int:
    """The first byte at or after ``start`` that begins a line."""
    if start == 0:
        return 0
    handle.seek(start - 1)
    if handle.read(1) == b"\n":
        return start
    handle.readline()
    position: int = handle.tell()
    return position


def _newlines(path: str, start: int, end: int) -> int:
    """How many line ends ``path`` has in ``[start, end)``, read in slices."""
    count = 0
    with open(path, "rb") as handle:
        handle.seek(start)
        left = end - start
        while left > 0:
            data = handle.read(min(left, 1 << 22))
            if not data:
                break
            count += data.count(b"\n")
            left -= len(data)
    return count


def _articles_jsonl(
    piece: _Piece, lines_before: int
) -> Iterator[tuple[str, int | None, Any, Any, Any] | Problem]:
    (path,) = piece.paths
    with open(path, "rb") as handle:
        position = _line_starts(handle, piece.start)
        # the partial line skipped to get here ended with one of the counted line ends
        line = lines_before + (1 if position > piece.start else 0)
        handle.seek(position)
        while position < piece.end:
            raw = handle.readline()
            if not raw:
                break
            position += len(raw)
            line += 1
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (UnicodeDecodeError, ValueError) as err:
                yield Problem(path, line, None, f"not a JSON object: {err}")
                continue
            if not isinstance(record, dict):
                yield Problem(path, line, None, "not a JSON object with a text field")
                continue
            if "text" not in record:
                yield Problem(path, line, "text", "the article has no text field")
                continue
            yield (path, line, record["text"], record.get("published"), record.get("outlet"))


def _articles_parquet(piece: _Piece) -> Iterator[tuple[str, int | None, Any, Any, Any] | Problem]:
    parquet = require("pyarrow.parquet")
    (path,) = piece.paths
    try:
        file = parquet.ParquetFile(path)
        names = set(file.schema_arrow.names)
        wanted = [c for c in ("text", "published", "outlet") if c in names]
        if "text" not in names:
            yield Problem(path, None, "text", "the Parquet file has no text column")
            return
        table = file.read_row_group(piece.start, columns=wanted)
    except (OSError, ValueError) as err:
        yield Problem(path, None, None, f"cannot be read as Parquet: {err}")
        return
    columns = {name: table.column(name).to_pylist() for name in wanted}
    for i, text in enumerate(columns["text"]):
        published = columns["published"][i] if "published" in columns else None
        outlet = columns["outlet"][i] if "outlet" in columns else None
        yield (path, piece.first_row + i + 1, text, published, outlet)


def _extract_piece(piece: _Piece, reading: _Reading, lines_before: int = 0) -> Outcome:
    """The claims of one piece of the corpus, and the problems of its failing documents."""
    if piece.kind == "text":
        articles: Iterable[tuple[str, int | None, Any, Any, Any] | Problem] = _articles_text(piece)
    elif piece.kind == "jsonl":
        articles = _articles_jsonl(piece, lines_before)
    else:
        articles = _articles_parquet(piece)
    claims: list[Claim] = []
    problems: list[Problem] = []
    for article in articles:
        if isinstance(article, Problem):
            problems.append(article)
            continue
        path, line, text, published, outlet = article
        found = reading.claims(text, published, outlet, path, line)
        if isinstance(found, Problem):
            problems.append(found)
        else:
            claims.extend(found)
    return claims, problems


def _extract_items(items: Sequence[Any], reading: _Reading, partition: int) -> Outcome:
    """The claims of one partition of a bag of articles (texts, or dicts with text,
    published, outlet and optionally path)."""
    claims: list[Claim] = []
    problems: list[Problem] = []
    for i, item in enumerate(items):
        if isinstance(item, Mapping):
            path = str(item.get("path") or f"bag partition {partition}")
            line = None if item.get("path") else i + 1
            if "text" not in item:
                problems.append(Problem(path, line, "text", "the article has no text field"))
                continue
            found = reading.claims(
                item["text"], item.get("published"), item.get("outlet"), path, line
            )
        else:
            found = reading.claims(item, None, None, f"bag partition {partition}", i + 1)
        if isinstance(found, Problem):
            problems.append(found)
        else:
            claims.extend(found)
    return claims, problems


def _files(source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The corpus files: those given, or every text, JSON Lines and Parquet file under a
    folder, sorted by path."""
    given = [source] if isinstance(source, str | os.PathLike) else list(source)
    found: list[Path] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in (*_TEXT_SUFFIXES, *_JSONL_SUFFIXES, *_PARQUET_SUFFIXES)
                and not p.name.startswith(".")
            )
        elif path.is_file():
            found.append(path)
        else:
            raise FileFormatError(str(path), "no such file or folder")
    return found


def _pieces(files: list[Path], blocksize: int) -> list[_Piece]:
    pieces: list[_Piece] = []
    texts: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal texts, size
        if texts:
            pieces.append(_Piece("text", tuple(texts)))
        texts, size = [], 0

    for path in files:
        suffix = path.suffix.lower()
        if suffix in _JSONL_SUFFIXES:
            flush()
            length = path.stat().st_size
            for start in range(0, max(length, 1), blocksize):
                pieces.append(_Piece("jsonl", (str(path),), start, min(start + blocksize, length)))
        elif suffix in _PARQUET_SUFFIXES:
            flush()
            parquet = require("pyarrow.parquet")
            try:
                meta = parquet.ParquetFile(path).metadata
            except (OSError, ValueError) as err:
                raise FileFormatError(str(path), f"cannot be read as Parquet: {err}") from err
            row = 0
            for group in range(meta.num_row_groups):
                pieces.append(_Piece("parquet", (str(path),), group, first_row=row))
                row += meta.row_group(group).num_rows
        else:
            texts.append(str(path))
            size += path.stat().st_size
            if size >= blocksize:
                flush()
    flush()
    return pieces


def _prefix(counts: Sequence[int]) -> list[int]:
    """Per piece, the line ends before it in its file (pieces of one file are in order)."""
    out, total = [], 0
    for count in counts:
        out.append(total)
        total += count
    return out


@attrs.frozen
class Extraction:
    """The claims of a corpus, and the documents that failed, as Dask bags.

    ``claims`` holds ``Claim`` objects in the corpus's order (the order
    ``extract`` over each document in turn gives); ``problems`` holds a
    ``claimtrack.Problem`` per failing document (its path, its line or row,
    and why). Both are lazy: ``compute()`` runs the extraction once for both;
    ``write(out)`` writes the claims as partitions. After ``extract_corpus(...,
    out=...)``, ``written`` lists the files and ``claims`` reads them back.
    """

    claims: Bag
    problems: Bag
    written: tuple[str, ...] = ()
    # The tasks both bags come from: writing the claims and gathering the problems from
    # them runs each document once (two bags would be optimised, and run, apart).
    _pieces: tuple[Any, ...] = attrs.field(default=(), repr=False, alias="pieces")

    def compute(self) -> tuple[list[Claim], list[Problem]]:
        """Every claim and every problem, from one run over the corpus."""
        found: tuple[list[Claim], list[Problem]] = self.to_delayed().compute()
        return found

    def to_delayed(self) -> Any:
        """One Dask ``Delayed`` of (claims, problems): each document is read once for both
        (``client.compute`` it to watch its progress)."""
        dask = require("dask")
        if self._pieces:
            return dask.delayed(_joined)(list(self._pieces))
        parts = zip(self.claims.to_delayed(), self.problems.to_delayed(), strict=True)
        return dask.delayed(_joined)([list(pair) for pair in parts])

    def frame(self) -> DataFrame:
        """The claims as a Dask DataFrame, one row per claim (``claimtrack.to_pandas``'s
        claim columns)."""
        pandas = require("pandas")
        meta = pandas.DataFrame(
            {name: pandas.Series(dtype=dtype) for name, dtype in _CLAIM_COLUMNS.items()}
        )
        return self.claims.map_partitions(_claim_frame).to_dataframe(meta=meta)


# The claim columns of a frame and a Parquet partition, with their types: the dates are
# ISO text, which Parquet keeps as written and every reader parses.
_CLAIM_COLUMNS: dict[str, str] = {
    "id": "object",
    "source": "object",
    "side": "object",
    "source_kind": "object",
    "measure": "object",
    "figure": "object",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "low_open": "bool",
    "high_open": "bool",
    "unit": "object",
    "hedge": "object",
    "place": "object",
    "period": "object",
    "period_start": "object",
    "period_end": "object",
    "published": "object",
    "via": "object",
    "confidence": "float64",
    "stance": "object",
    "share_of": "object",
    "text": "object",
}


def _row(claim: Claim) -> dict[str, Any]:
    row = claim_row(claim)
    for name in ("period_start", "period_end", "published"):
        value = row[name]
        row[name] = value.isoformat() if isinstance(value, dt.date) else value
    return row


def _claim_frame(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    return [_row(c) for c in claims]


def _write_jsonl(claims: list[Claim], path: str) -> str:
    def write(handle: Any) -> None:
        for claim in claims:
            handle.write(json.dumps(converter.unstructure(claim), ensure_ascii=False) + "\n")

    atomic_write(path, write)
    return path


def _claims_table(claims: list[Claim]) -> pyarrow.Table:
    """The claim columns, and the whole claim as its JSON on-disk form (``claim``), which
    ``read_claims`` reads back exactly."""
    pa = require("pyarrow")
    rows = [_row(c) for c in claims]
    columns: dict[str, list[Any]] = {name: [r[name] for r in rows] for name in _CLAIM_COLUMNS}
    columns["claim"] = [json.dumps(converter.unstructure(c), ensure_ascii=False) for c in claims]
    types = {"float64": pa.float64(), "bool": pa.bool_(), "object": pa.string()}
    schema = pa.schema(
        [(name, types[dtype]) for name, dtype in _CLAIM_COLUMNS.items()] + [("claim", pa.string())]
    )
    return pa.table(columns, schema=schema)


def _write_arrow(table: pyarrow.Table, path: str | os.PathLike[str]) -> None:
    """A Parquet file written as ``atomic_write`` writes text: a reader sees the old file
    or the new one, never half of one."""
    parquet = require("pyarrow.parquet")
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        parquet.write_table(table, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_parquet(claims: list[Claim], path: str) -> str:
    _write_arrow(_claims_table(claims), path)
    return path


def write_frame(frame: Any, path: str | os.PathLike[str]) -> None:
    """Write a pandas DataFrame (a computed table of ``assess_distributed``) as Parquet,
    atomically."""
    pa = require("pyarrow")
    _write_arrow(pa.Table.from_pandas(frame, preserve_index=False), path)


def _read_partition(path: str, columns: Mapping[str, str] | None) -> list[Claim]:
    if path.endswith(_PARQUET_SUFFIXES):
        parquet = require("pyarrow.parquet")
        texts = parquet.read_table(path, columns=["claim"]).column("claim").to_pylist()
        return [converter.structure(json.loads(t), Claim) for t in texts]
    return load(path, columns=columns)


def read_claims(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    columns: Mapping[str, str] | None = None,
) -> Bag:
    """A Dask bag of the claims in claim files: a folder of partitions that
    ``extract_corpus`` wrote (JSON Lines or Parquet), or claim files ``claimtrack.load``
    reads (JSON Lines, JSON, CSV, with ``columns`` as for ``load``), one partition a
    file."""
    bag = require("dask.bag")
    dask = require("dask")
    given = [source] if isinstance(source, str | os.PathLike) else list(source)
    paths: list[str] = []
    for item in given:
        path = Path(item)
        if path.is_dir():
            paths += sorted(
                str(p)
                for p in path.iterdir()
                if p.name.startswith("claims-") and p.suffix in (".jsonl", ".parquet")
            )
        elif path.is_file():
            paths.append(str(path))
        else:
            raise FileFormatError(str(path), "no such file or folder")
    if not paths:
        raise FileFormatError(str(given[0]) if given else "", "holds no claim files")
    return bag.from_delayed([dask.delayed(_read_partition)(p, columns) for p in paths])


def _problem_record(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "field": problem.field,
        "reason": problem.reason,
    }


def extract_corpus(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | Bag,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    *,
    rules: ExtractRules | None = None,
    measures: MeasureLexicon | None = None,
    policy: HedgePolicy | None = None,
    out: str | os.PathLike[str] | None = None,
    format: Format = "jsonl",
    blocksize: int = BLOCKSIZE,
    client: ClientLike = None,
    show_progress: bool = False,
) -> Extraction:
    """The claims of a whole corpus, read by Dask workers; the same claims, in the same
    order, as ``extract`` on each document in turn.

    Parameters
    ----------
    source
        A folder (every ``.txt``, ``.jsonl`` and ``.parquet`` file under it), files,
        or a Dask bag of articles (texts, or dicts with ``text``, ``published``,
        ``outlet`` and optionally ``path`` for reports). A JSON Lines file holds
        one article a line and a Parquet file one a row, with those fields.
    published, outlet
        For the documents that do not give their own (text files never do).
    rules, measures, policy
        As for ``extract``.
    out
        A folder to write the claims to, one file a partition (``claims-00000.jsonl``
        ...), with ``problems.jsonl`` listing the failing documents. The extraction
        runs now; without ``out`` it runs when the result is computed.
    format
        ``"jsonl"`` (the claim files ``claimtrack.load`` reads) or ``"parquet"``
        (the claim columns of ``claimtrack.to_pandas``, and each claim whole in
        the ``claim`` column); ``read_claims`` reads either back.
    blocksize
        About how many bytes of text one task reads.
    client
        A ``distributed.Client``, a scheduler address, or None: the current
        client, else a local cluster with one worker per core.
    show_progress
        With ``out``: show Dask's progress bar on standard error while writing.

    Returns
    -------
    Extraction
        The claims and the problems, as Dask bags.
    """
    if format not in ("jsonl", "parquet"):
        raise ValidationError("format", format, "'jsonl' or 'parquet'")
    if not isinstance(blocksize, int) or isinstance(blocksize, bool) or blocksize < 1:
        raise ValidationError("blocksize", blocksize, "a number of bytes, 1 or more")
    dask = require("dask")
    bag = require("dask.bag")
    reading = _Reading(published, outlet, rules, measures, policy)
    shared = dask.delayed(reading, pure=True)  # one copy in the graph, sent once a worker
    if isinstance(source, bag.Bag):
        outcomes = [
            dask.delayed(_extract_items, pure=True)(part, shared, i)
            for i, part in enumerate(source.to_delayed())
        ]
    else:
        pieces = _pieces(_files(source), blocksize)
        counts = {
            i: dask.delayed(_newlines, pure=True)(p.paths[0], p.start, p.end)
            for i, p in enumerate(pieces)
            if p.kind == "jsonl"
        }
        by_file: dict[str, list[int]] = {}
        for i in counts:
            by_file.setdefault(pieces[i].paths[0], []).append(i)
        before: dict[int, Any] = {}
        for indexes in by_file.values():
            prefix = dask.delayed(_prefix, pure=True)([counts[i] for i in indexes])
            for n, i in enumerate(indexes):
                before[i] = prefix[n]
        outcomes = [
            dask.delayed(_extract_piece, pure=True)(p, shared, before.get(i, 0))
            for i, p in enumerate(pieces)
        ]
    if not outcomes:
        raise ValidationError("source", source, "a corpus with at least one document")
    claims = bag.from_delayed([o[0] for o in outcomes])
    problems = bag.from_delayed([o[1] for o in outcomes])
    extraction = Extraction(claims, problems, pieces=tuple(outcomes))
    if out is None:
        return extraction
    return _write(extraction, Path(out), format, client, show_progress)


def _write(
    extraction: Extraction, folder: Path, format: Format, client: ClientLike, shown: bool
) -> Extraction:
    """Write the claims as partitions and the problems as ``problems.jsonl``; the claims
    bag then reads the partitions back."""
    dask = require("dask")
    bag = require("dask.bag")
    if folder.exists() and not folder.is_dir():
        raise FileFormatError(str(folder), "is a file, not a folder to write partitions in")
    folder.mkdir(parents=True, exist_ok=True)
    write: Callable[[list[Claim], str], str] = _write_jsonl if format == "jsonl" else _write_parquet
    names = [str(folder / f"claims-{i:05d}.{format}") for i in range(extraction.claims.npartitions)]
    if extraction._pieces:
        parts = [o[0] for o in extraction._pieces]
        reported = dask.delayed(_concat)([o[1] for o in extraction._pieces])
    else:
        parts = extraction.claims.to_delayed()
        reported = dask.delayed(_concat)(extraction.problems.to_delayed())
    files = [dask.delayed(write, pure=True)(p, n) for p, n in zip(parts, names, strict=True)]
    runner = use_client(client)
    # one graph of delayed tasks: each document is read once for its claims and problems
    futures = runner.compute([dask.delayed(list)(files), reported])
    progress(futures, shown)
    written, problems = runner.gather(futures)
    records = [_problem_record(p) for p in problems]

    def dump(handle: Any) -> None:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    atomic_write(folder / "problems.jsonl", dump)
    reported = bag.from_sequence(problems, npartitions=1)
    return Extraction(read_claims(written), reported, tuple(written))


def _joined(
    outcomes: Iterable[tuple[Iterable[Claim], Iterable[Problem]]],
) -> tuple[list[Claim], list[Problem]]:
    claims: list[Claim] = []
    problems: list[Problem] = []
    for found, failed in outcomes:
        claims.extend(found)
        problems.extend(failed)
    return claims, problems


def _concat(parts: Iterable[Iterable[Problem]]) -> list[Problem]:
    return [p for part in parts for p in part]


def problems_of(folder: str | os.PathLike[str]) -> list[Problem]:
    """The problems ``extract_corpus(..., out=folder)`` recorded."""
    path = Path(folder) / "problems.jsonl"
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as err:
        raise FileFormatError(str(path), f"cannot be read: {err}") from err
    try:
        return [Problem(**json.loads(line)) for line in lines if line.strip()]
    except (ValueError, TypeError) as err:
        raise ClaimtrackError(f"{path}: not a problems file: {err}") from err
