"""The claim base on the command line: ``add``, and ``check`` and ``report`` on a base.

    claimtrack add desk.db monday.jsonl tuesday.csv      # files, or - for standard input
    claimtrack check desk.db --measure "drones destroyed" --since 2024-08-22
    claimtrack report desk.db --html desk.html

``check`` and ``report`` take a base where they would take a file of claims: a
``.db``/``.sqlite`` file, any SQLite file, or a ``postgresql://`` URL.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._format import clean
from ..base import ClaimBase, is_url, open_base
from ..errors import ClaimBaseError, FileFormatError
from ..graph import ClaimGraph
from ._tables import SHOWN, disputes_table, estimates_table, grades_table, heading

__all__ = ["add_command", "check_command", "is_base", "register", "report_command"]

_SUFFIXES = (".db", ".sqlite", ".sqlite3")
_SQLITE_MAGIC = b"SQLite format 3\x00"
_PROBLEMS_SHOWN = 5


def is_base(target: str) -> bool:
    """Whether ``target`` names a claim base rather than a file of claims."""
    if is_url(target) or target.lower().endswith(_SUFFIXES):
        return True
    try:
        with open(target, "rb") as handle:
            return handle.read(16) == _SQLITE_MAGIC
    except OSError:
        return False


def _existing(target: str) -> ClaimBase:
    """An existing base (``check`` and ``report`` never make an empty one)."""
    if not is_url(target) and not Path(target).is_file():
        raise ClaimBaseError(target, "no such file; make one with: claimtrack add BASE FILE")
    _not_claims(
        target,
        f"for a file's report: claimtrack check {target} --html OUT; to keep its claims "
        f"in a base: claimtrack add desk.db {target}",
    )
    return open_base(target)


def _not_claims(target: str, instead: str) -> None:
    """Refuse a file of claims (a CSV, JSON Lines) given where a base belongs, saying
    what to run instead: opened as SQLite it would only be "file is not a database"."""
    if not is_base(target) and Path(target).is_file():
        raise ClaimBaseError(
            target,
            "looks like a file of claims, not a claim base (a SQLite file or a "
            f"postgresql:// URL); {instead}",
        )


def _count(n: int, one: str) -> str:
    return f"{n:,} {one if n == 1 else one + 's'}"


def add_command(args: argparse.Namespace) -> int:
    """``claimtrack add BASE FILE...``: each file one report, in one transaction each."""
    status = 0
    _not_claims(args.base, f"the base comes first: claimtrack add desk.db {args.base}")
    with open_base(args.base) as base:
        for name in args.files:
            try:
                if name == "-":
                    result = base.add_text(sys.stdin.read(), name="<stdin>")
                else:
                    result = base.add_file(name)
            except FileFormatError as err:
                print(f"claimtrack: error: {err}", file=sys.stderr)
                status = 1
                continue
            for problem in result.problems[:_PROBLEMS_SHOWN]:
                print(f"claimtrack: skipped: {clean(problem, 200)}", file=sys.stderr)
            if len(result.problems) > _PROBLEMS_SHOWN:
                more = len(result.problems) - _PROBLEMS_SHOWN
                print(f"claimtrack: skipped {more} more lines", file=sys.stderr)
            skipped = f", {_count(len(result.problems), 'line')} skipped" if result.problems else ""
            print(
                f"{'standard input' if name == '-' else name}: {_count(result.read, 'claim')}, "
                f"{result.new:,} new{skipped}; {_count(result.verdicts, 'verdict')}, "
                f"{result.reassessed:,} quantities reassessed (report {result.report})"
            )
        print(f"{base.where}: {_count(len(base), 'claim')}")
    return status


def _selection(base: ClaimBase, args: argparse.Namespace) -> ClaimGraph:
    """The graph ``check`` and ``report`` look at: every claim, or those on a measure,
    or the quantities with a claim added or changed since a time."""
    filters: dict[str, Any] = {}
    if args.measure:
        filters["measure"] = args.measure
    if args.since:
        changed = base.claims(since=args.since, **filters)
        filters = {"quantity": sorted({changed.info(c)["quantity"] for c in changed})}
    return base.graph(**filters)


def check_command(args: argparse.Namespace) -> int:
    """``claimtrack check BASE``: disputes, estimates and grades of the base's claims."""
    from ..assessment import assess

    with _existing(args.file) as base:
        graph = _selection(base, args)
        if not len(graph):
            print("No claims to check.")
            return 0
        assessment = assess(graph, method=args.method or base.method)
        found = graph.disputes()
        print(
            f"{_count(len(graph), 'claim')} from {_count(len(graph.sources()), 'source')}, "
            f"{_count(len(graph.verdicts()), 'verdict')}, {len(found):,} disputed "
            f"{'quantity' if len(found) == 1 else 'quantities'} (in {base.where})"
        )
        shown = None if args.all else SHOWN
        heading("Disputes")
        print(disputes_table(graph, shown) if found else "No claim contradicts another.")
        heading("Estimates")
        print(estimates_table(assessment, shown))
        heading("Grades")
        print(grades_table(assessment, shown))
        if args.html:
            _write_report(assessment, args.html, base.where)
    return 0


def report_command(args: argparse.Namespace) -> int:
    """``claimtrack report BASE --html OUT``: the HTML report of the base's claims."""
    from ..assessment import assess

    with _existing(args.base) as base:
        graph = _selection(base, args)
        assessment = assess(graph, method=args.method or base.method)
        _write_report(assessment, args.html, base.where)
    return 0


def _write_report(assessment: Any, path: str, where: str) -> None:
    from ..views import report_html
    from ._demo import write_text

    name = where if is_url(where) else Path(where).name
    write_text(path, report_html(assessment, title=f"Claims in {name}"))
    print(f"\nReport written to {path}")


def _selectors(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--measure", help="(a claim base) only the claims on this measure")
    parser.add_argument(
        "--since",
        metavar="TIME",
        help="(a claim base) only the quantities with a claim added or changed since "
        "TIME (YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC)",
    )


def register(commands: Any, check: argparse.ArgumentParser) -> None:
    """Add ``add`` and ``report``, and ``check``'s options for a base, to the parser."""
    add = commands.add_parser("add", help="add files of claims to a claim base")
    add.add_argument(
        "base", metavar="BASE", help="a SQLite file (made if new) or a postgresql:// URL"
    )
    add.add_argument(
        "files", metavar="FILE", nargs="+", help="claims as JSON Lines, JSON or CSV; - for stdin"
    )
    add.set_defaults(run=add_command)
    _selectors(check)
    report = commands.add_parser("report", help="write the HTML report of a claim base")
    report.add_argument("base", metavar="BASE", help="a SQLite file or postgresql:// URL")
    report.add_argument("--html", metavar="OUT", required=True, help="the report to write")
    report.add_argument(
        "--method", default=None, help="the assessment method (default: the base's)"
    )
    _selectors(report)
    report.set_defaults(run=report_command)
