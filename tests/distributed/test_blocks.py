"""Block keys: linking each partition of blocks alone gives, verdict for verdict, what one
graph holding every claim gives, however the claims arrive and are spread.

These run the planning and linking steps in this process, without a cluster, so that
hypothesis can try many corpora; ``test_cluster.py`` runs the same steps on Dask.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import Claim, ClaimGraph, assess
from claimtrack.distributed import plan_blocks
from claimtrack.distributed._blocks import (
    _assess_partition,
    _link_partition,
    _Linking,
    _split,
    _survey,
)
from claimtrack.io import rows

from ..factories import make_claim
from ..strategies import corpus_claims


def _chunks(claims: list[Claim], n: int) -> list[list[Claim]]:
    size = -(-len(claims) // n)
    return [claims[i : i + size] for i in range(0, len(claims), size)]


def canonical(records: Iterable[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    """Rows as a multiset of hashable tuples, NaN (which equals nothing) as None and
    without the component a row was assessed in."""
    return Counter(
        tuple(
            sorted(
                (k, None if isinstance(v, float) and math.isnan(v) else v)
                for k, v in r.items()
                if k != "component"
            )
        )
        for r in records
    )


def _records(frames: list[Any]) -> Counter[tuple[Any, ...]]:
    return canonical(r for f in frames for r in f.to_dict("records"))


def _linked_by_blocks(claims: list[Claim], senders: int, partitions: int, by: Any) -> Any:
    linking = _Linking()
    parts = _chunks(claims, senders)
    plan = plan_blocks([_survey(p, linking, by != "block") for p in parts], by, partitions)
    splits = [_split(p, plan, linking) for p in parts]
    return plan, [[s[j] for s in splits] for j in range(plan.npartitions)], linking


@settings(max_examples=40)
@given(corpus_claims(), st.integers(1, 4), st.integers(1, 6))
def test_linking_block_by_block_gives_the_verdicts_of_one_graph(
    claims: list[Claim], senders: int, partitions: int
) -> None:
    plan, received, linking = _linked_by_blocks(claims, senders, partitions, "block")
    got = _records([_link_partition(r, plan, linking) for r in received])
    graph = ClaimGraph(claims)
    graph.link()
    assert got == canonical(rows(graph.verdicts()))
    assert plan.npartitions <= partitions
    assert sum(plan.sizes) == len(claims)


@settings(max_examples=20)
@given(corpus_claims(), st.integers(1, 3), st.integers(1, 4))
def test_components_assessed_alone_give_the_estimates_and_grades_of_one_assessment(
    claims: list[Claim], senders: int, partitions: int
) -> None:
    """With a method that judges each quantity and each source on its own record."""
    plan, received, linking = _linked_by_blocks(claims, senders, partitions, "component")
    tables = [_assess_partition(r, plan, linking, "median") for r in received]
    single = assess(ClaimGraph(claims), "median")
    assert _records([t[1] for t in tables]) == canonical(rows(single.estimates))
    grades = {r["id"]: r["grade"] for t in tables for r in t[3].to_dict("records")}
    assert grades == {cid: str(g) for cid, g in single.grades().items()}
    assert _records([t[2] for t in tables]) == canonical(rows(single.reliability))


def test_a_share_and_its_total_share_a_block_though_their_measures_differ() -> None:
    share = make_claim("43%", measure="intercepted", share_of="missiles and drones fired")
    total = make_claim("12000", "B", measure="missiles and drones fired")
    direct = make_claim("5100", "C", measure="intercepted")
    plan, received, linking = _linked_by_blocks([share, total, direct], 3, 3, "block")
    assert plan.npartitions == 1  # one block: the three meet through the derived claim
    (frame,) = [_link_partition(r, plan, linking) for r in received]
    assert set(frame.relation) == {"derived_from", "corroborates"}


def test_parts_and_their_whole_share_a_block_and_other_countries_do_not() -> None:
    whole = make_claim("45", place="Russia")
    part = make_claim("23", place="Bryansk")
    town = make_claim("5", place="Podolsk")
    elsewhere = make_claim("30", place="Ukraine")
    plan, received, linking = _linked_by_blocks([whole, part, town, elsewhere], 2, 4, "block")
    assert plan.groups == 2 and plan.npartitions == 2
    frames = [_link_partition(r, plan, linking) for r in received]
    assert sorted(len(f) for f in frames) == [0, 2]  # Bryansk and Podolsk part of Russia


def test_sources_join_blocks_into_components_through_aliases_and_spokesmen() -> None:
    claims = [
        make_claim("45", make_claim().source.__class__("Ministry", aliases=("MoD",))),
        make_claim("30", "MoD", place="Ukraine"),
        make_claim("12", "Monitor", place="Israel"),
    ]
    plan, _, _ = _linked_by_blocks(claims, 2, 3, "component")
    assert plan.groups == 2  # Russia and Ukraine through the alias; Israel apart
    assert plan.aliases["mod"] == "Ministry"
