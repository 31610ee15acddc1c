"""What is in the file? The statement model that every analysis shares.

A file is read and checked (:mod:`.source`), its wrapping found: header, dateline, end
markers (:mod:`.layout`); its body split into sentences with character offsets
(:mod:`.segment`) and tokens (:mod:`.tokens`); the actors it names found (:mod:`.mentions`);
all built once into one immutable :class:`Statement` (:mod:`.statement`). Views of it that
several analyses read: part-of-speech tags (:mod:`.tagging`), whether it is English
(:mod:`.language`), syllables from the CMU dictionary (:mod:`.syllables`) and the date it
was issued (:mod:`.dates`). Nothing here imports an analysis.
"""

from __future__ import annotations

from .dates import StatementDate, parse_date, statement_date
from .language import (
    MIN_DICTIONARY_SHARE,
    MIN_ENGLISH_SHARE,
    NotComputable,
    dictionary_share,
    english_share,
    language_reading,
    looks_english,
    require_english,
    stopwords,
)
from .layout import Block, Dateline, Layout, Line, find_layout
from .mentions import DEFAULT_ACTORS, Actor, ActorLexicon, ActorMention, find_mentions, load_actor_lexicon
from .segment import SENTENCE_STARTERS, TITLES, split_sentences
from .source import MAX_BYTES, SourceText, decode_source, normalize_text, read_source
from .statement import Paragraph, Sentence, Statement, load_statement, parse_statement, slugify, statement_from_bytes
from .syllables import count_syllables, rule_syllables, syllable_table
from .tagging import TaggedSentence, TaggedStatement, TaggedToken, tag_statement
from .tokens import Token, is_word, tokenize

__all__ = [
    "StatementDate", "parse_date", "statement_date", "NotComputable", "stopwords", "english_share",
    "dictionary_share", "looks_english", "require_english", "language_reading", "MIN_ENGLISH_SHARE",
    "MIN_DICTIONARY_SHARE", "Line", "Dateline", "Block", "Layout", "find_layout", "Actor", "ActorMention",
    "ActorLexicon", "load_actor_lexicon", "find_mentions", "DEFAULT_ACTORS", "split_sentences", "TITLES",
    "SENTENCE_STARTERS", "MAX_BYTES", "SourceText", "read_source", "decode_source", "normalize_text",
    "Sentence", "Paragraph", "Statement", "load_statement", "statement_from_bytes", "parse_statement",
    "slugify", "count_syllables", "rule_syllables", "syllable_table", "TaggedToken", "TaggedSentence",
    "TaggedStatement", "tag_statement", "Token", "tokenize", "is_word"
]
