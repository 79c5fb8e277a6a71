"""The measure of a figure: the counted thing and what happened to it.

"45 drones were destroyed" is (drones, destroyed); "brought down 11 drones" is
(drones, brought down); "inflation rose to 3.2%" is (inflation, -). A figure
that names neither ("six over Belgorod", "23 were shot down") takes what it lacks
from the figure before it in the paragraph, as a reader does.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .document import Document, Token
from .rules import ExtractRules, alternation, word_set

__all__ = ["MeasureReader", "Reading"]

_PREPOSITIONS = frozenset(
    {"in", "of", "at", "near", "on", "from", "for", "across", "over", "inside"}
)

_AFTER = 90  # characters read after a figure for its noun and verb
_BEFORE = 70


class Reading(NamedTuple):
    """What the words around a figure say it measures."""

    noun: str | None
    event: str | None
    of_them: bool  # "43% of them": a share of the figure before
    change: bool = False  # "by 50 basis points", "up 8%": a change in the thing
    level: bool = False  # "to 5.25%": the level reached, after a change
    running: bool = False  # "bringing its total to 610,000": a running total, to date
    changed: bool = False  # right after a change verb: "the index fell 6%" is a change


class MeasureReader:
    """Reads measure phrases with the word lists of ``measures.json``."""

    def __init__(self, rules: ExtractRules) -> None:
        w = rules.words
        self.aux = w("measures", "auxiliaries")
        self.particles = w("measures", "particles")
        self.irregular = w("measures", "irregular_participles")
        self.not_participles = w("measures", "not_participles")
        self.active = w("measures", "active_verbs")
        self.links = w("measures", "links")
        self.stops = w("measures", "noun_stops")
        self.determiners = w("measures", "determiners")
        self.share_pronouns = w("measures", "share_pronouns")
        self.scales = frozenset(rules.grammar.lexicon.scales)
        self.number_words = frozenset(rules.grammar.lexicon.number_words)
        self.reporting = (
            w("sources", "assert_verbs") | w("sources", "weak_verbs") | w("sources", "deny_verbs")
        )
        self.gerunds: dict[str, str] = rules.section("measures")["gerunds"]
        self.phrases = [tuple(p.split()) for p in rules.section("measures")["event_phrases"]]
        self.unit_nouns = [tuple(p.split()) for p in rules.section("measures")["unit_nouns"]]
        # units a figure may be written with that its span does not hold ("47.42 seconds",
        # "24 million pounds operating loss"): no counted thing while another is near
        self._unit_words: dict[str, list[tuple[str, ...]]] = {}
        for word in rules.section("measures").get("unit_words", ()):
            phrase = tuple(word.lower().split())
            self._unit_words.setdefault(phrase[0], []).append(phrase)
        # the phrases by their first word, each with the words that follow it: a reading
        # looks up the few phrases a word can start rather than going through them all
        self._tails: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:
            self._tails.setdefault(phrase[0], []).append(phrase[1:])
        self._unit_nouns: dict[str, list[tuple[str, ...]]] = {}
        for noun in self.unit_nouns:
            if noun:
                self._unit_nouns.setdefault(noun[0], []).append(noun)
        self.change_verbs = w("figures", "split_range_after")
        # past forms before a figure that are no event of it: reporting, changes, links
        self.not_events = (
            self.reporting
            | self.change_verbs
            | w("measures", "links")
            | w("measures", "running_total_verbs")
            | word_set(w for p in rules.section("figures")["over_after"] for w in p.split())
            | _LIGHT_VERBS
        )
        self.change_nouns = w("measures", "change_nouns")
        self.total_verbs = w("measures", "running_total_verbs")
        self.fallback: dict[str, str] = rules.section("measures")["fallback_by_dimension"]
        self.generic = w("measures", "generic_nouns")
        self.scales_of: dict[str, str] = rules.section("measures")["scale_nouns"]
        self.persons = w("measures", "person_nouns")
        self.running_nouns = w("measures", "running_nouns")
        self.aggregates = w("measures", "aggregate_nouns")
        self.not_tolls = w("measures", "not_tolls")
        self.net_change_nouns = w("measures", "net_change_nouns")
        self.score_measure: str = rules.section("measures")["score_measure"]
        measures = rules.section("measures")
        # "beat Chelsea 3-1": a verb of winning or losing before a game's score
        self.score_verbs = re.compile(alternation(measures["score_verbs"]), re.IGNORECASE)
        # "carrying 40 passengers": those held, not a toll
        hedges = r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|at\s+least|over)\s+)?"
        self.holding = re.compile(
            rf"\b{alternation(measures['holding_verbs'])}\s+{hedges}$", re.IGNORECASE
        )
        # "gained 66 seats", "lost a net of 20 seats": a change in the count
        gains = alternation([*rules.section("figures")["split_far_range_after"], "netted", "nets"])
        self.net_change = re.compile(
            rf"\b{gains}\s+(?:a\s+net\s+of\s+|an?\s+(?:additional|further|net)\s+|another\s+|"
            rf"all\s+|only\s+|just\s+)?$",
            re.IGNORECASE,
        )
        self.adjectives = w("measures", "adjectives")
        self.adjective_endings = tuple(rules.section("measures")["adjective_endings"])
        self._words_only = w("measures", "dimension_words_only")
        # dimension -> word -> the quantity of that dimension it names ("deep" -> "depth")
        self._dimension_words: dict[str, dict[str, str]] = {
            dimension: {word: name for name, words in names.items() for word in words}
            for dimension, names in rules.section("measures").get("dimension_measures", {}).items()
        }
        # one search per figure finds the words of its dimension near it
        self._dimension_patterns = {
            dimension: re.compile(
                r"(?<![\w'’-])(?:"
                + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                + r")(?![\w'’-])",
                re.IGNORECASE,
            )
            for dimension, words in self._dimension_words.items()
        }

    def participle(self, word: str) -> bool:
        low = word.lower()
        if low in self.not_participles:
            return False
        return low in self.irregular or (len(low) > 3 and low.endswith("ed") and low.isalpha())

    def _verb(self, words: list[str]) -> bool:
        return bool(words) and (words[-1] in self.active or self.participle(words[-1]))

    def read(self, doc: Document, span: tuple[int, int], sentence: tuple[int, int]) -> Reading:
        after = doc.tokens(span[1], min(sentence[1], span[1] + _AFTER))
        before = doc.tokens(max(sentence[0], span[0] - _BEFORE), span[0])
        i, of_them = 0, False
        if len(after) > 1 and after[0].lower == "of":
            if after[1].lower in self.share_pronouns:
                i, of_them = 2, True
            else:  # "212 of 400 seats", "half of the 2.1 million residents": the noun after
                i = 1
                while (
                    i < len(after)
                    and (
                        after[i].lower in self.determiners
                        or after[i].text[0].isdigit()
                        or after[i].text in (",", ".")
                        or after[i].lower in self.scales
                        or after[i].lower.endswith(("'s", "’s"))  # "20 of Gaza's 36 hospitals"
                        or (  # "39 of South Carolina's 54 delegates": the owner's name
                            after[i].text[:1].isupper()
                            and i + 1 < len(after)
                            and after[i + 1].text[:1].isupper()
                        )
                    )
                ):
                    i += 1
        part_of = i > 1 and any(t.text[0].isdigit() for t in after[1:i])
        # "50 basis points": no counted thing
        unit_noun = _starts(
            after, i, self._unit_nouns.get(after[i].lower, []) if i < len(after) else []
        )
        unit_word, i = self._past_unit(after, i) if not unit_noun else (None, i)
        noun, i = self._noun(after, i + unit_noun) if not unit_noun else (None, i + unit_noun)
        # "300 residents of Vovchansk were evacuated": the place between is not the event's
        while (
            noun
            and i + 1 < len(after)
            and after[i].lower in ("of", "in", "from")
            and after[i + 1].text[0].isupper()
        ):
            i += 2
            while i < len(after) and after[i].text[0].isupper():
                i += 1
        if noun is None and i + 1 < len(after) and after[i].lower == "in":
            # "$2.3 billion in damage", "$50 million in aid": the thing after "in"
            tok = after[i + 1]
            if tok.text.isalpha() and tok.text.islower() and tok.lower not in self.stops:
                noun, i = self._noun(after, i + 1)
        scale = self._scale(before, after, noun)
        if scale is not None:  # "a 6.7 earthquake", "magnitude 5.9": the scale, no count
            return Reading(scale, None, False)
        event = self._event_after(after, i)
        if noun is None and i + 1 < len(after) and after[i].lower in _MORE:
            i += 1  # "around twenty more, including a colleague, were injured"
        if event is None and i < len(after) and after[i].text == ",":
            # "7 people, among them a 9-year-old girl, were wounded", "19 people,
            # including six children, died" and "At least seven, including four
            # children, died": past the aside
            k = next((k for k in range(i + 1, min(len(after), i + 12)) if after[k].text == ","), 0)
            if (
                k
                and k + 1 < len(after)
                and (after[k + 1].lower in self.aux or self.participle(after[k + 1].text))
            ):
                event = self._event_after(after, k + 1)
        if event is None and noun and i < len(after) and after[i].lower in ("and", "or"):
            # "11 drones and two missiles were downed": the verb after the last of them
            event = self._verb_ahead(after, i + 1, 6)
        elif event is not None and noun and i < len(after) and after[i].lower not in self.aux:
            # "the missiles fired in the attack were intercepted": the clause's own verb
            # after a participle that only says which missiles
            event = self._verb_ahead(after, i + 1, 7, clause=True) or event
        if event is None or part_of:
            # "destroyed 56 of 72 drones launched": the verb before is the part's own.
            event = self._event_before(before) or event
            if event and event.split()[0] in self._tails:
                # "forced more than 4,000 from their homes"
                tail = _starts(after, i, self._tails.get(event, []))
                event = " ".join([event, *(t.lower for t in after[i : i + tail])])
        if not of_them and (noun is None or noun.lower() in self.generic):
            # "the death toll rising to 22 people": the toll, not the people
            names = bool(before) and before[-1].lower in self.change_verbs
            noun = self._noun_before(before, names) or noun
        noun = noun or unit_word  # "47.42 seconds" with nothing else named: the seconds
        prev = [t.lower for t in before[-6:]]
        change = (
            bool(prev)
            and (
                (
                    prev[-1] in ("up", "down", "off") and not self._verb(prev[:-1])
                )  # not "shot down 23"
                or (prev[-1] == "by" and any(w in self.change_verbs for w in prev[:-1]))
                or (len(prev) > 1 and prev[-1] == "of" and prev[-2] in self.change_nouns)
                or (prev[-1] in self.change_verbs and _to_level(after, i))
            )
        )
        running = bool(prev) and prev[-1] == "to" and any(w in self.total_verbs for w in prev)
        changed = bool(prev) and prev[-1] in self.change_verbs and prev[-1] not in ("up", "down")
        level = bool(prev) and prev[-1] == "to"
        return Reading(noun, event, of_them, change, level, running, changed)

    def _past_unit(self, after: list[Token], i: int) -> tuple[str | None, int]:
        """A unit at ``i`` that the figure's span does not hold, and where the counted
        thing may start past it: "24 million pounds operating loss", "two billion cubic
        meters of gas"."""
        if i >= len(after):
            return None, i
        size = _starts(after, i, self._unit_words.get(after[i].lower, []))
        if not size:
            return None, i
        unit = " ".join(t.text for t in after[i : i + size])
        i += size
        if i + 1 < len(after) and after[i].lower == "of" and after[i + 1].text.islower():
            i += 1
        return unit, i

    def _scale(self, before: list[Token], after: list[Token], noun: str | None) -> str | None:
        """The scale a figure is read on when a singular noun of ``scale_nouns`` is right
        after it ("a 6.7 earthquake", "5.0 magnitude") or right before ("magnitude 5.9")."""
        if noun is not None and after and after[0].text == noun.split()[0]:
            scale = self.scales_of.get(after[0].lower)
            if scale is not None:
                return scale
        if before and before[-1].lower in self.scales_of:
            return self.scales_of[before[-1].lower]
        if before and before[-1].lower in _READS:
            # "a second earthquake measuring 5.6", "the quake, which measured 6.1": the
            # reading of the thing named just before, on its scale
            for tok in reversed(before[-6:-1]):
                scale = self.scales_of.get(tok.lower)
                if scale is not None:
                    return scale
                if tok.text in (".", ";") or tok.lower in self.reporting:
                    break
        return None

    def _verb_ahead(
        self, after: list[Token], i: int, reach: int, clause: bool = False
    ) -> str | None:
        """The event after the next auxiliary within ``reach`` tokens of ``i``, unless
        punctuation (or, with ``clause``, a conjunction) ends the clause first."""
        for k in range(i, min(len(after), i + reach)):
            if after[k].text in (",", ";", ".") or (clause and after[k].lower in _JOINS):
                return None
            if after[k].lower in self.aux:
                return self._event_after(after, k)
        return None

    def _noun(self, after: list[Token], i: int) -> tuple[str | None, int]:
        words: list[str] = []
        if (
            i + 1 < len(after)
            and after[i].lower in ("more", "additional", "further", "new", "other")
            and after[i + 1].text.isalpha()
            and after[i + 1].lower != "than"
        ):
            i += 1  # "32,000 more deaths", "five other civilians": more of the same thing
        while i < len(after) and len(words) < 5:
            tok = after[i]
            low = tok.lower
            if low in ("and", "or") and words and i + 1 < len(after):
                nxt = after[i + 1]
                if (
                    nxt.text[0].isalpha()
                    # "13 seats and Liberal Democrats lost 10": a name starts a clause
                    and not (nxt.text[0].isupper() and all(w.islower() for w in words))
                    and nxt.lower not in self.number_words
                    and nxt.lower not in self.stops
                    and not self.participle(nxt.text)
                ):
                    words.append(low)
                    i += 1
                    continue
                break
            if (
                not tok.text[0].isalpha()
                or low in self.stops
                or (words and self.participle(tok.text))
            ):
                break
            if not words and self.participle(tok.text) and not self._modifies(after, i + 1):
                break  # "300 killed": the event; but "15,600 suspected mpox cases" a noun
            words.append(tok.text)
            i += 1
        return (" ".join(words) if words else None), i

    def _modifies(self, after: list[Token], i: int) -> bool:
        """Whether the word at ``i`` is a noun a participle before it describes: a
        lowercase word that is no stop, auxiliary, particle, participle or number."""
        if i >= len(after):
            return False
        tok = after[i]
        low = tok.lower
        return (
            tok.text.isalpha()
            and tok.text.islower()
            and low not in self.stops
            and low not in self.aux
            and low not in self.particles
            and low not in self.number_words
            and low not in ("and", "or", "by", "to")
            and not self.participle(low)
        )

    def _event_after(self, after: list[Token], i: int) -> str | None:
        while i < len(after) and after[i].lower in self.aux:
            i += 1
        if i >= len(after) or not self.participle(after[i].text):
            return None
        words = [after[i].lower]
        i += 1
        rest = _starts(after, i, self._tails.get(words[0], []))
        if rest:  # "forced from their homes"
            return " ".join([*words, *(t.lower for t in after[i : i + rest])])
        if i < len(after) and after[i].lower in self.particles:
            words.append(after[i].lower)
            i += 1
        if (
            i + 1 < len(after)
            and after[i].lower in ("or", "and")
            and self.participle(after[i + 1].text)
            # "killed or wounded", but not "left 21 dead and forced nearly 300,000 from":
            # a verb with an object of its own starts a claim of its own
            and (
                i + 2 >= len(after)
                or not after[i + 2].text[0].isalnum()
                or (after[i + 2].lower in self.stops and after[i + 2].lower not in _HEDGES)
            )
        ):
            words += [after[i].lower, after[i + 1].lower]
            i += 2
        if i < len(after) and after[i].lower in ("to", "at"):
            tail = []
            for tok in after[i + 1 : i + 3]:
                if not tok.text[0].isalpha() or tok.lower in self.stops or tok.text[0].isupper():
                    break
                tail.append(tok.lower)
            if tail:
                words += [after[i].lower, *tail]
        return " ".join(words)

    def _event_before(self, before: list[Token]) -> str | None:
        k = len(before) - 1
        if k < 0:
            return None
        words: list[str] = []
        if before[k].lower in self.particles and k > 0:
            words.insert(0, before[k].lower)
            k -= 1
        low = before[k].lower
        verb = self.gerunds.get(low, low)
        if low in self.active or low in self.gerunds or (words and self.participle(low)):
            return " ".join([verb, *words])
        if self.participle(low) and low not in self.not_events and k > 0:
            # "killed 18 people and stranded nearly 4.5 million": a verb of its own, so the
            # figure does not take the killed of the one before
            return low
        return None

    def _noun_before(self, before: list[Token], names: bool = False) -> str | None:
        k = len(before) - 1
        linked = False
        while k >= 0 and (before[k].lower in self.links or before[k].lower in self.change_verbs):
            if (
                linked
                and k > 0
                and before[k].lower not in self.change_nouns
                and (
                    before[k - 1].lower in self.determiners
                    or (
                        k > 1
                        and before[k - 2].lower in self.determiners
                        and self.participle(before[k - 1].text)
                    )
                )
            ):
                break  # "the cost is", "the estimated cost is": after a determiner, a noun
            if before[k].lower in _ACQUIRE:
                # "his rival took 45%", "the incumbent won 60%": who got it, not what
                return None
            k -= 1
            linked = True
        if not linked:
            return None
        # Read back to the start of the noun phrase, then keep its head: "the death toll
        # from the floods" is a death toll, "its buffer zone in Kursk" a buffer zone.
        words: list[Token] = []
        while k >= 0 and len(words) < 8:
            tok = before[k]
            low = tok.lower
            if tok.text[0].isalpha() and low.endswith(("'s", "’s")) and words:
                # an owner within the phrase: "the toll from Monday's landslide", "the
                # toll from South Asia's earthquake"
                owner = k - 1
                while owner > 0 and before[owner].text[:1].isupper() and k - owner < 4:
                    owner -= 1
                if owner >= 0 and before[owner].lower in _PREPOSITIONS:
                    k = owner
                    continue
            if not tok.text[0].isalpha() or low.endswith(("'s", "’s")):
                break
            if low in ("to", "by") and k > 0 and before[k - 1].lower in _LINKED:
                words.insert(0, tok)  # "deaths linked to infections": read on to the deaths
                k -= 1
                continue
            if low in self.stops and low not in _PREPOSITIONS and low not in self.determiners:
                break
            if (
                words
                and low in self.reporting
                and k > 0
                and before[k - 1].lower in self.determiners
            ):
                k -= 1  # "the estimated cost": a participle before the noun
                continue
            if low in self.reporting or low in self.change_verbs or low in self.total_verbs:
                break  # "officials put the toll at 205", "raised its key rate by": not who did it
            words.insert(0, tok)
            k -= 1
        while words and (words[0].lower in self.determiners or words[0].lower in _PREPOSITIONS):
            words.pop(0)
        head: list[str] = []
        for tok in words:
            if (tok.lower in _PREPOSITIONS and tok.lower != "of") or tok.lower in _LINKED:
                break  # "the number of deaths linked to infections": the deaths
            if tok.lower in self.determiners or _WHEN.fullmatch(tok.lower):
                continue  # "its second-quarter revenue": the period is no part of the thing
            head.append(tok.text)
        while head and head[-1].lower() == "of":
            head.pop()
        if len(head) > 2 and head[0].lower() in _AGGREGATES and head[1].lower() == "of":
            head = head[2:]  # "the number of asylum applications": the applications
        if head and head[-1].lower() in {u[-1] for u in self.unit_nouns}:
            return None  # "by 50 basis points to 5.25%": the points are no thing
        if len(head) > 1 and all(w[:1].isupper() or w == "of" for w in head) and not names:
            return None  # "Amy Klobuchar of Minnesota had 7": who has them, not what
        if (
            len(head) == 1
            and head[0][:1].isupper()
            and not head[0].isupper()
            and not names
            and k >= 0
            and before[k].text.islower()
            and before[k].lower not in self.determiners
        ):
            return None  # "..., while Trump took 46.9%": a name inside the sentence has them
        if len(head) == 1 and head[0].lower() in _AGGREGATES and k >= 0:
            # "aid trucks fell to an average of 69": the trucks are the thing
            return self._noun_before(before[: k + 1], names) or head[0]
        return " ".join(head[-4:]) if head else None

    def fallback_for(self, dimension: str) -> str:
        return self.fallback.get(dimension, dimension)

    def by_dimension(self, doc: Document, span: tuple[int, int], dimension: str) -> str | None:
        """What a figure with a unit of ``dimension`` measures: the quantity of that
        dimension whose word is nearest the figure in its sentence ("at a depth of
        10 km", "40 years in prison", "14 feet tall"), else the dimension's fallback
        ("75 miles from the islands" is a distance); None for a dimension with no
        such quantities (an amount of money), or none named beside a share ("30
        percent contained" is the containment), whose words say what it is."""
        names = self._dimension_words.get(dimension)
        if names is None:
            return None
        sentence = doc.sentence(span[0])
        best: tuple[int, str] | None = None
        start, end = max(sentence[0], span[0] - _BEFORE), min(sentence[1], span[1] + _AFTER)
        for m in self._dimension_patterns[dimension].finditer(doc.text, start, end):
            if span[0] <= m.start() < span[1]:
                continue
            distance = span[0] - m.end() if m.end() <= span[0] else m.start() - span[1]
            if best is None or distance < best[0]:
                best = (distance, names[m.group().lower()])
        if best is not None:
            return best[1]
        return None if dimension in self._words_only else self.fallback_for(dimension)


_JOINS = frozenset({"and", "or", "but", "while", "whereas"})
_WHEN = re.compile(r"(?:first|second|third|fourth|final|last)-(?:quarter|half)")
# verbs that carry a figure without being what happened to the thing counted
_LIGHT_VERBS = frozenset(
    {"caused", "cost", "totalled", "totaled", "numbered", "included", "involved",
     "represented", "accounted", "reached", "estimated", "valued", "priced"}
)  # fmt: skip
# verbs between a thing and its reading on a scale
_READS = frozenset({"measuring", "measured", "registering", "registered", "rated"})
# verbs whose subject is who got a figure, not what it counts
_ACQUIRE = frozenset(
    {"won", "win", "wins", "took", "take", "takes", "received", "receives", "secured",
     "secures", "get", "gets", "got"}
)  # fmt: skip
_AGGREGATES = frozenset(
    {"average", "total", "tally", "high", "low", "peak", "record", "number", "count"}
)
# participles after the head of a noun phrase that start what only describes it
_LINKED = frozenset({"linked", "related", "attributed", "tied", "connected", "caused", "due"})
_MORE = frozenset({"more", "other", "others", "additional"})
_HEDGES = frozenset({"about", "around", "over", "more", "nearly", "almost", "some", "up"})


def _starts(tokens: list[Token], i: int, phrases: list[tuple[str, ...]]) -> int:
    """How many tokens from ``i`` spell the longest of ``phrases`` (0 for none)."""
    if not phrases:
        return 0
    words = [t.lower for t in tokens[i : i + 6]]
    return max((len(p) for p in phrases if p and tuple(words[: len(p)]) == p), default=0)


def _to_level(after: list[Token], i: int) -> bool:
    """Whether "to" and a figure follow soon: "rose 1.8% to $78.40"."""
    for k in range(i, min(len(after) - 1, i + 5)):
        if after[k].text in (",", ";", "."):
            return False
        if after[k].lower == "to" and after[k + 1].text[0] in "0123456789$€£":
            return True
    return False
