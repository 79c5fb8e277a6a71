"""``python -m claimtrack`` is the ``claimtrack`` command."""

from .cli import run

run()
