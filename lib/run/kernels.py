"""How does one notebook run? On a ``python3`` kernel that runs several notebooks in turn, within time limits.

:func:`execute` runs one notebook with papermill and records how it went (:class:`NotebookRun`);
a failure is recorded, never raised. :class:`Kernel` keeps one kernel for several notebooks, so
that each notebook after the first skips the kernel's start-up and the imports already made.
:class:`Limits` bounds a cell, a notebook and a whole run.
"""

from __future__ import annotations

import functools
import os
import queue
import shutil
import signal
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jupyter_client import AsyncKernelManager
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning import LocalProvisioner
from jupyter_core.utils import ensure_event_loop, run_sync

from readout import _fastimport  # noqa: F401  (before papermill, imported where needed, imports nbformat)

from .forkserver import ForkedProcess, ForkServer

__all__ = ["KERNEL", "CELL_TIMEOUT", "KILL_GRACE", "GRACE_VARIABLE", "WHOLE_RUN_GRACE", "NotebookRun", "Limits",
           "Deadline", "Kernel", "KernelPool", "execute", "not_started", "clean_connection_files", "writable_folders",
           "remove_temporary_folder"]

KERNEL = "python3"
#: Seconds one notebook cell may run before the run counts it as failed.
CELL_TIMEOUT = 600
#: Seconds a notebook's kernel gets to stop after an interrupt at a time limit before it is killed.
KILL_GRACE = 10.0
#: Set to a number of seconds to use instead of :data:`KILL_GRACE`: how the tests see a kill without
#: waiting ten seconds for it.
GRACE_VARIABLE = "READOUT_KILL_GRACE"
#: Seconds, at most, a kernel interrupted at the whole-run limit gets before it is killed: the report
#: it was making is discarded, so a clean stop gains nothing, and the run ends within two seconds of
#: its limit (papermill sees a killed kernel within a second more).
WHOLE_RUN_GRACE = 0.5


def _grace() -> float:
    try:
        return max(0.0, float(os.environ[GRACE_VARIABLE]))
    except (KeyError, ValueError):
        return KILL_GRACE


@dataclass(frozen=True)
class NotebookRun:
    """How one notebook went: ``status`` "ok" or "failed"; ``error`` names the failing cell; ``ran``:
    False when it failed before its cells were sent to a kernel (none would start, or the time limit
    had run out)."""

    notebook: str
    status: str
    seconds: float
    error: dict[str, Any] | None = None
    ran: bool = True


@dataclass(frozen=True)
class Limits:
    """Time limits of a run, in seconds (``None``: no limit).

    ``cell``: one notebook cell (papermill's execution timeout). ``notebook``: one notebook from
    start to end. ``run``: the whole run; when it runs out, the notebooks running are stopped,
    those not started are not started, and statements not reached keep their earlier reports.
    ``grace``: how long a kernel interrupted at a limit (or by Ctrl-C) gets to stop before it is
    killed (:data:`KILL_GRACE`, or :data:`GRACE_VARIABLE` from the environment).
    """

    cell: int = CELL_TIMEOUT
    notebook: float | None = None
    run: float | None = None
    grace: float = field(default_factory=_grace)

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

    def left(self) -> float | None:
        """Seconds until the whole run must stop (0 once it has passed; None: no limit)."""
        return None if self.at is None else max(0.0, self.at - time.monotonic())

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


#: Run in a kernel before its first notebook (a kernel started the usual way, without the fork server,
#: whose kernels have it done already): the imports and the data every notebook needs, so that no notebook pays for them (see :mod:`readout.run.warmup`).
_WARM_UP = "import readout.run.warmup as __readout_warmup; __readout_warmup.warm_up()"


class _ForkProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, launching the kernel forked from the run's fork server
    (:mod:`readout.run.forkserver`) when there is one; the usual start when the server is not there.
    The kernel it forks is handled as the usual one: by its process id, in a session of its own."""

    forkserver: ForkServer | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        if self.forkserver is not None:
            cwd, env = str(kwargs.get("cwd") or os.getcwd()), dict(kwargs.get("env") or os.environ)
            pid = self.forkserver.fork(cmd, cwd, env)
            if pid is not None:
                self.process = ForkedProcess(pid)  # type: ignore[assignment]
                self.pid = self.pgid = pid  # its own session: its process group is itself
                self.cwd = kwargs.get("cwd")
                return self.connection_info
        return await super().launch_kernel(cmd, **kwargs)


async def _run_silently(kc: AsyncKernelClient, code: str, timeout: float) -> None:
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


@functools.cache
def _engine() -> str:
    """The name of our papermill engine, registered on first use: papermill's own (nbclient), run
    with the kernel's client instead of a new one. nbclient connects a client of its own only when it
    has none (``NotebookClient.setup_kernel``), and leaves one it was given open (checked against
    papermill 2.7.0 and nbclient 0.11.0; tests/run/test_kernels.py pins it); a new client for each
    notebook would cost its handshake (about 0.4 s: jupyter_client waits for 0.2 s of IOPub silence)
    and, as papermill never closes a client of a kernel it was given, a thread and about fifteen file
    descriptors."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import Engine, papermill_engines
    from papermill.log import logger

    class ReusedKernelEngine(Engine):
        @classmethod
        def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, log_output: bool = False,
                                     execution_timeout: int | None = None, kernel: Kernel | None = None,
                                     **kwargs: Any) -> Any:
            assert kernel is not None
            client = PapermillNotebookClient(nb_man, km=kernel.km, timeout=execution_timeout,
                                             kernel_name=kernel_name, log=logger, log_output=log_output)
            client.kc = kernel.kc
            return client.execute()

    papermill_engines.register("readout", ReusedKernelEngine)
    return "readout"


#: The folders a run writes under the home folder, by the variable that moves each, and what each holds:
#: connection files of the kernels, the kernels' IPython profile, matplotlib's settings and font list,
#: and the user's cache folder (this package's tables, :mod:`readout.usercache`; matplotlib's cache).
_HOME_FOLDERS = {"JUPYTER_RUNTIME_DIR": "kernel connection files", "IPYTHONDIR": "IPython's profile",
                 "MPLCONFIGDIR": "matplotlib's settings", "XDG_CACHE_HOME": "cached tables"}
_temporary: list[tuple[Path, str]] = []  # the temporary folder in use instead, and the line that said so


def _default_folder(variable: str, home: Path) -> Path:
    """Where the folder ``variable`` moves is when the variable is not set."""
    if variable == "JUPYTER_RUNTIME_DIR":
        from jupyter_core.paths import jupyter_runtime_dir

        return Path(jupyter_runtime_dir())
    if variable == "IPYTHONDIR":
        return home / ".ipython"
    if variable == "MPLCONFIGDIR":
        return Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "matplotlib"
    return home / ".cache"


def _can_write(folder: Path, home: Path) -> bool:
    """Whether ``folder`` can be written, or made and written, without making the home folder ``home``."""
    place = folder
    try:
        while not place.exists():
            if place == home or place == place.parent:
                return False  # the home folder is never made
            place = place.parent
        return place.is_dir() and os.access(place, os.W_OK | os.X_OK)
    except OSError:
        return False


def writable_folders() -> str:
    """Make sure the run can write the folders it keeps under the home folder (:data:`_HOME_FOLDERS`):
    each one that cannot be written there (a read-only home folder, a missing one, which is never
    made) moves to a temporary folder, for this process and the kernels it starts, by setting its
    variable (one the user set is left alone). Returns one warning line saying so, the same on every
    call in this process; "" when nothing moved."""
    if _temporary:
        return _temporary[0][1]
    home = Path(os.path.expanduser("~"))
    moved = [v for v in _HOME_FOLDERS if not os.environ.get(v) and not _can_write(_default_folder(v, home), home)]
    if not moved:
        return ""
    import tempfile

    why = (f"the home folder {home} does not exist (it is not made)" if not home.exists()
           else f"the home folder {home} is not a folder" if not home.is_dir()
           else f"{_default_folder(moved[0], home)} cannot be written")
    folder = Path(tempfile.mkdtemp(prefix="readout-home-"))
    for variable in moved:
        os.environ[variable] = str(folder / variable.lower())
    what = [_HOME_FOLDERS[v] for v in moved]
    line = (f"warning: {why}: {', '.join(what[:-1]) + ' and ' if len(what) > 1 else ''}{what[-1]} go to {folder} "
            f"for this run, and are removed after it (set {', '.join(moved)} to keep them)")
    _temporary.append((folder, line))
    return line


def remove_temporary_folder() -> None:
    """Remove the temporary folder :func:`writable_folders` made, if any (when the command ends)."""
    for folder, _ in _temporary:
        shutil.rmtree(folder, ignore_errors=True)


def _connection_folder() -> Path:
    """This process's folder for kernel connection files, in Jupyter's runtime folder (made if need be)."""
    from jupyter_core.paths import jupyter_runtime_dir

    folder = Path(jupyter_runtime_dir()) / f"readout-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _remove_connection_folder() -> None:
    """Remove this process's connection-file folder once its kernels are gone (if empty: a kernel still
    running elsewhere in the process keeps it)."""
    try:
        _connection_folder().rmdir()
    except OSError:
        pass


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
        if n:  # an empty folder (a command that ended without removing it) is removed in silence
            done.append(f"cleaned: {n} kernel connection file{'s' if n != 1 else ''} left by run {pid} (it was "
                        "killed)")
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
    alive both work (with the blocking manager a silent cell would block them both). One client
    (``kc``) serves the kernel's whole life: connected once, handed to papermill for each notebook
    (see :func:`_engine`), closed with the kernel. Its methods run on this thread's event loop
    (``run_sync``); one ``Kernel`` is used by one thread.
    """

    def __init__(self, cwd: Path, forkserver: ForkServer | None = None) -> None:
        self.cwd = cwd
        self.forkserver = forkserver
        self.km: AsyncKernelManager | None = None
        self.kc: AsyncKernelClient | None = None
        self.used = False  # its namespace holds names: clear them before the next notebook
        self.dirty = False  # the last notebook failed: its kernel may still be busy or half set up
        self.folder: Path | None = None  # its working folder now (None: not started)

    def ready(self, folder: Path | None = None) -> None:
        """Start and connect the kernel if need be, else clear its namespace if it ran something; then
        make ``folder`` (default: the folder the kernel started in) its working folder, as Jupyter runs a
        notebook in the notebook's own folder: a relative path a notebook is given reads the same then."""
        folder = folder or self.cwd
        code = ""
        if self.km is None or self.kc is None or self.dirty or not run_sync(self.km.is_alive)():
            self.start()
        elif self.used:
            code = _RESET
        if self.folder != folder:
            code += f"\n__import__('os').chdir({str(folder)!r})"
        if code:
            assert self.kc is not None
            run_sync(_run_silently)(self.kc, code, 60)
        self.folder = folder
        self.used = True

    def start(self) -> None:
        """Start a new kernel (any old one is shut down first) and connect to it (jupyter_client's
        handshake, ``wait_for_ready``). Its connection file goes to a folder of this process in
        Jupyter's runtime folder (``readout-<pid>``), so that files left by a killed run can be found
        and removed (:func:`clean_connection_files`)."""
        self.shutdown()
        folder = _connection_folder()
        kernel_id = uuid.uuid4().hex
        self.km = AsyncKernelManager(kernel_name=KERNEL, kernel_id=kernel_id,
                                     connection_file=str(folder / f"kernel-{kernel_id}.json"))
        if self.forkserver is not None:
            # The manager takes a provisioner it is given; it makes one (from the kernel spec) only if
            # it has none (jupyter_client 8.10.0, KernelManager.pre_start_kernel; tests/run/test_kernels.py
            # pins it: a pool's kernels are the fork server's children).
            provisioner = _ForkProvisioner(kernel_id=kernel_id, kernel_spec=self.km.kernel_spec, parent=self.km)
            provisioner.forkserver = self.forkserver
            self.km.provisioner = provisioner
        run_sync(self.km.start_kernel)(extra_arguments=_KERNEL_ARGUMENTS, cwd=str(self.cwd))
        self.kc = self.km.client()
        self.kc.start_channels(stdin=False)  # no notebook cell may wait for input
        run_sync(self.kc.wait_for_ready)(timeout=60)
        self.used = self.dirty = False
        self.folder = self.cwd

    def forked(self) -> bool:
        """Whether the kernel was forked from the fork server (and so has loaded what it loaded)."""
        return isinstance(getattr(getattr(self.km, "provisioner", None), "process", None), ForkedProcess)

    def warm_up(self) -> bool:
        """Start the kernel, connect to it, and run :data:`_WARM_UP` in it unless it was forked from a
        server that had (:mod:`readout.run.forkserver`); True if all went well. A kernel that will not
        start or warm up is left to :meth:`ready` to replace: warming is only ever a saving."""
        try:
            if self.km is None:
                self.start()
            if not self.forked():
                assert self.kc is not None
                run_sync(_run_silently)(self.kc, _WARM_UP, 120)
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
        if self.kc is not None:
            try:
                self.kc.stop_channels()
            except Exception:  # noqa: BLE001  (channels already closed)
                pass
            self.kc = None
        self.folder = None
        if self.km is not None and self.km.has_kernel:
            try:
                run_sync(self.km.shutdown_kernel)(now=True)
            except Exception:  # noqa: BLE001  (a kernel already gone)
                pass
        self.km = None


class KernelPool:
    """``size`` kernels for a whole run, each driven by a thread of its own (a kernel's client belongs to
    its thread's event loop), forked from one fork server (:mod:`readout.run.forkserver`) started with
    the pool. They start, and warm up (:meth:`Kernel.warm_up`), as soon as the pool is made, which the
    runner does once it has checked its input and found a report to make (a run refused starts no
    process). :meth:`submit` hands a job (a function of a :class:`Kernel`) to the first free kernel;
    :meth:`close` shuts them all down.
    """

    def __init__(self, size: int, cwd: Path, warm: bool = True, fork: bool = True) -> None:
        self.cwd, self.warm = cwd, warm
        self.closing = False  # closed now (see close): a kernel not yet started is not started
        self.forkserver = ForkServer() if fork else None
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
            if self.warm and not self.closing:
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

    def stop(self, futures: list[Future], grace: float | None = None) -> None:
        """Stop these jobs now (after Ctrl-C, or an error that ends a report): cancel those not started,
        interrupt the kernels running the others (then kill them after ``grace`` seconds, by default
        :attr:`Limits.grace`), and wait until none is running, so that nothing writes into a folder
        about to be removed."""
        grace = Limits().grace if grace is None else grace
        for future in futures:
            future.cancel()
        deadline = time.monotonic() + grace
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
                    future.exception(timeout=grace)
                except TimeoutError:
                    pass
            except CancelledError:
                pass

    def submit(self, work: Callable[[Kernel], Any]) -> Future:
        """Run ``work(kernel)`` on the first free kernel; the future holds its result."""
        future: Future = Future()
        self.jobs.put((work, future))
        return future

    def close(self, now: bool = False) -> None:
        """Shut every kernel down once its current job is done. ``now`` (the run is out of time, or
        interrupted, and its jobs stopped): the fork server is closed first, so that a kernel still
        starting gives up at once (:meth:`ForkServer.fork`) instead of being waited for."""
        self.closing = now
        if now and self.forkserver is not None:
            self.forkserver.close(final=True)
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads:
            thread.join()
        if self.forkserver is not None:
            self.forkserver.close()
        _remove_connection_folder()  # the kernels are gone

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
            kernel: Kernel | None = None, limit: float | None = None, limit_name: str = "",
            grace: float | None = None, folder: Path | None = None) -> NotebookRun:
    """Execute one notebook with papermill (in ``kernel`` if given, else in a kernel of its own);
    a failure is recorded, not raised.

    ``timeout`` bounds each cell (papermill's execution timeout). ``limit`` (seconds, counted from
    now, kernel start-up included) bounds the whole notebook: when it runs out the kernel is
    interrupted (SIGINT), and killed if it has not stopped ``grace`` seconds later (default:
    :attr:`Limits.grace`; at the whole-run limit, at most :data:`WHOLE_RUN_GRACE`); the run is
    recorded as failed with ``ename`` "Timeout", naming ``limit_name`` (which limit it was).

    The notebook runs in ``folder`` (default: the kernel's own folder, or for a kernel of its own the
    notebook's folder): the kernel moves there (:meth:`Kernel.ready`). Papermill is not given a ``cwd``,
    because it would change the whole process's working directory while the notebook runs, and with two
    notebooks running at once the two changes interleave and can leave the runner in the wrong folder.
    """
    import papermill  # here: the runner checks its input before it pays for papermill's imports

    grace = Limits().grace if grace is None else grace
    if limit_name == "whole-run":
        grace = min(grace, WHOLE_RUN_GRACE)
    began = time.perf_counter()
    error = None
    own = kernel is None
    kernel = kernel or Kernel(folder or notebook.parent)
    finished, timed_out, lock = threading.Event(), threading.Event(), threading.Lock()
    watchdog = None

    def stop() -> None:  # the time limit ran out: interrupt the running cell, then kill if need be
        with lock:
            if finished.is_set():
                return
            timed_out.set()
            pid = kernel.pid()
            _signal(pid, signal.SIGINT)
        if not finished.wait(grace):
            with lock:
                if not finished.is_set():
                    _signal(kernel.pid() or pid, signal.SIGKILL)

    ran = False
    try:
        if limit is not None:
            watchdog = threading.Timer(max(0.0, limit), stop)
            watchdog.daemon = True
            watchdog.start()
        kernel.ready(folder)
        if timed_out.is_set():  # the limit ran out while the kernel started: too late to signal it then
            raise TimeoutError("the time limit ran out before the notebook began")
        ran = True
        papermill.execute_notebook(
            str(notebook),
            str(target),
            parameters=parameters,
            engine_name=_engine(),
            kernel_name=KERNEL,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            kernel=kernel,
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
            _remove_connection_folder()
    seconds = round(time.perf_counter() - began, 2)
    if timed_out.is_set():
        error = {"cell_index": (error or {}).get("cell_index"), "execution_count": (error or {}).get("execution_count"),
                 "ename": "Timeout", "evalue": f"stopped after {seconds:.0f} s: the {limit_name} time limit ran out",
                 "source": (error or {}).get("source", ""), "limit": limit_name}
    return NotebookRun(notebook.name, "failed" if error else "ok", seconds, error, ran)


def not_started(notebook: Path) -> NotebookRun:
    """A notebook the whole-run limit stopped before it began, recorded as a failure of that limit."""
    return NotebookRun(notebook.name, "failed", 0.0, {
        "cell_index": None, "execution_count": None, "ename": "Timeout",
        "evalue": "not started: the whole-run time limit had run out", "source": "", "limit": "whole-run"}, False)


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
