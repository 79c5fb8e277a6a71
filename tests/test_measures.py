"""The measure vocabulary: one for extract and for hand-made claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import MeasureLexicon, extract

from .factories import make_claim

LEXICON = MeasureLexicon.default()
DEATHS = ["killed", "dead", "died", "deaths", "death toll", "toll", "fatalities", "people killed"]


@pytest.mark.parametrize("phrase", DEATHS)
def test_every_way_of_saying_deaths_is_deaths(phrase: str) -> None:
    assert LEXICON.measure(phrase) == "deaths"
    assert LEXICON.key(phrase) == LEXICON.key("deaths")


@pytest.mark.parametrize("phrase", ["wounded", "injured", "hurt", "people injured"])
def test_wounded_injured_and_hurt_are_injured(phrase: str) -> None:
    assert LEXICON.measure(phrase) == "injured"


def test_displaced_homeless_and_evacuated_are_known_and_kept_apart() -> None:
    measures = [LEXICON.measure(p) for p in ("displaced", "left homeless", "evacuated")]
    assert measures == ["displaced", "homeless", "evacuated"]
    assert len({LEXICON.key(m) for m in measures}) == 3
    assert LEXICON.measure("suspected cases") == "suspected cases"  # not all cases


def test_bodies_recovered_is_a_quantity_of_its_own_not_the_death_toll() -> None:
    # a count of recovered bodies is a floor under the deaths, not a figure for them:
    # "more than 1,000 bodies recovered" does not revise "more than 2,000 dead"
    assert LEXICON.key("bodies recovered") != LEXICON.key("deaths")
    assert LEXICON.key("bodies recovered") == LEXICON.key("recovered bodies")


@given(st.sampled_from(DEATHS), st.sampled_from(DEATHS))
def test_the_key_is_one_for_all_synonyms(a: str, b: str) -> None:
    assert LEXICON.key(a) == LEXICON.key(b)


def test_extracted_and_hand_made_claims_about_one_toll_meet() -> None:
    text = "The death toll from the quake in Hatay rose to 1,240, the disaster agency said."
    (extracted,) = extract(text, published="2023-02-08", outlet="Wire")
    assert extracted.measure == "deaths"
    curated = make_claim(
        "1,240", "AFAD", measure="deaths", place="Hatay", period=extracted.period,
        published="2023-02-08",
    )  # fmt: skip
    graph = ct.ClaimGraph([extracted, curated])
    graph.link()
    assert graph.verdicts("corroborates")  # before, "death toll" and "deaths" never met


def test_a_user_adds_a_measure_in_code_and_in_a_file(tmp_path: Path) -> None:
    lexicon = LEXICON.with_synonyms({"cases": ["positives"]}, named=["cases"])
    assert lexicon.measure("new positives") == "cases"
    path = tmp_path / "measures.json"
    path.write_text(
        json.dumps({"synonyms": {"flooded": ["swamped"]}, "named": ["flooded"]}), "utf-8"
    )
    assert MeasureLexicon.from_file(str(path)).measure("houses swamped") == "flooded"
