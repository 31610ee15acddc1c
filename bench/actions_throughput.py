"""Actions and commitments against the bare offline parser, in words per second.

On N generated statements of the seed's size (see ``timing.py`` for the texts
and how stages are timed), in the same run:

* the floor: bare ``textblob.en.parse(text)`` (tokenize, tag, chunk) on each text;
* the actors notebook's extraction, as numbers: references with pronouns
  resolved, actions (tagging included), credit edges and the commitment
  ledger (:func:`readout.actions.extract_actions`,
  :func:`~readout.actions.credit_edges`,
  :func:`readout.commitments.commitment_table`). The statement model is timed
  on its own line.

Target: the extraction costs at most 2x the bare parse.
Run: ``python bench/actions_throughput.py [-n 1000]``.
"""

from __future__ import annotations

import sys

from textblob.en import parse
from timing import stage_seconds, texts_from_command_line

from readout import Statement, parse_statement
from readout.analyses.actors import actions, commitments

TARGET = 2.0


def extraction(statement: Statement) -> None:
    """What the actors notebook computes from a statement, as numbers."""
    found = actions.extract_actions(statement)
    actions.credit_edges(found)
    commitments.commitment_table(statement)


def main() -> int:
    args, texts, words = texts_from_command_line(__doc__.split("\n")[0])
    extraction(parse_statement(texts[0])), parse(texts[0])  # load lexicons once, untimed
    took = stage_seconds(texts, {"parse": parse, "model": parse_statement, "ours": extraction},
                         feeds={"ours": "model"})
    bare, model, ours = took["parse"], took["model"], took["ours"]
    ratio = ours / bare
    print(f"{args.statements} statements, {words:,} words (seed's sentences reshuffled; stages interleaved per text)")
    print(f"bare textblob.en.parse:   {bare:6.2f} s  {words / bare:9,.0f} words/s")
    print(f"actions + commitments:    {ours:6.2f} s  {words / ours:9,.0f} words/s   {ratio:.2f}x the parse")
    print(f"statement model:          {model:6.2f} s  {words / model:9,.0f} words/s   (built once, shared)")
    print(f"target: at most {TARGET:.1f}x the parse -> {'met' if ratio <= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
