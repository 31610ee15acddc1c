"""How a table is shown to a reader: reader labels, numbers rounded, long tables folded.

The analyses return tables whose columns (and index names) are ``snake_case`` fields at full
precision: that is what the CSV files and the corpus engine store, and what code reads. Only when a
page shows a table does :func:`show` give it the reader's labels and round its numbers, by the
vocabulary of :mod:`readout.fields`. In a table whose index is named like one of
:data:`~readout.fields.FIELD_INDEXES` ("measure", "fact" ...), the index values are fields too and
are labelled the same way.

What a page shows is a :class:`TableView`: a plain HTML table in the reader's language (no row
numbers, one header row, a blank cell for a value not computed, "yes"/"no" for flags, lists as
text), its first rows visible and the rest folded in a native ``<details>`` block. Where one sentence
would be repeated row after row, the table shows the sentence's id, with the sentence on hover and a
link to it on the anatomy page. Shown through :func:`for_statement` (as every notebook shows its
tables), a cell that holds sentence ids ("p2s3", or "p1s1, p2s3") quotes each sentence beside its id
instead: its opening words, the whole sentence a tap away; a cell that repeats the one above it gives
the ids only.
"""

from __future__ import annotations

import functools
import html
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from readout.fields import FIELD_INDEXES, digits, label

if TYPE_CHECKING:
    from readout.text.statement import Statement

__all__ = ["FOLD_AFTER", "QUOTE_WORDS", "QUOTED_PER_CELL", "TableView", "cell_text", "for_statement", "readable", "row_numbers", "show"]

#: Rows a table shows before the rest is folded; a table at most :data:`_SLACK` rows longer is shown whole
#: (folding away two or three rows saves nothing).
FOLD_AFTER = 6
_SLACK = 3

#: Where a sentence's row is on the report's pages (the anatomy page's sentence table): a link to
#: ``<page>#<sentence id>``; the export points it at the page, not the notebook.
SENTENCE_PAGE = "01-anatomy.ipynb"

_TEXT_COLUMNS = ("text", "sentence_text")
_ID_FIELDS = ("sentence", "sentence_id")
#: A cell that holds nothing but sentence ids: "p2s3", "p1s1, p2s3"; or ids each with the words that
#: matched in it, as the credit edges give them: "p2s4 (discussed); p2s7 (expressed support)".
_IDS = re.compile(r"p\d+s\d+(?:, p\d+s\d+)*")
_CUED = re.compile(r"p\d+s\d+ \([^()]*\)(?:; p\d+s\d+ \([^()]*\))*")
#: Words of a sentence quoted beside its id before the rest is folded.
QUOTE_WORDS = 10
#: Sentences quoted in one cell; the others are listed by id, each a link with its text on hover.
QUOTED_PER_CELL = 3


def _sid_link(sid: str, sentence: str) -> str:
    """A sentence id as a link to the sentence's row on the anatomy page, the sentence on hover."""
    e = html.escape
    return f'<a href="{SENTENCE_PAGE}#{e(sid)}" class="readout-sid" title="{e(sentence)}">{e(sid)}</a>'


def _quote(sid: str, sentence: str, cue: str = "") -> str:
    """A sentence id as a link to the sentence's row on the anatomy page, with the sentence quoted: its
    first :data:`QUOTE_WORDS` words, and where it is longer the whole sentence folded under them; ``cue``
    (the words that matched in it) follows the id in brackets."""
    e = html.escape
    link = _sid_link(sid, sentence)
    if cue:
        link += f" ({e(cue)})"
    words = sentence.split()
    if len(words) <= QUOTE_WORDS:
        return f'<span class="readout-quote">{link} “{e(sentence)}”</span>'
    return (f'<details class="readout-quote"><summary>{link} “{e(" ".join(words[:QUOTE_WORDS]))} …”</summary>'
            f"“{e(sentence)}”</details>")


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


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def cell_text(value: Any, places: int | None = None) -> str:
    """One value as a reader reads it: blank for a value not computed (never "NaN" or "<NA>"), "yes" or
    "no" for a flag, a list as its items separated by commas (blank when empty), a number with
    ``places`` decimals when given (else as it is), anything else as text."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(cell_text(v) for v in value)
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)) and getattr(value, "ndim", 0):
        return cell_text(value.tolist())
    if _missing(value):
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    if isinstance(value, float):
        if places is not None:
            return f"{value:,.{places}f}" if abs(value) >= 10_000 else f"{value:.{places}f}"
        return f"{value:g}" if abs(value) < 1e15 else str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return str(value)


def _places(field: Any, values: pd.Series) -> int:
    """Decimals for the numbers of a column: its field's (:func:`readout.fields.digits`), except for counts
    stored as floats (every value whole and some above 1, e.g. a count column with a gap), shown whole."""
    finite = [v for v in values if isinstance(v, float) and math.isfinite(v)]
    if finite and all(float(v).is_integer() for v in finite) and max(abs(v) for v in finite) > 1:
        return 0
    return digits(field)


def row_numbers(index: pd.Index) -> bool:
    """True if ``index`` only numbers the rows (unnamed, 0…n or what is left of them after a filter or a
    sort): it says nothing, so pages and CSV files leave it out. A named index, or one of labels, says
    what each row is."""
    return index.name is None and (isinstance(index, pd.RangeIndex) or pd.api.types.is_integer_dtype(index.dtype))


@dataclass(frozen=True)
class TableView:
    """A table as a page shows it. ``table`` is the analysis's table (fields, full precision); the page
    shows it :func:`readable`, its first ``rows`` rows visible and the rest folded (``rows=None``: all
    visible); with ``fold`` set, the whole table is folded under that line. The text is what a
    terminal or a plain-text notebook shows."""

    table: pd.DataFrame
    rows: int | None = FOLD_AFTER
    fold: str = ""
    anchors: bool = False  # each row's first cell is a sentence id that links from other pages land on
    places: int | None = None  # decimals of every number shown (None: each field's own)
    sentences: Mapping[str, str] | None = None  # sentence id → text: ids in cells are quoted (see for_statement)

    @property
    def shown(self) -> pd.DataFrame:
        """The table with reader labels and rounded numbers (the index as it was, labelled)."""
        return readable(self.table)

    @property
    def keyed(self) -> bool:
        """True if the table's index says what each row is (shown as the first column, a row header)."""
        return not row_numbers(self.table.index)

    def _frame(self) -> tuple[pd.DataFrame, list[Any], str | None]:
        """The table flat (its index as the first column unless it is bare row numbers), the field of each
        column, and the column holding sentence ids whose text was dropped because it repeats."""
        table = self.table
        index_is_data = self.keyed
        flat = table.reset_index() if index_is_data else table.reset_index(drop=True)
        if index_is_data and table.index.name is None:
            flat = flat.rename(columns={flat.columns[0]: ""})
        fields = list(flat.columns)
        per_row = table.index.name in FIELD_INDEXES
        if per_row:
            flat[fields[0]] = flat[fields[0]].map(label)
        ids = next((f for f in _ID_FIELDS if f in fields), None)
        text = next((f for f in _TEXT_COLUMNS if f in fields), None)
        linked = None
        if ids and text and flat[ids].duplicated().any():
            linked = ids  # one sentence, many rows: its id (text on hover), not its text again and again
        return flat, fields, linked

    def _cells(self, flat: pd.DataFrame, fields: list[Any]) -> list[list[str]]:
        per_row = self.table.index.name in FIELD_INDEXES
        rows = [[""] * len(fields) for _ in range(len(flat))]
        for j, field in enumerate(fields):
            column = flat[field]
            places = None if per_row else (self.places if self.places is not None else _places(field, column))
            for i, value in enumerate(column):
                if per_row and isinstance(value, float):
                    rows[i][j] = cell_text(_rounded(value, digits(self.table.index[i])))
                else:
                    rows[i][j] = cell_text(value, places)
        return rows

    def _html_rows(self, cells: list[list[str]], fields: list[Any], linked: str | None, start: int, stop: int) -> str:
        e = html.escape
        text_field = next((f for f in _TEXT_COLUMNS if f in fields), None)
        text_at = fields.index(text_field) if text_field else -1
        out = []
        for k, row in enumerate(cells[start:stop], start):
            tds = []
            for j, field in enumerate(fields):
                if field == text_field and linked:
                    continue
                value = row[j]
                header = j == 0 and (self.keyed or field in _ID_FIELDS)
                quoted = self._quoted(value, own_text=text_field is not None and field in _ID_FIELDS and not linked,
                                      again=k > start and cells[k - 1][j] == value)
                if quoted:
                    value_html = quoted
                elif field == linked and value:
                    value_html = _sid_link(value, row[text_at])
                else:
                    value_html = e(value)
                css = (' class="readout-text"' if field in _TEXT_COLUMNS or field in ("evidence", "opening") or quoted
                       else "")
                tds.append(f'<th scope="row"{css}>{value_html}</th>' if header else f"<td{css}>{value_html}</td>")
            anchor = f' id="{e(row[0])}"' if self.anchors and row[0] else ""
            out.append(f"<tr{anchor}>" + "".join(tds) + "</tr>")
        return "\n".join(out)

    def _quoted(self, value: str, own_text: bool, again: bool = False) -> str:
        """``value``'s sentence ids, each quoted (HTML), if it holds nothing else and every id is a sentence
        of the statement; "" otherwise, and for the row's own sentence where the row shows its text. ``again``
        (the row above holds the same): the ids as links only, each with its sentence on hover."""
        if not self.sentences or own_text:
            return ""
        if _CUED.fullmatch(value):  # "p2s4 (discussed); p2s7 (expressed support)"
            cued = [(i, cue[1:-1]) for i, cue in (item.split(" ", 1) for item in value.split("; "))]
            if not all(i in self.sentences for i, _ in cued):
                return ""
            if again:
                return ('<span class="readout-quote">' + "; ".join(
                    f"{_sid_link(i, self.sentences[i])} ({html.escape(cue)})" for i, cue in cued) + " (as above)</span>")
            return "".join(_quote(i, self.sentences[i], cue) for i, cue in cued)
        if not _IDS.fullmatch(value):
            return ""
        ids = value.split(", ")
        if not all(i in self.sentences for i in ids):
            return ""

        def links(some: list[str]) -> str:
            return ", ".join(_sid_link(i, self.sentences[i]) for i in some)

        if again:
            return f'<span class="readout-quote">{links(ids)} (as above)</span>'
        quoted = "".join(_quote(i, self.sentences[i]) for i in ids[:QUOTED_PER_CELL])
        rest = ids[QUOTED_PER_CELL:]
        if rest:
            quoted += f'<span class="readout-quote">and {len(rest)} more: {links(rest)}</span>'
        return quoted

    def _head(self, fields: list[Any], linked: str | None) -> str:
        text_field = next((f for f in _TEXT_COLUMNS if f in fields), None)
        shown = [f for f in fields if not (linked and f == text_field)]
        return "<thead><tr>" + "".join(f'<th scope="col">{html.escape(cell_text(label(f)))}</th>' for f in shown) \
            + "</tr></thead>"

    def _table(self, body: str, head: str, note: str = "") -> str:
        # the box that scrolls a wide table sideways: a keyboard reaches it and scrolls it with the arrow keys
        return (f'<div class="readout-table" tabindex="0" role="region" aria-label="table">'
                f'<table class="readout-data">{head}<tbody>\n{body}\n</tbody></table>{note}</div>')

    def _repr_html_(self) -> str:
        flat, fields, linked = self._frame()
        n = len(flat)
        head = self._head(fields, linked)
        cells = self._cells(flat, fields)
        if n == 0:
            return '<p class="readout-reading">The table is empty.</p>'
        hint = (' <span class="readout-hint">(Sentence ids such as p2s3 mean paragraph 2, sentence 3; hover or'
                " follow one to read the sentence.)</span>") if linked and not self.sentences else ""
        if self.fold:
            return (f'<details class="readout-fold"><summary>{html.escape(self.fold)} '
                    f'({n:,} row{"s" if n != 1 else ""})</summary>'
                    + self._table(self._html_rows(cells, fields, linked, 0, n), head, hint) + "</details>")
        if self.rows is None or n <= self.rows + _SLACK:
            return self._table(self._html_rows(cells, fields, linked, 0, n), head, hint)
        visible = self._table(self._html_rows(cells, fields, linked, 0, self.rows), head)
        rest = self._table(self._html_rows(cells, fields, linked, self.rows, n), head, hint)
        return (visible + f'<details class="readout-fold"><summary>The first {self.rows:,} of {n:,} rows are shown: '
                          f"show the other {n - self.rows:,}</summary>{rest}</details>")

    def __repr__(self) -> str:
        if self.table.empty:
            return "The table is empty."
        flat, fields, _ = self._frame()
        cells = self._cells(flat, fields)
        frame = pd.DataFrame(cells, columns=[cell_text(label(f)) for f in fields])
        text = frame.to_string(index=False, max_rows=2 * FOLD_AFTER, max_colwidth=60)
        return (self.fold + ":\n" if self.fold else "") + text


def show(table: Any, rows: int | None = FOLD_AFTER, fold: str = "", anchors: bool = False,
         sentences: Mapping[str, str] | None = None) -> Any:
    """What a page shows for ``table``: a table (or series) as a :class:`TableView` — reader labels,
    rounded numbers, its first ``rows`` rows with the rest folded, or all of it folded under ``fold``;
    with ``anchors``, each row can be linked to by its first cell (a sentence id); with ``sentences``
    (id → text), the sentences its cells name by id are quoted. Anything else (a reading, a figure) is
    shown as it is."""
    if isinstance(table, pd.Series):
        table = table.to_frame()
    if isinstance(table, pd.DataFrame):
        return TableView(table, rows, fold, anchors, sentences=sentences)
    return table


def for_statement(statement: "Statement") -> Callable[..., Any]:
    """:func:`show` for the tables of ``statement``: every cell that names its sentences by id quotes them
    (the notebooks' ``show = for_statement(statement)``)."""
    return functools.partial(show, sentences={s.id: s.text for s in statement.sentences})
