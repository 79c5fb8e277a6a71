"""The rules extract reads text with: word lists and patterns kept in JSON, not in code.

The defaults live in ``claimtrack/extraction/data/*.json``, one file per question
(figures, measures, sources, places, periods). ``ExtractRules.default().extend``
adds to them: lists grow, mappings gain keys, and a single value is replaced.

>>> rules = ExtractRules.default().extend({"sources": {"assert_verbs": ["tweeted"]}})
>>> "tweeted" in rules.section("sources")["assert_verbs"]
True
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from importlib import resources
from typing import Any, TypeVar

from .._grammar import GRAMMAR, NumberGrammar
from .._units import UNITS
from ..errors import ValidationError

__all__ = ["SECTIONS", "ExtractRules", "alternation", "word_set"]

#: The rule files, each a section of ``ExtractRules``.
SECTIONS = ("figures", "measures", "sources", "places", "periods")
T = TypeVar("T")


def alternation(phrases: Iterable[str], boundary: bool = True, cases: bool = False) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace.

    With ``cases`` each phrase is also written lowercase and capitalised: a
    case-sensitive pattern whose alternatives start with a literal letter lets the
    regex engine reject most positions at their first character, several times
    faster over long texts than ``re.IGNORECASE``.
    """
    if cases:
        phrases = {v for p in phrases for v in (p, p.lower(), p[:1].upper() + p[1:].lower())}
    unique = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    # A boundary outside the group keeps each alternative starting with a literal.
    outside = boundary and all(p[0].isalnum() for p in unique)
    parts = []
    for phrase in unique:
        body = r"\s+".join(re.escape(w) for w in phrase.split())
        end = r"\b" if boundary and phrase[-1].isalnum() else ""
        start = r"\b" if boundary and not outside and phrase[0].isalnum() else ""
        parts.append(start + body + end)
    if not parts:
        return "(?!)"
    return (r"\b" if outside else "") + "(?:" + "|".join(_by_first_letter(parts)) + ")"


def _by_first_letter(parts: list[str]) -> list[str]:
    """The alternatives grouped under their first letter, in their order: "(?:o(?:ver|n)|
    i(?:n|nto))" rejects a position at one test where two hundred alternatives took two
    hundred. Only one group can match at a position, and each keeps its order, so the
    pattern matches what the flat alternation matched."""
    groups: dict[str, list[str]] = {}
    for part in parts:
        key = part[0] if part[:1].isalnum() else ""
        groups.setdefault(key, []).append(part[1:] if key else part)
    out = []
    for key, rests in groups.items():
        if not key or len(rests) == 1:
            out += [key + r for r in rests]
        else:
            out.append(key + "(?:" + "|".join(rests) + ")")
    return out


def word_set(words: Iterable[str]) -> frozenset[str]:
    """Lowercased words, for membership tests on tokens."""
    return frozenset(w.lower() for w in words)


def _merge(base: Any, extra: Any, where: str) -> Any:
    if isinstance(base, list):
        if not isinstance(extra, list | tuple):
            raise ValidationError(where, extra, "a list of words or patterns to add")
        return base + [e for e in extra if e not in base]
    if isinstance(base, dict):
        if not isinstance(extra, Mapping):
            raise ValidationError(where, extra, "a mapping of entries to add")
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value, f"{where}.{key}") if key in base else value
        return merged
    return extra


def _read(section: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath(f"data/{section}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


_DEFAULT: ExtractRules | None = None


class ExtractRules:
    """Everything extract knows about news prose, as data a user can extend.

    Parameters
    ----------
    data
        One mapping per section in ``SECTIONS``, shaped like the JSON files in
        ``claimtrack/extraction/data``.
    grammar
        The figure grammar (from ``claimtrack/data/lexicon.json``) used to find numbers.
    """

    def __init__(self, data: Mapping[str, Mapping[str, Any]], grammar: NumberGrammar = GRAMMAR):
        missing = [s for s in SECTIONS if s not in data]
        if missing:
            raise ValidationError("rules", sorted(data), "sections " + ", ".join(SECTIONS))
        self.data = {s: dict(data[s]) for s in SECTIONS}
        self.grammar = grammar
        for section in SECTIONS:  # compile now so a bad pattern fails here, not mid-text
            for key, value in self.data[section].items():
                if key.endswith("patterns"):
                    for pattern in value:
                        self._check(f"{section}.{key}", pattern)

    @staticmethod
    def _check(where: str, pattern: Any) -> None:
        text = pattern["pattern"] if isinstance(pattern, Mapping) else pattern
        try:
            re.compile(text)
        except (re.error, TypeError) as err:
            raise ValidationError(where, text, f"a regular expression ({err})") from None

    @classmethod
    def default(cls) -> ExtractRules:
        """The shipped rules for English news prose."""
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls({s: _read(s) for s in SECTIONS})
        return _DEFAULT

    @classmethod
    def from_files(cls, **paths: str) -> ExtractRules:
        """The defaults with whole sections replaced by files: ``from_files(places="p.json")``."""
        data: dict[str, Mapping[str, Any]] = dict(cls.default().data)
        for section, path in paths.items():
            if section not in SECTIONS:
                raise ValidationError("rules section", section, "one of " + ", ".join(SECTIONS))
            with open(path, encoding="utf-8") as handle:
                data[section] = json.load(handle)
        return cls(data)

    def extend(self, additions: Mapping[str, Mapping[str, Any]]) -> ExtractRules:
        """A copy with more words and patterns: ``{"places": {"capitals": ["Chisinau"]}}``."""
        data = copy.deepcopy(self.data)
        for section, extra in additions.items():
            if section not in SECTIONS:
                raise ValidationError("rules section", section, "one of " + ", ".join(SECTIONS))
            data[section] = _merge(data[section], extra, section)
        return ExtractRules(data, self.grammar)

    def section(self, name: str) -> Mapping[str, Any]:
        """The raw data of one section."""
        return self.data[name]

    def compiled(self, key: str, build: Callable[[ExtractRules], T]) -> T:
        """A value built from these rules once (a compiled pattern, say) and kept."""
        cache: dict[str, Any] = self.__dict__.setdefault("_compiled", {})
        if key not in cache:
            cache[key] = build(self)
        value: T = cache[key]
        return value

    def words(self, section: str, key: str) -> frozenset[str]:
        """A word list of a section, lowercased, cached."""
        cache = self.__dict__.setdefault("_words", {})
        if (section, key) not in cache:
            cache[section, key] = word_set(self.data[section][key])
        found: frozenset[str] = cache[section, key]
        return found

    # -- compiled patterns, built on first use so that importing stays cheap -----------

    @cached_property
    def anchors(self) -> re.Pattern[str]:
        """Where a figure may be: a digit, or a word the figure grammar reads as a number."""
        lex = self.grammar.lexicon
        phrases = [*lex.number_words, *lex.counted_words, *lex.vague, *lex.fractions]
        words = {w for p in phrases for w in re.findall(r"[a-z]+", p.lower())}
        words -= {"a", "an", "of", "in", "and", "one"}  # too common to anchor on alone
        words.add("one")
        return re.compile(r"\d+|" + alternation(words, cases=True))

    @cached_property
    def opener_words(self) -> frozenset[str]:
        """Tokens that can run up to a number in a figure phrase: hedges, 'between', '$'."""
        from .document import tokens

        lex = self.grammar.lexicon
        phrases = [
            *lex.prefix_hedges,
            *lex.range_prefixes,
            *lex.counted_words,
            *lex.vague,
            *lex.fractions,
            *(p for unit in UNITS.values() for p in unit.prefixes),
            "a",
            "an",
            "-",
            "−",
            "minus",
        ]
        return frozenset(t.lower for p in phrases for t in tokens(p, 0, len(p)))

    @cached_property
    def reach(self) -> int:
        """How far before its number a figure phrase can begin, in characters."""
        lex = self.grammar.lexicon
        longest = max(len(p) for p in [*lex.prefix_hedges, "x"])
        longest_range = max(len(p) for p in [*lex.range_prefixes, "x"])
        longest_vague = max(len(p) for p in [*lex.vague, *lex.counted_words, *lex.fractions])
        return longest + longest_range + longest_vague + 12

    @cached_property
    def not_figures(self) -> re.Pattern[str]:
        """Numbers that are not claim figures: times, dates, ordinals, names, references."""
        patterns = self.data["figures"]["not_figure_patterns"]
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
