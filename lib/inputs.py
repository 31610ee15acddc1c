"""Which statement files a command was given: files, folders of ``.txt`` files, or quoted patterns."""

from __future__ import annotations

import glob
from pathlib import Path

__all__ = ["expand_paths"]


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
