"""Extraction: from news text to claims, with who said it, where and when.

>>> claims = extract("The ministry said 45 drones were destroyed over Bryansk on Wednesday.",
...                  published="2024-08-22")
>>> [(c.source.name, c.measure, c.figure.value, c.place, str(c.period)) for c in claims]
[('ministry', 'drones destroyed', 45, 'Bryansk', '2024-08-21')]

Everything extract knows about prose is data in ``claimtrack/extraction/data``;
``ExtractRules.default().extend({...})`` adds words and patterns, and
``extract(..., rules=...)`` uses them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Sized
from typing import Any, NamedTuple

from .._format import Progress
from .._format import progress as _progress_bar
from .._units import dimension
from ..errors import ParseError, ValidationError
from ..figure import HedgePolicy
from ..measures import MeasureLexicon
from ..model import Claim, Period, Source
from .document import Document
from .figures import Found, Zones, find_figures, skipped
from .periods import PeriodMention, choose_mention, find_periods
from .phrases import MeasureReader, Reading
from .places import (
    PlaceMention,
    choose_place,
    demonym_countries,
    find_places,
    part_markers,
    place_kind,
)
from .rules import ExtractRules, alternation
from .sources import (
    Attribution,
    choose_attributions,
    denied_report,
    find_attributions,
    sentence_subject,
)

__all__ = ["extract", "extract_all"]


def _homes(rules: ExtractRules) -> tuple[dict[str, str], frozenset[str]]:
    """Each demonym's country ("sudanese": "Sudan", "u.s.": "United States"), and the countries
    themselves."""
    demonyms: dict[str, str] = rules.section("sources")["demonyms"]
    homes = dict(demonym_countries(rules))
    homes.update({"u.s.": "United States", "us": "United States", "uk": "United Kingdom"})
    return homes, frozenset(demonyms)


# A sentence's opening word or two (past "The"), to find a country it starts with.
# the country a sentence opens with, when it is the whole name ("United States Senator
# Bernie Sanders" opens with a senator, not with the United States)
_OPENING = re.compile(r"\s*(?:The\s+)?((?:[A-Z][\w.]*)(?:\s+[A-Z][\w.]*)?)(?!\s+[A-Z])")


class _Previous(NamedTuple):
    """The figure before, for what a reader carries over: "six over Belgorod"."""

    paragraph: int
    noun: str | None
    event: str | None
    measure: str
    share_of: str | None
    source: str
    place: str | None
    period: Period | None
    toll: bool = False  # its measure is a named one ("deaths", "magnitude")
    sentence: int = -1  # the index of its sentence


def _published(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ParseError("published", value, "a date or a YYYY-MM-DD string")


_EXCERPT = 300  # characters kept either side of a figure when its sentence is longer


def _excerpt(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> str:
    """The sentence a figure is in; around the figure only, when the sentence is huge."""
    start, end = sentence
    if end - start > 3 * _EXCERPT:
        start, end = max(start, span[0] - _EXCERPT), min(end, span[1] + _EXCERPT)
    return text[start:end].strip()


def extract(
    text: str,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    *,
    rules: ExtractRules | None = None,
    measures: MeasureLexicon | None = None,
    policy: HedgePolicy | None = None,
) -> list[Claim]:
    """The claims a text makes, in order, each with the span of its figure.

    Parameters
    ----------
    text
        News prose.
    published
        The publication date; relative times ("on Wednesday", "four days ago")
        resolve against it, and stay undated without it.
    outlet
        Who published the text: the source of figures nobody else is said to have
        given, and the ``via`` of those that someone is.
    rules
        The word lists and patterns to read with (``ExtractRules.default()``).
    measures
        The measure lexicon that normalises measure phrases.
    policy
        The hedge policy that gives vague figures their intervals.

    Returns
    -------
    list of Claim
        One claim per figure and source; a denied figure also gives a claim with
        ``stance="denies"`` for the source that denied it.

    Raises
    ------
    ValidationError
        When ``text`` is not a string, or ``outlet``, ``rules``, ``measures`` or
        ``policy`` is not what it should be; ``ParseError`` when ``published`` is no
        date. Nothing in the text raises: a phrase that cannot be a claim is left
        out and reported as a ``SkippedPhraseWarning``.
    """
    if not isinstance(text, str):
        raise ValidationError("text", text, "a string of news prose")
    day = _published(published)
    if outlet is not None and not isinstance(outlet, str):
        raise ValidationError("outlet", outlet, "the outlet's name as a string")
    outlet = " ".join(outlet.split()) if outlet else None
    for name, given, kind in (
        ("rules", rules, ExtractRules),
        ("measures", measures, MeasureLexicon),
        ("policy", policy, HedgePolicy),
    ):
        if given is not None and not isinstance(given, kind):
            raise ValidationError(name, given, f"a {kind.__name__} (or None for the default)")
    rules = rules or ExtractRules.default()
    doc = Document(text)
    periods = find_periods(doc, rules, day)
    zones = [Zones([(p.start, p.end) for p in periods])]
    found = _within_bounds(doc, find_figures(doc, rules, policy or HedgePolicy(), zones))
    if not found:
        return []
    return _claims(doc, rules, found, periods, day, outlet, measures or MeasureLexicon.default())


#: The most figures one sentence is read for. Prose holds a handful a sentence; a run
#: of thousands with no sentence end is a dump (a table pasted without its line ends, a
#: hostile text), whose figures have no speaker, place or measure a reader would stand
#: behind, and reading each in context costs its own time: such a sentence is skipped
#: and reported, and the rest of the text is read.
MOST_FIGURES_A_SENTENCE = 10_000


def _within_bounds(doc: Document, found: list[Found]) -> list[Found]:
    """The figures of sentences that hold at most ``MOST_FIGURES_A_SENTENCE``; each
    sentence over it is reported as a ``SkippedPhraseWarning`` and left out."""
    if len(found) <= MOST_FIGURES_A_SENTENCE:
        return found
    indexes = [doc.sentence_index(figure.start) for figure in found]
    counts = Counter(indexes)
    over = {i for i, n in counts.items() if n > MOST_FIGURES_A_SENTENCE}
    if not over:
        return found
    for index in sorted(over):
        start = doc.sentence_starts[index]
        end = doc.sentence(start)[1]
        error = ValidationError(
            "text",
            f"a sentence of {end - start:,} characters holding {counts[index]:,} figures",
            f"at most {MOST_FIGURES_A_SENTENCE:,} figures a sentence (split the text at its"
            " sentence or line ends)",
        )
        skipped(start, end, doc.text[start : min(end, start + 60)], error, depth=4)
    return [f for f, index in zip(found, indexes, strict=True) if index not in over]


def extract_all(
    documents: Iterable[str | Mapping[str, Any]],
    published: dt.date | str | None = None,
    outlet: str | None = None,
    *,
    rules: ExtractRules | None = None,
    measures: MeasureLexicon | None = None,
    policy: HedgePolicy | None = None,
    progress: Progress = None,
) -> list[Claim]:
    """The claims of many texts, each read by ``extract`` in turn, with a progress bar.

    Parameters
    ----------
    documents
        Texts, or articles as mappings with ``text`` and optionally ``published``
        and ``outlet`` (the records of a JSON Lines corpus, the rows of
        ``DataFrame.to_dict("records")``).
    published, outlet
        For the documents that do not give their own.
    rules, measures, policy
        As for ``extract``.
    progress
        None: a bar (tqdm's, in a terminal or a notebook) from 20 documents, as
        ``claimtrack.options.progress`` allows; True or False to force one or none;
        or a callable given (done, total) after each document.

    Returns
    -------
    list of Claim
        The claims of the first document, then the second's, and so on.

    Raises
    ------
    ValidationError
        When a document is neither a text nor a mapping with a ``text``, naming
        which one; and as ``extract`` does.
    """
    if isinstance(documents, (str, Mapping)):
        raise ValidationError("documents", documents, "many texts or articles, not one")
    rules = rules or ExtractRules.default()
    measures = measures or MeasureLexicon.default()
    total = len(documents) if isinstance(documents, Sized) else 0
    claims: list[Claim] = []
    with _progress_bar("extracting", total, progress, "texts", minimum=20) as tick:
        for i, document in enumerate(documents):
            day, source = published, outlet
            if isinstance(document, Mapping):
                if not isinstance(document.get("text"), str):
                    raise ValidationError(
                        f"documents[{i}].text", document.get("text"), "the article's text"
                    )
                text = document["text"]
                day = document.get("published") or published
                source = document.get("outlet") or outlet
            elif isinstance(document, str):
                text = document
            else:
                raise ValidationError(f"documents[{i}]", document, "a text or an article")
            claims += extract(text, day, source, rules=rules, measures=measures, policy=policy)
            tick(1)
    return claims


_QUOTES = ('"', "“", "‘", "'")


def _quoted_on(
    doc: Document, attributions: list[Attribution], starts: list[int], sentence: tuple[int, int]
) -> list[Attribution]:
    """A quotation that runs on from the sentence before takes that sentence's speaker:
    '"We shot down 30," the spokesman said. "Another 12 were jammed."'."""
    if not doc.text[sentence[0] : sentence[1]].lstrip().startswith(_QUOTES) or not sentence[0]:
        return []
    previous = doc.sentence(sentence[0] - 1)
    if doc.paragraph_index(previous[0]) != doc.paragraph_index(sentence[0]):
        return []
    i = bisect.bisect_left(starts, sentence[0]) - 1
    if i < 0 or attributions[i].start < previous[0] or attributions[i].counter:
        return []
    if not doc.text[previous[0] : previous[1]].lstrip().startswith(_QUOTES):
        return []
    return [attributions[i]]


class _Context(NamedTuple):
    """What every figure of one text is read against: the attributions and places found
    in it, and the word lists the assembler steps look things up in."""

    doc: Document
    rules: ExtractRules
    found: list[Found]
    periods: list[PeriodMention]
    period_starts: list[int]
    attributions: list[Attribution]
    attribution_starts: list[int]
    places: list[PlaceMention]
    place_starts: list[int]
    homes: dict[str, str]
    countries: frozenset[str]
    parts: re.Pattern[str]
    reader: MeasureReader
    day: dt.date | None
    outlet: str | None
    fallback: str
    lexicon: MeasureLexicon
    quotes: list[int]  # where quotation marks are, to tell what is inside a quotation
    answers: list[re.Match[str]]  # interview answers' speaker marks: "((Name))"
    # the words of the text that name a measure ("deaths"): where each ends, and what it
    # names, found on first asking (see _named_before)
    named: dict[str, list[Any]]
    cues: dict[str, _Spans]  # punctuation and kind cues, found on first asking (_kind_of)


def _source(ctx: _Context, name: str) -> Source:
    """The source of a figure: the outlet itself is media (``kind="media"``); a
    speaker named as one country's body ("Zambia's electoral commission", "the
    Ukrainian interior ministry") is known also by the body's name alone, the name a
    later report gives it ("the electoral commission said"), so that both are one
    origin."""
    if name == ctx.outlet:  # the outlet in its own voice: media, which counts nothing itself
        return Source(name, kind="media")
    country, _, body = name.partition(" ")
    if body and country.lower() in ctx.homes and body[:1].islower():
        return Source(name, aliases=(body,))
    return Source(name)


#: The place a speaker's possessive points back to, by the word for it: "the state's
#: chief secretary" after Odisha is Odisha's (a key with "-" is a province, ":" a city).
_OWNER_KINDS = {
    **dict.fromkeys(("country", "nation"), "country"),
    **dict.fromkeys(
        ("state", "province", "region", "oblast", "governorate", "prefecture", "county"),
        "division",
    ),
    **dict.fromkeys(("city", "town"), "city"),
}
_OWNER = re.compile(r"(?P<kind>[a-z]+)['’]s\s+(?P<rest>\S.*)")


def _owners_named(
    attributions: list[Attribution], places: Sequence[PlaceMention]
) -> list[Attribution]:
    """Speakers named by the kind of place they serve ("the state's chief secretary",
    "the country's health ministry"), named by the latest place of that kind before
    them ("Odisha's chief secretary"), so that they are one speaker with the same
    body named outright."""
    out = []
    for a in attributions:
        m = _OWNER.fullmatch(a.name)
        kind = _OWNER_KINDS.get(m.group("kind")) if m is not None else None
        if m is not None and kind is not None:
            before = [p.name for p in places if p.end <= a.subject[0]]
            owner = next((n for n in reversed(before) if place_kind(n) == kind), None)
            if owner is not None:
                a = a._replace(name=f"{owner}'s {m.group('rest')}")
        out.append(a)
    return out


# "Commissioner Jane Roe of the state police": a person's name, then where they serve
_PERSON_OF = re.compile(
    r"(?P<person>(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w'’-]+)\s+(?:of|from|at)\s+(?:the\s+)?\S.*"
)


def _people_named(rules: ExtractRules, attributions: list[Attribution]) -> list[Attribution]:
    """Speakers named as a person and the body they serve ("Chief Inspector Jane Roe of
    the Dayton police") by the person alone, as a reader cites them; a body's name with
    "of" ("the Bank of England", "the United States Department of State") stays whole."""
    out = []
    for a in attributions:
        m = _PERSON_OF.fullmatch(a.name) if " of " in a.name or " from " in a.name else None
        if m is not None:
            words = [w.lower() for w in m.group("person").split()]
            not_people = (
                rules.words("sources", "source_heads")
                | rules.words("sources", "not_person_words")
                | rules.words("sources", "plural_heads")
            )
            titles = rules.words("sources", "person_titles")
            named = [w for w in words if w not in titles]
            if (
                len(named) >= 2
                and not any(w in not_people for w in named)
                and place_kind(m.group("person")) is None
            ):
                a = a._replace(name=m.group("person"))
        out.append(a)
    return out


# "a survey published in 2017 by the Royal Society": who made the document
_AUTHOR = re.compile(
    r"\s+(?:(?:published|released|conducted|issued|compiled|commissioned|carried\s+out)\s+)?"
    r"(?:(?:in|on|last|this)\s+\S+\s+)?(?:by|from)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.'’-]*){0,7})"
)


def _authors_named(
    text: str, rules: ExtractRules, attributions: list[Attribution]
) -> list[Attribution]:
    """A document named as the source ("according to a survey") by whoever made it, when
    the words after it say so ("a survey published in 2017 by the Royal Society")."""
    nouns = rules.words("sources", "document_nouns")
    out = []
    for a in attributions:
        if a.name.lower() in nouns:
            m = _AUTHOR.match(text, a.subject[1], min(len(text), a.subject[1] + 160))
            if m is not None:
                a = a._replace(name=m.group("name"))
        out.append(a)
    return out


def _context(
    doc: Document,
    rules: ExtractRules,
    found: list[Found],
    periods: list[PeriodMention],
    day: dt.date | None,
    outlet: str | None,
    lexicon: MeasureLexicon,
) -> _Context:
    """Find what the figures are read against, once per text."""
    mentioned = find_places(doc, rules)
    attributions = _people_named(rules, _owners_named(find_attributions(doc, rules), mentioned))
    attributions = _authors_named(doc.text, rules, attributions)
    speakers = {a.name for a in attributions}
    # "according to Outlet B": a name that speaks is not where a figure holds, nor is an
    # owner in the speaker's words ("Russia's defence ministry said Ukraine lost ...")
    spoken = Zones(sorted({a.subject for a in attributions}))
    places = [
        p
        for p in mentioned
        if p.name not in speakers and not ((p.owner or p.bare) and spoken.touches(p.start, p.end))
    ]
    homes, countries = rules.compiled("sources.homes", _homes)
    return _Context(
        doc=doc,
        rules=rules,
        found=found,
        periods=periods,
        period_starts=[p.start for p in periods],
        attributions=attributions,
        attribution_starts=[a.start for a in attributions],
        places=places,
        place_starts=[p.start for p in places],
        homes=homes,
        countries=countries,
        parts=part_markers(rules),
        reader=rules.compiled("measures.reader", MeasureReader),
        day=day,
        outlet=outlet,
        fallback=outlet or str(rules.section("sources")["unattributed"]),
        lexicon=lexicon,
        quotes=[m.start() for m in _QUOTE_MARKS.finditer(doc.text)],
        answers=list(_INTERVIEW.finditer(doc.text)) if "((" in doc.text else [],
        named={},
        cues={},
    )


def _place_of(
    ctx: _Context,
    index: int,
    span: tuple[int, int],
    sentence: tuple[int, int],
    clause: tuple[int, int],
    chosen: list[Attribution],
    same_event: str | None = None,
    scene: bool = False,
) -> str | None:
    """Where a figure holds: a place named near it, else that of the toll before it
    (``same_event``), else its speaker's country, else the country its sentence opens
    with."""
    text, found = ctx.doc.text, ctx.found
    following = found[index + 1].start if index + 1 < len(found) else len(text)
    place = choose_place(
        text, ctx.parts, ctx.places, ctx.place_starts, span, clause[1], sentence, following
    )
    if place is None:
        place = same_event
    if place is None and scene:
        place = _scene(ctx, sentence)
    if place is None and chosen:
        # "Sudan's health ministry said cholera had killed 78": with no place named, a
        # national body's figures are of its own country
        place = ctx.homes.get(chosen[0].name.split()[0].lower())
        owner = _SPEAKER_PLACE.fullmatch(chosen[0].name) if place is None else None
        if (
            owner is not None
            and not owner.group(1).isupper()  # "PG&E" is no country code
            and place_kind(owner.group(1)) in ("country", "division")
        ):
            # "Bangladesh has confirmed five deaths", "California's health department
            # reported 40": a country or province speaks of its own figures
            place = owner.group(1)
    if place is None:
        # "Belarus pardoned 30 prisoners", "U.S. employers added 114,000 jobs": the
        # country the sentence opens with
        opening = _OPENING.match(text, sentence[0])
        if opening is not None:
            word = opening.group(1)
            place = word if word in ctx.countries else ctx.homes.get(word.lower())
    if place is None:
        # "the weakness in the U.S. economy was reflected in a 70 percent jump": a
        # country's adjective before a noun, in the figure's clause before it, within a
        # window (read from the sentence's start, a sentence with no end made every
        # figure read all of it again: time in the square of its length)
        start = max(sentence[0], span[0] - _ADJECTIVE_WINDOW)
        for m in _ADJECTIVE.finditer(text, start, span[0]):
            place = ctx.homes.get(m.group(1).lower())
            if place is not None:
                break
    return place


# A speaker that is a place, or a place's body: "Bangladesh", "Brazil's space institute".
_SPEAKER_PLACE = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}?)(?:['’]s\s.*)?")


def _scene(ctx: _Context, sentence: tuple[int, int]) -> str | None:
    """Where the event the paragraph reports happened: the last place named, not as
    an owner, origin or bare actor, in the sentence before this one ("A bus overturned
    in Babyninsky, Russia. At least seven died.")."""
    index = ctx.doc.sentence_index(sentence[0])
    if index == 0:
        return None
    previous = ctx.doc.sentence(ctx.doc.sentence_starts[index - 1])
    if ctx.doc.paragraph_index(previous[0]) != ctx.doc.paragraph_index(sentence[0]):
        return None
    j = bisect.bisect_left(ctx.place_starts, sentence[0]) - 1
    while j >= 0 and ctx.places[j].start >= previous[0]:
        mention = ctx.places[j]
        if not (mention.owner or mention.origin or mention.bare):
            return mention.name
        j -= 1
    return None


class _Measured(NamedTuple):
    """What a figure measures, with what the reading of its words said."""

    noun: str | None
    event: str | None
    measure: str
    carried: bool  # the noun was carried over from the figure before
    reading: Reading
    rising: bool = False  # "the death toll rose to 40": a running total, to date


def _measure_of(
    ctx: _Context,
    index: int,
    figure: Found,
    sentence: tuple[int, int],
    before: _Previous | None,
    normalized: dict[str, str],
) -> _Measured:
    """The measure phrase around a figure, with what it lacks carried from the figure
    before it in the paragraph ("six over Belgorod"), normalised by the lexicon."""
    text = ctx.doc.text
    reading = ctx.reader.read(ctx.doc, (figure.start, figure.end), sentence)
    unit = figure.figure.unit
    noun, event = reading.noun, reading.event
    level = reading.level and before is not None  # "by 50 basis points to 5.25%"
    carried = noun is None and (unit in (None, "%") or level) and before is not None
    if carried and before is not None:
        noun = before.noun
        event = event or (before.event if reading.event is None else None)
        if before.sentence != ctx.doc.sentence_index(figure.start):
            # "Some estimated death tolls ... exceeded 100": its own sentence names it
            named = _named_before(ctx, figure.start, sentence)
            if named is not None:
                noun, event, carried = named, None, False
    elif event is None and before is not None and index > 0:
        # "wounded 17 people, including four children": a part named right after its
        # marker shares the whole's event (not "several of them over Podolsk, a town
        # about 24 miles south", whose marker is the several's)
        marks = list(ctx.parts.finditer(text, ctx.found[index - 1].end, figure.start))
        if marks and not text[marks[-1].end() : figure.start].strip():
            event = before.event
    # "the index fell 6%": a share right after a change verb is the change
    changed = reading.change or (reading.changed and unit == "%" and not reading.level)
    if (
        carried
        and before is not None
        and unit == "%"
        and reading.event is None
        and _ELLIPTICAL.search(text, max(0, figure.start - 40), figure.start)
    ):
        # "Chile's index fell six percent and Brazil's ten percent": the change goes on
        changed = changed or before.measure.endswith(" change")
    change = "change" if changed and noun else None
    # "EVD outbreak mortality rates": a long noun is named by its head and the word
    # before it (but "missiles and drones" is two things, and "suspected" stays)
    head = noun
    if (
        noun
        and len(noun.split()) > 3
        and not {"and", "or"} & set(noun.lower().split())
        and ctx.lexicon.measure(noun) not in ctx.lexicon.named  # "the toll of the event"
    ):
        kept = [w for w in noun.split()[:-2] if w.lower() in ctx.lexicon.qualifiers]
        head = " ".join([*kept, *noun.split()[-2:]])
    head = _plain(ctx, head)
    words = " ".join(w for w in (head, event, change) if w)
    if words not in normalized:
        normalized[words] = ctx.lexicon.measure(words) if words else ""
    measure = normalized[words]
    if not measure and unit is None:
        # "The death toll in the Philippines from Typhoon Marisol, which struck on
        # Sunday, rose to 27": the measure named before the aside
        measure = _named_before(ctx, figure.start, sentence) or ""
    if measure in ctx.reader.aggregates and before is not None:
        measure = before.measure  # "organisers put the figure at half a million"
    if (
        carried
        and before is not None
        and (
            not measure
            or (
                reading.noun is None
                and reading.event is None
                and change is None
                and not reading.level
                and not before.measure.endswith(" change")
            )
        )
    ):
        # "followed by Biden, with 54": what the 60 before counts; "sentenced to fourteen
        # years, serving eight": the same measure, read off the unit the first one had
        measure = before.measure
    if not measure and unit is None:
        # "Sanders had the most delegates, with 60": the things counted, named before
        back = _plural_before(ctx, figure.start, sentence)
        measure = ctx.lexicon.measure(back) if back else ""
    measure = measure or ctx.reader.fallback_for(dimension(unit))
    value = figure.figure.value
    if unit is None and 1 <= value < 10 and value != int(value):
        # "the USGS measured the quake at 6.4": a reading on the scale of what it measured
        scale = next((ctx.reader.scales_of[w] for w in words.lower().split()
                      if w in ctx.reader.scales_of), None)  # fmt: skip
        measure = scale or measure
    # "47.42 seconds", "2 hours 1 minute 39 seconds": a time in seconds, written as a word
    timed = unit is None and (
        _SECONDS.match(text, figure.end) is not None
        or figure.figure.text.lower().endswith(("seconds", "second"))
        or figure.figure.text.count(":") == 2  # "2:14:04"
    )
    if (unit is not None or timed) and not reading.change:
        # "75 miles from the islands" is a distance, "40 years in prison" a prison term
        span = (figure.start, figure.end)
        kind = "duration" if timed else dimension(unit)
        measure = ctx.reader.by_dimension(ctx.doc, span, kind) or measure
    if (
        event is None
        and noun
        and _persons(ctx, noun.lower().split()[-1])
        and measure not in ctx.lexicon.named
        # "the bus, carrying 40 passengers, ..., killing 12": those it held, not a toll
        and not ctx.reader.holding.search(text, max(sentence[0], figure.start - 30), figure.start)
    ):
        # "150 security forces, 95 civilians, and hundreds of Taliban killed", "One child
        # was, according to the fire service, among the dead": who was counted, and what
        # happened to them later in the sentence
        measure = (
            _named_after(ctx, figure.end, sentence)
            # "resulted in the death of all 33 passengers": the toll named just before
            or _named_before(ctx, figure.start, (max(sentence[0], figure.start - 25), 0))
            # "the fatalities included four males and one female": a list of who it was
            or _listed(ctx, figure.start, sentence)
            or measure
        )
        if (
            measure not in ctx.lexicon.named
            and before is not None
            and before.toll
            and before.sentence == ctx.doc.sentence_index(figure.start)
        ):
            # "killed at least 62, including 54 small children", "20 bodies had been
            # recovered, eleven women and nine men": who the toll before counted
            measure = before.measure
    if (
        before is not None
        and index > 0
        and before.sentence == ctx.doc.sentence_index(figure.start)
        and (to := _TO.match(text, ctx.found[index - 1].end, figure.start)) is not None
        and (
            _FROM.search(text, max(0, ctx.found[index - 1].start - 12), ctx.found[index - 1].start)
            # "won 45 points to 24", "a 22 points to 10 win": a score
            or (before.noun is not None and to.group(0).split()[:-1] == before.noun.split())
        )
    ):
        measure = before.measure  # "the toll rose from five people to six"
    if unit is None and _is_score(ctx, figure.start, figure.end, sentence):
        measure = ctx.reader.score_measure  # "Maroochydore defeated Caboolture 43–5"
    if (
        unit == "%"
        and noun
        and not carried
        and not reading.of_them
        # "43% of the missiles fired were intercepted": a share of the event, kept apart
        and (event is None or all(w in ctx.lexicon.generic for w in event.lower().split()))
        and _SHARE_OF.match(text, figure.end)
        and not measure.endswith((" change", " share", " rate", "share"))
    ):
        # "52.3 percent of the vote", "30 percent of state seats": a share of the thing
        measure = ctx.lexicon.measure(f"{measure} share")
    elif carried and before is not None and before.measure == f"{measure} share":
        measure = before.measure  # "..., while Trump took 46.9%": the same share
    if (
        unit is None
        and not measure.endswith(" change")
        and ctx.reader.net_change.search(text, max(sentence[0], figure.start - 40), figure.start)
    ):
        # "the party gained 66 seats", "Labour lost 42", "netted an additional 66 seats":
        # a change in a count that goes up and down, not the count
        head = head or ""
        thing = head.lower().split()[-1:] or [""]
        if thing[0] in ctx.reader.net_change_nouns:
            measure = ctx.lexicon.measure(f"{thing[0]} change")
        elif before is not None and before.measure.endswith(" change") and not head[:1].islower():
            measure = before.measure
    if (
        unit == "%"
        and measure == ctx.reader.fallback_for("percent")
        and _POLLED.search(text, max(sentence[0], figure.start - 40), figure.start)
    ):
        # "Jones got 48 percent", "Brown won 3%": a share a candidate won is of the vote
        measure = ctx.lexicon.measure("vote share")
    if (
        unit is None
        and all(
            w in ctx.lexicon.generic or w == ctx.reader.fallback_for("count")
            for w in measure.replace("on board", "").split()
        )
        and (
            _ABOARD.match(text, figure.end)
            # "the plane, carrying 132 people, crashed": those it held
            or _CARRYING.search(text, max(sentence[0], figure.start - 40), figure.start)
        )
    ):
        # "190 people on board", "at least 45 were aboard": those a vehicle held
        measure = ctx.lexicon.measure("people on board")
    rising = (
        unit is None
        and (
            measure in ctx.lexicon.named
            or any(w in ctx.reader.running_nouns for w in (noun or "").lower().split())
        )
        and ctx.rules.compiled("measures.rising", _rising).search(
            text, max(sentence[0], figure.start - 40), figure.start
        )
        is not None
    )
    return _Measured(noun, event, measure, carried, reading, rising)


# "..., and Brazil's ten percent": an owner or a name right before an elliptical figure
_ELLIPTICAL = re.compile(r"(?:['’]s|\b[A-Z][\w.-]*)\s+$")
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_ADJECTIVE_WINDOW = 300  # characters
_ADJECTIVE = re.compile(r"(?<![\w.])((?:[A-Z]\.){2}|[A-Z][a-z]+)\s+(?=[a-z])")
_POLLED = re.compile(
    r"\b(?:won|wins|win|got|gets|took|takes|received|receives|secured|garnered|polled|"
    r"earned)\s+(?:(?:about|around|some|nearly|almost|roughly|more\s+than|at\s+least|"
    r"over|just|only|under|less\s+than)\s+)?$",
    re.IGNORECASE,
)
_CARRYING = re.compile(
    r"\b(?:carrying|carried|carries|transporting|transported)\s+(?:(?:about|around|some|nearly|"
    r"almost|roughly|more\s+than|at\s+least|over|up\s+to|only)\s+)?$",
    re.IGNORECASE,
)
_ABOARD = re.compile(
    r"(?:\s+(?:people|persons|others))?\s+(?:(?:were|are|was|is)\s+)?"
    r"(?:(?:reportedly|still|also|all)\s+)?(?:aboard|on\s+board|onboard)\b",
    re.IGNORECASE,
)
_SECONDS = re.compile(r"\s+(?:seconds?|secs?)\b", re.IGNORECASE)
_SHARE_OF = re.compile(r"\s+of\s+(?!them\b|those\b|these\b)", re.IGNORECASE)
_TO = re.compile(r"(?:\s+[a-z]+){0,2}\s+to\s+$")


def _plain(ctx: _Context, noun: str | None) -> str | None:
    """A noun without the adjectives before its head that say nothing about what is
    counted: "state legislative seats" and "congressional seats" are "state seats" and
    "seats"; "pledged delegates" are delegates. A phrase of the vocabulary ("electoral
    votes"), a named measure and a qualifier ("suspected cases") keep their words."""
    if noun is None or " " not in noun:
        return noun
    words = noun.split()
    lexicon, reader = ctx.lexicon, ctx.reader
    if lexicon.measure(noun) in lexicon.named or lexicon.known(noun):
        return noun
    head = words[-1]
    kept = [
        w
        for w in words[:-1]
        if not (
            # "the territory's six delegates": a number is no part of what is counted
            w.lower() in reader.number_words
            or w[:1].isdigit()
            or (
                w.islower()
                and w not in lexicon.qualifiers
                and (
                    w in reader.adjectives
                    or any(w.endswith(e) and len(w) > len(e) + 3 for e in reader.adjective_endings)
                    or (reader.participle(w) and w not in reader.active)
                )
            )
        )
    ]
    return " ".join([*kept, head])


_DASHES = frozenset("–—-")
_SCORE_LEFT = re.compile(r"\s*[–—-]\s*\d{1,3}(?![\d.,]\d)")
_SCORE_RIGHT = re.compile(r"(?<![\d.,])\d{1,3}\s*[–—-]\s*$")


def _is_score(ctx: _Context, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether a number is one side of a game's score ("beat Chelsea 3-1", "defeated
    Caboolture 43–5"): two numbers joined by a dash after a verb of winning or losing."""
    text = ctx.doc.text
    if not _DASHES.intersection(text[max(0, start - 3) : end + 3]):
        return False  # most numbers have no dash beside them
    if _SCORE_LEFT.match(text, end) is not None:
        left = start
    elif (right := _SCORE_RIGHT.search(text, max(sentence[0], start - 8), start)) is not None:
        left = right.start()
    else:
        return False
    return ctx.reader.score_verbs.search(text, max(sentence[0], left - 40), left) is not None


def _rising(rules: ExtractRules) -> re.Pattern[str]:
    verbs = alternation(rules.section("measures")["rising_verbs"])
    return re.compile(rf"{verbs}\s+(?:to\s+)?(?:\S+\s+){{0,2}}$", re.IGNORECASE)


def _plural_before(ctx: _Context, end: int, sentence: tuple[int, int]) -> str | None:
    """The nearest plural noun before ``end`` in its clause or the one before it: a
    lowercase word ending in s that is no verb, stop word or number word."""
    reader = ctx.reader
    commas = 0
    for token in reversed(ctx.doc.tokens(max(sentence[0], end - 120), end)):
        if token.text in (",", ";", ":"):
            commas += 1
            if commas > 2 or token.text != ",":
                return None
            continue
        low = token.lower
        if (
            token.text.isalpha()
            and token.text.islower()
            and len(low) > 3
            and low.endswith("s")
            and not low.endswith("ss")
            and low not in reader.stops
            and low not in reader.aux
            and low not in reader.reporting
            and low not in reader.number_words
        ):
            return low
    return None


def _named_before(ctx: _Context, end: int, sentence: tuple[int, int]) -> str | None:
    """The last named measure ("deaths") a word before ``end`` in its sentence names,
    within 160 characters. The words that name one are found once per text, so that
    each figure of a long sentence costs a binary search, not a read of its words."""
    if not ctx.named:
        ends: list[int] = []
        names: list[tuple[int, str]] = []
        lexicon, words = ctx.lexicon, {}
        for token in ctx.doc.tokens(0, len(ctx.doc.text)):
            if token.text.isalpha():
                if token.lower not in words:
                    words[token.lower] = lexicon.measure(token.lower)
                if words[token.lower] in lexicon.named:
                    ends.append(token.end)
                    names.append((token.start, words[token.lower]))
        ctx.named["ends"], ctx.named["names"] = ends, names
    ends, names = ctx.named["ends"], ctx.named["names"]
    i = bisect.bisect_right(ends, end) - 1
    if i >= 0 and names[i][0] >= max(sentence[0], end - 160):
        return str(names[i][1])
    return None


def _persons(ctx: _Context, word: str) -> bool:
    """Whether a noun counts people: one of ``person_nouns``, a plural of a demonym
    ("Cubans"), or a plural in -ians ("Argentinians", "physicians")."""
    return word in ctx.reader.persons or (
        word.endswith("s") and (word[:-1] in ctx.homes or word.endswith("ians"))
    )


# Words that open a list of those a named measure counted: "the deaths are", "included".
_LISTING = re.compile(r"\b(?:included|includes|include|including|are|were|comprised)\b|:")


def _listed(ctx: _Context, start: int, sentence: tuple[int, int]) -> str | None:
    """The named measure before ``start`` in its sentence when a word that opens a list
    comes between ("the fatalities included four males", "the dead were two Argentinians")."""
    named = _named_before(ctx, start, sentence)
    if named is None:
        return None
    ends = ctx.named["ends"]
    i = bisect.bisect_right(ends, start) - 1
    return named if _LISTING.search(ctx.doc.text, ends[i], start) else None


def _named_after(ctx: _Context, start: int, sentence: tuple[int, int]) -> str | None:
    """The first named measure ("deaths", "injured") a word after ``start`` names."""
    for token in ctx.doc.tokens(start, min(sentence[1], start + 160)):
        if token.text in (".", ";"):
            return None
        if token.text.isalpha():
            named = ctx.lexicon.measure(token.lower)
            if named in ctx.lexicon.named:
                return named
    return None


def _kinds(rules: ExtractRules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    section = rules.section("figures")
    # case-sensitive: prose writes them in lowercase, and "May" is a month
    projection = re.compile(alternation(section["projection_cues"]))
    estimate = re.compile(alternation(section["estimate_cues"]), re.IGNORECASE)
    return projection, estimate


_PUNCTUATION = re.compile(r"[,;:()\[\]—–\"“”](?!\d)")


class _Spans:
    """Where a pattern matches in a text, found in one pass on first asking, so that
    each figure's look around it is a binary search, not a search of its stretch."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._pattern, self._text = pattern, text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def _spans(self) -> tuple[list[int], list[int]]:
        if self._starts is None:
            spans = [m.span() for m in self._pattern.finditer(self._text)]
            self._starts, self._ends = [s for s, _ in spans], [e for _, e in spans]
        return self._starts, self._ends

    def within(self, low: int, high: int) -> bool:
        """Whether a match lies wholly in ``text[low:high]``."""
        starts, ends = self._spans()
        i = bisect.bisect_left(starts, low)
        return i < len(starts) and ends[i] <= high

    def last_end(self, low: int, high: int) -> int | None:
        """The end of the last match wholly in ``text[low:high]``, if any."""
        starts, ends = self._spans()
        i = bisect.bisect_right(ends, high) - 1
        return ends[i] if i >= 0 and starts[i] >= low else None


def _kind_of(ctx: _Context, figure: Found, sentence: tuple[int, int]) -> str:
    """What sort of figure it is: a projection after a word of the future or of plans in
    its stretch of the sentence ("could reach 25,000", "is expected to top"), an estimate
    when hedged as approximate or said to be estimated, else a count."""
    if not ctx.cues:
        projection, estimate = ctx.rules.compiled("figures.kinds", _kinds)
        text = ctx.doc.text
        ctx.cues["breaks"] = _Spans(_PUNCTUATION, text)
        ctx.cues["projection"] = _Spans(projection, text)
        ctx.cues["estimate"] = _Spans(estimate, text)
    low = max(sentence[0], figure.start - 100)
    since = ctx.cues["breaks"].last_end(low, figure.start)
    if ctx.cues["projection"].within(low if since is None else since, figure.start):
        return "projection"
    clause = ctx.doc.clause(figure.start, figure.end)
    if figure.figure.hedge in ("about", "vague") or ctx.cues["estimate"].within(*clause):
        return "estimate"
    return "count"


def _carry_over(
    before: _Previous | None,
    measured: _Measured,
    unit: str | None,
    source: str,
    place: str | None,
    period: Period | None,
    day: dt.date | None,
) -> tuple[str | None, Period | None, str | None]:
    """The place, period and whole (``share_of``) a figure takes from the one before it
    when it goes on about the same thing ("six over Belgorod", "43% of them"), and the
    to-date period of a running total."""
    reading = measured.reading
    running = reading.running or measured.rising
    share_of = None
    if before is not None and (measured.carried or reading.of_them):
        place = place or before.place
        if period is None and before.source == source and not running:
            period = before.period
        if unit == "%":
            share_of = before.share_of or before.measure
    added = before.period if before is not None else None
    if measured.rising and period is not None and period.start == period.end:
        period = Period(None, period.end)  # "the toll climbed to 94 on Tuesday": to date
        # (or from the event on, when the day is the event's: see _running_toll)
    elif running and (period is None or period == added):
        # "bringing its total to": to date, up to the end of what it adds to (unless
        # the total has a period of its own: "bringing the total since January to")
        end = (period or added or Period(None, day)).end
        period = Period(None, end) if end else None
    return place, period, share_of


def _running_toll(
    ctx: _Context,
    before: _Previous | None,
    measured: _Measured,
    dated: PeriodMention | None,
    period: Period | None,
    sentence: tuple[int, int],
    position: int,
) -> Period | None:
    """The period of a toll, as news counts tolls: from the day of the event, to date.

    "Shelling killed 9 people on Sunday" and "the toll from Sunday's shelling rose to
    14" are one running count, from Sunday on (``2031-08-03/``), each read as of
    when it was published; so is "since the outbreak began on February 20". A toll
    only dated by when it was said ("said on Monday") stays as it is.
    """
    if measured.measure not in ctx.lexicon.named or measured.measure in ctx.reader.not_tolls:
        return period
    event = _event_start(ctx, sentence, position)
    if period is not None and period.start is None and period.end is not None:
        # "rose to 40", "as of Thursday", "so far": to date; from the event, if named
        return Period(event, None) if event is not None else period
    if (
        period is not None
        and dated is not None
        and not dated.statement
        and period.start is not None
        and period.start == period.end
        and (ctx.day is None or period.start <= ctx.day)
        and not _total_follows(ctx, sentence, position)
    ):
        return Period(period.start, None)  # "killed 9 on Sunday": Sunday's toll, to date
    if period is None and measured.rising and event is not None:
        return Period(event, None)
    if (
        period is None
        and before is not None
        and before.period is not None
        and before.period.start is not None
        and before.period.end is None
    ):
        return before.period  # "He said 31 people had been wounded": the same event's toll
    return period


def _totals(rules: ExtractRules) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns of a running total after a figure ("taking the death toll to") and of
    what starts an event before a day ("since", "struck on")."""
    section = rules.section("measures")
    verbs = alternation(section["running_total_verbs"])
    nouns = alternation(section["running_nouns"])
    starts = alternation(rules.section("periods")["event_start_words"])
    return (
        re.compile(rf"{verbs}[^.;]*{nouns}", re.IGNORECASE),
        re.compile(rf"{starts}\s+(?:on\s+)?$", re.IGNORECASE),
    )


def _total_follows(ctx: _Context, sentence: tuple[int, int], position: int) -> bool:
    """Whether the sentence goes on to a running total the figure adds to: "12 people
    died on Monday, taking the death toll to 58" (the 12 are Monday's, not the toll)."""
    end = min(sentence[1], position + 200)
    total = ctx.rules.compiled("measures.totals", _totals)[0]
    return total.search(ctx.doc.text, position, end) is not None


_POSSESSIVE_AFTER = re.compile(r"['’]s\b")


def _event_start(ctx: _Context, sentence: tuple[int, int], position: int) -> dt.date | None:
    """The day the event a toll counts began, as its sentence names it: "Sunday's
    shelling", "since Tuesday", "which struck on Sunday"."""
    text = ctx.doc.text
    since = ctx.rules.compiled("measures.totals", _totals)[1]
    low = bisect.bisect_left(ctx.period_starts, max(sentence[0], position - 300))
    high = bisect.bisect_left(ctx.period_starts, min(sentence[1], position + 300))
    for mention in ctx.periods[low:high]:
        p = mention.period
        if p is None or p.start is None:
            continue
        if p.end is None:
            return p.start  # "since Tuesday"
        if p.start == p.end and (
            _POSSESSIVE_AFTER.match(text, mention.end)
            or since.search(text, max(sentence[0], mention.start - 20), mention.start)
        ):
            return p.start
    return None


def _stances(
    ctx: _Context, chosen: list[Attribution], span: tuple[int, int]
) -> list[tuple[str, str, tuple[str, ...]]]:
    """Who asserts or denies a figure, each with the outlets that relayed them."""
    stances = [(a.name, a.stance, a.via) for a in chosen]
    # "Police said there was no truth to reports that 23 ...": said, but denied; and
    # "It is false that 30 ..." with nobody named is the outlet's denial
    denied = (not chosen or not chosen[0].counter) and denied_report(ctx.doc, ctx.rules, span)
    if stances and denied:
        stances[0] = (chosen[0].name, "denies", chosen[0].via)
    if not chosen or chosen[0].counter:  # only a denial: the outlet asserted it
        stances.insert(0, (ctx.fallback, "denies" if denied else "asserts", ()))
    return stances


_OF_THESE = re.compile(
    r"\s*(?:Of|Out\s+of|Out|Among)\s+(?:these|them|those|which|whom)\b", re.IGNORECASE
)
_INTERVIEW = re.compile(r"\(\(([^()\n]{2,80})\)\)")
_QUOTE_MARKS = re.compile(r"[\"“”]")


def _quoting(ctx: _Context, position: int) -> list[Attribution]:
    """Who speaks in the quotation or interview answer a figure is in: the speaker named
    just before the quotation opens or just after it closes ('Gutierrez says ... "Exports
    generated 45 percent."'), or the name an interview answer is marked with
    ("((Anthony Boccaletti)) We are eleven people.")."""
    doc, quotes, starts = ctx.doc, ctx.quotes, ctx.attribution_starts
    paragraph = doc.paragraph_starts[doc.paragraph_index(position)]
    first, here = bisect.bisect_left(quotes, paragraph), bisect.bisect_left(quotes, position)
    if (here - first) % 2 == 1:  # inside a quotation opened at quotes[here - 1]
        opened = quotes[here - 1]
        if here < len(quotes):  # the first attribution just after the quotation closes
            closed = quotes[here] + 1
            k = bisect.bisect_left(starts, closed)
            if k < len(starts) and starts[k] <= closed + 80:
                return [ctx.attributions[k]]
        k = bisect.bisect_right(starts, opened) - 1  # or the last just before it opens
        while k >= 0 and starts[k] >= opened - 200:
            a = ctx.attributions[k]
            if opened - 160 <= a.end <= opened and not a.counter:
                return [a]
            k -= 1
    answers = [m for m in ctx.answers if paragraph <= m.start() < position]
    if answers:
        answer = answers[-1]
        name = answer.group(1).strip()
        span = (answer.start(1), answer.end(1))
        return [Attribution(answer.start(), answer.end(), name, span, "asserts", False, False)]
    return []


def _claims(
    doc: Document,
    rules: ExtractRules,
    found: list[Found],
    periods: list[PeriodMention],
    day: dt.date | None,
    outlet: str | None,
    lexicon: MeasureLexicon,
) -> list[Claim]:
    """One claim per figure and source, each figure read in text order: who said it,
    where, when and what it measures, carrying over from the figure before it."""
    ctx = _context(doc, rules, found, periods, day, outlet, lexicon)
    text = doc.text
    claims: list[Claim] = []
    previous: _Previous | None = None
    sources: dict[str, Source] = {}
    subjects: dict[tuple[tuple[int, int], int], Attribution | None] = {}
    normalized: dict[str, str] = {}
    heads: dict[str, str] = {}  # the last word of a measure of several words -> the measure
    for index, figure in enumerate(found):
        span = (figure.start, figure.end)
        sentence = doc.sentence(figure.start)
        chosen = choose_attributions(ctx.attributions, ctx.attribution_starts, span, sentence)
        if chosen is None:
            continue  # the number is part of who is speaking: "two officials said"
        if not chosen:
            chosen = _quoted_on(doc, ctx.attributions, ctx.attribution_starts, sentence)
        if not chosen:
            chosen = _quoting(ctx, figure.start)
        if not chosen:
            # "The agency tracked 537 cases": the body the sentence opens with did it
            # the subject is read from the sentence's first 200 characters up to the
            # figure: one reading serves every figure past them
            reach = min(figure.start, sentence[0] + 200)
            if (sentence, reach) not in subjects:
                subjects[(sentence, reach)] = sentence_subject(doc, rules, sentence, reach)
            actor = subjects[(sentence, reach)]
            chosen = [actor] if actor is not None else []
        if not chosen and previous is not None and _OF_THESE.match(text, sentence[0]):
            # "... reported a total of 5667 cases. Of these, 1846 were hospitalized"
            span_of = (figure.start, figure.start)
            chosen = [Attribution(sentence[0], sentence[0], previous.source, span_of, "asserts",
                                  False, False)]  # fmt: skip
        clause = doc.clause(figure.start, figure.end)
        paragraph = doc.paragraph_index(figure.start)
        before = previous if previous and previous.paragraph == paragraph else None
        measured = _measure_of(ctx, index, figure, sentence, before, normalized)
        if (
            " " not in measured.measure
            and measured.measure in heads
            and measured.measure not in ctx.lexicon.named  # "88 deaths" after "suspected deaths"
            and measured.measure not in ctx.reader.fallback.values()  # a speed of its own
        ):
            # "the vaccination rate ... 95%, the rate the WHO advises": the head alone
            # is the fuller measure named before it
            measured = measured._replace(measure=heads[measured.measure])
        elif " " in measured.measure and measured.measure not in ctx.lexicon.named:
            heads.setdefault(measured.measure.rsplit(" ", 1)[1], measured.measure)
        toll = measured.measure in ctx.lexicon.named
        # "He said 31 people had been wounded": a toll with no place where the one before is
        same_event = before.place if before is not None and toll and before.toll else None
        place = _place_of(ctx, index, span, sentence, clause, chosen, same_event, toll)
        dated = choose_mention(periods, ctx.period_starts, clause, sentence, span, day)
        period = dated.period if dated is not None else None
        source = chosen[0].name if chosen and not chosen[0].counter else ctx.fallback
        place, period, share_of = _carry_over(
            before, measured, figure.figure.unit, source, place, period, day
        )
        period = _running_toll(ctx, before, measured, dated, period, sentence, figure.start)
        sentence_text = _excerpt(text, sentence, span)
        kind = _kind_of(ctx, figure, sentence)
        stances = list(_stances(ctx, chosen, span))
        try:
            made = [
                Claim(
                    source=sources[name] if name in sources else _source(ctx, name),
                    measure=measured.measure,
                    figure=figure.figure,
                    place=place,
                    period=period,
                    text=sentence_text,
                    via=tuple(dict.fromkeys(v for v in (*relays, outlet) if v and v != name)),
                    published=day,
                    span=span,
                    share_of=share_of,
                    stance=stance,
                    kind=kind,
                )
                for name, stance, relays in stances
            ]
        except ValidationError as error:  # a lone surrogate in its sentence, say
            skipped(figure.start, figure.end, text[figure.start : figure.end], error, depth=4)
            continue
        for (name, _, _), claim in zip(stances, made, strict=True):
            sources.setdefault(name, claim.source)
        claims += made
        previous = _Previous(
            paragraph,
            measured.noun,
            measured.event,
            measured.measure,
            share_of,
            source,
            place,
            period,
            toll,
            doc.sentence_index(figure.start),
        )
    return claims
