"""The terms of art a report page uses, explained for a reader who is not a specialist.

Each page carries a folded "Terms used on this page" box listing the terms of :data:`GLOSSARY` that
occur in its text (:func:`terms_on`), so that a figure such as "G² 12.4" or a sentence id such as
"p2s3" can be read without knowing the method.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Term", "GLOSSARY", "terms_on"]


@dataclass(frozen=True)
class Term:
    """A term, the pattern that finds it in a page's text, and what it means."""

    term: str
    pattern: str
    meaning: str


GLOSSARY: tuple[Term, ...] = (
    Term("sentence id (p2s3)", r"\bp\d+s\d+\b",
         "A sentence's place in the statement: p2s3 is the third sentence of the second paragraph of the body. "
         "Paragraphs are counted from the first after the header; the ids are the same on every page and in "
         "every CSV file."),
    Term("polarity", r"\bpolarity\b",
         "A lexicon's reading of how positive (up to +1) or negative (down to -1) the words are; 0 is neutral "
         "or unknown to the lexicon."),
    Term("subjectivity", r"\bsubjectivity\b",
         "TextBlob's reading of how much the words express opinion (1) rather than fact (0)."),
    Term("VADER compound", r"\bVADER\b",
         "The score of VADER, a second sentiment lexicon (Hutto and Gilbert 2014): its word valences summed, "
         "adjusted for negation and emphasis, and scaled to -1..+1."),
    Term("leak-free", r"\bleak-free\b",
         "A sentiment score without the hits that come from names and issue labels, which general lexicons "
         "misread: \"United\" in \"United States\" is not praise, \"crime\" in \"crime prevention\" not "
         "blame."),
    Term("diplomatic tone", r"\bdiplomatic[- ]tone\b",
         "This project's measure for the genre, from an editable lexicon of cooperation (praise, support, "
         "partnership) and pressure (sanctions, demands, condemnation). A sentence's tone is (c - p) / (c + p) "
         "of the weights of its words; the statement's score is the mean cooperation minus the mean pressure "
         "its sentences carry (each sentence carries a register fully from a weight of 2, half from one plain "
         "word), from -1 (every sentence presses) to +1 (every sentence praises or cooperates)."),
    Term("TF-IDF", r"\bTF-IDF\b",
         "Term frequency times inverse document frequency: a word's count in the statement times "
         "ln((1 + N) / (1 + sentences containing it)) + 1, N the number of sentences; a word scores high when it "
         "is frequent but concentrated in few sentences."),
    Term("NMF", r"\bNMF\b",
         "Non-negative matrix factorisation: a topic model that splits the table of words per sentence into a "
         "few topics, each a weighted list of words. On one short statement it is exploratory."),
    Term("G²", r"G²",
         "The log-likelihood ratio (Dunning 1993): how surprising a word's count is in one text compared with "
         "another. G² of 3.84 or more means p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001, for one word; testing "
         "many words at once, some pass by chance, so the comparison's keyness adjusts for their number (q, a "
         "false discovery rate)."),
    Term("log ratio", r"\blog ratio\b",
         "How many times more frequent a word is in one text than in the rest, as a base-2 logarithm: 1 is "
         "twice as frequent, 2 four times (Hardie 2014)."),
    Term("PMI", r"\bPMI\b",
         "Pointwise mutual information, in bits: how much more often two words occur next to each other than "
         "their frequencies would make them by chance. 1 bit is twice as often."),
    Term("TTR, MATTR, MTLD", r"\b(?:MATTR|MTLD|TTR)\b",
         "Measures of vocabulary variety: the type-token ratio (different words over all words), its moving "
         "average over windows of 50 words (MATTR), and the mean length of word runs that keep variety "
         "above a threshold (MTLD). Higher means more varied."),
    Term("readability grade", r"\b(?:Flesch|Gunning Fog|SMOG|Coleman-Liau|Dale-Chall)\b",
         "Readability formulas estimate the U.S. school grade (or, for Flesch Reading Ease, a 0-100 ease) "
         "from sentence and word length. They were normed on school texts, not on diplomatic prose."),
    Term("percentile", r"\bpercentile\b",
         "Where a statement stands among those compared: the 75th percentile is above three quarters of them."),
    Term("theme (CAP)", r"\bCAP\b",
         "Themes follow the Comparative Agendas Project's policy topics, matched by phrases from an editable "
         "lexicon."),
    Term("CAMEO", r"\bCAMEO\b",
         "The Conflict and Mediation Event Observations scheme of verbal and material cooperation and "
         "conflict, which the action categories follow loosely."),
)

_TAGS = re.compile(r"<[^>]+>")


def terms_on(text: str) -> list[Term]:
    """The glossary terms that occur in ``text`` (a page's visible text, markup removed), in glossary order."""
    plain = _TAGS.sub(" ", text)
    return [t for t in GLOSSARY if re.search(t.pattern, plain)]
