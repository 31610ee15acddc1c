"""Sentence-level tone scoring against bare TextBlob, in words per second.

Builds N statements of the seed's size by reshuffling the seed's sentences
(fixed random seed), then times, in the same run:

* the floor: bare ``TextBlob(text).sentiment`` on each whole text;
* the tone notebook's sentence-level scoring of the same texts: TextBlob and
  VADER per sentence with their evidence and leak removal
  (:func:`readout.sentiment.score_statement`) and the diplomatic tone
  (:func:`readout.tone.tone_table`'s matching). The statement model is built
  beforehand and timed on its own line.

Target: at least a third of the floor's throughput (at most 3x its time).
Run: ``python bench/sentiment_throughput.py [-n 1000]``.
"""

from __future__ import annotations

import sys

from textblob import TextBlob

from readout import parse_statement
from readout.sentiment import score_statement
from readout.tone import load_tone_lexicon, sentence_tone

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from structure_throughput import seconds_for_each, texts_from_command_line  # noqa: E402  (same texts, same timing)

TARGET = 1 / 3


def main() -> int:
    args, texts, words = texts_from_command_line(__doc__.split("\n")[0])
    lexicon = load_tone_lexicon()
    first = parse_statement(texts[0])
    score_statement(first), TextBlob(texts[0]).sentiment  # load lexicons once, untimed
    bare = seconds_for_each(texts, lambda t: TextBlob(t).sentiment)
    statements: list = []
    model = seconds_for_each(texts, lambda t: statements.append(parse_statement(t)))

    def scoring(statement) -> None:
        score_statement(statement)
        for s in statement.sentences:
            sentence_tone(s, lexicon)

    ours = seconds_for_each(statements, scoring)
    share = bare / ours
    from textblob.en import sentiment as pattern_sentiment  # what TextBlob's analyzer calls

    textblob_only = seconds_for_each([s.text for st in statements for s in st.sentences], pattern_sentiment)
    print(f"{args.statements} statements, {words:,} words (seed's sentences reshuffled)")
    print(f"bare TextBlob(text).sentiment:  {bare:6.2f} s  {words / bare:9,.0f} words/s")
    print(f"sentence-level scoring:         {ours:6.2f} s  {words / ours:9,.0f} words/s   "
          f"{share:.2f} of the bare throughput")
    print(f"  of which TextBlob per sentence: {textblob_only:6.2f} s  {words / textblob_only:9,.0f} words/s   "
          f"{bare / textblob_only:.2f} of the bare throughput (VADER and leak removal are the rest)")
    print(f"statement model:                {model:6.2f} s  {words / model:9,.0f} words/s   (built once, shared)")
    print(f"target: at least {TARGET:.2f} of the bare throughput -> {'met' if share >= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
