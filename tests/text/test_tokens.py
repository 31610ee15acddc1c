"""The tokenizer: one token per word, number, abbreviation or mark, with offsets into the text."""

from __future__ import annotations

import pytest

from readout.text.tokens import tokenize


@pytest.mark.parametrize("text, expected", [
    # an ordinal, a decade, a code that starts with digits: one word
    ("the 66th division", [("the", "word"), ("66th", "word"), ("division", "word")]),
    ("1990s 5G 12th-century", [("1990s", "word"), ("5G", "word"), ("12th-century", "word")]),
    # a number with a unit written after it: the number whole, then the unit
    ("$1.5bn", [("$1.5", "number"), ("bn", "word")]),
    ("3:30pm", [("3:30", "number"), ("pm", "word")]),
    ("1,000km", [("1,000", "number"), ("km", "word")]),
    # numbers, hyphenated words, abbreviations
    ("2024 $100.00 10-year 24/7 100%", [("2024", "number"), ("$100.00", "number"), ("10-year", "number"),
                                        ("24/7", "number"), ("100%", "number")]),
    ("MS-13 COVID-19 Honduras’s U.S.-Honduras", [("MS-13", "word"), ("COVID-19", "word"), ("Honduras’s", "word"),
                                                ("U.S.-Honduras", "abbrev")]),
])
def test_words_numbers_and_units(text, expected):
    tokens = tokenize(text, offset=5)
    assert [(t.text, t.kind) for t in tokens] == expected
    assert all(text[t.start - 5:t.end - 5] == t.text for t in tokens)
