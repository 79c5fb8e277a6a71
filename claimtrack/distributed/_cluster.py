"""Where the work runs: the caller's Dask client, a scheduler's address, or a local cluster.

Dask and its ``distributed`` scheduler live in the ``dask`` extra
(``pip install 'claimtrack[dask]'``) and are imported here only when a
function needs them, so ``import claimtrack`` never loads them.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any, TypeAlias

from ..errors import ClaimtrackError, ValidationError

__all__ = [
    "Bag",
    "Client",
    "ClientLike",
    "DataFrame",
    "local_client",
    "progress",
    "require",
    "use_client",
]

# Dask's classes, by the names the signatures here use. Dask is imported only when a
# function runs, and its methods are untyped where we call them, so these are aliases.
#: A ``distributed.Client``.
Client: TypeAlias = Any
#: A ``dask.bag.Bag``.
Bag: TypeAlias = Any
#: A ``dask.dataframe.DataFrame``.
DataFrame: TypeAlias = Any
#: What the ``client=`` parameter of the entry points takes: a ``distributed.Client``,
#: a scheduler's address ("tcp://10.0.0.5:8786"), or None for the default.
ClientLike: TypeAlias = Any

_EXTRA = "pip install 'claimtrack[dask]'"


def require(name: str) -> ModuleType:
    """Import ``dask``, ``distributed`` or ``pyarrow``, saying which extra brings it."""
    try:
        return importlib.import_module(name)
    except ImportError as err:
        raise ClaimtrackError(
            f"claimtrack.distributed needs {name.split('.')[0]}, which is not installed: {_EXTRA}"
        ) from err


class _Default:
    """The local cluster the entry points start when no client is given, kept for the
    process (results are lazy and must stay computable) and closed when it exits."""

    client: Client | None = None
    workers: int | None = None

    @classmethod
    def get(cls, workers: int | None) -> Client:
        if cls.client is not None and (workers is None or workers == cls.workers):
            return cls.client
        cls.close()
        cls.client = _local(workers)
        cls.workers = workers
        return cls.client

    @classmethod
    def close(cls) -> None:
        if cls.client is not None:
            cluster = cls.client.cluster
            cls.client.close()
            if cluster is not None:
                cluster.close()
            cls.client = None


atexit.register(_Default.close)

_CONNECTED: dict[str, Client] = {}  # scheduler address -> the client connected to it


def _local(workers: int | None) -> Client:
    """A client on a new local cluster: ``workers`` processes of one thread each (one
    per core by default), since extraction and linking are pure Python and hold the GIL."""
    distributed = require("distributed")
    n = (os.cpu_count() or 1) if workers is None else workers
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValidationError("workers", workers, "a number of worker processes, 1 or more")
    cluster = distributed.LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: another cluster may hold the usual one
        silence_logs=40,  # logging.ERROR: a killed worker is retried, not shouted about
    )
    client: Client = distributed.Client(cluster)
    return client


def use_client(client: ClientLike = None, workers: int | None = None) -> Client:
    """The client to run on: the one given, one connected to the address given, the
    current default client (a notebook's ``Client()``), or a local cluster of
    ``workers`` processes (one per core by default) kept for this process.
    """
    distributed = require("distributed")
    if isinstance(client, distributed.Client):
        return client
    if isinstance(client, str):
        connected = _CONNECTED.get(client)
        if connected is None or connected.status != "running":
            connected = _CONNECTED[client] = distributed.Client(client)
        return connected
    if client is not None:
        raise ValidationError("client", client, "a distributed.Client or a scheduler address")
    if workers is None:
        with contextlib.suppress(ValueError):
            current: Client = distributed.default_client()
            return current
    return _Default.get(workers)


@contextlib.contextmanager
def local_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client for one run, closed (with the local cluster it started) on leaving.

    With ``scheduler`` it connects to that address; otherwise it starts a local
    cluster of ``workers`` processes (one per core by default).
    """
    distributed = require("distributed")
    if scheduler is not None:
        client = distributed.Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    client = _local(workers)
    try:
        yield client
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()


def progress(futures: Any, shown: bool) -> None:
    """Dask's text progress bar for ``futures``, on standard error; waits for them."""
    distributed = require("distributed")
    if not shown:
        distributed.wait(futures)
        return
    with contextlib.redirect_stdout(sys.stderr):
        distributed.progress(futures, notebook=False)
        sys.stderr.write("\n")
