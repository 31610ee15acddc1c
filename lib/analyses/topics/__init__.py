"""What is the statement about, and what does it leave out? Key terms by TF-IDF
(:mod:`.keyterms`), policy themes from an editable lexicon with shares, agenda order, flow,
silences and coverage (:mod:`.themes`), and an exploratory topic model (:mod:`.topicmodel`).

The names below are imported from their modules on first use, so importing the package costs
nothing until a name is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout._lazy import lazy_exports

if TYPE_CHECKING:
    from .keyterms import idf, key_terms_table, phrase_scores, term_scores
    from .themes import (
        COVERAGE_WARNING_BELOW,
        SUBSTANCE_SHARE,
        StatementThemes,
        ThemeLexicon,
        ThemeMatch,
        agenda_reading,
        coverage_reading,
        coverage_table,
        expected_themes,
        load_theme_lexicon,
        read_themes,
        sentence_theme_table,
        silence_reading,
        silences,
        theme_column,
        theme_flow,
        theme_key,
        theme_share_table,
        themes_in_substance,
        top_themes,
        unmatched_sentences,
    )
    from .topicmodel import (
        MAX_ITER,
        TOL,
        TopicModel,
        fit_topics,
        nmf,
        scale_reading,
        sentence_topic_table,
        topic_reading,
        topic_terms_table,
        topic_theme_table,
    )

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "idf": "keyterms", "term_scores": "keyterms", "phrase_scores": "keyterms", "key_terms_table": "keyterms",
    "ThemeLexicon": "themes", "ThemeMatch": "themes", "StatementThemes": "themes", "load_theme_lexicon": "themes",
    "expected_themes": "themes", "read_themes": "themes", "theme_column": "themes", "theme_key": "themes",
    "top_themes": "themes", "themes_in_substance": "themes", "SUBSTANCE_SHARE": "themes", "COVERAGE_WARNING_BELOW":
    "themes", "sentence_theme_table": "themes", "theme_share_table": "themes", "theme_flow": "themes", "silences":
    "themes", "coverage_table": "themes", "unmatched_sentences": "themes", "agenda_reading": "themes",
    "silence_reading": "themes", "coverage_reading": "themes", "nmf": "topicmodel", "TopicModel": "topicmodel",
    "fit_topics": "topicmodel", "topic_terms_table": "topicmodel", "sentence_topic_table": "topicmodel",
    "topic_theme_table": "topicmodel", "topic_reading": "topicmodel", "scale_reading": "topicmodel", "MAX_ITER":
    "topicmodel", "TOL": "topicmodel"
}
__all__ = [
    "idf", "term_scores", "phrase_scores", "key_terms_table", "ThemeLexicon", "ThemeMatch", "StatementThemes",
    "load_theme_lexicon", "expected_themes", "read_themes", "theme_column", "theme_key", "top_themes",
    "themes_in_substance", "SUBSTANCE_SHARE", "COVERAGE_WARNING_BELOW", "sentence_theme_table", "theme_share_table",
    "theme_flow", "silences", "coverage_table", "unmatched_sentences", "agenda_reading", "silence_reading",
    "coverage_reading", "nmf", "TopicModel", "fit_topics", "topic_terms_table", "sentence_topic_table",
    "topic_theme_table", "topic_reading", "scale_reading", "MAX_ITER", "TOL"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
