"""The questions over a linked graph: disputes and their sides."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack as ct
from tests.strategies import desk_claims

NIGHT = {"measure": "drones destroyed", "period": "2024-08-21"}


def seed_night() -> ct.ClaimGraph:
    g = ct.ClaimGraph(
        [
            ct.Claim(source="Ministry", figure="45", place="Russia", **NIGHT),
            ct.Claim(source="Ministry", figure="23", place="Bryansk", **NIGHT),
            ct.Claim(source="Ministry", figure="six", place="Belgorod", **NIGHT),
            ct.Claim(source="Monitor A", figure="44", place="Bryansk", **NIGHT),
            ct.Claim(source="Outlet B", figure="about 45", place="Russia", **NIGHT),
        ]
    )
    g.link()
    return g


def test_a_part_that_adds_up_to_more_is_named_apart_not_as_a_side() -> None:
    g = seed_night()
    national = next(d for d in g.disputes() if "Russia" in d.quantity.label)
    assert [sorted(c.figure.format() for c in side) for side in national.sides] == [
        ["45", "about 45"]
    ]
    assert [(c.figure.format(), c.place) for c in national.parts] == [("44", "Bryansk")]
    assert str(national).endswith("; parts adding up to more: 44 (Bryansk)")
    assert "Parts adding up to more" in national._repr_html_()
    bryansk = next(d for d in g.disputes() if "Bryansk" in d.quantity.label)
    assert bryansk.parts == () and len(bryansk.sides) == 2


@settings(max_examples=40, deadline=None)
@given(st.lists(desk_claims(), min_size=2, max_size=14))
def test_every_side_holds_claims_of_its_own_quantity_only(claims: list[ct.Claim]) -> None:
    g = ct.ClaimGraph(claims)
    g.link()
    for d in g.disputes():
        assert all(g.quantity(c) == d.quantity for side in d.sides for c in side)
        assert all(g.quantity(c) != d.quantity for c in d.parts)
        # every claim of a contradiction is on a side or among the parts
        named = {c.id for side in d.sides for c in side} | {c.id for c in d.parts}
        assert all(v.a.id in named and v.b.id in named for v in d.contradictions)
