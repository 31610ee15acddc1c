"""How does a comparison become a report? The comparison notebook run on a collection and published whole.

:func:`run_comparison` checks everything first (parameters, every file named, the corpus folder),
then runs ``notebooks/compare.ipynb`` and publishes ``out/``: ``index.html`` (the page), the
executed notebook, ``tables/*.csv`` and ``manifest.json``, by the same recipe as a statement's
report (:mod:`readout.run.publishing`).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readout.analyses.lexicons import DATA_FILE_PARAMETERS
from readout.errors import UsageError
from readout.report.export import PageContext, notebook_to_html
from readout.report.provenance import git_commit, package_versions
from readout.run.inputs import read_statements, statement_files
from readout.run.kernels import execute
from readout.run.one_statement import RunOptions, code_version, now, run_key, up_to_date
from readout.run.parameters import check_parameters, load_data_files, notebook_parameters, resolve_path_parameters
from readout.run.publishing import building, publish, repair, write_manifest

from .corpus import MANIFEST

__all__ = ["COMPARE_NOTEBOOK", "run_comparison"]

#: The notebook that compares statements (not part of the per-statement collection).
COMPARE_NOTEBOOK = "compare.ipynb"


def _is_comparison(folder: Path) -> bool:
    """Whether ``folder`` holds an earlier comparison (its manifest says so), which may be replaced."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("kind") == "comparison":
            return True
        # written before manifests named their kind: a comparison ran compare.ipynb alone
        return [n.get("notebook") for n in manifest.get("notebooks", [])] == [COMPARE_NOTEBOOK]
    except (OSError, ValueError, AttributeError, TypeError):
        return False


def _corpus_parameters(corpus_dir: Path, parameters: dict[str, Any]) -> tuple[dict[str, Any], str, str, dict]:
    """The notebook's parameters for the tables of ``corpus_dir``, with the page's title, source and shown values."""
    if not (corpus_dir / MANIFEST).is_file():
        raise UsageError(f"{corpus_dir}: not a corpus folder (no {MANIFEST}; run 'python -m readout corpus')")
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
    or 2 (bad input or usage; nothing under ``out`` changed).

    Files named directly must be readable statements; files found in folders that are not are
    skipped by the notebook and listed on its page. At least two must be readable. A comparison whose
    page at ``out`` was made from the same statements (or corpus), parameters and code is not run
    again unless ``options.force``: the command says so and returns 0.
    """
    options = options if options is not None else RunOptions()
    notebook = options.notebooks_dir / COMPARE_NOTEBOOK
    digest = ""
    try:
        if not notebook.is_file():
            raise UsageError(f"{notebook}: comparison notebook not found (pass --notebooks)")
        check_parameters(parameters, {notebook.name: notebook_parameters(notebook)})
        for name in ("statements", "corpus_dir"):
            if name in parameters:
                raise UsageError(f"parameter '{name}' is set from the command line's paths and --corpus; do not pass it")
        for name, least in (("max_rows", 1), ("n_key_terms", 0)):
            if name in parameters and parameters[name] < least:
                raise UsageError(f"parameter '{name}': must be at least {least}, not {parameters[name]}")
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
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out}: exists and is not a folder (--out)")
        if out.exists() and any(out.iterdir()) and not _is_comparison(out):
            raise UsageError(f"{out}: folder holds files that are not an earlier comparison; choose another --out")
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
    if not options.force and up_to_date(out, key):
        err(f"comparison up to date, not run again (--force runs it again): {out}")
        print(f"Comparison: {out.resolve() / 'index.html'}  (up to date)")
        return 0
    out = out.resolve()
    started = now()
    for line in repair(out.parent):  # what killed runs left beside it
        err(line)
    with building(out) as build:
        (build / "tables").mkdir()
        params["output_dir"] = str(build / "tables")
        limit, limit_name = options.limits.start().for_notebook()
        err(f"comparing: {source} -> {out}")
        run = execute(notebook, build / notebook.name, params, options.limits.cell, None, limit, limit_name)
        err(f"  {notebook.name}: {run.status} in {run.seconds:.1f} s"
            + (f" ({run.error['ename']}: {run.error['evalue']})" if run.error else ""))
        versions, commit = package_versions(), git_commit()
        page = PageContext(title, source, digest, {k: v for k, v in {**params, **shown}.items() if k != "output_dir"},
                           collection=True, run=started, commit=commit, versions=versions)
        if (build / notebook.name).exists():
            notebook_to_html(build / notebook.name, build / "index.html", options.keep_code, page)
        write_manifest(build, {
            "kind": "comparison", "title": title, "status": run.status, "run_key": key,
            "input": {"path": "", "files": source, "sha256": digest},
            "parameters": {k: v for k, v in params.items() if k != "output_dir"},
            "versions": versions, "git_commit": commit, "started": started, "finished": now(),
            "notebooks": [{"notebook": run.notebook, "status": run.status, "seconds": run.seconds,
                           "error": run.error}],
            "tables": sorted(p.name for p in (build / "tables").glob("*.csv"))})
        publish(build, out)
    print(f"Comparison: {out / 'index.html'}" + ("" if run.status == "ok" else "  (the notebook failed)"))
    return 0 if run.status == "ok" else 1
