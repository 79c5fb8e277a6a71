"""The ``claimtrack`` command (also ``python -m claimtrack``).

``claimtrack demo --out DIR`` tells the seed-report story and writes pictures and
a report; ``claimtrack check FILE`` links and assesses a file of claims and prints
what it found; ``claimtrack extract FILE`` reads the claims in a news text.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._format import Progress, clean, options
from .._format import progress as _progress
from .._gc import paused_gc
from .._version import __version__
from ..assessment import Assessment
from ..errors import ClaimtrackError, FileFormatError, SkippedPhraseWarning, ValidationError
from ..graph import ClaimGraph, count_verdicts, unchanged
from ..io import CSV_COLUMNS, Problem, load
from ..measures import MeasureLexicon
from ..model import Claim
from ..places import Gazetteer
from . import _base_commands, _distributed
from ._tables import (
    SHOWN,
    disputes_table,
    estimates_table,
    grades_table,
    heading,
    print_claims,
)

__all__ = ["main"]


def build_graph(claims: Sequence[Claim], progress: Progress = None, **settings: Any) -> ClaimGraph:
    """Add and link the claims, in one ``link`` that reports its progress by quantity.
    ``settings`` go to ``ClaimGraph`` (``places=``, ``measures=``)."""
    graph = ClaimGraph(**settings)
    graph.add_all(claims, progress=progress)
    graph.link(progress=progress)
    return graph


def writable(path: str, what: str) -> None:
    """Refuse an output path that cannot be written, before any work is done."""
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise FileFormatError(path, f"is a folder; {what} needs a file name")
    if not folder.is_dir():
        raise FileFormatError(path, f"cannot write {what}: there is no folder {str(folder)!r}")
    if not os.access(folder, os.W_OK):
        raise FileFormatError(path, f"cannot write {what}: the folder {str(folder)!r} is read-only")


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

    if _base_commands.is_base(args.file):
        return _base_commands.check_command(args)
    if args.measure or args.since:
        print("claimtrack: error: --measure and --since select in a claim base", file=sys.stderr)
        return 2
    if args.html and args.html != "-":
        writable(args.html, "the report")
    loaded = load(
        args.file,
        errors="collect",
        columns=dict(args.column) or None,
        day_first=args.day_first,
        progress=args.progress,
    )
    for problem in loaded.problems[:5]:
        print(f"claimtrack: skipped: {clean(problem, 200)}", file=sys.stderr)
    if len(loaded.problems) > 5:
        print(f"claimtrack: skipped {len(loaded.problems) - 5} more lines", file=sys.stderr)
    claims = loaded.claims
    if not claims:
        skipped = f" ({len(loaded.problems):,} lines could not be read)" if loaded.problems else ""
        print(f"claimtrack: error: {args.file} holds no claims{skipped}", file=sys.stderr)
        return 1
    settings: dict[str, Any] = {}
    if args.places:
        settings["places"] = Gazetteer.from_file(args.places)
    if args.measures:
        settings["measures"] = MeasureLexicon.from_file(args.measures)
    graph = build_graph(claims, args.progress, **settings)
    _warn_unknown_places(claims, graph.places)
    assessment = assess(graph, method=args.method)
    _keep(loaded, graph, assessment)
    # The linked graph is millions of objects, alive until the command ends, and every
    # full collection of the cyclic garbage collector walks all of them: reporting
    # allocates enough (rows, strings, verdicts) to run several, seconds spent finding
    # nothing, since nothing built here holds a cycle. So the collector rests while
    # the report is written, as it does while the graph is built (paused_gc), and
    # runs again after: reference counting frees everything meanwhile, and a cycle
    # made meanwhile is collected then, so nothing leaks (gc.freeze would keep any
    # garbage cycle alive at the time for good in a process that goes on).
    with paused_gc(), unchanged(graph):  # the tables and the report ask the same questions
        if args.format != "text":
            from ._machine import write_result

            write_result(assessment, args.format, loaded.problems, sys.stdout)
            return _write_report(args, assessment)
        return _report(args, loaded.problems, claims, graph, assessment)


def _report(
    args: argparse.Namespace,
    problems: Sequence[Problem],
    claims: Sequence[Claim],
    graph: ClaimGraph,
    assessment: Assessment,
) -> int:
    """What ``check`` prints of a linked, assessed file, and its HTML report."""
    shown = None if args.all else SHOWN
    skipped = f"; {_count(len(problems), 'line')} skipped" if problems else ""
    # the tables are written first and printed after the bar is gone
    with _progress("tables", 4, args.progress, unit="tables", minimum=1) as tick:
        found = graph.disputes()
        summary = (
            f"{_count(len(claims), 'claim')} from {_count(len(graph.sources()), 'source')}, "
            f"{_count(count_verdicts(graph), 'verdict')}, "
            f"{_count(len(found), 'disputed quantity', 'disputed quantities')}{skipped}"
        )
        tick(1)
        disputes = disputes_table(graph, shown) if found else "No claim contradicts another."
        tick(1)
        estimates = estimates_table(assessment, shown)
        conflicts = assessment.inconsistencies()
        tick(1)
        grades = grades_table(assessment, shown)
        tick(1)
    print(summary)
    heading("Disputes")
    print(disputes)
    heading("Estimates")
    print(estimates)
    if conflicts:
        print("\nThese estimates do not add up (parts exceed their whole):")
        for verdict in conflicts:
            print(f"  - {clean(verdict.reason, 300)}")
    heading("Grades")
    print(grades)
    return _write_report(args, assessment)


def _write_report(args: argparse.Namespace, assessment: Assessment) -> int:
    if not args.html:
        return 0
    from ..views import report_html
    from ._demo import write_text

    name = "standard input" if args.file == "-" else Path(args.file).name
    page = report_html(assessment, title=f"Claims in {name}", progress=args.progress)
    if args.html == "-":
        sys.stdout.write(page)
        return 0
    write_text(args.html, page)
    print(
        f"\nReport written to {args.html}", file=sys.stderr if args.format != "text" else sys.stdout
    )
    return 0


def _warn_unknown_places(claims: Sequence[Claim], places: Gazetteer) -> None:
    """Say which places the gazetteer does not know: they are compared by name only and
    nest in nothing, so no part meets its whole."""
    unknown = sorted({c.place for c in claims if c.place and places.resolve(c.place) is None})
    if not unknown:
        return
    shown = ", ".join(clean(p, 60) for p in unknown[:8]) + (", ..." if len(unknown) > 8 else "")
    hint = "" if places.has_cities else "; pip install 'claimtrack[places]' adds cities"
    print(
        f"claimtrack: warning: {_count(len(unknown), 'place')} not in the gazetteer, compared "
        f"by name only and within no other place: {shown} (add them with --places FILE{hint})",
        file=sys.stderr,
    )


# -- extract ------------------------------------------------------------------------


def _extract(args: argparse.Namespace) -> int:
    if _distributed.wanted(args):
        return _distributed.extract(args)
    from ..extraction import extract_all
    from ..figure import HedgePolicy
    from ..io import read_text

    widths = {k: v for k, v in (("about", args.about), ("nearly", args.nearly)) if v is not None}
    policy = HedgePolicy(**widths) if widths else None  # checked before the file is read
    if args.files.count("-") > 1:
        raise ValidationError("FILE", "-", "standard input named once")
    texts = [sys.stdin.read() if name == "-" else read_text(name) for name in args.files]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SkippedPhraseWarning)
        claims = extract_all(
            texts, args.published, args.outlet, policy=policy, progress=args.progress
        )
    skips = [w.message for w in caught if isinstance(w.message, SkippedPhraseWarning)]
    for skip in skips[:5]:
        print(f"claimtrack: skipped: {clean(skip, 200)}", file=sys.stderr)
    if len(skips) > 5:
        print(f"claimtrack: skipped {len(skips) - 5} more phrases", file=sys.stderr)
    print_claims(claims, args.format)
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
    check = commands.add_parser("check", help="link and assess a file of claims, or a claim base")
    check.add_argument(
        "file",
        metavar="FILE",
        help="claims as JSON Lines, JSON or CSV, - for standard input, or a claim base",
    )
    check.add_argument(
        "--html",
        metavar="REPORT",
        help="also write a self-contained HTML report (- writes it to standard output)",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text tables (default), one JSON document of everything found, or the "
        "estimates as CSV",
    )
    order = check.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_true",
        default=None,
        help="read dates such as 03/04/2025 day first (3 April)",
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_false",
        help="read them month first (4 March); by default such dates are refused",
    )
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
    _progress_flags(check, "from claimtrack.options.progress_from claims")
    _distributed.add_options(check, "check")
    check.set_defaults(run=_check)
    _base_commands.register(commands, check)  # add, report, and check on a claim base
    pull = commands.add_parser("extract", help="read the claims in news texts")
    pull.add_argument(
        "files", metavar="FILE", nargs="+", help="UTF-8 text files, or - for standard input"
    )
    _progress_flags(pull, "from 20 texts")
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


def _progress_flags(command: argparse.ArgumentParser, default: str) -> None:
    bar = command.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress", action="store_true", default=None, help="show a progress bar on stderr"
    )
    bar.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help=f"never show one (default: on a terminal, {default}, after half a second)",
    )


#: What the command built, kept to the end when it runs as a process (see ``run``).
_KEPT: list[Any] = []
_KEEPING = False


def _keep(*objects: Any) -> None:
    if _KEEPING:
        _KEPT.extend(objects)


def run() -> None:
    """The ``claimtrack`` command: ``main`` on the process's arguments, then exit.

    A check of a million claims leaves tens of millions of objects, which Python
    would free one by one on the way out, seconds after the last line is written.
    Run as a process, the command keeps them to the end and, once its output is
    flushed, leaves at once (``os._exit``): the system takes the memory back whole.
    ``main`` itself, called in a notebook or a test, returns as any function does.
    """
    global _KEEPING
    _KEEPING = True
    status = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone, a stream closed
            stream.flush()
    os._exit(status)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        # --progress and --no-progress hold for everything the command runs
        shown = getattr(args, "progress", None)
        with options.changed(**({} if shown is None else {"progress": shown})):
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
