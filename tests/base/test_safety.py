"""The claim base under stress: a writer killed mid-batch, two writers at once, a base
of an earlier schema, a backup taken while in use, and bases that cannot be opened."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.base import SCHEMA_VERSION
from claimtrack.base._dialects import PAGE_SIZE, PostgreSQL, SQLite, connect
from claimtrack.base._keys import TO_DATE
from claimtrack.base._schema import create, recount
from claimtrack.io import converter

from ..factories import ROOT, make_claim
from .conftest import NewTarget
from .test_base import assert_same_as_everything_linked_at_once

drone = partial(make_claim, measure="drones destroyed", period="2024-08-21")


def batch(prefix: str, n: int, place: str = "Russia") -> list[ct.Claim]:
    return [drone(str(40 + i % 7), f"{prefix} {i}", place=place, text=f"{prefix}{i}")
            for i in range(n)]  # fmt: skip


def run_child(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip


# The writer: one batch committed, then a second one stopped in the middle of its
# transaction (its claims, verdicts and report written, its estimates being made).
WRITER = """
import sys, time
import claimtrack as ct
from claimtrack.assessment import assessment_method, per_item
from tests.base.test_safety import batch

stalling = []

@assessment_method("stall")
@per_item
def stall(observations):
    if stalling:
        print("mid-batch", flush=True)
        time.sleep(600)
    return observations[0].value

base = ct.open(sys.argv[1], method="stall")
base.add(batch("committed", 30), report="first")
print("committed", flush=True)
stalling.append(True)
base.add(batch("broken", 30) + batch("broken", 5, "Kursk"), report="second")
"""


def test_a_writer_killed_mid_batch_leaves_every_committed_claim_and_nothing_else(
    new_target: NewTarget,
) -> None:
    target = new_target()
    child = run_child(WRITER, target)
    assert child.stdout is not None
    lines = []
    for line in child.stdout:
        lines.append(line.strip())
        if line.strip() == "mid-batch":
            with ct.open(target) as reader:  # a reader waits for no writer
                assert len(reader) == 30 and reader.claims(text="broken").ids == []
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert lines == ["committed", "mid-batch"], child.stderr.read() if child.stderr else ""
    assert child.returncode == -signal.SIGKILL
    with ct.open(target) as base:
        assert {c.id for c in base.iter_claims()} == {c.id for c in batch("committed", 30)}
        assert base.reports().column("file") == ["first"]
        assert base.claims(text="broken").ids == [] and base.claims(place="Kursk").ids == []
        assert {r["quantity"] for r in base.estimates()} == {
            "drones destroyed · Russia · 2024-08-21"
        }
        graph = base.graph()
        assert all(v.a.id in graph.graph and v.b.id in graph.graph for v in graph.verdicts())
        assert base.record("broken 1").claims.rows == ()
        # the dead writer's lock is gone: the next batch lands
        ct.assessment_method("stall")(ct.assessment.per_item(lambda obs: obs[0].value))
        try:
            assert base.add(batch("after", 3)).new == 3
        finally:
            ct.assessment.truth.unregister_method("stall")


ADDER = """
import sys, time, pathlib
import claimtrack as ct
from tests.base.test_safety import batch

base = ct.open(sys.argv[1])
go = pathlib.Path(sys.argv[3])
while not go.exists():
    time.sleep(0.01)
result = base.add(batch(sys.argv[2], 40))
print(result.new, flush=True)
"""


def test_two_writers_adding_at_once_both_land(new_target: NewTarget, tmp_path: Path) -> None:
    target = new_target()
    ct.open(target).close()
    go = tmp_path / "go"
    children = [run_child(ADDER, target, name, str(go)) for name in ("Alpha", "Beta")]
    time.sleep(1.5)  # both opened and waiting
    go.touch()
    outputs = [child.communicate(timeout=300) for child in children]
    assert [c.returncode for c in children] == [0, 0], [err for _, err in outputs]
    assert [out.strip() for out, _ in outputs] == ["40", "40"]
    with ct.open(target) as base:
        assert len(base) == 80 and len(base.reports()) == 2
        first = base.claims(report=1)[0].source.name.split()[0]
        second = "Beta" if first == "Alpha" else "Alpha"
        # the second to write linked its claims against the first's
        assert_same_as_everything_linked_at_once(base, batch(first, 40) + batch(second, 40))
        alpha = {c.id for c in batch("Alpha", 40)}
        assert any((v.a.id in alpha) != (v.b.id in alpha) for v in base.graph().verdicts())


def _old_settings(db: SQLite | PostgreSQL) -> None:
    """The settings a base of an earlier version kept in its ``meta`` table."""
    db.run_many(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [("method", '"weighted_median"'), ("tolerance", "0.05"),
         ("checkers", json.dumps(ct.ClaimGraph().checkers.names())),
         ("created", '"2026-01-05T09:00:00.000000Z"')],
    )  # fmt: skip


def test_a_base_of_the_previous_schema_is_migrated(new_target: NewTarget) -> None:
    """Version 1 kept tags, note and report inside each claim; version 2 has tables
    for tags and for each reading of a claim, and each claim's last change."""
    target = new_target()
    db = connect(target)
    with db.writing():
        create(db, at=1)
        _old_settings(db)
        db.run("INSERT INTO reports VALUES (1, 'monday.jsonl', '2026-01-05T09:00:00Z', 1, 1, 0)")
        old = drone("45", "MoD", place="Russia", tags=["check-later"], span=(3, 9))
        db.run(
            "INSERT INTO claims (id, seq, body, source, measure, measure_key, place, place_key, "
            "period, period_start, period_end, published, figure, value, low, high, unit, text, "
            "quantity, status, replaced_by, derived, report, span_start, span_end, added_at) "
            "VALUES (?, 1, ?, 'MoD', 'drones destroyed', 'destroyed drone', 'Russia', 'RU', "
            "'2024-08-21', '2024-08-21', '2024-08-21', NULL, '45', 45, 45, 45, NULL, '', "
            "?, 'standing', NULL, 0, 1, 3, 9, '2026-01-05T09:00:00Z')",
            (old.id, json.dumps(converter.unstructure(old)),
             "destroyed drone\x1fRU\x1f2024-08-21/2024-08-21/day\x1fcount"),
        )  # fmt: skip
        db.run("INSERT INTO blocks VALUES (?, ?)", ("destroyed drone\x1fRU\x1f2024-08-21", old.id))
    db.close()
    with pytest.raises(ct.ClaimBaseError, match="schema version 1, expected 4"):
        ct.open(target, migrate=False)
    with ct.open(target) as base:
        assert base.version == SCHEMA_VERSION == 4
        assert base.claims(tag="check-later").ids == [old.id]
        found = base.occurrences(old)
        assert (found[0]["file"], found[0]["span_start"]) == ("monday.jsonl", 3)
        assert base.claims(since="2026-01-05")[0].id == old.id
        result = base.add([drone("about 44", "Monitor", place="Russia")])
        assert result.verdicts == 1  # linked against the migrated claim


def test_a_base_of_version_2_is_migrated(new_target: NewTarget) -> None:
    """Version 2 kept each claim's counts of verdicts as JSON in the claim's row;
    version 3 keeps them in a table of their own, and a batch adds to them there."""
    whole, part = drone("45", "MoD", place="Russia"), drone("23", "MoD", place="Bryansk")
    target = new_target()
    db = connect(target)
    with db.writing():
        create(db, at=2)
        _old_settings(db)
        for seq, (claim, place_key, counts) in enumerate(
            [(whole, "RU", '{"part_of": 1}'), (part, "RU-BRY", '{"part_of": 1}')], start=1
        ):
            qkey = f"destroyed drone\x1f{place_key}\x1f2024-08-21/2024-08-21/day\x1fcount"
            db.run(
                "INSERT INTO claims (id, seq, body, source, measure, measure_key, place, "
                "place_key, period, period_start, period_end, published, figure, value, low, "
                "high, unit, text, quantity, status, replaced_by, derived, report, span_start, "
                "span_end, added_at, changed_at, verdicts) VALUES (?, ?, ?, 'MoD', "
                "'drones destroyed', 'destroyed drone', ?, ?, '2024-08-21', '2024-08-21', "
                "'2024-08-21', NULL, ?, ?, ?, ?, NULL, '', ?, 'standing', NULL, 0, NULL, NULL, "
                "NULL, '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z', ?)",
                (claim.id, seq, json.dumps(converter.unstructure(claim)), claim.place,
                 place_key, claim.figure.format(), claim.figure.value, claim.figure.value,
                 claim.figure.value, qkey, counts),
            )  # fmt: skip
            db.run(
                "INSERT INTO blocks VALUES (?, ?)",
                ("destroyed drone\x1fRU\x1f2024-08-21", claim.id),
            )
        db.run(
            "INSERT INTO verdicts VALUES (?, ?, 'part_whole', 'part_of', 1.0, 'fits', "
            "'2026-01-05T09:00:00Z')",
            (part.id, whole.id),
        )
        db.run("INSERT INTO source_counts VALUES ('MoD', 'part_of', 2)")
    db.close()
    with ct.open(target) as base:
        assert base.version == SCHEMA_VERSION == 4
        before = base.record("MoD")
        assert before.relations == {"part_of": 2}
        assert [row["id"] for row in before.claims] == [whole.id, part.id]
        # a second figure for Russia: corroborates the first, and Bryansk is part of it
        base.add([drone("about 44", "Monitor", place="Russia")])
        rows = {row["id"]: row for row in base.record("MoD").claims}
        assert rows[whole.id]["corroborated"] == 1
        assert base.record("MoD").relations == {"corroborates": 1, "part_of": 3}


def test_a_base_of_version_3_is_keyed_again_and_relinked(new_target: NewTarget) -> None:
    """Version 3 put a count to date only in the block of its start; version 4 also puts
    it in its measure's block of counts to date, where a count since a later start
    meets the count it is a part of. A migrated base is keyed and linked again once."""
    burned = partial(make_claim, measure="area burned", source="Fire service")
    part = burned("6,100 hectares", place="Rhodes", period="2031-07-15/", published="2031-07-19")
    whole = burned("40,000 hectares", place="Greece", period="2031-07-01/", published="2031-07-19")
    target = new_target()
    with ct.open(target) as base:
        base.add([part, whole])
    db = connect(target)  # as version 3 left it: no such block, so no verdict
    with db.writing():
        db.run("DELETE FROM blocks WHERE block LIKE ?", (f"%{TO_DATE}",))
        db.run("DELETE FROM verdicts")
        recount(db, [part.id, whole.id])
        db.run("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    db.close()
    with pytest.raises(ct.ClaimBaseError, match="schema version 3, expected 4"):
        ct.open(target, migrate=False)
    with ct.open(target) as base:
        assert base.version == SCHEMA_VERSION == 4
        (verdict,) = base.graph().verdicts()
        assert (verdict.relation.value, verdict.a.id, verdict.b.id) == (
            "part_of", part.id, whole.id,
        )  # fmt: skip
        assert base.record("Fire service").relations == {"part_of": 2}
        assert_same_as_everything_linked_at_once(base, [part, whole])
    db = connect(target)
    assert db.run("SELECT value FROM meta WHERE key = 'rekey'") == []  # done once
    db.close()


def test_a_base_of_a_newer_schema_is_refused(new_target: NewTarget) -> None:
    target = new_target()
    ct.open(target).close()
    db = connect(target)
    db.run("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.close()
    with pytest.raises(ct.ClaimBaseError, match="version 99 was made by a newer claimtrack"):
        ct.open(target)


def test_a_sqlite_base_is_backed_up_while_in_use(tmp_path: Path) -> None:
    with ct.open(tmp_path / "desk.db") as base:
        base.add(batch("MoD", 5))
        copy = base.backup(tmp_path / "backups" / "desk-monday.db")
        base.add(batch("Later", 3))
    with ct.open(copy) as restored:
        assert len(restored) == 5 and restored.graph().verdicts()


def test_a_server_base_points_to_pg_dump_for_backups(postgres_url: str) -> None:
    from .conftest import _schema_url

    with (
        ct.open(_schema_url(postgres_url)) as base,
        pytest.raises(ct.ClaimBaseError, match="pg_dump"),
    ):
        base.backup("copy.db")


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("no/such/folder/desk.db", "the folder 'no/such/folder' does not exist"),
        ("postgresql://nobody@127.0.0.1:1/none", "cannot connect"),
        ("postgresql://nobody:secret@127.0.0.1:1/none", r"nobody:\*\*\*@"),
    ],
)
def test_a_base_that_cannot_be_opened_says_which_and_why(target: str, message: str) -> None:
    with pytest.raises(ct.ClaimBaseError, match=message) as caught:
        ct.open(target)
    assert "secret" not in str(caught.value)


def test_a_file_that_is_not_a_base_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("not a database at all, just notes\n" * 100)
    with pytest.raises(ct.ClaimBaseError, match="notes.db"):
        ct.open(tmp_path / "notes.db")


# Another process changes a claim a long-lived base has read: it retracts it and
# tags it, and adds a claim about the same quantity.
OTHER_WRITER = """
import sys
import claimtrack as ct
from tests.base.test_safety import batch

with ct.open(sys.argv[1]) as base:
    base.retract(sys.argv[2])
    base.tag([sys.argv[2]], "disputed")
    base.add(batch("other", 1))
"""


def test_a_base_that_lasts_reads_what_another_writer_changed(new_target: NewTarget) -> None:
    target = new_target()
    with ct.open(target) as base:
        base.add(batch("first", 6))
        claims = list(base.iter_claims())
        assert [id(c) for c in base.iter_claims()] == [id(c) for c in claims]  # decoded once
        child = run_child(OTHER_WRITER, target, claims[0].id)
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        changed = base.claim(claims[0].id)
        assert (changed.status, changed.tags) == ("retracted", frozenset({"disputed"}))
        assert changed is not claims[0] and changed.id == claims[0].id
        base.add(batch("last", 3))  # linked against the retracted claim and the other's
        stored = list(base.iter_claims())
        assert len(stored) == 10 and stored[0].status == "retracted"
        assert_same_as_everything_linked_at_once(
            base, [s for s in stored if s.id not in base.claims(derived=True).ids]
        )


def test_a_new_sqlite_base_has_larger_pages_and_an_older_one_keeps_its_own(
    tmp_path: Path,
) -> None:
    def page_size(path: Path) -> int:
        with sqlite3.connect(path) as db:
            return int(db.execute("PRAGMA page_size").fetchone()[0])

    new = tmp_path / "new.db"
    with ct.open(new) as base:
        base.add([drone("30", "A")])
    assert PAGE_SIZE != 4096 and page_size(new) == PAGE_SIZE
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as db:  # a base made with SQLite's default pages
        db.execute("PRAGMA page_size=4096")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE t (x)")  # a page written: its size is now fixed
    with sqlite3.connect(old) as db:
        db.execute("DROP TABLE t")
    with ct.open(old) as base:
        base.add([drone("30", "A"), drone("31", "B")])
        assert len(base) == 2
    assert page_size(old) == 4096
    with ct.open(old) as base:
        assert len(base) == 2
