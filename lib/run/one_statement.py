"""How is one statement's report made? Its notebooks executed, exported and published as one folder.

The recipe (:func:`run_report`): build the report in a hidden folder beside where it will live,
execute the notebooks (on one kernel in name order; on several, longest first), each kernel running its next
notebook after a namespace reset), export each to an HTML page as soon as it is done, write the
index and the manifest, then publish the folder whole (:mod:`readout.run.publishing`). An earlier
report of the same statement stays untouched until the new one is complete; two runs on the same
statement each build their own folder and take turns to publish.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readout.paths import NOTEBOOKS_DIR
from readout.report.provenance import git_commit, package_versions
from readout.text.statement import Statement, given_parameters, slugify

from .folders import KINDS, is_report_folder, read_manifest
from .kernels import KERNEL, Deadline, Kernel, KernelPool, Limits, NotebookRun, execute, not_started
from .parameters import Plan
from .publishing import building, publish, write_manifest

__all__ = ["RunOptions", "Report", "run_report", "copy_inputs", "report_slugs", "code_version", "run_key",
           "up_to_date", "now", "RESERVED_NAMES", "FAILED_SUFFIX"]

#: Names under the outputs folder that the tool uses for itself: a statement never takes them (its
#: report gets "-statement" after its name: ``logs.txt`` → ``logs-statement/``). The other commands' names
#: (:data:`~readout.run.folders.KINDS`: ``corpus``, ``comparison``, ``diff``, ``diffs``) are where they put
#: their output in a folder of reports (:mod:`readout.run.folders`).
RESERVED_NAMES = frozenset({"logs", "index", "tables", "input", *KINDS})
#: A re-run whose notebooks failed, beside a complete earlier report, is published at ``<name>.failed``.
FAILED_SUFFIX = ".failed"


@dataclass(frozen=True)
class RunOptions:
    """How a run goes, whatever the statements: where reports go (``outputs``), which notebooks
    (``notebooks_dir``), how many kernels at once (``jobs``), the time limits, whether pages keep
    their code, whether up-to-date reports run again (``force``), whether a second run must wait its
    turn or stop (``exclusive``), and whether a progress bar shows (``progress``; default: on a terminal)."""

    outputs: Path = Path("outputs")
    notebooks_dir: Path = NOTEBOOKS_DIR
    jobs: int = 2
    limits: Limits = field(default_factory=Limits)  # read when a run is set up (the kill grace from the environment)
    keep_code: bool = False
    force: bool = False
    exclusive: bool = False
    progress: bool | None = None


@dataclass(frozen=True)
class Report:
    """A published report folder and how its notebooks went."""

    statement_path: str
    directory: Path
    notebooks: tuple[NotebookRun, ...]
    published: bool = True  # False: stopped by the whole-run time limit, or no notebook ran; nothing written
    kept: Path | None = None  # a complete earlier report kept in place of this failed one (at ``directory``)

    @property
    def ok(self) -> bool:
        return all(n.status == "ok" for n in self.notebooks)

    @property
    def out_of_time(self) -> bool:
        """Stopped by the whole-run time limit before it was done (and so not published)."""
        return any(n.error and n.error.get("limit") == "whole-run" for n in self.notebooks)


def now() -> str:
    """The time now in UTC, to the second, as ISO 8601 (for manifests)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _plain_slug(path: Path) -> str:
    """A statement file's report folder name before any clash: its file name, made safe, with
    "-statement" after a name the tool uses for itself (:data:`RESERVED_NAMES`)."""
    slug = slugify(path.stem)
    return f"{slug}-statement" if slug in RESERVED_NAMES else slug


def _made_from(folder: Path) -> Path | None:
    """The file the earlier report in ``folder`` was made from (its manifest says), or None."""
    try:
        return Path((read_manifest(folder) or {})["input"]["path"])
    except (KeyError, TypeError):
        return None


def _report_of_another(folder: Path, path: Path) -> bool:
    """Whether ``folder`` holds an earlier report made from a file other than ``path``."""
    made_from = _made_from(folder)
    return made_from is not None and made_from != path


def report_slugs(paths: list[Path], outputs: Path) -> list[str]:
    """The report folder name of each statement file (resolved paths, in order): distinct for distinct
    files, the same for the same file named twice.

    A file's name is its file name, made safe (:func:`_plain_slug`). A file whose earlier report in
    ``outputs`` has that name keeps it; else the first file of the run with a name keeps it, unless an
    earlier report there was made from another file; any other
    file gets the first 8 characters of its path's hash after the name (more where even that is taken),
    so that a name never lands on another statement's, in this run or already in ``outputs``: ``logs.txt``
    (``logs-statement``) and ``logs-statement.txt`` get two folders.
    """
    plain = {path: _plain_slug(path) for path in paths}
    first: dict[str, Path] = {}
    for path in paths:  # a file keeps the name its own earlier report holds
        if plain[path] not in first and _made_from(outputs / plain[path]) == path:
            first[plain[path]] = path
    for path in paths:
        first.setdefault(plain[path], path)
    taken = set(first)  # every plain name of the run is its first file's
    names: dict[Path, str] = {}
    for path in paths:
        if path in names:
            continue
        name = plain[path]
        if (first[name] != path or _report_of_another(outputs / name, path)
                or name == "statement" and not path.stem.isascii()):
            digest = hashlib.sha256(str(path).encode()).hexdigest()
            for n in (8, 16, 64):
                name = f"{plain[path]}-{digest[:n]}"
                if name not in taken and not _report_of_another(outputs / name, path):
                    break
        taken.add(name)
        names[path] = name
    return [names[path] for path in paths]


def code_version(notebooks: tuple[Path, ...] | list[Path]) -> str:
    """A hash of what decides a report's content: every file of the package and the notebooks run."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for f in sorted(package.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
            digest.update(str(f.relative_to(package)).encode() + b"\0" + f.read_bytes())
    for nb in notebooks:
        digest.update(nb.name.encode() + b"\0" + nb.read_bytes())
    return digest.hexdigest()


def run_key(input_sha256: str, parameters: dict[str, Any], version: str) -> str:
    """What an up-to-date report must match: the input's sha256 (a statement's; for a comparison, one over
    its statements or its corpus), the parameters (files named by a ``*_path`` parameter by their
    content) and the code version."""
    shown = {}
    for name, value in sorted(parameters.items()):
        if name.endswith("_path") and isinstance(value, str) and value:
            shown[name] = hashlib.sha256(Path(value).read_bytes()).hexdigest()
        else:
            shown[name] = value
    blob = json.dumps({"input": input_sha256, "parameters": shown, "code": version}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def up_to_date(report: Path, key: str) -> bool:
    """Whether the complete report at ``report`` was made with ``key`` (see :func:`run_key`) and its page
    is still there."""
    if not (report / "index.html").is_file():
        return False
    try:
        manifest = json.loads((report / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("status") == "ok" and manifest.get("run_key") == key


def _stored_size(notebook: Path) -> int:
    """The notebook file's size in bytes (0 if it cannot be read)."""
    try:
        return notebook.stat().st_size
    except OSError:
        return 0


def copy_inputs(build: Path, statement_path: str, snapshot: bytes | None,
                parameters: dict[str, Any]) -> dict[str, str]:
    """Copy a report's inputs into ``build/input/``: the statement (the bytes ``snapshot``, else the file
    as it is now) and every file a ``*_path`` parameter names. Return each one's copy as the notebooks
    are given it, relative to the report's folder (``statement_path`` → ``input/<file name>``, likewise
    each data file; a second file of a name already taken goes to ``input/<parameter>/<file name>``), so
    that a published notebook reads them wherever the report is moved."""
    statement = Path(statement_path)
    (build / "input").mkdir()
    copies = {"statement_path": f"input/{statement.name}"}
    (build / copies["statement_path"]).write_bytes(snapshot if snapshot is not None else statement.read_bytes())
    placed: dict[str, str] = {}  # each data file (its absolute path) and its copy
    for name, value in sorted(parameters.items()):
        if not (name.endswith("_path") and isinstance(value, str) and value):
            continue
        if value not in placed:
            copy = f"input/{Path(value).name}"
            if copy in copies.values() or copy in placed.values():
                copy = f"input/{name}/{Path(value).name}"
                (build / "input" / name).mkdir()
            shutil.copyfile(value, build / copy)
            placed[value] = copy
        copies[name] = placed[value]
    return copies


@contextmanager
def _exporter(keep_code: bool) -> Iterator[ThreadPoolExecutor]:
    """The one thread a report's pages are exported on: nbconvert's templates compile on it first, while
    the kernels work, and each page is exported as soon as its notebook is done. On the way out, pages
    not begun are dropped (the report has waited for those it keeps, :func:`_drop` for the others), and
    the thread is waited for unless the templates are still compiling (a report discarded early, at the
    whole-run limit, does not wait for them: the thread ends by itself)."""
    from readout.report.export import warm_up

    exporter = ThreadPoolExecutor(max_workers=1)
    compiling = exporter.submit(warm_up, keep_code)
    try:
        yield exporter
    finally:
        exporter.shutdown(wait=compiling.done(), cancel_futures=True)


def _drop(pages: list[Future]) -> None:
    """Cancel the page exports not begun, and wait for the one being written (into the build folder,
    about to be removed)."""
    wait([page for page in pages if not page.cancel()])


def _write_index(build: Path, files_page: Path, first: Path, runs: tuple[NotebookRun, ...],
                 export_first: Callable[[tuple[str, ...]], None]) -> None:
    """Write the report's ``index.html``: its first page (the summary, by default) where that page exists,
    else the files page. With a notebook failed, the first page is exported again (``export_first``) with
    one warning line per failed page at its top, so that the reader who opens the report learns at once
    what is missing."""
    from readout.report.export import page_name

    page = build / f"{first.stem}.html"
    if not page.is_file():
        shutil.copyfile(files_page, build / "index.html")
        return
    failures = tuple(
        f"The page “{page_name(Path(r.notebook).stem)}” failed"
        + (f" (cell {r.error.get('cell_index')}: {r.error.get('ename')})" if r.error else "")
        + "; see Files and tables for what the run made." for r in runs if r.status != "ok")
    if failures:
        export_first(failures)
    shutil.copyfile(page, build / "index.html")


def run_report(
    statement: Statement,
    plan: Plan,
    options: RunOptions | None = None,
    slug: str | None = None,
    clock: Deadline | None = None,
    log: Callable[[str], None] = lambda line: None,
    key: str | None = None,
    tick: Callable[[], None] = lambda: None,
    pool: KernelPool | None = None,
    snapshot: bytes | None = None,
) -> Report:
    """Build, then publish, the report for one checked statement at ``options.outputs/<slug>/``.

    The notebooks run on the kernels of ``pool`` (a run's pool, shared by its statements; default: a
    pool of ``options.jobs`` kernels for this report). ``clock`` is the clock of a run already going
    (default: ``options.limits`` started now); a notebook stopped by a limit counts as failed.
    ``tick`` is called as each notebook ends (for a progress bar); ``key`` is recorded for the
    up-to-date check. ``snapshot`` is the statement file's bytes as read when the run checked it
    (default: the file as it is now): they are written into the report (``input/<file name>``) and
    every notebook analyses that copy, so a file changed during the run cannot give a mixed report.
    The data files the parameters name are copied beside it (:func:`copy_inputs`), and every notebook
    runs in the report's folder with paths relative to it, as Jupyter runs a notebook: so a published
    notebook runs again as it stands (``papermill --cwd REPORT REPORT/03-tone.ipynb out.ipynb``, or
    Run All in JupyterLab). A report whose notebooks failed does not
    replace a complete earlier one: it is published beside it, at ``<name>.failed``
    (:data:`FAILED_SUFFIX`), and the earlier one is kept (``Report.kept``). A report stopped by the
    whole-run limit, or none of whose notebooks ran (no kernel would start: it would have no page),
    is not published at all (``Report.published`` False).
    """
    options = options if options is not None else RunOptions()
    from readout.report.export import PageContext, notebook_title, notebook_to_html, page_name, write_files_page

    if pool is None:
        with KernelPool(max(1, min(options.jobs, len(plan.notebooks))), plan.notebooks[0].parent) as own:
            return run_report(statement, plan, options, slug, clock, log, key, tick, own, snapshot)
    clock = clock or options.limits.start()
    started = now()
    slug = slug or statement.slug
    final = options.outputs / slug
    notebooks = plan.notebooks
    with building(final) as build, _exporter(options.keep_code) as exporter:
        (build / "tables").mkdir()
        # every notebook reads the bytes the run checked, and the data files, from the report's own copies
        copies = copy_inputs(build, statement.path, snapshot, plan.parameters)
        pages: list[Future] = []
        ran_with: dict[str, dict[str, Any]] = {}  # each notebook's parameters, as it ran
        versions, commit = package_versions(), git_commit()
        menu = tuple((n.stem, page_name(n.stem)) for n in notebooks)

        def export(nb: Path, params: dict[str, Any], failures: tuple[str, ...] = ()) -> None:
            page = PageContext(statement.title, Path(statement.path).name, statement.sha256, params,
                               frozenset(n.stem for n in notebooks), pages=menu, run=started, commit=commit,
                               versions=versions, warnings=(*statement.warnings, *failures))
            notebook_to_html(build / nb.name, build / f"{nb.stem}.html", options.keep_code, page)

        def job(nb: Path, kernel: Kernel) -> NotebookRun:
            params = plan.for_notebook(nb)
            params.update({k: v for k, v in copies.items() if k in params or k == "statement_path"})
            # the title and date given (--title, --date or the metadata.csv beside the file): each notebook
            # reads the snapshot, which has no metadata.csv beside it
            params.update({k: v for k, v in given_parameters(statement).items() if k in plan.declared[nb.name]})
            if "output_dir" in plan.declared[nb.name]:
                params["output_dir"] = "tables"
            ran_with[nb.name] = params
            limit, limit_name = clock.for_notebook()
            if limit is not None and limit <= 0:
                run = not_started(nb)
            else:
                run = execute(nb, build / nb.name, params, clock.limits.cell, kernel, limit, limit_name,
                              clock.limits.grace, build)
            tick()
            log(f"  {nb.name}: {run.status} in {run.seconds:.1f} s"
                + (f" (cell {run.error['cell_index']}: {run.error['ename']}: {run.error['evalue']})"
                   if run.error else ""))
            if (build / nb.name).exists():
                pages.append(exporter.submit(export, nb, params))
            return run

        # On several kernels, longest first, so that the report does not end on one long notebook while
        # the other kernels wait: a notebook's stored size (its outputs, mostly figures) stands for what
        # it costs to run. The order changes nothing they compute (each starts from a cleared namespace);
        # one kernel runs them in name order.
        order = sorted(notebooks, key=_stored_size, reverse=True) if len(pool.threads) > 1 else notebooks
        submitted = {nb: pool.submit(lambda kernel, nb=nb: job(nb, kernel)) for nb in order}
        futures = [submitted[nb] for nb in notebooks]
        try:
            # Waited for until the whole-run limit at most: a notebook not begun by then (its kernel still
            # starting) never begins, and one running is stopped by its own limit.
            for future in wait(futures, timeout=clock.left()).not_done:
                future.cancel()
            runs = tuple(not_started(nb) if f.cancelled() else f.result() for nb, f in zip(notebooks, futures))
            if any(r.error and r.error.get("limit") == "whole-run" for r in runs) or not any(r.ran for r in runs):
                # Stopped part-way by the run's limit, or no notebook ran (no kernel would start): not a
                # report, as it has no page; an earlier one stays in place.
                _drop(pages)
                shutil.rmtree(build, ignore_errors=True)
                return Report(statement.path, final, runs, published=False)
            for page in pages:
                page.result()
        except BaseException as exc:
            # Ctrl-C (or a failure of our own): no notebook of this report may go on writing into the
            # build folder that building() is about to remove.
            if isinstance(exc, KeyboardInterrupt):
                log("  interrupted: stopping the notebooks running; the report being built is discarded")
            pool.stop(futures, clock.limits.grace)
            _drop(pages)
            raise
        dated = statement.date
        manifest = {
            "slug": slug,
            "title": statement.title,
            "title_source": statement.title_source,  # given, header, opening words or file name
            "date": dated.date.isoformat() if dated else None,
            "date_source": dated.source if dated else None,  # given, header, dateline or file name
            "status": "ok" if all(r.status == "ok" for r in runs) else "failed",
            "input": {
                "path": str(Path(statement.path).resolve()),
                "snapshot": copies["statement_path"],
                "data_files": {k: v for k, v in copies.items() if k != "statement_path"},
                "sha256": statement.sha256,
                "bytes": statement.n_bytes,
                "encoding": statement.encoding,
                "normalizations": list(statement.normalizations),
                "warnings": list(statement.warnings),
            },
            "parameters": plan.parameters,
            "run_key": key,
            "kernel": KERNEL,
            "versions": versions,
            "git_commit": commit,
            "started": started,
            "finished": now(),
            "notebooks": [
                {"notebook": r.notebook, "title": notebook_title(build / r.notebook), "status": r.status,
                 "seconds": r.seconds, "error": r.error}
                for r in runs
            ],
            "tables": sorted(p.name for p in (build / "tables").glob("*.csv")),
        }
        write_manifest(build, manifest)
        _write_index(build, write_files_page(build, manifest), notebooks[0], runs,
                     lambda failures: export(notebooks[0], ran_with[notebooks[0].name], failures))
        earlier = read_manifest(final) if is_report_folder(final) else None
        failed_beside = final.parent / f"{slug}{FAILED_SUFFIX}"
        if manifest["status"] != "ok" and earlier is not None and earlier.get("status") == "ok":
            publish(build, failed_beside)  # the complete earlier report stays where readers find it
            return Report(statement.path, failed_beside, runs, kept=final)
        publish(build, final)
        if is_report_folder(failed_beside):  # an earlier failed re-run, now superseded
            shutil.rmtree(failed_beside, ignore_errors=True)
    return Report(statement.path, final, runs)
