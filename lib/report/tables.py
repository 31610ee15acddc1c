"""Saving the tables a notebook computed, as CSV files in the report folder."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from readout.report.display import row_numbers

__all__ = ["SavedTables", "save_tables"]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defused(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell that a spreadsheet would run as a formula ("=HYPERLINK(...)",
    "@SUM(...)") prefixed with an apostrophe, as OWASP advises for CSV files opened in a spreadsheet."""
    def defuse(value: object) -> object:
        return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value

    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(defuse)
    if out.index.dtype == object or pd.api.types.is_string_dtype(out.index):
        out.index = out.index.map(defuse)
    return out


@dataclass(frozen=True)
class SavedTables:
    """What :func:`save_tables` did: the CSV files written (names), the tables not computed, and where.
    A page shows it as one line linking each file (``tables/<name>.csv`` beside the page); a terminal
    or plain-text notebook as one line of text."""

    written: tuple[str, ...]
    skipped: tuple[str, ...] = ()
    saved: bool = True  # False: no output_dir (interactive use), nothing written

    def _repr_html_(self) -> str:
        e = html.escape
        if not self.saved:
            return f'<p class="readout-hint">{e(str(self))}</p>'
        links = ", ".join(f'<a href="tables/{e(name)}">{e(name)}</a>' for name in self.written)
        skipped = f" Not computed, so not saved: {e(', '.join(self.skipped))}." if self.skipped else ""
        return (f'<p class="readout-hint">Every table of this page, whole and at full precision, as CSV '
                f"(UTF-8, for a spreadsheet or for code): {links}.{skipped}</p>")

    def __str__(self) -> str:
        note = f" Not computed, so not saved: {', '.join(self.skipped)}." if self.skipped else ""
        if not self.saved:
            return "Tables not saved: output_dir is empty (report runs set it; see the README)." + note
        n = len(self.written)
        return (f"Saved {n} table{'s' if n != 1 else ''} as CSV in the report's tables/ folder: "
                f"{', '.join(self.written)}." + note)

    __repr__ = __str__


def save_tables(tables: dict[str, object], output_dir: str | Path) -> SavedTables:
    """Write each table to ``output_dir/<name>.csv`` (UTF-8, full precision; its index as the first column
    when the index names something, such as an actor or a measure, and left out when it only numbers the
    rows). A text cell that a spreadsheet would run as a formula gets a leading apostrophe (see
    :func:`_defused`).

    Values that are not tables (a measure that could not be computed) are skipped and named. Returns
    what was written (a page shows it as links to the files). With an empty ``output_dir``
    (interactive use) nothing is written, and the result says so.
    """
    frames = {name: t for name, t in tables.items() if isinstance(t, pd.DataFrame)}
    skipped = tuple(name for name in tables if name not in frames)
    if not str(output_dir).strip():
        return SavedTables((), skipped, saved=False)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, table in frames.items():
        _defused(table).to_csv(out / f"{name}.csv", encoding="utf-8", lineterminator="\n",
                               index=not row_numbers(table.index))
    return SavedTables(tuple(f"{name}.csv" for name in frames), skipped)
