"""The one error family of the package: bad input named with the file and the problem."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ReadoutError", "BadInputError", "UsageError", "NotComputable"]


class ReadoutError(Exception):
    """Base class. ``str(error)`` is one line a user can act on."""


class BadInputError(ReadoutError):
    """A statement file that cannot be analysed (missing, empty, binary, too large ...).

    ``path`` is the file as the user named it; ``problem`` says what is wrong.
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class UsageError(ReadoutError):
    """A command or parameter that cannot be carried out as given (e.g. an unknown parameter)."""


class NotComputable(ReadoutError):
    """A measure that cannot be computed for this statement (not English, too few sentences or words, a
    tagger that changed the tokens ...); the message says which measure and why, in one line."""
