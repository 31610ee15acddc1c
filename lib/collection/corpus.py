"""The corpus engine: every per-statement analysis over a large collection, without notebooks, on Dask.

The recipe (:func:`run_corpus`):

1. load and check the data files (lexicons, event scheme) once, on the machine that runs the command;
2. list the statement files (folders, patterns, files), never their contents;
3. cut the list into batches of ``batch_size`` statements; the command reads a batch's bytes and
   sends them, with the lexicons (sent once per worker), to a Dask worker, which parses and analyses
   each statement with :func:`readout.analyses.rows.analyse` and sends back rows;
4. at most two batches per worker are in flight, and finished batches are written in input order,
   one Parquet row group per batch and level, to a hidden folder next to ``--out``; so memory
   stays bounded however many statements there are, and the tables do not depend on which worker
   finished first;
5. write ``corpus.json`` (what ran, on what, what was skipped and why), then swap the folder in
   at ``--out``. Earlier tables stay untouched until the new ones are complete. ``--out`` is replaced
   only when it is new, empty or an earlier corpus; in a folder of ``run`` reports the tables go to
   its ``corpus/`` folder (:mod:`readout.run.folders`).

Schedulers: ``local`` (default) starts a ``dask.distributed.LocalCluster`` on this machine with
one single-threaded worker process per core (``--workers`` to choose); an address such as
``tcp://10.0.0.5:8786`` connects to a running Dask scheduler, whose workers must have this
package installed; ``synchronous`` analyses in this process, without Dask (for debugging and as
the reference the tests compare the cluster's results with).

Exit codes: 0 every statement analysed; 1 some statements skipped (unreadable or failing; each named
in the log and in ``corpus.json``), the rest written, or the cluster could not run the analysis at all
(nothing written); 2 bad usage or input (a scheduler that cannot be reached or has no worker
included, an ``--out`` that holds another command's output), or an operating-system failure (a full
or read-only disk), nothing written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readout.errors import BadInputError, ReadoutError, UsageError
from readout.run.folders import CORPUS_MANIFEST as MANIFEST  # its presence marks a corpus folder
from readout.run.folders import build_in, os_failure, publish_as, target
from readout.run.inputs import read_statements, statement_files
from readout.run.publishing import repair, write_manifest
from readout.text.metadata import Given, given_for
from readout.text.statement import Statement, statement_from_bytes

if TYPE_CHECKING:  # the analyses, pandas and pyarrow are imported when a corpus is analysed or read
    import pandas as pd
    import pyarrow as pa

    from readout.analyses.lexicons import Lexicons
    from readout.collection.pairs import Pair

__all__ = ["CorpusRun", "BATCH_SIZE", "MANIFEST", "run_corpus", "read_corpus", "not_a_corpus", "analyse_batch",
           "diff_batch", "schemas", "frames_from_rows"]

#: Statements sent to a worker at a time: large enough that scheduling costs little, small enough
#: that a batch's rows are a few megabytes.
BATCH_SIZE = 50
#: Seconds to wait for a worker on a scheduler given by address before giving up.
WORKER_WAIT = 30.0



def _level_schema(level: str) -> pa.Schema:
    """The Arrow schema of one level's columns (:data:`readout.analyses.rows.COLUMNS`)."""
    import pyarrow as pa

    from readout.analyses.rows import COLUMNS

    arrow = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, arrow[kind]) for name, kind in COLUMNS[level]])


def schemas(lexicons: Lexicons) -> dict[str, pa.Schema]:
    """The Arrow schema of each level's table (the statement level gains one column per theme)."""
    import pyarrow as pa

    from readout.analyses.rows import LEVELS
    from readout.analyses.topics.themes import theme_column

    out = {level: _level_schema(level) for level in LEVELS}
    out["statement"] = pa.schema(list(out["statement"]) + [pa.field(theme_column(t), pa.float64())
                                                            for t in lexicons.themes.themes])
    return out


#: (key, the file's bytes), (key, why it could not be read), or (key, the statement already parsed)
#: (key, the file's bytes, the reason it cannot be read, or a statement already parsed; the title and date
#: given for it, read where the files are: a worker of a remote cluster may not see the folder's metadata.csv)
Item = tuple[str, "bytes | str | Statement", Given]


def analyse_batch(items: list[Item], lexicons: Lexicons) -> tuple[dict[str, list[tuple[Any, ...]]], list[str]]:
    """Parse and analyse each statement of a batch; return every level's rows (in item order) and one
    line per statement that was skipped (bad input, or an analysis that failed)."""
    from readout.analyses.rows import LEVELS, analyse

    rows: dict[str, list[tuple[Any, ...]]] = {level: [] for level in LEVELS}
    problems = []
    for key, data, given in items:
        if isinstance(data, str):
            problems.append(f"{key}: {data}")
            continue
        try:
            statement = data if isinstance(data, Statement) else statement_from_bytes(
                key, data, lexicons.actors, title=given.title, date=given.date.isoformat() if given.date else "")
            result = analyse(statement, lexicons, key)
        except BadInputError as exc:
            problems.append(str(exc))
            continue
        except Exception as exc:  # one failing statement never stops the others; its reason is kept
            where = traceback.extract_tb(exc.__traceback__)[-1]
            problems.append(f"{key}: analysis failed ({exc.__class__.__name__}: {exc} at "
                            f"{Path(where.filename).name}:{where.lineno})")
            continue
        for level in LEVELS:
            rows[level] += result.tables[level]
    return rows, problems


#: One pair for :func:`diff_batch`: its name and the items of its two statements (A, then B).
PairItem = tuple[str, Item, Item]


def diff_batch(items: list[PairItem], lexicons: Lexicons) -> tuple[list[tuple[str, ...]], list[str]]:
    """What changed in each pair of a batch, as :func:`readout.collection.change.change_rows`, and one line
    per pair that was skipped (a statement that cannot be read, or a diff that failed)."""
    from readout.collection.change import change_rows, what_changed

    rows: list[tuple[str, ...]] = []
    problems = []
    for name, *sides in items:
        statements = []
        for key, data, given in sides:
            if isinstance(data, str):
                problems.append(f"pair {name}: {key}: {data}")
                break
            try:
                statements.append(statement_from_bytes(key, data, lexicons.actors, title=given.title,
                                                       date=given.date.isoformat() if given.date else ""))
            except BadInputError as exc:
                problems.append(f"pair {name}: {exc}")
                break
        if len(statements) < 2:
            continue
        try:
            rows += change_rows(name, what_changed(*statements, lexicons))
        except Exception as exc:  # one failing pair never stops the others; its reason is kept
            where = traceback.extract_tb(exc.__traceback__)[-1]
            problems.append(f"pair {name}: diff failed ({exc.__class__.__name__}: {exc} at "
                            f"{Path(where.filename).name}:{where.lineno})")
    return rows, problems


def _read(path: str) -> bytes | str:
    """A file's bytes, or the reason it cannot be read."""
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        return "is a directory, not a statement file"
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"


@dataclass
class CorpusRun:
    """What a corpus run did: counts, skipped files with reasons, rows per level, seconds, exit code."""

    statements: int = 0
    skipped: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    words: int = 0
    seconds: float = 0.0
    scheduler: str = "local"
    workers: int = 0
    exit_code: int = 0


def _arrow_table(rows: list[tuple[Any, ...]], schema: pa.Schema) -> pa.Table:
    import pyarrow as pa

    columns = list(zip(*rows)) if rows else [()] * len(schema)
    return pa.Table.from_arrays([pa.array(list(c), type=f.type) for c, f in zip(columns, schema)], schema=schema)


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    import pandas as pd
    import pyarrow as pa

    # Whole numbers and flags keep their kind where a value is missing (pandas' nullable Int64, boolean).
    return table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}.get)


def frames_from_rows(rows: dict[str, list[tuple[Any, ...]]], lexicons: Lexicons) -> dict[str, pd.DataFrame]:
    """Rows of :func:`analyse_batch` as pandas tables, typed exactly as :func:`read_corpus` reads them."""
    return {level: _to_pandas(_arrow_table(rows[level], schema)) for level, schema in schemas(lexicons).items()}


class _Tables:
    """One Parquet writer per level, writing into ``folder``; a batch's rows become one row group."""

    def __init__(self, folder: Path, schema: dict[str, pa.Schema]) -> None:
        import pyarrow.parquet as pq

        self.schema = schema
        self.words = [name for name in schema["statement"].names].index("words")
        self.writers = {level: pq.ParquetWriter(folder / f"{level}.parquet", schema[level], compression="zstd")
                        for level in schema}

    def write(self, rows: dict[str, list[tuple[Any, ...]]], run: CorpusRun) -> None:
        for level, schema in self.schema.items():
            table = _arrow_table(rows[level], schema)
            self.writers[level].write_table(table)
            run.rows[level] = run.rows.get(level, 0) + table.num_rows
        run.statements += len(rows["statement"])
        run.words += sum(r[self.words] for r in rows["statement"])

    def close(self) -> None:
        for w in self.writers.values():
            w.close()


def _batches(files: list[str], size: int) -> Iterator[list[Item]]:
    """Batches of (key, bytes, title and date given), read only when the batch is about to be sent."""
    for k in range(0, len(files), size):
        yield [_item(path) for path in files[k:k + size]]


def _item(path: str) -> Item:
    """A file's item: its bytes (or why they cannot be read) and what its folder's metadata.csv gives it."""
    try:
        given = given_for(path)
    except BadInputError as exc:
        return path, exc.problem if exc.path == path else str(exc), Given()
    return path, _read(path), given


def _run_synchronous(batches: Iterator[list[Any]], lexicons: Lexicons, consume: Callable,
                     task: Callable | None = None) -> None:
    for batch in batches:
        consume(*(task or analyse_batch)(batch, lexicons))


def _run_dask(batches: Iterator[list[Any]], lexicons: Lexicons, consume: Callable, scheduler: str,
              workers: int | None, note: Callable[[str], None], task: Callable | None = None) -> int:
    """Send batches to a Dask cluster, at most two per worker at once, each run by ``task(batch, lexicons)``
    (:func:`analyse_batch` when None, looked up at the call; or :func:`diff_batch` for pairs); consume results
    in input order. Returns the number of workers."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler == "local":
        n = workers or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               host="127.0.0.1", silence_logs=50)
        client = Client(cluster)
    else:
        if "://" not in scheduler and ":" not in scheduler:
            raise UsageError(f"--scheduler {scheduler}: expected 'local', 'synchronous' or a Dask scheduler address "
                             "such as tcp://host:8786")
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"{scheduler}: cannot reach a Dask scheduler there ({exc.__class__.__name__})") from None
    try:
        if cluster is None:
            try:  # a scheduler with no worker would hold the batches for ever
                client.wait_for_workers(1, timeout=WORKER_WAIT)
            except TimeoutError:
                raise UsageError(f"{scheduler}: the Dask scheduler has no worker (waited {WORKER_WAIT:g} s); start "
                                 f"one with 'dask worker {scheduler}'") from None
        n_workers = len(client.scheduler_info()["workers"]) if cluster is None else workers or os.cpu_count() or 1
        if cluster is None:
            note(f"connected to the Dask scheduler at {scheduler} ({n_workers} workers)")
        shared = client.scatter(lexicons, broadcast=True)
        window = 2 * max(1, sum(client.nthreads().values()))
        pending = as_completed()
        done: dict[int, Any] = {}
        index: dict[str, int] = {}
        next_to_write = 0
        submitted = 0
        feed = iter(batches)

        def submit() -> bool:
            nonlocal submitted
            batch = next(feed, None)
            if batch is None:
                return False
            future = client.submit(task or analyse_batch, batch, shared, pure=False,
                                   key=f"readout-batch-{uuid.uuid4().hex}")
            index[future.key] = submitted
            pending.add(future)
            submitted += 1
            return True

        while submitted < window and submit():
            pass
        for future in pending:
            try:
                done[index.pop(future.key)] = future.result()
            except Exception as exc:  # a worker that cannot run the analysis at all (not one bad statement)
                if exc.__class__.__name__ == "KilledWorker":
                    raise ReadoutError(f"{scheduler}: Dask workers died running a batch, more than once (out of "
                                       "memory?); try fewer statements per batch (--batch-size)") from None
                raise ReadoutError(f"{scheduler}: a batch failed on a Dask worker ({exc.__class__.__name__}: {exc}); "
                                   "are readout and its requirements installed on every worker?") from None
            future.release()
            while next_to_write in done:
                consume(*done.pop(next_to_write))
                next_to_write += 1
            # Batches in flight or finished but not yet written stay within the window, even when an
            # early batch is slow: memory is bounded by the window, not by the collection.
            while submitted - next_to_write < window and submit():
                pass
        return n_workers
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_corpus(
    paths: list[str],
    out: Path,
    parameters: dict[str, Any] | None = None,
    scheduler: str = "local",
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
    err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
    progress: bool | None = None,
    pairs: list[Pair] | None = None,
) -> CorpusRun:
    """Analyse every statement named by ``paths`` and write ``out/<level>.parquet`` and ``out/corpus.json``.

    With ``pairs`` (:mod:`readout.collection.pairs`), the statements of every pair are analysed too, and
    ``out/change.parquet`` holds what changed in each pair (:data:`~readout.collection.change.CHANGE_COLUMNS`:
    one row per tone shift, actor named in one only, commitment, theme and sentence; all text). A pair
    whose statement cannot be read is skipped and named, as a statement is.

    ``parameters`` are the notebooks' data-file parameters (``actors_path``, ``theme_lexicon_path`` ...).
    The returned run's ``exit_code`` is 0, 1 or 2 (see the module). ``progress``: show a progress
    bar on standard error (default: when it is a terminal).
    """
    began = time.perf_counter()
    started = dt.datetime.now(dt.timezone.utc)
    run = CorpusRun(scheduler=scheduler)
    parameters = dict(parameters or {})
    try:
        if batch_size < 1:
            raise UsageError(f"--batch-size must be at least 1, not {batch_size}")
        if workers is not None and workers < 1:
            raise UsageError(f"--workers must be at least 1, not {workers}")
        from readout.analyses.lexicons import DATA_FILE_PARAMETERS
        from readout.report.provenance import git_commit, package_versions
        from readout.run.parameters import load_data_files

        unknown = sorted(set(parameters) - set(DATA_FILE_PARAMETERS))
        if unknown:
            raise UsageError(f"unknown corpus parameter {', '.join(map(repr, unknown))} "
                             f"(known: {', '.join(DATA_FILE_PARAMETERS)})")
        for name, value in parameters.items():
            if name.endswith("_path") and not isinstance(value, str):
                raise UsageError(f"parameter '{name}': expected the path of a file, got {value!r}")
            if name == "expected_themes" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise UsageError(f"parameter 'expected_themes': expected a list of theme names (give it in a -f YAML "
                                 f"file), got {value!r}")
            if name.endswith("_path") and value and not Path(value).is_file():
                raise UsageError(f"{value}: file not found (parameter '{name}')")
        lexicons = load_data_files(parameters)
        pair_files = [str(p) for pair in pairs or [] for p in (pair.a, pair.b)]
        found = statement_files([*paths, *pair_files])  # a file reached twice is analysed once
        # Files named directly are checked now, as 'run' and 'compare' check them; files found in a
        # folder are read batch by batch, and skipped there if they cannot be analysed.
        read_statements([f for f in found if f.named], lexicons.actors)
        files = [f.path for f in found]
        place = target(out, "corpus")  # --out itself, or out/corpus in a folder of reports
    except UsageError as exc:
        err(str(exc))
        run.exit_code = 2
        return run

    bar = None
    if progress if progress is not None else sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(total=len(files), unit="statement", file=sys.stderr, leave=False)
    try:
        for line in repair(place.parent):  # what killed runs left beside it
            err(line)
        with build_in(place) as build:
            tables = _Tables(build, schemas(lexicons))

            def consume(rows: dict[str, list[tuple[Any, ...]]], problems: list[str]) -> None:
                tables.write(rows, run)
                for line in problems:
                    err(f"skipped: {line}")
                run.skipped += problems
                if bar is not None:
                    bar.update(len(rows["statement"]) + len(problems))

            try:
                if scheduler == "synchronous":
                    _run_synchronous(_batches(files, batch_size), lexicons, consume)
                    run.workers = 1
                else:
                    run.workers = _run_dask(_batches(files, batch_size), lexicons, consume, scheduler, workers, err)
            finally:
                tables.close()
                if bar is not None:
                    bar.close()
            if run.statements == 0:
                raise UsageError(f"no readable statement among {len(files)} file{'s' if len(files) != 1 else ''}; "
                                 "nothing written")
            if pairs:
                _write_changes(build, pairs, lexicons, scheduler, workers, batch_size, run, err)
            run.seconds = round(time.perf_counter() - began, 2)
            write_manifest(build, {
                "statements": run.statements,
                "files": len(files),
                "skipped": run.skipped,
                "rows": run.rows,
                "words": run.words,
                "tables": {level: f"{level}.parquet" for level in run.rows},
                "pairs": len(pairs or []),
                "inputs": paths,
                "parameters": parameters,
                "data_files": {"themes": lexicons.themes.source, "actions": lexicons.scheme.source,
                               "actors": list(lexicons.actors.sources)},
                "themes": list(lexicons.themes.themes),
                "scheduler": scheduler,
                "workers": run.workers,
                "batch_size": batch_size,
                "versions": package_versions(),
                "git_commit": git_commit(),
                "started": started.isoformat(timespec="seconds"),
                "seconds": run.seconds,
            }, MANIFEST)
            place = publish_as(build, out, "corpus")  # an earlier corpus there is removed only afterwards
    except UsageError as exc:
        err(str(exc))
        run.exit_code = 2
        return run
    except OSError as exc:  # a full or read-only disk: one line; earlier tables stay
        if bar is not None:
            bar.close()
        err(os_failure(exc, place, "nothing written, and earlier tables are untouched"))
        run.exit_code = 2
        return run
    err(f"analysed {run.statements} statements ({run.words:,} words) in {run.seconds:.1f} s on {run.workers} "
        f"worker{'s' if run.workers != 1 else ''}; skipped {len(run.skipped)}; tables in {place}")
    run.exit_code = 1 if run.skipped else 0
    return run


def _write_changes(build: Path, pairs: list[Pair], lexicons: Lexicons, scheduler: str, workers: int | None,
                   batch_size: int, run: CorpusRun, err: Callable[[str], None]) -> None:
    """``build/change.parquet``: the change rows of every pair, in the pairs' order, on the run's scheduler."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from readout.collection.change import CHANGE_COLUMNS

    schema = pa.schema([(c, pa.string()) for c in CHANGE_COLUMNS])
    writer = pq.ParquetWriter(build / "change.parquet", schema, compression="zstd")

    def batches() -> Iterator[list[PairItem]]:
        for k in range(0, len(pairs), batch_size):
            yield [(p.name, _item(str(p.a)), _item(str(p.b))) for p in pairs[k:k + batch_size]]

    def consume(rows: list[tuple[str, ...]], problems: list[str]) -> None:
        writer.write_table(_arrow_table(rows, schema))
        run.rows["change"] = run.rows.get("change", 0) + len(rows)
        for line in problems:
            err(f"skipped: {line}")
        run.skipped += problems

    try:
        if scheduler == "synchronous":
            _run_synchronous(batches(), lexicons, consume, diff_batch)
        else:
            _run_dask(batches(), lexicons, consume, scheduler, workers, err, diff_batch)
    finally:
        writer.close()


def not_a_corpus(folder: Path) -> str:
    """Why ``folder`` holds no corpus run's tables, in one line ("" if it does); a folder of reports whose
    ``corpus/`` holds them is pointed to it."""
    if (folder / MANIFEST).is_file():
        return ""
    inside = folder / "corpus"
    if (inside / MANIFEST).is_file():
        return f"{folder}: not a corpus folder (no {MANIFEST}); its corpus run's tables are in {inside}"
    return f"{folder}: not a corpus folder (no {MANIFEST}; run 'python -m readout corpus')"


def read_corpus(folder: str | Path) -> dict[str, Any]:
    """The tables of a corpus folder as pandas DataFrames, by level, plus ``"manifest"``."""
    import pyarrow.parquet as pq

    from readout.analyses.rows import LEVELS

    folder = Path(folder)
    problem = not_a_corpus(folder)
    if problem:
        raise ReadoutError(problem)
    tables: dict[str, Any] = {}
    for level in LEVELS:
        file = folder / f"{level}.parquet"
        if file.is_file():
            tables[level] = _to_pandas(pq.read_table(file))
        else:  # a corpus written before this level existed: an empty table of its columns
            tables[level] = _to_pandas(_arrow_table([], _level_schema(level)))
    tables["manifest"] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return tables
