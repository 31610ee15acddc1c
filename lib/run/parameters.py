"""Which parameters does a run take, and are they right? Checked once, before anything runs.

Notebook parameters pass through as with papermill (``-p NAME VALUE``, ``-f params.yaml``). A
name no notebook declares, a value of the wrong kind, a missing ``*_path`` file or a bad data file
is refused with one line (:class:`~readout.errors.UsageError`). :func:`plan_run` does every check
and returns a :class:`Plan`: the notebooks, what each declares, the parameters with their paths
made absolute, and the data files loaded once.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from readout.datafiles import load_yaml
from readout.errors import BadInputError, UsageError
from readout.paths import NOTEBOOKS_DIR

if TYPE_CHECKING:  # loaded when a run checks its data files, not when the runner starts
    from readout.analyses.lexicons import Lexicons

__all__ = ["RUNNER_PARAMETERS", "Plan", "find_notebooks", "notebook_parameters", "parse_value", "read_parameter_file",
           "check_parameters", "resolve_path_parameters", "load_data_files", "plan_run"]

#: Parameters the runner sets itself for every notebook.
RUNNER_PARAMETERS = ("statement_path", "output_dir")
#: Parameters the runner reads itself, for the statement (its title and date: readout.text.metadata), and
#: hands to the notebooks that declare them: known to every run, declared or not.
STATEMENT_PARAMETERS = ("title", "date")


def find_notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The per-statement collection: the notebooks in ``folder`` whose names start with a number
    (``00-summary.ipynb`` …), in name order. Others (``compare.ipynb``, which reads many statements)
    are not run on each statement."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: notebooks folder not found (pass --notebooks)")
    found = sorted(p for p in folder.glob("[0-9]*.ipynb"))
    if not found:
        raise UsageError(f"{folder}: no notebooks (files named like 01-name.ipynb) found")
    return found


def notebook_parameters(notebook: Path) -> dict[str, Any]:
    """Names declared in the notebook's ``parameters`` cell (the code cell tagged so, as papermill
    finds it), with their default values, in order.

    Read straight from the notebook's JSON: each ``name = value`` line of the cell (magic and shell
    lines such as ``%matplotlib inline`` skipped); a default that is not a plain literal is given as
    ``None`` (any value accepted). A notebook that cannot be read,
    or has no parameters cell, declares nothing.
    """
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return {}
    for cell in cells:
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            # IPython magics and shell lines ("%matplotlib inline", "!ls") are no Python: left out
            source = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.split("\n"))
            try:
                tree = ast.parse(source)
            except SyntaxError:
                return {}
            declared: dict[str, Any] = {}
            for node in tree.body:
                target = node.target if isinstance(node, ast.AnnAssign) else (
                    node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None)
                if isinstance(target, ast.Name) and node.value is not None:
                    try:
                        declared[target.id] = ast.literal_eval(node.value)
                    except (ValueError, SyntaxError, TypeError):
                        declared[target.id] = None
            return declared
    return {}


def parse_value(text: str) -> Any:
    """A ``-p`` value as papermill reads it: int, float, True/False/None, else the string itself."""
    if text in ("True", "False"):
        return text == "True"
    if text == "None":
        return None
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return text


def read_parameter_file(path: str | Path) -> dict[str, Any]:
    """Parameters from a YAML file holding one mapping of name → value."""
    p = Path(path)
    if p.is_dir():
        raise UsageError(f"{path}: is a folder, not a parameter file (-f takes a YAML file)")
    if not p.is_file():
        raise UsageError(f"{path}: parameter file not found")
    try:
        data = load_yaml(p.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: parameter file is not valid YAML ({exc.__class__.__name__})") from None
    except OSError as exc:
        raise UsageError(f"{path}: parameter file cannot be read ({exc.strerror or exc})") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise UsageError(f"{path}: parameter file must hold a mapping of parameter names to values")
    # YAML reads `date: 2026-03-01` as a date; the statement's date parameter is text, as --date gives it
    return {k: v.isoformat() if k == "date" and isinstance(v, dt.date) else v for k, v in data.items()}


def _check_value(name: str, value: Any, default: Any) -> None:
    """One parameter value: JSON-like, and of the kind its notebook default shows."""
    def plain(v: Any) -> bool:
        if isinstance(v, float):
            return math.isfinite(v)
        if isinstance(v, list):
            return all(plain(x) for x in v)
        if isinstance(v, dict):
            return all(isinstance(k, str) and plain(x) for k, x in v.items())
        return v is None or isinstance(v, (str, int, bool))

    if not plain(value):
        raise UsageError(f"parameter '{name}': value {value!r} is not a string, number, true/false, list or mapping "
                         "(quote it in YAML)")
    expected = {str: "text", bool: "true or false", int: "a whole number", float: "a number",
                list: "a list (give it in a -f YAML file)", dict: "a mapping (give it in a -f YAML file)"}
    if default is None or type(default) not in expected:
        return
    ok = (isinstance(value, list) if isinstance(default, list)
          else isinstance(value, dict) if isinstance(default, dict)
          else isinstance(value, bool) if isinstance(default, bool)
          else isinstance(value, int) and not isinstance(value, bool) if isinstance(default, int)
          else isinstance(value, (int, float)) and not isinstance(value, bool) if isinstance(default, float)
          else isinstance(value, str))
    if not ok:
        raise UsageError(f"parameter '{name}': expected {expected[type(default)]}, got {value!r}")


def check_parameters(parameters: dict[str, Any], declared: dict[str, dict[str, Any]],
                     also_known: tuple[str, ...] = ()) -> None:
    """Refuse parameters no notebook declares (but ``also_known``, which the command reads itself), the ones
    the runner sets, and values of the wrong kind."""
    for name in parameters:
        if name in RUNNER_PARAMETERS:
            raise UsageError(f"parameter '{name}' is set by the runner for each statement; do not pass it")
    known = (set().union(*(set(d) for d in declared.values())) | set(also_known)) - set(RUNNER_PARAMETERS)
    unknown = sorted(set(parameters) - known)
    if unknown:
        raise UsageError(
            f"unknown parameter {', '.join(repr(u) for u in unknown)}: no notebook declares it "
            f"(known: {', '.join(sorted(known)) or 'none'})"
        )
    for name, value in parameters.items():
        for defaults in declared.values():
            if name in defaults:
                _check_value(name, value, defaults[name])


def resolve_path_parameters(parameters: dict[str, Any]) -> dict[str, Any]:
    """Parameters named ``*_path`` name files: make them absolute from the current folder and check they exist.

    (Notebooks run in their own folder, so a relative path would point elsewhere there.)
    """
    out = dict(parameters)
    for name, value in parameters.items():
        if name.endswith("_path") and isinstance(value, str) and value.strip():
            path = Path(value).expanduser().resolve()
            if not path.is_file():
                raise UsageError(f"{value}: file not found (parameter '{name}')")
            out[name] = str(path)
    return out


def load_data_files(parameters: dict[str, Any]) -> Lexicons:
    """The data files a user passes (actors, tone, leaks, themes and expected themes, event scheme),
    loaded and checked before any notebook runs; a bad one raises :class:`UsageError` naming it."""
    from readout.analyses.lexicons import Lexicons

    try:
        return Lexicons.load(parameters)
    except BadInputError as exc:
        raise UsageError(str(exc)) from None


@dataclass(frozen=True)
class Plan:
    """A checked run: the notebooks in order, the parameters each declares (with defaults), the
    parameters given (``*_path`` ones absolute) and the data files they name, loaded once."""

    notebooks: tuple[Path, ...]
    declared: dict[str, dict[str, Any]]
    parameters: dict[str, Any]
    lexicons: Lexicons

    def for_notebook(self, notebook: Path) -> dict[str, Any]:
        """The given parameters that ``notebook`` declares."""
        return {k: v for k, v in self.parameters.items() if k in self.declared[notebook.name]}


def plan_run(parameters: dict[str, Any], notebooks: list[Path]) -> Plan:
    """Check ``parameters`` against what ``notebooks`` declare, resolve their paths and load the data
    files; raises :class:`UsageError` with one line on the first problem."""
    declared = {nb.name: notebook_parameters(nb) for nb in notebooks}
    check_parameters(parameters, declared, STATEMENT_PARAMETERS)
    resolved = resolve_path_parameters(parameters)
    return Plan(tuple(notebooks), declared, resolved, load_data_files(resolved))
