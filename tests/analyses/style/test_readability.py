"""Readability indices on passages counted by hand, and against textstat on the seed."""

from __future__ import annotations

import math

import pytest

from readout import parse_statement
from readout.analyses.style.readability import (
    TextCounts,
    automated_readability_index,
    coleman_liau_index,
    comparison_reading,
    dale_chall,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    readability_reading,
    readability_table,
    smog_index,
    text_counts,
    textstat_comparison,
)
from readout.errors import NotComputable

# Each passage with its counts, counted by hand:
#   S sentences, W words, Sy syllables (CMU dictionary), L letters, P words of 3+ syllables,
#   X Gunning's complex words, D words not on the Dale-Chall list.
EASY = "The cat sat on the mat. The dog ran to the cat."
# S=2; W=6+6=12; every word one syllable: Sy=12; L=(3+3+3+2+3+3)+(3+3+3+2+3+3)=34; P=X=0;
# all twelve words are on the Dale-Chall list: D=0.
EASY_COUNTS = TextCounts(2, 12, 12, 34, 34, 0, 0, 0)
MIDDLE = "The committee will meet again next year. Both sides agreed on a plan to reduce violence."
# S=2; W=7+9=16; Sy: the1 com-mit-tee3 will1 meet1 a-gain2 next1 year1 (10) + both1 sides1 a-greed2 on1 a1
# plan1 to1 re-duce2 vi-o-lence3 (13) = 23; L=(3+9+4+4+5+4+4)+(4+5+6+2+1+4+2+6+8)=33+38=71;
# P=X=2 (committee, violence); D=3 (committee, reduce, violence; "sides", "agreed" inflect listed words).
MIDDLE_COUNTS = TextCounts(2, 16, 23, 71, 71, 2, 2, 3)
HARD = "International cooperation strengthens democratic institutions."
# S=1; W=5; Sy: in-ter-na-tion-al5 co-op-er-a-tion5 strength-ens2 dem-o-crat-ic4 in-sti-tu-tions4 = 20;
# L=13+11+11+10+12=57; P=X=4 (all but "strengthens"); D=5 (none is on the list).
HARD_COUNTS = TextCounts(1, 5, 20, 57, 57, 4, 4, 5)


@pytest.mark.parametrize("text, counts", [(EASY, EASY_COUNTS), (MIDDLE, MIDDLE_COUNTS), (HARD, HARD_COUNTS)])
def test_counts_by_hand(text, counts):
    assert text_counts(parse_statement(text)) == counts


@pytest.mark.parametrize(
    "counts, expected",
    [
        # FRE = 206.835 - 1.015*12/2 - 84.6*12/12 = 116.145
        # FK = 0.39*6 + 11.8*1 - 15.59 = -1.45;  Fog = 0.4*(6 + 0) = 2.4;  SMOG = 1.043*sqrt(0) + 3.1291
        # CL = 0.0588*(100*34/12) - 0.296*(100*2/12) - 15.8 = 16.66 - 4.9333 - 15.8 = -4.0733
        # ARI = 4.71*34/12 + 0.5*6 - 21.43 = 13.345 + 3 - 21.43 = -5.085;  DC = 0.1579*0 + 0.0496*6 = 0.2976
        (EASY_COUNTS, (116.145, -1.45, 2.4, 3.1291, -4.0733, -5.085, 0.2976)),
        # FRE = 206.835 - 1.015*8 - 84.6*23/16 = 206.835 - 8.12 - 121.6125 = 77.1025
        # FK = 0.39*8 + 11.8*1.4375 - 15.59 = 4.4925;  Fog = 0.4*(8 + 100*2/16) = 8.2
        # SMOG = 1.043*sqrt(2*30/2) + 3.1291 = 1.043*5.47723 + 3.1291 = 8.8419
        # CL = 0.0588*443.75 - 0.296*12.5 - 15.8 = 26.0925 - 3.7 - 15.8 = 6.5925
        # ARI = 4.71*71/16 + 0.5*8 - 21.43 = 20.9006 + 4 - 21.43 = 3.4706
        # DC: 100*3/16 = 18.75% > 5%: 0.1579*18.75 + 0.0496*8 + 3.6365 = 2.9606 + 0.3968 + 3.6365 = 6.9939
        (MIDDLE_COUNTS, (77.1025, 4.4925, 8.2, 8.8419, 6.5925, 3.4706, 6.9939)),
        # FRE = 206.835 - 1.015*5 - 84.6*4 = -136.64;  FK = 1.95 + 47.2 - 15.59 = 33.56
        # Fog = 0.4*(5 + 80) = 34.0;  SMOG = 1.043*sqrt(120) + 3.1291 = 11.4253 + 3.1291 = 14.5544
        # CL = 0.0588*1140 - 0.296*20 - 15.8 = 67.032 - 5.92 - 15.8 = 45.312
        # ARI = 4.71*57/5 + 2.5 - 21.43 = 53.694 + 2.5 - 21.43 = 34.764
        # DC = 0.1579*100 + 0.0496*5 + 3.6365 = 19.6745
        (HARD_COUNTS, (-136.64, 33.56, 34.0, 14.5544, 45.312, 34.764, 19.6745)),
    ],
)
def test_indices_by_hand(counts, expected):
    fns = (flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index,
           automated_readability_index, dale_chall)
    for fn, value in zip(fns, expected, strict=True):
        assert fn(counts) == pytest.approx(value, abs=0.01), fn.__name__


def test_ordering_plain_is_easier_than_dense():
    easy, hard = readability_table(parse_statement(MIDDLE)), readability_table(parse_statement(HARD))
    assert easy.loc["flesch_reading_ease", "value"] > hard.loc["flesch_reading_ease", "value"]
    for index in ("flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari", "dale_chall"):
        assert easy.loc[index, "value"] < hard.loc[index, "value"]


def test_seed_table_bands_and_cautions(seed):
    table = readability_table(seed)
    assert text_counts(seed) == TextCounts(12, 351, 710, 2113, 2113, 112, 75, 139)
    # FRE = 206.835 - 1.015*351/12 - 84.6*710/351 = 206.835 - 29.689 - 171.128 = 6.02
    assert table.loc["flesch_reading_ease", "value"] == pytest.approx(6.02, abs=0.01)
    assert table.loc["flesch_reading_ease", "band"] == "very difficult: college graduate"
    assert table.loc["smog", "caution"] == "12 sentences; SMOG is normed on 30"
    assert table.loc["flesch_kincaid_grade", "caution"] == ""
    short = readability_table(parse_statement(MIDDLE))
    assert short.loc["ari", "caution"] == "only 16 words: unstable under 100"


def test_seed_against_textstat(seed):
    """textstat 0.7.4 agrees on sentences and words; it counts fewer syllables (Pyphen), which
    moves the syllable-based indices; the letter-based ones stay within half a grade."""
    table = textstat_comparison(seed)
    assert table.loc["sentence_count", "difference"] == 0
    assert table.loc["word_count", "difference"] == 0
    assert table.loc["syllable_count", "textstat"] == 633
    assert abs(table.loc["coleman_liau", "difference"]) <= 0.5
    assert abs(table.loc["ari", "difference"]) <= 0.5
    assert abs(table.loc["dale_chall", "difference"]) <= 0.5
    # Our Flesch function on textstat's own counts (12 sentences, 351 words, 633 syllables) gives
    # 24.58; textstat reports 24.82 because it rounds syllables per word (1.803) before the formula.
    theirs = flesch_reading_ease(TextCounts(12, 351, 633, 0, 0, 0, 0, 0))
    assert theirs == pytest.approx(24.58, abs=0.01)
    assert table.loc["flesch_reading_ease", "textstat"] == pytest.approx(theirs, abs=0.3)
    reading = str(comparison_reading(table))
    assert reading.startswith("Textstat counts the same number of sentences and words; it counts 633 syllables "
                              "to our 710 (-10.8%)")
    assert "differ through the syllable counts and textstat's rounding" in reading


def test_comparison_reading_when_counts_agree():
    table = textstat_comparison(parse_statement(EASY))
    reading = str(comparison_reading(table))
    assert reading.startswith("Textstat counts the same number of sentences, words and syllables.")
    assert "differ only through textstat's rounding" in reading
    assert reading.endswith("textstat gives SMOG as 0 for a text of fewer than 3 sentences; ours extrapolates "
                            "(see its caution).")


def test_readability_reading(seed):
    assert str(readability_reading(readability_table(seed))) == (
        "The five grade-level indices put this statement between grade 18.6 and 21.5 (median 20.2: specialist: "
        "graduate level), 12.2 grades above the plain-language target of grade 8. Flesch Reading Ease is 6.0 "
        "(very difficult: college graduate); Dale-Chall reads 11.3 (college graduate).")


def test_fog_hard_words_keep_their_e():
    # "created" and "reducing" have 3 syllables only with their ending: not hard words;
    # "Officials" (of-fi-cials, opening the sentence) and "violence" are.
    assert text_counts(parse_statement("Officials created rules reducing violence.")).complex_words == 2


def test_punctuation_only_sentences_are_not_counted():
    assert text_counts(parse_statement("The plan worked well. !!! ??? The end came.")).sentences == 2


def test_not_english_is_not_computed():
    spanish = parse_statement("Los Estados Unidos y Honduras celebraron hoy un diálogo sobre seguridad. "
                              "Ambas partes acordaron reunirse de nuevo.")
    with pytest.raises(NotComputable, match=r"^Readability not computed: it is built for English, and only 0%"):
        readability_table(spanish)


def test_smog_is_a_square_root():
    assert smog_index(TextCounts(30, 300, 450, 1400, 1400, 9, 9, 30)) == pytest.approx(1.043 * math.sqrt(9) + 3.1291)
