"""How long does a full report take, against the cost of just importing the analysis stack?

Prints, for the seed statement: the wall time of the full report command
(``python -m readout run SEED``, into a temporary folder) and the floor, a bare
``python -c "import pandas, matplotlib.pyplot, textblob"``, both measured in
this run, as medians of N repeats; and their ratio. Target: the report within
4x the floor on 2 cores. Run with ``make bench`` (or ``python bench/report_time.py -n 5``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
TARGET = 4.0


def wall(cmd: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--repeats", type=int, default=5)
    args = parser.parse_args()
    floor_cmd = [sys.executable, "-c", "import pandas, matplotlib.pyplot, textblob"]
    with tempfile.TemporaryDirectory() as out:
        # --force: every time a full run, not the up-to-date skip of a report already there
        report_cmd = [sys.executable, "-m", "readout", "run", str(SEED), "--out", out, "--force"]
        wall(floor_cmd), wall(report_cmd)  # warm the file cache once, untimed
        floors, reports = [], []
        for _ in range(args.repeats):  # interleaved, so that machine load affects both alike
            floors.append(wall(floor_cmd))
            reports.append(wall(report_cmd))
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))  # the per-statement collection
    floor, report = statistics.median(floors), statistics.median(reports)
    ratio = report / floor
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; statement {SEED.name}")
    print(f"notebooks: {len(notebooks)} ({', '.join(notebooks)})")
    print(f"floor (import pandas, matplotlib.pyplot, textblob): median {floor:.2f} s "
          f"[{min(floors):.2f}-{max(floors):.2f}] over {args.repeats} runs")
    print(f"full report (python -m readout run): median {report:.2f} s "
          f"[{min(reports):.2f}-{max(reports):.2f}] over {args.repeats} runs")
    print(f"ratio: {ratio:.2f}x the floor (target: at most {TARGET:.0f}x) -> {'met' if ratio <= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
