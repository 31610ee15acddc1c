"""``python -m readout ...`` run in the test's own process, for commands refused before any notebook runs.

The same parsing, checks, messages and exit code as the command (``readout.cli.main``), without
starting a Python interpreter, importing the package and loading the shipped data files anew for each
case. Tests that must see the whole process (its standard error, its exit, its kernels) start it.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
from pathlib import Path


def readout_here(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the command line ``readout ARGS`` here: its exit code and what it printed, as from a process."""
    from readout.cli import main

    argv = [str(a) for a in args]
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.chdir(here)
        for signum, handler in handlers.items():  # main() handles Ctrl-C and SIGTERM for the run: not for pytest
            signal.signal(signum, handler)
    return subprocess.CompletedProcess(["readout", *argv], code, out.getvalue(), err.getvalue())
