"""Relations between claims, and verdicts: a relation with a strength and a reason.

``Verdict(relation, a, b, strength, reason)`` reads "a <relation> b": a part
is ``part_of`` its whole, a derived claim is ``derived_from`` its inputs, a
relay ``relays`` the claim closer to the origin, a later count ``supersedes``
an earlier one of the same origin, a lower one ``revises`` it, a repeat of an
older figure after a newer one was out is ``stale``, and a count ``settles`` a
projection made before it. ``corroborates`` and ``contradicts`` are symmetric.
What each does to the assessment is in ``docs/assess.md``.
"""

from __future__ import annotations

import abc
import enum
import math
from collections.abc import Iterable
from typing import Any

import attrs

from ._format import html as _html
from .errors import ValidationError
from .model import Claim, Period, said_html

__all__ = ["Quantity", "Reason", "Relation", "Verdict", "as_relation", "verdicts_html"]


@attrs.frozen(repr=False, cache_hash=True)
class Quantity:
    """What claims are about: a measure (its lexicon key), a place (its gazetteer key),
    a period, and what the figures measure (a count, a percentage, a length, ...: "43%
    intercepted" and "5,160 intercepted" are different quantities). Claims about one
    quantity are compared with each other.

    The labels keep the words of the first claim seen, for display; they do not
    take part in equality.
    """

    measure: str
    place: str | None
    period: Period | None
    dimension: str = "count"
    label_measure: str = attrs.field(default="", eq=False)
    label_place: str | None = attrs.field(default=None, eq=False)

    @property
    def label(self) -> str:
        """ "drones destroyed · Russia · 2024-08-21"."""
        parts = [self.label_measure or self.measure]
        if self.dimension != "count":
            parts[0] += f" ({self.dimension})"
        parts.append(self.label_place or (self.place or "anywhere").lstrip("~"))
        parts.append(str(self.period) if self.period else "any time")
        return " · ".join(parts)

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"Quantity({self.label!r})"


class Relation(str, enum.Enum):
    """How two claims relate."""

    CORROBORATES = "corroborates"
    CONTRADICTS = "contradicts"
    PART_OF = "part_of"
    DERIVED_FROM = "derived_from"
    RELAYS = "relays"
    SUPERSEDES = "supersedes"
    REVISES = "revises"
    STALE = "stale"
    SETTLES = "settles"

    @property
    def symmetric(self) -> bool:
        """Whether "a r b" says the same as "b r a"."""
        return self in (Relation.CORROBORATES, Relation.CONTRADICTS)

    def __str__(self) -> str:
        return self.value


def as_relation(value: Any) -> Relation:
    """A Relation from itself or its name; a clear error for anything else."""
    if isinstance(value, Relation):
        return value
    try:
        return Relation(str(value).lower())
    except ValueError:
        known = ", ".join(r.value for r in Relation)
        raise ValidationError("relation", value, f"one of {known}") from None


def _strength(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError("strength", value, "a number in [0, 1]") from None
    if not (math.isfinite(number) and 0.0 <= number <= 1.0):
        raise ValidationError("strength", value, "a number in [0, 1]")
    return number


def _claim(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Claim):
        raise ValidationError(f"verdict {attribute.name}", value, "a Claim")


class Reason(abc.ABC):
    """A verdict's reason written when it is read, for checkers that make millions.

    One object serves many verdicts: it holds what their sentences share, and
    each verdict's relation and two claims give the rest. A graph keeps the
    object, not a sentence per verdict (on a large graph the sentences were a
    fifth of its memory), and ``Verdict.reason`` writes the sentence when read.
    Subclasses define ``text``; it must give the same sentence every time.
    """

    __slots__ = ()

    @abc.abstractmethod
    def text(self, relation: Relation, a: Claim, b: Claim) -> str:
        """The sentence for the verdict "a <relation> b"."""


def _reason(value: Any) -> str | Reason:
    return value if isinstance(value, Reason) else str(value)


@attrs.frozen(repr=False, eq=False)
class Verdict:
    """What a checker concluded about two claims: "a <relation> b", how strongly, and why.

    ``strength`` is in [0, 1]; ``reason`` is a sentence a person can read
    ("23 + 6 + 2 = 31 located of 45: consistent"), or a ``Reason`` that writes it
    when it is read; ``checker`` names the checker that said so (the graph fills
    it in).
    """

    relation: Relation = attrs.field(converter=as_relation)
    a: Claim = attrs.field(validator=_claim)
    b: Claim = attrs.field(validator=_claim)
    strength: float = attrs.field(default=1.0, converter=_strength)
    _why: str | Reason = attrs.field(default="", converter=_reason, alias="reason")
    checker: str = attrs.field(default="", converter=str)

    def __attrs_post_init__(self) -> None:
        if self.a.id == self.b.id:
            raise ValidationError("verdict b", self.b, "a claim other than a")

    @property
    def reason(self) -> str:
        """Why the checker concluded so, in a sentence."""
        why = self._why
        return why if isinstance(why, str) else why.text(self.relation, self.a, self.b)

    def _key(self) -> tuple[Any, ...]:
        return (self.relation, self.a, self.b, self.strength, self.reason, self.checker)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Verdict):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    @classmethod
    def trusted(
        cls,
        relation: Relation,
        a: Claim,
        b: Claim,
        strength: float,
        reason: str | Reason,
        checker: str,
    ) -> Verdict:
        """A verdict from values already known to be valid, skipping validation: the
        built-in checkers make millions of these on large graphs."""
        verdict = object.__new__(cls)
        put = object.__setattr__
        put(verdict, "relation", relation)
        put(verdict, "a", a)
        put(verdict, "b", b)
        put(verdict, "strength", strength)
        put(verdict, "_why", reason)
        put(verdict, "checker", checker)
        return verdict

    def involves(self, claim: Claim) -> bool:
        return claim.id in (self.a.id, self.b.id)

    def other(self, claim: Claim) -> Claim:
        """The claim on the other end from ``claim``."""
        return self.b if self.a.id == claim.id else self.a

    def __repr__(self) -> str:
        return (
            f"Verdict({self.relation.value!r}, {self.a.figure.format()!r} by "
            f"{self.a.source.name!r}, {self.b.figure.format()!r} by {self.b.source.name!r}, "
            f"strength={self.strength:.2f}, reason={self.reason!r})"
        )

    def _repr_html_(self) -> str:
        return verdicts_html([self])


def verdicts_html(items: Iterable[Verdict], limit: int | None = None) -> str:
    """Verdicts as an HTML table: relation, both claims, strength, reason, checker."""
    items = list(items)
    rows = [
        (
            _html.relation(v.relation.value), said_html(v.a), said_html(v.b),
            f"{v.strength:.2f}", v.reason, v.checker,
        )
        for v in items[: _html.limit_rows(limit)]
    ]  # fmt: skip
    headers = ["relation", "a", "b", "strength", "reason", "checker"]
    return _html.table(headers, rows, total=len(items), max_rows=limit)
