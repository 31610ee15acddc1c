"""Nothing a user had is lost (issue #18): folders the tool did not make, reserved names, failed
re-runs, kills during publishing, and the input read once."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from inprocess import readout_here

from readout.paths import PROJECT_ROOT
from readout.run.publishing import FAULT_VARIABLE, NO_EXCHANGE_VARIABLE, building, repair, swap_in

SEED = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[0]
FIXTURE_NOTEBOOKS = PROJECT_ROOT / "tests" / "fixtures" / "notebooks"


def readout(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "readout", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False, env={**os.environ, **(env or {})})


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the sha256 of its contents."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the publish step, killed at each of its points ------------------------------------------------

def folder_with(path: Path, text: str) -> Path:
    path.mkdir(parents=True)
    (path / "manifest.json").write_text(json.dumps({"v": text}), encoding="utf-8")
    return path


SWAP = ("import sys; from pathlib import Path; from readout.run.publishing import swap_in; "
        "swap_in(Path(sys.argv[1]), Path(sys.argv[2]))")


@pytest.mark.parametrize("point, fallback, expected", [
    ("before-swap", False, "old"), ("after-swap", False, "new"),
    ("before-swap", True, "old"), ("after-aside", True, "old"), ("after-swap", True, "new"),
])
def test_a_kill_at_any_point_of_publishing_leaves_a_whole_folder(tmp_path, point, fallback, expected):
    final = folder_with(tmp_path / "report", "old")
    build = folder_with(tmp_path / f".building-report-{os.getpid() + 100000}-0123abcd", "new")
    env = {**os.environ, FAULT_VARIABLE: point, **({NO_EXCHANGE_VARIABLE: "1"} if fallback else {})}
    proc = subprocess.run([sys.executable, "-c", SWAP, str(build), str(final)], env=env, timeout=60, check=False)
    assert proc.returncode == -9  # killed where asked
    if not (fallback and point == "after-aside"):  # the one window of the fallback: repaired below
        assert json.loads((final / "manifest.json").read_text())["v"] == expected
    cleaned = repair(tmp_path)  # the next run's repair
    assert json.loads((final / "manifest.json").read_text())["v"] == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]  # nothing left over
    assert cleaned and all(line.startswith(("cleaned: ", "repaired: ")) for line in cleaned)


def test_repair_leaves_the_folders_of_live_runs_alone(tmp_path):
    mine = folder_with(tmp_path / f".building-x-{os.getpid()}-0123abcd", "building now")
    assert repair(tmp_path) == [] and mine.exists()


def test_a_swap_replaces_whole_and_a_failed_build_is_removed(tmp_path):
    final = folder_with(tmp_path / "r", "old")
    with building(final) as build:
        (build / "manifest.json").write_text(json.dumps({"v": "new"}), encoding="utf-8")
        swap_in(build, final)
    assert json.loads((final / "manifest.json").read_text())["v"] == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]
    with pytest.raises(RuntimeError), building(final) as build:
        raise RuntimeError("a failure while building")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r"]


# --- what a run may replace -------------------------------------------------------------------------

def test_run_refuses_a_folder_it_did_not_make_and_changes_nothing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "budget.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "d" / "budget").mkdir(parents=True)
    (tmp_path / "d" / "budget" / "precious.txt").write_text("notes", encoding="utf-8")
    (tmp_path / "d" / "index.html").write_text("<p>my own page</p>", encoding="utf-8")
    proc = readout_here("run", "in/budget.txt", "--out", "d", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines == [
        "d/budget: holds files this tool did not make (no report manifest), where a report would go; move them, "
        "rename the statement file, or choose another --out",
        "d/index.html: a page this tool did not make, where the archive index goes; move it or choose another --out"]
    assert (tmp_path / "d" / "budget" / "precious.txt").read_text(encoding="utf-8") == "notes"
    assert (tmp_path / "d" / "index.html").read_text(encoding="utf-8") == "<p>my own page</p>"
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["budget", "index.html"]


def test_reserved_names_a_failed_rerun_and_the_input_read_once(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "logs.txt").write_bytes(SEED.read_bytes())
    notebooks = tmp_path / "notebooks"  # two notebooks that read the statement (any notebook reads it so)
    notebooks.mkdir()
    for name in ("01-count-pass.ipynb", "02-count-pass.ipynb"):
        (notebooks / name).write_bytes((FIXTURE_NOTEBOOKS / "pass" / "01-count-pass.ipynb").read_bytes())
    first = readout("run", "in/logs.txt", "--out", "out", "--notebooks", str(notebooks), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    out = tmp_path / "out"
    # a statement named logs.txt never takes the run logs' folder
    assert (out / "logs-statement" / "index.html").is_file()
    assert [p.name for p in (out / "logs").iterdir()][0].startswith("run-")
    # the report holds the bytes it analysed, and every notebook read that copy
    manifest = json.loads((out / "logs-statement" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["snapshot"] == "input/logs.txt"
    assert (out / "logs-statement" / "input" / "logs.txt").read_bytes() == SEED.read_bytes()
    for name in ("01-count-pass.ipynb", "02-count-pass.ipynb"):
        executed = json.loads((out / "logs-statement" / name).read_text(encoding="utf-8"))
        params = next(c for c in executed["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
        assert 'statement_path = "input/logs.txt"' in "".join(params["source"])  # the copy, beside the notebook
        assert "hello: 12 sentences" in json.dumps(executed["cells"][-1]["outputs"])  # the seed's 12, read
    tables = sorted(p.name for p in (out / "logs-statement" / "tables").iterdir())
    complete = snapshot(out / "logs-statement")
    # a forced re-run whose notebooks fail does not replace the complete report (a notebook set with a
    # notebook that always fails stands in for any failure)
    again = readout("run", "in/logs.txt", "--out", "out", "--force", "--notebooks",
                    str(FIXTURE_NOTEBOOKS / "mixed"), cwd=tmp_path)
    assert again.returncode == 1, again.stderr
    assert "the complete earlier report is kept at out/logs-statement, this run's is at " \
           "out/logs-statement.failed" in again.stderr
    assert json.loads((out / "logs-statement" / "manifest.json").read_text(encoding="utf-8"))["status"] == "ok"
    assert sorted(p.name for p in (out / "logs-statement" / "tables").iterdir()) == tables
    assert snapshot(out / "logs-statement") == complete  # the complete report, whole and unchanged
    assert (out / "logs-statement" / "02-count-pass.html").is_file()
    assert json.loads((out / "logs-statement.failed" / "manifest.json").read_text(encoding="utf-8"))["status"] == "failed"
    assert "failed re-run (the complete earlier report is kept)" in (out / "index.html").read_text(encoding="utf-8")
    assert len(list((out / "logs").iterdir())) == 2  # both runs logged; neither log lost


# --- odd files and odd folders --------------------------------------------------------------------

def test_text_after_the_end_marker_is_not_dropped_in_silence():
    from readout import parse_statement
    from readout.analyses.lexicons import Lexicons
    from readout.analyses.rows import analyse
    from readout.report.summary import headlines

    first = "Washington, DC - The United States welcomes the agreement. Both sides met today.\n\n###\n\n"
    second = ("Washington, DC - The United States condemns the attack on the embassy in the capital. We call on all "
              "parties to exercise restraint and to return to talks without delay. We stand with the people of the "
              "region and will continue to support them.\n\n###\n\nContact: press office.")
    assert parse_statement(first + "Contact: press office.").warnings == ()  # a contact line is no statement
    st = parse_statement(first + second)
    # every word after the first "###": the second statement's 43 and the contact line's 3
    assert st.trailer_words == 46
    assert st.warnings == ("statement.txt: 46 words after the end marker were not analysed (only the text "
                           "before the first end marker, such as ###, is; if the file holds several statements, give "
                           "each its own file)",)
    built = next(h for h in headlines(analyse(st, Lexicons.load())).rows if h.question == "What is this statement?")
    assert built.warning.startswith("Read with care: 46 words after the end marker were not analysed")


def test_a_stray_byte_in_utf8_spoils_only_itself():
    from readout.text.source import decode_source

    good = "Spain’s minister met José in Bogotá. ".encode() * 5
    source = decode_source("x.txt", good[:40] + b"\x92" + good[40:])
    assert source.encoding == "utf-8" and "Spain’s" in source.text and "â€" not in source.text
    assert source.text.count("\ufffd") == 1
    assert source.warnings == ("x.txt: 1 byte not valid UTF-8 (the first at offset 40) replaced by \ufffd; the rest "
                               "read as UTF-8",)
    cp1252 = decode_source("y.txt", "Spain’s minister met José.".encode("cp1252"))  # a real Windows-1252 file
    assert cp1252.encoding == "cp1252" and cp1252.text == "Spain’s minister met José."


@pytest.mark.parametrize("name, body, message", [
    ("actors.csv", 'actor,alias\nZorbland,"Zorb\nFoo,Bar\n', "line 3: not 2 fields (a quote left open, or a comma too many?)"),
    ("actors.csv", "actor,alias\nZorbland,state\n", "line 2: alias 'state' is a common English word in lower case"),
    ("actors.csv", "actor,alias\nZorbland,\n", "line 2: actor 'Zorbland' has an empty alias"),
    ("actors.yaml", "actors:\n  Zorbland:\n    aliases: [the state]\n", None),  # two words: a phrase, allowed
    ("actors.yaml", "actors:\n  Zorbland:\n    aliases: [minister]\n", "alias 'minister' is a common English word"),
    ("leaks.yaml", "issue_terms: [crime]\ngenre_netural: [common]\n", "unknown key(s) genre_netural"),
    ("leaks.yaml", "issue_term: [crime]\n", "unknown key(s) issue_term"),
])
def test_editable_data_files_are_checked_whole(tmp_path, name, body, message):
    from readout import BadInputError
    from readout.analyses.tone.leaks import load_leak_lexicon
    from readout.text.mentions import load_actor_lexicon

    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    load = load_leak_lexicon if name.startswith("leaks") else load_actor_lexicon
    if message is None:
        load(path)
        return
    with pytest.raises(BadInputError, match=re.escape(message)):
        load(path)


#: Each data file given in place of a shipped one, the parameter that names it, and the name in its messages.
_REPLACED = {"tone_lexicon_path": ("diplomatic_tone.yaml", "tone lexicon"),
             "leaks_path": ("sentiment_leaks.yaml", "leak list"),
             "theme_lexicon_path": ("themes.yaml", "theme lexicon"),
             "actions_path": ("actions.yaml", "action scheme")}


def _shipped(name: str) -> dict:
    from importlib import resources

    import yaml
    return yaml.safe_load(resources.files("readout").joinpath(f"data/{name}").read_text(encoding="utf-8"))


@pytest.mark.parametrize("parameter, key", [(p, k) for p, (name, _) in _REPLACED.items() for k in _shipped(name)]
                         + [("actions_path", ("commitments", k)) for k in _shipped("actions.yaml")["commitments"]])
def test_a_data_file_missing_a_key_of_the_shipped_one_is_refused_naming_it(tmp_path, parameter, key):
    """One rule for every data file that replaces a shipped one: each key the shipped file has must be
    there (issue #27: a leak list without 'genre_neutral' changed the leak-free VADER score in silence)."""
    import yaml

    from readout import BadInputError
    from readout.analyses.lexicons import Lexicons

    name, what = _REPLACED[parameter]
    data = _shipped(name)
    where, key = (data, key) if isinstance(key, str) else (data[key[0]], key[1])
    del where[key]
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(BadInputError) as refused:
        Lexicons.load({parameter: str(path)})
    if key in ("themes", "categories"):  # these must list something: their own message says what
        assert str(refused.value).startswith(f"{path}: {what} needs '{key}:'")
        return
    within = f"{what}, commitments" if where is not data else what
    assert str(refused.value) == (f"{path}: {within}: missing key '{key}' (the analysis reads it; to use none, write "
                                  f"'{key}:' with nothing after it)")
    where[key] = None  # written with nothing after it: "none", on purpose
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    Lexicons.load({parameter: str(path)})


def test_a_leak_list_missing_a_key_no_longer_changes_the_score_in_silence(tmp_path, seed):
    from readout import BadInputError
    from readout.analyses.tone.leaks import load_leak_lexicon
    from readout.analyses.tone.sentiment import score_statement

    def vader(leaks_path=None) -> float:  # the seed's leak-free VADER score, as the summary gives it
        scores = score_statement(seed, leaks=load_leak_lexicon(leaks_path) if leaks_path else None)
        return round(sum(x.vader_clean for x in scores) / len(scores), 3)

    half = tmp_path / "leaks.yaml"
    half.write_text(f"genre_neutral: {sorted(_shipped('sentiment_leaks.yaml')['genre_neutral'])}\n", encoding="utf-8")
    with pytest.raises(BadInputError, match=re.escape(f"{half}: leak list: missing key 'issue_terms' (the analysis")):
        vader(half)
    half.write_text(half.read_text(encoding="utf-8") + "issue_terms:\n", encoding="utf-8")  # none, said so
    assert (vader(), vader(half)) == (0.623, 0.223)  # what no issue terms cost, now only on purpose


def test_operating_system_problems_are_one_line(tmp_path):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    under_a_file = readout_here("run", str(SEED), "--out", "afile/sub", cwd=tmp_path)
    assert under_a_file.returncode == 2
    assert under_a_file.stderr.strip() == f"afile/sub: cannot be made: {tmp_path / 'afile'} is a file, not a folder (--out)"
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    loop = readout_here("run", "loop1", "--out", "out", cwd=tmp_path)
    assert loop.returncode == 2 and loop.stderr.strip() == "loop1: is a symbolic link to nothing, or a loop of links"
    assert not (tmp_path / "out").exists()
    # found in a folder: a pipe and a looping link are named and skipped, the statement runs
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    (folder / "x.txt").symlink_to(folder / "x.txt")
    found = readout("run", "in", "--out", "out", "--notebooks",
                    str(PROJECT_ROOT / "tests" / "fixtures" / "notebooks" / "pass"), cwd=tmp_path)
    assert found.returncode == 1, found.stderr
    assert "skipped: in/pipe.txt: is not a regular file" in found.stderr
    assert "skipped: in/x.txt: is a symbolic link to nothing, or a loop of links" in found.stderr
    assert (tmp_path / "out" / "a" / "index.html").is_file()


def test_connection_files_of_killed_runs_are_cleaned(tmp_path, monkeypatch):
    from readout.run import kernels

    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path))
    dead = tmp_path / "readout-999999999"  # no such process
    dead.mkdir()
    (dead / "kernel-x.json").write_text("{}", encoding="utf-8")
    live = tmp_path / f"readout-{os.getpid()}"
    live.mkdir()
    (live / "kernel-y.json").write_text("{}", encoding="utf-8")
    empty = tmp_path / "readout-999999998"  # a command that ended without removing its folder: removed, unsaid
    empty.mkdir()
    assert kernels.clean_connection_files() == [
        "cleaned: 1 kernel connection file left by run 999999999 (it was killed)"]
    assert not dead.exists() and not empty.exists() and (live / "kernel-y.json").exists()


@pytest.mark.parametrize("name, body, message", [
    ("actors.yaml", "actors:\n  Zorbland:\n    aliases: [Zorbland]\ndemonym:\n  Zorbland: [Zorbic]\n",
     "unknown section(s) demonym"),
    ("themes.yaml", "themes:\n  weather: [rain]\nexpect: [weather]\n", "unknown key(s) expect"),
])
def test_misspelled_sections_are_refused(tmp_path, name, body, message):
    from readout import BadInputError
    from readout.analyses.topics.themes import load_theme_lexicon
    from readout.text.mentions import load_actor_lexicon

    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    with pytest.raises(BadInputError, match=re.escape(message)):
        (load_theme_lexicon if name.startswith("themes") else load_actor_lexicon)(path)


# --- a home folder that cannot be written ------------------------------------------------------------

#: The variables that move what a run keeps under the home folder (readout.run.kernels.writable_folders).
HOME_VARIABLES = ("JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR", "XDG_CACHE_HOME")


@pytest.mark.parametrize("kind", ["missing", "under a file", "read-only"])
def test_a_home_folder_that_cannot_be_written_is_left_alone_and_the_run_goes_on(tmp_path, kind):
    """#27, item 6: a home folder that is missing (never made), not a folder, or read-only: what the run keeps
    there goes to a temporary folder, said in one warning line and removed at the end, and the notebooks run."""
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    home = {"missing": tmp_path / "home", "under a file": tmp_path / "afile" / "home",
            "read-only": tmp_path / "home"}[kind]
    if kind == "read-only":
        if os.geteuid() == 0:
            pytest.skip("root writes into a read-only folder (the other two cases stand for it)")
        home.mkdir()
        home.chmod(0o555)
    env = {k: v for k, v in os.environ.items() if k not in HOME_VARIABLES + ("XDG_CONFIG_HOME", "XDG_DATA_HOME")}
    proc = subprocess.run([sys.executable, "-m", "readout", "run", str(SEED), "--out", str(tmp_path / "out"),
                           "--notebooks", str(FIXTURE_NOTEBOOKS / "pass")], capture_output=True, text=True,
                          timeout=300, env={**env, "HOME": str(home)})
    assert proc.returncode == 0, proc.stderr
    (warning,) = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    temporary = re.search(r" go to (\S+) for this run", warning).group(1)
    why = {"missing": f"the home folder {home} does not exist (it is not made)",
           "under a file": f"the home folder {home} does not exist (it is not made)",
           "read-only": f"{home}/.local/share/jupyter/runtime cannot be written"}[kind]
    assert warning == (f"warning: {why}: kernel connection files, IPython's profile, matplotlib's settings and "
                       f"cached tables go to {temporary} for this run, and are removed after it (set "
                       f"JUPYTER_RUNTIME_DIR, IPYTHONDIR, MPLCONFIGDIR, XDG_CACHE_HOME to keep them)")
    assert not Path(temporary).exists()
    assert home.exists() == (kind == "read-only") and (kind != "read-only" or not any(home.iterdir()))
    assert "Matplotlib created a temporary" not in proc.stderr  # nothing else complained of the home folder
    manifest = json.loads((tmp_path / "out" / "000-1844251938b000cf" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "ok" and manifest["notebooks"][0]["seconds"] > 0
