"""Fixtures for the claim base: every test runs on SQLite and on a real PostgreSQL server.

The server is the one ``make test`` started (``CLAIMTRACK_PG_URL``), or else one this
session starts from Debian's postgresql package (``pgcluster.py``). Where neither
works the PostgreSQL tests fail, saying why: they are never skipped.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from . import pgcluster

_COUNTER = itertools.count()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    given = os.environ.get("CLAIMTRACK_PG_URL")
    folder = None
    try:
        if given:
            url = given
        else:
            # not under pytest's tmp folder: that is private to root, and the server
            # runs as the postgres user when the suite runs as root
            folder = tempfile.mkdtemp(prefix="claimtrack-pg-")
            url = pgcluster.start(folder)
        import psycopg

        psycopg.connect(url, connect_timeout=10).close()
    except Exception as err:
        if folder:
            pgcluster.stop(folder)
        pytest.fail(
            f"PostgreSQL could not be reached or started ({err}); the claim base tests run "
            "against SQLite and a real PostgreSQL server: install Debian's postgresql package "
            "(apt-get install -y postgresql) and psycopg, or set CLAIMTRACK_PG_URL",
            pytrace=False,
        )
    yield url
    if folder:
        pgcluster.stop(folder)


def _schema_url(url: str) -> str:
    """A fresh schema on the server, and a URL whose connections work in it."""
    import psycopg

    name = f"t{os.getpid()}_{next(_COUNTER)}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {name}")
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{name}"


NewTarget = Callable[[], str]


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def new_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> NewTarget:
    """Makes the address of a new, empty base on each back end: a SQLite file, or a
    PostgreSQL URL on a schema of its own."""
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("bases")
        return lambda: str(Path(folder) / f"desk{next(_COUNTER)}.db")
    url = request.getfixturevalue("postgres_url")
    return lambda: _schema_url(url)
