"""A graph's HTML: its counts, its disputes and its verdicts (for notebooks)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._format import html as _html
from ..model import said_html
from ..relations import verdicts_html
from ._questions import Dispute

if TYPE_CHECKING:
    from ._graph import ClaimGraph

__all__ = ["disputes_html", "graph_html"]


_VS = ' <span class="vs" style="font-weight:600;color:#b00020">vs</span> '


def _dispute_row(d: Dispute) -> tuple[Any, ...]:
    """A dispute's row: its sides, then the parts of it that exceed it, named apart."""
    cell = _VS.join("<br>".join(said_html(c) for c in side) for side in d.sides)
    if d.parts:
        named = ", ".join(said_html(c) + f" ({_html.esc(c.place or 'elsewhere')})" for c in d.parts)
        cell += f'<br><span style="color:#777">parts that add up to more:</span> {named}'
    # each sentence once: relayed copies give the same contradiction again
    said = list(dict.fromkeys(v.reason for v in d.contradictions))[:3]
    reasons = _html.Markup("<br>".join(_html.esc(r) for r in said))
    return (d.quantity.label, _html.Markup(cell), reasons)


def disputes_html(items: Sequence[Dispute], limit: int | None = None) -> str:
    """Disputes as one table: the quantity, its sides, and why."""
    rows = [_dispute_row(d) for d in items[: _html.limit_rows(limit)]]
    return _html.table(
        ["disputed quantity", "sides", "why"], rows, total=len(items), max_rows=limit
    )


def graph_html(g: ClaimGraph) -> str:
    """A graph's summary: counts, then its disputes, then its verdicts."""
    verdict_list = g.verdicts()
    found = g.disputes()
    head = (
        f'<p class="ct"><b>{len(g)}</b> claims from <b>{len(g.sources())}</b> sources, '
        f"<b>{len(verdict_list)}</b> verdicts, "
        f'<b class="{"contradicts" if found else ""}">{len(found)}</b> disputed quantities</p>'
    )
    dispute_table = disputes_html(found) if found else ""
    return _html.STYLE + head + dispute_table + verdicts_html(verdict_list)
