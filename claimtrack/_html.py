"""HTML for notebook reprs and reports, written with the standard library only.

Everything that came from outside (names, texts, places, reasons) goes through
``esc`` before it reaches markup; only ``Markup`` built here passes unescaped.
The classes call these functions from their ``_repr_html_`` methods; nothing
here imports a claimtrack module, so any module may use it. Colours for source
sides and relations are defined here once, and the plots use the same ones.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "NO_SIDE",
    "RELATION_COLOURS",
    "assessment",
    "claim",
    "dispute",
    "esc",
    "estimates",
    "figure",
    "grade",
    "graph",
    "num",
    "page",
    "side_colours",
    "source",
    "table",
    "verdicts",
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
}
#: What each Admiralty credibility number means.
CREDIBILITY = {
    1: "confirmed by independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
ROW_LIMIT = 50  # rows a notebook repr shows before saying how many it left out

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


class Markup(str):
    """Text already made safe by this module."""


def esc(value: Any) -> str:
    """Escape any value for HTML text and attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def num(x: float | None) -> str:
    """A number for people: 45, 12,000, 44.7, 0.153; "" for None, ∞ for infinities."""
    if x is None:
        return ""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def _cell(value: Any) -> str:
    # <bdi> isolates outside text, so a right-to-left override in a name cannot reorder
    # what stands beside it
    return str(value) if isinstance(value, Markup) else f"<bdi>{esc(value)}</bdi>"


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], caption: str = "", total: int = 0
) -> str:
    """A table; cells are escaped unless they are ``Markup``. ``total`` > rows shown adds
    a line saying how many were left out."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body_rows = ["<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in rows]
    if total > len(body_rows):
        body_rows.append(
            f'<tr><td class="muted" colspan="{len(headers)}">… {total - len(body_rows)} more '
            "not shown</td></tr>"
        )
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
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


def side_badge(side: str | None) -> Markup:
    if not side:
        return Markup("")
    return Markup(f'<span class="side">{esc(side)}</span>')


def who(c: Any) -> Markup:
    """A claim's source with its side, and the outlets it came through."""
    via = f' <span class="muted">via {esc(", ".join(c.via))}</span>' if c.via else ""
    return Markup(esc(c.source.name) + side_badge(c.source.side) + via)


def relation(name: Any) -> Markup:
    value = getattr(name, "value", name)
    colour = RELATION_COLOURS.get(str(value), "#333")
    return Markup(f'<span style="color:{colour};font-weight:600">{esc(value)}</span>')


def figure(f: Any) -> str:
    unit = f" {esc(f.unit)}" if f.unit else ""
    low = "-∞" if f.low is None else num(f.low)
    high = "∞" if f.high is None else num(f.high)
    left, right = "(" if f.low_open else "[", ")" if f.high_open else "]"
    return (
        f'{STYLE}<span class="ct"><b>{num(f.value)}</b>{unit} '
        f'<span class="muted">{left}{low}, {high}{right} {esc(f.hedge)}</span></span>'
    )


def source(s: Any) -> str:
    rows: list[tuple[str, Any]] = [("name", Markup(esc(s.name) + side_badge(s.side)))]
    for key, value in (("aliases", ", ".join(s.aliases)), ("kind", s.kind), ("side", s.side)):
        if value:
            rows.append((key, value))
    if s.reliability is not None:
        prior = "" if s.prior is None else f" (prior {s.prior:.2f})"
        rows.append(("reliability", f"{s.reliability}{prior}"))
    return table(["source", ""], rows)


def claim(c: Any) -> str:
    stance = ' <span class="contradicts">denies</span>' if c.stance != "asserts" else ""
    rows: list[tuple[str, Any]] = [
        ("figure", Markup(f"<b>{esc(c.figure.format())}</b>{stance}")),
        ("measure", c.measure + (f" (share of {c.share_of})" if c.share_of else "")),
        ("source", who(c)),
        ("place", c.place or ""),
        ("period", c.period or ""),
    ]
    if c.published:
        rows.append(("published", c.published))
    if c.confidence != 1.0:
        rows.append(("confidence", f"{c.confidence:.2f}"))
    if c.text:
        rows.append(("text", Markup(f"<i>{esc(c.text)}</i>")))
    if c.derived_from:
        rows.append(("derived from", ", ".join(c.derived_from)))
    rows.append(("id", Markup(f'<span class="muted">{esc(c.id)}</span>')))
    return table(["claim", ""], rows)


def _said(c: Any) -> Markup:
    return Markup(f"<b>{esc(c.figure.format())}</b> " + who(c))


def verdicts(items: Iterable[Any], limit: int = ROW_LIMIT) -> str:
    """Verdicts as a table: relation, both claims, strength, reason, checker."""
    items = list(items)
    rows = [
        (relation(v.relation), _said(v.a), _said(v.b), f"{v.strength:.2f}", v.reason, v.checker)
        for v in items[:limit]
    ]
    return table(["relation", "a", "b", "strength", "reason", "checker"], rows, total=len(items))


def _dispute_row(d: Any) -> tuple[Any, ...]:
    sides = Markup(
        '<span class="vs">vs</span>'.join("<br>".join(_said(c) for c in side) for side in d.sides)
    )
    reasons = Markup("<br>".join(esc(v.reason) for v in d.contradictions[:3]))
    return (d.quantity.label, sides, reasons)


def dispute(d: Any) -> str:
    """One dispute: the quantity, its sides side by side, and the contradictions."""
    head = "".join(f"<th>side {i}</th>" for i in range(1, len(d.sides) + 1))
    cells = "".join("<td>" + "<br>".join(_said(c) for c in side) + "</td>" for side in d.sides)
    reasons = "".join(f"<li>{esc(v.reason)}</li>" for v in d.contradictions)
    return (
        f'{STYLE}<div class="ct"><p><b>{esc(d.quantity.label)}</b> '
        f'<span class="contradicts">disputed</span></p>'
        f'<table class="ct"><thead><tr>{head}</tr></thead><tbody><tr>{cells}</tr></tbody></table>'
        f"<p>Contradictions:</p><ul>{reasons}</ul></div>"
    )


def disputes(items: Sequence[Any], limit: int = ROW_LIMIT) -> str:
    rows = [_dispute_row(d) for d in items[:limit]]
    return table(["disputed quantity", "sides", "why"], rows, total=len(items))


def graph(g: Any) -> str:
    """A graph's summary: counts, then its disputes, then its verdicts."""
    verdict_list = g.verdicts()
    found = g.disputes()
    head = (
        f'<p class="ct"><b>{len(g)}</b> claims from <b>{len(g.sources())}</b> sources, '
        f"<b>{len(verdict_list)}</b> verdicts, "
        f'<b class="{"contradicts" if found else ""}">{len(found)}</b> disputed quantities</p>'
    )
    dispute_table = disputes(found) if found else ""
    return STYLE + head + dispute_table + verdicts(verdict_list)


# -- assessments -----------------------------------------------------------------------


def with_unit(text: str, unit: str | None) -> str:
    """ "50%", "1,250 km²", "238": a number with its unit, as people write it."""
    if not unit:
        return text
    return text + unit if unit == "%" else f"{text} {unit}"


def _range(e: Any) -> str:
    return with_unit(f"{num(e.low)} to {num(e.high)}", e.unit)


def _estimate_row(e: Any) -> tuple[Any, ...]:
    dissent = Markup("<br>".join(_said(c) for c in e.dissent)) if e.dissent else ""
    return (
        e.quantity.label,
        Markup(f"<b>{esc(with_unit(num(e.best), e.unit))}</b>"),
        _range(e),
        len(e.claims),
        ", ".join(e.sources),
        dissent,
        e.method,
    )


ESTIMATE_HEADERS = [
    "quantity",
    "best",
    "range",
    "claims",
    "independent sources",
    "dissenting claims",
]


def estimates(a: Any, limit: int = ROW_LIMIT) -> str:
    """An assessment's estimates: one row per quantity, disputed ones first."""
    items = sorted(a.estimates.values(), key=lambda e: (not e.dissent, e.quantity.label))
    rows = [_estimate_row(e) for e in items[:limit]]
    return table([*ESTIMATE_HEADERS, "method"], rows, total=len(items))


def estimate(e: Any) -> str:
    return table([*ESTIMATE_HEADERS, "method"], [_estimate_row(e)])


def grade(g: Any) -> str:
    """A credibility grade: its code, what it means, and why."""
    meaning = getattr(g, "label", "") or CREDIBILITY.get(g.credibility, "")
    reasons = "".join(f"<li>{esc(r)}</li>" for r in g.reasons)
    return (
        f'{STYLE}<div class="ct"><span class="g">{esc(str(g))}</span> '
        f'<span class="muted">{esc(meaning)}</span><ul>{reasons}</ul></div>'
    )


def copying(r: Any) -> str:
    """The copying found for a source, in words: "Outlet C (0.80)", "weak sources (12)"."""
    found = [f"{name} ({strength:.2f})" for name, strength in r.copies]
    if r.weak_copies:
        found.append(f"weak sources ({r.weak_copies})")
    return "; ".join(found)


def reliability_rows(items: Iterable[Any]) -> list[tuple[Any, ...]]:
    """Sources' reliability as table rows, most reliable first (HTML and terminal)."""
    return [
        (
            r.source,
            f"{r.value:.2f}",
            "" if r.prior is None else f"{r.prior:.2f}",
            r.claims,
            f"{r.agreed:.0%}",
            copying(r),
        )
        for r in sorted(items, key=lambda r: (-r.value, r.source))
    ]


#: The columns of ``reliability_rows``; the last names the sources it was found to
#: copy or be copied by, with the strength, and how often it repeated weaker sources.
RELIABILITY_HEADERS = ["source", "reliability", "prior", "quantities shared", "agreed", "copying"]


def reliability(items: Iterable[Any]) -> str:
    return table(RELIABILITY_HEADERS, reliability_rows(items))


def grades(a: Any, limit: int = ROW_LIMIT) -> str:
    """Every claim of an assessment with its grade, most credible first."""
    graded = [(a.grade(c), c) for c in a.graph.claims()]
    graded.sort(key=lambda gc: (gc[0].credibility, gc[1].measure, gc[1].source.name))
    rows = [
        (
            Markup(f'<span class="g">{esc(str(g))}</span>'),
            _said(c),
            c.measure,
            c.place or "",
            "; ".join(g.reasons),
        )
        for g, c in graded[:limit]
    ]
    return table(["grade", "claim", "measure", "place", "why"], rows, total=len(graded))


def assessment(a: Any) -> str:
    """An assessment: its estimates, the sources' reliability and the claims' grades."""
    head = (
        f'<p class="ct"><b>{len(a.estimates)}</b> quantities estimated from '
        f"<b>{len(a.graph)}</b> claims by <b>{len(a.reliability)}</b> sources</p>"
    )
    return (
        STYLE
        + head
        + "<h4>Estimates</h4>"
        + estimates(a)
        + "<h4>Source reliability</h4>"
        + reliability(a.reliability.values())
        + "<h4>Claim grades</h4>"
        + grades(a)
    )


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
