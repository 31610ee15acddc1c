"""When was a statement issued? A date read from the statement itself, or from its file name.

Tried in order, the first that gives a full calendar date wins:

1. a header line whose role is ``date`` ("March 3, 2015", "3 March 2015", "2015-03-03");
2. the dateline's date, when it carries a year ("WASHINGTON, March 3, 2015 -");
3. an ISO date in the file name ("2015-03-03-dialogue.txt", "20150303_readout.txt").

A date without a year ("March 3") is not guessed at: the statement counts as undated, and so does a
year outside 1900-2100 (eight digits in a file name are often an identifier). Month names are
English (full or abbreviated), as the layout reader recognises them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import NamedTuple

from .statement import Statement

__all__ = ["StatementDate", "parse_date", "statement_date"]

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
    """A statement's date and where it was read: ``source`` is "header", "dateline" or "file name"."""

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


def statement_date(statement: Statement) -> StatementDate | None:
    """The statement's date (see the module's order of sources), or ``None`` when it carries none."""
    header = statement.header_field("date")
    if header and (date := parse_date(header)):
        return StatementDate(date, "header")
    if statement.dateline and statement.dateline.date and (date := parse_date(statement.dateline.date)):
        return StatementDate(date, "dateline")
    if date := parse_date(Path(statement.path).stem.replace("_", "-")):
        return StatementDate(date, "file name")
    return None
