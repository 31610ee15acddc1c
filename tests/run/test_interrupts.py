"""A run stopped from outside: Ctrl-C leaves no half-built report, and killing the runner leaves no
kernel behind."""

from __future__ import annotations

import json
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
    """A run of a one-cell notebook that pauses 60 s (saying so in ``out``/pausing), started in the background."""
    notebooks = out.parent / "slow-notebooks"
    notebooks.mkdir(exist_ok=True)
    nb = json.loads((PASS / "01-count-pass.ipynb").read_text(encoding="utf-8"))
    nb["cells"][1]["source"] = "".join(nb["cells"][1]["source"]) + "\nmarker = ''"
    nb["cells"][2]["source"] = "import time\nfrom pathlib import Path\n\nPath(marker).touch()\ntime.sleep(pause)"
    (notebooks / "01-pause.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return subprocess.Popen([sys.executable, "-m", "readout", "run", str(SEED), "--out", str(out), "--notebooks",
                             str(notebooks), "-p", "pause", "60", "-p", "marker", str(out.parent / "pausing")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_kernel(proc: subprocess.Popen, out: Path) -> list[psutil.Process]:
    """Wait until the notebook's cell is pausing (it says so), then list the run's processes."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if (out.parent / "pausing").exists():
            return psutil.Process(proc.pid).children(recursive=True)
        time.sleep(0.05)
    proc.kill()
    pytest.fail("the run never started its notebook")


def signal_pending(pid: int, signum: int) -> bool:
    """Whether ``signum`` sent to the process ``pid`` has not been delivered yet."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except FileNotFoundError:  # it has ended
        return False
    masks = [int(line.split()[1], 16) for line in status.splitlines() if line.startswith(("SigPnd:", "ShdPnd:"))]
    return any(mask >> (signum - 1) & 1 for mask in masks)


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
    # the counts, as at the end of any run (#27, item 6), then what the command says of the interruption
    count = f"done 0, up to date 0, failed 0; interrupted ({said}), not reached 1: {SEED}"
    assert err.splitlines()[-2:] == [count, f"interrupted ({said}); earlier reports are untouched, the report being "
                                            "built was discarded; the run's log says how far it went"]
    (log,) = (out / "logs").iterdir()  # an interrupted run has its log too
    logged = log.read_text(encoding="utf-8").splitlines()
    assert logged[-3:] == [f"not reached: {SEED}", count, f"interrupted by signal {int(signum)} "
                           f"({signal.Signals(signum).name}); earlier reports are untouched, the report being built "
                           "was discarded"]
    gone, alive = psutil.wait_procs(family, timeout=15)
    assert alive == []


def test_a_second_interrupt_ends_the_run_at_once(tmp_path):
    out = tmp_path / "outputs"
    proc = start_slow_run(out)
    wait_for_kernel(proc, out)
    proc.send_signal(signal.SIGINT)
    while signal_pending(proc.pid, signal.SIGINT):  # two interrupts, not one sent twice
        pass
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    # its log, as far as the run went (#27, item 6): written as the run goes, not at its end
    (log,) = (out / "logs").iterdir()
    assert f"[1/1] {SEED} -> {out / '000-1844251938b000cf'}" in log.read_text(encoding="utf-8").splitlines()
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
    notebook = tmp_path / "01-magic.ipynb"
    cell = {"cell_type": "code", "id": "p", "metadata": {"tags": ["parameters"]}, "outputs": [],
            "execution_count": None, "source": "%matplotlib inline\nx = 1\ny = 'a'"}
    notebook.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
                        encoding="utf-8")
    assert notebook_parameters(notebook) == {"x": 1, "y": "a"}
