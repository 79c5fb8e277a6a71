"""claimtrack.extraction.periods: the past-tense look-up answers as a search of each window."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.extraction.periods import _PAST, _PAST_WIDTH, _Occurrences

# Words that match, words that start like a match ("washed", "hadn"), and separators.
_PIECES = ["was", "WERE", "had", "did", "washed", "hadn", "dido", "x", " ", ";", "é"]


@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join), st.data())
def test_within_is_the_windowed_search(text: str, data: st.DataObject) -> None:
    # The window may cut a word ("was|hed"), start inside one ("w|as") or be empty.
    low = data.draw(st.integers(min_value=0, max_value=len(text) + 1))
    high = data.draw(st.integers(min_value=0, max_value=len(text) + 1))
    occurrences = _Occurrences(_PAST, _PAST_WIDTH, text)
    assert occurrences.within(low, high) == (_PAST.search(text, low, high) is not None)
