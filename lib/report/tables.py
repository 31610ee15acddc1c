"""Saving the tables a notebook computed, as CSV files in the report folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["save_tables"]


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


def save_tables(tables: dict[str, object], output_dir: str | Path) -> str:
    """Write each table to ``output_dir/<name>.csv`` (UTF-8, with its index). A text cell that a
    spreadsheet would run as a formula gets a leading apostrophe (see :func:`_defused`).

    Values that are not tables (a measure that could not be computed) are
    skipped and named. Returns a one-line account for the reader. With an
    empty ``output_dir`` (interactive use) nothing is written, and the line says so.
    """
    frames = {name: t for name, t in tables.items() if isinstance(t, pd.DataFrame)}
    skipped = [name for name in tables if name not in frames]
    note = f" Not computed, so not saved: {', '.join(skipped)}." if skipped else ""
    if not str(output_dir).strip():
        return "Tables not saved: output_dir is empty (report runs set it; see the README)." + note
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, table in frames.items():
        _defused(table).to_csv(out / f"{name}.csv", encoding="utf-8", lineterminator="\n")
    names = ", ".join(f"{name}.csv" for name in frames)
    return (f"Saved {len(frames)} table{'s' if len(frames) != 1 else ''} as CSV in the report's tables/ folder: "
            f"{names}." + note)
