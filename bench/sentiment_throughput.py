"""Sentence-level tone scoring against bare TextBlob, in words per second.

On N generated statements of the seed's size (see ``timing.py`` for the texts
and how stages are timed), in the same run:

* the floor: bare ``TextBlob(text).sentiment`` on each whole text;
* the tone notebook's sentence-level scoring of the same texts: TextBlob and
  VADER per sentence with their evidence and leak removal
  (:func:`readout.analyses.tone.sentiment.score_statement`; VADER's word valences from
  :mod:`readout.analyses.tone.vader_window`) and the diplomatic tone
  (:func:`readout.analyses.tone.diplomatic.sentence_tone`). The statement model is built
  beforehand and timed on its own line, and so is the tone aimed at each actor
  (:func:`readout.analyses.stance.statement_stance`), which reads the actor
  references the actors notebook works out anyway.

Target: at least a third of the floor's throughput (at most 3x its time).
Run: ``python bench/sentiment_throughput.py [-n 1000]``.
"""

from __future__ import annotations

import sys

from textblob import TextBlob
from textblob.en import sentiment as pattern_sentiment  # what TextBlob's analyzer calls
from timing import stage_seconds, texts_from_command_line

from readout import parse_statement
from readout.analyses.stance import statement_stance
from readout.analyses.tone.diplomatic import load_tone_lexicon, sentence_tone
from readout.analyses.tone.sentiment import score_statement

TARGET = 1 / 3


def main() -> int:
    args, texts, words = texts_from_command_line(__doc__.split("\n")[0])
    lexicon = load_tone_lexicon()
    first = parse_statement(texts[0])
    score_statement(first), TextBlob(texts[0]).sentiment  # load lexicons once, untimed

    def scoring(statement) -> None:
        score_statement(statement)
        for s in statement.sentences:
            sentence_tone(s, lexicon)

    def textblob_per_sentence(statement) -> None:
        for s in statement.sentences:
            pattern_sentiment(s.text)

    took = stage_seconds(texts, {"bare": lambda t: TextBlob(t).sentiment, "model": parse_statement,
                                 "ours": scoring, "textblob_only": textblob_per_sentence,
                                 "aimed": lambda st: statement_stance(st, lexicon)},
                         feeds={"ours": "model", "textblob_only": "model", "aimed": "model"})
    bare, model, ours, textblob_only = took["bare"], took["model"], took["ours"], took["textblob_only"]
    aimed = took["aimed"]
    share = bare / ours
    print(f"{args.statements} statements, {words:,} words (seed's sentences reshuffled; stages interleaved per text)")
    print(f"bare TextBlob(text).sentiment:  {bare:6.2f} s  {words / bare:9,.0f} words/s")
    print(f"sentence-level scoring:         {ours:6.2f} s  {words / ours:9,.0f} words/s   "
          f"{share:.3f} of the bare throughput")
    print(f"  of which TextBlob per sentence: {textblob_only:6.2f} s  {words / textblob_only:9,.0f} words/s   "
          f"{bare / textblob_only:.2f} of the bare throughput (VADER and leak removal are the rest)")
    print(f"tone aimed at each actor:       {aimed:6.2f} s  {words / aimed:9,.0f} words/s   (not in the target: it "
          "reads the actor references, worked out once per statement and shared with the actors notebook)")
    print(f"statement model:                {model:6.2f} s  {words / model:9,.0f} words/s   (built once, shared)")
    print(f"target: at least {TARGET:.2f} of the bare throughput -> {'met' if share >= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
