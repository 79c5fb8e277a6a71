"""claimtrack.extraction.document: tokens read block by block are the tokens of the whole text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.extraction.document import Document, tokens

# Short pieces and long runs of letters, digits and joiners, so that tokens cross the
# blocks the document reads in, and some run on for several blocks.
pieces = st.one_of(
    st.sampled_from([" ", "-", ".", "'s ", "U.N. ", "F-16", ", ", "\n\n", "’"]),
    st.text(alphabet="ab1-.'", min_size=1, max_size=8),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["a", "7", "a-", "ab.", "9'"]), st.integers(1, 900)
    ),
)


@given(st.lists(pieces, max_size=40).map("".join), st.data())
def test_tokens_of_any_window_are_those_of_the_whole_text(text: str, data: st.DataObject) -> None:
    doc = Document(text)
    whole = tokens(text, 0, len(text))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert doc.tokens(start, end) == [t for t in whole if start <= t.start < end]


def test_a_long_run_is_one_token_whichever_block_asks_first() -> None:
    text = "x " + "7" * 5_000 + " y"
    doc = Document(text)
    assert doc.tokens(3_000, 3_100) == []  # inside the run, no token starts
    assert [t.text for t in doc.tokens(0, len(text))] == ["x", "7" * 5_000, "y"]
