"""Past one machine: extraction, linking and assessment on Dask.

Extraction over a corpus is a map over documents, linking a map over blocks of
claims that can meet, and assessment a map over components of blocks that share
sources; Dask runs them on a local cluster (one worker process per core) or on
any scheduler. Every entry point gives the single-process answer (``_blocks``
says where assessment may differ, and why).

Dask lives in the ``dask`` extra (``pip install 'claimtrack[dask]'``) and is
imported only when a function here runs: ``import claimtrack`` never loads it.
"""

from ._blocks import (
    Assessed,
    BlockPlan,
    assess_distributed,
    link_distributed,
    plan_blocks,
    verdict_frame,
)
from ._cluster import ClientLike, local_client, progress, use_client
from ._corpus import Extraction, extract_corpus, problems_of, read_claims, write_frame

__all__ = [
    "Assessed",
    "BlockPlan",
    "ClientLike",
    "Extraction",
    "assess_distributed",
    "extract_corpus",
    "link_distributed",
    "local_client",
    "plan_blocks",
    "problems_of",
    "progress",
    "read_claims",
    "use_client",
    "verdict_frame",
    "write_frame",
]
