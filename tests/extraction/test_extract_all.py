"""extract_all: many texts read in turn, with a progress bar."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

import claimtrack as ct

ARTICLES: list[str | Mapping[str, Any]] = [
    {"text": "The ministry said 45 drones were shot down over Bryansk on Tuesday.",
     "published": "2024-08-21", "outlet": "Wire A"},
    {"text": "Officials said about 300 people were evacuated from Sudzha."},
    "Kyiv said 238 Russian troops were killed or wounded near Pokrovsk on Wednesday.",
]  # fmt: skip

TEXTS = [a if isinstance(a, str) else a["text"] for a in ARTICLES]


def test_the_claims_are_those_of_extract_on_each_document_in_turn() -> None:
    got = ct.extract_all(ARTICLES, published="2024-08-22", outlet="Desk")
    expected = [
        *ct.extract(TEXTS[0], "2024-08-21", "Wire A"),
        *ct.extract(TEXTS[1], "2024-08-22", "Desk"),
        *ct.extract(TEXTS[2], "2024-08-22", "Desk"),
    ]
    assert got == expected and len(got) >= 3
    # a generator has no length: it is read all the same, without a bar's total
    assert ct.extract_all(a for a in ARTICLES) == ct.extract_all(ARTICLES)


def test_a_callback_is_told_each_document_done() -> None:
    calls: list[tuple[int, int]] = []
    ct.extract_all(ARTICLES, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize(
    ("documents", "field"),
    [
        ([ARTICLES[2], {"body": "no text here"}], "documents[1].text"),
        ([ARTICLES[2], ARTICLES[2], 42], "documents[2]"),
        ("one text, not many", "documents"),
    ],
)
def test_a_document_that_is_no_text_is_named(documents: object, field: str) -> None:
    with pytest.raises(ct.ValidationError) as raised:
        ct.extract_all(documents)  # type: ignore[arg-type]
    assert raised.value.field == field
