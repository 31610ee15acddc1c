"""Readings for a reader: sentences rendered from the numbers, shown as prose.

The notebooks never hard-code a conclusion about one statement; a lib function
writes the reading from the numbers, and :class:`Reading` shows it as a
paragraph. Its text is escaped, so words quoted from a statement can never
become markup in a notebook or an HTML report.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from readout.errors import NotComputable

__all__ = ["Reading", "attempt", "table_or"]


@dataclass(frozen=True)
class Reading:
    """A plain-language reading; Jupyter shows it as a paragraph, ``str()`` gives the text."""

    text: str

    def _repr_html_(self) -> str:
        return f'<p class="readout-reading">{html.escape(self.text)}</p>'

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def attempt(measure: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``measure(*args, **kwargs)``, or a :class:`Reading` saying why it could not be computed.

    A measure that depends on one that failed (an argument that is itself a
    :class:`Reading`) is not run: the earlier reason is returned. Only
    :class:`~readout.errors.NotComputable` is caught; any other error is a bug
    and is raised.
    """
    for value in (*args, *kwargs.values()):
        if isinstance(value, Reading):
            return value
    try:
        return measure(*args, **kwargs)
    except NotComputable as exc:
        return Reading(str(exc))


def table_or(value: Any, empty: str) -> Any:
    """A table to show, or a :class:`Reading` saying ``empty`` when it has no rows; a Reading passes through."""
    if isinstance(value, Reading):
        return value
    return value if len(value) else Reading(empty)
