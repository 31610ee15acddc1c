"""The comparison's figures stay legible with 2, 5 and 20 statements named by long titles and dates (and
beyond :data:`LABELLED`, as distributions), wide and narrow: no text overlaps another or leaves the figure,
and each is shown as a <picture> of a wide and a phone layout."""

from __future__ import annotations

import importlib.util
import warnings
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from readout.analyses.topics import themes
from readout.collection import figures as collection_figures
from readout.collection.figures import LABELLED
from readout.report import figure_layout as layout
from readout.report import figures, pictures


def _report_checks():
    """The overlap checks of the statement's figures (tests/report/test_figures.py)."""
    path = Path(__file__).parents[1] / "report" / "test_figures.py"
    spec = importlib.util.spec_from_file_location("_report_figure_checks", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


checks = _report_checks()

TITLES = [
    "U.S.–Honduras High Level Security Dialogue Opens in Tegucigalpa With Ministers of Both Governments",
    "Fact Sheet: The U.S.–Palestinian Relationship and Assistance to the Palestinian People",
    "Secretary Blinken at the UN Security Council on Russia's Threat to Ukraine and to Peace",
    "On the 100th Anniversary of U.S.–Albania Diplomatic Relations",
    "Joint Statement",
]
COUNTS = [2, 5, 20, LABELLED + 5]


@cache
def _collection(n: int) -> dict:
    """A collection of ``n`` statements with long labels ("title… (date)", up to ~75 characters)."""
    rng = np.random.default_rng(n)
    dates = pd.date_range("2016-06-09", periods=n, freq="17D")
    titles = [TITLES[k % len(TITLES)] + (f" ({k // len(TITLES) + 1})" if k >= len(TITLES) else "") for k in range(n)]
    labels = [f"{t[:60]}{'…' if len(t) > 60 else ''} ({d.date()})" for t, d in zip(titles, dates)]
    names = list(themes.load_theme_lexicon(None).themes)
    matrix = pd.DataFrame(rng.dirichlet(np.ones(len(names)) * 0.4, n) * 0.6, index=labels, columns=names)
    tone = pd.Series(rng.uniform(-0.6, 0.9, n), index=labels)
    over_time = pd.DataFrame({"date": dates.date, "date_source": "file name", "tone_score": tone.to_numpy(),
                              "vader": rng.uniform(-0.9, 0.9, n), "textblob": rng.uniform(-0.3, 0.4, n)},
                             index=labels)
    return {"matrix": matrix, "tone": tone, "over_time": over_time}


BUILDERS = {
    "theme_share": lambda c, **kw: collection_figures.theme_share_figure(c["matrix"], **kw),
    "measure": lambda c, **kw: collection_figures.measure_figure(c["tone"], "tone score",
                                                                 "-1 pressure to +1 cooperation", **kw),
    "tone_time": lambda c, **kw: collection_figures.tone_time_figure(c["over_time"], **kw),
}


@pytest.fixture(autouse=True, scope="module")
def house_style():
    figures.use_house_style()


@pytest.mark.parametrize("narrow", [False, True], ids=["wide", "narrow"])
@pytest.mark.parametrize("n", COUNTS, ids=[f"{n}-statements" for n in COUNTS])
@pytest.mark.parametrize("name", list(BUILDERS))
def test_no_text_overlaps_or_leaves_the_figure(name, n, narrow):
    fig = checks.built_quietly(BUILDERS[name], _collection(n), **({"narrow": True} if narrow else {}))
    checks.assert_legible(fig)
    assert pictures.figure_text(fig).startswith("Figure: ") and fig.axes[0].get_xlabel()
    if narrow:
        assert fig.get_figwidth() == layout.NARROW_WIDTH and fig.get_figheight() >= 1.25 * fig.get_figwidth()


@pytest.mark.parametrize("name", list(BUILDERS))
def test_a_comparison_figure_is_a_picture_of_two_layouts(name):
    fig = BUILDERS[name](_collection(5))
    bundle = pictures.figure_bundle(fig)
    assert set(bundle) == {"text/html", "image/png", "text/plain"}
    assert bundle["text/html"].startswith('<picture class="readout-picture"><source media="(max-width: 700px)"')
    narrow = layout.narrow_copy(fig)
    assert narrow.get_figwidth() == layout.NARROW_WIDTH and pictures.figure_text(narrow) == bundle["text/plain"]


def test_the_heat_map_numbers_its_statements_and_keys_them_by_name():
    fig = collection_figures.theme_share_figure(_collection(5)["matrix"])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3", "4", "5"]
    assert "human rights" in [t.get_text() for t in ax.get_yticklabels()]  # themes are rows, level
    key = [t.get_text() for t in fig.legends[0].get_texts()]
    assert key[0].startswith("1  U.S.–Honduras High Level") and key[0].endswith("…") or "(2016-06-09)" in key[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pictures.figure_png(fig)
