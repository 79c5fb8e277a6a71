"""The report leads with findings, says each sentence once, and stays small; the
pictures keep their text as text and their labels inside their Axes."""

from __future__ import annotations

import re
from typing import Any

import matplotlib.pyplot as plt
import pytest

import claimtrack as ct
from claimtrack import Claim, ClaimGraph, Source
from claimtrack._format import html as _html
from claimtrack.views import report_html, running_counts
from claimtrack.views._report import figure_shown, stated_best

from ..factories import EVIL, assert_escaped, evil_claim, seed_graph, shown, story_claims


@pytest.fixture(scope="module")
def seeds() -> ct.Assessment:
    return seed_graph().assess()


@pytest.fixture(scope="module")
def page(seeds: ct.Assessment) -> str:
    return report_html(seeds, title="seeds")


@pytest.fixture(scope="module")
def quake() -> ClaimGraph:
    g = ClaimGraph(story_claims("turkey_syria_quake_2023"))
    g.link()
    return g


@pytest.fixture(autouse=True)
def closed() -> Any:
    yield
    plt.close("all")


def text_of(markup: str) -> str:
    return " ".join(" ".join(shown(markup).text).split())


def test_the_report_leads_with_disputes_then_doubts_then_running_counts(
    seeds: ct.Assessment,
) -> None:
    g = ClaimGraph([*seed_graph().claims(), *story_claims("derna_flood_2023")])
    markup = report_html(g.assess(), title="t")
    order = [markup.index(h) for h in ("<h2>Disputes", "<h2>Estimates in doubt",
                                       "<h2>Running counts", "<h2>Everything else")]  # fmt: skip
    assert order == sorted(order)
    # the first dispute comes before anything folded; everything after the findings folds
    assert markup.index('<div class="dispute">') < markup.index("<details")
    rest = markup[order[3] :]
    for title in ("Claim board", "Every estimate", "Source reliability", "Claim grades",
                  "Verdicts"):  # fmt: skip
        assert re.search(rf"<details><summary>{title}[^<]*\(\d+\)</summary>", rest)


def test_disputes_pair_only_claims_about_the_same_quantity(seeds: ct.Assessment, page: str) -> None:
    blocks = re.findall(r'<div class="dispute">(.*?)</div>', page, flags=re.S)
    titles = [text_of(re.search(r"<h3>(.*?)</h3>", b).group(1)) for b in blocks]  # type: ignore[union-attr]
    # Monitor A's figure for Bryansk is no side of the national total
    assert "drones destroyed · Russia · 2024-08-21" not in titles
    assert "drones destroyed · Bryansk · 2024-08-21" in titles
    graph = seeds.graph
    for block, title in zip(blocks, titles, strict=True):
        figures = {text_of(m) for m in re.findall(r"<b>(.*?)</b>", block.split("<ul")[0])}
        quantity = next(q for q in graph.quantities() if q.label == title)
        stated = {figure_shown(c.figure) for c in graph.claims(quantity)}
        assert figures <= stated, title
    # the part that exceeds its whole is told apart, once
    parts = page.split("<h3>Parts that exceed their whole</h3>", 1)[1].split("<h2>", 1)[0]
    assert "= 49 by Monitor A and others, more than the 45" in text_of(parts)


def test_each_sentence_appears_once(seeds: ct.Assessment, page: str) -> None:
    text = text_of(page)
    for verdict in seeds.graph.verdicts():
        assert text.count(verdict.reason) <= 1, verdict.reason
    # the ministry's 45, relayed by two outlets, is one statement
    assert text.count("45 Russian defence ministry Russia via Seed Wire, Outlet C") == 1
    assert "45 Russian defence ministry Russia via Outlet C" not in text
    # sums told in another order are one sentence: "2 Kursk + 6 Belgorod ..." and
    # "6 Belgorod + 2 Kursk ..." make one row, with its count
    verdicts = page.split("<summary>Verdicts", 1)[1]
    rows = re.findall(r"<tr><td[^>]*>(.*?)</tr>", verdicts, flags=re.S)
    sums = [text_of(r) for r in rows if "located of 45 for Russia" in r]
    assert len(sums) == 1


def test_outside_text_is_escaped_in_the_report_and_its_pictures() -> None:
    claims = [evil_claim("45"), evil_claim("90", source=Source("Monitor A", side=EVIL))]
    markup = report_html(ClaimGraph(claims).assess(), title=EVIL)
    assert_escaped(markup)
    svg = markup[markup.index("<svg") :]
    assert "<script" not in svg and "&lt;script&gt;" in svg  # board text is text, escaped


def test_board_text_is_svg_text_with_labelled_brackets(page: str) -> None:
    board = page.split("<summary>Claim board", 1)[1].split("</details>", 1)[0]
    assert "<text" in board and "DejaVuSans-" not in board  # no glyph paths
    texts = {text_of(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", board, flags=re.S)}
    assert "30 · Monitor A" in texts
    assert {"23% apart", "58% apart"} <= texts  # each contradiction bracket says how far
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))  # pictures share a page without sharing ids


def test_the_best_value_is_stated_or_marked_as_nobody_s(seeds: ct.Assessment, page: str) -> None:
    several = next(
        e for e in seeds.estimates.values() if e.label.startswith("drones intercepted · Podolsk")
    )
    assert stated_best(several)[0] == []  # "several" states no number
    doubt = text_of(page.split("<h2>Estimates in doubt</h2>", 1)[1].split("<h2>", 1)[0])
    assert "≈ 5 (nobody stated it: derived from “several”)" in doubt
    bryansk = next(
        e for e in seeds.estimates.values() if e.label.startswith("drones destroyed · Bryansk")
    )
    assert [c.source.name for c in stated_best(bryansk)[0]] == ["Russian defence ministry"]


def test_numbers_are_rounded_for_display() -> None:
    derived = ct.Figure.parse("43%").of(ct.Figure.parse("357.5"))
    assert derived.value == pytest.approx(153.725)
    assert figure_shown(derived) == "≈ 154 (derived)"
    share = Claim(source="A", measure="drones destroyed", figure="43%", place="Russia",
                  share_of="drones fired")  # fmt: skip
    total = Claim(source="A", measure="drones fired", figure="357.5", place="Russia")
    other = Claim(source="B", measure="drones destroyed", figure="about 120", place="Russia")
    markup = report_html(ClaimGraph([share, total, other]).assess(), title="t", board=False)
    assert not re.search(r"\d\.\d{4,}", text_of(markup))


def test_empty_columns_are_not_shown(page: str) -> None:
    reliability = page.split("<summary>Source reliability", 1)[1].split("</details>", 1)[0]
    headers = [text_of(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", reliability)]
    assert "source" in headers and "reliability" in headers
    assert "prior" not in headers  # no source of the seeds has a prior
    table = _html.table(["a", "hollow", "b"], [("x", "", 1), ("y", None, 2)])
    assert [text_of(h) for h in re.findall(r"<th[ >].*?</th>", table)] == ["a", "b"]


def test_a_large_report_stays_small_and_cut_with_counts() -> None:
    from claimtrack.synth import generate

    graph = generate(n_claims=10_000, n_quantities=1000, n_sources=40, seed=1).graph()
    graph.link(progress=False)
    assessment = ct.assess(graph)
    markup = report_html(assessment, title="big", progress=False)
    assert len(markup.encode("utf-8")) < 1_000_000
    assert re.search(r"… [\d,]+ more not shown", markup)
    assert len(str(assessment).splitlines()) < 100
    assert "more rows not shown" in str(assessment)


def test_report_progress_calls_back_by_section(seeds: ct.Assessment) -> None:
    seen: list[tuple[int, int]] = []
    report_html(seeds, board=False, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (5, 5) and len(seen) == 5


# -- the timeline -----------------------------------------------------------------------


def test_running_counts_are_found_per_measure_place_and_start(quake: ClaimGraph) -> None:
    counts = running_counts(quake)
    assert counts[0].label == "deaths · Turkey since 2023-02-06"
    moments = [c.moment for c in counts[0].claims]
    assert moments == sorted(moments) and len(counts[0].claims) >= 20


def test_plot_timeline_draws_one_line_per_origin_on_shared_time(quake: ClaimGraph) -> None:
    import matplotlib.dates as mdates

    ax = ct.plot_timeline(quake, "deaths", "Turkey")
    count = running_counts(quake)[0]
    origins = {quake.context.origin(c) for c in count.claims}
    lines = [ln for ln in ax.lines if ln.get_linewidth() == 1.6]  # one per origin and kind
    assert len(lines) == len({(quake.context.origin(c), c.kind == "projection")
                              for c in count.claims}) >= len(origins)  # fmt: skip
    xs = sorted(x for ln in lines for x in ln.get_xdata())
    assert xs == sorted(mdates.date2num(c.moment) for c in count.claims)
    assert "AFAD" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_plot_timeline_dashes_projections_and_hollows_revisions() -> None:
    base = dict(measure="deaths", place="Derna", period="2023-09-10/")
    claims = [
        Claim(source="Health ministry", figure="2,000", published="2023-09-11", **base),
        Claim(
            source="Health ministry",
            figure="5,300",
            published="2023-09-12",
            status="revised",
            **base,
        ),
        Claim(source="Health ministry", figure="3,958", published="2023-09-17", **base),
        Claim(
            source="Mayor", figure="up to 20,000", published="2023-09-14", kind="projection", **base
        ),
        Claim(
            source="Mayor",
            figure="18,000 to 20,000",
            published="2023-09-15",
            kind="projection",
            **base,
        ),
    ]
    g = ClaimGraph(claims)
    g.link()
    _fig, ax = plt.subplots()
    assert ct.plot_timeline(g, ax=ax) is ax
    dashed = [ln for ln in ax.lines if len(ln.get_xdata()) == 2 and ln.get_linestyle() == "--"]
    assert len(dashed) == 1  # the mayor's projections, on their own line
    hollow = [ln for ln in ax.lines if ln.get_markerfacecolor() == "white" and ln.get_xdata().size == 1]  # fmt: skip
    assert len(hollow) == 1  # the revised 5,300
    with pytest.raises(ct.ValidationError, match="running count"):
        ct.plot_timeline(g, measure="injured")


def test_ax_none_draws_on_the_current_axes_as_pandas_does(quake: ClaimGraph) -> None:
    fig, (_left, right) = plt.subplots(1, 2)
    plt.sca(right)
    assert ct.plot_timeline(quake) is right
    assert ct.plot_board(quake, limit=2) is right
    plt.close("all")
    ax = ct.plot_graph(quake)  # no figure open: a new one
    assert ax.figure is not fig


@pytest.mark.parametrize("draw", ["timeline", "board", "graph"])
def test_pictures_keep_their_labels_inside_a_subplot(quake: ClaimGraph, draw: str) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 6), layout="constrained")
    if draw == "timeline":
        ct.plot_timeline(quake, ax=left)
    elif draw == "graph":
        ct.plot_graph(quake, ax=left)
    else:
        ct.plot_board(quake, ax=left, limit=2)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    drawn = left.get_tightbbox(renderer)
    neighbour = right.get_window_extent(renderer)
    assert drawn.x1 <= neighbour.x0 + 1  # nothing spills onto the next subplot
    assert drawn.x0 >= -1 and drawn.y1 <= fig.bbox.y1 + 1


def test_plot_graph_stays_readable_at_fifty_claims(quake: ClaimGraph) -> None:
    assert len(quake) >= 50
    ax = ct.plot_graph(quake)
    arcs = [p for p in ax.patches if type(p).__name__ == "FancyArrowPatch"]
    red = plt.matplotlib.colors.to_rgb(_html.RELATION_COLOURS["contradicts"])
    assert arcs and all(p.get_edgecolor()[:3] == red for p in arcs)  # only disputes
    everything = ct.plot_graph(quake, relations=None, ax=plt.subplots()[1])
    assert len(everything.patches) > len(arcs)
    labels = [t.get_text() for t in ax.texts]
    assert all(len(line) <= 52 for t in labels for line in t.split("\n"))
    assert not any(t.endswith("…") and "\n" not in t for t in labels)  # wrapped, not cut


def test_plot_graph_merges_relayed_copies_into_one_node() -> None:
    ministry = Source("Russian defence ministry")
    night = dict(measure="drones destroyed", place="Russia", period="2024-08-21")
    g = ClaimGraph([
        Claim(source=ministry, figure="45", via=("Seed Wire",), **night),
        Claim(source=ministry, figure="45", via=("Outlet C",), **night),
        Claim(source="Monitor A", figure="60", **night),
    ])  # fmt: skip
    g.link()
    ax = ct.plot_graph(g)
    claim_labels = [t.get_text() for t in ax.texts if "drones destroyed" in t.get_text()]
    assert len(claim_labels) == 2 and any("×2" in t for t in claim_labels)


def test_plot_board_labels_brackets() -> None:
    g = seed_graph()
    ax = ct.plot_board(g, limit=4)
    assert {"23% apart", "58% apart"} <= {t.get_text() for t in ax.texts}
    assert EVIL not in {t.get_text() for t in ax.texts}


def test_the_graph_s_notebook_table_keeps_sides_to_their_quantity() -> None:
    markup = seed_graph()._repr_html_()
    rows = re.findall(r"<tr>(.*?)</tr>", markup, flags=re.S)
    (russia,) = [text_of(r) for r in rows if "drones destroyed · Russia" in r]
    sides = russia.split("parts that add up to more:")[0]
    assert " vs " not in sides  # nobody about Russia as a whole disagrees
    assert "30 Monitor A (Bryansk)" in russia  # the part, named as a part
    (bryansk,) = [text_of(r) for r in rows if "drones destroyed · Bryansk" in r]
    assert " vs " in bryansk


def test_contradictions_across_quantities_are_told_by_kind() -> None:
    # the quake's counts that fell below another origin's earlier one (Derna's went
    # once the checkers drew each such disagreement once, by the first figure after)
    g = ClaimGraph(story_claims("turkey_syria_quake_2023"))
    markup = report_html(g.assess(), title="Quake", board=False)
    fell = markup.split("<h3>Running counts that fell</h3>", 1)[1].split("<h", 1)[0]
    assert "a count to date does not fall" in text_of(fell)
    assert fell.count("<li>") <= 8  # the rest folded
    if "<h3>Parts that exceed their whole</h3>" in markup:
        parts = markup.split("<h3>Parts that exceed their whole</h3>", 1)[1].split("<h", 1)[0]
        assert "for a count since" not in text_of(parts)


def test_bracket_labels_overlap_neither_each_other_nor_a_bracket() -> None:
    from claimtrack.views._plots import RED

    ax = ct.plot_board(seed_graph(), limit=4)
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    labels = [t.get_window_extent(renderer) for t in ax.texts if t.get_text().endswith("apart")]
    assert len(labels) >= 4  # the seed board has two blocks with two brackets each
    for i, box in enumerate(labels):
        assert not any(box.overlaps(other) for other in labels[i + 1 :])
    brackets = [line for line in ax.lines if line.get_color() == RED and len(line.get_xdata()) == 4]
    assert brackets
    for line in brackets:
        points = ax.transData.transform(list(zip(line.get_xdata(), line.get_ydata(), strict=True)))
        right, low, high = points[:, 0].max(), points[:, 1].min(), points[:, 1].max()
        for box in labels:
            if box.y1 >= low and box.y0 <= high:  # beside this bracket: right of it
                assert box.x0 >= right
