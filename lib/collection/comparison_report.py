"""How does a comparison become a report? A collection's comparison, or the diff of two statements.

:func:`run_comparison` checks everything first (parameters, every file named, the corpus folder),
then runs ``notebooks/compare.ipynb`` and publishes ``out/``: ``index.html`` (the page), the
executed notebook, ``tables/*.csv`` and ``manifest.json``, by the same recipe as a statement's
report (:mod:`readout.run.publishing`). :func:`run_diff` does the same for two statements with
``notebooks/diff.ipynb``, and adds the redline page (:mod:`.redline`); :func:`run_diffs` writes one such
report per pair (:mod:`.pairs`) and an index of them. ``out`` is replaced only when it is new, empty or
an earlier output of the same command; in a folder of ``run`` reports the output goes to its
``comparison/``, ``diff/`` or ``diffs/`` folder (:mod:`readout.run.folders`). An operating-system failure
(a full or read-only disk) is one line and exit code 2, with what was there untouched.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readout.analyses.lexicons import DATA_FILE_PARAMETERS
from readout.errors import UsageError
from readout.report.export import PageContext, notebook_to_html
from readout.report.provenance import git_commit, package_versions
from readout.run.folders import COMPARE_NOTEBOOK, DIFF_NOTEBOOK, build_in, os_failure, publish_as, target
from readout.run.inputs import read_statements, statement_files
from readout.run.kernels import execute
from readout.run.one_statement import RunOptions, code_version, now, run_key, up_to_date
from readout.run.parameters import check_parameters, load_data_files, notebook_parameters, resolve_path_parameters
from readout.run.publishing import repair, write_manifest

from .change import Diff, carried_over
from .corpus import MANIFEST, not_a_corpus
from .pairs import Pair

if TYPE_CHECKING:
    from readout.analyses.lexicons import Lexicons
    from readout.text.statement import Statement

__all__ = ["COMPARE_NOTEBOOK", "DIFF_NOTEBOOK", "run_comparison", "run_diff", "run_diffs"]

# COMPARE_NOTEBOOK (not part of the per-statement collection) and DIFF_NOTEBOOK are named in readout.run.folders,
# beside what their folders hold.


def _corpus_parameters(corpus_dir: Path, parameters: dict[str, Any]) -> tuple[dict[str, Any], str, str, dict]:
    """The notebook's parameters for the tables of ``corpus_dir``, with the page's title, source and shown values."""
    problem = not_a_corpus(corpus_dir)
    if problem:
        raise UsageError(problem)
    given = sorted(k for k in parameters if k in DATA_FILE_PARAMETERS)
    if given:
        raise UsageError(f"{', '.join(given)}: the corpus was analysed with its own data files (see its "
                         f"{MANIFEST}); run 'corpus' again with them instead")
    try:
        n = int(json.loads((corpus_dir / MANIFEST).read_text(encoding="utf-8"))["statements"])
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"{corpus_dir / MANIFEST}: cannot be read as a corpus manifest") from None
    if n < 2:
        raise UsageError(f"{corpus_dir}: the corpus holds {n} statement{'s' if n != 1 else ''}: "
                         "a comparison needs at least two")
    params = {**parameters, "corpus_dir": str(corpus_dir.resolve()), "statements": []}
    return params, f"Comparison of the corpus in {corpus_dir.name}", corpus_dir.name, {"corpus_dir": corpus_dir.name}


def run_comparison(
    paths: list[str],
    parameters: dict[str, Any],
    out: Path,
    corpus_dir: Path | None = None,
    options: RunOptions | None = None,
    err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """Run the comparison notebook on the statements named by ``paths`` (or on the tables of
    ``corpus_dir``) and publish ``out/``. Returns 0, 1 (the notebook failed; its page says where)
    or 2 (bad input or usage, or an operating-system failure; nothing under ``out`` changed).

    Files named directly must be readable statements; files found in folders that are not are
    skipped by the notebook and listed on its page. At least two must be readable. A comparison whose
    page at ``out`` was made from the same statements (or corpus), parameters and code is not run
    again unless ``options.force``: the command says so and returns 0.
    """
    options = options if options is not None else RunOptions()
    notebook = options.notebooks_dir / COMPARE_NOTEBOOK
    digest = ""
    try:
        _checked_notebook(notebook, "comparison", parameters, ("statements", "corpus_dir"),
                          "the command line's paths and --corpus", {"max_rows": 1, "n_key_terms": 0})
        parameters = resolve_path_parameters(parameters)
        lexicons = load_data_files(parameters)
        if corpus_dir is not None:
            if paths:
                raise UsageError("give statement paths or --corpus, not both")
            params, title, source, shown = _corpus_parameters(corpus_dir, parameters)
        else:
            # parsed in full, as the notebook will: a named bad file is refused, a found one skipped
            files = statement_files(paths)
            readable = read_statements(files, lexicons.actors)
            if len(readable) < 2:
                raise UsageError(f"{len(readable)} readable statement{'s' if len(readable) != 1 else ''} among the "
                                 "paths given: a comparison needs at least two")
            digest = hashlib.sha256("".join(s.sha256 for s in readable).encode()).hexdigest()
            params = {**parameters, "statements": [str(Path(p).resolve()) for p in paths]}
            title = f"Comparison of {len(readable):,} statements"
            source = f"{len(readable):,} statement files"
            shown = {"statements": [Path(p).name for p in paths]}
        place = target(out, "comparison")  # --out itself, or out/comparison in a folder of reports
    except UsageError as exc:
        for line in str(exc).splitlines():
            err(line)
        return 2
    # up to date: the same files (names and bytes, the unreadable ones too: the page lists them) or corpus
    # tables, parameters, package, notebook and page options as the page there
    if corpus_dir is not None:
        inputs = hashlib.sha256((corpus_dir / MANIFEST).read_bytes()).hexdigest()
    else:
        listed = sorted((Path(f.path).name, hashlib.sha256(Path(f.path).read_bytes()).hexdigest()) for f in files)
        given = sorted((Path(s.path).name, s.given.title, str(s.given.date or "")) for s in readable)  # metadata.csv
        inputs = hashlib.sha256(json.dumps([listed, given]).encode()).hexdigest()
    key = run_key(inputs, {**params, "keep_code": options.keep_code}, code_version([notebook]))
    if not options.force and up_to_date(place, key):
        err(f"comparison up to date, not run again (--force runs it again): {place}")
        print(f"Comparison: {place.resolve() / 'index.html'}  (up to date)")
        return 0
    try:
        run, place = _run_and_publish(notebook, params, out, key, PageContext(title, source, digest, {
            k: v for k, v in {**params, **shown}.items() if k != "output_dir"}, collection=True), "comparison",
            options, err)
    except (OSError, UsageError) as exc:
        err(_failure(exc, place, "the comparison"))
        return 2
    print(f"Comparison: {place / 'index.html'}" + ("" if run.status == "ok" else "  (the notebook failed)"))
    return 0 if run.status == "ok" else 1


def _failure(exc: OSError | UsageError, place: Path, what: str) -> str:
    """One line for what stopped a command after its checks: an operating-system failure (a full or
    read-only disk) or its place taken by another command meanwhile; ``what`` it was making is discarded."""
    if isinstance(exc, UsageError):
        return str(exc)
    return os_failure(exc, place, f"{what} stopped, and what was at {place} is untouched")



def run_diff(
    path_a: Path,
    path_b: Path,
    parameters: dict[str, Any],
    out: Path,
    options: RunOptions | None = None,
    err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """Run the diff notebook on statement A (the earlier) and B and publish ``out/``: ``index.html`` (what
    changed, findings first), ``redline.html`` (B with its changes marked), the executed notebook,
    ``tables/*.csv`` and ``manifest.json``. Returns 0, 1 (the notebook failed; its page says where) or 2
    (bad input or usage, one line each; nothing under ``out`` changed). A diff whose report at ``out`` was
    made from the same two files, parameters and code is not run again unless ``options.force``."""
    from readout.errors import BadInputError
    from readout.text.statement import load_statement

    options = options if options is not None else RunOptions()
    try:
        notebook, place = _checked_diff(parameters, out, options, "diff")
        parameters = resolve_path_parameters(parameters)
        lexicons = load_data_files(parameters)
        a, b = (load_statement(path, actor_lexicon=lexicons.actors) for path in (path_a, path_b))
    except (UsageError, BadInputError) as exc:
        for line in str(exc).splitlines():
            err(line)
        return 2
    key = _diff_key(a, b, path_a, path_b, parameters, options, notebook)
    if not options.force and up_to_date(place, key):
        err(f"diff up to date, not run again (--force runs it again): {place}")
        print(f"Diff: {place.resolve() / 'index.html'}  (up to date)")
        return 0
    try:
        run, _, place = _publish_diff(a, b, path_a, path_b, parameters, out, key, options, err, lexicons=lexicons)
    except (OSError, UsageError) as exc:
        err(_failure(exc, place, "the diff"))
        return 2
    print(f"Diff: {place / 'index.html'}, {place / 'redline.html'}"
          + ("" if run.status == "ok" else "  (the notebook failed)"))
    return 0 if run.status == "ok" else 1


def _diff_key(a: Statement, b: Statement, path_a: Path, path_b: Path, parameters: dict[str, Any],
              options: RunOptions, notebook: Path) -> str:
    params = {**parameters, "statement_a": str(Path(path_a).resolve()), "statement_b": str(Path(path_b).resolve())}
    return run_key(hashlib.sha256((a.sha256 + b.sha256).encode()).hexdigest(),
                   {**params, "keep_code": options.keep_code},
                   code_version([notebook]))


def _publish_diff(a: Statement, b: Statement, path_a: Path, path_b: Path, parameters: dict[str, Any], out: Path,
                  key: str, options: RunOptions, err: Callable[[str], None],
                  shown: Path | None = None, lexicons: Lexicons | None = None) -> tuple[Any, Diff, Path]:
    """Run the diff notebook on A and B into ``out`` with the redline page beside it; the run, the diff and
    where the report went."""
    from .change import what_changed
    from .redline import write_redline

    notebook = options.notebooks_dir / DIFF_NOTEBOOK
    params = {**parameters, "statement_a": str(Path(path_a).resolve()), "statement_b": str(Path(path_b).resolve())}
    names = (_shown(Path(path_a)), _shown(Path(path_b)))
    page = PageContext(f"What changed: {a.title} → {b.title}", f"{names[0]}, then {names[1]}",
                       hashlib.sha256((a.sha256 + b.sha256).encode()).hexdigest(),
                       {**parameters, "statement_a": names[0], "statement_b": names[1]}, collection=True,
                       command=("python", "-m", "readout", "diff", *names, "--out", _shown(shown or out)),
                       label="Diff")
    found: list[Diff] = []

    def redline(build: Path) -> None:
        found.append(what_changed(a, b, lexicons))
        write_redline(found[0], build)

    run, place = _run_and_publish(notebook, params, out, key, page, "diff", options, err, after=redline, shown=shown)
    return run, found[0], place


def _shown(path: Path) -> str:
    """A path as a page may show it: relative to the working folder when it lies inside it, else its folder's
    name and its own ("2022/p01.txt"): never where it sits on someone's machine."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(Path(path.parent.name) / path.name)


def _checked_notebook(notebook: Path, what: str, parameters: dict[str, Any], fixed: tuple[str, ...], by: str,
                      least: dict[str, int]) -> None:
    """Raise :class:`UsageError` (one line) for a missing notebook, a parameter it does not declare, one the
    command sets itself (``fixed``, set by ``by``), or a number below its ``least``."""
    if not notebook.is_file():
        raise UsageError(f"{notebook}: {what} notebook not found (pass --notebooks)")
    check_parameters(parameters, {notebook.name: notebook_parameters(notebook)})
    for name in fixed:
        if name in parameters:
            raise UsageError(f"parameter '{name}' is set from {by}; do not pass it")
    for name, smallest in least.items():
        if name in parameters and parameters[name] < smallest:
            raise UsageError(f"parameter '{name}': must be at least {smallest}, not {parameters[name]}")


def _checked_diff(parameters: dict[str, Any], out: Path, options: RunOptions, kind: str) -> tuple[Path, Path]:
    """The diff notebook and where the report of ``kind`` (``diff`` or ``diffs``) goes, once the parameters
    and ``out`` are checked (raises :class:`UsageError`)."""
    notebook = options.notebooks_dir / DIFF_NOTEBOOK
    _checked_notebook(notebook, "diff", parameters, ("statement_a", "statement_b"), "the command line's paths",
                      {"max_rows": 1})
    return notebook, target(out, kind)


def run_diffs(
    pairs: list[Pair],
    parameters: dict[str, Any],
    out: Path,
    options: RunOptions | None = None,
    unpaired: list[str] | None = None,
    err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """The diff report of each pair, in ``out/<pair>/`` (as :func:`run_diff` writes one), and ``out/index.html``
    listing them with their headline changes and the files left unpaired; published whole, so an earlier
    ``out`` stays until every pair is done. Returns 0, 1 (a notebook failed; the index says which) or 2 (bad
    input: a statement that cannot be read, bad parameters; one line, nothing written)."""
    from readout.errors import BadInputError
    from readout.text.statement import load_statement, with_given

    options = options if options is not None else RunOptions()
    try:
        _, place = _checked_diff(parameters, out, options, "diffs")
        parameters = resolve_path_parameters(parameters)
        lexicons = load_data_files(parameters)
        statements = {(p, given): with_given(load_statement(p, actor_lexicon=lexicons.actors), *given)
                      for pair in pairs for p, given in ((pair.a, pair.given_a), (pair.b, pair.given_b))}
    except (UsageError, BadInputError) as exc:
        for line in str(exc).splitlines():
            err(line)
        return 2
    for line in unpaired or []:
        err(f"not paired: {line}")
    out, place = out.resolve(), place.resolve()
    try:
        place, rows, failed = _publish_diffs(pairs, statements, parameters, out, place, unpaired or [], lexicons,
                                             options, err)
    except (OSError, UsageError) as exc:
        err(_failure(exc, place, "the diffs"))
        return 2
    print(f"Diffs: {place / 'index.html'} ({len(pairs)} pair{'s' if len(pairs) != 1 else ''}"
          + (f", {failed} failed" if failed else "") + ")")
    return 1 if failed else 0


def _publish_diffs(pairs: list[Pair], statements: dict, parameters: dict[str, Any], out: Path, place: Path,
                   unpaired: list[str], lexicons: Lexicons, options: RunOptions,
                   err: Callable[[str], None]) -> tuple[Path, list[dict[str, Any]], int]:
    """Build the diff of every pair and their index beside ``place`` (where :func:`target` puts the diffs for
    ``--out out``) and publish them whole; where they went, the index's rows and the pairs that failed."""
    import jinja2

    from readout.text.statement import slugify

    for line in repair(place.parent):
        err(line)
    rows, folders, failed = [], set(), 0
    with build_in(place) as build:
        for pair in pairs:
            folder = slugify(pair.name) or "pair"
            while folder in folders:
                folder += "-2"
            folders.add(folder)
            a, b = statements[(pair.a, pair.given_a)], statements[(pair.b, pair.given_b)]
            run, d, _ = _publish_diff(a, b, pair.a, pair.b, parameters, build / folder, "", options, err,
                                      place / folder, lexicons)
            failed += run.status != "ok"
            shifts = "not read: a statement is not English" if d.notes else \
                "; ".join(f"{t.direction} toward {t.actor}" for t in d.tone if t.direction != "same")
            rows.append({"name": pair.name, "folder": folder, "status": run.status, "title_a": a.title,
                         "title_b": b.title, "carried": f"{carried_over(d.links):.0%}", "reworded": d.count("reworded"),
                         "added": d.count("added"), "dropped": d.count("dropped"), "shifts": shifts,
                         "actors_b": len(d.actors_added), "actors_a": len(d.actors_dropped),
                         "commitments": len(d.commitments)})
        template = resources.files("readout.collection").joinpath("diffs.html.j2").read_text(encoding="utf-8")
        page = jinja2.Environment(autoescape=True).from_string(template)
        (build / "index.html").write_text(page.render(pairs=rows, unpaired=unpaired), encoding="utf-8")
        write_manifest(build, {"kind": "diffs", "pairs": [{"pair": p.name, "folder": r["folder"], "a": str(p.a.name),
                                                           "b": str(p.b.name), "status": r["status"]}
                                                          for p, r in zip(pairs, rows)],
                               "unpaired": unpaired, "parameters": parameters, "started": now()})
        place = publish_as(build, out, "diffs")
    return place, rows, failed

def _run_and_publish(notebook: Path, params: dict[str, Any], out: Path, key: str, page: PageContext, kind: str,
                     options: RunOptions, err: Callable[[str], None],
                     after: Callable[[Path], None] | None = None, shown: Path | None = None) -> tuple[Any, Path]:
    """Run ``notebook`` with ``params`` in a hidden build folder beside where ``--out out`` puts the output of
    ``kind`` (:func:`~readout.run.folders.target`; its tables in ``tables/``), render its page as
    ``index.html`` (``page`` says what the page's box shows; the run's time, commit and versions are added),
    call ``after(build)`` for further pages, write the manifest (``kind``, ``key``) and swap the folder in;
    the log names ``shown`` as where it goes (that place by default). Returns the notebook's run (its
    status, time and error) and where the folder went."""
    import dataclasses

    out = out.resolve()
    place = target(out, kind)
    started = now()
    for line in repair(place.parent):  # what killed runs left beside it
        err(line)
    with build_in(place) as build:
        (build / "tables").mkdir()
        params = {**params, "output_dir": "tables"}  # run in the folder: the published notebook runs again there
        limit, limit_name = options.limits.start().for_notebook()
        err(f"{'comparing' if kind == 'comparison' else kind}: {page.source} -> {shown or place}")
        run = execute(notebook, build / notebook.name, params, options.limits.cell, None, limit, limit_name,
                      folder=build)
        err(f"  {notebook.name}: {run.status} in {run.seconds:.1f} s"
            + (f" ({run.error['ename']}: {run.error['evalue']})" if run.error else ""))
        versions, commit = package_versions(), git_commit()
        page = dataclasses.replace(page, run=started, commit=commit, versions=versions)
        if (build / notebook.name).exists():
            notebook_to_html(build / notebook.name, build / "index.html", options.keep_code, page)
        if after is not None:
            after(build)
        write_manifest(build, {
            "kind": kind, "title": page.title, "status": run.status, "run_key": key,
            "input": {"path": "", "files": page.source, "sha256": page.sha256},
            "parameters": {k: v for k, v in params.items() if k != "output_dir"},
            "versions": versions, "git_commit": commit, "started": started, "finished": now(),
            "notebooks": [{"notebook": run.notebook, "status": run.status, "seconds": run.seconds,
                           "error": run.error}],
            "tables": sorted(p.name for p in (build / "tables").glob("*.csv"))})
        place = publish_as(build, out, kind)
    return run, place
