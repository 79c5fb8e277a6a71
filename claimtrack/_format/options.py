"""Settings for what claimtrack shows: how many rows a table prints, and progress bars.

``claimtrack.options`` is the one instance. Like pandas' ``pd.options``, it is
read when something is shown, so a change takes effect at once::

    import claimtrack as ct
    ct.options.display.max_rows = 500   # longer tables in notebooks and str()
    ct.options.progress = False         # never a progress bar

``options.changed(...)`` changes some settings for a ``with`` block only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import attrs

from ..errors import ValidationError

__all__ = ["Display", "Options", "options"]


def _positive_or_none(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValidationError(attribute.name, value, "a whole number from 1, or None (no limit)")


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(attribute.name, value, "a whole number from 1")


def _tristate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in (None, True, False):
        raise ValidationError(
            attribute.name, value, "True (always), False (never) or None (from progress_from)"
        )


@attrs.define(on_setattr=attrs.setters.validate)
class Display:
    """How much a table shows.

    Attributes
    ----------
    max_rows
        Rows of a table (in a notebook, a report section or ``str()``) shown
        before a line says how many more there are; None shows every row.
    max_colwidth
        Characters of a terminal table's cell before it is cut with "…".
    """

    max_rows: int | None = attrs.field(default=50, validator=_positive_or_none)
    max_colwidth: int = attrs.field(default=60, validator=_positive)


@attrs.define(on_setattr=attrs.setters.validate)
class Options:
    """claimtrack's settings (``claimtrack.options``).

    Attributes
    ----------
    display
        Table limits (``Display``).
    progress
        None (default): a progress bar for work on at least ``progress_from``
        items, on a terminal or in a notebook, once it has run half a second;
        True: always; False: never.
    progress_from
        The size from which ``progress=None`` shows a bar.
    """

    display: Display = attrs.field(factory=Display)
    progress: bool | None = attrs.field(default=None, validator=_tristate)
    progress_from: int = attrs.field(default=2000, validator=_positive)

    @contextlib.contextmanager
    def changed(self, **settings: Any) -> Iterator[Options]:
        """Change settings for a ``with`` block: ``options.changed(max_rows=5,
        progress=False)``; names of ``Display`` reach ``display``."""
        undo: list[tuple[object, str, Any]] = []
        try:
            for name, value in settings.items():
                owner: object = self.display if hasattr(self.display, name) else self
                if not hasattr(owner, name) or name == "display":
                    raise ValidationError("options", name, "a setting of Options or Display")
                undo.append((owner, name, getattr(owner, name)))
                setattr(owner, name, value)
            yield self
        finally:
            for owner, name, value in reversed(undo):
                setattr(owner, name, value)


options = Options()
"""The settings in force: ``claimtrack.options.display.max_rows = 500``,
``claimtrack.options.progress = False`` (see ``Options``)."""
