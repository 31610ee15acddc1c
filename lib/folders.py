"""Putting a finished output folder in place, so that a reader never meets half of one."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

__all__ = ["swap_in"]


def swap_in(build: Path, final: Path) -> None:
    """Move the finished ``build`` folder to ``final``; whatever was at ``final`` is moved aside first
    and removed only once the new folder is in place. (Callers that may race hold a lock around it.)"""
    old = None
    if final.exists():
        old = final.parent / f".old-{final.name}-{uuid.uuid4().hex[:8]}"
        final.rename(old)
    build.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
