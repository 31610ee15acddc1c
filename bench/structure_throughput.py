"""Structure measures against the bare offline parser, in words per second.

Builds N statements of the seed's size by reshuffling the seed's sentences
(fixed random seed), then times, in the same run:

* the floor: bare ``textblob.en.parse(text)`` (tokenize, tag, chunk) on each text;
* the structure measures of notebook 02 on the same texts, as numbers:
  readability, lexical diversity, tagging with parts of speech, passive voice
  and noun phrases, top terms, dispersion, keyword in context, collocations
  and acronyms. The statement model they share is built beforehand and timed
  on its own line; the pandas tables the notebook draws from these numbers are
  presentation and not timed.

The texts repeat the seed's vocabulary, so per-word caches (syllables,
plural folding) hit more often than on a varied collection.

Target: the structure measures cost at most 1.5x the bare parse. The script
prints the ratio twice: for the measures alone, and with the statement model
added (the parse tokenizes and splits sentences itself; the model does that,
and more, once for all notebooks).
Run: ``python bench/structure_throughput.py [-n 1000]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textblob.en import parse

from readout import Statement, acronyms, collocations, concordance, diversity, grammar, load_statement
from readout import parse_statement, readability, terms

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5


def corpus(n: int) -> list[str]:
    seed = load_statement(sorted((ROOT / "seeds").glob("*.txt"))[0])
    sentences = [s.text for s in seed.sentences]
    rng = random.Random(2024)
    texts = []
    for _ in range(n):
        order = rng.sample(sentences, len(sentences))
        texts.append("Washington, DC - " + " ".join(order[:2]) + "\n\n" + " ".join(order[2:9]) + "\n\n"
                     + " ".join(order[9:]))
    return texts


def seconds_for_each(items: list, work: Callable[[Any], Any]) -> float:
    """Wall seconds to apply ``work`` to every item in turn."""
    began = time.perf_counter()
    for item in items:
        work(item)
    return time.perf_counter() - began


def structure(statement: Statement) -> None:
    """Every measure notebook 02 computes, as numbers (the notebook's tables format these)."""
    readability.readability_scores(statement)
    diversity.diversity_scores(statement)
    tagged = grammar.tag_statement(statement)
    grammar.pos_counts(tagged)
    grammar.passive_constructions(tagged)
    grammar.noun_phrases(tagged)
    top = terms.term_counts(statement, exclude_actors=True).most_common(5)
    concordance.term_positions(statement)
    concordance.kwic(statement, [t for t, _ in top])
    collocations.bigram_scores(statement)
    collocations.trigram_scores(statement)
    acronyms.find_acronyms(statement)


def texts_from_command_line(description: str) -> tuple[argparse.Namespace, list[str], int]:
    """Read ``-n N`` from the command line; return the arguments, N reshuffled texts and their word count."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("-n", "--statements", type=int, default=1000)
    args = parser.parse_args()
    texts = corpus(args.statements)
    return args, texts, sum(len(t.split()) for t in texts)


def main() -> int:
    args, texts, words = texts_from_command_line(__doc__.split("\n")[0])
    structure(parse_statement(texts[0])), parse(texts[0])  # load lexicons and dictionaries once, untimed
    bare = seconds_for_each(texts, parse)
    statements: list[Statement] = []
    model = seconds_for_each(texts, lambda t: statements.append(parse_statement(t)))
    ours = seconds_for_each(statements, structure)
    ratio = ours / bare
    whole = (ours + model) / bare
    print(f"{args.statements} statements, {words:,} words (seed's sentences reshuffled)")
    print(f"bare textblob.en.parse:   {bare:6.2f} s  {words / bare:9,.0f} words/s")
    print(f"structure measures:       {ours:6.2f} s  {words / ours:9,.0f} words/s   {ratio:.2f}x the parse")
    print(f"statement model:          {model:6.2f} s  {words / model:9,.0f} words/s   (built once, shared by every "
          "notebook)")
    print(f"measures + model:         {ours + model:6.2f} s  {words / (ours + model):9,.0f} words/s   "
          f"{whole:.2f}x the parse")
    print(f"target: measures at most {TARGET}x the parse -> {'met' if ratio <= TARGET else 'MISSED'}; "
          f"counting the model too -> {'met' if whole <= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
