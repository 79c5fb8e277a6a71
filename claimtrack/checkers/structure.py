"""Part and whole, and derived figures: group checkers that look across quantities."""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from ..errors import UnitError, ValidationError
from ..figure import relative_gap
from ..model import Claim
from ..relations import Quantity, Reason, Relation, Verdict
from ._base import Context, SeriesKey, checker, moment_of
from ._text import num, show

__all__ = ["Derived", "PartWhole"]


def _low(claim: Claim, unit: str | None) -> float:
    """The least a part can be: its lower bound (0 when unbounded below)."""
    figure = claim.figure
    low = figure.low if figure.unit == unit else figure.to(unit).low
    return 0.0 if low is None else low


#: How old a part of a running count may be, before its whole, to be taken as part of it.
FRESH = dt.timedelta(days=1)


def _freshest(parts: Sequence[Claim], whole: Claim, context: Context) -> list[Claim]:
    """The parts a whole of a running count was given with: in each place, the latest
    figures known when it was given, and published at most ``FRESH`` before it."""
    moment = whole.moment
    if moment is None:
        return list(parts)
    latest: dict[str | None, list[Claim]] = {}
    # the parts are in order of publication: only those of the last FRESH before it, and
    # for a whole given at no time of day, those of its day (``known_at`` says which)
    first = bisect.bisect_left(parts, moment - FRESH, key=moment_of)
    until = moment if isinstance(whole.published, dt.datetime) else _day_end(moment)
    last = bisect.bisect_right(parts, until, key=moment_of)
    for part in parts[first:last]:
        when = part.moment
        if when is None or moment - when > FRESH or not context.known_at(part, whole):
            continue
        place = context.quantity(part).place
        kept = latest.setdefault(place, [])
        if kept and kept[0].moment is not None and when > kept[0].moment:
            kept.clear()
        if not kept or kept[0].moment == when:
            kept.append(part)
    return [p for kept in latest.values() for p in kept]


def _day_end(moment: dt.datetime) -> dt.datetime:
    """The last moment of a moment's day."""
    start = dt.datetime.combine(moment.date(), dt.time())
    return start + dt.timedelta(days=1, microseconds=-1)


def _floors(
    whole: Claim, parts: Sequence[Claim], key: SeriesKey, context: Context
) -> dict[str, float]:
    """For each place of the parts a whole of a running count is checked against, the
    least that any origin's figure still standing when it was given says the place
    holds, however old: the least the place can hold is the least anyone said."""
    unit = whole.figure.unit
    floors: dict[str, float] = {}
    if whole.moment is None:
        return floors
    for place in {context.quantity(p).place for p in parts}:
        if place is None:
            continue
        for series, origin in [
            (s, o) for s in context.series_inside(key, place) for o in context.origins_of(s)
        ]:
            for c in context.latest_before(series, origin, whole.moment):
                if (
                    c.stance == "asserts"
                    and c.kind != "projection"
                    and c.current
                    and whole.figure.comparable(c.figure)
                    and not (c.figure.low == 0 < c.figure.value)
                    and context.known_at(c, whole)
                ):
                    floors[place] = min(floors.get(place, math.inf), _low(c, unit))
    return floors


@checker("part_whole")
@attrs.frozen
class PartWhole:
    """Claims on places inside another claim's place (same measure, same period) are its
    parts. Each part's lower bound, plus the least the other stated places can hold,
    must fit under the whole's upper bound: if it does, the part is ``part_of`` the
    whole; if not, the part ``contradicts`` it, and the reason names every term.

    Negative figures (changes, not amounts) are neither parts nor wholes. For each
    place below the whole only the outermost stated places count (a town
    inside a stated region is that region's part, not the country's), and a place
    stated by several claims holds at least the smallest of their lower bounds. A running
    count is a part of one counted since its start or earlier (burned on Rhodes since
    Tuesday, within burned in Greece since July 1).
    """

    def check(self, new: Sequence[Claim], context: Context) -> Iterator[Verdict]:
        wholes: dict[Quantity, dict[str, Claim]] = {}
        running: dict[str, Claim] = {}  # wholes of running counts, checked across days
        for claim in new:
            q = context.quantity(claim)
            if q.place is None:
                continue
            key = context.series_key(claim)
            if key is not None:
                moment = moment_of(claim)
                day_start = dt.datetime.combine(moment.date(), dt.time())
                for outer in context.places.ancestors(q.place):
                    # a part counts for the wholes given from its day (a whole given at
                    # no time of day) to FRESH after it, counted since its start or before
                    for counted in context.series_around(key, outer):
                        later = context.series_of(counted)
                        first = bisect.bisect_left(later, day_start, key=moment_of)
                        last = bisect.bisect_right(later, moment + FRESH, key=moment_of)
                        for whole in later[first:last]:
                            running[whole.id] = whole
                if context.series_within((key[0], q.place, key[2])):
                    running[claim.id] = claim
                continue
            for outer in context.places.ancestors(q.place):
                around = Quantity(q.measure, outer, q.period, q.dimension)
                for whole in context.claims_about(around):
                    wholes.setdefault(around, {})[whole.id] = whole
            if context.claims_within(q):
                wholes.setdefault(q, {})[claim.id] = claim
        fresh = {c.id for c in new}
        for quantity, claims in wholes.items():
            yield from self._check_wholes(quantity, list(claims.values()), context, fresh=fresh)
        for whole in running.values():
            key = context.series_key(whole)
            assert key is not None
            q = context.quantity(whole)
            parts = _freshest(context.series_within((key[0], q.place, key[2])), whole, context)
            floor = _floors(whole, parts, key, context)
            day = whole.published_day
            for verdict in self._check_wholes(q, [whole], context, parts, floor):
                # a part of an earlier day that fits is no longer the part the whole holds
                # (a tally grows through the day); one that exceeds it still contradicts
                # it. An estimate of the day before (a damage assessment, both sides
                # estimates) is not re-counted by the hour: it is still the part.
                if (
                    verdict.relation is Relation.PART_OF
                    and verdict.a.published_day != day
                    and not verdict.a.kind == whole.kind == "estimate"
                ):
                    continue
                yield verdict

    def _check_wholes(
        self,
        q: Quantity,
        wholes: list[Claim],
        context: Context,
        within: Sequence[Claim] | None = None,
        floor: Mapping[str, float] | None = None,
        fresh: set[str] | None = None,
    ) -> Iterable[Verdict]:
        """Every part against every whole claim on one quantity, in the unit of the first
        whole. A whole of a running count is checked against the parts known when it
        was given: each part's latest figure published by then; ``floor`` may lower
        the least a place holds (what older figures still standing then said).

        ``fresh``: the claims new in this link. A part and a whole checked before are
        checked again only when the part's sum moved (a new place, or a new least
        figure for one): otherwise the verdict is the one given before, and giving
        it again would only replace it with itself."""
        unit = wholes[0].figure.unit
        candidates = [
            part
            for part in (context.claims_within(q) if within is None else within)
            # parts add up to a whole only as amounts: a negative figure is a change
            if part.stance == "asserts"
            and part.kind != "projection"
            and part.figure.value >= 0
            # a part bounded only above ("up to 6,000") locates nothing of the whole
            and not (part.figure.low == 0 < part.figure.value)
            and wholes[0].figure.comparable(part.figure)
        ]
        if not candidates:
            return []
        tol = max(context.tolerance, 1e-9)
        verdicts: list[Verdict] = []
        timed = any(context.series_key(c) is not None for c in candidates)
        shared = None if timed else self._sums(candidates, unit, context)
        settled = self._settled(candidates, shared, wholes, unit, context, fresh)
        for whole in wholes:
            if whole.figure.value < 0 or not wholes[0].figure.comparable(whole.figure):
                continue  # dollars and euros: one dimension, no exchange rate
            if whole.kind == "projection":
                continue
            sums = shared
            if sums is None:
                seen = [p for p in candidates if context.known_at(p, whole)]
                sums = self._sums(seen, unit, context, floor)
            elif settled and fresh is not None and whole.id not in fresh:
                sums = [s for s in sums if s[0].id not in settled]
            verdicts.extend(self._against(whole, sums, unit, tol))
        return verdicts

    def _settled(
        self,
        candidates: list[Claim],
        sums: list[tuple[Claim, float, _Sum]] | None,
        wholes: list[Claim],
        unit: str | None,
        context: Context,
        fresh: set[str] | None,
    ) -> set[str]:
        """The parts checked before whose sum the fresh claims leave as it was: their
        verdicts on the wholes checked before stand. Their sums before are worked out
        without the fresh claims. Where the wholes differ in unit, the sums are in the
        unit of whichever comes first, so none is settled."""
        if not fresh or sums is None or any(w.figure.unit != unit for w in wholes):
            return set()
        old = [p for p in candidates if p.id not in fresh]
        if len(old) == len(candidates):
            return {p.id for p in old}  # no fresh part: every sum is as it was
        before = {p.id: (t, w.rest, w.rest_text) for p, t, w in self._sums(old, unit, context)}
        return {
            p.id
            for p, total, why in sums
            if p.id not in fresh and before.get(p.id) == (total, why.rest, why.rest_text)
        }

    @staticmethod
    def _sums(
        parts: list[Claim],
        unit: str | None,
        context: Context,
        floor: Mapping[str, float] | None = None,
    ) -> list[tuple[Claim, float, _Sum]]:
        """Each part's least sum with the least of the other stated places (no more than
        ``floor`` gives for a place), and the reason that tells it (one for the parts
        of a place)."""
        by_place: dict[str, list[Claim]] = defaultdict(list)
        for part in parts:
            by_place[context.quantity(part).place or ""].append(part)
        outermost = {
            place: members
            for place, members in by_place.items()
            if not any(a in by_place for a in context.places.ancestors(place))
        }
        least = {
            place: min(min(_low(p, unit) for p in members), (floor or {}).get(place, math.inf))
            for place, members in outermost.items()
        }
        sums: list[tuple[Claim, float, _Sum]] = []
        for place, members in outermost.items():
            others = [(least[o], o) for o in sorted(outermost) if o != place]
            rest = math.fsum(v for v, _ in others)
            rest_text = "".join(f" + {num(v)} {outermost[o][0].place}" for v, o in others)
            why = _Sum(rest, rest_text, unit)
            sums.extend((part, _low(part, unit) + rest, why) for part in members)
        return sums

    @staticmethod
    def _against(
        whole: Claim, sums: list[tuple[Claim, float, _Sum]], unit: str | None, tol: float
    ) -> Iterable[Verdict]:
        figure = whole.figure if whole.figure.unit == unit else whole.figure.to(unit)
        high = figure.high
        size = abs(figure.value)
        for part, total, why in sums:
            over = high is not None and (total > high or (total == high and figure.high_open))
            # the parts may pass the whole by the tolerance: rounding, not a contradiction
            if (
                over
                and high is not None
                and relative_gap(total, total, total, high, high, size) > tol
            ):
                excess = (total - high) / max(abs(high), 1e-12)
                strength = max(0.01, 1.0 - math.exp(-excess / tol))
                relation = Relation.CONTRADICTS
            else:
                strength, relation = 1.0, Relation.PART_OF
            yield Verdict.trusted(relation, part, whole, strength, why, "part_whole")


@attrs.frozen(eq=False)
class _Sum(Reason):
    """The part-whole sentence for the parts of one place: a part's least figure plus
    the least of the other places (``rest``, told in ``rest_text``), against the whole."""

    rest: float
    rest_text: str
    unit: str | None

    def text(self, relation: Relation, a: Claim, b: Claim) -> str:
        part, whole = a, b
        low = _low(part, self.unit)
        said = f"{num(low)} {part.place}{self.rest_text} = {num(low + self.rest)}"
        stated, where = show(whole.figure), whole.place or "the whole"
        if relation is Relation.CONTRADICTS:
            return (
                f"{said} by {part.source.name} and others, more than the "
                f"{stated} {whole.source.name} states for {where}"
            )
        return f"{said} located of {stated} for {where}: consistent"


def _day_before(share: Claim, total: Claim, key: SeriesKey, context: Context) -> bool:
    """Whether a total of a running count was given the day before a share of it: a
    share of the count so far, said a day after the count it rests on ("nearly half of
    the 216 dead", in the next day's paper), is of that count."""
    found = context.series_key(total)
    share_day, total_day = share.published_day, total.published_day
    return (
        found is not None
        and found[2][0] == key[2][0]
        and share_day is not None
        and total_day is not None
        and share_day - total_day == dt.timedelta(days=1)
    )


@checker("derived")
@attrs.frozen
class Derived:
    """A share ("43% intercepted", ``share_of="missiles and drones fired"``) and a total
    for that measure, place and period ("nearly 12,000 fired") yield a derived claim
    ("about 5,160 intercepted") by the share's source, with ``derived_from`` verdicts
    to both; the graph then checks it against direct claims like any other. The
    total may be at another place (``share_place``: "21% of Valencia's deaths were
    in Paiporta"). A derived claim is never the input of another derivation, so
    linking reaches a fixed point.
    """

    def check(self, new: Sequence[Claim], context: Context) -> Iterator[Verdict]:
        for claim in new:
            if claim.derived_from:  # a derived claim never derives again: a fixed point
                continue
            q = context.quantity(claim)
            key = context.series_key(claim)
            if claim.figure.unit == "%" and claim.share_of is not None:
                total_key = context.measure_key(claim.share_of)
                whole = context.places.key(claim.share_place) if claim.share_place else q.place
                for total in context.claims_on(total_key, whole, q.period):
                    yield from self._derive(claim, total)
                if key is not None:
                    for total in context.topic_claims(total_key, whole):
                        if _day_before(claim, total, key, context):
                            yield from self._derive(claim, total)
            elif claim.figure.unit != "%":
                for share in context.shares_of(q):
                    yield from self._derive(share, claim)
                if key is not None:
                    start = key[2][0]
                    for share in context.running_shares_of(q.measure, q.place, start):
                        if _day_before(share, claim, key, context):
                            yield from self._derive(share, claim)

    def _derive(self, share: Claim, total: Claim) -> Iterable[Verdict]:
        if total.figure.unit == "%" or total.stance != "asserts" or share.stance != "asserts":
            return []
        if total.derived_from or total.kind == "projection" or share.kind == "projection":
            return []
        try:
            figure = share.figure.of(total.figure)
        except (UnitError, ValidationError):  # not a count, or beyond what a float holds
            return []
        derived = Claim(
            source=share.source,
            measure=share.measure,
            figure=figure,
            place=share.place,
            period=share.period,
            confidence=share.confidence * total.confidence,
            text=f"{show(share.figure)} of {show(total.figure)} {total.measure}",
            via=share.via,
            published=share.published,
            derived_from=(share.id, total.id),
        )
        reason = (
            f"{show(share.figure)} of {show(total.figure)} {total.measure} "
            f"= {num(figure.value)} ({num(figure.low)} to {num(figure.high)})"
        )
        return [
            Verdict(Relation.DERIVED_FROM, derived, share, 1.0, reason, "derived"),
            Verdict(Relation.DERIVED_FROM, derived, total, 1.0, reason, "derived"),
        ]
