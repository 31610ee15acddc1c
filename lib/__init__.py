"""readout: take a government or diplomatic statement apart, reproducibly.

Build the model once, then measure it::

    from readout import load_statement, anatomy
    statement = load_statement("seeds/000_1844251938b000cf.txt")
    anatomy.sentence_table(statement)

Modules are named for the question they answer: :mod:`~readout.statement`
(the model), :mod:`~readout.segment` (sentence boundaries),
:mod:`~readout.layout` (header, dateline, body), :mod:`~readout.actors`
(who is named), :mod:`~readout.anatomy` (how the statement is built),
:mod:`~readout.readability` and its neighbours (how it is written),
:mod:`~readout.sentiment` and :mod:`~readout.tone` (what tone it takes),
:mod:`~readout.keyterms`, :mod:`~readout.themes` and
:mod:`~readout.topicmodel` (what it is about), :mod:`~readout.runner`
(reports with papermill).
"""

from .errors import BadInputError, ReadoutError, UsageError
from .statement import Paragraph, Sentence, Statement, load_statement, parse_statement

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
