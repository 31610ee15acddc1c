"""What a user says about a statement that its text may not: a title and a date.

Pasted statements often lack a headline or a date. Either can be given: on the command line
(``--title``, ``--date``, for one statement), as the notebooks' ``title`` and ``date`` parameters,
or for the files of a folder in an optional ``metadata.csv`` beside them: a header row naming the
column ``file`` and at least one of ``title`` and ``date``, then a row per file, by its name (not a
path, of a file in that folder: a row that names no file there is an error, as a typo would be). Files
it does not list keep what their text says; a blank cell gives nothing. What is given
wins over what the text says, and the reports say so ("given"). A date is written as the statement
readers write it ("2026-03-01", "March 1, 2026", "1 March 2026": :func:`readout.text.dates.parse_date`).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import os
from pathlib import Path
from typing import NamedTuple

from readout.errors import BadInputError

from .dates import only_a_date, parse_date

__all__ = ["METADATA_FILE", "Given", "given_for", "read_date"]

#: The optional file, beside a folder's statements, that gives titles and dates.
METADATA_FILE = "metadata.csv"


class Given(NamedTuple):
    """A title and a date given for a statement ("" and ``None``: not given)."""

    title: str = ""
    date: dt.date | None = None


def read_date(text: str, where: str | Path) -> dt.date | None:
    """The date ``text`` gives ("" gives ``None``); a text that is not one full date and nothing else, or a
    day that does not exist, raises :class:`~readout.errors.BadInputError` naming ``where``."""
    text = text.strip()
    if not text:
        return None
    if not only_a_date(text):
        raise BadInputError(where, f"“{text}” is not a full date (write it as 2026-03-01)")
    date = parse_date(text)
    if date is None:
        raise BadInputError(where, f"“{text}” is not a day of the calendar")
    return date


@functools.lru_cache(maxsize=32)
def _read(path: str, mtime_ns: int, size: int) -> dict[str, Given]:
    """The rows of the metadata file at ``path`` by file name (cached while the file is unchanged)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise BadInputError(path, f"cannot be read as UTF-8 CSV ({exc})") from None
    if not rows:
        raise BadInputError(path, "is empty: its first row names the columns file, title and date")
    header = [h.strip().lower() for h in rows[0]]
    if "file" not in header or not {"title", "date"} & set(header):
        raise BadInputError(path, "its first row must name the columns file and title or date "
                                  f"(found: {', '.join(rows[0]) or 'nothing'})")
    given: dict[str, Given] = {}
    for n, row in enumerate(rows[1:], 2):
        cells = dict(zip(header, (c.strip() for c in row)))
        name = cells.get("file", "")
        if not name:
            if any(cells.values()):
                raise BadInputError(path, f"line {n}: no file name")
            continue
        if name in given:
            raise BadInputError(path, f"line {n}: {name} is listed twice")
        if Path(name).name != name:
            raise BadInputError(path, f"line {n}: “{name}” is a path; give the file's name, as in this folder")
        if not (Path(path).parent / name).is_file():
            raise BadInputError(path, f"line {n}: {name} is not a file in this folder")
        given[name] = Given(cells.get("title", ""), read_date(cells.get("date", ""), f"{path}: line {n}"))
    return given


def given_for(path: str | Path) -> Given:
    """What the ``metadata.csv`` beside the statement file ``path`` gives for it (nothing when there is no
    such file or it does not list this one). A metadata file that cannot be read, or holds a date that is
    not a date, raises :class:`~readout.errors.BadInputError` naming it and the line."""
    table = Path(path).parent / METADATA_FILE
    try:
        info = os.stat(table)
    except OSError:
        return Given()
    return _read(str(table), info.st_mtime_ns, info.st_size).get(Path(path).name, Given())
