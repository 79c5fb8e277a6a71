"""One progress bar for the terminal and notebooks (tqdm's ``auto``), shown by settings.

Long work (linking, assessing, extracting many texts, writing a report) reports
how far it got through a ``Ticker``: ``tick(n)`` says n more items are done.
``progress(label, total, given)`` gives the ticker: a tqdm bar when the settings
or the caller ask for one, the caller's own callback ``(done, total)`` when one
is given, or a ticker that does nothing.

tqdm is imported only when a bar is shown, so ``import claimtrack`` does not pay
for it; ``tqdm.auto`` draws a widget in Jupyter and a text bar on a terminal, and
stays silent when standard error is not a terminal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Protocol, TypeAlias

from ..errors import ValidationError
from .options import options

__all__ = ["Progress", "Ticker", "progress"]

#: What a caller may pass as ``progress=``: None (the settings decide), True or False
#: (a bar, or none), or a callback that is given (done, total) after each step.
Progress: TypeAlias = "bool | Callable[[int, int], object] | None"


class Ticker(Protocol):
    def __call__(self, n: int = 1) -> None: ...


def _nothing(n: int = 1) -> None:
    return None


#: Seconds of work before a bar appears: quick work shows none.
DELAY = 0.5


@contextlib.contextmanager
def progress(
    label: str,
    total: int,
    given: Progress = None,
    unit: str = "claims",
    minimum: int | None = None,
) -> Iterator[Ticker]:
    """A ticker for ``total`` items of work, closed (the bar finished) on leaving.

    ``given`` None follows ``claimtrack.options.progress`` (None there: a bar from
    ``options.progress_from`` items, or ``minimum`` when given); True or False force a
    bar or none; a callable is called with (done, total) after each tick instead.
    """
    if callable(given) and not isinstance(given, bool):
        callback = given
        done = 0

        def call(n: int = 1) -> None:
            nonlocal done
            done += n
            callback(done, max(total, done))

        yield call
        return
    if given not in (None, True, False):
        raise ValidationError("progress", given, "True, False, None or a callable(done, total)")
    wanted = options.progress if given is None else given
    least = options.progress_from if minimum is None else minimum
    if wanted is False or total <= 0 or (wanted is None and total < least):
        yield _nothing
        return
    from tqdm.auto import tqdm

    # disable=None: tqdm's own rule, silent when standard error is no terminal (a pipe,
    # a log) and shown in a notebook; True asks for a bar wherever it goes.
    bar = tqdm(
        total=total,
        desc=label,
        unit=f" {unit}",
        unit_scale=total >= 100_000,
        delay=0.0 if wanted else DELAY,
        disable=False if wanted else None,
        dynamic_ncols=True,
        leave=True,
    )
    try:
        update = bar.update
        planned = total

        def tick(n: int = 1) -> None:
            nonlocal planned
            if bar.n + n > planned:  # derived claims join the work as it goes
                planned = bar.total = int(bar.n) + n
            update(n)

        yield tick
    finally:
        bar.close()
