"""How do many statements compare? The corpus engine writes every statement's rows as Parquet
tables on Dask (:mod:`.corpus`); the comparison lines them up: headlines, percentiles,
keyness, theme shares, tone over time (:mod:`.compare`, with :mod:`.figures`), and runs the
comparison notebook into a report (:mod:`.comparison`). How well the tool reads a labelled folder
of real statements: :mod:`.validation` (``python -m readout validate``).

The names below are imported from their modules on first use, so importing the package costs
nothing until a name is needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from readout._lazy import lazy_exports

if TYPE_CHECKING:
    from .compare import (
        LABEL_TITLE,
        MIN_PEERS,
        PEER_SHARE,
        PERCENTILE_MEASURES,
        SIGNIFICANCE,
        Collection,
        Paged,
        build_collection,
        collection_provenance,
        collection_reading,
        headline_table,
        key_terms_summary,
        keyness_table,
        log_likelihood,
        log_ratio,
        make_collection,
        paged,
        peer_silences,
        percentile,
        percentile_table,
        read_collection,
        short_title,
        skipped_table,
        statement_label,
        statement_list,
        summary_table,
        theme_matrix,
        tone_over_time,
    )
    from .comparison import COMPARE_NOTEBOOK, run_comparison
    from .corpus import (
        BATCH_SIZE,
        MANIFEST,
        CorpusRun,
        analyse_batch,
        frames_from_rows,
        read_corpus,
        run_corpus,
        schemas,
    )
    from .figures import LABELLED, axis_label, measure_figure, theme_share_figure, tone_time_figure
    from .validation import (
        LABEL_COLUMNS,
        REFERENCE_SAMPLE_COLUMNS,
        SAMPLE_COLUMNS,
        TARGETS,
        Figure,
        Labelled,
        Validation,
        format_validation,
        label_found,
        meets_targets,
        precision_sample,
        read_labels,
        read_sample,
        sample_precision,
        sample_still_read,
        validate,
    )

#: Each public name and the module (in this package) that defines it.
_MODULE_OF = {
    "Collection": "compare", "make_collection": "compare", "build_collection": "compare", "read_collection":
    "compare", "headline_table": "compare", "summary_table": "compare", "percentile_table": "compare",
    "PERCENTILE_MEASURES": "compare", "keyness_table": "compare", "key_terms_summary": "compare", "theme_matrix":
    "compare", "peer_silences": "compare", "PEER_SHARE": "compare", "MIN_PEERS": "compare", "tone_over_time":
    "compare", "collection_reading": "compare", "collection_provenance": "compare", "statement_list": "compare",
    "skipped_table": "compare", "percentile": "compare", "log_likelihood": "compare", "log_ratio": "compare",
    "SIGNIFICANCE": "compare", "Paged": "compare", "paged": "compare", "statement_label": "compare", "short_title":
    "compare", "LABEL_TITLE": "compare", "COMPARE_NOTEBOOK": "comparison", "run_comparison": "comparison",
    "CorpusRun": "corpus", "BATCH_SIZE": "corpus", "MANIFEST": "corpus", "run_corpus": "corpus", "read_corpus":
    "corpus", "analyse_batch": "corpus", "schemas": "corpus", "frames_from_rows": "corpus", "LABELLED": "figures",
    "theme_share_figure": "figures", "measure_figure": "figures", "tone_time_figure": "figures", "axis_label":
    "figures", "LABEL_COLUMNS": "validation", "SAMPLE_COLUMNS": "validation", "REFERENCE_SAMPLE_COLUMNS":
    "validation", "Labelled": "validation", "read_labels": "validation", "Figure": "validation", "Validation":
    "validation", "validate": "validation", "label_found": "validation", "precision_sample": "validation",
    "read_sample": "validation", "sample_precision": "validation", "sample_still_read": "validation",
    "meets_targets": "validation", "format_validation": "validation", "TARGETS": "validation"
}
__all__ = [
    "Collection", "make_collection", "build_collection", "read_collection", "headline_table", "summary_table",
    "percentile_table", "PERCENTILE_MEASURES", "keyness_table", "key_terms_summary", "theme_matrix",
    "peer_silences", "PEER_SHARE", "MIN_PEERS", "tone_over_time", "collection_reading", "collection_provenance",
    "statement_list", "skipped_table", "percentile", "log_likelihood", "log_ratio", "SIGNIFICANCE", "Paged",
    "paged", "statement_label", "short_title", "LABEL_TITLE", "COMPARE_NOTEBOOK", "run_comparison", "CorpusRun",
    "BATCH_SIZE", "MANIFEST", "run_corpus", "read_corpus", "analyse_batch", "schemas", "frames_from_rows",
    "LABELLED", "theme_share_figure", "measure_figure", "tone_time_figure", "axis_label", "LABEL_COLUMNS",
    "SAMPLE_COLUMNS", "REFERENCE_SAMPLE_COLUMNS", "Labelled", "read_labels", "Figure", "Validation", "validate",
    "label_found", "precision_sample", "read_sample", "sample_precision", "sample_still_read", "meets_targets",
    "format_validation", "TARGETS"
]

__getattr__, __dir__ = lazy_exports(__name__, _MODULE_OF)
