"""The house: one door per subsystem, a public API that docs/api.md lists exactly, the
extension points as documented, and one rule for when two figures agree."""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
import sys
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack.assessment import Item, Result
from claimtrack.figure import agreement_interval

from .factories import make_claim

ROOT = Path(__file__).resolve().parents[1]
FLIGHT = ROOT / "tests" / "data" / "flight"  # one day of Li et al.'s flight data, MIT


def test_docs_api_lists_exactly_the_public_names() -> None:
    page = (ROOT / "docs" / "api.md").read_text("utf-8")
    listed = set(re.findall(r"^::: claimtrack\.(\w+)$", page, flags=re.M))
    assert listed == set(ct.__all__) - {"__version__"}


def test_every_public_name_is_importable_and_typed() -> None:
    for name in ct.__all__:
        assert getattr(ct, name) is not None
    assert (Path(ct.__file__).parent / "py.typed").is_file()


def test_no_function_shadows_a_package() -> None:
    """``claimtrack.extract`` is the function and ``claimtrack.extraction`` its package."""
    for info in pkgutil.iter_modules(ct.__path__):
        value = getattr(ct, info.name, None)
        assert value is None or isinstance(value, ModuleType), info.name
    from claimtrack.extraction import ExtractRules

    assert ExtractRules is ct.ExtractRules
    assert callable(ct.extract) and ct.extraction.extract is ct.extract


def test_each_subsystem_has_one_door() -> None:
    """A subsystem's ``__init__`` names what the other parts use; all else is private."""
    for door in (
        "graph",
        "assessment",
        "assessment.truth",
        "io",
        "views",
        "cli",
        "extraction",
        "distributed",
    ):
        module = importlib.import_module(f"claimtrack.{door}")
        assert module.__all__, door
        for name in module.__all__:
            assert hasattr(module, name), f"claimtrack.{door}.{name}"


def test_import_claimtrack_loads_no_heavy_library_until_used() -> None:
    # a fresh interpreter, so what this process imported does not count
    import subprocess

    heavy = "{'pandas', 'matplotlib', 'networkx', 'cattrs', 'importlib.metadata'}"
    code = (
        f"import sys, claimtrack; print(sorted({heavy} & set(sys.modules)));"
        "claimtrack.ClaimGraph; print(sorted({'networkx'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "['networkx']"]


def test_a_method_written_from_scratch_runs_through_the_public_protocol() -> None:
    """The ``Method`` protocol: items and priors in; estimates, reliability, dependence out."""

    def loudest(items: Sequence[Item], priors: Mapping[str, float], /) -> Result:
        estimates: dict[Hashable, ct.Estimate[Hashable]] = {}
        sources: set[str] = set()
        for key, observations in items:
            top = max(observations, key=lambda o: (o.weight, o.value))
            estimates[key] = ct.Estimate(
                best=top.value, low=top.low, high=top.high, support=top.weight, confidence=1.0
            )
            sources |= {o.source for o in observations}
        reliability = {
            s: ct.Reliability(s, priors.get(s, 0.5), priors.get(s), 0, 0.0) for s in sources
        }
        return estimates, reliability, {}

    ct.assessment_method("loudest")(loudest)
    try:
        claims = [make_claim(f, s) for s, f in [("A", "45"), ("B", "60"), ("C", "46")]]
        assessment = ct.assess(ct.ClaimGraph(claims), "loudest")
        (estimate,) = assessment.estimates.values()
        assert estimate.best == 60 and estimate.method == "loudest"
        assert [c.source.name for c in estimate.claims] == ["B"]
        assert assessment.reliability["A"].value == 0.5
        assert "loudest" in ct.assessment_methods()
    finally:
        from claimtrack.assessment.truth import unregister_method

        unregister_method("loudest")


def test_grades_are_one_class_that_shows_its_label() -> None:
    grade = ct.Grade(2, "B", ["agrees"])
    assert str(grade) == "B2" and grade.label == "probably true"
    assert repr(grade) == "Grade('B2', 'probably true')"
    with pytest.raises(ct.ValidationError, match="credibility"):
        ct.Grade(7)


# -- one agreement rule ------------------------------------------------------------

sizes = st.integers(1, 10_000)


@given(sizes, sizes, st.sampled_from([0.0, 0.01, 0.05, 0.2]))
def test_checkers_estimates_and_the_figure_agree_on_what_agrees(a: int, b: int, tol: float) -> None:
    first, second = ct.Figure(a), ct.Figure(b)
    agrees = first.agrees(second, tol)
    low, high = agreement_interval(a, a, a, tol)
    assert agrees == (low <= b <= high) == second.agrees(first, tol)
    g = ct.ClaimGraph([make_claim(a, "A"), make_claim(b, "B")], tolerance=tol)
    g.link()
    relations = {v.relation for v in g.verdicts()}
    if a == b or agrees:
        assert relations == {ct.Relation.CORROBORATES}
    else:
        assert relations == {ct.Relation.CONTRADICTS}


def test_100_and_105_2_agree_everywhere_at_five_percent() -> None:
    g = ct.ClaimGraph([make_claim("100", "A"), make_claim("105.2", "B")])
    g.link()
    (verdict,) = g.verdicts()
    assert verdict.relation == ct.Relation.CORROBORATES
    (estimate,) = ct.assess(g).estimates.values()
    assert {c.source.name for c in estimate.claims} == {"A", "B"} and not estimate.dissent


def test_the_value_most_sources_state_is_the_best_of_an_agreeing_group() -> None:
    claims = [make_claim(f, s) for s, f in [("A", "605"), ("B", "605"), ("C", "601")]]
    (estimate,) = ct.assess(ct.ClaimGraph(claims)).estimates.values()
    assert estimate.best == 605
    assert len(estimate.claims) == 3 and estimate.low == 601 and estimate.high == 605


def test_rounded_figures_of_one_side_outvote_a_lone_far_figure() -> None:
    claims = [make_claim(f, s) for s, f in [("A", "11,800"), ("B", "12,000"), ("C", "20,000")]]
    (estimate,) = ct.assess(ct.ClaimGraph(claims)).estimates.values()
    assert estimate.best in (11_800, 12_000)
    assert [c.source.name for c in estimate.dissent] == ["C"]


def test_on_exact_data_the_default_tolerance_gives_the_exact_answers() -> None:
    """The shared flight day: the default path reaches the share of the exact path."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import truth as bench
    finally:
        sys.path.pop(0)
    folder = FLIGHT
    claims, seen = [], set()
    for row in bench._rows(folder / "claims-2011-12-01.tsv"):
        for column, measure in bench.FLIGHT_TIMES.items():
            value = bench.minutes(row[column]) if column < len(row) else None
            if value is not None and (row[0], row[1], measure) not in seen:
                seen.add((row[0], row[1], measure))
                claims.append(ct.Claim(source=row[0], measure=measure, figure=value, place=row[1]))
    _, gold = bench.flight(folder)
    places = ct.Gazetteer(iso=False, extension=False)
    shares = []
    for tolerance in (0.05, 0.0):
        graph = ct.ClaimGraph(claims, tolerance=tolerance, places=places, checkers=["agreement"])
        found = {
            (q.label_place, q.label_measure): e.best for q, e in ct.assess(graph).estimates.items()
        }
        shares.append(sum(found.get(k) == v for k, v in gold.items()) / len(gold))
    default, exact = shares
    assert exact >= 0.96 and math.isclose(default, exact, abs_tol=0.01)
