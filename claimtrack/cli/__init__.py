"""The ``claimtrack`` command (also ``python -m claimtrack``) and its demo."""

from ._main import main, run

__all__ = ["main", "run"]
