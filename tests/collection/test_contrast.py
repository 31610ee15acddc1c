"""Comparing statements: keyness on a published worked example, percentiles, the collection's tables,
figures that switch to distributions for large collections, and the 'compare' command."""

from __future__ import annotations

import json
import math
import random
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import PYTHON, SEED, SEED_CRIME_SHARE, cli

from readout import load_statement
from readout.analyses import significance
from readout.collection import contrast
from readout.collection.corpus import run_corpus
from readout.collection.figures import axis_label, measure_figure, theme_share_figure, tone_time_figure
from readout.errors import UsageError
from readout.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from readout.run.parameters import find_notebooks

DEMO = PROJECT_ROOT / "seeds" / "demo"
#: The labels of the demonstration statements: title (cut at a word boundary) and date; the seed has no
#: title line, so its file name names it.
SEED_LABEL = "The United States and Honduras have built a strong…"  # no title line: its opening words
HONDURAS = "U.S.-Honduras Security Dialogue Follow-up Meeting… (2016-06-14)"
GUATEMALA = "On Recent Developments in Guatemala… (2017-09-03)"
EL_SALVADOR = "Joint Statement on U.S.-El Salvador Cooperation… (2018-03-22)"
STOPWORDS = frozenset((PROJECT_ROOT / "lib" / "data" / "stopwords_en.txt").read_text(encoding="utf-8").split())


@pytest.fixture(scope="module")
def collection():
    return contrast.build_collection([str(SEED.parent), str(DEMO)])


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    """The corpus engine's tables of the seed and the demonstration statements (tests only read them)."""
    out = tmp_path_factory.mktemp("corpus") / "corpus"
    assert run_corpus([str(SEED.parent), str(DEMO)], out, scheduler="synchronous", err=[].append).exit_code == 0
    return out


def test_log_likelihood_on_the_published_worked_example():
    # The worked example of UCREL's log-likelihood calculator as taught in corpus-linguistics courses: a
    # word seen 52 times in 50,000 words and 57 times in 75,000 words is reported as LL +2.65 (not
    # significant: below 3.84). The figure is the calculator's output, quoted, not ours.
    assert round(contrast.log_likelihood(52, 57, 50_000, 75_000), 2) == 2.65
    # By hand: E1 = 43.6, E2 = 65.4.
    assert contrast.log_likelihood(52, 57, 50_000, 75_000) == pytest.approx(
        2 * (52 * math.log(52 / 43.6) + 57 * math.log(57 / 65.4)))
    assert contrast.log_likelihood(10, 0, 100, 100) == pytest.approx(2 * 10 * math.log(10 / 5))  # 0 ln 0 = 0
    assert contrast.log_likelihood(5, 10, 100, 200) == 0.0  # the same relative frequency
    assert contrast.log_ratio(52, 57, 50_000, 75_000) == pytest.approx(math.log2((52 / 50_000) / (57 / 75_000)))
    assert contrast.log_ratio(4, 0, 100, 100) == pytest.approx(math.log2(4 / 0.5))  # a zero count counts 0.5
    g2 = contrast.log_likelihood(np.array([52, 10]), np.array([57, 0]), np.array([50_000, 100]), np.array([75_000, 100]))
    assert g2.shape == (2,) and round(float(g2[0]), 2) == 2.65


@pytest.mark.parametrize("values, expected", [
    ([1, 2, 3], [0, 50, 100]), ([1, 1, 2], [25, 25, 100]), ([5, 5], [50, 50]),
    ([3, None, 1], [100, None, 0]), ([7], [None]),
])
def test_percentile(values, expected):
    got = contrast.percentile(pd.Series(values, dtype="float64"))
    assert [None if pd.isna(v) else v for v in got] == expected


def test_headlines_of_the_seed_and_demonstration_statements(collection):
    h = contrast.headline_table(collection)
    assert list(h.index) == [SEED_LABEL, HONDURAS,
                             GUATEMALA, EL_SALVADOR]
    assert list(h["words"]) == [351, 164, 160, 165]
    assert list(h["date"]) == ["", "2016-06-14", "2017-09-03", "2018-03-22"]
    assert h.loc[GUATEMALA, "tone_score"] == pytest.approx(-2 / 9)
    assert h.loc[GUATEMALA, "tone_label"] == "negative"
    assert h.loc[GUATEMALA, "top_theme"] == "rule of law and justice"
    assert h.loc[EL_SALVADOR, "top_theme"] == "migration"
    assert (h.loc[SEED_LABEL, "commitments"], h.loc[SEED_LABEL, "firm_commitments"]) == (4, 1)
    assert collection.themes[0] == "armed conflict and defense" and len(collection.themes) == 17
    reading = str(contrast.collection_reading(collection, h))
    # the three of seeds/demo/ are named as inventions (their titles say so); the seed is not
    assert reading.startswith("4 statements, 840 words of body text (from 160 to 351 words a statement). "
                              "3 of them carry a date. 3 are demonstration texts written for this project, not "
                              "real statements: no finding about them is a finding about the world.")
    assert f"the most pressing is {GUATEMALA}, at -0.22." in reading
    assert f"the most cooperative is {HONDURAS}, at +0.56" in reading


def test_summary_of_the_collection(collection):
    table = contrast.summary_table(collection)
    # count, min, quartiles (linear interpolation) and max of 160, 164, 165, 351 words: 160 + 0.75 × 4 = 163,
    # (164 + 165) / 2 = 164.5, 165 + 0.25 × 186 = 211.5
    assert table.loc["words"].tolist() == [4, 160, 163, 164.5, 211.5, 351]
    assert table.loc["tone_score", "min"] == pytest.approx(-2 / 9) and table.loc["tone_score", "max"] == pytest.approx(5 / 9)


def test_percentiles_of_the_collection(collection):
    p = contrast.percentile_table(collection)
    assert p.loc[SEED_LABEL, "words"] == 100  # the longest
    assert p.loc[GUATEMALA, "words"] == 0  # the shortest
    assert p.loc[GUATEMALA, "tone_score"] == 0
    assert p.loc[SEED_LABEL, "tone_score"] == pytest.approx(200 / 3)  # two of the three others below


def test_keyness_matches_a_count_by_hand(collection):
    k = contrast.keyness_table(collection, top=None)
    terms = collection.tables["term"]
    guat = terms[terms["key"].str.endswith("guatemala-concern.txt")]
    a = int(guat.loc[guat["term"] == "guatemala", "count"].iloc[0])
    b = int(terms.loc[terms["term"] == "guatemala", "count"].sum()) - a
    c, d = int(guat["count"].sum()), int(terms["count"].sum()) - int(guat["count"].sum())
    row = k[(k["statement"] == GUATEMALA) & (k["term"] == "guatemala")].iloc[0]
    # By hand, over the bodies: "Guatemala" 6 times in its statement and once in the others (El Salvador's);
    # its statement's content terms are its words off the stop list, with each "United States" one term.
    bodies = {key: " ".join(s.text for s in load_statement(key).sentences) for key in collection.labels}
    own = next(body for key, body in bodies.items() if key.endswith("guatemala-concern.txt"))
    others = [body for key, body in bodies.items() if not key.endswith("guatemala-concern.txt")]
    assert (a, b) == (len(re.findall(r"\bGuatemala\b", own)), sum(len(re.findall(r"\bGuatemala\b", t)) for t in others))
    assert (a, b) == (6, 1) and row["count"] == a
    content = [w for w in re.findall(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*", own) if w.lower() not in STOPWORDS]
    assert c == len(content) - own.count("United States") == 87 - 3
    assert d == 404  # the other three statements' content terms: 202 (the seed), 99 and 103
    assert row["g2"] == contrast.log_likelihood(a, b, c, d) == pytest.approx(15.75, abs=0.005)
    # G² 15.75 is beyond 15.13, the 0.0001 point of chi-square with one degree of freedom: p = erfc(√(G²/2))
    assert row["p"] == pytest.approx(math.erfc(math.sqrt(15.750156 / 2))) == pytest.approx(7.23e-5, abs=5e-7)
    assert row["log_ratio"] == pytest.approx(math.log2((6 / 84) / (1 / 404)))
    # every term the four statements use 3 times or more together is tested for each statement, chosen by
    # the collection's count, not the statement's: 39 tests each; guatemala has the smallest p of its
    # statement's, so Benjamini–Hochberg multiplies it by 39/1
    totals = terms.groupby("term")["count"].sum()
    assert row["terms_tested"] == int((totals >= 3).sum()) == 39
    assert row["q"] == pytest.approx(row["p"] * 39)
    assert k.groupby("statement", sort=False)["g2"].apply(lambda g: g.is_monotonic_decreasing).all()
    assert (k["q"] <= 0.05).all()
    summary = contrast.key_terms_summary(collection, k, 2)
    assert summary.loc[GUATEMALA].tolist() == ["guatemala (15.8)", 1, 39]
    assert summary.loc[EL_SALVADOR, "key_terms_g2"] == "El Salvador (12.4)"
    assert summary.loc[SEED_LABEL].tolist() == ["none at a false discovery rate of 5%", 0, 39]


def test_benjamini_hochberg_by_hand():
    # p of four tests, sorted: 0.01, 0.02, 0.03, 0.5 → ×4/1, ×4/2, ×4/3, ×4/4 = 0.04, 0.04, 0.04, 0.5; each q the
    # least of its own and those after it
    q = contrast.benjamini_hochberg(pd.Series([0.03, 0.5, 0.01, 0.02]))
    assert q.tolist() == pytest.approx([0.04, 0.5, 0.04, 0.04])
    # a family of 8 of which the other 4 have p = 1: only m changes, ×8/1, ×8/2, ×8/3, ×8/4
    assert contrast.benjamini_hochberg(pd.Series([0.03, 0.5, 0.01, 0.02]), 8).tolist() == pytest.approx([0.08, 1.0, 0.08, 0.08])
    # ties share their q
    assert contrast.benjamini_hochberg(pd.Series([0.02, 0.02, 0.5])).tolist() == pytest.approx([0.03, 0.03, 0.5])
    assert contrast.benjamini_hochberg(pd.Series([0.9, 0.8])).tolist() == pytest.approx([0.9, 0.9])
    assert significance.p_value(3.841459) == pytest.approx(0.05, abs=1e-6) and significance.p_value(0.0) == 1.0


def test_theme_matrix_and_tone_over_time(collection):
    m = contrast.theme_matrix(collection)
    assert list(m.columns) == list(collection.themes)
    # a statement's word shares add up to the share of its words in sentences with a theme: all of them but
    # three of the Honduras dialogue's (p3s1, p3s2, p4s2: 21 + 15 + 14 of its 164 words carry no theme)
    assert m.sum(axis=1).to_list() == pytest.approx([1, (164 - 21 - 15 - 14) / 164, 1, 1])
    assert m.loc[SEED_LABEL, "crime and narcotics"] == pytest.approx(SEED_CRIME_SHARE)
    t = contrast.tone_over_time(collection)
    assert list(t.index) == [HONDURAS, GUATEMALA,
                             EL_SALVADOR]  # date order; the undated seed left out
    assert list(t["date_source"]) == ["header"] * 3


def test_collection_from_a_corpus_folder_equals_one_built_here(collection, corpus_folder):
    read = contrast.read_collection(corpus_folder)
    assert read.themes == collection.themes
    for level, table in collection.tables.items():
        pd.testing.assert_frame_equal(read.tables[level], table, check_exact=True)


def test_too_few_or_bad_statements(tmp_path):
    with pytest.raises(UsageError, match="1 readable statement among the files given: a comparison needs at least two"):
        contrast.build_collection([str(SEED)])
    with pytest.raises(UsageError, match="missing.txt: no such file"):
        contrast.build_collection([str(SEED), str(tmp_path / "missing.txt")])
    folder = tmp_path / "in"
    folder.mkdir()
    for f in DEMO.glob("*.txt"):
        shutil.copy(f, folder)
    (folder / "empty.txt").write_text("")
    found = contrast.build_collection([str(folder)])
    assert len(found) == 3
    assert contrast.skipped_table(found).to_dict("records") == [{"file": "empty.txt", "problem": "is empty"}]


def test_a_folders_metadata_dates_the_users_statements_for_the_time_line(tmp_path):
    """Pasted statements with no date in their text: a metadata.csv beside them gives titles and dates, and the
    tone over time has them (#25, item 5)."""
    folder = tmp_path / "pasted"
    folder.mkdir()
    texts = {"first.txt": "The United States welcomes the agreement. Both sides will meet again.",
             "second.txt": "The United States condemns the attack. We call on all parties to stop.",
             "third.txt": "Both sides met today. They discussed trade."}
    for name, text in texts.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    assert contrast.tone_over_time(contrast.build_collection([str(folder)])).empty  # nothing dated
    (folder / "metadata.csv").write_text("file,title,date\nsecond.txt,Condemnation,2026-02-01\n"
                                         "first.txt,Welcome,2025-11-30\n", encoding="utf-8")
    found = contrast.build_collection([str(folder)])
    t = contrast.tone_over_time(found)
    assert [str(d) for d in t["date"]] == ["2025-11-30", "2026-02-01"] and list(t["date_source"]) == ["given"] * 2
    assert list(t["tone_score"] > 0) == [True, False]
    assert sorted(found.statements["title"]) == ["Both sides met today.", "Condemnation", "Welcome"]


def test_paged_tables_say_how_many_rows_are_left_out(collection):
    table = contrast.headline_table(collection)
    html = contrast.paged(table, 2, "headlines", "/some/report/tables")._repr_html_()
    assert "Showing the first 2 of 4 rows; the whole table is saved as tables/headlines.csv." in html
    assert "set output_dir (report runs do) to save the whole table as CSV" in contrast.paged(
        table, 2, "headlines", "")._repr_html_()  # interactive: nothing is saved, so no file is named
    assert html.count("<tr>") == 3  # header and two rows
    assert "Showing" not in contrast.paged(table, 4)._repr_html_()
    with pytest.raises(UsageError):
        contrast.paged(table, 0)


def test_figures_switch_to_distributions_for_large_collections(tmp_path, collection, monkeypatch):
    """Past LABELLED statements (40) each figure shows a distribution. The threshold is set to 12 here, so
    13 statements cross it and 12 stay under it (three of the seed's sentences each, two years apart:
    over 24 years the medians are per year)."""
    import readout.collection.figures

    monkeypatch.setattr(readout.collection.figures, "LABELLED", 12)
    n = 12 + 1
    rng = random.Random(7)
    lines = SEED.read_text(encoding="utf-8").split(". ")
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(n):
        rng.shuffle(lines)
        (folder / f"{2000 + 2 * k}-01-01-statement.txt").write_text(". ".join(lines[:3]) + ".", encoding="utf-8")
    many = contrast.build_collection([str(folder)])
    assert len(many) == n
    h = contrast.headline_table(many)
    assert measure_figure(h["fk_grade"], "Flesch-Kincaid grade", "grade").axes[0].get_title() == \
        f"Flesch-Kincaid grade across {n} statements"
    assert theme_share_figure(contrast.theme_matrix(many)).axes[0].get_title().startswith(
        f"Theme shares across {n} statements")
    over_time = contrast.tone_over_time(many)
    assert len(over_time) == n and list(over_time["date_source"].unique()) == ["file name"]
    figure = tone_time_figure(over_time)  # the median per year, the middle half shaded
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert "tone score, median per year" in labels and "VADER, each statement" in labels
    assert figure.axes[0].get_title().endswith("median per year with the middle half shaded")
    labels = [t.get_text() for t in tone_time_figure(over_time.head(12)).axes[0].get_legend().get_texts()]
    assert labels == ["tone score", "tone score, running median of 5", "VADER", "VADER, running median of 5"]
    assert len(measure_figure(contrast.headline_table(collection)["vader"], "VADER", "-1 to +1").axes[0].patches) == 4


def test_the_comparison_notebook_is_not_run_on_each_statement():
    names = [p.name for p in find_notebooks(NOTEBOOKS_DIR)]
    assert "compare.ipynb" not in names and names[0] == "00-summary.ipynb"
    assert (NOTEBOOKS_DIR / "compare.ipynb").is_file()


def compare_cmd(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "readout", "compare", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_compare_command_writes_a_page_and_tables(tmp_path, capsys):
    """One comparison through ``python -m readout compare``: statements found in a folder (a found file
    without a body skipped), the page and its tables; then each refusal leaves the page untouched."""
    folder = tmp_path / "in"
    folder.mkdir()
    for f in (SEED, *sorted(DEMO.glob("*.txt"))):
        shutil.copy(f, folder)
    (folder / "c.txt").write_text("WASHINGTON, March 3, 2015 -\n", encoding="utf-8")  # a dateline, no body
    out = tmp_path / "outputs" / "comparison"
    done = compare_cmd(folder, "--out", out, "-p", "n_key_terms", "2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Comparison: {out / 'index.html'}"
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Comparison of 4 statements" in page and "guatemala (15.8)" in page
    assert str(tmp_path) not in page and str(PROJECT_ROOT) not in page  # file names only, never local paths
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "ok" and manifest["parameters"]["n_key_terms"] == 2
    assert sorted(manifest["tables"]) == sorted(["headlines.csv", "statements.csv", "summary.csv", "percentiles.csv",
                                                 "keyness.csv",
                                                 "key_terms.csv", "theme_shares.csv", "peer_silences.csv", "tone_over_time.csv",
                                                 "skipped.csv"])
    headlines = pd.read_csv(out / "tables" / "headlines.csv", index_col=0)
    assert list(headlines["words"]) == [351, 164, 160, 165]
    assert pd.read_csv(out / "tables" / "skipped.csv").to_dict("records") == [
        {"file": "c.txt", "problem": "has no body text (only header, dateline or end matter)"}]

    before = (out / "index.html").read_bytes()
    for args, message in [((SEED,), "1 readable statement among the paths given: a comparison needs at least two"),
                          ((SEED, tmp_path / "missing.txt"), "missing.txt: no such file"),
                          ((SEED, DEMO, "-p", "n_terms", "3"), "unknown parameter 'n_terms'"),
                          # a statement's title and date are for `run`; a comparison takes a metadata.csv
                          ((SEED, DEMO, "-p", "title", "X"), "unknown parameter 'title'"),
                          ((SEED, DEMO, "-p", "date", "2026-03-01"), "unknown parameter 'date'"),
                          ((), "compare: give at least two statements"),
                          # a file without a body is refused when named, wherever it is named
                          ((folder, folder / "c.txt"), "c.txt: has no body text"),
                          ((folder / "c.txt", folder), "c.txt: has no body text"),
                          ((folder, "-p", "max_rows", "0"), "parameter 'max_rows': must be at least 1, not 0")]:
        bad = cli(["compare", *args, "--out", out], capsys)
        assert bad.returncode == 2 and message in bad.stderr, (args, bad.stderr)
    assert (out / "index.html").read_bytes() == before
    # the same statements, parameters and code again: the page is up to date, and nothing runs
    again = cli(["compare", folder, "--out", out, "-p", "n_key_terms", "2"], capsys)
    assert again.returncode == 0 and again.stdout.strip() == f"Comparison: {out.resolve() / 'index.html'}  (up to date)"
    assert "comparison up to date, not run again (--force runs it again)" in again.stderr
    assert (out / "index.html").read_bytes() == before and len(manifest["run_key"]) == 64
    (tmp_path / "afile").write_text("x")
    bad = cli(["compare", folder, "--out", tmp_path / "afile"], capsys)
    assert bad.returncode == 2 and bad.stderr.strip().endswith("afile: exists and is not a folder (--out)")


def test_compare_command_on_a_corpus_folder(tmp_path, corpus_folder, capsys):
    done = compare_cmd("--corpus", corpus_folder, "--out", tmp_path / "cmp", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "cmp" / "index.html").read_text(encoding="utf-8")
    assert "Comparison of the corpus in corpus" in page and str(corpus_folder) not in page
    assert pd.read_csv(tmp_path / "cmp" / "tables" / "headlines.csv")["words"].tolist() == [351, 164, 160, 165]
    bad = cli(["compare", "--corpus", tmp_path, "--out", tmp_path / "cmp2"], capsys)
    assert bad.returncode == 2 and "not a corpus folder" in bad.stderr


def test_a_file_named_and_found_in_its_folder_counts_once():
    c = contrast.build_collection([str(SEED.parent), str(SEED), str(DEMO)])
    assert len(c) == 4 and list(c.statements.index)[0] == SEED_LABEL
    assert "(2)" not in "".join(c.labels.values())


def test_a_collection_with_no_english_statement(tmp_path):
    folder = tmp_path / "es"
    folder.mkdir()
    spanish = (PROJECT_ROOT / "tests" / "fixtures" / "edge" / "spanish-pass.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(spanish, encoding="utf-8")
    (folder / "b.txt").write_text(spanish.replace("Honduras", "Guatemala"), encoding="utf-8")
    c = contrast.build_collection([str(folder)])
    assert c.themes[4] == "corruption and governance"  # from the lexicon, not rebuilt from a column name
    h = contrast.headline_table(c)
    assert h["fk_grade"].isna().all() and list(h["top_theme"]) == ["", ""]
    assert theme_share_figure(contrast.theme_matrix(c)).axes[0].get_title().endswith("(none looks like English)")
    k = contrast.keyness_table(c, top=None)
    assert k.empty
    assert contrast.key_terms_summary(c, k)["key_terms_g2"].tolist() == ["not read: not English"] * 2
    html = contrast.paged(h, 10)._repr_html_()
    assert "NaN" not in html and "&lt;NA&gt;" not in html  # a measure not computed is a blank cell


def test_compare_refuses_what_it_cannot_compare(tmp_path, capsys):
    dateline_only = tmp_path / "dateline.txt"
    dateline_only.write_text("Washington, DC - ", encoding="utf-8")
    bad = cli(["compare", SEED, DEMO, dateline_only, "--out", tmp_path / "cmp"], capsys)
    assert bad.returncode == 2 and bad.stderr.strip().endswith("dateline.txt: has no body text (only header, "
                                                                "dateline or end matter)")
    assert run_corpus([str(SEED)], tmp_path / "one", scheduler="synchronous", err=[].append).exit_code == 0
    one = cli(["compare", "--corpus", tmp_path / "one", "--out", tmp_path / "cmp"], capsys)
    assert one.returncode == 2 and "the corpus holds 1 statement: a comparison needs at least two" in one.stderr
    report = tmp_path / "report"
    report.mkdir()
    (report / "manifest.json").write_text('{"title": "a statement report"}', encoding="utf-8")
    taken = cli(["compare", SEED, DEMO, "--out", report], capsys)
    assert taken.returncode == 2 and "not an earlier comparison" in taken.stderr
    assert not (tmp_path / "cmp").exists()


def test_peer_silences_come_from_the_peers(tmp_path):
    """A theme most peers cover in substance, and one statement never touches, is what it leaves out."""
    folder = tmp_path / "peers"
    folder.mkdir()
    war = "Russian troops attacked the city. The war destroyed homes. Missiles hit the town."
    for k in range(3):
        (folder / f"war{k}.txt").write_text(f"{war} Statement {k}.", encoding="utf-8")
    (folder / "trade.txt").write_text("The two economies expanded trade and investment. Exports grew.", encoding="utf-8")
    c = contrast.build_collection([str(folder)])
    silent = contrast.peer_silences(c)
    label = {Path(key).stem: name for key, name in c.labels.items()}  # statements are named by their words
    assert label["trade"] == "The two economies expanded trade and investment."
    assert silent.loc[label["trade"], "peers"] == 3
    assert silent.loc[label["trade"], "expected_from_peers"] == "armed conflict and defense"
    assert silent.loc[label["trade"], "left_out"] == "armed conflict and defense"
    assert silent.loc[label["war0"], "left_out"] == ""  # its peers (two wars, one trade) expect what it covers
    two = contrast.build_collection([str(folder / "war0.txt"), str(folder / "trade.txt")])
    assert contrast.peer_silences(two).empty  # too few peers to expect anything


def _statement(folder: Path, name: str, body: str, title: str = "", date: str = "") -> Path:
    """A statement file of our own: header lines (genre, date, title) when given, then the body."""
    header = "".join(f"{line}\n" for line in ("Press Statement", date, "", title, "")) if title or date else ""
    path = folder / name
    path.write_text(header + body + "\n", encoding="utf-8")
    return path


def test_keyness_keeps_a_name_of_several_words_together(tmp_path):
    """Statements written for this test: El Salvador's words are one key term, never "el" and "salvador"."""
    folder = tmp_path / "names"
    folder.mkdir()
    _statement(folder, "salvador.txt", "Washington, DC - The United States and El Salvador met today in San Salvador. "
               "El Salvador presented its plan for safer schools. We thanked El Salvador for hosting the talks, and "
               "El Salvador agreed to report on the plan next year. Officials from El Salvador and the United Nations "
               "visited three schools.")
    _statement(folder, "panama.txt", "Washington, DC - The United States and Panama met today. Panama presented its "
               "plan for cleaner ports. We thanked Panama for hosting the talks, and both sides agreed to meet again. "
               "Officials from Panama visited two ports.")
    _statement(folder, "chile.txt", "Washington, DC - The United States welcomed the election in Chile. We look "
               "forward to working with the new government on trade, climate and education.")
    c = contrast.build_collection([str(folder)])
    terms = c.tables["term"]
    mine = terms[terms["key"].str.endswith("salvador.txt")].set_index("term")["count"]
    assert mine["El Salvador"] == 5 and mine["United States"] == 1 and mine["United Nations"] == 1
    assert not {"el", "salvador", "united", "states", "nations"} & set(terms["term"])
    k = contrast.keyness_table(c, top=None)
    salvador = k[k["statement"] == c.labels[str(folder / "salvador.txt")]]
    rest = int(terms.loc[~terms["key"].str.endswith("salvador.txt"), "count"].sum())
    assert salvador["term"].iloc[0] == "El Salvador" and (int(mine.sum()), rest) == (26, 33)
    # five of its 26 content terms, none of the 33 of the rest: G² = 2 × 5 ln(5 / E1), E1 = 26 × 5 / 59
    assert salvador["g2"].iloc[0] == pytest.approx(2 * 5 * math.log(59 / 26)) == pytest.approx(8.194, abs=5e-4)
    assert salvador["p"].iloc[0] == pytest.approx(math.erfc(math.sqrt(8.194 / 2)), abs=1e-5)  # 0.0042
    assert mine["San Salvador"] == 1  # the capital: a name of its own
    assert not {"el", "salvador"} & set(k["term"])
    assert "United States" not in set(k["term"])  # named once in every statement: not distinctive


def test_labels_are_title_and_date_unique_and_fall_back_to_the_file_name(tmp_path):
    folder = tmp_path / "labels"
    folder.mkdir()
    body = "Washington, DC - The United States and Honduras met today to discuss {}."
    long_title = "U.S.-Honduras Security Dialogue on Migration, Crime and Witness Protection"  # 74 characters
    _statement(folder, "a-dialogue.txt", body.format("security"), long_title, "June 9, 2016")
    _statement(folder, "b-notice.txt", body.format("trade"), "Notice of a Meeting", "June 10, 2016")
    _statement(folder, "c-notice.txt", body.format("energy"), "Notice of a Meeting", "June 10, 2016")
    _statement(folder, "d-untitled.txt", body.format("schools"))
    _statement(folder, "e-<b>aid.txt", body.format("aid"), "<script>alert(1)</script> $5 million and $6 "
               "million for Honduras", "June 11, 2016")
    c = contrast.build_collection([str(folder)])
    labels = list(c.statements.index)
    assert labels == [
        "U.S.-Honduras Security Dialogue on Migration, Crime… (2016-06-09)",  # cut at a word, not after "and"
        "Notice of a Meeting (2016-06-10) [b-notice]",  # alike: with their file names
        "Notice of a Meeting (2016-06-10) [c-notice]",
        "The United States and Honduras met today to discuss schools.",  # no title line: its opening words
        "<script>alert(1)</script> $5 million and $6 million… (2016-06-11)"]
    assert len(labels[0].split(" (")[0]) <= contrast.LABEL_TITLE
    assert c.labels == dict(zip(c.tables["statement"]["key"], labels))
    # the file name is shown once, in the table that says which statement is which
    listed = contrast.statement_list(c)
    assert "d-untitled" not in " ".join(labels)  # never the file slug when the statement has words
    assert list(listed["file"]) == ["a-dialogue.txt", "b-notice.txt", "c-notice.txt", "d-untitled.txt",
                                    "e-<b>aid.txt"]
    assert listed.loc[labels[0], "title"] == long_title and listed.loc[labels[1], "date"] == "2016-06-10"
    # labels from a statement's text are escaped wherever a page shows them
    for table in (contrast.headline_table(c), listed, contrast.key_terms_summary(c, contrast.keyness_table(c, top=None))):
        html = contrast.paged(table, 10)._repr_html_()
        assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<b>" not in html
    reading = contrast.collection_reading(c, contrast.headline_table(c))
    assert "<script>" not in reading._repr_html_()
    assert "demonstration" not in str(reading)  # statements of the user's: none is called an invention
    # on a figure: wrapped on two lines, the date kept
    figure = measure_figure(contrast.headline_table(c)["words"], "words", "words")
    figure.canvas.draw()
    ticks = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert "U.S.-Honduras Security Dialogue on\nMigration, Crime… (2016-06-09)" in ticks
    assert all(t.count("\n") <= 1 and max(map(len, t.split("\n"))) <= 36 for t in ticks)
    # a "$" drawn as itself: plain text, never a formula (nor a backslash before it)
    assert "<script>alert(1)</script> $5 million" + "\nand $6 million… (2016-06-11)" in ticks
    assert not any(t.get_parse_math() for t in figure.axes[0].get_yticklabels())
    assert axis_label("a" * 100) == "a" * 36 + "\n" + "a" * 35 + "…"
    # the same file name in two folders: numbered
    other = tmp_path / "other"
    other.mkdir()
    _statement(other, "d-untitled.txt", body.format("ports"))
    two = contrast.build_collection([str(folder / "d-untitled.txt"), str(other / "d-untitled.txt")])
    assert list(two.statements.index) == ["The United States and Honduras met today to discuss schools.",
                                          "The United States and Honduras met today to discuss ports."]


def test_a_corpus_folder_written_before_title_sources_were_recorded():
    """No ``title_source`` column: a title that is not the file name names the statement."""
    st = pd.DataFrame({"key": ["a.txt", "b.txt"], "file": ["a.txt", "b.txt"], "title": ["Talks on Trade", "b.txt"],
                       "date": ["2020-01-02", None]})
    assert list(contrast._labels(st).values()) == ["Talks on Trade (2020-01-02)", "b"]
    assert contrast.statement_label("Talks", "opening words", "2020-01-02", "2020-01-02-talks.txt") == "Talks (2020-01-02)"
    assert contrast.statement_label("2020-01-02-talks.txt", "file name", "2020-01-02", "2020-01-02-talks.txt") == \
        "2020-01-02-talks"
