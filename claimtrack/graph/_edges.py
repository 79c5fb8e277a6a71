"""Compact containers for the claim graph's edges, where networkx would use dicts.

A 1M-claim graph holds some 5M verdict edges, and each edge costs networkx two
small dicts: the keys between two nodes (``{"agreement": data}``) and the
attributes (``data``), 184 bytes each. Both are replaced here by mappings held
in slots, through networkx's documented factory hooks
(``edge_key_dict_factory``) and direct writes:

- ``VerdictEdge``, a verdict's attributes (``kind``, ``relation``,
  ``strength``, ``reason``, ``checker``) in 72 bytes; any other key a user
  sets is kept beside them;
- ``EdgeKeys``, the keys between two nodes: one key in slots (56 bytes), a
  dict from the second on.

Both are full mutable mappings, so networkx, its readers and writers, and
users' own code see what a dict would give.

>>> edge = VerdictEdge("corroborates", 1.0, "45 and 45 overlap", "agreement")
>>> dict(edge)  # doctest: +NORMALIZE_WHITESPACE
{'kind': 'verdict', 'relation': 'corroborates', 'strength': 1.0,
 'reason': '45 and 45 overlap', 'checker': 'agreement'}
>>> edge["note"] = "seen by the desk"
>>> edge["note"], len(edge)
('seen by the desk', 6)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, MutableMapping
from typing import Any

import networkx as nx

__all__ = ["UNSET", "EdgeKeys", "MultiDiGraph", "VerdictEdge"]

_FIELDS = ("kind", "relation", "strength", "reason", "checker")
_SLOT = frozenset(_FIELDS)
UNSET: Any = object()  # a slot whose key was deleted, or an empty EdgeKeys


class VerdictEdge(MutableMapping[str, Any]):
    """A verdict's attributes on its graph edge: a mapping with fixed slots."""

    __slots__ = (*_FIELDS, "_extra")

    def __init__(self, relation: Any, strength: float, reason: str, checker: str) -> None:
        self.kind = "verdict"
        self.relation = relation
        self.strength = strength
        self.reason = reason
        self.checker = checker
        self._extra: dict[str, Any] | None = None

    def __getitem__(self, key: str) -> Any:
        if key in _SLOT:
            value = getattr(self, key)
            if value is not UNSET:
                return value
        elif self._extra is not None and key in self._extra:
            return self._extra[key]
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        # networkx's edges(data="relation") and our readers call this per edge
        if key in _SLOT:
            value = getattr(self, key)
            return default if value is UNSET else value
        return default if self._extra is None else self._extra.get(key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        if key in _SLOT:
            setattr(self, key, value)
        else:
            if self._extra is None:
                self._extra = {}
            self._extra[key] = value

    def __delitem__(self, key: str) -> None:
        if key in _SLOT and getattr(self, key) is not UNSET:
            setattr(self, key, UNSET)
        elif key not in _SLOT and self._extra is not None and key in self._extra:
            del self._extra[key]
        else:
            raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        for key in _FIELDS:
            if getattr(self, key) is not UNSET:
                yield key
        if self._extra is not None:
            yield from self._extra

    def __len__(self) -> int:
        fixed = sum(getattr(self, key) is not UNSET for key in _FIELDS)
        return fixed + (0 if self._extra is None else len(self._extra))

    def __contains__(self, key: object) -> bool:
        if key in _SLOT:
            return getattr(self, key) is not UNSET
        return self._extra is not None and key in self._extra

    def __repr__(self) -> str:
        return repr(dict(self))

    def copy(self) -> dict[str, Any]:
        """A plain dict of the attributes, as networkx's ``Graph.copy`` asks of edge data."""
        return dict(self)

    def __copy__(self) -> VerdictEdge:
        twin = VerdictEdge(self.relation, self.strength, self.reason, self.checker)
        twin.kind = self.kind
        twin._extra = None if self._extra is None else dict(self._extra)
        return twin

    def __deepcopy__(self, memo: dict[int, Any]) -> VerdictEdge:
        import copy

        twin = self.__copy__()
        twin._extra = copy.deepcopy(self._extra, memo)
        return twin

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (dict(self),))


def _rebuild(items: dict[str, Any]) -> VerdictEdge:
    edge = VerdictEdge(UNSET, UNSET, UNSET, UNSET)
    edge.kind = UNSET
    edge.update(items)
    return edge


class EdgeKeys(MutableMapping[Hashable, Any]):
    """The edges between two nodes of a multigraph, by key: one in slots, more in a dict.

    Iteration follows insertion order and ``popitem`` takes the last key, as with
    a dict (networkx's ``remove_edge(u, v)`` without a key relies on it).

    >>> keys = EdgeKeys("agreement", {"relation": "corroborates"})
    >>> keys["relays"] = {"relation": "relays"}
    >>> list(keys), keys.popitem()[0], list(keys)
    (['agreement', 'relays'], 'relays', ['agreement'])
    """

    __slots__ = ("_key", "_more", "_value")

    def __init__(self, key: Hashable = UNSET, value: Any = None) -> None:
        self._key: Any = key  # UNSET when there is no edge
        self._value: Any = value
        self._more: dict[Hashable, Any] | None = None

    def __getitem__(self, key: Hashable) -> Any:
        if self._more is not None:
            return self._more[key]
        if self._key is not UNSET and key == self._key:
            return self._value
        raise KeyError(key)

    def get(self, key: Hashable, default: Any = None) -> Any:
        if self._more is not None:
            return self._more.get(key, default)
        return self._value if self._key is not UNSET and key == self._key else default

    def __setitem__(self, key: Hashable, value: Any) -> None:
        if self._more is not None:
            self._more[key] = value
        elif self._key is UNSET or key == self._key:
            self._key, self._value = key, value
        else:
            self._more = {self._key: self._value, key: value}
            self._key, self._value = UNSET, None

    def __delitem__(self, key: Hashable) -> None:
        if self._more is not None:
            del self._more[key]
        elif self._key is not UNSET and key == self._key:
            self._key, self._value = UNSET, None
        else:
            raise KeyError(key)

    def __iter__(self) -> Iterator[Hashable]:
        if self._more is not None:
            return iter(self._more)
        return iter(() if self._key is UNSET else (self._key,))

    def __len__(self) -> int:
        if self._more is not None:
            return len(self._more)
        return 0 if self._key is UNSET else 1

    def __contains__(self, key: object) -> bool:
        if self._more is not None:
            return key in self._more
        return self._key is not UNSET and key == self._key

    def items(self) -> Any:  # what networkx's edge views call per pair of nodes
        if self._more is not None:
            return self._more.items()
        return () if self._key is UNSET else ((self._key, self._value),)

    def values(self) -> Any:
        if self._more is not None:
            return self._more.values()
        return () if self._key is UNSET else (self._value,)

    def popitem(self) -> tuple[Hashable, Any]:
        if self._more is not None:
            return self._more.popitem()
        if self._key is UNSET:
            raise KeyError("popitem(): no edges")
        item = (self._key, self._value)
        self._key, self._value = UNSET, None
        return item

    def copy(self) -> dict[Hashable, Any]:
        return dict(self.items())

    def __repr__(self) -> str:
        return repr(dict(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_keys, (list(self.items()),))


def _rebuild_keys(items: list[tuple[Hashable, Any]]) -> EdgeKeys:
    keys = EdgeKeys()
    for key, value in items:
        keys[key] = value
    return keys


class MultiDiGraph(nx.MultiDiGraph):  # type: ignore[type-arg]
    """A networkx ``MultiDiGraph`` whose keys between two nodes are ``EdgeKeys``."""

    edge_key_dict_factory = EdgeKeys  # type: ignore[assignment]  # keys may be any hashable
