"""Which statement files a command was given: files, folders of ``.txt`` files, or quoted patterns."""

from __future__ import annotations

import glob
from pathlib import Path

__all__ = ["expand_paths", "unique_files"]


def expand_paths(paths: list[str]) -> tuple[list[tuple[str, bool]], list[str]]:
    """Statement files from the command line: (path, named directly?) for each, and usage problems.

    A folder stands for the ``.txt`` files directly inside it, sorted; a pattern with ``*``, ``?`` or
    ``[`` that names no file is expanded (for a scheduler that passes it quoted). A folder or pattern
    that yields no file is a problem.
    """
    files: list[tuple[str, bool]] = []
    problems = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found = sorted(str(f) for f in p.glob("*.txt") if f.is_file())
            if not found:
                problems.append(f"{path}: folder holds no .txt statement files")
            files += [(f, False) for f in found]
        elif not p.exists() and any(ch in path for ch in "*?["):
            found = sorted(f for f in glob.glob(path) if Path(f).is_file())
            if not found:
                problems.append(f"{path}: no file matches this pattern")
            files += [(f, False) for f in found]
        else:
            files.append((path, True))
    return files, problems


def unique_files(files: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Each file once (the same file reached twice, e.g. named and in its folder, by its resolved
    path), at its first place, and counted as named directly if it was named anywhere: so whether a
    bad file is refused or skipped does not depend on the order of the arguments."""
    first: dict[Path, int] = {}
    out: list[tuple[str, bool]] = []
    for path, named in files:
        resolved = Path(path).resolve()
        if resolved in first:
            k = first[resolved]
            out[k] = (out[k][0], out[k][1] or named)
            continue
        first[resolved] = len(out)
        out.append((path, named))
    return out
