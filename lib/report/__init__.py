"""How is an analysis shown to a reader? Figures in one house style (:mod:`.figures`), the
summary's headlines (:mod:`.summary`), tables as a page shows them (:mod:`.display`), provenance (:mod:`.provenance`), the CSV tables
(:mod:`.tables`) and the HTML pages (:mod:`.export`). Imports analyses; never the run or
collection layers.
"""

from __future__ import annotations

from .display import readable, show
from .export import (
    PageContext,
    notebook_title,
    notebook_to_html,
    strip_directories,
    warm_up,
    write_archive_index,
    write_index,
)
from .figures import (
    PLAIN_LANGUAGE_GRADE,
    actor_tone_figure,
    balance_figure,
    credit_graph_figure,
    dispersion_figure,
    key_terms_figure,
    lexicon_comparison_figure,
    mentions_figure,
    readability_figure,
    sentence_length_figure,
    sentiment_arc_figure,
    theme_flow_figure,
    theme_share_figure,
    topic_weights_figure,
    use_house_style,
)
from .provenance import git_commit, package_versions, provenance_table, requirement_names, shown_value
from .summary import SECTIONS, Headline, Headlines, anchor, headlines
from .tables import save_tables

__all__ = [
    "readable", "show", "PageContext", "notebook_title", "notebook_to_html", "strip_directories", "warm_up",
    "write_index", "write_archive_index", "use_house_style", "sentence_length_figure", "mentions_figure",
    "readability_figure", "dispersion_figure", "sentiment_arc_figure", "lexicon_comparison_figure",
    "actor_tone_figure", "key_terms_figure", "theme_share_figure", "theme_flow_figure",
    "topic_weights_figure", "credit_graph_figure", "balance_figure", "PLAIN_LANGUAGE_GRADE",
    "requirement_names", "package_versions", "git_commit", "provenance_table", "shown_value", "Headline",
    "Headlines", "headlines", "anchor", "SECTIONS", "save_tables"
]
