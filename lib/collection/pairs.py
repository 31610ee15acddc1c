"""Which statement is set against which? The pairs of a diff of many statements.

* **Two folders**, the earlier statements and the later ones (``diff 2021/ 2022/ --out DIR``): the
  ``.txt`` files with the same name in both make a pair, named by the file's name without ``.txt``; a
  file in one folder only is not paired, and the index page lists it.
* **A CSV file** (``diff --pairs pairs.csv --out DIR``; UTF-8, a header row): the earlier statement in
  column ``a`` (or ``file_a``), the later in ``b`` (or ``file_b``), and optionally the pair's name in
  ``pair``, and each statement's title and date in ``title_a``, ``title_b``, ``date_a``, ``date_b`` (as
  a folder's ``metadata.csv`` gives them: they win over what the text says). Paths are relative to the
  CSV file's folder; a row without a name is named by its line ("line-2"). Blank rows are skipped;
  other columns are kept out of the way (the labelled pairs' ``labels.csv`` reads as it is).

A row naming a file that does not exist, or the same file as A and B, a pair named twice or named so that it is no folder name
(a slash, or only dots), or a CSV without its columns is refused with one line naming the file and
the line (:class:`~readout.errors.BadInputError`); nothing is written.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from readout.errors import BadInputError
from readout.text.metadata import read_date

__all__ = ["Pair", "pairs_from_folders", "read_pairs"]


@dataclass(frozen=True)
class Pair:
    """One pair: its ``name`` (its folder in the report), the earlier statement ``a`` and the later ``b``."""

    name: str
    a: Path
    b: Path
    given_a: tuple[str, str] = ("", "")  # the title and date a CSV file gives A ("" when none)
    given_b: tuple[str, str] = ("", "")


def pairs_from_folders(a: Path, b: Path) -> tuple[list[Pair], list[str]]:
    """The pairs of two folders (see the module note), in name order, and a line for each file in one
    folder only."""
    names_a = {p.name for p in a.glob("*.txt") if p.is_file()}
    names_b = {p.name for p in b.glob("*.txt") if p.is_file()}
    pairs = [Pair(Path(n).stem, a / n, b / n) for n in sorted(names_a & names_b)]
    alone = [f"{a / n}: no file of that name in {b}" for n in sorted(names_a - names_b)]
    alone += [f"{b / n}: no file of that name in {a}" for n in sorted(names_b - names_a)]
    if not pairs:
        raise BadInputError(b, f"no .txt file has the same name as one in {a}: no pair to compare")
    return pairs, alone


def _column(fields: list[str], names: tuple[str, ...]) -> str | None:
    return next((f for f in fields if f.strip().lower() in names), None)


def read_pairs(path: Path) -> list[Pair]:
    """The pairs listed in a CSV file (see the module note), in the file's order."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = list(reader.fieldnames or [])
            col_a, col_b, col_name = _column(fields, ("a", "file_a")), _column(fields, ("b", "file_b")), \
                _column(fields, ("pair",))
            if col_a is None or col_b is None:
                raise BadInputError(path, "needs the columns a and b (or file_a and file_b): the earlier and the "
                                          "later statement of each pair")
            rows = [(reader.line_num, row) for row in reader]
    except FileNotFoundError:
        raise BadInputError(path, "no such file") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise BadInputError(path, f"cannot be read as UTF-8 CSV ({exc.__class__.__name__})") from None
    pairs: list[Pair] = []
    seen: set[str] = set()
    for line, row in rows:
        cells = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not any(cells.values()):
            continue
        name = cells.get(col_name, "") if col_name else ""
        name = name or f"line-{line}"
        if "/" in name or "\\" in name or not name.strip("."):
            raise BadInputError(path, f"line {line}: pair name {name!r} cannot name a folder")
        if name in seen:
            raise BadInputError(path, f"line {line}: pair {name!r} is named twice")
        seen.add(name)
        files = []
        for col in (col_a, col_b):
            if not cells.get(col):
                raise BadInputError(path, f"line {line}: no file in column {col}")
            file = path.parent / cells[col]
            if not file.is_file():
                raise BadInputError(path, f"line {line}: {cells[col]} not found")
            files.append(file)
        given = [(cells.get(f"title_{side}", ""), cells.get(f"date_{side}", "")) for side in "ab"]
        for side, (_, date) in zip("ab", given):
            if date:
                try:
                    read_date(date, f"date_{side}")
                except BadInputError as exc:
                    raise BadInputError(path, f"line {line}, date_{side}: {exc.problem}") from None
        if files[0].resolve() == files[1].resolve():
            raise BadInputError(path, f"line {line}: {cells[col_a]} is both A and B")
        pairs.append(Pair(name, files[0], files[1], given[0], given[1]))
    if not pairs:
        raise BadInputError(path, "lists no pair")
    return pairs
