"""The timeline: one running count's claims on a shared time axis, a line per origin.

A running count ("the death toll rose to 284") is stated again and again as it
grows. Its claims are about one measure and place, counted from one start, and
published at different moments; ``running_counts`` finds them and
``plot_timeline`` draws them.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

import attrs

from .._format import html as _html
from ..errors import ValidationError
from ..graph import ClaimGraph
from ..model import Claim
from ._plots import Subject, current_axes, label, subject_of, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["RunningCount", "draw_timeline", "plot_timeline", "running_counts"]


@attrs.frozen
class RunningCount:
    """The claims of one running count, in the order they were published."""

    measure: str
    place: str | None
    start: dt.date | None
    unit: str | None
    claims: tuple[Claim, ...]

    @property
    def label(self) -> str:
        since = f" since {self.start.isoformat()}" if self.start else ""
        return f"{self.measure} · {self.place or 'anywhere'}{since}"


def running_counts(graph: ClaimGraph, least: int = 3) -> list[RunningCount]:
    """Running counts with at least ``least`` dated claims, the longest first.

    Claims belong to one running count when their measure, place, dimension and
    period start agree; it runs when they were published on at least two moments
    and either count "to date" (an open period) or one origin updated its figure.
    """
    groups: dict[tuple[object, ...], list[Claim]] = {}
    labels: dict[tuple[object, ...], tuple[str, str | None]] = {}
    for claim in graph.claims():
        if claim.moment is None or graph.is_derived(claim):
            continue
        q = graph.quantity(claim)
        start = q.period.start if q.period else None
        key = (q.measure, q.place, q.dimension, start, claim.figure.unit)
        groups.setdefault(key, []).append(claim)
        labels.setdefault(key, (q.label_measure or q.measure, q.label_place or q.place))
    found = []
    for group, claims in groups.items():
        moments = {c.moment for c in claims}
        to_date = any(c.period is not None and c.period.end is None for c in claims)
        by_origin: dict[str, set[object]] = {}
        for c in claims:
            by_origin.setdefault(graph.context.origin(c), set()).add(c.moment)
        updated = any(len(m) > 1 for m in by_origin.values())
        if len(claims) >= least and len(moments) >= 2 and (to_date or updated):
            claims.sort(key=lambda c: (c.moment or dt.datetime.min, c.id))
            measure, place = labels[group]
            start = group[3] if isinstance(group[3], dt.date) else None
            unit = group[4] if isinstance(group[4], str) else None
            found.append(RunningCount(measure, place, start, unit, tuple(claims)))
    return sorted(found, key=lambda r: (-len(r.claims), r.label))


def _pick(graph: ClaimGraph, measure: str | None, place: str | None) -> RunningCount:
    counts = running_counts(graph, least=1)
    context = graph.context
    if measure is not None:
        wanted = {measure.casefold(), context.measures.key(measure).casefold()}
        counts = [
            r
            for r in counts
            if {r.measure.casefold(), context.quantity(r.claims[0]).measure.casefold()} & wanted
        ]
    if place is not None:
        key = context.places.key(place)
        counts = [
            r
            for r in counts
            if (r.place or "").casefold() == place.casefold()
            or context.quantity(r.claims[0]).place == key
        ]
    if not counts:
        asked = " · ".join(x for x in (measure, place) if x) or "any measure"
        raise ValidationError(
            "measure/place", asked, "a running count of the graph: claims of one measure and "
            "place published at two moments or more",
        )  # fmt: skip
    return counts[0]


#: Line colours for origins, one each; the rest share grey.
_ORIGIN_COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
)  # fmt: skip


def plot_timeline(
    subject: Subject,
    measure: str | None = None,
    place: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """One running count's claims on a shared time axis, one line per origin.

    Each claim is a point at the moment it was published (``claim.moment``) and its
    value, with a bar over its range when it has one and a caret when it is a lower
    bound ("at least 284"). Claims of one origin (``claim.origin``: a spokesperson
    counts with the agency they speak for, a relay with whom it relays) are joined
    by a line. Projections (``kind="projection"``) are dashed, apart from the
    counts; claims later revised or retracted (``status``) are hollow.

    Parameters
    ----------
    subject
        A ``ClaimGraph`` or an assessment.
    measure, place
        Which running count (default: the one with the most claims).
    ax
        The Axes to draw on; by default the current Axes (``plt.gca()``) when a
        figure is open, else a new figure.

    Returns
    -------
    matplotlib.axes.Axes
    """
    graph = subject if isinstance(subject, ClaimGraph) else subject_of(subject)[0]
    count = _pick(graph, measure, place)
    return draw_timeline(graph, count, current_axes(ax, (10, 4.8)))


def draw_timeline(graph: ClaimGraph, count: RunningCount, ax: Axes) -> Axes:
    """``plot_timeline`` of one running count, on ``ax``."""
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    origin = graph.context.origin
    lines: dict[tuple[str, bool], list[Claim]] = {}
    for claim in count.claims:
        lines.setdefault((origin(claim), claim.kind == "projection"), []).append(claim)
    busiest = sorted({o for o, _ in lines}, key=lambda o: -sum(len(v) for k, v in lines.items()
                                                                if k[0] == o))  # fmt: skip
    colours = {o: _ORIGIN_COLOURS[i] if i < len(_ORIGIN_COLOURS) else _html.NO_SIDE
               for i, o in enumerate(busiest)}  # fmt: skip
    top = 0.0
    for (who, projected), claims in sorted(lines.items(), key=lambda kv: busiest.index(kv[0][0])):
        colour = colours[who]
        xs = [float(mdates.date2num(c.moment)) for c in claims]  # type: ignore[no-untyped-call]
        ys = [_value(c, count.unit) for c in claims]
        top = max([top, *ys])
        ax.plot(xs, ys, color=colour, lw=1.6, ls=(0, (4, 2)) if projected else "-",
                alpha=0.85, zorder=2)  # fmt: skip
        for c, x, y in zip(claims, xs, ys, strict=True):
            low, high = c.figure.bounds
            if math.isfinite(high) and high > low > 0:  # "up to 20,000" draws no bar from 0
                ax.plot([x, x], [low, high], color=colour, lw=1, alpha=0.5, zorder=1)
                top = max(top, high)
            hollow = c.status != "standing"
            ax.plot(x, y, "^" if math.isinf(high) else "o", ms=6.5, color=colour,
                    mfc="white" if hollow else colour, mew=1.4, zorder=3)  # fmt: skip
    ax.set_ylim(0, top * 1.08 if top > 0 else 1)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _html.num(v)))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.grid(axis="y", color="#e6e6e6", lw=0.8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.set_ylabel(label(wrap(count.measure + (f" ({count.unit})" if count.unit else ""), 30)),
                  fontsize=9)  # fmt: skip
    ax.set_title(label(wrap(count.label, 70)), fontsize=10.5, loc="left")
    handles: list[Line2D] = [
        Line2D([], [], color=colours[o], marker="o", lw=1.6, label=label(wrap(o, 28)))
        for o in busiest[: len(_ORIGIN_COLOURS)]
    ]
    if len(busiest) > len(_ORIGIN_COLOURS):
        more = f"{len(busiest) - len(_ORIGIN_COLOURS)} more sources"
        handles.append(Line2D([], [], color=_html.NO_SIDE, marker="o", lw=1.6, label=more))
    handles += [
        Line2D([], [], color="#555", ls=(0, (4, 2)), label="projection"),
        Line2D([], [], color="#555", marker="o", mfc="white", ls="", label="later revised"),
        Line2D([], [], color="#555", marker="^", ls="", label="lower bound (at least)"),
    ]
    ax.legend(handles=handles, loc="best", fontsize=7.5, framealpha=0.85, edgecolor="none",
              ncol=2 if len(handles) > 7 else 1)  # fmt: skip
    return ax


def _value(claim: Claim, unit: str | None) -> float:
    return float(claim.figure.to(unit).value) if unit else float(claim.figure.value)
