"""readout: take a government or diplomatic statement apart, reproducibly.

Build the model once, then measure it::

    from readout import load_statement
    from readout.analyses import anatomy
    statement = load_statement("seeds/000_1844251938b000cf.txt")
    anatomy.sentence_table(statement)

The sub-packages are the layers, each importing only those below it:
:mod:`~readout.text` (file → :class:`Statement`), :mod:`~readout.analyses` (one
sub-package per question: anatomy, style, tone, topics, actors; and the rows the summary
and the corpus engine read), :mod:`~readout.report` (figures, headlines, provenance, CSV
and HTML), :mod:`~readout.run` (parameters, kernels, one report, batch runs, publishing)
and :mod:`~readout.collection` (the corpus engine and the comparison); :mod:`~readout.cli`
on top. :mod:`~readout.errors`, :mod:`~readout.paths`, :mod:`~readout.datafiles` and
:mod:`~readout.fields` (table fields and their reader labels) serve every layer.
"""

from .errors import BadInputError, ReadoutError, UsageError
from .text.statement import Paragraph, Sentence, Statement, load_statement, parse_statement

__all__ = [
    "BadInputError",
    "ReadoutError",
    "UsageError",
    "Paragraph",
    "Sentence",
    "Statement",
    "load_statement",
    "parse_statement",
]
__version__ = "0.1.0"
