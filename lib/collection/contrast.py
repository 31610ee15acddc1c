"""How do statements compare? A collection of statements, measured side by side.

A :class:`Collection` holds the tables of :mod:`readout.analyses.rows` for many statements: built
here by analysing files (:func:`build_collection`), or read from a folder the corpus engine wrote
(:func:`read_collection`), so the same functions serve two statements and twenty thousand. Each
measure is one function of the collection that returns a table:

- :func:`headline_table`: one row per statement with the headline measure of every analysis;
- :func:`summary_table`: the spread of each measure over the collection (quartiles);
- :func:`percentile_table`: where each statement stands in the collection on each measure;
- :func:`keyness_table` / :func:`key_terms_summary`: the terms most distinctive of each statement
  against the rest of the collection, by log-likelihood G²;
- :func:`theme_matrix`: each theme's share of each statement's words;
- :func:`tone_over_time`: tone of the dated statements in date order.

**Keyness** (Rayson & Garside 2000, "Comparing corpora using frequency profiling"; the form of the
UCREL log-likelihood calculator, WordSmith and AntConc). For a term with count *a* in the statement
(*c* content words) and *b* in the rest of the collection (*d* content words):
E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)), with 0 ln 0 = 0
(:mod:`readout.analyses.significance`), and its p-value P(χ²₁ ≥ G²) (:func:`~readout.analyses.significance.p_value`). A statement of 350 words has a
hundred or more terms to test, and at p < 0.05 some pass by chance, so only the terms the collection
uses at least :data:`MIN_KEY_COUNT` times are tested, and the p-values of one statement's tests are adjusted
for their number (Benjamini & Hochberg 1995): a term is key when its adjusted p-value, q, is at most
:data:`KEY_FDR` (a false discovery rate of 5%). The effect size is
Hardie's (2014) Log Ratio, log2((a/c)/(b/d)), each count given 0.5 when it is zero: +1 means twice as frequent here as in the rest. Counts are of content words
(stop words left out, case and plurals folded, as in the topics notebook); statements are treated
as bags of words, so a term repeated in one passage scores as if it were spread out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from readout.analyses.lexicons import Lexicons
from readout.analyses.readings import Reading
from readout.analyses.rows import LEVELS
from readout.analyses.significance import g2, p_value
from readout.analyses.topics.themes import SUBSTANCE_SHARE, theme_column
from readout.errors import UsageError
from readout.report.display import TableView
from readout.run.inputs import read_statements, statement_files
from readout.text.stopwords import stopwords

from .corpus import analyse_batch, frames_from_rows, read_corpus

__all__ = ["Collection", "make_collection", "build_collection", "read_collection", "headline_table",
           "summary_table", "percentile_table", "PERCENTILE_MEASURES", "keyness_table", "keyness_tests", "terms_tested", "key_terms_summary",
           "benjamini_hochberg", "MIN_KEY_COUNT", "KEY_FDR",
           "theme_matrix", "peer_silences", "PEER_SHARE", "MIN_PEERS", "tone_over_time", "collection_reading", "collection_provenance", "statement_list",
           "skipped_table", "percentile", "log_likelihood", "log_ratio", "Paged", "paged",
           "statement_label", "short_title", "LABEL_TITLE"]

#: Longest title kept whole in a label; a longer one is cut at a word boundary, with "…".
LABEL_TITLE = 60


def short_title(title: str, limit: int = LABEL_TITLE) -> str:
    """``title`` on one line, cut at a word boundary to at most ``limit`` characters with "…" (before a
    bracket opened and not closed, when that keeps at least half: "Talks in Guatemala (demonstration
    text, not a…" is "Talks in Guatemala…"), never after a function word ("Cooperation on…" is
    "Cooperation…"); a single word too long is cut where it must be."""
    title = " ".join(str(title).split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if title[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    opened = max(cut.rfind("("), cut.rfind("["))
    if opened > max(cut.rfind(")"), cut.rfind("]")) and opened >= limit // 2:
        cut = cut[:opened]
    cut = cut.rstrip(" ,;:.–—-(/[")
    words = cut.split(" ")
    while len(words) > 1 and words[-1].lower() in stopwords():  # "Cooperation on…" is "Cooperation…"
        words.pop()
    return " ".join(words).rstrip(" ,;:.–—-(/[") + "…"


def statement_label(title: str | None, title_source: str | None, date: str | None, file: str) -> str:
    """A statement's label for tables and figures: its title (given, or its title line: cut by
    :func:`short_title`) and its date in ISO form, "On Recent Developments in Guatemala… (2017-09-03)". A
    statement without a title is named by its opening words, as its pages are ("The United States strongly condemns the…"); only a
    statement with no words to show (its title is its file name) is named by its file name without the
    ending, with the date when the name does not already hold it. ``title_source`` missing (a corpus
    folder written before it was recorded): a title that is not the file name counts as one."""
    stem = Path(file).stem
    has_title = bool(title and str(title).strip()) and (
        title_source in ("given", "header", "opening words") if isinstance(title_source, str) and title_source
        else str(title) != Path(file).name)
    label = short_title(title) if has_title else stem
    date = "" if date is None or pd.isna(date) else str(date)
    return f"{label} ({date})" if date and date not in label else label


def _labels(statements: pd.DataFrame) -> dict[str, str]:
    """Each key's label (:func:`statement_label`), unique: statements that share a label get their
    file name in brackets, "Joint Statement (2021-06-01) [june-a]"; any still alike (the same file
    name in two folders) " (2)", " (3)" in input order."""
    def column(name: str) -> list[Any]:
        return list(statements[name]) if name in statements.columns else [None] * len(statements)

    keys, files = list(statements["key"]), list(statements["file"])
    base = [statement_label(t, s, d, f)
            for t, s, d, f in zip(column("title"), column("title_source"), column("date"), files)]
    shared = {b for b in base if base.count(b) > 1}
    base = [f"{b} [{Path(f).stem}]" if b in shared and Path(f).stem not in b else b for b, f in zip(base, files)]
    labels: dict[str, str] = {}
    used: set[str] = set()
    for key, label in zip(keys, base):
        n, first = 2, label
        while label in used:
            label, n = f"{first} ({n})", n + 1
        used.add(label)
        labels[key] = label
    return labels


@dataclass(frozen=True)
class Collection:
    """Statements measured alike: the statement, sentence, actor, theme and term tables of
    :mod:`readout.analyses.rows`, each with a ``key`` column naming the statement's file as given.

    ``themes`` are the theme lexicon's names in its order; ``skipped`` lists the files that could not
    be read, one line each; ``labels`` maps each key to a short label for tables and figures (title
    and date, else the file name: :func:`statement_label`, made unique); ``statements`` is the
    statement table indexed by label.
    """

    tables: dict[str, pd.DataFrame]
    themes: tuple[str, ...]
    skipped: tuple[str, ...]
    labels: dict[str, str]
    statements: pd.DataFrame

    def __len__(self) -> int:
        return len(self.statements)


def make_collection(tables: dict[str, pd.DataFrame], themes: tuple[str, ...] | list[str],
                    skipped: tuple[str, ...] | list[str] = ()) -> Collection:
    """A collection from the tables (as :func:`readout.collection.corpus.read_corpus` gives them) and the
    theme lexicon's names in order; the labels and the labelled statement table are made once."""
    st = tables["statement"]
    labels = _labels(st)
    statements = st.copy()
    statements.index = pd.Index([labels[k] for k in st["key"]], name="statement")
    return Collection({level: tables[level] for level in LEVELS}, tuple(themes), tuple(skipped), labels, statements)


def build_collection(paths: list[str] | str, parameters: dict[str, Any] | None = None) -> Collection:
    """Analyse the statements named by ``paths`` (files, folders of ``.txt`` files, quoted patterns)
    in this process. ``parameters``: the data-file parameters of :meth:`Lexicons.load`.

    A file named directly that cannot be read raises :class:`~readout.run.inputs.Refused` (a
    :class:`~readout.errors.UsageError`); one found in a folder is skipped and listed in ``skipped``
    (:mod:`readout.run.inputs`). A file reached twice (named, and in its
    folder) counts once. Fewer than two readable statements raises :class:`~readout.errors.UsageError`:
    there is nothing to compare.
    """
    lexicons = Lexicons.load(parameters)
    skipped: list[str] = []
    statements = read_statements(statement_files([paths] if isinstance(paths, str) else list(paths)),
                                 lexicons.actors, skipped)
    rows, failed = analyse_batch([(s.path, s, s.given) for s in statements], lexicons)
    skipped += failed
    tables = frames_from_rows(rows, lexicons)
    if len(tables["statement"]) < 2:
        raise UsageError(f"{len(tables['statement'])} readable statement{'s' if len(tables['statement']) != 1 else ''}"
                         " among the files given: a comparison needs at least two")
    return make_collection(tables, lexicons.themes.themes, skipped)


def read_collection(folder: str | Path) -> Collection:
    """A collection from a folder written by ``python -m readout corpus``."""
    data = read_corpus(folder)
    columns = [c for c in data["statement"].columns if c.startswith("theme_")]
    themes = data["manifest"].get("themes") or [c.removeprefix("theme_").replace("_", " ") for c in columns]
    return make_collection({level: data[level] for level in LEVELS}, themes, data["manifest"].get("skipped", []))


# ---- one row per statement ------------------------------------------------------------------------

def headline_table(collection: Collection) -> pd.DataFrame:
    """One row per statement (input order), the headline of each analysis:

    date (ISO, blank if undated), words, sentences, Flesch-Kincaid grade, diplomatic tone (-1 to +1),
    VADER and TextBlob polarity (leak-free, -1 to +1), the theme with the largest share of words and
    that share (0-1), themes present (of the lexicon's), commitments and how many firm, actions, and
    the most active agent with its share of the actions (0-1; near 1: one actor does everything).
    """
    st = collection.statements
    shares = st[[theme_column(t) for t in collection.themes]]
    shares.columns = list(collection.themes)
    has_theme = shares.fillna(0).max(axis=1) > 0
    top_theme = shares.fillna(0).idxmax(axis=1).where(has_theme, "")
    table = pd.DataFrame({
        "date": st["date"].fillna(""),
        "words": st["words"],
        "sentences": st["sentences"],
        "fk_grade": st["fk_grade"],
        "tone_score": st["tone_score"],
        "tone_label": st["tone_label"].fillna(""),
        "most_pressed": st["most_pressed"].fillna(""),
        "most_praised": st["most_praised"].fillna(""),
        "vader": st["vader"],
        "textblob": st["textblob_polarity"],
        "top_theme": top_theme,
        "top_theme_share": shares.fillna(0).max(axis=1).where(has_theme),
        "themes_present": st["themes_present"],
        "commitments": st["commitments"],
        "firm_commitments": st["firm_commitments"],
        "actions": st["actions"],
        "top_agent": st["top_agent"].fillna(""),
        "top_agent_share": st["top_agent_share"],
    }, index=st.index)
    return table


#: The measures (statement-table fields) placed in the collection by :func:`percentile_table`.
PERCENTILE_MEASURES = ("words", "words_per_sentence", "fk_grade", "tone_score", "vader", "textblob_polarity",
                       "textblob_subjectivity", "themes_present", "commitments", "actions", "top_agent_share")


def percentile(values: pd.Series) -> pd.Series:
    """Each value's percentile in its series, 0-100: the share of the *other* values below it, ties
    counting half: 100 × (below + ½ × equal others) / (n − 1). The lowest gets 0, the highest 100,
    the middle of an odd-sized set 50. Missing values stay missing; fewer than two values give none."""
    v = values.astype("float64")
    known = v.dropna()
    n = len(known)
    out = pd.Series(np.nan, index=values.index, dtype="float64")
    if n < 2:
        return out
    arr = np.sort(known.to_numpy())
    below = np.searchsorted(arr, known.to_numpy(), side="left")
    equal = np.searchsorted(arr, known.to_numpy(), side="right") - below - 1
    out[known.index] = 100.0 * (below + 0.5 * equal) / (n - 1)
    return out


def percentile_table(collection: Collection) -> pd.DataFrame:
    """Statement × measure: each statement's percentile (0-100) in the collection (see :func:`percentile`).
    50 is the collection's middle; 0 and 100 are its lowest and highest. A statement where a measure
    is not computed (not English) is blank and not counted."""
    st = collection.statements.reset_index(drop=True)
    table = pd.DataFrame({col: percentile(st[col]) for col in PERCENTILE_MEASURES})
    table.index = collection.statements.index
    return table


def summary_table(collection: Collection) -> pd.DataFrame:
    """Measure × statistic: how many statements have the measure, and its minimum, quartiles, median
    and maximum over them: the collection in one small table, however many statements it holds."""
    st = collection.statements
    rows = []
    for col in PERCENTILE_MEASURES:
        v = st[col].astype("float64").dropna()
        if v.empty:
            rows.append((col, 0) + (np.nan,) * 5)
            continue
        q = v.quantile([0.0, 0.25, 0.5, 0.75, 1.0]).to_numpy()
        rows.append((col, len(v), *q))
    return pd.DataFrame(rows, columns=["measure", "statements", "min", "percentile_25", "median",
                                       "percentile_75", "max"]).set_index("measure")


# ---- keyness ----------------------------------------------------------------------------------------

def log_likelihood(a: Any, b: Any, c: Any, d: Any) -> Any:
    """G² of a term seen ``a`` times in a text of ``c`` words and ``b`` times in a reference of ``d``
    words (Rayson & Garside 2000; see the module). Works on numbers or numpy arrays; 0 or more."""
    a, b, c, d = (np.asarray(x, dtype="float64") for x in (a, b, c, d))
    return g2((a, c * (a + b) / (c + d)), (b, d * (a + b) / (c + d)))


def log_ratio(a: Any, b: Any, c: Any, d: Any) -> Any:
    """Hardie's Log Ratio, log2((a/c)/(b/d)), with a zero count taken as 0.5: the binary log of how
    many times more frequent the term is in the text than in the reference (+1: twice, −1: half)."""
    a, b, c, d = (np.asarray(x, dtype="float64") for x in (a, b, c, d))
    r = np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))
    return float(r) if r.ndim == 0 else r


#: Keyness tests only the terms the collection uses at least this often, all statements together: a word
#: seen once or twice in all can reach G² ≥ 3.84 in the statement that has it, and says little. (The
#: count is the collection's, not the statement's: choosing terms by their count in the statement would
#: choose them by the very difference the test measures.)
MIN_KEY_COUNT = 3
#: The false discovery rate the key terms of each statement are held to (Benjamini–Hochberg).
KEY_FDR = 0.05


def keyness_table(collection: Collection, top: int | None = 10, min_count: int = MIN_KEY_COUNT,
                  fdr: float = KEY_FDR) -> pd.DataFrame:
    """The terms more frequent in each statement than in the rest of the collection, by G², with the
    number of terms tested controlled for.

    The terms the whole collection uses at least ``min_count`` times are tested for each statement
    (see :data:`MIN_KEY_COUNT`); each test's p-value is P(χ²₁ ≥ G²), and the p-values of one statement's
    tests (every such term, those it does not use counted with p = 1) are adjusted for their number by
    Benjamini–Hochberg (``q``: the smallest false discovery rate at which the term would be reported). One row per (statement, term) with q ≤ ``fdr`` and Log
    Ratio > 0 (used more here), strongest first, at most ``top`` per statement (``None``: all).
    Columns: count here, per 1,000 content words here and in the rest, G², p, q, Log Ratio, and how
    many terms the statement had tested. Empty for a statement whose words are all shared; with one
    statement there is no rest, so no keyness. Statements that are not English have no term rows:
    they are neither scored nor part of the rest.
    """
    cols = ["statement", "term", "count", "per_1000_here", "per_1000_rest", "g2", "p", "q", "log_ratio",
            "terms_tested"]
    tested = keyness_tests(collection, min_count)
    if tested.empty:
        return pd.DataFrame(columns=cols)
    table = tested[(tested["q"] <= fdr) & (tested["log_ratio"] > 0)]
    order = {k: i for i, k in enumerate(collection.tables["statement"]["key"])}
    table = table.assign(_order=table["key"].map(order)).sort_values(
        ["_order", "g2", "term"], ascending=[True, False, True], kind="stable")
    if top is not None:
        table = table.groupby("key", sort=False).head(top)
    table.insert(0, "statement", table.pop("key").map(collection.labels))
    return table[cols].reset_index(drop=True)


def keyness_tests(collection: Collection, min_count: int = MIN_KEY_COUNT) -> pd.DataFrame:
    """Every test keyness makes of a term the statement uses: one row per (statement key, term) whose
    count in the whole collection is at least ``min_count``, with its count here, per 1,000 here and in
    the rest, G², p, q (Benjamini–Hochberg over the statement's tests, which are every term of the
    collection with that count; a term the statement does not use counts with p = 1), Log Ratio and
    the number of tests. Empty with fewer than two statements, or no rest."""
    cols = ["key", "term", "count", "per_1000_here", "per_1000_rest", "g2", "p", "q", "log_ratio", "terms_tested"]
    terms = collection.tables["term"]
    if len(collection) < 2 or terms.empty:
        return pd.DataFrame(columns=cols)
    a = terms["count"].to_numpy(dtype="float64")
    c = terms.groupby("key", sort=False)["count"].transform("sum").to_numpy(dtype="float64")
    grand = float(terms["count"].sum())
    b = terms.groupby("term", sort=False)["count"].transform("sum").to_numpy(dtype="float64") - a
    d = grand - c
    keep = (a + b >= min_count) & (d > 0)
    family = terms_tested(collection, min_count)
    a, b, c, d = a[keep], b[keep], c[keep], d[keep]
    scores = log_likelihood(a, b, c, d)
    table = pd.DataFrame({
        "key": terms["key"].to_numpy()[keep], "term": terms["term"].to_numpy()[keep],
        "count": terms["count"].to_numpy()[keep], "per_1000_here": 1000 * a / c, "per_1000_rest": 1000 * b / d,
        "g2": scores, "p": p_value(scores), "log_ratio": log_ratio(a, b, c, d)})
    if table.empty:
        return pd.DataFrame(columns=cols)
    groups = table.groupby("key", sort=False)
    table["terms_tested"] = family
    table["q"] = groups["p"].transform(lambda p: benjamini_hochberg(p, family))
    return table[cols]


def terms_tested(collection: Collection, min_count: int = MIN_KEY_COUNT) -> int:
    """How many tests keyness makes of each statement: the terms the whole collection uses at least
    ``min_count`` times (0 with no terms)."""
    terms = collection.tables["term"]
    return int((terms.groupby("term", sort=False)["count"].sum() >= min_count).sum()) if len(terms) else 0


def benjamini_hochberg(p: pd.Series, m: int | None = None) -> pd.Series:
    """Benjamini–Hochberg adjusted p-values (q) of one family of ``m`` tests (default: as many as ``p``
    holds; more when the others are known to have p = 1, which rank last and change nothing but m): q
    of the i-th smallest p-value is the least of p(j)·m/j over j ≥ i, at most 1. A test with q ≤ 0.05 is
    reported at a false discovery rate of 5%."""
    m = max(len(p), m or 0)
    order = np.argsort(p.to_numpy(), kind="stable")
    ranked = p.to_numpy()[order] * m / np.arange(1, len(p) + 1)
    adjusted = np.minimum(np.minimum.accumulate(ranked[::-1])[::-1], 1.0)
    out = np.empty(len(p))
    out[order] = adjusted
    return pd.Series(out, index=p.index)


def key_terms_summary(collection: Collection, keyness: pd.DataFrame, per_statement: int = 5,
                      min_count: int = MIN_KEY_COUNT, fdr: float = KEY_FDR) -> pd.DataFrame:
    """One row per statement: its most distinctive terms with their G², strongest first; how many are
    key at the false discovery rate ``fdr`` (give :func:`keyness_table`'s result with ``top=None`` so that
    the count is complete); and how many terms it had tested (those used at least ``min_count``
    times in the collection). A statement that is not English has no terms read."""
    rows = []
    n = terms_tested(collection, min_count)
    groups = dict(tuple(keyness.groupby("statement", sort=False))) if len(keyness) else {}
    not_english = set(collection.statements.index[collection.statements["english"].eq(False).fillna(False)])
    n_english = len(collection) - len(not_english)
    for label in collection.statements.index:
        mine = groups.get(label)
        if label in not_english:
            rows.append((label, "not read: not English", 0, 0))
        elif n_english < 2:
            rows.append((label, "no other English statement to compare with", 0, 0))
        elif mine is None or mine.empty:
            rows.append((label, f"none at a false discovery rate of {fdr:.0%}" if n else
                         f"no term used {min_count} times or more in the collection", 0, n))
        else:
            shown = ", ".join(f"{t} ({g:.1f})" for t, g in zip(mine["term"][:per_statement],
                                                              mine["g2"][:per_statement]))
            rows.append((label, shown, len(mine), n))
    return pd.DataFrame(rows, columns=["statement", "key_terms_g2", "key_terms", "terms_tested"]).set_index("statement")


# ---- themes and time ----------------------------------------------------------------------------------

def theme_matrix(collection: Collection) -> pd.DataFrame:
    """Statement × theme: the theme's share of the statement's words (0-1; each statement's row adds
    up to the share of its words in some theme). Blank for a statement not read (not English)."""
    st = collection.statements
    table = st[[theme_column(t) for t in collection.themes]].copy()
    table.columns = list(collection.themes)
    return table


#: A theme is expected of a statement when more than this share of its peers cover it in substance...
PEER_SHARE = 0.5
#: ... and it has at least this many peers.
MIN_PEERS = 3


def peer_silences(collection: Collection, share: float = PEER_SHARE) -> pd.DataFrame:
    """What each statement leaves out against its peers: the themes that more than ``share`` of the *other*
    statements of the collection cover in substance (a share of their words of at least
    :data:`~readout.analyses.topics.themes.SUBSTANCE_SHARE`), and this one never touches. One row per
    statement read (English), with how many peers it has; empty with fewer than :data:`MIN_PEERS` peers."""
    matrix = theme_matrix(collection).dropna(how="all")
    rows = []
    if len(matrix) - 1 >= MIN_PEERS:
        substance = matrix.fillna(0) >= SUBSTANCE_SHARE
        for name in matrix.index:
            others = substance.drop(index=name)
            expected = [t for t in matrix.columns if others[t].mean() > share]
            missing = [t for t in expected if not matrix.loc[name, t] > 0]
            rows.append((name, len(others), "; ".join(expected), "; ".join(missing)))
    return pd.DataFrame(rows, columns=["statement", "peers", "expected_from_peers", "left_out"]).set_index("statement")


def tone_over_time(collection: Collection) -> pd.DataFrame:
    """The dated statements in date order (ties in input order): date, where it was read, diplomatic
    tone, VADER and TextBlob polarity (-1 to +1). Undated statements are left out."""
    st = collection.statements
    dated = st[st["date"].notna()].copy()
    dated["_date"] = pd.to_datetime(dated["date"])
    dated = dated.sort_values("_date", kind="stable")
    return pd.DataFrame({"date": dated["_date"].dt.date, "date_source": dated["date_source"],
                         "tone_score": dated["tone_score"], "vader": dated["vader"],
                         "textblob": dated["textblob_polarity"]}, index=dated.index)


def collection_reading(collection: Collection, headlines: pd.DataFrame) -> Reading:
    """The collection in plain words: size, how many of its statements are demonstration texts (titled
    "demonstration text, not a real statement", as ``seeds/demo/``'s are), dated share, and the
    statements at the ends of the diplomatic tone and of length."""
    n = len(collection)
    words = headlines["words"]
    parts = [f"{n:,} statements, {int(words.sum()):,} words of body text "
             f"(from {int(words.min()):,} to {int(words.max()):,} words a statement)."]
    dated = int((headlines["date"] != "").sum())
    parts.append(f"{dated} of them carry a date." if dated else "None carries a date, so there is no time line.")
    demo = int(collection.statements["title"].fillna("").str.contains(DEMONSTRATION, regex=False).sum())
    if demo == 1:
        parts.append("One is a demonstration text written for this project, not a real statement: no finding "
                     "about it is a finding about the world.")
    elif demo:
        parts.append(f"{'All' if demo == n else f'{demo:,}'} are demonstration texts written for this project, "
                     "not real statements: no finding about them is a finding about the world.")
    tone = headlines["tone_score"].dropna()
    if len(tone) >= 2 and tone.max() > tone.min():
        def who(value: float) -> str:
            names = list(tone.index[tone == value])
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3:,} more" if len(names) > 3 else "")
            return f"is {shown}" if len(names) == 1 else f"are {len(names):,} statements ({shown})"

        low = "most pressing" if tone.min() < 0 else "least cooperative"
        parts.append(f"By diplomatic tone, the most cooperative {who(tone.max())}, at {tone.max():+.2f}; the "
                     f"{low} {who(tone.min())}, at {tone.min():+.2f}.")
    elif len(tone) >= 2:
        parts.append(f"Every statement read has the same diplomatic tone ({tone.iloc[0]:+.2f}).")
    if collection.skipped:
        parts.append(f"{len(collection.skipped)} file{'s' if len(collection.skipped) != 1 else ''} could not be "
                     "read and are left out (listed below).")
    return Reading(" ".join(parts))


#: The words that title the demonstration statements of ``seeds/demo/`` (invented for this project).
DEMONSTRATION = "demonstration text, not a real statement"


# ---- long tables ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Paged:
    """A table shown to at most ``max_rows`` rows, with a line saying how many more there are and where
    the whole table is (``saved_as``: its CSV name in the report's tables/ folder; "" if not saved);
    ``table`` is the whole table."""

    table: pd.DataFrame
    max_rows: int
    saved_as: str = ""
    digits: int | None = None  # decimals of every number shown (None: each field's own)

    def _repr_html_(self) -> str:
        import html

        # in the reader's language, as every page shows a table: labels, blanks, no row numbers
        shown = TableView(self.table.head(self.max_rows), rows=None, places=self.digits)._repr_html_()
        if len(self.table) <= self.max_rows:
            return shown
        where = (f"; the whole table is saved as tables/{html.escape(self.saved_as)}.csv" if self.saved_as
                 else "; set output_dir (report runs do) to save the whole table as CSV")
        return (shown + f'<p class="readout-reading">Showing the first {self.max_rows:,} of '
                        f"{len(self.table):,} rows{where}.</p>")

    def __repr__(self) -> str:
        more = len(self.table) - self.max_rows
        shown = TableView(self.table.head(self.max_rows), rows=None, places=self.digits)
        return repr(shown) + (f"\n… {more:,} more rows" if more > 0 else "")


def paged(table: pd.DataFrame, max_rows: int, name: str = "", output_dir: str = "", digits: int | None = None) -> Paged:
    """``table`` to be shown (labelled, rounded: :func:`readout.report.display.readable`) to at most
    ``max_rows`` rows, the rest summarised in one line that points to ``tables/<name>.csv`` when
    ``output_dir`` is set (the notebook saves the table there)."""
    if max_rows < 1:
        raise UsageError(f"max_rows must be at least 1, not {max_rows}")
    return Paged(table, max_rows, name if str(output_dir).strip() else "", digits)


def collection_provenance(collection: Collection, parameters: dict[str, Any]) -> pd.DataFrame:
    """Parameters and versions as a two-column table (item, value), paths shown by file name only."""
    from readout.report.provenance import package_versions, shown_value

    rows = [("statements compared", f"{len(collection):,}"),
            ("files skipped", f"{len(collection.skipped):,}")]
    rows += [(f"parameter: {k}", ", ".join(shown_value(x) for x in v) if isinstance(v, list) else shown_value(v))
             for k, v in parameters.items()]
    rows += [(f"version: {k}", v) for k, v in package_versions(["pandas", "matplotlib", "textblob"]).items()]
    return pd.DataFrame(rows, columns=["item", "value"]).set_index("item")


def skipped_table(collection: Collection) -> pd.DataFrame:
    """The files that could not be read: file name (never the full path) and the problem."""
    rows = [line.split(": ", 1) if ": " in line else [line, ""] for line in collection.skipped]
    return pd.DataFrame([(Path(f).name, problem) for f, problem in rows], columns=["file", "problem"])


def statement_list(collection: Collection) -> pd.DataFrame:
    """Which statement is which: label, file name, title, date and sha256 of the file's bytes."""
    st = collection.statements
    return pd.DataFrame({"file": st["file"], "title": st["title"], "date": st["date"].fillna(""),
                         "sha256": st["sha256"]}, index=st.index)
