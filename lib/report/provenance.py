"""What produced this result: input hash, parameters, and the versions of everything that ran."""

from __future__ import annotations

import functools
import platform
import re
import subprocess
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from readout.paths import PROJECT_ROOT
from readout.text.statement import Statement

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["requirement_names", "package_versions", "git_commit", "provenance_table", "shown_value"]

_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def requirement_names(requirements: Path = PROJECT_ROOT / "requirements.txt") -> list[str]:
    """Package names listed in ``requirements.txt`` (in file order); the library's own imports if it is absent."""
    if requirements.is_file():
        names = []
        for line in requirements.read_text(encoding="utf-8").splitlines():
            m = _REQ.match(line.split("#", 1)[0])
            if m:
                names.append(m.group(1))
        return names
    return ["pandas", "matplotlib", "textblob", "papermill", "nbconvert", "nbformat", "ipykernel", "PyYAML"]


def package_versions(names: list[str] | None = None) -> dict[str, str]:
    """Installed version of each package (``"not installed"`` where missing), plus Python and readout."""
    out = {"python": platform.python_version()}
    for name in [*(names if names is not None else requirement_names()), "readout"]:
        out[name] = _version(name)
    return out


@functools.lru_cache(maxsize=None)
def _version(name: str) -> str:
    """One package's installed version, read once per process (a kernel's provenance table and the
    runner's manifest ask for the same two dozen; reading their metadata takes 60 ms a time)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def git_commit(root: Path = PROJECT_ROOT) -> str | None:
    """The project's git commit (with "+dirty" when files differ from it), or None outside a checkout."""
    try:
        sha = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                             timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return sha + ("+dirty" if dirty else "")


def shown_value(value: object) -> str:
    """Parameters as a reader should see them: paths by file name only, empty as "(default)"."""
    if isinstance(value, str):
        if not value.strip():
            return "(default)"
        if "/" in value or "\\" in value:
            return value.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return str(value)


def provenance_table(statement: Statement, parameters: dict[str, object]) -> "pd.DataFrame":
    """Input, parameters and versions as a two-column table (item, value) for a notebook's last cell.

    Paths are shown by file name only; the full paths are in the report's manifest.json.
    """
    import pandas as pd  # here, not at the top: the runner imports this module and needs no pandas
    rows = [
        ("statement file", shown_value(statement.path)),
        ("sha256", statement.sha256),
        ("decoded as", statement.encoding),
    ]
    rows += [(f"parameter: {k}", shown_value(v)) for k, v in parameters.items()]
    versions = package_versions()
    rows += [(f"version: {k}", v) for k, v in versions.items()]
    return pd.DataFrame(rows, columns=["item", "value"]).set_index("item")
