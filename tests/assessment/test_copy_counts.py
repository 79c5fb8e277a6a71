"""claimtrack.assessment.truth: the items two sources share, counted in one pass."""

from __future__ import annotations

from itertools import combinations
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.assessment.truth._copying import _same_claims, agreed_pairs, common_items, coverage
from claimtrack.assessment.truth._core import Observation
from claimtrack.assessment.truth._prepared import Prepared

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


@given(st.lists(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 2)), min_size=2, max_size=6)))
def test_the_copy_counts_on_arrays_are_the_python_counts(said: list[list[tuple[int, int]]]) -> None:
    # Each item: (source, claim) per observation; a source may speak twice.
    np = pytest.importorskip("numpy")
    from claimtrack.assessment.truth._rounds import ArrayRounds

    prepared = []
    for number, observations in enumerate(said):
        data = [Observation(f"s{s}", 100.0 + number + claim) for s, claim in observations]
        item = Prepared(number, data, {f"s{s}": s for s in range(6)})
        item.right = [0.1 * (claim + 1) + 0.01 * j for j, (_, claim) in enumerate(observations)]
        prepared.append(item)
    disputed = [item for item in prepared if item.disputed]
    if not disputed:
        return
    arrays = ArrayRounds(disputed, 6)
    arrays.right = np.array([r for item in disputed for r in item.right])
    assert arrays.common_items() == common_items(disputed)
    assert arrays.agreed() == agreed_pairs(disputed)
    assert arrays.same_claims() == _same_claims(disputed, coverage(disputed, 6))
