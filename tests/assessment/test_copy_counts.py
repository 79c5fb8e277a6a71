"""claimtrack.assessment.truth: the items two sources share, counted in one pass."""

from __future__ import annotations

from itertools import combinations
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.assessment.truth._copying import common_items, coverage

# An item is who reported on it: source indexes, a source possibly twice.
items = st.lists(st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=6))


@given(items)
def test_common_items_are_the_intersections_of_coverage(reported: list[list[int]]) -> None:
    disputed = [SimpleNamespace(sources=sources) for sources in reported]
    covered = coverage(disputed, 6)
    common = common_items(disputed)
    for s, t in combinations(range(6), 2):
        assert common[(s, t)] == len(covered[s] & covered[t])
    assert all(s < t for s, t in common)
