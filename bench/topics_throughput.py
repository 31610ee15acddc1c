"""Theme tagging and key terms against the statement model's own segmentation, in words per second.

On N generated statements of the seed's size (see ``timing.py`` for the texts
and how stages are timed), in the same run:

* the floor: building the statement model (``parse_statement``: layout,
  paragraphs, sentences with offsets, tokens, actor mentions);
* the topics notebook's theme tagging (every theme phrase in every sentence,
  :func:`readout.themes.read_themes`) and key terms (TF-IDF of every content
  term and candidate phrase, :func:`readout.keyterms.term_scores` and
  :func:`~readout.keyterms.phrase_scores`), as numbers; the pandas tables the
  notebook draws from them are presentation and not timed. The exploratory
  topic model is timed on its own line (not part of the target).

Target: tagging and key terms cost no more than the segmentation (ratio at most 1.0).
Run: ``python bench/topics_throughput.py [-n 1000]``.
"""

from __future__ import annotations

import sys

from timing import stage_seconds, texts_from_command_line

from readout import Statement, parse_statement
from readout.analyses.topics import keyterms, themes, topicmodel

TARGET = 1.0


def tagging_and_key_terms(statement: Statement) -> None:
    """Theme tagging and key terms, as the topics notebook computes them."""
    themes.read_themes(statement)
    keyterms.term_scores(statement)
    keyterms.phrase_scores(statement)


def main() -> int:
    args, texts, words = texts_from_command_line(__doc__.split("\n")[0])
    tagging_and_key_terms(parse_statement(texts[0]))  # load lexicons once, untimed
    took = stage_seconds(texts, {"model": parse_statement, "ours": tagging_and_key_terms,
                                 "topics": lambda st: topicmodel.fit_topics(st, 3, 2024)},
                         feeds={"ours": "model", "topics": "model"})
    model, ours, topics = took["model"], took["ours"], took["topics"]
    ratio = ours / model
    print(f"{args.statements} statements, {words:,} words (seed's sentences reshuffled; stages interleaved per text)")
    print(f"statement model (segmentation): {model:6.2f} s  {words / model:9,.0f} words/s")
    print(f"theme tagging + key terms:      {ours:6.2f} s  {words / ours:9,.0f} words/s   {ratio:.2f}x the segmentation")
    print(f"topic model (NMF, k=3):         {topics:6.2f} s  {words / topics:9,.0f} words/s   (exploratory, not in the "
          "target)")
    print(f"target: at most {TARGET:.1f}x the segmentation -> {'met' if ratio <= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
