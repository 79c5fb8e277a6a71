"""Views: HTML reprs that escape outside text, DataFrames, and the two pictures."""

from __future__ import annotations

import math
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import claimtrack as ct
from claimtrack import Claim, ClaimGraph, Source, ValidationError
from claimtrack._format import html as _html
from claimtrack.relations import verdicts_html

from ..factories import EVIL, assert_escaped, evil_claim, seed_graph, shown


@pytest.fixture(scope="module")
def seeds() -> ClaimGraph:
    return seed_graph()


# -- HTML -------------------------------------------------------------------------------


def test_claim_repr_escapes_every_outside_text() -> None:
    markup = evil_claim()._repr_html_()
    assert_escaped(markup)
    assert markup.count("&lt;script&gt;") >= 5  # source, side, place, via, text


def test_source_repr_escapes_name_side_kind_and_aliases() -> None:
    markup = Source(EVIL, side=EVIL, kind=EVIL, aliases=(EVIL,), reliability="B")._repr_html_()
    assert_escaped(markup)
    assert "0.80" in markup  # the Admiralty letter shown with its prior


def test_figure_repr_shows_value_interval_and_hedge() -> None:
    markup = ct.Figure.parse("over 1,250 square kilometres")._repr_html_()
    text = "".join(shown(markup).text)
    assert "1,250" in text and "(1,250, ∞]" in text and "over" in text and "km²" in text


def test_verdict_and_dispute_reprs_escape_reasons_and_names() -> None:
    a, b = evil_claim("45"), evil_claim("90", source=Source("Monitor A"))
    v = ct.Verdict("contradicts", a, b, 0.9, reason=EVIL, checker="mine")
    assert_escaped(v._repr_html_())
    g = ClaimGraph([a, b])
    g.link()
    (dispute,) = g.disputes()
    markup = dispute._repr_html_()
    assert_escaped(markup)
    text = "".join(shown(markup).text)
    assert "side 1" in text and "side 2" in text and "disputed" in text


def test_graph_repr_shows_counts_disputes_sides_and_reasons() -> None:
    a, b = evil_claim("45"), evil_claim("90", source=Source("Monitor A"))
    g = ClaimGraph([a, b])
    g.link()
    markup = g._repr_html_()
    assert_escaped(markup)
    text = "".join(shown(markup).text)
    assert "2 claims from" in text.replace("\n", " ")
    assert "vs" in text and "contradicts" in text and "beyond the" in text


def test_long_verdict_lists_are_cut_with_a_count(seeds: ClaimGraph) -> None:
    markup = verdicts_html(seeds.verdicts(), limit=5)
    assert markup.count("<tr>") == 1 + 5 + 1  # header, five rows, the "more" line
    assert f"{len(seeds.verdicts()) - 5} more not shown" in markup


def test_the_report_page_forbids_every_request() -> None:
    page = _html.page(EVIL, "<p>body</p>")
    assert_escaped(page)
    assert "default-src 'none'" in page and page.startswith("<!DOCTYPE html>")


def test_side_colours_are_distinct_and_stable() -> None:
    colours = _html.side_colours(["Ukraine", "Russia", None, "Russia"])
    assert colours == _html.side_colours(["Russia", "Ukraine"])
    assert len({colours["Russia"], colours["Ukraine"], colours[None]}) == 3
    assert colours[None] == _html.NO_SIDE


# -- DataFrames -------------------------------------------------------------------------


def test_graph_to_pandas_has_one_row_per_claim_with_documented_columns(seeds: ClaimGraph) -> None:
    frame = seeds.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(seeds) and frame["id"].is_unique
    documented = ct.to_pandas.__doc__ or ""
    for column in frame.columns:
        assert f"``{column}``" in documented, column
    over = frame.set_index("figure").loc["over 40"]
    assert over["low"] == 40 and over["high"] == math.inf and bool(over["low_open"])
    assert frame["period_start"].dtype.kind == "M" and frame["published"].dtype.kind == "M"
    by_source = frame.groupby("source")
    assert by_source["contradicted"].any()["Monitor A"]
    assert frame.loc[frame["derived"], "hedge"].eq("derived").all() and frame["derived"].sum() == 2
    relayed = frame[(frame["figure"] == "45") & (frame["place"] == "Russia")]
    assert set(relayed["support"]) == {2}  # the ministry and Outlet B; Outlet C only relays


def test_to_pandas_of_verdicts_sources_and_claims(seeds: ClaimGraph) -> None:
    verdicts = ct.to_pandas(seeds.verdicts())
    assert len(verdicts) == len(seeds.verdicts())
    assert set(verdicts["relation"]) >= {"part_of", "contradicts", "derived_from"}
    assert verdicts["strength"].between(0, 1).all()
    sources = ct.to_pandas([Source("A", reliability="B"), Source("B")])
    assert list(sources["prior"].fillna(-1)) == [0.8, -1]
    claims = ct.to_pandas(seeds.claims()[:3])
    assert len(claims) == 3 and "quantity" not in claims.columns


@pytest.mark.parametrize("bad", ["claims", 42, [Source("A"), "not a claim"]])
def test_to_pandas_refuses_what_it_cannot_tabulate(bad: object) -> None:
    with pytest.raises(ValidationError, match="to_pandas"):
        ct.to_pandas(bad)


# -- pictures ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_show(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("show() called")

    monkeypatch.setattr(plt, "show", refuse)
    yield
    plt.close("all")


def texts(ax: Any) -> str:
    return " ".join(t.get_text() for t in ax.texts)


def test_plot_graph_draws_sources_claims_and_verdict_arcs(seeds: ClaimGraph) -> None:
    ax = ct.plot_graph(seeds, relations=None)
    labels = texts(ax)
    assert "Monitor A" in labels and "Russian defence ministry" in labels
    assert "drones destroyed" in labels
    arcs = [p for p in ax.patches if type(p).__name__ == "FancyArrowPatch"]
    assert arcs and {p.get_edgecolor()[:3] for p in arcs} >= {
        matplotlib.colors.to_rgb(_html.RELATION_COLOURS["contradicts"])
    }
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "contradicts" in legend and "part of" in legend and "Russia" in legend


def test_plot_graph_draws_on_a_given_axes_and_with_the_spring_layout(seeds: ClaimGraph) -> None:
    fig, ax = plt.subplots()
    assert ct.plot_graph(seeds, ax=ax, layout="spring") is ax
    assert len(fig.axes) == 1 and ax.texts
    with pytest.raises(ValidationError, match="layout"):
        ct.plot_graph(seeds, layout="circles")


def test_plot_graph_shows_dollar_signs_as_text_not_mathematics() -> None:
    a = Claim(source="$ fund", measure="aid pledged", figure="$3.2 billion", place="Kyiv")
    b = Claim(source="Monitor $A$", measure="aid pledged", figure="$1 billion", place="Kyiv")
    g = ClaimGraph([a, b])
    g.link()
    ax = ct.plot_graph(g)
    ax.figure.canvas.draw()  # mathtext would fail on an odd number of dollars
    assert r"Monitor \$A\$" in texts(ax)


def test_plot_graph_keeps_contradicted_claims_when_it_must_cut() -> None:
    from claimtrack.synth import generate

    data = generate(n_claims=300, n_quantities=40, n_sources=8, seed=2)
    g = data.graph()
    g.link()
    ax = ct.plot_graph(g, max_claims=50)  # type: ignore[arg-type]
    assert "(50 of 300 claims)" in ax.get_title()


# -- assessments ------------------------------------------------------------------------


def evil_assessment() -> ct.Assessment:
    claims = [
        evil_claim("45"),
        evil_claim("46", source=Source("Monitor A", side="Ukraine")),
        evil_claim("90", source=Source("Outlet B")),
    ]
    return ct.assess(ClaimGraph(claims))


def test_assessment_reprs_escape_and_show_estimates_reliability_and_grades() -> None:
    a = evil_assessment()
    markup = a._repr_html_()
    assert_escaped(markup)
    text = "".join(shown(markup).text)
    for heading in ("Estimates", "Source reliability", "Claim grades"):
        assert heading in text
    (estimate,) = a.estimates.values()
    assert_escaped(estimate._repr_html_())
    assert _html.num(estimate.best) in "".join(shown(estimate._repr_html_()).text)
    grade = a.grade(a.graph.claims()[0])
    grade_text = "".join(shown(grade._repr_html_()).text)
    assert str(grade) in grade_text and grade.reasons[0] in grade_text


def test_estimates_to_pandas_has_one_row_per_quantity() -> None:
    a = evil_assessment()
    frame = ct.to_pandas(a.estimates)
    assert len(frame) == 1 and frame.loc[0, "claims"] + frame.loc[0, "dissent"] >= 2
    assert frame.loc[0, "low"] <= frame.loc[0, "best"] <= frame.loc[0, "high"]
    reliability = ct.to_pandas(a.reliability)
    assert set(reliability["source"]) == {EVIL, "Monitor A", "Outlet B"}
    graded = ct.to_pandas(a)
    assert graded["credibility"].between(1, 6).all() and graded["reasons"].str.len().gt(0).all()


def test_plot_board_marks_disputes_and_draws_the_consensus(seeds: ClaimGraph) -> None:
    a = ct.assess(seeds)
    ax = ct.plot_board(a, limit=4)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    headings = [t for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert len(headings) == 4 and all(t.get_color() == "#c62828" for t in headings)  # disputed
    assert any("30 · Monitor A" in label for label in labels)
    assert any("via Outlet C" in label for label in labels)  # two 45s told apart
    bands = [p for p in ax.patches if type(p).__name__ == "Rectangle"]
    assert len(bands) == 4  # one consensus band per quantity
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"consensus range", "contradict each other", "Russia", "no side"} <= set(legend)


def test_plot_board_takes_a_graph_and_draws_unbounded_ends_as_arrows() -> None:
    g = ClaimGraph(
        [Claim(source="Kyiv", measure="attacks repelled", figure=f, place="Pokrovsk")
         for f in ("over 40", "under 30")]
    )  # fmt: skip
    _, ax = plt.subplots()
    assert ct.plot_board(g, ax=ax) is ax
    arrows = [c for c in ax.get_children() if type(c).__name__ == "Annotation"]
    assert len(arrows) == 1  # "over 40" has no high end; "under 30" stops at 0
    with pytest.raises(ValidationError, match="subject"):
        ct.plot_board([1, 2])


def test_the_report_says_how_the_estimates_were_made(seeds: ClaimGraph) -> None:
    from claimtrack.views import report_html

    page = report_html(seeds.assess(), title="seeds")
    text = " ".join(shown(page).text)
    assert "Estimated with accucopy: Accuracy-weighted votes over intervals" in text
    vote = " ".join(shown(report_html(seeds.assess("vote"), title="seeds")).text)
    assert "Estimated with vote: Majority vote" in vote


def test_the_report_names_estimates_that_do_not_add_up_escaped() -> None:
    from claimtrack import Gazetteer
    from claimtrack.views import report_html

    places = Gazetteer.default()
    places.add(EVIL)
    places.add("Northvale", within=EVIL)
    places.add("Southmarsh", within=EVIL)
    claims = [
        evil_claim("about 1,200"),
        evil_claim("800", place="Northvale", source=Source("Ministry")),
        evil_claim("more than 2,000", place="Southmarsh", source=Source("Rebels")),
    ]
    graph = ClaimGraph(claims, places=places)
    page = report_html(graph.assess(), title="t")
    assert_escaped(page)
    assert "The estimates do not add up" in " ".join(shown(page).text)


def test_board_labels_prefer_a_figure_s_words_and_fall_back_to_its_short_form() -> None:
    from claimtrack import Figure
    from claimtrack.views._plots import figure_label

    assert figure_label(Figure.parse("about 45"), 26) == "about 45"
    # it was clipped: "over 1,250 square kilomet…"
    assert figure_label(Figure.parse("over 1,250 square kilometres"), 26) == "over 1,250 km²"
