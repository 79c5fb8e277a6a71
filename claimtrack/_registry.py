"""Named, pluggable things: checkers and assessment methods.

A registry maps names to entries, in the spirit of spaCy's ``catalogue``:
code registers entries with a decorator, installed packages add them through an
entry-point group (read once, on the first look-up, so importing claimtrack
stays fast), and a look-up by a wrong name says which names exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

from .errors import RegistryError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = ["Registry"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Entries of one kind by name, with the entry points of ``group`` added lazily.

    ``from_entry_point`` turns an entry point into an entry; it is called when the
    group is first read, and may defer loading the entry point's object.
    """

    def __init__(self, kind: str, group: str, from_entry_point: Callable[[EntryPoint], T]) -> None:
        self.kind = kind
        self.group = group
        self._from_entry_point = from_entry_point
        self._entries: dict[str, T] = {}
        self._read_entry_points = False

    def _load(self) -> None:
        if self._read_entry_points:
            return
        self._read_entry_points = True
        # imported here: importlib.metadata costs every `import claimtrack` otherwise
        from importlib.metadata import entry_points

        for point in entry_points(group=self.group):
            if point.name not in self._entries:  # code registered under that name wins
                self._entries[point.name] = self._from_entry_point(point)

    def add(self, name: str, entry: T) -> None:
        """Register an entry; a name registered again is replaced."""
        self._entries[name] = entry

    def get(self, name: str) -> T:
        """The entry called ``name``; ``RegistryError`` names the known ones."""
        self._load()
        if name not in self._entries:
            raise RegistryError(self.kind, name, list(self._entries))
        return self._entries[name]

    def remove(self, name: str) -> None:
        self.get(name)
        del self._entries[name]

    def names(self) -> list[str]:
        """Every name, in the order registered (entry points last)."""
        self._load()
        return list(self._entries)

    def items(self) -> Iterator[tuple[str, T]]:
        self._load()
        return iter(list(self._entries.items()))

    def __contains__(self, name: object) -> bool:
        self._load()
        return name in self._entries

    def snapshot(self) -> dict[str, T]:
        """A copy of the entries, to ``restore`` later (tests use this)."""
        return dict(self._entries)

    def restore(self, entries: dict[str, T], reread_entry_points: bool = False) -> None:
        self._entries = dict(entries)
        if reread_entry_points:
            self._read_entry_points = False
