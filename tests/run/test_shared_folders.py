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
