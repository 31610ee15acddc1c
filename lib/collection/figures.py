"""Figures of a collection of statements, in the house style of :mod:`readout.report.figures`.

Each figure stays readable from two statements to thousands: up to :data:`LABELLED` statements
every statement is drawn and named (by its label, title and date, wrapped on two lines:
:func:`axis_label`); beyond that the figure shows the distribution instead (histograms, medians
with quartiles), and says so in its title.
"""

from __future__ import annotations

import re
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from readout.fields import label

__all__ = ["LABELLED", "theme_share_figure", "measure_figure", "tone_time_figure", "axis_label"]

#: Most statements a figure names one by one.
LABELLED = 40
#: A statement's name on an axis: lines of at most this many characters...
LABEL_WIDTH = 36
#: ... and at most this many lines (the rest cut, with "…").
LABEL_LINES = 2


def axis_label(name: object, width: int = LABEL_WIDTH, lines: int = LABEL_LINES) -> str:
    """A statement's label as a figure shows it: wrapped at word boundaries into at most ``lines``
    lines of ``width`` characters, the last cut with "…" if the label is longer, so that a long
    title and its date stay legible beside a bar ("On Recent Developments in Guatemala…" over
    "(2017-09-03)"). A "$" is shown as itself, never read as the start of a formula."""
    parts = textwrap.wrap(str(name), width, break_on_hyphens=False) or [""]
    if len(parts) > lines:
        rest = " ".join(parts[lines - 1 :])
        parts = parts[: lines - 1] + [rest[: width - 1].rstrip(" …") + "…"]
    return "\n".join(parts).replace("$", r"\$")


def _names(index: pd.Index) -> tuple[list[str], int]:
    """The axis labels of the statements in ``index`` and the most lines one takes."""
    names = [axis_label(n) for n in index]
    return names, max((n.count("\n") + 1 for n in names), default=1)


def _theme_axis(ax: plt.Axes, names: list[str]) -> None:
    """Theme names under the x axis, slanted and wrapped, so that neighbouring labels do not overlap."""
    ax.set_xticks(range(len(names)), [textwrap.fill(str(n), 22) for n in names], fontsize=8, rotation=30,
                  ha="right", rotation_mode="anchor")


def _figure(height: float) -> tuple[Figure, plt.Axes]:
    fig = Figure(figsize=(10.0, height))
    return fig, fig.add_subplot()


def theme_share_figure(matrix: pd.DataFrame) -> Figure:
    """Theme shares side by side: a heat map of statement × theme (share of words, %) for up to
    :data:`LABELLED` statements; for more, each theme's median share with the middle half of the
    statements (25th to 75th percentile) as a bar."""
    data = matrix.dropna(how="all")
    if data.empty:  # no statement was read through the theme lexicon (none is English)
        fig, ax = _figure(1.6)
        ax.axis("off")
        ax.set_title("Theme shares side by side: no statement could be read (none looks like English)")
        return fig
    if len(data) <= LABELLED:
        names, lines = _names(data.index)
        fig, ax = _figure(2.6 + max(0.38, 0.16 * lines + 0.08) * len(data))
        values = 100 * data.to_numpy(dtype="float64")
        image = ax.imshow(values, aspect="auto", cmap="Blues", vmin=0, vmax=max(1.0, float(np.nanmax(values))))
        _theme_axis(ax, list(data.columns))
        ax.set_yticks(range(len(data)), names, fontsize=8)
        for (i, j), v in np.ndenumerate(values):
            if v >= 0.5:
                ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if v > 0.6 * np.nanmax(values) else "black")
        bar = fig.colorbar(image, ax=ax, fraction=0.03)
        bar.set_label("share of the statement's words (%)")
        ax.set_title("Theme shares side by side: each theme's share of each statement's words")
        ax.set_xlabel("theme")
        ax.set_ylabel("statement")
    else:
        fig, ax = _figure(4.6)
        shares = 100 * data
        median = shares.median()
        q1, q3 = shares.quantile(0.25), shares.quantile(0.75)
        x = np.arange(len(median))
        ax.bar(x, median, color="#4c72b0", label="median")
        ax.errorbar(x, median, yerr=[median - q1, q3 - median], fmt="none", ecolor="black", capsize=3,
                    label="25th to 75th percentile")
        _theme_axis(ax, list(median.index))
        ax.set_title(f"Theme shares across {len(data):,} statements: median share of words, with the middle half")
        ax.set_xlabel("theme")
        ax.set_ylabel("share of the statement's words (%)")
        ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def measure_figure(values: pd.Series, measure: str, unit: str) -> Figure:
    """One measure across the collection: a bar per statement, sorted, for up to :data:`LABELLED`
    statements; a histogram with the median marked for more. ``unit`` labels the value axis."""
    data = values.dropna().astype("float64")
    if data.empty:  # no statement has the measure (none looks like English)
        fig, ax = _figure(1.6)
        ax.axis("off")
        ax.set_title(f"{measure[:1].upper() + measure[1:]}: not computed for any statement (none looks like English)")
        return fig
    if len(data) <= LABELLED:
        data = data.sort_values(kind="stable")
        names, lines = _names(data.index)
        fig, ax = _figure(1.2 + max(0.3, 0.16 * lines + 0.06) * len(data))
        colors = ["#c44e52" if v < 0 else "#4c72b0" for v in data]
        ax.barh(range(len(data)), data.to_numpy(), color=colors)
        ax.set_yticks(range(len(data)), names, fontsize=8)
        ax.axvline(0, color="0.3", linewidth=0.8)
        ax.set_xlabel(f"{measure} ({unit})")
        ax.set_ylabel("statement")
        ax.set_title(f"{measure[:1].upper() + measure[1:]} of each statement, lowest first")
    else:
        fig, ax = _figure(3.6)
        ax.hist(data.to_numpy(), bins=40, color="#4c72b0")
        median = float(data.median())
        ax.axvline(median, color="black", linestyle="--", linewidth=1, label=f"median {median:.2f}")
        ax.set_xlabel(f"{measure} ({unit})")
        ax.set_ylabel("statements")
        ax.set_title(f"{measure[:1].upper() + measure[1:]} across {len(data):,} statements")
        ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def _period(dates: pd.Series) -> tuple[str, str]:
    """The period for the medians, by the span of the dates: a year over 15 years, a quarter over 5,
    else a month (pandas frequency, its name)."""
    years = (dates.max() - dates.min()).days / 365.25
    return ("Y", "year") if years > 15 else ("Q", "quarter") if years > 5 else ("M", "month")


def tone_time_figure(table: pd.DataFrame) -> Figure:
    """Tone of the dated statements over time: diplomatic tone and VADER (leak-free).

    Up to :data:`LABELLED` statements each is a point (named when there are at most 12); from 10
    on, with the median of each run of 5 consecutive statements. Beyond :data:`LABELLED`, the
    median of each year, quarter or month (by the span of the dates: see :func:`_period`) with the middle
    half of its statements as a band, over faint points for the statements themselves."""
    fig, ax = _figure(3.8)
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
    if len(table) <= 12:  # few enough to name each point, by title (the axis gives the date); past the middle, leftward
        middle = dates.min() + (dates.max() - dates.min()) / 2
        for name, date, value in zip(table.index, dates, table["tone_score"]):
            if pd.notna(value):
                left = len(table) > 1 and date > middle
                ax.annotate(axis_label(re.sub(r" \(\d{4}-\d\d-\d\d\)$", "", str(name)), 28), (date, value),
                            textcoords="offset points", xytext=(-4 if left else 4, 4), ha="right" if left else "left",
                            va="bottom", fontsize=7)
    ax.axhline(0, color="0.5", linewidth=0.8)
    ax.set_ylim(-1.05, 1.15)
    ax.set_xlabel("date of the statement")
    ax.set_ylabel("score (-1 to +1)")
    title = f"Tone over time: {len(table):,} dated statement{'s' if len(table) != 1 else ''}"
    ax.set_title(title + (f", median per {name} with the middle half shaded" if many else ""))
    ax.legend(frameon=False, fontsize=8, loc="lower left", ncol=2 if many else 1)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig
