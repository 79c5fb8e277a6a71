"""``ClaimBase``: claims that last, in a SQLite file or on a PostgreSQL server.

>>> import claimtrack as ct, tempfile, os
>>> base = ct.open(os.path.join(tempfile.mkdtemp(), "desk.db"))
>>> day = dict(measure="drones destroyed", place="Russia", period="2024-08-21")
>>> result = base.add([ct.Claim(source="MoD", figure="45", **day),
...                    ct.Claim(source="Monitor", figure="about 44", **day)])
>>> result.new, result.verdicts, base.add([ct.Claim(source="MoD", figure="45", **day)]).new
(2, 1, 0)
>>> [(row["best"], row["claims"]) for row in base.estimates()]
[(44.0, 2)]
>>> base.close()
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
import cattrs

from .._gc import paused_gc
from ..assessment import Estimate, assessment_methods
from ..assessment import _assess as _assessing  # assess's steps: estimates alone
from ..errors import ClaimBaseError, ClaimtrackError, FileFormatError, ValidationError
from ..graph import ClaimGraph, claim_origins, relation_pairs, verdict_rows
from ..io import LoadResult, Problem, converter, load
from ..measures import MeasureLexicon
from ..model import Claim, Period, Source
from ..places import Gazetteer
from ..relations import Quantity, Relation, Verdict
from . import _schema
from ._dialects import WAIT, SQLite, connect
from ._keys import Keys, quantity_key
from ._results import AddResult, Claims, SourceRecord, Table, utc_now
from ._rows import decode as _decode
from ._rows import encode as _encode
from ._rows import forget as _forget

__all__ = ["DEFAULT_METHOD", "ClaimBase", "open_base"]

#: The method a new base estimates with: per quantity, so adding claims reassesses
#: only the quantities they touch and the answer is what assessing everything gives.
DEFAULT_METHOD = "weighted_median"

#: Methods that learn each source's reliability from every quantity at once: one new
#: claim moves every estimate, so a base cannot keep them up to date claim by claim.
#: Run them on a query instead: ``base.graph(...).assess("accucopy")``.
_ACROSS_QUANTITIES = frozenset({"accucopy", "crh"})

_CLAIM_COLUMNS = (
    "id, seq, body, source, measure, measure_key, place, place_key, period, period_start, "
    "period_end, published, figure, value, low, high, unit, text, quantity, status, "
    "replaced_by, derived, report, span_start, span_end, added_at, changed_at"
)


def _source_body(source: Source) -> str:
    return json.dumps(converter.unstructure(source), ensure_ascii=False)


def _merged(old: Source, new: Source) -> Source:
    """A source's record after a claim names it again: what ``ClaimGraph`` keeps."""
    if old == new:
        return old
    return Source(
        new.name,
        aliases=tuple(dict.fromkeys((*old.aliases, *new.aliases))),
        kind=new.kind or old.kind,
        side=new.side or old.side,
        reliability=new.reliability if new.reliability is not None else old.reliability,
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _moment(value: Any, field: str) -> str:
    """A time given as a datetime, a date or ISO text, in the base's format."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(field, value, "a date or time as ISO text") from None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return str(value.strftime("%Y-%m-%dT%H:%M:%S.%fZ"))
    if isinstance(value, dt.date):
        return f"{value.isoformat()}T00:00:00.000000Z"
    raise ValidationError(field, value, "a datetime, a date or ISO text")


def open_base(
    target: str | os.PathLike[str],
    *,
    method: str | None = None,
    tolerance: float | None = None,
    checkers: Iterable[str] | None = None,
    migrate: bool = True,
    timeout: float = WAIT,
) -> ClaimBase:
    """Open a claim base, making it when there is none: a SQLite file by default, or
    a PostgreSQL database given a ``postgresql://`` URL.

    Parameters
    ----------
    target
        A file path (SQLite, WAL mode) or ``postgresql://user@host/db`` (needs the
        ``claimtrack[postgres]`` extra).
    method, tolerance, checkers
        How a new base estimates, when figures agree, and which checkers link its
        claims (defaults: ``"weighted_median"``, 0.05, every enabled checker). They
        are stored in the base; an existing base keeps its own, and asking for
        others raises ``ValidationError``. ``method`` must judge each quantity on
        its own (not ``"accucopy"`` or ``"crh"``; run those on ``base.graph()``).
    migrate
        Bring a base made by an earlier claimtrack to the current schema (the
        default); with False such a base raises ``ClaimBaseError``.
    timeout
        Seconds a writer waits for another writer to finish its batch.
    """
    return ClaimBase(
        os.fspath(target),
        method=method,
        tolerance=tolerance,
        checkers=checkers,
        migrate=migrate,
        timeout=timeout,
    )


class ClaimBase:
    """Claims, sources, verdicts, estimates and the reports they came from, kept in a
    database and linked as they arrive. Open one with ``claimtrack.open``."""

    def __init__(
        self,
        target: str,
        *,
        method: str | None = None,
        tolerance: float | None = None,
        checkers: Iterable[str] | None = None,
        migrate: bool = True,
        timeout: float = WAIT,
    ) -> None:
        self._db = connect(target, timeout)
        self._closed = False
        try:
            self._settings = self._prepare(method, tolerance, checkers, migrate)
            self._keys = self._load_keys()
            if _schema.REKEY in self._settings:
                self._finish_migration()
        except BaseException:
            self._db.close()
            raise

    # -- opening ------------------------------------------------------------------------

    def _prepare(
        self,
        method: str | None,
        tolerance: float | None,
        checkers: Iterable[str] | None,
        migrate: bool,
    ) -> dict[str, Any]:
        db = self._db
        if _schema.version(db) == _schema.CURRENT:  # the usual case: no writer's lock needed
            return self._stored_settings(method, tolerance, checkers)
        with db.writing():
            found = _schema.version(db)
            if found is None:
                _schema.create(db)
                wanted = self._new_settings(method, tolerance, checkers)
                db.run_many(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                    [(k, json.dumps(v)) for k, v in wanted.items()],
                )
            elif found > _schema.CURRENT:
                raise ClaimBaseError(
                    db.where,
                    f"schema version {found} was made by a newer claimtrack; this one reads "
                    f"up to version {_schema.CURRENT}: upgrade claimtrack",
                )
            elif found < _schema.CURRENT:
                if not migrate:
                    raise ClaimBaseError(
                        db.where,
                        f"schema version {found}, expected {_schema.CURRENT}: open it with "
                        "migrate=True to bring it up to date (back it up first)",
                    )
                for step in range(found, _schema.CURRENT):
                    _schema.MIGRATIONS[step](db)
        return self._stored_settings(method, tolerance, checkers)

    def _stored_settings(
        self, method: str | None, tolerance: float | None, checkers: Iterable[str] | None
    ) -> dict[str, Any]:
        stored = {k: json.loads(v) for k, v in self._db.run("SELECT key, value FROM meta")}
        for name, given in (("method", method), ("tolerance", tolerance)):
            if given is not None and given != stored[name]:
                raise ValidationError(name, given, f"{stored[name]!r}, the base's own")
        if checkers is not None and list(checkers) != stored["checkers"]:
            raise ValidationError("checkers", checkers, f"{stored['checkers']!r}, the base's own")
        return stored

    @staticmethod
    def _new_settings(
        method: str | None, tolerance: float | None, checkers: Iterable[str] | None
    ) -> dict[str, Any]:
        method = method or DEFAULT_METHOD
        if method in _ACROSS_QUANTITIES or method not in assessment_methods():
            known = [m for m in assessment_methods() if m not in _ACROSS_QUANTITIES]
            raise ValidationError(
                "method",
                method,
                "a method that judges each quantity on its own: " + ", ".join(known),
            )
        graph = ClaimGraph(
            checkers=None if checkers is None else list(checkers),
            tolerance=0.05 if tolerance is None else tolerance,
        )
        return {
            "method": method,
            "tolerance": graph.context.tolerance,
            "checkers": graph.checkers.names(),
            "created": utc_now(),
        }

    def _finish_migration(self) -> None:
        """Key and link again the claims of a base a migration left to be keyed (see
        ``_schema.REKEY``), once: a writer that gets here first does it for all."""
        db = self._db
        with db.writing():
            if db.run("SELECT value FROM meta WHERE key = ?", (_schema.REKEY,)):
                self._rekey()
                db.run("DELETE FROM meta WHERE key = ?", (_schema.REKEY,))
        del self._settings[_schema.REKEY]

    def _load_keys(self) -> Keys:
        places = Gazetteer.default()
        for name, within, aliases in self._db.run(
            "SELECT name, within, aliases FROM places ORDER BY seq"
        ):
            places.add(name, within=within, aliases=json.loads(aliases))
        measures = MeasureLexicon.default()
        for canonical, synonyms in self._db.run(
            "SELECT canonical, synonyms FROM measures ORDER BY seq"
        ):
            measures = measures.with_synonyms({canonical: json.loads(synonyms)})
        return Keys(
            measures, places, float(self._settings["tolerance"]), self._settings["checkers"]
        )

    # -- what it is ---------------------------------------------------------------------

    @property
    def where(self) -> str:
        """The file or server (without a password)."""
        return self._db.where

    @property
    def kind(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._db.kind

    @property
    def method(self) -> str:
        """The assessment method the stored estimates come from."""
        return str(self._settings["method"])

    @property
    def tolerance(self) -> float:
        return self._keys.tolerance

    @property
    def checkers(self) -> list[str]:
        """The checkers that link the base's claims, in order."""
        return list(self._keys.checkers)

    @property
    def places(self) -> Gazetteer:
        """The gazetteer: the default one with the base's own places added."""
        return self._keys.places

    @property
    def measures(self) -> MeasureLexicon:
        """The measure lexicon: the default one with the base's own synonyms added."""
        return self._keys.measures

    @property
    def version(self) -> int:
        """The schema version (``claimtrack.base.SCHEMA_VERSION`` once opened)."""
        return _schema.version(self._db) or 0

    def __len__(self) -> int:
        return int(self._db.run("SELECT COUNT(*) FROM claims")[0][0])

    def __repr__(self) -> str:
        if self._closed:
            return f"<ClaimBase {self.where} (closed)>"
        return f"<ClaimBase {self.where}: {len(self)} claims>"

    def close(self) -> None:
        """Close the connection (a closed base answers nothing)."""
        self._closed = True
        self._db.close()
        _forget()

    def __enter__(self) -> ClaimBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup(self, target: str | os.PathLike[str]) -> Path:
        """Copy a SQLite base to ``target`` while it is in use (SQLite's online backup:
        readers and writers go on; the copy is one consistent moment)."""
        if not isinstance(self._db, SQLite):
            raise ClaimBaseError(
                self.where, "backup() copies SQLite files; back a server up with pg_dump"
            )
        path = Path(target)
        self._db.backup(str(path))
        return path

    # -- adding ---------------------------------------------------------------------------

    def add(
        self,
        claims: Iterable[Claim | Mapping[str, Any]],
        *,
        report: str | None = None,
        errors: Literal["raise", "collect"] = "raise",
    ) -> AddResult:
        """Add a batch of claims (``Claim`` objects, or mappings in the on-disk form),
        link the new ones and reassess the quantities they touch, in one transaction.

        A claim the base holds already (same content id) adds nothing but the note
        that ``report`` carried it too. New claims are linked against the claims
        of their blocks only (see ``claimtrack.base._keys``), and the estimates of
        the quantities they touch are made again: the base then holds what linking
        and assessing every claim afresh would give.

        Parameters
        ----------
        claims
            The batch; read inside the transaction, so a writer stopped while
            reading it leaves nothing behind.
        report
            Where the batch came from (a file name, a URL), kept with each claim.
        errors
            ``"raise"``: a bad item stops the batch and nothing is added.
            ``"collect"``: the good items land, and each bad one is in
            ``AddResult.problems`` with its position and reason.
        """
        if errors not in ("raise", "collect"):
            raise ValidationError("errors", errors, "'raise' or 'collect'")
        name = report or "<batch>"
        with self._db.writing():
            good, problems = self._read(claims, name, errors)
            return self._add(good, problems, report)

    def add_file(
        self,
        path: str | os.PathLike[str],
        *,
        errors: Literal["raise", "collect"] = "collect",
        columns: Mapping[str, str] | None = None,
    ) -> AddResult:
        """Add the claims of a file (JSON, JSON Lines or CSV, as ``claimtrack.load``
        reads them); the file is recorded as their report, with each claim's span.
        Bad lines are collected by default: the good ones land."""
        if errors == "raise":  # the first bad line raises FileFormatError, naming it
            loaded = LoadResult(load(path, columns=columns), [])
        else:
            loaded = load(path, errors="collect", columns=columns)
        with self._db.writing():
            return self._add(list(loaded.claims), list(loaded.problems), os.fspath(path))

    def add_text(
        self, text: str, *, name: str = "<stdin>", errors: Literal["raise", "collect"] = "collect"
    ) -> AddResult:
        """Add claims given as JSON Lines text (one claim a line), such as standard input."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "claims.jsonl"
            path.write_text(text, encoding="utf-8")
            loaded: LoadResult = load(path, errors="collect")
        problems = [attrs.evolve(p, path=name) for p in loaded.problems]
        if errors == "raise" and problems:
            first = problems[0]
            raise FileFormatError(name, first.reason, first.line, first.field)
        with self._db.writing():
            return self._add(list(loaded.claims), problems, name)

    def _read(
        self, items: Iterable[Claim | Mapping[str, Any]], name: str, errors: str
    ) -> tuple[list[Claim], list[Problem]]:
        good: list[Claim] = []
        problems: list[Problem] = []
        for index, item in enumerate(items, start=1):
            try:
                if isinstance(item, Claim):
                    good.append(item)
                elif isinstance(item, Mapping):
                    good.append(converter.structure(dict(item), Claim))
                else:
                    raise ValidationError("claim", item, "a Claim or a mapping of its fields")
            except (ClaimtrackError, cattrs.BaseValidationError, ValueError, TypeError) as err:
                if errors == "raise":
                    raise
                field = getattr(err, "field", None)
                reason = (
                    "; ".join(cattrs.transform_error(err))
                    if isinstance(err, cattrs.BaseValidationError)
                    else str(err)
                )
                problems.append(Problem(name, index, field, f"item {index}: {reason}"))
        return good, problems

    def _add(self, claims: list[Claim], problems: list[Problem], report: str | None) -> AddResult:
        with paused_gc():  # a batch builds many objects and no cycle (see claimtrack._gc)
            return self._add_batch(claims, problems, report)

    def _add_batch(
        self, claims: list[Claim], problems: list[Problem], report: str | None
    ) -> AddResult:
        db, keys = self._db, self._keys
        now = utc_now()
        batch = list({c.id: c for c in claims}.values())
        known = {
            row[0]
            for row in db.run(
                f"SELECT id FROM claims WHERE {db.keys('id')}",
                (db.key_list(c.id for c in batch),),
            )
        }
        new = [c for c in batch if c.id not in known]
        report_id = self._next("reports", "id")
        db.run(
            "INSERT INTO reports (id, file, added_at, claims, new, problems) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (report_id, report, now, len(batch), len(new), len(problems)),
        )
        changed_sources = self._fold_sources(new, now)
        graph, context, verdicts, derived = self._link(new)
        seq = self._next("claims", "seq")
        quantities = {}
        rows = []
        for claim, is_derived in [(c, False) for c in new] + [(c, True) for c in derived]:
            q = keys.quantity(claim)
            qkey = quantity_key(q)
            quantities[qkey] = q
            rows.append(
                self._row(claim, q, qkey, seq, is_derived, None if is_derived else report_id, now)
            )
            seq += 1
        self._insert_claims(rows, [*new, *derived], quantities)
        db.run_many(
            "INSERT INTO occurrences (claim, report, span_start, span_end) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [
                (c.id, report_id, c.span[0] if c.span else None, c.span[1] if c.span else None)
                for c in batch
            ],
        )
        walks = _walks(graph, [*new, *derived]) if "cumulative" in keys.checkers else []
        written, moved = self._store_verdicts(
            verdicts, context, now, walks=walks, source_of=lambda cid: graph.claim(cid).source.name
        )
        if derived:
            self._fold_sources(derived, now)
        # a verdict an estimate reads (a relay, an update) between older claims changed:
        # their quantities are estimated again too (a running count's repeat made a relay)
        for cid in moved:
            if cid in context:
                q = keys.quantity(context[cid])
                quantities.setdefault(quantity_key(q), q)
        reassessed = self._reassess(set(quantities), now, graph)
        if changed_sources:  # a source's new prior weighs in every quantity it speaks on
            elsewhere = {
                q for (q,) in db.run(
                    f"SELECT DISTINCT quantity FROM claims WHERE {db.keys('source')}",
                    (db.key_list(changed_sources),),
                )
            } - set(quantities)  # fmt: skip
            reassessed += self._reassess(elsewhere, now)
        return AddResult(
            report_id,
            len(batch),
            len(new),
            len(derived),
            written,
            reassessed,
            tuple(problems),
            now,
        )

    def _next(self, table: str, column: str) -> int:
        # writers take turns (see _dialects), so the largest number is this writer's to extend
        found = self._db.run(f"SELECT MAX({column}) FROM {table}")[0][0]
        return 1 if found is None else int(found) + 1

    def _row(
        self,
        c: Claim,
        q: Quantity,
        qkey: str,
        seq: int,
        derived: bool,
        report: int | None,
        now: str,
    ) -> tuple[Any, ...]:
        f, p = c.figure, c.period
        return (
            c.id, seq, _encode(c), c.source.name, c.measure, q.measure, c.place, q.place,
            str(p) if p else None,
            p.start.isoformat() if p and p.start else None,
            p.end.isoformat() if p and p.end else None,
            c.published.isoformat() if c.published else None,
            f.format(), float(f.value), _float(f.low), _float(f.high), f.unit, c.text, qkey,
            c.status, c.replaced_by, int(derived), report,
            c.span[0] if c.span else None, c.span[1] if c.span else None, now, now,
        )  # fmt: skip

    def _insert_claims(
        self, rows: list[tuple[Any, ...]], claims: list[Claim], quantities: dict[str, Quantity]
    ) -> None:
        db, keys = self._db, self._keys
        marks = ", ".join("?" * len(_CLAIM_COLUMNS.split(",")))
        db.run_many(f"INSERT INTO claims ({_CLAIM_COLUMNS}) VALUES ({marks})", rows)
        blocks = [(b, c.id) for c in claims for b in keys.blocks(c)]
        db.run_many(
            "INSERT INTO blocks (block, claim) VALUES (?, ?) ON CONFLICT DO NOTHING", blocks
        )
        db.run_many(
            "INSERT INTO tags (claim, tag) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(c.id, tag) for c in claims for tag in sorted(c.tags)],
        )

    def _fold_sources(self, claims: Sequence[Claim], now: str) -> list[str]:
        """Record each claim's source (a later claim's metadata fills in or overrides,
        as in a ``ClaimGraph``) and the outlets it came through; returns the names of
        sources already known whose record changed."""
        db = self._db
        names = {c.source.name for c in claims} | {o for c in claims for o in c.via}
        stored = {
            name: converter.structure(json.loads(body), Source)
            for name, body in db.run(
                f"SELECT name, body FROM sources WHERE {db.keys('name')}",
                (db.key_list(sorted(names)),),
            )
        }
        records = dict(stored)
        for claim in claims:
            old = records.get(claim.source.name)
            records[claim.source.name] = claim.source if old is None else _merged(old, claim.source)
            for outlet in claim.via:
                records.setdefault(outlet, Source(outlet, kind="media"))
        changed = [n for n, s in records.items() if n in stored and stored[n] != s]
        db.run_many(
            "INSERT INTO sources (name, body, added_at, changed_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET body = excluded.body, "
            "changed_at = excluded.changed_at",
            [
                (n, _source_body(s), now, now)
                for n, s in records.items()
                if n not in stored or n in changed
            ],
        )
        return changed

    # -- linking --------------------------------------------------------------------------

    def _claims_in_blocks(self, blocks: Iterable[str]) -> list[tuple[int, str, str, int]]:
        db = self._db
        return [
            (int(seq), cid, body, int(derived))
            for cid, seq, body, derived in db.run(
                "SELECT c.id, c.seq, c.body, c.derived FROM blocks b JOIN claims c "
                f"ON c.id = b.claim WHERE {db.keys('b.block')}",
                (db.key_list(sorted(blocks)),),
            )
        ]

    def _link(
        self, new: Sequence[Claim]
    ) -> tuple[ClaimGraph, dict[str, Claim], list[_Row], list[Claim]]:
        """Link new claims against the claims of their blocks: the graph, the claims it
        started from, the verdicts found (new ones, and newer ones a group checker
        gave on older pairs) and the claims the checkers derived."""
        keys = self._keys
        if not new:
            return keys.graph([]), {}, [], []
        wanted = {b for c in new for b in keys.blocks(c)}
        loaded: set[str] = set()
        context: dict[str, tuple[int, Claim]] = {}
        fresh = {c.id for c in new}
        while True:
            for seq, cid, body, _ in self._claims_in_blocks(wanted - loaded):
                if cid not in context:
                    context[cid] = (seq, _decode(body, cid))
            loaded |= wanted
            graph = keys.graph([])
            graph.add_all(c for _, c in sorted(context.values(), key=lambda sc: sc[0]))
            graph.link()  # no checkers yet: what is stored is linked already
            for name in keys.checkers:
                graph.checkers.enable(name)
            graph.add_all(new)
            graph.link()
            derived = [
                c
                for c in graph.claims()
                if c.id not in context and c.id not in fresh and graph.is_derived(c)
            ]
            more = {b for c in derived for b in keys.blocks(c)}
            if more <= loaded:
                break
            wanted |= more  # a derived claim's own block: link again with it loaded
        claims = {cid: c for cid, (_, c) in context.items()}
        return graph, claims, verdict_rows(graph), derived

    def _store_verdicts(
        self,
        verdicts: list[_Row],
        old: Mapping[str, Any],
        now: str,
        walks: Sequence[set[str]] = (),
        source_of: Callable[[str], str] | None = None,
    ) -> tuple[int, set[str]]:
        """Write the verdicts that are new or changed, and (given ``source_of``, a
        claim's source's name by the claim's id) keep the claims' counts of them;
        returns how many were written, and the claims at the ends of those an
        estimate reads (``_ESTIMATE_RELATIONS``), written or removed.

        A verdict with a new claim at one end is new. One between two stored claims
        is a group checker's verdict given again (the parts of a whole are checked
        against it again when one more part comes): it is compared with the stored
        one, and written only when it differs; a checker's verdict on a pair the
        other way round goes. ``walks``: the claims of each running count of one
        origin that ``cumulative`` walked again; its stored verdicts between two of
        them that it no longer gives go (a figure that came late now sits between).
        """
        db = self._db
        fresh = [row for row in verdicts if row[0] not in old or row[1] not in old]
        again = [row for row in verdicts if row[0] in old and row[1] in old]
        stored: dict[tuple[str, str, str], tuple[str, float, str]] = {}
        if again:
            ends = {end for row in again for end in row[:2]}
            checkers = sorted({row[2] for row in again})  # the group checkers that gave them
            for a, b, checker, relation, strength, reason in db.run(
                "SELECT a, b, checker, relation, strength, reason FROM verdicts "
                f"WHERE {db.keys('a')} AND {db.keys('checker')}",
                (db.key_list(sorted(ends)), db.key_list(checkers)),
            ):
                if b in ends:
                    stored[(a, b, checker)] = (relation, float(strength), reason)
        changed = [row for row in again if stored.get(row[:3]) != (row[3], float(row[4]), row[5])]
        reversed_ = [(b, a, checker) for a, b, checker, *_ in again if (b, a, checker) in stored]
        written = fresh + changed
        db.run_many(
            "INSERT INTO verdicts (a, b, checker, relation, strength, reason, changed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (a, b, checker) DO UPDATE SET "
            "relation = excluded.relation, strength = excluded.strength, "
            "reason = excluded.reason, changed_at = excluded.changed_at "
            "WHERE verdicts.relation <> excluded.relation "
            "OR verdicts.strength <> excluded.strength OR verdicts.reason <> excluded.reason",
            [(*row, now) for row in written],
        )
        # A checker's newer verdict on a pair replaces its older one, in either direction.
        db.run_many("DELETE FROM verdicts WHERE a = ? AND b = ? AND checker = ?", reversed_)
        gone = [(a, b, stored[(a, b, c)][0]) for a, b, c in reversed_]
        gone += self._drop_walked(verdicts, old, walks, set(reversed_))
        gone += [(a, b, stored[(a, b, c)][0]) for a, b, c, *_ in changed if (a, b, c) in stored]
        added = [(a, b, relation) for a, b, _, relation, *_ in written]
        if source_of is not None:
            self._count(added, gone, source_of)
        moved = {end for a, b, r in (*added, *gone) if r in _ESTIMATE_RELATIONS for end in (a, b)}
        return len(written), moved

    def _drop_walked(
        self,
        verdicts: list[_Row],
        old: Mapping[str, Any],
        walks: Sequence[set[str]],
        dropped: set[tuple[str, str, str]],
    ) -> list[tuple[str, str, str]]:
        """Delete the stored verdicts of ``cumulative``'s walks between two stored claims
        of one walk that the walk no longer gives; returns them as (a, b, relation)."""
        db = self._db
        group = {cid: i for i, ids in enumerate(walks) for cid in ids if cid in old}
        if not group:
            return []
        given = {row[:3] for row in verdicts}
        gone: list[tuple[str, str, str, str]] = []
        for a, b, checker, relation in db.run(
            "SELECT a, b, checker, relation FROM verdicts "
            f"WHERE {db.keys('a')} AND checker = 'cumulative'",
            (db.key_list(sorted(group)),),
        ):
            key = (a, b, checker)
            if (
                relation in _WALK_RELATIONS
                and group.get(b) == group[a]
                and key not in given
                and key not in dropped
            ):
                gone.append((a, b, checker, relation))
        db.run_many(
            "DELETE FROM verdicts WHERE a = ? AND b = ? AND checker = ?",
            [(a, b, checker) for a, b, checker, _ in gone],
        )
        return [(a, b, relation) for a, b, _, relation in gone]

    def _count(
        self,
        added: Iterable[tuple[str, str, str]],
        removed: Iterable[tuple[str, str, str]],
        source_of: Callable[[str], str],
    ) -> None:
        """Keep each claim's count of verdicts by relation, and its source's totals, as
        verdicts (a, b, relation) are added and removed: the changes are added to the
        stored counts in place (``_schema.recount`` works them out from the verdicts)."""
        db = self._db
        deltas: dict[tuple[str, str], int] = {}
        for change, rows in ((1, added), (-1, removed)):
            for a, b, relation in rows:
                for end in (a, b):
                    deltas[(end, relation)] = deltas.get((end, relation), 0) + change
        changed = sorted((cid, relation, n) for (cid, relation), n in deltas.items() if n)
        if not changed:
            return
        db.run_many(
            "INSERT INTO claim_counts (claim, relation, n) VALUES (?, ?, ?) "
            "ON CONFLICT (claim, relation) DO UPDATE SET n = claim_counts.n + excluded.n",
            changed,
        )
        fewer = sorted({cid for cid, _, n in changed if n < 0})
        if fewer:
            db.run(
                f"DELETE FROM claim_counts WHERE n = 0 AND {db.keys('claim')}",
                (db.key_list(fewer),),
            )
        totals: dict[tuple[str, str], int] = {}
        for cid, relation, n in changed:
            key = (source_of(cid), relation)
            totals[key] = totals.get(key, 0) + n
        _schema.add_to_sources(db, totals)

    def _recount(self, ids: Iterable[str]) -> None:
        """Keep each claim's count of verdicts by relation, so that a source's record
        reads its claims' rows and no verdict."""
        _schema.recount(self._db, ids)

    # -- assessing ------------------------------------------------------------------------

    def _graph_of(
        self, claims: Sequence[Claim], derived: Iterable[str] = (), checkers: bool = True
    ) -> ClaimGraph:
        """A linked graph of stored claims with the verdicts stored between them."""
        keys = self._keys
        graph = keys.graph([])
        graph.add_all(claims)
        graph.link()
        for cid in derived:
            graph.graph.nodes[cid]["derived"] = True
        self._as_stored(graph, [c.id for c in claims])
        if checkers:
            for name in keys.checkers:
                graph.checkers.enable(name)
        return graph

    def _as_stored(
        self, graph: ClaimGraph, ids: Sequence[str], relations: Sequence[str] | None = None
    ) -> None:
        """Give a graph the sources' stored records, and the stored verdicts between
        these claims (of these relations, or all) that it does not hold already."""
        db = self._db
        nodes = graph.graph.nodes
        names = sorted(
            name.removeprefix("source:")
            for name, data in nodes(data=True)
            if data.get("kind") == "source"
        )
        for name, body in db.run(
            f"SELECT name, body FROM sources WHERE {db.keys('name')}", (db.key_list(names),)
        ):
            nodes["source:" + name]["source"] = converter.structure(json.loads(body), Source)
        claim_nodes = graph.context.claim_ids()  # a relay's origin may be in another quantity
        has, add = graph.graph.has_edge, graph.graph.add_edge
        only = "" if relations is None else f" AND {db.keys('relation')}"
        params = [db.key_list(ids)] + ([] if relations is None else [db.key_list(relations)])
        for a, b, checker, relation, strength, reason in db.run(
            "SELECT a, b, checker, relation, strength, reason FROM verdicts "
            f"WHERE {db.keys('a')}{only}",
            params,
        ):
            if b in claim_nodes and not has(a, b, key=checker):
                add(
                    a, b, key=checker, kind="verdict", relation=relation,
                    strength=float(strength), reason=reason, checker=checker,
                )  # fmt: skip

    def _origins_elsewhere(self, graph: ClaimGraph, wanted: Iterable[Quantity]) -> list[Source]:
        """The stored records of the sources these quantities' claims started from that
        assert nothing in the graph (a spokesman's ministry): their priors weigh, as
        in a graph of every claim."""
        context, nodes = graph.context, graph.graph.nodes
        names = {
            name
            for q in wanted
            for c in context.claims_about(q)
            if "source:" + (name := context.origin(c)) not in nodes
        }
        if not names:
            return []
        db = self._db
        return [
            converter.structure(json.loads(body), Source)
            for (body,) in db.run(
                f"SELECT body FROM sources WHERE {db.keys('name')}", (db.key_list(sorted(names)),)
            )
        ]

    def _reassess(self, quantities: set[str], now: str, graph: ClaimGraph | None = None) -> int:
        """Estimate the given quantities again from their claims; returns how many.

        ``graph``, when given, holds every claim of these quantities (the graph the
        new claims were just linked in): it is completed with the stored verdicts
        between them rather than built again.
        """
        if not quantities:
            return 0
        db = self._db
        if graph is None:
            rows = db.run(
                f"SELECT id, body, derived FROM claims WHERE {db.keys('quantity')} ORDER BY seq",
                (db.key_list(sorted(quantities)),),
            )
            claims = [_decode(body, cid) for cid, body, _ in rows]
            graph = self._graph_of(claims, [cid for cid, _, d in rows if d], checkers=False)
        else:
            ids = [
                c.id
                for q, held in graph.quantities().items()
                if quantity_key(q) in quantities
                for c in held
            ]
            self._as_stored(graph, ids, _ESTIMATE_RELATIONS)
        wanted = [q for q in graph.context.quantities() if quantity_key(q) in quantities]
        found = _estimates(graph, wanted, self.method, self._origins_elsewhere(graph, wanted))
        by_key = {quantity_key(q): e for q, e in found.items()}
        db.run_many(
            "INSERT INTO estimates (quantity, label, measure_key, place_key, period, best, low, "
            "high, unit, support, confidence, body, method, changed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (quantity) DO UPDATE "
            "SET label = excluded.label, best = excluded.best, low = excluded.low, "
            "high = excluded.high, unit = excluded.unit, support = excluded.support, "
            "confidence = excluded.confidence, body = excluded.body, method = excluded.method, "
            "changed_at = excluded.changed_at WHERE estimates.best <> excluded.best "
            "OR estimates.low <> excluded.low OR estimates.high <> excluded.high "
            "OR estimates.body <> excluded.body OR estimates.method <> excluded.method",
            [_estimate_row(k, e, now) for k, e in by_key.items() if k in quantities],
        )
        gone = sorted(quantities - set(by_key))
        if gone:
            db.run(f"DELETE FROM estimates WHERE {db.keys('quantity')}", (db.key_list(gone),))
        return len(quantities)

    def relink(self) -> int:
        """Link and assess every claim afresh (after the gazetteer or lexicon changed
        what claims are about); returns how many claims were linked."""
        with self._db.writing():
            return self._relink(None)

    def _relink(self, ids: Iterable[str] | None, stale: Iterable[str] = ()) -> int:
        """Link again the blocks of these claims (all, for None), and everything those
        blocks reach: verdicts and derived claims among them are made afresh."""
        db, keys = self._db, self._keys
        now = utc_now()
        if ids is None:
            rows = [
                (int(seq), cid, body, int(d))
                for cid, seq, body, d in db.run("SELECT id, seq, body, derived FROM claims")
            ]
        else:
            blocks = {
                b for (b,) in db.run(
                    f"SELECT block FROM blocks WHERE {db.keys('claim')}", (db.key_list(ids),)
                )
            }  # fmt: skip
            found: dict[str, tuple[int, str, str, int]] = {}
            while True:
                for row in self._claims_in_blocks(blocks):
                    found[row[1]] = row
                more = {
                    b for (b,) in db.run(
                        f"SELECT block FROM blocks WHERE {db.keys('claim')}",
                        (db.key_list(found),),
                    )
                }  # fmt: skip
                if more <= blocks:
                    break
                blocks |= more
            rows = list(found.values())
        rows.sort()
        every = [cid for _, cid, _, _ in rows]
        old_quantities = {
            q for (q,) in db.run(
                f"SELECT DISTINCT quantity FROM claims WHERE {db.keys('id')}",
                (db.key_list(every),),
            )
        }  # fmt: skip
        gone = [cid for _, cid, _, d in rows if d]
        _schema.recount(db, [], gone)  # their verdicts leave their sources' totals
        for table, column in (("verdicts", "a"), ("verdicts", "b")):
            db.run(f"DELETE FROM {table} WHERE {db.keys(column)}", (db.key_list(every),))
        for table, column in (("blocks", "claim"), ("tags", "claim"), ("claims", "id")):
            db.run(f"DELETE FROM {table} WHERE {db.keys(column)}", (db.key_list(gone),))
        originals = [_decode(body, cid) for _, cid, body, d in rows if not d]
        graph = keys.graph()
        graph.add_all(originals)
        graph.link()
        derived = [c for c in graph.claims() if graph.is_derived(c)]
        seq = self._next("claims", "seq")
        quantities: dict[str, Quantity] = {}
        new_rows = []
        for claim in derived:
            q = keys.quantity(claim)
            qkey = quantity_key(q)
            quantities[qkey] = q
            new_rows.append(self._row(claim, q, qkey, seq, True, None, now))
            seq += 1
        self._insert_claims(new_rows, derived, quantities)
        self._store_verdicts(verdict_rows(graph), {}, now)
        self._recount(c.id for c in graph.claims())
        # the graph holds every claim of the blocks, so of every quantity in them
        self._reassess(old_quantities | set(quantities), now, graph)
        self._reassess(set(stale) - old_quantities - set(quantities), now)
        return len(originals)

    # -- what a desk changes --------------------------------------------------------------

    def _stored(self, claim: Claim | str) -> Claim:
        cid = claim.id if isinstance(claim, Claim) else claim
        rows = self._db.run("SELECT body FROM claims WHERE id = ?", (cid,))
        if not rows:
            raise ValidationError("claim", claim, "a claim in this base, or its id")
        return _decode(rows[0][0], cid)

    def _rewrite(self, claims: Sequence[Claim], now: str) -> None:
        """Store claims whose analyst's fields (status, tags, note) changed."""
        db = self._db
        db.run_many(
            "UPDATE claims SET body = ?, status = ?, replaced_by = ?, changed_at = ? WHERE id = ?",
            [(_encode(c), c.status, c.replaced_by, now, c.id) for c in claims],
        )
        db.run(f"DELETE FROM tags WHERE {db.keys('claim')}", (db.key_list(c.id for c in claims),))
        db.run_many(
            "INSERT INTO tags (claim, tag) VALUES (?, ?)",
            [(c.id, t) for c in claims for t in sorted(c.tags)],
        )

    def retract(self, claim: Claim | str, note: str | None = None) -> Claim:
        """Mark a claim retracted by its source: it stays on record, its quantity is
        linked and assessed again. Returns the claim as now stored."""
        with self._db.writing():
            old = self._stored(claim)
            changed = attrs.evolve(old, status="retracted", note=old.note if note is None else note)
            self._rewrite([changed], utc_now())
            self._relink([changed.id])
        return changed

    def revise(self, claim: Claim | str, by: Claim, note: str | None = None) -> AddResult:
        """Record that ``by`` replaces a claim (a corrected figure): ``by`` is added, and
        the old claim is marked revised, with ``replaced_by`` naming it."""
        with self._db.writing():
            old = self._stored(claim)
            result = self._add([by], [], None)
            changed = attrs.evolve(
                old,
                status="revised",
                replaced_by=by.id,
                note=old.note if note is None else note,
            )
            self._rewrite([changed], utc_now())
            self._relink([changed.id])
        return result

    def tag(self, claims: Iterable[Claim | str], *tags: str) -> list[Claim]:
        """Add tags to claims; returns them as now stored."""
        return self._annotate(claims, lambda c: attrs.evolve(c, tags=c.tags | set(tags)))

    def untag(self, claims: Iterable[Claim | str], *tags: str) -> list[Claim]:
        """Take tags off claims; returns them as now stored."""
        return self._annotate(claims, lambda c: attrs.evolve(c, tags=c.tags - set(tags)))

    def note(self, claim: Claim | str, text: str) -> Claim:
        """Set the analyst's note on a claim; returns it as now stored."""
        (changed,) = self._annotate([claim], lambda c: attrs.evolve(c, note=text))
        return changed

    def _annotate(self, claims: Iterable[Claim | str], change: Any) -> list[Claim]:
        with self._db.writing():
            changed = [change(self._stored(c)) for c in claims]
            self._rewrite(changed, utc_now())
        return changed

    def add_place(self, name: str, within: str | None = None, aliases: Iterable[str] = ()) -> str:
        """Add a place to the base's gazetteer (kept in the base, for every analyst);
        claims it changes the meaning of are linked again. Returns the place's key."""
        (key,) = self.add_places([(name, within, aliases)])
        return key

    def add_places(
        self, places: Iterable[tuple[str, str | None] | tuple[str, str | None, Iterable[str]]]
    ) -> list[str]:
        """Add many places at once, each ``(name, within)`` or ``(name, within, aliases)``,
        in order (a place may lie within one added before it); claims whose meaning
        they change are linked again, once. Returns the places' keys."""
        keys: list[str] = []
        try:
            self._add_places(places, keys)
        except BaseException:
            self._keys = self._load_keys()  # what the base holds, without the refused places
            raise
        return keys

    def _add_places(self, places: Iterable[Any], keys: list[str]) -> None:
        with self._db.writing():
            rows = []
            seq = self._next("places", "seq")
            now = utc_now()
            for place in places:
                name, within = place[0], place[1]
                aliases = [str(a) for a in (place[2] if len(place) > 2 else ())]
                keys.append(self._keys.places.add(name, within=within, aliases=aliases))
                rows.append((seq, name, within, json.dumps(aliases), now))
                seq += 1
            self._db.run_many(
                "INSERT INTO places (seq, name, within, aliases, added_at) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            self._rekey()

    def add_synonyms(self, canonical: str, phrases: Iterable[str]) -> None:
        """Add measure synonyms to the base's lexicon (``{"destroyed": ["zapped"]}`` as
        ``add_synonyms("destroyed", ["zapped"])``); claims whose measure they change
        are linked again."""
        phrases = [str(p) for p in phrases]
        with self._db.writing():
            measures = self._keys.measures.with_synonyms({canonical: phrases})
            self._db.run(
                "INSERT INTO measures (seq, canonical, synonyms, added_at) VALUES (?, ?, ?, ?)",
                (self._next("measures", "seq"), canonical, json.dumps(phrases), utc_now()),
            )
            self._keys = Keys(measures, self._keys.places, self.tolerance, self.checkers)
            self._rekey()

    def _rekey(self) -> None:
        """Key every claim again under the current gazetteer and lexicon; link again
        what moved."""
        db, keys = self._db, self._keys
        keys = self._keys = Keys(keys.measures, keys.places, keys.tolerance, keys.checkers)
        stored: dict[str, set[str]] = {}
        for block, cid in db.run("SELECT block, claim FROM blocks"):
            stored.setdefault(cid, set()).add(block)
        moved = []
        stale = []  # the quantities the moved claims leave: their estimates go or change
        for cid, body, qkey in db.run("SELECT id, body, quantity FROM claims WHERE derived = 0"):
            claim = _decode(body)
            q = keys.quantity(claim)
            # a place newly inside another keeps its quantity but may change its block
            if quantity_key(q) != qkey or set(keys.blocks(claim, q)) != stored.get(cid):
                moved.append((claim, q))
                stale.append((claim.id, qkey))
        if not moved:
            return
        db.run_many(
            "UPDATE claims SET measure_key = ?, place_key = ?, quantity = ? WHERE id = ?",
            [(q.measure, q.place, quantity_key(q), c.id) for c, q in moved],
        )
        ids = [c.id for c, _ in moved]
        old_blocks = [
            cid for (cid,) in db.run(
                f"SELECT DISTINCT b2.claim FROM blocks b1 JOIN blocks b2 ON b1.block = b2.block "
                f"WHERE {db.keys('b1.claim')}", (db.key_list(ids),),
            )
        ]  # fmt: skip
        db.run(f"DELETE FROM blocks WHERE {db.keys('claim')}", (db.key_list(ids),))
        db.run_many(
            "INSERT INTO blocks (block, claim) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(b, c.id) for c, q in moved for b in keys.blocks(c, q)],
        )
        self._relink(sorted(set(ids) | set(old_blocks)), {qkey for _, qkey in stale})

    # -- asking ---------------------------------------------------------------------------

    def claim(self, claim_id: str) -> Claim:
        """The stored claim with this id."""
        return self._stored(claim_id)

    def claims(
        self,
        *,
        measure: str | None = None,
        place: str | None = None,
        within: bool = True,
        period: Period | str | None = None,
        source: str | None = None,
        tag: str | None = None,
        text: str | None = None,
        status: str | None = None,
        since: Any = None,
        report: int | None = None,
        quantity: Quantity | str | Iterable[Quantity | str] | None = None,
        derived: bool | None = None,
        limit: int | None = None,
    ) -> Claims:
        """The claims that match every filter given, in the order they were added.

        Parameters
        ----------
        measure
            A measure, matched as the lexicon matches them ("drones shot down" finds
            "drones destroyed").
        place, within
            A place; with ``within`` (the default) places inside it count too.
        period
            A period the claim's period overlaps ("2024-08", a ``Period``).
        source
            A source's name or alias (the source asserting, not an outlet relaying).
        tag, text, status
            A tag; words in the claim's text (any case); ``"standing"``,
            ``"revised"`` or ``"retracted"``.
        since
            Claims added or changed at or after this time (a datetime, date or ISO text).
        report, quantity, derived
            Claims of one report; of one or more quantities (or their keys); that a
            checker derived (True) or that were added (False).
        limit
            At most this many, the first added first.
        """
        where, params = self._where(
            measure=measure, place=place, within=within, period=period, source=source,
            tag=tag, text=text, status=status, since=since, report=report,
            quantity=quantity, derived=derived,
        )  # fmt: skip
        sql = (
            "SELECT id, body, derived, report, added_at, changed_at, quantity FROM claims"
            f"{where} ORDER BY seq"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._db.reading():
            rows = self._db.run(sql, params)
        claims = [_decode(row[1], row[0]) for row in rows]
        info = {
            cid: {"derived": bool(d), "report": r, "added_at": a, "changed_at": c, "quantity": q}
            for cid, _, d, r, a, c, q in rows
        }
        derived_ids = [row[0] for row in rows if row[2]]
        return Claims(claims, info, lambda cs: self._linked(cs, derived_ids))

    def _linked(self, claims: Sequence[Claim], derived: Sequence[str]) -> ClaimGraph:
        with self._db.reading():
            return self._graph_of(claims, [d for d in derived if d in {c.id for c in claims}])

    def graph(self, **filters: Any) -> ClaimGraph:
        """A linked ``ClaimGraph`` of the claims ``claims(**filters)`` finds, with the
        verdicts between them: assess it, plot it, export it."""
        return self.claims(**filters).graph()

    def _where(self, **f: Any) -> tuple[str, list[Any]]:
        db, keys = self._db, self._keys
        terms: list[str] = []
        params: list[Any] = []
        if f["measure"] is not None:
            terms.append("measure_key = ?")
            params.append(keys.measure_key(f["measure"]))
        if f["place"] is not None:
            if f["within"]:
                known = [k for (k,) in db.run("SELECT DISTINCT place_key FROM claims")]
                terms.append(db.keys("place_key"))
                params.append(db.key_list(keys.contained(f["place"], known)))
            else:
                terms.append("place_key = ?")
                params.append(keys.place_key(f["place"]))
        if f["period"] is not None:
            period = f["period"] if isinstance(f["period"], Period) else Period.parse(f["period"])
            start, end = period.bounds()
            terms.append(
                "period IS NOT NULL AND (period_start IS NULL OR period_start <= ?) "
                "AND (period_end IS NULL OR period_end >= ?)"
            )
            params += [end.isoformat(), start.isoformat()]
        if f["source"] is not None:
            terms.append(db.keys("source"))
            params.append(db.key_list(self._source_names(f["source"])))
        if f["tag"] is not None:
            terms.append("id IN (SELECT claim FROM tags WHERE tag = ?)")
            params.append(f["tag"])
        if f["text"] is not None:
            escaped = f["text"].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            terms.append("LOWER(text) LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped.lower()}%")
        if f["status"] is not None:
            terms.append("status = ?")
            params.append(f["status"])
        if f["since"] is not None:
            terms.append("changed_at >= ?")
            params.append(_moment(f["since"], "since"))
        if f["report"] is not None:
            terms.append("id IN (SELECT claim FROM occurrences WHERE report = ?)")
            params.append(int(f["report"]))
        if f["quantity"] is not None:
            wanted = f["quantity"]
            if isinstance(wanted, Quantity | str):
                wanted = [wanted]
            terms.append(db.keys("quantity"))
            params.append(db.key_list(q if isinstance(q, str) else quantity_key(q) for q in wanted))
        if f["derived"] is not None:
            terms.append("derived = ?")
            params.append(int(bool(f["derived"])))
        return (" WHERE " + " AND ".join(terms) if terms else ""), params

    def _source_names(self, name: str) -> list[str]:
        """A source's name and the names of the sources it is an alias of."""
        wanted = name.casefold()
        found = [name]
        for stored, body in self._db.run("SELECT name, body FROM sources"):
            aliases = json.loads(body).get("aliases", ())
            if stored.casefold() == wanted or any(a.casefold() == wanted for a in aliases):
                found.append(stored)
        return found

    def sources(self) -> list[Source]:
        """Every source the base knows, with its record (aliases, kind, side, reliability)."""
        return [
            converter.structure(json.loads(body), Source)
            for (body,) in self._db.run("SELECT body FROM sources ORDER BY name")
        ]

    def verdicts(self, claim: Claim | str) -> list[Verdict]:
        """The verdicts the base holds on one claim."""
        cid = claim.id if isinstance(claim, Claim) else claim
        rows = self._db.run(
            "SELECT a, b, checker, relation, strength, reason FROM verdicts WHERE a = ? "
            "UNION ALL SELECT a, b, checker, relation, strength, reason FROM verdicts WHERE b = ?",
            (cid, cid),
        )
        ends: dict[str, Claim] = {}
        ids = sorted({x for a, b, *_ in rows for x in (a, b)})
        for cid2, body in self._db.run(
            f"SELECT id, body FROM claims WHERE {self._db.keys('id')}",
            (self._db.key_list(ids),),
        ):
            ends[cid2] = _decode(body, cid2)
        return [
            Verdict(relation, ends[a], ends[b], float(strength), reason, checker)
            for a, b, checker, relation, strength, reason in rows
        ]

    def estimates(
        self,
        *,
        measure: str | None = None,
        place: str | None = None,
        within: bool = True,
        since: Any = None,
    ) -> Table:
        """The stored estimates (one per quantity), filtered like ``claims``: columns
        ``quantity`` (its label), ``measure_key``, ``place_key``, ``period``, ``best``,
        ``low``, ``high``, ``unit``, ``support``, ``confidence``, ``claims`` (how many
        hold the best value), ``sources``, ``dissenting``, ``method``, ``changed_at``
        and ``key`` (the quantity key ``claims(quantity=...)`` takes)."""
        db, keys = self._db, self._keys
        terms: list[str] = []
        params: list[Any] = []
        if measure is not None:
            terms.append("measure_key = ?")
            params.append(keys.measure_key(measure))
        if place is not None:
            if within:
                known = [k for (k,) in db.run("SELECT DISTINCT place_key FROM estimates")]
                terms.append(db.keys("place_key"))
                params.append(db.key_list(keys.contained(place, known)))
            else:
                terms.append("place_key = ?")
                params.append(keys.place_key(place))
        if since is not None:
            terms.append("changed_at >= ?")
            params.append(_moment(since, "since"))
        where = " WHERE " + " AND ".join(terms) if terms else ""
        rows = db.run(
            "SELECT quantity, label, measure_key, place_key, period, best, low, high, unit, "
            f"support, confidence, body, method, changed_at FROM estimates{where} "
            "ORDER BY label, quantity",
            params,
        )
        return Table(_ESTIMATE_COLUMNS, tuple(_estimate_dict(r) for r in rows), "Estimates")

    def timeline(
        self,
        measure: str,
        place: str | None = None,
        *,
        period: Period | str | None = None,
    ) -> Table:
        """How the figures for a measure in a place came in, in order of publication:
        one row per claim (``published``, ``source``, ``figure``, ``value``, ``low``,
        ``high``, ``period``, ``status``, ``replaced_by``, ``estimate``: the best
        value of its quantity, ``id``). ``period`` keeps the claims whose period
        overlaps it."""
        db, keys = self._db, self._keys
        terms = ["c.measure_key = ?"]
        params: list[Any] = [keys.measure_key(measure)]
        if place is None:
            terms.append("c.place_key IS NULL")
        else:
            terms.append("c.place_key = ?")
            params.append(keys.place_key(place))
        if period is not None:
            found = period if isinstance(period, Period) else Period.parse(period)
            start, end = found.bounds()
            terms.append(
                "c.period IS NOT NULL AND (c.period_start IS NULL OR c.period_start <= ?) "
                "AND (c.period_end IS NULL OR c.period_end >= ?)"
            )
            params += [end.isoformat(), start.isoformat()]
        rows = db.run(
            "SELECT c.published, c.source, c.figure, c.value, c.low, c.high, c.period, "
            "c.status, c.replaced_by, e.best, c.id FROM claims c "
            "LEFT JOIN estimates e ON e.quantity = c.quantity "
            f"WHERE {' AND '.join(terms)} ORDER BY c.published, c.seq",
            params,
        )
        columns = _TIMELINE_COLUMNS
        table = tuple(dict(zip(columns, _floats(r, (3, 4, 5, 9)), strict=True)) for r in rows)
        label = f"Timeline of {measure}" + (f" in {place}" if place else "")
        return Table(columns, table, label)

    def record(self, source: str) -> SourceRecord:
        """A source's record: how many claims it made and what became of them, the
        verdicts its claims are in by relation, its first and last publication, and
        (read when first asked for) each claim's row."""
        db = self._db
        names = self._source_names(source)
        with db.reading():
            statuses = {
                str(status): int(n)
                for status, n in db.run(
                    f"SELECT status, COUNT(*) FROM claims WHERE {db.keys('source')} "
                    "GROUP BY status",
                    (db.key_list(names),),
                )
            }
            first, last = db.run(
                f"SELECT MIN(published), MAX(published) FROM claims WHERE {db.keys('source')}",
                (db.key_list(names),),
            )[0]
            relations = {
                str(relation): int(n)
                for relation, n in db.run(
                    "SELECT relation, SUM(n) FROM source_counts "
                    f"WHERE {db.keys('source')} GROUP BY relation ORDER BY relation",
                    (db.key_list(names),),
                )
                if n
            }
        return SourceRecord(
            source, statuses, relations, first, last, lambda: self._record_rows(source, names)
        )

    def _record_rows(self, source: str, names: list[str]) -> Table:
        db = self._db
        with db.reading():  # the rows and their counts from one snapshot
            rows = db.run(
                "SELECT c.id, c.published, c.measure, c.place, c.period, c.figure, c.value, "
                "c.status, e.best FROM claims c "
                "LEFT JOIN estimates e ON e.quantity = c.quantity "
                f"WHERE {db.keys('c.source')} ORDER BY c.published, c.seq",
                (db.key_list(names),),
            )
            counts = {  # every relation of a claim in one range of the table's key
                (cid, relation): int(n)
                for cid, relation, n in db.run(
                    "SELECT k.claim, k.relation, k.n FROM claims c "
                    f"JOIN claim_counts k ON k.claim = c.id WHERE {db.keys('c.source')}",
                    (db.key_list(names),),
                )
            }
        table = []
        for cid, published, measure, place, period, figure, value, status, best in rows:
            table.append(
                {
                    "published": published, "measure": measure, "place": place,
                    "period": period, "figure": figure, "value": float(value), "status": status,
                    "corroborated": counts.get((cid, "corroborates"), 0),
                    "contradicted": counts.get((cid, "contradicts"), 0),
                    "estimate": _float(best), "id": cid,
                }
            )  # fmt: skip
        return Table(_RECORD_COLUMNS, tuple(table), f"Record of {source}")

    def changes(self, since: Any) -> Table:
        """What changed at or after a time: claims added, claims whose status, tags or
        note changed, and estimates made or moved. Columns: ``at``, ``what``
        (``"claim added"``, ``"claim changed"``, ``"estimate"``), ``id`` (a claim id
        or quantity key), ``label``, ``status`` and ``figure`` (a claim's, or the
        estimate's best value)."""
        db = self._db
        moment = _moment(since, "since")
        with db.reading():
            claims = db.run(
                "SELECT changed_at, added_at, id, measure, place, period, status, figure "
                "FROM claims WHERE changed_at >= ? ORDER BY changed_at, seq",
                (moment,),
            )
            estimates = db.run(
                "SELECT changed_at, quantity, label, best, unit FROM estimates "
                "WHERE changed_at >= ? ORDER BY changed_at, label",
                (moment,),
            )
        rows: list[dict[str, Any]] = []
        for changed, added, cid, measure, place, period, status, figure in claims:
            label = " · ".join(str(x) for x in (measure, place, period) if x)
            what = "claim added" if added == changed else "claim changed"
            rows.append(dict(at=changed, what=what, id=cid, label=label, status=status,
                             figure=figure))  # fmt: skip
        for changed, qkey, label, best, unit in estimates:
            shown = f"{float(best):g}" + (f" {unit}" if unit else "")
            rows.append(dict(at=changed, what="estimate", id=qkey, label=label, status=None,
                             figure=shown))  # fmt: skip
        rows.sort(key=lambda r: r["at"])
        return Table(("at", "what", "id", "label", "status", "figure"), tuple(rows), "Changes")

    def reports(self) -> Table:
        """Every batch added: ``report`` (its number), ``file``, ``added_at``, ``claims``
        (read), ``new`` and ``problems``."""
        rows = self._db.run(
            "SELECT id, file, added_at, claims, new, problems FROM reports ORDER BY id"
        )
        columns = ("report", "file", "added_at", "claims", "new", "problems")
        return Table(columns, tuple(dict(zip(columns, r, strict=True)) for r in rows), "Reports")

    def occurrences(self, claim: Claim | str) -> Table:
        """Where a claim was read: ``report``, ``file``, ``added_at``, ``span_start``,
        ``span_end`` (its characters in the report's text, when known)."""
        cid = claim.id if isinstance(claim, Claim) else claim
        rows = self._db.run(
            "SELECT o.report, r.file, r.added_at, o.span_start, o.span_end FROM occurrences o "
            "JOIN reports r ON r.id = o.report WHERE o.claim = ? ORDER BY o.report",
            (cid,),
        )
        columns = ("report", "file", "added_at", "span_start", "span_end")
        return Table(columns, tuple(dict(zip(columns, r, strict=True)) for r in rows), "Reports")

    def iter_claims(self, batch: int = 10_000) -> Iterator[Claim]:
        """Every stored claim, in the order added, read a batch at a time."""
        last = 0
        while True:
            rows = self._db.run(
                f"SELECT seq, id, body FROM claims WHERE seq > ? ORDER BY seq LIMIT {int(batch)}",
                (last,),
            )
            if not rows:
                return
            for _, cid, body in rows:
                yield _decode(body, cid)
            last = int(rows[-1][0])


_ESTIMATE_COLUMNS = (
    "quantity", "measure_key", "place_key", "period", "best", "low", "high", "unit", "support",
    "confidence", "claims", "sources", "dissenting", "method", "changed_at", "key",
)  # fmt: skip
_TIMELINE_COLUMNS = (
    "published", "source", "figure", "value", "low", "high", "period", "status", "replaced_by",
    "estimate", "id",
)  # fmt: skip
_RECORD_COLUMNS = (
    "published", "measure", "place", "period", "figure", "value", "status", "corroborated",
    "contradicted", "estimate", "id",
)  # fmt: skip


#: The relations an estimate reads: ``assess`` weighs a claim that relays another at 0
#: (its origin counts once), and leaves out a figure its origin replaced that day or
#: repeated stale. Reassessing a quantity needs these of its stored verdicts.
_ESTIMATE_RELATIONS = tuple(
    r.value for r in (Relation.RELAYS, Relation.SUPERSEDES, Relation.REVISES, Relation.STALE)
)

#: A verdict as stored: a, b, checker, relation, strength, reason.
_Row = tuple[str, str, str, str, float, str]


#: What ``cumulative`` says walking one origin's running count (``Cumulative._walk``).
_WALK_RELATIONS = frozenset(
    r.value for r in (Relation.RELAYS, Relation.STALE, Relation.SUPERSEDES, Relation.REVISES)
)


def _walks(graph: ClaimGraph, claims: Iterable[Claim]) -> list[set[str]]:
    """The claims of each running count of one origin that these claims are in: what
    ``cumulative`` walks again when one of them is new."""
    context = graph.context
    seen: set[Any] = set()
    walks: list[set[str]] = []
    for claim in claims:
        key = context.series_key(claim)
        if key is None or claim.moment is None:
            continue
        origin = context.origin(claim)
        if (key, origin) not in seen:
            seen.add((key, origin))
            walks.append({c.id for c in context.statements(key, origin)})
    return walks


class _Only:
    """A graph's context as ``_observations`` reads it, with some of its quantities."""

    def __init__(self, tolerance: float, quantities: dict[Quantity, list[Claim]]) -> None:
        self.context, self.tolerance, self._quantities = self, tolerance, quantities

    def quantities(self) -> dict[Quantity, list[Claim]]:
        return self._quantities


def _estimates(
    graph: ClaimGraph, wanted: Iterable[Quantity], method: str, elsewhere: Sequence[Source] = ()
) -> dict[Quantity, Estimate[Quantity]]:
    """The estimates ``assess(graph, method)`` gives these quantities, worked out for
    them alone (no grades, no other quantity): the base's methods judge each quantity
    on its own. The steps are ``assess``'s own, on fewer claims. ``elsewhere``: sources
    the claims started from that the graph does not hold, with their priors."""
    context = graph.context
    keep = set(wanted)
    held = {q: cs for q, cs in context.quantities().items() if cs and q in keep}
    claims = [c for cs in held.values() for c in cs]
    edges = relation_pairs(
        graph, Relation.RELAYS, Relation.CORROBORATES, *_assessing._REPLACING, Relation.STALE
    )
    origins = claim_origins(graph, claims)
    origin = context.origin
    for u, w in edges[Relation.RELAYS]:  # as assess does: a relay shares its origin's
        if w not in origins:
            origins[w] = origin(graph.claim(w))
        origins[u] = origins[w]
    left_out = _assessing._left_out(graph, claims, edges)
    relays = {u for u, _ in edges[Relation.RELAYS]}
    only: Any = _Only(context.tolerance, held)
    owners, units = _assessing._observations(only, relays, origins, left_out)
    assessor = _assessing._Assessor(graph, method)
    assessor.sources = [*assessor.sources, *elsewhere]
    discovery = assessor._discover(owners, context.tolerance)
    found: dict[Quantity, Estimate[Quantity]] = {}
    for quantity, observed in owners.items():
        best = discovery.estimates.get(quantity)
        if best is not None:
            found[quantity] = _assessing._estimate(
                quantity, observed, _assessing._bounded_best(best, observed), units[quantity],
                discovery.method, context.tolerance,
            )  # fmt: skip
    return found


def _floats(row: Sequence[Any], at: tuple[int, ...]) -> list[Any]:
    return [_float(v) if i in at else v for i, v in enumerate(row)]


def _estimate_row(key: str, e: Estimate[Quantity], now: str) -> tuple[Any, ...]:
    q = e.quantity
    assert q is not None
    body = {
        "claims": [c.id for c in e.claims],
        "dissent": [c.id for c in e.dissent],
        "sources": list(e.sources),
        "dissenting": list(e.dissenting),
    }
    return (
        key, q.label, q.measure, q.place, str(q.period) if q.period else None,
        float(e.best), float(e.low), float(e.high), e.unit, float(e.support),
        float(e.confidence), json.dumps(body, ensure_ascii=False), e.method, now,
    )  # fmt: skip


def _estimate_dict(row: Sequence[Any]) -> dict[str, Any]:
    (key, label, measure_key, place_key, period, best, low, high, unit, support, confidence,
     body, method, changed) = row  # fmt: skip
    held = json.loads(body)
    return {
        "quantity": label, "measure_key": measure_key, "place_key": place_key,
        "period": period, "best": float(best), "low": float(low), "high": float(high),
        "unit": unit, "support": float(support), "confidence": float(confidence),
        "claims": len(held["claims"]), "sources": "; ".join(held["sources"]),
        "dissenting": "; ".join(held["dissenting"]), "method": method, "changed_at": changed,
        "key": key,
    }  # fmt: skip
