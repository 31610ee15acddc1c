"""Who owns an output folder, and where each command's output goes: one owner per folder.

Each command marks what it makes. ``run`` makes a folder of reports: report folders (a ``manifest.json``
naming the run and its notebooks), the archive page ``index.html`` and ``logs/``. The other commands
make one folder each, published whole: ``corpus`` (its ``corpus.json``), ``compare``, ``diff`` and
``diff --pairs`` (a ``manifest.json`` naming its kind: ``comparison``, ``diff``, ``diffs``).

A command replaces only a folder of its own kind (:func:`target`): ``--out`` that is new, empty or an
earlier output of the same command, holding nothing else (:data:`MADE`), is replaced whole; ``--out``
that holds ``run`` reports is shared, and the command's output goes inside it under the command's name
(``corpus/``, ``comparison/``, ``diff/``, ``diffs/``, names no report takes); anything else is refused in
one line, and nothing there changes: a folder of another command, one that also holds files its command
did not make, a place inside another command's folder (which that command would replace whole), and a
folder another command is writing in now (its build in progress). "Empty" allows only the tool's own
hidden entries (``.locks/``, and the ``.building-*`` and ``.old-*`` folders of publishing); any other
hidden entry (``.git``, ``.env``) is a file the tool did not make. ``run`` refuses a folder of another
command (:func:`reports_problem`, :func:`claim_reports`).

The choice is made again when the finished folder is published (:func:`publish_as`), holding the lock of
``--out``, the one a ``run`` takes when it makes a new folder its own; a command writing inside a folder
that another command could replace whole (new, empty, or one command's output) also holds that folder's
lock while it makes its build there and while it publishes (:func:`build_in`), so that the two take turns:
two commands started at the same moment on one new folder both keep their outputs. Locks are files in a
``.locks/`` folder beside the folder locked: ``run --out R3`` (or ``compare``/``corpus`` with a new
``--out R3``) leaves ``.locks/R3.lock`` in the folder that holds ``R3``; it is never removed, holds
nothing, and may be deleted when no command is running.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from readout.errors import UsageError

from .publishing import building, in_progress, is_own_hidden, locked, publish, swap_in

__all__ = ["CORPUS_MANIFEST", "COMPARE_NOTEBOOK", "DIFF_NOTEBOOK", "KINDS", "LOG_NAME", "owner", "out_problem",
           "target", "publish_as", "build_in", "reports_problem", "claim_reports", "os_failure", "read_manifest",
           "is_report_folder"]

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
#: The notebook that compares statements (a comparison written before manifests named their kind ran it alone).
COMPARE_NOTEBOOK = "compare.ipynb"
#: The notebook that sets a later statement against an earlier one.
DIFF_NOTEBOOK = "diff.ipynb"
#: What each kind's folder holds when its command made it: file and folder names (``*`` any characters); a
#: ``diffs`` folder also holds the pair folders its manifest lists.
MADE = {"corpus": (CORPUS_MANIFEST, "*.parquet"),
        "comparison": ("index.html", "manifest.json", COMPARE_NOTEBOOK, "tables"),
        "diff": ("index.html", "manifest.json", DIFF_NOTEBOOK, "tables", "redline.html"),
        "diffs": ("index.html", "manifest.json")}


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The object in ``folder/manifest.json``, or None (no such file, not JSON, not an object)."""
    try:
        data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_report_folder(folder: Path) -> bool:
    """True if ``folder`` is a report ``run`` made (its manifest names the run and the notebooks, and no
    other command's kind, such as a comparison's): the only kind of folder a run may replace."""
    manifest = read_manifest(folder)
    return (manifest is not None and "run_key" in manifest and isinstance(manifest.get("notebooks"), list)
            and "kind" not in manifest)


def _manifest_kind(folder: Path) -> str | None:
    """The kind its ``manifest.json`` gives ``folder`` (``comparison``, ``diff``, ``diffs``), or None."""
    manifest = read_manifest(folder) or {}
    kind = manifest.get("kind")
    if kind in KINDS:
        return kind
    try:
        if [n.get("notebook") for n in manifest.get("notebooks", [])] == [COMPARE_NOTEBOOK]:
            return "comparison"
    except (AttributeError, TypeError):
        pass
    return None


def _holds_reports(folder: Path, entries: list[Path]) -> bool:
    """Whether ``folder`` holds what ``run`` makes: its ``logs/`` (run logs only), a report, its archive page."""
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
    """Which command made what ``folder`` holds: None (no folder, or nothing in it but the tool's own hidden
    entries: locks, builds), ``reports`` (a folder of ``run`` reports), ``report`` (one statement's report), a
    kind of :data:`KINDS`, ``mixed`` (more than one of these) or ``other`` (files this tool did not make)."""
    try:
        entries = [e for e in folder.iterdir() if not is_own_hidden(e.name)]
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


def _names(names: list[str]) -> str:
    """A few names for a message: ``a, b, c and 2 more``."""
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _refusal(shown: Path, found: str, kind: str, folder: Path | None = None) -> str:
    what = KINDS.get(kind, "reports")
    if found == "other":
        listed = ""
        if folder is not None and folder.is_dir():
            listed = f" ({_names(sorted(e.name for e in folder.iterdir() if not is_own_hidden(e.name)))})"
        return f"{shown}: folder holds files that are not {what}{listed}; choose an empty or new --out folder"
    return f"{shown}: folder holds {_HOLDS[found]}, not {what}; nothing there is replaced: choose another --out"


def _not_made(folder: Path, kind: str) -> list[str]:
    """The names in ``folder`` (an output of ``kind``) that its command did not make (:data:`MADE`), the
    tool's own hidden entries aside: what replacing it whole would delete that is not its own."""
    made = MADE[kind]
    pairs: set[str] = set()
    if kind == "diffs":
        listed = (read_manifest(folder) or {}).get("pairs", [])
        pairs = {p["folder"] for p in listed if isinstance(p, dict) and isinstance(p.get("folder"), str)} \
            if isinstance(listed, list) else set()
    return sorted(e.name for e in folder.iterdir() if not is_own_hidden(e.name) and e.name not in pairs
                  and not any(fnmatch.fnmatchcase(e.name, pattern) for pattern in made))


def _inside_problem(out: Path, shown: Path) -> str:
    """One line if ``out`` lies in a folder that its command replaces whole (another command's output, or
    one statement's report), which would delete ``out``; "" if not."""
    found = owner(out.parent) if out.parent.is_dir() else None
    if found in KINDS or found == "report":
        return (f"{shown}: inside {shown.parent}, which holds {_HOLDS[found]} and is replaced whole when its "
                "command runs again; choose an --out outside it")
    return ""


def target(out: Path, kind: str, shown: Path | None = None) -> Path:
    """Where the output of ``kind`` (a key of :data:`KINDS`) goes for ``--out out``: ``out`` itself when it
    is new, empty or holds an earlier output of that kind and nothing else; ``out/<kind>`` when ``out``
    holds reports of ``run`` (and ``out/<kind>`` is new, empty or of that kind). Anything else (see the
    module note), or a place that cannot be written, raises :class:`UsageError` (one line; ``shown`` is
    ``out`` as the user gave it)."""
    shown = out if shown is None else shown
    problem = _inside_problem(out, shown)
    if problem:
        raise UsageError(problem)
    found = owner(out) if out.is_dir() else None
    if found == "reports":
        out, shown = out / kind, shown / kind
        found = owner(out) if out.is_dir() else None
    if found not in (None, kind):
        raise UsageError(_refusal(shown, found, kind, out))
    busy = in_progress(out) if out.is_dir() else []
    if busy:
        raise UsageError(f"{shown}: another command is writing in this folder now ({_names(busy)}); nothing "
                         "there is replaced: try again when it has finished")
    extra = _not_made(out, kind) if found == kind else []
    if extra:
        raise UsageError(f"{shown}: folder holds {_HOLDS[kind]} and also {_names(extra)}, which is not part of "
                         "it; nothing there is replaced: move that or choose another --out")
    problem = out_problem(out, shown, beside=True)
    if problem:
        raise UsageError(problem)
    return out


def _shared_lock(folder: Path) -> AbstractContextManager[None]:
    """The lock of ``folder`` (as :func:`publish_as` and :func:`claim_reports` take it) when a command could
    replace it whole: it is new, empty, one command's output or one report. None (a do-nothing context)
    for a folder of reports or of other files, which no command replaces, and for a build (its maker's alone)."""
    if is_own_hidden(folder.name):
        return nullcontext()
    found = owner(folder) if folder.is_dir() else None
    return locked(folder, required=False) if found is None or found in KINDS or found == "report" else nullcontext()


@contextmanager
def build_in(place: Path) -> Iterator[Path]:
    """:func:`~readout.run.publishing.building` for ``place``, its hidden build folder made holding the lock
    of the folder that holds it when a command could replace that folder whole (:func:`_shared_lock`): a
    command replacing it sees the build (:func:`target`), or has replaced it before the build is made."""
    with ExitStack() as stack:
        with _shared_lock(place.parent):
            build = stack.enter_context(building(place))
        yield build


def publish_as(build: Path, out: Path, kind: str, shown: Path | None = None) -> Path:
    """Swap the finished ``build`` in where :func:`target` says, deciding again while holding the lock of
    ``out`` (as ``run`` does when it makes a new folder its own) and, when a command could replace the
    folder that holds ``out`` whole, that folder's lock too; returns where it went. A place taken by another
    command in the meantime raises :class:`UsageError` and replaces nothing."""
    with _shared_lock(out.parent), locked(out, required=False):
        final = target(out, kind, shown)
        if final == out:
            swap_in(build, final)  # the lock held is this folder's own
        else:
            publish(build, final)
    return final


def reports_problem(outputs: Path, shown: Path) -> str:
    """Why ``run`` may not write its reports in ``outputs``, in one line: it holds another command's output
    (or one report), or lies inside one; "" if it may. Only looks: nothing is made."""
    found = owner(outputs) if outputs.is_dir() else None
    if found not in (None, "reports", "other"):
        return _refusal(shown, found, "reports")
    return _inside_problem(outputs, shown)


def claim_reports(outputs: Path, shown: Path) -> None:
    """Make ``outputs`` a folder of ``run`` reports (with its ``logs/``), unless :func:`reports_problem`
    says it may not be: then raise :class:`UsageError` (one line), with nothing changed. A new or empty
    folder is claimed holding its lock, so that a command publishing a folder there at the same moment
    sees the claim and puts its output inside (:func:`publish_as`)."""
    problem = reports_problem(outputs, shown)
    if problem:
        raise UsageError(problem)
    if owner(outputs) is not None:  # already holds something: no command replaces it whole any more
        (outputs / "logs").mkdir(exist_ok=True)
        return
    with locked(outputs, required=False):
        problem = reports_problem(outputs, shown)
        if problem:
            raise UsageError(problem)
        (outputs / "logs").mkdir(parents=True, exist_ok=True)


def os_failure(exc: OSError, shown: Path, what: str) -> str:
    """One line for an operating-system failure while writing ``shown`` (a full or read-only disk, a folder
    made read-only): the file, the system's reason, and ``what`` became of the earlier outputs."""
    return f"{exc.filename or shown}: {exc.strerror or exc}; {what}"
