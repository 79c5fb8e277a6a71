"""claimtrack.graph: counting verdicts on the adjacency, and answers kept while a graph
is declared unchanged."""

from __future__ import annotations

from claimtrack import ClaimGraph
from claimtrack.graph import count_verdicts, disputes, unchanged

from ..factories import make_claim, seed_graph


def _disputed() -> ClaimGraph:
    graph = ClaimGraph(
        [make_claim("45", "A"), make_claim("46", "B", via="A"), make_claim("90", "C")]
    )
    graph.link()
    return graph


def test_count_verdicts_is_the_number_of_verdicts() -> None:
    for graph in (seed_graph(), _disputed()):
        assert count_verdicts(graph) == len(graph.verdicts()) > 0
    graph = _disputed()
    u, w, key = next(
        (u, w, k)
        for u, w, k, d in graph.graph.edges(keys=True, data=True)
        if d.get("kind") == "verdict"
    )
    del graph.graph.edges[u, w, key]["kind"]  # an edge that is no verdict any more
    assert count_verdicts(graph) == len(graph.verdicts())


def test_disputes_are_found_once_while_the_graph_is_unchanged() -> None:
    graph = _disputed()
    with unchanged(graph):
        first = graph.disputes()
        assert first and graph.disputes() == first
        assert all(a is b for a, b in zip(disputes(graph), first, strict=True))
    # outside the block the graph answers afresh: a change shows
    graph.add(make_claim("200", "D"))
    graph.link()
    assert graph.disputes() != first
