"""VADER's word valences, each word apart, exactly as its ``polarity_scores`` computes them, faster.

The leak-free VADER score sets a leaked word's valence to 0 after VADER's rules (boosters,
negation, idioms, "but") have run, so the per-word valences are needed, and VADER's public API
gives only a sentence's scores. This is the one module that reads vaderSentiment's internals:

* the loop of ``polarity_scores`` before it sums (its public ``sentiment_valence`` per word, and
  the private ``_but_check``, whose quirks a copy would have to reproduce);
* subclasses that override two private look-back checks, ``_negation_check`` and
  ``_special_idioms_check``: narrowed to the words they read, and skipped in a sentence where
  they cannot act. Together this halves VADER's time, which the sentiment throughput target
  (bench/sentiment_throughput.py) needs.

Checked against vaderSentiment 3.3.2 (requirements.txt). tests/analyses/tone/test_vader_window.py
pins what this relies on: the valences equal, word for word, the list ``polarity_scores`` sums, on
every sentence of the seed, the demonstration statements and the development corpus, and on
sentences built around every negator, idiom and booster phrase. Upgrade VADER only with that test.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer, SentiText

__all__ = ["Valences", "analyzer", "lexicon", "word_valences", "compound"]

# Words that can change the outcome of VADER's look-back checks for a scored word: its negation
# check acts only on a negator (or a word with "n't") or on "never so/this" and "without doubt";
# its idiom check only on word sequences that are keys of its idiom and multi-word booster tables.
_NEGATION_TRIGGERS = frozenset(NEGATE) | {"never", "so", "this", "without", "doubt"}
_IDIOM_KEYS = tuple(frozenset(key.split()) for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key)
_IDIOM_WORDS = frozenset().union(*_IDIOM_KEYS)


class _WindowedVader(SentimentIntensityAnalyzer):
    """VADER, unchanged in its results, made faster. For the scored word ``i`` its negation check
    reads words ``i-3`` to ``i-1`` and its idiom check words ``i-3`` to ``i+2`` (each runs only where
    ``i`` exceeds its look-back, so no index wraps), yet both lower-case the whole sentence on every
    call, and the negation check scans its list of 59 negators word by word. Here both see only that
    window, and are skipped when no word in it could change the valence (they then return it unchanged)."""

    def _negation_check(self, valence, words, start_i, i):  # type: ignore[override]
        lo = max(0, i - 3)
        before = [w.lower() for w in words[lo:i]]
        if _NEGATION_TRIGGERS.isdisjoint(before) and not any("n't" in w for w in before):
            return valence
        return SentimentIntensityAnalyzer._negation_check(valence, words[lo : i + 3], start_i, i - lo)

    def _special_idioms_check(self, valence, words, i):  # type: ignore[override]
        lo = max(0, i - 3)
        window = words[lo : i + 3]
        if _IDIOM_WORDS.isdisjoint(w.lower() for w in window):
            return valence
        return SentimentIntensityAnalyzer._special_idioms_check(valence, window, i - lo)


class _UncheckedVader(SentimentIntensityAnalyzer):
    """VADER for a sentence where neither look-back check can act: no word is a negation trigger or holds
    "n't", and no idiom or booster phrase has all its words in it (the checks compare whole phrases)."""

    def _negation_check(self, valence, words, start_i, i):  # type: ignore[override]
        return valence

    def _special_idioms_check(self, valence, words, i):  # type: ignore[override]
        return valence


@cache
def _analyzers() -> tuple[SentimentIntensityAnalyzer, SentimentIntensityAnalyzer]:
    """The analyzers, built once per process (each reads VADER's lexicon files): with the checks, without."""
    return _WindowedVader(), _UncheckedVader()


def analyzer() -> SentimentIntensityAnalyzer:
    """VADER's analyzer (its scores are those of ``SentimentIntensityAnalyzer``)."""
    return _analyzers()[0]


def lexicon() -> dict[str, float]:
    """VADER's lexicon: lower-case word → valence, about -4 (most negative) to +4 (most positive)."""
    return analyzer().lexicon


@cache
def _emoji_chars() -> frozenset[str]:
    """The emoji VADER describes that are one character (``polarity_scores`` reads a text character by character)."""
    return frozenset(k for k in analyzer().emojis if len(k) == 1)


class Valences(NamedTuple):
    """One text as VADER reads it."""

    words: list[str]  # whitespace-separated tokens, outer punctuation stripped (emoticons kept)
    valences: list[float]  # each word's valence after VADER's rules; 0 for a word VADER does not score
    text: str  # the text VADER read: emoji replaced by their descriptions, stripped
    scored: list[int]  # indices of the words in VADER's lexicon


def word_valences(text: str) -> Valences:
    """The valences ``polarity_scores(text)`` sums, word by word: :func:`compound` of them is its
    compound score, and setting one word's valence to 0 removes that word and nothing else."""
    windowed, unchecked = _analyzers()
    emojis = windowed.emojis
    if not _emoji_chars().isdisjoint(text):  # emoji become their descriptions, as polarity_scores does
        out, prev_space = [], True
        for ch in text:
            if ch in emojis:
                out.append(("" if prev_space else " ") + emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        text = "".join(out)
    text = text.strip()
    sentitext = SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    lexicon = windowed.lexicon
    scored = []
    lowered = [item.lower() for item in words]
    present = set(lowered)
    checks_can_act = (not _NEGATION_TRIGGERS.isdisjoint(present) or any("n't" in w for w in present)
                      or any(key <= present for key in _IDIOM_KEYS))
    vader = windowed if checks_can_act else unchecked
    for i, item in enumerate(words):
        lower = lowered[i]
        if lower in lexicon:
            scored.append(i)
        if lower in BOOSTER_DICT or (i < len(words) - 1 and lower == "kind" and lowered[i + 1] == "of"):
            sentiments.append(0)
            continue
        if lower not in lexicon:  # sentiment_valence would append the 0 it is given, and nothing else
            sentiments.append(0)
            continue
        sentiments = vader.sentiment_valence(0, sentitext, item, i, sentiments)
    if "but" in lowered:  # VADER's "but" rule changes nothing in a sentence without "but"
        sentiments = vader._but_check(words, sentiments)
    return Valences(list(words), sentiments, text, scored)


def compound(valences: list[float], text: str) -> float:
    """VADER's compound score (Hutto & Gilbert 2014) of word valences read from ``text``: their sum,
    pushed away from 0 by "!" and "?" emphasis, normalised by x / sqrt(x² + 15) into -1..+1 and
    rounded to 4 decimals (VADER's own ``score_valence``)."""
    return analyzer().score_valence(valences, text)["compound"]
