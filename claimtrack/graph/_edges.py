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
  dict from the second on;
- ``SoleVerdict``, both in one object where two claims share one verdict, as
  nearly all do: the keys ``{checker: attributes}``, and the attributes in its
  own slots, read and written through a ``VerdictView``. It saves the second
  object, a sixth of a large graph's memory.

All are full mutable mappings, so networkx, its readers and writers, and
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

import abc
from collections.abc import Hashable, Iterator, Mapping, MutableMapping
from typing import Any

import networkx as nx

from ..relations import Reason

__all__ = [
    "UNSET", "BareKeys", "EdgeKeys", "MultiDiGraph", "SoleVerdict", "VerdictEdge", "VerdictView",
    "detached",
]  # fmt: skip

_FIELDS = ("kind", "relation", "strength", "reason", "checker")
_SLOT = frozenset(_FIELDS)
UNSET: Any = object()  # a slot whose key was deleted, or an empty EdgeKeys


# A verdict's attributes, read and written on any object with VerdictEdge's slots: a
# VerdictEdge, or a SoleVerdict through its VerdictView.
def _get(edge: Any, key: str) -> Any:
    if key in _SLOT:
        value = getattr(edge, key)
        if value is not UNSET:
            return _written(edge, value) if key == "reason" else value
    elif edge._extra is not None and key in edge._extra:
        return edge._extra[key]
    raise KeyError(key)


def _get_or(edge: Any, key: str, default: Any) -> Any:
    if key in _SLOT:
        value = getattr(edge, key)
        if value is UNSET:
            return default
        return _written(edge, value) if key == "reason" else value
    return default if edge._extra is None else edge._extra.get(key, default)


def _written(edge: Any, reason: Any) -> Any:
    """A reason as a sentence: a ``Reason`` is written from the verdict's claims."""
    if reason.__class__ is str or not isinstance(reason, Reason):
        return reason
    return reason.text(edge.relation, edge.a, edge.b)


def _set(edge: Any, key: str, value: Any) -> None:
    if key in _SLOT:
        setattr(edge, key, value)
    else:
        if edge._extra is None:
            edge._extra = {}
        edge._extra[key] = value


def _delete(edge: Any, key: str) -> None:
    if key in _SLOT and getattr(edge, key) is not UNSET:
        setattr(edge, key, UNSET)
    elif key not in _SLOT and edge._extra is not None and key in edge._extra:
        del edge._extra[key]
    else:
        raise KeyError(key)


def _iterate(edge: Any) -> Iterator[str]:
    for key in _FIELDS:
        if getattr(edge, key) is not UNSET:
            yield key
    if edge._extra is not None:
        yield from edge._extra


def _count(edge: Any) -> int:
    fixed = sum(getattr(edge, key) is not UNSET for key in _FIELDS)
    return fixed + (0 if edge._extra is None else len(edge._extra))


def _holds(edge: Any, key: object) -> bool:
    if key in _SLOT:
        return getattr(edge, key) is not UNSET
    return edge._extra is not None and key in edge._extra


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
        return _get(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        # networkx's edges(data="relation") and our readers call this per edge
        return _get_or(self, key, default)

    def __setitem__(self, key: str, value: Any) -> None:
        _set(self, key, value)

    def __delitem__(self, key: str) -> None:
        _delete(self, key)

    def __iter__(self) -> Iterator[str]:
        return _iterate(self)

    def __len__(self) -> int:
        return _count(self)

    def __contains__(self, key: object) -> bool:
        return _holds(self, key)

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


class _Keys(MutableMapping[Hashable, Any]):
    """The edges between two nodes of a multigraph, by key: one key in slots, more in a
    dict. A subclass says where the one key's attributes are (``_one``), how a second
    key is taken in (``__setitem__``) and what deleting the one key clears (``_drop``).

    Iteration follows insertion order and ``popitem`` takes the last key, as with
    a dict (networkx's ``remove_edge(u, v)`` without a key relies on it).
    """

    __slots__ = ("_key", "_more")
    _key: Any  # UNSET when there is no edge
    _more: dict[Hashable, Any] | None

    @abc.abstractmethod
    def _one(self) -> Any:
        """The attributes of the one key, held the subclass's own way."""

    def _drop(self) -> None:
        self._key = UNSET

    def __getitem__(self, key: Hashable) -> Any:
        if self._more is not None:
            return self._more[key]
        if self._key is not UNSET and key == self._key:
            return self._one()
        raise KeyError(key)

    def get(self, key: Hashable, default: Any = None) -> Any:
        if self._more is not None:
            return self._more.get(key, default)
        return self._one() if self._key is not UNSET and key == self._key else default

    def __delitem__(self, key: Hashable) -> None:
        if self._more is not None:
            del self._more[key]
        elif self._key is not UNSET and key == self._key:
            self._drop()
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
        return () if self._key is UNSET else ((self._key, self._one()),)

    def values(self) -> Any:
        if self._more is not None:
            return self._more.values()
        return () if self._key is UNSET else (self._one(),)

    def popitem(self) -> tuple[Hashable, Any]:
        if self._more is not None:
            return self._more.popitem()
        if self._key is UNSET:
            raise KeyError("popitem(): no edges")
        item = (self._key, detached(self._one()))
        self._drop()
        return item

    def copy(self) -> dict[Hashable, Any]:
        return dict(self.items())

    def __repr__(self) -> str:
        return repr(dict(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_keys, ([(key, detached(data)) for key, data in self.items()],))


class EdgeKeys(_Keys):
    """The edges between two nodes of a multigraph, by key: one in slots, more in a dict.

    >>> keys = EdgeKeys("agreement", {"relation": "corroborates"})
    >>> keys["relays"] = {"relation": "relays"}
    >>> list(keys), keys.popitem()[0], list(keys)
    (['agreement', 'relays'], 'relays', ['agreement'])
    """

    __slots__ = ("_value",)

    def __init__(self, key: Hashable = UNSET, value: Any = None) -> None:
        self._key = key
        self._value: Any = value
        self._more = None

    def _one(self) -> Any:
        return self._value

    def _drop(self) -> None:
        self._key, self._value = UNSET, None

    def __setitem__(self, key: Hashable, value: Any) -> None:
        if self._more is not None:
            self._more[key] = value
        elif self._key is UNSET or key == self._key:
            self._key, self._value = key, value
        else:
            self._more = {self._key: self._value, key: value}
            self._key, self._value = UNSET, None


def _rebuild_keys(items: list[tuple[Hashable, Any]]) -> EdgeKeys:
    keys = EdgeKeys()
    for key, value in items:
        keys[key] = value
    return keys


class BareKeys(EdgeKeys):
    """``EdgeKeys`` for one edge that has no attributes, as a source's ``asserts``
    edge to its claim: the empty dict networkx would keep for each is made only
    when an attribute is written (a graph of 1M claims has 1M such edges)."""

    __slots__ = ()

    def _one(self) -> Any:
        return _BareAttributes(self) if self._value is None else self._value

    def __setitem__(self, key: Hashable, value: Any) -> None:
        if value.__class__ is _BareAttributes and value._keys is self:
            return  # networkx's add_edge updates the attributes, then sets them back
        if self._more is None and self._key is not UNSET and key != self._key:
            if self._value is None:
                self._value = {}  # what a view held before still writes here
            self._more = {self._key: self._value, key: value}
            return
        super().__setitem__(key, value)


class _DictLike(MutableMapping[str, Any]):
    """An edge's attributes seen as a dict: equal to, shown and copied as the dict of
    its items (the views below keep them elsewhere)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return dict(self) == other if isinstance(other, Mapping) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a mutable mapping, as a dict

    def __repr__(self) -> str:
        return repr(dict(self))

    def copy(self) -> dict[str, Any]:
        return dict(self)


class _BareAttributes(_DictLike):
    """The attributes of a ``BareKeys`` edge: none until one is written."""

    __slots__ = ("_keys",)

    def __init__(self, keys: BareKeys) -> None:
        self._keys = keys

    def _made(self) -> dict[str, Any]:
        if self._keys._value is None:
            self._keys._value = {}
        found: dict[str, Any] = self._keys._value
        return found

    def __getitem__(self, key: str) -> Any:
        value = self._keys._value
        if value is None:
            raise KeyError(key)
        return value[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._made()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._made()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys._value or ())

    def __len__(self) -> int:
        return len(self._keys._value or ())

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self),))


class SoleVerdict(_Keys):
    """The edges between two claims when they are one verdict, in one object.

    As a mapping it is the keys between the two nodes, as ``EdgeKeys`` is: one
    key, the checker's name, whose value is a ``VerdictView`` of the verdict's
    attributes, held in this object's own slots. A second key turns it into a
    dict of keys (the first still a view of these slots), as ``EdgeKeys`` does.
    It keeps the two claims, from which a ``Reason`` writes its sentence.

    >>> keys = SoleVerdict("corroborates", 1.0, "45 and 45 overlap", "agreement")
    >>> list(keys), keys["agreement"]["relation"]
    (['agreement'], 'corroborates')
    >>> keys["agreement"]["note"] = "seen"
    >>> keys["relays"] = {"relation": "relays"}
    >>> list(keys), keys["agreement"]["note"]
    (['agreement', 'relays'], 'seen')
    """

    # Eight slots, 96 bytes: ``kind`` ("verdict") and ``checker`` (the key) are not
    # stored unless changed; then they sit in ``_extra`` with the other attributes.
    __slots__ = ("_extra", "a", "b", "reason", "relation", "strength")

    def __init__(
        self,
        relation: Any,
        strength: float,
        reason: str | Reason,
        checker: str,
        a: Any = None,
        b: Any = None,
    ) -> None:
        self.relation = relation
        self.strength = strength
        self.reason = reason
        self.a, self.b = a, b
        self._key = checker  # UNSET once it is deleted
        self._extra: dict[str, Any] | None = None
        self._more = None

    @property
    def kind(self) -> Any:
        return "verdict" if self._extra is None else self._extra.get("kind", "verdict")

    @property
    def checker(self) -> Any:
        return self._key if self._extra is None else self._extra.get("checker", self._key)

    def _one(self) -> VerdictView:
        return VerdictView(self)

    def _sole(self, key: Hashable) -> bool:
        return self._more is None and self._key is not UNSET and key == self._key

    def __setitem__(self, key: Hashable, value: Any) -> None:
        if self._more is not None:
            self._more[key] = value
        elif value.__class__ is VerdictView and value._edge is self and self._sole(key):
            pass  # networkx's add_edge updates the attributes, then sets them back
        elif self._key is UNSET:  # emptied: its slots are free for another's
            self._more = {key: value}
        else:
            self._more = {self._key: VerdictView(self), key: value}
            if key == self._key:  # a new value for the one key
                self._more[key] = value


_IN_SLOTS = frozenset({"relation", "strength", "reason"})


class VerdictView(_DictLike):
    """The attributes of a ``SoleVerdict``'s verdict, as a mapping: reads and writes go
    to its slots, so every view of one verdict sees the same attributes."""

    __slots__ = ("_edge",)

    def __init__(self, edge: SoleVerdict) -> None:
        self._edge = edge

    def _raw(self, key: str) -> Any:
        """The attribute, UNSET when it is not there."""
        edge = self._edge
        if key in _IN_SLOTS:
            return getattr(edge, key)
        if edge._extra is not None and key in edge._extra:
            return edge._extra[key]
        return "verdict" if key == "kind" else edge._key if key == "checker" else UNSET

    def __getitem__(self, key: str) -> Any:
        value = self._raw(key)
        if value is UNSET:
            raise KeyError(key)
        return _written(self._edge, value) if key == "reason" else value

    def get(self, key: str, default: Any = None) -> Any:
        value = self._raw(key)
        if value is UNSET:
            return default
        return _written(self._edge, value) if key == "reason" else value

    def __setitem__(self, key: str, value: Any) -> None:
        edge = self._edge
        if key in _IN_SLOTS:
            setattr(edge, key, value)
        else:
            if edge._extra is None:
                edge._extra = {}
            edge._extra[key] = value

    def __delitem__(self, key: str) -> None:
        if self._raw(key) is UNSET:
            raise KeyError(key)
        edge = self._edge
        if key in _IN_SLOTS:
            setattr(edge, key, UNSET)
        elif key in _SLOT:  # kind or checker: gone, though the slots would give them
            if edge._extra is None:
                edge._extra = {}
            edge._extra[key] = UNSET
        else:
            del edge._extra[key]  # type: ignore[union-attr]  # _raw found it there

    def __iter__(self) -> Iterator[str]:
        for key in _FIELDS:
            if self._raw(key) is not UNSET:
                yield key
        if self._edge._extra is not None:
            yield from (key for key in self._edge._extra if key not in _SLOT)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._raw(key) is not UNSET

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (dict(self),))


def detached(data: Any) -> Any:
    """Edge attributes that outlive their edge: a ``VerdictView`` reads the slots of an
    edge that may be deleted or reused, so it is copied into a ``VerdictEdge``."""
    if data.__class__ is VerdictView:
        return _rebuild(dict(data))
    if data.__class__ is _BareAttributes:
        return dict(data)
    return data


class MultiDiGraph(nx.MultiDiGraph):  # type: ignore[type-arg]
    """A networkx ``MultiDiGraph`` whose keys between two nodes are ``EdgeKeys``."""

    edge_key_dict_factory = EdgeKeys  # type: ignore[assignment]  # keys may be any hashable
