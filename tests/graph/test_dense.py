"""Quantities of very many claims: their verdicts across origins held as the claims.

The property: with every quantity made dense (a threshold of two), a graph gives the
very verdicts, supports, disputes, exports and assessment that storing every pair
gives, batch after batch.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import claimtrack as ct
from claimtrack.graph import _graph, count_verdicts, relation_pairs, verdict_rows

from ..strategies import desk_batches

_RELATIONS = tuple(ct.Relation)


def _verdicts(g: ct.ClaimGraph) -> list[tuple[Any, ...]]:
    return sorted(
        (v.a.id, v.b.id, v.relation.value, v.strength, v.reason, v.checker) for v in g.verdicts()
    )


def _answers(g: ct.ClaimGraph) -> dict[str, Any]:
    assessment = g.assess()
    claims = sorted(g.claims(), key=lambda c: c.id)
    return {
        "verdicts": _verdicts(g),
        "count": count_verdicts(g),
        "rows": sorted(verdict_rows(g)),
        "pairs": {r: sorted(p) for r, p in relation_pairs(g, *_RELATIONS).items()},
        "supports": g.supports(),
        "disputes": sorted(
            (str(d), sorted(v.reason for v in d.contradictions)) for d in g.disputes()
        ),
        "around": [
            (
                sorted(c.id for c in g.corroborating(claim)),
                sorted(c.id for c in g.contradicting(claim)),
                sorted((v.a.id, v.b.id, v.checker) for v in g.verdicts(claim=claim)),
            )
            for claim in claims
        ],
        "grades": {c.id: str(assessment.grade(c)) for c in claims},
        "estimates": sorted(
            (e.quantity.label, e.best, e.low, e.high) for e in assessment.estimates.values()
        ),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches=desk_batches)
def test_a_dense_quantity_answers_as_storing_every_pair_does(
    batches: list[list[ct.Claim]],
) -> None:
    plain, dense = ct.ClaimGraph(), ct.ClaimGraph()
    with pytest.MonkeyPatch.context() as patch:
        for batch in batches:
            plain.add_all(batch)
            plain.link(progress=False)
            patch.setattr(_graph, "DENSE", 2)
            dense.add_all(batch)
            dense.link(progress=False)
            assert _answers(dense) == _answers(plain)
            patch.setattr(_graph, "DENSE", 1000)


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> int:
    """A threshold of 30 claims, so that the tests stay small."""
    monkeypatch.setattr(_graph, "DENSE", 30)
    return 30


def _one_quantity(n: int, start: int = 100) -> list[ct.Claim]:
    return [ct.Claim(source=f"S{i}", measure="m", figure=str(i)) for i in range(start, start + n)]


def test_linking_a_dense_quantity_stores_no_verdict_across_origins(small: int) -> None:
    claims = _one_quantity(small + 11)
    g = ct.ClaimGraph(claims)
    g.link(progress=False)
    assert g.graph.number_of_edges() == len(claims)  # each source asserts its claim
    assert "1 dense quantities" in repr(g)
    # and still knows them, when asked
    middle = claims[20]  # 120 agrees with 114 to 126
    assert {c.figure.value for c in g.corroborating(middle)} == set(range(114, 127)) - {120}
    assert len(g.contradicting(middle)) == len(claims) - 1 - 12
    assert g.supports()[middle.id] == 13


def test_a_quantity_becoming_dense_hands_its_stored_verdicts_to_the_block(small: int) -> None:
    first, later = _one_quantity(20), _one_quantity(20, start=120)
    g = ct.ClaimGraph(first)
    g.link(progress=False)
    before = _verdicts(g)
    assert before  # stored as edges while the quantity was small
    g.add_all(later)
    g.link(progress=False)
    assert g.graph.number_of_edges() == 40
    whole = ct.ClaimGraph([*first, *later])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_graph, "DENSE", 10**9)  # every pair stored, the old way
        whole.link(progress=False)
    assert _verdicts(g) == _verdicts(whole)


def test_one_origins_claims_in_a_dense_quantity_are_linked_as_edges(small: int) -> None:
    claims = _one_quantity(small + 1)
    echo = ct.Claim(source="S107", measure="m", figure="107", via=("Outlet X",))
    g = ct.ClaimGraph([*claims, echo])
    g.link(progress=False)
    relays = g.verdicts(ct.Relation.RELAYS)
    assert [(v.a.id, v.b.id) for v in relays] == [(echo.id, claims[7].id)]
    assert g.graph.has_edge(echo.id, claims[7].id)  # stored, not held


@pytest.mark.parametrize("suffix", [".json", ".graphml"])
def test_a_dense_quantitys_verdicts_are_exported_and_read_back(
    small: int, tmp_path: Any, suffix: str
) -> None:
    g = ct.ClaimGraph(_one_quantity(small + 1))
    g.link(progress=False)
    path = tmp_path / ("dense" + suffix)
    ct.dump_graph(g, path)
    back = ct.load_graph(path)
    assert _verdicts(back) == _verdicts(g)
    assert count_verdicts(back) == count_verdicts(g) == len(g) * (len(g) - 1) // 2


def test_a_raising_checker_on_a_dense_quantity_raises_when_its_pair_is_asked(small: int) -> None:
    def fussy(a: ct.Claim, b: ct.Claim) -> None:
        raise RuntimeError("no")

    g = ct.ClaimGraph(_one_quantity(small + 1), checkers=[])
    g.checkers.add(fussy, name="fussy")
    g.link(progress=False)  # no pair within one origin: nothing checked yet
    with pytest.raises(ct.CheckerError, match="fussy"):
        g.verdicts()


def test_removing_claims_from_a_dense_quantity_relinks_what_stays(small: int) -> None:
    claims = _one_quantity(small + 11)
    g = ct.ClaimGraph(claims)
    g.link(progress=False)
    g.remove_all(claims[:10])
    assert {c.figure.value for c in g.corroborating(claims[20])} == set(range(114, 127)) - {120}
    # 111 agrees with 106 to 116, and 100 to 109 are gone
    assert {c.figure.value for c in g.contradicting(claims[11])} == set(range(117, 141))


def test_a_dense_quantitys_verdicts_are_made_again_once_it_changes(small: int) -> None:
    claims = _one_quantity(small + 1)
    g = ct.ClaimGraph(claims)
    g.link(progress=False)
    first = count_verdicts(g)
    assert count_verdicts(g) == first == len(claims) * (len(claims) - 1) // 2
    g.add(ct.Claim(source="Late", measure="m", figure="120"))
    g.link(progress=False)
    assert count_verdicts(g) == first + len(claims)
    g.remove_all(claims[:1])
    assert count_verdicts(g) == first
