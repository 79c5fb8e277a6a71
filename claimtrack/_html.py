"""HTML for notebook reprs, written with the standard library only.

Everything that came from outside (names, texts, places, reasons) goes through
``esc`` before it reaches markup. The classes call these functions from their
``_repr_html_`` methods; nothing here imports a claimtrack module, so any
module may use it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["claim", "esc", "figure", "source", "table"]

STYLE = (
    "<style>.ct{font-family:system-ui,sans-serif;font-size:13px;border-collapse:collapse}"
    ".ct td,.ct th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;"
    "vertical-align:top}.ct th{background:#f4f4f4}.ct .num{font-variant-numeric:tabular-nums;"
    "text-align:right}.ct .contradicts{color:#b00020;font-weight:600}"
    ".ct .corroborates{color:#1b5e20}.ct .muted{color:#777}"
    ".ct .side{display:inline-block;padding:0 6px;border-radius:8px;background:#eee}</style>"
)


def esc(value: Any) -> str:
    """Escape any value for HTML text and attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "") -> str:
    """A table; cells are escaped unless they are ``Markup``."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return (
        f'{STYLE}<table class="ct">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


class Markup(str):
    """Text already made safe by this module."""


def _cell(value: Any) -> str:
    return str(value) if isinstance(value, Markup) else esc(value)


def figure(f: Any) -> str:
    unit = f" {esc(f.unit)}" if f.unit else ""
    low = "-∞" if f.low is None else f"{f.low:,}"
    high = "∞" if f.high is None else f"{f.high:,}"
    left, right = "(" if f.low_open else "[", ")" if f.high_open else "]"
    return (
        f'{STYLE}<span class="ct"><b>{f.value:,}</b>{unit} '
        f'<span class="muted">{left}{low}, {high}{right} {esc(f.hedge)}</span></span>'
    )


def source(s: Any) -> str:
    rows = [("name", s.name)]
    rows += [
        (k, v)
        for k, v in (
            ("aliases", ", ".join(s.aliases)),
            ("kind", s.kind),
            ("side", s.side),
            ("reliability", s.reliability),
        )
        if v
    ]
    return table(["source", ""], rows)


def claim(c: Any) -> str:
    rows = [
        ("source", c.source.name + (f" (via {', '.join(c.via)})" if c.via else "")),
        ("measure", c.measure),
        ("figure", c.figure.format()),
        ("place", c.place or ""),
        ("period", c.period or ""),
        ("confidence", c.confidence),
        ("text", c.text),
        ("id", c.id),
    ]
    if c.stance != "asserts":
        rows.insert(3, ("stance", c.stance))
    return table(["claim", ""], rows)


def verdicts(items: Iterable[Any]) -> str:
    rows = [
        (
            Markup(f'<span class="{esc(v.relation.value)}">{esc(v.relation.value)}</span>'),
            f"{v.a.figure.format()} ({v.a.source.name})",
            f"{v.b.figure.format()} ({v.b.source.name})",
            f"{v.strength:.2f}",
            v.reason,
            v.checker,
        )
        for v in items
    ]
    return table(["relation", "a", "b", "strength", "reason", "checker"], rows)


def graph(g: Any) -> str:
    """A graph's summary: counts, then its disputes, then its verdicts (first 50)."""
    verdict_list = g.verdicts()
    head = (
        f"<p><b>{len(g)}</b> claims from <b>{len(g.sources())}</b> sources, "
        f"<b>{len(verdict_list)}</b> verdicts</p>"
    )
    disputes = g.disputes()
    rows = [
        (
            d.quantity.label,
            Markup(
                " <b>vs</b> ".join(
                    esc(", ".join(f"{c.figure.format()} ({c.source.name})" for c in side))
                    for side in d.sides
                )
            ),
        )
        for d in disputes
    ]
    dispute_table = table(["disputed quantity", "sides"], rows) if rows else ""
    return STYLE + head + dispute_table + verdicts(verdict_list[:50])
