"""Views: DataFrames, the claim board, the graph picture, the HTML report.

pandas and matplotlib live in the ``notebook`` extra
(``pip install 'claimtrack[notebook]'``) and are imported inside the functions
that need them, so ``import claimtrack`` stays fast without them.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from .._format import html as _html
from .._version import __version__
from ..assessment import Assessment, estimates_html, grades_html, reliability_html
from ..assessment.truth import get_method
from ..errors import ClaimtrackError
from ..io import Tabular, rows
from ..relations import verdicts_html
from ._plots import Subject, plot_board, subject_of

if TYPE_CHECKING:
    import pandas

__all__ = ["board_svg", "report_html", "to_pandas"]

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


def board_svg(subject: Subject, **options: Any) -> str:
    """The claim board as an inline ``<svg>`` element: text drawn as paths, no comments,
    metadata or external references, so outside text cannot become markup."""
    import matplotlib
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "claimtrack"}):
        figure = plot_board(subject, **options).get_figure(root=True)
        assert figure is not None  # a board always draws on a figure
        buffer = io.StringIO()
        try:
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        finally:
            plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)
    return re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)


def _conflicts(assessment: Assessment) -> str:
    """The estimates that do not add up, as a warning list; "" when they all do."""
    found = assessment.inconsistencies()
    if not found:
        return ""
    items = "".join(f"<li>{_html.esc(v.reason)}</li>" for v in found)
    return (
        '<p class="ct"><span class="contradicts">The estimates do not add up</span> '
        f'where parts exceed their whole:</p><ul class="ct">{items}</ul>'
    )


def _method_note(method: str) -> str:
    """One line on how the estimates were made: the method's name and what it does."""
    try:
        doc = (get_method(method).__doc__ or "").strip()
    except ClaimtrackError:  # a method passed as a callable, not registered
        doc = ""
    summary = " ".join(doc.split("\n\n")[0].split())  # the first paragraph, on one line
    what = f": {summary.rstrip('.')}" if summary else ""
    return f'<p class="ct muted">Estimated with {_html.esc(method)}{_html.esc(what)}.</p>'


def report_html(subject: Subject, title: str = "claimtrack report", board: bool = True) -> str:
    """One self-contained HTML page: the board, disputes, estimates, reliability, grades
    and every verdict with its reason. Nothing in it is fetched from anywhere.

    Parameters
    ----------
    subject
        An assessment, or a ``ClaimGraph`` (assessed with ``claimtrack.assess``).
    title
        The page's title.
    board
        Whether to embed the claim board as SVG (needs matplotlib).

    Returns
    -------
    str
        The HTML document.
    """
    graph, assessment = subject_of(subject)
    found = graph.disputes()
    verdict_list = graph.verdicts()
    everything = max(len(graph), len(verdict_list), len(assessment.estimates), 1)
    parts = [
        f"<p><b>{len(graph)}</b> claims from <b>{len(graph.sources())}</b> sources, "
        f"<b>{len(verdict_list)}</b> verdicts, <b>{len(found)}</b> disputed quantities, "
        f"<b>{len(assessment.estimates)}</b> estimates.</p>"
    ]
    if board and len(graph):
        parts += ["<h2>Claim board</h2>", board_svg(assessment)]
    parts.append("<h2>Disputes</h2>")
    parts += [d._repr_html_() for d in found] or ["<p>No claim contradicts another.</p>"]
    parts += [
        "<h2>Estimates</h2>",
        _method_note(assessment.method),
        estimates_html(assessment, limit=everything),
        _conflicts(assessment),
        "<h2>Source reliability</h2>",
        reliability_html(assessment.reliability.values()),
        "<h2>Claim grades</h2>",
        grades_html(assessment, limit=everything),
        "<h2>Verdicts</h2>",
        verdicts_html(verdict_list, limit=everything),
        f'<p class="ct muted">Made with claimtrack {_html.esc(__version__)}.</p>',
    ]
    return _html.page(title, "".join(parts))
