"""``claimtrack extract`` and ``claimtrack check`` on Dask: ``--workers N`` (a local
cluster of N processes) or ``--scheduler tcp://...`` (a running one), with Dask's
progress bar on standard error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .._format import clean, render_table
from .._format.html import num
from ..figure import HedgePolicy
from ..measures import MeasureLexicon
from ..places import Gazetteer
from ._tables import SHOWN, heading, print_claims

__all__ = ["add_options", "check", "extract", "wanted"]


def add_options(parser: argparse.ArgumentParser, command: str) -> None:
    """The options that run ``command`` on Dask."""
    where = parser.add_argument_group("on a Dask cluster (pip install 'claimtrack[dask]')")
    where.add_argument(
        "--workers",
        metavar="N",
        type=int,
        help="run on a local Dask cluster of N worker processes (one per core is usual)",
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask scheduler at ADDRESS (tcp://host:8786)",
    )
    if command == "extract":
        where.add_argument(
            "--out",
            metavar="DIR",
            help="write the claims there, one file a partition, and problems.jsonl "
            "(FILE may then be a folder of .txt, .jsonl and .parquet files)",
        )
        where.add_argument(
            "--out-format",
            choices=("jsonl", "parquet"),
            default="jsonl",
            help="the partitions' format (default jsonl)",
        )
    else:
        where.add_argument(
            "--out",
            metavar="DIR",
            help="write verdicts, estimates, reliability and grades there as Parquet",
        )
        where.add_argument(
            "--one-component",
            action="store_true",
            help="assess all claims together, on one worker: the single-process answer "
            "for every method (by default components of shared sources are assessed apart)",
        )


def wanted(args: argparse.Namespace) -> bool:
    """Whether the command runs on Dask."""
    return args.workers is not None or args.scheduler is not None


def _progress_shown(args: argparse.Namespace) -> bool:
    shown = getattr(args, "progress", None)
    return sys.stderr.isatty() if shown is None else bool(shown)


def _report_problems(problems: list[Any]) -> None:
    for problem in problems[:5]:
        print(f"claimtrack: skipped: {clean(problem, 200)}", file=sys.stderr)
    if len(problems) > 5:
        print(f"claimtrack: skipped {len(problems) - 5:,} more documents", file=sys.stderr)


def extract(args: argparse.Namespace) -> int:
    """``claimtrack extract FILE --workers N``: every document of a corpus."""
    from ..distributed import extract_corpus, local_client, progress

    widths = {k: v for k, v in (("about", args.about), ("nearly", args.nearly)) if v is not None}
    policy = HedgePolicy(**widths) if widths else None
    if len(args.files) != 1 or args.files[0] == "-":
        given = " ".join(args.files)
        print(
            f"claimtrack: error: on Dask, extract reads one file or folder, got {given!r}",
            file=sys.stderr,
        )
        return 2
    shown = _progress_shown(args)
    with local_client(args.workers, args.scheduler) as client:
        extraction = extract_corpus(
            args.files[0],
            published=args.published,
            outlet=args.outlet,
            policy=policy,
            out=args.out,
            format=args.out_format,
            client=client,
            show_progress=shown,
        )
        if args.out is not None:
            problems = list(extraction.problems.compute())
            _report_problems(problems)
            skipped = f"; {len(problems):,} documents skipped" if problems else ""
            print(
                f"claims written to {args.out} in {len(extraction.written):,} "
                f"{args.out_format} partition{'' if len(extraction.written) == 1 else 's'}{skipped}"
            )
            return 0
        future = client.compute(extraction.to_delayed())
        progress(future, shown)
        claims, problems = future.result()
    _report_problems(problems)
    print_claims(claims, args.format)
    return 0


def check(args: argparse.Namespace) -> int:
    """``claimtrack check FILE --workers N``: link and assess claim files, or the folder of
    partitions ``extract --out`` wrote."""
    from ..distributed import assess_distributed, local_client, progress, read_claims, write_frame

    settings: dict[str, Any] = {}
    if args.places:
        settings["places"] = Gazetteer.from_file(args.places)
    if args.measures:
        settings["measures"] = MeasureLexicon.from_file(args.measures)
    columns = dict(args.column) or None
    with local_client(args.workers, args.scheduler) as client:
        claims = read_claims(args.file, columns=columns)
        assessed = assess_distributed(
            claims, args.method, components=not args.one_component, client=client, **settings
        )
        tables = [assessed.verdicts, assessed.estimates, assessed.reliability, assessed.grades]
        futures = client.compute(tables)
        progress(futures, _progress_shown(args))
        verdicts, estimates, reliability, grades = client.gather(futures)
    disputed = {
        row.quantity
        for row in estimates.itertuples()
        if row.dissent  # a quantity some claim disagrees on
    }
    print(
        f"{len(grades):,} claims graded (derived ones included), {len(reliability):,} sources, "
        f"{len(verdicts):,} verdicts, {len(estimates):,} estimates in "
        f"{assessed.components:,} components of shared sources, "
        f"{len(disputed):,} with dissenting claims"
    )
    heading("Estimates")
    ordered = estimates.sort_values(["claims", "quantity"], ascending=[False, True])
    shown = ordered if args.all else ordered.head(SHOWN)
    rows = [
        (r.quantity, num(r.best), f"{num(r.low)} to {num(r.high)}", r.claims, r.sources, r.dissent)
        for r in shown.itertuples()
    ]
    print(render_table(["quantity", "best", "range", "claims", "sources", "dissenting"], rows))
    if len(ordered) > len(shown):
        print(f"… {len(ordered) - len(shown):,} more rows (--all shows every row)")
    if args.out:
        folder = Path(args.out)
        folder.mkdir(parents=True, exist_ok=True)
        for name, table in (
            ("verdicts", verdicts),
            ("estimates", estimates),
            ("reliability", reliability),
            ("grades", grades),
        ):
            write_frame(table, folder / f"{name}.parquet")
        print(f"\nTables written to {folder}")
    return 0
