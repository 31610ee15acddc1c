"""How do many statements compare? The corpus engine writes every statement's rows as Parquet
tables on Dask (:mod:`.corpus`); the comparison lines them up: headlines, percentiles,
keyness, theme shares, tone over time (:mod:`.contrast`, with :mod:`.figures`), and runs the
comparison notebook into a report (:mod:`.comparison_report`). How well the tool reads a labelled folder
of real statements: :mod:`.validation` (``python -m readout validate``).
"""
