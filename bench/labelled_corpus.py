"""The tool on real statements: tone, topics, actors and events against a labelled folder, with every miss.

Reads a labelled folder laid out like ``../shared/corpus/`` (``labels.csv`` with ``file``, ``speaker``,
``praised``, ``pressed``, ``tone`` and ``topics``; the texts under it; ``events.csv`` and
``events_files.txt``) and PLOVER's records (``../shared/plover/gsr-dev.json``), and prints the figures of
``python -m readout validate DIR``, or only one part of them:

* ``--only topics``: the labelled primary topic among the three themes with the largest share, and
  precision and recall of the labelled topics against the themes in substance;
* ``--only tone``: the document label (4 classes) with its confusion table, the sign on the polar
  statements for our measure, TextBlob and VADER, the mixed statements read mixed, and the precision
  and recall of the most pressed and most praised actor;
* ``--only actors``: speaker accuracy, recall of the praised and pressed actors, unresolved agents;
* ``--only events``: event recall and precision, commitment recall and precision on the labelled events;
* ``--only plover``: source, recipient, event and quad accuracy on PLOVER's records.

Run: ``python bench/labelled_corpus.py [DIR] [--only PART] [--plover FILE] [--misses N]``
(default ``../shared/corpus``). It prints how long the part took.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from readout.collection.validation import PARTS, format_validation, meets_targets, validate
from readout.errors import ReadoutError

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--only", choices=PARTS, default=None)
    parser.add_argument("--plover", type=Path, default=None, help="PLOVER records (default: plover/ beside DIR)")
    parser.add_argument("--misses", type=int, default=None, help="misses printed per figure (default: all)")
    args = parser.parse_args()
    if not (args.folder / "labels.csv").is_file():
        print(f"no labelled folder at {args.folder} (the development corpus is read from ../shared/corpus/)")
        return 2
    started = time.perf_counter()
    try:
        result = validate(args.folder, plover_path=args.plover, parts=(args.only,) if args.only else PARTS)
    except ReadoutError as exc:
        print(exc)
        return 2
    took = time.perf_counter() - started
    print(format_validation(result, misses=args.misses), end="")
    print(f"\n{args.only or 'all figures'}: {took:.1f} s")
    print("targets:", "met" if meets_targets(result) else "MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
