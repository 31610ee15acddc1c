"""How do the notebooks become reports? Statement files found and checked (:mod:`.inputs`),
parameters checked (:mod:`.parameters`), notebooks executed on reused kernels within time
limits (:mod:`.kernels`), one report built (:mod:`.report`) and published whole
(:mod:`.publishing`), many statements in one scheduled run (:mod:`.batch`).
"""

from __future__ import annotations

from .batch import run_collection
from .inputs import Refused, StatementFile, expand_paths, read_statements, statement_files, unique_files
from .kernels import CELL_TIMEOUT, KERNEL, KILL_GRACE, Deadline, Kernel, Limits, NotebookRun, execute, not_started
from .parameters import (
    RUNNER_PARAMETERS,
    Plan,
    check_parameters,
    find_notebooks,
    load_data_files,
    notebook_parameters,
    parse_value,
    plan_run,
    read_parameter_file,
    resolve_path_parameters,
)
from .publishing import building, publish, swap_in, write_manifest
from .report import Report, RunOptions, code_version, now, report_slug, run_key, run_report, up_to_date

__all__ = [
    "run_collection", "StatementFile", "Refused", "expand_paths", "unique_files", "statement_files",
    "read_statements", "KERNEL", "CELL_TIMEOUT", "KILL_GRACE", "NotebookRun", "Limits", "Deadline",
    "Kernel", "execute", "not_started", "RUNNER_PARAMETERS", "Plan", "find_notebooks",
    "notebook_parameters", "parse_value", "read_parameter_file", "check_parameters",
    "resolve_path_parameters", "load_data_files", "plan_run", "building", "write_manifest", "publish",
    "swap_in", "RunOptions", "Report", "run_report", "report_slug", "code_version", "run_key", "up_to_date",
    "now"
]
