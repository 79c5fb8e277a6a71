"""Reading the data files a user hands in (a lexicon, a gazetteer): clear errors only."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from .errors import FileFormatError

__all__ = ["read_json", "read_rows"]


def _text(path: str | Path) -> str:
    shown = str(path)
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise FileFormatError(shown, "no such file") from None
    except IsADirectoryError:
        raise FileFormatError(shown, "is a folder, expected a file") from None
    except UnicodeDecodeError as err:
        raise FileFormatError(shown, f"not UTF-8 ({err.reason}); save the file as UTF-8") from None
    except OSError as err:
        raise FileFormatError(shown, f"cannot be read: {err.strerror}") from None


def read_json(path: str | Path) -> Any:
    """The JSON in a file; ``FileFormatError`` naming the file and line otherwise."""
    text = _text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise FileFormatError(
            str(path), f"not JSON: {err.msg} at column {err.colno}", err.lineno
        ) from None
    except RecursionError:
        raise FileFormatError(str(path), "not JSON claimtrack reads: nested too deeply") from None


def read_rows(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """(line, row) pairs of a CSV (or, with a ``.tsv`` suffix, tab-separated) file."""
    text = _text(path)
    delimiter = "\t" if str(path).lower().endswith(".tsv") else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    return [(reader.line_num, {k: (v or "") for k, v in row.items() if k}) for row in reader]
