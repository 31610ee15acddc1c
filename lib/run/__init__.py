"""How do the notebooks become reports? Statement files found and checked (:mod:`.inputs`),
parameters checked (:mod:`.parameters`), notebooks executed on reused kernels within time
limits (:mod:`.kernels`), one report built (:mod:`.report`) and published whole
(:mod:`.publishing`), many statements in one scheduled run (:mod:`.batch`).

The names below are imported from their modules on first use, so importing the package costs
nothing until a name is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout._lazy import lazy_exports

if TYPE_CHECKING:
    from .batch import MAX_LISTED, run_collection
    from .forkserver import ForkedProcess, ForkServer, discard_early, serve, start_early
    from .inputs import Refused, StatementFile, expand_paths, read_statements, statement_files, unique_files
    from .kernels import (
        CELL_TIMEOUT,
        KERNEL,
        KILL_GRACE,
        Deadline,
        Kernel,
        KernelPool,
        Limits,
        NotebookRun,
        clean_connection_files,
        execute,
        not_started,
    )
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
    from .publishing import FAULT_VARIABLE, NO_EXCHANGE_VARIABLE, building, publish, repair, swap_in, write_manifest
    from .report import (
        FAILED_SUFFIX,
        RESERVED_NAMES,
        Report,
        RunOptions,
        code_version,
        is_report_folder,
        now,
        report_slug,
        run_key,
        run_report,
        up_to_date,
    )
    from .warmup import WARM_UP_TEXT, warm_up

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "run_collection": "batch", "MAX_LISTED": "batch", "ForkServer": "forkserver", "ForkedProcess": "forkserver",
    "serve": "forkserver", "start_early": "forkserver", "discard_early": "forkserver", "StatementFile": "inputs",
    "Refused": "inputs", "expand_paths": "inputs", "unique_files": "inputs", "statement_files": "inputs",
    "read_statements": "inputs", "KERNEL": "kernels", "CELL_TIMEOUT": "kernels", "KILL_GRACE": "kernels",
    "NotebookRun": "kernels", "Limits": "kernels", "Deadline": "kernels", "Kernel": "kernels", "KernelPool":
    "kernels", "execute": "kernels", "not_started": "kernels", "clean_connection_files": "kernels",
    "RUNNER_PARAMETERS": "parameters", "Plan": "parameters", "find_notebooks": "parameters", "notebook_parameters":
    "parameters", "parse_value": "parameters", "read_parameter_file": "parameters", "check_parameters":
    "parameters", "resolve_path_parameters": "parameters", "load_data_files": "parameters", "plan_run":
    "parameters", "building": "publishing", "write_manifest": "publishing", "publish": "publishing", "swap_in":
    "publishing", "repair": "publishing", "FAULT_VARIABLE": "publishing", "NO_EXCHANGE_VARIABLE": "publishing",
    "RunOptions": "report", "Report": "report", "run_report": "report", "report_slug": "report", "code_version":
    "report", "run_key": "report", "up_to_date": "report", "now": "report", "RESERVED_NAMES": "report",
    "FAILED_SUFFIX": "report", "is_report_folder": "report", "WARM_UP_TEXT": "warmup", "warm_up": "warmup"
}
__all__ = [
    "run_collection", "MAX_LISTED", "ForkServer", "ForkedProcess", "serve", "start_early", "discard_early",
    "StatementFile", "Refused", "expand_paths", "unique_files", "statement_files", "read_statements", "KERNEL",
    "CELL_TIMEOUT", "KILL_GRACE", "NotebookRun", "Limits", "Deadline", "Kernel", "KernelPool", "execute",
    "not_started", "clean_connection_files", "RUNNER_PARAMETERS", "Plan", "find_notebooks", "notebook_parameters",
    "parse_value", "read_parameter_file", "check_parameters", "resolve_path_parameters", "load_data_files",
    "plan_run", "building", "write_manifest", "publish", "swap_in", "repair", "FAULT_VARIABLE",
    "NO_EXCHANGE_VARIABLE", "RunOptions", "Report", "run_report", "report_slug", "code_version", "run_key",
    "up_to_date", "now", "RESERVED_NAMES", "FAILED_SUFFIX", "is_report_folder", "WARM_UP_TEXT", "warm_up"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
