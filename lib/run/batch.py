"""How do many statements become reports in one scheduled run? Checked first, then one report each.

Exit codes (:func:`run_collection`; the command line adds 130 for Ctrl-C and 143 for SIGTERM): 0 every
notebook ran (or its report was up to date); 1 some notebook failed (its executed notebook is kept and
rendered, and the manifest names the failing cell, or a notebook ran past its time limit), or a file
found in a folder could not be read; 2 bad input or usage, with nothing under the outputs folder
changed, or an operating-system failure during the run; 3 another exclusive run holds the outputs
folder; 4 the whole-run time limit ran out (statements not reached keep their earlier reports).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fcntl
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from readout.errors import UsageError
from readout.text.statement import Statement, given_parameters

from .folders import LOG_NAME, claim_reports, is_report_folder, os_failure, out_problem, reports_problem
from .inputs import read_statements, statement_files
from .kernels import Deadline, KernelPool, clean_connection_files, writable_folders
from .one_statement import (
    FAILED_SUFFIX,
    RunOptions,
    code_version,
    report_slugs,
    run_key,
    run_report,
    up_to_date,
)
from .parameters import Plan, find_notebooks, plan_run
from .publishing import locked, repair

__all__ = ["run_collection", "MAX_LISTED"]

#: Statements not reached named on the summary line; the rest are counted there and listed in the log.
MAX_LISTED = 5


def run_collection(
    paths: list[str],
    parameters: dict[str, Any],
    options: RunOptions | None = None,
    err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """Run every notebook on every statement; return the exit code (0, 1, 2, 3 or 4).

    Every parameter and every file named directly is checked before anything runs: one bad one
    means exit code 2 and nothing under ``options.outputs`` is touched. Files found in a folder or
    by a pattern are skipped when they cannot be read (exit code 1), and the others run
    (:mod:`readout.run.inputs`). The same file named twice is run once. A statement whose complete
    earlier report matches its input, parameters and code version is skipped (``options.force`` runs
    it again). With ``options.exclusive``, a second run while one holds ``outputs/.locks/run.lock``
    exits with code 3 at once, before it checks anything. When the whole-run limit runs out before
    every statement's report is done, the run stops and exits with code 4.
    """
    options = options if options is not None else RunOptions()
    clock = options.limits.start()  # the whole-run limit counts from here: reading the statements is part of the run
    shown_outputs = options.outputs
    options = dataclasses.replace(options, outputs=options.outputs.resolve())
    log = _RunLog(options.outputs, dt.datetime.now(dt.timezone.utc))

    def note(line: str) -> None:  # every line also goes to the run's log file
        log.add(line)
        err(line)

    skipped: list[str] = []
    code = 2
    home = writable_folders()  # first: the checks' cached tables, and the kernels and their fork server, use it
    if home:
        note(home)
    try:
        code = _checked_run(paths, parameters, options, clock, shown_outputs, note, log, skipped)
        return code
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM (see the command line): said in the log too
        code = -1
        signum = getattr(exc, "signum", 2)
        log.add(f"interrupted by signal {signum} ({'SIGTERM' if signum == 15 else 'SIGINT'}); earlier "
                "reports are untouched, the report being built was discarded")
        raise
    finally:
        if code == 3 or log.claimed:  # a run refused or stopped before it claimed the folder writes no log there
            log.start()
        log.close()


class _RunLog:
    """The run's log, ``outputs/logs/run-<UTC time>-<pid>.log``: every line the run said, and a few only
    the log holds (:meth:`add`). Lines are kept until :meth:`start` (a refused run writes no log); from
    then on each is written as it comes, so that a run ended at once (a second Ctrl-C, a kill) leaves
    its log as far as it went. Best effort: a log that cannot be written must not hide why the run ended."""

    def __init__(self, outputs: Path, started: dt.datetime) -> None:
        self.path = outputs / "logs" / f"run-{started.strftime('%Y%m%dT%H%M%SZ')}-{os.getpid()}.log"
        self.lines: list[str] = []
        self.file: TextIO | None = None
        self.started = False
        self.claimed = False  # the outputs folder is the run's (a folder of reports): the log may go there

    def add(self, line: str) -> None:
        self.lines.append(line)
        self._write([line])

    def start(self) -> None:
        """Write the lines so far, and from now on each line as it comes."""
        if not self.started:
            self.started = True
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.file = self.path.open("a", encoding="utf-8")
            except OSError:
                return
            self._write(self.lines)

    def _write(self, lines: list[str]) -> None:
        if self.file is not None:
            try:
                self.file.write("".join(f"{line}\n" for line in lines))
                self.file.flush()
            except OSError:  # a full disk: the run goes on, and says why it ends on standard error
                pass

    def close(self) -> None:
        if self.file is not None:
            try:
                self.file.close()
            except OSError:
                pass
            self.file = None


def _checked_run(paths: list[str], parameters: dict[str, Any], options: RunOptions, clock: Deadline,
                 shown_outputs: Path, note: Callable[[str], None], log: _RunLog, skipped: list[str]) -> int:
    """Check everything, take the run lock if asked, then run (see :func:`run_collection`)."""
    busy = (f"another run is writing reports to {shown_outputs} (it holds {shown_outputs}/.locks/run.lock); "
            "this one stops without running")
    if options.exclusive and _held(options.outputs / ".locks" / "run.lock"):  # answered before any check
        note(busy)
        return 3
    try:
        plan = plan_run(parameters, find_notebooks(options.notebooks_dir))
        files = statement_files(paths)
        problem = reports_problem(options.outputs, shown_outputs) or out_problem(options.outputs, shown_outputs)
        if problem:  # whose folder it is first: a folder of another command is refused as such
            raise UsageError(problem)
        snapshots: dict[str, bytes] = {}
        given = {name: str(plan.parameters.get(name) or "") for name in ("title", "date")}
        if any(given.values()) and len(files) > 1:
            raise UsageError("--title and --date (the title and date parameters) name one statement; for several, "
                             "list them in a metadata.csv beside the files (columns file, title, date)")
        statements = read_statements(files, plan.lexicons.actors, skipped, snapshots, **given)
        if not statements:
            for line in skipped:
                note(line)
            note("no readable statement to run")
            return 2
        slugs = _slugs(statements, options.outputs)
        in_the_way = _not_ours(options.outputs, shown_outputs, slugs)
        if in_the_way:
            raise UsageError("\n".join(in_the_way))
        claim_reports(options.outputs, shown_outputs)  # checked again, holding the folder's lock if it is new
        log.claimed = True
    except OSError as exc:
        note(os_failure(exc, shown_outputs, "the run did not start, and nothing there changed"))
        return 2
    except UsageError as exc:
        for line in str(exc).splitlines():
            note(line)
        return 2
    lock_file = None
    if options.exclusive:
        (options.outputs / ".locks").mkdir(parents=True, exist_ok=True)
        lock_file = open(options.outputs / ".locks" / "run.lock", "w")  # noqa: SIM115  (held until the run ends)
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # taken since the check above
            lock_file.close()
            note(busy)
            return 3
    log.start()
    try:
        return _run_all(statements, skipped, plan, options, shown_outputs, clock, note, log, slugs, snapshots)
    except OSError as exc:  # a full disk, a folder made read-only during the run: one line, reports intact
        note(os_failure(exc, shown_outputs, "the run stopped, and earlier reports are untouched (the one being "
                                            "built was discarded)"))
        return 2
    finally:
        if lock_file is not None:
            lock_file.close()


def _held(lock: Path) -> bool:
    """Whether another process holds the run lock ``lock`` now; checked without making anything (no lock
    file: nobody holds it)."""
    try:
        with lock.open("rb") as file:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def _slugs(statements: list[Statement], outputs: Path) -> list[str]:
    """Each statement's report folder name (:func:`~readout.run.one_statement.report_slugs`), in order."""
    return report_slugs([Path(s.path).resolve() for s in statements], outputs)


def _not_ours(outputs: Path, shown: Path, slugs: list[str]) -> list[str]:
    """One line for each path the run would write that holds something the tool did not make: a report
    folder (no report manifest), the archive page, the logs folder. Such a run is refused."""
    lines = []
    for slug in dict.fromkeys(slugs):
        for name in (slug, f"{slug}{FAILED_SUFFIX}"):
            folder = outputs / name
            if not os.path.lexists(folder):
                continue
            if not folder.is_dir() or (any(folder.iterdir()) and not is_report_folder(folder)):
                lines.append(f"{shown / name}: holds files this tool did not make (no report manifest), where a "
                             "report would go; move them, rename the statement file, or choose another --out")
    from readout.report.export import is_archive_index  # nbconvert's weight only when there is a page to check

    index = outputs / "index.html"
    if os.path.lexists(index) and not is_archive_index(index):
        lines.append(f"{shown / 'index.html'}: a page this tool did not make, where the archive index goes; "
                     "move it or choose another --out")
    logs = outputs / "logs"
    if os.path.lexists(logs) and (not logs.is_dir() or any(not LOG_NAME.match(f.name) for f in logs.iterdir())):
        lines.append(f"{shown / 'logs'}: holds files other than this tool's run logs, where the run log goes; "
                     "move them or choose another --out")
    return lines


def _run_all(statements: list[Statement], skipped: list[str], plan: Plan, options: RunOptions,
             shown_outputs: Path, clock: Deadline, note: Callable[[str], None], log: _RunLog,
             slugs: list[str] | None = None, snapshots: dict[str, bytes] | None = None) -> int:
    """Run (or skip) each checked statement; end with a summary line (also when interrupted, then
    re-raised) and the run's log file.

    The run's kernels (:class:`KernelPool`), and the fork server they come from
    (:mod:`readout.run.forkserver`), start with the first statement that is not up to date: a run
    refused, or with nothing to run, starts none."""
    outputs = options.outputs
    bar = None
    if options.progress if options.progress is not None else sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(total=len(statements) * len(plan.notebooks), unit="notebook", file=sys.stderr, leave=False,
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
    for line in repair(outputs) + clean_connection_files():  # what killed runs left: reported, never silently
        err(line)
    for line in skipped:
        err(f"skipped: {line}")
    slugs = slugs or _slugs(statements, outputs)
    snapshots = snapshots or {}
    version = code_version(plan.notebooks)
    done, current, failed, not_reached = 0, 0, [], []
    pool: KernelPool | None = None
    handled = 0  # statements dealt with: if the run is interrupted, the others are not reached
    interrupted: KeyboardInterrupt | None = None
    try:
        for k, (statement, slug) in enumerate(zip(statements, slugs, strict=True), 1):
            handled = k - 1
            key = run_key(statement.sha256, {**plan.parameters, **given_parameters(statement),
                                             "keep_code": options.keep_code}, version)
            if not options.force and up_to_date(outputs / slug, key):
                current += 1
                err(f"[{k}/{len(statements)}] {statement.path}: up to date, skipped (--force runs it again)")
                say(f"Report: {shown_outputs / slug / 'index.html'}  (up to date)")
                if bar is not None:
                    bar.update(len(plan.notebooks))
                continue
            if clock.expired():  # out of time: an up-to-date report above still counts as such
                not_reached.append(statement.path)
                continue
            for w in statement.warnings:
                err(f"warning: {w}")
            err(f"[{k}/{len(statements)}] {statement.path} -> {shown_outputs / slug}")
            if pool is None:
                pool = KernelPool(max(1, min(options.jobs, len(plan.notebooks))), options.notebooks_dir)
            report = run_report(statement, plan, options, slug, clock, err, key, tick, pool,
                                snapshots.get(statement.path))
            if report.out_of_time:
                not_reached.append(statement.path)
                err(f"  stopped by the whole-run time limit; the earlier report of {statement.path}, if any, is kept")
                continue
            if report.ok:
                done += 1
            else:
                failed.append(f"{statement.path} ({', '.join(r.notebook for r in report.notebooks if r.status != 'ok')}"
                              + (f"; the complete earlier report is kept at {shown_outputs / slug}, this run's is at "
                                 f"{shown_outputs / report.directory.name}" if report.kept else "") + ")")
            if not report.published:
                error = report.notebooks[0].error or {}
                err(f"  no notebook ran ({error.get('ename')}: {error.get('evalue')}): no report made; the earlier "
                    f"report of {statement.path}, if any, is kept")
                continue
            say(f"Report: {shown_outputs / report.directory.name / 'index.html'}"
                + ("" if report.ok else "  (some notebooks failed" + (
                    f"; the complete earlier report is kept at {shown_outputs / slug}" if report.kept else "") + ")"))
        handled = len(statements)
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: the counts so far, then on up
        interrupted = exc
        not_reached = list(dict.fromkeys(not_reached + [s.path for s in statements[handled:]]))
    finally:
        if pool is not None:  # out of time or interrupted: kernels still starting are not waited for
            pool.close(now=interrupted is not None or clock.expired())
        if bar is not None:
            bar.close()
    if interrupted is None:
        from readout.report.export import write_archive_index

        with locked(outputs / "index.html"):  # runs sharing the folder take turns: the last lists every report
            write_archive_index(outputs)
    summary = (f"done {done}, up to date {current}, failed {len(failed) + len(skipped)}"
               + (": " + "; ".join(failed + [line.split(":", 1)[0] + " (unreadable)" for line in skipped])
                  if failed or skipped else ""))
    if not_reached:
        shown = not_reached[:MAX_LISTED]
        signum = getattr(interrupted, "signum", 2)
        why = (f"interrupted ({'SIGTERM' if signum == 15 else 'Ctrl-C'})" if interrupted is not None
               else f"the whole-run time limit ({clock.limits.run:g} s) ran out")
        summary += (f"; {why}, not reached {len(not_reached)}: " + "; ".join(shown)
                    + (f" and {len(not_reached) - len(shown)} more (all in the log)"
                       if len(not_reached) > len(shown) else ""))
        for path in not_reached:
            log.add(f"not reached: {path}")
    note(summary)
    if interrupted is not None:
        raise interrupted
    if not_reached:  # the limit stopped the run before every statement's report was done
        return 4
    return 1 if failed or skipped else 0
