"""The figure grammar: one regular expression, built from the lexicons, that finds a
figure phrase ("nearly 12,000", "$3.2 billion", "between 30 and 40", "dozens") in text.

``Figure.parse`` and ``extract`` both use it, so a word added to the lexicon is
understood everywhere. The pattern is built so that no part of it can backtrack
more than linearly: number words are a flat sequence, and "and" joins number
words only after a scale word ("two hundred and fifty").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import attrs

from ._units import UNITS, normalize_unit
from .errors import ParseError

__all__ = ["LEXICON", "Lexicon", "Match", "NumberGrammar"]


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation, longest phrase first so "more than" beats "more"."""
    unique = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    parts = []
    for phrase in unique:
        escaped = r"\s+".join(re.escape(w) for w in phrase.split())
        # Phrases ending in a letter must end at a word boundary ("some" not "something").
        parts.append(escaped + (r"\b" if phrase[-1].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


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
        )

    @classmethod
    def from_file(cls, path: str) -> Lexicon:
        """Read a lexicon from a JSON file shaped like ``claimtrack/data/lexicon.json``."""
        with open(path, encoding="utf-8") as handle:
            return cls.from_dict(json.load(handle))


def _default_lexicon() -> Lexicon:
    text = resources.files("claimtrack").joinpath("data/lexicon.json").read_text("utf-8")
    return Lexicon.from_dict(json.loads(text))


LEXICON = _default_lexicon()

_DIGITS = (
    r"(?<![\w.,])[-−]?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)"
    r"(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\d])"
)
_SCALE_WORDS_AFTER_AND = ("hundred", "thousand", "million", "billion", "trillion")


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
        word_number = (
            rf"(?:\ban?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?"
            rf"\b{words}(?:(?:[\s-]+|{after_scale}\s+and\s+){words})*(?!-[a-z])"
        )
        counted = _alternation(lexicon.counted_words)
        number = rf"(?:{_DIGITS}|\b{counted}|{word_number})"
        scales = _alternation(lexicon.scales)
        units = [form for unit in UNITS.values() for form in (unit.key, *unit.forms)]
        unit_alt = _alternation(units)
        prefixes = [re.escape(p) for unit in UNITS.values() for p in unit.prefixes]
        currency = "(?:" + "|".join(sorted(prefixes, key=len, reverse=True)) + ")"

        def part(tag: str) -> str:
            return (
                rf"(?P<{tag}cur>{currency})?\s?(?P<{tag}num>{number})"
                rf"(?:\s?(?P<{tag}scale>{scales}))?"
                rf"(?:\s?(?P<{tag}unit>{unit_alt})(?![\w²]))?"
            )

        scale_words = "(?:dozen|hundred|thousand|million|billion|trillion)"
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
            rf"|(?P<fraction>\b{_alternation(lexicon.fractions)})(?!\s+an?\s+{scale_words}\b)"
            rf"|{part('')}"
            rf"|(?P<vague>\b{_alternation(lexicon.vague)})"
            r")"
            rf"(?P<suffix>[\s-]*{_alternation(lexicon.suffix_hedges)})?"
        )
        self.pattern = re.compile(pattern, re.IGNORECASE)

    def finditer(self, text: str) -> Iterable[Match]:
        """Every figure phrase in ``text``, left to right, never overlapping."""
        for m in self.pattern.finditer(text):
            yield Match(m.start(), m.end(), m.group(0), m.groupdict())

    def number(self, text: str) -> float:
        """The value of a number written in digits or words ("1,250", "two hundred and fifty")."""
        key = _key(text).replace("−", "-")
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
            ):
                # "24m" with no currency is 24 metres, not 24 million.
                unit_text = unit_text or scale
            else:
                factor = self.lexicon.scales[word]
                # 8.2 x 1e9 is 8199999999.999999 in binary floating point: keep the digits said
                value = float(f"{value * factor:.12g}")
        unit = normalize_unit(currency) if currency else normalize_unit(unit_text)
        return value, unit, factor


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
