"""Readings for a reader: sentences rendered from the numbers, shown as prose.

The notebooks never hard-code a conclusion about one statement; a lib function
writes the reading from the numbers, and :class:`Reading` shows it as a
paragraph. Its text is escaped, so words quoted from a statement can never
become markup in a notebook or an HTML report.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

__all__ = ["Reading"]


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
