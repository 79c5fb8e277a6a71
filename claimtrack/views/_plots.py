"""The pictures: the claim board and the graph picture (matplotlib, imported lazily).

``claimtrack.plot_board`` and ``claimtrack.plot_graph`` are the public names.
Neither ever calls ``show()``.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .._format import clean
from .._format import html as _html
from ..assessment import Assessment, assess
from ..errors import UnitError, ValidationError
from ..figure import Figure
from ..graph import ClaimGraph
from ..model import Claim
from ..relations import Quantity, Relation

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: What the board and the report draw: a graph (assessed on the way) or an assessment.
Subject = ClaimGraph | Assessment

__all__ = ["plot_board", "plot_graph"]

BAND = "#f2c14e"  # the consensus range
BEST = "#8a6100"  # the consensus best value
RED = "#c62828"  # contradictions


def label(text: object) -> str:
    """Text for matplotlib: control and bidi characters removed (no font has them), and
    "$" escaped (matplotlib would read "$...$" as mathematics)."""
    lines = str(text).split("\n")  # headings keep their two lines
    return "\n".join(clean(line, limit=10_000) for line in lines).replace("$", r"\$")


def wrap(text: object, width: int = 40, lines: int = 3) -> str:
    """Text broken into lines of at most ``width`` characters (at most ``lines`` of
    them, the last ending in "…" if cut), so a label is never silently truncated mid-word
    and never runs out of its picture."""
    return textwrap.fill(" ".join(str(text).split()), width, max_lines=lines, placeholder=" …")


def current_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """``ax``, or the current Axes (``plt.gca()``) when a figure is open, as pandas
    does; a new figure of ``size`` inches when none is."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    if plt.get_fignums() and plt.gcf().axes:
        return plt.gca()
    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def short(text: object, limit: int = 48) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def figure_label(figure: Figure, limit: int) -> str:
    """A figure as stated, or its canonical text when that fits and the words do not
    ("over 1,250 km²" rather than "over 1,250 square kilomet…")."""
    said = " ".join(str(figure).split())
    if len(said) > limit and len(canonical := figure.format()) < len(said):
        said = canonical
    return short(said, limit)


def subject_of(subject: Subject) -> tuple[ClaimGraph, Assessment]:
    """(graph, assessment) from a graph or an assessment; assesses a graph."""
    if isinstance(subject, ClaimGraph):
        return subject, assess(subject)
    if isinstance(subject, Assessment):
        return subject.graph, subject
    raise ValidationError("subject", subject, "a ClaimGraph or an Assessment")


@attrs.frozen
class _Row:
    claim: Claim
    low: float  # -inf / inf where unbounded
    high: float
    value: float


def _in_unit(claim: Claim, unit: str | None) -> _Row:
    try:
        f = claim.figure.to(unit)
    except UnitError:
        f = claim.figure
    lo, hi = f.bounds
    return _Row(claim, lo, hi, float(f.value))


def _scale(values: Iterable[float]) -> list[float]:
    """Round ticks from 0 (or the lowest value, if negative) past the largest value.

    The ticks are found for the values over a power of ten near their size, so that
    figures near the float limit (-1.6e308, 8.99e307, which the docs accept) give
    ticks too; a tick past the limit is left out.
    """
    from matplotlib.ticker import MaxNLocator

    finite = [v for v in values if math.isfinite(v)]
    low, high = min(0.0, *finite), max(0.0, *finite)
    size = max(-low, high)
    unit = 10.0 ** math.floor(math.log10(size)) if size > 0 else 1.0
    low, high = low / unit, high / unit * 1.06  # room for the dots at the top
    if high == low:
        high = low + 1.0
    locator = MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10])
    ticks = [float(t) for t in locator.tick_values(low, high)]
    kept = [t * unit for t in ticks if t >= low - 1e-9 * (high - low)]
    return [t for t in kept if math.isfinite(t)]


def _position(v: float, low: float, high: float) -> float:
    """Where ``v`` lies from ``low`` (0) to ``high`` (1), clipped; each divided by the
    larger end's size first, so no difference overflows."""
    size = max(abs(low), abs(high)) or 1.0
    lo, hi = low / size, high / size
    return min(1.0, max(0.0, (v / size - lo) / (hi - lo)))


def _heading(q: Quantity, unit: str | None) -> str:
    measure = short(q.label_measure or q.measure, 52) + (f" ({unit})" if unit else "")
    place = q.label_place or (q.place or "anywhere").lstrip("~")
    period = str(q.period) if q.period else "any time"
    return f"{measure}\n{short(place, 30)} · {period}"


def board_quantities(
    graph: ClaimGraph, limit: int | None = None, disputed: set[Quantity] | None = None
) -> list[Quantity]:
    """Quantities in board order: disputed first, then by how many claims, then by name
    (``disputed``: the disputed quantities, when the caller has them already)."""
    if disputed is None:
        disputed = {d.quantity for d in graph.disputes()}
    found = graph.quantities()
    order = sorted(found, key=lambda q: (q not in disputed, -len(found[q]), q.label))
    return order[:limit] if limit else order


def plot_board(
    subject: Subject,
    ax: Axes | None = None,
    *,
    quantities: Iterable[Quantity] | None = None,
    limit: int | None = 20,
) -> Axes:
    """The claim board: each quantity's claims as intervals, with the consensus.

    Each quantity is a block of rows on its own linear scale from 0 (its ticks are
    printed on the block's heading row). A claim is a bar from its low to its high
    end, coloured by its source's side, with a dot at its value; an unbounded end is
    an arrow, a derived claim is dashed. The consensus range is a yellow band and its
    best value a dashed line. A red bracket on the right joins two claims that
    contradict each other; a red cross marks a claim contradicted by a claim about
    another quantity (a part and its whole). Disputed quantities have red headings.

    Parameters
    ----------
    subject
        An assessment, or a ``ClaimGraph`` (assessed with ``claimtrack.assess``).
    ax
        A matplotlib Axes to draw on; by default the current Axes (``plt.gca()``) when
        a figure is open, else a new figure sized to the board.
    quantities
        The quantities to show (default: disputed ones first, then the rest).
    limit
        At most this many quantities (None: all).

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Rectangle

    graph, assessment = subject_of(subject)
    chosen = list(quantities) if quantities is not None else board_quantities(graph, limit)
    # the contradictions of the claims drawn, looked up claim by claim: a board shows a
    # few dozen claims of a graph that may hold a million verdicts
    contradictions = {
        (v.a.id, v.b.id): v
        for q in chosen
        for c in graph.claims(q)
        for v in graph.verdicts(Relation.CONTRADICTS, claim=c)
    }
    pairs = list(contradictions)
    sides = {c.source.side for q in chosen for c in graph.claims(q)}
    colours = _html.side_colours(sides)
    n_rows = sum(len(graph.claims(q)) + 1.6 for q in chosen)
    ax = current_axes(ax, (11, 1.4 + 0.3 * max(n_rows, 3)))
    gaps = {tuple(sorted(pair)): _gap(v.reason) for pair, v in contradictions.items()}
    ticks: list[tuple[float, str, bool]] = []  # (y, text, disputed) for headings
    labels: list[tuple[float, str]] = []
    y = 0.0
    for q in chosen:
        estimate = assessment.estimates.get(q) if assessment is not None else None
        claims = graph.claims(q)
        unit = estimate.unit if estimate is not None else claims[0].figure.unit if claims else None
        bars = [_in_unit(c, unit) for c in claims]
        ends = [v for b in bars for v in (b.low, b.high, b.value)]
        ends += [b.value * 1.3 for b in bars if math.isinf(b.high)]  # room for the arrow
        if estimate is not None:
            ends += [estimate.low, estimate.high, estimate.best]
        scale = _scale(ends)
        bottom, top = scale[0], scale[-1]

        def x(v: float, lo: float = bottom, hi: float = top) -> float:
            return _position(v, lo, hi)

        rows = {b.claim.id: y + 1.1 + i for i, b in enumerate(bars)}
        inside = [(u, w) for u, w in pairs if u in rows and w in rows]
        outside = {e for pair in pairs for e in pair if e in rows} - {e for p in inside for e in p}
        ticks.append((y, _heading(q, unit), bool(inside or outside)))
        for t in scale:
            ax.text(x(t), y + 0.15, label(_html.num(t)), ha="center", va="center", fontsize=7,
                    color="#777", parse_math=False)  # fmt: skip
            ax.plot([x(t)] * 2, [y + 0.55, y + 0.6 + len(bars)], color="#e6e6e6", lw=0.8,
                    zorder=0)  # fmt: skip
        first = y + 1.1
        if estimate is not None:
            lo, hi = x(estimate.low), x(estimate.high)
            ax.add_patch(Rectangle((lo, first - 0.45), max(hi - lo, 0.004), len(bars) - 0.1,
                                   color=BAND, alpha=0.45, lw=0, zorder=1))  # fmt: skip
            ax.plot([x(estimate.best)] * 2, [first - 0.45, first + len(bars) - 0.55],
                    color=BEST, ls="--", lw=1.2, zorder=2)  # fmt: skip
        for bar in bars:
            c, row = bar.claim, rows[bar.claim.id]
            derived = graph.is_derived(c)
            colour = colours.get(c.source.side, _html.NO_SIDE)
            _draw_interval(ax, row, x(bar.low), x(bar.high), x(bar.value), bar, colour, derived)
            if c.id in outside:
                ax.plot(-0.025, row, marker="X", color=RED, ms=7, zorder=4, clip_on=False)
            tag = " (derived)" if derived else ""
            twin = sum(1 for b in bars if (b.claim.source, b.claim.figure) == (c.source, c.figure))
            if twin > 1 and c.via:  # the same figure relayed twice: say by whom
                tag += f" via {short(', '.join(c.via), 20)}"
            labels.append((row, f"{figure_label(c.figure, 26)} · {short(c.source.name, 28)}{tag}"))
        placed: list[float] = []  # the rows of this block's bracket labels, kept apart
        brackets = list(dict.fromkeys(tuple(sorted(p)) for p in inside))
        # the labels stand right of the block's last bracket, so no bracket crosses one
        x_label = 1.049 + 0.014 * (min(len(brackets), 4) - 1)
        for n, (u, w) in enumerate(brackets):
            xb = 1.045 + 0.014 * (n % 4)
            ax.plot([xb - 0.008, xb, xb, xb - 0.008], [rows[u], rows[u], rows[w], rows[w]],
                    color=RED, lw=1.3, clip_on=False)  # fmt: skip
            if n < 4:  # one label a bracket, beside its middle: how far apart the two are
                middle = (rows[u] + rows[w]) / 2
                while any(abs(middle - p) < 0.6 for p in placed):
                    middle += 0.6
                placed.append(middle)
                ax.text(x_label, middle, gaps.get((u, w), "contradict"),
                        color=RED, fontsize=6.5, va="center", ha="left", clip_on=False,
                        parse_math=False)  # fmt: skip
        y = first + len(bars) + 0.3
    ax.set_ylim(y - 0.5, -0.6)
    ax.set_xlim(-0.05, 1.1)
    positions = [t[0] for t in ticks] + [r for r, _ in labels]
    ax.set_yticks(positions, [label(t[1]) for t in ticks] + [label(t) for _, t in labels])
    for tick, (_, _, disputed) in zip(ax.get_yticklabels(), ticks, strict=False):
        tick.set_fontweight("bold")
        tick.set_color(RED if disputed else "#222")
    for tick in ax.get_yticklabels()[len(ticks) :]:
        tick.set_fontsize(8.5)
    ax.tick_params(axis="y", length=0)
    ax.set_xticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    handles: list[Any] = [
        Patch(color=colours[side], alpha=0.7, label=label(side or "no side"))
        for side in sorted(sides, key=lambda s: (s is None, s or ""))
    ]
    handles += [
        Patch(color=BAND, alpha=0.45, label="consensus range"),
        Line2D([], [], color=BEST, ls="--", label="consensus best"),
        Line2D([], [], color=RED, lw=1.3, label="contradict each other"),
        Line2D([], [], color=RED, marker="X", ls="", label="contradicted by a part or whole"),
        Line2D([], [], color="#555", marker=">", lw=2, label="unbounded end"),
        Line2D([], [], color="#555", ls=(0, (2, 1)), lw=3, label="derived claim"),
    ]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.45, 1.0), ncol=4,
              frameon=False, fontsize=8)  # fmt: skip
    ax.set_title("Claims by quantity, each on its own scale from 0", fontsize=11, pad=56)
    return ax


def _gap(reason: str) -> str:
    """A contradiction bracket's label: "42% apart" from its verdict's reason."""
    found = re.search(r"(\d[\d,.]*%) apart", reason)
    return f"{found.group(1)} apart" if found else "contradict"


def _draw_interval(
    ax: Axes, y: float, x0: float, x1: float, xv: float, bar: _Row, colour: str, derived: bool
) -> None:
    style = (0, (2, 1)) if derived else "-"
    if x1 > x0:
        ax.plot([x0, x1], [y, y], color=colour, lw=6, alpha=0.55, solid_capstyle="butt",
                ls=style, zorder=3)  # fmt: skip
    arrow = {"arrowstyle": "-|>", "color": colour, "lw": 2, "mutation_scale": 14}
    if math.isinf(bar.high):
        ax.annotate("", xy=(1.02, y), xytext=(xv, y), arrowprops=arrow, zorder=3)
    if math.isinf(bar.low):
        ax.annotate("", xy=(-0.01, y), xytext=(xv, y), arrowprops=arrow, zorder=3)
    ax.plot(xv, y, "o", color=colour, mec="white", mew=1, ms=7, zorder=4)


def plot_graph(
    graph: ClaimGraph,
    ax: Axes | None = None,
    *,
    layout: str = "columns",
    max_claims: int = 120,
    relations: Iterable[Relation | str] | None = ("contradicts",),
) -> Axes:
    """The graph picture: sources on the left, claims on the right, verdicts as arcs.

    With ``layout="columns"`` sources stand in a column on the left, ordered to sit
    level with the middle of their claims, and claims in a column on the right,
    grouped by quantity, each labelled with its figure, measure and place (wrapped,
    never cut); with ``layout="spring"`` networkx's ``spring_layout`` places every
    node. Claims that say the same thing (one source, one figure, one quantity,
    relayed by several outlets) are one node, marked "×2". A grey line joins a
    source to each claim it asserts (dotted: carries); verdicts are arcs between
    claims, coloured by relation, with an arrow head for the directed ones. Nodes
    are coloured by their source's side.

    Parameters
    ----------
    graph
        The claim graph.
    ax
        A matplotlib Axes to draw on; by default the current Axes (``plt.gca()``) when
        a figure is open, else a new figure.
    layout
        ``"columns"`` (the default) or ``"spring"``.
    max_claims
        Draw at most this many claims: those in contradictions first, then those
        with the most verdicts.
    relations
        The verdicts drawn as arcs: by default only contradictions, so a story of
        fifty claims stays readable; None draws every relation.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    if not isinstance(graph, ClaimGraph):
        raise ValidationError("graph", graph, "a ClaimGraph")
    drawn = None if relations is None else {Relation(r).value for r in relations}
    g = graph.graph
    picked = _picked(graph, max_claims)
    # one node per statement: relays of one source's figure about one quantity merge
    node_of: dict[str, str] = {}
    copies: dict[str, int] = {}
    claims: list[Claim] = []
    by_statement: dict[tuple[object, ...], str] = {}
    for c in picked:
        statement = (c.source.name, c.figure, c.stance, graph.quantity(c), c.kind)
        first = by_statement.setdefault(statement, c.id)
        node_of[c.id] = first
        copies[first] = copies.get(first, 0) + 1
        if first == c.id:
            claims.append(c)
    order = {cid: i for i, cid in enumerate(c.id for c in claims)}
    source_rank: dict[str, list[int]] = {}
    for u, w, k in g.edges(keys=True):
        if k in ("asserts", "carries") and w in node_of:
            source_rank.setdefault(u, []).append(order[node_of[w]])
    sources = sorted(source_rank, key=lambda s: (sum(source_rank[s]) / len(source_rank[s]), s))
    pos = _positions(graph, claims, sources, layout)
    columns = layout == "columns"
    ax = current_axes(ax, (11, 1.5 + 0.36 * max(len(claims), len(sources), 6)))
    colours = _html.side_colours(c.source.side for c in claims)
    lines = set()
    for u, w, k in g.edges(keys=True):
        if k in ("asserts", "carries") and w in node_of and (u, node_of[w], k) not in lines:
            lines.add((u, node_of[w], k))
            end = pos[node_of[w]]
            ax.plot([pos[u][0], end[0]], [pos[u][1], end[1]], color="#d0d0d0",
                    lw=0.8, ls="-" if k == "asserts" else ":", zorder=1)  # fmt: skip
    seen = set()
    used = set()
    for u0, w0, d in g.edges(data=True):
        if d.get("kind") != "verdict" or u0 not in node_of or w0 not in node_of:
            continue
        rel = str(d["relation"])
        if drawn is not None and rel not in drawn:
            continue
        u, w = node_of[u0], node_of[w0]
        key = (u, w, rel) if rel != "contradicts" else (min(u, w), max(u, w), rel)
        if key in seen or u == w:
            continue
        seen.add(key)
        used.add(rel)
        # always drawn downwards, so every arc bulges left, away from the labels
        down = pos[u][1] >= pos[w][1]
        start, end = (pos[u], pos[w]) if down else (pos[w], pos[u])
        head = "-" if Relation(rel).symmetric else "-|>" if down else "<|-"
        bend = 0.6 if columns else 0.2
        arc = FancyArrowPatch(start, end, connectionstyle=f"arc3,rad={bend}", arrowstyle=head,
                              mutation_scale=9, color=_html.RELATION_COLOURS[rel],
                              lw=1.4, alpha=0.85, zorder=2)  # fmt: skip
        ax.add_patch(arc)
    for node in sources:
        source = g.nodes[node]["source"]
        ax.plot(*pos[node], "s", ms=9, color=colours.get(source.side, _html.NO_SIDE), zorder=3)
        x, y = pos[node]
        ax.text(x - 0.03 if columns else x, y if columns else y + 0.025,
                label(wrap(source.name, 30, 2)), ha="right" if columns else "center",
                va="center", fontsize=8.5, linespacing=0.95)  # fmt: skip
    for c in claims:
        ax.plot(*pos[c.id], "o", ms=8, color=colours.get(c.source.side, _html.NO_SIDE),
                mec="white", zorder=3)  # fmt: skip
        twice = f"  ×{copies[c.id]}" if copies[c.id] > 1 else ""
        place = f" · {c.place}" if c.place else ""
        text = (
            f"{figure_label(c.figure, 24)}{twice}  {c.measure}{place}"
            if columns
            else figure_label(c.figure, 24) + twice
        )
        ax.text(pos[c.id][0] + (0.03 if columns else 0.015), pos[c.id][1],
                label(wrap(text, 52, 2)), ha="left", va="center", fontsize=8,
                linespacing=0.95)  # fmt: skip
    ax.set_xlim(*((-0.6, 1.95) if columns else (-0.12, 1.15)))
    ax.set_ylim(-0.04, 1.04)
    ax.axis("off")
    handles = [
        Line2D([], [], color=colour, lw=2, label=name.replace("_", " "))
        for name, colour in _html.RELATION_COLOURS.items()
        if name in used
    ]
    handles += [Line2D([], [], color="#d0d0d0", lw=1, label="asserts / carries (dotted)")]
    handles += [
        Line2D([], [], color=colour, marker="o", ls="", label=label(side or "no side"))
        for side, colour in colours.items()
        if side in {c.source.side for c in claims}
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=5,
              frameon=False, fontsize=8.5)  # fmt: skip
    shown = f" ({len(picked)} of {len(graph)} claims)" if len(picked) < len(graph) else ""
    arcs = "verdicts" if drawn is None else " and ".join(sorted(drawn)).replace("_", " ")
    ax.set_title(f"Sources and claims; {arcs} as arcs{shown}", fontsize=11)
    return ax


def _positions(
    graph: ClaimGraph, claims: list[Claim], sources: list[str], layout: str
) -> dict[str, tuple[float, float]]:
    """Node positions in [0, 1] x [0, 1]: two columns, or networkx's spring layout."""
    import networkx as nx

    if layout == "columns":
        pos: dict[str, tuple[float, float]] = {}
        for x, column in ((0.0, sources), (1.0, [c.id for c in claims])):
            for i, node in enumerate(column):
                pos[node] = (x, 1 - (i + 0.5) / len(column))
        return pos
    if layout != "spring":
        raise ValidationError("layout", layout, "'columns' or 'spring'")
    simple: nx.Graph[str] = nx.Graph(graph.graph.subgraph([*sources, *(c.id for c in claims)]))
    spring = nx.spring_layout(simple, seed=7, method="force")
    xs = [float(p[0]) for p in spring.values()] or [0.0]
    ys = [float(p[1]) for p in spring.values()] or [0.0]
    width, height = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {
        n: ((float(p[0]) - min(xs)) / width, (float(p[1]) - min(ys)) / height)
        for n, p in spring.items()
    }


def _picked(graph: ClaimGraph, limit: int) -> list[Claim]:
    """Claims to draw, grouped by quantity: those in contradictions first when cut."""
    claims = graph.claims()
    if len(claims) > limit:
        degree = {c.id: len(graph.verdicts(claim=c)) for c in claims}
        hot = {e.id for v in graph.verdicts(Relation.CONTRADICTS) for e in (v.a, v.b)}
        claims = sorted(claims, key=lambda c: (c.id not in hot, -degree[c.id], c.id))[:limit]
    return sorted(claims, key=lambda c: (graph.quantity(c).label, c.source.name, c.id))
