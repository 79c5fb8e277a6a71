"""ClaimGraph: building, linking only what is new, blocking, questions, custom checkers."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import attrs
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import CheckerError, Claim, ClaimGraph, RegistryError, ValidationError, Verdict
from claimtrack.checkers import _base
from claimtrack.graph import relation_pairs

from ..factories import make_claim, seed_claims, seed_graph
from ..strategies import same_quantity_claims

ROOT = Path(__file__).resolve().parents[2]
DAY = "2024-08-21"


def claim(
    source: str, figure: str, place: str = "Russia", measure: str = "drones destroyed", **kw: object
) -> Claim:
    return make_claim(figure, source, measure=measure, place=place, **kw)


def verdict_set(g: ClaimGraph) -> set[tuple[str, frozenset[str] | tuple[str, str], str]]:
    out = set()
    for v in g.verdicts():
        ends = frozenset((v.a.id, v.b.id)) if v.relation.symmetric else (v.a.id, v.b.id)
        out.add((v.relation.value, ends, v.reason if not v.relation.symmetric else ""))
    return out


def test_the_graph_is_a_networkx_multidigraph() -> None:
    a, b = claim("Ministry", "45", via=("Seed Wire",)), claim("Monitor A", "about 45")
    g = ClaimGraph([a, b])
    g.link()
    assert isinstance(g.graph, nx.MultiDiGraph)
    assert g.graph.nodes[a.id] == {"kind": "claim", "claim": a}
    assert g.graph.nodes["source:Ministry"]["kind"] == "source"
    assert g.graph.has_edge("source:Ministry", a.id, key="asserts")
    assert g.graph.has_edge("source:Seed Wire", a.id, key="carries")
    (u, w, data) = next(
        (u, w, d) for u, w, d in g.graph.edges(data=True) if d.get("kind") == "verdict"
    )
    assert {u, w} == {a.id, b.id}
    assert data["relation"] == "corroborates" and data["checker"] == "agreement"
    # any networkx algorithm runs on it
    assert nx.has_path(g.graph, "source:Ministry", a.id)


def test_verdict_edges_behave_as_dicts_for_networkx_and_users() -> None:
    import copy
    import pickle

    a, b = claim("Ministry", "45"), claim("Monitor A", "30")
    g = ClaimGraph([a, b])
    g.link()
    (u, w, k, data) = next(
        e for e in g.graph.edges(keys=True, data=True) if e[3].get("kind") == "verdict"
    )
    assert k == "agreement" and g.graph.has_edge(u, w, key="agreement")
    assert dict(data) == {
        "kind": "verdict", "relation": "contradicts", "strength": data["strength"],
        "reason": data["reason"], "checker": "agreement",
    }  # fmt: skip
    assert "apart, beyond the" in data["reason"] and 0 < data["strength"] <= 1
    assert data == dict(data) and "relation" in data and "note" not in data
    assert [r for *_, r in g.graph.edges(data="relation", default="-")].count("contradicts") == 1
    # users may annotate, change and remove attributes as on any networkx edge
    data["note"] = "checked by the desk"
    nx.set_edge_attributes(g.graph, {(u, w, k): 0.5}, "strength")
    assert g.verdicts("contradicts")[0].strength == 0.5
    assert g.graph.edges[u, w, k]["note"] == "checked by the desk"
    del data["note"]
    assert "note" not in data and len(data) == 5
    with pytest.raises(KeyError):
        del data["note"]
    # copies are independent, and the graph survives copy, deepcopy and pickle
    twin = copy.copy(data)
    twin["strength"] = 0.1
    assert data["strength"] == 0.5
    for other in (g.graph.copy(), copy.deepcopy(g.graph), pickle.loads(pickle.dumps(g.graph))):
        assert dict(other.edges[u, w, k]) == dict(data)
    # a newer verdict of the same checker on the pair replaces the older
    g.graph.remove_edge(u, w, key=k)
    assert g.verdicts() == []


def test_the_keys_between_two_claims_behave_as_a_dict() -> None:
    a, b = claim("Ministry", "45"), claim("Monitor A", "30")
    g = ClaimGraph([a, b])
    g.link()
    u, w = sorted((a.id, b.id))
    keys = g.graph[u][w]
    assert list(keys) == ["agreement"] and len(keys) == 1 and "agreement" in keys
    # a second edge between the same claims, added the networkx way, then a third
    g.graph.add_edge(u, w, key="desk", kind="note", text="seen")
    k = g.graph.add_edge(u, w)
    assert list(g.graph[u][w]) == ["agreement", "desk", k] and g.graph.number_of_edges(u, w) == 3
    assert g.graph.edges[u, w, "desk"] == {"kind": "note", "text": "seen"}
    g.graph.remove_edge(u, w)  # without a key networkx removes the last one added
    assert list(g.graph[u][w]) == ["agreement", "desk"]
    g.graph.remove_edge(u, w, key="agreement")
    g.graph.remove_edge(u, w, key="desk")
    assert not g.graph.has_edge(u, w) and g.verdicts() == []
    with pytest.raises(nx.NetworkXError):
        g.graph.remove_edge(u, w)
    # networkx's readers see the same edges as on a plain MultiDiGraph
    plain = nx.MultiDiGraph(g.graph)
    assert sorted(plain.edges(keys=True)) == sorted(g.graph.edges(keys=True))
    undirected, reverse = g.graph.to_undirected(), g.graph.reverse()
    assert undirected.number_of_edges() == reverse.number_of_edges() == g.graph.number_of_edges()
    assert sorted(reverse.edges(keys=True)) == sorted(
        (w, u, k) for u, w, k in plain.edges(keys=True)
    )


def test_the_edges_assess_reads_are_found_however_they_are_held() -> None:
    a, b, c = claim("Ministry", "45"), claim("Monitor A", "45"), claim("Monitor B", "46")
    g = ClaimGraph([a, b, c])
    g.link()
    ab, bc, ac = sorted((a.id, b.id)), sorted((b.id, c.id)), sorted((a.id, c.id))
    g.graph.add_edge(*ab, key="desk", kind="verdict", relation="corroborates")  # a second key
    g.graph.add_edge(*bc, key="desk", kind="note")  # beside a verdict, without a relation
    del g.graph.edges[ac[0], ac[1], "agreement"]["relation"]  # a verdict without its relation
    g.graph.add_edge(c.id, a.id, key="desk", relation="relays")  # a plain dict of attributes

    def expected(relation: ct.Relation) -> list[tuple[str, str]]:
        return [
            (u, w)
            for u in g.context.claim_ids()
            for _, w, r in g.graph.out_edges(u, data="relation")
            if r == relation
        ]

    relations = (ct.Relation.CORROBORATES, ct.Relation.RELAYS, ct.Relation.CONTRADICTS)
    found = relation_pairs(g, *relations)
    assert found == {r: expected(r) for r in relations}
    assert found[ct.Relation.CORROBORATES].count(tuple(ab)) == 2
    assert found[ct.Relation.RELAYS] == [(c.id, a.id)]
    assert g.supports() == {x.id: g.independent_support(x) for x in g.claims()}


def test_adding_is_idempotent() -> None:
    a = claim("Ministry", "45")
    g = ClaimGraph()
    assert g.add(a) is True
    assert g.add(claim("Ministry", "forty-five")) is False
    assert g.add_all([a, a, claim("Monitor A", "50")]) == 1
    assert len(g) == 2
    with pytest.raises(ValidationError, match="expected a Claim"):
        g.add("45 drones")  # type: ignore[arg-type]


def test_a_removed_claim_takes_what_was_concluded_from_it() -> None:
    seed = ct.load(ROOT / "seeds" / "seed_report.csv")
    g = ClaimGraph(seed)
    g.link()
    (share,) = [c for c in seed if c.figure.unit == "%" and "intercepted" in c.measure]
    assert any(g.is_derived(c) and share.id in c.derived_from for c in g.claims())
    g.remove(share.id)  # an id does as well as the claim
    assert share not in g
    assert not any(share.id in c.derived_from for c in g.claims())
    fresh = ClaimGraph([c for c in seed if c != share])
    fresh.link()
    assert verdict_set(g) == verdict_set(fresh)
    assert sorted(c.id for c in g.claims()) == sorted(c.id for c in fresh.claims())


def test_removing_a_source_s_last_claim_removes_the_source() -> None:
    a, b = claim("Ministry", "45"), claim("Monitor A", "30", via=("Outlet X",))
    g = ClaimGraph([a, b])
    g.link()
    assert g.verdicts("contradicts")
    assert g.remove_all([b]) == 1
    assert [s.name for s in g.sources()] == ["Ministry"]
    assert g.verdicts() == [] and g.disputes() == []


def test_claims_added_since_the_last_link_still_wait_after_a_removal() -> None:
    a, b, c = claim("Ministry", "45"), claim("Monitor A", "30"), claim("Outlet B", "44")
    g = ClaimGraph([a, b])
    g.link()
    g.add(c)
    g.remove(b)
    assert g.verdicts() == []  # c is not linked yet
    assert g.link().claims == 1
    assert {v.relation.value for v in g.verdicts()} == {"corroborates"}


def test_removing_what_is_not_there_removes_nothing() -> None:
    a, b = claim("Ministry", "45"), claim("Monitor A", "30")
    g = ClaimGraph([a])
    g.link()
    for bad in (b, b.id, "nope", 45):
        with pytest.raises(ValidationError, match="a claim in this graph"):
            g.remove_all([a, bad])  # type: ignore[list-item]
    assert a in g and g.remove_all([]) == 0


def test_a_derived_claim_is_removed_only_with_what_it_came_from() -> None:
    g = ClaimGraph(ct.load(ROOT / "seeds" / "seed_report.csv"))
    g.link()
    derived = next(c for c in g.claims() if g.is_derived(c))
    with pytest.raises(ValidationError, match="not one a checker derived"):
        g.remove(derived)
    assert derived in g


def test_sources_merge_their_metadata() -> None:
    g = ClaimGraph(
        [
            claim("Kyiv", "1"),
            Claim(
                source=ct.Source("Kyiv", side="Ukraine", reliability="B"), measure="m", figure="2"
            ),
        ]
    )
    (kyiv,) = [s for s in g.sources() if s.name == "Kyiv"]
    assert (kyiv.side, kyiv.letter) == ("Ukraine", "B")


def test_linking_again_checks_only_what_is_new() -> None:
    calls: list[tuple[str, str]] = []

    def spy(a: Claim, b: Claim) -> None:
        calls.append((a.figure.format(), b.figure.format()))

    g = ClaimGraph([claim("A", "1"), claim("B", "2")])
    g.checkers.add(spy, "spy")
    first = g.link()
    assert calls == [("1", "2")] or calls == [("2", "1")]
    assert first.claims == 2
    calls.clear()
    assert g.link().claims == 0 and calls == []
    g.add(claim("C", "3"))
    report = g.link()
    assert sorted(sorted(c) for c in calls) == [["1", "3"], ["2", "3"]]
    assert report.claims == 1


def test_candidate_pairs_are_blocked_by_quantity() -> None:
    calls = []
    g = ClaimGraph(checkers=[])
    g.checkers.add(lambda a, b: calls.append(1), "count")
    for q in range(50):
        for s in range(3):
            g.add(claim(f"S{s}", str(q + s), place=f"Place {q}"))
    g.link()
    assert len(calls) == 50 * 3  # 3 pairs in each of 50 quantities, not 150 * 149 / 2


def test_measures_are_aliased_by_the_lexicon() -> None:
    shot, intercepted = (
        claim("A", "11", measure="drones shot down"),
        claim("B", "11", measure="intercepted drones"),
    )
    g = ClaimGraph([shot, intercepted])
    g.link()
    assert g.quantity(shot) == g.quantity(intercepted)
    assert g.corroborating(shot) == [intercepted]
    zapped = claim("C", "11", measure="drones zapped")
    plain = ClaimGraph([shot, zapped])
    assert plain.quantity(zapped) != plain.quantity(shot)
    lex = ct.MeasureLexicon.default().with_synonyms({"destroyed": ["zapped"]})
    custom = ClaimGraph([shot, zapped], measures=lex)
    assert custom.quantity(zapped) == custom.quantity(shot)


def test_questions() -> None:
    ministry, outlet, monitor = (
        claim("Ministry", "45"),
        claim("Outlet B", "about 45"),
        claim("Monitor A", "90"),
    )
    g = ClaimGraph([ministry, outlet, monitor])
    g.link()
    assert g.corroborating(ministry) == [outlet]
    assert g.contradicting(monitor) == [ministry, outlet] or set(g.contradicting(monitor)) == {
        ministry,
        outlet,
    }
    assert len(g.verdicts("contradicts")) == 2 and len(g.verdicts(ct.Relation.CORROBORATES)) == 1
    assert g.independent_support(ministry) == 2 and g.independent_support(monitor) == 1
    (dispute,) = g.disputes()
    assert dispute.quantity.label == "drones destroyed · Russia · 2024-08-21"
    assert [sorted(c.source.name for c in side) for side in dispute.sides] == [
        ["Ministry", "Outlet B"],
        ["Monitor A"],
    ]
    assert len(dispute.contradictions) == 2
    assert "45/about 45 vs 90" in str(dispute)
    with pytest.raises(ValidationError, match="a claim added to this graph"):
        g.corroborating(claim("Nobody", "1"))
    with pytest.raises(ValidationError, match="relation"):
        g.verdicts("agrees")


def test_repr_counts() -> None:
    g = ClaimGraph([claim("A", "45"), claim("B", "90")])
    g.link()
    assert repr(g) == "<ClaimGraph: 2 claims, 2 sources, 1 contradicts>"
    assert "contradicts" in g._repr_html_()


# -- custom checkers ---------------------------------------------------------------


@pytest.fixture
def registry_snapshot():  # type: ignore[no-untyped-def]
    saved = _base.REGISTRY.snapshot()
    yield
    _base.REGISTRY.restore(saved)


@pytest.mark.usefixtures("registry_snapshot")
def test_a_decorated_function_is_a_checker() -> None:
    @ct.checker("adversaries_agree")
    def adversaries_agree(a: Claim, b: Claim) -> Verdict | None:
        sides = {a.source.side, b.source.side}
        if None not in sides and len(sides) == 2 and a.figure.overlaps(b.figure):
            return Verdict("corroborates", a, b, 1.0, "opposing sides agree")
        return None

    assert ct.available_checkers()["adversaries_agree"] is True
    north = Claim(source=ct.Source("N", side="North"), measure="m", figure="10")
    south = Claim(source=ct.Source("S", side="South"), measure="m", figure="10")
    g = ClaimGraph([north, south])
    assert "adversaries_agree" in g.checkers
    g.link()
    mine = [v for v in g.verdicts() if v.checker == "adversaries_agree"]
    assert len(mine) == 1 and mine[0].reason == "opposing sides agree"
    g2 = ClaimGraph([north, south], checkers=["agreement"])
    g2.link()
    assert {v.checker for v in g2.verdicts()} == {"agreement"}


@pytest.mark.usefixtures("registry_snapshot")
def test_a_group_checker_class() -> None:
    @ct.checker("round_numbers", enabled=False)
    class RoundNumbers:
        def check(self, new, context):  # type: ignore[no-untyped-def]
            for c in new:
                for other in context.claims_about(context.quantity(c)):
                    if other.id != c.id and c.figure.value % 10 == 0:
                        yield Verdict(
                            "relays", c, other, 0.2, "round figure, likely rounded from the other"
                        )

    g = ClaimGraph([claim("A", "40"), claim("B", "43")])
    assert "round_numbers" not in g.checkers
    g.checkers.enable("round_numbers")
    g.link()
    assert [v.reason for v in g.verdicts("relays")] == [
        "round figure, likely rounded from the other"
    ]


@pytest.mark.usefixtures("registry_snapshot")
def test_a_claim_a_pair_checker_derives_is_checked_once_in_the_next_round() -> None:
    seen: list[frozenset[str]] = []
    later = claim("Estimator", "12", place="Kursk")

    @ct.checker("estimates")
    def estimates(a: Claim, b: Claim) -> Verdict | None:
        seen.append(frozenset((a.source.name, b.source.name)))
        if a.place == "Russia" and later.id not in {a.id, b.id}:
            return Verdict("derived_from", later, a, 1.0, "estimated from the national count")
        return None

    # Russia's block comes first and derives a Kursk claim; Kursk's block comes next
    g = ClaimGraph(
        [claim("A", "40"), claim("B", "41"), claim("C", "10", place="Kursk"),
         claim("D", "11", place="Kursk")],
        checkers=["estimates"],
    )  # fmt: skip
    report = g.link()
    assert later in g and g.is_derived(later)
    assert seen.count(frozenset(("Estimator", "C"))) == 1
    assert seen.count(frozenset(("Estimator", "D"))) == 1
    assert report.claims == 5 and report.verdicts == {"derived_from": 1}


def test_list_enable_disable_replace() -> None:
    g = ClaimGraph()
    assert g.checkers.names() == [
        "agreement",
        "relays",
        "cumulative",
        "projections",
        "part_whole",
        "derived",
    ]
    g.checkers.disable("part_whole")
    assert "part_whole" not in g.checkers and g.checkers.available()["part_whole"] is False
    g.checkers.enable("part_whole")
    g.checkers.replace("agreement", lambda a, b: None)
    g.add_all([claim("A", "1"), claim("B", "100")])
    g.link()
    assert g.verdicts() == []
    with pytest.raises(
        RegistryError, match="no checker named 'agreemnt'; known: agreement, cumulative"
    ):
        g.checkers.enable("agreemnt")
    with pytest.raises(RegistryError, match="no checker named 'nope'"):
        ClaimGraph(checkers=["nope"])


@pytest.mark.usefixtures("registry_snapshot")
def test_checkers_from_a_package_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ct_plugin.py").write_text(
        textwrap.dedent(
            """
            import claimtrack as ct

            def same_text(a, b):
                if a.text and a.text == b.text:
                    return ct.Verdict("relays", a, b, 1.0, "same sentence")
            """
        )
    )
    dist = tmp_path / "ct_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: ct-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[claimtrack.checkers]\nsame_text = ct_plugin:same_text\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    _base.REGISTRY.restore(_base.REGISTRY.snapshot(), reread_entry_points=True)
    assert ct.available_checkers()["same_text"] is True
    g = ClaimGraph([claim("A", "1", text="x said"), claim("B", "2", text="x said")])
    g.link()
    assert [v.reason for v in g.verdicts("relays")] == ["same sentence"]
    sys.modules.pop("ct_plugin", None)


def test_a_checker_that_raises_is_named() -> None:
    def broken(a: Claim, b: Claim) -> None:
        raise ZeroDivisionError("boom")

    a, b = claim("A", "1"), claim("B", "2")
    g = ClaimGraph([a, b])
    g.checkers.add(broken, "broken")
    with pytest.raises(CheckerError) as info:
        g.link()
    assert info.value.checker == "broken" and set(info.value.claims) == {a.id, b.id}
    assert "ZeroDivisionError: boom" in str(info.value)
    tolerant = ClaimGraph([a, b], on_error="record")
    tolerant.checkers.add(broken, "broken")
    report = tolerant.link()
    assert report.errors == 1 and tolerant.errors[0].checker == "broken"
    assert tolerant.contradicting(a) == [b]  # the other checkers went on


def test_a_checker_returning_junk_is_an_error() -> None:
    g = ClaimGraph([claim("A", "1"), claim("B", "2")], on_error="record")
    g.checkers.add(lambda a, b: "contradicts", "junk")
    g.link()
    assert "Verdicts or None" in str(g.errors[0])


def test_bad_options() -> None:
    with pytest.raises(ValidationError, match="tolerance"):
        ClaimGraph(tolerance=2)
    with pytest.raises(ValidationError, match="on_error"):
        ClaimGraph(on_error="ignore")  # type: ignore[arg-type]


# -- properties --------------------------------------------------------------------


@settings(max_examples=40)
@given(same_quantity_claims(max_size=5), st.randoms())
def test_linking_is_independent_of_insertion_order(claims: list[Claim], rnd) -> None:  # type: ignore[no-untyped-def]
    g1 = ClaimGraph(claims)
    g1.link()
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    g2 = ClaimGraph()
    for c in shuffled:  # one at a time, linking after each
        g2.add(c)
        g2.link()
    assert verdict_set(g1) == verdict_set(g2)


@settings(max_examples=40)
@given(same_quantity_claims(max_size=6))
def test_supports_counts_what_independent_support_counts(claims: list[Claim]) -> None:
    g = ClaimGraph(claims)
    g.link()
    assert g.supports() == {c.id: g.independent_support(c) for c in g.claims()}


@settings(max_examples=40)
@given(same_quantity_claims(max_size=5), st.integers(1, 10_000))
def test_an_unrelated_claim_changes_no_verdict(claims: list[Claim], value: int) -> None:
    g = ClaimGraph(claims)
    g.link()
    before = verdict_set(g)
    g.add(
        Claim(
            source="Elsewhere",
            measure="drones destroyed",
            figure=value,
            place="Ukraine",
            period=DAY,
        )
    )
    g.add(
        Claim(source="Other", measure="tanks destroyed", figure=value, place="Russia", period=DAY)
    )
    g.link()
    assert verdict_set(g) == before


@settings(max_examples=40)
@given(same_quantity_claims(min_size=2, max_size=6), st.data())
def test_removing_claims_is_as_if_they_were_never_added(claims: list[Claim], data) -> None:  # type: ignore[no-untyped-def]
    gone = data.draw(st.lists(st.sampled_from(claims), min_size=1, unique=True))
    g = ClaimGraph(claims)
    g.link()
    assert g.remove_all(gone) == len(gone)
    rest = [c for c in claims if c not in gone]
    fresh = ClaimGraph(rest)
    fresh.link()
    assert verdict_set(g) == verdict_set(fresh)
    assert sorted(c.id for c in g) == sorted(c.id for c in fresh)
    assert sorted(s.name for s in g.sources()) == sorted(s.name for s in fresh.sources())
    assert g.assess().estimates.keys() == fresh.assess().estimates.keys()


# -- the seed story ----------------------------------------------------------------


def test_the_seed_report_and_the_counter_report() -> None:
    g = ClaimGraph(ct.load(ROOT / "seeds" / "seed_report.csv"))
    g.link()
    assert g.verdicts("contradicts") == []
    part_of = {v.reason for v in g.verdicts("part_of")}
    assert any(
        r.startswith("23 Bryansk + ") and "located of 45 for Russia: consistent" in r
        for r in part_of
    )
    derived = {round(c.figure.value) for c in g.claims() if g.is_derived(c)}
    assert derived == {5160, 6000}
    g.add_all(ct.load(ROOT / "seeds" / "counter_report.csv"))
    g.link()
    disputed = {d.quantity.label for d in g.disputes()}
    assert "Russian troops killed or wounded · Pokrovsk · 2024-08-21" in disputed
    assert "drones destroyed · Russia · 2024-08-21" in disputed
    assert "distance from Moscow (length) · Podolsk · any time" in disputed
    assert g.verdicts("relays")
    # Outlet B's June tally and the officials' August figure are two origins: no update
    assert not g.verdicts("supersedes")


def test_the_garbage_collector_is_paused_only_while_building() -> None:
    import gc

    from claimtrack._gc import paused_gc

    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the outer pause decides
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    g = ClaimGraph([claim("A", "1"), claim("B", "2")])
    g.link()
    g.assess()
    assert gc.isenabled()
    try:
        with paused_gc():
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.isenabled()


# -- a checker that raises part-way (issue 18) --------------------------------------------


def _linked_state(g: ClaimGraph) -> tuple[object, ...]:
    """What a linked graph concluded: its claims, verdicts and grades."""
    verdicts = sorted(
        (v.a.id, v.b.id, str(v.relation), v.strength, v.reason, v.checker) for v in g.verdicts()
    )
    assessment = g.assess()
    grades = sorted(
        (c.id, str(assessment.grade(c)), assessment.grade(c).reasons) for c in g.claims()
    )
    return sorted(c.id for c in g.claims()), verdicts, grades


class _RaiseOnCall:
    """A pair checker that raises on its n-th pair."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __call__(self, a: Claim, b: Claim) -> None:
        self.n -= 1
        if self.n == 0:
            raise RuntimeError("bad day")


class _RaiseOnDerived:
    """A group checker that raises when a derived claim comes to be checked (round 2)."""

    def check(self, new: list[Claim], context: object) -> list[Verdict]:
        if any(c.derived_from for c in new):
            raise RuntimeError("bad day")
        return []


class _DeriveThenRaise:
    """A pair checker that derives a claim from the first pair and raises on the third."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, a: Claim, b: Claim) -> Verdict | None:
        self.calls += 1
        if self.calls == 3:
            raise RuntimeError("bad day")
        if self.calls == 1:
            made = attrs.evolve(a, source="Deriver", derived_from=(a.id, b.id))
            return Verdict("derived_from", made, a, 1.0, "made up")
        return None


@pytest.mark.parametrize(
    "failing",
    [lambda: _RaiseOnCall(1), lambda: _RaiseOnCall(7), _RaiseOnDerived, _DeriveThenRaise],
    ids=["first-pair", "part-way", "second-round", "after-deriving"],
)
def test_after_a_failing_checker_is_disabled_link_gives_what_a_fresh_graph_gives(
    failing: Callable[[], object],
) -> None:
    fresh = seed_graph()
    g = ClaimGraph(seed_claims())
    unlinked = sorted(c.id for c in g.claims())
    g.checkers.add(failing(), "failing")  # type: ignore[arg-type]
    with pytest.raises(CheckerError):
        g.link()
    if not isinstance(failing(), _RaiseOnDerived):  # the first round took nothing back
        assert not list(g.verdicts()) and sorted(c.id for c in g.claims()) == unlinked
    g.checkers.disable("failing")
    report = g.link()
    assert report.claims > 0  # the claims of the round that raised waited for this link
    assert _linked_state(g) == _linked_state(fresh)


class _DeriveTooMany:
    """A group checker with a verdict on two old claims; once ``later`` comes, it gives a
    newer verdict on them and derives more claims than one link may add."""

    def __init__(self, claims: list[Claim], later: Claim) -> None:
        self.a, self.b, self.c, self.later = claims[0], claims[1], claims[2], later

    def check(self, new: list[Claim], context: object) -> list[Verdict]:
        if self.later not in new:
            return [Verdict("corroborates", self.a, self.b, 1.0, "first")]
        made = (attrs.evolve(self.later, source=f"D{i}", derived_from=(self.later.id,))
                for i in range(3000))  # fmt: skip
        return [
            Verdict("corroborates", self.a, self.b, 0.5, "second"),  # replaces "first"
            Verdict("corroborates", self.b, self.c, 0.5, "a pair of old claims, new"),
            *(Verdict("derived_from", m, self.later, 1.0, "made up") for m in made),
        ]


def test_a_link_that_fails_recording_group_verdicts_is_taken_back() -> None:
    later = make_claim("47", "Outlet Z", place="Russia", period="2024-08-21")
    claims = seed_claims()
    g = ClaimGraph(claims)
    g.checkers.add(_DeriveTooMany(claims, later), "deriving")  # type: ignore[arg-type]
    g.link()

    def state() -> tuple[list[str], list[tuple[object, ...]]]:
        verdicts = sorted(
            (v.a.id, v.b.id, str(v.relation), v.strength, v.reason, v.checker) for v in g.verdicts()
        )
        return sorted(c.id for c in g.claims()), verdicts

    ids, verdicts = state()
    assert ("first" in [v[4] for v in verdicts]) and g.add(later)
    with pytest.raises(CheckerError, match="derived claims"):
        g.link()  # past the bound while the group verdicts are recorded
    assert state() == (sorted([*ids, later.id]), verdicts)  # "first" is back, "second" gone


def test_add_all_tells_its_progress_for_a_sized_collection() -> None:
    claims = [claim(f"S{i}", str(i)) for i in range(2100)]
    told: list[tuple[int, int]] = []
    g = ClaimGraph()
    assert g.add_all(claims, progress=lambda done, total: told.append((done, total))) == 2100
    assert told == [(1000, 2100), (2000, 2100)]
    told.clear()
    assert ClaimGraph().add_all(iter(claims), progress=lambda *a: told.append(a)) == 2100
    assert told == [(1000, 1000), (2000, 2000)]  # no total known: the bar grows with it
