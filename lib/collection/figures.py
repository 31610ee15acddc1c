"""Figures of a collection of statements, in the house style of :mod:`readout.report.figures`, laid out by
:mod:`readout.report.figure_layout`.

Each figure stays readable from two statements to thousands: up to :data:`LABELLED` statements
every statement is drawn and named (by its label, title and date: :func:`axis_label`); beyond that
the figure shows the distribution instead (histograms, medians with quartiles), and says so in its
title.

Like the statement's figures, each is drawn in two layouts, wide and for a phone (``narrow=True``:
3.6 in wide, names cut shorter, legends below the plot), shown by a page as one ``<picture>``
(:func:`readout.report.pictures.figure_bundle`), and no text of one touches another or leaves the
figure: names beside a plot are cut with "…" to a share of its width (the full names are in the
page's tables), theme names are rows rather than slanted columns, and a heat map's statements are
numbered, with the numbered names in a key below it.
"""

from __future__ import annotations

import re
import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from readout.fields import label
from readout.report.figure_layout import (
    NARROW_WIDTH,
    SMALL,
    cell_numbers,
    colorbar_place,
    cut,
    finish,
    fit_names,
    legend,
    new_figure,
    place_label,
    set_title,
    text_width,
    two_layouts,
    wrap,
)

__all__ = ["LABELLED", "theme_share_figure", "measure_figure", "tone_time_figure", "axis_label"]

#: Most statements a figure names one by one.
LABELLED = 40
#: A statement's name on an axis: lines of at most this many characters...
LABEL_WIDTH = 36
#: ... and at most this many lines (the rest cut, with "…").
LABEL_LINES = 2
_DATE = re.compile(r" (\(\d{4}-\d\d-\d\d\))$")


def axis_label(name: object, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A statement's label as a figure shows it: wrapped at word boundaries into at most ``lines``
    lines of ``width`` characters, the last cut with "…" if the label is longer, so that a long
    title and its date stay legible beside a bar ("On Recent Developments in Guatemala…" over
    "(2017-09-03)"). A "$" is shown as itself, never read as the start of a formula (the figures of
    this module also draw their names as plain text)."""
    parts = textwrap.wrap(str(name), width, break_on_hyphens=False) or [""]
    if len(parts) > lines:
        rest = " ".join(parts[lines - 1 :])
        parts = parts[: lines - 1] + [rest[: width - 1].rstrip(" …") + "…"]
    return "\n".join(parts).replace("$", r"\$")


def _statement_name(name: object, narrow: bool, width: float | None = None, lines: int = 2) -> str:
    """A statement's name beside a plot, as plain text: wide, :func:`axis_label` (two lines of 36
    characters, the date kept); narrow (or ``width`` inches given), the title cut to ``lines`` - 1 lines
    of that width and the date on a line of its own."""
    if not narrow and width is None:
        return axis_label(name).replace(r"\$", "$")
    width = width or NARROW_WIDTH * 0.4
    text = str(name)
    date = _DATE.search(text)
    if date is None:
        return cut(text, width, SMALL, lines)
    if lines > 1:
        return f"{cut(text[: date.start()], width, SMALL, lines - 1)}\n{date.group(1)}"
    return f"{cut(text[: date.start()], width - text_width(' ' + date.group(1), SMALL), SMALL)} {date.group(1)}"


def _names_of(index: pd.Index, narrow: bool, lines: int = 2) -> tuple[list[str], int]:
    """The axis labels of the statements in ``index`` and the most lines one takes."""
    names = [_statement_name(n, narrow, lines=lines) for n in index]
    return names, max((n.count("\n") + 1 for n in names), default=1)


def _plain(ax: Axes) -> None:
    """Tick labels drawn as plain text (a "$" in a title is no formula)."""
    for text in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        text.set_parse_math(False)


def _empty(message: str, narrow: bool) -> Figure:
    fig, ax = new_figure(1.6, narrow, NARROW_WIDTH * 0.5)
    ax.axis("off")
    set_title(ax, message)
    return finish(fig)


@two_layouts
def theme_share_figure(matrix: pd.DataFrame, *, narrow: bool = False) -> Figure:
    """Theme shares side by side: a heat map of theme × statement (share of words, %) for up to
    :data:`LABELLED` statements, themes as rows, statements as numbered columns with their names in a
    key below; for more, each theme's median share with the middle half of the statements (25th to
    75th percentile) as a line, a row per theme."""
    data = matrix.dropna(how="all")
    if data.empty:  # no statement was read through the theme lexicon (none is English)
        return _empty("Theme shares side by side: no statement could be read (none looks like English)", narrow)
    themes = list(data.columns)
    if len(data) <= LABELLED:
        key_lines = len(data) if narrow else -(-len(data) // 2)
        fig, ax = new_figure(2.4 + 0.3 * len(themes) + 0.17 * key_lines, narrow,
                          3.4 + 0.34 * len(themes) + 0.17 * key_lines)
        values = 100 * data.to_numpy(dtype="float64").T  # themes as rows
        top = max(1.0, float(np.nanmax(values)))
        image = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0, vmax=top, interpolation="nearest")
        rounded = np.nan_to_num(np.rint(values)).astype(int)
        cell_numbers(ax, rounded, narrow, fontsize=7, dark=0.6 * top)
        ax.set_yticks(range(len(themes)), fit_names(themes, narrow, SMALL), fontsize=SMALL)
        ax.set_xticks(range(len(data)), [str(k + 1) for k in range(len(data))], fontsize=SMALL)
        ax.set_xlabel("statement (numbered as in the key below)")
        ax.set_ylabel("theme")
        set_title(ax, "Theme shares side by side: each theme's share of each statement's words")
        key_height = 0.3 + 0.17 * key_lines  # inches, below the plot (the key)
        fig.colorbar(image, ax=ax, label="share of the statement's words (%)",
                     **colorbar_place(ax, narrow, below=key_height))
        # the key: each statement's number and name, in one column (narrow) or two, cut to fit
        columns = 1 if narrow else 2
        width = (fig.get_figwidth() - 0.5) / columns - 0.3
        entries = [f"{k + 1}  " + _statement_name(name, narrow, width - text_width(f"{k + 1}  ", SMALL), lines=1)
                   for k, name in enumerate(data.index)]
        handles = [Line2D([], [], linestyle="none") for _ in entries]
        key = fig.legend(handles, entries, loc="lower center", ncol=columns, fontsize=SMALL, frameon=False,
                         handlelength=0, handletextpad=0, columnspacing=1.5, title="Statements", title_fontsize=SMALL)
        for text in key.get_texts():
            text.set_parse_math(False)
    else:
        fig, ax = new_figure(1.6 + 0.3 * len(themes), narrow, 2.6 + 0.34 * len(themes))
        shares = 100 * data
        median = shares.median()
        q1, q3 = shares.quantile(0.25), shares.quantile(0.75)
        y = np.arange(len(median))
        ax.barh(y, median, color="#4c72b0", height=0.6, label="median")
        ax.errorbar(median, y, xerr=[median - q1, q3 - median], fmt="none", ecolor="black", capsize=3,
                    label="25th to 75th percentile")
        ax.set_yticks(y, fit_names(list(median.index), narrow, SMALL), fontsize=SMALL)
        ax.invert_yaxis()
        ax.set_xlabel(wrap("share of the statement's words (%)", fig.get_figwidth() - 0.4))
        legend(ax, narrow)
        set_title(ax, f"Theme shares across {len(data):,} statements: median share of words, with the middle half")
    _plain(ax)
    return finish(fig)


@two_layouts
def measure_figure(values: pd.Series, measure: str, unit: str, *, narrow: bool = False) -> Figure:
    """One measure across the collection: a bar per statement, sorted, for up to :data:`LABELLED`
    statements; a histogram with the median marked for more. ``unit`` labels the value axis."""
    data = values.dropna().astype("float64")
    name = measure[:1].upper() + measure[1:]
    if data.empty:  # no statement has the measure (none looks like English)
        return _empty(f"{name}: not computed for any statement (none looks like English)", narrow)
    if len(data) <= LABELLED:
        data = data.sort_values(kind="stable")
        names, lines = _names_of(data.index, narrow, lines=3 if len(data) <= 12 else 2)
        row = max(0.3, 0.16 * lines + 0.06)
        fig, ax = new_figure(1.2 + row * len(data), narrow, 2.4 + row * len(data))
        colors = ["#c44e52" if v < 0 else "#4c72b0" for v in data]
        ax.barh(range(len(data)), data.to_numpy(), color=colors)
        ax.set_yticks(range(len(data)), names, fontsize=SMALL)
        ax.axvline(0, color="0.3", linewidth=0.8)
        ax.set_xlabel(wrap(f"{measure} ({unit})", fig.get_figwidth() - 0.4))
        ax.set_ylabel("statement")
        set_title(ax, f"{name} of each statement, lowest first")
    else:
        fig, ax = new_figure(3.6, narrow)
        ax.hist(data.to_numpy(), bins=40 if not narrow else 25, color="#4c72b0")
        median = float(data.median())
        ax.axvline(median, color="black", linestyle="--", linewidth=1, label=f"median {median:.2f}")
        ax.set_xlabel(wrap(f"{measure} ({unit})", fig.get_figwidth() - 0.4))
        ax.set_ylabel("statements")
        set_title(ax, f"{name} across {len(data):,} statements")
        legend(ax, narrow)
    _plain(ax)
    return finish(fig)


def _period(dates: pd.Series) -> tuple[str, str]:
    """The period for the medians, by the span of the dates: a year over 15 years, a quarter over 5,
    else a month (pandas frequency, its name)."""
    years = (dates.max() - dates.min()).days / 365.25
    return ("Y", "year") if years > 15 else ("Q", "quarter") if years > 5 else ("M", "month")


def _name_points(ax: Axes, names: list[str], dates: pd.Series, values: pd.Series, narrow: bool) -> None:
    """Name each point by its statement's title (the axis gives the date) where the name stays inside
    the plot and touches no other name nor point; the figure must be laid out already."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    placed: list[Bbox] = []
    xy = [(mdates.date2num(d), v) for d, v in zip(dates, values, strict=True)]
    points = [ax.transData.transform(p) for p in xy if pd.notna(p[1])]
    for name, (x, v) in zip(names, xy, strict=True):
        if pd.isna(v):
            continue
        title = _DATE.sub("", str(name))
        text = cut(title, 1.1 if narrow else 1.8, SMALL - 1, 2)
        place_label(ax, text, (x, v), frame, points, placed, parse_math=False)


@two_layouts
def tone_time_figure(table: pd.DataFrame, *, narrow: bool = False) -> Figure:
    """Tone of the dated statements over time: diplomatic tone and VADER (leak-free).

    Up to :data:`LABELLED` statements each is a point (named, where there is room, when there are at
    most 12); from 10 on, with the median of each run of 5 consecutive statements. Beyond
    :data:`LABELLED`, the median of each year, quarter or month (by the span of the dates: see
    :func:`_period`) with the middle half of its statements as a band, over faint points for the
    statements themselves."""
    fig, ax = new_figure(3.8, narrow, 5.0)
    dates = pd.to_datetime(table["date"])
    many = len(table) > LABELLED
    if many:
        freq, name = _period(dates)
        periods = dates.dt.to_period(freq)
    for field, color, marker in (("tone_score", "#4c72b0", "o"), ("vader", "#dd8452", "s")):
        values = table[field].astype("float64")
        column = label(field)
        ax.plot(dates, values, linestyle="none", marker=marker, color=color, markersize=2 if many else 5,
                alpha=0.2 if many else 1.0, label=f"{column}, each statement" if many else column)
        if many:
            grouped = values.groupby(periods.to_numpy())
            mid = grouped.median()
            when = mid.index.to_timestamp(how="start") + (mid.index.to_timestamp(how="end")
                                                            - mid.index.to_timestamp(how="start")) / 2
            ax.plot(when, mid.to_numpy(), color=color, linewidth=1.8, marker="o", markersize=3,
                    label=f"{column}, median per {name}")
            ax.fill_between(when, grouped.quantile(0.25).to_numpy(), grouped.quantile(0.75).to_numpy(),
                            color=color, alpha=0.2, linewidth=0)
        elif len(table) >= 10:
            ax.plot(dates, values.rolling(5, center=True, min_periods=3).median(), color=color,
                    linewidth=1.5, label=f"{column}, running median of 5")
    ax.axhline(0, color="0.5", linewidth=0.8)
    ax.set_ylim(-1.05, 1.15)
    locator = mdates.AutoDateLocator(minticks=2, maxticks=4 if narrow else 8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.AutoDateFormatter(locator))  # full dates: no offset text to collide
    ax.tick_params(axis="x", labelsize=SMALL)
    ax.set_xlabel("date of the statement")
    ax.set_ylabel("score (-1 to +1)")
    title = f"Tone over time: {len(table):,} dated statement{'s' if len(table) != 1 else ''}"
    set_title(ax, title + (f", median per {name} with the middle half shaded" if many else ""))
    legend(ax, narrow)
    finish(fig)
    if len(table) <= 12:  # few enough to name the points, where there is room
        _name_points(ax, list(table.index), dates, table["tone_score"], narrow)
    return fig

