"""Where do a run's kernels come from? Forked from one process that has already loaded what they need.

Every kernel of a run needs the same start: Python, ipykernel, pandas, matplotlib, TextBlob, this
package, and the data the analyses read on first use (:mod:`readout.run.warmup`): about two seconds
of one core. Instead of paying that once per kernel, a run starts one **fork server** with its
kernels, once its input has been checked (:class:`ForkServer`; a run refused, or with every report
up to date, starts none); it loads all of that once, then forks each kernel on request. A forked
kernel starts in a few hundredths of a second with everything already in memory (shared with the
server until written to). It is an ordinary ``python3`` kernel otherwise: the runner talks to it
through its connection file, interrupts and kills it by its process id, and it runs in a session of
its own, as jupyter_client starts kernels.

The server starts no Python thread and opens no socket before it forks (forking a process with
threads is unsafe; the native threads of the libraries it loads are fork-safe). What it loads is
loaded as a kernel would load it: matplotlib with the kernel's inline backend, pandas with its
display defaults for a kernel. It ignores Ctrl-C (the runner decides what a Ctrl-C stops), reaps its
children as they exit, and exits when the runner closes its input (when the runner ends, however it
ends); each kernel is told the server's process id and exits when the server is gone. If the server
cannot start or load, kernels are started the usual way.

Protocol, one JSON object per line: the server says ``{"ready": true}`` once loaded; each request
``{"argv": [...], "cwd": "...", "env": {...}}`` is answered with ``{"pid": N}``.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import threading
import time
from typing import Any

__all__ = ["ForkServer", "ForkedProcess", "serve"]

#: Seconds the runner waits for the server to load before it starts kernels the usual way.
READY_TIMEOUT = 60.0


class ForkedProcess:
    """A kernel forked by the server, handled like a :class:`subprocess.Popen`: ``poll``, ``wait``,
    ``send_signal``, ``kill``, ``terminate``. (The server, not the runner, is its parent and reaps it:
    it is alive as long as its process id exists.)"""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = -signal.SIGTERM  # gone; its exit status went to the server
            except PermissionError:
                pass  # alive (or its id reused by another user's process)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout or 0)
            time.sleep(0.02)
        return self.returncode  # type: ignore[return-value]

    def send_signal(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkServer:
    """The runner's handle on a fork server: started at once, asked for kernels with :meth:`fork`."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ready: bool | None = None  # None until the server has answered (or failed to)
        self.closed = False  # closed for good (the run is over): no kernel is started any more, forked or not
        try:
            self.process: subprocess.Popen | None = subprocess.Popen(
                [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                text=True, bufsize=1)
        except OSError:
            self.process, self.ready = None, False

    def _wait_ready(self) -> bool:
        if self.ready is None and self.process is None:  # closed before it was ever asked for a kernel
            self.ready = False
        if self.ready is None:
            assert self.process is not None and self.process.stdout is not None
            answer: list[str] = []
            stdout = self.process.stdout  # the thread may outlive the wait, and close() clears self.process
            reader = threading.Thread(target=lambda: answer.append(stdout.readline()), daemon=True)
            reader.start()
            reader.join(READY_TIMEOUT)
            try:
                self.ready = bool(answer and json.loads(answer[0]).get("ready"))
            except ValueError:
                self.ready = False
            if not self.ready:
                self.close()
        return bool(self.ready)

    def fork(self, argv: list[str], cwd: str, env: dict[str, str]) -> int | None:
        """A new kernel running ``argv`` (a kernel command line) in ``cwd`` with ``env``: its process
        id, or None when the server is not there (the caller starts the kernel the usual way). Once
        the server is closed for good (:meth:`close`), raises RuntimeError instead: a kernel still
        waiting for the server then gives up at once, rather than starting the usual way."""
        with self.lock:
            pid = None
            process = self.process if self._wait_ready() else None
            if process is not None and process.poll() is None:
                try:
                    process.stdin.write(json.dumps({"argv": argv, "cwd": cwd, "env": env}) + "\n")
                    process.stdin.flush()
                    pid = int(json.loads(process.stdout.readline())["pid"])
                except (OSError, ValueError, KeyError, TypeError, AttributeError):
                    self.ready = False
            if pid is None and self.closed:
                raise RuntimeError("the run ended before this kernel started")
            return pid

    def close(self, final: bool = False) -> None:
        """Stop the server (its kernels, if still running, exit when they see it gone); one that has not
        said it is ready has forked nothing, and is stopped at once rather than left to finish loading.
        ``final``: the run is over (out of time, or interrupted), and a kernel still waiting for the
        server gives up (:meth:`fork`)."""
        self.closed = self.closed or final
        process, self.process = self.process, None
        if process is None:
            return
        if not self.ready:
            process.kill()
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _child(request: dict[str, Any], protocol_out: int) -> None:
    """In the forked child: become a kernel as ``python -m ipykernel_launcher ARGS`` would; never returns."""
    code = 1
    try:
        os.setsid()  # a session of its own, as jupyter_client starts kernels: an interrupt reaches it alone
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(2, 1)  # the kernel's output goes where the server's errors go, never into the protocol
        os.close(devnull)
        os.close(protocol_out)
        env = dict(request["env"])
        env["JPY_PARENT_PID"] = str(os.getppid())
        os.environ.clear()
        os.environ.update(env)
        os.chdir(request["cwd"])
        from ipykernel import kernelapp

        argv = list(request["argv"])
        start = next((k + 1 for k, arg in enumerate(argv) if arg == "ipykernel_launcher"), 1)
        # Its parent is the server, which exits when the runner does (its input closes). ipykernel read
        # JPY_PARENT_PID when the server imported it, before this fork; so the parent is named here, and
        # the kernel's poller exits it when the server is gone.
        args = [*argv[start:], f"--IPKernelApp.parent_handle={os.getppid()}"]
        sys.argv = ["ipykernel_launcher", *args]
        kernelapp.launch_new_instance(argv=args)
        code = 0
    finally:
        os._exit(code)


#: What a kernel imports while it starts (``IPKernelApp.initialize``), loaded once in the server.
_KERNEL_MODULES = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "psutil",
                   "IPython.core.completerlib", "IPython.core.debugger", "IPython.core.oinspect",
                   "IPython.extensions.storemagic", "tornado.gen", "tornado.locks", "tornado.platform.asyncio")


def _load_kernel() -> None:
    """Import what a kernel needs to start, and find the machine's network addresses once (a kernel
    asks for them while it starts; the answer is kept in jupyter_client's module)."""
    import importlib

    for name in _KERNEL_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # not there: the kernel does without it, as it would anyway
    from jupyter_client import localinterfaces

    localinterfaces.local_ips()


class _JupyterKernel:
    """What pandas asks of ``get_ipython()`` when it is imported: is this a Jupyter kernel (it is)."""

    kernel = True


def _import_pandas_as_in_a_kernel() -> None:
    """Import pandas as a kernel would: pandas sets one display default by where it is imported
    (``display.max_columns`` 20 in a Jupyter kernel, 0, fit the terminal, elsewhere), asking
    ``get_ipython()``, which only a running kernel defines."""
    import builtins

    builtins.get_ipython = _JupyterKernel  # type: ignore[attr-defined]
    try:
        import pandas  # noqa: F401
    finally:
        del builtins.get_ipython  # type: ignore[attr-defined]


def _reap(signum: int, frame: object) -> None:
    """Reap the kernels that have exited. Waited for, not ignored (``SIG_IGN`` would reap them too): so
    their processor time is counted in the server's, and so in the runner's, as the system accounts a
    process's waited-for children (what a benchmark of the whole run reads)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def serve() -> None:
    """The server's main loop: load, say ready, then fork a kernel for each request until input ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, _reap)
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does; the kernel puts the working folder back itself
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # as a kernel sets it
    protocol_out = os.dup(1)
    os.dup2(2, 1)  # anything a library prints while loading must not reach the protocol
    out = os.fdopen(protocol_out, "w", buffering=1)
    try:
        try:
            _load_kernel()
            _import_pandas_as_in_a_kernel()
            from readout.run.warmup import warm_up

            warm_up()
            # What is loaded stays for the kernels' whole life: move it out of the garbage collector's
            # sight, so that a kernel's full collections walk only what its notebooks make (and the
            # pages of memory it shares with the server are not written to by the collector).
            gc.freeze()
            if threading.active_count() != 1:  # forking a process with threads is unsafe
                raise RuntimeError(f"{threading.active_count() - 1} threads started while loading")
            out.write(json.dumps({"ready": True}) + "\n")
        except Exception as exc:  # noqa: BLE001  (the runner falls back to starting kernels itself)
            out.write(json.dumps({"ready": False, "error": f"{exc.__class__.__name__}: {exc}"}) + "\n")
            return
        for line in sys.stdin:
            try:
                request = json.loads(line)
            except ValueError:
                continue
            pid = os.fork()
            if pid == 0:
                _child(request, protocol_out)
            out.write(json.dumps({"pid": pid}) + "\n")
        out.flush()
    except BrokenPipeError:
        pass  # the runner has gone
    finally:
        os._exit(0)  # skip tearing down what was loaded (a few tenths of a second)


if __name__ == "__main__":
    serve()
