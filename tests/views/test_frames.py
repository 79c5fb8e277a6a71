"""DataFrames in and out, the assessment's own table, limits that act like pandas', and
the bundled seeds from anywhere."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import claimtrack as ct
from claimtrack._format import html as _html
from claimtrack._format import render_table

from ..factories import seed_graph


def test_from_pandas_turns_empty_cells_into_missing_values_never_text() -> None:
    frame = pd.DataFrame(
        {
            "Who": ["Kyiv", "Monitor A", "Outlet B"],
            "What": ["troops killed", "troops killed", "troops killed"],
            "Number": [238.0, 90.0, math.nan],
            "Where": ["Pokrovsk", math.nan, None],
            "When": [pd.Timestamp("2024-08-21"), pd.NaT, pd.Timestamp("2024-08-22 14:30")],
            "Notes": ["x", "y", "z"],
        }
    )
    columns = {"source": "Who", "measure": "What", "figure": "Number", "place": "Where",
               "published": "When"}  # fmt: skip
    result = ct.from_pandas(frame, columns, errors="collect")
    first, second = result.claims
    assert first.figure.value == 238 and first.figure.format() == "238"  # 238.0 read as 238
    assert first.place == "Pokrovsk" and first.published == dt.date(2024, 8, 21)
    assert second.place is None and second.published is None  # NaN and NaT: missing
    assert all(c.place != "nan" for c in result.claims)
    (problem,) = result.problems
    assert problem.line == 3 and problem.field == "figure" and "empty" in problem.reason
    with pytest.raises(ct.FileFormatError, match="DataFrame, line 3, field figure"):
        ct.from_pandas(frame, columns)


def test_from_pandas_reads_back_what_to_pandas_wrote() -> None:
    claims = ct.datasets.seed_report()
    again = ct.from_pandas(ct.to_pandas(claims))
    assert [c.id for c in again] == [c.id for c in claims]


def test_assessment_to_pandas_gives_claims_estimates_or_reliability() -> None:
    a = seed_graph().assess()
    assert len(a.to_pandas()) == len(a.graph) and "grade" in a.to_pandas().columns
    assert len(a.to_pandas("estimates")) == len(a.estimates)
    assert set(a.to_pandas("reliability")["source"]) == set(a.reliability)
    with pytest.raises(ct.ValidationError, match="'claims', 'estimates' or 'reliability'"):
        a.to_pandas("grades")


def test_repr_of_a_grade_shows_its_label() -> None:
    assert repr(ct.Grade(3)) == "Grade('3', 'possibly true')"


def test_tables_and_str_are_limited_like_pandas_with_a_setting_to_raise_it() -> None:
    rows = [(f"source {i}", i) for i in range(500)]
    markup = _html.table(["source", "claims"], rows)
    assert markup.count("<tr>") == 1 + 50 + 1 and "450 more not shown" in markup
    text = render_table(["source", "claims"], rows)
    assert len(text.splitlines()) == 2 + 50 + 1 and "450 more rows not shown" in text
    with ct.options.changed(max_rows=200):
        assert _html.table(["source", "claims"], rows).count("<tr>") == 1 + 200 + 1
        assert len(render_table(["source", "claims"], rows).splitlines()) == 203
    assert ct.options.display.max_rows == 50  # restored
    with pytest.raises(ct.ValidationError, match="max_rows"):
        ct.options.display.max_rows = 0
    with pytest.raises(ct.ValidationError, match="progress"):
        ct.options.progress = "sometimes"  # type: ignore[assignment]


def test_a_reliability_table_of_many_sources_is_limited() -> None:
    from claimtrack.assessment import reliability_html
    from claimtrack.synth import generate

    graph = generate(n_claims=3000, n_quantities=100, n_sources=120, seed=3).graph()
    a = ct.assess(graph)
    assert len(a.reliability) > 60
    markup = reliability_html(a.reliability.values())
    assert markup.count("<tr>") == 1 + 50 + 1 and "more not shown" in markup


def test_datasets_load_the_seeds_from_any_folder(tmp_path: Path) -> None:
    assert ct.datasets.names() == ["counter_report.csv", "report.txt", "seed_report.csv"]
    code = (
        "import claimtrack as ct; c = ct.datasets.seed_report(); "
        "t = ct.datasets.seed_text(); print(len(c), len(ct.datasets.counter_report()), "
        "len(ct.extract(t, published=ct.datasets.SEED_PUBLISHED)) > 5)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, check=True)  # fmt: skip
    counts = [len(ct.datasets.seed_report()), len(ct.datasets.counter_report())]
    assert done.stdout.split() == [*map(str, counts), "True"]
    with pytest.raises(ct.ValidationError, match="one of counter_report.csv"):
        ct.datasets.path("secrets.csv")
