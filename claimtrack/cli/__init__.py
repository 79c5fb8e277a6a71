"""The ``claimtrack`` command (also ``python -m claimtrack``) and its demo."""

from ._main import main

__all__ = ["main"]
