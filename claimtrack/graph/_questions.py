"""Questions over a linked graph, as plain functions (the way networkx writes algorithms).

``relation_pairs`` reads the verdict edges of some relations straight from the
adjacency; ``claim_origins`` says where each claim started; ``corroborating_origins``
gives the other origins backing each claim; ``supports`` and ``disputes`` answer
the questions a reader asks. The assessment reads a graph only through these.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from .._format import html as _html
from ..checkers.cumulative import in_order
from ..model import Claim, said_html
from ..relations import Quantity, Relation, Verdict
from ._edges import UNSET, EdgeKeys, SoleVerdict, VerdictEdge, VerdictView

if TYPE_CHECKING:
    from ._graph import ClaimGraph

__all__ = [
    "Dispute",
    "claim_origins",
    "corroborating_origins",
    "count_verdicts",
    "disputes",
    "relation_pairs",
    "supports",
    "timeline",
    "unchanged",
]


@attrs.frozen
class Dispute:
    """A quantity with at least one contradiction, the claims on each side, and the
    contradictions themselves. A side is a group of claims about the quantity that
    corroborate or relay one another; ``parts`` are the claims about other quantities
    (a region's toll that exceeds the country's) that contradict it."""

    quantity: Quantity
    sides: tuple[tuple[Claim, ...], ...]
    contradictions: tuple[Verdict, ...]
    parts: tuple[Claim, ...] = ()

    def __str__(self) -> str:
        sides = " vs ".join(
            "/".join(sorted({c.figure.format() for c in side})) for side in self.sides
        )
        parts = ", ".join(f"{c.figure.format()} ({c.place or 'elsewhere'})" for c in self.parts)
        return f"{self.quantity.label}: {sides}" + (
            f"; parts adding up to more: {parts}" if parts else ""
        )

    def _repr_html_(self) -> str:
        head = "".join(f"<th>side {i}</th>" for i in range(1, len(self.sides) + 1))
        cells = "".join(
            "<td>" + "<br>".join(said_html(c) for c in side) + "</td>" for side in self.sides
        )
        reasons = "".join(f"<li>{_html.esc(v.reason)}</li>" for v in self.contradictions)
        parts = ", ".join(
            f"{said_html(c)} ({_html.esc(c.place or 'elsewhere')})" for c in self.parts
        )
        return (
            f'{_html.STYLE}<div class="ct"><p><b>{_html.esc(self.quantity.label)}</b> '
            f'<span class="contradicts">disputed</span></p>'
            f'<table class="ct"><thead><tr>{head}</tr></thead><tbody><tr>{cells}</tr>'
            f"</tbody></table>"
            + (f"<p>Parts adding up to more: {parts}</p>" if parts else "")
            + f"<p>Contradictions:</p><ul>{reasons}</ul></div>"
        )


#: The ``(u, v)`` claim ids of the verdict edges of each relation asked for.
Pairs = dict[Relation, list[tuple[str, str]]]


def relation_pairs(graph: ClaimGraph, *relations: Relation) -> Pairs:
    """The ``(u, v)`` of every verdict edge of each relation, in one pass read straight
    from the adjacency (``edges(data="relation")`` costs three times as much per edge)."""
    found: Pairs = {r: [] for r in relations}
    succ: dict[str, dict[str, Any]] = graph.graph._succ  # type: ignore[attr-defined]
    for u in graph.context.claim_ids():  # sources only assert and carry
        for w, keys in succ.get(u, {}).items():
            # A relation deleted from a VerdictEdge reads UNSET, which is no relation.
            if keys.__class__ is SoleVerdict and keys._more is None:
                # the usual case, one verdict between two claims: read from its slot
                if keys._key is not UNSET and keys.relation in found:
                    found[keys.relation].append((u, w))
                continue
            if keys.__class__ is EdgeKeys and keys._more is None:
                # the usual case, one verdict between two claims: read from its slot
                if keys._key is not UNSET:
                    data = keys._value
                    relation = (
                        data.relation if data.__class__ is VerdictEdge else data.get("relation")
                    )
                    if relation in found:
                        found[relation].append((u, w))
                continue
            for data in keys.values():
                relation = data.relation if data.__class__ is VerdictEdge else data.get("relation")
                if relation in found:
                    found[relation].append((u, w))
    for v in graph._held():  # a dense quantity's verdicts, made now
        if v.relation in found:
            found[v.relation].append((v.a.id, v.b.id))
    return found


#: A verdict as a row: a's id, b's id, checker, relation, strength, reason.
VerdictRow = tuple[str, str, str, str, float, str]
_RELATION_TEXT = {r: r.value for r in Relation}  # str(member) goes through enum machinery


def verdict_rows(graph: ClaimGraph) -> list[VerdictRow]:
    """Every verdict of a graph as a row, read from the claims' adjacency (no Verdict
    objects, no networkx views, and the sources' edges are never visited)."""
    succ: dict[str, dict[str, Any]] = graph.graph._succ  # type: ignore[attr-defined]
    text = _RELATION_TEXT
    rows: list[VerdictRow] = []
    add = rows.append
    for a in graph.context.claim_ids():
        out = succ.get(a)
        if not out:
            continue
        for b, keys in out.items():
            if keys.__class__ is SoleVerdict and keys._more is None:  # the usual case
                if keys._key is not UNSET and keys.kind == "verdict":
                    view = VerdictView(keys)
                    relation = keys.relation
                    add((a, b, keys._key, text.get(relation, relation), keys.strength,
                         view["reason"]))  # fmt: skip
                continue
            for checker, data in keys.items():
                if data.get("kind") == "verdict":
                    relation = data["relation"]
                    add((a, b, checker, text.get(relation, relation), data["strength"],
                         data["reason"]))  # fmt: skip
    for v in graph._held():  # a dense quantity's verdicts, made now
        add((v.a.id, v.b.id, v.checker, text.get(v.relation, v.relation), v.strength, v.reason))
    return rows


def count_verdicts(graph: ClaimGraph) -> int:
    """How many verdicts the graph holds, counted on the adjacency (no ``Verdict`` made)."""
    succ: dict[str, dict[str, Any]] = graph.graph._succ  # type: ignore[attr-defined]
    count = 0
    for neighbours in succ.values():
        for keys in neighbours.values():
            if keys.__class__ is SoleVerdict and keys._more is None:
                count += keys._key is not UNSET and keys.kind == "verdict"
                continue
            for data in keys.values():
                kind = data.kind if data.__class__ is VerdictEdge else data.get("kind")
                count += kind == "verdict"
    return count + sum(1 for _ in graph._held())


def claim_origins(graph: ClaimGraph, claims: Iterable[Claim]) -> dict[str, str]:
    """The origin of each claim (where its statement started: relays share it), by id."""
    origin = graph.context.origin
    return {c.id: origin(c) for c in claims}


def corroborating_origins(found: Pairs, origins: dict[str, str]) -> defaultdict[str, set[str]]:
    """The origins corroborating each claim besides its own, by claim id (only the claims
    that have some), from ``relation_pairs(graph, Relation.CORROBORATES)``."""
    others: defaultdict[str, set[str]] = defaultdict(set)
    for u, w in found.get(Relation.CORROBORATES, ()):
        origin_u, origin_w = origins[u], origins[w]
        if origin_u != origin_w:
            others[u].add(origin_w)
            others[w].add(origin_u)
    return others


def supports(graph: ClaimGraph) -> dict[str, int]:
    """How many distinct origins back each claim (its own and those corroborating it),
    by claim id, in one pass over the edges."""
    origins = claim_origins(graph, graph.claims())
    others = corroborating_origins(relation_pairs(graph, Relation.CORROBORATES), origins)
    counts = dict.fromkeys(origins, 1)
    for cid, names in others.items():
        counts[cid] = 1 + len(names)
    return counts


def disputes(graph: ClaimGraph) -> list[Dispute]:
    """The quantities with at least one contradiction, each with its sides."""
    remembered = _REMEMBERED.get(id(graph))
    if remembered is None:
        return _disputes(graph)
    if "disputes" not in remembered:
        remembered["disputes"] = _disputes(graph)
    return list(remembered["disputes"])


def _disputes(graph: ClaimGraph) -> list[Dispute]:
    contradictions = list(_contradictions(graph))
    if not contradictions:
        return []
    # Who agrees with whom, and which figure replaces which, read once from the adjacency
    pairs = relation_pairs(
        graph, Relation.CORROBORATES, Relation.RELAYS, Relation.SUPERSEDES, Relation.REVISES
    )
    # a later figure that updates or revises an earlier one is no dispute with it, even
    # where the two figures, compared as of one day, contradict
    updates = {
        frozenset(pair)
        for relation in (Relation.SUPERSEDES, Relation.REVISES)
        for pair in pairs.pop(relation)
    }
    by_quantity: dict[Quantity, list[Verdict]] = {}
    for v in contradictions:
        if updates and frozenset((v.a.id, v.b.id)) in updates:
            continue
        # a part contradicting its whole is a dispute about the whole (b)
        by_quantity.setdefault(graph.quantity(v.b), []).append(v)
    agreeing: defaultdict[str, list[str]] = defaultdict(list)
    for u, w in itertools.chain(*pairs.values()):
        agreeing[u].append(w)
        agreeing[w].append(u)
    found = []
    for quantity, contradictions in by_quantity.items():
        members = {c.id: c for c in graph.claims(quantity)}
        # a part that adds up to more than its whole is named apart, never as a side:
        # sides are claims about the one quantity
        parts = {v.a.id: v.a for v in contradictions if v.a.id not in members}
        sides = sorted(
            (tuple(members[i] for i in sorted(side)) for side in _groups(members, agreeing)),
            key=lambda side: (-len(side), side[0].id),
        )
        found.append(Dispute(quantity, tuple(sides), tuple(contradictions), tuple(parts.values())))
    return sorted(found, key=lambda d: d.quantity.label)


def timeline(
    graph: ClaimGraph, measure: str, place: str | None, *, as_of: dt.datetime | None = None
) -> dict[str, list[Claim]]:
    """A running count's figures per origin, each in the order published: the count's
    timeline. Only counts and estimates (no projections, nothing retracted or stale)
    and, with ``as_of``, published by then; claims without a publication date are
    left out. A figure later revised was its origin's word until the figure that
    replaced it: it stays in the series while that figure (one that updates or
    revises it) is of the same count and follows it there, or is not yet published
    as of ``as_of``; a revised figure whose replacement the graph does not hold, or
    holds at another place, is left out. ``claimtrack.to_pandas`` of the claims gives
    it as a table, ``claimtrack.plot_timeline`` as a picture.
    """
    context = graph.context
    measure_key, place_key = context.measure_key(measure), context.places.key(place)
    found = relation_pairs(graph, Relation.STALE, Relation.SUPERSEDES, Relation.REVISES)
    stale = {u for u, _ in found[Relation.STALE]}
    replaced_by: defaultdict[str, list[str]] = defaultdict(list)
    for u, w in itertools.chain(found[Relation.SUPERSEDES], found[Relation.REVISES]):
        replaced_by[w].append(u)
    topic = {c.id: c for c in context.topic_claims(measure_key, place_key)}

    def stood(claim: Claim, seen: frozenset[str] = frozenset()) -> bool:
        """Whether a revised figure was still its origin's word as of ``as_of``, or is
        followed in this series by the figure that replaced it."""
        if claim.current:
            return True
        if claim.status != "revised" or claim.id in seen:
            return False
        for later_id in replaced_by.get(claim.id, ()):
            moment = graph.claim(later_id).moment
            if as_of is not None and moment is not None and moment > as_of:
                return True
            later = topic.get(later_id)
            if later is not None and later_id not in stale and stood(later, seen | {claim.id}):
                return True
        return False

    out: dict[str, list[Claim]] = {}
    for claim in topic.values():
        moment = claim.moment
        if (
            moment is None
            or claim.kind == "projection"
            or claim.stance != "asserts"
            or not stood(claim)
            or claim.id in stale
            or graph.is_derived(claim)
            or (as_of is not None and moment > as_of)
        ):
            continue
        out.setdefault(context.origin(claim), []).append(claim)
    return {origin: in_order(series) for origin, series in sorted(out.items())}


def _contradictions(graph: ClaimGraph) -> Iterator[Verdict]:
    """``graph.verdicts(Relation.CONTRADICTS)``, in its order, read from the adjacency:
    only the contradictions are made into ``Verdict`` objects, and no edge view is built
    for the hundreds of thousands of other edges."""
    wanted = Relation.CONTRADICTS.value
    succ: dict[str, dict[str, Any]] = graph.graph._succ  # type: ignore[attr-defined]
    for u, neighbours in succ.items():
        for w, keys in neighbours.items():
            if keys.__class__ is SoleVerdict and keys._more is None:  # read from its slots
                if keys._key is not UNSET and keys.kind == "verdict" and keys.relation == wanted:
                    yield graph._verdict(u, w, VerdictView(keys))
                continue
            for data in keys.values():
                if data.get("kind") == "verdict" and data["relation"] == wanted:
                    yield graph._verdict(u, w, data)
    for v in graph._held():  # a dense quantity's verdicts, made now
        if v.relation == wanted:
            yield v


def _groups(members: dict[str, Claim], agreeing: dict[str, list[str]]) -> list[list[str]]:
    """The members joined by agreement (a path of corroborations or relays among them)."""
    side: dict[str, int] = {}
    groups: list[list[str]] = []
    for start in members:
        if start in side:
            continue
        side[start] = len(groups)
        group, todo = [start], [start]
        while todo:
            for other in agreeing.get(todo.pop(), ()):
                if other in members and other not in side:
                    side[other] = len(groups)
                    group.append(other)
                    todo.append(other)
        groups.append(group)
    return groups


# Graphs whose answers are kept while they do not change (``unchanged``), by id.
_REMEMBERED: dict[int, dict[str, Any]] = {}


@contextlib.contextmanager
def unchanged(graph: ClaimGraph) -> Iterator[None]:
    """Within the block the graph is not changed, so a question asked of it again
    (``disputes``, which a report, its board and its tables each ask) is answered from
    the first answer instead of from the graph."""
    _REMEMBERED[id(graph)] = {}
    try:
        yield
    finally:
        del _REMEMBERED[id(graph)]
