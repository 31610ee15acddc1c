"""Which statement files was a command given, and which can be analysed?

Files, folders (the ``.txt`` files directly inside) and quoted patterns. The input rule, written
once here for ``run``, ``compare``, ``corpus`` and the comparison notebook: a file **named
directly** that cannot be analysed stops the command (every such file is named, exit code 2); a
file **found** in a folder or by a pattern that cannot be analysed is skipped and named, and the
others go on.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from readout.errors import BadInputError, UsageError
from readout.text.mentions import ActorLexicon
from readout.text.source import read_checked_bytes
from readout.text.statement import Statement, statement_from_bytes

__all__ = ["StatementFile", "Refused", "expand_paths", "unique_files", "statement_files", "read_statements"]


@dataclass(frozen=True)
class StatementFile:
    """A statement file as a command reached it: ``path`` as given or found; ``named``: given
    directly (not found in a folder or by a pattern)."""

    path: str
    named: bool


class Refused(UsageError):
    """Files named directly that cannot be analysed: one line each (``lines``), the command stops."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def expand_paths(paths: list[str]) -> tuple[list[tuple[str, bool]], list[str]]:
    """Statement files from the command line: (path, named directly?) for each, and usage problems.

    A folder stands for the ``.txt`` files directly inside it, sorted; a pattern with ``*``, ``?`` or
    ``[`` that names no file is expanded (for a scheduler that passes it quoted). A folder or pattern
    that yields no file is a problem.
    """
    files: list[tuple[str, bool]] = []
    problems: list[str] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            # every .txt entry but folders: a pipe or a broken or looping link is then skipped by name
            # when it is read, not passed over in silence
            found = [str(f) for f in sorted(p.glob("*.txt")) if not f.is_dir()]
            if not any(Path(f).is_file() for f in found):
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
        try:
            resolved = Path(path).resolve()
        except (RuntimeError, OSError):  # a symbolic link loop: left to the file checks, which name it
            resolved = Path(path).absolute()
        if resolved in first:
            k = first[resolved]
            out[k] = (out[k][0], out[k][1] or named)
            continue
        first[resolved] = len(out)
        out.append((path, named))
    return out


def statement_files(paths: list[str]) -> list[StatementFile]:
    """The files ``paths`` stand for, each once (:func:`expand_paths`, :func:`unique_files`); a folder
    or pattern that yields no file raises :class:`UsageError`."""
    files, problems = expand_paths(paths)
    if problems:
        raise UsageError(problems[0])
    return [StatementFile(path, named) for path, named in unique_files(files)]


def read_statements(files: Iterable[StatementFile], actors: ActorLexicon | None = None,
                    skipped: list[str] | None = None, snapshots: dict[str, bytes] | None = None,
                    title: str = "", date: str = "") -> list[Statement]:
    """Read and parse each file, by the input rule: if any file named directly cannot be analysed,
    raise :class:`Refused` naming every one; a file found that cannot be is left out and its line
    ("path: problem") appended to ``skipped``. Each file is read once; with ``snapshots``, the bytes
    read are kept there under the statement's path, so that a report analyses exactly those bytes even
    if the file changes during the run. ``title`` and ``date``, when given, are those of every statement
    read (one, as ``--title`` and ``--date`` are given); else each file's ``metadata.csv`` gives them."""
    statements, refused = [], []
    for file in files:
        try:
            data = read_checked_bytes(file.path)
            statement = statement_from_bytes(file.path, data, actors, title=title, date=date)
            statements.append(statement)
            if snapshots is not None:
                snapshots[statement.path] = data
        except BadInputError as exc:
            lines = refused if file.named else skipped if skipped is not None else []
            if str(exc) not in lines:  # a bad metadata.csv is one line, not one per file beside it
                lines.append(str(exc))
    if refused:
        raise Refused(refused)
    return statements
