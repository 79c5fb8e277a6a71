"""The figure grammar: one regular expression, built from the lexicons, that finds a
figure phrase ("nearly 12,000", "$3.2 billion", "between 30 and 40", "dozens") in text.

``Figure.parse`` and ``extract`` both use it, so a word added to the lexicon is
understood everywhere. The pattern is built so that no part of it can backtrack
more than linearly: number words are a flat sequence, and "and" joins number
words only after a scale word ("two hundred and fifty").
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cached_property
from importlib import resources
from typing import Any

import attrs

from ._files import read_json
from ._units import UNITS, normalize_unit
from .errors import FileFormatError, ParseError

__all__ = [
    "LEXICON",
    "Lexicon",
    "Match",
    "NumberGrammar",
    "overridden",
    "reversed_digits",
    "times",
    "word_scale",
]


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation, longest phrase first so "more than" beats "more"."""
    unique = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    parts = []
    for phrase in unique:
        escaped = r"\s+".join(re.escape(w) for w in phrase.split())
        # Phrases ending in a letter must end at a word boundary ("some" not "something").
        parts.append(escaped + (r"\b" if phrase[-1].isalnum() else ""))
    if not parts:
        return "(?!)"
    # Grouped under their first letter ("n(?:early\b|ear\b)"), a position is turned down
    # at one test, not one per phrase. Only phrases of one group can match at a position
    # (letters compared as the pattern's IGNORECASE compares them), and each group keeps
    # their order, so the grouped alternation matches what the flat one did.
    groups: dict[str, list[str]] = {}
    for part in parts:
        key = part[0].lower() if part[0].isalnum() and part[0].lower().isalnum() else ""
        groups.setdefault(key, []).append(part)
    out = []
    for key, members in groups.items():
        if not key or len(members) == 1:
            out += members
        else:
            out.append(re.escape(key) + "(?:" + "|".join(m[1:] for m in members) + ")")
    return "(?:" + "|".join(out) + ")"


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@attrs.frozen
class Lexicon:
    """The words around numbers: hedges, scales, number words, fractions, vague quantities.

    The default comes from ``claimtrack/data/lexicon.json``; load your own with
    ``Lexicon.from_file`` to add phrases (for another language's reporting style,
    say) and pass it to ``HedgePolicy(lexicon=...)``.
    """

    prefix_hedges: Mapping[str, str] = attrs.field(hash=False)
    suffix_hedges: Mapping[str, str] = attrs.field(hash=False)
    range_prefixes: tuple[str, ...]
    range_joiners: tuple[str, ...]
    scales: Mapping[str, float] = attrs.field(hash=False)
    scales_only_with_currency: frozenset[str]
    number_words: tuple[str, ...]
    counted_words: Mapping[str, float] = attrs.field(hash=False)
    fractions: Mapping[str, float] = attrs.field(hash=False)
    vague: Mapping[str, tuple[float, float]] = attrs.field(hash=False)
    # What "and ..." adds to a number: "one and a half million", "a million and a half".
    and_fractions: Mapping[str, float] = attrs.field(hash=False, factory=dict)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Lexicon:
        prefix, suffix = {}, {}
        for kind, forms in raw["hedges"].items():
            prefix.update({_key(p): kind for p in forms.get("prefix", ())})
            suffix.update({_key(p): kind for p in forms.get("suffix", ())})
        return cls(
            prefix_hedges=prefix,
            suffix_hedges=suffix,
            range_prefixes=tuple(raw["range"]["prefix"]),
            range_joiners=tuple(raw["range"]["joiners"]),
            scales={_key(k): float(v) for k, v in raw["scales"].items()},
            scales_only_with_currency=frozenset(raw.get("scales_only_with_currency", ())),
            number_words=tuple(raw["number_words"]),
            counted_words={_key(k): float(v) for k, v in raw["counted_words"].items()},
            fractions={_key(k): float(v) for k, v in raw["fractions"].items()},
            vague={_key(k): (float(v[0]), float(v[1])) for k, v in raw["vague"].items()},
            and_fractions={_key(k): float(v) for k, v in raw.get("and_fractions", {}).items()},
        )

    @classmethod
    def from_file(cls, path: str) -> Lexicon:
        """Read a lexicon from a JSON file shaped like ``claimtrack/data/lexicon.json``;
        a ``FileFormatError`` naming the file when it cannot be read or lacks a part."""
        raw = read_json(path)
        try:
            return cls.from_dict(raw)
        except (KeyError, TypeError, AttributeError, ValueError, IndexError) as err:
            what = f"the part {err}" if isinstance(err, KeyError) else str(err)
            raise FileFormatError(
                str(path), f"not a lexicon shaped like claimtrack/data/lexicon.json: {what}"
            ) from None


def _default_lexicon() -> Lexicon:
    text = resources.files("claimtrack").joinpath("data/lexicon.json").read_text("utf-8")
    return Lexicon.from_dict(json.loads(text))


LEXICON = _default_lexicon()

_DIGITS = (
    r"(?<![\w.,])[-−]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)"
    r"(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\d]|[.,]\d)"  # "1,5" and "1.234.567" are no number read
)
# The scale words of the grammar itself ("a few hundred", "a quarter of a million"),
# whatever a user's lexicon lists under "scales".
_WORD_SCALES = {
    "dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12,
}  # fmt: skip
_SCALE_WORDS_AFTER_AND = tuple(w for w in _WORD_SCALES if w != "dozen")  # "hundred and fifty"
# Fractions written with a slash, "3/4", "1 1/2": a one-digit numerator over a usual
# denominator, so that "12/8" and "9/11" (dates, names) stay two numbers as before.
_SLASH = r"[1-9]/(?:16|10|2|3|4|5|8)(?![\d/])"
VULGAR = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
_VULGAR = "[" + "".join(VULGAR) + "]"
# A number in digits, with a fraction after it ("2½", "1 1/2"), or a fraction alone.
_DIGIT_NUMBER = (
    rf"(?:(?<![\w.,/]){_SLASH}|{_VULGAR}"
    rf"|{_DIGITS}(?:\s?{_VULGAR}|\s{_SLASH})?)"
)
_PURE_FRACTION = re.compile(rf"{_VULGAR}|\d/\d+")
_MIXED = re.compile(
    rf"(?:(?P<whole>[-−]?[\d,.\s\u00a0\u202f\u2009]*?)\s?)?(?P<frac>{_VULGAR}|\d/\d+)"
)


@attrs.frozen
class Match:
    """A figure phrase found in text, with its parts as strings (None where absent)."""

    start: int
    end: int
    text: str
    parts: Mapping[str, str | None] = attrs.field(hash=False)


class NumberGrammar:
    """Compiles a lexicon into the figure pattern and turns its matches into numbers."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        words = _alternation(lexicon.number_words)
        after_scale = "(?:" + "|".join(f"(?<={w})" for w in _SCALE_WORDS_AFTER_AND) + ")"
        # A number in words never ends before "-" and a letter ("twenty-something"), so a
        # run "twenty-twenty-...-x" is no number: found once from its first word. Tried
        # again from each word after a hyphen, it would cost time in the square of its
        # length; a number word just after "<number word>-" starts no number, and every
        # number it could start is found from the run's first word.
        inside_run = "".join(
            rf"(?<!\b{re.escape(w.split()[-1])}-)" for w in sorted(set(lexicon.number_words)) if w
        )
        word_number = (
            rf"(?:\ban?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
            rf"\b{inside_run}{words}(?:(?:[\s-]+|{after_scale}\s+and\s+){words})*(?!-[a-z])"
        )
        counted = _alternation(lexicon.counted_words)
        number = rf"(?:{_DIGIT_NUMBER}|\b{inside_run}{counted}|{word_number})"
        scales = _alternation(lexicon.scales)
        and_fraction = _alternation(lexicon.and_fractions)
        units = [form for unit in UNITS.values() for form in (unit.key, *unit.forms)]
        unit_alt = _alternation(units)
        # A prefix in letters ("Rs", "US$") starts a word: "years 5" holds no rupees.
        prefixes = [
            (r"\b" if p[0].isalpha() else "") + re.escape(p)
            for unit in UNITS.values()
            for p in unit.prefixes
        ]
        currency = "(?:" + "|".join(sorted(prefixes, key=len, reverse=True)) + ")"

        def part(tag: str) -> str:
            return (
                rf"(?:(?<!or\s)(?<!/)(?P<{tag}minus>\bminus)\s+)?"  # not "plus or minus 3"
                # a sign before a currency: "-$5", "a net loss of -$5 billion"
                rf"(?:(?<![\w.,\-−])(?P<{tag}sign>[-−])(?={currency}))?"
                rf"(?P<{tag}cur>{currency})?\s?(?P<{tag}num>{number})"
                rf"(?:\s+and\s+(?P<{tag}frac>{and_fraction}))?"
                rf"(?:\s?(?P<{tag}scale>{scales}))?"
                rf"(?:\s+and\s+(?P<{tag}frac2>{and_fraction}))?"
                rf"(?:\s?(?P<{tag}unit>{unit_alt})(?![\w²]))?"
            )

        scale_words = "(?:" + "|".join(_WORD_SCALES) + ")"
        # "several thousand", "a few hundred", "a quarter of a million": a vague quantity
        # or a fraction of a scale word, not two figures.
        word_scales = rf"(?P<{{}}>(?:hundred\s+)?{scale_words})\b"
        joiners = _alternation(lexicon.range_joiners)
        # A bare hyphen joins a range only before digits: "30-40", but "forty-five" is 45.
        range_to = _alternation(j for j in lexicon.range_joiners if j not in ("and", "-"))
        starts = "".join(sorted({re.escape(p[0]) for u in UNITS.values() for p in u.prefixes}))
        range_to = rf"(?:{range_to}|-(?=\s*[\d{starts}]))"
        pattern = (
            rf"(?P<hedge>{_alternation(lexicon.prefix_hedges)}\s*)?"
            r"(?:"
            rf"(?P<rpre>{_alternation(lexicon.range_prefixes)})\s+{part('a')}\s*"
            rf"(?P<join>{joiners})\s*{part('b')}"
            rf"|{part('c')}\s*(?P<join2>{range_to})\s*{part('d')}"
            # fractions before plain numbers: "one in five" is 20%, not "one"; but "half a
            # million" is a number
            rf"|(?P<fof>\b{_alternation(lexicon.fractions)})\s+(?:of\s+)?an?\s+"
            + word_scales.format("fofscale")
            + rf"|(?P<fraction>\b{_alternation(lexicon.fractions)})"
            rf"|{part('')}"
            rf"|(?P<vague>\b{_alternation(lexicon.vague)})(?:\s+"
            + word_scales.format("vscale")
            + ")?"
            r")"
            rf"(?P<suffix>[\s-]*{_alternation(lexicon.suffix_hedges)})?"
        )
        self._pattern = pattern

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled figure pattern (compiled on first use: it is long, and compiling
        it at import would cost every ``import claimtrack``)."""
        return re.compile(self._pattern, re.IGNORECASE)

    def finditer(self, text: str) -> Iterable[Match]:
        """Every figure phrase in ``text``, left to right, never overlapping."""
        for m in self.pattern.finditer(text):
            yield Match(m.start(), m.end(), m.group(0), m.groupdict())

    def number(self, text: str) -> float:
        """The value of a number written in digits or words ("1,250", "two hundred and fifty")."""
        key = _key(text).replace("−", "-")
        if not key.isascii():  # ASCII digits are of one script
            _one_script(key)
        if "/" in key or any(c in VULGAR for c in key[-1:]):
            m = _MIXED.fullmatch(key)
            if m is None:
                raise ParseError("number", text, "a number such as '1 1/2', '2½' or '3/4'")
            whole = m["whole"].strip() if m["whole"] else ""
            part = m["frac"]
            if part in VULGAR:
                fraction = VULGAR[part]
            else:
                top, bottom = part.split("/")
                fraction = int(top) / int(bottom)
            if not whole:
                return fraction
            base = self.number(whole)
            return base - fraction if base < 0 or whole.startswith("-") else base + fraction
        if key and (key[0].isdigit() or key[0] == "-"):
            cleaned = re.sub(r"[,\s\u00a0\u202f\u2009]", "", key)
            return float(cleaned) if any(c in cleaned for c in ".eE") else int(cleaned)
        if key in self.lexicon.counted_words:
            return self.lexicon.counted_words[key]
        return _words_to_number(key)

    def quantity(
        self, parts: Mapping[str, str | None], tag: str
    ) -> tuple[float, str | None, float]:
        """The value, unit and scale factor of one part of a match ("$3.2 billion")."""
        raw = parts[tag + "num"]
        if raw is None:
            raise ParseError("figure", parts, "a number")
        value = self.number(raw)
        if (parts.get(tag + "minus") or parts.get(tag + "sign")) and value > 0:  # "minus 5", "-$5"
            value = -value
        sign = -1.0 if value < 0 or raw.lstrip().startswith(("-", "−")) else 1.0
        for group in (tag + "frac", tag + "frac2"):
            if (frac := parts.get(group)) is not None:
                # "one and a half million", "2 million and a half": a half of one, before
                # the scale multiplies; "a million and a half": a half of the number's
                # own last scale word.
                last = _key(raw).replace("-", " ").split()[-1]
                after_scale = group.endswith("2") and parts.get(tag + "scale")
                of = (
                    1.0
                    if after_scale
                    else self.lexicon.scales.get(last, _WORD_SCALES.get(last, 1.0))
                )
                value += sign * self.lexicon.and_fractions[_key(frac)] * of
        currency = parts[tag + "cur"]
        unit_text = parts[tag + "unit"]
        scale = parts[tag + "scale"]
        factor = 1.0
        if scale is not None:
            word = _key(scale)
            if (
                word in self.lexicon.scales_only_with_currency
                and not currency
                and not (unit_text and UNITS.get(normalize_unit(unit_text) or "", None))
                and not (scale.strip() == "M" and word == "m")  # "2.5M": millions; "2.5m": metres
            ):
                # "24m" with no currency is 24 metres, not 24 million.
                unit_text = unit_text or scale
            else:
                factor = self.lexicon.scales[word]
                value = times(value, factor)
        unit = normalize_unit(currency) if currency else normalize_unit(unit_text)
        if unit is None and factor == 1.0 and _PURE_FRACTION.fullmatch(raw.strip()):
            # A fraction of nothing is a share, as "a third" is: "3/4 of the villages".
            return value * 100.0, "%", factor
        return value, unit, factor


_EMBEDDINGS = {"\u202a", "\u202b", "\u202d", "\u202e"}  # LRE, RLE, LRO, RLO: PDF ends
_ISOLATES = {"\u2066", "\u2067", "\u2068"}  # LRI, RLI, FSI: PDI ends
_PARAGRAPH_ENDS = "\n\r\x1c\x1d\x1e\x85\u2029"
_BIDI_CONTROLS = re.compile(f"[\u202a-\u202e\u2066-\u2069{_PARAGRAPH_ENDS}]")


def overridden(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` under a right-to-left override (U+202E), in order: a
    reader sees digits there in reverse ("\u202e54" shows as 45). An override runs
    to its U+202C (or the end of an isolate around it, or of the paragraph), as the
    Unicode bidi algorithm has it. One pass; empty for text without U+202E."""
    if "\u202e" not in text:
        return []
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    opened = -1  # where the current run under an override began
    for m in _BIDI_CONTROLS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            stack.append(ch)
        elif ch == "\u202c":  # PDF closes the last embedding or override, not an isolate
            if stack and stack[-1] in _EMBEDDINGS:
                stack.pop()
        elif ch == "\u2069":  # PDI closes the last isolate and all opened inside it
            while stack and stack.pop() not in _ISOLATES:
                pass
        else:  # a paragraph's end
            stack.clear()
        under = bool(stack) and stack[-1] == "\u202e"
        if under and opened < 0:
            opened = i + 1
        elif not under and opened >= 0:
            spans.append((opened, i))
            opened = -1
    if opened >= 0:
        spans.append((opened, len(text)))
    return spans


def reversed_digits(
    text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None
) -> bool:
    """Whether a digit of ``text[start:end]`` lies in one of the ``overridden`` spans."""
    end = len(text) if end is None else end
    first = max(0, bisect.bisect_right(spans, (start, len(text))) - 1)
    for low, high in spans[first:]:
        if low >= end:
            break
        if any(c.isdecimal() for c in text[max(low, start) : min(high, end)]):
            return True
    return False


def _one_script(text: str) -> None:
    """Refuse a number whose digits come from two scripts ("4٥": an ASCII 4 and an
    Arabic-Indic 5), which no writer means and a reader may not see."""
    zeros = {ord(c) - (unicodedata.decimal(c, 0)) for c in text if c.isdecimal()}
    if len(zeros) > 1:
        raise ParseError("number", text, "digits of one script (not '4' beside '٥')")


def times(value: float, factor: float) -> float:
    """``value * factor`` with the digits said: 8.2 x 1e9 is 8199999999.999999 in binary
    floating point, and "8.2 billion" is 8,200,000,000."""
    return float(f"{value * factor:.12g}")


def word_scale(text: str) -> float:
    """The factor of one or two scale words: "thousand", "hundred thousand"."""
    factor = 1.0
    for word in _key(text).split():
        factor *= _WORD_SCALES[word]
    return factor


def _words_to_number(key: str) -> float:
    from text_to_num import text2num  # small compiled library, imported on first use

    words = key.replace("-", " ").split()
    if words and words[0] in ("a", "an"):
        words[0] = "one"
    multiplier = 1
    if words and words[-1] == "dozen":
        multiplier, words = 12, words[:-1] or ["one"]
    try:
        return int(text2num(" ".join(words), "en")) * multiplier
    except ValueError:
        raise ParseError("number", key, "a number in digits or English words") from None


GRAMMAR = NumberGrammar(LEXICON)
