"""Figures: numbers as they were stated, with the interval their hedge implies.

>>> f = Figure.parse("nearly 12,000")
>>> f.value, f.low, f.high, f.hedge
(12000, 10800, 12000, 'nearly')
>>> Figure.parse("43%").of(f).format()
'5,160 [4,644, 5,160] (derived)'
>>> round(Figure.parse("24 miles").to("km").value, 1)
38.6
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

import attrs

from ._format import html as _html
from ._grammar import (
    GRAMMAR,
    LEXICON,
    Lexicon,
    NumberGrammar,
    overridden,
    reversed_digits,
    times,
    word_scale,
)
from ._units import UNITS, conversion_factor, normalize_unit
from .errors import ClaimtrackError, ParseError, UnitError, ValidationError

__all__ = [
    "HEDGES",
    "Figure",
    "HedgePolicy",
    "agreement_interval",
    "relative_gap",
]


def _refuse_lone_surrogates(field: str, text: str | None) -> None:
    """Refuse text that no file can hold: a lone surrogate (U+D800 to U+DFFF, as a
    JSON escape "\\ud800" or a bad decode can make) is no character, and UTF-8
    cannot encode it, so the claim could be read but never hashed or written."""
    if text is None or text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValidationError(
            field, text, f"valid Unicode (a lone surrogate {text[err.start]!r} is no character)"
        ) from None


#: Every hedge a figure may carry, and what it means for the interval.
HEDGES: Mapping[str, str] = MappingProxyType(
    {
        "exact": "the value itself: low = high = value",
        "about": "a band on both sides: value -/+ HedgePolicy.about x |value|",
        "nearly": "just below: low = value - HedgePolicy.nearly x |value|, high = value",
        "over": "above: low = value (open), no high",
        "at_least": "low = value (closed), no high",
        "up_to": "high = value (closed), low = HedgePolicy.floor",
        "under": "high = value (open), low = HedgePolicy.floor",
        "range": "low and high as stated; value is their midpoint",
        "vague": "a word such as 'dozens': the interval HedgePolicy.vague gives it",
        "derived": "computed from other figures (a share of a total)",
        "sum": "the sum of other figures",
        "interval": "an interval given explicitly",
    }
)

_NUMBER_TYPES = (int, float)


_FINITE = "a finite number (None for unbounded)"
# A figure is a phrase; its canonical text, even of an explicit interval between two
# 309-digit bounds, is under 1,500 characters. Longer text is refused at once.
_LONGEST_FIGURE = 10_000
_FIGURE_EXAMPLE = "Figure.parse('about 45') or Figure(45)"


def _as_number(value: Any, field: str = "figure value") -> float:
    """Integral floats become ints, so 45.0 prints and serialises as 45."""
    if isinstance(value, bool) or not isinstance(value, _NUMBER_TYPES):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise ValidationError(field, value, "a number") from None
    number = float(value) if not isinstance(value, int) else value
    if isinstance(number, int) and abs(number) > sys.float_info.max:
        # an int no float can hold would make every comparison and sum overflow
        raise ValidationError(field, _digits(number), "a finite number within ±1.8e308")
    if isinstance(number, float) and number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def _digits(number: int) -> str:
    """What a huge int is, without printing it (repr refuses ints over 4,300 digits)."""
    return f"an integer of about {int(number.bit_length() * math.log10(2)) + 1} digits"


def _as_low(value: Any) -> float | None:
    return None if value is None else _as_number(value, "figure low")


def _as_high(value: Any) -> float | None:
    return None if value is None else _as_number(value, "figure high")


def _finite(instance: Any, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not math.isfinite(value):
        raise ValidationError(f"figure {attribute.name}", value, _FINITE)


def _share(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not (isinstance(value, int | float) and 0 <= value < 1):
        raise ValidationError(f"HedgePolicy.{attribute.name}", value, "a fraction in [0, 1)")


@attrs.frozen
class HedgePolicy:
    """How wide the interval of a hedged figure is. Replace it to change the rule.

    Parameters
    ----------
    about
        Half-width of "about/around/roughly 200" relative to the value (0.1: 180 to 220).
    nearly
        Depth of "nearly/almost 12,000" below the value (0.1: 10,800 to 12,000).
    floor
        Lower bound given to "up to" and "under" figures of non-negative values
        (counts, amounts and lengths are not negative); None leaves them unbounded.
    vague
        Interval for each vague quantity word ("dozens": 24 to 144); its value is the
        geometric mean of the ends, rounded to a whole number of two significant figures.
    lexicon
        The words read around numbers (see ``claimtrack/data/lexicon.json``).
    """

    about: float = attrs.field(default=0.1, validator=_share)
    nearly: float = attrs.field(default=0.1, validator=_share)
    floor: float | None = 0.0
    vague: Mapping[str, tuple[float, float]] = attrs.field(
        factory=lambda: dict(LEXICON.vague), hash=False
    )
    lexicon: Lexicon = LEXICON

    def interval(self, hedge: str, value: float) -> tuple[float | None, float | None, bool, bool]:
        """The (low, high, low_open, high_open) this policy gives a hedged value."""
        size = abs(value)
        floor = self.floor if self.floor is not None and value > self.floor else None
        rules: dict[str, tuple[float | None, float | None, bool, bool]] = {
            "exact": (value, value, False, False),
            "about": (value - self.about * size, value + self.about * size, False, False),
            "nearly": (value - self.nearly * size, value, False, False),
            "over": (value, None, True, False),
            "at_least": (value, None, False, False),
            "up_to": (floor, value, False, False),
            "under": (floor, value, False, True),
        }
        if hedge not in rules:
            raise ValidationError("hedge", hedge, "one of " + ", ".join(rules))
        return rules[hedge]

    def vague_value(self, word: str) -> tuple[float, float, float]:
        low, high = self.vague[word]
        mean = math.sqrt(low * high)
        digits = min(0, 1 - math.floor(math.log10(mean)))
        return round(mean, digits), low, high


DEFAULT_POLICY = HedgePolicy()
_GRAMMARS: dict[int, NumberGrammar] = {id(LEXICON): GRAMMAR}


def _grammar(policy: HedgePolicy) -> NumberGrammar:
    if id(policy.lexicon) not in _GRAMMARS:
        _GRAMMARS[id(policy.lexicon)] = NumberGrammar(policy.lexicon)
    return _GRAMMARS[id(policy.lexicon)]


@attrs.frozen(repr=False)
class Figure:
    """A number as it was stated: a value, the interval around it, a unit and a hedge.

    ``low`` and ``high`` are None where the interval is unbounded; ``low_open`` and
    ``high_open`` say whether an end is excluded ("over 40" excludes 40). ``unit``
    is a canonical key from ``claimtrack/data/units.json`` (``"km"``, ``"%"``,
    ``"USD"``) or None for a plain count. ``text`` is what was written; it does not
    take part in equality, so ``Figure.parse("45") == Figure.parse("forty-five")``.
    """

    value: float = attrs.field(converter=_as_number, validator=_finite)
    low: float | None = attrs.field(
        default=attrs.Factory(lambda self: self.value, takes_self=True),
        converter=_as_low,
        validator=_finite,
    )
    high: float | None = attrs.field(
        default=attrs.Factory(lambda self: self.value, takes_self=True),
        converter=_as_high,
        validator=_finite,
    )
    low_open: bool = attrs.field(default=False, converter=bool)
    high_open: bool = attrs.field(default=False, converter=bool)
    unit: str | None = attrs.field(default=None, converter=normalize_unit)
    hedge: str = attrs.field(default="exact")
    text: str = attrs.field(default="", eq=False, converter=str)

    @hedge.validator
    def _check_hedge(self, attribute: attrs.Attribute[str], hedge: str) -> None:
        if hedge not in HEDGES:
            raise ValidationError("figure hedge", hedge, "one of " + ", ".join(HEDGES))

    def __attrs_post_init__(self) -> None:
        _refuse_lone_surrogates("figure text", self.text)
        _refuse_lone_surrogates("figure unit", self.unit)
        lo, hi = self.bounds
        if lo > hi or (lo == hi and (self.low_open or self.high_open)):
            raise ValidationError(
                "figure low", self.low, f"a low no greater than the high ({self.high})"
            )
        if not lo <= self.value <= hi:
            raise ValidationError(
                "figure value", self.value, f"a value between low {self.low} and high {self.high}"
            )

    # -- reading ------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str, policy: HedgePolicy | None = None) -> Figure:
        """Read a figure from a phrase: ``"nearly 12,000"``, ``"over 1,250 km²"``, ``"six"``.

        Text without a number raises ``ParseError``; so does text with two figures
        in it, and text of over 10,000 characters (running text is for
        ``claimtrack.extract``). Words after the figure that are not a unit are
        ignored (``"45 drones"`` is 45). Every failure is a ``ParseError``: a number
        past a float ("1e400 in 5"), a range across units, a lone surrogate, digits
        a right-to-left override shows reversed, digits of two scripts.
        """
        if text.__class__ is not str or (policy is not None and policy is not DEFAULT_POLICY):
            return cls._parse(text, policy)
        # A file of claims repeats its figures, and most are plain numbers: a figure is
        # an immutable value, so one parse serves every copy of a phrase, and a plain
        # number, hedged or not ("nearly 12,000"), needs no grammar (the grammar reads
        # it the same way; a test holds both to it for every hedge of the lexicon).
        figure = _PARSED.get(text)
        if figure is None:
            hedge_words, space, number = text.rpartition(" ")
            hedge = DEFAULT_POLICY.lexicon.prefix_hedges.get(hedge_words) if space else None
            if (hedge is not None or not space) and _PLAIN_NUMBER.fullmatch(number):
                value = int(number.replace(",", ""))
                figure = _hedged(value, None, hedge or "exact", DEFAULT_POLICY, text)
            else:
                figure = cls._parse(text)
            if len(_PARSED) >= _PARSED_LIMIT:
                _PARSED.clear()
            _PARSED[text] = figure
        return figure

    @classmethod
    def _parse(cls, text: str, policy: HedgePolicy | None = None) -> Figure:
        """``parse`` through the grammar, every time."""
        if not isinstance(text, str):
            raise ParseError("figure", text, "a string such as 'nearly 12,000'")
        try:
            return _parse(text, policy or DEFAULT_POLICY)
        except ParseError:
            raise
        except ValidationError as error:
            # "1e400 in 5" (a share of an infinity), "5 km to 6 kg" (a range across units),
            # a lone surrogate: a figure that cannot be is a phrase that cannot be read
            raise ParseError("figure", text, f"{error.field} to be {error.expected}") from error

    # -- looking ------------------------------------------------------------------

    @property
    def bounds(self) -> tuple[float, float]:
        """(low, high) with infinities for unbounded ends."""
        return (
            -math.inf if self.low is None else self.low,
            math.inf if self.high is None else self.high,
        )

    def format(self) -> str:
        """Canonical text: ``Figure.parse(f.format()) == f`` for every known unit."""
        return self._canonical

    @cached_property
    def _canonical(self) -> str:
        natural = _natural(self)
        if natural is not None:
            return natural
        lo = "-inf" if self.low is None else _number_text(self.low)
        hi = "inf" if self.high is None else _number_text(self.high)
        left, right = "(" if self.low_open else "[", ")" if self.high_open else "]"
        return f"{_with_unit(self.value, self.unit)} {left}{lo}, {hi}{right} ({self.hedge})"

    def __str__(self) -> str:
        return self.text or self.format()

    def __repr__(self) -> str:
        return f"Figure({self.format()!r})"

    def _repr_html_(self) -> str:
        esc, num = _html.esc, _html.num
        unit = f" {esc(self.unit)}" if self.unit else ""
        low = "-∞" if self.low is None else num(self.low)
        high = "∞" if self.high is None else num(self.high)
        left, right = "(" if self.low_open else "[", ")" if self.high_open else "]"
        return (
            f'{_html.STYLE}<span class="ct"><b>{num(self.value)}</b>{unit} '
            f'<span class="muted">{left}{low}, {high}{right} {esc(self.hedge)}</span></span>'
        )

    # -- converting and comparing ---------------------------------------------------

    def to(self, unit: str | None) -> Figure:
        """The same figure in another unit; ``UnitError`` when the units do not convert."""
        target = normalize_unit(unit)
        factor = conversion_factor(self.unit, target)
        if factor == 1.0:
            return self if target == self.unit else attrs.evolve(self, unit=target)
        return self.scaled(factor, unit=target)

    def scaled(self, factor: float, **changes: Any) -> Figure:
        """The figure times a positive factor, interval and all ("half" of "a million");
        ``changes`` set other fields of the result (``unit=``, ``text=``).

        Examples
        --------
        >>> Figure.parse("about 200").scaled(3).bounds
        (540, 660)
        """
        if not (isinstance(factor, int | float) and math.isfinite(factor) and factor > 0):
            raise ValidationError("factor", factor, "a finite number above 0")

        def times(x: float | None) -> float | None:
            return None if x is None else x * factor

        return attrs.evolve(
            self, value=self.value * factor, low=times(self.low), high=times(self.high), **changes
        )

    def comparable(self, other: Figure) -> bool:
        """Whether ``other`` can be converted to this figure's unit."""
        try:
            conversion_factor(other.unit, self.unit)
        except UnitError:
            return False
        return True

    def overlaps(self, other: Figure) -> bool:
        """Whether the two intervals share at least one number (after unit conversion)."""
        other = other.to(self.unit)
        (a_lo, a_hi), (b_lo, b_hi) = self.bounds, other.bounds
        if a_hi < b_lo or b_hi < a_lo:
            return False
        if a_hi == b_lo and (self.high_open or other.low_open) and a_hi != math.inf:
            return False
        return not (b_hi == a_lo and (other.high_open or self.low_open) and b_hi != math.inf)

    def contains(self, item: float | Figure) -> bool:
        """Whether a number, or all of another figure's interval, lies within this one."""
        lo, hi = self.bounds
        if isinstance(item, Figure):
            other = item.to(self.unit)
            o_lo, o_hi = other.bounds
            low_ok = lo < o_lo or (lo == o_lo and (not self.low_open or other.low_open))
            high_ok = o_hi < hi or (o_hi == hi and (not self.high_open or other.high_open))
            return low_ok and high_ok
        return (lo < item or (lo == item and not self.low_open)) and (
            item < hi or (item == hi and not self.high_open)
        )

    def distance(self, other: Figure) -> float:
        """Relative gap between the intervals: 0 when they overlap, else gap / larger value.

        Examples
        --------
        >>> Figure.parse("238").distance(Figure.parse("about 220"))
        0.0
        >>> round(Figure.parse("45").distance(Figure.parse("60")), 3)
        0.25
        """
        other = other.to(self.unit)
        if self.overlaps(other):
            return 0.0
        (a_lo, a_hi), (b_lo, b_hi) = self.bounds, other.bounds
        return relative_gap(a_lo, a_hi, abs(self.value), b_lo, b_hi, abs(other.value))

    def consistent(self, other: Figure, tolerance: float) -> bool:
        """Whether two figures can both hold: their intervals are at most ``tolerance``
        apart, relative to the larger value (``distance``). "At least 13" is
        consistent with 40, and "more than 200" with "more than 900"."""
        return self.distance(other) <= tolerance

    def agrees(self, other: Figure, tolerance: float) -> bool:
        """Whether two figures agree, so that one confirms the other: they are
        ``consistent``, and where either has an unbounded end, their stated bounds are
        within the tolerance too. The one rule: checkers, estimates and grades all use it.

        Two half-open intervals always overlap, and overlap is not agreement: an
        unbounded end says nothing of where the value lies beyond the bound.

        Examples
        --------
        >>> Figure(100).agrees(Figure(105.2), 0.05), Figure(100).agrees(Figure(106), 0.05)
        (True, False)
        >>> a, b = Figure.parse("more than 200"), Figure.parse("over 900")
        >>> a.consistent(b, 0.05), a.agrees(b, 0.05), a.agrees(Figure(205), 0.05)
        (True, False, True)
        """
        if not self.consistent(other, tolerance):
            return False
        if None not in (self.low, self.high, other.low, other.high):
            return True
        x, y = self.stated_bound(), other.to(self.unit).stated_bound()
        if x is None or y is None:
            return False  # "some": no bound at all
        return relative_gap(x, x, abs(x), y, y, abs(y)) <= tolerance

    def stated_bound(self) -> float | None:
        """The number an open figure states: the bound of "more than 200" (200), the
        value of a bounded one; None for a figure with no bound at all ("some")."""
        if self.low is None and self.high is None:
            return None
        if self.high is None:
            return self.low
        if self.low is None:
            return self.high
        return self.value

    # -- combining ----------------------------------------------------------------

    def __add__(self, other: Figure) -> Figure:
        return Figure.total([self, other])

    @staticmethod
    def total(figures: Iterable[Figure]) -> Figure:
        """The sum of figures (parts of a whole), with the interval of the sum.

        Examples
        --------
        >>> Figure.total([Figure.parse("23"), Figure.parse("six"), Figure.parse("at least 2")])
        Figure('31 [31, inf] (sum)')
        """
        items = list(figures)
        if not items:
            raise ValidationError("figures", items, "at least one figure to add up")
        if not all(isinstance(f, Figure) for f in items):
            raise ValidationError("figures", items, f"Figure objects, such as {_FIGURE_EXAMPLE}")
        unit = items[0].unit
        items = [f.to(unit) for f in items]
        lows = [f.low for f in items]
        highs = [f.high for f in items]
        try:
            value = math.fsum(f.value for f in items)
            low = None if None in lows else math.fsum(x for x in lows if x is not None)
            high = None if None in highs else math.fsum(x for x in highs if x is not None)
        except OverflowError:
            shown = [f.format() for f in items]
            raise ValidationError("figures", shown, "parts whose sum is within ±1.8e308") from None
        return Figure(
            value=value,
            low=low,
            high=high,
            low_open=any(f.low_open for f in items),
            high_open=any(f.high_open for f in items),
            unit=unit,
            hedge="exact" if all(f.hedge == "exact" for f in items) else "sum",
            text=" + ".join(str(f) for f in items),
        )

    def of(self, total: Figure) -> Figure:
        """This share (a percentage) of a total: 43% of nearly 12,000 is about 5,160."""
        if not isinstance(total, Figure):
            raise ValidationError("total", total, f"a Figure, such as {_FIGURE_EXAMPLE}")
        if self.unit != "%":
            raise UnitError("share unit", self.unit, "'%' (a share such as '43%')")
        ends = []
        for s, s_open in ((self.low, self.low_open), (self.high, self.high_open)):
            for t, t_open in ((total.low, total.low_open), (total.high, total.high_open)):
                ends.append((_percent_of(s, t), s_open or t_open))
        lo = min(ends, key=lambda e: (e[0], e[1]))
        hi = max(ends, key=lambda e: (e[0], not e[1]))
        return Figure(
            value=_percent_of(self.value, total.value),
            low=None if lo[0] == -math.inf else lo[0],
            high=None if hi[0] == math.inf else hi[0],
            low_open=lo[1] and lo[0] != -math.inf,
            high_open=hi[1] and hi[0] != math.inf,
            unit=total.unit,
            hedge="derived",
            text=f"{self} of {total}",
        )


def _parse(text: str, policy: HedgePolicy) -> Figure:
    """``Figure.parse`` of a string; any ``ValidationError`` is the caller's to translate."""
    if len(text) > _LONGEST_FIGURE:
        raise ParseError(
            "figure",
            text,
            f"a phrase of at most {_LONGEST_FIGURE:,} characters "
            "(for running text, use claimtrack.extract)",
        )
    if reversed_digits(text, overridden(text)):
        raise ParseError(
            "figure",
            text,
            "digits shown as they are read (under a right-to-left override U+202E, "
            "'54' shows as 45)",
        )
    explicit = _explicit(text)
    body = explicit["body"] if explicit else text
    grammar = _grammar(policy)
    found = list(grammar.finditer(body))
    if not found:
        raise ParseError("figure", text, "a number in digits or words, e.g. 'about 200'")
    if len(found) == 2 and not explicit:  # "1 in 3", "nine out of ten": one share
        a, b = (_from_parts(m.parts, policy, grammar, m.text) for m in found)
        second = found[1].start + len(found[1].text) - len(found[1].text.lstrip())
        share = ratio(a, b, body[found[0].end : second], policy, text.strip())
        if share is not None:
            return share
    if len(found) == 1 and _DIGIT.search(body[: found[0].start] + body[found[0].end :]):
        # a digit left unread changes the number: "1,5 million", "1.234.567"
        raise ParseError(
            "figure",
            text,
            "one figure whose every digit is read (a decimal point, not a comma: "
            "'1.5 million'; thousands with commas: '1,234,567')",
        )
    if len(found) == 1 and _LETTER.search(body[: found[0].start]):
        # a word before the number that is no hedge, currency or sign would be dropped
        # unread ("abt 40" as exactly 40, "USD 40" with no unit): say so instead
        unread = body[: found[0].start].strip()
        unread = unread if len(unread) <= 40 else f"{unread[:37]}..."
        raise ParseError(
            "figure",
            text,
            f"no word before the number but a known hedge or currency ({unread!r} is "
            "neither): 'about 40', 'more than 40', '$40', or the unit after: '40 USD'",
        )
    if len(found) > 1:
        others = ", ".join(repr(m.text.strip()) for m in found[:5])
        if len(found) > 5:
            others += f" and {len(found) - 5:,} more"
        raise ParseError("figure", text, f"one figure, found {len(found):,}: {others}")
    figure = _from_parts(found[0].parts, policy, grammar, text.strip())
    return _with_explicit(figure, explicit, text.strip()) if explicit else figure


def _percent_of(a: float | None, b: float | None) -> float:
    """a% of b for interval ends, where None is an infinity (of the end's sign) and 0 x inf = 0.

    The product is divided by 100 afterwards, as a person would (43 x 12,000 / 100 has
    no rounding noise); only when the product alone overflows is it divided first.
    """
    x = math.inf if a is None else a
    y = math.inf if b is None else b
    if x == 0 or y == 0:
        return 0.0
    product = x * y
    if math.isinf(product) and math.isfinite(x) and math.isfinite(y):
        return x / 100 * y
    return product / 100


def _from_parts(
    parts: Mapping[str, str | None], policy: HedgePolicy, grammar: NumberGrammar, text: str
) -> Figure:
    """The figure of a grammar match; a number no float can hold is a ``ParseError``."""
    try:
        return _read_parts(parts, policy, grammar, text)
    except ClaimtrackError:
        raise
    except (ValueError, OverflowError):
        # int() refuses more than 4,300 digits; a float product of a huge int overflows
        raise ParseError(
            "figure", text, "a number within ±1.8e308 written in at most 4,300 digits"
        ) from None


def _read_parts(
    parts: Mapping[str, str | None], policy: HedgePolicy, grammar: NumberGrammar, text: str
) -> Figure:
    hedge_word = parts["hedge"]
    suffix_word = parts["suffix"]
    lex = policy.lexicon
    hedge = "exact"
    if hedge_word:
        hedge = lex.prefix_hedges[_key(hedge_word)]
    if suffix_word:
        hedge = lex.suffix_hedges[_key(suffix_word.lstrip(" -"))]
    if parts["vague"]:
        value, low, high = policy.vague_value(_key(parts["vague"]))
        if scale := parts["vscale"]:  # "several thousand": the vague count, in thousands
            factor = word_scale(scale)
            value, low, high = (times(x, factor) for x in (value, low, high))
        return Figure(value, low, high, hedge="vague", text=text)
    if (fraction := parts["fof"]) and (scale := parts["fofscale"]):  # "a quarter of a million"
        value = times(lex.fractions[_key(fraction)] / 100, word_scale(scale))
        return _hedged(value, None, hedge, policy, text)
    if parts["fraction"]:
        share = lex.fractions[_key(parts["fraction"])]
        return _hedged(share, "%", hedge, policy, text)
    for first, second in (("a", "b"), ("c", "d")):
        if parts[first + "num"] is not None:
            (lo, lo_unit, lo_scale), (hi, hi_unit, hi_scale) = (
                grammar.quantity(parts, t) for t in (first, second)
            )
            if lo_scale == 1:  # "$1-2 billion": the scale of the second applies to both
                lo = lo * hi_scale
                lo = lo * _shared_scale(parts[first + "num"], parts[second + "num"], lo, hi)
            unit = hi_unit if hi_unit is not None else lo_unit
            if lo_unit not in (None, unit):
                lo = lo * conversion_factor(lo_unit, unit)
            if lo > hi:
                raise ParseError("figure range", text, "a range whose first number is the lower")
            return Figure((lo + hi) / 2, lo, hi, unit=unit, hedge="range", text=text)
    value, unit, _ = grammar.quantity(parts, "")
    return _hedged(value, unit, hedge, policy, text)


_WORD_SCALE_FACTORS = {
    w: word_scale(w) for w in ("dozen", "hundred", "thousand", "million", "billion", "trillion")
}


def _shared_scale(low: str | None, high: str | None, lo: float, hi: float) -> float:
    """The scale word that ends the upper number of a range written in words and that
    the lower one lacks: "five to six million" is five million to six million, "two to
    three hundred" two hundred to three hundred; 1 otherwise."""
    low_words = _key(low or "").replace("-", " ").split()
    high_words = _key(high or "").replace("-", " ").split()
    if not low_words or not high_words or any(w in _WORD_SCALE_FACTORS for w in low_words):
        return 1.0
    factor = _WORD_SCALE_FACTORS.get(high_words[-1], 1.0)
    return factor if lo * factor <= hi else 1.0


_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
# A whole number in digits, with or without thousands commas: what most figures in a
# file are. Fifteen digits at most, so that its int is also an exact float.
_PLAIN_NUMBER = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3}){1,4}|[0-9]{1,15}")
_PARSED: dict[str, Figure] = {}  # the default policy's figure of each phrase met
_PARSED_LIMIT = 1 << 16  # phrases kept at most; then the memo starts again
_RATIO = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)


def ratio(a: Figure, b: Figure, between: str, policy: HedgePolicy, text: str) -> Figure | None:
    """ "1 in 3", "nearly 9 out of 10": the share ``a`` of ``b`` when ``between`` joins
    them so, both are counts and ``a`` is no more than ``b``; None otherwise."""
    if (
        a.unit is None is b.unit
        and b.hedge == "exact"
        and a.hedge not in ("range", "vague")
        and 0 < a.value <= b.value
        and _RATIO.fullmatch(between)
    ):
        share = 100 * a.value / b.value
        low, high, low_open, high_open = policy.interval(a.hedge, share)
        return Figure(share, low, high, low_open, high_open, "%", a.hedge, text)
    return None


def _hedged(value: float, unit: str | None, hedge: str, policy: HedgePolicy, text: str) -> Figure:
    low, high, low_open, high_open = policy.interval(hedge, value)
    return Figure(value, low, high, low_open, high_open, unit=unit, hedge=hedge, text=text)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


_BOUND = r"(?:[-−]?\d[\d,]*(?:\.\d+)?(?:[eE][+-]?\d+)?|[-−]?inf|[-−]?∞)"
_INTERVAL = re.compile(rf"\s*(?P<lo>{_BOUND})\s*,\s*(?P<hi>{_BOUND})\s*")
_HEDGE_NAME = re.compile(r"[a-z_]+")
# Two bounds of at most 309 digits with their commas fit; the limit keeps the
# backtracking of the interval pattern (commas are in numbers and between them) small.
_LONGEST_INTERVAL = 1000


def _explicit(text: str) -> dict[str, str] | None:
    """The parts of an explicit interval, ``"5 [1, 6] (interval)"``: body, lb, lo, hi, rb
    and hedge; None when the text does not end in one.

    The interval is found from the end of the text, so reading it takes time in
    proportion to the text (a pattern anchored at the start backtracked cubically
    over runs of spaces).
    """
    rest = text.rstrip()
    hedge = ""
    if rest.endswith(")"):
        opening = rest.rfind("(")
        if opening >= 0 and _HEDGE_NAME.fullmatch(rest, opening + 1, len(rest) - 1):
            hedge, rest = rest[opening + 1 : -1], rest[:opening].rstrip()
    if not rest.endswith(("]", ")")):
        return None
    opening = max(rest.rfind("["), rest.rfind("("))
    if opening < 0 or len(rest) - opening > _LONGEST_INTERVAL:
        return None
    m = _INTERVAL.fullmatch(rest, opening + 1, len(rest) - 1)
    if m is None:
        return None
    return {
        "body": rest[:opening].strip(), "lb": rest[opening], "lo": m["lo"], "hi": m["hi"],
        "rb": rest[-1], "hedge": hedge,
    }  # fmt: skip


def _with_explicit(figure: Figure, parts: Mapping[str, str], text: str) -> Figure:
    def bound(text: str) -> float | None:
        text = text.replace("−", "-")
        return None if "inf" in text or "∞" in text else GRAMMAR.number(text)

    return Figure(
        figure.value,
        bound(parts["lo"]),
        bound(parts["hi"]),
        low_open=parts["lb"] == "(",
        high_open=parts["rb"] == ")",
        unit=figure.unit,
        hedge=parts["hedge"] or "interval",
        text=text,
    )


_CANONICAL_HEDGE = {
    "exact": "",
    "about": "about ",
    "nearly": "nearly ",
    "over": "over ",
    "at_least": "at least ",
    "up_to": "up to ",
    "under": "under ",
}


def _number_text(x: float) -> str:
    return f"{x:,}" if isinstance(x, int) else repr(x)


def _with_unit(value: float, unit: str | None) -> str:
    number = _number_text(value)
    if unit is None:
        return number
    known = UNITS.get(unit)
    return number + (known.symbol if known else " " + unit)


def _natural(f: Figure) -> str | None:
    """The plain-language phrase for a figure, if reading it back gives the same figure."""
    if f.unit is not None and f.unit not in UNITS:
        return None
    if f.hedge in _CANONICAL_HEDGE:
        if DEFAULT_POLICY.interval(f.hedge, f.value) == (f.low, f.high, f.low_open, f.high_open):
            return _CANONICAL_HEDGE[f.hedge] + _with_unit(f.value, f.unit)
        return None
    midpoint = f.low is not None and f.high is not None and f.value == (f.low + f.high) / 2
    if f.hedge == "range" and midpoint and not (f.low_open or f.high_open):
        return f"between {_number_text(f.low)} and {_with_unit(f.high, f.unit)}"  # type: ignore[arg-type]
    return None


# -- the agreement rule ---------------------------------------------------------------


def relative_gap(
    a_low: float, a_high: float, a_size: float, b_low: float, b_high: float, b_size: float
) -> float:
    """The gap between two intervals over the larger of the two values' sizes (``abs``),
    in [0, 1]: 0 when they overlap or touch, 1 when the gap overflows (ends near
    ±1.8e308 are farther apart than a float can say).

    Two figures agree within a tolerance when this is at most the tolerance
    (``Figure.agrees``); ``agreement_interval`` gives the values that do.
    """
    if a_high < b_low:
        gap = b_low - a_high
    elif b_high < a_low:
        gap = a_low - b_high
    else:
        return 0.0
    if math.isinf(gap) or math.isnan(gap):
        return 1.0
    return gap / max(a_size, b_size, gap)


def agreement_interval(
    value: float, low: float, high: float, tolerance: float
) -> tuple[float, float]:
    """The exact values that agree with a figure (its value, its interval as ``low`` and
    ``high``, infinite where unbounded) under ``relative_gap`` within ``tolerance``.

    A value ``v`` above the interval agrees when ``v - high <= tolerance * max(|v|,
    |value|)``, that is up to ``high + tolerance * |value|`` or, where ``v`` is the
    larger, up to ``high / (1 - tolerance)``; below it, symmetrically.

    >>> agreement_interval(100, 100, 100, 0.05)
    (95.0, 105.26315789473685)
    """
    if tolerance <= 0:
        return low, high
    size = abs(value) * tolerance
    upper = high + size
    if high > 0:
        upper = max(upper, high / (1 - tolerance))
    lower = low - size
    if low < 0:
        lower = min(lower, low / (1 - tolerance))
    return lower, upper
