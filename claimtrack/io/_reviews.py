"""ClaimReview: schema.org JSON-LD for assessed claims."""

from __future__ import annotations

import datetime as dt
import json
import os
import unicodedata
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from .._files import atomic_write
from .._format import html as _html
from ..assessment import CREDIBILITY, Assessment, Grade
from ..errors import ValidationError
from ..model import Claim

__all__ = ["claim_reviews", "dump_claim_reviews"]


def _rating(credibility: int) -> tuple[int | None, str]:
    """A grade as a ClaimReview rating: (ratingValue on a 1-5 scale, 5 best, or None for
    6, "truth cannot be judged"; the grade's meaning from the one Admiralty table)."""
    label = CREDIBILITY[credibility]
    return (6 - credibility if credibility < 6 else None, label[:1].upper() + label[1:])


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _party(name: str, kind: str | None) -> dict[str, str]:
    person = (kind or "").lower() in ("person", "blogger", "individual")
    return {"@type": "Person" if person else "Organization", "name": name}


def _explanation(assessment: Assessment, claim: Claim, grade: Grade) -> str:
    where = ", ".join(str(x) for x in (claim.place, claim.period) if x)
    said = f"{claim.source.name} stated {claim.figure.format()} {claim.measure}"
    parts = [said + (f" ({where})." if where else ".")]
    estimate = assessment.estimates.get(assessment.graph.quantity(claim))
    if estimate is not None:
        unit = f" {estimate.unit}" if estimate.unit else ""
        n = len(estimate.sources)
        parts.append(
            f"Consensus estimate {_html.num(estimate.best)}{unit}, range "
            f"{_html.num(estimate.low)} to {_html.num(estimate.high)}{unit}, from {n} "
            f"independent source{'s' if n != 1 else ''}."
        )
    meaning = _rating(grade.credibility)[1]
    # each reason a sentence of its own: "18% outside the range. The estimate gives ..."
    reasons = " ".join(
        r[:1].upper() + r[1:] + ("" if r.endswith(".") else ".") for r in grade.reasons if r
    )
    parts.append(f"Graded {grade} ({meaning.lower()}). {reasons}".strip())
    return " ".join(parts)


def _review(
    assessment: Assessment, c: Claim, reviewer: str, when: str, url: str | None
) -> dict[str, Any]:
    grade = assessment.grade(c)
    value, text = _rating(grade.credibility)
    statement = f"{c.source.name}: {c.figure.format()} {c.measure}"
    if c.place:
        statement += f", {c.place}"
    item: dict[str, Any] = {"@type": "Claim", "author": _party(c.source.name, c.source.kind)}
    if c.published:
        item["datePublished"] = c.published.isoformat()
    if c.via:
        item["appearance"] = [
            {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": outlet}}
            for outlet in c.via
        ]
    if c.text:
        item["text"] = c.text
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": text}
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    rating["ratingExplanation"] = _explanation(assessment, c, grade)
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": _short(statement, 74),
        "author": {"@type": "Organization", "name": reviewer},
        "datePublished": when,
        "itemReviewed": item,
        "reviewRating": rating,
        "identifier": c.id,
    }
    if url:
        out["url"] = url
    return out


def _web_address(url: str | None) -> str | None:
    """The page the reviews are published on: an http or https address, nothing else
    (a ``javascript:`` or ``data:`` URL would run, or show, what a reader clicks)."""
    if url is None:
        return None
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValidationError("url", url, "an http:// or https:// address of the page")
    if any(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in url):
        raise ValidationError("url", url, "an address without spaces or control characters")
    return url


def claim_reviews(
    assessment: Assessment,
    claims: Iterable[Claim] | None = None,
    *,
    reviewer: str = "claimtrack",
    date: dt.date | None = None,
    url: str | None = None,
) -> list[dict[str, Any]]:
    """schema.org ``ClaimReview`` objects for assessed claims (derived ones left out).

    ``claimReviewed`` is a short statement of the claim (under 75 characters);
    ``itemReviewed`` is a ``Claim`` whose ``author`` is the original source and whose
    ``appearance`` lists the outlets that carried it; ``reviewRating`` rates the
    claim's credibility grade (5 for 1, confirmed, down to 1 for 5, improbable;
    no value for 6) and its ``ratingExplanation`` states the figure, the
    consensus range and the grade's reasons.

    Parameters
    ----------
    assessment
        What ``claimtrack.assess`` returned.
    claims
        The claims to review (default: every claim the graph holds that was not derived).
    reviewer
        Who publishes the reviews (the ClaimReview's ``author``).
    date
        The reviews' ``datePublished`` (default: today).
    url
        The page the reviews are published on: an ``http://`` or ``https://``
        address (anything else is a ``ValidationError``).
    """
    graph = assessment.graph
    chosen = list(claims) if claims is not None else [
        c for c in graph.claims() if not graph.is_derived(c)
    ]  # fmt: skip
    when = (date or dt.date.today()).isoformat()
    page = _web_address(url)
    return [_review(assessment, c, reviewer, when, page) for c in chosen]


def dump_claim_reviews(
    assessment: Assessment, path: str | os.PathLike[str], **options: Any
) -> None:
    """Write ``claim_reviews(assessment, **options)`` as a JSON-LD list, atomically.

    The text is safe to paste into ``<script type="application/ld+json">``, its
    usual place in a page: ``<``, ``>`` and ``&`` are written as JSON escapes
    (``\\u003c``), so no name or text can end the script element; every JSON
    reader gives back the same values.
    """
    items = claim_reviews(assessment, **options)
    text = _html.json_for_script(json.dumps(items, ensure_ascii=False, indent=1)) + "\n"

    def write(handle: Any) -> None:
        handle.write(text)

    atomic_write(path, write)
