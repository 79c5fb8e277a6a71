"""A text cut into paragraphs, sentences and clauses, with bisect look-ups.

Every layer is found by one left-to-right regex pass over the text, and every
question about a position ("which sentence?", "where does this clause end?") is
a binary search, so the work per figure does not grow with the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = ["Document", "Token", "tokens"]

# A sentence ends at . ! or ? (and any closing quotes) before a space and a capital,
# digit or opening quote; a blank line ends a paragraph and so a sentence.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n[ \t\r]*\n\s*")
_PARAGRAPH = re.compile(r"\n[ \t\r]*\n\s*")
# Initials and abbreviations whose period ends no sentence.
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep|Prof|Jr|Sr|No|Vol|"
    r"approx|Inc|Ltd|Co|Corp|vs|etc|Jan|Feb|Aug|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|E\.U|a\.m|p\.m)"
    r")\.$"
)
# Clause breaks: punctuation (not the comma or colon inside a number: "1,000", "10:30"),
# and the conjunctions that start a new statement.
# The lookahead lets most characters fail at once; the words are grouped by first letter.
_CLAUSE = re.compile(
    r"(?=[,:;()\[\]—–\"“”\sabwt])(?:[,:](?:(?<!\d[,:])|(?!\d))|[;()\[\]—–\"“”]|\s-\s|"
    r"\b(?:a(?:nd|fter|lthough)|b(?:ut|efore|ecause)|w(?:hile|hereas|hen|hich|ho)|though)\b)"
)
_BLOCK = 256
_TOKEN_CHAR = re.compile(r"[^\W_]|['’.\-](?=[^\W_])")
# "U.N." and "U.S." are one token with their last point, so they can name a source.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}(?!\w)|[^\W_]+(?:['’.\-][^\W_]+)*(?:['’]s?)?|[^\w\s]")


class Token(NamedTuple):
    """A word or punctuation mark and where it is."""

    start: int
    end: int
    text: str
    lower: str


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    return [
        Token(m.start(), m.end(), word, word.lower())
        for m in _TOKEN.finditer(text, start, end)
        for word in (m.group(),)
    ]


class Document:
    """The text with its sentence, paragraph and clause boundaries."""

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        for m in _SENTENCE_END.finditer(text):
            dot = m.start()
            if text[dot] == "." and _ABBREVIATION.search(text, max(0, dot - 6), dot + 1):
                continue
            starts.append(m.end())
        self.sentence_starts = starts
        self.paragraph_starts = [0, *(m.end() for m in _PARAGRAPH.finditer(text))]
        self.clause_breaks = [m.start() for m in _CLAUSE.finditer(text)]
        self._tokens: dict[int, tuple[list[Token], list[int]]] = {}  # block -> tokens

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens that start inside ``text[start:end]``.

        The text is tokenised in fixed blocks, each once and on first use, so that
        many overlapping windows (a figure every few words) cost no more than one pass.
        """
        found: list[Token] = []
        if end <= start:
            return found
        first, last = start // _BLOCK, (end - 1) // _BLOCK
        if first == last:  # most windows are a few words, inside one block
            if first not in self._tokens:
                self._tokens[first] = self._block(first)
            items, starts = self._tokens[first]
            return items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        for block in range(first, last + 1):
            if block not in self._tokens:
                self._tokens[block] = self._block(block)
            items, starts = self._tokens[block]
            found += items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        return found

    def _block(self, block: int) -> tuple[list[Token], list[int]]:
        """The tokens whose first character lies in the block."""
        text, low, high = self.text, block * _BLOCK, (block + 1) * _BLOCK
        begin = low
        # Back up to the start of a token that runs into the block (at most a little way).
        while begin > max(0, low - 64) and _TOKEN_CHAR.match(text, begin - 1):
            begin -= 1
        # The scan stops a little past the block, so that a block inside a long run of
        # letters or digits costs the block, not the rest of the run; a token that
        # starts in the block and reaches the stop is read again in full (once: tokens
        # do not overlap, so all the blocks together read each character a bounded
        # number of times).
        stop = min(len(text), high + _BLOCK)
        items: list[Token] = []
        starts: list[int] = []
        make = tuple.__new__  # a Token without the keyword handling of its constructor
        for m in _TOKEN.finditer(text, begin, stop):
            start, end = m.span()
            if start >= high:
                break
            if start >= low:
                if end >= stop - 2 and stop < len(text):
                    m = _TOKEN.match(text, start) or m
                    end = m.end()
                word = m.group()
                items.append(make(Token, (start, end, word, word.lower())))
                starts.append(start)
        return items, starts

    def sentence(self, position: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``position``."""
        i = bisect.bisect_right(self.sentence_starts, position) - 1
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return self.sentence_starts[i], end

    def sentence_index(self, position: int) -> int:
        return bisect.bisect_right(self.sentence_starts, position) - 1

    def paragraph_index(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, position) - 1

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``text[start:end]``: from the break before it to the break after."""
        s_start, s_end = self.sentence(start)
        i = bisect.bisect_left(self.clause_breaks, start) - 1
        left = self.clause_breaks[i] + 1 if i >= 0 else s_start
        j = bisect.bisect_left(self.clause_breaks, end)
        right = self.clause_breaks[j] if j < len(self.clause_breaks) else s_end
        return max(left, s_start), min(right, s_end)

    def breaks_between(self, start: int, end: int) -> bool:
        """Whether a clause break lies in ``text[start:end]``."""
        i = bisect.bisect_left(self.clause_breaks, start)
        return i < len(self.clause_breaks) and self.clause_breaks[i] < end


def between(items: list[int], start: int, end: int) -> Iterator[int]:
    """Indexes of the sorted ``items`` that lie in [start, end)."""
    return iter(range(bisect.bisect_left(items, start), bisect.bisect_left(items, end)))
