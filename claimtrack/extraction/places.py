"""Places named in text: 'over Bryansk', 'in the Kursk region', 'the capital', 'there'.

>>> from claimtrack.extraction.document import Document
>>> text = "Drones approached Moscow. Two fell in the Bryansk region and one over the capital."
>>> [m.name for m in find_places(Document(text), ExtractRules.default())]
['Moscow', 'Bryansk', 'Moscow']
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from ..places import Gazetteer
from .document import Document
from .rules import ExtractRules, alternation

__all__ = ["PlaceMention", "choose_place", "find_places", "part_markers", "place_kind"]

_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][^\W\d_]*(?:[-'’](?![sS]\b)[^\W\d_]+)*)"


class PlaceMention(NamedTuple):
    """A place named in text, resolved: anaphors carry the name they point back to."""

    start: int
    end: int
    name: str
    owner: bool = False  # "Sudan's war": named as an owner, which a speaker's words also do
    origin: bool = False  # "migrants from Eritrea": where they came from, not where it happened
    bare: bool = False  # named with no cue ("Russia has launched"): maybe an actor, no place
    at: int = -1  # where the name itself starts (after its cue), -1 for ``start``
    attribute: bool = False  # "5,000 U.S. troops": whose, a place only when no other is

    @property
    def name_start(self) -> int:
        """Where the name itself starts: ``at``, else ``start``."""
        return self.at if self.at >= 0 else self.start


class _Compiled(NamedTuple):
    pattern: re.Pattern[str]
    anaphor_kinds: list[str]
    countries: dict[str, str]
    parts: re.Pattern[str]  # words that make a later figure a part of the one before


def _compile(rules: ExtractRules) -> _Compiled:
    section = rules.section("places")
    demonyms: dict[str, str] = rules.section("sources")["demonyms"]
    countries = {adjective.lower(): country for country, adjective in demonyms.items()}
    cues = alternation(section["cues"], cases=True)
    types = alternation(section["type_words"], cases=True)
    name = (
        rf"{_NAME_WORD}(?:\s+(?:of\s+(?:the\s+)?|d(?:e|el|a|o|os|as|i|u)\s+|al[-\s]|el[-\s])?"
        rf"{_NAME_WORD}){{0,4}}"
    )
    adjectives = alternation(demonyms.values())
    territory = alternation(section["territory_words"], cases=True)
    anaphors = list(section["anaphors"].items())
    anaphor = "|".join(rf"(?P<a{i}>\b{p})" for i, (p, _) in enumerate(anaphors))
    # lowercase only: capitalised, it starts a name ("Northern Ireland", "Central African
    # Republic"), as wire style writes "eastern Ukraine"
    adjectives_of_place = alternation(section["place_adjectives"])
    pattern = (
        rf"\b(?:[Oo]ver|[Oo]n|[Ii]n|[Aa]cross|[Ii]nto|[Ii]nside|[Oo]nto|[Oo]f)\s+(?P<adjective>{adjectives})\s+{territory}"
        rf"|{cues}\s+(?:[Tt]he\s+)?(?:{adjectives_of_place}\s+)?(?:{_HELD}\s+)?"
        rf"(?P<name>{name})(?![\w$€£¥₴₽])"
        rf"(?:['’]s(?:\s+(?P<inner>{name})(?![\w$€£¥₴₽]))?)?(?:\s+(?P<type>{types}))?"
        rf"|{anaphor}"
        # "Sudan's war", "Gaza's population": a country named as an owner
        rf"|\b(?P<owner>{alternation(demonyms, cases=True)})['’]s\b"
        # "infected 35,000 worldwide": the world
        rf"|(?P<world>{alternation(section['world_words'], cases=True)})"
    )
    # Case-sensitive on purpose: names are capitalised, and it is several times faster.
    parts = re.compile(alternation(section["part_markers"]), re.IGNORECASE)
    return _Compiled(re.compile(pattern), [k for _, k in anaphors], countries, parts)


def _known(rules: ExtractRules) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Owners that are places (capitals and countries, lowercased), month names, and the
    names that are never places (months among them)."""
    countries = rules.compiled("places", _compile).countries
    known = rules.words("places", "capitals") | {c.lower() for c in countries.values()}
    months = frozenset(m.lower() for m in rules.section("periods")["months"])
    return known, months, rules.words("places", "not_places") | months


def demonym_countries(rules: ExtractRules) -> dict[str, str]:
    """Each demonym, lowercased, and its country ("sudanese": "Sudan")."""
    return rules.compiled("places", _compile).countries


def part_markers(rules: ExtractRules) -> re.Pattern[str]:
    """The words that make a later figure a part of the one before ("including 11")."""
    return rules.compiled("places", _compile).parts


# A run of capitalised words ("Hong Kong", "Bosnia and Herzegovina", "U.S."), with the
# possessive it may end in ("Chile's").
_CAPITALISED = re.compile(
    r"(?<![\w’'-])(?P<span>[A-Z][\w.’'-]*(?:\s+(?:(?:of|and|de|del|da|el|al)\s+)?[A-Z][\w.’'-]*){0,3})"
)
_POSSESSIVE = re.compile(r"['’]s$|['’]$")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")


def _named_places(
    doc: Document, rules: ExtractRules, gazetteer: Gazetteer, not_places: frozenset[str]
) -> list[PlaceMention]:
    """Places the gazetteer knows, named without a cue: "Tokyo was down 7%", "a Kabul car
    bombing", "Chile's index". Only countries, first-level divisions, places shipped or
    added by hand and large cities count: a small town's name is too often a word."""
    text = doc.text
    offices = rules.compiled("places.offices", _offices)
    found = []
    for m in _CAPITALISED.finditer(text):
        words = m.group("span").split()
        for i, word in enumerate(words[:-1]):
            if word.endswith(".") and len(word) > 4 and not _ABBREVIATION.fullmatch(word):
                words = words[: i + 1]  # "the northern Philippines. Seven": a sentence ends
                break
        owner = bool(_POSSESSIVE.search(words[-1]))
        words[-1] = _POSSESSIVE.sub("", words[-1])
        if not _ABBREVIATION.fullmatch(words[-1]):
            words[-1] = words[-1].rstrip(".")  # the sentence's full stop
        if len(words[-1]) <= 1:
            continue
        while words and (words[-1].lower() in not_places or words[-1] in ("and", "of")):
            words.pop()  # "Wall Street Wednesday": the day is no part of the name
        skipped = 0
        while words and words[0] in ("The", "A", "An", "In", "On", "At", "From"):
            skipped += len(words.pop(0)) + 1  # "A Kabul car bombing": Kabul
        if not words:
            continue
        name = " ".join(words)
        if name.lower() in not_places or gazetteer.notable(name) is None:
            continue
        start = text.index(words[0], m.start("span") + skipped)
        end = start + len(name)
        if offices.search(text, max(0, start - 40), start):
            continue  # "Vice President of the United States": an office, no place
        if _CURRENCY.match(text, end) or _DOMAIN.match(text, end):
            continue  # "US$300", "US dollars": money; "Portfolio.hu": a website
        # "U.S. troops", "a UK court": a short name before a noun says whose, and is
        # where a figure holds only when no other place is named near it
        short = name.isupper() or _ABBREVIATION.fullmatch(name) is not None
        attribute = short and _ATTRIBUTIVE.match(text, end) is not None
        if short:  # "U.S.", "UAE": the full name
            name = gazetteer.label(gazetteer.resolve(name) or name)
        # "pummeling the northern Philippines", "war-torn Syria": a place described by
        # an adjective is where things happen, not an actor ("Russia has launched")
        described = rules.compiled("places.described", _described).search(
            text, max(0, start - 40), start
        )
        found.append(
            PlaceMention(start, end, name, owner, bare=described is None, attribute=attribute)
        )
    return found


# A lowercase noun after a name: no verb, conjunction or preposition ("U.S. troops").
_ATTRIBUTIVE = re.compile(
    r"\s+(?!(?:has|have|had|is|was|were|are|will|would|could|can|may|might|must|should|"
    r"did|does|do|and|or|but|to|in|on|at|for|of|with|by|from|as|said|says|also|now|then|"
    r"yesterday|today|this|that|which|who)\b)(?![a-z]+ed\b)[a-z]"
)


def _described(rules: ExtractRules) -> re.Pattern[str]:
    """An adjective of place right before a name: one of ``place_adjectives``, or a
    compound such as "war-torn" or "quake-hit" (``described_endings``)."""
    section = rules.section("places")
    adjectives = alternation(section["place_adjectives"])
    endings = alternation(section["described_endings"])
    return re.compile(rf"\b(?:{adjectives}|[a-z]+-{endings})\s+$")


def _offices(rules: ExtractRules) -> re.Pattern[str]:
    titles = alternation(rules.section("places")["office_before"])
    return re.compile(rf"{titles}\s+(?:of|from|for)\s+(?:the\s+)?$", re.IGNORECASE)


def _office_set_off(rules: ExtractRules) -> re.Pattern[str]:
    """An office's place and a comma before a name: "the former mayor of South Bend, "
    (Indiana only says where South Bend is, and is no more where a figure holds)."""
    titles = alternation(rules.section("places")["office_before"])
    name = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    return re.compile(rf"(?i:{titles})\s+(?:of|from|for)\s+(?:the\s+)?{name},\s*$")


def _default_gazetteer() -> Gazetteer:
    global _GAZETTEER
    if _GAZETTEER is None:
        _GAZETTEER = Gazetteer.default()
    return _GAZETTEER


_GAZETTEER: Gazetteer | None = None


def place_kind(name: str) -> str | None:
    """What a name is in the default gazetteer: "country", "division" (a province,
    state or oblast) or "city"; None when it knows no such place."""
    key = _default_gazetteer().key(name)
    if key is None or key.startswith("~"):  # "~name": a name it does not know
        return None
    return "city" if ":" in key else "division" if "-" in key else "country"


def find_places(
    doc: Document, rules: ExtractRules, gazetteer: Gazetteer | None = None
) -> list[PlaceMention]:
    """Every place mention in order, anaphors resolved to the place they point back to.

    A place right after another, set off by a comma ("In Proletarsk, in the Rostov
    region,") only says where the first one is, and is not kept. Besides the names
    after a cue ("over Bryansk"), the names the gazetteer knows as countries,
    provinces and large cities are places wherever they stand ("Tokyo was down").
    """
    compiled = rules.compiled("places", _compile)
    # a month, in full or cut short ("on Sept. 21"), is a date, never a place
    known, months, not_places = rules.compiled("places.known", _known)
    not_words = rules.words("places", "not_place_words")
    type_words = rules.words("places", "type_words")
    organisations = rules.words("sources", "source_heads")
    capitals = rules.words("places", "capitals")
    origins = rules.words("places", "origin_cues")
    owned = rules.words("places", "not_place_before")
    countries = compiled.countries
    weak = rules.words("places", "weak_cues")
    # "belongs to Kevin Young", "similar regions to Typhoon Haiyan": after these, a name
    # of several words the gazetteer does not know is someone's or something's, no place
    name_cues = rules.words("places", "name_cues")
    text = doc.text
    found: list[PlaceMention] = []
    gazetteer = gazetteer or _default_gazetteer()
    named = _named_places(doc, rules, gazetteer, not_places)
    pending = 0  # the next of the named places to merge in, in text order
    for m in compiled.pattern.finditer(text):
        while pending < len(named) and named[pending].start < m.start():
            if named[pending].end <= m.start() and not (
                found and found[-1].end > named[pending].start
            ):
                found.append(named[pending])
            pending += 1
        while pending < len(named) and named[pending].start < m.end():
            pending += 1  # inside what the cue pattern read: "over the Kursk region"
        name: str | None
        if m.group("name"):
            # "in Russia's Kursk region" is in Kursk: the inner name is the narrower place,
            # when the owner is a place ("in Cox's Bazar" is not in Bazar).
            inner = m.group("inner")
            owner = m.group("name")
            if inner and not (
                m.group("type")
                or owner.lower() in known
                or any(p.name.lower() == owner.lower() for p in found)
                # "in California's Riverside County": any place the gazetteer knows
                or gazetteer.resolve(owner) is not None
            ):
                inner = text[m.start("name") : m.end("inner")]
                name = _clean(inner, type_words)
            else:
                name = _clean(inner or m.group("name"), type_words)
            while " " in name and name.rsplit(" ", 1)[1].lower() in not_places:
                name = name.rsplit(" ", 1)[0]  # "Wall Street Wednesday": the day is no name
            if (
                not name
                or name.lower() in not_places
                # "in the Pakistani-controlled portion of Kashmir": who holds it, no name
                or re.fullmatch(_HELD, name) is not None
                or any(w.lower() in not_words for w in name.split())
                # "the Federal Reserve's July meeting": a month after an owner is a date,
                # and so is a span of months ("the April-June quarter")
                or (m.group("inner") and m.group("inner").split()[0].lower() in months)
                or any(
                    p.lower() in months for p in _DASHES.split(name) if "-" in name or "–" in name
                )
            ):
                continue
            if not m.group("type") and _next_word(text, m.end()) in organisations:
                continue  # "the Velmoran health agency": a body, not a place
            if (
                _TITLE.search(text, m.start(), m.start("name"))
                and not {name.lower(), f"the {name.lower()}"} & known
                and name.lower() not in _country_names()
            ):
                continue  # "published in The Lancet": a title; but "in The Hague"
            if _CURRENCY.match(text, m.end("name")) or _DOMAIN.match(text, m.end("name")):
                continue  # "US$300", "US dollars": money, not the country; a website
            # "near the Syrian border": the country its demonym names
            name = countries.get(name.lower(), name)
            compass = _COMPASS.match(name)
            if (
                compass
                and gazetteer.resolve(name) is None
                and gazetteer.resolve(name[compass.end() :]) is not None
            ):
                name = name[compass.end() :]  # "in Southern Poland": in Poland
            elif " " in name and "'" not in name and gazetteer.resolve(name) is None:
                name = _known_tail(gazetteer, name)  # "in the Republican Iowa caucuses"
            cue_word = m.group(0).split(maxsplit=1)[0].lower()
            if (
                (cue_word in weak or (cue_word in name_cues and " " in name))
                and not m.group("type")
                and gazetteer.resolve(name) is None
                and not any(p.name == name for p in found)
            ):
                continue  # "data from RealtyTrac", "at the Walmart": no known place
        elif m.group("adjective"):
            name = countries.get(m.group("adjective").lower())
        elif m.group("owner"):
            name = m.group("owner")
        elif m.group("world"):
            name = "world"
        else:
            kind = compiled.anaphor_kinds[int((m.lastgroup or "a0")[1:])]
            name = _antecedent(found, kind, capitals, countries)
        if not name:
            continue
        if found and _qualifies(text, found[-1], m.start()):
            continue
        cue = m.group(0).split(maxsplit=1)[0].lower()
        if cue == "in" and _word_before(text, m.start()) in owned:
            continue  # "shares in Nvidia": a company
        if rules.compiled("places.offices", _offices).search(
            text, max(0, m.start() - 40), m.start() + len(cue) + 1
        ):
            continue  # "the former mayor of South Bend": an office
        named_at = next((m.start(g) for g in ("name", "adjective", "owner") if m.group(g)), -1)
        mention = PlaceMention(
            m.start(), m.end(), name, bool(m.group("owner")), cue in origins, at=named_at
        )
        found.append(mention)
    found += [p for p in named[pending:] if not (found and found[-1].end > p.start)]
    if "(" in text:
        # "(Islamic State of Iraq and Syria)", "(the emergency number in the United
        # States)": an aside in brackets with no figure in it places nothing
        asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text)]
        found = [p for p in found if not any(s < p.start and p.end < e for s, e in asides)]
    if found and "," in text:
        set_off = rules.compiled("places.office_set_off", _office_set_off)
        found = [
            p for p in found if not set_off.search(text, max(0, p.name_start - 80), p.name_start)
        ]
    return _nested(text, found, gazetteer)


_ASIDE = re.compile(r"\([^()\d]*\)")


# "in Pakistani-controlled Kashmir", "in Kurdish-held Ain Issa": who holds it, no name
_HELD = r"[A-Z][a-z]+-(?:controlled|administered|held|occupied|run|backed|ruled)"
# "in Southern Poland": a part of a country the gazetteer knows only as the country
_COMPASS = re.compile(
    r"(?:Northern|Southern|Eastern|Western|Central|North|South|East|West|"
    r"North-?[Ee]astern|North-?[Ww]estern|South-?[Ee]astern|South-?[Ww]estern)\s+"
)
_CURRENCY = re.compile(r"\s*(?:\$|dollars?\b)", re.IGNORECASE)
_SET_OFF = re.compile(
    r"\s*(?:(?:province|region|state|county|district|governorate|city|town|island)\s*)?"
    # "Reading, Berkshire, UK": a county the gazetteer does not know may come between
    r"(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=,))?"
    r"(?:,|\s+in)\s+(?:the\s+)?(?:[a-z]+(?:-[a-z]+)?\s+)?"
)
_OF_TYPE = re.compile(
    r"\s+(?:(?:state|province|region|city|town|county|governorate|district|prefecture|"
    r"village|island|capital|border|port)\s+){0,2}of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"\.[a-z]{2,}\b")


def _known_tail(gazetteer: Gazetteer, name: str) -> str:
    """A name the gazetteer does not know, less the capitalised adjectives before a place
    it knows as a country, province or large city ("Republican Iowa" is Iowa); the name
    itself when no such place ends it."""
    words = name.split()
    for k in range(1, len(words)):
        if not _ADJECTIVE_WORD.fullmatch(words[k - 1]):
            break
        rest = " ".join(words[k:])
        if gazetteer.notable(rest) is not None:
            return rest
    return name


# A capitalised adjective ("Republican", "Democratic", "Kurdish"), which may describe a
# place but starts no name of one ("Imperial College London" is a college).
_ADJECTIVE_WORD = re.compile(r"[A-Z][a-z]+(?:an|ic|ish|ese|ern|ist)")


def _within(gazetteer: Gazetteer, inner: str | None, outer: str) -> bool:
    """Whether a place set off after another ("El Paso, Texas") is where that one lies:
    it contains it; or, for a town the gazetteer does not place in its province ("El
    Paso", a GeoNames city, lies only in the United States), it is a province of the
    town's country; or the town is unknown and it is a country or a province."""
    ancestors = gazetteer.ancestors(outer)
    if inner is None:
        return len(ancestors) <= 1  # a country, or a first-level division
    inside = gazetteer.ancestors(inner)
    return outer in inside or (":" in inner and len(ancestors) == 1 and ancestors[0] in inside)


def _nested(text: str, found: list[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """Mentions less those that only say where the one before is ("El Paso, Texas",
    "Babyninsky, Russia"); "the U.S. state of California" names California."""
    out: list[PlaceMention] = []
    reached = 0  # the end of the last mention read, kept or not ("Reading, Berkshire, UK")
    for mention in found:
        at = mention.name_start
        if out and (not mention.owner) and _SET_OFF.fullmatch(text, max(out[-1].end, reached), at):
            outer, inner = gazetteer.resolve(mention.name), gazetteer.resolve(out[-1].name)
            if outer is not None and _within(gazetteer, inner, outer):
                reached = mention.end
                continue
        reached = mention.end
        if out and _OF_TYPE.fullmatch(text, out[-1].end, at):
            outer, inner = gazetteer.resolve(out[-1].name), gazetteer.resolve(mention.name)
            if outer is not None and inner is not None and outer in gazetteer.ancestors(inner):
                out[-1] = out[-1]._replace(name=mention.name)
        out.append(mention)
    return out


_WORD_BEFORE = re.compile(r"([a-z]+)\s*$", re.IGNORECASE)


def _word_before(text: str, start: int) -> str:
    """The lowercase word right before ``start`` ("" if none)."""
    found = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return found.group(1).lower() if found else ""


_WORD_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?([a-z]+)")


def _next_word(text: str, position: int) -> str:
    """The word after a name, skipping one modifier: "Velmoran health agency" -> agency."""
    m = _WORD_AFTER.match(text, position, min(len(text), position + 40))
    return m.group(1) if m else ""


_DASHES = re.compile(r"[-–]")


@functools.cache
def _country_names() -> frozenset[str]:
    """Every country's name, lowercased, from ISO 3166 ("gambia", "bahamas")."""
    import pycountry  # lazy: only a capitalised "The" within a sentence asks

    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value.lower().removeprefix("the "))
    return frozenset(names)


_TITLE = re.compile(r"\sThe\s+$")  # a capitalised "The" within a sentence starts a title


# Type words that end a name rather than say what kind of place it is: "the Dominican
# Republic", "the Niger River" (Niger is a country), "the Red Sea".
_ENDS_NAMES = frozenset(
    {"republic", "river", "sea", "lake", "valley", "basin", "peninsula", "gulf", "bay",
     "strait", "mountains", "islands", "island", "canal", "channel"}
)  # fmt: skip


def _clean(name: str, type_words: frozenset[str]) -> str:
    """The name without the type words after it ("Kursk region" is Kursk), except those
    that end names (``_ENDS_NAMES``)."""
    words = name.split()
    while words and words[-1].lower() in type_words and words[-1].lower() not in _ENDS_NAMES:
        words.pop()
    return " ".join(words)


def _qualifies(text: str, previous: PlaceMention, start: int) -> bool:
    """Whether a mention at ``start`` only qualifies the one before ("X, in the Y region")."""
    gap = text[previous.end : start]
    return gap.strip() == "," and text[start : start + 3].lower() == "in "


def _antecedent(
    found: list[PlaceMention],
    kind: str,
    capitals: frozenset[str],
    countries: dict[str, str],
) -> str | None:
    known_countries = {c.lower() for c in countries.values()}
    for mention in reversed(found[-20:]):
        if mention.attribute:
            continue  # "U.S. troops now in the country": the country is another
        lowered = mention.name.lower()
        if kind == "latest" or (kind == "capital" and lowered in capitals):
            return mention.name
        if kind == "country" and lowered in known_countries:
            return mention.name
    return None


def choose_place(
    text: str,
    parts: re.Pattern[str],
    places: list[PlaceMention],
    starts: list[int],
    figure: tuple[int, int],
    clause_end: int,
    sentence: tuple[int, int],
    next_figure: int,
) -> str | None:
    """The place a figure is about (see ``_choose``); a name said as whose ("a U.S.
    convoy") only when its sentence names no other place."""
    chosen = _choose(text, parts, places, starts, figure, clause_end, sentence, next_figure)
    if chosen is None or not chosen.attribute:
        return chosen.name if chosen is not None else None
    # within a window of the figure: a sentence with no end is read no further per figure
    lo = bisect.bisect_left(starts, max(sentence[0], figure[0] - _NEAR))
    hi = bisect.bisect_left(starts, min(sentence[1], figure[1] + _NEAR))
    others = [p for p in places[lo:hi] if not p.attribute]
    if not others:
        return chosen.name
    # the nearest other place to the figure
    return min(others, key=lambda p: abs(p.start - figure[0])).name


_NEAR = 300  # characters either side of a figure where a place may stand in for another


def _choose(
    text: str,
    parts: re.Pattern[str],
    places: list[PlaceMention],
    starts: list[int],
    figure: tuple[int, int],
    clause_end: int,
    sentence: tuple[int, int],
    next_figure: int,
) -> PlaceMention | None:
    """The place a figure is about: the first named after it in its clause, else the
    nearest before it in its sentence, else the first after it in its sentence,
    unless that names where a part of it is ("45 drones, including 11 over Moscow":
    Moscow is the 11's place, not the 45's; but "5 killed and 12 wounded in
    Kharkiv" are both in Kharkiv)."""
    start, end = figure
    i = bisect.bisect_left(starts, end)
    if i < len(places) and places[i].start < min(clause_end, next_figure):
        return _not_origin(places, i, sentence[1])
    j = bisect.bisect_left(starts, start) - 1
    if j >= 0 and places[j].start >= sentence[0] and places[j].end <= start:
        later = next(
            (
                p
                for p in places[i : i + 12]
                if p.start < sentence[1] and not p.bare and not p.origin
            ),
            None,
        )
        if places[j].bare and later is not None and not parts.search(text, end, later.start):
            # "Russia has launched 12,000 missiles at Ukraine": the actor is no place
            return later
        return _not_origin(places, j, sentence[1])  # "from Sudan, 20,000 ... into Chad"
    if i < len(places) and places[i].start < sentence[1]:
        if next_figure < places[i].start and parts.search(text, end, places[i].start):
            return None
        return _not_origin(places, i, sentence[1])
    return None


def _not_origin(places: list[PlaceMention], i: int, sentence_end: int) -> PlaceMention:
    """The place at ``i``, or, when it is only where they came from ("from Eritrea"),
    the next place in the sentence that is not ("off the coast of Djibouti")."""
    if places[i].origin:
        for later in places[i + 1 :]:
            if later.start >= sentence_end:
                break
            if not later.origin:
                return later
    return places[i]
