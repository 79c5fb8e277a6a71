"""The ``claimtrack`` command (also ``python -m claimtrack``).

``claimtrack demo --out DIR`` tells the seed-report story and writes pictures and
a report; ``claimtrack check FILE`` links and assesses a file of claims and prints
what it found; ``claimtrack extract FILE`` reads the claims in a news text.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .._format import clean
from .._version import __version__
from ..errors import ClaimtrackError
from ..graph import ClaimGraph
from ..io import CSV_COLUMNS, load
from ..measures import MeasureLexicon
from ..model import Claim
from ..places import Gazetteer
from . import _distributed
from ._tables import (
    SHOWN,
    disputes_table,
    estimates_table,
    extract_table,
    grades_table,
    heading,
)

__all__ = ["main"]

PROGRESS_FROM = 2000  # claims: below this a check is quick enough to need no progress bar


# -- check --------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on a stream; silent unless ``enabled``."""

    def __init__(self, total: int, enabled: bool, stream: TextIO, label: str = "linking") -> None:
        self.total, self.enabled, self.stream, self.label = max(total, 1), enabled, stream, label
        self._last = 0.0

    def update(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self._last < 0.1):
            return
        self._last = now
        filled = int(30 * done / self.total)
        bar = "#" * filled + "-" * (30 - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done:,}/{self.total:,} claims")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.update(self.total, force=True)
            self.stream.write("\n")
            self.stream.flush()


def build_graph(claims: Sequence[Claim], progress: Progress, **settings: Any) -> ClaimGraph:
    """Add and link the claims; in about 20 steps when the progress bar is shown.
    ``settings`` go to ``ClaimGraph`` (``places=``, ``measures=``)."""
    graph = ClaimGraph(**settings)
    step = max(1000, len(claims) // 20) if progress.enabled else max(len(claims), 1)
    for start in range(0, len(claims), step):
        graph.add_all(claims[start : start + step])
        graph.link()
        progress.update(min(start + step, len(claims)))
    progress.close()
    return graph


def _count(n: int, one: str, many: str | None = None) -> str:
    """ "1 claim", "2 claims"."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def _column(text: str) -> tuple[str, str]:
    """``--column source=Who``: the field and the file's column that holds it."""
    field, sep, column = text.partition("=")
    if not sep or not field.strip() or not column.strip():
        raise argparse.ArgumentTypeError(
            f"got {text!r}, expected FIELD=COLUMN such as source=Who or figure='Number killed'"
        )
    fields = (*CSV_COLUMNS, "date")
    if field.strip() not in fields:
        raise argparse.ArgumentTypeError(
            f"got the field {field.strip()!r}, expected one of " + ", ".join(fields)
        )
    return field.strip(), column.strip()


def _check(args: argparse.Namespace) -> int:
    if _distributed.wanted(args):
        return _distributed.check(args)
    from ..assessment import assess

    loaded = load(args.file, errors="collect", columns=dict(args.column) or None)
    for problem in loaded.problems[:5]:
        print(f"claimtrack: skipped: {clean(problem, 200)}", file=sys.stderr)
    if len(loaded.problems) > 5:
        print(f"claimtrack: skipped {len(loaded.problems) - 5} more lines", file=sys.stderr)
    claims = loaded.claims
    if not claims:
        skipped = f" ({len(loaded.problems):,} lines could not be read)" if loaded.problems else ""
        print(f"claimtrack: error: {args.file} holds no claims{skipped}", file=sys.stderr)
        return 1
    show_bar = args.progress
    if show_bar is None:
        show_bar = sys.stderr.isatty() and len(claims) >= PROGRESS_FROM
    settings: dict[str, Any] = {}
    if args.places:
        settings["places"] = Gazetteer.from_file(args.places)
    if args.measures:
        settings["measures"] = MeasureLexicon.from_file(args.measures)
    graph = build_graph(claims, Progress(len(claims), show_bar, sys.stderr), **settings)
    assessment = assess(graph, method=args.method)
    shown = None if args.all else SHOWN
    skipped = f"; {_count(len(loaded.problems), 'line')} skipped" if loaded.problems else ""
    print(
        f"{_count(len(claims), 'claim')} from {_count(len(graph.sources()), 'source')}, "
        f"{_count(len(graph.verdicts()), 'verdict')}, "
        f"{_count(len(graph.disputes()), 'disputed quantity', 'disputed quantities')}{skipped}"
    )
    heading("Disputes")
    print(disputes_table(graph, shown) if graph.disputes() else "No claim contradicts another.")
    heading("Estimates")
    print(estimates_table(assessment, shown))
    conflicts = assessment.inconsistencies()
    if conflicts:
        print("\nThese estimates do not add up (parts exceed their whole):")
        for verdict in conflicts:
            print(f"  - {clean(verdict.reason, 300)}")
    heading("Grades")
    print(grades_table(assessment, shown))
    if args.html:
        from ..views import report_html
        from ._demo import write_text

        write_text(args.html, report_html(assessment, title=f"Claims in {Path(args.file).name}"))
        print(f"\nReport written to {args.html}")
    return 0


# -- extract ------------------------------------------------------------------------


def _extract(args: argparse.Namespace) -> int:
    if _distributed.wanted(args):
        return _distributed.extract(args)
    import json

    from ..extraction import extract
    from ..figure import HedgePolicy
    from ..io import converter, read_text

    widths = {k: v for k, v in (("about", args.about), ("nearly", args.nearly)) if v is not None}
    policy = HedgePolicy(**widths) if widths else None  # checked before the file is read
    text = sys.stdin.read() if args.file == "-" else read_text(args.file)
    claims = extract(text, published=args.published, outlet=args.outlet, policy=policy)
    if args.format == "jsonl":
        for claim in claims:
            print(json.dumps(converter.unstructure(claim), ensure_ascii=False))
    else:
        print(extract_table(claims))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from ._demo import run

    return run(Path(args.out))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack", description="Track numeric claims across sources."
    )
    parser.add_argument("--version", action="version", version=f"claimtrack {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="run the seed-report story on the bundled data")
    demo.add_argument("--out", default="demo-output", help="folder for pictures and the report")
    demo.set_defaults(run=_demo)
    check = commands.add_parser("check", help="link and assess a file of claims")
    check.add_argument("file", metavar="FILE", help="claims as JSON Lines, JSON or CSV")
    check.add_argument("--html", metavar="REPORT", help="also write a self-contained HTML report")
    check.add_argument(
        "--method", default=None, help="the assessment method (default: the library's)"
    )
    check.add_argument("--all", action="store_true", help=f"print every row, not the first {SHOWN}")
    check.add_argument(
        "--places",
        metavar="FILE",
        help="more places and what contains them: CSV with name, within, aliases (or JSON)",
    )
    check.add_argument(
        "--measures",
        metavar="FILE",
        help="a measure lexicon (JSON shaped like claimtrack/data/measures.json)",
    )
    check.add_argument(
        "--column",
        metavar="FIELD=COLUMN",
        action="append",
        default=[],
        type=_column,
        help="a CSV's own column for a field, e.g. --column source=Who (repeat for each)",
    )
    bar = check.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress", action="store_true", default=None, help="show a progress bar on stderr"
    )
    bar.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help=f"never show one (default: on a terminal, from {PROGRESS_FROM:,} claims)",
    )
    _distributed.add_options(check, "check")
    check.set_defaults(run=_check)
    pull = commands.add_parser("extract", help="read the claims in a news text")
    pull.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    pull.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date")
    pull.add_argument("--outlet", metavar="NAME", help="who published the text")
    pull.add_argument("--format", choices=("jsonl", "table"), default="table")
    pull.add_argument(
        "--about",
        metavar="SHARE",
        type=float,
        help='half-width of "about 200" as a share of the value (default 0.1: 180 to 220)',
    )
    pull.add_argument(
        "--nearly",
        metavar="SHARE",
        type=float,
        help='depth of "nearly 12,000" below the value (default 0.1: 10,800 to 12,000)',
    )
    _distributed.add_options(pull, "extract")
    pull.set_defaults(run=_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except ClaimtrackError as err:
        print(f"claimtrack: error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away ("claimtrack check f | head"): stop without a traceback,
        # and keep Python from complaining again when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
