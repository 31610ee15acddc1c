"""How long does a full report take, against the cost of just importing the analysis stack?

Prints, for the seed statement: the wall time of the full report command
(``python -m readout run SEED``, into a temporary folder) and the floor, a bare
``python -c "import pandas, matplotlib.pyplot, textblob"``, both measured in
this run, as medians of N repeats; and their ratio. Target: the report within
3.5x the floor on 2 cores (room for a dependency parse of every statement).
Beside each wall time, the processor time of the command and all the processes
it waited for (the runner, its fork server and the kernels the server forked):
on a busy machine the wall times stretch, the processor times much less.
Run with ``make bench`` (or ``python bench/report_time.py -n 5``).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
TARGET = 3.5


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds of ``cmd``, and processor seconds (user + system) of it and every process it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    took = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--repeats", type=int, default=5)
    args = parser.parse_args()
    floor_cmd = [sys.executable, "-c", "import pandas, matplotlib.pyplot, textblob"]
    with tempfile.TemporaryDirectory() as out:
        # --force: every time a full run, not the up-to-date skip of a report already there
        report_cmd = [sys.executable, "-m", "readout", "run", str(SEED), "--out", out, "--force"]
        timed(floor_cmd), timed(report_cmd)  # warm the file cache once, untimed
        floors, reports = [], []
        for _ in range(args.repeats):  # interleaved, so that machine load affects both alike
            floors.append(timed(floor_cmd))
            reports.append(timed(report_cmd))
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))  # the per-statement collection
    floor, report = statistics.median(w for w, _ in floors), statistics.median(w for w, _ in reports)
    floor_cpu, report_cpu = statistics.median(c for _, c in floors), statistics.median(c for _, c in reports)
    ratio = report / floor
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end; "
          f"python {sys.version.split()[0]}; statement {SEED.name}")
    print(f"notebooks: {len(notebooks)} ({', '.join(notebooks)})")
    print(f"floor (import pandas, matplotlib.pyplot, textblob): median {floor:.2f} s "
          f"[{min(w for w, _ in floors):.2f}-{max(w for w, _ in floors):.2f}] over {args.repeats} runs; "
          f"processor {floor_cpu:.2f} s")
    print(f"full report (python -m readout run): median {report:.2f} s "
          f"[{min(w for w, _ in reports):.2f}-{max(w for w, _ in reports):.2f}] over {args.repeats} runs; "
          f"processor {report_cpu:.2f} s")
    print(f"ratio: {ratio:.2f}x the floor (target: at most {TARGET:g}x) -> {'met' if ratio <= TARGET else 'MISSED'}; "
          f"processor {report_cpu / floor_cpu:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
