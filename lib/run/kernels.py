"""How does one notebook run? On a ``python3`` kernel that runs several notebooks in turn, within time limits.

:func:`execute` runs one notebook with papermill and records how it went (:class:`NotebookRun`);
a failure is recorded, never raised. :class:`Kernel` keeps one kernel for several notebooks, so
that each notebook after the first skips the kernel's start-up and the imports already made.
:class:`Limits` bounds a cell, a notebook and a whole run.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jupyter_client import AsyncKernelManager
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_core.utils import ensure_event_loop, run_sync

from .forkserver import ForkedProcess, ForkServer

__all__ = ["KERNEL", "CELL_TIMEOUT", "KILL_GRACE", "NotebookRun", "Limits", "Deadline", "Kernel", "KernelPool",
           "execute", "not_started", "clean_connection_files"]

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


#: Run in a reused kernel before its next notebook: clear the namespace as ``%reset -f`` does and
#: restart the cell count, so the stored notebook reads as from a fresh kernel (In [1], In [2] ...),
#: whichever notebook ran before. The garbage collection ``%reset`` forces (twice, about 0.1 s each on
#: a kernel holding pandas and matplotlib) is skipped: Python collects that garbage in its own time.
#: The function's own name is cleared with the rest; it runs on from its frame.
_RESET = """\
def __readout_reset(ip=get_ipython(), gc=__import__("gc")):
    collect = gc.collect
    gc.collect = lambda *args, **kwargs: 0
    try:
        ip.reset(new_session=False)
    finally:
        gc.collect = collect
    ip.execution_count = 1
__readout_reset()
"""


#: Run in a kernel before its first notebook, while the runner checks its input: the imports and the
#: data every notebook needs, so that no notebook pays for them (see :mod:`readout.run.warmup`).
_WARM_UP = "import readout.run.warmup as __readout_warmup; __readout_warmup.warm_up()"


class _Client(AsyncKernelClient):
    """papermill's client of one kernel, kept for the kernel's life instead of made anew for each
    notebook: a new client's handshake waits for its IOPub subscription to take (0.2 s or more a
    notebook). When ``reset_pending`` is set (the kernel ran something before), the client clears the
    namespace (:data:`_RESET`) before the next notebook's first cell."""

    started = False
    handshaken = False
    reset_pending = False

    def start_channels(self, *args: Any, **kwargs: Any) -> None:
        if not self.started:  # papermill asks for every notebook; the channels stay open between them
            super().start_channels(*args, **kwargs)
            self.started = True

    async def wait_for_ready(self, timeout: float | None = None) -> None:  # type: ignore[override]
        if not self.handshaken:
            await self._handshake(timeout or 60)
            self.handshaken = True
        if self.reset_pending:
            self.reset_pending = False
            await _run_silently(self, _RESET, timeout or 60)


    async def _handshake(self, timeout: float) -> None:
        """Wait until the kernel answers on the shell channel and its IOPub messages reach us. As
        jupyter_client's own wait, but checking IOPub every 20 ms instead of giving it 0.2 s a try (a
        new subscription misses the first messages, so the first try usually fails)."""
        deadline = time.monotonic() + timeout
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except queue.Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=0.02)
                except queue.Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(reply)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")


class _KernelManager(AsyncKernelManager):
    """The asynchronous kernel manager, handing papermill the same client (:class:`_Client`) for
    every notebook of the kernel (:meth:`close_client` closes it when the kernel goes), and starting
    the kernel from ``forkserver`` when there is one (:mod:`readout.run.forkserver`)."""

    def __init__(self, forkserver: ForkServer | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.client_class = f"{__name__}._Client"  # observed: sets the client factory
        self.forkserver = forkserver

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        pid = None
        if self.forkserver is not None:
            cwd = str(kw.get("cwd") or os.getcwd())
            pid = self.forkserver.fork(kernel_cmd, cwd, dict(kw.get("env") or os.environ))
        if pid is None:  # no fork server, or it failed: the usual start
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        provisioner = self.provisioner
        assert provisioner is not None
        provisioner.process = ForkedProcess(pid)
        provisioner.pid = provisioner.pgid = pid  # its own session: its process group is itself
        provisioner.cwd = kw.get("cwd")
        self._reconcile_connection_info(provisioner.connection_info)

    def client(self, **kwargs: Any) -> Any:
        kc = self.__dict__.get("_readout_client")
        if kc is None:
            kc = self.__dict__["_readout_client"] = super().client(**kwargs)
        return kc

    def close_client(self) -> None:
        kc = self.__dict__.pop("_readout_client", None)
        if kc is not None:
            try:
                kc.stop_channels()
            except Exception:  # noqa: BLE001  (channels already closed)
                pass


async def _run_silently(kc: Any, code: str, timeout: float) -> None:
    """Run ``code`` through the client ``kc`` (silently, not in the history) and wait for its reply;
    a failure raises."""
    msg_id = kc.execute(code, silent=True, store_history=False)
    deadline = time.monotonic() + timeout
    while True:
        reply = await kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
        if reply.get("parent_header", {}).get("msg_id") == msg_id:
            break
    if reply["content"].get("status") != "ok":
        raise RuntimeError(f"the kernel could not run {code.split(chr(10))[0][:40]!r} ({reply['content'].get('ename')})")


def _connection_folder() -> Path:
    """This process's folder for kernel connection files, in Jupyter's runtime folder (made if need be)."""
    from jupyter_core.paths import jupyter_runtime_dir

    folder = Path(jupyter_runtime_dir()) / f"readout-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def clean_connection_files() -> list[str]:
    """Remove the connection-file folders of runs that are gone (killed before they could); the lines
    say what was removed. A folder of a live process, or one that cannot be read, is left alone."""
    from jupyter_core.paths import jupyter_runtime_dir

    done = []
    try:
        folders = list(Path(jupyter_runtime_dir()).glob("readout-*"))
    except OSError:
        return done
    for folder in folders:
        pid = folder.name.removeprefix("readout-")
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # alive
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        n = len(list(folder.glob("*.json")))
        shutil.rmtree(folder, ignore_errors=True)
        done.append(f"cleaned: {n} kernel connection file{'s' if n != 1 else ''} left by run {pid} (it was killed)")
    return done


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

    def __init__(self, cwd: Path, forkserver: ForkServer | None = None) -> None:
        self.cwd = cwd
        self.forkserver = forkserver
        self.km: _KernelManager | None = None
        self.used = False
        self.dirty = False  # the last notebook failed: its kernel may still be busy or half set up

    def ready(self) -> _KernelManager:
        """The kernel, started if need be, its namespace cleared before the next notebook if it ran one."""
        if self.km is None or self.dirty or not run_sync(self.km.is_alive)():
            self.start()
        elif self.used:
            self.km.client().reset_pending = True  # cleared by papermill's client, before the first cell
        self.used = True
        return self.km

    def start(self) -> None:
        """Start a new kernel (any old one is shut down first). Its connection file goes to a folder of
        this process in Jupyter's runtime folder (``readout-<pid>``), so that files left by a killed run
        can be found and removed (:func:`clean_connection_files`)."""
        self.shutdown()
        folder = _connection_folder()
        self.km = _KernelManager(self.forkserver, kernel_name=KERNEL,
                                 connection_file=str(folder / f"kernel-{uuid.uuid4().hex}.json"))
        run_sync(self.km.start_kernel)(extra_arguments=_KERNEL_ARGUMENTS, cwd=str(self.cwd))
        self.used = self.dirty = False

    def warm_up(self) -> bool:
        """Start the kernel, connect to it, and run :data:`_WARM_UP` in it unless it was forked from a
        server that had (:mod:`readout.run.forkserver`); True if all went well. A kernel that will not
        start or warm up is left to :meth:`ready` to replace: warming is only ever a saving."""
        try:
            if self.km is None:
                self.start()
            kc = self.km.client()
            kc.start_channels()
            run_sync(kc.wait_for_ready)(timeout=60)
            if not isinstance(getattr(self.km.provisioner, "process", None), ForkedProcess):
                run_sync(_run_silently)(kc, _WARM_UP, 120)  # a forked kernel has it all from the server
                self.used = True  # its namespace holds the warm-up's names: clear them before the first notebook
        except Exception:  # noqa: BLE001
            self.dirty = True
            return False
        return True

    def pid(self) -> int | None:
        """The kernel's process id, if it is running."""
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        return getattr(process, "pid", None)

    def shutdown(self) -> None:
        if self.km is not None:
            self.km.close_client()
        if self.km is not None and self.km.has_kernel:
            try:
                run_sync(self.km.shutdown_kernel)(now=True)
            except Exception:  # noqa: BLE001  (a kernel already gone)
                pass
        self.km = None


class KernelPool:
    """``size`` kernels for a whole run, each driven by a thread of its own (a kernel's client belongs to
    its thread's event loop), forked from one fork server (:mod:`readout.run.forkserver`) started with
    the pool. They start, and warm up (:meth:`Kernel.warm_up`), as soon as the pool is made: while the
    runner checks its input and reads the statements. :meth:`submit` hands a job (a function of a
    :class:`Kernel`) to the first free kernel; :meth:`close` shuts them all down.
    """

    def __init__(self, size: int, cwd: Path, warm: bool = True, fork: bool = True) -> None:
        self.cwd, self.warm = cwd, warm
        self.forkserver = ForkServer.take() if fork else None
        self.jobs: queue.SimpleQueue[tuple[Callable[[Kernel], Any], Future] | None] = queue.SimpleQueue()
        self.running: dict[Future, Kernel] = {}  # each job being run, and its kernel
        self.threads = [threading.Thread(target=self._work, name=f"readout-kernel-{k}", daemon=True)
                        for k in range(max(1, size))]
        for thread in self.threads:
            thread.start()

    def _work(self) -> None:
        kernel = Kernel(self.cwd, self.forkserver)
        try:
            try:
                import papermill  # noqa: F401  (here, while the fork server loads: the first notebook needs it)
            except ImportError:
                pass  # execute() imports it again and reports the failure on the job's future
            if self.warm:
                kernel.warm_up()  # never raises: a kernel that does not warm up is started afresh
            while (job := self.jobs.get()) is not None:
                work, future = job
                if not future.set_running_or_notify_cancel():
                    continue
                self.running[future] = kernel
                try:
                    future.set_result(work(kernel))
                except BaseException as exc:  # noqa: BLE001  (handed to whoever waits on the job)
                    future.set_exception(exc)
                finally:
                    self.running.pop(future, None)
        except BaseException as exc:  # noqa: BLE001  a dying thread fails the jobs waiting, never hangs them
            self._fail_waiting(exc)
            raise
        finally:
            kernel.shutdown()
            loop = ensure_event_loop()  # this thread's loop, which ran its kernel: close it with the thread
            if not loop.is_running():
                loop.close()

    def _fail_waiting(self, exc: BaseException) -> None:
        """Fail every job still queued (a worker thread died: nobody else may take them)."""
        while True:
            try:
                job = self.jobs.get_nowait()
            except queue.Empty:
                return
            if job is None:
                self.jobs.put(None)  # keep the close() sentinel for another thread
                return
            if job[1].set_running_or_notify_cancel():
                job[1].set_exception(exc)

    def stop(self, futures: list[Future]) -> None:
        """Stop these jobs now (after Ctrl-C, or an error that ends a report): cancel those not started,
        interrupt the kernels running the others (then kill them after :data:`KILL_GRACE` seconds), and
        wait until none is running, so that nothing writes into a folder about to be removed."""
        for future in futures:
            future.cancel()
        deadline = time.monotonic() + KILL_GRACE
        for future in futures:
            kernel = self.running.get(future)
            if kernel is not None:
                _signal(kernel.pid(), signal.SIGINT)
        for future in futures:
            kernel = self.running.get(future)
            try:
                future.exception(timeout=max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                if kernel is not None:
                    _signal(kernel.pid(), signal.SIGKILL)
                try:
                    future.exception(timeout=KILL_GRACE)
                except TimeoutError:
                    pass
            except CancelledError:
                pass

    def submit(self, work: Callable[[Kernel], Any]) -> Future:
        """Run ``work(kernel)`` on the first free kernel; the future holds its result."""
        future: Future = Future()
        self.jobs.put((work, future))
        return future

    def close(self) -> None:
        """Shut every kernel down once its current job is done."""
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join()
        if self.forkserver is not None:
            self.forkserver.close()
        try:  # the kernels are gone: so is this process's connection-file folder, if empty
            _connection_folder().rmdir()
        except OSError:
            pass

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
    import papermill  # here: the runner starts its kernels before it pays for papermill's imports

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
    import nbformat

    try:
        cells = nbformat.read(notebook, as_version=4).cells
    except (OSError, ValueError):
        return ""
    for cell in cells:
        if cell.cell_type == "code" and cell.get("execution_count") == execution_count:
            return cell.source[:300]
    return ""
