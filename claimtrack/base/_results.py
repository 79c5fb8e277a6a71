"""What the base's queries return: tables of rows, claims, a timeline, a source's record.

Every result is a plain sequence of rows (or claims) that prints in a notebook and
turns into a pandas DataFrame with ``to_pandas()``; a result of claims also
becomes a ``ClaimGraph`` with ``graph()``, with the verdicts the base holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from .._format import html as _html
from ..graph import ClaimGraph
from ..io import claim_row
from ..model import Claim

if TYPE_CHECKING:
    import pandas

__all__ = ["AddResult", "Claims", "SourceRecord", "Table"]

# columns read as datetimes by to_pandas()
_DATES = (
    "published", "period_start", "period_end", "added_at", "changed_at", "at", "first", "last",
)  # fmt: skip


def _frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> pandas.DataFrame:
    import pandas as pd  # the notebook extra, imported only when a frame is asked for

    frame = pd.DataFrame.from_records(list(rows), columns=list(columns))
    for column in _DATES:
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column], format="ISO8601", utc=True)
    return frame


@attrs.frozen
class Table(Sequence[dict[str, Any]]):
    """Rows of one kind (estimates, a timeline, changes, reports), each a dict with
    the same ``columns``."""

    columns: tuple[str, ...]
    rows: tuple[dict[str, Any], ...]
    title: str = ""

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | Sequence[dict[str, Any]]:
        return self.rows[index]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def column(self, name: str) -> list[Any]:
        """One column's values, in row order."""
        return [row[name] for row in self.rows]

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a DataFrame, one column per field (times as datetimes)."""
        return _frame(self.rows, self.columns)

    def __repr__(self) -> str:
        return f"<{self.title or 'Table'}: {len(self.rows)} rows>"

    def _repr_html_(self) -> str:
        body = [[_cell(row[c]) for c in self.columns] for row in self.rows[: _html.limit_rows()]]
        return _html.table(list(self.columns), body, total=len(self.rows))


def _cell(value: Any) -> Any:
    if isinstance(value, float):
        return _html.num(value)
    return "" if value is None else value


class Claims(Sequence[Claim]):
    """Claims a query found, in the order they were added, with what the base knows
    of each (``info(claim)``: report, time added and last changed, whether a checker
    derived it)."""

    def __init__(
        self,
        claims: Sequence[Claim],
        info: dict[str, dict[str, Any]],
        graph: Callable[[Sequence[Claim]], ClaimGraph],
    ) -> None:
        self._claims = list(claims)
        self._info = info
        self._graph = graph

    @overload
    def __getitem__(self, index: int) -> Claim: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Claim]: ...
    def __getitem__(self, index: int | slice) -> Claim | Sequence[Claim]:
        return self._claims[index]

    def __len__(self) -> int:
        return len(self._claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._claims)

    def info(self, claim: Claim | str) -> dict[str, Any]:
        """What the base records of a claim besides the claim itself."""
        return dict(self._info[claim if isinstance(claim, str) else claim.id])

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self._claims]

    def graph(self) -> ClaimGraph:
        """A ``ClaimGraph`` of these claims with the verdicts the base holds between
        them, linked already: every checker, view and export works on it, and claims
        added to it are linked by the base's checkers."""
        return self._graph(self._claims)

    def rows(self) -> list[dict[str, Any]]:
        """One flat record per claim: ``claimtrack.to_pandas``'s claim columns, and
        ``status``, ``replaced_by``, ``tags``, ``note``, ``derived``, ``report``,
        ``added_at``, ``changed_at`` and ``quantity`` (its key)."""
        out = []
        for c in self._claims:
            row = claim_row(c)
            row.update(
                status=c.status,
                replaced_by=c.replaced_by,
                tags="; ".join(sorted(c.tags)),
                note=c.note,
            )
            row.update(self._info[c.id])
            out.append(row)
        return out

    def to_pandas(self) -> pandas.DataFrame:
        """The claims as a DataFrame (columns: ``rows``)."""
        rows = self.rows()
        columns = list(rows[0]) if rows else list(claim_row(_EMPTY)) + list(_INFO)
        return _frame(rows, columns)

    def __repr__(self) -> str:
        return f"<Claims: {len(self._claims)}>"

    def _repr_html_(self) -> str:
        rows = [
            (c.source.name, c.measure, c.figure.format(), c.place or "", c.period or "", c.status)
            for c in self._claims[: _html.limit_rows()]
        ]
        headers = ["source", "measure", "figure", "place", "period", "status"]
        return _html.table(headers, rows, total=len(self._claims))


_EMPTY = Claim(source="-", measure="-", figure=0)
_INFO = (
    "status", "replaced_by", "tags", "note", "derived", "report", "added_at", "changed_at",
    "quantity",
)  # fmt: skip


class SourceRecord:
    """How a source's figures fared.

    ``statuses`` counts its claims that stand, were revised and were retracted;
    ``relations`` counts, by relation, the verdicts its claims are in, for each of
    its claims (a verdict between two of its own claims counts twice); ``first``
    and ``last`` are its first and last publication dates. ``claims`` holds one row
    per claim (``published``, ``measure``, ``place``, ``period``, ``figure``,
    ``value``, ``status``, ``corroborated``, ``contradicted``, and the
    ``estimate`` of its quantity where there is one), read when first asked for:
    the rest comes from totals the base keeps.
    """

    def __init__(
        self,
        source: str,
        statuses: dict[str, int],
        relations: dict[str, int],
        first: str | None,
        last: str | None,
        rows: Callable[[], Table],
    ) -> None:
        self.source, self.statuses, self.relations = source, statuses, relations
        self.first, self.last = first, last
        self._rows = rows
        self._claims: Table | None = None

    @property
    def count(self) -> int:
        """How many claims the source made."""
        return sum(self.statuses.values())

    @property
    def claims(self) -> Table:
        """One row per claim, in order of publication."""
        if self._claims is None:
            self._claims = self._rows()
        return self._claims

    def to_pandas(self) -> pandas.DataFrame:
        """The claims' rows as a DataFrame."""
        return self.claims.to_pandas()

    def __repr__(self) -> str:
        relations = ", ".join(f"{n} {r}" for r, n in sorted(self.relations.items()))
        return (
            f"<SourceRecord {self.source!r}: {self.count} claims"
            f"{', ' + relations if relations else ''}>"
        )

    def _repr_html_(self) -> str:
        return f"<p><b>{_html.esc(self.source)}</b></p>" + self.claims._repr_html_()


@attrs.frozen
class AddResult:
    """What one ``add`` did: the report it recorded, how many claims it read, how many
    were new (a claim the base holds already adds nothing), how many claims the
    checkers derived, how many verdicts it wrote (new or changed: a group checker
    gives verdicts on older pairs again, and those as stored are not written), how
    many quantities it reassessed, and the input it could not read (with
    ``errors="collect"``)."""

    report: int
    read: int
    new: int
    derived: int
    verdicts: int
    reassessed: int
    problems: tuple[Any, ...] = ()
    at: str = ""

    def __str__(self) -> str:
        skipped = f", {len(self.problems)} skipped" if self.problems else ""
        return (
            f"report {self.report}: {self.read} claims read, {self.new} new{skipped}; "
            f"{self.verdicts} verdicts, {self.reassessed} quantities reassessed"
        )


def utc_now() -> str:
    """The time now in the base's format: UTC, to the microsecond."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
