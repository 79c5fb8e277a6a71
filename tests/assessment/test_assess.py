"""Assessment through the graph: estimates, reliability and grades, with their properties."""

from __future__ import annotations

import math
from functools import partial
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import Claim, ClaimGraph
from claimtrack.assessment.truth._accucopy import AccuCopyPolicy, accucopy

from ..factories import make_claim

ROOT = Path(__file__).resolve().parents[2]
DAY = "2024-08-21"


def killed(source: str | ct.Source, figure: str | float, **kw: object) -> Claim:
    return make_claim(figure, source, measure="troops killed", place="Pokrovsk", **kw)


def only_estimate(a: ct.Assessment) -> ct.Estimate:
    (e,) = a.estimates.values()
    return e


def test_a_small_dispute() -> None:
    claims = [killed("A", "238"), killed("B", "240"), killed("C", "about 235"), killed("D", "900")]
    a = ct.assess(ClaimGraph(claims))
    e = only_estimate(a)
    assert 235 <= e.best <= 240 and e.low <= e.best <= e.high
    assert e.dissent == (claims[3],)
    assert set(e.sources) == {"A", "B", "C"}
    grades = [a.grade(c) for c in claims]
    assert [g.credibility for g in grades] == [1, 1, 1, 5]
    assert "confirmed by 2 other independent sources" in grades[0].reasons[0]
    assert grades[3].label == "improbable"
    assert a.reliability["D"].value < min(a.reliability[s].value for s in "ABC")


def test_the_range_spans_the_credible_figures_and_no_outlier() -> None:
    # two sources of equal standing disagree: either figure is credible, so the range
    # spans both (it was the best figure alone, "30 to 30")
    tie = only_estimate(ct.assess(ClaimGraph([killed("A", "45"), killed("B", "30")])))
    assert (tie.best, tie.low, tie.high) == (30, 30, 45)
    reasons = (
        ct.assess(ClaimGraph([killed("A", "45"), killed("B", "30")]))
        .grade(killed("A", "45"))
        .reasons
    )
    assert reasons[0] == "not the best estimate but within the estimate's range"
    # one side's weight is not split between its near values: 350 stays out of the range
    # of "more than 2,000" and "some 2,100" (it was "350 to inf"); the best is the value a
    # bounded figure states, not the bound of "more than 2,000", and the range's high
    # end too (it was inf)
    sides = [killed("A", "more than 2,000"), killed("B", "some 2,100"), killed("C", "350")]
    e = only_estimate(ct.assess(ClaimGraph(sides)))
    assert e.best == 2100 and (e.low, e.high) == (sides[1].figure.low, sides[1].figure.high)
    # so a figure five times larger is far from the range, not within an endless one
    viral = killed("D", "10,000")
    grade = ct.assess(ClaimGraph([*sides, viral])).grade(viral)
    assert grade.reasons[0].endswith("away from the estimate's range") and grade.credibility >= 4
    # open figures alone keep their open end
    e = only_estimate(ct.assess(ClaimGraph([killed("A", "more than 2,000")])))
    assert (e.low, e.high) == (2000, math.inf)
    # a clear winner: the range is its claims' own words, the outlier stays out
    claims = [killed("A", "238"), killed("B", "240"), killed("C", "about 235"), killed("D", "900")]
    e = only_estimate(ct.assess(ClaimGraph(claims)))
    assert (e.low, e.high) == (claims[2].figure.low, claims[2].figure.high)  # 211.5, 258.5


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(1, 10_000), min_size=1, max_size=6))
def test_the_range_holds_the_best_value_and_lies_within_the_claims(values: list[int]) -> None:
    for method in ("accucopy", "vote", "median", "conservative"):
        e = only_estimate(ct.assess(graph_of(values), method))
        # within the claims, or the graph's 5% tolerance of them (a median between two)
        assert 0.95 * min(values) <= e.low <= e.best <= e.high <= max(values) / 0.95


def test_the_majority_with_units_wins() -> None:
    claims = [
        Claim(
            source="Seed Wire", measure="distance from Moscow", figure="24 miles", place="Podolsk"
        ),
        Claim(source="Outlet B", measure="distance from Moscow", figure="39 km", place="Podolsk"),
        Claim(source="Outlet D", measure="distance from Moscow", figure="60 km", place="Podolsk"),
    ]
    e = only_estimate(ct.assess(ClaimGraph(claims)))
    assert e.unit == "km" and 38 < e.best < 39.5
    assert e.dissent == (claims[2],)


def test_combined_codes_use_the_source_letter() -> None:
    claims = [killed(ct.Source("A", reliability="B"), "238"), killed("B", "240")]
    a = ct.assess(ClaimGraph(claims))
    assert str(a.grade(claims[0])) == "B1" and a.grade(claims[0]).letter == "B"
    assert str(a.grade(claims[1])) == "1"


def test_grades_are_values_that_copy_pickle_and_cannot_change() -> None:
    import copy
    import pickle

    g = ClaimGraph([killed(ct.Source("Kyiv", reliability="B"), "238"), killed("Outlet D", "240")])
    g.link()
    a = g.assess()
    grades = [a.grade(c) for c in g.claims()]
    assert [str(x) for x in grades] == ["B1", "1"]
    for grade in grades:
        for back in (pickle.loads(pickle.dumps(grade)), copy.deepcopy(grade), copy.copy(grade)):
            assert type(back) is ct.Grade and back == grade
            assert (back.credibility, back.letter, back.reasons) == (
                grade.credibility,
                grade.letter,
                grade.reasons,
            )
    with pytest.raises(AttributeError, match="a Grade cannot be changed"):
        grades[0].letter = "F"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="a Grade cannot be changed"):
        del grades[0].reasons
    assert pickle.loads(pickle.dumps(a)).grade(g.claims()[0]) == "B1"


def test_a_lone_claim_cannot_be_judged_and_is_its_own_estimate() -> None:
    claim = killed("Kyiv", "over 40")
    a = ct.assess(ClaimGraph([claim]))
    e = only_estimate(a)
    assert (e.best, e.low, e.high) == (40, 40, math.inf)
    assert e.figure.high is None
    assert a.grade(claim).credibility == 6


def _leader_and_copy(items: int = 60) -> list[Claim]:
    """Three honest sources, a leader wrong on every third quantity, and its copy."""
    import random

    rng = random.Random(0)
    claims = []
    for i in range(items):
        truth = 1000 + 10 * i
        leader = truth + rng.choice([-150, 150]) if i % 3 == 0 else truth
        figures = {
            f"h{h}": truth if rng.random() > 0.3 else truth + rng.randint(1, 60) for h in range(3)
        }
        figures |= {"leader": leader, "copy0": leader}
        claims += [
            Claim(source=s, measure=f"m{i}", figure=v, place="Pokrovsk", period=DAY)
            for s, v in figures.items()
        ]
    return claims


def test_a_copy_found_by_the_method_does_not_confirm() -> None:
    # Only the leader's copy repeats this figure. The graph sees two sources agreeing;
    # the method has found that one copies the other, so nothing confirms it.
    lone = [
        Claim(source=s, measure="lone", figure=500, place="Pokrovsk", period=DAY)
        for s in ("leader", "copy0")
    ]
    a = ct.assess(ClaimGraph(_leader_and_copy() + lone))
    assert a.dependence[("copy0", "leader")] > 0.5
    grade = a.grade(lone[0])
    assert grade.credibility == 2
    assert grade.reasons[0] == "agrees with the estimate but is not confirmed independently"
    # Without the history that gives the copying away, they are two sources that agree.
    alone = ct.assess(ClaimGraph(lone)).grade(lone[0])
    assert (alone.credibility, alone.reasons[0]) == (1, "confirmed by 1 other independent source")
    # Where honest sources agree too, the copy counts for the part of it that is not one.
    agreed = [c for c in _leader_and_copy() if c.source.name == "leader" and c.measure == "m1"]
    whole = ct.assess(ClaimGraph(_leader_and_copy()))
    assert whole.grade(agreed[0]).reasons[0] == "confirmed by 3.2 other independent sources"
    # and the sources' reliability shows the copying it found, in the report too
    assert whole.reliability["leader"].copies == (("copy0", 0.8),)
    assert "copy0 (0.80)" in whole._repr_html_()
    frame = ct.to_pandas(whole.reliability).set_index("source")
    assert frame.loc["leader", "copies"] == "copy0" and frame.loc["h0", "copies"] == ""
    assert frame["weak_copies"].ge(0).all()


def test_a_source_taken_for_a_copy_of_weak_company_does_not_confirm_it() -> None:
    # A bot repeats editors caught out elsewhere (and loses to R there): the method takes
    # its figures shared only with such editors for copies of theirs. Where such a pair
    # wins against a worse source, the bot's agreement does not confirm the editor.
    def said(source: str, measure: str, value: int) -> Claim:
        return Claim(source=source, measure=measure, figure=value, place="Pokrovsk", period=DAY)

    goods = [f"G{i}" for i in range(4)]
    claims = []
    for k in range(40):
        claims += [said(s, f"agree{k}", 100 + k) for s in ("Bot", "R", goods[k % 4])]
    for j in range(12):
        claims += [said(f"J{j}", f"caught{j}", 999), said(goods[j % 4], f"caught{j}", 50 + j)]
        claims += [said("Bot", f"carried{j}", 7000 + j), said(f"J{j}", f"carried{j}", 7000 + j)]
        claims.append(said("R", f"carried{j}", 5000 + j))
    for t in range(3):  # D is caught out more often than J
        claims += [said("D", f"bad{t}", 1), *(said(g, f"bad{t}", 2000) for g in goods[t : t + 2])]
    won = [said("Bot", "won", 300), said("J0", "won", 300), said("D", "won", 900)]
    graph = ClaimGraph(claims + won)
    a = ct.assess(graph)
    assert only_estimate_of(a, "won").best == 300
    assert a.reliability["Bot"].weak_copies > 0
    grade = a.grade(won[1])
    assert (grade.credibility, grade.reasons[0]) == (
        2,
        "agrees with the estimate but is not confirmed independently",
    )
    plain = partial(accucopy, policy=AccuCopyPolicy(company=False))
    before = ct.assess(graph, method=plain).grade(won[1])
    assert before.reasons[0] == "confirmed by 1 other independent source"


def only_estimate_of(a: ct.Assessment, measure: str) -> ct.Estimate:
    (e,) = [e for q, e in a.estimates.items() if q.measure == measure]
    return e


def test_denials_and_strangers_are_graded_six() -> None:
    claim, denial = killed("Kyiv", "238"), killed("Moscow", "238", stance="denies")
    a = ct.assess(ClaimGraph([claim, denial]))
    assert a.grade(denial).credibility == 6 and "denial" in a.grade(denial).reasons[0]
    with pytest.raises(ct.ValidationError, match="a claim of the assessed graph"):
        a.grade(killed("Nobody", "1"))


def test_methods_are_selectable_and_pluggable() -> None:
    claims = [killed("A", "100"), killed("B", "200"), killed("C", "210")]
    g = ClaimGraph(claims)
    assert {"accucopy", "crh", "weighted_median", "conservative"} <= set(ct.assessment_methods())
    assert only_estimate(g.assess("conservative")).best == 100
    assert only_estimate(ct.assess(g, "weighted_median")).best == 200
    with pytest.raises(ct.RegistryError, match="accucopy"):
        ct.assess(g, "nonsense")


def test_a_method_reporting_an_impossible_reliability_is_refused() -> None:
    def overconfident(items: Any, priors: Any) -> Any:
        estimates, reliability, dependence = ct.assessment.truth.get_method("vote")(items, priors)
        wrong = {s: attrs.evolve(r, value=1.5) for s, r in reliability.items()}
        return estimates, wrong, dependence

    g = ClaimGraph([killed("A", "100"), killed("B", "200")])
    with pytest.raises(ct.ValidationError, match=r"reliability: got 1\.5"):
        ct.assess(g, overconfident)


def test_the_seed_report_and_counter_report() -> None:
    g = ClaimGraph(ct.load(ROOT / "seeds" / "seed_report.csv"))
    g.add_all(ct.load(ROOT / "seeds" / "counter_report.csv"))
    a = g.assess()
    by_label = {q.label: e for q, e in a.estimates.items()}
    assert by_label["drones destroyed · Russia · 2024-08-21"].best == 45
    assert by_label["drones destroyed · Bryansk · 2024-08-21"].best == 23
    assert by_label["Russian troops killed or wounded · Pokrovsk · 2024-08-21"].best == 238
    derived = [c for c in g.claims() if g.is_derived(c) and c.figure.value == pytest.approx(5160)]
    assert a.grade(derived[0]).credibility == 1  # confirmed by Monitor A's own tally
    assert set(a.reliability) >= {"Russian defence ministry", "Kyiv", "Monitor A", "Outlet D"}
    assert "drones destroyed" in str(a) and "Assessment" in repr(a)


# -- properties --------------------------------------------------------------------

figures = st.lists(st.integers(1, 10_000), min_size=1, max_size=6)


def graph_of(values: list[int], scale: float = 1.0, order: list[int] | None = None) -> ClaimGraph:
    claims = [killed(f"S{i}", v * scale) for i, v in enumerate(values)]
    if order is not None:
        claims = [claims[i] for i in order]
    return ClaimGraph(claims)


@settings(max_examples=60, deadline=None)
@given(figures, st.randoms())
def test_the_estimate_does_not_depend_on_order(values: list[int], rnd) -> None:  # type: ignore[no-untyped-def]
    order = list(range(len(values)))
    rnd.shuffle(order)
    a, b = (
        only_estimate(ct.assess(graph_of(values))),
        only_estimate(ct.assess(graph_of(values, order=order))),
    )
    assert (a.best, a.low, a.high) == pytest.approx((b.best, b.low, b.high))


@settings(max_examples=60, deadline=None)
@given(figures, st.sampled_from([0.5, 3, 1000]))
def test_scaling_every_figure_scales_the_estimate(values: list[int], k: float) -> None:
    a, b = only_estimate(ct.assess(graph_of(values))), only_estimate(ct.assess(graph_of(values, k)))
    assert b.best == pytest.approx(a.best * k, rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(figures)
def test_the_best_value_lies_within_the_claims(values: list[int]) -> None:
    e = only_estimate(ct.assess(graph_of(values)))
    assert min(values) <= e.best <= max(values)


@given(st.integers(1, 10_000))
def test_a_single_claim_is_its_own_estimate(value: int) -> None:
    e = only_estimate(ct.assess(graph_of([value])))
    assert (e.best, e.low, e.high) == (value, value, value)


@settings(max_examples=40, deadline=None)
@given(figures, st.data())
def test_a_relay_changes_nothing(values: list[int], data: st.DataObject) -> None:
    g = graph_of(values)
    before = only_estimate(ct.assess(g))
    original = data.draw(st.sampled_from(g.claims()))
    g.add(Claim(**{**original.to_fields(), "via": ("Relay outlet",)}))
    after = only_estimate(ct.assess(g))
    assert (after.best, after.low, after.high) == (before.best, before.low, before.high)


@settings(max_examples=40, deadline=None)
@given(figures, st.data())
def test_raising_a_prior_never_moves_the_estimate_away(
    values: list[int], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(values) - 1))
    low, high = sorted(data.draw(st.lists(st.floats(0, 1), min_size=2, max_size=2)))

    def estimate(prior: float) -> float:
        claims = [
            killed(ct.Source(f"S{j}", reliability=prior if j == i else None), v)
            for j, v in enumerate(values)
        ]
        return only_estimate(ct.assess(ClaimGraph(claims))).best

    assert abs(estimate(high) - values[i]) <= abs(estimate(low) - values[i]) + 1e-9


def zembla() -> tuple[ct.Gazetteer, list[Claim]]:
    places = ct.Gazetteer.default()
    places.add("Zembla")
    places.add("Northvale", within="Zembla")
    places.add("Southmarsh", within="Zembla")
    day = dict(measure="houses flooded", period="2031-03-14")
    return places, [
        Claim(source="Ministry", figure="about 1,200", place="Zembla", **day),  # type: ignore[arg-type]
        Claim(source="Lantern", figure="roughly 1,200", place="Zembla", **day),  # type: ignore[arg-type]
        Claim(source="Ministry", figure="800", place="Northvale", **day),  # type: ignore[arg-type]
        Claim(source="Rebels", figure="more than 2,000", place="Southmarsh", **day),  # type: ignore[arg-type]
        Claim(source="Wire", figure="some 2,100", place="Southmarsh", **day),  # type: ignore[arg-type]
        # a one-off against two, so that the count decides (the Ministry, corroborated
        # elsewhere, may outweigh two sources without a record)
        Claim(source="Governor", figure="350", place="Southmarsh", **day),  # type: ignore[arg-type]
    ]


def test_estimates_that_do_not_add_up_are_named() -> None:
    places, claims = zembla()
    a = ct.assess(ClaimGraph(claims, places=places))
    (conflict,) = a.inconsistencies()  # one a whole, however its parts are ordered
    assert conflict.relation.value == "contradicts" and conflict.b.place == "Zembla"
    assert "2,690" in conflict.reason and "1,200 (1,080 to 1,320)" in conflict.reason
    # every estimate is well backed; it is their sum that fails
    assert all(e.sources for e in a.estimates.values())
    again = a.inconsistencies()  # found once, and each caller gets its own list
    assert again == [conflict] and again is not a.inconsistencies()
    seeds = ClaimGraph(ct.load(ROOT / "seeds" / "seed_report.csv"))
    assert seeds.assess().inconsistencies() == []


def test_claims_behind_estimates_that_do_not_add_up_are_at_best_possibly_true() -> None:
    places, claims = zembla()
    graph = ClaimGraph(claims, places=places)
    a = ct.assess(graph)
    by = {(c.source.name, c.place, str(c.figure)): a.grade(c) for c in claims}
    # the Zembla total is confirmed by two origins, yet its parts' estimates exceed it
    whole = by[("Ministry", "Zembla", "about 1,200")]
    assert whole.credibility == 3 and "parts of Zembla exceed" in whole.reasons[0]
    assert "confirmed by 1 other independent source" in whole.reasons  # the reasons it had
    part = by[("Rebels", "Southmarsh", "more than 2,000")]
    assert part.credibility == 3 and part.reasons[0].startswith("this is a part of Zembla")
    # a dissenting claim keeps its grade: it did not back the failing estimate
    dissent = by[("Governor", "Southmarsh", "350")]
    assert not any("exceed" in reason for reason in dissent.reasons)
    assert a.grades() == {c.id: a.grade(c) for c in claims}
    # without the parts that overflow it, the total is confirmed again
    kept = [c for c in claims if c.place != "Southmarsh"]
    again = ct.assess(ClaimGraph(kept, places=places))
    assert again.grade(kept[0]).credibility == 1 and not again.inconsistencies()


def test_an_exact_best_is_as_confirmed_as_the_hedged_figure_corroborating_it() -> None:
    # 337 is the best; "about 300" corroborates it (2% apart), "over 500" disputes both.
    # The exact figure's narrow interval holds less of the estimate's probability than
    # the hedged one's, yet it is the estimate: it is confirmed as much as "about 300".
    exact, hedged, far = killed("A", "337"), killed("B", "about 300"), killed("C", "over 500")
    a = ct.assess(ClaimGraph([exact, hedged, far]))
    assert a.estimates[a.graph.quantity(exact)].best == 337
    assert a.grade(exact).credibility == a.grade(hedged).credibility == 1
    assert a.grade(exact).reasons[0] == "confirmed by 1 other independent source"
