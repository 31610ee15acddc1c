"""How do many statements compare? The corpus engine writes every statement's rows as Parquet
tables on Dask (:mod:`.corpus`); the comparison lines them up: headlines, percentiles,
keyness, theme shares, tone over time (:mod:`.compare`, with :mod:`.figures`), and runs the
comparison notebook into a report (:mod:`.comparison`).
"""

from __future__ import annotations

from .compare import (
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
    percentile,
    percentile_table,
    read_collection,
    skipped_table,
    statement_list,
    summary_table,
    theme_matrix,
    tone_over_time,
)
from .comparison import COMPARE_NOTEBOOK, run_comparison
from .corpus import BATCH_SIZE, MANIFEST, CorpusRun, analyse_batch, frames_from_rows, read_corpus, run_corpus, schemas
from .figures import LABELLED, measure_figure, theme_share_figure, tone_time_figure

__all__ = [
    "Collection", "make_collection", "build_collection", "read_collection", "headline_table",
    "summary_table", "percentile_table", "PERCENTILE_MEASURES", "keyness_table", "key_terms_summary",
    "theme_matrix", "tone_over_time", "collection_reading", "collection_provenance", "statement_list",
    "skipped_table", "percentile", "log_likelihood", "log_ratio", "SIGNIFICANCE", "Paged", "paged",
    "COMPARE_NOTEBOOK", "run_comparison", "CorpusRun", "BATCH_SIZE", "MANIFEST", "run_corpus",
    "read_corpus", "analyse_batch", "schemas", "frames_from_rows", "LABELLED", "theme_share_figure",
    "measure_figure", "tone_time_figure"
]
