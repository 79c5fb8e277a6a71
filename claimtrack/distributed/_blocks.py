"""Linking and assessment on Dask: claims shuffled by block, each block linked by the
ordinary ``ClaimGraph``.

**Blocks.** Every checker looks at claims that share a measure key: pairs on one
quantity (agreement, relays), counts of one series (cumulative), parts in places
inside a whole's place (part_whole). One crosses measures: a share ("43%
intercepted", ``share_of="missiles fired"``) meets the totals of the measure it is
a share of (derived). So a claim's block is

- its measure key, joined with every measure a share links it to (the connected
  components of the graph whose edges are ``measure - share_of``), and
- the outermost place containing its place in the gazetteer (its own place when
  none does; no place at all is a block of its own).

Parts and wholes nest, so they share their outermost place; a derived claim
has its share's measure and place; a quantity's claims share measure and
place. No built-in checker relates claims of two blocks, and so linking each
block alone gives the verdicts of linking everything at once. The dimension is
not part of the key: a share in percent and its total in counts differ in it.
A checker of one's own that relates claims of different measures or unrelated
places breaks this: link such claims in one process.

**One graph, many partitions.** What one claim's verdicts depend on beyond its
block is the origin of each claim (aliases declared by any claim of the
corpus), and the order the claims came in (a group checker's reason names the
first whole it meets). A first pass over the partitions gathers the block sizes,
the share links and the aliases; a second sends each claim to the partition of
its block, keeping the corpus's order; each partition's graph starts with every
alias. So the verdicts are, verdict for verdict, those of one ``ClaimGraph``.

**Assessment.** A source's reliability is learned from every quantity it reported
on, so the unit of assessment is a connected component of blocks and the
sources (origins and names) that speak in them. Each component is linked and
assessed by the ordinary ``assess``, components in parallel. A method that
judges each quantity on its own figures and each source on its own record
(``vote``, ``median``, ``weighted_median``, ``conservative``) gives exactly the
single-process answer. ``accucopy`` (the default) and ``crh`` also pool a few
statistics over every disputed quantity (the default accuracy of a source
without a record, how often false figures coincide, CRH's total loss); assessed
component by component those come from the component, and the answers can
differ slightly from the single-process ones (``docs/scale.md`` measures it).
``components=False`` assesses everything as one component, exactly.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs
from networkx.utils import UnionFind

from ..assessment import Method, assess
from ..checkers import Context
from ..errors import ValidationError
from ..graph import ClaimGraph
from ..io import rows
from ..measures import MeasureLexicon
from ..model import Claim
from ..places import Gazetteer
from ..relations import as_relation
from ._cluster import Bag, Client, ClientLike, DataFrame, require, use_client
from ._corpus import Extraction

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Assessed",
    "BlockPlan",
    "assess_distributed",
    "link_distributed",
    "plan_blocks",
    "verdict_frame",
]

#: About how many claims one partition holds at most by default: a linked graph takes
#: some kilobytes a claim, so a partition stays well under a gigabyte.
PARTITION_CLAIMS = 200_000

#: At most this many partitions send claims in the shuffle (more are joined first): each
#: sends a piece to each linking partition, and the scheduler handles every piece.
MAX_SENDERS = 256

Block = tuple[str, str | None]  # (measure key, outermost place key)
Grouping = Literal["block", "component", "all"]

VERDICT_COLUMNS: dict[str, str] = {
    "relation": "object",
    "a": "object",
    "b": "object",
    "a_source": "object",
    "b_source": "object",
    "a_figure": "object",
    "b_figure": "object",
    "strength": "float64",
    "reason": "object",
    "checker": "object",
}
ESTIMATE_COLUMNS: dict[str, str] = {
    "quantity": "object",
    "measure": "object",
    "place": "object",
    "period": "object",
    "best": "float64",
    "low": "float64",
    "high": "float64",
    "unit": "object",
    "claims": "int64",
    "sources": "int64",
    "source_names": "object",
    "dissent": "int64",
    "support": "float64",
    "confidence": "float64",
    "method": "object",
    "component": "int64",
}
RELIABILITY_COLUMNS: dict[str, str] = {
    "source": "object",
    "reliability": "float64",
    "prior": "float64",
    "claims": "int64",
    "agreed": "float64",
    "copies": "object",
    "weak_copies": "int64",
    "component": "int64",
}
GRADE_COLUMNS: dict[str, str] = {
    "id": "object",
    "grade": "object",
    "credibility": "int64",
    "reasons": "object",
    "component": "int64",
}


@attrs.frozen
class _Linking:
    """The settings every partition's graph is made with (sent to each worker once)."""

    measures: MeasureLexicon | None = None
    places: Gazetteer | None = None
    checkers: tuple[str, ...] | None = None
    tolerance: float = 0.05
    on_error: Literal["raise", "record"] = "raise"

    def context(self) -> Context:
        return Context(
            self.measures or MeasureLexicon.default(),
            self.places or Gazetteer.default(),
            self.tolerance,
        )

    def graph(self, aliases: Mapping[str, str]) -> ClaimGraph:
        """An empty graph whose origins know every alias of the corpus."""
        graph = ClaimGraph(
            measures=self.measures,
            places=self.places,
            checkers=self.checkers,
            tolerance=self.tolerance,
            on_error=self.on_error,
        )
        made = graph.context
        graph.context = Context(made.measures, made.places, made.tolerance, aliases=dict(aliases))
        return graph


class _Blocks:
    """A claim's block key (``Block``), with what it costs cached per measure and place."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self._roots: dict[str | None, str | None] = {None: None}

    def root(self, place: str | None) -> str | None:
        found = self._roots.get(place, "")
        if found != "":
            return found
        places = self.context.places
        key = places.key(place)
        if key is None:
            outer = None
        else:
            chain = places.ancestors(key)
            outer = chain[-1] if chain else key
        self._roots[place] = outer
        return outer

    def of(self, claim: Claim) -> Block:
        return (self.context.measure_key(claim.measure), self.root(claim.place))


@attrs.frozen
class _Survey:
    """What the first pass learns from one partition."""

    sizes: dict[Block, int]
    shares: frozenset[tuple[str, str]]  # (measure key, key of the measure it is a share of)
    names: dict[str, tuple[int, str]]  # casefolded name or alias: (first position, source)
    speakers: frozenset[tuple[Block, str, str]]  # (block, who speaks, source name)


def _survey(claims: Sequence[Claim], linking: _Linking, speakers: bool) -> _Survey:
    context = linking.context()
    blocks = _Blocks(context)
    sizes: Counter[Block] = Counter()
    shares: set[tuple[str, str]] = set()
    names: dict[str, tuple[int, str]] = {}
    spoken: set[tuple[Block, str, str]] = set()
    for position, claim in enumerate(claims):
        block = blocks.of(claim)
        sizes[block] += 1
        if claim.share_of is not None:
            shares.add((block[0], context.measure_key(claim.share_of)))
        source = claim.source
        for name in source.names:
            names.setdefault(name.casefold(), (position, source.name))
        if speakers:
            spoken.add((block, source.speaks_for or source.name, source.name))
    return _Survey(dict(sizes), frozenset(shares), names, frozenset(spoken))


@attrs.frozen
class BlockPlan:
    """Where each block goes: its group (a block, or a component of blocks sharing
    sources) and the partition that group is linked in, with every alias of the corpus.
    """

    aliases: dict[str, str]
    group: dict[Block, int]
    partition: dict[Block, int]
    sizes: list[int]  # claims per partition
    groups: int

    @property
    def npartitions(self) -> int:
        return len(self.sizes)


def plan_blocks(surveys: Sequence[_Survey], by: Grouping, npartitions: int) -> BlockPlan:
    """Group the blocks (each alone, by components of shared sources, or all in one) and
    spread the groups over partitions, largest first onto the least loaded (so no
    partition waits on two large groups while another idles)."""
    aliases: dict[str, str] = {}
    for _, name, source in sorted(
        (position, name, source)
        for part, survey in enumerate(surveys)
        for name, (index, source) in survey.names.items()
        for position in ((part, index),)
    ):
        aliases.setdefault(name, source)
    measures: UnionFind[str] = UnionFind()
    for survey in surveys:
        for share, whole in survey.shares:
            measures.union(share, whole)
    sizes: Counter[Block] = Counter()
    for survey in surveys:
        sizes.update(survey.sizes)
    # a block's node: its measure's component and its outermost place
    node = {b: ("block", measures[b[0]], b[1] or "") for b in sizes}
    groups: UnionFind[tuple[str, ...]] = UnionFind(node.values())
    if by == "all":
        groups.union(*node.values())
    if by == "component":
        for survey in surveys:
            for block, speaker, source in survey.speakers:
                origin = aliases.get(speaker.casefold(), speaker)
                groups.union(node[block], ("source", origin), ("source", source))
    root_of = {b: groups[n] for b, n in node.items()}
    numbers = {root: i for i, root in enumerate(sorted(set(root_of.values())))}
    group = {b: numbers[r] for b, r in root_of.items()}
    weight = Counter[int]()
    for block, n in sizes.items():
        weight[group[block]] += n
    count = max(1, min(npartitions, len(weight)))
    load = [(0, p) for p in range(count)]
    where: dict[int, int] = {}
    for g in sorted(weight, key=lambda g: (-weight[g], g)):
        total, p = heapq.heappop(load)
        where[g] = p
        heapq.heappush(load, (total + weight[g], p))
    partition = {b: where[g] for b, g in group.items()}
    claims = [0] * count
    for held, p in load:
        claims[p] = held
    return BlockPlan(aliases, group, partition, claims, len(weight))


def _split(
    claims: Sequence[Claim], plan: BlockPlan, linking: _Linking
) -> list[tuple[list[Claim], list[int]]]:
    """One partition's claims, sent on by block: per destination, the claims in their
    order, and each one's group."""
    blocks = _Blocks(linking.context())
    out: list[tuple[list[Claim], list[int]]] = [([], []) for _ in range(plan.npartitions)]
    partition, group = plan.partition, plan.group
    for claim in claims:
        block = blocks.of(claim)
        claims_to, groups_to = out[partition[block]]
        claims_to.append(claim)
        groups_to.append(group[block])
    return out


def _frame(records: list[dict[str, Any]], columns: Mapping[str, str]) -> pandas.DataFrame:
    pandas = require("pandas")
    frame = pandas.DataFrame.from_records(records, columns=list(columns))
    return frame.astype(dict(columns))


def _meta(columns: Mapping[str, str]) -> pandas.DataFrame:
    pandas = require("pandas")
    return pandas.DataFrame({c: pandas.Series(dtype=t) for c, t in columns.items()})


def verdict_frame(graph: ClaimGraph) -> pandas.DataFrame:
    """A linked graph's verdicts as a pandas DataFrame: the rows and columns of
    ``claimtrack.to_pandas(graph.verdicts())``, read straight from the verdict edges,
    with each claim's source and figure worked out once (a claim is in many verdicts).
    """
    pandas = require("pandas")
    nodes = graph.graph.nodes
    said: dict[str, tuple[str, str]] = {}

    def facts(cid: str) -> tuple[str, str]:
        found = said.get(cid)
        if found is None:
            claim: Claim = nodes[cid]["claim"]
            found = said[cid] = (claim.source.name, claim.figure.format())
        return found

    columns: dict[str, list[Any]] = {name: [] for name in VERDICT_COLUMNS}
    relation, a, b = columns["relation"], columns["a"], columns["b"]
    a_source, b_source = columns["a_source"], columns["b_source"]
    a_figure, b_figure = columns["a_figure"], columns["b_figure"]
    strength, reason, checker = columns["strength"], columns["reason"], columns["checker"]
    held = (  # a dense quantity's verdicts, made now (see claimtrack.graph)
        (v.a.id, v.b.id, {"relation": v.relation, "strength": v.strength, "reason": v.reason,
                          "checker": v.checker, "kind": "verdict"})
        for v in graph._held()
    )  # fmt: skip
    for u, w, data in itertools.chain(graph.graph.edges(data=True), held):
        if data.get("kind") != "verdict":
            continue
        (us, uf), (ws, wf) = facts(u), facts(w)
        relation.append(as_relation(data["relation"]).value)
        a.append(u)
        b.append(w)
        a_source.append(us)
        b_source.append(ws)
        a_figure.append(uf)
        b_figure.append(wf)
        strength.append(data["strength"])
        reason.append(data["reason"])
        checker.append(data["checker"])
    return pandas.DataFrame(
        {
            name: pandas.Series(values, dtype=VERDICT_COLUMNS[name])
            for name, values in columns.items()
        }
    )


def _gathered(pieces: Sequence[tuple[list[Claim], list[int]]]) -> Iterator[tuple[Claim, int]]:
    """A partition's claims from every sender, in the corpus's order."""
    for claims, groups in pieces:
        yield from zip(claims, groups, strict=True)


def _link_partition(
    pieces: Sequence[tuple[list[Claim], list[int]]], plan: BlockPlan, linking: _Linking
) -> pandas.DataFrame:
    """The verdicts of one partition's blocks, linked in one ordinary graph."""
    graph = linking.graph(plan.aliases)
    graph.add_all(claim for claim, _ in _gathered(pieces))
    graph.link()
    return verdict_frame(graph)


def _assess_partition(
    pieces: Sequence[tuple[list[Claim], list[int]]],
    plan: BlockPlan,
    linking: _Linking,
    method: str | Method | None,
) -> tuple[pandas.DataFrame, ...]:
    """Verdicts, estimates, reliabilities and grades of one partition's components, each
    component linked and assessed on its own."""
    by_group: dict[int, list[Claim]] = {}
    for claim, group in _gathered(pieces):
        by_group.setdefault(group, []).append(claim)
    verdicts: list[pandas.DataFrame] = []
    estimates: list[dict[str, Any]] = []
    reliability: list[dict[str, Any]] = []
    grades: list[dict[str, Any]] = []
    for group, claims in by_group.items():
        graph = linking.graph(plan.aliases)
        graph.add_all(claims)
        assessment = assess(graph, method)
        verdicts.append(verdict_frame(graph))
        estimates += [{**row, "component": group} for row in rows(assessment.estimates)]
        reliability += [{**row, "component": group} for row in rows(assessment.reliability)]
        grades += [
            {
                "id": cid,
                "grade": str(grade),
                "credibility": grade.credibility,
                "reasons": "; ".join(grade.reasons),
                "component": group,
            }
            for cid, grade in assessment.grades().items()
        ]
    pandas = require("pandas")
    return (
        pandas.concat(verdicts, ignore_index=True) if verdicts else _meta(VERDICT_COLUMNS),
        _frame(estimates, ESTIMATE_COLUMNS),
        _frame(reliability, RELIABILITY_COLUMNS),
        _frame(grades, GRADE_COLUMNS),
    )


def _from_delayed(frames: list[Any], columns: Mapping[str, str]) -> DataFrame:
    """A Dask DataFrame of the partitions' frames, whose text columns stay Python strings
    as ``to_pandas`` gives them (Dask would convert each partition again)."""
    dask = require("dask")
    dataframe = require("dask.dataframe")
    with dask.config.set({"dataframe.convert-string": False}):
        return dataframe.from_delayed(frames, meta=_meta(columns), verify_meta=False)


def _as_bag(claims: Any) -> Bag:
    bag = require("dask.bag")
    if isinstance(claims, Extraction):
        claims = claims.claims
    if isinstance(claims, bag.Bag):
        return claims
    if isinstance(claims, str | bytes) or not isinstance(claims, Iterable):
        raise ValidationError("claims", claims, "a Dask bag of claims, or claims")
    listed = list(claims)
    if not listed:
        raise ValidationError("claims", claims, "at least one claim")
    return bag.from_sequence(listed, partition_size=max(1000, len(listed) // 16 + 1))


def _default_partitions(client: Client, claims: int) -> int:
    """Two a worker at least, more when they would be large, and as many for each worker
    (so that none runs one more than the others)."""
    workers = max(1, int(sum(client.nthreads().values())))
    needed = -(-claims // PARTITION_CLAIMS)
    return workers * max(2, -(-needed // workers))


def _shuffled(
    claims: Any,
    linking: _Linking,
    by: Grouping,
    npartitions: int | None,
    client: ClientLike,
) -> tuple[list[Any], BlockPlan, Any]:
    """The claims persisted, surveyed, planned, and sent on to their partitions: per
    partition, the delayed pieces from every sender; with the plan and the settings as
    one delayed value each (sent to a worker once)."""
    dask = require("dask")
    if npartitions is not None and (
        not isinstance(npartitions, int) or isinstance(npartitions, bool) or npartitions < 1
    ):
        raise ValidationError("npartitions", npartitions, "a number of partitions, 1 or more")
    runner = use_client(client)
    bag = _as_bag(claims)
    if bag.npartitions > MAX_SENDERS:
        # every sender sends a piece to every partition: fewer, larger senders keep the
        # shuffle's tasks (senders times partitions) within what a scheduler handles
        bag = bag.repartition(npartitions=MAX_SENDERS)
    # Each partition read once (the survey and the shuffle both go over it), held as a
    # future the result's graph keeps: a lost one is read again from its lineage.
    parts = runner.compute(bag.to_delayed())
    shared = dask.delayed(linking, pure=True)
    surveys = runner.gather(
        runner.compute([dask.delayed(_survey, pure=True)(p, shared, by != "block") for p in parts])
    )
    total = sum(n for s in surveys for n in s.sizes.values())
    if npartitions is None:
        npartitions = _default_partitions(runner, total)
    plan = plan_blocks(surveys, by, npartitions)
    planned = dask.delayed(plan, pure=True)
    splits = [dask.delayed(_split, pure=True)(p, planned, shared) for p in parts]
    received = [[split[j] for split in splits] for j in range(plan.npartitions)]
    return received, plan, shared


def link_distributed(
    claims: Any,
    *,
    measures: MeasureLexicon | None = None,
    places: Gazetteer | None = None,
    checkers: Iterable[str] | None = None,
    tolerance: float = 0.05,
    on_error: Literal["raise", "record"] = "raise",
    npartitions: int | None = None,
    client: ClientLike = None,
) -> DataFrame:
    """Every verdict the checkers reach on the claims, as a Dask DataFrame: verdict for
    verdict those of one ``ClaimGraph`` holding them all.

    The claims are shuffled by block (see the module documentation: measure, joined
    through shares, and outermost place), each partition's blocks are linked by an
    ordinary ``ClaimGraph``, and its verdicts become one partition of the result.

    Parameters
    ----------
    claims
        A Dask bag of claims (``read_claims(...)``), what ``extract_corpus`` gives, or
        claims.
    measures, places, checkers, tolerance, on_error
        As for ``ClaimGraph``. Checkers are named, so that workers find them: a
        checker of one's own must be registered on the workers too (an entry
        point, or a module they import).
    npartitions
        How many partitions to link in (default: two a worker, more for large
        inputs); never more than there are blocks.
    client
        A ``distributed.Client``, a scheduler address, or None: the current
        client, else a local cluster with one worker per core.

    Returns
    -------
    DataFrame
        The columns of ``claimtrack.to_pandas`` of verdicts: ``relation``, ``a``,
        ``b`` (claim ids), ``a_source``, ``b_source``, ``a_figure``, ``b_figure``,
        ``strength``, ``reason``, ``checker``.
    """
    dask = require("dask")
    linking = _Linking(measures, places, tuple(checkers) if checkers else None, tolerance, on_error)
    received, plan, shared = _shuffled(claims, linking, "block", npartitions, client)
    planned = dask.delayed(plan, pure=True)
    frames = [dask.delayed(_link_partition, pure=True)(r, planned, shared) for r in received]
    return _from_delayed(frames, VERDICT_COLUMNS)


@attrs.frozen
class Assessed:
    """What ``assess_distributed`` found, as Dask DataFrames with the columns of
    ``claimtrack.to_pandas``: ``verdicts``; ``estimates`` (one row per quantity) and
    ``reliability`` (one per source), each with the ``component`` it was assessed
    in; ``grades`` (one per claim: ``id``, ``grade``, ``credibility``, ``reasons``,
    ``component``). ``components`` counts the components."""

    verdicts: DataFrame
    estimates: DataFrame
    reliability: DataFrame
    grades: DataFrame
    components: int

    def compute(self) -> tuple[pandas.DataFrame, ...]:
        """The four tables as pandas DataFrames, from one run."""
        dask = require("dask")
        found: tuple[pandas.DataFrame, ...] = dask.compute(
            self.verdicts, self.estimates, self.reliability, self.grades
        )
        return found


def assess_distributed(
    claims: Any,
    method: str | Method | None = None,
    *,
    components: bool = True,
    measures: MeasureLexicon | None = None,
    places: Gazetteer | None = None,
    checkers: Iterable[str] | None = None,
    tolerance: float = 0.05,
    on_error: Literal["raise", "record"] = "raise",
    npartitions: int | None = None,
    client: ClientLike = None,
) -> Assessed:
    """Link and assess claims on Dask: estimates, reliabilities and grades per connected
    component of blocks and the sources that speak in them, components in parallel.

    Parameters
    ----------
    claims
        A Dask bag of claims, or claims.
    method
        As for ``claimtrack.assess``. Per-quantity methods give exactly the
        single-process answer; ``accucopy`` and ``crh`` pool a few statistics over
        all quantities, which each component learns alone (see the module).
    components
        False assesses all the claims as one component, in one task: the
        single-process answer for every method, with no parallelism.
    measures, places, checkers, tolerance, on_error, npartitions, client
        As for ``link_distributed``.
    """
    dask = require("dask")
    if not isinstance(components, bool):
        raise ValidationError("components", components, "True or False")
    linking = _Linking(measures, places, tuple(checkers) if checkers else None, tolerance, on_error)
    by: Grouping = "component" if components else "all"
    received, plan, shared = _shuffled(claims, linking, by, npartitions, client)
    planned = dask.delayed(plan, pure=True)
    outs = [
        dask.delayed(_assess_partition, pure=True, nout=4)(r, planned, shared, method)
        for r in received
    ]
    tables = [
        _from_delayed([o[i] for o in outs], columns)
        for i, columns in enumerate(
            (VERDICT_COLUMNS, ESTIMATE_COLUMNS, RELIABILITY_COLUMNS, GRADE_COLUMNS)
        )
    ]
    verdicts, estimates, reliability, grades = tables
    return Assessed(verdicts, estimates, reliability, grades, plan.groups)
