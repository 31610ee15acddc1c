"""How does a finished output folder replace the earlier one, so that a reader never meets half of one?

The one publishing recipe of reports, comparisons and corpus folders: build everything in a hidden
folder beside the final place (:func:`building`), write its manifest (:func:`write_manifest`), then
swap it in (:func:`publish`). Whatever was at the final place stays untouched until the new folder
is complete. The swap is **one atomic step**: the kernel exchanges the two folders in a single
rename (Linux ``renameat2`` with ``RENAME_EXCHANGE``), so at every instant the final path holds
either the whole earlier folder or the whole new one, even if the process is killed; the earlier
folder, now at the build path, is removed afterwards. Where the file system cannot exchange (or the
system lacks the call), the earlier folder is renamed aside first and the new one renamed in: a kill
between those two renames leaves no folder at the final path, and :func:`repair` puts the earlier
one back on the next run.

A build that fails or is interrupted is removed; a build left by a killed process (its name carries
the process id) is removed by :func:`repair` once that process is gone.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import re
import shutil
import signal
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["building", "write_manifest", "locked", "publish", "swap_in", "repair", "in_progress", "is_own_hidden",
           "FAULT_VARIABLE", "NO_EXCHANGE_VARIABLE"]

#: Set to the name of a point of the publish step (``before-swap``, ``after-aside``, ``after-swap``) to
#: have the process kill itself there: how the tests prove that a kill at any point loses nothing.
FAULT_VARIABLE = "READOUT_FAULT"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
#: A folder this module makes beside a final place: a build, or an earlier folder set aside (``<name>`` is the
#: final place's name, ``<pid>`` the process that made it).
_LEFTOVER = re.compile(r"^\.(?P<kind>building|old)-(?P<name>.+)-(?P<pid>\d+)-[0-9a-f]{8}$")
#: The folder of lock files (:func:`locked`).
LOCKS = ".locks"


def _fault(point: str) -> None:
    """Kill this process at ``point`` when the fault variable names it (tests only)."""
    if os.environ.get(FAULT_VARIABLE) == point:
        os.kill(os.getpid(), signal.SIGKILL)


@contextmanager
def building(final: Path) -> Iterator[Path]:
    """A new hidden folder ``.building-<name>-<pid>-<random>`` beside ``final`` to build in; it is removed
    if the block raises (an interrupt included). Publish it with :func:`publish` inside the block."""
    final.parent.mkdir(parents=True, exist_ok=True)
    build = final.parent / f".building-{final.name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    build.mkdir()
    try:
        yield build
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise


def write_manifest(build: Path, manifest: dict[str, Any], name: str = "manifest.json") -> None:
    """Write ``manifest`` as indented UTF-8 JSON to ``build/name``."""
    (build / name).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


#: Set (to anything) to make the publish step take its two-rename fallback, as on a system that cannot
#: exchange two folders: how the tests reach the fallback and its repair.
NO_EXCHANGE_VARIABLE = "READOUT_NO_EXCHANGE"


def _exchange(a: Path, b: Path) -> bool:
    """Swap the folders at ``a`` and ``b`` in one atomic step; False where the system cannot."""
    if os.environ.get(NO_EXCHANGE_VARIABLE):
        return False
    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    if call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_in(build: Path, final: Path) -> None:
    """Put the finished ``build`` folder at ``final`` (see the module note): exchanged with the earlier
    folder in one step where the system can, which is then removed; else moved aside and renamed in."""
    _fault("before-swap")
    if not final.exists():
        build.rename(final)
        _fault("after-swap")
        return
    if _exchange(build, final):
        _fault("after-swap")
        shutil.rmtree(build, ignore_errors=True)  # the earlier folder, now at the build path
        return
    old = final.parent / f".old-{final.name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    final.rename(old)
    _fault("after-aside")
    build.rename(final)
    _fault("after-swap")
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def locked(path: Path, required: bool = True) -> Iterator[None]:
    """Hold ``.locks/<name>.lock`` beside ``path`` for the block, so that commands writing ``path`` take
    turns. With ``required`` False, where the lock cannot be made (the folder beside is not writable, so
    nothing there can be replaced either) the block runs without it."""
    try:
        locks = path.parent / LOCKS
        locks.mkdir(parents=True, exist_ok=True)
        lock = open(locks / f"{path.name}.lock", "w")  # noqa: SIM115  (closed below)
    except OSError:
        if required:
            raise
        lock = None
    try:
        if lock is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield
    finally:
        if lock is not None:
            lock.close()


def publish(build: Path, final: Path) -> None:
    """Swap the finished ``build`` folder in at ``final``, holding ``.locks/<name>.lock`` beside it so
    that two runs publishing the same folder take turns."""
    with locked(final):
        swap_in(build, final)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def is_own_hidden(name: str) -> bool:
    """Whether ``name`` is a hidden entry publishing makes in a folder: its locks, a build, an earlier folder
    set aside."""
    return name == LOCKS or bool(_LEFTOVER.match(name))


def in_progress(folder: Path) -> list[str]:
    """The builds and set-aside folders in ``folder`` whose process is still running: another command is
    writing there now (sorted names; none if ``folder`` cannot be read)."""
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError:
        return []
    return [name for name in names if (m := _LEFTOVER.match(name)) and _alive(int(m["pid"]))]


def repair(folder: Path) -> list[str]:
    """Clean what killed runs left in ``folder``; the lines say what was done (for the run's log).

    A ``.building-*`` folder whose process is gone is removed (an unfinished build, or an earlier
    folder exchanged out and not yet removed). An ``.old-*`` folder (the two-rename fallback) whose
    process is gone is put back at its name if nothing is there, else removed.
    """
    done: list[str] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return done
    for entry in sorted(entries):
        m = _LEFTOVER.match(entry.name)
        if not m or not entry.is_dir() or _alive(int(m["pid"])):
            continue
        final = folder / m["name"]
        if m["kind"] == "old" and not final.exists():
            entry.rename(final)
            done.append(f"repaired: {final.name} put back from {entry.name} (a run was killed while publishing)")
        else:
            shutil.rmtree(entry, ignore_errors=True)
            done.append(f"cleaned: {entry.name} (left by a run that was killed)")
    return done
