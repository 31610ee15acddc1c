"""The corpus engine: rows per level, Parquet tables, bad input, and a real Dask cluster giving the same results."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from conftest import FIXTURES, PYTHON, SEED

from readout import parse_statement
from readout.analyses.lexicons import Lexicons
from readout.analyses.rows import LEVELS, analyse
from readout.analyses.topics.themes import theme_column
from readout.collection.corpus import MANIFEST, read_corpus, run_corpus
from readout.paths import PROJECT_ROOT
from readout.text.dates import parse_date, statement_date

DEMO = PROJECT_ROOT / "seeds" / "demo"
EDGE = FIXTURES / "edge"


@pytest.fixture(scope="module")
def lexicons():
    return Lexicons.load()


def quiet(lines: list[str]):
    return lines.append


# ---- one statement's rows ---------------------------------------------------------------------------

def test_seed_rows_at_every_level(seed, lexicons):
    rows = analyse(seed, lexicons, "seed")
    cols = [c for c, _ in __import__("readout.analyses.rows", fromlist=["COLUMNS"]).COLUMNS["statement"]]
    st = dict(zip(cols + [theme_column(t) for t in lexicons.themes.themes], rows.tables["statement"][0]))
    assert (st["paragraphs"], st["sentences"], st["words"]) == (3, 12, 351)
    assert st["english"] is True and st["date"] is None
    assert st["fk_grade"] == pytest.approx(19.6864, abs=5e-5) and st["reading_ease"] == pytest.approx(6.018, abs=5e-4)
    assert st["tone_score"] == pytest.approx(0.5) and st["vader"] == pytest.approx(0.62263, abs=5e-6)
    assert (st["tone_label"], st["most_praised"]) == ("positive", "Honduras")
    assert st["textblob_polarity"] == pytest.approx(0.26, abs=5e-4)
    # the actor layer from the events (tests/analyses/actors/test_credit.py): 14 events, 3 with no actor
    assert (st["commitments"], st["firm_commitments"], st["negated_commitments"]) == (4, 1, 0)
    assert (st["actions"], st["unattributed_events"], st["top_agent"]) == (14, 3 / 14, "Both sides")
    assert st["top_agent_share"] == 8 / 11  # the two acting together: 8 of the 11 events with an actor
    assert st["themes_present"] == 8 and st["themes_expected"] == 0 and st["silences"] == ""
    assert st["top_themes"] == "crime_and_narcotics; diplomacy_and_cooperation; trade_and_investment"
    assert st["themes_in_substance"] == "crime_and_narcotics; diplomacy_and_cooperation"
    assert st["themed_sentence_share"] == 1.0
    assert st["theme_crime_and_narcotics"] == pytest.approx(0.31481, abs=5e-6) and st["theme_democracy_and_elections"] == 0.0
    assert st["dateline"] == "Washington, DC" and st["key_terms"] == "crime; human; security; migrant; rights"
    # United States → Honduras, and each party → "Both sides" (a misread recipient, test_credit.py's EXTRA)
    assert st["credit_edges"] == 3 and st["pressure_edges"] == 0
    assert (st["speaker"], st["speaker_rule"]) == ("United States", "dateline")
    assert 0 < st["names_recognised"] <= 1
    sentences = rows.tables["sentence"]
    assert [s[1] for s in sentences][:3] == ["p1s1", "p1s2", "p2s1"] and len(sentences) == 12
    assert sentences[0][4:7] == (17, 150, 19)  # offsets into the text, and words
    assert seed.text[17:150].startswith("The United States and Honduras have built")
    actor_cols = [c for c, _ in __import__("readout.analyses.rows", fromlist=["COLUMNS"]).COLUMNS["actor"]]
    actors = {a[1]: dict(zip(actor_cols, a)) for a in rows.tables["actor"]}
    honduras = actors["Honduras"]
    assert (honduras["kind"], honduras["country"]) == ("country", None)
    assert honduras["sentences"] == 9  # sentences naming it ("Honduran" too)
    assert (honduras["as_agent"], honduras["credit_received"], honduras["commitments"]) == (9, 2, 3)
    assert actors["United States"]["credit_given"] == 4
    assert actors["Transparency International"]["kind"] == "organization"
    themes = {t[1]: t for t in rows.tables["theme"]}
    assert len(themes) == 17 and themes["crime and narcotics"][2:5] == (2, "p1s2", 6) and themes["crime and narcotics"][5] == 0.5
    assert themes["crime and narcotics"][6] == pytest.approx(0.31481, abs=5e-6) and themes["crime and narcotics"][7] == 20
    assert themes["democracy and elections"][2] is None
    assert rows.tables["term"][0] == ("seed", "honduras", 8)
    events = rows.records("event")
    assert [c for c, _ in __import__("readout.analyses.rows", fromlist=["COLUMNS"]).COLUMNS["event"]] == [
        "key", "file", "sentence", "text", "actor", "actor_kind", "actor_country", "event", "quad", "recipient",
        "recipient_country", "mode", "commitment", "cue", "rule", "actor_words", "recipient_words"]
    congratulated = next(e for e in events if e["cue"] == "congratulated")
    assert {k: congratulated[k] for k in ("key", "file", "sentence", "actor", "actor_kind", "actor_country", "event",
                                          "quad", "recipient", "recipient_country", "mode", "commitment", "rule")} == {
        "key": "seed", "file": "000_1844251938b000cf.txt", "sentence": "p2s5", "actor": "United States",
        "actor_kind": "country", "actor_country": "United States", "event": "SUPPORT", "quad": "verbal cooperation",
        "recipient": "Honduras", "recipient_country": "Honduras", "mode": "done", "commitment": "",
        "rule": "the verb's subject"}
    assert congratulated["text"].startswith("The United States also congratulated Honduras on its historic agreement")
    assert len(events) == 14 and sum(1 for e in events if not e["actor"]) == 3
    assert rows.records("edge")[-1] == {"key": "seed", "from_actor": "United States", "to_actor": "Honduras",
                                        "kind": "credit", "events": 2,
                                        "sentences": "p2s5 (congratulated); p3s1 (can support)"}
    assert [(c["sentence"], c["actor"], c["strength"], c["negated"]) for c in rows.records("commitment")] == [
        ("p1s2", "Both sides", "soft", False), ("p2s6", "Honduras", "firm", False),
        ("p3s1", "United States", "soft", False), ("p3s1", "Both sides", "soft", False)]


def test_non_english_statement_leaves_english_measures_empty(lexicons):
    spanish = parse_statement((EDGE / "spanish-pass.txt").read_text(encoding="utf-8"), "es.txt")
    st = analyse(spanish, lexicons).statement
    assert st["english"] is False
    assert (st["paragraphs"], st["sentences"], st["words"]) == (2, 3, 63)  # structure is still counted
    assert all(st[f] is None for f in ("fk_grade", "reading_ease", "tone_score", "tone_label", "vader",
                                      "textblob_polarity", "top_themes"))  # readability, tone, sentiment, themes
    assert analyse(spanish, lexicons).tables["theme"] == []
    assert st["actions"] is None and st["commitments"] is None and st["unattributed_events"] is None  # no parse
    assert all(analyse(spanish, lexicons).tables[level] == [] for level in ("event", "edge", "commitment"))


@pytest.mark.parametrize("text, expected", [
    ("March 3, 2015", dt.date(2015, 3, 3)), ("Tuesday, Sept. 8th, 2015", dt.date(2015, 9, 8)),
    ("3 March 2015", dt.date(2015, 3, 3)), ("2015-03-03-readout", dt.date(2015, 3, 3)),
    ("20150303_readout", dt.date(2015, 3, 3)), ("March 3", None), ("2015-13-45", None),
    ("000_1844251938b000cf", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_statement_date_sources():
    header = parse_statement("Media Note\nMarch 5, 2025\n\nThe two sides met today. They agreed.", "x.txt")
    assert statement_date(header) == (dt.date(2025, 3, 5), "header")
    dateline = parse_statement("WASHINGTON, March 4, 2019 - The two sides met today.", "x.txt")
    assert statement_date(dateline) == (dt.date(2019, 3, 4), "dateline")
    named = parse_statement("The two sides met today.", "2014-07-01-meeting.txt")
    assert statement_date(named) == (dt.date(2014, 7, 1), "file name")
    assert statement_date(parse_statement("WASHINGTON, March 4 - The sides met.", "x.txt")) is None


# ---- the command ------------------------------------------------------------------------------------

def test_corpus_tables_seed_demo_and_edge(tmp_path):
    lines: list[str] = []
    out = tmp_path / "corpus"
    run = run_corpus([str(SEED.parent), str(DEMO), str(EDGE)], out, scheduler="synchronous", err=lines.append)
    assert run.exit_code == 0, lines
    assert run.statements == 8 and run.skipped == []
    tables = read_corpus(out)
    st = tables["statement"].set_index("file")
    assert list(st.index[:4]) == ["000_1844251938b000cf.txt", "demo-2016-06-honduras-dialogue.txt",
                                  "demo-2017-09-guatemala-concern.txt", "demo-2018-03-el-salvador-migration.txt"]
    assert st.loc["demo-2017-09-guatemala-concern.txt", "date"] == "2017-09-03"
    assert st.loc["demo-2017-09-guatemala-concern.txt", "tone_score"] < 0  # written to be critical
    assert st.loc["demo-2017-09-guatemala-concern.txt", "tone_label"] == "negative"
    assert st.loc["demo-2016-06-honduras-dialogue.txt", "tone_score"] > 0
    assert st.loc["spanish-pass.txt", "english"] == False  # noqa: E712  (pandas' nullable boolean)
    assert pd.isna(st.loc["spanish-pass.txt", "fk_grade"])
    assert str(tables["actor"]["as_agent"].dtype) == "Int64"  # whole numbers stay whole with gaps
    assert len(tables["sentence"]) == int(st["sentences"].sum()) == run.rows["sentence"]
    assert len(tables["event"]) == int(st["actions"].sum()) == run.rows["event"]  # one row per event
    assert list(tables["event"].columns[:4]) == ["key", "file", "sentence", "text"]
    assert set(tables["event"]["file"]) == set(st.index[st["actions"].fillna(0) > 0])
    assert tables["theme"].groupby("key").size().eq(17).all()
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["statements"] == 8 and manifest["rows"]["statement"] == 8 and manifest["scheduler"] == "synchronous"
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{lv}.parquet" for lv in LEVELS] + [MANIFEST])
    assert not list(tmp_path.glob(".building-*"))


def test_bad_files_in_a_folder_are_skipped_and_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    (folder / "b.txt").write_text("")
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    lines: list[str] = []
    run = run_corpus([str(folder)], tmp_path / "out", scheduler="synchronous", err=lines.append)
    assert run.exit_code == 1 and run.statements == 1
    assert [line for line in lines if line.startswith("skipped")] == [
        f"skipped: {folder / 'b.txt'}: is empty",
        f"skipped: {folder / 'c.txt'}: is a binary file, not text (save the statement as plain .txt)"]
    assert json.loads((tmp_path / "out" / MANIFEST).read_text())["skipped"][0].endswith("b.txt: is empty")


@pytest.mark.parametrize("args, message", [
    (["{tmp}/missing.txt"], "missing.txt: no such file"),
    (["{tmp}/empty"], "empty: folder holds no .txt statement files"),
    (["{tmp}/nothing-*.txt"], "nothing-*.txt: no file matches this pattern"),
    ([str(FIXTURES / "bad")], "no readable statement among 2 files; nothing written"),
])
def test_bad_input_exit_2_and_earlier_tables_intact(tmp_path, args, message):
    out = tmp_path / "out"
    assert run_corpus([str(SEED)], out, scheduler="synchronous", err=quiet([])).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "empty").mkdir()
    lines: list[str] = []
    run = run_corpus([a.format(tmp=tmp_path) for a in args], out, scheduler="synchronous", err=lines.append)
    assert run.exit_code == 2 and lines[-1].endswith(message)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".building-*"))


def test_refuses_to_replace_a_folder_that_is_not_a_corpus(tmp_path):
    (tmp_path / "report.html").write_text("keep me")
    lines: list[str] = []
    run = run_corpus([str(SEED)], tmp_path, scheduler="synchronous", err=lines.append)
    assert run.exit_code == 2 and "not an earlier corpus run" in lines[-1]
    assert (tmp_path / "report.html").read_text() == "keep me"


def test_bad_parameters_and_own_theme_lexicon(tmp_path):
    lines: list[str] = []
    assert run_corpus([str(SEED)], tmp_path / "o", {"n_terms": 5}, "synchronous", err=lines.append).exit_code == 2
    assert "unknown corpus parameter 'n_terms'" in lines[-1]
    junk = tmp_path / "junk.yaml"
    junk.write_text("- not a mapping\n")
    assert run_corpus([str(SEED)], tmp_path / "o", {"theme_lexicon_path": str(junk)}, "synchronous",
                      err=lines.append).exit_code == 2
    assert lines[-1].startswith(str(junk))
    mine = tmp_path / "themes.yaml"
    mine.write_text("themes:\n  Drugs:\n    - drug traffickers\n    - drugs\n  Rights:\n    - human rights\n")
    assert run_corpus([str(SEED)], tmp_path / "o", {"theme_lexicon_path": str(mine), "expected_themes": ["Rights"]},
                      "synchronous", err=lines.append).exit_code == 0
    st = read_corpus(tmp_path / "o")["statement"]
    assert [c for c in st.columns if c.startswith("theme_")] == ["theme_drugs", "theme_rights"]
    assert st.loc[0, "themes_present"] == 2 and st.loc[0, "silences"] == ""


def test_command_line(tmp_path):
    done = subprocess.run([PYTHON, "-m", "readout", "corpus", str(DEMO), "--out", str(tmp_path / "c"),
                           "--scheduler", "synchronous"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("analysed 3 statements (")
    assert len(read_corpus(tmp_path / "c")["statement"]) == 3
    bad = subprocess.run([PYTHON, "-m", "readout", "corpus", str(DEMO), "--workers", "0"], capture_output=True,
                         text=True, cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.strip() == "--workers must be at least 1, not 0"
    unreachable = subprocess.run([PYTHON, "-m", "readout", "corpus", str(DEMO), "--out", str(tmp_path / "c"),
                                  "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True, cwd=tmp_path)
    assert unreachable.returncode == 2 and "cannot reach a Dask scheduler" in unreachable.stderr
    assert len(read_corpus(tmp_path / "c")["statement"]) == 3  # untouched
    odd = subprocess.run([PYTHON, "-m", "readout", "corpus", str(DEMO), "--out", str(tmp_path / "c"),
                          "--scheduler", "threads"], capture_output=True, text=True, cwd=tmp_path)
    assert odd.returncode == 2 and "expected 'local', 'synchronous' or a Dask scheduler address" in odd.stderr


def test_a_scheduler_without_workers_is_refused(tmp_path, monkeypatch):
    from distributed import LocalCluster

    import readout.collection.corpus
    monkeypatch.setattr(readout.collection.corpus, "WORKER_WAIT", 2.0)
    with LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=None) as cluster:
        lines: list[str] = []
        run = run_corpus([str(DEMO)], tmp_path / "c", scheduler=cluster.scheduler_address, err=lines.append)
    assert run.exit_code == 2 and lines[-1].endswith("the Dask scheduler has no worker (waited 2 s); start one "
                                                     f"with 'dask worker {cluster.scheduler_address}'")
    assert not (tmp_path / "c").exists() and not list(tmp_path.glob(".building-*"))


# ---- a real cluster -----------------------------------------------------------------------------------

def test_local_cluster_with_two_workers_equals_single_process(tmp_path):
    """A real dask.distributed LocalCluster on loopback, two worker processes, batches of two (several
    in flight at once), two unreadable files among them: every table equals the single-process one
    exactly, byte for byte, and the same files are skipped in the same order."""
    from distributed import LocalCluster

    inputs = [str(SEED.parent), str(FIXTURES / "bad"), str(DEMO), str(EDGE), str(FIXTURES / "formats")]
    single = run_corpus(inputs, tmp_path / "single", scheduler="synchronous", batch_size=2, err=quiet([]))
    assert single.exit_code == 1 and len(single.skipped) == 2
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        lines: list[str] = []
        run = run_corpus(inputs, tmp_path / "cluster", scheduler=cluster.scheduler_address, batch_size=2,
                         err=lines.append)
    assert run.exit_code == 1 and run.skipped == single.skipped, lines
    assert run.workers == 2 and lines[0] == f"connected to the Dask scheduler at {cluster.scheduler_address} (2 workers)"
    assert run.statements == single.statements >= 9
    a, b = read_corpus(tmp_path / "single"), read_corpus(tmp_path / "cluster")
    for level in LEVELS:
        pd.testing.assert_frame_equal(a[level], b[level], check_exact=True)
        assert (tmp_path / "single" / f"{level}.parquet").read_bytes() == \
            (tmp_path / "cluster" / f"{level}.parquet").read_bytes()


def test_default_local_scheduler_starts_its_own_cluster(tmp_path):
    lines: list[str] = []
    run = run_corpus([str(DEMO)], tmp_path / "c", workers=2, err=lines.append)
    assert run.exit_code == 0 and run.workers == 2 and run.statements == 3
    assert "on 2 workers" in lines[-1]
    assert Path(tmp_path / "c" / MANIFEST).is_file()


def test_named_files_and_parameters_are_checked_before_anything_runs(tmp_path):
    dateline_only = tmp_path / "dateline.txt"
    dateline_only.write_text("Washington, DC - ", encoding="utf-8")
    lines: list[str] = []
    run = run_corpus([str(SEED), str(dateline_only)], tmp_path / "o", scheduler="synchronous", err=lines.append)
    assert run.exit_code == 2 and lines[-1].startswith(f"{dateline_only}: has no body text")
    for parameters, message in [({"expected_themes": 5}, "parameter 'expected_themes': expected a list of theme names"),
                                ({"actors_path": 5}, "parameter 'actors_path': expected the path of a file, got 5")]:
        run = run_corpus([str(SEED)], tmp_path / "o", parameters, "synchronous", err=lines.append)
        assert run.exit_code == 2 and lines[-1].startswith(message)
    assert not (tmp_path / "o").exists()


def test_the_same_file_twice_is_analysed_once(tmp_path):
    run = run_corpus([str(SEED.parent), str(SEED), f"{SEED.parent}/./{SEED.name}"], tmp_path / "o",
                     scheduler="synchronous", err=[].append)
    assert run.exit_code == 0 and run.statements == 1


def test_non_english_statements_have_no_term_or_theme_rows(lexicons):
    spanish = parse_statement((EDGE / "spanish-pass.txt").read_text(encoding="utf-8"), "es.txt")
    rows = analyse(spanish, lexicons).tables
    assert rows["term"] == [] and rows["theme"] == [] and len(rows["sentence"]) == 3


def test_dates_outside_plausible_years_are_identifiers():
    assert parse_date("ref-99991231") is None and parse_date("15000303") is None
    assert parse_date("19000101") == dt.date(1900, 1, 1)


def test_theme_names_that_make_the_same_column_are_refused(tmp_path):
    from readout.analyses.topics.themes import load_theme_lexicon
    from readout.errors import BadInputError
    clash = tmp_path / "themes.yaml"
    clash.write_text("themes:\n  Trade & economy:\n    - trade\n  trade economy:\n    - tariffs\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="themes 'Trade & economy' and 'trade economy' differ only in case or"):
        load_theme_lexicon(clash)


_STARTED: list[str] = []
_FIRST_DONE: list[float] = []
_START_TIMES: list[float] = []
_REAL_ANALYSE_BATCH = __import__("readout.collection.corpus", fromlist=["analyse_batch"]).analyse_batch


def _slow_first_batch(items, lexicons):
    """analyse_batch, but the batch holding s00.txt takes 3 s (module-level, so Dask pickles it by name)."""
    import time as clock
    _STARTED.append(items[0][0])
    _START_TIMES.append(clock.monotonic())
    if items[0][0].endswith("s00.txt"):
        clock.sleep(3)
        _FIRST_DONE.append(clock.monotonic())
    return _REAL_ANALYSE_BATCH(items, lexicons)


def test_batches_in_flight_stay_within_the_window_when_one_is_slow(tmp_path, monkeypatch):
    """Batch 0 is slow; the others finish early but cannot be written before it. The engine must not
    keep sending batches meanwhile: at most the window (2 per worker thread) is in flight or waiting."""
    from distributed import LocalCluster

    import readout.collection.corpus
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(24):
        shutil.copy(DEMO / "demo-2016-06-honduras-dialogue.txt", folder / f"s{k:02d}.txt")
    _STARTED.clear(), _FIRST_DONE.clear(), _START_TIMES.clear()
    monkeypatch.setattr(readout.collection.corpus, "analyse_batch", _slow_first_batch)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        run = run_corpus([str(folder)], tmp_path / "o", scheduler=cluster.scheduler_address, batch_size=1,
                         err=[].append)
    assert run.exit_code == 0 and run.statements == 24
    assert len(_STARTED) == 24
    # While batch 0 slept, the engine sent at most the window: 2 × 2 worker threads = 4 batches, so
    # only s01, s02 and s03 could start; the rest waited for batch 0 to be written.
    started_meanwhile = [f for f, t in zip(_STARTED, _START_TIMES) if t < _FIRST_DONE[0] and not f.endswith("s00.txt")]
    assert sorted(Path(f).name for f in started_meanwhile) == ["s01.txt", "s02.txt", "s03.txt"]
    written = read_corpus(tmp_path / "o")["statement"]["file"].tolist()
    assert written == [f"s{k:02d}.txt" for k in range(24)]  # input order, whatever finished first
