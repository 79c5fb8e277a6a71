"""claimtrack.assessment.truth: the items prepared on arrays are the items prepared in Python."""

from __future__ import annotations

import contextlib
import functools
import math
import sys
from collections.abc import Hashable, Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimtrack.assessment.truth import Discovery, _accucopy, discover
from claimtrack.assessment.truth._core import Observation
from claimtrack.assessment.truth._prepared import Prepared, prepare

np = pytest.importorskip("numpy")
from claimtrack.assessment.truth._flat import layout_of, prepare_flat  # noqa: E402
from claimtrack.assessment.truth._rounds import Shares  # noqa: E402

_FIELDS = [name for name in Prepared.__slots__ if name != "_groups"] + ["groups"]


@st.composite
def observations(draw: st.DrawFn) -> Observation:
    """Few sources and values, so that sources repeat themselves and items tie; whole
    numbers as ints or floats, bands, bounds, no bounds, weights of 0."""
    source = draw(st.sampled_from(["a", "b", "c", "d"]))
    value: float = draw(st.sampled_from([0, 1, 2, 5, 7]))
    if draw(st.booleans()):
        value = float(value)
    if value == 0 and draw(st.booleans()):
        value = -0.0
    kind = draw(st.sampled_from(["exact", "exact", "exact", "band", "over", "under", "some"]))
    low, high = {
        "exact": (value, value),
        "band": (value - 2, value + 1.5),
        "over": (value, math.inf),
        "under": (-math.inf, value),
        "some": (-math.inf, math.inf),
    }[kind]
    weight = draw(st.sampled_from([1.0, 1.0, 1, 0.5, 0.0]))
    return Observation(source, value, low, high, weight)


@st.composite
def items(draw: st.DrawFn) -> list[tuple[Hashable, tuple[Observation, ...]]]:
    """Items of one to six observations, each with one that counts; some the same."""
    out: list[tuple[Hashable, tuple[Observation, ...]]] = []
    for key in range(draw(st.integers(min_value=1, max_value=10))):
        said = draw(st.lists(observations(), min_size=1, max_size=6))
        if out and draw(st.integers(0, 3)) == 0:  # the same first observation, or all
            said = list(out[-1][1][: draw(st.integers(1, 6))]) + said[1:]
        if not any(o.weight > 0 for o in said):
            said.append(Observation("a", 3))
        out.append((key, tuple(said)))
    return out


def _index(data: list[tuple[Hashable, tuple[Observation, ...]]]) -> dict[str, int]:
    names = sorted({o.source for _, said in data for o in said})
    return {name: i for i, name in enumerate(names)}


@settings(max_examples=150, deadline=None)
@given(items())
def test_the_items_prepared_on_arrays_are_the_python_items(
    data: list[tuple[Hashable, tuple[Observation, ...]]],
) -> None:
    index = _index(data)
    python = prepare(data, index)
    found = prepare_flat(data, index)
    assert found is not None
    flat, layout = found
    assert [item.key for item in flat] == [item.key for item in python]
    for ours, theirs in zip(flat, python, strict=True):
        for field in _FIELDS:
            mine, other = getattr(ours, field), getattr(theirs, field)
            assert mine == other, field
            # The same objects: 15 stays an int, 15.0 a float, -0.0 itself; weights too.
            # (What an observation tells of its source is a float on arrays, where Python
            # keeps an int an int: the same number in every sum and product.)
            if field != "informative":
                assert repr(mine) == repr(other), field
    expected = layout_of(python)
    for field, array in layout._asdict().items():
        assert np.array_equal(array, getattr(expected, field)), field
    keep = [item.disputed for item in python]
    part, whole = layout.subset(keep), layout_of([item for item in python if item.disputed])
    for field, array in part._asdict().items():
        assert np.array_equal(array, getattr(whole, field)), field


def test_what_arrays_cannot_hold_is_left_to_python() -> None:
    index = {"a": 0, "b": 1}
    large = 2**53 + 1  # a float would round it to its neighbour
    assert (
        prepare_flat([("q", (Observation("a", large), Observation("b", large - 1)))], index) is None
    )
    assert prepare_flat([("q", (Observation("a", 5, weight=0.0),))], index) is None
    assert prepare_flat([], index) is None
    # 2**53 itself is a float exactly
    found = prepare_flat([("q", (Observation("a", 2**53), Observation("b", 1.5)))], index)
    assert found is not None
    assert found[0][0].candidates == [1.5, 2**53]
    assert type(found[0][0].candidates[1]) is int


@contextlib.contextmanager
def _arrays(used: bool) -> Iterator[None]:
    """The method on arrays whatever the size of the data, or never."""
    saved = _accucopy._ARRAY_MINIMUM
    _accucopy._ARRAY_MINIMUM = 0 if used else sys.maxsize
    try:
        yield
    finally:
        _accucopy._ARRAY_MINIMUM = saved


def _shown(found: Discovery) -> list[str]:
    """Every figure of every estimate and reliability as written: types included."""
    return [
        repr((key, e.best, e.low, e.high, e.support, e.confidence, e.alternatives, e.sources,
              e.dissenting, e.copied))
        for key, e in found.estimates.items()
    ] + [repr(r) + repr((r.value, r.claims, r.agreed)) for r in found.reliability.values()]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(items())
@example(  # the range's high: 2 from the best candidate, not 2.0 from the one after it
    [
        (0, (Observation("a", 0),)),
        (1, (Observation("a", 1), Observation("b", 0))),
        (
            2,
            (
                Observation("a", 2.0),
                Observation("b", 2, -math.inf, 2),
                Observation("c", 1, -1, 2.5),
            ),
        ),
    ]
)
def test_the_estimates_on_arrays_keep_the_figures_as_given(
    data: list[tuple[Hashable, tuple[Observation, ...]]],
) -> None:
    # Ints and floats of one value, -0.0 and 0.0, bounds and no bounds: the best value
    # and the range's ends are the objects the observations hold, on arrays or not.
    with _arrays(False):
        python = _shown(discover(dict(data)))
    with _arrays(True):
        arrays = _shown(discover(dict(data)))
    if sys.version_info < (3, 12):
        assert arrays == python
    else:  # the Python rounds' sum() compensates from 3.12 on; the arrays add plainly
        assert len(arrays) == len(python)


@settings(max_examples=40, deadline=None)
@given(items())
def test_the_rare_claims_test_reads_the_same_shares_on_arrays(
    data: list[tuple[Hashable, tuple[Observation, ...]]],
) -> None:
    # The rare-claims test reads every item's share that counts, which the arrays cut
    # from their array when read.
    method = functools.partial(
        _accucopy.accucopy, policy=_accucopy.AccuCopyPolicy(copy_test="both")
    )
    with _arrays(False):
        python = _shown(discover(dict(data), method=method))
    with _arrays(True):
        arrays = _shown(discover(dict(data), method=method))
    if sys.version_info < (3, 12):
        assert arrays == python
    else:  # as above
        assert len(arrays) == len(python)


def test_fields_cut_when_read_can_be_set_and_shares_read_by_position() -> None:
    data: list[tuple[Hashable, tuple[Observation, ...]]] = [
        ("q", (Observation("a", 1), Observation("b", 2, 1, 3))),
    ]
    found = prepare_flat(data, _index(data))
    assert found is not None
    item = found[0][0]
    assert item.spans == [(0, 1), (0, 2)]
    item.spans = [(1, 2), (0, 2)]
    item.right = [0.5, 1.0]
    assert (item.spans, item.right) == ([(1, 2), (0, 2)], [0.5, 1.0])
    shares = Shares(np.array([0.5, 1.0, 1.0, 0.25]), [0, 2, 3, 4], [True, False, True])
    assert list(shares) == [shares[0], shares[1], shares[2]] == [[0.5, 1.0], None, [0.25]]
    assert shares[1:] == [None, [0.25]]


def test_equal_ends_of_either_type_are_taken_in_order() -> None:
    # 5 and 5.0 both bound the best value's range: the first observation's counts.
    data = {
        "q": [Observation("a", 5), Observation("b", 5.0), Observation("c", 7, 6.0, 8)],
        "r": [Observation("a", 6.0, 5, 7), Observation("b", 6, 5.0, 7.0), Observation("c", 9)],
        "s": [Observation("a", 4.0, 3, 5.0), Observation("b", 4, 3.0, 5)],  # undisputed
    }
    with _arrays(False):
        python = _shown(discover(data))
    with _arrays(True):
        arrays = _shown(discover(data))
    assert arrays == python
    for start in ("('q', 5, 5, 5,", "('r', 6.0, 5, 7,", "('s', 4.0, 3, 5.0,"):
        assert any(shown.startswith(start) for shown in python)


def test_long_items_that_tie_are_ordered_as_in_python() -> None:
    # Items of more than 32 observations whose first ones tie are ordered in Python.
    def item(last: float) -> tuple[Observation, ...]:
        first = [Observation(f"s{i:02}", 5 if i else 1) for i in range(39)]
        return (*first, Observation("z", last))

    data: list[tuple[Hashable, tuple[Observation, ...]]] = [
        ("b", item(9)),
        ("a", item(8)),
        ("c", (Observation("s00", 1), Observation("s01", 2))),
    ]
    index = _index(data)
    found = prepare_flat(data, index)
    assert found is not None
    assert [item.key for item in found[0]] == [item.key for item in prepare(data, index)]
    assert [item.key for item in found[0]] == ["c", "a", "b"]  # (s01, 2) before (s01, 5)
