"""The claim base: claims that last, in a SQLite file (the default) or on PostgreSQL.

``claimtrack.open("desk.db")`` opens or makes a base; ``base.add(claims)`` stores a
batch, links the new claims against the claims of their blocks and reassesses
the quantities they touch, in one transaction; the queries (``claims``,
``timeline``, ``record``, ``changes``, ``estimates``) answer without loading
everything, and ``graph()`` gives a ``ClaimGraph`` of any of them.
"""

from ._base import DEFAULT_METHOD, ClaimBase, open_base
from ._dialects import is_url
from ._results import AddResult, Claims, SourceRecord, Table
from ._schema import CURRENT as SCHEMA_VERSION

__all__ = [
    "DEFAULT_METHOD",
    "SCHEMA_VERSION",
    "AddResult",
    "ClaimBase",
    "Claims",
    "SourceRecord",
    "Table",
    "is_url",
    "open_base",
]
