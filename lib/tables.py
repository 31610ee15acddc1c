"""Saving the tables a notebook computed, as CSV files in the report folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["save_tables"]


def save_tables(tables: dict[str, object], output_dir: str | Path) -> str:
    """Write each table to ``output_dir/<name>.csv`` (UTF-8, with its index).

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
        table.to_csv(out / f"{name}.csv", encoding="utf-8", lineterminator="\n")
    names = ", ".join(f"{name}.csv" for name in frames)
    return (f"Saved {len(frames)} table{'s' if len(frames) != 1 else ''} as CSV in the report's tables/ folder: "
            f"{names}." + note)
