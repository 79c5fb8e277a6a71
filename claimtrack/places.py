"""The gazetteer: which places lie within which, from data rather than code.

Countries and their ISO 3166-2 subdivisions come from pycountry (loaded on the
first look-up); English names and towns come from ``claimtrack/data/places.json``;
users add their own with ``add``. Part-and-whole checks ask it whether one
claim's place lies within another's.

>>> g = Gazetteer.default()
>>> g.resolve("Bryansk region"), g.resolve("Bryanskaya oblast'"), g.resolve("Russia")
('RU-BRY', 'RU-BRY', 'RU')
>>> g.contains("Russia", "Podolsk"), g.contains("Moscow", "Podolsk")
(True, False)
>>> g.add("Hostomel", within="Kyiv oblast")
'Hostomel'
>>> g.ancestors("Hostomel")
('UA-32', 'UA')
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable
from importlib import resources
from typing import Any

from ._files import read_json, read_rows
from .errors import FileFormatError, ValidationError

__all__ = ["Gazetteer"]

_TYPE_WORDS = (
    "avtonomnyy okrug", "avtonomnaya oblast", "oblast", "respublika", "kray", "krai", "region",
    "province", "state", "county", "governorate", "department", "district", "municipality",
)  # fmt: skip


def normalize_place(name: str) -> str:
    """Case, accents, apostrophes and a leading "the" do not make a different place."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("'", "").replace("’", "").replace("`", "").casefold()
    text = " ".join(text.replace(",", " , ").split()).replace(" , ", ", ").strip(" ,.")
    return text[4:] if text.startswith("the ") else text


def _iso_aliases(name: str) -> Iterable[str]:
    yield name
    if "," in name:  # "Bashkortostan, Respublika"
        yield name.split(",", 1)[0]
    lowered = normalize_place(name)
    for word in _TYPE_WORDS:
        if lowered.endswith(" " + word):
            yield lowered[: -len(word) - 1]


@functools.cache
def _iso_table() -> tuple[dict[str, str | None], dict[str, str], dict[str, str]]:
    import pycountry  # lazy: loading every subdivision costs ~0.1 s

    parents: dict[str, str | None] = {}
    names: dict[str, str] = {}
    labels: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        parents[code] = None
        labels[code] = getattr(country, "common_name", None) or country.name
        for attr in ("name", "official_name", "common_name", "alpha_3"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(normalize_place(value), code)
    for sub in pycountry.subdivisions:
        parents[sub.code] = sub.parent_code or sub.country_code
        labels[sub.code] = sub.name
        names.setdefault(normalize_place(sub.code), sub.code)
        for alias in _iso_aliases(sub.name):
            names.setdefault(normalize_place(alias), sub.code)
    return parents, names, labels


@functools.cache
def _extension() -> dict[str, Any]:
    text = resources.files("claimtrack").joinpath("data/places.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _place_rows(path: str) -> list[tuple[int | None, Any, Any, list[str]]]:
    """(line, name, within, aliases) of each place in a gazetteer file."""
    if str(path).lower().endswith((".csv", ".tsv")):
        rows = read_rows(path)
        if rows and ("name" not in rows[0][1] or set(rows[0][1]) - {"name", "within", "aliases"}):
            raise FileFormatError(
                str(path), "expected the columns name, within, aliases; the header has "
                + ", ".join(rows[0][1]), 1,
            )  # fmt: skip
        return [
            (
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
    out: list[tuple[int | None, Any, Any, list[str]]] = []
    for number, place in enumerate(places, start=1):
        name, within, aliases = place.get("name"), place.get("within"), place.get("aliases", [])
        if isinstance(aliases, str):
            aliases = [aliases]
        if (
            not isinstance(name, str)
            or not (within is None or isinstance(within, str))
            or not isinstance(aliases, list)
            or not all(isinstance(a, str) for a in aliases)
        ):
            raise FileFormatError(
                str(path),
                f"place {number}: got {place!r:.80}, expected a name (text), an optional "
                "within (text) and aliases (a list of texts)",
            )
        out.append((None, name, within, aliases))
    return out


class Gazetteer:
    """Places, their names and what contains what.

    ``resolve(name)`` gives a place's key (an ISO code such as ``"RU-BRY"``, or the
    name of a place added by hand) or None for an unknown place. Unknown places
    are still comparable by name (``key``), they just nest in nothing.
    """

    def __init__(self, iso: bool = True, extension: bool = True) -> None:
        self._iso = iso
        self._parents: dict[str, str | None] = {}
        self._names: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self._cache: dict[str, str | None] = {}
        self._loaded = False
        self._extension = extension

    @classmethod
    def default(cls) -> Gazetteer:
        """ISO 3166 countries and subdivisions plus the shipped English names and towns."""
        return cls()

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        if self._iso:
            parents, names, labels = _iso_table()
            self._parents = {**parents, **self._parents}
            self._names = {**names, **self._names}
            self._labels = {**labels, **self._labels}
        if self._extension:
            data = _extension()
            for code, aliases in data["aliases"].items():
                self._parents.setdefault(code, None)
                for alias in aliases:
                    self._names[normalize_place(alias)] = code
            for place in data["places"]:
                self.add(
                    place["name"], within=place.get("within"), aliases=place.get("aliases", ())
                )

    @classmethod
    def from_file(cls, path: str) -> Gazetteer:
        """The default gazetteer with the places of a file added, in the file's order.

        A CSV (or ``.tsv``) file has the columns ``name``, ``within`` (optional) and
        ``aliases`` (optional, separated by ``;``); a JSON file holds
        ``{"places": [{"name": ..., "within": ..., "aliases": [...]}]}``, as
        ``claimtrack/data/places.json`` does. A place may be within one listed
        before it. A bad file or place is a ``FileFormatError`` naming the line.
        """
        gazetteer = cls.default()
        for line, name, within, aliases in _place_rows(path):
            try:
                gazetteer.add(name, within=within or None, aliases=aliases)
            except ValidationError as err:
                raise FileFormatError(str(path), str(err), line, err.field) from None
        return gazetteer

    def add(self, name: str, within: str | None = None, aliases: Iterable[str] = ()) -> str:
        """Add a place (a town, a front-line sector) inside another; returns its key."""
        self._load()
        clean = " ".join(str(name).split())
        if not clean:
            raise ValidationError("place name", name, "a non-empty text")
        parent = None
        if within is not None:
            parent = self.resolve(within)
            if parent is None:
                raise ValidationError(
                    "within", within, "a place the gazetteer knows (add it first)"
                )
        key = self._names.get(normalize_place(clean), clean)
        if parent is not None and (key == parent or key in self.ancestors(parent)):
            raise ValidationError("within", within, f"a place not inside {clean!r} (no cycles)")
        self._parents[key] = parent
        self._labels.setdefault(key, clean)
        for alias in (clean, *aliases):
            self._names[normalize_place(alias)] = key
        self._cache.clear()
        return key

    def resolve(self, name: str | None) -> str | None:
        """The key of a named place, or None when the gazetteer does not know it."""
        if name is None:
            return None
        if name in self._cache:
            return self._cache[name]
        self._load()
        key = self._names.get(normalize_place(name))
        if key is None and name in self._parents:
            key = name
        self._cache[name] = key
        return key

    def key(self, name: str | None) -> str | None:
        """A key for comparing places: the resolved key, or the normalised name if unknown."""
        if name is None:
            return None
        resolved = self.resolve(name)
        return resolved if resolved is not None else "~" + normalize_place(name)

    def label(self, key: str) -> str:
        """A readable name for a key."""
        self._load()
        return self._labels.get(key, key.lstrip("~"))

    def parent(self, key: str) -> str | None:
        self._load()
        return self._parents.get(key)

    def ancestors(self, key: str) -> tuple[str, ...]:
        """Every place containing ``key``, innermost first."""
        self._load()
        chain: list[str] = []
        current = self._parents.get(key)
        while current is not None and len(chain) < 32:
            chain.append(current)
            current = self._parents.get(current)
        return tuple(chain)

    def contains(self, outer: str, inner: str) -> bool:
        """Whether place ``inner`` lies strictly within place ``outer`` (names or keys)."""
        a, b = self.key(outer), self.key(inner)
        return a is not None and b is not None and a in self.ancestors(b)
