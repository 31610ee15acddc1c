"""What tone does the statement take by the general lexicons, and which words drive it?

Two independent general-purpose lexicon methods, both offline:

* TextBlob's PatternAnalyzer: polarity -1 (negative) to +1 (positive) and
  subjectivity 0 (objective) to 1 (subjective), the mean over the scored words
  and phrases of a text ("assessments"; modifiers and negation merged in).
  Per sentence, the values are exactly ``TextBlob(sentence.text).sentiment``.
* VADER (Hutto & Gilbert 2014, ``vaderSentiment``): the compound score, -1 to +1.
  Its authors recommend scoring longer texts sentence by sentence and
  averaging, which is what the paragraph and document values here are.

Every score is given raw and "leak-free": with the hits removed that come from
proper names, issue labels or genre senses (:mod:`readout.analyses.tone.leaks`). TextBlob's
leak-free polarity is the mean of its remaining assessments (0 if none remain);
VADER's is the compound of the sentence with the leaked words' valences set to 0
(:mod:`readout.analyses.tone.vader_window` gives the valences word by word).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd
from textblob import TextBlob
from textblob.en import sentiment as pattern_sentiment

from readout.analyses.readings import Reading
from readout.text.language import looks_english
from readout.text.statement import Sentence, Statement

from . import vader_window
from .diplomatic import ToneLexicon, load_tone_lexicon, sentence_matches
from .leaks import LeakLexicon, leak_reason, load_leak_lexicon, names_in

__all__ = ["SentenceSentiment", "Hit", "score_sentence", "score_statement", "sentence_table", "paragraph_table",
           "document_table", "evidence_table", "leak_table", "agreement", "strongest", "coverage_table",
           "disagreement_table", "tone_reading", "strongest_reading", "NEUTRAL_BAND", "sign", "sign_word", "describe_polarity"]

#: Scores within this distance of 0 count as neutral when signs are compared (VADER's authors use 0.05).
NEUTRAL_BAND = 0.05


def sign(value: float, band: float = NEUTRAL_BAND) -> int:
    """+1, -1 or 0 (within ``band`` of zero)."""
    return 1 if value > band else -1 if value < -band else 0


def sign_word(value: float) -> str:
    """"positive", "negative" or "neutral" (within :data:`NEUTRAL_BAND` of zero)."""
    return {1: "positive", -1: "negative", 0: "neutral"}[sign(value)]


def describe_polarity(value: float) -> str:
    """A score from -1 to +1 in words: "neutral" (within :data:`NEUTRAL_BAND`), else "mildly" or (from
    0.5 on) "strongly" "positive" or "negative"."""
    if sign(value) == 0:
        return "neutral"
    return f"{'strongly' if abs(value) >= 0.5 else 'mildly'} {sign_word(value)}"


class Hit(NamedTuple):
    """A word or phrase a lexicon scored in a sentence; ``leak`` says why it is not an attitude ("" if it is)."""

    lexicon: str  # "TextBlob" or "VADER"
    words: str
    polarity: float  # -1 to +1
    subjectivity: float  # 0 to 1 (TextBlob); NaN for VADER, which has none
    leak: str


@dataclass(frozen=True)
class SentenceSentiment:
    """Scores of one sentence, raw and leak-free, with the hits behind them."""

    sentence: Sentence
    polarity: float
    subjectivity: float
    polarity_clean: float
    subjectivity_clean: float
    vader: float
    vader_clean: float
    hits: tuple[Hit, ...]


def _name_words(sentence: Sentence, names: list[tuple[int, int, str]]) -> list[tuple[frozenset[str], str]]:
    """For each name span in the sentence, the lower-cased words inside it, with the name."""
    return [(frozenset(t.text.lower() for t in sentence.tokens if a <= t.start < b), n) for a, b, n in names]


def _names(statement: Statement) -> dict[str, tuple[list[tuple[int, int, str]], list[tuple[frozenset[str], str]]]]:
    """Sentence id → its name spans (:func:`~readout.analyses.tone.leaks.names_in`) and their words; once per statement."""

    def compute(st: Statement) -> dict[str, tuple[list[tuple[int, int, str]], list[tuple[frozenset[str], str]]]]:
        out = {}
        for sentence in st.sentences:
            spans = names_in(st, sentence)
            out[sentence.id] = (spans, _name_words(sentence, spans))
        return out

    return statement.derived("sentiment.names", compute)


def _leak_for(words: list[str], name_words: list[tuple[frozenset[str], str]], leaks: LeakLexicon) -> str:
    """A hit is a leak if its scored word is: the last of its words ("very common", "not good": the
    modifiers come first and only scale the last word's score)."""
    if not words:
        return ""
    head = words[-1]
    lower = head.lower()
    inside = next((n for inner, n in name_words if lower in inner), None)
    return leak_reason(head, inside, leaks)


def score_sentence(sentence: Sentence, statement: Statement, leaks: LeakLexicon | None = None) -> SentenceSentiment:
    """TextBlob and VADER scores of one sentence, raw and with leaks removed, and every hit."""
    leaks = leaks or load_leak_lexicon()
    names, name_words = _names(statement).get(sentence.id, ([], []))
    # The function TextBlob's PatternAnalyzer calls (twice, for .sentiment_assessments), called once:
    # the same polarity, subjectivity and assessments as TextBlob(sentence.text).sentiment.
    blob = pattern_sentiment(sentence.text)
    hits = []
    clean_p, clean_s = [], []
    for words, polarity, subjectivity, _ in blob.assessments:
        leak = _leak_for(list(words), name_words, leaks)
        hits.append(Hit("TextBlob", " ".join(words), polarity, subjectivity, leak))
        if not leak:
            clean_p.append(polarity)
            clean_s.append(subjectivity)
    words, valences, vader_text, scored = vader_window.word_valences(sentence.text)
    vader_lexicon = vader_window.lexicon()
    clean = list(valences)
    leaked = False
    offsets = _offsets(vader_text, sentence.text, words) if names and scored else []
    for k in scored:
        word = words[k]
        valence = vader_lexicon[word.lower()]
        at = offsets[k] if names else -1
        inside = next((n for a, b, n in names if at >= 0 and a <= sentence.start + at < b), None)
        leak = leak_reason(word, inside, leaks)
        hits.append(Hit("VADER", word, valence / 4, float("nan"), leak))  # valence -4..+4 shown as -1..+1
        if leak:
            clean[k] = 0.0
            leaked = True
    polarity, subjectivity = blob
    raw = vader_window.compound(valences, vader_text)
    return SentenceSentiment(
        sentence=sentence,
        polarity=polarity,
        subjectivity=subjectivity,
        polarity_clean=sum(clean_p) / len(clean_p) if clean_p else 0.0,
        subjectivity_clean=sum(clean_s) / len(clean_s) if clean_s else 0.0,
        vader=raw,
        vader_clean=vader_window.compound(clean, vader_text) if leaked else raw,
        hits=tuple(hits),
    )


_NON_SPACE = re.compile(r"\S+")


def _offsets(vader_text: str, text: str, words: list[str]) -> list[int]:
    """Where each of VADER's words stands in ``text`` (-1 if not found: an emoji's description).

    VADER's words are the whitespace-separated tokens of the text it read, with outer punctuation
    stripped; so each is found inside its own token. If VADER read another text (emoji described),
    each word is searched for forward from the previous one instead.
    """
    if vader_text == text:
        spans = [m.span() for m in _NON_SPACE.finditer(text)]
        if len(spans) == len(words):
            return [text.find(w, a, b) for w, (a, b) in zip(words, spans, strict=True)]
    out, cursor = [], 0
    for word in words:
        at = text.find(word, cursor)
        out.append(at)
        cursor = at + len(word) if at >= 0 else cursor
    return out


def score_statement(statement: Statement, leaks: LeakLexicon | None = None) -> list[SentenceSentiment]:
    """:func:`score_sentence` for every body sentence, in order."""
    return [score_sentence(s, statement, leaks) for s in statement.sentences]


def sentence_table(scores: list[SentenceSentiment]) -> pd.DataFrame:
    """One row per sentence: TextBlob polarity and subjectivity and VADER compound, raw and leak-free."""
    rows = [(x.sentence.id, x.sentence.paragraph_id, x.polarity, x.polarity_clean, x.subjectivity, x.vader,
             x.vader_clean, x.sentence.text) for x in scores]
    cols = ["sentence", "paragraph", "textblob_polarity", "textblob_polarity_leak_free", "textblob_subjectivity",
            "vader", "vader_leak_free", "text"]
    return pd.DataFrame(rows, columns=cols).set_index("sentence")


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _clean_blob(scores: list[SentenceSentiment], field: str = "polarity") -> float:
    """Leak-free TextBlob polarity (or subjectivity) of some sentences: the mean over their kept assessments."""
    return _mean([getattr(h, field) for x in scores for h in x.hits if h.lexicon == "TextBlob" and not h.leak])


def paragraph_table(statement: Statement, scores: list[SentenceSentiment]) -> pd.DataFrame:
    """One row per paragraph: TextBlob on the paragraph's text; VADER as the mean of its sentences."""
    rows = []
    for p in statement.paragraphs:
        mine = [x for x in scores if x.sentence.paragraph_id == p.id]
        blob = TextBlob(" ".join(s.text for s in p.sentences)).sentiment
        rows.append((p.id, len(mine), blob.polarity, _clean_blob(mine), blob.subjectivity,
                     _mean([x.vader for x in mine]), _mean([x.vader_clean for x in mine])))
    cols = ["paragraph", "sentences", "textblob_polarity", "textblob_polarity_leak_free", "textblob_subjectivity",
            "vader", "vader_leak_free"]
    return pd.DataFrame(rows, columns=cols).set_index("paragraph")


def document_table(statement: Statement, scores: list[SentenceSentiment], tone: float) -> pd.DataFrame:
    """The whole body, one row per measure (its field in the index): raw and leak-free (the diplomatic
    tone has no leaks to remove), and the scale."""
    body = " ".join(s.text for s in statement.sentences)
    blob = TextBlob(body).sentiment
    rows = [
        ("textblob_polarity", blob.polarity, _clean_blob(scores), "-1 to +1"),
        ("textblob_subjectivity", blob.subjectivity, _clean_blob(scores, "subjectivity"), "0 to 1"),
        ("vader_compound_mean", _mean([x.vader for x in scores]), _mean([x.vader_clean for x in scores]), "-1 to +1"),
        ("diplomatic_tone", tone, tone, "-1 to +1"),
    ]
    return pd.DataFrame(rows, columns=["measure", "raw", "leak_free", "scale"]).set_index("measure")


def evidence_table(scores: list[SentenceSentiment]) -> pd.DataFrame:
    """Every scored word or phrase: sentence, lexicon, words, polarity (-1 to +1), leak reason ("" = kept)."""
    rows = [(x.sentence.id, h.lexicon, h.words, h.polarity, h.leak) for x in scores for h in x.hits]
    return pd.DataFrame(rows, columns=["sentence", "lexicon", "words", "polarity", "leak"])


def strongest(scores: list[SentenceSentiment], measure: str = "polarity_clean") -> dict[str, SentenceSentiment]:
    """The most positive and the most negative sentence by one measure (attribute name of SentenceSentiment)."""
    if not scores:
        return {}
    ranked = sorted(scores, key=lambda x: (getattr(x, measure), -x.sentence.index))
    return {"most negative": ranked[0], "most positive": ranked[-1]}


def leak_table(scores: list[SentenceSentiment]) -> pd.DataFrame:
    """The leaks only: lexicon, words, polarity, why, and the sentences, one row per distinct leak."""
    ev = evidence_table(scores)
    ev = ev[ev["leak"] != ""]
    if ev.empty:
        return pd.DataFrame(columns=["lexicon", "words", "polarity", "leak", "sentences"])
    grouped = ev.groupby(["lexicon", "words", "polarity", "leak"], sort=False)["sentence"].apply(
        lambda s: ", ".join(dict.fromkeys(s))).reset_index()
    return grouped.rename(columns={"sentence": "sentences"})


def agreement(scores: list[SentenceSentiment], clean: bool = False) -> dict[str, float]:
    """How far TextBlob and VADER agree sentence by sentence: Pearson r (NaN if undefined) and the
    share of sentences with the same sign (positive, neutral within 0.05, negative)."""
    a = [x.polarity_clean if clean else x.polarity for x in scores]
    b = [x.vader_clean if clean else x.vader for x in scores]
    n = len(a)
    same = sum(sign(x) == sign(y) for x, y in zip(a, b, strict=True)) / n if n else float("nan")
    if n < 2:
        return {"pearson_r": float("nan"), "sign_agreement": same, "sentences": n}
    ma, mb = sum(a) / n, sum(b) / n
    va, vb = sum((x - ma) ** 2 for x in a), sum((y - mb) ** 2 for y in b)
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    r = cov / math.sqrt(va * vb) if va and vb else float("nan")
    return {"pearson_r": r, "sign_agreement": same, "sentences": n}


def coverage_table(statement: Statement, tone_lexicon: ToneLexicon | None = None) -> pd.DataFrame:
    """How much of the body each lexicon can read: word tokens it scores, out of all, and the share.

    For the diplomatic tone, the count is of its matches (a phrase counts once).
    """
    from textblob.en import sentiment as pattern_lexicon

    tone_lexicon = tone_lexicon or load_tone_lexicon()
    tone_matches = sum(len(sentence_matches(s, tone_lexicon)) for s in statement.sentences)
    words = [w.lower() for s in statement.sentences for w in s.words]
    n = len(words)
    vader = vader_window.lexicon()
    rows = [
        ("TextBlob (Pattern lexicon)", sum(w in pattern_lexicon for w in words)),
        ("VADER", sum(w in vader for w in words)),
        ("diplomatic tone (matches)", tone_matches),
    ]
    return pd.DataFrame([(name, k, n, k / n if n else float("nan")) for name, k in rows],
                        columns=["lexicon", "words_scored", "words", "share"]).set_index("lexicon")


def disagreement_table(scores: list[SentenceSentiment], tones: pd.Series) -> pd.DataFrame:
    """Sentences on whose sign the three leak-free measures do not all agree (neutral within 0.05)."""
    rows = []
    for x in scores:
        signs = (sign(x.polarity_clean), sign(x.vader_clean), sign(float(tones[x.sentence.id])))
        if len(set(signs)) > 1:
            rows.append((x.sentence.id, *("+" if v > 0 else "-" if v < 0 else "0" for v in signs), x.sentence.text))
    return pd.DataFrame(rows, columns=["sentence", "textblob", "vader", "diplomatic_tone", "text"]).set_index("sentence")


def strongest_reading(scores: list[SentenceSentiment]) -> Reading:
    """The most positive and most negative sentence by leak-free TextBlob and by leak-free VADER, quoted."""
    parts = []
    for name, measure in (("TextBlob", "polarity_clean"), ("VADER", "vader_clean")):
        for end, x in strongest(scores, measure).items():
            value = getattr(x, measure)
            if (value > NEUTRAL_BAND) if end == "most positive" else (value < -NEUTRAL_BAND):
                parts.append(f"{end.capitalize()} by {name}: {x.sentence.id} ({value:+.2f}), “{x.sentence.text}”")
            else:
                parts.append(f"No sentence reads {end.split()[1]} by {name} (leak-free).")
    return Reading(" ".join(parts) if parts else "No sentences to rank.")


def tone_reading(document: pd.DataFrame, scores: list[SentenceSentiment], statement: Statement,
                 diplomatic: str = "") -> Reading:
    """Plain sentences reading a :func:`document_table`, the lexicons' leak-free agreement and the leaks;
    ``diplomatic`` is the diplomatic tone's label in words (``describe_tone``), read from its registers."""
    agree = agreement(scores, clean=True)
    n_leaks = sum(1 for x in scores for h in x.hits if h.leak)
    tb, vd, dt = (document.loc[k] for k in ("textblob_polarity", "vader_compound_mean", "diplomatic_tone"))
    r = agree["pearson_r"]
    corr = f", r = {r:.2f}" if r == r else ""
    return Reading(
        f"TextBlob reads the body as {describe_polarity(tb['raw'])} ({tb['raw']:+.2f}), {tb['leak_free']:+.2f} without the "
        f"{n_leaks} leaked hits; VADER, averaged over sentences, as {describe_polarity(vd['raw'])} ({vd['raw']:+.2f}), "
        f"{vd['leak_free']:+.2f} leak-free. The two lexicons give the same sign to {agree['sign_agreement']:.0%} of "
        f"{agree['sentences']:.0f} sentences{corr}. The diplomatic-tone measure reads {diplomatic or describe_polarity(dt['raw'])} "
        f"(tone score {dt['raw']:+.2f})."
        + ("" if looks_english(statement) else " This statement does not look like English: all three lexicons "
           "are English, so these scores say nothing about it."))
