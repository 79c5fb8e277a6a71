"""One factory for the claims the tests build, and the hostile text the views must escape.

``make_claim`` fills what a test does not care about (a drone count over Russia on
one day, by source "A"); each test module names its own variation with
``functools.partial``, so a reader sees at a glance what differs.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import claimtrack as ct
from claimtrack import Claim, ClaimGraph, Source

ROOT = Path(__file__).resolve().parent.parent
DAY = "2024-08-21"
EVIL = "<script>alert(1)</script>"


def make_claim(
    figure: Any = "45",
    source: Any = "A",
    *,
    measure: str = "drones destroyed",
    place: str | None = "Russia",
    period: Any = DAY,
    **kw: Any,
) -> Claim:
    """A claim with the defaults above; any field may be given."""
    return Claim(source=source, measure=measure, figure=figure, place=place, period=period, **kw)


def seed_claims() -> list[Claim]:
    """The bundled seed report and the illustrative counter-reports."""
    return ct.load(ROOT / "seeds" / "seed_report.csv") + ct.load(
        ROOT / "seeds" / "counter_report.csv"
    )


def seed_graph() -> ClaimGraph:
    g = ClaimGraph(seed_claims())
    g.link()
    return g


class Elements(HTMLParser):
    """Start tags and the text, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, _ in attrs:
            assert not name.startswith("on"), f"event handler attribute {name}"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def shown(markup: str) -> Elements:
    parser = Elements()
    parser.feed(markup)
    parser.close()
    return parser


def assert_escaped(markup: str) -> None:
    """The evil text is there, as text, and never as an element."""
    seen = shown(markup)
    assert "script" not in seen.tags
    assert EVIL in "".join(seen.text)


def evil_claim(figure: str = "45", **kw: Any) -> Claim:
    """A claim with hostile markup in every text field."""
    fields: dict[str, Any] = {
        "source": Source(EVIL, side=EVIL, kind=EVIL, aliases=(EVIL,)),
        "place": EVIL,
        "text": EVIL,
        "via": (EVIL,),
    } | kw
    return make_claim(figure, **fields)


def story_claims(name: str) -> list[Claim]:
    """The claims of an evolving story of ``tests/data/stories`` (one JSON object a line)."""
    import json

    claims = []
    path = ROOT / "tests" / "data" / "stories" / f"{name}.jsonl"
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        figure = ct.Figure.parse(row["figure"])
        if row.get("unit") and figure.unit != row["unit"]:
            figure = ct.Figure.parse(f"{row['figure']} {row['unit']}")
        claims.append(
            Claim(
                source=Source(row["source"], kind=row["source_kind"], speaks_for=row["speaks_for"]),
                measure=row["measure"],
                figure=figure,
                place=row["place"],
                period=row["period"],
                published=row["published"],
                via=tuple(row["via"]),
                share_of=row["share_of"],
                share_place=row["share_of_place"],
                kind=row["kind"],
                revision=row["revision"],
                status=row["status"],
                tags=frozenset(row["tags"]),
                text=row["text"],
            )
        )
    return claims
