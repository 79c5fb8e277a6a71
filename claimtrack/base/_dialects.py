"""Two thin dialects: SQLite through the standard library, PostgreSQL through psycopg.

The base writes its SQL once, in the subset both servers read alike (``TEXT``,
``BIGINT``, ``DOUBLE PRECISION``, ``INSERT ... ON CONFLICT``, ``?`` placeholders);
a dialect holds only what differs: how to connect, the placeholder PostgreSQL
wants, how a writer takes the base for itself, and how a list of keys is passed
to ``IN``. SQLAlchemy Core would give the same in more code: the queries here
are plain, and SQLite, the default, then needs nothing beyond Python.

A writer holds the base alone for one batch: SQLite by ``BEGIN IMMEDIATE`` (WAL
mode lets readers go on meanwhile; a second writer waits, up to ``timeout``),
PostgreSQL by a transaction-level advisory lock. Either way a batch is one
transaction, so a writer killed mid-batch leaves the base as it was before.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from ..errors import ClaimBaseError

__all__ = ["Database", "connect"]

#: How long a writer waits for another to finish its batch, in seconds.
WAIT = 600.0

#: The page size of a new SQLite base, in bytes (SQLite's default is 4096).
PAGE_SIZE = 8192

# One advisory-lock number for every claim base on a PostgreSQL server ("ctbase").
_PG_LOCK = 0x6374_6261_7365


class Database(Protocol):
    """What the base asks of a connection."""

    kind: str
    where: str

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def keys(self, column: str) -> str: ...

    def key_list(self, keys: Iterable[str]) -> Any: ...

    def writing(self) -> contextlib.AbstractContextManager[None]: ...

    def reading(self) -> contextlib.AbstractContextManager[None]: ...

    def close(self) -> None: ...


class SQLite:
    """A SQLite file in WAL mode, through the standard library's ``sqlite3``."""

    kind = "sqlite"

    def __init__(self, path: str, timeout: float = WAIT) -> None:
        self.where = path
        try:
            # isolation_level=None: no hidden transactions, each batch says BEGIN itself
            self.connection = sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            # a new file's pages: larger ones keep the file smaller, and queries as
            # fast (see benchmarks/README.md); no effect on a file that holds a base
            # already, whose pages keep their size
            self.connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
            self.connection.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed batch is on disk before add() returns, power cut or not
            self.connection.execute("PRAGMA synchronous=FULL")
            # a desk's base is read again and again: 64 MB of pages cached, and the
            # file mapped, so that a query's index lookups seldom wait on the disk
            self.connection.execute("PRAGMA cache_size=-65536")
            self.connection.execute("PRAGMA mmap_size=1073741824")
            self.connection.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as err:
            raise ClaimBaseError(path, f"cannot be opened as a SQLite claim base: {err}") from None
        self._depth = 0

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.connection.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as err:
            raise ClaimBaseError(self.where, f"{err} (in: {_first_line(sql)})") from err

    def run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self.connection.executemany(sql, rows)
        except sqlite3.DatabaseError as err:
            raise ClaimBaseError(self.where, f"{err} (in: {_first_line(sql)})") from err

    def keys(self, column: str) -> str:
        # one parameter, a JSON list, however many keys: no limit on host parameters
        return f"{column} IN (SELECT value FROM json_each(?))"

    def key_list(self, keys: Iterable[str]) -> Any:
        return json.dumps(list(keys), ensure_ascii=False)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        if self._depth:
            yield
            return
        self.run("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.connection.rollback()
            raise
        self._depth = 0
        self.run("COMMIT")

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        if self._depth:
            yield
            return
        # one snapshot for every statement of a query (WAL: writers go on meanwhile)
        self.run("BEGIN")
        self._depth = 1
        try:
            yield
        finally:
            self._depth = 0
            self.connection.rollback()

    def backup(self, target: str) -> None:
        """Copy the base, while others read and write it, with SQLite's online backup."""
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(target)
        try:
            with copy:
                self.connection.backup(copy)
        finally:
            copy.close()

    def close(self) -> None:
        self.connection.close()


class PostgreSQL:
    """A PostgreSQL database through psycopg (the ``claimtrack[postgres]`` extra)."""

    kind = "postgresql"

    def __init__(self, url: str, timeout: float = WAIT) -> None:
        self.where = _hide_password(url)
        try:
            import psycopg
        except ImportError:
            raise ClaimBaseError(
                self.where,
                "PostgreSQL needs psycopg: pip install 'claimtrack[postgres]'",
            ) from None
        self._errors = psycopg.Error
        try:
            self.connection = psycopg.connect(url, autocommit=True)
        except psycopg.Error as err:
            raise ClaimBaseError(self.where, f"cannot connect: {_one_line(err)}") from None
        self.run(f"SET lock_timeout = {int(timeout * 1000)}")
        self._depth = 0

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            cursor = self.connection.execute(_placeholders(sql), tuple(params))
            return cursor.fetchall() if cursor.description is not None else []
        except self._errors as err:
            raise ClaimBaseError(self.where, f"{_one_line(err)} (in: {_first_line(sql)})") from err

    def run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            with self.connection.cursor() as cursor:
                cursor.executemany(_placeholders(sql), list(rows))
        except self._errors as err:
            raise ClaimBaseError(self.where, f"{_one_line(err)} (in: {_first_line(sql)})") from err

    def keys(self, column: str) -> str:
        return f"{column} = ANY(?)"

    def key_list(self, keys: Iterable[str]) -> Any:
        return list(keys)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        if self._depth:
            yield
            return
        with self._transaction():
            # writers take turns: each batch links against everything committed before it
            self.run("SELECT pg_advisory_xact_lock(?)", (_PG_LOCK,))
            yield

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        if self._depth:
            yield
            return
        with self._transaction():
            self.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._depth = 1
        try:
            with self.connection.transaction():
                yield
        except self._errors as err:
            raise ClaimBaseError(self.where, _one_line(err)) from err
        finally:
            self._depth = 0

    def close(self) -> None:
        self.connection.close()


def _placeholders(sql: str) -> str:
    # the base's SQL never holds a literal "?" or "%": values always go as parameters
    return sql.replace("?", "%s")


def _first_line(sql: str) -> str:
    return " ".join(sql.split())[:80]


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def is_url(target: str) -> bool:
    """Whether ``target`` names a PostgreSQL server rather than a SQLite file."""
    return target.startswith(("postgresql://", "postgres://"))


def connect(target: str, timeout: float = WAIT) -> SQLite | PostgreSQL:
    """A connection to the base at ``target``: a PostgreSQL URL, else a SQLite file."""
    if is_url(target):
        return PostgreSQL(target, timeout)
    if target != ":memory:":
        folder = Path(target).parent
        if not folder.is_dir():
            raise ClaimBaseError(target, f"the folder {str(folder)!r} does not exist")
    return SQLite(target, timeout)
