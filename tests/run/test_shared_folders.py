"""Commands that share an output folder: one owner per folder, so that nothing one command made is lost to
another, even started at the same moment; distinct report folders for distinct files; and one line with
exit code 2 when the operating system refuses a write (a file in the way, a read-only or full disk)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, PYTHON, SEED, cli
from inprocess import readout_here

from readout.collection.corpus import run_corpus
from readout.paths import PROJECT_ROOT
from readout.report.export import write_archive_index
from readout.run.one_statement import report_slugs

PASS = FIXTURES / "notebooks" / "pass"
#: A comparison notebook and a diff notebook that write one small table each: fast stand-ins for the real ones.
COLLECTION = FIXTURES / "notebooks" / "collection"
DEMO = PROJECT_ROOT / "seeds" / "demo"
SEED_SLUG = "000-1844251938b000cf"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden locks aside) with its contents."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".locks" not in p.parts}


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def reports_folder(out: Path) -> Path:
    """A folder of ``run`` reports as a run leaves it: a report, its log and the archive page."""
    report = out / SEED_SLUG
    report.mkdir(parents=True)
    (report / "index.html").write_text("a report", encoding="utf-8")
    (report / "manifest.json").write_text(json.dumps({
        "run_key": "earlier", "status": "ok", "title": "The seed", "finished": "2026-01-01T00:00:00+00:00",
        "input": {"path": str(SEED)}, "notebooks": []}), encoding="utf-8")
    (out / "logs").mkdir()
    (out / "logs" / "run-20260101T000000Z-1.log").write_text("done 1\n", encoding="utf-8")
    write_archive_index(out)
    return out


def test_commands_started_at_the_same_moment_on_a_new_folder_all_keep_their_outputs(tmp_path):
    """`run`, `corpus` and `compare` on one new --out, started back to back: each ends with exit code 0 and
    every output is there; the run's reports own the folder, the others go inside it under their names."""
    out = tmp_path / "shared"
    commands = {"run": ("run", SEED, "--out", out, "--notebooks", PASS),
                "corpus": ("corpus", SEED, "--out", out, "--scheduler", "synchronous"),
                "compare": ("compare", SEED, DEMO, "--out", out, "--notebooks", COLLECTION)}
    started = {name: subprocess.Popen([PYTHON, "-m", "readout", *map(str, args)], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, cwd=tmp_path)
               for name, args in commands.items()}
    ended = {name: (*process.communicate(timeout=300), process.returncode) for name, process in started.items()}
    for name, (_, stderr, code) in ended.items():
        assert code == 0, (name, stderr)
    assert visible(out) == [SEED_SLUG, "comparison", "corpus", "index.html", "logs"]
    report = json.loads((out / SEED_SLUG / "manifest.json").read_text(encoding="utf-8"))
    assert report["status"] == "ok" and (out / SEED_SLUG / "index.html").is_file()
    assert f'href="{SEED_SLUG}/index.html"' in (out / "index.html").read_text(encoding="utf-8")
    assert len(list((out / "logs").glob("run-*.log"))) == 1
    assert json.loads((out / "corpus" / "corpus.json").read_text(encoding="utf-8"))["statements"] == 1
    assert (out / "corpus" / "statement.parquet").is_file()
    assert ended["corpus"][1].strip().splitlines()[-1].endswith(f"tables in {out / 'corpus'}")
    assert json.loads((out / "comparison" / "manifest.json").read_text(encoding="utf-8"))["kind"] == "comparison"
    assert (out / "comparison" / "tables" / "count.csv").read_text(encoding="utf-8") == "statements\n2\n"
    assert ended["compare"][0].strip() == f"Comparison: {out / 'comparison' / 'index.html'}"


def test_corpus_compare_and_diff_put_their_output_inside_a_folder_of_reports(tmp_path, capsys):
    """Given a folder of `run` reports as --out, each command writes into its own folder there and replaces
    only that; the reports, the archive page and the logs stay as they were."""
    out = reports_folder(tmp_path / "outputs")
    before = snapshot(out)
    first = run_corpus([str(SEED)], out, scheduler="synchronous", err=[].append)
    assert first.exit_code == 0 and json.loads((out / "corpus" / "corpus.json").read_text())["statements"] == 1
    again = run_corpus([str(SEED), str(DEMO)], out, scheduler="synchronous", err=[].append)  # its own: replaced
    assert again.exit_code == 0 and json.loads((out / "corpus" / "corpus.json").read_text())["statements"] == 4
    pointed = cli(["compare", "--corpus", out, "--out", tmp_path / "elsewhere"], capsys)  # its tables: out/corpus
    assert pointed.returncode == 2 and pointed.stderr.strip() == (
        f"{out}: not a corpus folder (no corpus.json); its corpus run's tables are in {out / 'corpus'}")
    compared = cli(["compare", SEED, DEMO, "--out", out, "--notebooks", COLLECTION], capsys)
    assert compared.returncode == 0, compared.stderr
    assert compared.stdout.strip() == f"Comparison: {out / 'comparison' / 'index.html'}"
    from jupyter_core.paths import jupyter_runtime_dir
    assert not (Path(jupyter_runtime_dir()) / f"readout-{os.getpid()}").exists()  # its kernel's folder went with it
    diffed = cli(["diff", SEED, DEMO / "demo-2016-06-honduras-dialogue.txt", "--out", out, "--notebooks", COLLECTION],
                 capsys)
    assert diffed.returncode == 0, diffed.stderr
    assert (out / "diff" / "tables" / "pair.csv").read_text(encoding="utf-8").splitlines()[1] == \
        f"{SEED.name},demo-2016-06-honduras-dialogue.txt"
    for published in (out / "comparison" / "compare.ipynb", out / "diff" / "diff.ipynb"):  # no path into the build
        assert ".building-" not in json.dumps(json.loads(published.read_text(encoding="utf-8"))["cells"])
    assert visible(out) == [SEED_SLUG, "comparison", "corpus", "diff", "index.html", "logs"]
    assert {k: v for k, v in snapshot(out).items() if k.split("/")[0] not in ("comparison", "corpus", "diff")} == before
    # each command's folder is its own: another command's is refused, and left as it was
    tables = snapshot(out / "comparison")
    refused = run_corpus([str(SEED)], out / "comparison", scheduler="synchronous", err=(lines := []).append)
    assert refused.exit_code == 2 and lines == [
        f"{out / 'comparison'}: folder holds a comparison, not an earlier corpus run; nothing there is replaced: "
        "choose another --out"]
    assert snapshot(out / "comparison") == tables


def test_a_corpus_folder_is_not_a_reports_folder_and_a_mixed_one_is_left_alone(tmp_path):
    """`run` refuses a corpus's folder (one line, exit code 2, nothing changed); a folder that holds both a
    corpus and reports (as earlier versions could leave) is replaced by neither."""
    corpus = tmp_path / "c"
    assert run_corpus([str(SEED)], corpus, scheduler="synchronous", err=[].append).exit_code == 0
    tables = snapshot(corpus)
    refused = readout_here("run", SEED, "--out", corpus, "--notebooks", PASS)
    assert refused.returncode == 2 and refused.stderr.splitlines() == [
        f"{corpus}: folder holds a corpus run's tables (corpus.json), not reports; nothing there is replaced: "
        "choose another --out"]
    assert snapshot(corpus) == tables
    reports_folder(tmp_path / "r")
    for name in (SEED_SLUG, "logs", "index.html"):
        (tmp_path / "r" / name).rename(corpus / name)
    mixed = snapshot(corpus)
    again = run_corpus([str(SEED)], corpus, scheduler="synchronous", err=(lines := []).append)
    assert again.exit_code == 2 and lines == [
        f"{corpus}: folder holds the outputs of more than one command, not an earlier corpus run; nothing there is "
        "replaced: choose another --out"]
    assert readout_here("run", SEED, "--out", corpus, "--notebooks", PASS).returncode == 2
    assert snapshot(corpus) == mixed and not list(tmp_path.glob(".building-*"))


# ---- distinct report folders ------------------------------------------------------------------------

def test_report_folder_names_never_land_on_another_statements(tmp_path):
    """logs.txt is renamed logs-statement (a name the tool uses), which logs-statement.txt has too: the
    first file keeps the name, the other gets its path's hash, longer where even that is taken, and an
    earlier report of another file keeps its folder."""
    folder = tmp_path / "in"
    logs, logs_statement = folder / "logs.txt", folder / "logs-statement.txt"
    h = {p: hashlib.sha256(str(p).encode()).hexdigest() for p in (logs, logs_statement)}
    out = tmp_path / "out"
    assert report_slugs([logs, logs_statement, logs], out) == [
        "logs-statement", f"logs-statement-{h[logs_statement][:8]}", "logs-statement"]
    taken = folder / f"logs-statement-{h[logs][:8]}.txt"  # a file named as logs.txt's hashed name would be
    assert report_slugs([logs_statement, logs, taken], out) == [
        "logs-statement", f"logs-statement-{h[logs][:16]}", taken.stem]
    earlier = out / "logs-statement"  # an earlier report of another file
    earlier.mkdir(parents=True)
    (earlier / "manifest.json").write_text(json.dumps({"input": {"path": str(tmp_path / "elsewhere.txt")}}))
    assert report_slugs([logs], out) == [f"logs-statement-{h[logs][:8]}"]


def test_two_statements_never_share_a_report_folder(tmp_path):
    """A folder with logs.txt and logs-statement.txt, run into a folder that already holds another file's
    logs-statement report: two new reports, each of its own file, and the earlier one untouched."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "logs.txt").write_text("The ministers met in Tegucigalpa. They agreed.", encoding="utf-8")
    (folder / "logs-statement.txt").write_bytes(SEED.read_bytes())
    out = reports_folder(tmp_path / "out")
    earlier = out / "logs-statement"
    (out / SEED_SLUG).rename(earlier)
    kept = snapshot(earlier)
    done = subprocess.run([PYTHON, "-m", "readout", "run", str(folder), "--out", str(out), "--notebooks", str(PASS)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "done 2, up to date 0, failed 0"
    names = {p: f"logs-statement-{hashlib.sha256(str(folder / p).encode()).hexdigest()[:8]}"
             for p in ("logs.txt", "logs-statement.txt")}
    for file, name in names.items():
        manifest = json.loads((out / name / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["input"]["path"] == str(folder / file) and manifest["status"] == "ok"
    assert snapshot(earlier) == kept
    assert visible(out) == sorted([*names.values(), "index.html", "logs", "logs-statement"])


# ---- what the operating system refuses --------------------------------------------------------------

def test_a_file_in_the_way_is_one_line_for_corpus_compare_and_diff(tmp_path, capsys):
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    under = tmp_path / "afile" / "out"
    for args in (("corpus", SEED, "--scheduler", "synchronous"), ("compare", SEED, DEMO, "--notebooks", COLLECTION),
                 ("diff", SEED, DEMO / "demo-2016-06-honduras-dialogue.txt", "--notebooks", COLLECTION)):
        bad = cli([*args, "--out", under], capsys)
        assert bad.returncode == 2 and bad.stderr.splitlines() == [
            f"{under}: cannot be made: {tmp_path / 'afile'} is a file, not a folder (--out)"], (args, bad.stderr)
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder: chmod cannot deny it")
def test_a_read_only_folder_is_one_line_for_corpus_and_compare(tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        for args in (("corpus", SEED, "--scheduler", "synchronous"),
                     ("compare", SEED, DEMO, "--notebooks", COLLECTION)):
            bad = cli([*args, "--out", locked / "out"], capsys)
            assert bad.returncode == 2 and bad.stderr.splitlines() == [
                f"{locked / 'out'}: cannot write there ({locked} is not writable, or on a read-only disk)"], bad.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def _refused_write(code: int):
    def write_manifest(build: Path, manifest: dict, name: str = "manifest.json") -> None:
        raise OSError(code, os.strerror(code), str(build / name))
    return write_manifest


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_a_full_or_read_only_disk_is_one_line_and_earlier_tables_stay(tmp_path, capsys, monkeypatch, code):
    """The disk refuses the corpus's last write: one line, exit code 2, the earlier tables as they were and
    no build left behind."""
    out = tmp_path / "c"
    assert run_corpus([str(SEED)], out, scheduler="synchronous", err=[].append).exit_code == 0
    tables = snapshot(out)
    monkeypatch.setattr("readout.collection.corpus.write_manifest", _refused_write(code))
    bad = cli(["corpus", SEED, DEMO, "--out", out, "--scheduler", "synchronous"], capsys)
    lines = bad.stderr.splitlines()
    assert bad.returncode == 2 and len(lines) == 1, bad.stderr
    assert lines[0].endswith(f"corpus.json: {os.strerror(code)}; nothing written, and earlier tables are untouched")
    assert snapshot(out) == tables and not list(tmp_path.glob(".building-*"))


def test_a_full_disk_is_one_line_for_compare_and_diff(tmp_path, capsys, monkeypatch):
    """The disk refuses the manifest, the last file written: one line, exit code 2, nothing made."""
    monkeypatch.setattr("readout.collection.comparison_report.write_manifest", _refused_write(errno.ENOSPC))
    for args, what in ((("compare", SEED, DEMO), "the comparison"),
                       (("diff", SEED, DEMO / "demo-2016-06-honduras-dialogue.txt"), "the diff")):
        out = tmp_path / args[0]
        bad = cli([*args, "--out", out, "--notebooks", COLLECTION], capsys)
        lines = bad.stderr.splitlines()
        assert bad.returncode == 2 and lines[-1].endswith(
            f"manifest.json: No space left on device; {what} stopped, and what was at {out} is untouched"), bad.stderr
        assert not any("Traceback" in line for line in lines) and not out.exists()
    assert visible(tmp_path) == [] and not list(tmp_path.glob(".building-*"))


# ---- one owner per folder: what a command replaces whole, and what it refuses -------------------------

def made_folder(out: Path, kind: str) -> Path:
    """A folder as ``kind``'s command leaves it (see readout.run.folders.MADE), with the tool's own hidden
    entries: a lock and a build left by a process that is gone."""
    out.mkdir(parents=True)
    if kind == "corpus":
        (out / "corpus.json").write_text(json.dumps({"statements": 2}), encoding="utf-8")
        (out / "statement.parquet").write_bytes(b"PAR1")
    else:
        (out / "manifest.json").write_text(json.dumps({"kind": kind, "pairs": [{"folder": "a-b"}]}), encoding="utf-8")
        (out / "index.html").write_text("a page", encoding="utf-8")
        for name in {"comparison": ["compare.ipynb"], "diff": ["diff.ipynb", "redline.html"], "diffs": []}[kind]:
            (out / name).write_text("{}", encoding="utf-8")
        (out / ("a-b" if kind == "diffs" else "tables")).mkdir()
    (out / ".locks").mkdir()
    (out / ".locks" / "corpus.lock").write_text("", encoding="utf-8")
    (out / ".building-corpus-999999999-0123abcd").mkdir()  # no such process
    return out


@pytest.mark.parametrize("kind", ["corpus", "comparison", "diff", "diffs"])
def test_a_folder_of_one_kind_is_replaced_only_when_it_holds_nothing_else(tmp_path, kind):
    """An earlier output of the same command is its to replace; with anything else in it (another
    command's output saved inside, a user's file) it is refused in one line naming what is in the way."""
    from readout.errors import UsageError
    from readout.run.folders import owner, target

    out = made_folder(tmp_path / "out", kind)
    assert owner(out) == kind and target(out, kind) == out
    (out / "comparison" if kind == "corpus" else out / "corpus").mkdir()
    before = snapshot(out)
    with pytest.raises(UsageError) as refused:
        target(out, kind)
    inside = "comparison" if kind == "corpus" else "corpus"
    holds = {"corpus": "a corpus run's tables (corpus.json)", "comparison": "a comparison",
             "diff": "a diff of two statements", "diffs": "diffs of several pairs"}[kind]
    assert str(refused.value) == (f"{out}: folder holds {holds} and also {inside}, which is not part of it; "
                                  "nothing there is replaced: move that or choose another --out")
    assert snapshot(out) == before


def test_re_running_corpus_or_compare_keeps_the_other_commands_output_saved_inside(tmp_path, capsys):
    """corpus --out C2, a comparison saved in C2/comparison, corpus --out C2 again: refused, the comparison
    kept (and the other way round: compare --out P --force with P/corpus); --out inside another command's
    folder is refused at once (it would be deleted when that command runs again)."""
    c2 = tmp_path / "C2"
    assert run_corpus([str(SEED), str(DEMO)], c2, scheduler="synchronous", err=[].append).exit_code == 0
    tables = snapshot(c2)
    inside = cli(["compare", "--corpus", c2, "--out", c2 / "comparison", "--notebooks", COLLECTION], capsys)
    assert inside.returncode == 2 and inside.stderr.splitlines() == [
        f"{c2 / 'comparison'}: inside {c2}, which holds a corpus run's tables (corpus.json) and is replaced whole "
        "when its command runs again; choose an --out outside it"]
    assert snapshot(c2) == tables and not (c2 / "comparison").exists()
    p = tmp_path / "P"
    assert cli(["compare", SEED, DEMO, "--out", p, "--notebooks", COLLECTION], capsys).returncode == 0
    (p / "index.html").rename(tmp_path / "page.html")  # a comparison saved as an earlier version could
    assert cli(["compare", "--corpus", c2, "--out", tmp_path / "cmp", "--notebooks", COLLECTION],
               capsys).returncode == 0
    (tmp_path / "page.html").rename(p / "index.html")
    (tmp_path / "cmp").rename(c2 / "comparison")
    assert run_corpus([str(SEED)], tmp_path / "c", scheduler="synchronous", err=[].append).exit_code == 0
    (tmp_path / "c").rename(p / "corpus")
    kept = {folder: snapshot(folder) for folder in (c2, p)}
    again = run_corpus([str(SEED)], c2, scheduler="synchronous", err=(lines := []).append)
    assert again.exit_code == 2 and lines == [
        f"{c2}: folder holds a corpus run's tables (corpus.json) and also comparison, which is not part of it; "
        "nothing there is replaced: move that or choose another --out"]
    forced = cli(["compare", SEED, DEMO, "--out", p, "--notebooks", COLLECTION, "--force"], capsys)
    assert forced.returncode == 2 and forced.stderr.splitlines() == [
        f"{p}: folder holds a comparison and also corpus, which is not part of it; nothing there is replaced: "
        "move that or choose another --out"]
    assert {folder: snapshot(folder) for folder in (c2, p)} == kept


@pytest.mark.parametrize("hidden", [".git", ".env"])
def test_a_folder_holding_only_a_hidden_file_of_the_user_is_not_empty(tmp_path, capsys, hidden):
    """Only the tool's own hidden entries (.locks, builds) leave a folder empty: .git or .env is refused by
    corpus and compare in one line naming it, and stays."""
    out = tmp_path / "out"
    out.mkdir()
    (out / hidden).mkdir() if hidden == ".git" else (out / hidden).write_text("KEY=1", encoding="utf-8")
    before = snapshot(out)
    for args, what in ((("corpus", SEED, "--scheduler", "synchronous"), "an earlier corpus run"),
                       (("compare", SEED, DEMO, "--notebooks", COLLECTION), "an earlier comparison")):
        bad = cli([*args, "--out", out], capsys)
        assert bad.returncode == 2 and bad.stderr.splitlines() == [
            f"{out}: folder holds files that are not {what} ({hidden}); choose an empty or new --out folder"]
    assert snapshot(out) == before and sorted(p.name for p in out.iterdir()) == [hidden]


def test_a_folder_another_command_is_writing_in_is_not_replaced(tmp_path, capsys):
    """A build of a live process in --out (corpus writing P/corpus while compare would replace P): refused
    in one line, the build kept; a build left by a process that is gone does not count."""
    p = tmp_path / "P"
    build = p / f".building-corpus-{os.getppid()}-0123abcd"  # a live process: the one that started pytest
    build.mkdir(parents=True)
    (build / "statement.parquet").write_bytes(b"PAR1")
    for args in (("compare", SEED, DEMO, "--notebooks", COLLECTION), ("corpus", SEED, "--scheduler", "synchronous")):
        bad = cli([*args, "--out", p], capsys)
        assert bad.returncode == 2 and bad.stderr.splitlines() == [
            f"{p}: another command is writing in this folder now ({build.name}); nothing there is replaced: "
            "try again when it has finished"], bad.stderr
    assert (build / "statement.parquet").read_bytes() == b"PAR1" and [e.name for e in p.iterdir()] == [build.name]
    build.rename(p / ".building-corpus-999999999-0123abcd")  # its process is gone
    assert cli(["compare", SEED, DEMO, "--out", p, "--notebooks", COLLECTION], capsys).returncode == 0


def test_writing_inside_a_folder_holds_the_lock_of_that_folder(tmp_path, monkeypatch):
    """corpus --out P/corpus (P new) makes its build and publishes holding P's lock, the one compare --out P
    holds while it decides and swaps: the two take turns."""
    import readout.run.folders as folders

    held: list[Path] = []
    real = folders.locked

    def recording(path: Path, required: bool = True):
        held.append(path)
        return real(path, required)

    monkeypatch.setattr(folders, "locked", recording)
    p = tmp_path / "P"
    assert run_corpus([str(SEED)], p / "corpus", scheduler="synchronous", err=[].append).exit_code == 0
    assert held.count(p) == 2 and (p / "corpus" / "corpus.json").is_file()
    assert (tmp_path / ".locks" / "P.lock").is_file()


# ---- run: whose folder it is, said first; its log only in its own folder ---------------------------

def test_run_says_whose_folder_it_is(tmp_path, capsys):
    """run --out on a comparison or on one report: one line saying what the folder holds, nothing changed."""
    cmp = tmp_path / "cmp"
    assert cli(["compare", SEED, DEMO, "--out", cmp, "--notebooks", COLLECTION], capsys).returncode == 0
    one = reports_folder(tmp_path / "r") / SEED_SLUG
    for folder, holds in ((cmp, "a comparison"), (one, "one statement's report")):
        before = snapshot(folder)
        bad = cli(["run", SEED, "--out", folder, "--notebooks", PASS], capsys)
        assert bad.returncode == 2 and bad.stderr.splitlines() == [
            f"{folder}: folder holds {holds}, not reports; nothing there is replaced: choose another --out"]
        assert snapshot(folder) == before and not (folder / "logs").exists()


def test_an_interrupt_during_runs_checks_writes_no_log_in_a_folder_it_has_not_claimed(tmp_path, monkeypatch):
    """Ctrl-C while run checks its inputs, before it has made --out its own: no logs/ there (in a corpus's
    folder it would make the folder hold two commands' outputs), nor in a new folder."""
    from readout.run.batch import run_collection
    from readout.run.one_statement import RunOptions

    corpus = tmp_path / "c"
    assert run_corpus([str(SEED)], corpus, scheduler="synchronous", err=[].append).exit_code == 0
    tables = snapshot(corpus)

    def interrupted(paths):
        raise KeyboardInterrupt

    monkeypatch.setattr("readout.run.batch.statement_files", interrupted)
    for out in (corpus, tmp_path / "new"):
        with pytest.raises(KeyboardInterrupt):
            run_collection([str(SEED)], {}, RunOptions(outputs=out, notebooks_dir=PASS), err=[].append)
        assert not (out / "logs").exists()
    assert snapshot(corpus) == tables and not (tmp_path / "new").exists()


def test_a_file_keeps_the_name_its_own_earlier_report_holds(tmp_path):
    """logs-statement.txt and logs.txt, whose earlier report is out/logs-statement: logs.txt keeps that
    folder, logs-statement.txt gets its hashed name (not both hashed)."""
    folder = tmp_path / "in"
    logs, logs_statement = folder / "logs.txt", folder / "logs-statement.txt"
    out = tmp_path / "out"
    earlier = out / "logs-statement"
    earlier.mkdir(parents=True)
    (earlier / "manifest.json").write_text(json.dumps({"input": {"path": str(logs)}}), encoding="utf-8")
    digest = hashlib.sha256(str(logs_statement).encode()).hexdigest()
    assert report_slugs([logs_statement, logs], out) == [f"logs-statement-{digest[:8]}", "logs-statement"]
    assert report_slugs([logs, logs_statement], out) == ["logs-statement", f"logs-statement-{digest[:8]}"]


def test_read_only_out_is_one_line_for_corpus_and_compare_even_as_root(tmp_path, capsys, monkeypatch):
    """The folder that would hold --out is not writable (as os.access says; root may write anyway, so the
    answer is made up here): one line, exit code 2, nothing made."""
    locked = tmp_path / "locked"
    locked.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != locked and real(path, mode, **kw))
    for args in (("corpus", SEED, "--scheduler", "synchronous"), ("compare", SEED, DEMO, "--notebooks", COLLECTION)):
        bad = cli([*args, "--out", locked / "out"], capsys)
        assert bad.returncode == 2 and bad.stderr.splitlines() == [
            f"{locked / 'out'}: cannot write there ({locked} is not writable, or on a read-only disk)"], bad.stderr
    assert list(locked.iterdir()) == [] and visible(tmp_path) == ["locked"]


def test_no_report_takes_a_command_folder_name(tmp_path):
    """A statement named as a command's folder (corpus.txt, comparison.txt ...) gets "-statement" after it."""
    from readout.run.folders import KINDS

    files = [tmp_path / f"{kind}.txt" for kind in KINDS]
    assert report_slugs(files, tmp_path / "out") == [f"{kind}-statement" for kind in KINDS]
