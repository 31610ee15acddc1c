"""How fast is the corpus engine, how well does it use a second core, and how much memory does it hold?

Builds a collection of generated statements of the seed's size: sentences drawn at random from the
seed and from our three demonstration statements (``seeds/demo/``, our own writing) until the text
reaches the seed's length (about 350 words), in three paragraphs
under a header with a date and a dateline (fixed random seed), written as files to a temporary
folder. Then prints:

1. corpus throughput (words per second, seconds per statement) over N statements (default 2,000)
   with 2 local Dask workers, and the same with 1 worker: the speed-up (target: at least 1.6x);
2. the notebook collection run with papermill (``python -m readout run --force``) on 20 of the same
   statements, per statement, and the ratio to the corpus engine per statement (target: the corpus
   engine at least 100x faster);
3. peak resident memory over a run on M statements (default 10,000) with the default local
   scheduler: the command's own process, and the whole process tree (the command, the Dask
   scheduler's and workers' processes), sampled every 50 ms (target: the tree under 1 GB).

Wall times include starting the Dask cluster and its workers, as a user running the command pays
them. Run with ``make bench`` or ``python bench/corpus_throughput.py [-n 2000] [-m 10000] [-r 20]``.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from readout import load_statement
from readout.collection.corpus import run_corpus

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def write_collection(folder: Path, n: int, seed: int = 2024) -> int:
    """Write ``n`` generated statements to ``folder``; return their body words (as the engine counts them)."""
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "seeds" / "demo").glob("*.txt"))
    pool = [s.text for path in sources for s in load_statement(path).sentences]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        chosen = []
        for sentence in rng.sample(pool, len(pool)):  # sentences in random order until the seed's length
            chosen.append(sentence)
            if sum(len(c.split()) for c in chosen) >= 340:
                break
        third = len(chosen) // 3
        date = f"{MONTHS[rng.randrange(12)]} {rng.randint(1, 28)}, {rng.randint(2010, 2024)}"
        text = (f"Media Note\n{date}\n\nGenerated statement {k + 1}\n\nWashington, DC - " + " ".join(chosen[:third])
                + "\n\n" + " ".join(chosen[third:2 * third]) + "\n\n" + " ".join(chosen[2 * third:]) + "\n")
        (folder / f"statement-{k + 1:05d}.txt").write_text(text, encoding="utf-8")
    return n


def corpus_run(folder: Path, out: Path, workers: int | None, sample_memory: bool = False) -> tuple[float, object, int, int]:
    """Seconds, the run, and peak resident bytes of this process and of its whole process tree."""
    me = psutil.Process()
    peak_self, peak_tree, stop = 0, 0, threading.Event()

    def sample() -> None:
        nonlocal peak_self, peak_tree
        while not stop.is_set():
            try:
                own = me.memory_info().rss
                tree = own + sum(c.memory_info().rss for c in me.children(recursive=True))
            except psutil.Error:
                continue
            peak_self, peak_tree = max(peak_self, own), max(peak_tree, tree)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_memory:
        sampler.start()
    began = time.perf_counter()
    run = run_corpus([str(folder)], out, workers=workers, err=lambda line: None, progress=False)
    seconds = time.perf_counter() - began
    stop.set()
    if sample_memory:
        sampler.join()
    if run.exit_code != 0:
        raise SystemExit(f"corpus run failed with exit code {run.exit_code}: {run.skipped[:3]}")
    return seconds, run, peak_self, peak_tree


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--statements", type=int, default=2000)
    parser.add_argument("-m", "--memory-statements", type=int, default=10_000)
    parser.add_argument("-r", "--report-statements", type=int, default=20)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; "
          f"python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        write_collection(tmp_path / "in", args.statements)
        s2, run2, _, _ = corpus_run(tmp_path / "in", tmp_path / "out2", workers=2)
        s1, run1, _, _ = corpus_run(tmp_path / "in", tmp_path / "out1", workers=1)
        words = run2.words
        print(f"collection: {run2.statements:,} generated statements, {words:,} words "
              f"({words / run2.statements:.0f} words a statement; the seed has 351)")
        print(f"corpus engine, 2 workers: {s2:.1f} s, {words / s2:,.0f} words/s, {1000 * s2 / run2.statements:.1f} ms "
              "a statement (cluster start included)")
        print(f"corpus engine, 1 worker:  {s1:.1f} s, {words / s1:,.0f} words/s")
        speedup = s1 / s2
        print(f"speed-up, 2 workers over 1: {speedup:.2f}x (target: at least 1.6x) -> "
              f"{'met' if speedup >= 1.6 else 'MISSED'}")

        sample = sorted((tmp_path / "in").glob("*.txt"))[:args.report_statements]
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "readout", "run", *map(str, sample), "--out", str(tmp_path / "reports"),
                        "--force"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        papermill = (time.perf_counter() - began) / len(sample)
        engine = s2 / run2.statements
        print(f"notebook collection with papermill on {len(sample)} of them: {papermill:.2f} s a statement")
        print(f"corpus engine per statement: {engine * 1000:.1f} ms; {papermill / engine:,.0f}x faster "
              f"(target: at least 100x) -> {'met' if papermill / engine >= 100 else 'MISSED'}")

        write_collection(tmp_path / "many", args.memory_statements, seed=7)
        sm, runm, peak_self, peak_tree = corpus_run(tmp_path / "many", tmp_path / "outm", None, sample_memory=True)
        print(f"memory, {runm.statements:,} statements on {runm.workers} workers in {sm:.1f} s: peak resident "
              f"{peak_self / 2**20:,.0f} MB in the command's process, {peak_tree / 2**20:,.0f} MB in its whole "
              f"process tree (target: under 1 GB = 1,024 MB) -> {'met' if peak_tree < 2**30 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
