"""The compact edge containers: each behaves as the dict networkx would use."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.graph._edges import BareKeys, SoleVerdict, VerdictView, detached

from ..factories import make_claim

_KEYS = st.sampled_from(["agreement", "relays", "desk", 0, 1])
_ATTRS = st.sampled_from(["kind", "relation", "strength", "reason", "checker", "note"])
_OPS = st.lists(
    st.one_of(
        st.tuples(st.just("set_key"), _KEYS, st.dictionaries(_ATTRS, st.integers(), max_size=3)),
        st.tuples(st.just("del_key"), _KEYS),
        st.tuples(st.just("set_attr"), _KEYS, _ATTRS, st.integers()),
        st.tuples(st.just("del_attr"), _KEYS, _ATTRS),
        st.tuples(st.just("popitem")),
    ),
    max_size=12,
)


def _fresh() -> tuple[SoleVerdict, dict[Any, dict[str, Any]]]:
    keys = SoleVerdict("contradicts", 0.5, "45 and 30 are 33% apart", "agreement")
    first = {"kind": "verdict", "relation": "contradicts", "strength": 0.5}
    first |= {"reason": "45 and 30 are 33% apart", "checker": "agreement"}
    model: dict[Any, dict[str, Any]] = {"agreement": first}
    return keys, model


@given(_OPS)
def test_a_sole_verdict_behaves_as_a_dict_of_dicts(ops: list[tuple[Any, ...]]) -> None:
    keys, model = _fresh()
    for op, *args in ops:
        if op == "set_key":
            key, attrs = args
            keys[key] = dict(attrs)
            model[key] = dict(attrs)
        elif op == "del_key":
            (key,) = args
            assert (key in keys) == (key in model)
            if key in model:
                del keys[key], model[key]
        elif op == "set_attr":
            key, name, value = args
            if key in model:
                keys[key][name] = value
                model[key][name] = value
        elif op == "del_attr":
            key, name = args
            if key in model and name in model[key]:
                del keys[key][name], model[key][name]
        elif model:
            assert keys.popitem() == model.popitem()
        assert list(keys) == list(model) and len(keys) == len(model)
        assert {k: dict(v) for k, v in keys.items()} == model
    copied = pickle.loads(pickle.dumps(keys))
    assert {k: dict(v) for k, v in copied.items()} == model


def test_views_of_one_verdict_share_its_attributes_and_a_copy_does_not() -> None:
    keys, _ = _fresh()
    first, second = keys["agreement"], keys.get("agreement")
    assert isinstance(first, VerdictView) and first == second
    first["note"] = "seen"
    assert second["note"] == "seen"
    keys["desk"] = {"kind": "note"}  # a second key: the first still reads the slots
    assert keys["agreement"]["note"] == "seen" and list(keys) == ["agreement", "desk"]
    kept = detached(keys["agreement"])  # what the graph keeps of an edge it removes
    del keys["agreement"]
    assert kept["note"] == "seen" and list(keys) == ["desk"]


def test_reasons_are_written_when_read_and_equal_the_checkers_own(tmp_path: Path) -> None:
    a = make_claim("45", "Ministry", measure="drones destroyed", place="Russia")
    b = make_claim("30", "Monitor A", measure="drones destroyed", place="Russia")
    c = make_claim("about 44", "Monitor B", measure="drones destroyed", place="Russia")
    part = make_claim("40", "Monitor C", measure="drones destroyed", place="Bryansk")
    g = ct.ClaimGraph([a, b, c, part])
    g.link()
    context = g.context
    for v in g.verdicts():
        assert isinstance(v.reason, str) and v.reason
        if v.checker == "agreement":
            again = ct.checkers.Agreement()(v.a, v.b, context)
            assert again is not None and v.reason == again.reason
        # a verdict made again from its parts is equal to it, its reason written out
        assert v == ct.Verdict(v.relation, v.a, v.b, v.strength, v.reason, v.checker)
    reasons = {v.checker for v in g.verdicts()}
    assert {"agreement", "part_whole"} <= reasons
    # networkx's own readers and writers see the sentences
    for _, _, data in g.graph.edges(data=True):
        if data.get("kind") == "verdict":
            assert isinstance(data["reason"], str)
    ct.dump_graph(g, tmp_path / "graph.graphml")
    assert "apart, beyond the" in (tmp_path / "graph.graphml").read_text()


def test_an_edge_without_attributes_makes_its_dict_only_when_one_is_written() -> None:
    a = make_claim("45", "Ministry", measure="drones destroyed", via=["Outlet"])
    g = ct.ClaimGraph([a])
    src = "source:Ministry"
    keys = g.graph._succ[src][a.id]  # type: ignore[attr-defined]
    assert isinstance(keys, BareKeys) and keys._value is None
    assert dict(g.graph.edges[src, a.id, "asserts"]) == {} and keys._value is None
    assert [d for *_, d in g.graph.edges(data=True)] == [{}, {}]  # reading makes nothing
    assert keys._value is None
    g.graph.add_edge(src, a.id, "asserts", weight=2)  # the networkx way
    g.graph.edges[src, a.id, "asserts"]["note"] = "seen"
    assert g.graph.edges[src, a.id, "asserts"] == {"weight": 2, "note": "seen"}
    g.graph.add_edge(src, a.id, "desk")  # a second key keeps the first's attributes
    assert g.graph.edges[src, a.id, "asserts"] == {"weight": 2, "note": "seen"}
    assert list(g.graph[src][a.id]) == ["asserts", "desk"]
    copied = pickle.loads(pickle.dumps(g.graph))
    assert copied.edges[src, a.id, "asserts"] == {"weight": 2, "note": "seen"}
    g.graph.remove_edge(src, a.id, "desk")
    g.graph.remove_edge(src, a.id, "asserts")
    assert not g.graph.has_edge(src, a.id)
