"""Tables built from a package's data, kept between processes in the user's cache folder.

Some tables take a noticeable share of a kernel's start to build from the data a package ships (the
syllables of the CMU dictionary, 0.15 s; the gazetteer's countries from countryinfo's 250 files,
0.08 s). :func:`cached_json` builds such a table once, keeps it as JSON in the user's cache folder
(``XDG_CACHE_HOME``, else ``~/.cache``, under ``readout/``) named with the version of the data it
was built from, and reads it back in a few milliseconds in later processes. A cache that cannot be
read, written or found (no home folder: one is never made for it) is ignored: the table is built
again, so the numbers never depend on it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cached_json", "cache_file"]


def cache_file(name: str) -> Path | None:
    """The cache file ``name`` in the user's cache folder; None when there is no home folder (or it is
    not a folder) to keep it in."""
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "readout" / name
    try:
        home = Path.home()
        if not home.is_dir():
            return None
    except (RuntimeError, OSError):  # no home folder to keep a cache in
        return None
    return home / ".cache" / "readout" / name


def cached_json(name: str, build: Callable[[], Any], valid: Callable[[Any], bool] = lambda data: True) -> Any:
    """The table cached as ``name`` (see the module note) if it is there and ``valid``, else ``build()``,
    written to the cache whole or not at all (a reader never meets half a file)."""
    file = cache_file(name)
    if file is not None:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if valid(data):
                return data
        except (OSError, ValueError):
            pass
    data = build()
    if file is not None:
        partial = file.with_name(f".{file.name}.{os.getpid()}")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps(data), encoding="utf-8")
            os.replace(partial, file)
        except OSError:
            pass
        finally:
            try:
                partial.unlink(missing_ok=True)  # left only if the write failed (or the process was stopped)
            except OSError:
                pass  # its folder could not be made either
    return data
