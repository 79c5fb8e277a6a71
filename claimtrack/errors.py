"""The exception hierarchy: every error claimtrack raises is a ``ClaimtrackError``.

Each message names the field, the value that was refused and what was expected,
so that a user reading a traceback in a notebook knows what to fix.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CheckerError",
    "ClaimBaseError",
    "ClaimtrackError",
    "FileFormatError",
    "ParseError",
    "RegistryError",
    "SkippedPhraseWarning",
    "UnitError",
    "ValidationError",
]


def _show(value: Any, limit: int = 80) -> str:
    """Repr a user's value, shortened so a 10 MB string does not flood the message."""
    try:
        text = repr(value)
    except ValueError:  # an int of more than 4,300 digits has no repr
        text = f"<{type(value).__name__} too large to show>"
    except RecursionError:  # a list in a list in a list ... 100,000 deep
        text = f"<{type(value).__name__} nested too deeply to show>"
    if len(text) <= limit:
        return text
    if isinstance(value, str):  # the length of the text itself, not of its repr
        return f"{text[: limit - 5]}...' ({len(value):,} characters)"
    return f"{text[: limit - 4]}... ({len(text):,} characters in all)"


class ClaimtrackError(Exception):
    """Base class of every error raised by claimtrack."""


class ValidationError(ClaimtrackError, ValueError):
    """A value given for a field is not acceptable.

    Attributes ``field``, ``value`` and ``expected`` say which field, what was
    given and what would have been accepted.
    """

    def __init__(self, field: str, value: Any, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field}: got {_show(value)}, expected {expected}")


class ParseError(ValidationError):
    """Text could not be read as a figure, a period or a date."""


class UnitError(ValidationError):
    """A unit is unknown, or two units cannot be converted into each other."""


class FileFormatError(ClaimtrackError):
    """A file could not be read: it names the file, the line and the field."""

    def __init__(
        self,
        path: str,
        message: str,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.reason = message
        where = path if line is None else f"{path}, line {line}"
        if field:
            where += f", field {field}"
        super().__init__(f"{where}: {message}")


class RegistryError(ClaimtrackError, KeyError):
    """A checker or assessment method was asked for by a name nobody registered."""

    def __init__(self, kind: str, name: str, known: list[str]) -> None:
        self.kind = kind
        self.name = name
        self.known = known
        listing = ", ".join(sorted(known)) or "none"
        super().__init__(f"{kind}: no {kind} named {name!r}; known: {listing}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class CheckerError(ClaimtrackError):
    """A checker raised while looking at claims; names the checker and the claims."""

    def __init__(self, checker: str, claims: tuple[str, ...], cause: BaseException) -> None:
        self.checker = checker
        self.claims = claims
        self.cause = cause
        ids = ", ".join(claims)
        super().__init__(
            f"checker {checker!r} raised {type(cause).__name__}: {cause} (claims {ids})"
        )


class SkippedPhraseWarning(UserWarning):
    """``extract`` left out one phrase of a text and went on with the rest: a number no
    float can hold ("1e400"), a sentence with a lone surrogate in it. ``start`` and
    ``end`` are where the phrase is in the text, ``phrase`` its text (shortened), and
    ``reason`` the error that kept it out.

    Examples
    --------
    >>> import warnings
    >>> import claimtrack
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     claims = claimtrack.extract("Officials said 1e400 people and 45 drones.")
    >>> [c.figure.text for c in claims], caught[0].message.phrase
    (['45'], '1e400')
    """

    def __init__(self, start: int, end: int, phrase: str, reason: str) -> None:
        self.start = start
        self.end = end
        self.phrase = phrase
        self.reason = reason
        super().__init__(f"skipped {_show(phrase)} at {start}-{end}: {reason}")


class ClaimBaseError(ClaimtrackError):
    """A claim base could not be opened, read or written: names the base and says why
    (the file or server, a schema made by a newer claimtrack, a missing driver)."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"claim base {where}: {reason}")
