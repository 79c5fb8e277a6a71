"""DataFrames out and in: ``to_pandas`` and ``from_pandas`` (pandas imported lazily)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

from ..io import LoadResult, Tabular, from_records, rows
from ..model import Claim

if TYPE_CHECKING:
    import pandas

__all__ = ["from_pandas", "to_pandas"]

_DATES = ("period_start", "period_end", "published")


def to_pandas(obj: Tabular) -> pandas.DataFrame:
    """A pandas DataFrame of claims, verdicts, sources, estimates or reliabilities.

    Parameters
    ----------
    obj
        A ``ClaimGraph`` (one row per claim), an assessment (one row per claim, with
        its grade), or a list (or dict) of ``Claim``, ``Verdict``, ``Source``,
        ``Estimate`` or ``Reliability`` objects.

    Returns
    -------
    pandas.DataFrame
        ``claimtrack.dump_table`` writes the same rows as CSV.

    Notes
    -----
    The columns of each kind of table:

    claims (from a list of claims, a ``ClaimGraph`` or an assessment)
        ``id``, ``source``, ``side``, ``source_kind``, ``measure``, ``figure`` (the
        canonical text), ``value``, ``low``, ``high`` (-inf/inf where unbounded),
        ``low_open``, ``high_open``, ``unit``, ``hedge``, ``place``, ``period``,
        ``period_start``, ``period_end``, ``published`` (datetimes; NaT when not
        given), ``via`` (outlets joined by "; "), ``confidence``, ``stance``,
        ``share_of``, ``text``. From a graph also ``quantity`` (its label),
        ``derived``, ``support`` (independent sources backing the claim) and
        ``contradicted`` (in at least one contradiction). From an assessment also
        ``grade``, ``credibility`` and ``reasons`` (joined by "; ").
    verdicts
        ``relation``, ``a``, ``b`` (claim ids), ``a_source``, ``b_source``,
        ``a_figure``, ``b_figure``, ``strength``, ``reason``, ``checker``.
    sources
        ``name``, ``aliases``, ``kind``, ``side``, ``reliability`` (as given),
        ``prior`` (a number, NaN when unknown).
    estimates (from ``assessment.estimates``)
        ``quantity``, ``measure``, ``place``, ``period``, ``best``, ``low``,
        ``high``, ``unit``, ``claims``, ``sources`` (how many independent ones),
        ``source_names``, ``dissent`` (how many claims disagree), ``support`` (the
        effective number of independent observations behind the best value),
        ``confidence`` (the method's probability that the best value is right),
        ``method``.
    reliability (from ``assessment.reliability``)
        ``source``, ``reliability``, ``prior``, ``claims`` (quantities another source
        also reported), ``agreed`` (the share of those on which the estimate lies
        within this source's figure), ``copies`` (the sources found to copy it or be
        copied by it, joined by "; "), ``weak_copies`` (the quantities on which its
        figure was taken in part for a copy of less reliable sources).
    """
    import pandas as pd

    frame = pd.DataFrame.from_records(rows(obj))
    for column in _DATES:
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column])
    return frame


@overload
def from_pandas(
    frame: pandas.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    errors: Literal["raise"] = "raise",
    day_first: bool | None = None,
) -> list[Claim]: ...
@overload
def from_pandas(
    frame: pandas.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    errors: Literal["collect"],
    day_first: bool | None = None,
) -> LoadResult: ...


def from_pandas(
    frame: pandas.DataFrame,
    columns: Mapping[str, str] | None = None,
    *,
    errors: str = "raise",
    day_first: bool | None = None,
) -> list[Claim] | LoadResult:
    """Claims from a DataFrame, one a row; an empty cell (NaN, None, NA, NaT) is a
    missing value, never the text "nan".

    Parameters
    ----------
    frame
        A DataFrame whose columns are claim fields (those of ``claimtrack.load`` for
        CSV: ``source``, ``measure``, ``figure``, ``place``, ``period``,
        ``published``, ...; ``to_pandas`` gives such a frame), or named by ``columns``.
    columns
        Which column holds each field, e.g. ``{"source": "Who", "figure": "Deaths"}``;
        fields not named are read from a column of their name. Other columns are
        ignored.
    errors
        ``"raise"`` (default): the first bad row raises ``FileFormatError`` naming
        its position and field; ``"collect"``: a ``LoadResult`` of the claims read
        and a ``Problem`` for each row that was not.
    day_first
        How dates such as "03/04/2025" in text cells are read (as ``load``).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"Who": ["Kyiv", "Monitor A"], "Deaths": [238, 90],
    ...                    "Where": [None, "Kursk"], "measure": "troops killed"})
    >>> claims = from_pandas(df, columns={"source": "Who", "figure": "Deaths", "place": "Where"})
    >>> [(c.figure.value, c.place) for c in claims]
    [(238, None), (90, 'Kursk')]
    """
    from ..errors import ValidationError

    if not hasattr(frame, "to_dict") or not hasattr(frame, "columns"):
        raise ValidationError("frame", frame, "a pandas DataFrame")
    records: list[dict[str, Any]] = frame.to_dict("records")
    return from_records(records, errors, columns=columns, day_first=day_first, name="DataFrame")
