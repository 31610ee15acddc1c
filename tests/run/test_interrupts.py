"""A run stopped from outside: Ctrl-C leaves no half-built report, and killing the runner leaves no
kernel behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from conftest import FIXTURES, SEED

from readout.run.kernels import KernelPool
from readout.run.parameters import notebook_parameters

PASS = FIXTURES / "notebooks" / "pass"


def start_slow_run(out: Path) -> subprocess.Popen:
    """A run of the one-cell fixture notebook told to pause 60 s, started in the background."""
    return subprocess.Popen([sys.executable, "-m", "readout", "run", str(SEED), "--out", str(out), "--notebooks",
                             str(PASS), "-p", "pause", "60"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def wait_for_kernel(proc: subprocess.Popen, out: Path) -> list[psutil.Process]:
    """Wait until the notebook runs (a build folder exists and a kernel works), then list the run's processes."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        family = psutil.Process(proc.pid).children(recursive=True)
        if list(out.glob(".building-*")) and len(family) >= 2:
            time.sleep(2)  # the notebook's cell is now pausing
            return psutil.Process(proc.pid).children(recursive=True)
        time.sleep(0.2)
    proc.kill()
    pytest.fail("the run never started its notebook")


@pytest.mark.parametrize("signum, code, said", [(signal.SIGINT, 130, "Ctrl-C"), (signal.SIGTERM, 143, "SIGTERM")])
def test_an_interrupt_discards_the_build_keeps_the_earlier_report_and_logs(tmp_path, signum, code, said):
    out = tmp_path / "outputs"
    earlier = out / "000-1844251938b000cf"
    earlier.mkdir(parents=True)
    (earlier / "index.html").write_text("earlier report", encoding="utf-8")
    (earlier / "manifest.json").write_text('{"run_key": "earlier", "status": "ok", "notebooks": []}', encoding="utf-8")
    proc = start_slow_run(out)
    family = wait_for_kernel(proc, out)
    began = time.monotonic()
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert time.monotonic() - began < 20  # the pausing notebook was interrupted, not waited for
    assert sorted(p.name for p in out.iterdir()) == ["000-1844251938b000cf", "logs"]  # no .building-* left
    assert (earlier / "index.html").read_text(encoding="utf-8") == "earlier report"
    assert f"interrupted ({said}); earlier reports are untouched" in err
    (log,) = (out / "logs").iterdir()  # an interrupted run has its log too
    assert f"interrupted by signal {int(signum)} ({signal.Signals(signum).name})" in log.read_text(encoding="utf-8")
    gone, alive = psutil.wait_procs(family, timeout=15)
    assert alive == []


def test_a_second_interrupt_ends_the_run_at_once(tmp_path):
    out = tmp_path / "outputs"
    proc = start_slow_run(out)
    wait_for_kernel(proc, out)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    # whichever way it ended, what it left is cleaned by the next run's repair
    from readout.run.publishing import repair

    repair(out)
    assert not list(out.glob(".building-*"))


def test_killing_the_runner_ends_its_kernels(tmp_path):
    out = tmp_path / "outputs"
    proc = start_slow_run(out)
    family = wait_for_kernel(proc, out)
    proc.kill()  # SIGKILL: the runner cannot clean up; the server sees its input close, the kernels their server go
    proc.communicate(timeout=30)
    gone, alive = psutil.wait_procs(family, timeout=15)
    assert alive == [], [p.cmdline() for p in alive]


def test_a_pool_survives_a_failing_import_in_its_threads(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "papermill", None)  # "import papermill" now raises ImportError
    with KernelPool(1, tmp_path, warm=False, fork=False) as pool:
        assert pool.submit(lambda kernel: "done").result(timeout=30) == "done"  # no hang: the thread lives on


def test_parameters_cell_with_a_magic(tmp_path):
    import json

    notebook = tmp_path / "01-magic.ipynb"
    cell = {"cell_type": "code", "id": "p", "metadata": {"tags": ["parameters"]}, "outputs": [],
            "execution_count": None, "source": "%matplotlib inline\nx = 1\ny = 'a'"}
    notebook.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
                        encoding="utf-8")
    assert notebook_parameters(notebook) == {"x": 1, "y": "a"}
