"""Hypothesis strategies for figures, sources and claims, shared by every test module."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from claimtrack import Claim, Figure, Period, Source
from claimtrack._units import UNITS

# Magnitudes a report would print: whole numbers and short decimals, positive and negative.
integers = st.integers(min_value=-(10**12), max_value=10**12)
decimals = st.decimals(
    min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False
).map(float)
values = st.one_of(integers, decimals)
positive = st.one_of(
    st.integers(min_value=1, max_value=10**9),
    st.floats(min_value=0.001, max_value=1e9, allow_nan=False, allow_infinity=False),
)
units = st.one_of(st.none(), st.sampled_from(sorted(UNITS)))
convertible_units = st.sampled_from(
    [("km", "mi"), ("km", "m"), ("km²", "ha"), ("mi²", "km²"), ("day", "week"), ("hour", "day")]
)
hedges = st.sampled_from(["exact", "about", "nearly", "over", "at_least", "up_to", "under"])


@st.composite
def figures(draw: st.DrawFn, value: st.SearchStrategy[float] = values) -> Figure:
    """Any figure: a hedged value, a range, or an explicit interval with open or closed ends."""
    kind = draw(st.sampled_from(["hedged", "range", "interval"]))
    unit = draw(units)
    v = draw(value)
    if kind == "hedged":
        from claimtrack.figure import DEFAULT_POLICY

        hedge = draw(hedges)
        low, high, lo_open, hi_open = DEFAULT_POLICY.interval(hedge, v)
        return Figure(v, low, high, lo_open, hi_open, unit=unit, hedge=hedge)
    spread_low = draw(st.one_of(st.none(), st.integers(0, 10**6)))
    spread_high = draw(st.one_of(st.none(), st.integers(0, 10**6)))
    if kind == "range":
        a, b = sorted([v, draw(value)])
        return Figure((a + b) / 2, a, b, unit=unit, hedge="range")
    low = None if spread_low is None else v - spread_low
    high = None if spread_high is None else v + spread_high
    lo_open = low is not None and low < v and draw(st.booleans())
    hi_open = high is not None and high > v and draw(st.booleans())
    return Figure(v, low, high, lo_open, hi_open, unit=unit, hedge="interval")


@st.composite
def bounded_figures(draw: st.DrawFn, value: st.SearchStrategy[float] = positive) -> Figure:
    """Figures with both ends finite and closed, in no unit: a count with an interval."""
    v = draw(value)
    below = draw(st.floats(min_value=0, max_value=0.5))
    above = draw(st.floats(min_value=0, max_value=0.5))
    return Figure(v, v * (1 - below), v * (1 + above), hedge="interval")


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip())
sources = st.builds(
    Source,
    name=names,
    aliases=st.lists(names, max_size=2).map(tuple),
    kind=st.one_of(st.none(), st.sampled_from(["government", "media", "ngo", "blogger"])),
    side=st.one_of(st.none(), st.sampled_from(["Russia", "Ukraine"])),
    reliability=st.one_of(
        st.none(), st.floats(0, 1), st.sampled_from(["A", "B", "C", "D", "E", "F"])
    ),
)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(st.one_of(st.none(), dates))
    end = draw(st.one_of(st.none(), dates))
    if start is None and end is None:
        return Period.day(draw(dates))
    if start and end and start > end:
        start, end = end, start
    return Period(start, end, "day")


#: The fields every claim strategy draws alike.
_CLAIM_FIELDS = dict(
    source=st.one_of(names, sources),
    measure=names,
    figure=figures(),
    place=st.one_of(st.none(), names),
    period=st.one_of(st.none(), periods()),
    confidence=st.floats(0, 1),
    via=st.lists(names, max_size=2).map(tuple),
)

claims = st.builds(
    Claim, text=st.text(max_size=80), published=st.one_of(st.none(), dates), **_CLAIM_FIELDS
)


#: Claims with every field drawn, the analyst's and the relay chain's included: what a
#: claim base must give back exactly as it was stored.
every_field_claims = st.builds(
    Claim,
    **_CLAIM_FIELDS,
    text=st.text(max_size=40),
    published=st.one_of(
        st.none(),
        dates,
        st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2030, 12, 31)).map(
            lambda t: t.replace(microsecond=0)
        ),
    ),
    span=st.one_of(st.none(), st.tuples(st.integers(0, 50), st.integers(50, 99))),
    share_of=st.one_of(st.none(), names),
    stance=st.sampled_from(["asserts", "denies"]),
    derived_from=st.lists(st.text("0123456789abcdef", min_size=16, max_size=16), max_size=2),
    kind=st.sampled_from(["count", "estimate", "projection"]),
    revision=st.booleans(),
    share_place=st.one_of(st.none(), names),
    status=st.sampled_from(["standing", "revised", "retracted"]),
    replaced_by=st.one_of(st.none(), st.text("0123456789abcdef", min_size=16, max_size=16)),
    tags=st.frozensets(names, max_size=3),
    note=st.text(max_size=20),
)


SOURCE_NAMES = ["Ministry", "Monitor A", "Outlet B", "Outlet C", "Blogger D", "NGO E"]


@st.composite
def same_quantity_claims(draw: st.DrawFn, min_size: int = 1, max_size: int = 6) -> list[Claim]:
    """Claims about one quantity (drones destroyed over Russia on one day), distinct ids."""
    n = draw(st.integers(min_size, max_size))
    out: dict[str, Claim] = {}
    for i in range(n):
        claim = Claim(
            source=draw(st.sampled_from(SOURCE_NAMES)),
            measure=draw(
                st.sampled_from(["drones destroyed", "drones shot down", "downed drones"])
            ),
            figure=draw(bounded_figures(st.integers(1, 10_000))),
            place="Russia",
            period="2024-08-21",
            via=draw(st.sampled_from([(), ("Outlet X",), ("Outlet Y", "Outlet Z")])),
            text=f"claim {i}",
        )
        out[claim.id] = claim
    return list(out.values())


# -- a desk's claims: few measures, nested places, overlapping days, so batches interact --

DESK_SOURCES = [
    Source("Ministry", reliability="B", side="Russia"),
    Source("Monitor", kind="ngo"),
    Source("Blogger", reliability=0.3),
    Source("State TV", kind="media", speaks_for="Ministry"),
    Source("Governor", aliases=("Regional governor",), kind="government"),
]


@st.composite
def desk_claims(draw: st.DrawFn) -> Claim:
    """One claim as a desk meets them: drones and missiles over Russian regions on
    three days, some running counts "since" one of two dates or "so far" (so that one
    is a part of another), some shares of a total, some relayed, some denied."""
    share = draw(st.booleans()) and draw(st.booleans())
    measure = (
        "missiles intercepted"
        if share
        else draw(
            st.sampled_from(
                ["drones destroyed", "drones shot down", "missiles intercepted", "missiles fired"]
            )
        )
    )
    figure = (
        draw(st.sampled_from(["40%", "about 45%", "60%"]))
        if share
        else draw(st.sampled_from(["45", "about 44", "23", "more than 20", "12", "30", "100", "9"]))
    )
    return Claim(
        source=draw(st.sampled_from(DESK_SOURCES)),
        measure=measure,
        figure=figure,
        place=draw(st.sampled_from([None, "Russia", "Bryansk", "Kursk", "Belgorod", "Hostomel"])),
        period=draw(
            st.sampled_from(
                [
                    "2024-08-21",
                    "2024-08-22",
                    "2024-08",
                    "since 2024-08-01",
                    "since 2024-08-15",
                    "/2024-08-22",
                ]
            )
        ),
        published=draw(st.sampled_from([None, "2024-08-21", "2024-08-22", "2024-08-23T10:00"])),
        via=draw(st.sampled_from([(), (), ("Outlet X",)])),
        share_of="missiles fired" if share else None,
        stance=draw(st.sampled_from(["asserts"] * 5 + ["denies"])),
        text=f"report {draw(st.integers(0, 3))}",
    )


desk_batches = st.lists(st.lists(desk_claims(), min_size=1, max_size=8), min_size=1, max_size=4)


# -- a corpus whose claims meet across blocks' edges: shares and totals, parts and wholes,
# running counts, aliases and spokesmen (for claimtrack.distributed's block keys)

_CORPUS_SOURCES = [
    Source("Ministry", aliases=("MoD",)),
    Source("MoD"),
    Source("Spokesman", speaks_for="Ministry"),
    Source("Monitor A"),
    Source("Outlet B", aliases=("B News",)),
    Source("B News"),
]
_CORPUS_PLACES = ["Russia", "Bryansk", "Moscow Oblast", "Podolsk", "Ukraine", "Kharkiv", None]
_CORPUS_PERIODS = ["2024-08-21", "2024-08-20", "2024-08", "2024-08-01/", "2024-08-15/"]


@st.composite
def corpus_claims(draw: st.DrawFn, max_size: int = 40) -> list[Claim]:
    """Claims over a few measures, nested places and periods, with shares of totals,
    running counts published on different days, and sources known by several names."""
    n = draw(st.integers(1, max_size))
    claims = []
    for i in range(n):
        kind = draw(st.sampled_from(["count", "count", "share", "other"]))
        if kind == "share":
            measure, share_of = "intercepted", "missiles and drones fired"
            figure: Any = f"{draw(st.integers(1, 99))}%"
        else:
            measure = draw(
                st.sampled_from(
                    ["drones destroyed", "drones shot down", "missiles and drones fired"]
                    if kind == "count"
                    else ["intercepted", "people killed"]
                )
            )
            share_of = None
            figure = draw(st.sampled_from(["{}", "about {}", "more than {}"])).format(
                draw(st.integers(1, 2000))
            )
        claims.append(
            Claim(
                source=draw(st.sampled_from(_CORPUS_SOURCES)),
                measure=measure,
                figure=figure,
                place=draw(st.sampled_from(_CORPUS_PLACES)),
                period=draw(st.sampled_from(_CORPUS_PERIODS)),
                published=draw(st.sampled_from(["2024-08-21", "2024-08-22", "2024-08-25"])),
                share_of=share_of,
                via=draw(st.sampled_from([(), ("Outlet X",)])),
                stance=draw(st.sampled_from(["asserts"] * 5 + ["denies"])),
                text=f"claim {i}",
            )
        )
    return claims
