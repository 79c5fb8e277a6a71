"""The measure vocabulary: which measure phrases mean the same quantity.

"drones shot down", "downed drones" and "drones intercepted" are one measure in
conflict reporting; "killed", "dead", "the death toll" and "fatalities" are all
``deaths``. The lexicon rewrites the words of a measure to canonical words
(``normalize``), names the measure a phrase is about (``measure``: a phrase that
holds a *named* measure, such as ``deaths`` or ``injured``, is that measure
whatever was counted), and gives an order-free key for comparing measures
(``key``). ``extract`` and every ``ClaimGraph`` use the same one, so extracted
and hand-made claims about one quantity meet. The default is
``claimtrack/data/measures.json``; extend it per graph.

>>> lex = MeasureLexicon.default()
>>> lex.normalize("Drones brought down")
'drones destroyed'
>>> lex.measure("people killed"), lex.measure("the death toll"), lex.measure("wounded")
('deaths', 'deaths', 'injured')
>>> lex.key("drones shot down") == lex.key("intercepted drones")
True
>>> lex.key("people killed") == lex.key("deaths") == lex.key("death toll")
True
>>> lex.key("missiles fired") == lex.key("missiles intercepted")
False
>>> lex.key("displaced") == lex.key("evacuated")
False
>>> lex.key("countries affected") == lex.key("affected country")
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import attrs

from ._files import read_json
from .errors import FileFormatError, ValidationError

__all__ = ["MeasureLexicon"]

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text))


@attrs.frozen
class MeasureLexicon:
    """Synonyms and stopwords for measures.

    Parameters
    ----------
    synonyms
        Canonical word -> the words and phrases that mean it.
    stopwords
        Words dropped when measures are compared ("the", "of", ...).
    named
        Canonical words that are a measure on their own ("deaths", "injured"): a
        phrase holding one is that measure, whoever was counted.
    generic
        Words that say nothing about what is counted ("people", "others"): dropped
        from a measure and when measures are compared.
    qualifiers
        Words that stay with a named measure: "suspected cases" is not "cases".
    """

    synonyms: Mapping[str, tuple[str, ...]] = attrs.field(hash=False)
    stopwords: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    qualifiers: frozenset[str] = frozenset()
    _index: dict[tuple[str, ...], str] = attrs.field(init=False, hash=False, eq=False, repr=False)
    _measures: dict[str, str] = attrs.field(init=False, hash=False, eq=False, repr=False)
    _longest: int = attrs.field(init=False, hash=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[tuple[str, ...], str] = {}
        for canonical, phrases in self.synonyms.items():
            for phrase in (canonical, *phrases):
                words = _phrase(phrase)
                if not words:
                    raise ValidationError("measure synonym", phrase, "at least one word")
                index[words] = canonical
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_measures", {})  # phrases read before, and their measure
        object.__setattr__(self, "_longest", max((len(k) for k in index), default=1))

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> MeasureLexicon:
        return cls(
            synonyms={k: tuple(v) for k, v in raw.get("synonyms", {}).items()},
            stopwords=frozenset(raw.get("stopwords", ())),
            named=frozenset(raw.get("named", ())),
            generic=frozenset(raw.get("generic", ())),
            qualifiers=frozenset(raw.get("qualifiers", ())),
        )

    @classmethod
    def default(cls) -> MeasureLexicon:
        """The shipped lexicon for conflict and disaster reporting."""
        return _DEFAULT

    @classmethod
    def from_file(cls, path: str) -> MeasureLexicon:
        """A lexicon from a JSON file shaped like ``claimtrack/data/measures.json``.

        A file that cannot be read, or is not such JSON, is a ``FileFormatError``
        naming it.
        """
        raw = read_json(path)
        if not isinstance(raw, Mapping) or not isinstance(raw.get("synonyms", {}), Mapping):
            raise FileFormatError(
                str(path), 'expected a JSON object such as {"synonyms": {"destroyed": ["downed"]}}'
            )
        try:
            return cls.from_dict(raw)
        except (TypeError, AttributeError) as err:
            raise FileFormatError(str(path), f"not a measure lexicon: {err}") from None

    def with_synonyms(
        self, synonyms: Mapping[str, Iterable[str]], named: Iterable[str] = ()
    ) -> MeasureLexicon:
        """A copy with more synonyms: ``{"destroyed": ["zapped"]}``; the canonical words
        in ``named`` become measures on their own (``{"cases": ["infections"]}``,
        ``named=["cases"]``)."""
        merged = {k: tuple(v) for k, v in self.synonyms.items()}
        for canonical, phrases in synonyms.items():
            merged[canonical] = (*merged.get(canonical, ()), *phrases)
        return attrs.evolve(self, synonyms=merged, named=self.named | frozenset(named))

    def _canonical_words(self, text: str) -> list[str]:
        words = _phrase(text)
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                canonical = self._index.get(words[i : i + size])
                if canonical is not None:
                    out.append(canonical)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def known(self, phrase: str) -> bool:
        """Whether two words in a row of ``phrase`` are a phrase of the vocabulary
        ("electoral votes", "death toll"), which no reading should take apart."""
        words = _phrase(phrase)
        return any(
            words[i : i + size] in self._index
            for size in range(2, self._longest + 1)
            for i in range(len(words) - size + 1)
        )

    def normalize(self, measure: str) -> str:
        """The measure in canonical words, in its own order: "drones brought down" ->
        "drones destroyed"."""
        return " ".join(self._canonical_words(measure))

    def measure(self, phrase: str) -> str:
        """The measure a phrase names: a named measure it holds ("12 people killed" ->
        "deaths"; the last, when it holds several, as the event follows what was
        counted; with its qualifiers: "suspected cases"), else the phrase in canonical
        words without its generic ones."""
        found = self._measures.get(phrase)
        if found is not None:
            return found
        words = self._canonical_words(phrase)
        named = [w for w in words if w in self.named]
        if named:
            kept = [w for w in words[: words.index(named[-1])] if w in self.qualifiers]
            found = " ".join([*dict.fromkeys(kept), named[-1]])
        else:
            specific = [w for w in words if w not in self.generic]
            found = " ".join(specific or words)
        if len(self._measures) < 100_000:
            self._measures[phrase] = found
        return found

    def key(self, measure: str) -> str:
        """An order-free key: two measures with the same key are the same quantity."""
        words = [
            w for phrase in self._canonical_words(measure) for w in phrase.split()
            if w not in self.stopwords
        ]  # fmt: skip
        specific = {_singular(w) for w in words if w not in self.generic}
        return " ".join(sorted(specific or {_singular(w) for w in words}))


def _singular(word: str) -> str:
    """A crude singular, applied to both sides of every comparison: "drones" -> "drone",
    "countries" -> "country", "businesses" -> "business", "churches" -> "church"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _load_default() -> MeasureLexicon:
    text = resources.files("claimtrack").joinpath("data/measures.json").read_text("utf-8")
    return MeasureLexicon.from_dict(json.loads(text))


_DEFAULT = _load_default()
