"""The built-in checkers on the seed report's figures, and properties of agreement."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import Claim, ClaimGraph, Figure, Relation
from claimtrack.checkers import Agreement

from ..factories import make_claim
from ..strategies import bounded_figures, same_quantity_claims

MOD = "Russian defence ministry"
DAY = "2024-08-21"


def drones(figure: str, place: str, source: str = MOD, **kw: object) -> Claim:
    return make_claim(figure, source, place=place, **kw)


def distance(figure: str, source: str) -> Claim:
    return make_claim(figure, source, measure="distance from Moscow", place="Podolsk", period=None)


def relations(g: ClaimGraph, checker: str | None = None) -> set[tuple[str, str, str]]:
    return {
        (v.relation.value, v.a.figure.format(), v.b.figure.format())
        for v in g.verdicts()
        if checker is None or v.checker == checker
    }


def linked(*claims: Claim, **options: object) -> ClaimGraph:
    g = ClaimGraph(claims, **options)  # type: ignore[arg-type]
    g.link()
    return g


# -- agreement ---------------------------------------------------------------------


def test_units_convert_before_comparing() -> None:
    miles, near, far = (
        distance("24 miles", "Seed Wire"),
        distance("39 km", "Outlet B"),
        distance("60 km", "Outlet D"),
    )
    g = linked(miles, near, far)
    assert g.corroborating(miles) == [near]
    assert set(g.contradicting(far)) == {miles, near}
    (v,) = [v for v in g.verdicts("contradicts") if v.involves(miles)]
    assert "24 miles" in v.reason and "60 km" in v.reason and "beyond the 5% tolerance" in v.reason


def test_rounding_tolerance_is_configurable() -> None:
    about, exact = drones("about 12,000", "Ukraine", "A"), drones("11,800", "Ukraine", "B")
    assert linked(about, exact).corroborating(about) == [exact]
    a, b = drones("238", "Pokrovsk", "A"), drones("240", "Pokrovsk", "B")
    assert linked(a, b).corroborating(a) == [b]
    assert linked(a, b, tolerance=0.0).contradicting(a) == [b]
    strict = ClaimGraph([a, b])
    strict.checkers.replace("agreement", Agreement(tolerance=0.001))
    strict.link()
    assert strict.contradicting(a) == [b]


def test_strength_grows_with_overlap_and_gap() -> None:
    base = drones("100", "Russia", "A")
    g = linked(
        base,
        drones("100", "Russia", "B"),
        drones("103", "Russia", "C"),
        drones("120", "Russia", "D"),
        drones("300", "Russia", "E"),
    )
    by_figure = {v.other(base).figure.value: v for v in g.verdicts(claim=base)}
    assert by_figure[100].strength == 1.0
    assert 0.5 < by_figure[103].strength < 1.0
    assert by_figure[120].relation == by_figure[300].relation == Relation.CONTRADICTS
    assert by_figure[120].strength < by_figure[300].strength


def test_incomparable_units_give_no_verdict() -> None:
    g = linked(drones("43%", "Russia", "A"), drones("45", "Russia", "B"))
    assert g.verdicts() == []


def test_a_source_never_corroborates_itself_but_may_contradict_itself() -> None:
    first, again = drones("45", "Russia"), drones("about 45", "Russia", text="repeated")
    g = linked(first, again)
    assert g.corroborating(first) == []
    assert g.independent_support(first) == 1
    changed = drones("60", "Russia", text="the ministry later said 60")
    assert linked(first, changed).contradicting(first) == [changed]


def test_a_denial_contradicts_the_figure_it_denies() -> None:
    claim = drones("45", "Russia", "Outlet B")
    denial = drones("45", "Russia", "Russian army", stance="denies")
    g = linked(claim, denial)
    (v,) = g.verdicts("contradicts")
    assert "Russian army denies" in v.reason


@given(bounded_figures(), bounded_figures())
def test_agreement_is_symmetric(fa: Figure, fb: Figure) -> None:
    a = Claim(source="A", measure="m", figure=fa)
    b = Claim(source="B", measure="m", figure=fb)
    ab, ba = linked(a, b).verdicts(), linked(b, a).verdicts()
    assert [(v.relation, v.strength) for v in ab] == [(v.relation, v.strength) for v in ba]
    check = Agreement(tolerance=0.05)
    g = ClaimGraph()
    forward, backward = check(a, b, g.context), check(b, a, g.context)
    assert (forward is None) == (backward is None)
    if forward is not None and backward is not None:
        assert forward.relation == backward.relation
        assert forward.strength == pytest.approx(backward.strength)


@given(bounded_figures(), bounded_figures(), st.floats(0, 2))
def test_widening_never_turns_corroboration_into_contradiction(
    fa: Figure, fb: Figure, extra: float
) -> None:
    a = Claim(source="A", measure="m", figure=fa)
    b = Claim(source="B", measure="m", figure=fb)
    wide = Figure(
        fa.value, (fa.low or 0) * (1 - extra / 3), (fa.high or 0) * (1 + extra), hedge="interval"
    )
    before = linked(a, b).verdicts()
    after = linked(Claim(source="A", measure="m", figure=wide), b).verdicts()
    if before and before[0].relation == Relation.CORROBORATES:
        assert after and after[0].relation == Relation.CORROBORATES


# -- part and whole ----------------------------------------------------------------

PARTS = [
    drones("23", "Bryansk"),
    drones("six", "Belgorod"),
    drones("two", "Kursk"),
    drones("11", "Moscow"),
]


def test_a_part_bounded_only_above_locates_nothing_of_the_whole() -> None:
    whole = drones("45", "Russia")
    capped, counted = drones("up to 30", "Bryansk"), drones("11", "Moscow")
    g = linked(whole, capped, counted)
    assert {v.a.id for v in g.verdicts("part_of")} == {counted.id}
    assert g.contradicting(whole) == []


def test_the_ministry_parts_fit_within_its_whole() -> None:
    whole = drones("45", "Russia")
    g = linked(whole, *PARTS)
    assert g.contradicting(whole) == []
    part_of = g.verdicts("part_of")
    assert {v.a.place for v in part_of} == {"Bryansk", "Belgorod", "Kursk", "Moscow"}
    assert all(v.b == whole for v in part_of)
    reasons = {v.a.place: v.reason for v in part_of}
    assert (
        reasons["Bryansk"]
        == "23 Bryansk + 6 Belgorod + 2 Kursk + 11 Moscow = 42 located of 45 for Russia: consistent"
    )


def test_a_part_that_leaves_no_room_for_the_others_contradicts() -> None:
    whole = drones("45", "Russia")
    thirty = drones("30", "Bryansk", "Monitor A")
    g = linked(whole, *PARTS, thirty)
    # Bryansk holds at least the ministry's own 23, so only Monitor A's 30 overflows.
    (v,) = [v for v in g.verdicts("contradicts") if v.checker == "part_whole"]
    assert (v.a, v.b) == (thirty, whole)
    assert v.reason.startswith("30 Bryansk + 6 Belgorod + 2 Kursk + 11 Moscow = 49")
    assert "more than the 45 Russian defence ministry states for Russia" in v.reason


def test_parts_that_cannot_all_fit_are_all_named() -> None:
    whole = drones("45", "Russia")
    thirty = drones("30", "Bryansk", "Monitor A")
    g = linked(whole, *PARTS[1:], thirty)
    named = {v.a.place for v in g.verdicts("contradicts") if v.checker == "part_whole"}
    assert named == {"Bryansk", "Belgorod", "Kursk", "Moscow"}
    assert all("= 49" in v.reason for v in g.verdicts("contradicts"))


def test_only_the_outermost_stated_places_add_up() -> None:
    # Podolsk lies in Moscow oblast: once the oblast is stated, the town is its part.
    whole, oblast, town = (
        drones("45", "Russia"),
        drones("10", "Moscow oblast"),
        drones("8", "Podolsk"),
    )
    g = linked(whole, oblast, town)
    pairs = {(v.a.place, v.b.place) for v in g.verdicts("part_of")}
    assert pairs == {("Moscow oblast", "Russia"), ("Podolsk", "Moscow oblast")}


def test_part_whole_rechecks_when_a_new_part_arrives() -> None:
    whole = drones("30", "Russia")
    g = linked(whole, drones("20", "Bryansk"))
    assert g.contradicting(whole) == []
    late = drones("15", "Belgorod")
    g.add(late)
    g.link()
    assert set(g.contradicting(whole)) == {late, g.claims()[1]}
    assert len([v for v in g.verdicts() if v.checker == "part_whole"]) == 2  # replaced, not added


def test_part_whole_gives_again_only_the_verdicts_a_new_part_can_change() -> None:
    whole, bryansk = drones("45", "Russia"), drones("23", "Bryansk")
    g = linked(whole, bryansk)
    # a second, larger figure for a place already stated: the least Bryansk holds, and
    # so every other sum, is as it was; only the new part is checked (and disputed)
    again = drones("25", "Bryansk", "Monitor A")
    g.add(again)
    assert g.link().verdicts == {"part_of": 1, "contradicts": 1}
    # a new place: every part's sum now counts it, so each is checked again
    kursk = drones("two", "Kursk", "Monitor A")
    g.add(kursk)
    assert g.link().verdicts == {"part_of": 3}
    fresh = linked(whole, bryansk, again, kursk)
    assert {(v.a.id, v.b.id, v.relation, v.reason) for v in g.verdicts()} == {
        (v.a.id, v.b.id, v.relation, v.reason) for v in fresh.verdicts()
    }


def test_wholes_in_other_currencies_are_left_alone() -> None:
    aid = dict(measure="aid pledged", period="2024")
    dollars = Claim(source="A", figure="$100", place="Ukraine", **aid)
    euros = Claim(source="B", figure="€50", place="Ukraine", **aid)
    part = Claim(source="C", figure="$150", place="Kharkiv", **aid)
    g = linked(dollars, euros, part)
    assert g.contradicting(dollars) == [part]
    assert g.verdicts(claim=euros) == []


def test_users_add_places() -> None:
    g = ClaimGraph()
    g.places.add("Sector 7", within="Kharkiv oblast")
    whole = Claim(source="A", measure="shells fired", figure="100", place="Kharkiv", period=DAY)
    part = Claim(source="A", measure="shells fired", figure="150", place="Sector 7", period=DAY)
    g.add_all([whole, part])
    g.link()
    assert g.contradicting(whole) == [part]


# -- derived figures ---------------------------------------------------------------

FIRED = Claim(
    source="Ukrainian military officials",
    measure="missiles and drones fired",
    figure="nearly 12,000",
    place="Ukraine",
    period="2022-02-24/",
    published="2024-08-22",
)
SHARE = Claim(
    source="Ukrainian military officials",
    measure="missiles and drones intercepted",
    figure="only 43%",
    share_of="missiles and drones fired",
    place="Ukraine",
    period="2022-02-24/",
    published="2024-08-22",
)


def test_a_share_of_a_total_is_derived_and_then_checked() -> None:
    monitor = Claim(
        source="Monitor A",
        measure="missiles and drones intercepted",
        figure="about 5,000",
        place="Ukraine",
        period="2022-02-24/",
        published="2024-08-22",
    )
    g = linked(SHARE, FIRED, monitor)
    derived = [c for c in g.claims() if g.is_derived(c)]
    assert len(derived) == 1
    (d,) = derived
    assert d.figure.value == pytest.approx(5160) and d.figure.bounds == pytest.approx((4644, 5160))
    assert d.derived_from == (SHARE.id, FIRED.id)
    assert {v.b for v in g.verdicts("derived_from")} == {SHARE, FIRED}
    assert (
        "43% of nearly 12,000 missiles and drones fired = 5,160"
        in g.verdicts("derived_from")[0].reason
    )
    assert g.corroborating(monitor) == [d]


def test_derivation_waits_for_the_total() -> None:
    g = linked(SHARE)
    assert len(g) == 1
    g.add(FIRED)
    g.link()
    assert len(g) == 3


# -- cumulative counts -------------------------------------------------------------


def fired(figure: str, published: str, source: str = "Outlet B") -> Claim:
    return Claim(
        source=source,
        measure="missiles and drones fired",
        figure=figure,
        place="Ukraine",
        period="since 2022-02-24",
        published=published,
    )


# -- relays ------------------------------------------------------------------------


def test_relays_share_an_origin_and_add_no_support() -> None:
    direct = drones("45", "Russia", via=("Seed Wire",))
    relay = drones("45", "Russia", via=("Outlet C", "Outlet E"))
    other = drones("about 45", "Russia", "Outlet B")
    g = linked(direct, other)
    before = g.independent_support(direct)
    g.add(relay)
    g.link()
    (v,) = g.verdicts("relays")
    assert (v.a, v.b) == (relay, direct)
    assert "via Outlet C and Outlet E" in v.reason
    assert g.independent_support(direct) == before == 2
    assert g.independent_support(relay) == 2


def test_a_relay_s_reason_names_both_figures_as_said() -> None:
    first = drones("roughly 45", "Russia")
    carried = drones("44", "Russia", via=("Tin Wire",))
    (v,) = linked(first, carried).verdicts("relays")
    # it read "roughly 45, repeated via Tin Wire", which Tin Wire never said
    assert v.reason.endswith("'s roughly 45, repeated via Tin Wire as 44: one origin")
    again = drones("roughly 45", "Russia", via=("Other Wire",))
    (v,) = linked(carried, again).verdicts("relays")
    # either may be taken for the nearer the origin; both routes and figures are named
    assert v.reason in (
        f"{MOD}'s 44 (via Tin Wire), repeated via Other Wire as roughly 45: one origin",
        f"{MOD}'s roughly 45 (via Other Wire), repeated via Tin Wire as 44: one origin",
    )


def test_aliases_of_a_source_are_one_origin() -> None:
    from claimtrack import Source

    mod = Source("Russian defence ministry", aliases=("MoD",))
    a = Claim(source=mod, measure="drones destroyed", figure="45", place="Russia")
    b = Claim(source="MoD", measure="drones destroyed", figure="45", place="Russia")
    g = linked(a, b)
    assert g.verdicts("relays") and g.corroborating(a) == []


@given(same_quantity_claims())
def test_relays_never_raise_independent_support(claims: list[Claim]) -> None:
    g = linked(*claims)
    before = {c.id: g.independent_support(c) for c in claims}
    relays = [Claim(**{**c.to_fields(), "via": (*c.via, "Relay outlet")}) for c in claims]
    g.add_all(relays)
    g.link()
    assert {c.id: g.independent_support(c) for c in claims} == before


def test_figures_at_the_edge_of_floats_still_compare() -> None:
    huge, negative = drones("1e308", "Russia", "A"), drones("-1.7e308", "Russia", "B")
    g = linked(huge, negative)
    (v,) = g.verdicts()
    assert v.relation == Relation.CONTRADICTS and "100% apart" in v.reason
    share = Claim(
        source="C",
        measure="drones hit",
        figure="500%",
        share_of="drones fired",
        place="Russia",
        period=DAY,
    )
    total = Claim(source="C", measure="drones fired", figure="1.7e308", place="Russia", period=DAY)
    g = linked(share, total)  # 500% of it is past the largest float: nothing derived, no error
    assert len(g) == 2 and g.verdicts("derived_from") == []
