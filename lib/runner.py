"""Running the notebook collection on statements with papermill, into complete report folders.

The recipe for one statement (:func:`run_report`): check the input, build the
report in a hidden temporary folder next to where it will live, execute the
notebooks (in name order, in parallel), export each to HTML, write the index
and the manifest, then swap the finished folder into place. An earlier report
for the same statement stays untouched until the new one is complete; two runs
on the same statement each build their own folder and take turns to publish.

Exit codes (:func:`run_collection`): 0 every notebook ran; 1 some notebook
failed (its executed notebook is kept and rendered, and the manifest names the
failing cell); 2 bad input or usage, with nothing under the outputs folder
changed.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import shutil
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
import yaml

from .errors import BadInputError, UsageError
from .export import notebook_title, notebook_to_html, warm_up, write_index
from .paths import NOTEBOOKS_DIR
from .provenance import git_commit, package_versions
from .source import MAX_BYTES
from .statement import Statement, load_statement

__all__ = [
    "NotebookRun",
    "Report",
    "RUNNER_PARAMETERS",
    "find_notebooks",
    "notebook_parameters",
    "parse_value",
    "read_parameter_file",
    "check_parameters",
    "run_report",
    "run_collection",
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

    @property
    def ok(self) -> bool:
        return all(n.status == "ok" for n in self.notebooks)


def find_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The collection: ``*.ipynb`` in ``folder`` in name order (checkpoints excluded)."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: notebooks folder not found (pass --notebooks)")
    found = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not found:
        raise UsageError(f"{folder}: no notebooks (*.ipynb) found")
    return found


def notebook_parameters(notebook: Path) -> set[str]:
    """Names declared in the notebook's ``parameters`` cell."""
    return set(papermill.inspect_notebook(str(notebook)).keys())


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


def check_parameters(parameters: dict[str, Any], declared: dict[str, set[str]]) -> None:
    """Refuse parameters no notebook declares, and those the runner sets itself."""
    for name in parameters:
        if name in RUNNER_PARAMETERS:
            raise UsageError(f"parameter '{name}' is set by the runner for each statement; do not pass it")
    known = set().union(*declared.values()) - set(RUNNER_PARAMETERS)
    unknown = sorted(set(parameters) - known)
    if unknown:
        raise UsageError(
            f"unknown parameter {', '.join(repr(u) for u in unknown)}: no notebook declares it "
            f"(known: {', '.join(sorted(known)) or 'none'})"
        )


def _execute(notebook: Path, target: Path, parameters: dict[str, Any], timeout: int) -> NotebookRun:
    """Execute one notebook with papermill; a failure is recorded, not raised."""
    began = time.perf_counter()
    error = None
    try:
        papermill.execute_notebook(
            str(notebook),
            str(target),
            parameters=parameters,
            kernel_name=KERNEL,
            cwd=str(notebook.parent),
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            execution_timeout=timeout,
            # The kernel talks to us over loopback only; its start-up warning about
            # unencrypted TCP would otherwise land in every scheduled run's log.
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
    except papermill.PapermillExecutionError as exc:
        error = {"cell_index": exc.cell_index, "execution_count": exc.exec_count,
                 "ename": exc.ename, "evalue": exc.evalue, "source": _cell_source(target, exc.exec_count)}
    except Exception as exc:  # a kernel that died or timed out: still a report, marked failed
        error = {"cell_index": None, "execution_count": None,
                 "ename": exc.__class__.__name__, "evalue": str(exc).splitlines()[0] if str(exc) else ""}
    seconds = round(time.perf_counter() - began, 2)
    return NotebookRun(notebook.name, "failed" if error else "ok", seconds, error)


def _cell_source(notebook: Path, execution_count: int) -> str:
    """The first line of the code cell that ran as ``In [execution_count]`` ("" if not found).

    Searched by execution count because papermill adds an error banner cell at
    the top of a failed notebook, which shifts the cell positions.
    """
    try:
        cells = nbformat.read(notebook, as_version=4).cells
    except (OSError, ValueError):
        return ""
    for cell in cells:
        if cell.cell_type == "code" and cell.get("execution_count") == execution_count:
            return cell.source.split("\n", 1)[0]
    return ""


def _publish(build: Path, final: Path) -> None:
    """Swap the finished ``build`` folder in at ``final``; the old report is removed only afterwards."""
    locks = final.parent / ".locks"
    locks.mkdir(exist_ok=True)
    with open(locks / f"{final.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        old = None
        if final.exists():
            old = final.parent / f".old-{final.name}-{uuid.uuid4().hex[:8]}"
            final.rename(old)
        build.rename(final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def run_report(
    statement: Statement,
    notebooks: list[Path],
    declared: dict[str, set[str]],
    parameters: dict[str, Any],
    outputs: Path,
    slug: str | None = None,
    jobs: int = 2,
    timeout: int = CELL_TIMEOUT,
    keep_code: bool = False,
    log: Callable[[str], None] = lambda line: None,
) -> Report:
    """Build, then publish, the report for one checked statement at ``outputs/<slug>/``."""
    started = _now()
    slug = slug or statement.slug
    outputs.mkdir(parents=True, exist_ok=True)
    build = outputs / f".building-{slug}-{uuid.uuid4().hex[:8]}"
    (build / "tables").mkdir(parents=True)
    try:
        source = str(Path(statement.path).resolve())

        def job(nb: Path) -> NotebookRun:
            params = {k: v for k, v in parameters.items() if k in declared[nb.name]}
            params["statement_path"] = source
            if "output_dir" in declared[nb.name]:
                params["output_dir"] = str(build / "tables")
            run = _execute(nb, build / nb.name, params, timeout)
            log(f"  {nb.name}: {run.status} in {run.seconds:.1f} s"
                + (f" (cell {run.error['cell_index']}: {run.error['ename']}: {run.error['evalue']})" if run.error else ""))
            return run

        # Templates for the HTML pages compile while the kernels work.
        warm = threading.Thread(target=warm_up, args=(keep_code,), daemon=True)
        warm.start()
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(notebooks)))) as pool:
            runs = tuple(pool.map(job, notebooks))
        warm.join()
        for run in runs:
            executed = build / run.notebook
            if executed.exists():
                notebook_to_html(executed, build / f"{Path(run.notebook).stem}.html", keep_code)
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


def run_collection(
    paths: list[str],
    parameters: dict[str, Any],
    outputs: Path,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    jobs: int = 2,
    timeout: int = CELL_TIMEOUT,
    keep_code: bool = False,
    max_bytes: int = MAX_BYTES,
    err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """Run every notebook on every statement; return the exit code (0, 1 or 2).

    Every input and parameter is checked before anything runs: one bad input
    means exit code 2 and nothing under ``outputs`` is touched.
    """
    try:
        notebooks = find_notebooks(notebooks_dir)
        declared = {nb.name: notebook_parameters(nb) for nb in notebooks}
        check_parameters(parameters, declared)
        actors_path = parameters.get("actors_path") or None
        statements: list[Statement] = []
        bad = []
        for path in paths:
            try:
                statements.append(load_statement(path, actors_path, max_bytes))
            except BadInputError as exc:
                if actors_path and exc.path == str(actors_path):
                    raise UsageError(str(exc)) from None
                bad.append(str(exc))
        if bad:
            for line in bad:
                err(line)
            return 2
    except UsageError as exc:
        err(str(exc))
        return 2
    slugs = [s.slug for s in statements]
    code = 0
    for k, statement in enumerate(statements, 1):
        slug = statement.slug if slugs.count(statement.slug) == 1 else f"{statement.slug}-{statement.sha256[:8]}"
        for w in statement.warnings:
            err(f"warning: {w}")
        err(f"[{k}/{len(statements)}] {statement.path} -> {outputs / slug}")
        report = run_report(statement, notebooks, declared, parameters, outputs, slug, jobs, timeout, keep_code, err)
        if not report.ok:
            code = 1
        print(f"Report: {report.directory / 'index.html'}" + ("" if report.ok else "  (some notebooks failed)"))
    return code
