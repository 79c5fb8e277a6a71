"""The claim base, on SQLite and on a real PostgreSQL server (see conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import partial
from typing import Any

import pytest
from hypothesis import given, settings

import claimtrack as ct
from claimtrack import Claim, ClaimBase, ClaimGraph
from claimtrack.assessment import assess

from ..factories import make_claim
from ..strategies import desk_batches
from .conftest import NewTarget

drone = partial(make_claim, measure="drones destroyed", period="2024-08-21")


def verdict_set(graph: ClaimGraph) -> set[tuple[Any, ...]]:
    return {
        (v.relation.value, v.a.id, v.b.id, round(v.strength, 9), v.reason, v.checker)
        for v in graph.verdicts()
    }


def estimate_set(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return sorted(rows, key=repr)


def stored_estimates(base: ClaimBase) -> list[tuple[Any, ...]]:
    return estimate_set(
        (r["quantity"], r["best"], r["low"], r["high"], r["claims"], r["sources"])
        for r in base.estimates()
    )


def assert_same_as_everything_linked_at_once(base: ClaimBase, claims: list[Claim]) -> None:
    """The base holds what linking and assessing all its claims afresh gives."""
    full = ClaimGraph(
        measures=base.measures, places=base.places, tolerance=base.tolerance,
        checkers=base.checkers,
    )  # fmt: skip
    full.add_all(claims)
    full.link()
    stored = base.graph()
    assert {c.id for c in stored.claims()} == {c.id for c in full.claims()}
    assert verdict_set(stored) == verdict_set(full)
    expected = estimate_set(
        (e.label, float(e.best), float(e.low), float(e.high), len(e.claims), "; ".join(e.sources))
        for e in assess(full, base.method).estimates.values()
    )
    assert stored_estimates(base) == expected


@settings(max_examples=30)
@given(batches=desk_batches)
def test_adding_batch_by_batch_equals_linking_and_assessing_everything_at_once(
    new_target: NewTarget, batches: list[list[Claim]]
) -> None:
    with ct.open(new_target()) as base:
        added: dict[str, Claim] = {}
        for batch in batches:
            result = base.add(batch)
            fresh = [c for c in dict.fromkeys(batch) if c.id not in added]
            assert result.new == len({c.id for c in fresh})
            added.update({c.id: c for c in batch if c.id not in added})
        assert_same_as_everything_linked_at_once(base, list(added.values()))


def test_a_report_added_twice_adds_nothing_but_its_second_reading(new_target: NewTarget) -> None:
    claims = [drone("45", "MoD", place="Russia"), drone("about 44", "Monitor", place="Russia")]
    with ct.open(new_target()) as base:
        first = base.add(claims, report="tass.jsonl")
        second = base.add(claims, report="tass-again.jsonl")
        assert (first.new, second.new, second.verdicts, len(base)) == (2, 0, 0, 2)
        assert base.occurrences(claims[0]).column("file") == ["tass.jsonl", "tass-again.jsonl"]
        assert base.reports().column("new") == [2, 0]


def test_bad_items_in_a_batch_are_collected_and_the_good_ones_land(new_target: NewTarget) -> None:
    good = drone("45", "MoD", place="Russia")
    batch: list[Any] = [
        good,
        {"source": "Monitor", "measure": "drones destroyed", "figure": "about 44",
         "place": "Russia", "period": "2024-08-21"},
        {"source": "Blogger", "measure": "drones destroyed", "figure": "lots"},
        {"source": "Blogger", "figure": "12"},
        "not a claim",
    ]  # fmt: skip
    with ct.open(new_target()) as base:
        with pytest.raises(ct.ParseError, match="lots"):
            base.add(batch)
        assert len(base) == 0  # raise: the whole batch is refused
        result = base.add(batch, errors="collect", report="feed")
        assert (result.new, len(base)) == (2, 2)
        assert [(p.line, p.field) for p in result.problems] == [
            (3, "figure"),
            (4, "measure"),
            (5, "claim"),
        ]
        assert "lots" in str(result.problems[0]) and "feed" in str(result.problems[0])
        assert base.reports()[-1]["problems"] == 3


def test_files_and_standard_input_are_added_with_their_spans(
    new_target: NewTarget, tmp_path: Any
) -> None:
    claims = [drone("45", "MoD", place="Russia", span=(10, 20)), drone("12", "MoD", place="Kursk")]
    ct.dump(claims, tmp_path / "monday.jsonl")
    with ct.open(new_target()) as base:
        result = base.add_file(tmp_path / "monday.jsonl")
        assert result.new == 2
        found = base.occurrences(claims[0])
        assert (found[0]["file"], found[0]["span_start"], found[0]["span_end"]) == (
            str(tmp_path / "monday.jsonl"), 10, 20,
        )  # fmt: skip
        text = json.dumps(ct.io.converter.unstructure(drone("30", "Blogger"))) + "\nnot json\n"
        from_stdin = base.add_text(text)
        assert from_stdin.new == 1 and from_stdin.problems[0].line == 2
        assert from_stdin.problems[0].path == "<stdin>"
