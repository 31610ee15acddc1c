"""What are the words of a sentence?

A regular-expression tokenizer with character offsets, written for policy
prose: abbreviations with inner periods ("U.S."), hyphenated names and codes
("U.S.-Honduras", "MS-13", "at-risk"), numbers ("2024", "$100.00", "1,000"), words that begin
with digits ("66th", "5G", "1990s")
and contractions ("Honduras’s", "don't") stay whole; punctuation is separate.
It needs no downloaded data.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "tokenize", "is_word"]

_TOKEN = re.compile(
    r"""
    (?P<url>https?://\S+[^\s.,;:!?)\]"'”’]|www\.\S+[^\s.,;:!?)\]"'”’])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<abbrev>(?:[A-Za-z]\.){2,}(?:-[\w’']+(?:[-.][\w’']+)*)?)        # U.S. / U.S.-Honduras
  | (?P<word>(?:\d+[^\W\d_]|[^\W\d])\w*(?:[-'’.&]\w+)*)                # MS-13 Honduras’s 66th 5G (not 1.5bn)
  | (?P<number>[$€£]?\d+(?:[.,:/]\d+)*(?:%|(?:-[A-Za-z]\w*))?)           # 2024 1,000 $100.00 3:30 10-year
  | (?P<punct>\S)
    """,
    re.X,
)
_KNOWN_ABBREV = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Jr|Sr|Co|Inc|Ltd|Corp|Gen|Sen|Rep|Gov|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc)$")


class Token(NamedTuple):
    """One token: ``text`` is ``statement.text[start:end]``.

    ``kind`` is ``word``, ``number``, ``abbrev``, ``url``, ``email`` or ``punct``.
    A named tuple (immutable, cheap to build: a statement has thousands).
    """

    text: str
    start: int
    end: int
    kind: str


def is_word(token: Token) -> bool:
    """True for tokens that count as words (everything but punctuation)."""
    return token.kind != "punct"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens whose offsets are into ``text`` plus ``offset``.

    A word listed as a common abbreviation ("Dr", "Jan", "Inc") keeps its
    period when one follows directly ("Dr." is one token).
    """
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        start, end = m.span()
        word = m.group()
        if kind == "punct" and word == "." and out and out[-1].end == offset + start:
            prev = out[-1]
            if prev.kind == "word" and _KNOWN_ABBREV.match(prev.text):
                out[-1] = Token(prev.text + ".", prev.start, offset + end, "abbrev")
                continue
        append(Token(word, offset + start, offset + end, kind))
    return out
