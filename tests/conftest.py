"""Hypothesis profiles for the suite.

``make test`` gates every landing, so it must give the same answer on every run
and every machine: the properties run on examples derived from each test
(``derandomize``), with no wall-clock deadline and no "too slow" health check,
since a busy machine is not a bug. ``make fuzz`` runs the same suite on fresh
random examples, to find what the fixed ones miss; a failure it finds becomes an
example test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_CALM = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", derandomize=True, **_CALM)
settings.register_profile("fuzz", derandomize=False, **_CALM)
settings.load_profile(os.environ.get("CLAIMTRACK_HYPOTHESIS", "ci"))
