"""The ``claimtrack`` command (also ``python -m claimtrack``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from ._text import render_table
from .errors import ClaimtrackError
from .io import load
from .model import Claim

__all__ = ["main", "seed_file"]


def seed_file(name: str) -> Path:
    """A file of the bundled seed data: packaged in the wheel, or ``seeds/`` in a checkout."""
    here = Path(__file__).resolve().parent
    for folder in (here / "seeds", here.parent / "seeds"):
        if (folder / name).is_file():
            return folder / name
    raise ClaimtrackError(f"seed file {name!r} not found beside the package")


def claims_table(claims: Sequence[Claim]) -> str:
    """The claims as a readable terminal table."""
    rows = [
        (
            c.source.name,
            c.measure,
            c.figure.format(),
            c.place or "",
            str(c.period) if c.period else "",
            ", ".join(c.via),
        )
        for c in claims
    ]
    return render_table(["source", "measure", "figure", "place", "period", "via"], rows)


def _demo(args: argparse.Namespace) -> int:
    claims = load(seed_file("seed_report.csv"))
    print(f"The seed report: {len(claims)} claims\n")
    print(claims_table(claims))
    return 0


def extract_table(claims: Sequence[Claim]) -> str:
    """Extracted claims as a terminal table, with the figure as written and its span."""
    rows = [
        (
            c.source.name + (" (denies)" if c.stance == "denies" else ""),
            c.measure,
            c.figure.text or c.figure.format(),
            c.place or "",
            str(c.period) if c.period else "",
            f"{c.span[0]}-{c.span[1]}" if c.span else "",
        )
        for c in claims
    ]
    return render_table(["source", "measure", "figure", "place", "period", "span"], rows)


def _extract(args: argparse.Namespace) -> int:
    import json

    from .extract import extract
    from .io import converter, read_text

    text = sys.stdin.read() if args.file == "-" else read_text(args.file)
    claims = extract(text, published=args.published, outlet=args.outlet)
    if args.format == "jsonl":
        for claim in claims:
            print(json.dumps(converter.unstructure(claim), ensure_ascii=False))
    else:
        print(extract_table(claims))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack", description="Track numeric claims across sources."
    )
    parser.add_argument("--version", action="version", version=f"claimtrack {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="run the seed-report story on the bundled data")
    demo.add_argument("--out", default="demo-output", help="folder for pictures and the report")
    demo.set_defaults(run=_demo)
    pull = commands.add_parser("extract", help="read the claims in a news text")
    pull.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    pull.add_argument("--published", metavar="YYYY-MM-DD", help="the publication date")
    pull.add_argument("--outlet", metavar="NAME", help="who published the text")
    pull.add_argument("--format", choices=("jsonl", "table"), default="table")
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
