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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack", description="Track numeric claims across sources."
    )
    parser.add_argument("--version", action="version", version=f"claimtrack {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help="run the seed-report story on the bundled data")
    demo.add_argument("--out", default="demo-output", help="folder for pictures and the report")
    demo.set_defaults(run=_demo)
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
