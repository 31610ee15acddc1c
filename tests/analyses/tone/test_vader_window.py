"""What readout.analyses.tone.vader_window relies on in vaderSentiment's internals (checked against 3.3.2,
requirements.txt): its valences are, word for word, the list VADER's own ``polarity_scores`` sums.

VADER's own list is caught where ``polarity_scores`` hands it to ``score_valence``, so nothing here
copies VADER's rules. If an upgrade of vaderSentiment changes its rules or the private methods
vader_window uses, these tests fail on the sentence that shows it."""

from __future__ import annotations

import re

import pytest
from conftest import PROJECT_ROOT
from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, NEGATE, SPECIAL_CASES, SentimentIntensityAnalyzer

from readout import load_statement
from readout.analyses.tone.vader_window import compound, lexicon, word_valences

DEMO = PROJECT_ROOT / "seeds" / "demo"
CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "statements"


class Spy(SentimentIntensityAnalyzer):
    """Unmodified VADER that remembers the word valences ``polarity_scores`` passes to ``score_valence``."""

    def score_valence(self, sentiments, text):
        self.seen = list(sentiments)
        return super().score_valence(sentiments, text)


@pytest.fixture(scope="module")
def vader() -> Spy:
    return Spy()


def assert_same_as_vader(vader: Spy, texts: list[str]) -> None:
    for text in texts:
        vader.seen = None
        expected = vader.polarity_scores(text)["compound"]
        ours = word_valences(text)
        assert (ours.valences, compound(ours.valences, ours.text)) == (vader.seen, expected), text


def test_the_seed_and_the_demonstration_statements(vader, seed):
    texts = [s.text for s in seed.sentences]
    for path in sorted(DEMO.glob("*.txt")):
        texts += [s.text for s in load_statement(path).sentences]
    assert_same_as_vader(vader, texts)


def test_the_development_corpus(vader):
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS} (read from ../shared/corpus/; not copied)")
    # cut at sentence ends by a plain rule: any text will do, as long as it is real prose
    texts = [t for path in sorted(CORPUS.glob("*.txt"))
             for t in re.split(r"(?<=[.!?])\s+", path.read_text(encoding="utf-8")) if t.strip()]
    assert len(texts) > 600  # 60 statements, about 800 pieces: the folder was read
    assert_same_as_vader(vader, texts)


def probes() -> list[str]:
    """Sentences built around every word and phrase VADER's look-back rules react to (its negators,
    idioms and booster phrases, "never so", "without doubt", "least", "no", "kind of", "but"), at each
    distance it looks back or ahead, in lower case and in capitals."""
    triggers = [*NEGATE, *SPECIAL_CASES, *(k for k in BOOSTER_DICT if " " in k), "never so", "never this",
                "without doubt", "at least", "very least", "least", "no", "kind of", "but", "n't"]
    out = []
    for t in triggers:
        for pattern in ("{} good", "{} the good plan", "{} a very good plan", "we {} one two bad", "good {}",
                        "bad {} good", "a good {} of death", "{} really so great!", "The talks were {} BAD news."):
            out.append(pattern.format(t))
            out.append(pattern.format(t.upper()))
    return out


def test_sentences_built_around_every_rule(vader):
    texts = probes()
    assert len(texts) > 1000
    assert_same_as_vader(vader, texts)


@pytest.mark.parametrize("text", [
    "Great progress!!!", "Is this bad?? Really???", "A terrible, awful, horrible failure!", "Nothing here.",
    "Good but bad!", "The talks were fine?", "", "!!!!!!", "  padded :) ", "We are happy 😀 with the progress!",
])
def test_emphasis_emoji_and_empty_texts(vader, text):
    assert_same_as_vader(vader, [text])


def test_the_rules_do_act_on_the_probes():
    """The probes reach VADER's rules, so the equality above is no accident of untouched valences:
    "not" scales the next word by VADER's N_SCALAR (-0.74); "but" halves what comes before it and adds
    half to what comes after; "very" adds its booster increment (0.293) to the word's size."""
    good, bad = lexicon()["good"], lexicon()["bad"]
    assert (good, bad, N_SCALAR, BOOSTER_DICT["very"]) == (1.9, -2.5, -0.74, 0.293)  # VADER's tables
    assert word_valences("not good").valences == [0, pytest.approx(1.9 * -0.74)]
    both = word_valences("The plan is good, but the delays are very bad.")
    assert both.valences == [0, 0, 0, pytest.approx(1.9 * 0.5), 0, 0, 0, 0, 0, pytest.approx((-2.5 - 0.293) * 1.5)]
    assert both.scored == [3, 9] and both.words[3] == "good" and both.words[9] == "bad"
    # the compound: the sum normalised by x / sqrt(x² + 15), to 4 decimals
    total = 1.9 * 0.5 + (-2.5 - 0.293) * 1.5
    assert compound(both.valences, both.text) == round(total / (total**2 + 15) ** 0.5, 4)
    # an emoji is read as its description, as polarity_scores reads it
    smile = word_valences("We are happy 😀")
    assert smile.text.startswith("We are happy grinning face") and "grinning" in smile.words


def test_zeroing_a_word_removes_that_word_only():
    """The leak-free score zeroes one word's valence after the rules have run: the others keep theirs."""
    read = word_valences("Criminal gangs were not a good partner, but the progress is great.")
    kept = [v if read.words[k] != "Criminal" else 0.0 for k, v in enumerate(read.valences)]
    changed = [k for k, (a, b) in enumerate(zip(read.valences, kept, strict=True)) if a != b]
    assert [read.words[k] for k in changed] == ["Criminal"]
    assert compound(kept, read.text) > compound(read.valences, read.text)

