"""What does the statement say, and how? One sub-package per question a notebook asks.

:mod:`.anatomy` (how is it built?), :mod:`.style` (how is it written?), :mod:`.tone` (what
tone does it take, toward whom?), :mod:`.topics` (what is it about?), :mod:`.actors` (who does
what to whom, who promises what?). Beside them, what they share: :mod:`.readings` (sentences
for a reader, rendered from the numbers), :mod:`.phrases` (finding a lexicon's phrases in
text), :mod:`.terms` (content words, folded), :mod:`.lexicons` (the editable data files,
loaded once) and :mod:`.rows` (a statement's analyses as rows at five levels: what the summary
page and the corpus engine both read). Analyses import the text model, never the report, run
or collection layers.
"""

from __future__ import annotations

from .anatomy import (
    LONG_SENTENCE_WORDS,
    mention_table,
    mentions_by_paragraph,
    metadata_table,
    overview,
    paragraph_table,
    sentence_length_reading,
    sentence_length_summary,
    sentence_table,
)
from .lexicons import DATA_FILE_PARAMETERS, Lexicons, data_file_parameters
from .phrases import PhraseLexicon, PhraseMatcher, Phrases
from .readings import Reading, attempt, table_or
from .rows import COLUMNS, LEVELS, StatementRows, analyse
from .terms import PLURAL_SENSES, WordOccurrence, fold, term_counts, term_occurrences, top_terms, word_occurrences

__all__ = [
    "overview", "metadata_table", "paragraph_table", "sentence_table", "mention_table",
    "mentions_by_paragraph", "sentence_length_summary", "sentence_length_reading", "LONG_SENTENCE_WORDS",
    "DATA_FILE_PARAMETERS", "Lexicons", "data_file_parameters", "Phrases", "PhraseMatcher", "PhraseLexicon",
    "Reading", "attempt", "table_or", "LEVELS", "StatementRows", "analyse", "COLUMNS", "PLURAL_SENSES",
    "fold", "WordOccurrence", "word_occurrences", "term_occurrences", "term_counts", "top_terms"
]
