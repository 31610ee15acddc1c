"""Structure measures against the bare offline parser, in words per second.

On N generated statements of the seed's size (see ``timing.py`` for the texts
and how stages are timed), in the same run:

* the floor: bare ``textblob.en.parse(text)`` (tokenize, tag, chunk) on each text;
* the structure measures of notebook 02 on the same texts, as numbers:
  readability, lexical diversity, tagging with parts of speech, passive voice
  (from the dependency parse, which the actors notebook shares) and noun phrases, top terms, dispersion, keyword in context, collocations
  and acronyms. The statement model they share is timed on its own line; the
  pandas tables the notebook draws from these numbers are presentation and
  not timed.

Target: the structure measures cost at most 1.5x the bare parse. The script
prints the ratio twice: for the measures alone, and with the statement model
added (the parse tokenizes and splits sentences itself; the model does that,
and more, once for all notebooks).
Run: ``python bench/structure_throughput.py [-n 1000]``.
"""

from __future__ import annotations

import sys

from textblob.en import parse
from timing import stage_seconds, texts_from_command_line

from readout import Statement, parse_statement
from readout.analyses import terms
from readout.analyses.style import acronyms, collocations, concordance, diversity, grammar, readability
from readout.text.tagging import tag_statement

TARGET = 1.5


def structure(statement: Statement) -> None:
    """Every measure notebook 02 computes, as numbers (the notebook's tables format these)."""
    readability.readability_scores(statement)
    diversity.diversity_scores(statement)
    tagged = tag_statement(statement)
    grammar.pos_counts(tagged)
    grammar.passive_constructions(tagged)
    grammar.noun_phrases(tagged)
    top = terms.term_counts(statement, exclude_actors=True).most_common(5)
    concordance.term_positions(statement)
    concordance.kwic_rows(statement, [t for t, _ in top])
    collocations.bigram_scores(statement)
    collocations.trigram_scores(statement)
    acronyms.find_acronyms(statement)


def main() -> int:
    args, texts, words = texts_from_command_line(__doc__.split("\n")[0])
    structure(parse_statement(texts[0])), parse(texts[0])  # load lexicons and dictionaries once, untimed
    took = stage_seconds(texts, {"parse": parse, "model": parse_statement, "measures": structure},
                         feeds={"measures": "model"})
    bare, model, ours = took["parse"], took["model"], took["measures"]
    ratio = ours / bare
    whole = (ours + model) / bare
    print(f"{args.statements} statements, {words:,} words (seed's sentences reshuffled; stages interleaved per text)")
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
