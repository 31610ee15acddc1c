"""Running the notebook collection on statements with papermill, into complete report folders.

The recipe for one statement (:func:`run_report`): check the input, build the
report in a hidden temporary folder next to where it will live, execute the
notebooks (in name order, on ``jobs`` kernels in parallel, each kernel running
its next notebook after a namespace reset), export each to HTML, write the
index and the manifest, then swap the finished folder into place. An earlier report
for the same statement stays untouched until the new one is complete; two runs
on the same statement each build their own folder and take turns to publish.

Exit codes (:func:`run_collection`): 0 every notebook ran; 1 some notebook
failed (its executed notebook is kept and rendered, and the manifest names the
failing cell, or a notebook ran past its time limit); 2 bad input or usage, with nothing under the
outputs folder changed; 3 another exclusive run holds the outputs folder; 4 the whole-run time
limit ran out (statements not reached keep their earlier reports).
"""

from __future__ import annotations

import ast
import datetime as dt
import fcntl
import hashlib
import json
import math
import os
import shutil
import signal
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from collections.abc import Callable

from . import _fastimport  # noqa: F401  (before nbformat: see the module)
import nbformat
import papermill
from jupyter_client import AsyncKernelManager, BlockingKernelClient
from jupyter_core.utils import ensure_event_loop, run_sync
import yaml

from .errors import BadInputError, UsageError
from .folders import swap_in
from .inputs import expand_paths, unique_files
from .actions import load_action_scheme
from .export import PageContext, notebook_title, notebook_to_html, warm_up, write_archive_index, write_index
from .paths import NOTEBOOKS_DIR
from .provenance import git_commit, package_versions
from .actors import load_actor_lexicon
from .leaks import load_leak_lexicon
from .themes import expected_themes, load_theme_lexicon
from .tone import load_tone_lexicon
from .statement import Statement, load_statement, slugify

__all__ = [
    "NotebookRun",
    "Report",
    "Limits",
    "RUNNER_PARAMETERS",
    "find_notebooks",
    "notebook_parameters",
    "parse_value",
    "read_parameter_file",
    "check_parameters",
    "resolve_path_parameters",
    "report_slug",
    "run_report",
    "run_collection",
    "run_comparison",
    "check_data_files",
    "COMPARE_NOTEBOOK",
]

#: Parameters the runner sets itself for every notebook.
RUNNER_PARAMETERS = ("statement_path", "output_dir")
KERNEL = "python3"
#: Seconds one notebook cell may run before the run counts it as failed.
CELL_TIMEOUT = 600


@dataclass(frozen=True)
class NotebookRun:
    """How one notebook went: ``status`` "ok" or "failed"; ``error`` names the failing cell."""

    notebook: str
    status: str
    seconds: float
    error: dict[str, Any] | None = None


@dataclass(frozen=True)
class Report:
    """A published report folder and how its notebooks went."""

    statement_path: str
    directory: Path
    notebooks: tuple[NotebookRun, ...]
    published: bool = True  # False: stopped by the whole-run time limit, nothing written

    @property
    def ok(self) -> bool:
        return all(n.status == "ok" for n in self.notebooks)


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

    def start(self) -> _Deadline:
        """The clock for one run, started now."""
        return _Deadline(self, None if self.run is None else time.monotonic() + self.run)


@dataclass(frozen=True)
class _Deadline:
    limits: Limits
    at: float | None  # time.monotonic() at which the whole run must stop

    def expired(self) -> bool:
        return self.at is not None and time.monotonic() >= self.at

    def for_notebook(self) -> tuple[float | None, str]:
        """Seconds the next notebook may take, and the name of the limit that sets it."""
        left = None if self.at is None else self.at - time.monotonic()
        if left is not None and (self.limits.notebook is None or left < self.limits.notebook):
            return left, "whole-run"
        return self.limits.notebook, "per-notebook"


def find_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The per-statement collection: the notebooks in ``folder`` whose names start with a number
    (``00-summary.ipynb`` …), in name order. Others (``compare.ipynb``, which reads many statements)
    are not run on each statement."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: notebooks folder not found (pass --notebooks)")
    found = sorted(p for p in folder.glob("[0-9]*.ipynb"))
    if not found:
        raise UsageError(f"{folder}: no notebooks (files named like 01-name.ipynb) found")
    return found


def notebook_parameters(notebook: Path) -> dict[str, Any]:
    """Names declared in the notebook's ``parameters`` cell, with their default values.

    A default that is not a plain literal is given as ``None`` (any value accepted).
    """
    declared = {}
    for name, info in papermill.inspect_notebook(str(notebook)).items():
        try:
            declared[name] = ast.literal_eval(info["default"])
        except (ValueError, SyntaxError):
            declared[name] = None
    return declared


def parse_value(text: str) -> Any:
    """A ``-p`` value as papermill reads it: int, float, True/False/None, else the string itself."""
    if text in ("True", "False"):
        return text == "True"
    if text == "None":
        return None
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def read_parameter_file(path: str | Path) -> dict[str, Any]:
    """Parameters from a YAML file holding one mapping of name → value."""
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{path}: parameter file not found")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: parameter file is not valid YAML ({exc.__class__.__name__})") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise UsageError(f"{path}: parameter file must hold a mapping of parameter names to values")
    return data


def _check_value(name: str, value: Any, default: Any) -> None:
    """One parameter value: JSON-like, and of the kind its notebook default shows."""
    def plain(v: Any) -> bool:
        if isinstance(v, float):
            return math.isfinite(v)
        if isinstance(v, list):
            return all(plain(x) for x in v)
        if isinstance(v, dict):
            return all(isinstance(k, str) and plain(x) for k, x in v.items())
        return v is None or isinstance(v, (str, int, bool))

    if not plain(value):
        raise UsageError(f"parameter '{name}': value {value!r} is not a string, number, true/false, list or mapping "
                         "(quote it in YAML)")
    expected = {str: "text", bool: "true or false", int: "a whole number", float: "a number",
                list: "a list (give it in a -f YAML file)", dict: "a mapping (give it in a -f YAML file)"}
    if default is None or type(default) not in expected:
        return
    ok = (isinstance(value, list) if isinstance(default, list)
          else isinstance(value, dict) if isinstance(default, dict)
          else isinstance(value, bool) if isinstance(default, bool)
          else isinstance(value, int) and not isinstance(value, bool) if isinstance(default, int)
          else isinstance(value, (int, float)) and not isinstance(value, bool) if isinstance(default, float)
          else isinstance(value, str))
    if not ok:
        raise UsageError(f"parameter '{name}': expected {expected[type(default)]}, got {value!r}")


def check_parameters(parameters: dict[str, Any], declared: dict[str, dict[str, Any]]) -> None:
    """Refuse parameters no notebook declares, the ones the runner sets, and values of the wrong kind."""
    for name in parameters:
        if name in RUNNER_PARAMETERS:
            raise UsageError(f"parameter '{name}' is set by the runner for each statement; do not pass it")
    known = set().union(*(set(d) for d in declared.values())) - set(RUNNER_PARAMETERS)
    unknown = sorted(set(parameters) - known)
    if unknown:
        raise UsageError(
            f"unknown parameter {', '.join(repr(u) for u in unknown)}: no notebook declares it "
            f"(known: {', '.join(sorted(known)) or 'none'})"
        )
    for name, value in parameters.items():
        for defaults in declared.values():
            if name in defaults:
                _check_value(name, value, defaults[name])


def resolve_path_parameters(parameters: dict[str, Any]) -> dict[str, Any]:
    """Parameters named ``*_path`` name files: make them absolute from the current folder and check they exist.

    (Notebooks run in their own folder, so a relative path would point elsewhere there.)
    """
    out = dict(parameters)
    for name, value in parameters.items():
        if name.endswith("_path") and isinstance(value, str) and value.strip():
            path = Path(value).expanduser().resolve()
            if not path.is_file():
                raise UsageError(f"{value}: file not found (parameter '{name}')")
            out[name] = str(path)
    return out


def report_slug(path: Path, taken: dict[str, Path], outputs: Path) -> str:
    """The report folder name for a statement file: its file name, made safe.

    The name gets the first 8 characters of the path's hash when it would
    otherwise clash: with another file in the same run (``taken``), or with an
    earlier report in ``outputs`` made from a different file.
    """
    slug = slugify(path.stem)
    clash = slug in taken and taken[slug] != path
    earlier = outputs / slug / "manifest.json"
    if not clash and earlier.is_file():
        try:
            clash = Path(json.loads(earlier.read_text(encoding="utf-8"))["input"]["path"]) != path
        except (OSError, ValueError, KeyError, TypeError):
            clash = False
    if clash or slug == "statement" and not path.stem.isascii():
        slug = f"{slug}-{hashlib.sha256(str(path).encode()).hexdigest()[:8]}"
    return slug


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


class _Kernel:
    """One ``python3`` kernel that runs several notebooks in turn, so that each notebook after the
    first skips the kernel's start-up and the imports already made (most of a notebook's cost).

    Between notebooks the user namespace is cleared (``%reset -f``); imported modules stay. Every
    notebook sets what it relies on (parameters, its imports, the house style) in its own cells,
    so the order in which notebooks share a kernel does not change what they compute. A kernel
    that died, or that was running a notebook that failed or was stopped, is replaced by a new one.

    The kernel manager is the asynchronous one: papermill's client then waits for output and for
    the cell's reply side by side, so its per-cell timeout and its check that the kernel is still
    alive both work (with the blocking manager a silent cell would block them both). Its methods run
    on this thread's event loop (``run_sync``); one ``_Kernel`` is used by one thread.
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


#: Seconds a notebook's kernel gets to stop after an interrupt at a time limit before it is killed.
_KILL_GRACE = 10.0


def _signal(pid: int | None, signum: int) -> None:
    if pid is not None:
        try:
            os.kill(pid, signum)
        except OSError:  # already gone
            pass


def _execute(notebook: Path, target: Path, parameters: dict[str, Any], timeout: int,
             kernel: _Kernel | None = None, limit: float | None = None, limit_name: str = "") -> NotebookRun:
    """Execute one notebook with papermill (in ``kernel`` if given, else in a kernel of its own);
    a failure is recorded, not raised.

    ``timeout`` bounds each cell (papermill's execution timeout). ``limit`` (seconds, counted from
    now, kernel start-up included) bounds the whole notebook: when it runs out the kernel is
    interrupted (SIGINT), and killed if it has not stopped ``_KILL_GRACE`` seconds later; the run is
    recorded as failed with ``ename`` "Timeout", naming ``limit_name`` (which limit it was).

    The kernel is started in the notebook's folder; papermill is not given a ``cwd``, because it
    would change the whole process's working directory while the notebook runs, and with two
    notebooks running at once the two changes interleave and can leave the runner in the wrong folder.
    """
    began = time.perf_counter()
    error = None
    own = kernel is None
    kernel = kernel or _Kernel(notebook.parent)
    finished, timed_out, lock = threading.Event(), threading.Event(), threading.Lock()
    watchdog = None

    def stop() -> None:  # the time limit ran out: interrupt the running cell, then kill if need be
        with lock:
            if finished.is_set():
                return
            timed_out.set()
            pid = kernel.pid()
            _signal(pid, signal.SIGINT)
        if not finished.wait(_KILL_GRACE):
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


def _publish(build: Path, final: Path) -> None:
    """Swap the finished ``build`` folder in at ``final``; the old report is removed only afterwards."""
    locks = final.parent / ".locks"
    locks.mkdir(exist_ok=True)
    with open(locks / f"{final.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        swap_in(build, final)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def run_report(
    statement: Statement,
    notebooks: list[Path],
    declared: dict[str, dict[str, Any]],
    parameters: dict[str, Any],
    outputs: Path,
    slug: str | None = None,
    jobs: int = 2,
    limits: Limits | _Deadline = Limits(),
    keep_code: bool = False,
    log: Callable[[str], None] = lambda line: None,
    key: str | None = None,
    tick: Callable[[], None] = lambda: None,
) -> Report:
    """Build, then publish, the report for one checked statement at ``outputs/<slug>/``.

    ``limits`` bounds each cell, each notebook and the run (a :class:`Limits`, or the clock of a run
    already going); a notebook stopped by a limit counts as failed. ``tick`` is called as each
    notebook ends (for a progress bar).
    """
    clock = limits.start() if isinstance(limits, Limits) else limits
    started = _now()
    slug = slug or statement.slug
    outputs.mkdir(parents=True, exist_ok=True)
    build = outputs / f".building-{slug}-{uuid.uuid4().hex[:8]}"
    (build / "tables").mkdir(parents=True)
    try:
        source = str(Path(statement.path).resolve())

        def job(nb: Path, kernel: _Kernel) -> NotebookRun:
            params = {k: v for k, v in parameters.items() if k in declared[nb.name]}
            params["statement_path"] = source
            if "output_dir" in declared[nb.name]:
                params["output_dir"] = str(build / "tables")
            limit, limit_name = clock.for_notebook()
            if limit is not None and limit <= 0:
                run = NotebookRun(nb.name, "failed", 0.0, {
                    "cell_index": None, "execution_count": None, "ename": "Timeout",
                    "evalue": "not started: the whole-run time limit had run out", "source": "",
                    "limit": "whole-run"})
            else:
                run = _execute(nb, build / nb.name, params, clock.limits.cell, kernel, limit, limit_name)
            tick()
            log(f"  {nb.name}: {run.status} in {run.seconds:.1f} s"
                + (f" (cell {run.error['cell_index']}: {run.error['ename']}: {run.error['evalue']})" if run.error else ""))
            if (build / nb.name).exists():
                # Each page is exported as soon as its notebook is done, while the others
                # still run; one exporter, so one export at a time.
                with export_lock:
                    page = PageContext(statement.title, Path(statement.path).name, statement.sha256, params,
                                       frozenset(n.stem for n in notebooks))
                    notebook_to_html(build / nb.name, build / f"{nb.stem}.html", keep_code, page)
            return run

        def worker(queue: list[Path], results: dict[str, NotebookRun]) -> None:
            kernel = _Kernel(notebooks[0].parent)
            try:
                while True:
                    with queue_lock:
                        if not queue:
                            return
                        nb = queue.pop(0)
                    results[nb.name] = job(nb, kernel)
            finally:
                kernel.shutdown()
                loop = ensure_event_loop()  # this thread's loop, which ran its kernel: close it with the thread
                if not loop.is_running():
                    loop.close()

        export_lock, queue_lock = threading.Lock(), threading.Lock()
        queue, results = list(notebooks), {}
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(notebooks)))) as pool:
            futures = [pool.submit(worker, queue, results) for _ in range(max(1, min(jobs, len(notebooks))))]
            with export_lock:  # nbconvert loads and its templates compile while the kernels start
                warm_up(keep_code)
            for f in futures:
                f.result()
        runs = tuple(results[nb.name] for nb in notebooks)
        if any(r.error and r.error.get("limit") == "whole-run" for r in runs):
            # Stopped part-way by the run's limit: not a report; an earlier one stays in place.
            shutil.rmtree(build, ignore_errors=True)
            return Report(statement.path, outputs / slug, runs, published=False)
        manifest = {
            "slug": slug,
            "title": statement.title,
            "status": "ok" if all(r.status == "ok" for r in runs) else "failed",
            "input": {
                "path": source,
                "sha256": statement.sha256,
                "bytes": statement.n_bytes,
                "encoding": statement.encoding,
                "normalizations": list(statement.normalizations),
                "warnings": list(statement.warnings),
            },
            "parameters": parameters,
            "run_key": key,
            "kernel": KERNEL,
            "versions": package_versions(),
            "git_commit": git_commit(),
            "started": started,
            "finished": _now(),
            "notebooks": [
                {"notebook": r.notebook, "title": notebook_title(build / r.notebook), "status": r.status,
                 "seconds": r.seconds, "error": r.error}
                for r in runs
            ],
            "tables": sorted(p.name for p in (build / "tables").glob("*.csv")),
        }
        (build / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
        write_index(build, manifest)
        final = outputs / slug
        _publish(build, final)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    return Report(statement.path, final, runs)


def code_version(notebooks: list[Path]) -> str:
    """A hash of what decides a report's content: every file of the package and the notebooks run."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for f in sorted(package.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
            digest.update(str(f.relative_to(package)).encode() + b"\0" + f.read_bytes())
    for nb in notebooks:
        digest.update(nb.name.encode() + b"\0" + nb.read_bytes())
    return digest.hexdigest()


def run_key(statement: Statement, parameters: dict[str, Any], version: str) -> str:
    """What an up-to-date report must match: the input's sha256, the parameters (files named by a
    ``*_path`` parameter by their content) and the code version."""
    shown = {}
    for name, value in sorted(parameters.items()):
        if name.endswith("_path") and isinstance(value, str) and value:
            shown[name] = hashlib.sha256(Path(value).read_bytes()).hexdigest()
        else:
            shown[name] = value
    blob = json.dumps({"input": statement.sha256, "parameters": shown, "code": version}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def _up_to_date(report: Path, key: str) -> bool:
    try:
        manifest = json.loads((report / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("status") == "ok" and manifest.get("run_key") == key


def check_data_files(parameters: dict[str, Any]) -> None:
    """Load the data files a user passes (actors, tone, leaks, themes and expected themes, action
    scheme), before any notebook runs; a bad one raises :class:`UsageError` naming it."""
    try:
        load_actor_lexicon(parameters.get("actors_path") or None)
        load_tone_lexicon(parameters.get("tone_lexicon_path") or None)
        load_leak_lexicon(parameters.get("leaks_path") or None)
        expected_themes(load_theme_lexicon(parameters.get("theme_lexicon_path") or None),
                        parameters.get("expected_themes") or None)
        load_action_scheme(parameters.get("actions_path") or None)
    except BadInputError as exc:
        raise UsageError(str(exc)) from None


def run_collection(
    paths: list[str],
    parameters: dict[str, Any],
    outputs: Path,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    jobs: int = 2,
    limits: Limits = Limits(),
    keep_code: bool = False,
    err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
    force: bool = False,
    exclusive: bool = False,
    progress: bool | None = None,
) -> int:
    """Run every notebook on every statement; return the exit code (0, 1, 2, 3 or 4).

    Every parameter and every file named directly is checked before anything runs: one bad one
    means exit code 2 and nothing under ``outputs`` is touched. Files found in a folder or by a
    pattern are read as they come: a bad one is reported and skipped, the others run, and the exit
    code is 1. The same file named twice is run once. A statement whose complete earlier report
    matches its input, parameters and code version is skipped (``force`` runs it again). With
    ``exclusive``, a second run while one holds ``outputs/.locks/run.lock`` exits with code 3 at once.
    When the whole-run limit of ``limits`` runs out before every statement's report is done, the run
    stops and exits with code 4. ``progress``
    shows a progress bar on standard error (default: when it is a terminal).
    """
    clock = limits.start()  # the whole-run limit counts from here: reading the statements is part of the run
    shown_outputs = outputs
    outputs = outputs.resolve()
    log_lines: list[str] = []

    def note(line: str) -> None:  # every line also goes to the run's log file
        log_lines.append(line)
        err(line)

    try:
        notebooks = find_notebooks(notebooks_dir)
        declared = {nb.name: notebook_parameters(nb) for nb in notebooks}
        check_parameters(parameters, declared)
        parameters = resolve_path_parameters(parameters)
        actors_path = parameters.get("actors_path") or None
        check_data_files(parameters)
        files, problems = expand_paths(paths)
        if problems:
            raise UsageError(problems[0])
        statements: list[Statement] = []
        bad, skipped_bad = [], []
        if outputs.exists() and not outputs.is_dir():
            raise UsageError(f"{shown_outputs}: exists and is not a folder (--out)")
        for path, named in unique_files(files):
            try:
                statements.append(load_statement(path, actors_path))
            except BadInputError as exc:
                (bad if named else skipped_bad).append(str(exc))
        if bad:
            for line in bad:
                note(line)
            return 2
        if not statements:
            for line in skipped_bad:
                note(line)
            note("no readable statement to run")
            return 2
    except UsageError as exc:
        note(str(exc))
        return 2
    lock_file = None
    if exclusive:
        (outputs / ".locks").mkdir(parents=True, exist_ok=True)
        lock_file = open(outputs / ".locks" / "run.lock", "w")  # noqa: SIM115  (held until the run ends)
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock_file.close()
            note(f"another run is writing reports to {shown_outputs} (it holds {shown_outputs}/.locks/run.lock); "
                "this one stops without running")
            return 3
    try:
        return _run_all(statements, skipped_bad, notebooks, declared, parameters, outputs, shown_outputs, jobs,
                        clock, keep_code, note, force, log_lines, progress)
    finally:
        if lock_file is not None:
            lock_file.close()


def _run_all(statements: list[Statement], skipped_bad: list[str], notebooks: list[Path],
             declared: dict[str, dict[str, Any]], parameters: dict[str, Any], outputs: Path, shown_outputs: Path,
             jobs: int, clock: _Deadline, keep_code: bool, note: Callable[[str], None], force: bool,
             log_lines: list[str], progress: bool | None) -> int:
    """Run (or skip) each checked statement; end with a summary line and the run's log file."""
    started = dt.datetime.now(dt.timezone.utc)
    bar = None
    if progress if progress is not None else sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(total=len(statements) * len(notebooks), unit="notebook", file=sys.stderr, leave=False,
                   dynamic_ncols=True)

    def err(line: str) -> None:  # lines go above the progress bar, not through it
        if bar is None:
            note(line)
        else:
            with bar.external_write_mode():
                note(line)

    def say(line: str) -> None:  # standard output, above the bar too
        if bar is None:
            print(line)
        else:
            with bar.external_write_mode():
                print(line)

    tick = (lambda: bar.update(1)) if bar is not None else (lambda: None)
    for line in skipped_bad:
        err(f"skipped: {line}")
    taken: dict[str, Path] = {}
    for statement in statements:
        slug = slugify(Path(statement.path).stem)
        taken.setdefault(slug, Path(statement.path).resolve())
    version = code_version(notebooks)
    done, up_to_date, failed, not_reached = 0, 0, [], []
    for k, statement in enumerate(statements, 1):
        resolved = Path(statement.path).resolve()
        slug = report_slug(resolved, taken, outputs)
        key = run_key(statement, parameters, version)
        if not force and _up_to_date(outputs / slug, key):
            up_to_date += 1
            err(f"[{k}/{len(statements)}] {statement.path}: up to date, skipped (--force runs it again)")
            say(f"Report: {shown_outputs / slug / 'index.html'}  (up to date)")
            if bar is not None:
                bar.update(len(notebooks))
            continue
        if clock.expired():  # out of time: an up-to-date report above still counts as such
            not_reached.append(statement.path)
            continue
        for w in statement.warnings:
            err(f"warning: {w}")
        err(f"[{k}/{len(statements)}] {statement.path} -> {shown_outputs / slug}")
        report = run_report(statement, notebooks, declared, parameters, outputs, slug, jobs, clock, keep_code, err,
                            key, tick)
        if not report.published:
            not_reached.append(statement.path)
            err(f"  stopped by the whole-run time limit; the earlier report of {statement.path}, if any, is kept")
            continue
        if report.ok:
            done += 1
        else:
            failed.append(f"{statement.path} ({', '.join(r.notebook for r in report.notebooks if r.status != 'ok')})")
        say(f"Report: {shown_outputs / slug / 'index.html'}" + ("" if report.ok else "  (some notebooks failed)"))
    if bar is not None:
        bar.close()
    write_archive_index(outputs)
    summary = (f"done {done}, up to date {up_to_date}, failed {len(failed) + len(skipped_bad)}"
               + (": " + "; ".join(failed + [line.split(":", 1)[0] + " (unreadable)" for line in skipped_bad])
                  if failed or skipped_bad else ""))
    if not_reached:
        summary += (f"; the whole-run time limit ({clock.limits.run:g} s) ran out, not reached {len(not_reached)}: "
                    + "; ".join(not_reached))
    note(summary)
    logs = outputs / "logs"
    logs.mkdir(exist_ok=True)
    (logs / f"run-{started.strftime('%Y%m%dT%H%M%SZ')}-{os.getpid()}.log").write_text(
        "\n".join(log_lines) + "\n", encoding="utf-8")
    if not_reached:  # the limit stopped the run before every statement's report was done
        return 4
    return 1 if failed or skipped_bad else 0


def _is_comparison(folder: Path) -> bool:
    """Whether ``folder`` holds an earlier comparison (its manifest says so), which may be replaced."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("kind") == "comparison":
            return True
        # written before manifests named their kind: a comparison ran compare.ipynb alone
        return [n.get("notebook") for n in manifest.get("notebooks", [])] == [COMPARE_NOTEBOOK]
    except (OSError, ValueError, AttributeError, TypeError):
        return False


#: The notebook that compares statements (not part of the per-statement collection).
COMPARE_NOTEBOOK = "compare.ipynb"


def run_comparison(
    paths: list[str],
    parameters: dict[str, Any],
    out: Path,
    corpus_dir: Path | None = None,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    limits: Limits = Limits(),
    keep_code: bool = False,
    err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """Run the comparison notebook on the statements named by ``paths`` (or on the tables of
    ``corpus_dir``) and publish ``out/``: ``index.html`` (the page), the executed notebook,
    ``tables/*.csv`` and ``manifest.json``. Returns 0, 1 (the notebook failed; its page says where)
    or 2 (bad input or usage; nothing under ``out`` changed).

    Files named directly must be readable statements; files found in folders that are not are
    skipped by the notebook and listed on its page. At least two must be readable.
    """
    from .corpus import MANIFEST

    notebook = notebooks_dir / COMPARE_NOTEBOOK
    try:
        if not notebook.is_file():
            raise UsageError(f"{notebook}: comparison notebook not found (pass --notebooks)")
        declared = notebook_parameters(notebook)
        check_parameters(parameters, {notebook.name: declared})
        for name in ("statements", "corpus_dir"):
            if name in parameters:
                raise UsageError(f"parameter '{name}' is set from the command line's paths and --corpus; do not pass it")
        for name, least in (("max_rows", 1), ("n_key_terms", 0)):
            if name in parameters and parameters[name] < least:
                raise UsageError(f"parameter '{name}': must be at least {least}, not {parameters[name]}")
        parameters = resolve_path_parameters(parameters)
        check_data_files(parameters)
        shown = {}
        if corpus_dir is not None:
            if paths:
                raise UsageError("give statement paths or --corpus, not both")
            if not (corpus_dir / MANIFEST).is_file():
                raise UsageError(f"{corpus_dir}: not a corpus folder (no {MANIFEST}; run 'python -m readout corpus')")
            given = sorted(k for k in parameters if k.endswith("_path") or k == "expected_themes")
            if given:
                raise UsageError(f"{', '.join(given)}: the corpus was analysed with its own data files (see its "
                                 f"{MANIFEST}); run 'corpus' again with them instead")
            try:
                n = int(json.loads((corpus_dir / MANIFEST).read_text(encoding="utf-8"))["statements"])
            except (OSError, ValueError, KeyError, TypeError):
                raise UsageError(f"{corpus_dir / MANIFEST}: cannot be read as a corpus manifest") from None
            if n < 2:
                raise UsageError(f"{corpus_dir}: the corpus holds {n} statement{'s' if n != 1 else ''}: "
                                 "a comparison needs at least two")
            params = {**parameters, "corpus_dir": str(corpus_dir.resolve()), "statements": []}
            title, source, digest = f"Comparison of the corpus in {corpus_dir.name}", corpus_dir.name, ""
            shown = {"corpus_dir": corpus_dir.name}
        else:
            files, problems = expand_paths(paths)
            if problems:
                raise UsageError(problems[0])
            readable, digest_of = [], hashlib.sha256()
            for path, named in unique_files(files):  # a file reached twice counts once
                try:  # parsed in full, as the notebook will: a named bad file is refused, a found one skipped
                    sha = load_statement(path, parameters.get("actors_path") or None).sha256
                except BadInputError as exc:
                    if named:
                        raise UsageError(str(exc)) from None
                    continue
                readable.append(str(Path(path).resolve()))
                digest_of.update(sha.encode())
            if len(readable) < 2:
                raise UsageError(f"{len(readable)} readable statement{'s' if len(readable) != 1 else ''} among the "
                                 "paths given: a comparison needs at least two")
            params = {**parameters, "statements": [str(Path(p).resolve()) for p in paths]}
            title = f"Comparison of {len(readable):,} statements"
            source, digest = f"{len(readable):,} statement files", digest_of.hexdigest()
            shown = {"statements": [Path(p).name for p in paths]}
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out}: exists and is not a folder (--out)")
        if out.exists() and any(out.iterdir()) and not _is_comparison(out):
            raise UsageError(f"{out}: folder holds files that are not an earlier comparison; choose another --out")
    except UsageError as exc:
        err(str(exc))
        return 2
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    build = out.parent / f".building-{out.name}-{uuid.uuid4().hex[:8]}"
    (build / "tables").mkdir(parents=True)
    started = _now()
    try:
        params["output_dir"] = str(build / "tables")
        clock = limits.start()
        limit, limit_name = clock.for_notebook()
        err(f"comparing: {source} -> {out}")
        run = _execute(notebook, build / notebook.name, params, limits.cell, None, limit, limit_name)
        err(f"  {notebook.name}: {run.status} in {run.seconds:.1f} s"
            + (f" ({run.error['ename']}: {run.error['evalue']})" if run.error else ""))
        page = PageContext(title, source, digest, {k: v for k, v in {**params, **shown}.items() if k != "output_dir"},
                           collection=True)
        if (build / notebook.name).exists():
            notebook_to_html(build / notebook.name, build / "index.html", keep_code, page)
        manifest = {"kind": "comparison", "title": title, "status": run.status, "input": {"path": "", "files": source, "sha256": digest},
                    "parameters": {k: v for k, v in params.items() if k != "output_dir"},
                    "versions": package_versions(), "git_commit": git_commit(), "started": started,
                    "finished": _now(),
                    "notebooks": [{"notebook": run.notebook, "status": run.status, "seconds": run.seconds,
                                   "error": run.error}],
                    "tables": sorted(p.name for p in (build / "tables").glob("*.csv"))}
        (build / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
        _publish(build, out)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    print(f"Comparison: {out / 'index.html'}" + ("" if run.status == "ok" else "  (the notebook failed)"))
    return 0 if run.status == "ok" else 1
