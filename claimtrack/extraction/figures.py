"""Figures in text: every number phrase the figure grammar reads, less those that are no claim.

The figure grammar (``claimtrack._grammar``) is tried only where a number can be:
at each digit run or number word (an *anchor*) and at the few words before it
that can open a figure phrase ("nearly", "between", "$"). Trying the grammar at
every character would cost a few microseconds per character of prose; this way
the cost follows the number of figures, and no position is tried twice.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import attrs

from .._grammar import overridden, reversed_digits
from .._units import dimension
from ..errors import ParseError, SkippedPhraseWarning, ValidationError
from ..figure import Figure, HedgePolicy, ratio
from ..figure import _from_parts as figure_from_parts  # the same reading as Figure.parse
from .document import Document
from .rules import ExtractRules, alternation

__all__ = ["Found", "Zones", "find_figures"]

_REACH_BACK = 24  # how far before a number an exclusion pattern may start ("Article 5")
_TOKENS_BACK = 2  # "world war 2", "no. 5"
_REACH_AHEAD = 48  # how far after a number an exclusion pattern may look ("10 Downing Street")
_NUMBER_GROUPS = ("anum", "bnum", "cnum", "dnum", "num", "vague", "fof", "fraction")
_NEXT_WORD = re.compile(r"\s*([^\W_]+(?:['’][a-z]+)?|\S)?")
_PREVIOUS_WORD = re.compile(r"([^\W_]+|[^\w\s])\s*$")


class Found(NamedTuple):
    """A figure found in text: where it is, what it says, and where its numbers are."""

    start: int
    end: int
    figure: Figure
    numbers: tuple[tuple[int, int], ...]


class Zones:
    """Sorted, non-overlapping (start, end) spans; asks whether a span touches one."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def touches(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends[i] > start:
            return True
        j = bisect.bisect_left(self.starts, start)
        return j < len(self.starts) and self.starts[j] < end


def _next_word(text: str, position: int) -> str:
    m = _NEXT_WORD.match(text, position, min(len(text), position + 60))
    return (m.group(1) or "").lower() if m else ""


def _previous_word(text: str, position: int) -> str:
    m = _PREVIOUS_WORD.search(text, max(0, position - 40), position)
    return m.group(1).lower() if m else ""


def _compound(rules: ExtractRules) -> re.Pattern[str]:
    units = alternation(rules.section("figures")["compound_units"])
    return re.compile(rf"[-‐‑](?:(?P<unit>{units})s?\b|(?P<strong>strong)\b|[^\W\d_])", re.I)


def _suffix_units(rules: ExtractRules) -> re.Pattern[str]:
    names = list(rules.section("figures")["suffix_units"])
    letters = [n for n in names if len(n) == 1 and n.isalpha()]
    words = sorted((n for n in names if n not in letters), key=len, reverse=True)
    # No boundary before: "9pc" is glued, "44 degrees" is not.
    spaced = "|".join(
        r"\s+".join(map(re.escape, n.split())) + ("\\b" if n[-1].isalnum() else "") for n in words
    )
    glued = "|".join(re.escape(n) for n in letters) or "(?!)"
    # A bare letter counts only glued to the number ("47.1C"), never "5 F-16s".
    return re.compile(rf"(?P<glued>{glued})(?![\w-])|\s?(?P<spaced>{spaced})")


def _spans(m: re.Match[str], tag: str) -> tuple[int, int]:
    """The span of one side of a range match: currency, number, scale and unit."""
    groups = [g for g in (tag + "cur", tag + "num", tag + "scale", tag + "unit") if m.group(g)]
    return m.start(groups[0]), m.end(groups[-1])


def _parse(text: str, start: int, end: int, policy: HedgePolicy) -> Found | None:
    body = text[start:end]
    stripped = body.strip()
    start += len(body) - len(body.lstrip())
    try:
        figure = Figure.parse(stripped, policy)
    except ValidationError:  # a bad number or a range across units
        return None
    return Found(start, start + len(stripped), figure, ((start, start + len(stripped)),))


def _from_match(
    m: re.Match[str],
    policy: HedgePolicy,
    rules: ExtractRules,
    seen: dict[str, Figure | ValidationError],
) -> Found | ValidationError:
    """The figure of a grammar match, read from its parts as ``Figure.parse`` reads them,
    or the error that says why it cannot be read (a bad number, a range across units).

    Figures are values, so a phrase met again ("45", "nearly 12,000") is read once.
    """
    body = m.group(0)
    stripped = body.strip()
    start = m.start() + len(body) - len(body.lstrip())
    if stripped not in seen:
        try:
            seen[stripped] = figure_from_parts(m.groupdict(), policy, rules.grammar, stripped)
        except ValidationError as error:
            seen[stripped] = error
    figure = seen[stripped]
    if isinstance(figure, ValidationError):
        return figure
    return Found(start, start + len(stripped), figure, ((start, start + len(stripped)),))


def skipped(start: int, end: int, phrase: str, error: ValidationError, depth: int) -> None:
    """Report a phrase ``extract`` leaves out, and why, as a ``SkippedPhraseWarning``
    attributed to the caller of ``extract``, ``depth`` frames up."""
    warnings.warn(SkippedPhraseWarning(start, end, phrase, str(error)), stacklevel=depth)


_UP_TO = re.compile(r"up\s+to\s+", re.IGNORECASE)
_AFTER_WORD_HYPHEN = re.compile(r"[^\W\d_][-‐‑]$")


def _split(m: re.Match[str], text: str, policy: HedgePolicy) -> list[Found]:
    """The two ends of "rose from 2.9% to 3.2%" or "52-48" as two figures."""
    tags = ("a", "b") if m.group("anum") else ("c", "d")
    found = [_parse(text, *_spans(m, t), policy) for t in tags]
    start, end = _spans(m, tags[0])
    if m.start() < start and found[0] is not None:
        # "weakened nearly 2% to 19.45": the hedge before the range is its first side's
        hedged = _parse(text, m.start(), end, policy)
        if hedged is not None and hedged.figure.hedge != "exact":
            found[0] = hedged
    return [f for f in found if f is not None]


class _Checks:
    """The rules that tell a claim figure from a year, a time, a name or a page number."""

    def __init__(self, rules: ExtractRules) -> None:
        section = rules.section("figures")
        self.low_year, self.high_year = section["year_range"]
        self.year_words = rules.words("figures", "year_prepositions")
        self.plurals = rules.words("figures", "plural_nouns_without_s")
        self.fraction_followers = rules.words("figures", "fraction_followers")
        self.split_after = rules.words("figures", "split_range_after")
        self.split_far = rules.words("figures", "split_far_range_after")
        nouns: dict[str, str] = section["compound_nouns"]
        self._compound_nouns = [
            re.compile(
                rf"[-‐‑]{re.escape(noun)}s?\b" + (rf"\s+(?:{after})\b" if after else ""), re.I
            )
            for noun, after in nouns.items()
        ]
        self.compound = rules.compiled("figures.compound", _compound)
        self.suffix_units = rules.compiled("figures.suffix_units", _suffix_units)
        self.suffix_names: dict[str, str] = dict(section["suffix_units"])
        self.not_figures = rules.not_figures
        # verbs after which "up to" is the verb's particle and its goal, no hedge
        # ("advanced up to 35 km" is a hedge: only verbs that take "up" as a particle)
        self.moved = frozenset({"edged", "ticked", "crept", "inched", "moved", "went", "shot"})
        over = alternation(section["over_after"])
        self.over_after = re.compile(rf"{over}\s+$", re.IGNORECASE)

    def compound_noun(self, text: str, end: int) -> bool:
        """Whether "-magnitude" or "-point plunge" follows a number at ``end``."""
        return any(p.match(text, end) for p in self._compound_nouns)

    def excluded(
        self,
        doc: Document,
        numbers: Sequence[tuple[int, int]],
        zones: Sequence[Zones],
        memo: dict[tuple[str, int, int], bool],
    ) -> bool:
        """Whether a number is in a time expression, a date, a name or a reference."""
        if any(z.touches(s, e) for z in zones for s, e in numbers):
            return True
        text = doc.text
        # The exclusion patterns are tried only at the number and the words just before it.
        for s, e in numbers:
            before = doc.tokens(max(0, s - _REACH_BACK), s)[-_TOKENS_BACK:]
            starts = [t.start for t in before] + [s]
            # The answer depends only on the text around the number: read it once per text.
            low = max(0, starts[0] - 3)
            key = (text[low : e + _REACH_AHEAD], s - low, e - low)
            if key not in memo:
                memo[key] = any(
                    m is not None and m.end() > s
                    for m in (self.not_figures.match(text, start) for start in starts)
                )
            if memo[key]:
                return True
        return False

    def is_year(self, text: str, m: re.Match[str], figure: Figure, start: int, end: int) -> bool:
        number = m.group("num") or ""
        digits = number.strip()
        if not (len(digits) == 4 and digits.isdigit() and figure.unit is None):
            return False
        if (
            m.group("hedge")
            or m.group("scale")
            or not self.low_year <= figure.value <= self.high_year
        ):
            return False
        if _previous_word(text, start) in self.year_words:
            return True
        after = _next_word(text, end)
        plural = after in self.plurals or (
            len(after) > 3 and after.endswith("s") and after[-2] != "s"
        )
        return not plural

    def years_range(self, m: re.Match[str]) -> bool:
        for tags in (("a", "b"), ("c", "d")):
            ends = [(m.group(t + "num") or "").strip() for t in tags]
            if all(e.isdigit() and len(e) == 4 for e in ends) and not m.group(tags[1] + "unit"):
                return all(self.low_year <= int(e) <= self.high_year for e in ends)
        return False


def find_figures(
    doc: Document, rules: ExtractRules, policy: HedgePolicy, zones: Sequence[Zones]
) -> list[Found]:
    """Every claim figure in the document, left to right, never overlapping; a figure
    whose digits a right-to-left override shows reversed is left out and reported."""
    found = list(_iter_figures(doc, rules, policy, zones))
    compounds = _word_compounds(doc, rules, policy, zones)
    if compounds:
        found = sorted(
            [*found, *(c for c in compounds if not _overlaps(c, found))], key=lambda f: f.start
        )
    if ":" in doc.text:
        found = _durations(doc.text, found)
    unit_words = rules.words("measures", "unit_words")
    found = _restatements(doc.text, _ratios(doc.text, found, policy), unit_words)
    found = _plus_minus(doc.text, _clock_times(doc.text, found))
    if "\u202e" not in doc.text:
        return found
    spans = overridden(doc.text)
    kept = []
    for item in found:
        if reversed_digits(doc.text, spans, item.start, item.end):
            reason = ParseError("figure", item.figure.text, "digits shown as they are read")
            skipped(item.start, item.end, doc.text[item.start : item.end], reason, depth=4)
        else:
            kept.append(item)
    return kept


def _overlaps(item: Found, found: list[Found]) -> bool:
    return any(f.start < item.end and item.start < f.end for f in found)


def _word_compound(rules: ExtractRules) -> re.Pattern[str]:
    words = alternation(rules.grammar.lexicon.number_words, cases=True)
    units = alternation(rules.section("figures")["word_compound_units"])
    return re.compile(rf"{words}[-‐‑](?P<unit>{units})s?\b(?![-‐‑]old)")


def _word_compounds(
    doc: Document, rules: ExtractRules, policy: HedgePolicy, zones: Sequence[Zones]
) -> list[Found]:
    """ "a seven-year term", "a three-week trial": a number word joined to its unit."""
    text = doc.text
    if "-" not in text and "‐" not in text and "‑" not in text:
        return []
    checks = rules.compiled("figures.checks", _Checks)
    memo: dict[tuple[str, int, int], bool] = {}
    out = []
    for m in rules.compiled("figures.word_compound", _word_compound).finditer(text):
        number = (m.start(), m.start("unit") - 1)
        if checks.excluded(doc, [number], zones, memo):
            continue
        try:
            figure = Figure.parse(f"{text[number[0] : number[1]]} {m.group('unit')}", policy)
        except ValidationError:
            continue
        out.append(Found(m.start(), m.end(), attrs.evolve(figure, text=m.group(0)), (number,)))
    return out


_OPEN_BRACKET = re.compile(r"\s*\(\s*(?:~|≈|about|approximately|approx\.|roughly|around|some)?\s*")
_NEXT_IN_BRACKET = re.compile(r"\s*(?:;|,|or|/)\s*(?:~|≈|about|approximately|approx\.|roughly)?\s*")


def _restatements(text: str, found: list[Found], unit_words: frozenset[str]) -> list[Found]:
    """Figures less those in brackets that restate the one before in other units:
    "40 kilometers (25 miles)", "€20,000 (£17,500; US$22,900)", "185 mph (~295 km/h)",
    and where a unit is written as a word the figures do not hold: "82 pounds (37 kg)",
    "900 million złotys (181 million pounds)", "up from 2.48 (6.12 acres)"."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        item = found[i]
        out.append(item)
        i += 1
        unit = item.figure.unit
        if i >= len(found):
            continue
        after = found[i]
        opened = _OPEN_BRACKET.fullmatch(text, item.end, after.start)
        if unit is not None and opened and _same_kind(unit, after.figure.unit):
            end = after.end
            i += 1
            while (
                i < len(found)
                and _NEXT_IN_BRACKET.fullmatch(text, end, found[i].start)
                and _same_kind(unit, found[i].figure.unit)
            ):
                end = found[i].end
                i += 1
            continue
        named = None
        if opened is None:
            named = _WORDS_THEN_BRACKET.fullmatch(text, item.end, after.start)
            if named is None or named.group("unit").lower() not in unit_words:
                continue
        elif unit is not None:
            continue
        close = text.find(")", after.end, after.end + 40)
        inside = " ".join(_WORD.findall(text, after.end, close)).lower() if close >= 0 else ""
        if close < 0 or not (
            after.figure.unit is not None
            or inside in unit_words
            # "light years (310 ± 60 parsec)": a unit word before, a word of its own inside
            or (named is not None and inside and len(inside.split()) <= 2)
        ):
            continue
        while i < len(found) and found[i].start < close:
            i += 1  # "(310 ± 60 parsec)": the whole bracket restates the figure
    return out


_WORD = re.compile(r"[^\W\d_]+")
# a unit written as words after a figure, then a bracket: "82 pounds (", "1010 light years ("
_WORDS_THEN_BRACKET = re.compile(
    r"\s+(?P<unit>[^\W\d_]+(?:[\s-][^\W\d_]+)?)\s*\(\s*(?:~|≈|about|approximately|approx\.|roughly|around|some)?\s*"
)


_SECONDS = {"hour": 3600.0, "minute": 60.0}
_AND = re.compile(r"\s*(?:,|and)?\s*")
_SECONDS_AFTER = re.compile(r"\s*(?:seconds?|secs?)\b", re.IGNORECASE)


def _clock_times(text: str, found: list[Found]) -> list[Found]:
    """A time written in parts is one figure, not several: "2 hours 1 minute 39 seconds"
    in seconds (as "47.42 seconds" is), "1 hour and 59 minutes" in minutes."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        item = found[i]
        parts = [item]
        while (
            i + len(parts) < len(found)
            and parts[-1].figure.unit in _SECONDS
            and parts[-1].figure.hedge == "exact"
            and _AND.fullmatch(text, parts[-1].end, found[i + len(parts)].start)
        ):
            nxt = found[i + len(parts)]
            unit, before = nxt.figure.unit, _SECONDS[parts[-1].figure.unit or ""]
            smaller = unit in _SECONDS and _SECONDS[unit or ""] < before
            seconds = unit is None and _SECONDS_AFTER.match(text, nxt.end) is not None
            if nxt.figure.hedge != "exact" or not (smaller or seconds):
                break
            parts.append(nxt)
        if len(parts) == 1 or parts[0].figure.unit not in _SECONDS:
            out.append(item)
            i += 1
            continue
        total = sum(p.figure.value * _SECONDS.get(p.figure.unit or "", 1.0) for p in parts)
        end = parts[-1].end
        if (tail := _SECONDS_AFTER.match(text, end)) is not None and parts[-1].figure.unit is None:
            end = tail.end()
        last = parts[-1].figure.unit  # "3 hours and 20 minutes": 200 minutes
        if last in _SECONDS:
            figure = Figure(total / _SECONDS[last], unit=last, text=text[item.start : end])
        else:
            figure = Figure(total, text=text[item.start : end])
        numbers = tuple(n for p in parts for n in p.numbers)
        out.append(Found(item.start, end, figure, numbers))
        i += len(parts)
    return out


# "completing the race in 2:14:04": hours, minutes and seconds, a duration in seconds;
# not a clock time ("at 04:35:11", "10:02:15 UTC"), which a cue before or a zone after marks
_DURATION = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d+)?)(?![\d:])")
_CLOCK_BEFORE = re.compile(
    r"\b(?:at|from|until|till|by|before|after|around|about|since|on)\s+$", re.IGNORECASE
)
_CLOCK_AFTER = re.compile(
    r"\s*(?:a\.?m\b|p\.?m\b|gmt\b|utc\b|bst\b|cet\b|cest\b|hrs\b|local\b|[A-Z]{2,4}T\b|"
    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)",
    re.IGNORECASE,
)


def _durations(text: str, found: list[Found]) -> list[Found]:
    """Race and record times written with colons ("2:14:04", "a time of 2:05:45") as one
    figure each, in seconds (as "47.42 seconds" is); clock times stay no figures."""
    extra = []
    for m in _DURATION.finditer(text):
        start, end = m.span()
        if _CLOCK_BEFORE.search(text, max(0, start - 12), start) or _CLOCK_AFTER.match(text, end):
            continue
        hours, minutes, seconds = int(m.group(1)), int(m.group(2)), float(m.group(3))
        value = hours * 3600 + minutes * 60 + seconds
        figure = Figure(int(value) if value.is_integer() else value, text=m.group(0))
        duration = Found(start, end, figure, ((start, end),))
        if not _overlaps(duration, found):
            extra.append(duration)
    if not extra:
        return found
    return sorted([*found, *extra], key=lambda f: f.start)


_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-)\s*")


def _plus_minus(text: str, found: list[Found]) -> list[Found]:
    """ "1010 ± 195 light years", "at least 6.3 ± 0.7": one figure whose interval the
    margin gives (815 to 1205; 5.6 and no top), not two figures."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        item = found[i]
        if (
            i + 1 < len(found)
            and _PLUS_MINUS.fullmatch(text, item.end, found[i + 1].start)
            and found[i + 1].figure.hedge == "exact"
            and (item.figure.unit is None or found[i + 1].figure.unit in (None, item.figure.unit))
            and 0 < found[i + 1].figure.value < abs(item.figure.value)
        ):
            margin, figure = found[i + 1].figure.value, item.figure
            value = figure.value
            open_top = figure.high is None
            unit = figure.unit or found[i + 1].figure.unit
            merged = Figure(
                value,
                value - margin,
                None if open_top else value + margin,
                unit=unit,
                hedge="interval",
                text=text[item.start : found[i + 1].end],
            )
            numbers = item.numbers + found[i + 1].numbers
            out.append(Found(item.start, found[i + 1].end, merged, numbers))
            i += 2
            continue
        out.append(item)
        i += 1
    return out


def _same_kind(a: str | None, b: str | None) -> bool:
    """Whether two units measure the same thing (two currencies count as one kind)."""
    return a is not None and b is not None and dimension(a) == dimension(b)


_METRES_OR_MILLION = re.compile(r"\dm$")
_RATIO_WORDS = re.compile(r"\s(?:in|out\s+of)\s", re.IGNORECASE)
_OUT_OF = re.compile(r"out\s+of", re.IGNORECASE)
_EVERY = re.compile(r"\s+every\s+(?=$)", re.IGNORECASE)
_BASES = frozenset({10, 100, 1000})


def _ratios(text: str, found: list[Found], policy: HedgePolicy) -> list[Found]:
    """ "One in five", "nearly 9 out of 10": a share, not two counts."""
    out: list[Found] = []
    for item in found:
        if out:
            first = out[-1]
            between = _EVERY.sub(" ", text[first.end : item.start])  # "one in every eight"
            span_text = text[first.start : item.end]
            share = ratio(first.figure, item.figure, between, policy, span_text)
            if share is not None and _OUT_OF.search(between) and item.figure.value not in _BASES:
                share = None  # "29 out of 30 charges": two counts, not a share
            if share is not None:
                out[-1] = Found(first.start, item.end, share, first.numbers + item.numbers)
                continue
        out.append(item)
    return out


def _candidates(doc: Document, rules: ExtractRules) -> Iterator[re.Match[str]]:
    """Figure-grammar matches, tried only at anchors and at the hedge, range or currency
    words running up to them ("in the region of", "between", "US$")."""
    text = doc.text
    pattern = rules.grammar.pattern
    openers = rules.opener_words
    last_end = 0
    for anchor in rules.anchors.finditer(text):
        p = anchor.start()
        if p < last_end:
            continue
        # A digit glued to a word, a comma or a point ("F16", "1,000", "3.5") can only
        # belong to a phrase that starts earlier, and that start has been tried.
        if p and text[p].isdigit() and (text[p - 1].isalnum() or text[p - 1] in ".,_"):
            continue
        before = doc.tokens(max(last_end, p - rules.reach), p)
        k = len(before)
        while k > 0 and before[k - 1].lower in openers:
            k -= 1
        found = None
        for start in [t.start for t in before[k:]] + [p]:
            m = pattern.match(text, start)
            if m is not None and m.end() > p:
                found = m
                break
        if found is None:
            continue
        last_end = found.end()
        yield found


def _figures_in(
    doc: Document, rules: ExtractRules, policy: HedgePolicy, zones: Sequence[Zones]
) -> Iterator[Found]:
    checks = rules.compiled("figures.checks", _Checks)
    memo: dict[tuple[str, int, int], bool] = {}
    text = doc.text
    seen: dict[str, Figure | ValidationError] = {}
    for m in _candidates(doc, rules):
        numbers = tuple(m.span(g) for g in _NUMBER_GROUPS if m.group(g))
        if checks.excluded(doc, numbers, zones, memo):
            # "two T-72 tanks": the grammar ran on into a name; the number before it stands.
            cut = text.rfind(" ", m.start(), numbers[-1][0]) if len(numbers) > 1 else -1
            first = _parse(text, m.start(), cut, policy) if cut > numbers[0][1] - 1 else None
            if first is not None and not checks.excluded(doc, numbers[:1], zones, memo):
                yield first
            elif len(numbers) > 1 and not checks.excluded(doc, numbers[-1:], zones, memo):
                # "the toll since October 7 to 40,223": the date took the range's first
                # number; the last stands on its own
                last = _parse(text, numbers[-1][0], m.end(), policy)
                if last is not None:
                    yield last
            continue
        ranged = m.group("anum") or m.group("cnum")
        if ranged and checks.years_range(m):
            continue
        # "rose from 2.9% to 3.2%", "fell 6% to €8.2bn": a change, two figures, no range.
        if ranged and (
            _previous_word(text, m.start()) in checks.split_after
            or _by_to(m, text, checks)
            or _far_apart(m, text, checks)
            or _changed_from(m, text, checks)
        ):
            yield from _split(m, text, policy)
            continue
        found = _from_match(m, policy, rules, seen)
        if isinstance(found, ValidationError):
            if ranged:  # "52-48", "won 3-1": a tally, two figures, not a range
                yield from _split(m, text, policy)
            else:  # "1e400": no number a float can hold
                skipped(m.start(), m.end(), m.group(0).strip(), found, depth=6)
            continue
        start, end, figure = found.start, found.end, found.figure
        if figure.value < 0 and _AFTER_WORD_HYPHEN.search(text, max(0, start - 12), start + 1):
            # "a magnitude-8.3 quake": the hyphen joins a word, it is no minus sign
            positive = _parse(text, start + 1, end, policy)
            if positive is None:
                continue
            start, figure = positive.start, positive.figure
        if figure.unit is None:
            suffix = checks.suffix_units.match(text, end)
            if suffix is not None:  # "47.1C", "44 degrees": a unit the grammar does not know
                written = suffix.group("glued") or suffix.group("spaced")
                unit = checks.suffix_names[" ".join(written.split())]
                end = suffix.end()
                figure = attrs.evolve(figure, unit=unit, text=text[start:end])
        elif figure.unit == "m" and _METRES_OR_MILLION.search(figure.text):
            # The grammar reads a bare "2m" as metres; before people or barrels it is millions.
            after = _next_word(text, end)
            if after in checks.plurals or (len(after) > 3 and after.endswith("s")):
                figure = figure.scaled(1e6, unit=None)
        follower = text[end : end + 1]
        if follower.isalnum() and text[end - 1].isdigit():
            continue  # "4K", "3D": a number glued to letters names something
        if follower in "-‐‑" and text[end - 1].isdigit():
            compound = checks.compound.match(text, end)
            if compound and compound.group("unit"):  # "a 3-day truce" is 3 days
                try:
                    joined = Figure.parse(f"{text[start:end]} {compound.group('unit')}", policy)
                except ValidationError:  # a bad number or a range across units
                    continue
                span_text = text[start : compound.end()]
                yield Found(start, compound.end(), attrs.evolve(joined, text=span_text), numbers)
                continue
            if compound and not compound.group("strong"):
                if checks.compound_noun(text, end):
                    yield Found(start, end, figure, numbers)  # "a 6.7-magnitude quake"
                continue  # "a 10-point plan": a number in an adjective
        if not ranged and checks.is_year(text, m, figure, start, end):
            continue
        fraction = m.group("fraction")
        if (
            fraction
            and _RATIO_WORDS.search(fraction) is None
            and not _fraction_ok(text, end, checks)
        ):
            continue  # "half an hour"; but "one in five adults" is a share
        if figure.hedge == "up_to" and _previous_word(text, start) in checks.moved:
            # "inflation edged up to 2.6%": "up" goes with the verb; the level is exact
            level = _UP_TO.match(text, start)
            found_level = _parse(text, level.end(), end, policy) if level else None
            if found_level is not None:
                yield found_level
                continue
        if figure.hedge == "exact" and checks.over_after.search(text, max(0, start - 24), start):
            # "the toll has passed 600,000": more than the number, as "over 600,000" is
            low, high, low_open, high_open = policy.interval("over", figure.value)
            figure = attrs.evolve(
                figure, low=low, high=high, low_open=low_open, high_open=high_open, hedge="over"
            )
        yield Found(start, end, figure, numbers)


def _by_to(m: re.Match[str], text: str, checks: _Checks) -> bool:
    """ "climbed by 29% to 412": a change and the level it reached, when only the change
    has a unit ("cut by 10 to 15 percent" stays a range)."""
    if _previous_word(text, m.start()) != "by":
        return False
    if _previous_word(text, text.rfind("by", 0, m.start())) not in checks.split_after:
        return False
    tags = ("a", "b") if m.group("anum") else ("c", "d")
    change, level = (_parse(text, *_spans(m, t), HedgePolicy()) for t in tags)
    return bool(change and level and change.figure.unit and level.figure.unit is None)


_FROM = re.compile(r"\s*from\b", re.IGNORECASE)
_TOTALS = re.compile(r"\b(?:toll|total|tally|count|number)\b", re.IGNORECASE)


def _changed_from(m: re.Match[str], text: str, checks: _Checks) -> bool:
    """ "increasing the death toll from fourteen to 31": a count and the count it became,
    after a verb of change or a running total a few words back."""
    if not _FROM.match(text, m.start()):
        return False
    lead = text[max(0, m.start() - 48) : m.start()]
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", lead)}
    return bool(words & checks.split_after) or _TOTALS.search(lead) is not None


def _far_apart(m: re.Match[str], text: str, checks: _Checks) -> bool:
    """ "Gold lost $35 to $733": after a verb of gain or loss, a second number more than five
    times the first is the level reached, not the top of a range."""
    if _previous_word(text, m.start()) not in checks.split_far:
        return False
    tags = ("a", "b") if m.group("anum") else ("c", "d")
    change, level = (_parse(text, *_spans(m, t), HedgePolicy()) for t in tags)
    return bool(change and level and 0 < 5 * change.figure.value < level.figure.value)


def _iter_figures(
    doc: Document, rules: ExtractRules, policy: HedgePolicy, zones: Sequence[Zones]
) -> Iterator[Found]:
    """Figures in order; none that starts inside one a rule grew past its match."""
    end = 0
    for found in _figures_in(doc, rules, policy, zones):
        if found.start >= end:
            end = found.end
            yield found


def _fraction_ok(text: str, end: int, checks: _Checks) -> bool:
    after = _next_word(text, end)
    return not after or not after[0].isalnum() or after in checks.fraction_followers
