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
    from .phrases import GAP_WORDS, FormMatch, FormMatcher, PhraseLexicon, Phrases
    from .readings import Reading, attempt, table_or
    from .rows import COLUMNS, LEVELS, StatementRows, analyse
    from .stance import (
        MAX_GAP_WORDS,
        ActorTone,
        Directed,
        Stance,
        actor_tones,
        directed_matches,
        most_praised,
        most_pressed,
        people_of,
        stance_document_reading,
        stance_reading,
        stance_table,
        statement_stance,
    )
    from .terms import (
        PLURAL_SENSES,
        NameOccurrence,
        WordOccurrence,
        fold,
        name_occurrences,
        term_counts,
        term_occurrences,
        top_terms,
        word_occurrences,
    )

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "overview": "anatomy", "metadata_table": "anatomy", "paragraph_table": "anatomy", "sentence_table": "anatomy",
    "mention_table": "anatomy", "mentions_by_paragraph": "anatomy", "sentence_length_summary": "anatomy",
    "sentence_length_reading": "anatomy", "LONG_SENTENCE_WORDS": "anatomy", "DATA_FILE_PARAMETERS": "lexicons",
    "Lexicons": "lexicons", "data_file_parameters": "lexicons", "Phrases": "phrases", "PhraseLexicon": "phrases",
    "FormMatcher": "phrases", "FormMatch": "phrases", "GAP_WORDS": "phrases", "Reading": "readings", "attempt":
    "readings", "table_or": "readings", "LEVELS": "rows", "StatementRows": "rows", "analyse": "rows", "COLUMNS":
    "rows", "people_of": "stance", "statement_stance": "stance", "stance_document_reading": "stance", "Stance":
    "stance", "Directed": "stance", "ActorTone": "stance", "directed_matches": "stance", "actor_tones": "stance",
    "stance_table": "stance", "most_pressed": "stance", "most_praised": "stance", "stance_reading": "stance",
    "MAX_GAP_WORDS": "stance", "PLURAL_SENSES": "terms", "fold": "terms", "WordOccurrence": "terms",
    "word_occurrences": "terms", "NameOccurrence": "terms", "name_occurrences": "terms", "term_occurrences":
    "terms", "term_counts": "terms", "top_terms": "terms"
}
__all__ = [
    "overview", "metadata_table", "paragraph_table", "sentence_table", "mention_table", "mentions_by_paragraph",
    "sentence_length_summary", "sentence_length_reading", "LONG_SENTENCE_WORDS", "DATA_FILE_PARAMETERS", "Lexicons",
    "data_file_parameters", "Phrases", "PhraseLexicon", "FormMatcher", "FormMatch", "GAP_WORDS", "Reading",
    "attempt", "table_or", "LEVELS", "StatementRows", "analyse", "COLUMNS", "people_of", "statement_stance",
    "stance_document_reading", "Stance", "Directed", "ActorTone", "directed_matches", "actor_tones", "stance_table",
    "most_pressed", "most_praised", "stance_reading", "MAX_GAP_WORDS", "PLURAL_SENSES", "fold", "WordOccurrence",
    "word_occurrences", "NameOccurrence", "name_occurrences", "term_occurrences", "term_counts", "top_terms"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
