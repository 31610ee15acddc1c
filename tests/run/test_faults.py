"""Nothing a user had is lost (issue #18): folders the tool did not make, reserved names, failed
re-runs, kills during publishing, and the input read once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readout.paths import PROJECT_ROOT
from readout.run.publishing import FAULT_VARIABLE, NO_EXCHANGE_VARIABLE, building, repair, swap_in

SEED = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[0]


def readout(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "readout", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False, env={**os.environ, **(env or {})})


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
    proc = readout("run", "in/budget.txt", "--out", "d", cwd=tmp_path)
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
    first = readout("run", "in/logs.txt", "--out", "out", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    out = tmp_path / "out"
    # a statement named logs.txt never takes the run logs' folder
    assert (out / "logs-statement" / "index.html").is_file()
    assert [p.name for p in (out / "logs").iterdir()][0].startswith("run-")
    # the report holds the bytes it analysed, and every notebook read that copy
    manifest = json.loads((out / "logs-statement" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["snapshot"] == "input/logs.txt"
    assert (out / "logs-statement" / "input" / "logs.txt").read_bytes() == SEED.read_bytes()
    tone = json.loads((out / "logs-statement" / "03-tone.ipynb").read_text(encoding="utf-8"))
    params = next(c for c in tone["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    assert "/input/logs.txt" in "".join(params["source"])
    tables = sorted(p.name for p in (out / "logs-statement" / "tables").iterdir())
    # a forced re-run whose notebooks fail does not replace the complete report (a notebook set with a
    # notebook that always fails stands in for any failure)
    again = readout("run", "in/logs.txt", "--out", "out", "--force", "--notebooks",
                    str(PROJECT_ROOT / "tests" / "fixtures" / "notebooks" / "mixed"), cwd=tmp_path)
    assert again.returncode == 1, again.stderr
    assert "the complete earlier report is kept at out/logs-statement, this run's is at " \
           "out/logs-statement.failed" in again.stderr
    assert json.loads((out / "logs-statement" / "manifest.json").read_text(encoding="utf-8"))["status"] == "ok"
    assert sorted(p.name for p in (out / "logs-statement" / "tables").iterdir()) == tables
    assert (out / "logs-statement" / "05-actors.html").is_file()  # the complete report, whole
    assert json.loads((out / "logs-statement.failed" / "manifest.json").read_text(encoding="utf-8"))["status"] == "failed"
    assert "failed re-run (the complete earlier report is kept)" in (out / "index.html").read_text(encoding="utf-8")
    assert len(list((out / "logs").iterdir())) == 2  # both runs logged; neither log lost
