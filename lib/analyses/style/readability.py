"""How hard is this statement to read? Seven classic readability indices, with their counts.

Notation (counts over the body sentences only; header, dateline and end
matter excluded): S sentences, W words (word tokens, numbers included), Sy
syllables (:mod:`readout.text.syllables`), L letters, C letters and digits, P
words of 3+ syllables ("polysyllables"), X "complex" words for the Fog index,
D words not on the Dale-Chall list of familiar words.

Each index is one function of a :class:`TextCounts`. Grade-level indices
estimate the U.S. school grade (years of schooling) a reader needs; plain-
language guidance for public documents commonly aims at grade 8 or below.
All are calibrated on long passages of ordinary prose: on a text of under
about 100 words, or one of a few long sentences, read them as rough.
"""

from __future__ import annotations

import importlib.util
import math
import re
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from readout.analyses.readings import Reading
from readout.errors import NotComputable
from readout.fields import label
from readout.text.language import require_english
from readout.text.statement import Statement
from readout.text.syllables import count_syllables, syllable_table

__all__ = [
    "TextCounts",
    "text_counts",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall",
    "readability_scores",
    "readability_table",
    "textstat_comparison",
    "familiar_words",
    "counts_table",
    "readability_reading",
    "comparison_reading",
]

#: SMOG was normed on samples of 30 sentences (McLaughlin 1969).
SMOG_SENTENCES = 30
#: Under this many words, every index here is unstable (one sentence more or less moves it by grades).
MIN_RELIABLE_WORDS = 100


@dataclass(frozen=True)
class TextCounts:
    """The counts every index is computed from (all whole numbers, 0 or more)."""

    sentences: int
    words: int
    syllables: int
    letters: int
    characters: int  # letters and digits
    polysyllables: int  # words of 3 or more syllables
    complex_words: int  # Gunning's "hard words" (see gunning_fog)
    difficult_words: int  # not on the Dale-Chall familiar list (see dale_chall)


@cache
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 words familiar to U.S. fourth-graders (Dale & Chall 1948;
    revised list, Chall & Dale 1995), as shipped by the ``textstat`` package (2,949 entries).

    The file is read from textstat's folder without importing textstat (0.2 s of imports we only
    need for the comparison with it)."""
    spec = importlib.util.find_spec("textstat")
    folder = Path(next(iter(spec.submodule_search_locations))) if spec and spec.submodule_search_locations else None
    if folder is None:
        raise NotComputable("Readability not computed: the textstat package, whose Dale-Chall word list it uses, "
                            "is not installed")
    text = (folder / "resources" / "en" / "easy_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.split())


_WORD_CHARS = re.compile(r"[^\w'’-]")
_INFLECTIONS = ("ies", "es", "s", "ed", "d", "ing", "ly", "er", "est", "'s", "’s")


@lru_cache(maxsize=65536)
def _is_familiar(word: str, proper: bool) -> bool:
    """Dale-Chall rules: listed words and their regular inflections, proper names and numbers are familiar."""
    if proper or not any(c.isalpha() for c in word):
        return True
    w = word.lower()
    known = familiar_words()
    if w in known:
        return True
    for ending in _INFLECTIONS:
        if w.endswith(ending) and len(w) > len(ending) + 1:
            stem = w[: -len(ending)]
            if stem in known or stem + "e" in known or (ending == "ies" and stem + "y" in known):
                return True
    return False


@lru_cache(maxsize=65536)
def _is_complex(word: str, syllables: int, proper: bool) -> bool:
    """Gunning's hard words: 3+ syllables, not a proper name, not a hyphenated compound, and
    still 3+ syllables without an -es, -ed or -ing ending."""
    if syllables < 3 or proper or "-" in word:
        return False
    w = word.lower()
    table = syllable_table()
    for ending in ("ing", "es", "ed"):
        if w.endswith(ending):
            stem = w[: -len(ending)]
            for base in (stem, stem + "e"):  # "reduc-ing" -> "reduce", "creat-ed" -> "create"
                if base in table:
                    return table[base] >= 3
    return True


@lru_cache(maxsize=65536)
def _word_facts(word: str, proper: bool) -> tuple[int, int, int, bool, bool]:
    """(syllables, letters, letters and digits, complex?, difficult?) for one word token."""
    n = count_syllables(word)
    return (n, sum(c.isalpha() for c in word), sum(c.isalnum() for c in word), _is_complex(word, n, proper),
            not _is_familiar(_WORD_CHARS.sub("", word), proper))


def text_counts(statement: Statement) -> TextCounts:
    """Count sentences, words, syllables, letters and the word classes the indices need.

    A capitalised word that does not open its sentence is taken as a proper
    name (it is never "complex" or "difficult"). Sentences without words
    (punctuation alone) are not counted.
    """
    n_words = syl = letters = chars = poly = cplx = diff = 0
    for sentence in statement.sentences:
        for k, word in enumerate(sentence.words):
            n, n_letters, n_chars, is_complex, is_difficult = _word_facts(word, k > 0 and word[:1].isupper())
            n_words += 1
            syl += n
            letters += n_letters
            chars += n_chars
            poly += n >= 3
            cplx += is_complex
            diff += is_difficult
    sentences = sum(1 for s in statement.sentences if s.words)  # "!!!" alone is not a sentence to read
    return TextCounts(sentences, n_words, syl, letters, chars, poly, cplx, diff)


def _need(c: TextCounts) -> None:
    if c.sentences == 0 or c.words == 0:
        raise NotComputable("readability not computed: the statement has no body words")


def flesch_reading_ease(c: TextCounts) -> float:
    """Flesch Reading Ease: how easy the text is, usually 0-100 (higher is easier; may fall below 0).

    206.835 - 1.015 W/S - 84.6 Sy/W (Flesch 1948). 60-70 is plain English; under 30 "very difficult".
    """
    _need(c)
    return 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words


def flesch_kincaid_grade(c: TextCounts) -> float:
    """Flesch-Kincaid grade level: U.S. school grade needed (0 up; higher is harder).

    0.39 W/S + 11.8 Sy/W - 15.59 (Kincaid, Fishburne, Rogers & Chissom 1975).
    """
    _need(c)
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def gunning_fog(c: TextCounts) -> float:
    """Gunning Fog index: years of schooling needed (higher is harder; 12 = U.S. high-school senior).

    0.4 (W/S + 100 X/W), X = words of 3+ syllables that are not proper names, hyphenated
    compounds, or 3-syllable only through -es/-ed/-ing (Gunning 1952).
    """
    _need(c)
    return 0.4 * (c.words / c.sentences + 100 * c.complex_words / c.words)


def smog_index(c: TextCounts) -> float:
    """SMOG grade: U.S. school grade needed (higher is harder).

    1.0430 sqrt(P x 30/S) + 3.1291 (McLaughlin 1969). Normed on 30-sentence samples: on fewer
    sentences the 30/S scaling extrapolates.
    """
    _need(c)
    return 1.0430 * math.sqrt(c.polysyllables * SMOG_SENTENCES / c.sentences) + 3.1291


def coleman_liau_index(c: TextCounts) -> float:
    """Coleman-Liau index: U.S. school grade needed, from letters rather than syllables (higher is harder).

    0.0588 L100 - 0.296 S100 - 15.8, with L100 letters and S100 sentences per 100 words (Coleman & Liau 1975).
    """
    _need(c)
    return 0.0588 * (100 * c.letters / c.words) - 0.296 * (100 * c.sentences / c.words) - 15.8


def automated_readability_index(c: TextCounts) -> float:
    """Automated Readability Index: U.S. school grade needed, from characters per word (higher is harder).

    4.71 C/W + 0.5 W/S - 21.43 (Senter & Smith 1967).
    """
    _need(c)
    return 4.71 * c.characters / c.words + 0.5 * c.words / c.sentences - 21.43


def dale_chall(c: TextCounts) -> float:
    """Dale-Chall score (higher is harder): 4.9 or less = grade 4 and below ... 10 or more = college graduate.

    0.1579 x 100 D/W + 0.0496 W/S, plus 3.6365 when more than 5% of words are unfamiliar
    (Dale & Chall 1948, with the 1948 adjustment constant).
    """
    _need(c)
    pdw = 100 * c.difficult_words / c.words
    return 0.1579 * pdw + 0.0496 * c.words / c.sentences + (3.6365 if pdw > 5 else 0.0)


def grade_band(grade: float) -> str:
    """The reading band of a U.S. school grade (\"plain: middle school ...\"), for any grade-level index."""
    if grade < 6.5:
        return "easy: primary school"
    if grade < 9.5:
        return "plain: middle school (plain-language target: grade 8 or below)"
    if grade < 12.5:
        return "hard: high school"
    if grade < 16.5:
        return "very hard: college"
    return "specialist: graduate level"


def _fre_band(score: float) -> str:
    for floor, band in ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
                        (50, "fairly difficult"), (30, "difficult: college")):
        if score >= floor:
            return band
    return "very difficult: college graduate"


def _dale_chall_band(score: float) -> str:
    for ceiling, band in ((5.0, "grade 4 and below"), (6.0, "grades 5-6"), (7.0, "grades 7-8"),
                          (8.0, "grades 9-10"), (9.0, "grades 11-12"), (10.0, "college")):
        if score < ceiling:
            return band
    return "college graduate"


_SCALES = {
    "flesch_reading_ease": ("0-100, higher is easier; 60-70 plain English", flesch_reading_ease, _fre_band),
    "flesch_kincaid_grade": ("U.S. grade, higher is harder", flesch_kincaid_grade, grade_band),
    "gunning_fog": ("years of schooling, higher is harder", gunning_fog, grade_band),
    "smog": ("U.S. grade, higher is harder", smog_index, grade_band),
    "coleman_liau": ("U.S. grade, higher is harder", coleman_liau_index, grade_band),
    "ari": ("U.S. grade, higher is harder", automated_readability_index, grade_band),
    "dale_chall": ("4.9 or less = grade 4 ... 10+ = graduate", dale_chall, _dale_chall_band),
}


def readability_scores(statement: Statement) -> tuple[TextCounts, dict[str, float]]:
    """The counts and every index's value (unrounded), by the index's field ("flesch_kincaid_grade" ...).

    Raises :class:`~readout.errors.NotComputable` for a statement that is not English or has no words.
    """
    require_english(statement, "Readability")
    c = text_counts(statement)
    _need(c)
    return c, {name: fn(c) for name, (_, fn, _) in _SCALES.items()}


def readability_table(statement: Statement) -> pd.DataFrame:
    """One row per index (its field in the index): value, its scale, the band this value falls in, and a caution.

    Raises :class:`~readout.errors.NotComputable` for a statement that is not English or has no words.
    """
    c, values = readability_scores(statement)
    rows = []
    for name, (scale, _, band) in _SCALES.items():
        value = values[name]
        caution = []
        if c.words < MIN_RELIABLE_WORDS:
            caution.append(f"only {c.words} words: unstable under {MIN_RELIABLE_WORDS}")
        if name == "smog" and c.sentences < SMOG_SENTENCES:
            caution.append(f"{c.sentences} sentence{'' if c.sentences == 1 else 's'}; SMOG is normed on {SMOG_SENTENCES}")
        rows.append((name, value, scale, band(value), "; ".join(caution)))
    return pd.DataFrame(rows, columns=["index", "value", "scale", "band", "caution"]).set_index("index")


def counts_table(statement: Statement) -> pd.DataFrame:
    """The counts behind the indices, as a one-column table (count), for readers who check by hand."""
    c = asdict(text_counts(statement))
    return pd.DataFrame({"count": c}).rename_axis("counted")


_TEXTSTAT = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog": "smog_index",
    "coleman_liau": "coleman_liau_index",
    "ari": "automated_readability_index",
    "dale_chall": "dale_chall_readability_score",
}


def textstat_comparison(statement: Statement) -> pd.DataFrame:
    """Our value of each index next to the ``textstat`` package's on the same body text, and the difference.

    textstat counts for itself: its sentence count splits at every period
    (so "U.S." ends a "sentence") and ignores "sentences" of 2 words or fewer,
    and its syllables come from Pyphen hyphenation patterns, not a
    pronouncing dictionary. The counts rows show where the two disagree.
    """
    import textstat  # an independent implementation, used only for this comparison

    require_english(statement, "Readability")
    ours = readability_table(statement)["value"]
    body = " ".join(s.text for s in statement.sentences)
    textstat.set_lang("en")
    rows = [(name, ours[name], float(getattr(textstat, fn)(body))) for name, fn in _TEXTSTAT.items()]
    c = text_counts(statement)
    rows += [("sentence_count", c.sentences, textstat.sentence_count(body)),
             ("word_count", c.words, textstat.lexicon_count(body)),
             ("syllable_count", c.syllables, textstat.syllable_count(body))]
    table = pd.DataFrame(rows, columns=["measure", "readout", "textstat"]).set_index("measure")
    table["difference"] = table["readout"] - table["textstat"]
    return table


_GRADE_INDICES = ("flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari")


def readability_reading(table: pd.DataFrame) -> Reading:
    """Plain sentences reading a :func:`readability_table`: the grade range, the target, Flesch."""
    grades = table.loc[list(_GRADE_INDICES), "value"]
    low, high, median = grades.min(), grades.max(), grades.median()
    gap = median - 8
    target = (f"{gap:.1f} grades above the plain-language target of grade 8" if gap > 0
              else f"at or below the plain-language target of grade 8 (by {-gap:.1f} grades)")
    fre = table.loc["flesch_reading_ease"]
    return Reading(f"The five grade-level indices put this statement between grade {low:.1f} and {high:.1f} "
            f"(median {median:.1f}: {grade_band(median)}), {target}. "
            f"Flesch Reading Ease is {fre['value']:.1f} ({fre['band']}); Dale-Chall reads "
            f"{table.loc['dale_chall', 'value']:.1f} ({table.loc['dale_chall', 'band']}).")


def comparison_reading(comparison: pd.DataFrame) -> Reading:
    """Plain sentences explaining a :func:`textstat_comparison` from its count rows.

    Three things move textstat's values away from ours: different counts (it
    splits sentences at every period and counts Pyphen hyphenation points as
    syllables), its rounding of words per sentence and syllables per word to
    one decimal before applying a formula, and a SMOG of 0 for texts of fewer
    than 3 sentences.
    """
    c = comparison
    parts = []
    same = [k for k in ("sentences", "words", "syllables") if c.loc[f"{k[:-1]}_count", "difference"] == 0]
    if same:
        listed = same[0] if len(same) == 1 else ", ".join(same[:-1]) + " and " + same[-1]
        parts.append(f"textstat counts the same number of {listed}")
    for k in ("sentences", "words"):
        if k not in same:
            parts.append(f"it counts {c.loc[f'{k[:-1]}_count', 'textstat']:.0f} {k} to our "
                         f"{c.loc[f'{k[:-1]}_count', 'readout']:.0f} (it splits sentences at every period "
                         "and strips punctuation its own way)")
    ours, theirs = c.loc["syllable_count", "readout"], c.loc["syllable_count", "textstat"]
    if "syllables" not in same:
        parts.append(f"it counts {theirs:.0f} syllables to our {ours:.0f} ({(theirs - ours) / ours:+.1%}): Pyphen "
                     "counts hyphenation points, which are not pronounced syllables")
    first = "; ".join(parts)
    syllable_based = [k for k in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog")
                      if not (k == "smog" and c.loc[k, "textstat"] == 0)]
    syl = ", ".join(f"{label(k)} {c.loc[k, 'difference']:+.2f}" for k in syllable_based)
    letters = max(abs(c.loc[k, "difference"]) for k in ("coleman_liau", "ari"))
    why = "through the syllable counts and" if "syllables" not in same else "only through"
    text = (first[:1].upper() + first[1:] + ". "
            f"The syllable-based indices differ {why} textstat's rounding of its averages to one decimal "
            f"({syl}); Coleman-Liau and ARI, which textstat computes from its own letter counts and rounded "
            f"averages, differ by at most {letters:.2f}, and Dale-Chall, which uses a word list, by "
            f"{abs(c.loc['dale_chall', 'difference']):.2f}.")
    if c.loc["smog", "textstat"] == 0:
        text += " textstat gives SMOG as 0 for a text of fewer than 3 sentences; ours extrapolates (see its caution)."
    return Reading(text)
