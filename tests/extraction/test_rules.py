"""claimtrack.extraction: The rules are data: extending and refusing them."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack import ParseError, ValidationError, extract
from claimtrack.extraction import ExtractRules

from .helpers import one

# -- rules are data ----------------------------------------------------------------


def test_rules_extend_with_new_words() -> None:
    text = "The monitor blogged that 40 tanks were hit in Kestrel."
    assert one(text).source.name == "unattributed"
    rules = ExtractRules.default().extend({"sources": {"assert_verbs": ["blogged"]}})
    assert one(text, rules=rules).source.name == "monitor"


def test_rules_refuse_bad_patterns_and_sections() -> None:
    with pytest.raises(ValidationError, match="figures.not_figure_patterns"):
        ExtractRules.default().extend({"figures": {"not_figure_patterns": ["(unclosed"]}})
    with pytest.raises(ValidationError, match="rules section"):
        ExtractRules.default().extend({"nouns": {}})
    with pytest.raises(ValidationError, match="a list"):
        ExtractRules.default().extend({"sources": {"assert_verbs": "blogged"}})


def test_bad_arguments_name_the_field() -> None:
    with pytest.raises(ValidationError, match="text"):
        extract(b"45 drones")  # type: ignore[arg-type]
    with pytest.raises(ParseError, match="published"):
        extract("45 drones", published="last Thursday")
    with pytest.raises(ValidationError, match="outlet"):
        extract("45 drones", outlet=7)  # type: ignore[arg-type]
    assert one("45 drones fell", published=dt.datetime(2024, 8, 22, 9)).published == dt.date(
        2024, 8, 22
    )
