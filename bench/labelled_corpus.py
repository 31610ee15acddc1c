"""The tool on real statements: tone, topics and actors against a labelled folder, with every miss.

Reads a labelled folder laid out like ``../shared/corpus/`` (``labels.csv`` with ``file``, ``speaker``,
``praised``, ``pressed``, ``tone`` and ``topics``; the texts under it) and prints the figures of
``python -m readout validate DIR``, or only one part of them:

* ``--only topics``: the labelled primary topic among the three themes with the largest share, and
  precision and recall of the labelled topics against the themes in substance;
* ``--only tone``: the document label (4 classes) with its confusion table, the sign on the polar
  statements for our measure, TextBlob and VADER, the mixed statements read mixed, and the precision
  and recall of the most pressed and most praised actor;
* ``--only actors``: speaker accuracy, recall of the praised and pressed actors, unresolved agents.

Run: ``python bench/labelled_corpus.py [DIR] [--only tone|topics|actors] [--misses N]``
(default ``../shared/corpus``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from readout.collection.validation import TARGETS, format_validation, validate

ROOT = Path(__file__).resolve().parent.parent
PARTS = {"topics": ("primary topic", "topics found"),
         "tone": ("tone", "mixed", "TextBlob", "VADER", "most"),
         "actors": ("speaker", "recall of praised", "unresolved")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--only", choices=sorted(PARTS), default=None)
    parser.add_argument("--misses", type=int, default=None, help="misses printed per figure (default: all)")
    args = parser.parse_args()
    if not (args.folder / "labels.csv").is_file():
        print(f"no labelled folder at {args.folder} (the development corpus is read from ../shared/corpus/)")
        return 2
    started = time.perf_counter()
    result = validate(args.folder)
    took = time.perf_counter() - started
    if args.only:
        result.figures = [f for f in result.figures if f.name.startswith(PARTS[args.only])]
    print(format_validation(result, misses=args.misses), end="")
    print(f"\n{result.statements} statements read in {took:.1f} s (all figures of validate)")
    met = all(f.share >= TARGETS[f.name][0] if TARGETS[f.name][1] == "at least" else f.share <= TARGETS[f.name][0]
              for f in result.figures if f.name in TARGETS)
    print("targets:", "met" if met else "MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
