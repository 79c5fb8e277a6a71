"""The evolving-story files of ``tests/data/stories`` are well formed.

A pure check of the files as data: every claim line parses and has a unique key,
and every relation, estimate and non-relation of both annotations (``expected``
and the blind, exhaustive ``expected2``) names claims that exist, with a known
kind. Nothing here links or assesses the stories; ``tests/checkers`` does that.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

STORIES = Path(__file__).resolve().parent / "data" / "stories"
NAMES = sorted(p.name.removesuffix(".jsonl") for p in STORIES.glob("*.jsonl"))
KINDS = {
    "supersedes",
    "revises",
    "relays",
    "stale",
    "corroborates",
    "contradicts",
    "part_of",
    "derived_from",
    "settles",
}
SYMMETRIC = {"corroborates", "contradicts"}


def claims(name: str) -> dict[str, dict[str, Any]]:
    rows = [
        json.loads(line) for line in (STORIES / f"{name}.jsonl").read_text("utf-8").splitlines()
    ]
    keys = [row["key"] for row in rows]
    assert len(set(keys)) == len(keys), f"{name}: a key is used twice"
    return {row["key"]: row for row in rows}


def test_there_are_five_stories_each_with_both_annotations() -> None:
    assert len(NAMES) == 5
    for name in NAMES:
        assert (STORIES / f"{name}.expected.json").is_file()
        assert (STORIES / f"{name}.expected2.json").is_file()


@pytest.mark.parametrize("version", ["expected", "expected2"])
@pytest.mark.parametrize("name", NAMES)
def test_an_annotation_names_only_claims_that_exist(name: str, version: str) -> None:
    known = claims(name)
    data = json.loads((STORIES / f"{name}.{version}.json").read_text("utf-8"))
    assert set(data) == {"relations", "estimates", "not_related"}
    pairs = set()
    for relation in data["relations"]:
        assert set(relation) == {"kind", "a", "b", "why"}, relation
        assert relation["kind"] in KINDS, relation
        assert relation["a"] in known and relation["b"] in known, relation
        assert relation["a"] != relation["b"] and relation["why"].strip(), relation
        a, b = relation["a"], relation["b"]
        pair = (
            (relation["kind"], *sorted((a, b)))
            if relation["kind"] in SYMMETRIC
            else (relation["kind"], a, b)
        )
        assert pair not in pairs, f"{name}.{version}: {pair} listed twice"
        pairs.add(pair)
    unrelated = set()
    for entry in data["not_related"]:
        assert set(entry) == {"a", "b", "why"} and entry["a"] in known and entry["b"] in known, (
            entry
        )
        unrelated.add(frozenset((entry["a"], entry["b"])))
    related = {frozenset(p[1:]) for p in pairs}
    assert not related & unrelated, f"{name}.{version}: a pair is both related and not"
    for estimate in data["estimates"]:
        assert {"measure", "place", "as_of", "value", "why"} <= set(estimate), estimate
        assert any(
            c["measure"] == estimate["measure"] and c["place"] == estimate["place"]
            for c in known.values()
        )


@pytest.mark.parametrize("name", NAMES)
def test_the_second_annotation_keeps_the_first_ones_estimates_and_non_relations(name: str) -> None:
    first = json.loads((STORIES / f"{name}.expected.json").read_text("utf-8"))
    second = json.loads((STORIES / f"{name}.expected2.json").read_text("utf-8"))
    assert second["estimates"] == first["estimates"]
    assert second["not_related"][: len(first["not_related"])] == first["not_related"]
