"""What the extraction tests share: the seed report's text and two readers of results."""

from __future__ import annotations

from pathlib import Path

from claimtrack import Claim, extract

ROOT = Path(__file__).resolve().parents[2]


REPORT = (ROOT / "seeds" / "report.txt").read_text("utf-8")


PUBLISHED = "2024-08-22"  # a Thursday


def one(text: str, **kwargs: object) -> Claim:
    claims = extract(text, published=kwargs.pop("published", PUBLISHED), **kwargs)  # type: ignore[arg-type]
    assert len(claims) == 1, claims
    return claims[0]


def by_text(claims: list[Claim], text: str) -> Claim:
    """The first asserting claim whose figure reads ``text``."""
    found = [c for c in claims if c.figure.text == text and c.stance == "asserts"]
    assert found, [c.figure.text for c in claims]
    return found[0]
