"""How a table is shown to a reader: reader labels for its fields, numbers rounded for display.

The analyses return tables whose columns (and index names) are ``snake_case`` fields at full
precision: that is what the CSV files and the corpus engine store, and what code reads. Only when a
page shows a table does :func:`show` give it the reader's labels and round its numbers, by the
vocabulary of :mod:`readout.fields`. In a table whose index is named like one of
:data:`~readout.fields.FIELD_INDEXES` ("measure", "fact" ...), the index values are fields too and
are labelled the same way.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from readout.fields import FIELD_INDEXES, digits, label

__all__ = ["readable", "show"]

def _rounded(value: Any, digits: int) -> Any:
    return round(value, digits) if isinstance(value, float) else value


def readable(table: pd.DataFrame | pd.Series, places: int | None = None) -> pd.DataFrame | pd.Series:
    """``table`` as a reader sees it: numbers rounded for display, then fields labelled. Each number
    gets its field's decimals (in a table with one row per measure, its row's field), or ``places``
    for every number when given. The table itself is not changed."""
    per_row = table.index.name in FIELD_INDEXES
    out = table.copy()
    if isinstance(out, pd.Series):
        if places is not None:
            out = out.round(places) if pd.api.types.is_numeric_dtype(out.dtype) else out
        elif per_row:
            out = pd.Series([_rounded(v, digits(f)) for v, f in zip(out, out.index)], index=out.index,
                            name=out.name, dtype=None if pd.api.types.is_float_dtype(out.dtype) else out.dtype)
        elif pd.api.types.is_float_dtype(out.dtype):
            out = out.round(digits(out.name))
        out.name = label(out.name)
    else:
        for column in out.columns:
            if places is not None:
                if pd.api.types.is_float_dtype(out[column].dtype):
                    out[column] = out[column].round(places)
            elif per_row:
                out[column] = [_rounded(v, digits(f)) for v, f in zip(out[column], out.index)]
            elif pd.api.types.is_float_dtype(out[column].dtype):
                out[column] = out[column].round(digits(column))
        out.columns = [label(c) for c in out.columns]
    if per_row:
        out.index = out.index.map(label)
    out.index.name = label(out.index.name)
    return out


def show(table: Any) -> Any:
    """What a page shows for ``table``: a table made :func:`readable`; anything else (a reading, a
    figure) as it is."""
    if isinstance(table, (pd.DataFrame, pd.Series)):
        return readable(table)
    return table
