"""The base's tables, their version, and the way from each earlier version to this one.

``VERSIONS[n]`` is the schema as version ``n`` made it; ``MIGRATIONS[n]`` takes a
base from version ``n`` to ``n + 1`` in one transaction. A base records its version
in ``meta``; opening an older one migrates it (``ct.open(..., migrate=False)``
refuses instead), and a newer one is refused with a message saying so.

Version 1 kept a claim's report, span, tags and note only inside the claim; version 2
gives reports their own rows (a claim read in two reports keeps both spans), tags a
table of their own (to query by tag), every claim the time it last changed and its
count of verdicts by relation, and every source its totals of them (so that a
source's record reads no verdict). Version 3 keeps a claim's counts in a narrow
table of their own (``claim_counts``, one row per claim and relation) rather than
as JSON in the claim's row: a batch adds to them in place, with no claim read or
rewritten. Version 4 keeps the same tables, and puts each count to date in one more
block (see ``claimtrack.base._keys``): a base migrated to it is keyed and linked again
when it is next opened (``meta`` says ``rekey`` until that is done).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from ._dialects import Database

__all__ = [
    "CURRENT",
    "MIGRATIONS",
    "REKEY",
    "VERSIONS",
    "add_to_sources",
    "create",
    "recount",
    "version",
]

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
  name TEXT PRIMARY KEY, body TEXT NOT NULL, added_at TEXT NOT NULL, changed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
  id BIGINT PRIMARY KEY, file TEXT, added_at TEXT NOT NULL,
  claims BIGINT NOT NULL, new BIGINT NOT NULL, problems BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
  id TEXT PRIMARY KEY, seq BIGINT NOT NULL UNIQUE, body TEXT NOT NULL,
  source TEXT NOT NULL, measure TEXT NOT NULL, measure_key TEXT NOT NULL,
  place TEXT, place_key TEXT, period TEXT, period_start TEXT, period_end TEXT,
  published TEXT, figure TEXT NOT NULL, value DOUBLE PRECISION NOT NULL,
  low DOUBLE PRECISION, high DOUBLE PRECISION, unit TEXT, text TEXT NOT NULL,
  quantity TEXT NOT NULL, status TEXT NOT NULL, replaced_by TEXT,
  derived BIGINT NOT NULL, report BIGINT, span_start BIGINT, span_end BIGINT,
  added_at TEXT NOT NULL{claims_since_v2});
CREATE INDEX IF NOT EXISTS claims_quantity ON claims (quantity);
CREATE INDEX IF NOT EXISTS claims_source ON claims (source, published);
CREATE INDEX IF NOT EXISTS claims_topic ON claims (measure_key, place_key, published);
CREATE INDEX IF NOT EXISTS claims_place ON claims (place_key);
CREATE INDEX IF NOT EXISTS claims_added ON claims (added_at);
CREATE TABLE IF NOT EXISTS blocks (
  block TEXT NOT NULL, claim TEXT NOT NULL, PRIMARY KEY (block, claim)) /*clustered*/;
CREATE TABLE IF NOT EXISTS verdicts (
  a TEXT NOT NULL, b TEXT NOT NULL, checker TEXT NOT NULL, relation TEXT NOT NULL,
  strength DOUBLE PRECISION NOT NULL, reason TEXT NOT NULL, changed_at TEXT NOT NULL,
  PRIMARY KEY (a, b, checker)) /*clustered*/;
CREATE INDEX IF NOT EXISTS verdicts_b ON verdicts (b, relation);
CREATE TABLE IF NOT EXISTS estimates (
  quantity TEXT PRIMARY KEY, label TEXT NOT NULL, measure_key TEXT NOT NULL,
  place_key TEXT, period TEXT, best DOUBLE PRECISION NOT NULL,
  low DOUBLE PRECISION NOT NULL, high DOUBLE PRECISION NOT NULL, unit TEXT,
  support DOUBLE PRECISION NOT NULL, confidence DOUBLE PRECISION NOT NULL,
  body TEXT NOT NULL, method TEXT NOT NULL, changed_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS estimates_topic ON estimates (measure_key, place_key);
CREATE INDEX IF NOT EXISTS estimates_changed ON estimates (changed_at);
CREATE TABLE IF NOT EXISTS places (
  seq BIGINT PRIMARY KEY, name TEXT NOT NULL, within TEXT, aliases TEXT NOT NULL,
  added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS measures (
  seq BIGINT PRIMARY KEY, canonical TEXT NOT NULL, synonyms TEXT NOT NULL,
  added_at TEXT NOT NULL)
"""

# What version 2 adds to version 1 (the migration runs exactly this, then moves data).
_V2_TABLES = """
CREATE TABLE IF NOT EXISTS occurrences (
  claim TEXT NOT NULL, report BIGINT NOT NULL, span_start BIGINT, span_end BIGINT,
  PRIMARY KEY (claim, report)) /*clustered*/;
CREATE INDEX IF NOT EXISTS occurrences_report ON occurrences (report);
CREATE TABLE IF NOT EXISTS tags (
  claim TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (claim, tag)) /*clustered*/;
CREATE INDEX IF NOT EXISTS tags_tag ON tags (tag);
CREATE INDEX IF NOT EXISTS claims_changed ON claims (changed_at);
CREATE INDEX IF NOT EXISTS claims_record ON claims (source, status, published);
CREATE TABLE IF NOT EXISTS source_counts (
  source TEXT NOT NULL, relation TEXT NOT NULL, n BIGINT NOT NULL,
  PRIMARY KEY (source, relation)) /*clustered*/
"""

_V2_COLUMNS = (
    "ALTER TABLE claims ADD COLUMN changed_at TEXT",
    "ALTER TABLE claims ADD COLUMN verdicts TEXT",
)

# What version 3 adds to version 2: a claim's counts of verdicts by relation.
_V3_TABLES = """
CREATE TABLE IF NOT EXISTS claim_counts (
  claim TEXT NOT NULL, relation TEXT NOT NULL, n BIGINT NOT NULL,
  PRIMARY KEY (claim, relation)) /*clustered*/
"""

#: The schema each version made, as statements separated by ";".
VERSIONS: dict[int, str] = {
    1: _TABLES.format(claims_since_v2=""),
    2: _TABLES.format(claims_since_v2=", changed_at TEXT, verdicts TEXT") + ";" + _V2_TABLES,
    3: _TABLES.format(claims_since_v2=", changed_at TEXT") + ";" + _V2_TABLES + ";" + _V3_TABLES,
}
VERSIONS[4] = VERSIONS[3]
CURRENT = 4
#: The ``meta`` key a migration leaves when the claims must be keyed again on opening
#: (keys need the base's gazetteer and lexicon, which a migration step does not load).
REKEY = "rekey"


# Tables read by their key's first column (a claim's verdicts, a block's claims) are
# kept in key order on SQLite ("WITHOUT ROWID"), so one lookup reads a few pages;
# PostgreSQL has no such clause, and its indexes serve the same lookups.
_CLUSTERED = "/*clustered*/"


def _statements(script: str, db: Database) -> list[str]:
    clustered = " WITHOUT ROWID" if db.kind == "sqlite" else ""
    return [s.strip().replace(_CLUSTERED, clustered) for s in script.split(";") if s.strip()]


def version(db: Database) -> int | None:
    """The schema version of the base, or None for an empty database."""
    found = db.run(
        "SELECT COUNT(*) FROM information_schema.tables "
        "WHERE table_name = 'meta' AND table_schema = current_schema()"
        if db.kind == "postgresql"
        else "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    )
    if not found[0][0]:
        return None
    rows = db.run("SELECT value FROM meta WHERE key = 'schema_version'")
    return int(rows[0][0]) if rows else None


def create(db: Database, at: int = CURRENT) -> None:
    """Make the tables of schema version ``at`` (the current one unless a test asks)."""
    for statement in _statements(VERSIONS[at], db):
        db.run(statement)
    db.run(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
        (str(at),),
    )


def _v1_to_v2(db: Database) -> None:
    """Reports and spans to ``occurrences``, tags to ``tags``, ``changed_at`` from
    ``added_at``."""
    for column in _V2_COLUMNS:
        db.run(column)
    for statement in _statements(_V2_TABLES, db):
        db.run(statement)
    db.run("UPDATE claims SET changed_at = added_at")
    db.run(
        "INSERT INTO occurrences (claim, report, span_start, span_end) "
        "SELECT id, report, span_start, span_end FROM claims WHERE report IS NOT NULL"
    )
    tagged = []
    for claim, body in db.run("SELECT id, body FROM claims"):
        for tag in json.loads(body).get("tags", ()):
            tagged.append((claim, tag))
    db.run_many("INSERT INTO tags (claim, tag) VALUES (?, ?) ON CONFLICT DO NOTHING", tagged)
    _recount_v2(db, [cid for (cid,) in db.run("SELECT id FROM claims")])
    db.run("UPDATE meta SET value = '2' WHERE key = 'schema_version'")


def _v2_to_v3(db: Database) -> None:
    """Each claim's counts of verdicts from the JSON in its row to ``claim_counts``."""
    for statement in _statements(_V3_TABLES, db):
        db.run(statement)
    rows = [
        (cid, relation, int(n))
        for cid, stored in db.run("SELECT id, verdicts FROM claims WHERE verdicts IS NOT NULL")
        for relation, n in sorted(json.loads(stored).items())
        if n
    ]
    db.run_many("INSERT INTO claim_counts (claim, relation, n) VALUES (?, ?, ?)", rows)
    db.run("ALTER TABLE claims DROP COLUMN verdicts")
    db.run("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def _v3_to_v4(db: Database) -> None:
    """Counts to date gain a block of their own (``claimtrack.base._keys``): the base is
    keyed and linked again when next opened, with its gazetteer and lexicon loaded."""
    db.run(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
        (REKEY, json.dumps("blocks")),
    )
    db.run("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


def _counted(db: Database, ids: list[str]) -> dict[str, dict[str, int]]:
    """Each claim's count of verdicts by relation, worked out from the verdicts (a
    verdict counts for both its claims)."""
    counts: dict[str, dict[str, int]] = {cid: {} for cid in ids}
    for end in ("a", "b"):
        for cid, relation, n in db.run(
            f"SELECT {end}, relation, COUNT(*) FROM verdicts WHERE {db.keys(end)} "
            f"GROUP BY {end}, relation",
            (db.key_list(ids),),
        ):
            found = counts[cid]
            found[relation] = found.get(relation, 0) + int(n)
    return counts


def recount(db: Database, ids: Iterable[str], gone: Iterable[str] = ()) -> None:
    """Store each claim's count of verdicts by relation, and keep each source's
    totals: a source's record reads them, and no verdict. ``gone`` are claims about
    to be deleted: their counts leave the totals, and their rows go."""
    ids, gone = sorted(set(ids)), sorted(set(gone))
    counts = _counted(db, ids)
    every = db.key_list([*ids, *gone])
    before: dict[str, dict[str, int]] = {}
    for cid, relation, n in db.run(
        f"SELECT claim, relation, n FROM claim_counts WHERE {db.keys('claim')}", (every,)
    ):
        before.setdefault(cid, {})[relation] = int(n)
    sources = dict(db.run(f"SELECT id, source FROM claims WHERE {db.keys('id')}", (every,)))
    deltas: dict[tuple[str, str], int] = {}
    for cid, source in sources.items():
        old, new = before.get(cid, {}), counts.get(cid, {})
        for relation in set(old) | set(new):
            change = new.get(relation, 0) - old.get(relation, 0)
            if change:
                deltas[(source, relation)] = deltas.get((source, relation), 0) + change
    db.run(f"DELETE FROM claim_counts WHERE {db.keys('claim')}", (every,))
    db.run_many(
        "INSERT INTO claim_counts (claim, relation, n) VALUES (?, ?, ?)",
        [(cid, r, n) for cid, found in counts.items() for r, n in sorted(found.items()) if n],
    )
    add_to_sources(db, deltas)


def add_to_sources(db: Database, deltas: dict[tuple[str, str], int]) -> None:
    """Add changes to each source's totals of verdicts by relation."""
    db.run_many(
        "INSERT INTO source_counts (source, relation, n) VALUES (?, ?, ?) "
        "ON CONFLICT (source, relation) DO UPDATE SET n = source_counts.n + excluded.n",
        [(source, relation, n) for (source, relation), n in sorted(deltas.items()) if n],
    )


def _recount_v2(db: Database, ids: Iterable[str]) -> None:
    """``recount`` as version 2 kept the counts: as JSON in each claim's row."""
    ids = sorted(set(ids))
    counts = _counted(db, ids)
    deltas: dict[tuple[str, str], int] = {}
    for cid, source, stored in db.run(
        f"SELECT id, source, verdicts FROM claims WHERE {db.keys('id')}", (db.key_list(ids),)
    ):
        before = json.loads(stored or "{}")
        after = counts.get(cid, {})
        for relation in set(before) | set(after):
            change = after.get(relation, 0) - before.get(relation, 0)
            if change:
                key = (source, relation)
                deltas[key] = deltas.get(key, 0) + change
    db.run_many(
        "UPDATE claims SET verdicts = ? WHERE id = ?",
        [(json.dumps(found, sort_keys=True), cid) for cid, found in counts.items()],
    )
    add_to_sources(db, deltas)


#: ``MIGRATIONS[n]`` takes a base of version ``n`` to version ``n + 1``.
MIGRATIONS: dict[int, Callable[[Database], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}
