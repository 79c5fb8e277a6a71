"""A throwaway PostgreSQL cluster for the claim base tests, from Debian's postgresql package.

    python tests/base/pgcluster.py start DIR   # initdb + pg_ctl start; prints the URL
    python tests/base/pgcluster.py stop DIR    # pg_ctl stop, and DIR is removed

The cluster lives in DIR, listens on 127.0.0.1 at a free port and on a socket in
DIR, trusts local connections, and is made for tests (no fsync). As root it runs
as the ``postgres`` user (``runuser``), since PostgreSQL refuses to run as root.
``make test`` starts one and hands its URL to the suite as ``CLAIMTRACK_PG_URL``;
the suite starts its own when that is not set.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

USER = "claimtrack"


def _binary(name: str) -> str:
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        raise RuntimeError(
            f"no {name} found: install Debian's postgresql package (apt-get install -y postgresql)"
        )
    return found


def _as_owner(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip() or done.stdout}"
        )


def start(folder: str | Path) -> str:
    """Start a cluster in ``folder``; returns its URL (also written to ``folder/url``)."""
    root = Path(folder).resolve()
    root.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()
    _run(_as_owner([_binary("initdb"), "-D", str(data), "-U", USER, "--auth=trust",
                    "--encoding=UTF8", "--no-sync"]))  # fmt: skip
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
    )
    _run(_as_owner([_binary("pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w",
                    "-t", "60", "-o", options, "start"]))  # fmt: skip
    _run([_binary("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, USER])
    url = f"postgresql://{USER}@127.0.0.1:{port}/{USER}"
    (root / "url").write_text(url + "\n", encoding="utf-8")
    return url


def stop(folder: str | Path) -> None:
    """Stop the cluster in ``folder`` and remove it."""
    root = Path(folder).resolve()
    if (root / "data" / "postmaster.pid").exists():
        _run(_as_owner([_binary("pg_ctl"), "-D", str(root / "data"), "-m", "fast", "-w",
                        "stop"]))  # fmt: skip
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    verb, where = sys.argv[1:3]
    try:
        if verb == "start":
            print(start(where))
        else:
            stop(where)
    except RuntimeError as err:
        sys.exit(f"PostgreSQL for the claim base tests: {err}")
