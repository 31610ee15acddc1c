"""What the throughput benchmarks share: the generated texts and the way they are timed.

Texts: N statements of the seed's size, made by reshuffling the seed's
sentences into three paragraphs under a dateline (fixed random seed). They
repeat the seed's vocabulary, so per-word caches hit more often than on a
varied collection.

Timing: every text passes through every stage in turn (the floor, the
statement model, our measures), and each stage's wall time is summed. The
stages thus run under the same conditions, on a heap that holds one
statement at a time, the way a notebook or the corpus engine meets them.
(Building all 1,000 statements first and timing each stage over the list
would charge Python's garbage collector, scanning a heap of a million
objects, to whichever stage runs last.)
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readout import load_statement

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list[str]:
    """``n`` texts of the seed's size: its sentences reshuffled into three paragraphs (random seed 2024)."""
    seed = load_statement(sorted((ROOT / "seeds").glob("*.txt"))[0])
    sentences = [s.text for s in seed.sentences]
    rng = random.Random(2024)
    texts = []
    for _ in range(n):
        order = rng.sample(sentences, len(sentences))
        texts.append("Washington, DC - " + " ".join(order[:2]) + "\n\n" + " ".join(order[2:9]) + "\n\n"
                     + " ".join(order[9:]))
    return texts


def texts_from_command_line(description: str) -> tuple[argparse.Namespace, list[str], int]:
    """Read ``-n N`` from the command line; return the arguments, N texts and their word count."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("-n", "--statements", type=int, default=1000)
    args = parser.parse_args()
    texts = corpus(args.statements)
    return args, texts, sum(len(t.split()) for t in texts)


def stage_seconds(texts: list[str], stages: dict[str, Callable[[Any], Any]],
                  feeds: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds per stage, summed over the texts, each text passing through every stage in turn.

    A stage receives the text, or, if ``feeds`` maps it to an earlier stage,
    that stage's result for the same text (the measures take the statement the model built).
    """
    feeds = feeds or {}
    totals = dict.fromkeys(stages, 0.0)
    clock = time.perf_counter
    for text in texts:
        results: dict[str, Any] = {}
        for name, work in stages.items():
            given = results[feeds[name]] if name in feeds else text
            began = clock()
            results[name] = work(given)
            totals[name] += clock() - began
    return totals
