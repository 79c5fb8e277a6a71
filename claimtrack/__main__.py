"""``python -m claimtrack`` is the ``claimtrack`` command."""

from .cli import main

raise SystemExit(main())
