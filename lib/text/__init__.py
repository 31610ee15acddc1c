"""What is in the file? The statement model that every analysis shares.

A file is read and checked (:mod:`.source`), its wrapping found: header, dateline, end
markers (:mod:`.layout`); its body split into sentences with character offsets
(:mod:`.segment`) and tokens (:mod:`.tokens`); the actors it names found: the gazetteer of every
country (:mod:`.gazetteer`) and the actor file (:mod:`.mentions`), organisations known by the form of
their names (:mod:`.names`) and people introduced by a title or role (:mod:`.people`);
all built once into one immutable :class:`Statement` (:mod:`.statement`). Views of it that
several analyses read: part-of-speech tags (:mod:`.tagging`), whether it is English
(:mod:`.language`), syllables from the CMU dictionary (:mod:`.syllables`) and the date it
was issued (:mod:`.dates`). Nothing here imports an analysis.

The names below are imported from their modules on first use, so importing the package costs
nothing until a name is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout._lazy import lazy_exports

if TYPE_CHECKING:
    from .dates import StatementDate, parse_date, statement_date
    from .gazetteer import CONTESTED_CAPITALS, SHOWN, Country, countries
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
    from .lemmas import forms_of, forms_table, normal_form
    from .mentions import DEFAULT_ACTORS, KINDS, Actor, ActorLexicon, ActorMention, find_mentions, load_actor_lexicon
    from .names import (
        NOT_ACTOR_WORDS,
        ORGANISATION_HEADS,
        REGIONS,
        NameSpan,
        Organisation,
        find_organisations,
        in_a_title,
        inside_a_name,
        name_spans,
    )
    from .people import ROLES, Person, find_people
    from .segment import SENTENCE_STARTERS, TITLES, split_sentences
    from .source import MAX_BYTES, SourceText, decode_source, normalize_text, read_checked_bytes, read_source
    from .statement import (
        Paragraph,
        Sentence,
        Statement,
        load_statement,
        parse_statement,
        slugify,
        statement_from_bytes,
    )
    from .syllables import count_syllables, rule_syllables, syllable_table
    from .tagging import TaggedSentence, TaggedStatement, TaggedToken, tag_statement
    from .tokens import Token, is_word, tokenize

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "StatementDate": "dates", "parse_date": "dates", "statement_date": "dates", "Country": "gazetteer", "countries":
    "gazetteer", "SHOWN": "gazetteer", "CONTESTED_CAPITALS": "gazetteer", "NotComputable": "language", "stopwords":
    "language", "english_share": "language", "dictionary_share": "language", "looks_english": "language",
    "require_english": "language", "language_reading": "language", "MIN_ENGLISH_SHARE": "language",
    "MIN_DICTIONARY_SHARE": "language", "Line": "layout", "Dateline": "layout", "Block": "layout", "Layout":
    "layout", "find_layout": "layout", "forms_of": "lemmas", "forms_table": "lemmas", "normal_form": "lemmas",
    "Actor": "mentions", "ActorMention": "mentions", "ActorLexicon": "mentions", "load_actor_lexicon": "mentions",
    "find_mentions": "mentions", "DEFAULT_ACTORS": "mentions", "KINDS": "mentions", "NameSpan": "names",
    "name_spans": "names", "REGIONS": "names", "in_a_title": "names", "inside_a_name": "names",
    "ORGANISATION_HEADS": "names", "NOT_ACTOR_WORDS": "names", "find_organisations": "names", "Organisation":
    "names", "Person": "people", "find_people": "people", "TITLES": "segment", "ROLES": "people", "split_sentences":
    "segment", "SENTENCE_STARTERS": "segment", "MAX_BYTES": "source", "SourceText": "source", "read_source":
    "source", "decode_source": "source", "normalize_text": "source", "read_checked_bytes": "source", "Sentence":
    "statement", "Paragraph": "statement", "Statement": "statement", "load_statement": "statement",
    "statement_from_bytes": "statement", "parse_statement": "statement", "slugify": "statement", "count_syllables":
    "syllables", "rule_syllables": "syllables", "syllable_table": "syllables", "TaggedToken": "tagging",
    "TaggedSentence": "tagging", "TaggedStatement": "tagging", "tag_statement": "tagging", "Token": "tokens",
    "tokenize": "tokens", "is_word": "tokens"
}
__all__ = [
    "StatementDate", "parse_date", "statement_date", "Country", "countries", "SHOWN", "CONTESTED_CAPITALS",
    "NotComputable", "stopwords", "english_share", "dictionary_share", "looks_english", "require_english",
    "language_reading", "MIN_ENGLISH_SHARE", "MIN_DICTIONARY_SHARE", "Line", "Dateline", "Block", "Layout",
    "find_layout", "forms_of", "forms_table", "normal_form", "Actor", "ActorMention", "ActorLexicon",
    "load_actor_lexicon", "find_mentions", "DEFAULT_ACTORS", "KINDS", "NameSpan", "name_spans", "REGIONS",
    "in_a_title", "inside_a_name", "ORGANISATION_HEADS", "NOT_ACTOR_WORDS", "find_organisations", "Organisation",
    "Person", "find_people", "TITLES", "ROLES", "split_sentences", "SENTENCE_STARTERS", "MAX_BYTES", "SourceText",
    "read_source", "decode_source", "normalize_text", "read_checked_bytes", "Sentence", "Paragraph", "Statement",
    "load_statement", "statement_from_bytes", "parse_statement", "slugify", "count_syllables", "rule_syllables",
    "syllable_table", "TaggedToken", "TaggedSentence", "TaggedStatement", "tag_statement", "Token", "tokenize",
    "is_word"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
