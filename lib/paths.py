"""Where the project's folders are, anchored on this package, never on the working directory.

With the editable install the Makefile makes (``pip install -e .``), the
package directory is the project's ``lib/``, so the project root is its parent.
"""

from __future__ import annotations

from pathlib import Path

from .errors import UsageError

__all__ = ["PROJECT_ROOT", "NOTEBOOKS_DIR", "SEEDS_DIR", "FOLLOW_UP", "default_statement_path", "resolve_statement_path",
           "resolve_pair"]

PROJECT_ROOT: Path = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"
SEEDS_DIR: Path = PROJECT_ROOT / "seeds"
#: The later statement the diff notebook sets against the seed by default: a demonstration revision of the
#: seed, a year on (written for the project, not a real statement; ``seeds/demo/README.md``).
FOLLOW_UP: Path = SEEDS_DIR / "demo" / "revision" / "demo-2016-honduras-dialogue-revised.txt"


def default_statement_path() -> Path:
    """The project's seed statement: the first ``.txt`` file in ``seeds/`` by name."""
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    if not seeds:
        raise UsageError(
            f"{SEEDS_DIR}: no seed statement found (install the project with 'pip install -e .', "
            "or pass statement_path)"
        )
    return seeds[0]


def resolve_statement_path(statement_path: str | Path) -> Path:
    """The file a notebook should read: ``statement_path``, or the seed when it is empty."""
    return Path(statement_path) if str(statement_path).strip() else default_statement_path()


def resolve_pair(statement_a: str | Path, statement_b: str | Path) -> tuple[Path, Path]:
    """The two files the diff notebook reads: each as given, or, when empty, the seed (A) and its
    demonstration revision :data:`FOLLOW_UP` (B)."""
    return resolve_statement_path(statement_a), Path(statement_b) if str(statement_b).strip() else FOLLOW_UP
