"""claimtrack._gc: what a paused collector leaves behind stays collectable."""

from __future__ import annotations

import gc
import weakref

from claimtrack._gc import paused_gc


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_a_cycle_built_while_paused_is_still_freed_and_nothing_stays_frozen() -> None:
    with paused_gc():
        a, b = _Node(), _Node()
        a.other, b.other = b, a  # a cycle: reference counting alone never frees it
        alive = weakref.ref(a)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    del a, b
    gc.collect()
    assert alive() is None


def test_objects_someone_froze_stay_frozen() -> None:
    gc.collect()
    kept = [_Node() for _ in range(3)]
    gc.freeze()
    try:
        assert gc.get_freeze_count() > 0
        with paused_gc():
            built = [_Node() for _ in range(3)]
        # what was frozen before is frozen still: in no generation the collector walks
        # (the freeze count itself may fall meanwhile: another thread frees a frozen object)
        walked = gc.get_objects()
        assert not any(o is k for o in walked for k in kept)
        assert any(o is built[0] for o in walked)
    finally:
        gc.unfreeze()
    assert kept and built
