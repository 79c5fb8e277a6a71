"""HTML fragments for notebook reprs and reports, with the standard library only.

Everything that came from outside (names, texts, places, reasons) goes through
``esc`` before it reaches markup; only ``Markup`` passes unescaped. Nothing here
imports a claimtrack module, so every layer may build its reprs from these
pieces. Colours for source sides and relations are defined here once, and the
plots use the same ones.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .options import options

__all__ = [
    "NO_SIDE",
    "RELATION_COLOURS",
    "STYLE",
    "Markup",
    "esc",
    "json_for_script",
    "limit_rows",
    "num",
    "page",
    "relation",
    "side_badge",
    "side_colours",
    "table",
    "with_unit",
]

#: Colours for source sides (red is kept for contradictions), and for claims of no side.
SIDE_PALETTE = ("#1f77b4", "#9467bd", "#2ca02c", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
NO_SIDE = "#8a8a8a"
#: One colour per relation, shared by the tables and the graph picture.
RELATION_COLOURS = {
    "corroborates": "#2e7d32",
    "contradicts": "#c62828",
    "part_of": "#1565c0",
    "derived_from": "#00897b",
    "relays": "#9e9e9e",
    "supersedes": "#ef6c00",
    "revises": "#6d4c41",
    "stale": "#bdbdbd",
    "settles": "#5e35b1",
}

STYLE = (
    "<style>.ct{font-family:system-ui,sans-serif;font-size:13px;border-collapse:collapse}"
    ".ct td,.ct th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;"
    "vertical-align:top}.ct th{background:#f4f4f4}.ct .num{font-variant-numeric:tabular-nums;"
    "text-align:right}.ct .contradicts{color:#b00020;font-weight:600}"
    ".ct .corroborates{color:#1b5e20}.ct .muted{color:#777}"
    ".ct .side{display:inline-block;padding:0 6px;border-radius:8px;background:#f1f1f1;"
    "border-left:4px solid #8a8a8a;margin-left:4px}"
    ".ct .vs{font-weight:600;color:#b00020;padding:0 6px}.ct .g{font-weight:700}</style>"
)


#: What JSON may hold that HTML would read inside a <script>: "</script>" ends the
#: element and "<!--" changes how it ends, so "<", ">" and "&" (and the line
#: separators JavaScript once refused) are written as JSON escapes, which every
#: JSON reader gives back as the characters.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def json_for_script(text: str) -> str:
    r"""JSON text made safe to place inside ``<script type="application/ld+json">``.

    >>> print(json_for_script('{"name": "</script><b>&"}'))
    {"name": "\u003c/script\u003e\u003cb\u003e\u0026"}
    """
    return text.translate(_SCRIPT_SAFE)


class Markup(str):
    """Text already made safe by this module."""


def esc(value: Any) -> str:
    """Escape any value for HTML text and attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def num(x: float | None) -> str:
    """A number for people: 45, 12,000, 44.7, 0.153, 1.6e+308; "" for None, ∞ for
    infinities."""
    if x is None:
        return ""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if abs(x) >= 1e15:  # past any count read digit by digit: 1.6e+308, not 309 digits
        return f"{x:.3g}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def _cell(value: Any) -> str:
    # <bdi> isolates outside text, so a right-to-left override in a name cannot reorder
    # what stands beside it
    return str(value) if isinstance(value, Markup) else f"<bdi>{esc(value)}</bdi>"


_NUMBER = re.compile(r"^[-+−]?[\d,]*\.?\d+(?:e[-+]?\d+)?%?$|^[-+]?∞$")


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return (
        isinstance(value, str)
        and not isinstance(value, Markup)
        and bool(_NUMBER.match(value.strip()))
    )


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


#: Inline alignment: JupyterLab right-aligns every table cell with a selector that
#: outranks a class in a <style> element (``:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon
#: td``), and its sanitizer may drop <style> elements, but a cell's own style attribute
#: wins over any selector and is kept by the sanitizer.
LEFT = ' style="text-align:left"'
RIGHT = ' style="text-align:right;font-variant-numeric:tabular-nums"'


def limit_rows(max_rows: int | None = None) -> int | None:
    """The rows a table shows: ``max_rows`` if given, else ``options.display.max_rows``."""
    return options.display.max_rows if max_rows is None else max_rows


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    caption: str = "",
    total: int = 0,
    max_rows: int | None = None,
) -> str:
    """A table; cells are escaped unless they are ``Markup``.

    At most ``max_rows`` rows are shown (default ``claimtrack.options.display.max_rows``);
    when ``total`` or the rows given are more than are shown, a last line says how many
    were left out. A column empty on every row shown is left out. Numbers are
    right-aligned and everything else left-aligned, by each cell's own style.
    """
    body = [list(row) for row in rows]
    total = max(total, len(body))
    limit = limit_rows(max_rows)
    if limit is not None:
        body = body[:limit]
    keep = [
        i
        for i, header in enumerate(headers)
        if not body or any(not _empty(row[i]) for row in body if i < len(row))
    ]
    if not keep:
        keep = list(range(len(headers)))
    numeric = {
        i
        for i in keep
        if any(not _empty(row[i]) for row in body)
        and all(_is_number(row[i]) for row in body if not _empty(row[i]))
    }
    align = {i: RIGHT if i in numeric else LEFT for i in keep}
    head = "".join(f"<th{align[i]}>{esc(headers[i])}</th>" for i in keep)
    body_rows = [
        "<tr>" + "".join(f"<td{align[i]}>{_cell(row[i])}</td>" for i in keep) + "</tr>"
        for row in body
    ]
    if total > len(body_rows):
        body_rows.append(
            f'<tr><td class="muted" colspan="{len(keep)}"{LEFT}>… {total - len(body_rows):,} '
            "more not shown</td></tr>"
        )
    cap = f"<caption{LEFT}>{esc(caption)}</caption>" if caption else ""
    return (
        f'{STYLE}<table class="ct">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body_rows)}</tbody></table>"
    )


def side_colours(sides: Iterable[str | None]) -> dict[str | None, str]:
    """Distinct colours for the sides of one picture, in sorted order of the sides (so
    the same sides always get the same colours); None, no side, is grey."""
    named = sorted({s for s in sides if s})
    out: dict[str | None, str] = {
        side: SIDE_PALETTE[i % len(SIDE_PALETTE)] for i, side in enumerate(named)
    }
    out[None] = NO_SIDE
    return out


#: The side badge's look, inline: a notebook that is not trusted drops <style> elements.
_BADGE = (
    "display:inline-block;padding:0 6px;border-radius:8px;background:#f1f1f1;"
    "border-left:4px solid #8a8a8a;margin-left:4px;margin-right:2px"
)


def side_badge(side: str | None) -> Markup:
    if not side:
        return Markup("")
    return Markup(f'<span class="side" style="{_BADGE}">{esc(side)}</span>')


def relation(name: str) -> Markup:
    """A relation's name in its colour."""
    colour = RELATION_COLOURS.get(name, "#333")
    return Markup(f'<span style="color:{colour};font-weight:600">{esc(name)}</span>')


def with_unit(text: str, unit: str | None) -> str:
    """ "50%", "1,250 km²", "238": a number with its unit, as people write it."""
    if not unit:
        return text
    return text + unit if unit == "%" else f"{text} {unit}"


def page(title: str, body: str) -> str:
    """A complete, self-contained HTML document: no scripts, nothing fetched.

    The content security policy forbids every request (styles are inline; images
    may only be inline data), so the file stays the same wherever it is opened.
    """
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;"
        "padding:0 1em;color:#222}h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:"
        "1px solid #ddd}svg{max-width:100%;height:auto}</style></head><body>"
        f"<h1>{esc(title)}</h1>{body}</body></html>\n"
    )
