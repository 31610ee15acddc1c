"""Which words are English function words? The list every measure that leaves them out reads.

``data/stopwords_en.txt``: articles, pronouns, prepositions, conjunctions, auxiliaries and the like
(lower case). A leaf of the text layer: it imports nothing of the package.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["stopwords"]


@cache
def stopwords() -> frozenset[str]:
    """The English function words in ``data/stopwords_en.txt`` (lower case)."""
    text = resources.files("readout").joinpath("data/stopwords_en.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())
