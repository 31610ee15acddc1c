"""How is an analysis shown to a reader? Figures in one house style (:mod:`.figures`), the
summary's headlines (:mod:`.summary`), tables as a page shows them (:mod:`.display`), provenance (:mod:`.provenance`), the CSV tables
(:mod:`.tables`) and the HTML pages (:mod:`.export`). Imports analyses; never the run or
collection layers.
"""
