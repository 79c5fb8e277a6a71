"""Plain-text tables for the terminal (the command line and ``__str__`` of results)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from .options import options

__all__ = ["clean", "render_table"]


def clean(value: Any, limit: int = 60) -> str:
    """One line of printable text: control characters, bidi marks and newlines removed."""
    text = "" if value is None else str(value)
    kept = "".join(
        " " if ch in "\n\r\t" else ch
        for ch in text
        if ch in "\n\r\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")
    )
    kept = " ".join(kept.split())
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


def render_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    limit: int | None = None,
    max_rows: int | None = None,
) -> str:
    """Columns padded to their widest cell; numbers right-aligned.

    Cells are cut to ``limit`` characters (default ``options.display.max_colwidth``),
    and at most ``max_rows`` rows are shown (default ``options.display.max_rows``),
    with a last line saying how many more there are.
    """
    width = options.display.max_colwidth if limit is None else limit
    shown = options.display.max_rows if max_rows is None else max_rows
    everything = list(rows)
    body = [[clean(cell, width) for cell in row] for row in everything[:shown]]
    more = len(everything) - len(body)
    widths = [len(h) for h in headers]
    for row in body:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=False)]
    numeric = [
        all(_is_number(row[i]) for row in body if row[i]) and any(row[i] for row in body)
        for i in range(len(headers))
    ]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if num else c.ljust(w)
            for c, w, num in zip(cells, widths, numeric, strict=False)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    tail = [f"… {more:,} more rows not shown (claimtrack.options.display.max_rows)"] if more else []
    return "\n".join([line(list(headers)), rule, *(line(row) for row in body), *tail])


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True
