"""What does the statement say, and how? One sub-package per question a notebook asks.

:mod:`.anatomy` (how is it built?), :mod:`.style` (how is it written?), :mod:`.tone` (what
tone does it take, toward whom?), :mod:`.topics` (what is it about?), :mod:`.actors` (who does
what to whom, who promises what?). Beside them, what they share: :mod:`.readings` (sentences
for a reader, rendered from the numbers), :mod:`.phrases` (finding a lexicon's phrases in
text), :mod:`.terms` (content words, folded), :mod:`.lexicons` (the editable data files,
loaded once) and :mod:`.rows` (a statement's analyses as rows at seven levels: what the summary
page and the corpus engine both read). Analyses import the text model, never the report, run
or collection layers.

The names below are imported from their modules on first use, so importing the package costs
nothing until a name is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout._lazy import lazy_exports

if TYPE_CHECKING:
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

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "overview": "anatomy", "metadata_table": "anatomy", "paragraph_table": "anatomy", "sentence_table": "anatomy",
    "mention_table": "anatomy", "mentions_by_paragraph": "anatomy", "sentence_length_summary": "anatomy",
    "sentence_length_reading": "anatomy", "LONG_SENTENCE_WORDS": "anatomy", "DATA_FILE_PARAMETERS": "lexicons",
    "Lexicons": "lexicons", "data_file_parameters": "lexicons", "Phrases": "phrases", "PhraseMatcher": "phrases",
    "PhraseLexicon": "phrases", "Reading": "readings", "attempt": "readings", "table_or": "readings", "LEVELS":
    "rows", "StatementRows": "rows", "analyse": "rows", "COLUMNS": "rows", "PLURAL_SENSES": "terms", "fold":
    "terms", "WordOccurrence": "terms", "word_occurrences": "terms", "term_occurrences": "terms", "term_counts":
    "terms", "top_terms": "terms"
}
__all__ = [
    "overview", "metadata_table", "paragraph_table", "sentence_table", "mention_table", "mentions_by_paragraph",
    "sentence_length_summary", "sentence_length_reading", "LONG_SENTENCE_WORDS", "DATA_FILE_PARAMETERS", "Lexicons",
    "data_file_parameters", "Phrases", "PhraseMatcher", "PhraseLexicon", "Reading", "attempt", "table_or", "LEVELS",
    "StatementRows", "analyse", "COLUMNS", "PLURAL_SENSES", "fold", "WordOccurrence", "word_occurrences",
    "term_occurrences", "term_counts", "top_terms"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
