"""claimtrack.figure: the shortcut for plain and hedged whole numbers reads as the grammar does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import Figure, ParseError
from claimtrack._grammar import LEXICON
from claimtrack.figure import _PARSED


def _everything(figure: Figure) -> tuple[object, ...]:
    f = figure
    return (f, f.text, repr(f), *(type(x) for x in (f.value, f.low, f.high)))


def _through_grammar(text: str) -> tuple[object, ...] | str:
    try:
        return _everything(Figure._parse(text))
    except ParseError as error:
        return str(error)


def _through_shortcut(text: str) -> tuple[object, ...] | str:
    _PARSED.clear()  # the shortcut, not an earlier parse of the same text
    try:
        return _everything(Figure.parse(text))
    except ParseError as error:
        return str(error)


numbers = st.one_of(
    st.integers(min_value=0, max_value=10**16).flatmap(
        lambda n: st.sampled_from([str(n), f"{n:,}", str(n).zfill(18)])
    ),
    st.sampled_from(["0", "00", "007", "999,999,999,999,999", "1,000,000,000,000,000"]),
)


@pytest.mark.parametrize("hedge", ["", *sorted(LEXICON.prefix_hedges)])
def test_every_hedge_of_the_lexicon_reads_as_the_grammar_reads_it(hedge: str) -> None:
    for number in ("0", "007", "45", "1,250", "12000", "999,999,999,999,999", "10000000000000000"):
        text = f"{hedge} {number}" if hedge else number
        assert _through_shortcut(text) == _through_grammar(text)


@given(st.sampled_from(["", *LEXICON.prefix_hedges]), numbers)
def test_a_hedged_whole_number_reads_as_the_grammar_reads_it(hedge: str, number: str) -> None:
    text = f"{hedge} {number}" if hedge else number
    assert _through_shortcut(text) == _through_grammar(text)


@given(st.text(alphabet="0123456789, -~<>.abotuvernly", max_size=14))
def test_any_short_phrase_reads_as_the_grammar_reads_it(text: str) -> None:
    assert _through_shortcut(text) == _through_grammar(text)


def test_a_phrase_read_again_is_the_same_figure() -> None:
    assert Figure.parse("nearly 12,000") is Figure.parse("nearly 12,000")
    assert Figure.parse("1,899").text == "1,899" and Figure.parse("1899").text == "1899"
