"""Which calendar date does a piece of text write? The rule by which a statement's date is read
(:attr:`readout.text.statement.Statement.date`: from what the user gave, its header, its dateline or
its file name) and a given date is checked (:mod:`readout.text.metadata`).

A date without a year ("March 3") is not guessed at: the statement counts as undated, and so does a
year outside 1900-2100 (eight digits in a file name are often an identifier). Month names are
English (full or abbreviated), as the layout reader recognises them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

__all__ = ["StatementDate", "parse_date", "only_a_date"]

_MONTH_NUMBERS = {name: k for k, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], 1) for name in names}
_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


#: Years accepted as a statement's date; digits outside them are taken for an identifier.
FIRST_YEAR, LAST_YEAR = 1900, 2100


class StatementDate(NamedTuple):
    """A statement's date and where it was read: ``source`` is "given", "header", "dateline" or "file name"."""

    date: dt.date
    source: str


def parse_date(text: str) -> dt.date | None:
    """The first full calendar date written in ``text`` ("March 3, 2015", "3 March 2015", "2015-03-03"), if any."""
    found = []
    for m in _MONTH_FIRST.finditer(text):
        found.append((m.start(), int(m.group(3)), _MONTH_NUMBERS[m.group(1).lower()], int(m.group(2))))
    for m in _DAY_FIRST.finditer(text):
        found.append((m.start(), int(m.group(3)), _MONTH_NUMBERS[m.group(2).lower()], int(m.group(1))))
    for m in _ISO.finditer(text):
        found.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for _, year, month, day in sorted(found):
        if not FIRST_YEAR <= year <= LAST_YEAR:  # an identifier such as 15000303, not a date
            continue
        try:
            return dt.date(year, month, day)
        except ValueError:  # "2015-13-45" is not a date
            continue
    return None


def only_a_date(text: str) -> bool:
    """True if ``text`` is a date written in one of the forms :func:`parse_date` reads and nothing else
    ("2026-03-01", "March 1, 2026", "1 March 2026"), whether or not that day exists."""
    text = text.strip()
    return any(p.fullmatch(text) for p in (_MONTH_FIRST, _DAY_FIRST, _ISO))
