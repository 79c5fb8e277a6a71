"""Running counts: one origin's figures for a count "to date", in the order published.

A death toll rises through the day, a ministry revises, an outlet repeats an
older figure. Each is a statement of one origin in one series (measure, place
and start of the count, ``Context.series_key``), and none is a disagreement.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable, Iterator, Sequence

import attrs

from ..figure import Figure
from ..model import Claim
from ..relations import Relation, Verdict
from ._base import Context, checker, moment_of
from ._text import pct, show

__all__ = ["Cumulative", "Projections", "in_order"]


def in_order(claims: Iterable[Claim]) -> list[Claim]:
    """One origin's statements of a running count in the order they were made: by time
    of publication; within a day where a statement gives no time of day, a repeat of
    the figure the day began with comes first (nothing shows the day's new figure was
    out when it was repeated), then the count is taken to rise (lower figures first),
    with declared revisions last."""
    by_day: dict[object, list[Claim]] = {}
    for c in claims:
        by_day.setdefault(c.published_day, []).append(c)
    out: list[Claim] = []
    for day in sorted(by_day, key=lambda d: (d is None, d)):
        members = by_day[day]
        # the sort is stable: statements alike in all of these stay in the order given
        if all(isinstance(c.published, dt.datetime) for c in members):
            members.sort(key=lambda c: (c.moment, len(c.via)))
        else:
            before = out[-1] if out else None

            def fresh(c: Claim, before: Claim | None = before) -> bool:
                return before is None or not _states_again(c, before)

            members.sort(key=lambda c: (fresh(c), c.revision, c.figure.value, c.moment, len(c.via)))
        out.extend(members)
    return out


def _states_again(claim: Claim, earlier: Claim) -> bool:
    """Whether a claim states the very number an earlier one did ("at least 76" and
    76 do; "about 3,600" and 3,283 do not, though they overlap; "more than 50%" and
    "nearly 50%" do not: they put the value on either side of the number; a range
    states only itself: "1,000 to 1,100" does not state "about 1,050")."""
    a, b = claim.figure, earlier.figure
    if not b.comparable(a):
        return False
    a = a.to(b.unit)
    if "range" in (a.hedge, b.hedge):  # "1,000 to 1,100" states its ends, not 1,050
        return a.hedge == b.hedge and a.bounds == b.bounds
    x, y = a.stated_bound(), b.stated_bound()
    return x is not None and x == y and not _either_side(a, b)


def _either_side(a: Figure, b: Figure) -> bool:
    """Whether two figures are ranges on either side of one number, meeting at most
    there ("nearly 50" and "over 50"; "up to 100" and "at least 100")."""
    (la, ha), (lb, hb) = a.bounds, b.bounds
    return (la < ha <= lb < hb) or (lb < hb <= la < ha)


def _restates(claim: Claim, earlier: Claim) -> bool:
    """Whether a claim states a number an earlier one gave: its stated figure is the
    earlier's, or one of its ends ("as many as 20,000" after "18,000 to 20,000")."""
    a, b = claim.figure, earlier.figure
    if not b.comparable(a):
        return False
    said = a.to(b.unit).stated_bound()
    return said is not None and said in {b.stated_bound(), b.low, b.high}


def _late(claim: Claim, stated: Sequence[Claim], after: Sequence[Claim]) -> bool:
    """Whether an undeclared fall is an older figure published late rather than a
    revision: it is no lower than a figure its origin gave before the one it falls
    from (it fits in the series as it was), and the origin's next different figure
    is no lower than the one it fell from (the count went on from there)."""
    latest = stated[-1]
    if claim.revision or not latest.figure.comparable(claim.figure):
        return False
    value, top = claim.figure.to(latest.figure.unit).value, latest.figure.value
    if value >= top or not any(
        s.figure.comparable(claim.figure) and s.figure.to(latest.figure.unit).value <= value
        for s in stated[:-1]
    ):
        return False
    following = next((c for c in after if not _states_again(c, claim)), None)
    return (
        following is not None
        and following.figure.comparable(latest.figure)
        and following.figure.to(latest.figure.unit).value >= top
    )


def _one_statement(a: Claim, b: Claim) -> bool:
    """Whether two figures were given in one statement: the same words, published by
    the same chain at the same moment ("1,480,000 votes ..., with the ruling party's
    candidate on 1,390,000")."""
    return bool(a.text) and a.text == b.text and a.moment == b.moment and a.via == b.via


def _when(c: Claim) -> str:
    moment = c.moment
    if moment is None:
        return "an unknown time"
    if moment.hour or moment.minute or moment.second:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.date().isoformat()


@checker("cumulative")
@attrs.frozen
class Cumulative:
    """One origin's figures for one running count, in the order published.

    Each figure that differs from the origin's previous one ``supersedes`` it when
    higher (an update) and ``revises`` it when lower: a declared revision when the
    claim says so (``Claim.revision``), a suspect fall when it does not (strength
    0.5, and the reason says so). A figure that repeats one the origin gave before
    ``relays`` that statement, unless the origin had since given another figure:
    then it is ``stale``. Figures given in one statement (the same words, published
    at the same moment) are given at once: each goes on from the figure before
    that statement, none from another. Only consecutive statements are linked, so a
    series of n figures gives about n verdicts, not n squared.
    """

    def check(self, new: Sequence[Claim], context: Context) -> Iterator[Verdict]:
        yield from self._walks(new, context)
        yield from self._across(new, context)

    def _walks(self, new: Sequence[Claim], context: Context) -> Iterator[Verdict]:
        done: set[tuple[tuple[str, str | None, object], str]] = set()
        for claim in new:
            key = context.series_key(claim)
            if key is None or claim.moment is None:
                continue
            origin = context.origin(claim)
            if (key, origin) in done:
                continue
            done.add((key, origin))
            series = in_order(c for c in context.statements(key, origin) if c.stance == "asserts")
            yield from self._walk(series, context)

    def _walk(self, series: list[Claim], context: Context) -> Iterator[Verdict]:
        stated: list[Claim] = []  # the origin's statements so far, one per new figure
        replaced = context.revised(series[0]) if series else None
        if replaced is not None:  # a declared revision that moved the count to another place
            stated.append(replaced)
        for i, claim in enumerate(series):
            # figures given in one statement are given at once: none is the count as it
            # stood before another, so each goes on from what came before the statement
            earlier = [s for s in stated if not _one_statement(claim, s)]
            if not earlier:
                stated.append(claim)
                continue
            latest = earlier[-1]
            # a repeat states the very figure again: a running count moves by small steps,
            # so figures within the tolerance of each other are still an update
            passed = context.passed_again(claim, earlier)
            same = [s for s in earlier if _states_again(claim, s) and s.id not in passed]
            if same:
                repeated = same[-1]
                if repeated is latest:
                    said = show(repeated.figure)
                    reason = f"{claim.source.name} repeats {said} of {_when(repeated)}: one origin"
                    yield Verdict.trusted(
                        Relation.RELAYS, claim, repeated, 1.0, reason, "cumulative"
                    )
                    continue
                reason = (
                    f"{show(claim.figure)} on {_when(claim)} repeats the figure of "
                    f"{_when(repeated)}, after {show(latest.figure)} was given on {_when(latest)}"
                )
                yield Verdict.trusted(Relation.STALE, claim, latest, 1.0, reason, "cumulative")
                # and it repeats that statement: one origin, as a relay of it is
                said = f"{claim.source.name} repeats {show(repeated.figure)} of {_when(repeated)}"
                yield Verdict.trusted(
                    Relation.RELAYS, claim, repeated, 1.0, f"{said}: one origin", "cumulative"
                )
                continue
            taken = context.withdrawn(claim, earlier)
            if taken is not None:  # a figure its origin took back, given again: not an update
                reason = (
                    f"{show(claim.figure)} on {_when(claim)} gives again the {show(taken.figure)} "
                    f"of {_when(taken)}, which a declared revision took back; "
                    f"{show(latest.figure)} of {_when(latest)} is the latest"
                )
                yield Verdict.trusted(Relation.STALE, claim, latest, 1.0, reason, "cumulative")
                continue
            if _late(claim, earlier, series[i + 1 :]):
                reason = (
                    f"{show(claim.figure)} on {_when(claim)} lies among the figures given before "
                    f"{show(latest.figure)} of {_when(latest)}, and the next figure goes on "
                    "from that one: an older figure, published late"
                )
                yield Verdict.trusted(Relation.STALE, claim, latest, 1.0, reason, "cumulative")
                continue
            stated.append(claim)
            yield self._step(claim, latest)

    def _across(self, new: Sequence[Claim], context: Context) -> Iterator[Verdict]:
        """Two origins' figures for one running count, a day or more apart (on one day,
        ``agreement`` compares them): within ``window`` of each other, a later figure
        below another origin's earlier one ``contradicts`` it, since a count to date
        does not fall (a declared revision excepted: it corrects its own origin's
        count; a figure revised later counts while it stood, a retracted one never);
        within a day, figures that agree ``corroborate``, the very same figure too; the
        very same figure ``relays`` the first statement of it (an echo) when given more
        than a day later, after it was replaced (a restatement replaces nothing), or by
        an outlet (``Source.kind`` "media"). Each figure meets the other origins' latest
        figures before it, and the figures after it of which it is its origin's latest."""
        tol = context.tolerance
        seen: set[tuple[str, str]] = set()
        window = self.window
        for claim in new:
            key = context.series_key(claim)
            moment = claim.moment
            if key is None or moment is None:
                continue
            series = context.series_of(key)  # in order of publication
            first = bisect.bisect_left(series, moment - window, key=moment_of)
            last = bisect.bisect_right(series, moment + window, key=moment_of)
            for other in series[first:last]:
                if other.moment is None or other.moment == moment or other.id == claim.id:
                    continue
                pair = (min(claim.id, other.id), max(claim.id, other.id))
                if pair in seen:
                    continue
                seen.add(pair)
                later, earlier = (claim, other) if other.moment < moment else (other, claim)
                verdict = self._compare(later, earlier, context, tol)
                if verdict is not None:
                    yield verdict

    window = dt.timedelta(days=3)
    #: How far apart two origins' figures may be published and still speak of one state
    #: of the count: agreeing ones corroborate; an equal one given later is an echo.
    fresh = dt.timedelta(days=1)

    def _compare(
        self, later: Claim, earlier: Claim, context: Context, tol: float
    ) -> Verdict | None:
        gap = later.moment - earlier.moment if later.moment and earlier.moment else None
        if (
            gap is not None
            and later.published_day == earlier.published_day
            and self._updates_echo(later, earlier, context)
        ):
            reason = (
                f"{show(later.figure)} ({later.source.name}, {_when(later)}) updates the "
                f"{show(earlier.figure)} {earlier.source.name} repeated from it on "
                f"{_when(earlier)}"
            )
            return Verdict.trusted(Relation.SUPERSEDES, later, earlier, 1.0, reason, "cumulative")
        if (
            gap is None
            or gap > self.window
            or later.published_day == earlier.published_day
            or later.stance != "asserts"
            or earlier.stance != "asserts"
            or context.origin(later) == context.origin(earlier)
            or not earlier.figure.comparable(later.figure)
            # a restatement of its origin's previous figure says nothing new: the
            # statement it repeats meets the other origins' figures
            or context.repeats(later)
            or context.repeats(earlier)
        ):
            return None
        if _states_again(later, earlier) and (
            gap > self.fresh
            or later.source.kind == "media"
            or not earlier.current
            or context.replaced(earlier, later.moment)
        ):
            # the very number another origin gave more than a day before, or one replaced
            # since, or given by an outlet (which counts nothing of its own): repeated
            # from it (an echo without attribution), not a second count that happens to
            # match; so whether either was replaced since, or was its origin's latest
            # word then. It is repeated from the first time that origin gave it. Within a
            # day, the very figure of a count that still stands, from an origin that
            # counts, is a second count of the same state of it: it corroborates, as an
            # agreeing figure does.
            key = context.series_key(earlier)
            said = context.statements(key, context.origin(earlier)) if key else [earlier]
            first = next((c for c in in_order(said) if _states_again(earlier, c)), earlier)
            if first is not earlier:
                return None
            reason = (
                f"{later.source.name} gives on {_when(later)} the very figure "
                f"{show(earlier.figure)} {earlier.source.name} gave on {_when(earlier)}: "
                "repeated from it"
            )
            return Verdict.trusted(Relation.RELAYS, later, earlier, 1.0, reason, "cumulative")
        if (
            # a figure revised later was its origin's word until then (``known_at``); a
            # retracted one was never a count; a declared revision corrects its origin's
            # own count on a basis of its own, and disputes no other origin's earlier one
            "retracted" in (later.status, earlier.status)
            or later.revision
            or not context.known_at(earlier, later)
            or context.stale(later)
            or not self._first_after(later, earlier, context)
        ):
            return None
        lf, ef = later.figure.to(earlier.figure.unit), earlier.figure
        l_hi, e_lo = lf.bounds[1], ef.bounds[0]
        if l_hi < e_lo and ef.distance(lf) > tol:
            reason = (
                f"{show(later.figure)} ({later.source.name}, {_when(later)}) is "
                f"{pct(ef.distance(lf))} below the {show(ef)} {earlier.source.name} gave on "
                f"{_when(earlier)}, and a count to date does not fall"
            )
            return Verdict.trusted(Relation.CONTRADICTS, later, earlier, 1.0, reason, "cumulative")
        bounded = None not in (lf.low, lf.high, ef.low, ef.high)
        if bounded and gap <= self.fresh and ef.agrees(lf, tol):
            reason = (
                f"{show(later.figure)} ({later.source.name}, {_when(later)}) and {show(ef)} "
                f"({earlier.source.name}, {_when(earlier)}) are within the {pct(tol)} tolerance"
            )
            return Verdict.trusted(Relation.CORROBORATES, later, earlier, 1.0, reason, "cumulative")
        return None

    def _updates_echo(self, later: Claim, earlier: Claim, context: Context) -> bool:
        """Whether ``later`` is its origin's next, higher figure after ``earlier``, which
        gave again, on a later day, the very figure that origin had given (an outlet's
        morning repeat of last night's official toll, before the evening's update): an
        update of the origin's own figure, not a second origin disagreeing."""
        origin = context.origin(later)
        key = context.series_key(later)
        if (
            key is None
            or key != context.series_key(earlier)
            or origin == context.origin(earlier)
            or later.stance != "asserts"
            or earlier.stance != "asserts"
            or not (later.current and earlier.current)
            or not earlier.figure.comparable(later.figure)
        ):
            return False
        said = context.statements(key, origin)
        moment, day = moment_of(earlier), earlier.published_day
        echoed = any(
            z.moment is not None
            and day is not None
            and z.published_day is not None
            and z.published_day < day
            and moment - z.moment <= self.window
            and _states_again(earlier, z)
            for z in said[: bisect.bisect_left(said, moment, key=moment_of)]
        )
        if not echoed:
            return False
        i = bisect.bisect_right(said, moment, key=moment_of)
        following = next((c for c in said[i:] if not _states_again(c, earlier)), None)
        return (
            following is later and later.figure.to(earlier.figure.unit).value > earlier.figure.value
        )

    @staticmethod
    def _first_after(later: Claim, earlier: Claim, context: Context) -> bool:
        """Whether ``later`` is its origin's first statement of the count after
        ``earlier`` was given: a disagreement with another origin's figure is drawn
        once, by the first figure after it, not again by every update that follows."""
        key = context.series_key(later)
        said = context.statements(key, context.origin(later)) if key else []
        i = bisect.bisect_right(said, moment_of(earlier), key=moment_of)
        return i < len(said) and said[i].moment == later.moment

    @staticmethod
    def _step(later: Claim, earlier: Claim) -> Verdict:
        lf, ef = later.figure.to(earlier.figure.unit), earlier.figure
        since = f"{_when(earlier)}"
        if lf.value >= ef.value:
            reason = f"{show(later.figure)} on {_when(later)} updates the {show(ef)} of {since}"
            return Verdict.trusted(Relation.SUPERSEDES, later, earlier, 1.0, reason, "cumulative")
        gap = ef.distance(lf) if not ef.overlaps(lf) else 0.0
        fall = f"{show(later.figure)} on {_when(later)} is lower than the {show(ef)} of {since}"
        if later.place != earlier.place:
            fall += f" (for {earlier.place}; now for {later.place})"
        if later.revision:
            reason = f"{fall}: a revision, as the source says"
            return Verdict.trusted(Relation.REVISES, later, earlier, 1.0, reason, "cumulative")
        reason = f"{fall} ({pct(gap)} apart), and the source does not say it revised it: suspect"
        return Verdict.trusted(Relation.REVISES, later, earlier, 0.5, reason, "cumulative")


@checker("projections")
@attrs.frozen
class Projections:
    """A projection ("could exceed 20,000", ``kind="projection"``) checked against the
    counts made after it, of the same measure and place: the first count that decides
    it (reaching a lower bound, or passing an upper one) and the latest count each
    ``settles`` it, with how far the projection missed in the reason. Projections are
    never compared with counts as if they were figures for the same moment.
    """

    def check(self, new: Sequence[Claim], context: Context) -> Iterator[Verdict]:
        projections: dict[str, Claim] = {}
        for claim in new:
            if claim.kind == "projection":
                projections[claim.id] = claim
                continue
            q = context.quantity(claim)
            for other in context.projections_on(q.measure, q.place):
                projections[other.id] = other
        for projection in projections.values():
            yield from self._settle(projection, context)

    def _settle(self, projection: Claim, context: Context) -> Iterator[Verdict]:
        if projection.moment is None:
            return
        q = context.quantity(projection)
        topic = context.topic_claims(q.measure, q.place)
        origin = context.origin(projection)
        earlier = [
            p
            for p in topic
            if p.kind == "projection"
            and p.moment is not None
            and p.moment < projection.moment
            and context.origin(p) == origin
            and _restates(projection, p)
        ]
        # a projection its origin had already made, its number stated again ("as many as
        # 20,000" after "18,000 to 20,000"): the forecast is unchanged, it relays that one
        if earlier:
            first = min(earlier, key=lambda p: (p.moment, p.id))
            reason = f"{projection.source.name} repeats the projection of {_when(first)}"
            yield Verdict.trusted(Relation.RELAYS, projection, first, 1.0, reason, "projections")
            return
        counts = in_order(
            c
            for c in topic
            if c.kind != "projection"
            and c.stance == "asserts"
            and c.current
            and c.moment is not None
            and c.published_day is not None
            and c.moment > projection.moment
            and c.figure.comparable(projection.figure)
            and not context.stale(c)
        )
        counts.sort(key=lambda c: c.published_day or dt.date.min)  # stable: days, then order
        if not counts:
            return
        low, high = projection.figure.bounds
        unit = projection.figure.unit

        def decides(count: Claim) -> bool:
            value = count.figure.to(unit).value
            return value > high or (high == math.inf and value >= low)

        deciding = next((c for c in counts if decides(c)), None)
        own = [c for c in counts if context.origin(c) == origin]
        chosen = (deciding, counts[-1], own[-1] if own else None)
        for count in dict.fromkeys(c for c in chosen if c is not None):
            yield self._verdict(count, projection)

    @staticmethod
    def _verdict(count: Claim, projection: Claim) -> Verdict:
        value = count.figure.to(projection.figure.unit).value
        low, high = projection.figure.bounds
        by = projection.source.name
        said = f"{show(projection.figure)} projected by {by} on {_when(projection)}"
        counted = f"{show(count.figure)} counted by {count.source.name} on {_when(count)}"
        if low <= value <= high:
            verdict = "held"
        else:
            bound = high if value > high else low
            verdict = f"missed by {pct(abs(value - bound) / max(abs(value), abs(bound), 1e-12))}"
            verdict += " (too low)" if value > high else " (too high)"
        reason = f"{counted}: the {said} {verdict}"
        return Verdict.trusted(Relation.SETTLES, count, projection, 1.0, reason, "projections")
