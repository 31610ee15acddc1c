"""Saving the tables a notebook computed, as CSV files in the report folder."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["save_tables"]


def save_tables(tables: dict[str, pd.DataFrame], output_dir: str | Path) -> str:
    """Write each table to ``output_dir/<name>.csv`` (UTF-8, with its index).

    Returns a one-line account for the reader. With an empty ``output_dir``
    (interactive use) nothing is written, and the line says so.
    """
    if not str(output_dir).strip():
        return "Tables not saved: output_dir is empty (report runs set it; see the README)."
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = []
    for name, table in tables.items():
        table.to_csv(out / f"{name}.csv", encoding="utf-8", lineterminator="\n")
        names.append(f"{name}.csv")
    return f"Saved {len(names)} tables as CSV in the report's tables/ folder: {', '.join(names)}."
