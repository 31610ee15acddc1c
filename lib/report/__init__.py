"""How is an analysis shown to a reader? Figures in one house style (:mod:`.figures`), the
summary's headlines (:mod:`.summary`), tables as a page shows them (:mod:`.display`), provenance (:mod:`.provenance`), the CSV tables
(:mod:`.tables`) and the HTML pages (:mod:`.export`). Imports analyses; never the run or
collection layers.

The names below are imported from their modules on first use, so importing the package costs
nothing until a name is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout._lazy import lazy_exports

if TYPE_CHECKING:
    from .display import FOLD_AFTER, TableView, cell_text, readable, show
    from .export import (
        DETAIL,
        NOTEBOOK_ONLY,
        PageContext,
        is_archive_index,
        notebook_title,
        notebook_to_html,
        page_name,
        strip_directories,
        warm_up,
        write_archive_index,
        write_index,
    )
    from .figures import (
        NARROW_MEDIA,
        NARROW_WIDTH,
        PLAIN_LANGUAGE_GRADE,
        WIDE_WIDTH,
        actor_tone_figure,
        balance_figure,
        credit_graph_figure,
        dispersion_figure,
        figure_bundle,
        figure_png,
        figure_text,
        key_terms_figure,
        lexicon_comparison_figure,
        mentions_figure,
        narrow_copy,
        picture_html,
        readability_figure,
        sentence_length_figure,
        sentiment_arc_figure,
        theme_flow_figure,
        theme_share_figure,
        topic_weights_figure,
        use_house_style,
    )
    from .glossary import GLOSSARY, Term, terms_on
    from .provenance import git_commit, package_versions, provenance_table, requirement_names, shown_value
    from .summary import SECTIONS, Headline, Headlines, anchor, coverage_warning, headlines
    from .tables import SavedTables, save_tables

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "FOLD_AFTER": "display", "TableView": "display", "cell_text": "display", "readable": "display", "show":
    "display", "DETAIL": "export", "NOTEBOOK_ONLY": "export", "PageContext": "export", "is_archive_index": "export",
    "notebook_title": "export", "notebook_to_html": "export", "page_name": "export", "strip_directories": "export",
    "warm_up": "export", "write_index": "export", "write_archive_index": "export", "NARROW_MEDIA": "figures",
    "NARROW_WIDTH": "figures", "PLAIN_LANGUAGE_GRADE": "figures", "WIDE_WIDTH": "figures", "actor_tone_figure":
    "figures", "balance_figure": "figures", "credit_graph_figure": "figures", "dispersion_figure": "figures",
    "figure_bundle": "figures", "figure_png": "figures", "figure_text": "figures", "key_terms_figure": "figures",
    "lexicon_comparison_figure": "figures", "mentions_figure": "figures", "narrow_copy": "figures", "picture_html":
    "figures", "readability_figure": "figures", "sentence_length_figure": "figures", "sentiment_arc_figure":
    "figures", "theme_flow_figure": "figures", "theme_share_figure": "figures", "topic_weights_figure": "figures",
    "use_house_style": "figures", "Term": "glossary", "GLOSSARY": "glossary", "terms_on": "glossary",
    "requirement_names": "provenance", "package_versions": "provenance", "git_commit": "provenance",
    "provenance_table": "provenance", "shown_value": "provenance", "Headline": "summary", "Headlines": "summary",
    "headlines": "summary", "anchor": "summary", "coverage_warning": "summary", "SECTIONS": "summary",
    "SavedTables": "tables", "save_tables": "tables"
}
__all__ = [
    "FOLD_AFTER", "TableView", "cell_text", "readable", "show", "DETAIL", "NOTEBOOK_ONLY", "PageContext",
    "is_archive_index", "notebook_title", "notebook_to_html", "page_name", "strip_directories", "warm_up",
    "write_index", "write_archive_index", "NARROW_MEDIA", "NARROW_WIDTH", "PLAIN_LANGUAGE_GRADE", "WIDE_WIDTH",
    "actor_tone_figure", "balance_figure", "credit_graph_figure", "dispersion_figure", "figure_bundle",
    "figure_png", "figure_text", "key_terms_figure", "lexicon_comparison_figure", "mentions_figure", "narrow_copy",
    "picture_html", "readability_figure", "sentence_length_figure", "sentiment_arc_figure", "theme_flow_figure",
    "theme_share_figure", "topic_weights_figure", "use_house_style", "Term", "GLOSSARY", "terms_on",
    "requirement_names", "package_versions", "git_commit", "provenance_table", "shown_value", "Headline",
    "Headlines", "headlines", "anchor", "coverage_warning", "SECTIONS", "SavedTables", "save_tables"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
