"""claimtrack.extraction: extract() as a whole: the seed report, any text, long and hostile text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimtrack import Claim, ClaimtrackError, extract

from .helpers import PUBLISHED, REPORT, by_text

# -- the seed report ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "source", "measure", "place", "period"),
    [
        ("11", "Russian defence ministry", "drones destroyed", "Moscow", "2024-08-21"),
        ("45", "Russian defence ministry", "drones destroyed", "Russia", "2024-08-21"),
        ("23", "Russian defence ministry", "drones destroyed", "Bryansk", "2024-08-21"),
        ("six", "Russian defence ministry", "drones destroyed", "Belgorod", "2024-08-21"),
        ("two", "Russian defence ministry", "drones destroyed", "Kursk", "2024-08-21"),
        ("around 200", "Kyiv", "critical infrastructure sites struck", "Russia", None),
        ("at least 13", "Seed Wire", "hospitalised", "Proletarsk", "2024-08-18/"),
        (
            "nearly 12,000",
            "Ukrainian military officials",
            "missiles and drones fired",
            "Ukraine",
            "2022/",
        ),
        (
            "Only 43%",
            "Ukrainian military officials",
            "missiles and drones destroyed",
            "Ukraine",
            "2022/",
        ),
        ("over 1,250 square kilometres", "Kyiv", "buffer zone", "Kursk", None),
        ("over 40", "Kyiv", "russian attacks repelled", "Pokrovsk", "2024-08-21"),
        ("238", "Kyiv", "killed or wounded", "Pokrovsk", "2024-08-21/"),
    ],
)
def test_the_seed_report_yields_the_seed_claims(
    seed: list[Claim], figure: str, source: str, measure: str, place: str, period: str | None
) -> None:
    claim = by_text(seed, figure)
    assert (claim.source.name, claim.measure, claim.place) == (source, measure, place)
    assert (str(claim.period) if claim.period else None) == period
    assert claim.published == dt.date(2024, 8, 22)


def test_the_seed_report_hedges_become_intervals(seed: list[Claim]) -> None:
    nearly = by_text(seed, "nearly 12,000").figure
    assert (nearly.value, nearly.low, nearly.high) == (12000, 10800, 12000)
    over = by_text(seed, "over 40").figure
    assert (over.low, over.high, over.low_open) == (40, None, True)
    share = by_text(seed, "Only 43%")
    assert share.figure.unit == "%" and share.share_of == "missiles and drones fired"
    area = by_text(seed, "over 1,250 square kilometres").figure
    assert (area.value, area.unit) == (1250, "km²")


def test_the_seed_report_has_no_year_date_or_name_as_a_figure(seed: list[Claim]) -> None:
    texts = [c.figure.text for c in seed]
    assert all("2022" not in t and "four" not in t and "Niu" not in t for t in texts)
    assert not any(c.figure.value == 2022 for c in seed)
    assert all("HIMARS" not in t and "York" not in t for t in texts)


def test_every_seed_span_points_at_its_figure(seed: list[Claim]) -> None:
    for claim in seed:
        assert claim.span is not None
        assert REPORT[claim.span[0] : claim.span[1]] == claim.figure.text
        assert claim.figure.text in claim.text


def test_a_part_takes_the_verb_before_it_and_the_whole_the_verb_after() -> None:
    claims = extract("The army said it destroyed 56 of 72 drones launched overnight.")
    assert [c.measure for c in claims] == ["drones destroyed", "drones fired"]


# -- properties --------------------------------------------------------------------

NUMBER_WORDS = (
    "million",
    "billion",
    "trillion",
    "one",
    "two",
    "six",
    "ten",
    "twelve",
    "twenty",
    "hundred",
    "thousand",
    "dozen",
    "half",
    "third",
    "quarter",
    "fifth",
    "several",
    "few",
    "handful",
    "scores",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "couple",
    "pair",
    "single",
    "tens",
    "tenth",
    "thirds",
    "quarters",
)


WORDS = [
    "the",
    "ministry",
    "said",
    "drones",
    "were",
    "destroyed",
    "over",
    "near",
    "Bryansk",
    "about",
    "nearly",
    "between",
    "and",
    "since",
    "on",
    "Wednesday",
    "in",
    "March",
    "according",
    "to",
    "officials",
    ",",
    ".",
    "at",
    "least",
    "more",
    "than",
    "$",
    "%",
    "km",
    "million",
    "F-16",
    "page",
    "2022",
    "a",
    "it",
    "they",
    "denied",
    "claim",
    "The",
    "capital",
    "there",
    "-",
    "'s",
    "up",
]


news_words = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(NUMBER_WORDS),
        st.integers(0, 10**7).map(str),
        st.decimals(0, 10**4, places=2).map(str),
        st.integers(0, 999).map(lambda n: f"{n:,}000"),
    ),
    max_size=40,
).map(" ".join)


any_text = st.one_of(st.text(max_size=200), news_words)


def _names_a_number(text: str) -> bool:
    lowered = text.lower()
    return any(c.isdigit() for c in text) or any(w in lowered for w in NUMBER_WORDS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_extracts_and_every_span_holds_its_figure(text: str) -> None:
    try:
        claims = extract(text, published=PUBLISHED, outlet="Wire")
    except ClaimtrackError:
        return
    for claim in claims:
        assert claim.span is not None
        held = text[claim.span[0] : claim.span[1]]
        assert held == claim.figure.text
        assert _names_a_number(held)


@settings(max_examples=300, deadline=None)
@given(news_words)
@example("F-16 ministry million the the the the ministry one")  # a name once hid a later figure
@example("a one third")
def test_text_with_its_figures_removed_yields_nothing(text: str) -> None:
    claims = extract(text, published=PUBLISHED)
    spans = sorted({c.span for c in claims if c.span}, reverse=True)
    for start, end in spans:  # a plain word for a gap, so nothing joins into a new figure
        text = text[:start] + " blah " + text[end:]
    assert extract(text, published=PUBLISHED) == []


# -- long and hostile text -------------------------------------------------------------
# How the time grows with the text is measured by benchmarks/scaling.py; here, what
# comes out.

ADVERSARIAL = (
    "nearly 12,000 between 3 and 1,1,1,1, over over the ministry said F-16 since 2022 "
    "in the Kursk region twenty twenty-one hundred 10:30 a claim the army denied "
)


def test_text_repeated_ten_times_yields_its_claims_ten_times() -> None:
    once = extract(ADVERSARIAL, published=PUBLISHED)
    tenfold = extract(ADVERSARIAL * 10, published=PUBLISHED)
    assert once and len(tenfold) == 10 * len(once)
    size = len(ADVERSARIAL)
    for copy in range(10):
        shifted = tenfold[copy * len(once) : (copy + 1) * len(once)]
        assert [(c.figure, c.span) for c in shifted] == [
            (c.figure, (c.span[0] + copy * size, c.span[1] + copy * size))  # type: ignore[index]
            for c in once
        ]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("1," * 20_000, []),  # each 1 is glued to the next by a comma: no number read
        ("over " * 10_000 + "x", []),
        (" " * 50_000 + "1", ["1"]),
        ("twenty " * 10_000, []),
        ("said " * 10_000, []),
    ],
    ids=["commas", "hedges", "spaces", "number-words", "verbs"],
)
def test_hostile_text_yields_what_it_holds(text: str, figures: list[str]) -> None:
    assert [c.figure.text for c in extract(text)] == figures
