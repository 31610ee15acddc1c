"""A run's kernels: forked from one warm server, reused between notebooks, and like a fresh kernel each time."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import psutil
import pytest
from conftest import FIXTURES, SEED

from readout.run.forkserver import ForkedProcess, ForkServer
from readout.run.kernels import WHOLE_RUN_GRACE, KernelPool, _run_silently, execute

PASS = FIXTURES / "notebooks" / "pass"

#: What a notebook could see of the kernel it runs in, printed as JSON.
PROBE = ("import json, os, sys, pandas as pd, matplotlib\n"
         "print(json.dumps({'pid': os.getpid(), 'ppid': os.getppid(), 'max_columns': pd.get_option('display.max_columns'),"
         " 'backend': matplotlib.get_backend(), 'count': get_ipython().execution_count,"
         " 'leftover': 'secret' in globals(), 'readout': 'readout.analyses.rows' in sys.modules, 'cwd': os.getcwd()}))")


def probe(pool: KernelPool, tmp: Path, name: str, before: str = "", folder: Path | None = None) -> dict:
    """Run a one-cell notebook (optionally after ``before``, in the same kernel; in ``folder`` if given) and
    read what it printed; ``client`` is the kernel's client after the notebook, and whether its channels are
    still open."""
    notebook = tmp / f"{name}.ipynb"
    cells = [{"cell_type": "code", "id": "parameters", "metadata": {"tags": ["parameters"]},
              "source": "statement_path = ''", "outputs": [], "execution_count": None},
             {"cell_type": "code", "id": "probe", "metadata": {}, "source": PROBE, "outputs": [], "execution_count": None}]
    notebook.write_text(json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "language": "python",
                        "display_name": "Python 3"}}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")

    def work(kernel):
        if before:
            from jupyter_core.utils import run_sync
            kernel.ready()
            run_sync(_run_silently)(kernel.kc, before, 60)
        return execute(notebook, tmp / f"{name}-out.ipynb", {}, 60, kernel, folder=folder), kernel.kc

    run, client = pool.submit(work).result(timeout=120)
    assert run.status == "ok", run.error
    out = json.loads((tmp / f"{name}-out.ipynb").read_text(encoding="utf-8"))
    seen = json.loads("".join(out["cells"][-1]["outputs"][0]["text"]))
    seen["cells"] = [c["execution_count"] for c in out["cells"]]
    seen["client"] = (id(client), client.channels_running)
    return seen


def alive(pid: int) -> bool:
    return ForkedProcess(pid).poll() is None


def processes(pids: set[int]) -> list[psutil.Process]:
    """The processes of these ids still running."""
    found = []
    for pid in pids:
        try:
            found.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            pass
    return found


@pytest.fixture(scope="module")
def forked(tmp_path_factory):
    """A pool of one kernel forked from its warm server, shared by the tests that need one such kernel."""
    with KernelPool(1, tmp_path_factory.mktemp("forked")) as pool:
        yield pool


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    """A pool of one kernel started the usual way, neither forked nor warmed up: as a fresh kernel."""
    with KernelPool(1, tmp_path_factory.mktemp("plain"), warm=False, fork=False) as pool:
        yield pool


def test_pool_kernels_are_forked_warm_and_look_like_a_fresh_kernel(tmp_path, plain):
    with KernelPool(2, tmp_path) as pool:
        server = pool.forkserver.process.pid
        first = probe(pool, tmp_path, "a", before="secret = 42")
        second = probe(pool, tmp_path, "b")
        # forked from the server, which had already loaded the analyses
        assert first["ppid"] == server and first["readout"]
        # as in a kernel started the usual way: pandas' kernel display default, the inline backend
        assert first["max_columns"] == 20 and "inline" in first["backend"]
        # reused kernels start each notebook with a clean namespace, counting cells from 1
        assert first["leftover"] is False and first["cells"] == [1, 2]
        assert second["leftover"] is False and second["cells"] == [1, 2]
        kernels = {first["pid"], second["pid"]}
    fresh = probe(plain, tmp_path, "fresh")
    again = probe(plain, tmp_path, "again")
    assert (fresh["count"], fresh["max_columns"], fresh["backend"]) == (first["count"], 20, first["backend"])
    # one client serves the kernel's notebooks, and papermill (nbclient) leaves it open between them
    assert again["pid"] == fresh["pid"] and again["client"] == fresh["client"] and fresh["client"][1] is True
    _, left = psutil.wait_procs(processes(kernels | {server}), timeout=10)
    assert left == []  # closing the pool stops them all


def test_same_figures_and_tables_with_and_without_the_fork_server(tmp_path, forked, plain):
    """A notebook's outputs do not depend on how its kernel was started."""
    outputs = []
    for name, pool in (("forked", forked), ("plain", plain)):
        run = pool.submit(lambda kernel: execute(PASS / "01-count-pass.ipynb", tmp_path / f"{name}.ipynb",
                                                 {"statement_path": str(SEED)}, 60, kernel)).result(120)
        assert run.status == "ok"
        cells = json.loads((tmp_path / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
        outputs.append([c.get("outputs") for c in cells if c["cell_type"] == "code"])
    assert outputs[0] == outputs[1] and any(outputs[0])


def test_a_fork_server_that_does_not_start_leaves_the_usual_kernels(tmp_path, monkeypatch):
    monkeypatch.setattr("readout.run.forkserver.sys.executable", "/nonexistent/python")
    server = ForkServer()
    assert server.fork(["python"], str(tmp_path), {}) is None  # the caller starts the kernel itself
    server.close()
    monkeypatch.undo()
    with KernelPool(1, tmp_path) as pool:
        pool.forkserver.close()  # gone before any kernel was asked for
        pool.forkserver.ready = False
        assert probe(pool, tmp_path, "c")["ppid"] == os.getpid()  # started by jupyter_client instead


def test_a_forked_kernel_is_interrupted_and_killed_by_its_process_id(forked):
    def work(kernel):
        kernel.ready()
        pid = kernel.pid()
        assert ForkedProcess(pid).poll() is None and kernel.forked()
        os.kill(pid, signal.SIGKILL)
        return pid, kernel.km.provisioner.process.wait(timeout=10)

    pid, code = forked.submit(work).result(timeout=60)
    assert code is not None and not alive(pid)


def test_each_notebook_runs_in_the_folder_it_is_given(tmp_path, forked):
    """As Jupyter runs a notebook in its own folder, so that a report's notebooks read their inputs by paths
    relative to the report (#27, item 3); a reused kernel moves from one to the next, and back."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    seen = [probe(forked, tmp_path, name, folder=folder)["cwd"]
            for name, folder in (("one", tmp_path / "a"), ("two", tmp_path / "b"), ("three", None))]
    assert seen == [str(tmp_path / "a"), str(tmp_path / "b"), str(forked.cwd)]


def test_a_kernel_stopped_at_the_whole_run_limit_is_killed_within_a_second(tmp_path, forked):
    """#27, item 6: a cell that ignores interrupts is killed WHOLE_RUN_GRACE (0.5 s) after the whole-run limit,
    not after the grace a notebook's own limit gives (the report is discarded: a clean stop gains nothing);
    papermill sees the kernel gone within a second more."""
    def work(kernel):
        kernel.ready()  # started: the limit is the notebook's alone
        return execute(FIXTURES / "notebooks" / "stubborn" / "01-stubborn-fail.ipynb", tmp_path / "out.ipynb",
                       {"pause": 300}, 600, kernel, limit=3.0, limit_name="whole-run", grace=30)

    run = forked.submit(work).result(timeout=120)
    print(f"stopped after {run.seconds:.2f} s (limit 3 s, grace {WHOLE_RUN_GRACE:g} s)")
    assert (run.error["ename"], run.error["limit"]) == ("Timeout", "whole-run")
    assert 3.0 <= run.seconds < 3.0 + WHOLE_RUN_GRACE + 1.5
