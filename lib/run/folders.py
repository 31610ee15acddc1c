"""Who owns an output folder, and where each command's output goes: one owner per folder.

Each command marks what it makes. ``run`` makes a folder of reports: report folders (a ``manifest.json``
naming the run and its notebooks), the archive page ``index.html`` and ``logs/``. The other commands
make one folder each, published whole: ``corpus`` (its ``corpus.json``), ``compare``, ``diff`` and
``diff --pairs`` (a ``manifest.json`` naming its kind: ``comparison``, ``diff``, ``diffs``).

A command replaces only a folder of its own kind (:func:`target`): ``--out`` that is new, empty or an
earlier output of the same command is replaced whole; ``--out`` that holds ``run`` reports is shared,
and the command's output goes inside it under the command's name (``corpus/``, ``comparison/``,
``diff/``, ``diffs/``, names no report takes); anything else is refused in one line, and nothing there
changes. ``run`` refuses a folder of another command (:func:`claim_reports`). The choice is made again
when the finished folder is published (:func:`publish_as`), holding the same lock as a ``run`` that
makes the folder its own, so that two commands started at the same moment on a new folder both keep
their outputs.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from readout.errors import UsageError

from .publishing import locked, publish, swap_in

__all__ = ["CORPUS_MANIFEST", "KINDS", "LOG_NAME", "owner", "out_problem", "target", "publish_as", "claim_reports",
           "os_failure"]

#: The file beside a corpus run's tables that says what they hold; its presence marks a corpus folder.
CORPUS_MANIFEST = "corpus.json"
#: The commands' outputs published as one folder each: what the folder holds, as a message says it.
KINDS = {"corpus": "an earlier corpus run", "comparison": "an earlier comparison",
         "diff": "an earlier diff of two statements", "diffs": "earlier diffs of several pairs"}
#: What a folder holds, by its owner (:func:`owner`), as a message says it.
_HOLDS = {"corpus": f"a corpus run's tables ({CORPUS_MANIFEST})", "comparison": "a comparison",
          "diff": "a diff of two statements", "diffs": "diffs of several pairs", "reports": "reports of 'run'",
          "report": "one statement's report", "mixed": "the outputs of more than one command"}
#: A run's log file in ``logs/``.
LOG_NAME = re.compile(r"^run-\d{8}T\d{6}Z-\d+\.log$")
#: A comparison written before manifests named their kind ran this notebook alone.
_COMPARE_NOTEBOOK = "compare.ipynb"


def _manifest_kind(folder: Path) -> str | None:
    """The kind its ``manifest.json`` gives ``folder`` (``comparison``, ``diff``, ``diffs``), or None."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        kind = manifest.get("kind")
        if kind in KINDS:
            return kind
        if [n.get("notebook") for n in manifest.get("notebooks", [])] == [_COMPARE_NOTEBOOK]:
            return "comparison"
    except (OSError, ValueError, AttributeError, TypeError):
        pass
    return None


def _holds_reports(folder: Path, entries: list[Path]) -> bool:
    """Whether ``folder`` holds what ``run`` makes: its ``logs/`` (run logs only), a report, its archive page."""
    from .one_statement import is_report_folder  # not at the top: the corpus engine needs no kernels

    logs = folder / "logs"
    try:
        if logs.is_dir() and all(LOG_NAME.match(f.name) for f in logs.iterdir()):
            return True
    except OSError:
        pass
    if any(entry.is_dir() and is_report_folder(entry) for entry in entries):
        return True
    if (folder / "index.html").is_file():
        from readout.report.export import is_archive_index  # nbformat's weight only when there is a page to check

        return is_archive_index(folder / "index.html")
    return False


def owner(folder: Path) -> str | None:
    """Which command made what ``folder`` holds: None (no folder, or nothing in it but hidden entries such
    as locks and builds), ``reports`` (a folder of ``run`` reports), ``report`` (one statement's report), a
    kind of :data:`KINDS`, ``mixed`` (more than one of these) or ``other`` (files this tool did not make)."""
    from .one_statement import is_report_folder  # not at the top: the corpus engine needs no kernels

    try:
        entries = [e for e in folder.iterdir() if not e.name.startswith(".")]
    except FileNotFoundError:
        return None
    except OSError:
        return "other"
    if not entries:
        return None
    found = {kind for kind in ((folder / CORPUS_MANIFEST).is_file() and "corpus", _manifest_kind(folder),
                               is_report_folder(folder) and "report", _holds_reports(folder, entries) and "reports")
             if kind}
    return found.pop() if len(found) == 1 else "mixed" if found else "other"


def out_problem(outputs: Path, shown: Path, beside: bool = False) -> str:
    """Why ``outputs`` cannot be written (a file in the way, no permission to write, a read-only disk), in
    one line; "" if it can. ``beside``: the folder is built beside its place and swapped in, so it is the
    folder that holds it that must be writable."""
    if outputs.exists() and not outputs.is_dir():
        return f"{shown}: exists and is not a folder (--out)"
    place = outputs.parent if beside else outputs
    while not place.exists() and place != place.parent:
        place = place.parent
    if not place.is_dir():
        return f"{shown}: cannot be made: {place} is a file, not a folder (--out)"
    if not os.access(place, os.W_OK | os.X_OK):
        return f"{shown}: cannot write there ({place} is not writable, or on a read-only disk)"
    return ""


def _refusal(shown: Path, found: str, kind: str) -> str:
    what = KINDS.get(kind, "reports")
    if found == "other":
        return f"{shown}: folder holds files that are not {what}; choose an empty or new --out folder"
    return f"{shown}: folder holds {_HOLDS[found]}, not {what}; nothing there is replaced: choose another --out"


def target(out: Path, kind: str, shown: Path | None = None) -> Path:
    """Where the output of ``kind`` (a key of :data:`KINDS`) goes for ``--out out``: ``out`` itself when it
    is new, empty or holds an earlier output of that kind; ``out/<kind>`` when ``out`` holds reports of
    ``run`` (and ``out/<kind>`` is new, empty or of that kind). Anything else, or a place that cannot be
    written, raises :class:`UsageError` (one line; ``shown`` is ``out`` as the user gave it)."""
    shown = out if shown is None else shown
    found = owner(out) if out.is_dir() else None
    if found == "reports":
        out, shown = out / kind, shown / kind
        found = owner(out) if out.is_dir() else None
    if found not in (None, kind):
        raise UsageError(_refusal(shown, found, kind))
    problem = out_problem(out, shown, beside=True)
    if problem:
        raise UsageError(problem)
    return out


def publish_as(build: Path, out: Path, kind: str, shown: Path | None = None) -> Path:
    """Swap the finished ``build`` in where :func:`target` says, deciding again while holding the lock of
    ``out`` (as ``run`` does when it makes a new folder its own); returns where it went. A place taken by
    another command in the meantime raises :class:`UsageError` and replaces nothing."""
    with locked(out, required=False):
        final = target(out, kind, shown)
        if final == out:
            swap_in(build, final)  # the lock held is this folder's own
        else:
            publish(build, final)
    return final


def claim_reports(outputs: Path, shown: Path) -> None:
    """Make ``outputs`` a folder of ``run`` reports (with its ``logs/``), unless another command's output
    is there: then raise :class:`UsageError` (one line), with nothing changed. A new or empty folder is
    claimed holding its lock, so that a command publishing a folder there at the same moment sees the
    claim and puts its output inside (:func:`publish_as`)."""
    found = owner(outputs)
    if found is not None:  # already holds something: no command replaces it whole any more
        if found not in ("reports", "other"):
            raise UsageError(_refusal(shown, found, "reports"))
        (outputs / "logs").mkdir(exist_ok=True)
        return
    with locked(outputs, required=False):
        found = owner(outputs)
        if found not in (None, "reports", "other"):
            raise UsageError(_refusal(shown, found, "reports"))
        (outputs / "logs").mkdir(parents=True, exist_ok=True)


def os_failure(exc: OSError, shown: Path, what: str) -> str:
    """One line for an operating-system failure while writing ``shown`` (a full or read-only disk, a folder
    made read-only): the file, the system's reason, and ``what`` became of the earlier outputs."""
    return f"{exc.filename or shown}: {exc.strerror or exc}; {what}"
