"""Files: reading what comes from outside (text in whatever encoding it came, JSON,
the data files a user hands in: a lexicon, a gazetteer), and writing atomically.
Every failure is a ``FileFormatError`` naming the file (and the line, where one is
known).

``io`` loads claims with the same pieces, so a claim file and a gazetteer file fail
in the same words.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import io
import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import FileFormatError, ValidationError

__all__ = [
    "NotJSON",
    "as_path",
    "atomic_write",
    "parse_json",
    "read_json",
    "read_rows",
    "read_text",
]


def as_path(path: Any, field: str = "path") -> Path:
    """A file path given as text or a path object; anything else (None, bytes, a NUL
    inside) is a ``ValidationError`` naming the field, not a ``TypeError``."""
    raw = os.fspath(path) if isinstance(path, os.PathLike) else path
    if not isinstance(raw, str) or not raw:
        raise ValidationError(field, path, "a file path as text or a pathlib.Path")
    if "\0" in raw:
        raise ValidationError(field, path, "a file path without a NUL character")
    return Path(raw)


def read_text(path: str | os.PathLike[str]) -> str:
    """A file's text as UTF-8 (a byte-order mark is dropped); clear errors otherwise.

    Only a regular file is read: a device (``/dev/zero`` never ends), a FIFO (which
    waits for a writer) or a socket is refused before it is opened.
    """
    name = str(as_path(path))
    try:
        # opened without waiting (a FIFO would wait for a writer), then looked at
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            kind = os.fstat(fd).st_mode
            if stat.S_ISDIR(kind):
                raise IsADirectoryError
            if not stat.S_ISREG(kind):
                raise FileFormatError(
                    name, "is not a regular file (a device, a FIFO or a socket); expected a file"
                )
            data = handle.read()
    except FileNotFoundError:
        raise FileFormatError(name, "no such file") from None
    except IsADirectoryError:
        raise FileFormatError(name, "is a folder, expected a file") from None
    except OSError as err:  # no permission, a broken disk
        raise FileFormatError(name, f"cannot be read: {err.strerror or err}") from None
    # UTF-32's little-endian mark begins with UTF-16's, so it is tried first
    for marks, encoding in (
        ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32"),
        ((b"\xff\xfe", b"\xfe\xff"), "utf-16"),
    ):
        if data.startswith(marks):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise FileFormatError(name, f"not valid {encoding.upper()}: {err.reason}") from None
    if data[:4096].count(0) * 8 > len(data[:4096]):  # UTF-8 text has no NUL bytes to speak of
        raise FileFormatError(
            name,
            "has NUL bytes, as UTF-16 or UTF-32 without a byte-order mark would; "
            "save the file as UTF-8",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise FileFormatError(
            name, f"byte {err.start} is not UTF-8 ({err.reason}); save the file as UTF-8", line
        ) from None


class NotJSON(ValueError):
    """Text that does not parse as JSON: ``args`` are the reason and the line (or None)."""


def parse_json(text: str) -> Any:
    """Parsed JSON; every way it fails is a ``NotJSON`` (reason, line) saying why."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise NotJSON(f"not JSON: {err.msg} at column {err.colno}", err.lineno) from None
    except RecursionError:
        raise NotJSON("not JSON claimtrack reads: nested too deeply", None) from None
    except ValueError:  # int() refuses more digits than sys.get_int_max_str_digits()
        raise NotJSON(
            "not JSON claimtrack reads: a number of more than 4,300 digits", None
        ) from None


def read_json(path: str | os.PathLike[str]) -> Any:
    """The JSON in a file; ``FileFormatError`` naming the file and line otherwise."""
    try:
        return parse_json(read_text(path))
    except NotJSON as err:
        raise FileFormatError(str(path), err.args[0], err.args[1]) from None


def read_rows(path: str | os.PathLike[str]) -> list[tuple[int, dict[str, str]]]:
    """(line, row) pairs of a CSV (or, with a ``.tsv`` suffix, tab-separated) file."""
    text = read_text(path)
    delimiter = "\t" if str(path).lower().endswith(".tsv") else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    return [(reader.line_num, {k: (v or "") for k, v in row.items() if k}) for row in reader]


def atomic_write(path: str | os.PathLike[str], write: Callable[[io.TextIOBase], None]) -> None:
    """Write a text file so that readers see the old content or the new, never a part.

    The content goes to a temporary file in the same folder, is flushed and
    fsynced, then renamed over ``path``; the folder is fsynced so the rename
    survives a power cut. A symbolic link is written through (its target gets
    the new content; the link stays), a read-only file is refused, and the
    temporary files of writers that were killed are removed.
    """
    given = as_path(path)
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileFormatError(str(given), f"the folder {str(folder)!r} does not exist")
    if target.exists() and (
        not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222
    ):  # os.rename would replace it all the same (root may write anything)
        raise FileFormatError(str(given), "is read-only; make it writable to replace it")
    _remove_leftovers(folder, target.name)
    prefix = f".{target.name}.{os.getpid()}."
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        # (or the mode of the file it replaces), so readers keep their access.
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        # the new file is in place: a folder this process may write but not read
        # (no fsync without opening it) only leaves the rename less sure to outlive
        # a power cut, so it is no error
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def _remove_leftovers(folder: Path, name: str) -> None:
    """Remove the temporary files ``atomic_write`` left for ``name`` when its process was
    killed (their names carry the writer's process id); a living writer's are kept."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".{glob.escape(name)}.*.tmp"):
            pid = leftover.name[len(name) + 2 :].split(".", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):  # another user's process, or no pid at all
        return True
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
