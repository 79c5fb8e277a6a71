"""Files in and out: claim files (JSON, JSON Lines, CSV), graph files (node-link JSON,
GraphML), tables (CSV of any result) and ClaimReview JSON-LD.

One cattrs ``converter`` defines the on-disk form of a claim; every write is
atomic (a reader sees the old file or the new one, never half of one).
"""

from .._files import atomic_write, read_text
from ._claims import (
    CSV_COLUMNS,
    FORMATS,
    LoadResult,
    Problem,
    converter,
    dump,
    from_records,
    load,
    memoised,
    read_date,
)
from ._graphs import dump_graph, load_graph, node_link
from ._reviews import claim_reviews, dump_claim_reviews
from ._tables import Tabular, claim_row, dump_table, rows, write_table

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "LoadResult",
    "Problem",
    "Tabular",
    "atomic_write",
    "claim_reviews",
    "claim_row",
    "converter",
    "dump",
    "dump_claim_reviews",
    "dump_graph",
    "dump_table",
    "from_records",
    "load",
    "load_graph",
    "memoised",
    "node_link",
    "read_date",
    "read_text",
    "rows",
    "write_table",
]
