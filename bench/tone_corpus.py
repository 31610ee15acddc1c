"""The diplomatic tone on real statements, beside TextBlob and VADER: the figures and every miss.

Reads a labelled folder laid out like ``../shared/corpus/`` (``labels.csv`` with ``file``, ``speaker``,
``praised``, ``pressed`` and ``tone``; the texts under it) and prints, for the tone only: the
document label (4 classes) with its confusion table, the sign on the polar statements for our
measure, TextBlob and VADER, the mixed statements read mixed, and the precision and recall of the
most pressed and most praised actor. The same figures come first in ``python -m readout validate DIR``.

Run: ``python bench/tone_corpus.py [DIR]`` (default ``../shared/corpus``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from readout.collection.validation import TARGETS, format_validation, validate

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    if not (folder / "labels.csv").is_file():
        print(f"no labelled folder at {folder} (the development corpus is read from ../shared/corpus/)")
        return 2
    started = time.perf_counter()
    result = validate(folder)
    took = time.perf_counter() - started
    result.figures = [f for f in result.figures if f.name.startswith(("tone", "mixed", "TextBlob", "VADER", "most"))]
    print(format_validation(result), end="")
    print(f"\n{result.statements} statements read and scored in {took:.1f} s (all figures of validate)")
    met = all(f.share >= TARGETS[f.name][0] for f in result.figures if f.name in TARGETS)
    print("tone targets:", "met" if met else "MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
