"""The corpus engine: rows per level, Parquet tables, bad input, and a real Dask cluster giving the same results."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import threading
from pathlib import Path

import pandas as pd
import pytest
from conftest import FIXTURES, PYTHON, SEED, SEED_CRIME_SHARE, cli

from readout import parse_statement
from readout.analyses.lexicons import Lexicons
from readout.analyses.rows import LEVELS, analyse
from readout.analyses.topics.themes import theme_column
from readout.collection.corpus import MANIFEST, read_corpus, run_corpus
from readout.paths import PROJECT_ROOT
from readout.text.dates import parse_date

DEMO = PROJECT_ROOT / "seeds" / "demo"
EDGE = FIXTURES / "edge"


@pytest.fixture(scope="module")
def lexicons():
    return Lexicons.load()


def quiet(lines: list[str]):
    return lines.append


# ---- one statement's rows ---------------------------------------------------------------------------

def test_seed_rows_at_every_level(seed, lexicons):
    """The rows carry what the analyses compute, at full precision: each number below is derived from its
    definition (the counts by hand are in the analyses' own tests)."""
    from readout.analyses.tone.sentiment import score_statement

    rows = analyse(seed, lexicons, "seed")
    cols = [c for c, _ in __import__("readout.analyses.rows", fromlist=["COLUMNS"]).COLUMNS["statement"]]
    st = dict(zip(cols + [theme_column(t) for t in lexicons.themes.themes], rows.tables["statement"][0]))
    assert (st["paragraphs"], st["sentences"], st["words"]) == (3, 12, 351)
    assert st["english"] is True and st["date"] is None
    # Flesch-Kincaid and Flesch on the seed's 12 sentences, 351 words and 710 syllables (test_readability.py)
    assert st["fk_grade"] == pytest.approx(0.39 * 351 / 12 + 11.8 * 710 / 351 - 15.59)  # 19.69
    assert st["reading_ease"] == pytest.approx(206.835 - 1.015 * 351 / 12 - 84.6 * 710 / 351)  # 6.02
    # 11 of 12 sentences carry cooperation (8 of 12 in all), 2 of 12 pressure: C − P = 0.5 (test_sentiment.py)
    assert st["tone_score"] == pytest.approx(0.5)
    # leak-free sentiment: VADER's mean over the 12 sentences; TextBlob's over its 13 kept assessments
    scores = score_statement(seed)
    assert st["vader"] == pytest.approx(sum(x.vader_clean for x in scores) / 12)  # 0.6226
    kept = [h.polarity for x in scores for h in x.hits if h.lexicon == "TextBlob" and not h.leak]
    assert len(kept) == 13 and st["textblob_polarity"] == pytest.approx(sum(kept) / 13)  # 0.2603
    assert (st["tone_label"], st["most_praised"]) == ("positive", "Honduras")
    assert st["textblob_polarity"] == pytest.approx(0.26, abs=5e-4)
    # the actor layer from the events (tests/analyses/actors/test_credit.py): 13 events, 2 with no actor
    assert (st["commitments"], st["firm_commitments"], st["negated_commitments"]) == (4, 1, 0)
    assert (st["actions"], st["unattributed_events"], st["top_agent"]) == (13, 2 / 13, "Both sides")
    assert st["top_agent_share"] == 8 / 11  # the two acting together: 8 of the 11 events with an actor
    assert st["themes_present"] == 8 and st["themes_expected"] == 0 and st["silences"] == ""
    assert st["top_themes"] == "crime_and_narcotics; diplomacy_and_cooperation; trade_and_investment"
    assert st["themes_in_substance"] == "crime_and_narcotics; diplomacy_and_cooperation"
    assert st["themed_sentence_share"] == 1.0
    assert st["theme_crime_and_narcotics"] == pytest.approx(SEED_CRIME_SHARE)
    assert st["theme_democracy_and_elections"] == 0.0
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
    theme_cols = [c for c, _ in __import__("readout.analyses.rows", fromlist=["COLUMNS"]).COLUMNS["theme"]]
    themes = {t[1]: dict(zip(theme_cols, t)) for t in rows.tables["theme"]}
    assert len(themes) == len(lexicons.themes.themes) == 17
    # crime and narcotics: second on the agenda (diplomacy and cooperation opens p1s1), first in p1s2, then in
    # p2s1 p2s2 p2s3 p2s4 p3s3: 6 of 12 sentences; 20 matches (crime, narcotraffickers, criminals; extradition, drug,
    # traffickers, homicide, organized crime, trafficking in persons, drugs; smuggling, arrests, smugglers, smuggled;
    # arrests, smugglers; crime, policing, crime; transnational criminal organizations)
    crime = themes["crime and narcotics"]
    assert (crime["agenda_rank"], crime["first_sentence"], crime["sentences"], crime["matches"]) == (2, "p1s2", 6, 20)
    assert crime["sentence_share"] == 6 / 12 and crime["word_share"] == pytest.approx(SEED_CRIME_SHARE)
    assert themes["democracy and elections"]["agenda_rank"] is None
    assert rows.tables["term"][0] == ("seed", "honduras", 8)  # the most frequent term: "Honduras" 8 times
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
    assert len(events) == 13 and sum(1 for e in events if not e["actor"]) == 2
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
    assert header.date == (dt.date(2025, 3, 5), "header")
    dateline = parse_statement("WASHINGTON, March 4, 2019 - The two sides met today.", "x.txt")
    assert dateline.date == (dt.date(2019, 3, 4), "dateline")
    named = parse_statement("The two sides met today.", "2014-07-01-meeting.txt")
    assert named.date == (dt.date(2014, 7, 1), "file name")
    assert parse_statement("WASHINGTON, March 4 - The sides met.", "x.txt").date is None


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


def test_command_line(tmp_path, capsys, monkeypatch):
    one = DEMO / "demo-2016-06-honduras-dialogue.txt"
    done = subprocess.run([PYTHON, "-m", "readout", "corpus", str(one), "--out", str(tmp_path / "c"),
                           "--scheduler", "synchronous"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("analysed 1 statements (")
    assert len(read_corpus(tmp_path / "c")["statement"]) == 1
    bad = subprocess.run([PYTHON, "-m", "readout", "corpus", str(DEMO), "--workers", "0"], capture_output=True,
                         text=True, cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.strip() == "--workers must be at least 1, not 0"
    # Nothing listens on port 9: the connection is refused at once, but Dask retries it until its timeout
    # (10 s in the engine); 0.5 s proves the same refusal.
    import distributed

    real_client = distributed.Client

    def quick_client(address, timeout=None, **kwargs):
        return real_client(address, timeout="0.5s", **kwargs)

    monkeypatch.setattr(distributed, "Client", quick_client)
    unreachable = cli(["corpus", DEMO, "--out", tmp_path / "c", "--scheduler", "tcp://127.0.0.1:9"], capsys)
    assert unreachable.returncode == 2
    assert unreachable.stderr.strip().startswith("tcp://127.0.0.1:9: cannot reach a Dask scheduler there (")
    assert len(read_corpus(tmp_path / "c")["statement"]) == 1  # untouched
    odd = cli(["corpus", DEMO, "--out", tmp_path / "c", "--scheduler", "threads"], capsys)
    assert odd.returncode == 2 and odd.stderr.strip() == (
        "--scheduler threads: expected 'local', 'synchronous' or a Dask scheduler address such as tcp://host:8786")


def test_a_scheduler_without_workers_is_refused(tmp_path, monkeypatch):
    from distributed import LocalCluster

    import readout.collection.corpus
    monkeypatch.setattr(readout.collection.corpus, "WORKER_WAIT", 0.2)  # the engine waits 30 s
    with LocalCluster(n_workers=0, host="127.0.0.1", dashboard_address=None) as cluster:
        lines: list[str] = []
        run = run_corpus([str(DEMO)], tmp_path / "c", scheduler=cluster.scheduler_address, err=lines.append)
    assert run.exit_code == 2 and lines[-1].endswith("the Dask scheduler has no worker (waited 0.2 s); start one "
                                                     f"with 'dask worker {cluster.scheduler_address}'")
    assert not (tmp_path / "c").exists() and not list(tmp_path.glob(".building-*"))


# ---- a real cluster -----------------------------------------------------------------------------------

def test_local_cluster_with_two_workers_equals_single_process(tmp_path):
    """The default scheduler starts its own dask.distributed LocalCluster on loopback: here two worker
    processes, batches of two (several in flight at once), two unreadable files among them. Every table
    equals the single-process one exactly, byte for byte, and the same files are skipped in the same order.
    (A scheduler given by address is run in test_batches_in_flight_stay_within_the_window_when_one_is_slow.)"""
    inputs = [str(SEED.parent), str(FIXTURES / "bad"), str(DEMO), str(EDGE), str(FIXTURES / "formats")]
    single = run_corpus(inputs, tmp_path / "single", scheduler="synchronous", batch_size=2, err=quiet([]))
    assert single.exit_code == 1 and len(single.skipped) == 2
    lines: list[str] = []
    run = run_corpus(inputs, tmp_path / "cluster", workers=2, batch_size=2, err=lines.append)
    assert run.exit_code == 1 and run.skipped == single.skipped, lines
    assert run.workers == 2 and lines[-1].startswith(f"analysed {run.statements} statements (")
    assert "on 2 workers; skipped 2" in lines[-1]
    assert run.statements == single.statements == 1 + 3 + 4 + 1  # seed, demonstration, edge, formats
    assert json.loads((tmp_path / "cluster" / MANIFEST).read_text())["scheduler"] == "local"
    a, b = read_corpus(tmp_path / "single"), read_corpus(tmp_path / "cluster")
    for level in LEVELS:
        pd.testing.assert_frame_equal(a[level], b[level], check_exact=True)
        assert (tmp_path / "single" / f"{level}.parquet").read_bytes() == \
            (tmp_path / "cluster" / f"{level}.parquet").read_bytes()


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


_SUBMITTED: list[str] = []  # the statements of each batch sent, in order
_SUBMITTED_WHILE_HELD: list[list[str]] = []
_RELEASE = threading.Event()  # lets batch 0 finish
_REAL_ANALYSE_BATCH = __import__("readout.collection.corpus", fromlist=["analyse_batch"]).analyse_batch


def _held_first_batch(items, lexicons):
    """analyse_batch, but the batch holding s00.txt waits until the engine has taken in the three batches
    after it (the workers are threads of this process, so they share this module's state)."""
    if items[0][0].endswith("s00.txt"):
        assert _RELEASE.wait(timeout=60), "the engine never took in three finished batches"
    return _REAL_ANALYSE_BATCH(items, lexicons)


def test_batches_in_flight_stay_within_the_window_when_one_is_slow(tmp_path, monkeypatch):
    """Batch 0 is held; the others finish early but cannot be written before it. The engine must not
    keep sending batches meanwhile: at most the window (2 per worker thread) is in flight or waiting.
    One worker of two threads: batch 0 holds one, the other runs batches 1 to 3, and when the engine
    has taken in their results (it asks its ``as_completed`` for a fourth), it must have sent no more
    than those four. Only then is batch 0 let go."""
    import distributed
    from distributed import LocalCluster

    import readout.collection.corpus

    class Watched(distributed.as_completed):
        taken = 0

        def __next__(self):
            if Watched.taken == 3 and not _RELEASE.is_set():
                _SUBMITTED_WHILE_HELD.append(list(_SUBMITTED))
                _RELEASE.set()
            future = super().__next__()
            Watched.taken += 1
            return future

    real_submit = distributed.Client.submit

    def submit(client, func, batch, *args, **kwargs):
        _SUBMITTED.append(Path(batch[0][0]).name)
        return real_submit(client, func, batch, *args, **kwargs)

    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(8):  # the window, and as many again that must wait
        shutil.copy(DEMO / "demo-2016-06-honduras-dialogue.txt", folder / f"s{k:02d}.txt")
    _SUBMITTED.clear(), _SUBMITTED_WHILE_HELD.clear(), _RELEASE.clear()
    monkeypatch.setattr(readout.collection.corpus, "analyse_batch", _held_first_batch)
    monkeypatch.setattr(distributed, "as_completed", Watched)
    monkeypatch.setattr(distributed.Client, "submit", submit)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        lines: list[str] = []
        run = run_corpus([str(folder)], tmp_path / "o", scheduler=cluster.scheduler_address, batch_size=1,
                         err=lines.append)
    assert run.exit_code == 0 and run.statements == 8, lines
    assert lines[0] == f"connected to the Dask scheduler at {cluster.scheduler_address} (1 workers)"
    # while batch 0 was held: the window, 2 x 2 worker threads = 4 batches, was sent, and no more
    assert _SUBMITTED_WHILE_HELD == [["s00.txt", "s01.txt", "s02.txt", "s03.txt"]]
    assert _SUBMITTED == [f"s{k:02d}.txt" for k in range(8)]
    written = read_corpus(tmp_path / "o")["statement"]["file"].tolist()
    assert written == [f"s{k:02d}.txt" for k in range(8)]  # input order, whatever finished first


def test_the_corpus_takes_titles_and_dates_from_the_folders_metadata(tmp_path, monkeypatch):
    """Read where the files are, before a batch is sent (a worker of a remote cluster may not see the folder):
    a worker that cannot read metadata.csv still gets each statement's title and date."""
    from readout.analyses.lexicons import Lexicons
    from readout.collection.corpus import _batches, analyse_batch
    from readout.text import statement as model
    from readout.text.metadata import Given

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The United States welcomes the agreement. Both sides met.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Both sides met today. They discussed trade.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("file,title,date\na.txt,Welcome,2026-03-01\n", encoding="utf-8")
    batches = list(_batches([str(folder / "a.txt"), str(folder / "b.txt")], 10))
    monkeypatch.setattr(model, "given_for", lambda path: Given())  # the worker finds no metadata.csv
    rows, problems = analyse_batch(batches[0], Lexicons.load())
    got = [(r[3], r[4], r[6], r[7]) for r in rows["statement"]]
    assert problems == [] and got == [("Welcome", "given", "2026-03-01", "given"),
                                      ("Both sides met today.", "opening words", None, None)]
    monkeypatch.undo()
    # a bad metadata.csv: each file beside it is skipped with one line naming the file and the line
    (folder / "metadata.csv").write_text("file,title,date\na.txt,Welcome,someday\n", encoding="utf-8")
    lines: list[str] = []
    run = run_corpus([str(folder)], tmp_path / "out", scheduler="synchronous", err=lines.append)
    assert run.exit_code != 0
    assert any("metadata.csv: line 2: “someday” is not a full date" in line for line in lines), lines
