"""Time expressions and the periods they name, resolved against the publication date.

>>> import datetime as dt
>>> from claimtrack.extraction.document import Document
>>> rules = ExtractRules.default()
>>> text = "It happened on Wednesday, four days ago and since 2022."
>>> [str(m.period) for m in find_periods(Document(text), rules, dt.date(2024, 8, 22))]
['2024-08-21', '2024-08-18', '2022/']
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from ..errors import ValidationError
from ..model import Period
from .document import Document
from .resolvers import RESOLVERS, Context
from .rules import ExtractRules, alternation

__all__ = ["PeriodMention", "choose_mention", "choose_period", "find_periods"]


_REACH = 300


class PeriodMention(NamedTuple):
    """A time expression: where it is and the period it names (None if it cannot be dated).

    ``anchor`` is where a comparison before it starts ("up from 11 in September"):
    it dates only figures between the two. ``detached`` is a comparison with no
    figure of its own ("the highest since 2008"); ``statement`` dates a statement
    ("said on Monday") and so a figure only when nothing else in its sentence does.
    """

    start: int
    end: int
    period: Period | None
    anchor: int | None = None
    detached: bool = False
    statement: bool = False


def _compile(rules: ExtractRules) -> tuple[re.Pattern[str], list[str]]:
    section = rules.section("periods")
    fills = {
        "weekday": alternation(section["weekdays"]),
        "month": "(?-i:" + alternation(section["months"]) + ")",
        "n": r"(?:\d+|" + alternation(section["numbers"]) + ")",
        "unit": alternation(section["units"]),
    }
    parts, kinds = [], []
    for i, entry in enumerate(section["patterns"]):
        if entry["kind"] not in RESOLVERS:
            raise ValidationError(
                "periods pattern kind", entry["kind"], "one of " + ", ".join(RESOLVERS)
            )
        body = re.sub(r"\{([a-z]+)\}", lambda m: fills[m.group(1)], entry["pattern"])
        body = re.sub(r"\(\?P<(\w+)>", rf"(?P<k{i}_\1>", body)
        parts.append(f"(?P<k{i}>{body})")
        kinds.append(entry["kind"])
    return re.compile("|".join(parts), re.IGNORECASE), kinds


def _own_groups(rules: ExtractRules) -> dict[str, list[tuple[str, str]]]:
    """Per pattern (``k0``, ``k1``...), its named groups: (name in the combined pattern,
    name in the pattern), in order, so that a match's own groups are read without
    walking the groups of every other pattern."""
    pattern, _ = rules.compiled("periods", _compile)
    names = sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)
    found: dict[str, list[tuple[str, str]]] = {}
    for name in names:
        if "_" not in name:
            found.setdefault(name, [])
    for name in names:
        for prefix in found:
            if name.startswith(prefix + "_"):
                found[prefix].append((name, name[len(prefix) + 1 :]))
    return found


def _context_patterns(rules: ExtractRules) -> tuple[re.Pattern[str], ...]:
    section, sources = rules.section("periods"), rules.section("sources")
    plain = [m for m in section["comparison_markers"] if m not in section["figure_markers"]]
    markers = alternation(plain)
    figure_markers = alternation(section["figure_markers"])
    superlatives = alternation(section["superlatives"])
    # the time a statement was made; "recorded a year earlier" dates what was recorded
    verbs = alternation(
        [*sources["assert_verbs"], *(v for v in sources["weak_verbs"] if v not in _EVENTS)]
    )
    return (
        # "from" compares only when a figure follows it: "up from 11", not "fled from".
        re.compile(rf"{markers}|{figure_markers}(?=\s+(?:[a-z]+\s+){{0,2}}[\d$€£])", re.IGNORECASE),
        re.compile(rf"{superlatives}(?:\s+[a-z]+){{0,2}}\s*(?:since\s*)?$", re.IGNORECASE),
        re.compile(rf"{verbs}\s+(?:(?:late|early)\s+)?(?:on\s+)?$"),
    )


def _future(rules: ExtractRules) -> re.Pattern[str]:
    return re.compile(alternation(rules.section("periods")["future_markers"]), re.IGNORECASE)


def _future_after(rules: ExtractRules) -> re.Pattern[str]:
    markers = alternation(rules.section("periods")["future_markers"])
    return re.compile(rf"\s*{markers}", re.IGNORECASE)


def _since(rules: ExtractRules) -> re.Pattern[str]:
    words = alternation(rules.section("periods")["since_words"])
    return re.compile(rf"{words}[^,;.!?]*$", re.IGNORECASE)


def _triggers(rules: ExtractRules) -> re.Pattern[str]:
    section = rules.section("periods")
    words = [*section["triggers"], *section["weekdays"]]
    months = alternation(section["months"])
    return re.compile(rf"\d{{4}}|\b[Qq][1-4]\b|{months}|{alternation(words, cases=True)}")


_REACH_BACK = 60  # how far before its trigger word a time expression may start
_WORDS_BACK = 5


def _matches(doc: Document, rules: ExtractRules) -> Iterator[re.Match[str]]:
    """Time expressions, tried only at a trigger word and the few words before it.

    The combined pattern is long and case-insensitive; tried at every character of a
    long text it would cost microseconds each, so it is tried where a date can be.
    """
    text = doc.text
    pattern, _ = rules.compiled("periods", _compile)
    last_end = 0
    for trigger in rules.compiled("periods.triggers", _triggers).finditer(text):
        t = trigger.start()
        if t < last_end:
            continue
        before = doc.tokens(max(last_end, t - _REACH_BACK), t)[-_WORDS_BACK:]
        for start in [tok.start for tok in before] + [t]:
            m = pattern.match(text, start)
            if m is not None and m.end() > t:
                last_end = m.end()
                yield m
                break


def find_periods(
    doc: Document, rules: ExtractRules, published: dt.date | None
) -> list[PeriodMention]:
    """Every time expression in the document, in order, each with the period it names."""
    _, kinds = rules.compiled("periods", _compile)
    since = rules.compiled("periods.since", _since)
    future = rules.compiled("periods.future", _future)
    future_after = rules.compiled("periods.future_after", _future_after)
    text = doc.text
    was = _Occurrences(_PAST, _PAST_WIDTH, text)
    found: list[PeriodMention] = []
    previous: Period | None = None
    futures = _Matches(future, text)
    own_groups = rules.compiled("periods.groups", _own_groups)
    for m in _matches(doc, rules):
        name = m.lastgroup or "k0"
        groups = {short: m.group(full) for full, short in own_groups[name]}
        kind = kinds[int(name[1:])]
        # "rations will be cut from September": a clause about the future dates ahead
        # and so does a date the future verb follows: "the election on Sept. 21 will"
        clause_start = doc.clause(m.start(), m.end())[0]
        ahead = (
            futures.within(clause_start, m.start()) or future_after.match(text, m.end()) is not None
        )
        # "the fire was 70% contained by Wednesday night": a past clause looks back
        past = not ahead and (
            was.within(clause_start, m.start()) or was.within(m.end(), doc.sentence(m.start())[1])
        )
        try:
            period = RESOLVERS[kind](groups, Context(published, previous, rules, ahead, past))
        except ValueError:  # "March 0000", "31 February": no such day
            period = None
        if period is None and kind in ("year", "year_range"):
            continue  # "between 1000 and 2000" names no years: leave the numbers be
        if period is not None and kind != "anaphor":
            sentence_start = doc.sentence(m.start())[0]
            # "since the start of the Kursk offensive on August 6": open from that day
            if since.search(text, max(sentence_start, m.start() - 64), m.start() + 6):
                period = Period(period.start, None, period.precision)
        if (
            period is not None
            and period.end is not None
            and rules.compiled("periods.as_of", _as_of).search(
                text, max(0, m.start() - 24), m.start()
            )
        ):
            period = Period(None, period.end)  # "as of Thursday": to date, ending then
        if period is not None:
            previous = period
        found.append(_placed(doc, rules, m, period, kind in _BASELINES))
    return found


def _as_of(rules: ExtractRules) -> re.Pattern[str]:
    prefixes = alternation(rules.section("periods")["as_of_prefixes"])
    return re.compile(rf"{prefixes}\s+$", re.IGNORECASE)


class _Matches:
    """Where a pattern matches in a text, found in one pass on first asking: a search
    of each clause or sentence again would cost time in the square of a long one."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._pattern, self._text = pattern, text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def within(self, start: int, end: int) -> bool:
        """Whether a match lies in ``text[start:end]``."""
        if self._starts is None:
            spans = [m.span() for m in self._pattern.finditer(self._text)]
            self._starts, self._ends = [s for s, _ in spans], [e for _, e in spans]
        i = bisect.bisect_left(self._starts, start)
        return i < len(self._starts) and self._ends[i] <= end


#: Kinds of time expression that, right after "from", "on", "than" or "compared with"
#: (and "the same month"), are what a change is measured against ("fell 2.7% in July
#: from a year earlier to 440,000 tonnes", "up 11% on the same month last year").
_BASELINES = frozenset({"earlier", "ago", "last", "past", "anaphor"})
_PAST = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
_PAST_WIDTH = 4  # the longest match of _PAST
_EVENTS = frozenset({"recorded", "records", "registered", "counted", "counts", "found", "finds"})
# What a change is measured against: a marker, then perhaps "the same month" (and
# "in"/"of"), right before the time expression.
_AGAINST = re.compile(
    r"\b(?:from|on|than|compared\s+(?:with|to)|against|versus)\s+(?P<same>(?:the\s+)?same\s+"
    r"(?:month|period|quarter|week|day|time|half)\s+(?:(?:in|of)\s+)?)?$",
    re.IGNORECASE,
)


class _Occurrences:
    """Where a pattern of bounded width matches in a text, found in one pass.

    Asking ``pattern.search(text, low, high)`` for each time expression scans to
    the end of its sentence, and a text with no sentence ends (a log of incidents
    separated by semicolons) is one long sentence: quadratic. ``within`` gives the
    same answer by bisecting the matches of the whole text.
    """

    def __init__(self, pattern: re.Pattern[str], width: int, text: str) -> None:
        self.pattern, self.width, self.text = pattern, width, text
        spans = [m.span() for m in pattern.finditer(text)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def within(self, low: int, high: int) -> bool:
        """Whether ``self.pattern.search(self.text, low, high)`` finds a match."""
        i = bisect.bisect_left(self.starts, low)
        if i < len(self.starts) and self.ends[i] <= high:
            return True
        # The search stops at ``high`` as if the text ended there, so a word cut by it
        # ("was" of "washed") matches there and nowhere in the whole text: look again
        # at the few characters before ``high``, as the search would.
        return self.pattern.search(self.text, max(low, high - self.width), high) is not None


def _placed(
    doc: Document, rules: ExtractRules, m: re.Match[str], period: Period | None, baseline: bool
) -> PeriodMention:
    """A mention with what the words before it say about the figures it may date."""
    marker, superlative, statement = rules.compiled("periods.context", _context_patterns)
    text, start = doc.text, m.start()
    clause_start = doc.clause(start, m.end())[0]
    low = max(clause_start, start - 50)
    lead = text[low:start] + (
        text[start : m.end()] if m.group(0).lower().startswith("since") else ""
    )
    if superlative.search(lead.removesuffix(m.group(0)) if lead.endswith(m.group(0)) else lead):
        return PeriodMention(start, m.end(), period, detached=True)
    against = _AGAINST.search(text, low, start)
    if against is not None and (baseline or against.group("same")):
        # "up 5% from a year ago", "up 9% on the same period in 2023": a baseline
        return PeriodMention(start, m.end(), period, detached=True)
    anchor = None
    for compared in marker.finditer(text, low, start):
        anchor = compared.start()
    said = statement.search(text, max(low, start - 30), start) is not None
    return PeriodMention(start, m.end(), period, anchor, False, said)


def choose_period(
    mentions: list[PeriodMention],
    starts: list[int],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    figure: tuple[int, int],
    published: dt.date | None = None,
) -> Period | None:
    """The period of a figure: the nearest dated expression in its clause, else in its
    sentence; the date of the statement itself only when there is no other, and when
    it is not the day of publication (``published``): then the day tells only when the
    figure was said, as publication does, and no words date the figure."""
    chosen = choose_mention(mentions, starts, clause, sentence, figure, published)
    return chosen.period if chosen is not None else None


def choose_mention(
    mentions: list[PeriodMention],
    starts: list[int],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    figure: tuple[int, int],
    published: dt.date | None = None,
) -> PeriodMention | None:
    """The time expression that dates a figure (see ``choose_period``)."""
    chosen = _nearest(mentions, starts, clause, sentence, figure)
    if (
        chosen is not None
        and chosen.statement
        and chosen.period is not None
        and published is not None
        and chosen.period.start == chosen.period.end == published
    ):
        return None  # "the commission said on Monday", published that Monday
    return chosen


def _nearest(
    mentions: list[PeriodMention],
    starts: list[int],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    figure: tuple[int, int],
) -> PeriodMention | None:
    reach = (figure[0] - _REACH, figure[1] + _REACH)  # long sentences cost no more per figure
    for statements in (False, True):
        for low, high in (clause, sentence):
            low, high = max(low, reach[0]), min(high, reach[1])
            i = bisect.bisect_left(starts, low)
            best: tuple[int, PeriodMention] | None = None
            while i < len(mentions) and mentions[i].start < high:
                m = mentions[i]
                i += 1
                if m.period is None or m.end > high or m.detached or m.statement != statements:
                    continue
                if m.anchor is not None and not (m.anchor < figure[1] and figure[1] <= m.start):
                    continue
                gap = figure[0] - m.end if m.end <= figure[0] else m.start - figure[1]
                if best is None or abs(gap) < best[0]:
                    best = (abs(gap), m)
            if best is not None:
                return best[1]
    return None
