"""The bundled seed data, loadable from anywhere claimtrack is installed.

The seed report (one wire report of 2024-08-22 on the war in Ukraine, restated
claim by claim) and an illustrative, invented counter-report ship inside the
package, so a notebook or script finds them whatever its working folder::

    import claimtrack as ct
    claims = ct.datasets.seed_report() + ct.datasets.counter_report()

``seeds/README.md`` in the source tree says where every figure comes from.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ValidationError
from .io import load, read_text
from .model import Claim

__all__ = ["SEED_PUBLISHED", "counter_report", "names", "path", "seed_report", "seed_text"]

#: The publication date of the seed report (for ``extract(seed_text(), ...)``).
SEED_PUBLISHED = "2024-08-22"

_HERE = Path(__file__).resolve().parent


def _folder() -> Path:
    """Where the seeds are: inside the installed package (the wheel packs them as
    ``claimtrack/seeds``), or ``seeds/`` beside the package in a checkout."""
    for folder in (_HERE / "seeds", _HERE.parent / "seeds"):
        if (folder / "seed_report.csv").is_file():
            return folder
    raise ValidationError("datasets", str(_HERE), "a claimtrack installed with its seeds")


def names() -> list[str]:
    """The bundled files: ``["counter_report.csv", "report.txt", "seed_report.csv"]``."""
    return sorted(p.name for p in _folder().iterdir() if p.suffix in (".csv", ".txt"))


def path(name: str) -> Path:
    """The path of a bundled file, for ``claimtrack check`` or ``load`` with options."""
    found = _folder() / name
    if name not in names():
        raise ValidationError("name", name, "one of " + ", ".join(names()))
    return found


def seed_report() -> list[Claim]:
    """Every numeric figure of the seed report, one claim each.

    Examples
    --------
    >>> claims = seed_report()
    >>> claims[3].source.name, claims[3].figure.value, claims[3].place
    ('Russian defence ministry', 45, 'Russia')
    """
    return load(path("seed_report.csv"))


def counter_report() -> list[Claim]:
    """Illustrative, invented counter-reports by plainly fictional sources (Monitor A,
    Outlets B, C and D), to show corroboration, contradiction and relays."""
    return load(path("counter_report.csv"))


def seed_text() -> str:
    """A short news-style text about the same events (published ``SEED_PUBLISHED``),
    for ``claimtrack.extract``."""
    return read_text(path("report.txt"))
