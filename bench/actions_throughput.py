"""Events, credit and commitments against the bare offline parser, in words per second.

On N generated statements of the seed's size (see ``timing.py`` for the texts
and how stages are timed), in the same run:

* the floor: bare ``textblob.en.parse(text)`` (tokenize, tag, chunk) on each text;
* the actors notebook's extraction, as numbers, over a statement already parsed: references with
  pronouns resolved, the speaker, the events, credit edges and the commitment ledger
  (:func:`readout.analyses.actors.events.extract_events`,
  :func:`~readout.analyses.actors.credit.credit_edges`,
  :func:`~readout.analyses.actors.credit.commitment_ledger`). The statement model and the parse
  are timed on lines of their own;
* the actor layer: the statement model's actor part (gazetteer matching,
  organisations by their form, people: ``readout.text.statement._actors_named``)
  plus the extraction above, the speaker and references included;
* the dependency parse alone (:func:`readout.text.parse.dependency_parse`: spaCy's en_core_web_sm
  over the statement's sentences, read into our tokens), with what loading its pipeline costs a
  process once: seconds and resident memory. Not in the target (the rules' own cost is): the
  extraction with the parse is printed beside it.

Target: the extraction costs at most 2x the bare parse. The actor layer's cost per word is compared
with the release before the gazetteer (issue #14: at most 2x); run this script on both checkouts.
Run: ``python bench/actions_throughput.py [-n 1000]``.
"""

from __future__ import annotations

import sys
import time

import psutil
from textblob.en import parse
from timing import stage_seconds, texts_from_command_line

from readout import Statement, parse_statement
from readout.analyses.actors import credit, events
from readout.text import statement as model
from readout.text.parse import dependency_parse, load_parser

TARGET = 2.0


def extraction(statement: Statement) -> None:
    """What the actors notebook computes from a statement, as numbers."""
    found = events.extract_events(statement)
    credit.credit_edges(found)
    credit.commitment_ledger(statement, found)


def actor_part(statement: Statement) -> None:
    """The statement model's actor part, again: mentions, organisations and people of the body."""
    model._actors_named(statement.text, [(s.start, s.end) for s in statement.sentences],
                        [s.tokens for s in statement.sentences], statement.actor_lexicon)


def main() -> int:
    args, texts, words = texts_from_command_line(__doc__.split("\n")[0])
    extraction(parse_statement(texts[0])), parse(texts[0])  # load lexicons once, untimed
    # LemmInflect imports spaCy when it is installed, so the lexicons above may have imported it already
    loading = "model checked and loaded" if "spacy" in sys.modules else "spaCy imported, model checked and loaded"
    rss, began = psutil.Process().memory_info().rss, time.perf_counter()
    load_parser()  # once per process
    loaded = time.perf_counter() - began
    dependency_parse(parse_statement(texts[0]))  # its first call, untimed
    added = psutil.Process().memory_info().rss - rss
    # the parse before the extraction: it is kept with the statement, so the extraction is timed without it
    took = stage_seconds(texts, {"parse": parse, "model": parse_statement, "syntax": dependency_parse,
                                 "ours": extraction, "actors": actor_part},
                         feeds={"ours": "model", "actors": "model", "syntax": "model"})
    bare, built, ours, actors, syntax = took["parse"], took["model"], took["ours"], took["actors"], took["syntax"]
    ratio = ours / bare
    print(f"{args.statements} statements, {words:,} words (seed's sentences reshuffled; stages interleaved per text)")
    print(f"bare textblob.en.parse:   {bare:6.2f} s  {words / bare:9,.0f} words/s")
    print(f"events + credit + ledger: {ours:6.2f} s  {words / ours:9,.0f} words/s   {ratio:.2f}x the parse "
          f"(over a parsed statement; with the spaCy parse: {words / (ours + syntax):,.0f} words/s)")
    print(f"statement model:          {built:6.2f} s  {words / built:9,.0f} words/s   (built once, shared)")
    layer = actors + ours
    print(f"actor layer:              {layer:6.2f} s  {words / layer:9,.0f} words/s   (its mentions, organisations, "
          f"people; the extraction)")
    print(f"dependency parse (spaCy): {syntax:6.2f} s  {words / syntax:9,.0f} words/s   (its own cost, not in the "
          f"target; once per process, {loading}: {loaded:.1f} s, {added / 2**20:.0f} MiB resident)")
    print(f"target: at most {TARGET:.1f}x the parse -> {'met' if ratio <= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
