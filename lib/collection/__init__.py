"""How do many statements compare? The corpus engine writes every statement's rows as Parquet
tables on Dask (:mod:`.corpus`); the comparison lines them up: headlines, percentiles,
keyness, theme shares, tone over time (:mod:`.contrast`, with :mod:`.figures`), and runs the
comparison notebook into a report (:mod:`.comparison_report`). What changed from one statement to
another: sentences, actors, tone toward each, commitments, themes (:mod:`.change`, ``python -m
readout diff``), and how much of the hand-labelled changes between real statements it finds
(:mod:`.change_accuracy`). How well the tool reads a labelled folder
of real statements: :mod:`.validation` (``python -m readout validate``).
"""
