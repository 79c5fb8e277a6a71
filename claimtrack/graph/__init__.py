"""The claim graph, and the questions a linked graph answers.

``ClaimGraph`` holds claims and sources as networkx nodes and verdicts as edges;
the functions here read a linked graph (which claims relate how, where each
claim started, what is disputed). Other parts of claimtrack read a graph only
through this door.
"""

from ._display import disputes_html
from ._graph import ClaimGraph, LinkReport
from ._questions import (
    Dispute,
    Pairs,
    claim_origins,
    corroborating_origins,
    count_verdicts,
    disputes,
    relation_pairs,
    supports,
    timeline,
    unchanged,
    verdict_rows,
)

__all__ = [
    "ClaimGraph",
    "Dispute",
    "LinkReport",
    "Pairs",
    "claim_origins",
    "corroborating_origins",
    "count_verdicts",
    "disputes",
    "disputes_html",
    "relation_pairs",
    "supports",
    "timeline",
    "unchanged",
    "verdict_rows",
]
