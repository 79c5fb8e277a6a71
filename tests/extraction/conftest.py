"""The seed report read once for every extraction test that asks for it."""

from __future__ import annotations

import pytest

from claimtrack import Claim, extract

from .helpers import PUBLISHED, REPORT


@pytest.fixture(scope="module")
def seed() -> list[Claim]:
    return extract(REPORT, published=PUBLISHED, outlet="Seed Wire")
