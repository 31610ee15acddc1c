"""Sentiment: TextBlob exactly as TextBlob, VADER as its authors recommend, leaks, actors, and the labelled set."""

from __future__ import annotations

import re
import statistics
from collections import Counter

import pytest
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from readout import parse_statement
from readout.analyses.tone.diplomatic import (
    describe_tone,
    document_tone,
    load_tone_lexicon,
    statement_tone,
    tone_table,
)
from readout.analyses.tone.sentiment import (
    agreement,
    coverage_table,
    document_table,
    leak_table,
    score_sentence,
    score_statement,
    sentence_table,
    sign,
    strongest,
)
from readout.analyses.tone.sign_accuracy import sign_accuracy, validation_table
from readout.analyses.tone.toward import actor_sentences, actor_table


@pytest.fixture(scope="module")
def scores(seed):
    return score_statement(seed)


def test_sentence_values_equal_textblob_and_vader(seed, scores):
    vader = SentimentIntensityAnalyzer()
    for x in scores:
        assert (x.polarity, x.subjectivity) == tuple(TextBlob(x.sentence.text).sentiment)
        assert x.vader == vader.polarity_scores(x.sentence.text)["compound"]
    # p1s1: TextBlob scores "strong" (+0.4333) and "common" (-0.3): mean 0.0667
    first = scores[0]
    assert first.polarity == pytest.approx((0.43333333 - 0.3) / 2)
    # leak-free: "common" (as in "common goals") is a genre sense, so only "strong" remains
    assert first.polarity_clean == pytest.approx(0.43333333)


def test_document_values(seed, scores):
    table = document_table(seed, scores, document_tone(seed))
    body = " ".join(s.text for s in seed.sentences)
    assert table.loc["textblob_polarity", "raw"] == TextBlob(body).sentiment.polarity  # full precision
    # VADER's authors: score sentences and average them for longer texts
    mean = sum(x.vader for x in scores) / len(scores)
    assert table.loc["vader_compound_mean", "raw"] == mean
    # 11 of 12 sentences carry cooperation (8 of 12 in all), 2 of 12 pressure: C − P = 0.5
    assert table.loc["diplomatic_tone", "raw"] == pytest.approx(0.5) and table.loc["diplomatic_tone", "scale"] == "-1 to +1"


def test_leaks_found_on_the_seed(scores):
    leaks = leak_table(scores)
    found = {(r.lexicon, r.words): r.leak for r in leaks.itertuples()}
    assert found[("TextBlob", "common")] == "another sense in this genre"
    assert found[("VADER", "United")].startswith("part of the name")
    assert found[("VADER", "Security")] == "part of the name 'High Level Security Dialogue'"
    assert found[("TextBlob", "criminal")] == "issue term used as a label"
    assert found[("VADER", "criminal")] == "issue term used as a label"
    # VADER on p2s3 turns from negative (smuggling, smugglers, arrests) to positive without the issue labels
    p2s3 = next(x for x in scores if x.sentence.id == "p2s3")
    assert p2s3.vader < 0 < p2s3.vader_clean


def test_sentence_table_and_agreement(scores):
    table = sentence_table(scores)
    assert list(table.index) == [x.sentence.id for x in scores]
    agree = agreement(scores)
    assert agree["sentences"] == 12
    same = sum(sign(x.polarity) == sign(x.vader) for x in scores)
    assert agree["sign_agreement"] == pytest.approx(same / 12)
    # Pearson r by the standard library's formula, on the same twelve pairs (TextBlob polarity, VADER compound)
    assert agree["pearson_r"] == pytest.approx(statistics.correlation([x.polarity for x in scores],
                                                                      [x.vader for x in scores]))
    best = strongest(scores)
    assert best["most positive"].sentence.id == "p2s1"  # "notable" and "impressive"


def test_tone_measure_reads_verbs_and_negation():
    s = parse_statement("The United States congratulated Honduras. The minister did not agree. "
                        "Both sides expressed concern about the delays but welcomed the plan. The talks were held.")
    table = tone_table(s)
    assert table["tone"].to_list() == [1.0, -1.0, 0.0, 0.0]
    assert table.loc["p1s2", "evidence"] == "agree (-1 partnership and agreement, negated by 'not')"
    assert table.loc["p1s3", "evidence"] == "concern (-1 concern and condemnation); welcomed (+1 praise and thanks)"
    # registers: p1s1 carries cooperation fully (weight 2), p1s3 half of each, p1s2 half of pressure;
    # C = 1.5 / 4, P = 1 / 4, score = C - P
    tone = statement_tone(s)
    assert (tone.cooperation, tone.pressure, tone.score, tone.label) == (0.375, 0.25, 0.125, "positive")
    assert document_tone(s) == pytest.approx(0.125)


def test_intensity_does_not_saturate():
    """One cooperative word in a two-sentence notice is mild; unbroken praise is strong (issue #15)."""
    notice = parse_statement("The Secretary will travel to Lima on Monday. She will discuss cooperation.")
    praise = parse_statement("We congratulate Peru. We commend its people. We applaud the election.")
    assert statement_tone(notice).score == pytest.approx(0.25)
    assert describe_tone(statement_tone(notice)) == "clearly positive"
    assert statement_tone(praise).score == 1.0 and describe_tone(statement_tone(praise)) == "strongly positive"
    nothing = parse_statement("The delegation arrived on Tuesday. The meeting was held in Geneva.")
    assert statement_tone(nothing).label == "neutral"


@pytest.mark.parametrize("text, evidence", [
    ("We call on Russia to withdraw.", "call on (-1 demands and warnings)"),
    ("The ministers called upon all parties to stop.", "called upon (-1 demands and warnings)"),
    ("The G7 strongly condemns the attack.", "condemns (-3 concern and condemnation); attack (-1 accusations)"),
    ("He is ineligible for entry into the United States.", "ineligible for entry (-2 sanctions and designations)"),
    ("We will hold those responsible fully accountable.", "hold those responsible fully accountable (-2 demands and warnings)"),
    ("The sham elections were a farce.", "sham (-2 delegitimising); farce (-2 delegitimising)"),
    ("He paid a courtesy call on the President.", ""),
    ("Both nations work to combat corruption.", "corruption (+0 accusations, acted against ('combat'): no accusation)"),
    ("There can be no impunity.", "impunity (+0 accusations, negated by 'no': weighs 0)"),
    ("The minister did not agree.", "agree (-1 partnership and agreement, negated by 'not')"),
    ("We fight HIV/AIDS and crimes committed by gangs.", ""),
    ("We will hold the brutal regime accountable.",
     "hold the brutal regime accountable (-2 demands and warnings); brutal (-2 accusations); regime (-1 delegitimising)"),
    ("THE UNITED STATES CONDEMNS THE ATTACK.", "CONDEMNS (-2 concern and condemnation); ATTACK (-1 accusations)"),
])
def test_lexicon_matches_every_form_and_reads_its_context(text, evidence):
    assert tone_table(parse_statement(text))["evidence"].iloc[0] == evidence


def test_custom_tone_lexicon(tmp_path):
    own = tmp_path / "tone.yaml"
    own.write_text("cooperation:\n  embraced: 1\npressure:\n  scolded: -2\nnegators: [not]\ncounters:\nintensifiers:\n"
                   "verbs:\n", encoding="utf-8")
    s = parse_statement("The minister embraced the plan. The envoy scolded the mayor.")
    assert tone_table(s, load_tone_lexicon(own))["tone"].to_list() == [1.0, -1.0]
    assert tone_table(s)["tone"].to_list() == [0.0, 0.0]


#: The seed's sentences naming Honduras ("Honduran" too), read by hand, with its role by the positional rule
#: of tone/toward.py: the subject when named before the sentence's first verb (in brackets), else an object.
HONDURAS_ROLES = {
    "p1s1": "subject",  # "The United States and Honduras [have] built"
    "p1s2": "subject",  # "Today, the United States and Honduras [held]"
    "p2s1": "subject",  # "Honduras [highlighted]"
    "p2s2": "subject",  # "On migrant smuggling, Honduras [highlighted]": the parse reads past the fronted phrase
    "p2s3": "object",  # "The United States [is] ... Honduran migrants"
    "p2s5": "object",  # "The United States also [congratulated] Honduras"
    "p2s6": "subject",  # "Honduras [reiterated]"
    "p2s7": "subject",  # "both the United States and Honduras [expressed]"
    "p3s1": "object",  # "the delegations [discussed] ... support Honduras"
}


def test_actor_tone(seed, scores):
    tones = tone_table(seed)["tone"]
    rows = actor_sentences(seed, scores, tones)
    roles = {(r.actor, r.sentence): r.role for r in rows.itertuples()}
    assert roles[("United States", "p2s5")] == "subject"  # "The United States also congratulated Honduras"
    assert roles[("United States", "p3s1")] == "subject"  # "ways in which the United States can support Honduras"
    assert {sid: role for (actor, sid), role in roles.items() if actor == "Honduras"} == HONDURAS_ROLES
    naming = [s.id for s in seed.sentences if re.search(r"\bHondura(s|n)\b", s.text)]
    assert naming == list(HONDURAS_ROLES)  # 9 sentences
    table = actor_table(rows)
    roles_by_hand = list(HONDURAS_ROLES.values())
    assert table.loc["Honduras", ["sentences", "as_subject", "as_object"]].to_list() == [
        len(roles_by_hand), roles_by_hand.count("subject"), roles_by_hand.count("object")]  # 9, 6, 3
    # an actor's diplomatic tone is the mean of the tones of the sentences naming it
    us = [s.id for s in seed.sentences if "United States" in s.text]
    assert us == ["p1s1", "p1s2", "p2s1", "p2s3", "p2s5", "p2s7", "p3s1"]
    assert table.loc["United States", "diplomatic_tone"] == pytest.approx(sum(tones[sid] for sid in us) / 7)


#: The seed's words each lexicon holds, with how often the body uses them (found by hand, and re-counted below
#: by a regular expression; TextBlob also scores the "-ly" adverb of each of its adjectives: "successfully").
TEXTBLOB_WORDS = {"human": 4, "high": 2, "strong": 1, "common": 1, "other": 1, "further": 1, "notable": 1, "past": 1,
                  "major": 1, "impressive": 1, "considerable": 1, "numerous": 1, "successfully": 1, "local": 1,
                  "historic": 1, "international": 1, "special": 1, "economic": 1, "vital": 1, "able": 1,
                  "central": 1, "criminal": 1}
VADER_WORDS = {"united": 7, "security": 4, "crime": 4, "respect": 2, "strengthen": 2, "successes": 2, "smuggling": 2,
               "arrests": 2, "smugglers": 2, "support": 2, "importance": 2, "strong": 1, "prevent": 1, "criminals": 1,
               "impressive": 1, "drop": 1, "threats": 1, "like": 1, "rescue": 1, "smuggled": 1, "aggressively": 1,
               "successfully": 1, "focused": 1, "creating": 1, "opportunities": 1, "agreement": 1, "promoting": 1,
               "commitment": 1, "improve": 1, "special": 1, "defenders": 1, "shared": 1, "challenges": 1, "vital": 1,
               "ensuring": 1, "benefit": 1, "increased": 1, "peace": 1, "agreed": 1, "fight": 1, "criminal": 1}
#: The diplomatic-tone lexicon's matches in the seed, sentence by sentence (the evidence column of tone_table).
TONE_MATCHES = ["cooperation",  # p1s1
                "work together", "hold accountable", "strengthen",  # p1s2
                "successes", "threats", "trafficking",  # p2s1
                "successes",  # p2s2
                "collaboration", "strengthen",  # p2s4
                "congratulated", "historic", "agreement", "accountability", "corruption",  # p2s5
                "commitment", "support",  # p2s6, p2s7
                "support", "collaborate", "prosperity",  # p3s1, p3s2
                "agreed", "deepen", "cooperation"]  # p3s3


def test_actor_role_is_read_from_the_parse():
    s = parse_statement("Honduras was congratulated by the United States. U.S. and Japanese officials met Mexico.")
    tones = tone_table(s)["tone"]
    rows = actor_sentences(s, score_statement(s), tones)
    roles = {(r.actor, r.sentence): r.role for r in rows.itertuples()}
    assert roles == {("Honduras", "p1s1"): "object", ("United States", "p1s1"): "subject",
                     ("United States", "p1s2"): "subject", ("Japan", "p1s2"): "subject", ("Mexico", "p1s2"): "object"}


def test_coverage(seed):
    from textblob.en import sentiment as pattern_lexicon
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from readout.analyses.tone.diplomatic import sentence_matches

    words = [w.lower() for s in seed.sentences for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", s.text)]
    assert len(words) == 351  # "intelligence-driven" and "at-risk" are one word each
    vader = SentimentIntensityAnalyzer().lexicon
    assert Counter(w for w in words if w in pattern_lexicon) == TEXTBLOB_WORDS
    assert Counter(w for w in words if w in vader) == VADER_WORDS
    assert [m.text for s in seed.sentences for m in sentence_matches(s, load_tone_lexicon())] == TONE_MATCHES
    table = coverage_table(seed)
    assert table["words_scored"].to_list() == [sum(TEXTBLOB_WORDS.values()), sum(VADER_WORDS.values()),
                                               len(TONE_MATCHES)]  # 26, 61 and 23
    assert (table["words"] == len(words)).all()
    assert table.loc["VADER", "share"] == 61 / 351


def test_labelled_set_and_sign_accuracy():
    table = validation_table()
    assert len(table) == 36
    assert set(table["kind"]) == {"praise", "agreement", "procedure", "concern", "condemnation", "sanctions",
                                  "negation"}
    accuracy = sign_accuracy()["share"]
    print(f"\nsign accuracy on 36 labelled sentences: {accuracy.to_dict()}")
    assert accuracy.to_dict() == {"textblob": 13 / 36, "textblob_leak_free": 12 / 36, "vader": 26 / 36,
                                  "vader_leak_free": 30 / 36, "diplomatic_tone": 33 / 36}
    assert accuracy["diplomatic_tone"] > max(accuracy["textblob"], accuracy["vader"])


def test_sentence_without_hits():
    s = parse_statement("The meeting was held on Tuesday.")
    x = score_sentence(s.sentences[0], s)
    assert (x.polarity, x.polarity_clean, x.vader) == (0.0, 0.0, 0.0)


def test_accuracy_reading():
    from readout.analyses.tone.sign_accuracy import accuracy_reading
    assert str(accuracy_reading(sign_accuracy())) == (
        "On the 36 labelled sentences, the sign was read right by TextBlob 13 of 36 (36%), TextBlob (leak-free) "
        "12 of 36 (33%), VADER 26 of 36 (72%), VADER (leak-free) 30 of 36 (83%) and diplomatic tone 33 of 36 "
        "(92%). The set and the diplomatic-tone lexicon share an author.")


@pytest.mark.parametrize("body, message", [
    ("cooperation:\n  praise:\n    toward: target\n", "category 'praise' needs 'phrases:'"),
    ("cooperation:\n  praise:\n    toward: everyone\n    phrases: {laud: 1}\n", "toward: 'everyone'"),
    ("cooperation:\n  praise:\n    phrases: {laud: 1}\n    weight: 2\n", "unknown key(s) weight"),
    ("pressure:\n  a:\n    phrases: {scold: 1}\n  b:\n    phrases: {scold: 2}\n", "'scold' is listed twice (a, b)"),
    ("pressure:\n  a:\n    phrases: {'... scold': 1}\n", "must begin and end with a word"),
    ("pressure:\n  scold: 1\nnegatorz: [not]\n", "unknown section(s) negatorz"),
])
def test_malformed_tone_lexicons_are_refused_in_one_line(tmp_path, body, message):
    from readout import BadInputError
    bad = tmp_path / "tone.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(BadInputError, match=re.escape(message)):
        load_tone_lexicon(bad)


def test_a_categorised_lexicon_of_ones_own(tmp_path):
    own = tmp_path / "tone.yaml"
    own.write_text("cooperation:\n  kind words:\n    toward: target\n    phrases: {embrace: 2}\n"
                   "pressure:\n  harsh words:\n    toward: target\n    phrases: {scold: 1, 'tell ... off': 2}\n"
                   "negators: [not]\ncounters: []\nintensifiers: []\nverbs: []\n", encoding="utf-8")
    s = parse_statement("The minister embraces Peru. The envoy told the mayor off and did not scold Chile.")
    table = tone_table(s, load_tone_lexicon(own))
    assert table["evidence"].to_list() == ["embraces (+2 kind words)",
                                           "told the mayor off (-2 harsh words); scold (+0 harsh words, negated by 'not': weighs 0)"]


def test_bad_tone_lexicon_and_leak_list(tmp_path):
    from readout import BadInputError
    from readout.analyses.tone.leaks import load_leak_lexicon
    bad = tmp_path / "tone.yaml"
    bad.write_text("cooperation:\n  agreed: yes\n", encoding="utf-8")
    with pytest.raises(BadInputError, match=r"tone.yaml: tone lexicon: weight of 'agreed' must be a non-zero whole"):
        load_tone_lexicon(bad)
    with pytest.raises(BadInputError, match=r"missing.yaml: leak list not found"):
        load_leak_lexicon(tmp_path / "missing.yaml")
    listy = tmp_path / "list.yaml"
    listy.write_text("- crime\n", encoding="utf-8")
    with pytest.raises(BadInputError, match=r"list.yaml: leak list must be a YAML mapping"):
        load_leak_lexicon(listy)


@pytest.mark.parametrize("text", [
    "We are happy 😀 with the progress made by Honduras!",
    "THE UNITED STATES STRONGLY CONDEMNS THE HORRIFIC ATTACK!!!",
    "The plan is good, but the delays are very bad.",
    "The talks were kind of useful, not great :)",
    "Honduras didn’t fail to act.",
    # VADER's look-back rules: "no" before a lexicon word, "never so", "without doubt", "least", idioms
    "There is no good reason and no real progress, never so good, without doubt a great step.",
    "It was the least helpful meeting, at least not a bad one, and the talks were a kind of success.",
    "The reforms are the bomb, yet the delegation said the plan would break a leg and cut the mustard.",
])
def test_vader_raw_equals_polarity_scores_on_hard_inputs(text):
    s = parse_statement(text)
    vader = SentimentIntensityAnalyzer()
    for x in score_statement(s):
        assert x.vader == vader.polarity_scores(x.sentence.text)["compound"]
        assert (x.polarity, x.subjectivity) == tuple(TextBlob(x.sentence.text).sentiment)


def test_names_are_not_sentence_openers_or_headlines():
    praised = score_statement(parse_statement("Strong Honduran leadership was praised."))[0]
    # "Strong" opens the sentence: not a name, so its score (+0.4333, TextBlob's only hit) stays
    assert praised.polarity_clean == praised.polarity == pytest.approx(0.43333333)
    shout = score_statement(parse_statement("THE UNITED STATES STRONGLY CONDEMNS THE HORRIFIC ATTACK."))[0]
    # in capitals no word is taken for a name: only "UNITED" leaks, by its genre sense, not as "part of the name"
    assert [(h.words, h.leak) for h in shout.hits if h.leak] == [("UNITED", "another sense in this genre")]
    # TextBlob: "strongly" +0.4333 and "horrific" -1.0, both kept: mean -0.2833
    assert shout.polarity_clean == shout.polarity == pytest.approx((0.43333333 - 1.0) / 2)
    modified = score_statement(parse_statement("We note the very common goals of both nations."))[0]
    assert (modified.polarity, modified.polarity_clean) == (pytest.approx(-0.39), 0.0)  # "very" does not rescue


@pytest.mark.parametrize("text, tone", [
    ("The minister didn't agree to the plan.", -1.0),
    ("The minister didn’t agree to the plan.", -1.0),
    ("The minister, who could not attend, welcomed the plan.", 1.0),
    ("Without delay, we condemn the attack.", -1.0),
    ("The government not only welcomed the plan but also pledged funds.", 1.0),
    ("The Press Secretary announced the schedule at a press conference.", 0.0),
    ("We provide urgent humanitarian assistance.", 1.0),
    ("He paid a courtesy call on the President.", 0.0),
    ("They signed the trade agreement.", 1.0),
    ("Honduras disagreed with the proposal.", -1.0),
])
def test_tone_negation_and_overmatching(text, tone):
    assert tone_table(parse_statement(text))["tone"].iloc[0] == tone


def test_strongest_reading_says_when_nothing_is_negative():
    from readout.analyses.tone.sentiment import strongest_reading
    s = parse_statement("The talks were excellent.")
    # TextBlob scores "excellent" +1.0; VADER's lexicon gives it 2.7, compound 2.7 / sqrt(2.7² + 15) = +0.57
    assert str(strongest_reading(score_statement(s))) == (
        "No sentence reads negative by TextBlob (leak-free). Most positive by TextBlob: p1s1 (+1.00), “The talks "
        "were excellent.” No sentence reads negative by VADER (leak-free). Most positive by VADER: p1s1 (+0.57), "
        "“The talks were excellent.”")


def test_tone_reading_warns_on_a_foreign_statement():
    from readout.analyses.tone.sentiment import tone_reading
    s = parse_statement("Los Estados Unidos y Honduras celebraron hoy un diálogo sobre seguridad.")
    scores = score_statement(s)
    reading = str(tone_reading(document_table(s, scores, document_tone(s)), scores, s))
    assert reading.endswith("This statement does not look like English: all three lexicons are English, so these "
                            "scores say nothing about it.")


def test_form_matcher_inflections_gaps_and_order():
    """Every inflection of a dictionary form; "=form" only that form; "..." up to four words, never across
    punctuation; the phrase listed first wins at one token."""
    from readout.analyses.phrases import FormMatcher

    m = FormMatcher((("hold", "...", "accountable"), ("call", "on"), ("=pressed",), ("welcom*",), ("sanction",)))
    s = parse_statement("They called on Iran and calls on Syria; we pressed, press and are pressing. The U.S. "
                        "welcomed sanctions, held Russia's leaders accountable, held them, accountable.")
    found = [(m.phrases[x.phrase], s.text[x.start:x.end]) for sent in s.sentences for x in m.find(sent.tokens)]
    assert found == [(("call", "on"), "called on"), (("call", "on"), "calls on"), (("=pressed",), "pressed"),
                     (("welcom*",), "welcomed"), (("sanction",), "sanctions"),
                     (("hold", "...", "accountable"), "held Russia's leaders accountable")]


def test_vader_word_offsets_match_a_forward_search(seed):
    """VADER's words are located inside their own whitespace token; on ordinary text that is where a
    forward search finds them, and a word whose token holds it twice is placed in the right token."""
    from readout.analyses.tone.sentiment import _offsets
    from readout.analyses.tone.vader_window import word_valences

    for s in seed.sentences:
        words, _, text, _ = word_valences(s.text)
        fast = _offsets(text, s.text, words)
        cursor, slow = 0, []
        for w in words:
            slow.append(s.text.find(w, cursor))
            cursor = slow[-1] + len(w)
        assert fast == slow
        assert all(s.text[a : a + len(w)] == w for a, w in zip(fast, words, strict=True))
    text = "Good, (good) good."
    words, _, vtext, _ = word_valences(text)
    assert words == ["Good", "good", "good"] and _offsets(vtext, text, words) == [0, 7, 13]


def test_negation_window_reads_the_same_words_as_the_whole_clause(seed):
    """The clause before a match is read from its last characters when they settle it; the negation
    window (the last words, and the word after each) must be what the whole text before gives."""
    import re

    from readout.analyses.tone.diplomatic import _CLAUSE_BREAK, _WORD, NEGATION_WINDOW, _clause_words_before

    texts = [s.text for s in seed.sentences] + [
        "The ministers, who had travelled from Tegucigalpa and San Pedro Sula for the third round of the talks "
        "that began in the spring - after long delays - did not only agree but welcomed the plan.",
        "Officials said that the long-delayed and much-discussed reform of the national civilian police force "
        "didn’t receive the support it needed from the legislature in the current session at all.",
    ]
    for text in texts:
        for end in [m.start() for m in re.finditer(r"\b\w", text)]:
            whole = [w.lower() for w in _WORD.findall(_CLAUSE_BREAK.split(text[:end].replace("’", "'"))[-1])]
            fast = _clause_words_before(text, end, reach=40)
            assert fast[-(NEGATION_WINDOW + 1):] == whole[-(NEGATION_WINDOW + 1):], (text[:end][-60:])
