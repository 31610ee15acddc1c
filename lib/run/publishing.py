"""How does a finished output folder replace the earlier one, so that a reader never meets half of one?

The one publishing recipe of reports, comparisons and corpus folders: build everything in a hidden
folder beside the final place (:func:`building`), write its manifest (:func:`write_manifest`), then
swap it in (:func:`publish`). Whatever was at the final place stays untouched until the new folder
is complete, and is removed only once the new one is in place. A build that fails or is interrupted
is removed.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["building", "write_manifest", "publish", "swap_in"]


@contextmanager
def building(final: Path) -> Iterator[Path]:
    """A new hidden folder ``.building-<name>-<random>`` beside ``final`` to build in; it is removed if
    the block raises (an interrupt included). Publish it with :func:`publish` inside the block."""
    final.parent.mkdir(parents=True, exist_ok=True)
    build = final.parent / f".building-{final.name}-{uuid.uuid4().hex[:8]}"
    build.mkdir()
    try:
        yield build
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise


def write_manifest(build: Path, manifest: dict[str, Any], name: str = "manifest.json") -> None:
    """Write ``manifest`` as indented UTF-8 JSON to ``build/name``."""
    (build / name).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def swap_in(build: Path, final: Path) -> None:
    """Move the finished ``build`` folder to ``final``; whatever was at ``final`` is moved aside first
    and removed only once the new folder is in place."""
    old = None
    if final.exists():
        old = final.parent / f".old-{final.name}-{uuid.uuid4().hex[:8]}"
        final.rename(old)
    build.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def publish(build: Path, final: Path) -> None:
    """Swap the finished ``build`` folder in at ``final``, holding ``.locks/<name>.lock`` beside it so
    that two runs publishing the same folder take turns."""
    locks = final.parent / ".locks"
    locks.mkdir(exist_ok=True)
    with open(locks / f"{final.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        swap_in(build, final)
