"""The HTML report: findings first, the rest folded.

A reader opens the page for what is in dispute. So it leads with

1. the disputed quantities and their sides (only claims about that quantity: a
   part that exceeds its whole is told apart, below them);
2. the estimates in doubt (claims disagree, parts exceed their whole, or nobody
   stated the best value);
3. the timelines of running counts;

and folds the rest (the claim board, every estimate, the sources' reliability,
the grades and the verdicts) in ``<details>``, each table cut at ``max_rows``
with a line saying how many rows were left out. Each sentence appears once,
every number is rounded for people, and a column with nothing in it is left out.
The page is self-contained: styles inline, pictures as inline SVG whose text is
text (searchable, copyable, read aloud), nothing fetched.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .._format import Progress, options, progress
from .._format import html as _html
from .._version import __version__
from ..assessment import Assessment, Estimate
from ..assessment.truth import get_method
from ..errors import ClaimtrackError
from ..figure import Figure
from ..graph import ClaimGraph, Dispute
from ..model import Claim
from ..relations import Quantity, Verdict
from ._plots import Subject, board_quantities, plot_board, subject_of
from ._timeline import RunningCount, draw_timeline, running_counts

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["board_svg", "figure_shown", "report_html", "said", "stated_best"]

#: Rows of each folded table in a report, unless ``max_rows`` says otherwise.
REPORT_ROWS = 100
#: Disputes drawn in full; the rest are listed in one folded table.
DISPUTES_SHOWN = 25
#: Claims on the folded claim board: its quantities are taken, disputed first, until
#: they hold this many claims.
BOARD_CLAIMS = 60
#: Running counts drawn as timelines.
TIMELINES = 3

_CSS = (
    "<style>.ct-sum{font-size:15px;margin:.4em 0 1em}"
    ".dispute{border:1px solid #e3c0c0;border-left:5px solid #c62828;border-radius:4px;"
    "padding:.4em .9em;margin:.7em 0}.dispute h3{margin:.2em 0 .4em;font-size:15px}"
    ".dispute table.ct{margin:.2em 0}.dispute ul{margin:.3em 0 .2em 1.2em;padding:0}"
    ".dispute li{margin:.1em 0}.best{color:#6b4e00}"
    "details{margin:.6em 0;border-top:1px solid #ddd;padding-top:.3em}"
    "summary{cursor:pointer;font-weight:600;font-size:1.1em;padding:.2em 0}"
    "h2{font-size:1.25em}</style>"
)


# -- figures and claims, for people ------------------------------------------------


def figure_shown(figure: Figure) -> str:
    """A figure as people read it: as stated ("about 45", "several"), or, for a figure
    computed from others, its value rounded and marked ("≈ 154 (derived)")."""
    if figure.hedge == "derived" or not figure.text.strip():
        rounded = _html.with_unit(_html.num(float(figure.value)), figure.unit)
        return f"≈ {rounded} (derived)" if figure.hedge == "derived" else rounded
    return " ".join(figure.text.split())


def said(claims: Sequence[Claim]) -> _html.Markup:
    """One statement, however many outlets relayed it: "<b>45</b> Russian defence
    ministry via Seed Wire, Outlet C"."""
    first = claims[0]
    via = list(dict.fromkeys(v for c in claims for v in c.via))
    who = _html.esc(first.source.name) + _html.side_badge(first.source.side)
    if via:
        who += f' <span class="muted">via {_html.esc(", ".join(via))}</span>'
    kind = "" if first.kind == "count" else f' <span class="muted">({_html.esc(first.kind)})</span>'
    status = "" if first.status == "standing" else f' <span class="muted">({first.status})</span>'
    return _html.Markup(f"<b>{_html.esc(figure_shown(first.figure))}</b> {who}{kind}{status}")


def statements(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Claims grouped by what they say (source, figure, stance, kind): relayed copies of
    one statement make one group, so the page says each thing once."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        key = (c.source.name, c.figure, c.figure.text, c.stance, c.kind, c.status)
        groups.setdefault(key, []).append(c)
    return list(groups.values())


def _statement_list(claims: Iterable[Claim], limit: int = 8) -> _html.Markup:
    groups = statements(claims)
    shown = "<br>".join(said(g) for g in groups[:limit])
    if len(groups) > limit:
        shown += f'<br><span class="muted">… {len(groups) - limit} more</span>'
    return _html.Markup(shown)


def _stated_values(figure: Figure) -> list[float]:
    """The numbers a figure states outright: its value, or a range's two ends; none for
    a vague word ("several") or a computed figure."""
    if figure.hedge in ("vague", "derived"):
        return []
    if figure.hedge == "range":
        return [float(x) for x in (figure.low, figure.high) if x is not None]
    return [float(figure.value)]


def stated_best(estimate: Estimate[Quantity]) -> tuple[list[Claim], list[Claim]]:
    """(claims stating the best value outright, vague claims it may come from)."""
    best, stated, vague = estimate.best, [], []
    for claim in estimate.claims:
        try:
            figure = claim.figure.to(estimate.unit) if estimate.unit else claim.figure
        except ClaimtrackError:
            figure = claim.figure
        if any(math.isclose(x, best, rel_tol=1e-9, abs_tol=1e-9) for x in _stated_values(figure)):
            stated.append(claim)
        elif figure.hedge == "vague":
            vague.append(claim)
    return stated, vague


def _best_cell(estimate: Estimate[Quantity]) -> _html.Markup:
    """The best value, and who stated it; or "≈" and that nobody did."""
    stated, vague = stated_best(estimate)
    value = _html.esc(_html.with_unit(_html.num(estimate.best), estimate.unit))
    if stated:
        return _html.Markup(f"<b>{value}</b>")
    if vague:
        words = ", ".join(dict.fromkeys(f"“{' '.join(c.figure.text.split())}”" for c in vague))
        why = f"nobody stated it: derived from {words}"
    else:
        why = "derived: nobody stated it"
    return _html.Markup(f'<b>≈ {value}</b> <span class="muted">({_html.esc(why)})</span>')


def _range(estimate: Estimate[Quantity]) -> str:
    if estimate.low == estimate.high == estimate.best:
        return ""
    return _html.with_unit(
        f"{_html.num(estimate.low)} to {_html.num(estimate.high)}", estimate.unit
    )


# -- pictures ----------------------------------------------------------------------


def _svg(draw: Callable[[Axes | None], Axes], prefix: str) -> str:
    """A picture as an inline ``<svg>``: its text kept as text (``svg.fonttype`` none),
    matplotlib's escaping of it kept, no comments, metadata or outside references, and
    its ids prefixed so several pictures can share a page."""
    import matplotlib
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "claimtrack"}):
        figure = draw(None).get_figure(root=True)
        assert figure is not None  # every picture draws on a figure
        buffer = io.StringIO()
        try:
            figure.savefig(buffer, format="svg", metadata={"Date": None})
        finally:
            plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    return re.sub(r'(url\(#|href="#)([^")]+)', rf"\g<1>{prefix}-\2", svg)


def _fresh(size: tuple[float, float]) -> Axes:
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def board_svg(subject: Subject, **options_: Any) -> str:
    """The claim board as an inline ``<svg>`` element, its text as SVG text; no
    comments, metadata or external references, so outside text cannot become markup."""

    def draw(_: Axes | None) -> Axes:
        ax = options_.pop("ax", None) or _board_axes(subject, options_)
        return plot_board(subject, ax, **options_)

    return _svg(draw, "board")


def _board_axes(subject: Subject, settings: dict[str, Any]) -> Axes:
    graph, _ = subject_of(subject)
    chosen = settings.get("quantities")
    if chosen is None:
        chosen = board_quantities(graph, settings.get("limit", 20))
    rows = sum(len(graph.claims(q)) + 1.6 for q in chosen)
    return _fresh((11, 1.4 + 0.3 * max(rows, 3)))


def _board_choice(graph: ClaimGraph, found: list[Dispute]) -> list[Quantity]:
    """Quantities for the report's board, disputed first, up to ``BOARD_CLAIMS`` claims."""
    chosen: list[Quantity] = []
    held = 0
    for q in board_quantities(graph, disputed={d.quantity for d in found}):
        n = len(graph.claims(q))
        if chosen and held + n > BOARD_CLAIMS:
            break
        chosen.append(q)
        held += n
    return chosen


# -- the sections ------------------------------------------------------------------


def _same_quantity(graph: ClaimGraph, v: Verdict) -> bool:
    return graph.quantity(v.a) == graph.quantity(v.b)


def _dispute_html(
    graph: ClaimGraph, assessment: Assessment, d: Dispute, said_above: set[str]
) -> str:
    sides = d.sides
    head = "".join(f"<th{_html.LEFT}>side {i}</th>" for i in range(1, len(sides) + 1))
    cells = "".join(f"<td{_html.LEFT}>{_statement_list(side)}</td>" for side in sides)
    reasons = list(dict.fromkeys(v.reason for v in d.contradictions if _same_quantity(graph, v)))
    said_above.update(reasons[:4])
    why = "".join(f"<li>{_html.esc(r)}</li>" for r in reasons[:4])
    if len(reasons) > 4:
        why += f'<li class="muted">… {len(reasons) - 4} more</li>'
    estimate = assessment.estimates.get(d.quantity)
    consensus = ""
    if estimate is not None:
        spread = _range(estimate)
        consensus = (
            f'<p class="ct best">Consensus: {_best_cell(estimate)}'
            + (f" (range {_html.esc(spread)})" if spread else "")
            + "</p>"
        )
    return (
        f'<div class="dispute"><h3><bdi>{_html.esc(d.quantity.label)}</bdi></h3>'
        f'<table class="ct"><thead><tr>{head}</tr></thead><tbody><tr>{cells}</tr></tbody>'
        f'</table><ul class="ct">{why}</ul>{consensus}</div>'
    )


def _disputes_section(
    graph: ClaimGraph,
    assessment: Assessment,
    found: list[Dispute],
    max_rows: int,
    said_above: set[str],
) -> tuple[str, list[Verdict]]:
    """The disputes about one quantity, most contested first; and the contradictions
    between a part and its whole, which are told apart."""
    own = [d for d in found if any(_same_quantity(graph, v) for v in d.contradictions)]
    own = [d for d in own if len(d.sides) >= 2]
    own.sort(key=lambda d: (-len({c.source.name for s in d.sides for c in s}), d.quantity.label))
    parts = [v for d in found for v in d.contradictions if not _same_quantity(graph, v)]
    out = ["<h2>Disputes</h2>"]
    if not own:
        out.append('<p class="ct">No two claims about the same quantity contradict each other.</p>')
    out += [_dispute_html(graph, assessment, d, said_above) for d in own[:DISPUTES_SHOWN]]
    rest = own[DISPUTES_SHOWN:]
    if rest:
        rows = [
            (
                d.quantity.label,
                " vs ".join(
                    "/".join(dict.fromkeys(figure_shown(c.figure) for c in side))
                    for side in d.sides
                ),
            )
            for d in rest
        ]
        out.append(
            f"<details><summary>{len(rest):,} more disputes</summary>"
            + _html.table(["disputed quantity", "sides"], rows, max_rows=max_rows)
            + "</details>"
        )
    return "".join(out), parts


#: What each checker's contradictions between quantities are, for a heading and a line.
_ACROSS = {
    "part_whole": (
        "Parts that exceed their whole",
        "Claims about places within a place that add up to more than a claim for the whole:",
    ),
    "cumulative": (
        "Running counts that fell",
        "A count to date that stands below one reported earlier (a revision, or an error):",
    ),
}
#: Rows of each such list shown unfolded; the rest are folded below it.
ACROSS_SHOWN = 8


def _across_section(parts: list[Verdict], max_rows: int, said_above: set[str]) -> str:
    """Contradictions between claims about different quantities, by the checker that
    found them: a part against its whole, a running count against its earlier self."""
    by_checker: dict[str, list[str]] = {}
    for v in parts:
        by_checker.setdefault(v.checker, []).append(v.reason)
    out = []
    for checker, found in sorted(by_checker.items(), key=lambda kv: kv[0] not in _ACROSS):
        title, line = _ACROSS.get(checker, (f"Other contradictions ({checker})", ""))
        reasons = list(dict.fromkeys(found))
        said_above.update(reasons[:max_rows])
        shown = "".join(f"<li>{_html.esc(r)}</li>" for r in reasons[:ACROSS_SHOWN])
        rest = reasons[ACROSS_SHOWN:]
        folded = (
            f"<details><summary>{len(rest):,} more</summary>"
            + _html.table(["why"], [(r,) for r in rest], max_rows=max_rows)
            + "</details>"
            if rest
            else ""
        )
        intro = f'<p class="ct muted">{_html.esc(line)}</p>' if line else ""
        out.append(f'<h3>{_html.esc(title)}</h3>{intro}<ul class="ct">{shown}</ul>{folded}')
    return "".join(out)


def _doubts(assessment: Assessment) -> dict[Quantity, list[str]]:
    """Why each estimate in doubt is in doubt, in words."""
    sums: dict[tuple[str, str, str], str] = {}
    for v in assessment.inconsistencies():
        for role, c in (("a part", v.a), ("the whole", v.b)):
            sums.setdefault((c.measure, c.place or "", str(c.period or "")), role)
    found: dict[Quantity, list[str]] = {}
    for q, e in assessment.estimates.items():
        why = []
        if e.dissent:
            n = len(statements(e.dissent))
            why.append(f"{n} {'claim disagrees' if n == 1 else 'claims disagree'}")
        part = sums.get((q.label_measure or q.measure, q.label_place or "", str(q.period or "")))
        if part:
            why.append(f"it is {part} of a sum that does not add up")
        stated, _ = stated_best(e)
        if not stated:
            why.append("nobody stated the best value")
        if why:
            found[q] = why
    return found


def _doubt_section(assessment: Assessment, doubts: dict[Quantity, list[str]], max_rows: int) -> str:
    items = sorted(doubts, key=lambda q: (-len(assessment.estimates[q].dissent), q.label))
    rows = []
    for q in items[:max_rows]:
        e = assessment.estimates[q]
        rows.append((q.label, _best_cell(e), _range(e), len(e.sources), "; ".join(doubts[q])))
    headers = ["quantity", "best", "range", "independent sources", "why in doubt"]
    body = (
        _html.table(headers, rows, total=len(items), max_rows=max_rows)
        if items
        else '<p class="ct">Every estimate rests on a value some claim stated, with no '
        "claim against it.</p>"
    )
    method = _method_note(assessment.method)
    return f"<h2>Estimates in doubt</h2>{method}{body}"


def _timeline_section(graph: ClaimGraph) -> str:
    counts = [r for r in running_counts(graph) if len(r.claims) >= 3][:TIMELINES]
    if not counts:
        return ""
    pictures = []
    for i, count in enumerate(counts):

        def draw(_: Axes | None, count: RunningCount = count) -> Axes:
            return draw_timeline(graph, count, _fresh((10, 4.2)))

        pictures.append(_svg(draw, f"timeline{i}"))
    return (
        "<h2>Running counts</h2>"
        '<p class="ct muted">Each line is one origin\'s figures as they were published; '
        "dashed: projections; hollow: figures later revised or retracted.</p>" + "".join(pictures)
    )


def _folded(title: str, count: int, body: str) -> str:
    return f"<details><summary>{_html.esc(title)} ({count:,})</summary>{body}</details>"


def _estimates_table(assessment: Assessment, max_rows: int) -> str:
    items = sorted(assessment.estimates.values(), key=lambda e: (not e.dissent, e.label))
    rows = [
        (
            e.label,
            _best_cell(e),
            _range(e),
            len(e.claims),
            len(e.sources),
            _statement_list(e.dissent, 3) if e.dissent else "",
        )
        for e in items[:max_rows]
    ]
    headers = ["quantity", "best", "range", "claims", "independent sources", "disagreeing"]
    return _html.table(headers, rows, total=len(items), max_rows=max_rows)


def _reliability_table(assessment: Assessment, max_rows: int) -> str:
    from ..assessment import RELIABILITY_HEADERS, reliability_rows

    rows = reliability_rows(assessment.reliability.values())
    return _html.table(RELIABILITY_HEADERS, rows, max_rows=max_rows)


def _grades_table(assessment: Assessment, max_rows: int) -> str:
    graph = assessment.graph
    graded = [(assessment.grade(g[0]), g) for g in statements(graph.claims())]
    graded.sort(key=lambda gc: (gc[0].credibility, gc[1][0].measure, gc[1][0].source.name))
    rows = [
        (
            _html.Markup(f'<span class="g">{_html.esc(str(g))}</span> {_html.esc(g.label)}'),
            said(group),
            graph.quantity(group[0]).label,
            "; ".join(dict.fromkeys(g.reasons)),
        )
        for g, group in graded[:max_rows]
    ]
    headers = ["grade", "claim", "quantity", "why"]
    return _html.table(headers, rows, total=len(graded), max_rows=max_rows)


#: The order of relations in the verdicts table: what a reader checks first.
_RELATION_ORDER = ["contradicts", "supersedes", "corroborates", "derived_from", "part_of", "relays"]


def _sentence_key(reason: str) -> str:
    """A reason with the terms of its sum in one order: "2 Kursk + 23 Bryansk = 25 ..."
    and "23 Bryansk + 2 Kursk = 25 ..." are one sentence, said once."""
    left, sep, right = reason.partition(" = ")
    if not sep or " + " not in left:
        return reason
    return " + ".join(sorted(left.split(" + "))) + sep + right


def _verdicts_table(verdicts: Sequence[Verdict], max_rows: int, said_above: set[str]) -> str:
    """Each reason once, with how many verdicts gave it; reasons the disputes above
    already gave are not repeated."""
    counts: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], str] = {}
    above = 0
    for v in verdicts:
        if v.reason in said_above:
            above += 1
            continue
        key = (v.relation.value, _sentence_key(v.reason))
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, v.reason)
    rank = {name: i for i, name in enumerate(_RELATION_ORDER)}
    items = sorted(counts, key=lambda k: (rank.get(k[0], 99), -counts[k], k[1]))
    rows = [(_html.relation(k[0]), first[k], counts[k]) for k in items[:max_rows]]
    return _html.table(
        ["relation", "reason", "verdicts"], rows, total=len(items), max_rows=max_rows
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


def report_html(
    subject: Subject,
    title: str = "claimtrack report",
    board: bool = True,
    *,
    max_rows: int = REPORT_ROWS,
    progress: Progress = None,
) -> str:
    """One self-contained HTML page that leads with what is in dispute.

    In order: the disputed quantities with their sides; the estimates in doubt; the
    timelines of running counts; then, folded, the claim board, every estimate, the
    sources' reliability, the claims' grades and the verdicts (each reason once).
    Nothing in it is fetched from anywhere.

    Parameters
    ----------
    subject
        An assessment, or a ``ClaimGraph`` (assessed with ``claimtrack.assess``).
    title
        The page's title.
    board
        Whether to draw the pictures (the timelines and the claim board; needs
        matplotlib).
    max_rows
        Rows of each table; a last line says how many more there are.
    progress
        As ``ClaimGraph.link``: None shows a bar for a large graph
        (``claimtrack.options``), True or False always or never, or a callable
        given (sections done, sections in all).

    Returns
    -------
    str
        The HTML document.
    """
    graph, assessment = subject_of(subject)
    big = len(graph) >= options.progress_from
    given: Progress = progress if progress is not None else (None if big else False)
    sections: list[str] = []
    steps = 7 if board else 5
    with _progress_sections(steps, given) as tick:
        found = graph.disputes()
        verdict_list = graph.verdicts()
        said_above: set[str] = set()  # sentences the page gave already: each is said once
        disputes, parts = _disputes_section(graph, assessment, found, max_rows, said_above)
        parts_html = _across_section(parts, max_rows, said_above)
        tick(1)
        doubts = _doubts(assessment)
        doubted = len(doubts)
        doubt = _doubt_section(assessment, doubts, max_rows)
        tick(1)
        timeline = _timeline_section(graph) if board else ""
        if board:
            tick(1)
        n_disputes = disputes.count('class="dispute"') + max(0, len(found) - DISPUTES_SHOWN)
        sections.append(
            f'<p class="ct-sum"><b>{len(graph):,}</b> claims from <b>{len(graph.sources()):,}'
            f"</b> sources: <b>{n_disputes:,}</b> disputed quantities, "
            f"<b>{doubted:,}</b> estimates in doubt, "
            f"<b>{len(assessment.estimates):,}</b> estimates in all.</p>"
        )
        sections += [disputes, parts_html, doubt, timeline]
        sections.append("<h2>Everything else</h2>")
        if board and len(graph):
            chosen = _board_choice(graph, found)
            sections.append(_folded("Claim board, quantities", len(chosen),
                                    board_svg(assessment, quantities=chosen)))  # fmt: skip
            tick(1)
        sections.append(
            _folded(
                "Every estimate",
                len(assessment.estimates),
                _method_note(assessment.method) + _estimates_table(assessment, max_rows),
            )
        )
        sections.append(_conflicts(assessment))
        tick(1)
        sections.append(
            _folded(
                "Source reliability",
                len(assessment.reliability),
                _reliability_table(assessment, max_rows),
            )
        )
        sections.append(_folded("Claim grades", len(graph), _grades_table(assessment, max_rows)))
        tick(1)
        sections.append(
            _folded(
                "Verdicts",
                len(verdict_list),
                _verdicts_table(verdict_list, max_rows, said_above),
            )
        )
        tick(1)
    sections.append(f'<p class="ct muted">Made with claimtrack {_html.esc(__version__)}.</p>')
    return _html.page(title, _CSS + _html.STYLE + "".join(sections))


def _progress_sections(steps: int, given: Progress) -> Any:
    return progress("report", steps, given, unit="sections", minimum=1)


def _conflicts(assessment: Assessment) -> str:
    """The estimates that do not add up, as a warning list; "" when they all do."""
    found = list(dict.fromkeys(v.reason for v in assessment.inconsistencies()))
    if not found:
        return ""
    items = "".join(f"<li>{_html.esc(r)}</li>" for r in found[:20])
    more = f'<li class="muted">… {len(found) - 20} more</li>' if len(found) > 20 else ""
    return (
        '<p class="ct"><span class="contradicts">The estimates do not add up</span> '
        f'where parts exceed their whole:</p><ul class="ct">{items}{more}</ul>'
    )
