"""Actions and commitments against the bare offline parser, in words per second.

On N generated statements of the seed's size (see ``timing.py`` for the texts
and how stages are timed), in the same run:

* the floor: bare ``textblob.en.parse(text)`` (tokenize, tag, chunk) on each text;
* the actors notebook's extraction, as numbers: references with pronouns
  resolved, actions (tagging included), credit edges and the commitment
  ledger (:func:`readout.actions.extract_actions`,
  :func:`~readout.actions.credit_edges`,
  :func:`readout.commitments.commitment_table`). The statement model is timed
  on its own line;
* the actor layer: the statement model's actor part (gazetteer matching,
  organisations by their form, people: ``readout.text.statement._actors_named``)
  plus the extraction above, the speaker and references included.

Target: the extraction costs at most 2x the bare parse. The actor layer's cost per word is compared
with the release before the gazetteer (issue #14: at most 2x); run this script on both checkouts.
Run: ``python bench/actions_throughput.py [-n 1000]``.
"""

from __future__ import annotations

import sys

from textblob.en import parse
from timing import stage_seconds, texts_from_command_line

from readout import Statement, parse_statement
from readout.analyses.actors import actions, commitments
from readout.text import statement as model

TARGET = 2.0


def extraction(statement: Statement) -> None:
    """What the actors notebook computes from a statement, as numbers."""
    found = actions.extract_actions(statement)
    actions.credit_edges(found)
    commitments.commitment_table(statement)


def actor_part(statement: Statement) -> None:
    """The statement model's actor part, again: mentions, organisations and people of the body."""
    model._actors_named(statement.text, [(s.start, s.end) for s in statement.sentences],
                        [s.tokens for s in statement.sentences], statement.actor_lexicon)


def main() -> int:
    args, texts, words = texts_from_command_line(__doc__.split("\n")[0])
    extraction(parse_statement(texts[0])), parse(texts[0])  # load lexicons once, untimed
    took = stage_seconds(texts, {"parse": parse, "model": parse_statement, "ours": extraction, "actors": actor_part},
                         feeds={"ours": "model", "actors": "model"})
    bare, built, ours, actors = took["parse"], took["model"], took["ours"], took["actors"]
    ratio = ours / bare
    print(f"{args.statements} statements, {words:,} words (seed's sentences reshuffled; stages interleaved per text)")
    print(f"bare textblob.en.parse:   {bare:6.2f} s  {words / bare:9,.0f} words/s")
    print(f"actions + commitments:    {ours:6.2f} s  {words / ours:9,.0f} words/s   {ratio:.2f}x the parse")
    print(f"statement model:          {built:6.2f} s  {words / built:9,.0f} words/s   (built once, shared)")
    layer = actors + ours
    print(f"actor layer:              {layer:6.2f} s  {words / layer:9,.0f} words/s   (its mentions, organisations, "
          f"people; the extraction)")
    print(f"target: at most {TARGET:.1f}x the parse -> {'met' if ratio <= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
