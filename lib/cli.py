"""Command line.

``python -m readout run PATH [PATH ...] [-p NAME VALUE] [-f params.yaml]``: reports (notebooks, HTML).
``python -m readout corpus PATH [PATH ...] [--pairs FILE] [--out DIR] [--scheduler ADDRESS]``: Parquet tables for a
collection (with --pairs, change.parquet: what changed in each pair).
``python -m readout compare PATH [PATH ...] [--out DIR]``: statements side by side in one report.
``python -m readout diff A B [--out DIR]``: what changed from A to B, printed, or as a report with a redline page;
``diff FOLDER_A FOLDER_B --out DIR`` or ``diff --pairs FILE --out DIR``: a report per pair and an index.
``python -m readout validate DIR [--actors FILE] [--precision FILE ...] [--plover FILE] [--pairs DIR]``: figures on
a labelled folder, its labelled events, PLOVER's records and labelled pairs of statements.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from readout.collection.corpus import BATCH_SIZE
from readout.errors import BadInputError, ReadoutError, UsageError
from readout.paths import NOTEBOOKS_DIR
from readout.run.kernels import CELL_TIMEOUT, Limits, writable_folders
from readout.run.one_statement import RunOptions
from readout.run.parameters import parse_value, read_parameter_file
from readout.text.metadata import read_date

# Each command imports what it runs (below), so that 'run' starts its kernels without waiting for the
# corpus engine's or the comparison's imports.

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line, like bad input
        self.exit(2, f"{self.prog}: {message}\n")


def _parameter_options(command: argparse.ArgumentParser, what: str) -> None:
    """``-p NAME VALUE`` (``what`` it sets; repeatable) and ``-f params.yaml``, as papermill takes them."""
    command.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                         help=f"{what}; may be repeated")
    command.add_argument("-f", "--parameters-file", action="append", default=[], metavar="YAML",
                         help="a YAML file of parameters (as with papermill -f); -p values win")


def _page_options(command: argparse.ArgumentParser, notebook: str, what: str) -> None:
    """--notebooks, the time limits, --keep-code and --force of a command that runs one notebook into a page."""
    command.add_argument("--notebooks", default=NOTEBOOKS_DIR, type=Path, help=f"folder holding {notebook}")
    _time_options(command)
    command.add_argument("--keep-code", action="store_true", help="keep code cells in the HTML page")
    command.add_argument("--force", action="store_true",
                         help=f"run {what} even when its page is up to date (default: say so and stop)")


def _time_options(command: argparse.ArgumentParser) -> None:
    """``--timeout`` (one cell) and ``--notebook-timeout`` (one notebook), in seconds."""
    command.add_argument("--timeout", type=int, default=CELL_TIMEOUT,
                         help=f"seconds one notebook cell may take (default: {CELL_TIMEOUT})")
    command.add_argument("--notebook-timeout", type=float, default=None, metavar="SECONDS",
                         help="seconds one notebook may take from start to end, kernel start-up included "
                              "(default: no limit)")


def _misses(value: str) -> int | None:
    """``--misses``: a number of misses (0 or more), or "all" (None)."""
    if value == "all":
        return None
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"give a number of misses or 'all', not {value!r}")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m readout", description="Reports on government and diplomatic statements.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    run = sub.add_parser("run", help="run every notebook on each statement and write its report",
                         description="Run the notebook collection on each statement file; write outputs/<slug>/.")
    run.add_argument("paths", nargs="+", metavar="PATH",
                     help="statement text file(s), folder(s) of .txt files, or a quoted pattern such as 'in/*.txt'")
    _parameter_options(run, "a notebook parameter (as with papermill -p)")
    run.add_argument("--title", default=None, help="the statement's title, where its text has none (one statement; "
                                                   "for a folder, a metadata.csv beside the files: file,title,date)")
    run.add_argument("--date", default=None, help="the statement's date, e.g. 2026-03-01 (one statement, as --title)")
    run.add_argument("--out", default="outputs", type=Path, help="folder for reports (default: ./outputs)")
    run.add_argument("--notebooks", default=NOTEBOOKS_DIR, type=Path, help="folder of notebooks to run")
    run.add_argument("--jobs", type=int, default=2, help="notebooks run at once, 1 or more (default: 2)")
    _time_options(run)
    run.add_argument("--run-timeout", type=float, default=None, metavar="SECONDS",
                     help="seconds the whole run may take; then it stops and exits with code 4 (default: no limit)")
    run.add_argument("--keep-code", action="store_true", help="keep code cells in the HTML pages")
    run.add_argument("--force", action="store_true",
                     help="run statements whose complete report is up to date too (default: skip them)")
    run.add_argument("--exclusive", action="store_true",
                     help="for scheduled runs: if another --exclusive run is writing to --out, exit 3 at once")
    compare = sub.add_parser(
        "compare", help="compare statements side by side in one report (the comparison notebook)",
        description="Run notebooks/compare.ipynb on the statements (or on a corpus folder) and write its page, "
                    "tables and manifest to --out.")
    compare.add_argument("paths", nargs="*", metavar="PATH",
                         help="statement files, folders of .txt files or quoted patterns (at least two statements)")
    compare.add_argument("--corpus", type=Path, default=None, metavar="DIR",
                         help="compare the tables of a folder written by 'corpus' instead of analysing files")
    compare.add_argument("--out", default=Path("outputs") / "comparison", type=Path,
                         help="folder for the comparison (default: ./outputs/comparison)")
    _parameter_options(compare, "a parameter of the comparison notebook, e.g. -p max_rows 100")
    _page_options(compare, "compare.ipynb", "the comparison")
    corpus = sub.add_parser(
        "corpus", help="analyse a collection without notebooks and write one Parquet table per level",
        description="Analyse every statement (on Dask) and write statement, sentence, actor, theme and term "
                    "tables as Parquet, plus corpus.json, to --out.")
    corpus.add_argument("paths", nargs="*", metavar="PATH",
                        help="statement file(s), folder(s) of .txt files, or a quoted pattern such as 'in/*.txt'")
    corpus.add_argument("--pairs", type=Path, default=None, metavar="FILE",
                        help="a CSV file of pairs (as for diff --pairs): their statements are analysed too, and "
                             "change.parquet holds what changed in each pair")
    corpus.add_argument("--out", default=Path("outputs") / "corpus", type=Path,
                        help="folder for the tables (default: ./outputs/corpus); replaced when the run is complete, "
                             "and only if new, empty or an earlier corpus (in a folder of reports: its corpus/)")
    corpus.add_argument("--scheduler", default="local", metavar="ADDRESS",
                        help="'local' (default: a Dask cluster on this machine), a Dask scheduler address such as "
                             "tcp://host:8786, or 'synchronous' (this process, no Dask)")
    corpus.add_argument("--workers", type=int, default=None,
                        help="worker processes for the local scheduler (default: one per core)")
    corpus.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                        help=f"statements sent to a worker at a time (default: {BATCH_SIZE})")
    _parameter_options(corpus, "a data file parameter, e.g. -p theme_lexicon_path my-themes.yaml")
    diff = sub.add_parser(
        "diff", help="what changed from one statement to another: tone, actors, commitments, themes, sentences",
        description="Set statement B against the earlier statement A and print what changed (the tone toward each "
                    "actor, the actors named in one only, commitments, themes, length), then B sentence by sentence: "
                    "kept, reworded (the changed words marked [-dropped-]{+added+}), moved or added, with A's dropped "
                    "sentences where they stood. With --out, write the report instead: the diff notebook's page, "
                    "a redline page, tables and manifest.")
    diff.add_argument("a", metavar="A", type=Path, nargs="?",
                      help="the earlier statement (a text file), or a folder of them (paired with B's by file name)")
    diff.add_argument("b", metavar="B", type=Path, nargs="?", help="the later statement, or a folder of them")
    diff.add_argument("--pairs", type=Path, default=None, metavar="FILE",
                      help="a CSV file of pairs (columns a and b, or file_a and file_b; optional pair), instead of "
                           "A and B: one report per pair and an index (with --out)")
    diff.add_argument("--out", type=Path, default=None, metavar="DIR",
                      help="write the report to DIR (index.html, redline.html, tables/, manifest.json) instead of "
                           "printing the diff; for folders or --pairs, one such folder per pair and an index")
    _parameter_options(diff, "a parameter of the diff notebook, e.g. -p max_rows 100 (with --out)")
    _page_options(diff, "diff.ipynb", "the diff")
    validate = sub.add_parser(
        "validate", help="measure the readings on a labelled folder (labels.csv, statements/, events.csv)",
        description="Print the topic, tone and actor figures on DIR (laid out like the development corpus: "
                    "DIR/labels.csv and DIR/statements/), the event figures on its labelled events (DIR/events.csv "
                    "and DIR/events_files.txt) and those on PLOVER's records (--plover), each with its target and "
                    "misses; and the precision of hand-judged samples given with --precision.")
    validate.add_argument("folder", type=Path, metavar="DIR", help="the labelled folder")
    validate.add_argument("--actors", type=Path, default=None, metavar="FILE",
                          help="an actors file (YAML or CSV) that extends the shipped one, as actors_path does")
    validate.add_argument("--precision", type=Path, action="append", default=[], metavar="FILE",
                          help="a judged sample (CSV with a verdict column) whose precision to print; may be repeated")
    validate.add_argument("--plover", type=Path, default=None, metavar="FILE",
                          help="PLOVER gold-standard records (JSON) to score the events on (default: "
                               "plover/gsr-dev.json beside DIR; skipped when that folder is absent)")
    validate.add_argument("--pairs", type=Path, default=None, metavar="DIR",
                          help="labelled pairs of statements for the diff's figures (default: the pairs folder "
                               "beside DIR, skipped when absent)")
    validate.add_argument("--misses", type=_misses, default=20, metavar="N",
                          help="print at most N misses per figure, or 'all' (default: 20)")
    validate.add_argument("--strict", action="store_true", help="exit 1 when a figure misses its target")
    return parser


def _validate(args: argparse.Namespace) -> int:
    """``validate``: the figures, printed, the diff's on the labelled pairs (``--pairs``, or the ``pairs``
    folder beside DIR) last; 2 (one line) for a missing or malformed folder, events file, PLOVER file,
    pairs folder or sample."""
    from readout.collection.change_accuracy import pair_figures
    from readout.collection.validation import format_validation, meets_targets, sample_precision, validate

    try:
        result = validate(args.folder, args.actors, args.plover)
        pairs = args.pairs or args.folder.resolve().parent / "pairs"
        if args.pairs or pairs.is_dir():
            result.figures += pair_figures(pairs)
        else:
            result.skipped.append(f"pair figures skipped: no folder {pairs} (give the labelled pairs with --pairs DIR)")
        samples = [sample_precision(path) for path in args.precision]
    except ReadoutError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(format_validation(result, samples, args.misses), end="")
    return 1 if args.strict and not meets_targets(result, samples) else 0


def _bad_limits(args: argparse.Namespace) -> str:
    """The first time limit given that is not a positive number of seconds, as a message ("" if none)."""
    for name in ("timeout", "notebook_timeout", "run_timeout"):
        value = getattr(args, name, None)
        if value is not None and not value > 0:
            return f"--{name.replace('_', '-')} must be a positive number of seconds, not {value:g}"
    return ""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) or SIGTERM, raised where the run is, so that it cleans up as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop_on_signals() -> None:
    """SIGINT and SIGTERM stop the run as Ctrl-C does (the report being built is discarded, earlier ones
    stay, the run's count line and its log say so; exit code 130 or 143); a second one ends the process
    at once (the run's log holds what it said until then; what a killed run leaves is cleaned by the
    next run)."""
    first: list[int] = []

    def handler(signum: int, frame: object) -> None:
        if first:
            os.write(2, b"interrupted again: stopping now; the next run cleans up what is left\n")
            os._exit(128 + first[0])
        first.append(signum)
        raise Interrupted(signum)

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def _code(exc: KeyboardInterrupt) -> int:
    """The exit code of an interrupted command: 128 + the signal (130 for Ctrl-C, 143 for SIGTERM)."""
    return 128 + getattr(exc, "signum", signal.SIGINT)


def _diff(args: argparse.Namespace, parameters: dict) -> int:
    """``diff A B`` without ``--out``: the diff as text, read with the data files the parameters name (the
    notebook's other parameters are for the report: refused); 2 (one line) for a file that cannot be read."""
    from readout.collection.change import diff_text
    from readout.collection.comparison_report import DIFF_NOTEBOOK
    from readout.run.parameters import check_parameters, load_data_files, notebook_parameters, resolve_path_parameters
    from readout.text.statement import load_statement

    try:
        declared = notebook_parameters(args.notebooks / DIFF_NOTEBOOK)
        check_parameters(parameters, {DIFF_NOTEBOOK: declared})  # an unknown one: refused as with --out
        for name in parameters:
            if name in ("statement_a", "statement_b"):
                raise UsageError(f"parameter '{name}' is set from the command line's paths; do not pass it")
            if not name.endswith("_path"):
                raise UsageError(f"parameter '{name}' is for the report: give --out DIR (without it, only the data "
                                 f"files apply: {', '.join(n for n in declared if n.endswith('_path'))})")
        lexicons = load_data_files(resolve_path_parameters(parameters))
        a, b = load_statement(args.a, actor_lexicon=lexicons.actors), load_statement(args.b, actor_lexicon=lexicons.actors)
    except (BadInputError, UsageError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(diff_text(a, b, lexicons))
    return 0


def _comparison(args: argparse.Namespace, parameters: dict, options: RunOptions) -> int:
    from readout.collection.comparison_report import run_comparison

    return run_comparison(args.paths, parameters, args.out, args.corpus, options)


def _diff_report(args: argparse.Namespace, parameters: dict, options: RunOptions) -> int:
    """``diff ... --out DIR``: one report for two files, or a report per pair and an index for two folders or
    ``--pairs``; 2 (one line) for a bad pair list."""
    from readout.collection.comparison_report import run_diff, run_diffs
    from readout.collection.pairs import pairs_from_folders, read_pairs

    if args.pairs is None and not args.a.is_dir():
        return run_diff(args.a, args.b, parameters, args.out, options)
    try:
        pairs, unpaired = (read_pairs(args.pairs), []) if args.pairs else pairs_from_folders(args.a, args.b)
    except BadInputError as exc:
        print(exc, file=sys.stderr)
        return 2
    return run_diffs(pairs, parameters, args.out, options, unpaired)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args)
    if args.command == "diff":
        many = args.pairs is not None or args.a is not None and args.a.is_dir()
        if (args.pairs is None) == (args.a is None) or (args.a is None) != (args.b is None):
            print("diff: give two statements A B (files or folders), or --pairs FILE", file=sys.stderr)
            return 2
        if many and args.out is None:
            print("diff: pairs from folders or --pairs need --out DIR (one report per pair and an index)",
                  file=sys.stderr)
            return 2
        if args.a is not None and args.b is not None and args.a.resolve() == args.b.resolve():
            print(f"diff: {args.a} is both A and B: give two different statements or folders", file=sys.stderr)
            return 2
    _stop_on_signals()
    try:
        parameters: dict = {}
        for f in args.parameters_file:
            parameters.update(read_parameter_file(f))
        parameters.update({name: parse_value(value) for name, value in args.parameter})
        for name in ("title", "date"):
            if getattr(args, name, None) is not None:
                parameters[name] = getattr(args, name)
        if args.command == "run" and parameters.get("date"):
            read_date(str(parameters["date"]), "--date" if args.date is not None else "parameter 'date'")
    except (UsageError, BadInputError) as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.command == "diff" and args.out is None:
        try:
            return _diff(args, parameters)
        except KeyboardInterrupt as exc:
            return _code(exc)
    if args.command == "compare" and not args.paths and args.corpus is None:
        print("compare: give at least two statements (files, folders or patterns) or --corpus DIR", file=sys.stderr)
        return 2
    if args.command in ("compare", "diff"):
        bad = _bad_limits(args)
        if bad:
            print(bad, file=sys.stderr)
            return 2
        options = RunOptions(notebooks_dir=args.notebooks, limits=Limits(args.timeout, args.notebook_timeout),
                             keep_code=args.keep_code, force=args.force)
        home = writable_folders()  # as a run does: its kernel's folders, where the home folder cannot be written
        if home:
            print(home, file=sys.stderr)
        try:
            return _comparison(args, parameters, options) if args.command == "compare" else \
                _diff_report(args, parameters, options)
        except KeyboardInterrupt as exc:
            print(f"interrupted; the earlier {'comparison' if args.command == 'compare' else 'diff'} is untouched",
                  file=sys.stderr)
            return _code(exc)
    if args.command == "corpus":
        from readout.collection.corpus import run_corpus
        from readout.collection.pairs import read_pairs

        if not args.paths and args.pairs is None:
            print("corpus: give statements (files, folders or patterns) or --pairs FILE", file=sys.stderr)
            return 2
        try:
            pairs = read_pairs(args.pairs) if args.pairs is not None else None
        except BadInputError as exc:
            print(exc, file=sys.stderr)
            return 2
        try:
            run = run_corpus(args.paths, args.out, parameters, args.scheduler, args.workers, args.batch_size,
                             pairs=pairs)
        except KeyboardInterrupt as exc:
            print("interrupted; earlier tables are untouched", file=sys.stderr)
            return _code(exc)
        except ReadoutError as exc:
            print(exc, file=sys.stderr)
            return 1
        return run.exit_code
    try:
        bad = _bad_limits(args) or (f"--jobs must be at least 1, not {args.jobs}" if args.jobs < 1 else "")
        if bad:
            print(bad, file=sys.stderr)
            return 2
        from readout.run.batch import run_collection

        options = RunOptions(args.out, args.notebooks, args.jobs,
                             Limits(args.timeout, args.notebook_timeout, args.run_timeout),
                             args.keep_code, args.force, args.exclusive)
        return run_collection(args.paths, parameters, options)
    except KeyboardInterrupt as exc:
        print(f"interrupted ({'SIGTERM' if _code(exc) == 143 else 'Ctrl-C'}); earlier reports are untouched, the "
              "report being built was discarded; the run's log says how far it went", file=sys.stderr)
        return _code(exc)
