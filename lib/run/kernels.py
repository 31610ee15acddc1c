"""How does one notebook run? On a ``python3`` kernel that runs several notebooks in turn, within time limits.

:func:`execute` runs one notebook with papermill and records how it went (:class:`NotebookRun`);
a failure is recorded, never raised. :class:`Kernel` keeps one kernel for several notebooks, so
that each notebook after the first skips the kernel's start-up and the imports already made.
:class:`Limits` bounds a cell, a notebook and a whole run.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# isort: off
from readout import _fastimport  # noqa: F401  (before nbformat: see the module)
import nbformat
# isort: on
import papermill
from jupyter_client import AsyncKernelManager, BlockingKernelClient
from jupyter_core.utils import run_sync

__all__ = ["KERNEL", "CELL_TIMEOUT", "KILL_GRACE", "NotebookRun", "Limits", "Deadline", "Kernel", "execute", "not_started"]

KERNEL = "python3"
#: Seconds one notebook cell may run before the run counts it as failed.
CELL_TIMEOUT = 600
#: Seconds a notebook's kernel gets to stop after an interrupt at a time limit before it is killed.
KILL_GRACE = 10.0


@dataclass(frozen=True)
class NotebookRun:
    """How one notebook went: ``status`` "ok" or "failed"; ``error`` names the failing cell."""

    notebook: str
    status: str
    seconds: float
    error: dict[str, Any] | None = None


@dataclass(frozen=True)
class Limits:
    """Time limits of a run, in seconds (``None``: no limit).

    ``cell``: one notebook cell (papermill's execution timeout). ``notebook``: one notebook from
    start to end. ``run``: the whole run; when it runs out, the notebooks running are stopped,
    those not started are not started, and statements not reached keep their earlier reports.
    """

    cell: int = CELL_TIMEOUT
    notebook: float | None = None
    run: float | None = None

    def start(self) -> Deadline:
        """The clock for one run, started now."""
        return Deadline(self, None if self.run is None else time.monotonic() + self.run)


@dataclass(frozen=True)
class Deadline:
    """A run's clock: its :class:`Limits` and when (``time.monotonic()``) the whole run must stop."""

    limits: Limits
    at: float | None

    def expired(self) -> bool:
        return self.at is not None and time.monotonic() >= self.at

    def for_notebook(self) -> tuple[float | None, str]:
        """Seconds the next notebook may take, and the name of the limit that sets it."""
        left = None if self.at is None else self.at - time.monotonic()
        if left is not None and (self.limits.notebook is None or left < self.limits.notebook):
            return left, "whole-run"
        return self.limits.notebook, "per-notebook"


#: The kernel talks to us over loopback only; its start-up warning about
#: unencrypted TCP would otherwise land in every scheduled run's log.
# No command history: a kernel reused for several notebooks restarts its cell count, which
# IPython's history database would report as an error in the notebook's output.
_KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL", "--HistoryManager.enabled=False"]


class _KernelManager(AsyncKernelManager):
    """The asynchronous kernel manager, keeping the clients papermill makes of it: papermill treats a
    kernel it was given as someone else's and never closes its clients, each of which holds a heartbeat
    thread and about fifteen file descriptors; :meth:`close_clients` closes them after each notebook."""

    def client(self, **kwargs: Any) -> Any:
        kc = super().client(**kwargs)
        self.__dict__.setdefault("_readout_clients", []).append(kc)
        return kc

    def close_clients(self) -> None:
        for kc in self.__dict__.pop("_readout_clients", []):
            try:
                kc.stop_channels()
            except Exception:  # noqa: BLE001  (channels already closed)
                pass


class Kernel:
    """One ``python3`` kernel that runs several notebooks in turn, so that each notebook after the
    first skips the kernel's start-up and the imports already made (most of a notebook's cost).

    Between notebooks the user namespace is cleared (``%reset -f``); imported modules stay. Every
    notebook sets what it relies on (parameters, its imports, the house style) in its own cells,
    so the order in which notebooks share a kernel does not change what they compute. A kernel
    that died, or that was running a notebook that failed or was stopped, is replaced by a new one.

    The kernel manager is the asynchronous one: papermill's client then waits for output and for
    the cell's reply side by side, so its per-cell timeout and its check that the kernel is still
    alive both work (with the blocking manager a silent cell would block them both). Its methods run
    on this thread's event loop (``run_sync``); one ``Kernel`` is used by one thread.
    """

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.km: _KernelManager | None = None
        self.used = False
        self.dirty = False  # the last notebook failed: its kernel may still be busy or half set up

    def ready(self) -> _KernelManager:
        if self.km is None or self.dirty or not run_sync(self.km.is_alive)():
            self.shutdown()
            self.km = _KernelManager(kernel_name=KERNEL)
            run_sync(self.km.start_kernel)(extra_arguments=_KERNEL_ARGUMENTS, cwd=str(self.cwd))
            self.used = self.dirty = False
        elif self.used:
            kc = BlockingKernelClient()
            kc.load_connection_info(self.km.get_connection_info())
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=60)
                # Clear the namespace and restart the cell count, so the stored notebook reads
                # as from a fresh kernel (In [1], In [2] ...), whichever notebook ran before.
                kc.execute_interactive("get_ipython().run_line_magic('reset', '-f'); get_ipython().execution_count = 1",
                                       store_history=False, timeout=60)
            finally:
                kc.stop_channels()
        self.used = True
        return self.km

    def pid(self) -> int | None:
        """The kernel's process id, if it is running."""
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        return getattr(process, "pid", None)

    def shutdown(self) -> None:
        if self.km is not None and self.km.has_kernel:
            try:
                run_sync(self.km.shutdown_kernel)(now=True)
            except Exception:  # noqa: BLE001  (a kernel already gone)
                pass
        self.km = None


def _signal(pid: int | None, signum: int) -> None:
    if pid is not None:
        try:
            os.kill(pid, signum)
        except OSError:  # already gone
            pass


def execute(notebook: Path, target: Path, parameters: dict[str, Any], timeout: int,
            kernel: Kernel | None = None, limit: float | None = None, limit_name: str = "") -> NotebookRun:
    """Execute one notebook with papermill (in ``kernel`` if given, else in a kernel of its own);
    a failure is recorded, not raised.

    ``timeout`` bounds each cell (papermill's execution timeout). ``limit`` (seconds, counted from
    now, kernel start-up included) bounds the whole notebook: when it runs out the kernel is
    interrupted (SIGINT), and killed if it has not stopped :data:`KILL_GRACE` seconds later; the run is
    recorded as failed with ``ename`` "Timeout", naming ``limit_name`` (which limit it was).

    The kernel is started in the notebook's folder; papermill is not given a ``cwd``, because it
    would change the whole process's working directory while the notebook runs, and with two
    notebooks running at once the two changes interleave and can leave the runner in the wrong folder.
    """
    began = time.perf_counter()
    error = None
    own = kernel is None
    kernel = kernel or Kernel(notebook.parent)
    finished, timed_out, lock = threading.Event(), threading.Event(), threading.Lock()
    watchdog = None

    def stop() -> None:  # the time limit ran out: interrupt the running cell, then kill if need be
        with lock:
            if finished.is_set():
                return
            timed_out.set()
            pid = kernel.pid()
            _signal(pid, signal.SIGINT)
        if not finished.wait(KILL_GRACE):
            with lock:
                if not finished.is_set():
                    _signal(pid, signal.SIGKILL)

    try:
        km = kernel.ready()
        if limit is not None:
            watchdog = threading.Timer(max(0.0, limit - (time.perf_counter() - began)), stop)
            watchdog.daemon = True
            watchdog.start()
        papermill.execute_notebook(
            str(notebook),
            str(target),
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            km=km,
        )
    except papermill.PapermillExecutionError as exc:
        error = {"cell_index": exc.cell_index, "execution_count": exc.exec_count,
                 "ename": exc.ename, "evalue": exc.evalue, "source": _cell_source(target, exc.exec_count)}
    except Exception as exc:  # a kernel that would not start, died or timed out: still a report, marked failed
        error = {"cell_index": None, "execution_count": None,
                 "ename": exc.__class__.__name__, "evalue": str(exc).splitlines()[0] if str(exc) else ""}
    finally:
        with lock:
            finished.set()
        if watchdog is not None:
            watchdog.cancel()
        if kernel.km is not None:
            kernel.km.close_clients()
        if error is not None or timed_out.is_set():
            kernel.dirty = True
        if own:
            kernel.shutdown()
    seconds = round(time.perf_counter() - began, 2)
    if timed_out.is_set():
        error = {"cell_index": (error or {}).get("cell_index"), "execution_count": (error or {}).get("execution_count"),
                 "ename": "Timeout", "evalue": f"stopped after {seconds:.0f} s: the {limit_name} time limit ran out",
                 "source": (error or {}).get("source", ""), "limit": limit_name}
    return NotebookRun(notebook.name, "failed" if error else "ok", seconds, error)


def not_started(notebook: Path) -> NotebookRun:
    """A notebook the whole-run limit stopped before it began, recorded as a failure of that limit."""
    return NotebookRun(notebook.name, "failed", 0.0, {
        "cell_index": None, "execution_count": None, "ename": "Timeout",
        "evalue": "not started: the whole-run time limit had run out", "source": "", "limit": "whole-run"})


def _cell_source(notebook: Path, execution_count: int) -> str:
    """The source (first 300 characters) of the code cell that ran as ``In [execution_count]`` ("" if not found).

    Searched by execution count because papermill adds an error banner cell at
    the top of a failed notebook, which shifts the cell positions.
    """
    try:
        cells = nbformat.read(notebook, as_version=4).cells
    except (OSError, ValueError):
        return ""
    for cell in cells:
        if cell.cell_type == "code" and cell.get("execution_count") == execution_count:
            return cell.source[:300]
    return ""
