"""Command line: ``python -m readout run PATH [PATH ...] [-p NAME VALUE] [-f params.yaml]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import UsageError
from .paths import NOTEBOOKS_DIR
from .runner import CELL_TIMEOUT, parse_value, read_parameter_file, run_collection

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line, like bad input
        self.exit(2, f"{self.prog}: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m readout", description="Reports on government and diplomatic statements.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = sub.add_parser("run", help="run every notebook on each statement and write its report",
                         description="Run the notebook collection on each statement file; write outputs/<slug>/.")
    run.add_argument("paths", nargs="+", metavar="PATH",
                     help="statement text file(s), folder(s) of .txt files, or a quoted pattern such as 'in/*.txt'")
    run.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                     help="a notebook parameter (as with papermill -p); may be repeated")
    run.add_argument("-f", "--parameters-file", action="append", default=[], metavar="YAML",
                     help="a YAML file of parameters (as with papermill -f); -p values win")
    run.add_argument("--out", default="outputs", type=Path, help="folder for reports (default: ./outputs)")
    run.add_argument("--notebooks", default=NOTEBOOKS_DIR, type=Path, help="folder of notebooks to run")
    run.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default: 2)")
    run.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="seconds a notebook cell may take")
    run.add_argument("--keep-code", action="store_true", help="keep code cells in the HTML pages")
    run.add_argument("--force", action="store_true",
                     help="run statements whose complete report is up to date too (default: skip them)")
    run.add_argument("--exclusive", action="store_true",
                     help="for scheduled runs: if another --exclusive run is writing to --out, exit 3 at once")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        parameters: dict = {}
        for f in args.parameters_file:
            parameters.update(read_parameter_file(f))
        parameters.update({name: parse_value(value) for name, value in args.parameter})
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        return run_collection(args.paths, parameters, args.out, args.notebooks, args.jobs, args.timeout,
                              args.keep_code, force=args.force, exclusive=args.exclusive)
    except KeyboardInterrupt:
        print("interrupted; earlier reports are untouched", file=sys.stderr)
        return 130
