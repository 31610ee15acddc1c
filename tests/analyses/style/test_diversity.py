"""Lexical diversity on token lists computed by hand."""

from __future__ import annotations

import re

import pytest

from readout.analyses.style.diversity import diversity_table, mattr, mtld, ttr
from readout.errors import NotComputable


def test_ttr():
    assert ttr(list("aabbab")) == pytest.approx(2 / 6)


def test_mattr_by_hand():
    # windows of 3 over a a b b a b: aab, abb, bba, bab -> 2/3 each -> 0.6667
    assert mattr(list("aabbab"), window=3) == pytest.approx(2 / 3)
    # windows of 2 over a b a a: ab (1), ba (1), aa (0.5) -> 2.5/3
    assert mattr(list("abaa"), window=2) == pytest.approx(2.5 / 3)
    # shorter than the window: plain TTR
    assert mattr(list("abca"), window=50) == pytest.approx(3 / 4)


def test_mtld_by_hand():
    # forward a b a | c: after "a b a" TTR = 2/3 <= 0.72: one factor; "c" left with TTR 1: partial 0 -> 4/1 = 4
    # backward c a b a: TTR 1, 1, 1, 3/4 = 0.75 > 0.72: partial (1 - 0.75)/(1 - 0.72) = 0.892857 -> 4/0.892857 = 4.48
    # MTLD = (4 + 4.48) / 2 = 4.24
    assert mtld(list("abac")) == pytest.approx(4.24, abs=0.001)
    # a b c a b | c a b c a: a factor ends at each 5th token both ways (TTR 3/5 = 0.6): 10/2 = 5
    assert mtld(list("abcabcabca")) == pytest.approx(5.0)


def test_seed_table(seed):
    table = diversity_table(seed)
    # the seed's words re-read here by a regular expression, lower-cased: 351 tokens of 199 types
    words = [w.lower() for s in seed.sentences for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", s.text)]
    assert (len(words), len(set(words))) == (351, 199)
    assert table.loc["ttr", "value"] == pytest.approx(199 / 351)
    assert table.loc["mattr", "meaning"].startswith("mean TTR over every window 50 tokens")
    # MATTR by its definition: the mean TTR of the 302 windows of 50 consecutive tokens (0.8108)
    windows = [words[i : i + 50] for i in range(len(words) - 50 + 1)]
    assert table.loc["mattr", "value"] == pytest.approx(sum(len(set(w)) / 50 for w in windows) / 302)
    assert table.loc["mattr", "value"] > table.loc["ttr", "value"]  # windows are short, so fewer repeats


def test_empty():
    with pytest.raises(NotComputable):
        ttr([])


def test_mtld_when_no_word_repeats():
    with pytest.raises(NotComputable, match="no word repeats"):
        mtld(list("abcdefgh"))
    from readout import parse_statement
    table = diversity_table(parse_statement("The two sides agreed on five new steps."))
    assert table.loc["mtld", "value"] != table.loc["mtld", "value"]  # NaN, not inf
    assert table.loc["mtld", "meaning"] == "not computed: no word repeats, so no run ever falls to the threshold"
