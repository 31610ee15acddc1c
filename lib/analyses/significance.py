"""How unlikely is a count to be chance? The log-likelihood G² and what its value means.

G² = 2 Σ O ln(O/E) over the cells of a table, each observed count O beside the count E expected if
the words were independent draws, with 0 ln 0 = 0 (Dunning 1993). Two analyses use it on different
cells, each as its field does: the collocations of the style notebook on the whole 2×2 table of a
word pair against all other pairs (:func:`contingency_g2`); the keyness of the comparison on the two
cells of a term, here and in the rest (Rayson & Garside 2000, the form of the UCREL calculator,
WordSmith and AntConc: :func:`readout.collection.contrast.log_likelihood`).

With one degree of freedom, G² ≥ 3.84 means p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001 and 15.13
p < 0.0001; :func:`p_value` gives the p-value itself. Words in a text are not independent draws, so
read these as a ranking and a rough guide, not as a test; and a text tests many words at once, so a
caller reporting "significant" terms controls for their number (the comparison's keyness does, by
Benjamini–Hochberg).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = ["g2", "contingency_g2", "p_value"]


def g2(*cells: tuple[Any, Any]) -> Any:
    """2 Σ O ln(O/E) over the (observed, expected) ``cells``, 0 ln 0 = 0; 0 or more. Each count may be
    a number or a numpy array (then so is the result, element by element)."""
    total: Any = 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        for observed, expected in cells:
            o = np.asarray(observed, dtype="float64")
            total = total + np.where(o > 0, o * np.log(o / np.asarray(expected, dtype="float64")), 0.0)
    value = 2.0 * np.asarray(total)
    return float(value) if value.ndim == 0 else value


def contingency_g2(o11: Any, o12: Any, o21: Any, o22: Any) -> Any:
    """G² of a 2×2 table of counts (rows: with x, without x; columns: with y, without y), each cell
    against the count its row and column totals lead one to expect."""
    n = o11 + o12 + o21 + o22
    rows, cols = (o11 + o12, o21 + o22), (o11 + o21, o12 + o22)
    return g2((o11, rows[0] * cols[0] / n), (o12, rows[0] * cols[1] / n),
              (o21, rows[1] * cols[0] / n), (o22, rows[1] * cols[1] / n))


def p_value(value: Any) -> Any:
    """The p-value of a G² with one degree of freedom: P(χ²₁ ≥ G²) = erfc(√(G²/2)), from 0 to 1 (1 for a
    G² of 0). A number or a numpy array, element by element."""
    roots = np.sqrt(np.asarray(value, dtype="float64") / 2.0)
    p = np.vectorize(math.erfc, otypes=["float64"])(roots)
    return float(p) if np.ndim(p) == 0 else p
