"""Who said a figure: attributions in text, and the source each figure belongs to.

An attribution is a reporting verb with its subject ("the ministry said",
"..., said the governor"), or "according to X". Pronouns and definite
descriptions ("it", "they", "the ministry") resolve to the latest source named
before them that fits, which is how "The ministry also claimed" reaches the
ministry named two paragraphs up.

>>> from claimtrack.extraction.document import Document
>>> text = "Russia's defence ministry said 45 drones fell. It said 23 fell over Bryansk."
>>> [a.name for a in find_attributions(Document(text), ExtractRules.default())]
['Russian defence ministry', 'Russian defence ministry']
"""

from __future__ import annotations

import bisect
import copy
import re
from collections.abc import Sequence
from typing import NamedTuple

from ..measures import MeasureLexicon
from .document import _ABBREVIATION, Document, Token
from .rules import ExtractRules, alternation, word_set

__all__ = [
    "Attribution",
    "choose_attributions",
    "denied_report",
    "find_attributions",
    "sentence_subject",
]

_WINDOW = 110  # characters either side of a verb that its subject may take


_DETERMINERS = ("a", "an", "the", "this", "that", "its", "their")
_BOUNDARIES = (",", ";", ":", '"', "“", "”", "(", ")", "—", "–", "-", "‘", "’")
_ASIDES = (",", "-", "–", "—")  # marks that set off an aside: "X, an NGO, said"
_LONGEST_SUBJECT = 10
_NAME_JOINS = ("of", "for", "and", "&")  # "Institute for Health Metrics and Evaluation"
# measures a counted thing is named by: a subject of "recorded" that is one was counted
_COUNTED = frozenset(MeasureLexicon.default().named)
# a sentence that opens with a person's name of two to five words and goes on with a verb
_OPENING_NAME = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”]\s))(?P<name>(?:[A-Z][a-z]+\.?\s+){1,4}[A-Z][a-z]+)\s+"
    r"(?:has\s+|had\s+|was\s+)?[a-z]+ed\b"
)
# what follows a plural noun that is spelled like a verb: "the Gulf states of", "early reports,"
_NOUN_NEXT = frozenset({"of", ",", ".", ";", ")"})
_HAVING = frozenset({"has", "have", "had", "is", "was", "with", "having"})
_TIMES = frozenset(
    {
        "weekend",
        "week",
        "day",
        "days",
        "morning",
        "evening",
        "night",
        "month",
        "year",
        "time",
        "period",
        "hours",
        "afternoon",
    }
)
_ISSUED = (
    "published",
    "released",
    "compiled",
    "issued",
    "conducted",
    "carried",
    "collected",
    "gathered",
    "provided",
)


# "put the toll at 40", "put losses at nearly $2bn": a figure after "at", none before it
_PUT_AT = re.compile(
    r"[^\d.;]{1,60}?\bat\s+(?:[a-z]+\s+){0,2}(?:[\d$€£¥₴₽]|(?:half|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twelve|twenty|dozens?|scores|hundreds?|thousands?|millions?)\b)",
    re.IGNORECASE,
)


# "by NBC's reckoning", "by the ministry's own count": who counted is the source
_RECKONINGS = ("reckoning", "count", "tally", "estimate", "estimates", "calculation",
               "calculations", "figures")  # fmt: skip
_BY_RECKONING = (
    r"\b[Bb]y(?=\s+(?:the\s+)?(?:[\w.&-]+\s+){0,3}?[\w.&-]+['’]s?\s+(?:own\s+)?"
    rf"(?:{'|'.join(_RECKONINGS)})\b)"
)


def _sets_off(tokens: list[Token], k: int, mark: str) -> bool:
    """Whether token ``k`` is the mark that opens an aside (not the comma in "14,000")."""
    if tokens[k].text != mark:
        return False
    glued = 0 < k < len(tokens) - 1 and tokens[k - 1].end == tokens[k].start
    return not (glued and tokens[k - 1].text[-1:].isdigit() and tokens[k + 1].text[:1].isdigit())


class Attribution(NamedTuple):
    """A reporting clause: who, where its subject is, whether it closes a statement."""

    start: int  # first character of the whole clause (subject or verb)
    end: int
    name: str
    subject: tuple[int, int]
    stance: str  # "asserts" or "denies"
    closing: bool  # "..., the ministry said." scopes back over what came before
    counter: bool  # "a claim the army denied": denies what another source asserted
    via: tuple[str, ...] = ()  # "Reuters, citing the ministry, said": who relayed it
    cited: bool = False  # "citing X": X is the origin, and what comes next may relay it
    weak: bool = False  # "Congo has recorded 537 deaths": yields to a speaker's "said"
    opens: bool = False  # "; according to prosecutors, he owed ...": scopes forward too


class _Compiled(NamedTuple):
    verbs: re.Pattern[str]
    countries: dict[str, str]


def _compile(rules: ExtractRules) -> _Compiled:
    s = rules.section("sources")
    verbs = alternation([*s["assert_verbs"], *s["weak_verbs"], *s["deny_verbs"]])
    according = alternation(s["according_to"], cases=True)
    # "according to" first: "a report of NDRRMC" is a source, before "report" is a verb
    pattern = re.compile(rf"(?P<according>{according}|{_BY_RECKONING})|(?P<verb>{verbs})")
    return _Compiled(pattern, dict(s["demonyms"]))


class _Reader:
    """Reads one attribution at a time, remembering the sources named so far."""

    def __init__(self, rules: ExtractRules) -> None:
        self.doc = Document("")
        self.text = ""
        self.compiled = rules.compiled("sources", _compile)
        w = rules.words
        self.weak = w("sources", "weak_verbs")
        self.deny = w("sources", "deny_verbs")
        # the one-word denial cues are adjectives: "false reports that" is a noun phrase
        self.untrue = {c for c in w("sources", "denial_cues") if " " not in c}
        self.skip = w("sources", "subject_skip")
        self.stops = w("sources", "subject_stops")
        self.preps = w("sources", "subject_prepositions")
        self.passive = w("sources", "passive_markers")
        self.claim_nouns = w("sources", "claim_nouns")
        self.evidence = w("sources", "evidence_nouns")
        self.links = w("sources", "evidence_links")
        self.plural = w("sources", "plural_heads")
        self.titles = w("sources", "person_titles")
        self.heads = w("sources", "source_heads")
        self.trailing = w("sources", "trailing_evidence")
        self.adjectives = w("sources", "subject_adjectives")
        self.openers = w("sources", "subject_openers")
        self.adverbs = w("sources", "time_adverbs")  # "reported yesterday," is no noun
        self.speakers = self.heads | self.plural | self.titles
        self.number_words = word_set(rules.grammar.lexicon.number_words)
        lexicon = rules.grammar.lexicon
        self.counting = self.number_words | word_set(
            w for phrase in (*lexicon.fractions, *lexicon.vague) for w in phrase.split()[:1]
        )
        self.verbs = w("sources", "assert_verbs") | self.weak | self.deny
        self.relaying = w("sources", "relay_words")
        self.actions = w("figures", "split_range_after")  # "the bank cut 300 jobs"
        self.according = word_set(
            w for p in rules.section("sources")["according_to"] for w in p.split()
        )
        self.pronouns: dict[str, str] = rules.section("sources")["pronouns"]
        self.months = word_set(rules.section("periods")["months"])
        self.modifiers = w("sources", "noun_modifiers")
        self.generic: dict[str, list[str]] = rules.section("sources")["generic_heads"]
        self.history: list[str] = []

    @classmethod
    def on(cls, doc: Document, rules: ExtractRules) -> _Reader:
        """A reader for one document; the word sets are built once per rules."""
        reader = copy.copy(rules.compiled("sources.reader", cls))
        reader.doc, reader.text, reader.history = doc, doc.text, []
        return reader

    def continued(self, m: re.Match[str], last: Attribution | None) -> Attribution | None:
        """ "Moscow denied the figures, saying only 30 had died": a participle after a
        comma goes on with the subject of the clause before it, in its own stance."""
        verb = m.group("verb")
        if last is None or verb is None or not verb.lower().endswith("ing"):
            return None
        if not self.text[last.end : m.start()].rstrip().endswith(","):
            return None
        sentence = self.doc.sentence(m.start())
        if last.start < sentence[0]:
            return None
        stance = "denies" if verb.lower() in self.deny else "asserts"
        return Attribution(m.start(), m.end(), last.name, last.subject, stance, False, False)

    def read(self, m: re.Match[str]) -> Attribution | None:
        """The attribution a reporting verb or "according to" makes, or None when the
        words are no report ("a claim", "drones were reported", "put 300 at risk")."""
        sentence = self.doc.sentence(m.start())
        before = self.doc.tokens(max(sentence[0], m.start() - _WINDOW), m.start())
        after = self.doc.tokens(m.end(), min(sentence[1], m.end() + _WINDOW))
        if m.group("according"):
            return self._according(m, before, after, sentence)
        verb = m.group("verb").lower()
        i = self._subject_end(m, verb, before, after)
        if i is None:
            return None
        if i >= 0 and before[i].lower == "and" and verb not in self.weak:
            # "The minister visited the hospital and said 40 had died": the verb goes on
            # with the subject the sentence opened with
            subject, closing = self._opening(sentence, m.start()), False
        else:
            subject, closing = self._subject(before, after, i, sentence)
        if not self._speaker(subject, verb, closing, after):
            return None
        counter = verb in self.deny and self._after_claim_noun(before, subject)
        cited = self._cited(before, after, subject, sentence)
        if cited is None:
            return None
        subject, via, relay_start = cited
        if verb in ("told", "tells", "tell") and not via:
            via = self._told(after)  # "an official told Reuters that": relayed by Reuters
        stance = "denies" if verb in self.deny else "asserts"
        made = self._make(m, subject, stance, closing, counter, via, relay_start)
        if made is not None and verb in self.weak:
            # "Congo has recorded ..., the health minister said": the minister speaks
            return made._replace(weak=True)
        return made

    def _opening(self, sentence: tuple[int, int], verb: int) -> list[Token]:
        """The subject a sentence opens with, after an opening phrase ("At the time, the
        prime minister called ..."), when it names who speaks and a verb follows it."""
        words = self.doc.tokens(sentence[0], min(verb, sentence[0] + 200))
        i = 0
        if words and words[0].lower in self.openers:
            i = next((k + 1 for k, t in enumerate(words[:10]) if t.text == ","), len(words))
        subject: list[Token] = []
        for tok in words[i : i + _LONGEST_SUBJECT]:
            low = tok.lower
            if tok.text.islower() and (
                low in self.stops
                or low in self.verbs
                or low in self.actions
                or (_past_tense(low) and low not in self.adjectives)
                or (subject and low.endswith("s") and subject[-1].lower in self.speakers)
            ):
                break
            if not tok.text[0].isalpha():
                return []
            subject.append(tok)
        else:
            return []
        if not subject or not (
            subject[-1].text[:1].isupper() or self._speaker_word(subject[-1].lower)
        ):
            return []
        return subject

    def _according(
        self,
        m: re.Match[str],
        before: list[Token],
        after: list[Token],
        sentence: tuple[int, int],
    ) -> Attribution | None:
        """ "according to X" and "citing X": X is the source, relayed by who cites it."""
        subject = self._forward(after)
        if m.group("according").lower() == "by":
            subject = _possessor(subject)
        if not subject:
            return None
        relayed = m.group("according").lower() in self.relaying
        relay = self._relay(before, sentence) if relayed else []
        if relayed and not self._speaks(subject):
            # "raised its key rate to 18%, citing persistent inflation": a reason, not
            # a source; who did it cites it, and is the source of what it did
            return self._actor(m, subject, sentence) if not relay else None
        name = self._resolve(relay) if relay else None
        closes = self._closing(after, subject)
        made = self._make(m, subject, "asserts", closes, False, (name,) if name else ())
        if (
            made is not None
            and closes
            and not relayed
            and (not before or before[-1].text in (",", ";", ":"))
        ):
            # "; according to prosecutors, he owed $850,000": what follows is theirs too
            k = next((k for k, t in enumerate(after) if t.start >= made.end), len(after))
            if (
                k + 1 < len(after)
                and after[k].text == ","
                and after[k + 1].lower not in self.relaying  # "According to X, citing Y,"
            ):
                made = made._replace(opens=True)
                if before and before[-1].text == ";":
                    # "four were on board; according to investigators, one died": the
                    # investigators' words start after the semicolon, not before it
                    made = made._replace(closing=False)
        return made._replace(cited=True) if made is not None and relayed else made

    def _subject_end(
        self, m: re.Match[str], verb: str, before: list[Token], after: list[Token]
    ) -> int | None:
        """Where the subject before a reporting verb ends (an index into ``before``, -1
        for none), or None when the verb reports nothing here."""
        i = len(before) - 1
        if i >= 0 and before[i].lower in _DETERMINERS and not _letter_name(before, i):
            return None  # "a claim", "the report": a noun, not a reporting verb
        if (
            i >= 1
            and before[i - 1].lower in _DETERMINERS
            and before[i].text.isalpha()
            and before[i].text.islower()
            and (verb in self.claim_nouns or before[i].lower in self.modifiers)
            and not (
                before[i].lower in self.plural
                and after
                and (after[0].text[:1].isdigit() or after[0].lower in ("that", *self.counting))
            )
        ):
            # "a situational report", "the total reported": a noun's modifier; but in "the
            # organisers estimate 100,000" the organisers speak
            return None
        if verb in self.claim_nouns and after and after[0].lower in self.verbs:
            return None  # "Other reports say": the noun, subject of the verb after it
        if verb.endswith("s") and verb in self.weak and after and after[0].lower in _NOUN_NEXT:
            return None  # "the Gulf states of Qatar", "by early reports, 30 were hurt": nouns
        if (
            verb.endswith("ed")
            and self._modifies(after)
            and not (i >= 0 and before[i].text == "," and after[0].lower in self.speakers)
        ):
            # "its estimated mass of", "Some estimated death tolls, ...": a modifier; but
            # "..., reported officials, with 25 others hurt" names who reported
            return None
        if i >= 1 and (
            (before[i].lower in self.verbs and before[i].lower not in self.claim_nouns)
            or before[i].lower in self.untrue
        ):
            # "denied reports that", "dismissed as false reports that": a noun, the object
            return None
        if i >= 1 and before[i].lower == "far" and before[i - 1].lower == "so":
            i -= 2  # "Authorities have so far confirmed"
        while i >= 0 and (
            before[i].lower in self.skip
            or (i > 0 and before[i].lower.endswith("ly") and before[i - 1].lower in self.passive)
        ):
            i -= 1  # "was usually estimated at": past the adverb to the passive
        if (
            i >= 2
            and before[i].text == ","
            and before[i - 1].lower in self.skip
            and before[i - 2].text == ","
        ):  # "The ministry, however, said"
            i -= 3
            while i >= 0 and before[i].lower in self.skip:
                i -= 1
        if i > 0 and before[i].text == ")":  # "the Institute for the Study of War (ISW) said"
            k = next((k for k in range(i - 1, max(-1, i - 8), -1) if before[k].text == "("), -1)
            i = k - 1 if k > 0 else i
        if i >= 0 and before[i].lower in self.passive and not _letter_name(before, i):
            return None  # "drones were reported", "the reported figure"
        if verb.endswith("ed") and after and after[0].lower == "by":
            return None  # "potholes reported by residents": a participle, not a speaker
        if self._object(before, i):
            return None  # "SARS-CoV has a basic R0 estimated in the range 2-4": an object
        if verb in ("put", "puts") and not _PUT_AT.match(self.text, m.end(), m.end() + 80):
            return None  # "put" attributes only as "put the toll at 40", not "put 300 at risk"
        return i

    def _modifies(self, after: list[Token]) -> bool:
        """Whether the words after a participle are a noun it describes, ended by "of" or
        a comma: "estimated mass of", "estimated death tolls, provided by"."""
        k = 0
        while (
            k < min(3, len(after))
            and after[k].text.isalpha()
            and after[k].text.islower()
            and after[k].lower not in self.stops
            and after[k].lower not in _DETERMINERS
            and after[k].lower not in self.counting
            and after[k].lower not in self.preps
            and after[k].lower not in self.adverbs
        ):
            k += 1
        return 0 < k < len(after) and after[k].lower in ("of", ",")

    def _object(self, before: list[Token], i: int) -> bool:
        """Whether the words before the verb are the object of a verb before them: "has a
        basic R0" (an indefinite noun after "has", "is" or "with")."""
        k = i
        while k > max(-1, i - 5) and before[k].text[:1].isalpha():
            if before[k].lower in ("a", "an"):
                break
            k -= 1
        return (
            0 < k < i
            and before[k].lower in ("a", "an")
            and before[k - 1].lower in _HAVING
            and not any(self._speaker_word(t.lower) for t in before[k + 1 : i + 1])
        )

    def _subject(
        self, before: list[Token], after: list[Token], i: int, sentence: tuple[int, int]
    ) -> tuple[list[Token], bool]:
        """Who speaks, after the verb ("..., said the ministry") or before it, past an
        aside; and whether the report closes what came before it."""
        subject: list[Token] = []
        closing = True
        if (
            i < 0
            or (
                before[i].text in (",", '"', "”", "’")
                and (
                    _starts_name(after)
                    or (after and after[0].lower in self.plural)
                    # "..., said local officials", "..., reported state media"
                    or (
                        len(after) > 1
                        and after[0].text.isalpha()
                        and after[0].text.islower()
                        and (
                            after[1].lower in self.plural
                            or after[1].lower in ("media", "television")
                        )
                    )
                    # "..., said rescue chief Ali Demir", "..., said spokeswoman Anna Berg"
                    or any(
                        len(after) > k + 1
                        and all(t.text.isalpha() and t.text.islower() for t in after[: k + 1])
                        and (after[k].lower in self.titles or after[k].lower in self.heads)
                        and after[k + 1].text[:1].isupper()
                        for k in (0, 1)
                    )
                )
            )
        ):
            # "..., said the ministry." names its source after the verb.
            subject = self._forward(after)
            if subject and not (self._ends_clause(after, subject) and self._names(subject)):
                # "..., said the city would plant" and "..., said an Israeli drone strike
                # on a car killed three": a clause, not an inverted source
                subject = []
        if (
            not subject
            and i >= 2
            and before[i].lower in ("which", "who")
            and before[i - 1].text == ","
        ):
            # "confirmed by the health ministry, which said 45 had died": the ministry
            subject = self._backward(before, i - 2, False, relative=True)
            return subject, False
        if not subject and i >= 0:
            if before[i].text in _ASIDES:
                i = self._before_aside(before, i)
            window_starts_sentence = before[0].start <= sentence[0] + 1 if before else True
            subject = self._backward(before, i, window_starts_sentence)
            closing = self._closing(after, []) or self._after_statement(before, subject)
        return subject, closing

    def _before_aside(self, before: list[Token], i: int) -> int:
        """Where the subject ends when an aside comes between it and the verb: "A
        spokesman for the agency, Jane Doe, said" (the name), but "The company, which
        employs 14,000 people, said" and "Oleh Kiper, the regional governor, said" (the
        words before the aside)."""
        mark = before[i].text
        i -= 1
        # "Officials - who declined to be named - said": the subject precedes the aside;
        # so it does before a description, "The Free Marsh Council, an opposition group, said".
        k = next(
            (k for k in range(i, 0, -1)
             if _sets_off(before, k, mark) or (
                 before[k].lower in ("which", "who") and _sets_off(before, k - 1, mark))),
            0,
        )  # fmt: skip
        if k and before[k].lower in ("which", "who"):
            return k - 2
        aside = before[k + 1 : i + 1]
        if (
            k
            and aside
            and before[k - 1].text[:1].isupper()
            and before[k - 1].lower not in _DETERMINERS
            and aside[0].lower not in ("a", "an", "the")
            and aside[0].lower not in self.relaying
            and not all(t.text[:1].isupper() for t in aside)
            and (aside[0].text.islower() or aside[0].lower.endswith(("'s", "’s")))
        ):  # "Abdurrahman Mangal, spokesperson for the governor, said": the name
            return k - 1
        if (
            k
            and k + 1 <= i
            and (
                before[k + 1].lower in ("a", "an")
                or (before[k + 1].lower == "the" and before[k - 1].text[:1].isupper())
                or (
                    before[k + 1].lower.endswith("ing")
                    and before[k + 1].text.islower()
                    and before[k + 1].lower not in self.relaying  # "X, citing Y, said"
                )
            )
        ):  # "An official, speaking on condition of anonymity, said": before the aside
            return k - 1
        return i

    def _speaker(self, subject: list[Token], verb: str, closing: bool, after: list[Token]) -> bool:
        """Whether a subject can speak: not "false social media claims", "economists'
        forecasts", "One in five adults", nor "the economy" adding jobs."""
        if not subject or any(t.lower in self.untrue for t in subject):
            return False  # "dismissed as completely false social media claims that"
        if subject[-1].text.endswith(("'", "’")) or (
            verb in self.weak and subject[-1].lower.endswith(("'s", "’s"))
        ):
            return False  # "economists' forecasts of 175,000": whose forecasts, no speaker
        if any(
            t.text.replace(",", "").replace(".", "").isdigit() or t.lower in self.number_words
            for t in subject
        ) and not any(t.lower in self.speakers for t in subject):
            return False  # "One in five adults reported symptoms": counted people, no speaker
        sourced = subject[-1].lower in self.heads or subject[-1].text[:1].isupper()
        if subject[-1].lower in _TIMES and not sourced:
            return False  # "a report from the government during the weekend said"
        put = verb in ("put", "puts")  # "organisers put the crowd at 5,000": checked before
        # "the economy added 200,000 jobs" attributes nothing
        counted = MeasureLexicon.default().measure(subject[-1].lower) in _COUNTED
        return verb not in self.weak or (
            put or (closing and not counted) or sourced or bool(after and after[0].lower == "that")
        )  # "the deaths recorded in China, one person ...": what was counted, no speaker

    def _cited(
        self,
        before: list[Token],
        after: list[Token],
        subject: list[Token],
        sentence: tuple[int, int],
    ) -> tuple[list[Token], tuple[str, ...], int | None] | None:
        """A subject that cites ("Reuters, citing the health ministry, said"): the cited
        source, the relay and where the relay's words start; the subject unchanged when
        it cites nothing; None when "citing" heads no subject."""
        if not (subject[0].lower in self.relaying and len(subject) > 1):
            return subject, (), None
        if after and after[0].text in _ASIDES:
            return None  # "citing intelligence reports, said": "reports" is a noun
        k = next(k for k, t in enumerate(before) if t.start == subject[0].start)
        relay = self._relay(before[:k], sentence)
        cited = subject[1:]
        evidence = cited[-1].lower in self.evidence or cited[-1].lower in self.trailing
        if relay and (
            (evidence and cited[-1].lower not in self.speakers) or not self._speaks(cited)
        ):
            # "Officials, citing intelligence reports, said": the officials speak, and
            # the reports are their evidence, not a source
            return relay, (), None
        if relay:
            name = self._resolve(relay)
            return cited, ((name,) if name else ()), relay[0].start
        return cited, (), None

    def _names(self, subject: list[Token]) -> bool:
        """Whether a subject's head names who speaks: a name ("Kyiv", "UNICEF"), a
        speaker ("the ministry", "analysts", "a spokesman"), not "a drone strike"."""
        head = subject[-1]
        return head.text[:1].isupper() or self._speaker_word(head.lower)

    def _speaker_word(self, low: str) -> bool:
        """A word for who speaks: "ministry", "officials", "spokesman", "they"."""
        return low in self.speakers or f"{low}s" in self.speakers or low in self.pronouns

    def _speaks(self, cited: list[Token]) -> bool:
        """Whether what "citing" names can speak: a name, a speaker ("officials", "a
        security source", "an unnamed diplomat") or evidence; not "persistent inflation"."""
        head = cited[-1].lower
        return (
            any(t.text[:1].isupper() for t in cited)
            or self._speaker_word(head)
            or head in self.evidence
            or head in self.trailing
        )

    def _actor(
        self, m: re.Match[str], cited: list[Token], sentence: tuple[int, int]
    ) -> Attribution | None:
        """Who acted in "X raised its rate to 18%, citing inflation": the words from the
        sentence start to its first verb, when they name a speaker."""
        words = self.doc.tokens(sentence[0], m.start())
        subject: list[Token] = []
        for tok in words[:_LONGEST_SUBJECT]:
            low = tok.lower
            if subject and (
                low in self.stops
                or low in self.verbs
                or low in self.actions
                or (_past_tense(low) and low not in self.adjectives)
            ):
                break
            if not tok.text[0].isalpha():
                return None
            subject.append(tok)
        else:
            return None
        named = any(t.text[:1].isupper() for t in subject[1:])
        if not subject or not (named or subject[-1].lower in self.speakers):
            return None
        name = self._resolve(subject)
        if name is None:
            return None
        # the citing words are where it is said, so the actor's words ("Russia's") stay
        # a place, as an actor's are
        span = (cited[0].start, cited[-1].end)
        return Attribution(m.start(), cited[-1].end, name, span, "asserts", True, False)

    def _told(self, after: list[Token]) -> tuple[str, ...]:
        """The outlet a speaker told: "told Reuters", "told the newspaper Ukrainska Pravda";
        not "told reporters" or "told the BBC's correspondent"."""
        i = 0
        if i < len(after) and after[i].lower == "the":
            i += 1
        while i < len(after) and after[i].text.islower() and after[i].text.isalpha() and i < 5:
            i += 1  # "the newspaper", "the state news agency"
        name = []
        while i < len(after) and (after[i].text[:1].isupper() or after[i].text in ("'s",)):
            name.append(after[i].text)
            i += 1
        ends = i >= len(after) or after[i].lower in ("that", ",", ".", "on", "in", ":")
        return (" ".join(name),) if name and ends else ()

    def _relay(self, before: list[Token], sentence: tuple[int, int]) -> list[Token]:
        """Who relays what follows "citing": the subject before the comma before it
        ("Reuters, citing ...", "According to Reuters, citing ..."), or nothing."""
        if not before or before[-1].text not in _ASIDES:
            return []
        at_start = before[0].start <= sentence[0] + 1
        subject = self._backward(before, len(before) - 2, at_start)
        while subject and subject[0].lower in self.according:
            subject.pop(0)
        return subject

    def _backward(
        self, before: list[Token], i: int, at_start: bool, relative: bool = False
    ) -> list[Token]:
        """The subject before a verb, if it starts after a clear boundary (a comma, 'that',
        the sentence start): "With 98% of ballots counted" has no source in it. With
        ``relative``, the noun a "which" or "who" stands for, which may follow any word
        ("confirmed by the health ministry, which said")."""
        subject: list[Token] = []
        bounded = False
        while i >= 0 and len(subject) < _LONGEST_SUBJECT + 6:
            tok = before[i]
            low = tok.lower
            if len(subject) >= _LONGEST_SUBJECT and not (
                tok.text in _BOUNDARIES
                or low in ("the", "a", "an")
                or (tok.text[:1].isupper() or low in _NAME_JOINS)
            ):
                break  # only a name runs longer: "the United Nations Office for the ..."
            if tok.text == "." and subject and (merged := _abbreviated(before, i)) is not None:
                subject.insert(0, merged)  # "Hospital director Dr. Ahmed Salem said"
                i -= 2
                continue
            if tok.text == ")" and subject:
                # "Johns Hopkins University (JHU) data indicated": the name before it
                k = next((k for k in range(i - 1, max(-1, i - 6), -1) if before[k].text == "("), -1)
                if k > 0:
                    i = k - 1
                    continue
            if (
                low in ("and", "&")
                and subject
                and subject[0].text[:1].isupper()
                and i > 0
                and before[i - 1].text[:1].isupper()
                and before[i - 1].text not in _BOUNDARIES
            ):
                subject.insert(0, tok)  # "the Ministry of Labour and Social Policy": one name
                i -= 1
                continue
            if low == "and" and subject and self._joins_name(before, i):
                subject.insert(0, tok)  # "the ministry of internal affairs and communications"
                i -= 1
                continue
            if (
                low in ("to", "with")
                and i >= 2
                and before[i - 1].lower in ("close", "familiar")
                and self._speaker_word(before[i - 2].lower)
            ):
                # "Sources close to the investigation", "people familiar with the matter":
                # the sources and the people speak
                subject = []
                i -= 2
                continue
            if tok.text in _BOUNDARIES or (low in self.stops and not _ACRONYM.fullmatch(tok.text)):
                bounded = True
                break
            if not tok.text[0].isalpha() and not (tok.text[0].isdigit() and tok.text[-1].isalpha()):
                break  # a number or a sign: the words before the verb are a figure's
            if subject and _past_tense(tok.text) and low not in self.adjectives:
                break  # "the company raised its forecast": a clause, not a speaker
            if (
                subject
                and low in self.claim_nouns
                and (low not in self.evidence or subject[0].lower in _DETERMINERS)
            ):  # "a claim the army denied", "a figure the commission denied"
                bounded = True
                break
            if low in self.preps and not subject:
                break
            subject.insert(0, tok)
            i -= 1
        if i < 0 and at_start:
            bounded = True
        while subject and (subject[0].lower in self.preps or subject[0].lower in self.skip):
            subject.pop(0)
        # "health service figures show": the service is the source, not its figures; a
        # capitalised word is part of a name ("the Office for National Statistics").
        while len(subject) > 1 and subject[-1].lower in _ISSUED:
            subject.pop()  # "A UN report published on Tuesday said": the report's
        while (
            len(subject) > 1 and subject[-1].lower in self.trailing and subject[-1].text.islower()
        ):
            if len(subject) == 2 and subject[0].text.islower():
                break  # "official data showed": keep what the data is
            subject.pop()
        if (
            len(subject) > 2
            and subject[0].lower in self.trailing
            and subject[1].lower in ("from", "by")
        ):
            subject = subject[2:]  # "Data from Johns Hopkins University showed": the university
        if relative:
            return subject if subject and self._names(subject) else []
        return subject if bounded else []

    def _joins_name(self, before: list[Token], i: int) -> bool:
        """Whether the "and" at ``before[i]`` is inside a body's name: after "of" or "for"
        that follows the body's head, with only words between ("the ministry of internal
        affairs and", "the Institute for Health Metrics and")."""
        for k in range(i - 1, max(0, i - 5), -1):
            low = before[k].lower
            if low in ("of", "for"):
                return before[k - 1].lower in self.heads
            if not before[k].text.isalpha() or low in self.stops or low in self.verbs:
                return False
        return False

    def _after_statement(self, before: list[Token], subject: list[Token]) -> bool:
        """Whether the subject follows a comma or quote that closes a statement of a few
        words: "... 1,300 troops crossed into Veldt on Monday, the ministry said ..."."""
        if not subject:
            return False
        index = next((k for k, t in enumerate(before) if t.start == subject[0].start), 0)
        return index >= 4 and before[index - 1].text in (",", '"', "”", "’")

    def _ends_clause(self, after: list[Token], subject: list[Token]) -> bool:
        following = next((k + 1 for k, t in enumerate(after) if t.start == subject[-1].start), 0)
        rest = after[following : following + 1]
        return not rest or not rest[0].text[0].isalnum() or rest[0].lower in ("in", "on", "at")

    def _after_claim_noun(self, before: list[Token], subject: list[Token]) -> bool:
        index = next((k for k, t in enumerate(before) if t.start == subject[0].start), 0)
        previous = before[index - 1].lower if index > 0 else ""
        return previous in self.claim_nouns

    def _forward(self, after: list[Token]) -> list[Token]:
        i = 0
        while i < len(after) and after[i].lower in self.skip:
            i += 1
        if (
            i + 1 < len(after)
            and after[i].lower in ("a", "an", "the")
            and (after[i + 1].lower in self.months)
        ):  # "according to a March 14, 2019 NATO press release": the release
            i += 2
            while i < len(after) and (after[i].text[0].isdigit() or after[i].text == ","):
                i += 1
        # "according to figures from the ministry", "an exit poll released by the state
        # broadcaster": the ministry and the broadcaster are the sources.
        for size, skip in ((3, 0), (2, 0), (1, 0), (1, 1), (1, 2)):
            k = i + skip + size
            words = " ".join(t.lower for t in after[i + skip : k])
            if k < len(after) and after[k].lower in _ISSUED and k + 1 < len(after):
                k += 1
            if words in self.evidence and k < len(after) and after[k].lower in self.links:
                i = k + 1
                break
        subject: list[Token] = []
        while i < len(after) and len(subject) < _LONGEST_SUBJECT + 2:
            tok = after[i]
            low = tok.lower
            if len(subject) >= 8 and not (tok.text[:1].isupper() or low in _NAME_JOINS):
                break  # a long name goes on only in its own capitalised words
            if (
                tok.text == "."
                and subject
                and i + 1 < len(after)
                and after[i + 1].text[:1].isupper()
                and (merged := _abbreviated(after, i)) is not None
            ):
                subject[-1] = merged  # "..., said Lt. Col. Peter Lerner"
                i += 1
                continue
            if (
                low in self.claim_nouns
                and subject
                and (i + 1 >= len(after) or after[i + 1].text in _NOUN_NEXT)
            ):
                subject.append(tok)  # "according to preliminary reports,": the reports
                i += 1
                break
            if (
                not tok.text[0].isalpha()
                or (low in self.stops and low != "and")
                or low in self.verbs
                or (subject and _past_tense(low) and low not in self.adjectives)
            ):
                break  # "according to the emergencies ministry recovered": the ministry
            if (
                subject
                and low.endswith("ing")
                and tok.text.islower()
                and self._speaker_word(subject[-1].lower)
            ):
                break  # "estimates by government officials ranging from": the officials
            if low in self.preps and low not in ("of", "for"):
                break
            if low == "and" and not (
                (i + 1 < len(after) and after[i + 1].text[:1].isupper())
                or any(
                    t.lower in self.speakers or t.lower in self.heads for t in after[i + 1 : i + 4]
                )
            ):
                break  # but "police and county officials" is one source
            subject.append(tok)
            i += 1
        while subject and subject[-1].lower in (*self.preps, "and", "the"):
            subject.pop()
        # "customs data published by the ministry": the ministry is the source.
        if subject and subject[-1].lower in self.evidence and i + 1 < len(after):
            k = i + 1 if after[i].lower in ("published", "released", "compiled", "issued") else i
            if k < len(after) and after[k].lower in self.links:
                deeper = self._forward(after[k + 1 :])
                if deeper:
                    return deeper
        return subject

    def _closing(self, after: list[Token], subject: list[Token]) -> bool:
        """Whether the clause ends soon after the verb (or subject), with no statement after."""
        i = 0
        if subject:
            i = next((k + 1 for k, t in enumerate(after) if t.start == subject[-1].start), 0)
        for tok in after[i : i + 7]:
            if tok.text in (".", ",", ";", "!", "?", ":"):
                return tok.text != ":"
            if tok.lower == "that" or tok.text[0].isdigit() or tok.lower in self.counting:
                return False  # "organisers put the figure at half a million": a statement
        return i + 7 >= len(after)

    def _make(
        self,
        m: re.Match[str],
        subject: list[Token],
        stance: str,
        closing: bool,
        counter: bool,
        via: tuple[str, ...] = (),
        relay_start: int | None = None,
    ) -> Attribution | None:
        name = self._resolve(subject)
        if name is None:
            return None
        # the speakers' words, the relay's included: "Two officials, citing ..., said"
        span = (min(subject[0].start, relay_start or subject[0].start), subject[-1].end)
        start, end = min(span[0], m.start()), max(span[1], m.end())
        return Attribution(start, end, name, span, stance, closing, counter, via)

    def _resolve(self, subject: list[Token]) -> str | None:
        words = [t.text for t in subject]
        definite = words[0].lower() in ("the", "these", "those")
        while words and (
            words[0].lower() in ("the", "a", "an", "these", "those", "his", "her", "their", "its")
            or words[0].isdigit()
            or words[0].lower() in self.number_words
        ):
            words.pop(0)
        if not words:
            return None
        words = self._bare_name(words)
        head = words[-1].lower()
        if len(words) == 1 and head in self.pronouns:
            found = self._antecedent(self.pronouns[head], subject[0].start)
            if found is None:
                # "The central bank raised rates ..., it said": no source named before, so
                # the body the sentence opened with, if it can speak
                opening = self._opening(self.doc.sentence(subject[0].start), subject[0].start)
                if opening and opening[-1].start < subject[0].start:
                    found = self._resolve(opening)
                    return found
            if found:
                self.history.append(found)
            return found
        bare = len(subject) == 1 and _kind_of(head, self.plural, self.titles) == "plural"
        if definite or (len(words) == 1 and words[0].islower() and not bare):
            # "the ministry" points back to a ministry named before; "officials", with no
            # article, are any officials, not the authorities named before
            earlier = self._earlier(head, [w.lower() for w in words[:-1]])
            if earlier:
                self.history.append(earlier)
                return earlier
        name = " ".join(words)
        if words[0].endswith(("'s", "’s")) and words[0][:-2] in self.compiled.countries:
            name = " ".join([self.compiled.countries[words[0][:-2]], *words[1:]])
        self.history.append(name)
        return name

    def _bare_name(self, words: list[str]) -> list[str]:
        """A name without the evidence after it ("WHO's statistics", "NEOC data": WHO,
        NEOC) and without where it is ("Central Weather Bureau in Taiwan")."""
        if (
            len(words) > 1
            and words[-1].islower()
            and (
                words[-1] in self.trailing
                or words[-1] in ("statistics", "situation", "projections", "report", *_RECKONINGS)
            )
            and words[-2][:1].isupper()
        ):
            words = words[:-1]
            if words[-1].endswith(("'s", "’s")):
                words[-1] = words[-1][:-2]
        run = len(words)
        while run > 0 and words[run - 1][:1].isupper() and "'" not in words[run - 1]:
            run -= 1
        head = words[run - 1].lower() if run else ""
        if 1 < run < len(words) and head in self.heads and head not in self.titles:
            # "Turkey's disaster agency AFAD", "the medical charity MSF": the name
            return words[run:]
        if "in" in words[2:-1]:
            k = len(words) - 1 - words[::-1].index("in")
            if all(
                w[:1].isupper() or (0 < j < k and w in ("of", "for", "the", "and"))
                for j, w in enumerate(words[:k])
            ) and all(w[:1].isupper() for w in words[k + 1 :]):
                # a name of several words, then where it is: "Central Weather Bureau in
                # Taiwan", "the Health Minister for the Biobio Region in Chile"
                words = words[:k]
        return words

    def _earlier(self, head: str, modifiers: Sequence[str] = ()) -> str | None:
        """The latest name before that a definite description points back to: "the
        ministry" to "Russia's defence ministry"; "the foreign ministry" only to a
        foreign ministry, never an interior one."""
        family = {head}
        for members in self.generic.values():
            if head in members:
                family |= set(members)
        for name in reversed(self.history[-50:]):
            words = {w.lower() for w in name.split()}
            if family & words and all(m in words for m in modifiers):
                return name
        return None

    def _antecedent(self, kind: str, at: int = 0) -> str | None:
        for name in reversed(self.history[-50:]):
            if _kind_of(name, self.plural, self.titles) == kind:
                return name
        if kind == "person":
            # "Governor John Bel Edwards addressed the public: ... He said": the person a
            # sentence before opened with, though no reporting verb named them
            opened = None
            for m in _OPENING_NAME.finditer(self.text, max(0, at - 2000), at):
                opened = m.group("name")
            if opened is not None:
                return opened
        return self.history[-1] if self.history else None


def _abbreviated(tokens: list[Token], k: int) -> Token | None:
    """The abbreviation a full stop at ``tokens[k]`` ends ("Dr", "." as "Dr."), or None."""
    if k < 1:
        return None
    word, stop = tokens[k - 1], tokens[k]
    if word.end != stop.start or not word.text[:1].isupper():
        return None
    if _ABBREVIATION.search(word.text + ".") is None:
        return None
    return Token(word.start, stop.end, word.text + ".", word.lower + ".")


def _possessor(subject: list[Token]) -> list[Token]:
    """Whose count it is: "NBC's reckoning" is NBC's, "the police's own count" the police's."""
    k = next((k for k, t in enumerate(subject) if t.lower.endswith(("'s", "’s", "'", "’"))), -1)
    if k < 0:
        return []
    last = subject[k]
    cut = 2 if last.lower.endswith("s") else 1
    return [*subject[:k], last._replace(end=last.end - cut, text=last.text[:-cut],
                                        lower=last.lower[:-cut])]  # fmt: skip


def _kind_of(name: str, plural: frozenset[str], titles: frozenset[str]) -> str:
    words = name.lower().split()
    if words[-1] in plural or (words[-1].endswith("s") and not words[-1].endswith("ss")):
        return "plural"
    capitals = sum(1 for w in name.split() if w[:1].isupper())
    if any(w in titles for w in words) or (capitals >= 2 and capitals == len(words)):
        return "person"
    return "thing"


def _past_tense(word: str) -> bool:
    return len(word) > 3 and word.endswith("ed") and word.isalpha() and word.islower()


def _letter_name(before: list[Token], i: int) -> bool:
    """Whether before[i] is the letter of a name such as "Monitor A", not the article."""
    return i > 0 and before[i].text == "A" and before[i - 1].text[:1].isupper()


def _starts_name(after: list[Token]) -> bool:
    return bool(after) and (after[0].text[:1].isupper() or after[0].lower in ("the", "a", "an"))


_ACCORDING_AFTER = re.compile(r"\s*,\s*according\s+to\s+(?:the\s+)?", re.IGNORECASE)
_CITED_BY = re.compile(r"\s*,\s*(?:cited|quoted)\s+by\s+([^,;:.!?]+)")
_NAME_RUN = re.compile(r"(?:[A-Z][\w.&'’-]*\s*)+")


def _outlet(phrase: str) -> str | None:
    """The name at the end of "the Kenyan newspaper Daily Nation": its last run of
    capitalised words ("Daily Nation"), or None."""
    runs = _NAME_RUN.findall(phrase)
    return runs[-1].strip() if runs else None


def find_attributions(doc: Document, rules: ExtractRules) -> list[Attribution]:
    """Every attribution in the document, in order, with its source resolved."""
    reader = _Reader.on(doc, rules)
    found: list[Attribution] = []
    text = doc.text
    for m in reader.compiled.verbs.finditer(text):
        attribution = reader.continued(m, found[-1] if found else None) or reader.read(m)
        if attribution is None:
            continue
        last = found[-1] if found else None
        if (
            last is not None
            and last.cited
            and not last.via
            and not attribution.via
            and text[last.end : attribution.start].strip() == ","
        ):
            # "Citing hospital officials, Al Jazeera reported": the officials' claim, relayed
            attribution = attribution._replace(
                name=last.name,
                subject=(last.start, attribution.subject[1]),
                via=(attribution.name,),
            )
        elif (
            last is not None
            and not last.via
            and last.closing
            and (outlet := _outlet(attribution.name)) is not None
            and _ACCORDING_AFTER.fullmatch(text, last.end, attribution.subject[0]) is not None
        ):
            # "..., the agency said, according to AFP" (or "the state news agency SUNA"):
            # the agency's claim, relayed by the outlet
            found[-1] = last._replace(via=(outlet,))
            continue
        elif (
            last is not None
            and attribution.cited
            and not last.cited
            and not last.via
            and not attribution.via
            and last.closing
            and text[last.end : attribution.start].strip() == ","
        ):
            # "..., the UN refugee agency said, citing survivors": the survivors' claim,
            # relayed by the agency, for what the agency's words covered
            found[-1] = last._replace(
                name=attribution.name,
                subject=(last.subject[0], attribution.subject[1]),
                via=(last.name,),
                cited=True,
            )
            continue
        if attribution.closing and not attribution.via:
            cited_by = _CITED_BY.match(text, attribution.end)
            outlet = _outlet(cited_by.group(1)) if cited_by else None
            if outlet:  # "..., the Civil Defence agency said, cited by Reuters"
                attribution = attribution._replace(via=(outlet,))
        found.append(attribution)
    return found


def _denial(rules: ExtractRules) -> re.Pattern[str]:
    s = rules.section("sources")
    cues = alternation([*s["denial_cues"], *s["deny_verbs"]])
    nouns = alternation(s["claim_nouns"])
    # the cue, a few words ("to", "for", "as false") and the claim noun, or the cue alone
    # ("it was false that"), then "that" and the start of the clause the figure is in,
    # with no punctuation between
    return re.compile(
        rf"{cues}\s+(?:(?:[^\s,;:.!?]+\s+){{0,4}}?{nouns}\s+)?that\s+[^,;:.!?\"“”]{{0,80}}$",
        re.IGNORECASE,
    )


def denied_report(doc: Document, rules: ExtractRules, figure: tuple[int, int]) -> bool:
    """Whether a figure is in what a denial calls untrue: "denied reports that 45",
    "there was no truth to reports that 23", "no basis for claims that 300", "it was
    false that 30"."""
    start = figure[0]
    low = max(doc.sentence(start)[0], start - 160)
    if "that" not in doc.text[low:start].lower():  # every denial runs up to "that"
        return False
    return rules.compiled("sources.denial", _denial).search(doc.text, low, start) is not None


def choose_attributions(
    attributions: list[Attribution],
    starts: list[int],
    figure: tuple[int, int],
    sentence: tuple[int, int],
) -> list[Attribution] | None:
    """The attributions a figure falls under: its asserting source, and any counter-denial."""
    start, end = figure
    # Only attributions near the figure count, so a long sentence costs no more per figure.
    lo = bisect.bisect_left(starts, max(sentence[0], start - 2 * _WINDOW))
    hi = bisect.bisect_left(starts, min(sentence[1], end + 2 * _WINDOW))
    here = attributions[lo:hi]
    # "According to police and county officials, Zhukovskyy was driving ... killing seven":
    # what opens a sentence covers it to the end, however long
    first = bisect.bisect_left(starts, sentence[0])
    if first < lo and attributions[first].opens and attributions[first].start <= sentence[0] + 3:
        here = [attributions[first], *here]
    if any(a.subject[0] <= start and end <= a.subject[1] for a in here):
        return None  # the number belongs to who is speaking: "two officials said"
    here = [a for a in here if a.start < sentence[1] and a.end > sentence[0]]
    if not here:
        return []
    counters = [a for a in here if a.counter and a.start >= end]
    main = [a for a in here if not a.counter] or here
    # "The hotel's website estimated 120 people": the verb is read as the figure's hedge
    before = [a for a in main if a.end <= start or (a.start < start and a.end <= end)]
    after = [a for a in main if a.start >= end]
    # "X said ..." covers what follows it; "..., X said" what comes before (and after,
    # for "43% were intercepted, they said, and about half ..."); nothing else does.
    chosen = next((a for a in reversed(before) if not a.closing or a.opens), None)
    closer = next((a for a in after if a.closing), None)
    if (
        chosen is not None
        and chosen.weak
        and closer is not None
        and not closer.weak
        and (" " in closer.name or closer.name[:1].isupper())
    ):
        # "Congo has recorded 537 deaths, the health minister said": the minister speaks;
        # but "Dunmere police recorded ..., the force said" is the police, named again
        chosen = closer
    chosen = chosen or closer
    chosen = chosen or (before[-1] if before else None)
    if chosen is None:
        return counters
    return [chosen, *[c for c in counters if c is not chosen]]


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _owned_document(
    rules: ExtractRules, subject: list[Token], words: list[Token], i: int
) -> Attribution | None:
    """The body whose document a sentence opens with ("The NHC's 5 p.m. update placed
    the storm 120 miles ...", "The agency's latest figures show"): the body gives what
    the document says, whatever its verb."""
    last = subject[-1]
    if not _POSSESSIVE_END.search(last.text) or not last.text[:1].isupper():
        return None
    nouns = rules.words("sources", "document_nouns")
    for tok in words[i : i + 8]:
        if tok.lower in nouns:
            name = " ".join([*(t.text for t in subject[:-1]), _POSSESSIVE_END.sub("", last.text)])
            span = (subject[0].start, last.end)
            return Attribution(span[0], tok.end, name, span, "asserts", False, False)
        if tok.text in (".", ";"):
            break
    return None


_ACRONYM = re.compile(r"[A-Z][A-Z&.]{2,}s?")
_SUBJECT_WORD = re.compile(r"[A-Za-z][\w.’'&-]*")


def sentence_subject(
    doc: Document, rules: ExtractRules, sentence: tuple[int, int], before: int
) -> Attribution | None:
    """The body a sentence opens with, as the source of what it did ("The agency tracked
    537 cases", "Forecasters predict winds of 80 km/h", "On Monday, the U.S. Forest
    Service closed all eight forests"), when its verb comes before ``before``.

    Only a subject that can speak counts: a head word of a body or speaker
    ("agency", "officials", "minister") or an acronym ("USGS"); "Floods killed 18"
    and "Biden secured 39 delegates" name no source.
    """
    reader = rules.compiled("sources.reader", _Reader)
    words = doc.tokens(sentence[0], min(before, sentence[0] + 200))
    openers = rules.words("sources", "subject_openers")
    i = 0
    if words and words[0].lower in openers:
        comma = next((k for k, t in enumerate(words[:10]) if t.text == ","), -1)
        if comma < 0:
            return None
        i = comma + 1
    while i < len(words) and words[i].lower in ("the", "a", "an"):
        i += 1
    subject: list[Token] = []
    while i < len(words) and len(subject) < 12:
        tok = words[i]
        if tok.text == "(":  # "(NDRRMC)": an acronym of the name before it
            close = next((k for k in range(i, min(len(words), i + 6)) if words[k].text == ")"), -1)
            if close < 0:
                return None
            i = close + 1
            continue
        joins = tok.lower in ("of", "for", "and", "on", "the") and subject
        if not (_SUBJECT_WORD.fullmatch(tok.text) and (tok.text[:1].isupper() or joins)):
            if (
                tok.text[:1].islower()
                and tok.lower in reader.speakers
                and not any(t.text[:1].isupper() for t in subject[1:])
            ):
                subject.append(tok)  # "the prime minister", "local officials"
                i += 1
                continue
            if tok.text[:1].islower() and tok.lower not in reader.verbs and not subject:
                subject.append(tok)  # "health officials": a lowercase modifier first
                i += 1
                continue
            break
        subject.append(tok)
        i += 1
    while subject and subject[-1].lower in ("of", "for", "and", "on", "the"):
        subject.pop()
    if not subject or i >= len(words):
        return None
    owned = _owned_document(rules, subject, words, i)
    if owned is not None:
        return owned
    lows = [t.lower for t in subject]
    if (
        "of" in lows[1:]
        and lows[lows.index("of") - 1] in reader.heads
        and " ".join(t.text for t in subject[lows.index("of") + 1 :]).removeprefix("the ")
        in reader.compiled.countries
    ):
        # "The National Disaster Council (NDRRMC) of the Philippines": the council
        subject = subject[: lows.index("of")]
    verb = words[i]
    # "The agency has tracked", "The ministry has successfully vaccinated"
    while (
        verb.lower in ("has", "have", "had", "also", "now", "since", "already")
        or (verb.lower.endswith("ly") and verb.text.islower() and len(verb.lower) > 4)
    ) and i + 1 < len(words):
        i += 1
        verb = words[i]
    head = subject[-1]
    if verb.lower not in rules.words("sources", "subject_verbs") and not (
        # "The U.S. Forest Service closed all eight forests", "The National Disaster
        # Council increased the toll to six": a named body says what it did itself
        head.text[:1].isupper()
        and head.lower in reader.heads
        and head.lower not in reader.titles
        and head.lower not in rules.words("sources", "acting_heads")
        and _past_tense(verb.lower)
    ):
        return None  # "Police detained eight people": what they did, counted by the outlet
    speaks = head.lower in reader.speakers or head.lower in reader.heads
    if not speaks and not (len(subject) == 1 and _ACRONYM.fullmatch(head.text)):
        return None
    name = " ".join(t.text for t in subject)
    span = (subject[0].start, subject[-1].end)
    return Attribution(span[0], verb.end, name, span, "asserts", False, False)
