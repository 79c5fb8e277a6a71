"""The claim base, on SQLite and on a real PostgreSQL server (see conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import partial
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import claimtrack as ct
from claimtrack import Claim, ClaimBase, ClaimGraph
from claimtrack.assessment import assess
from claimtrack.base import _rows
from claimtrack.base._rows import decode, encode
from claimtrack.io import converter

from ..factories import EVIL, assert_escaped, make_claim
from ..strategies import desk_batches, every_field_claims
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
    # each source's record totals: every verdict counted for each of its claims
    totals: dict[str, dict[str, int]] = {}
    for v in full.verdicts():
        for end in (v.a, v.b):
            found = totals.setdefault(end.source.name, {})
            found[v.relation.value] = found.get(v.relation.value, 0) + 1
    for name in {c.source.name for c in full.claims()}:
        assert base.record(name).relations == totals.get(name, {}), name


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
        with pytest.raises(ct.FileFormatError, match="<stdin>, line 2"):
            base.add_text(text, errors="raise")
        (tmp_path / "bad.jsonl").write_text(text)
        with pytest.raises(ct.FileFormatError, match="bad.jsonl, line 2"):
            base.add_file(tmp_path / "bad.jsonl", errors="raise")
        assert len(base.reports()) == 2  # refused files leave no report behind


def desk(base: ClaimBase) -> dict[str, Claim]:
    """Three days of a desk's reports, added day by day."""
    claims = {
        "mod_russia": drone("45", "Ministry", place="Russia", published="2024-08-21",
                            text="The ministry said 45 drones were destroyed"),
        "monitor_russia": drone("about 44", "Monitor", place="Russia", published="2024-08-21"),
        "mod_bryansk": drone("23", "Ministry", place="Bryansk", published="2024-08-21"),
        "blogger_kursk": drone("9", "Blogger", place="Kursk", published="2024-08-22",
                               text="A blogger counted 9 drones shot down over Kursk"),
        "tally_21": make_claim("1,200", "Ministry", measure="missiles fired",
                               place="Russia", period="since 2024-08-01",
                               published="2024-08-21"),
        "tally_22": make_claim("1,260", "Ministry", measure="missiles fired",
                               place="Russia", period="since 2024-08-01",
                               published="2024-08-22"),
        "people": make_claim("3", ct.Source("Governor", aliases=("Regional governor",)),
                             measure="people killed", place="Belgorod",
                             period="2024-08-22", published="2024-08-22"),
    }  # fmt: skip
    base.add([claims["mod_russia"], claims["monitor_russia"], claims["mod_bryansk"],
              claims["tally_21"]], report="monday")  # fmt: skip
    base.add([claims["blogger_kursk"], claims["tally_22"]], report="tuesday")
    base.add([claims["people"]], report="wednesday")
    base.tag([claims["blogger_kursk"], claims["people"]], "check-later")
    return claims


def ids(claims: Iterable[Claim]) -> set[str]:
    return {c.id for c in claims}


def test_queries_by_measure_place_period_source_tag_and_text(new_target: NewTarget) -> None:
    with ct.open(new_target()) as base:
        c = desk(base)
        drones = {"mod_russia", "monitor_russia", "mod_bryansk", "blogger_kursk"}
        tallies = {"tally_21", "tally_22"}
        assert ids(base.claims(measure="downed drones")) == {c[k].id for k in drones}
        # regions within Russia count: Belgorod's toll too
        assert ids(base.claims(place="Russia")) == {c[k].id for k in (*drones, *tallies, "people")}
        assert ids(base.claims(place="Russia", within=False)) == {
            c[k].id for k in ("mod_russia", "monitor_russia", "tally_21", "tally_22")
        }
        assert ids(base.claims(period="2024-08-22")) == {
            c[k].id for k in ("people", "tally_21", "tally_22")
        }  # the running count since 1 August overlaps the day
        assert ids(base.claims(source="Regional governor")) == {c["people"].id}  # an alias
        assert ids(base.claims(tag="check-later")) == {c["blogger_kursk"].id, c["people"].id}
        assert ids(base.claims(text="BLOGGER counted")) == {c["blogger_kursk"].id}
        assert ids(base.claims(text="100%")) == set()  # % and _ are plain characters
        assert ids(base.claims(measure="drones destroyed", place="Bryansk")) == {
            c["mod_bryansk"].id
        }
        assert len(base.claims(limit=2)) == 2
        frame = base.claims(source="Ministry").to_pandas()
        assert list(frame["status"]) == ["standing"] * 4
        assert frame["added_at"].notna().all() and "tags" in frame.columns
        assert base.claims(measure="nothing of the sort").to_pandas().empty


def test_a_query_gives_a_claim_graph_every_view_works_on(new_target: NewTarget) -> None:
    with ct.open(new_target()) as base:
        c = desk(base)
        graph = base.graph(place="Russia", measure="drones destroyed")
        assert len(graph) == 4
        part = [v for v in graph.verdicts("part_of") if v.a.id == c["mod_bryansk"].id]
        assert {v.b.id for v in part} == {c["mod_russia"].id, c["monitor_russia"].id}
        assessment = graph.assess()  # the library's default method, on demand
        assert 43 <= next(iter(e for e in assessment.estimates.values() if e.label.endswith(
            "Russia · 2024-08-21"))).best <= 45  # fmt: skip
        assert "Bryansk" in ct.report_html(assessment, board=False)
        later = drone("44", "Observer", place="Russia")
        graph.add(later)  # linked by the base's checkers, like any graph
        # it meets the two Russian totals, and the regions as its parts
        assert graph.link().verdicts == {"corroborates": 2, "part_of": 2}


def test_a_timeline_and_a_source_record(new_target: NewTarget) -> None:
    with ct.open(new_target()) as base:
        c = desk(base)
        timeline = base.timeline("missiles fired", "Russia")
        assert timeline.column("figure") == ["1,200", "1,260"]
        assert timeline.column("published") == ["2024-08-21", "2024-08-22"]
        assert timeline.to_pandas()["value"].tolist() == [1200.0, 1260.0]
        record = base.record("Ministry")
        assert len(record.claims) == 4 and record.statuses == {"standing": 4}
        # per claim: Bryansk's 23 is part of both Russian totals, Kursk's 9 of the
        # ministry's; the tally of the 22nd supersedes that of the 21st
        assert record.relations == {"supersedes": 2, "part_of": 4, "corroborates": 1}
        row = next(r for r in record.claims if r["id"] == c["mod_russia"].id)
        assert row["corroborated"] == 1 and row["estimate"] == 44.0
        assert (record.first, record.last) == ("2024-08-21", "2024-08-22")
        assert list(record.to_pandas()["measure"]).count("drones destroyed") == 2


def test_what_changed_since_a_time(new_target: NewTarget) -> None:
    with ct.open(new_target()) as base:
        c = desk(base)
        monday, tuesday = base.reports().column("added_at")[:2]
        everything = base.changes(monday)
        assert {r["id"] for r in everything if r["what"].startswith("claim")} == ids(c.values())
        since_tuesday = base.changes(tuesday)
        by_what = {
            what: {r["id"] for r in since_tuesday if r["what"] == what}
            for what in ("claim added", "claim changed")
        }
        # the blogger's claim came on Tuesday and was tagged since: it changed
        assert by_what == {
            "claim added": {c["tally_22"].id},
            "claim changed": {c["blogger_kursk"].id, c["people"].id},
        }
        labels = [r["label"] for r in since_tuesday if r["what"] == "estimate"]
        assert any("Belgorod" in label for label in labels)
        assert not any("Bryansk" in label for label in labels)  # Monday's, unchanged since
        assert len(base.changes("2999-01-01")) == 0
        assert set(since_tuesday.to_pandas()["what"]) == {
            "claim added",
            "claim changed",
            "estimate",
        }


def test_revisions_and_retractions_stay_on_record(new_target: NewTarget) -> None:
    with ct.open(new_target()) as base:
        c = desk(base)
        corrected = drone("41", "Ministry", place="Russia", published="2024-08-22",
                          revision=True)  # fmt: skip
        base.revise(c["mod_russia"], corrected, note="revised down the next day")
        old = base.claim(c["mod_russia"].id)
        assert (old.status, old.replaced_by, old.note) == (
            "revised", corrected.id, "revised down the next day",
        )  # fmt: skip
        gone = base.retract(c["blogger_kursk"])
        assert base.claim(gone.id).status == "retracted"
        assert ids(base.claims(status="retracted")) == {c["blogger_kursk"].id}
        assert base.timeline("drones destroyed", "Russia").column("status") == [
            "revised", "standing", "standing",
        ]  # fmt: skip
        stored = list(base.iter_claims())
        assert_same_as_everything_linked_at_once(
            base, [s for s in stored if not base.claims(derived=True).ids.count(s.id)]
        )


def test_tags_and_notes_are_kept_and_change_no_id(new_target: NewTarget) -> None:
    with ct.open(new_target()) as base:
        c = desk(base)
        base.note(c["people"], "call the governor's office")
        base.untag([c["people"]], "check-later")
        stored = base.claim(c["people"].id)
        assert stored.note == "call the governor's office" and stored.tags == frozenset()
        assert stored.id == c["people"].id
        assert ids(base.claims(tag="check-later")) == {c["blogger_kursk"].id}


def test_a_desks_places_and_synonyms_are_kept_and_relink_what_they_move(
    new_target: NewTarget,
) -> None:
    target = new_target()
    town = drone("7", "Mayor", place="Moshchun")
    region = drone("5", "Governor", place="Kyiv oblast")
    with ct.open(target) as base:
        base.add([town, region])
        assert base.graph().verdicts() == []  # nothing knows Moshchun is in Kyiv oblast
        base.add_place("Moshchun", within="Kyiv oblast")
        (verdict,) = base.graph().verdicts()
        assert (verdict.relation.value, verdict.a.id, verdict.b.id) == (
            "contradicts", town.id, region.id,
        )  # fmt: skip
        zapped = make_claim("5", "Monitor", measure="drones zapped", place="Kyiv oblast")
        base.add([zapped])
        base.add_synonyms("destroyed", ["zapped"])
        assert region.id in {c.id for c in base.graph().corroborating(zapped)}
        # a known place put inside another: same quantity, a new whole for its parts
        bryansk, front = (
            drone("20", "Governor", place="Bryansk"),
            drone("15", "Mayor", place="Bryansk front"),
        )
        base.add([bryansk, front])
        base.add_places([("Bryansk front", None), ("Bryansk", "Bryansk front")])
        assert {v.relation.value for v in base.graph(place="Bryansk front").verdicts()} == {
            "contradicts"
        }
    with ct.open(target) as again:  # the additions are the base's, for every analyst
        assert again.places.contains("Kyiv oblast", "Moshchun")
        assert again.measures.key("drones zapped") == again.measures.key("drones destroyed")
        assert_same_as_everything_linked_at_once(again, [town, region, zapped, bryansk, front])


@pytest.mark.parametrize("since", ["2031-07-01/", "/2031-07-19"])
def test_a_count_since_a_later_start_meets_its_whole_added_in_another_batch(
    new_target: NewTarget, since: str
) -> None:
    # burned on Rhodes since Tuesday is a part of burned in Greece since July 1 (or so
    # far): the base links them as linking both at once does, whichever comes first
    burned = partial(make_claim, measure="area burned", source="Fire service")
    part = burned("6,100 hectares", place="Rhodes", period="2031-07-15/", published="2031-07-19")
    whole = burned("40,000 hectares", place="Greece", period=since, published="2031-07-19")
    for first, second in ((part, whole), (whole, part)):
        with ct.open(new_target()) as base:
            base.add([first])
            base.add([second])
            (verdict,) = base.graph().verdicts()
            assert (verdict.relation.value, verdict.a.id, verdict.b.id) == (
                "part_of", part.id, whole.id,
            )  # fmt: skip
            assert_same_as_everything_linked_at_once(base, [part, whole])


def test_a_base_keeps_its_settings(new_target: NewTarget) -> None:
    target = new_target()
    with ct.open(target, method="median", tolerance=0.1) as base:
        assert (base.method, base.tolerance) == ("median", 0.1)
    with ct.open(target) as base:
        assert (base.method, base.tolerance, base.version) == ("median", 0.1, 4)
    with pytest.raises(ct.ValidationError, match="'median', the base's own"):
        ct.open(target, method="vote")
    with pytest.raises(ct.ValidationError, match="judges each quantity on its own"):
        ct.open(new_target(), method="accucopy")


def test_results_show_in_a_notebook_with_outside_text_escaped(new_target: NewTarget) -> None:
    evil = drone("45", EVIL, place="Russia", text=EVIL, tags=[EVIL])
    with ct.open(new_target()) as base:
        base.add([evil, drone("44", "Monitor", place="Russia")], report=EVIL)
        for shown in (
            base.claims()._repr_html_(),
            base.timeline("drones destroyed", "Russia")._repr_html_(),
            base.record(EVIL)._repr_html_(),
            base.estimates()._repr_html_(),
            base.reports()._repr_html_(),
        ):
            assert_escaped(shown)
            assert "Russia" in shown or "45" in shown or "1" in shown
        assert repr(base.record(EVIL)).startswith(f"<SourceRecord {EVIL!r}: 1 claims")
        assert repr(base.claims()) == "<Claims: 2>" and repr(base).endswith(": 2 claims>")


def test_a_batch_writes_only_the_verdicts_it_makes_new_or_changes(new_target: NewTarget) -> None:
    whole = drone("45", "Ministry", place="Russia")
    part = drone("23", "Ministry", place="Bryansk")
    with ct.open(new_target()) as base:
        first = base.add([whole, part])
        assert first.verdicts == 1  # Bryansk's 23 is part of Russia's 45
        # a second figure for Bryansk: part_whole checks every part against the whole
        # again, and the first part's verdict comes out as stored
        again = drone("23", "Monitor", place="Bryansk")
        second = base.add([again])
        assert second.verdicts == 2  # the new part's, and its corroboration
        (kept,) = base._db.run(
            "SELECT changed_at FROM verdicts WHERE a = ? AND b = ?", (part.id, whole.id)
        )
        assert kept[0] == first.at
        # a part in another place changes what the first parts sum to: rewritten
        third = base.add([drone("9", "Blogger", place="Kursk")])
        assert third.verdicts == 1 + 2  # its own, and the two Bryansk parts' new sums
        assert_same_as_everything_linked_at_once(base, [whole, part, again, *base.claims(
            source="Blogger")])  # fmt: skip


def test_estimates_of_older_quantities_follow_what_a_batch_changes(new_target: NewTarget) -> None:
    """Cases the property found: a running count's older figure, repeated by a new
    one from a day before, becomes a relay (its day's estimate goes), and a
    spokesman's figure weighs with his ministry's reliability, whose claims lie
    elsewhere."""
    ministry = ct.Source("Ministry", reliability="B", side="Russia")
    spokesman = ct.Source("State TV", kind="media", speaks_for="Ministry")
    since = partial(drone, place="Bryansk", period="since 2024-08-01")
    later, earlier = (
        since("more than 20", "Blogger", published="2024-08-22"),
        since("more than 20", "Blogger", published="2024-08-21"),
    )
    day = partial(Claim, measure="drones destroyed", period="2024-08-21", text="report 0")
    batches = [
        [later],
        [earlier],
        [day(source=ministry, figure="45")],
        [
            day(source=ct.Source("Monitor", kind="ngo"), figure="45", place="Russia"),
            day(source=spokesman, figure="100", place="Russia"),
        ],
    ]
    with ct.open(new_target()) as base:
        for batch in batches:
            base.add(batch)
        assert_same_as_everything_linked_at_once(base, [c for b in batches for c in b])


def test_a_running_count_figure_that_comes_late_sits_between_its_neighbours(
    new_target: NewTarget,
) -> None:
    toll = partial(make_claim, source="Ministry", measure="people killed", place="Gaza",
                   period="since 2023-10-07")  # fmt: skip
    first, third = toll("100", published="2024-01-01"), toll("200", published="2024-01-03")
    second = toll("150", published="2024-01-02")
    with ct.open(new_target()) as base:
        base.add([first, third])
        base.add([second])
        found = {(v.a.id, v.b.id) for v in base.graph().verdicts("supersedes")}
        assert found == {(second.id, first.id), (third.id, second.id)}
        assert_same_as_everything_linked_at_once(base, [first, third, second])


def assert_identical(read: Claim, stored: Claim) -> None:
    """Every field equal and of the same type (1 and 1.0, a list and a tuple differ)."""
    for field in attrs.fields(Claim):
        got, want = getattr(read, field.name), getattr(stored, field.name)
        assert got == want and type(got) is type(want), field.name
    assert repr(read.figure) == repr(stored.figure) and read.source == stored.source
    assert read.id == stored.id


def test_a_closed_base_lets_go_of_the_claims_it_kept(new_target: NewTarget) -> None:
    base = ct.open(new_target())
    base.add([make_claim("45", "MoD", place="Russia"), make_claim("40", "Kyiv", place="Russia")])
    assert any(claim.source.name == "MoD" for claim in _rows._decoded.values())
    base.close()
    assert not _rows._decoded  # a notebook's memory is not held by a base it closed


@settings(max_examples=300)
@given(claim=every_field_claims)
def test_a_stored_claim_reads_back_as_the_file_converter_reads_it(claim: Claim) -> None:
    """The base reads its claims without validating them again; what it gives is the
    claim it stored, and what the one converter of the files gives from the same body."""
    body = encode(claim)
    assert_identical(decode(body), claim)
    assert_identical(decode(body), converter.structure(json.loads(body), Claim))
    assert_identical(decode(body, claim.id), claim)


def test_claims_of_every_field_come_back_from_the_base_as_added(new_target: NewTarget) -> None:
    batch = [
        make_claim("45", "MoD", place="Russia", tags=["check"], note="call back",
                   span=(3, 9), published="2024-08-21T14:30", kind="estimate"),
        make_claim("40%", "Monitor", measure="missiles intercepted", share_of="missiles fired",
                   via=("Outlet X",), status="revised", replaced_by="0123456789abcdef"),
    ]  # fmt: skip
    with ct.open(new_target()) as base:
        base.add(batch)
        for read, stored in zip(base.claims(), batch, strict=True):
            assert_identical(read, stored)
