"""The claim graph: claims and sources as networkx nodes, assertions and verdicts as edges.

>>> import claimtrack as ct
>>> g = ct.ClaimGraph()
>>> whole = ct.Claim(source="Russian defence ministry", measure="drones destroyed",
...                  figure="45", place="Russia", period="2024-08-21")
>>> part = ct.Claim(source="Russian defence ministry", measure="drones destroyed",
...                 figure="23", place="Bryansk", period="2024-08-21")
>>> g.add_all([whole, part])
2
>>> g.link()
LinkReport(claims=2, verdicts={'part_of': 1}, errors=0)
>>> [v.reason for v in g.verdicts()]
['23 Bryansk = 23 located of 45 for Russia: consistent']
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from typing import TYPE_CHECKING, Any, Literal

import attrs
import networkx as nx

from .._format import Progress, Ticker
from .._format import progress as _progress
from .._gc import paused_gc
from ..checkers import CheckerSet, Context
from ..errors import CheckerError, ValidationError
from ..measures import MeasureLexicon
from ..model import Claim, Source
from ..places import Gazetteer
from ..relations import Quantity, Relation, Verdict, as_relation
from . import _display
from ._dense import DENSE, Dense
from ._edges import (
    UNSET,
    BareKeys,
    EdgeKeys,
    MultiDiGraph,
    SoleVerdict,
    VerdictEdge,
    VerdictView,
    detached,
)
from ._questions import Dispute, disputes, supports

if TYPE_CHECKING:
    import pandas

    from ..assessment import Assessment

__all__ = ["ClaimGraph", "LinkReport"]

_MAX_ROUNDS = 8  # derived claims may feed further checks; this bounds the chain
# and this their number: one link may derive at most this many claims for each node of
# the graph, plus a thousand (a checker that derives one for every pair would otherwise
# grow the graph without bound within the rounds)
_DERIVED_PER_NODE = 10
_TOLD_EVERY = 1000  # claims added between two ticks of a progress bar
_DERIVED_AT_LEAST = 1000


@attrs.frozen
class LinkReport:
    """What one ``link()`` did: how many claims it checked (derived ones included), how
    many verdicts of each relation it recorded, and how many checker errors it kept
    (with ``on_error="record"``; they are in ``graph.errors``). The verdicts between
    origins in a quantity of more than a thousand claims are not counted: they are
    made when asked (``claimtrack.graph._dense``)."""

    claims: int
    verdicts: dict[str, int]
    errors: int

    @property
    def total(self) -> int:
        return sum(self.verdicts.values())


@functools.lru_cache(maxsize=1 << 16)  # one key string per source, not one per claim
def _source_node(name: str) -> str:
    return "source:" + name


class ClaimGraph:
    """Claims, linked by what checkers conclude about them.

    The networkx ``MultiDiGraph`` is ``graph``: claim nodes are keyed by claim id
    (attributes ``kind="claim"`` and ``claim``), source nodes by ``"source:<name>"``
    (``kind="source"``, ``source``). Edges: a source ``asserts`` a claim, an
    outlet ``carries`` a claim it relayed, and one edge per verdict keyed by the
    checker's name, with ``relation``, ``strength``, ``reason`` and ``checker``.

    Parameters
    ----------
    claims
        Claims to add straight away.
    measures
        The measure lexicon (default: ``MeasureLexicon.default()``).
    places
        The gazetteer (default: ``Gazetteer.default()``).
    checkers
        Names of the checkers to run (default: every registered, enabled one).
    tolerance
        Relative gap within which figures still agree (0.05: 5%).
    on_error
        When a checker raises: ``"raise"`` stops with a ``CheckerError`` naming the
        checker and the claims; ``"record"`` keeps it in ``errors`` and goes on.
    """

    def __init__(
        self,
        claims: Iterable[Claim] = (),
        *,
        measures: MeasureLexicon | None = None,
        places: Gazetteer | None = None,
        checkers: Iterable[str] | None = None,
        tolerance: float = 0.05,
        on_error: Literal["raise", "record"] = "raise",
    ) -> None:
        if not (isinstance(tolerance, int | float) and 0 <= tolerance < 1):
            raise ValidationError("tolerance", tolerance, "a relative gap in [0, 1)")
        if on_error not in ("raise", "record"):
            raise ValidationError("on_error", on_error, "'raise' or 'record'")
        self.graph: nx.MultiDiGraph[str] = MultiDiGraph()
        self.checkers = CheckerSet(checkers)
        self.context = Context(
            measures or MeasureLexicon.default(), places or Gazetteer.default(), tolerance
        )
        self.on_error = on_error
        self.errors: list[CheckerError] = []
        self._pending: list[Claim] = []
        self._dense: dict[Quantity, Dense] = {}  # quantities of very many claims
        self._derived_room = 0  # how many more claims this link may derive
        self.add_all(claims, progress=False)  # a bar for adding: add_all(progress=...)

    # -- building ---------------------------------------------------------------------

    @property
    def measures(self) -> MeasureLexicon:
        return self.context.measures

    @property
    def places(self) -> Gazetteer:
        return self.context.places

    def add(self, claim: Claim) -> bool:
        """Add a claim; False if a claim with its id is already here."""
        return self.add_all([claim]) == 1

    def add_all(self, claims: Iterable[Claim], progress: Progress = None) -> int:
        """Add claims; returns how many were new (a claim whose id is here adds nothing).

        ``progress``: as ``link``'s, counted in claims (a bar needs a sized collection).
        """
        total = len(claims) if isinstance(claims, Sized) else 0
        with paused_gc(), _progress("adding", total, progress) as tick:
            return self._add_all(claims, tick)

    def _add_all(self, claims: Iterable[Claim], tick: Ticker | None = None) -> int:
        nodes: list[tuple[str, dict[str, Any]]] = []
        edges: list[tuple[str, str, str]] = []
        batch: set[str] = set()
        for done, claim in enumerate(claims, start=1):
            if tick is not None and not done % _TOLD_EVERY:
                tick(_TOLD_EVERY)
            if not isinstance(claim, Claim):
                raise ValidationError("claim", claim, "a Claim")
            cid = claim.id
            if cid in batch or cid in self.graph:
                continue
            batch.add(cid)
            nodes.append((cid, {"kind": "claim", "claim": claim}))
            self._add_source(claim.source)
            edges.append((_source_node(claim.source.name), cid, "asserts"))
            for outlet in claim.via:
                self._add_source(Source(outlet, kind="media"), merge=False)
                edges.append((_source_node(outlet), cid, "carries"))
            self.context.index(claim)
            self._pending.append(claim)
        g = self.graph
        g.add_nodes_from(nodes)
        # written into the adjacency as add_edge would, without an empty dict for each
        succ: dict[str, dict[str, Any]] = g._succ  # type: ignore[attr-defined]
        pred: dict[str, dict[str, Any]] = g._pred  # type: ignore[attr-defined]
        for u, v, key in edges:
            keys = succ[u].get(v)
            if keys is None:
                succ[u][v] = pred[v][u] = BareKeys(key)
            elif key not in keys:
                keys[key] = {}
        cache = getattr(g, "__networkx_cache__", None)  # what add_edge clears (networkx 3.3+)
        if cache:
            cache.clear()
        if nodes:
            for block in self._dense.values():
                block.forget()  # a new claim may name an alias: origins can change
        return len(nodes)

    def remove(self, claim: Claim | str) -> None:
        """Remove a claim (or the claim with this id) as if it had never been added.

        See ``remove_all``, which removes many for the price of one.
        """
        self.remove_all([claim])

    def remove_all(self, claims: Iterable[Claim | str]) -> int:
        """Remove claims (or ids) as if they had never been added; returns how many.

        A retracted figure goes with all that was concluded from it: its verdicts,
        the claims a checker derived from it, and its source when that asserts
        nothing else. The claims that stay are linked again if they were linked
        (a group checker's verdict on two of them may have rested on a removed
        one), and those added since the last ``link`` still wait for the next;
        so one call costs about one ``link`` of what stays.

        Raises
        ------
        ValidationError
            For a claim or id not in the graph, or a claim a checker derived
            (remove what it came from instead). Nothing is removed then.
        """
        nodes = self.graph.nodes
        gone: set[str] = set()
        for item in claims:
            cid = item.id if isinstance(item, Claim) else item
            node = nodes.get(cid) if isinstance(cid, str) else None
            if node is None or node.get("kind") != "claim":
                raise ValidationError("claim", item, "a claim in this graph, or its id")
            if node.get("derived"):
                raise ValidationError(
                    "claim", item, "a claim that was added, not one a checker derived from others"
                )
            gone.add(cid)
        if not gone:
            return 0
        waiting = {c.id for c in self._pending}
        kept = [c for c in self.claims() if c.id not in gone and not nodes[c.id].get("derived")]
        settings = dict(self.graph.graph)
        with paused_gc():
            self.graph.clear()
            self.graph.graph.update(settings)
            context = self.context
            self.context = Context(context.measures, context.places, context.tolerance)
            self.errors.clear()
            self._pending = []
            self._dense = {}
            self._add_all(c for c in kept if c.id not in waiting)
            if self._pending:
                self._link()
            self._add_all(c for c in kept if c.id in waiting)
        return len(gone)

    def _add_source(self, source: Source, merge: bool = True) -> None:
        node = _source_node(source.name)
        known = self.graph.nodes.get(node)
        if known is None:
            self.graph.add_node(node, kind="source", source=source)
        elif merge and known["source"] is not source and known["source"] != source:
            old = known["source"]
            known["source"] = Source(
                source.name,
                aliases=tuple(dict.fromkeys((*old.aliases, *source.aliases))),
                kind=source.kind or old.kind,
                side=source.side or old.side,
                reliability=source.reliability
                if source.reliability is not None
                else old.reliability,
            )

    # -- linking ----------------------------------------------------------------------

    def link(self, progress: Progress = None) -> LinkReport:
        """Run the checkers on what was added since the last link; returns what it did.

        Pair checkers see each new pair of claims about one quantity once; group
        checkers see the new claims with the whole index, and a group checker's newer
        verdict on a pair replaces its older one. Claims a checker derives are added
        and checked in turn.

        ``progress``: None shows a progress bar from ``claimtrack.options.progress_from``
        claims (as ``claimtrack.options.progress`` says), True or False always or never;
        a callable is called with (claims done, claims in all) after each quantity.
        """
        with paused_gc(), _progress("linking", len(self._pending), progress) as tick:
            return self._link(tick)

    def _link(self, tick: Ticker | None = None) -> LinkReport:
        counts: Counter[str] = Counter()
        checked = 0
        errors = len(self.errors)
        rounds = 0
        self._derived_room = _DERIVED_AT_LEAST + _DERIVED_PER_NODE * len(self.graph)
        while self._pending and rounds < _MAX_ROUNDS and self._derived_room >= 0:
            new, self._pending = self._pending, []
            checked += len(new)
            rounds += 1
            # A round is all or nothing: when a checker raises, what the round recorded
            # is taken back and its claims wait for the next link, which then gives what
            # a fresh graph would (once the checker is fixed or disabled).
            before = self._verdict_edges(c for c in new if self.graph.nodes[c.id].get("derived"))
            groups: list[Verdict] = []
            try:
                self._record(self._pairs(new, tick), counts)  # streamed: no list of every verdict
                fresh = {c.id for c in new}
                groups = self._groups(new)
                for verdict in groups:
                    # an older verdict can only exist when one end was linked before
                    if verdict.a.id not in fresh or verdict.b.id not in fresh:
                        before += self._unrecord(verdict)
                self._record(groups, counts)
            except BaseException:
                self._take_back(new, before, groups)
                raise
        return LinkReport(
            checked, {str(r): n for r, n in counts.items()}, len(self.errors) - errors
        )

    def _verdict_edges(self, claims: Iterable[Claim]) -> list[tuple[str, str, str, Any]]:
        """The verdict edges on these claims, both ways, as (from, to, checker, data)."""
        g = self.graph
        edges = []
        for claim in claims:
            for u, w, key, data in itertools.chain(
                g.out_edges(claim.id, keys=True, data=True),
                g.in_edges(claim.id, keys=True, data=True),
            ):
                if data.get("kind") == "verdict":  # a copy: the edge may be removed
                    edges.append((u, w, key, detached(data)))
        return edges

    def _take_back(
        self, new: list[Claim], before: list[tuple[str, str, str, Any]], groups: list[Verdict]
    ) -> None:
        """Undo a round that raised: its verdicts go (a pair checker's have one of its
        claims at an end; a group checker's are listed), the verdicts they replaced come
        back, the claims it derived go, and its claims wait for the next link."""
        g = self.graph
        derived, self._pending = self._pending, list(new)
        taken = {c.id for c in new} | {c.id for c in derived}
        for block in self._dense.values():
            block.drop(taken)
        made = {(u, w, key) for u, w, key, _ in self._verdict_edges(new)}
        made |= {(v.a.id, v.b.id, v.checker) for v in groups}
        for u, w, key in made:
            if g.has_edge(u, w, key):
                g.remove_edge(u, w, key)
        for u, w, key, data in before:
            keys = g._succ[u].get(w)  # type: ignore[attr-defined]
            if keys is None:
                g._succ[u][w] = g._pred[w][u] = EdgeKeys(key, data)  # type: ignore[attr-defined]
            else:
                keys[key] = data
        if derived:
            sources = {_source_node(name) for c in derived for name in (c.source.name, *c.via)}
            g.remove_nodes_from(c.id for c in derived)
            g.remove_nodes_from([s for s in sources if s in g and not g.degree(s)])
            context = self.context
            self.context = Context(context.measures, context.places, context.tolerance)
            for claim in self.claims():
                self.context.index(claim)

    def _pairs(self, new: Sequence[Claim], tick: Ticker | None = None) -> Iterator[Verdict]:
        """Every active pair checker on every new pair of claims about one quantity.

        Each pair is checked once: a new claim meets every old claim about its
        quantity, and the new ones after it. A checker with a ``check_pairs(pairs,
        context)`` method gets each quantity's pairs at once (the built-ins use this
        to do per-claim work once per claim rather than once per pair). In a quantity
        of more than ``DENSE`` claims only the pairs within one origin are checked
        here; a ``Dense`` block answers for the others when asked (``_dense``).
        """
        actives = [c for c in self.checkers if not c.group]
        if not actives:
            return
        context = self.context
        fresh = {c.id for c in new}
        blocks: dict[Quantity, list[Claim]] = {}
        for claim in new:
            blocks.setdefault(context.quantity(claim), []).append(claim)
        # Verdicts are recorded as they stream, and one may add a claim a checker derived:
        # it waits for the next round, so each block sees only the claims there were.
        known = {q: len(context.claims_about(q)) for q in blocks}
        for quantity, arrivals in blocks.items():
            before = [
                c for c in context.claims_about(quantity)[: known[quantity]] if c.id not in fresh
            ]
            block = self._dense.get(quantity)
            if block is None and known[quantity] > DENSE:
                block = self._densify(quantity, before, actives)
            if block is not None:
                held = len(block)
                for claim in arrivals:
                    block.add(claim, context.origin(claim))
                block.actives = actives
                block.forget()  # an origin may have changed with the claims added
                pairs = block.same_origin(arrivals, held)
            else:
                pairs = [
                    (a, b) if a.id < b.id else (b, a)
                    for i, a in enumerate(arrivals)
                    for b in itertools.chain(arrivals[i + 1 :], before)
                ]
            if pairs:
                for active in actives:
                    yield from self._check_pairs(active, pairs)
            if tick is not None:
                tick(len(arrivals))

    def _densify(self, quantity: Quantity, linked: list[Claim], actives: list[Any]) -> Dense:
        """Make a quantity dense: a block holds its linked claims, and the verdicts the
        pair checkers stored between those of different origins give way to it."""
        block = self._dense[quantity] = Dense()
        origin = self.context.origin
        for claim in linked:
            block.add(claim, origin(claim))
        names = {active.name for active in actives}
        g, ids = self.graph, block.ids
        stored = [
            (u, w, key)
            for u in ids
            for w, keys in g.succ[u].items()
            if w in ids and ids[w] != ids[u]
            for key in keys
            if key in names
        ]
        for u, w, key in stored:
            g.remove_edge(u, w, key)
        return block

    def _held(self, claim: Claim | None = None) -> Iterator[Verdict]:
        """The verdicts dense blocks hold (see ``_dense``): every one, or one claim's."""
        if claim is None:
            for block in self._dense.values():
                yield from block.verdicts(self._check_pairs)
            return
        held = self._dense.get(self.context.quantity(claim)) if self._dense else None
        if held is not None:
            yield from held.verdicts(self._check_pairs, claim)

    def _check_pairs(self, active: Any, pairs: list[tuple[Claim, Claim]]) -> list[Verdict]:
        batch = getattr(active.checker, "check_pairs", None)
        if batch is not None:
            try:
                return self._checked(active.name, batch(pairs, self.context))
            except Exception as err:
                self._fail(active.name, tuple(c.id for pair in pairs[:3] for c in pair), err)
                return []
        out: list[Verdict] = []
        for a, b in pairs:
            try:
                if active.wants_context:
                    result = active.checker(a, b, self.context)
                else:
                    result = active.checker(a, b)
                if result is not None:
                    out.extend(self._checked(active.name, result))
            except Exception as err:
                self._fail(active.name, (a.id, b.id), err)
        return out

    def _groups(self, new: Sequence[Claim]) -> list[Verdict]:
        out: list[Verdict] = []
        for active in self.checkers:
            if active.group:
                try:
                    out.extend(self._checked(active.name, active.checker.check(new, self.context)))
                except Exception as err:
                    self._fail(active.name, tuple(c.id for c in new[:5]), err)
        return out

    def _checked(self, name: str, result: Any) -> list[Verdict]:
        """A checker's result as verdicts that carry the checker's name."""
        verdicts = [result] if isinstance(result, Verdict) else list(result)
        for i, verdict in enumerate(verdicts):
            if verdict.__class__ is not Verdict and not isinstance(verdict, Verdict):
                raise ValidationError(f"result of checker {name}", verdict, "Verdicts or None")
            if verdict.checker != name:
                verdicts[i] = attrs.evolve(verdict, checker=name)
        return verdicts

    def _fail(self, name: str, ids: tuple[str, ...], err: Exception) -> None:
        error = CheckerError(name, ids, err)
        if self.on_error == "raise":
            raise error from err
        self.errors.append(error)

    def _unrecord(self, v: Verdict) -> list[tuple[str, str, str, Any]]:
        """Drop the checker's earlier verdict on this pair: its newer one replaces it.
        Returns what was dropped, as (from, to, checker, data)."""
        dropped = []
        for u, w in ((v.a.id, v.b.id), (v.b.id, v.a.id)):
            if self.graph.has_edge(u, w, key=v.checker):
                dropped.append((u, w, v.checker, detached(self.graph.edges[u, w, v.checker])))
                self.graph.remove_edge(u, w, key=v.checker)
        return dropped

    def _record(self, verdicts: Iterable[Verdict], counts: Counter[str]) -> None:
        """One edge per verdict, keyed by its checker (a newer verdict of one checker on
        a pair replaces the older). A verdict about a claim the graph does not hold
        yet (a derived claim) adds that claim first.

        The edges are written into networkx's adjacency directly, in the compact
        containers of ``claimtrack._edges`` (a 1M-claim graph holds some 5M
        verdicts; ``add_edge`` would spend 2 µs and two 184-byte dicts on each).
        """
        g = self.graph
        succ: dict[str, dict[str, Any]] = g._succ  # type: ignore[attr-defined]
        pred: dict[str, dict[str, Any]] = g._pred  # type: ignore[attr-defined]
        tally: dict[str, int] = {}
        for v in verdicts:
            a, b, checker, relation = v.a, v.b, v.checker, v.relation
            u, w = a.id, b.id
            if (u not in succ or w not in succ) and not self._derive(v):
                continue
            out = succ[u]
            keys = out.get(w)
            if keys is None:  # the usual case: one verdict between two claims, one object
                why = v._why  # a Reason stays one: its sentence is written when read
                out[w] = pred[w][u] = SoleVerdict(relation, v.strength, why, checker, a, b)
            else:
                keys[checker] = VerdictEdge(relation, v.strength, v.reason, checker)
            tally[relation] = tally.get(relation, 0) + 1
        counts.update(tally)
        cache = getattr(g, "__networkx_cache__", None)  # what add_edge clears (networkx 3.3+)
        if cache:
            cache.clear()

    def _derive(self, v: Verdict) -> bool:
        """Add the claims a verdict is about that the graph does not hold (derived ones);
        False, and a ``CheckerError`` (raised or recorded once), past the bound."""
        new = [end for end in (v.a, v.b) if end.id not in self.graph]
        if len(new) > self._derived_room:
            if self._derived_room >= 0:  # say it once a link
                self._derived_room = -1
                limit = f"{_DERIVED_PER_NODE} for each node of the graph, and {_DERIVED_AT_LEAST:,}"
                error = ValidationError("derived claims", len(self.graph), f"at most {limit}")
                self._fail(v.checker, (v.a.id, v.b.id), error)
            return False
        self._derived_room -= len(new)
        for end in new:
            self.add(end)
            self.graph.nodes[end.id]["derived"] = True
        return True

    # -- asking -----------------------------------------------------------------------

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        node = self.graph.nodes.get(claim_id)
        if node is None or node.get("kind") != "claim":
            raise ValidationError("claim id", claim_id, "the id of a claim in this graph")
        claim: Claim = node["claim"]
        return claim

    def claims(self, quantity: Quantity | None = None) -> list[Claim]:
        """Every claim (derived ones included), or those about one quantity."""
        if quantity is not None:
            return list(self.context.claims_about(quantity))
        return [d["claim"] for _, d in self.graph.nodes(data=True) if d.get("kind") == "claim"]

    def sources(self) -> list[Source]:
        return [d["source"] for _, d in self.graph.nodes(data=True) if d.get("kind") == "source"]

    def is_derived(self, claim: Claim) -> bool:
        return bool(self.graph.nodes[claim.id].get("derived"))

    def quantity(self, claim: Claim) -> Quantity:
        """What a claim is about."""
        return self.context.quantity(claim)

    def quantities(self) -> dict[Quantity, list[Claim]]:
        """Every quantity and the claims about it."""
        return {q: list(cs) for q, cs in self.context.quantities().items() if cs}

    def _verdict(self, u: str, w: str, data: Mapping[str, Any]) -> Verdict:
        if data.__class__ is VerdictView:
            edge = data._edge
            if edge._extra is None:  # as the graph stored it: read from the slots, no checks
                nodes = self.graph._node  # type: ignore[attr-defined]
                return Verdict.trusted(
                    as_relation(edge.relation), nodes[u]["claim"], nodes[w]["claim"],
                    float(edge.strength), edge.reason, edge._key,
                )  # fmt: skip
        # a SoleVerdict's Reason is handed on as it is: written only if it is read
        why = data._edge.reason if data.__class__ is VerdictView else UNSET
        return Verdict(
            data["relation"], self.claim(u), self.claim(w), data["strength"],
            data["reason"] if why is UNSET else why, data["checker"],
        )  # fmt: skip

    def verdicts(
        self, relation: Relation | str | None = None, claim: Claim | None = None
    ) -> list[Verdict]:
        """Every verdict, or those of one relation, or those involving one claim."""
        wanted = None if relation is None else as_relation(relation).value
        if claim is None:
            edges: Iterable[tuple[str, str, dict[str, Any]]] = self.graph.edges(data=True)
        else:
            self._require(claim)
            edges = itertools.chain(
                self.graph.out_edges(claim.id, data=True), self.graph.in_edges(claim.id, data=True)
            )
        found = [
            self._verdict(u, w, d)
            for u, w, d in edges
            if d.get("kind") == "verdict" and (wanted is None or d["relation"] == wanted)
        ]
        found += [v for v in self._held(claim) if wanted is None or v.relation == wanted]
        return found

    def _require(self, claim: Claim) -> None:
        if claim.id not in self.graph:
            raise ValidationError("claim", claim, "a claim added to this graph")

    def _related(self, claim: Claim, relation: Relation) -> list[Claim]:
        """The claims at the other end of this claim's verdicts of one relation, read
        straight from the adjacency (no Verdict objects: assess asks this per claim)."""
        self._require(claim)
        g = self.graph
        found: dict[str, Claim] = {}
        for neighbours in (g.succ[claim.id], g.pred[claim.id]):
            for other, edges in neighbours.items():
                if other not in found and any(
                    d.get("relation") == relation for d in edges.values()
                ):
                    found[other] = g.nodes[other]["claim"]
        for v in self._held(claim):
            other_end = v.b if v.a.id == claim.id else v.a
            if v.relation == relation and other_end.id not in found:
                found[other_end.id] = other_end
        return list(found.values())

    def corroborating(self, claim: Claim) -> list[Claim]:
        """Claims that corroborate this one."""
        return self._related(claim, Relation.CORROBORATES)

    def contradicting(self, claim: Claim) -> list[Claim]:
        """Claims that contradict this one."""
        return self._related(claim, Relation.CONTRADICTS)

    def independent_support(self, claim: Claim) -> int:
        """How many distinct original sources back this claim: its own, plus those of the
        claims corroborating it. Relays and aliases of one source count once."""
        origins = {self.context.origin(c) for c in [claim, *self.corroborating(claim)]}
        return len(origins)

    def supports(self) -> dict[str, int]:
        """``independent_support`` of every claim, by claim id, in one pass over the edges."""
        return supports(self)

    def disputes(self) -> list[Dispute]:
        """The quantities with at least one contradiction, each with its sides."""
        return disputes(self)

    def assess(self, method: str | None = None) -> Assessment:
        """Estimates, source reliability and credibility grades: ``claimtrack.assess(self)``."""
        # a door up: assessment builds on the graph, so it is imported late
        from ..assessment import assess

        return assess(self, method)

    # -- display ----------------------------------------------------------------------

    def __len__(self) -> int:
        return sum(1 for _, d in self.graph.nodes(data=True) if d.get("kind") == "claim")

    def __contains__(self, claim: object) -> bool:
        return isinstance(claim, Claim) and claim.id in self.graph

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims())

    def __repr__(self) -> str:
        counts = {r.value: 0 for r in Relation}
        for _, _, d in self.graph.edges(data=True):
            if d.get("kind") == "verdict":
                counts[d["relation"]] += 1
        shown = ", ".join(f"{n} {r}" for r, n in counts.items() if n)
        if self._dense:  # their verdicts are made when asked: too many to count here
            shown += f"{', ' if shown else ''}{len(self._dense)} dense quantities"
        tail = ", " + shown if shown else ""
        return f"<ClaimGraph: {len(self)} claims, {len(self.sources())} sources{tail}>"

    def _repr_html_(self) -> str:
        return _display.graph_html(self)

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame with one row per claim (columns: ``claimtrack.to_pandas``)."""
        from ..views import to_pandas  # a door up: the views build on the graph

        return to_pandas(self)
