"""How is an analysis shown to a reader? Figures in one house style (:mod:`.figures`), their
labels measured and laid out, wide and for phones (:mod:`.figure_layout`), and shown as a
``<picture>`` of both (:mod:`.pictures`); the summary's headlines (:mod:`.summary`), tables as a
page shows them (:mod:`.display`), provenance (:mod:`.provenance`), the CSV tables
(:mod:`.tables`), the glossary of the terms a page uses (:mod:`.glossary`) and the HTML pages
(:mod:`.export`, with what a page makes of a notebook in :mod:`.page`). Imports analyses; never the run or
collection layers.
"""
