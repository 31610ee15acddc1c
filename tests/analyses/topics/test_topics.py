"""Key terms, themes and the topic model: hand-computed values, the seed's themes, bad lexicons."""

from __future__ import annotations

import math

import numpy as np
import pytest

from readout import parse_statement
from readout.analyses.terms import fold
from readout.analyses.topics import keyterms, themes, topicmodel
from readout.errors import BadInputError, NotComputable


def lexicon_file(tmp_path, text: str):
    path = tmp_path / "themes.yaml"
    path.write_text(text, encoding="utf-8")
    return themes.load_theme_lexicon(path)


# --- the seed: every theme a reader names, with its evidence sentence ---------------------------

SEED_THEMES = [  # (theme, sentence, a matched phrase in it)
    ("crime and narcotics", "p1s2", "crime"),
    ("crime and narcotics", "p2s1", "traffickers"),  # "the extradition of major drug traffickers"
    ("crime and narcotics", "p2s1", "extradition"),
    ("migration", "p2s2", "migrant"),  # "On migrant smuggling, ..."
    ("migration", "p2s3", "human smuggling"),
    ("human rights", "p2s6", "human rights"),
    ("corruption and governance", "p2s5", "corruption"),
    ("rule of law and justice", "p1s2", "judicial"),
    ("rule of law and justice", "p2s3", "investigations"),
    ("trade and investment", "p3s2", "economic"),
    ("diplomacy and cooperation", "p3s3", "cooperation"),
]


@pytest.mark.parametrize(("theme", "sentence", "phrase"), SEED_THEMES)
def test_seed_themes_are_found_with_their_evidence(seed, theme, sentence, phrase):
    found = themes.read_themes(seed)
    assert theme in found.of_sentence(sentence)
    evidence = themes.sentence_theme_table(found).loc[sentence, "evidence"]
    assert phrase in evidence.split(f"{theme}: ", 1)[1].split(" | ")[0]


def test_seed_shares_agenda_and_silences(seed):
    found = themes.read_themes(seed)
    table = themes.theme_share_table(found)
    # crime and narcotics: p1s2 p2s1 p2s2 p2s3 p2s4 p3s3
    flow = themes.theme_flow(found)
    assert flow.loc["crime and narcotics"].gt(0).sum() == table.loc["crime and narcotics", "sentences"] == 6
    assert table.loc["crime and narcotics", "sentence_share"] == 0.5
    assert list(table.index[:3]) == ["diplomacy and cooperation", "crime and narcotics", "rule of law and justice"]
    assert table.loc["crime and narcotics", "agenda_rank"] == 2 and table.loc["crime and narcotics", "first_sentence"] == "p1s2"
    # every sentence carries a theme: the shares of words add up to all 351
    assert table["words_allocated"].sum() == pytest.approx(351)
    assert themes.top_themes(table) == ["crime and narcotics", "diplomacy and cooperation", "trade and investment"]
    assert themes.themes_in_substance(table) == ["crime and narcotics", "diplomacy and cooperation"]
    assert themes.theme_key("crime and narcotics") == "crime_and_narcotics"
    assert found.lexicon.expected == () and themes.silences(found, ("energy", "migration")) == ["energy"]
    assert list(themes.unmatched_sentences(found).index) == []
    coverage = themes.coverage_table(found)
    assert (coverage.loc["sentences_with_a_theme", "count"], coverage.loc["sentences_with_a_theme", "of"]) == (12, 12)


# --- shares and agenda order, computed by hand ---------------------------------------------------

LEXICON = """
themes:
  alpha: [apples, orchard*]
  beta: [boats, harbour master]
  gamma: [clouds]
expected: [alpha, gamma]
"""


def test_shares_and_agenda_by_hand(tmp_path):
    lexicon = lexicon_file(tmp_path, LEXICON)
    # s1: 4 words, beta then alpha; s2: 6 words, alpha (twice); s3: 5 words, no theme
    st = parse_statement("Boats carry ripe apples. The orchards grow apples every year. Nothing else happened here today.")
    found = themes.read_themes(st, lexicon)
    assert found.of_sentence("p1s1") == ("beta", "alpha") and found.of_sentence("p1s3") == ()
    table = themes.theme_share_table(found)
    assert list(table.index) == ["beta", "alpha", "gamma"]  # agenda: beta's "Boats" comes first
    assert table.loc["alpha", "sentences"] == 2 and table.loc["alpha", "sentence_share"] == 2 / 3
    assert table.loc["alpha", "words_allocated"] == 2 + 6  # half of s1's 4 words, all of s2's 6
    assert table.loc["alpha", "word_share"] == 8 / 15
    assert table.loc["beta", "word_share"] == 2 / 15
    assert table.loc["alpha", "matches"] == 3 and table.loc["alpha", "evidence"] == "apples (2), orchards"
    assert pd_isna(table.loc["gamma", "agenda_rank"]) and table.loc["gamma", "sentences"] == 0
    assert themes.silences(found, lexicon.expected) == ["gamma"]
    assert "never appears: gamma" in str(themes.silence_reading(found, lexicon.expected))
    reading = str(themes.agenda_reading(table, found))
    assert "opens with beta (sentence p1s1)" in reading and "alpha gets the most space, 53% of the words" in reading


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_longer_phrase_wins_and_multiword_phrases_match_across_lines(tmp_path):
    lexicon = lexicon_file(tmp_path, LEXICON)
    st = parse_statement("The Harbour\nMaster met the boats.")
    found = themes.read_themes(st, lexicon)
    assert [(m.theme, m.text) for m in found.matches] == [("beta", "Harbour\nMaster"), ("beta", "boats")]


@pytest.mark.parametrize(("text", "message"), [
    ("themes: []\n", "theme lexicon needs 'themes:'"),
    ("themes:\n  a: [x]\n  b: [X]\n", "'X' is listed under both 'a' and 'b'"),
    ("themes:\n  a: []\n", "theme 'a' must list at least one phrase"),
    ("themes:\n  a: [x]\nexpected: [b]\n", "'expected' names unknown themes: 'b'"),
    ("- a\n", "theme lexicon must be a YAML mapping"),
])
def test_bad_theme_lexicons_are_named(tmp_path, text, message):
    with pytest.raises(BadInputError, match=f"themes.yaml: .*{message}"):
        lexicon_file(tmp_path, text)


def test_expected_themes_must_exist(tmp_path):
    lexicon = themes.load_theme_lexicon()
    assert themes.expected_themes(lexicon, []) == lexicon.expected
    assert themes.expected_themes(lexicon, ["human rights"]) == ("human rights",)
    with pytest.raises(BadInputError, match="expected_themes names themes this lexicon does not have: 'weather'"):
        themes.expected_themes(lexicon, ["weather"])


# --- key terms: TF-IDF by hand -------------------------------------------------------------------

def test_idf_and_term_scores_by_hand():
    st = parse_statement("Smugglers crossed the border. The smuggler fled. Police arrived in X-13 territory in 2024.")
    rows = {r[0]: r for r in keyterms.term_scores(st)}
    # "Smugglers" (sentence start) and "smuggler" fold together: count 2, in 2 of 3 sentences
    assert fold("Smugglers", sentence_start=True) == "smuggler"
    term, count, df, weight, score, written, first = rows["smuggler"]
    assert (count, df, first) == (2, 2, "p1s1")
    assert weight == pytest.approx(math.log(4 / 3) + 1) and score == pytest.approx(2 * (math.log(4 / 3) + 1))
    assert rows["border"][4] == pytest.approx(math.log(4 / 2) + 1)  # once, in one sentence: ln(4/2) + 1 = 1.693
    assert {"x-13", "2024"} <= set(rows)  # digits and hyphens kept whole
    assert keyterms.idf(3, 3) == 1.0


def test_phrases_counted_inside_longer_runs_and_covered_ones_dropped():
    st = parse_statement("They defend human rights. Human rights defenders met bilateral human rights partners.")
    rows = {r[0]: r for r in keyterms.phrase_scores(st)}
    assert rows["human rights"][1] == 3  # inside "human rights defenders" and "bilateral human rights partners" too
    # "rights defenders" occurs only inside "human rights defenders", as often: left out for it
    assert "human rights defender" in rows and "rights defender" not in rows
    table = keyterms.key_terms_table(st, n=3)
    assert table.loc["human rights", "kind"] == "phrase" and table.index[0] == "human"


# --- the topic model -----------------------------------------------------------------------------

def test_nmf_recovers_two_blocks_and_is_reproducible():
    x = np.array([[1, 1, 1, 0, 0, 0], [2, 1, 1, 0, 0, 0], [1, 2, 1, 0, 0, 0],
                  [0, 0, 0, 1, 1, 2], [0, 0, 0, 2, 1, 1], [0, 0, 0, 1, 1, 1]], dtype=float)
    w, h, iterations, error = topicmodel.nmf(x, 2, seed=7)
    assert (w >= 0).all() and (h >= 0).all() and error == pytest.approx(float(np.linalg.norm(x - w @ h)))
    # The least error any rank-2 factorisation can leave (Eckart-Young) is the norm of the singular values
    # beyond the second: each 3x3 block has 2 + √3, 1 and 2 - √3, so sqrt(2 (1 + (2 - √3)²)) = 2 (√3 - 1).
    # The blocks' best rank-1 factors are non-negative (Perron-Frobenius), so NMF can and must reach it.
    assert np.linalg.svd(x, compute_uv=False)[2:] == pytest.approx([1, 1, 2 - math.sqrt(3), 2 - math.sqrt(3)])
    assert error == pytest.approx(2 * (math.sqrt(3) - 1), rel=1e-6)
    assert iterations % 10 == 0 and iterations < topicmodel.MAX_ITER  # stopped by its test every 10, not the cap
    main = w.argmax(axis=1)
    assert len(set(main[:3])) == 1 and len(set(main[3:])) == 1 and main[0] != main[3]
    w2, h2, _, _ = topicmodel.nmf(x, 2, seed=7)
    assert np.array_equal(w, w2) and np.array_equal(h, h2)
    with pytest.raises(ValueError):
        topicmodel.nmf(-x, 2)


def test_topic_model_on_the_seed(seed):
    model = topicmodel.fit_topics(seed, 3, 2024)
    shares = topicmodel.sentence_topic_table(model)
    assert shares.drop(columns="main_topic").sum(axis=1).round(2).eq(1.0).all()
    comparison = topicmodel.topic_theme_table(model, themes.read_themes(seed))
    smuggling = shares.loc["p2s2", "main_topic"]  # the migrant-smuggling sentence's topic
    assert comparison.loc[smuggling, "closest_theme"] == "crime and narcotics"
    assert "lines up best with crime and narcotics" in str(topicmodel.topic_reading(model, comparison))
    again = topicmodel.fit_topics(seed, 3, 2024)
    assert np.array_equal(model.w, again.w)


def test_topic_model_refuses_too_small_statements():
    one = parse_statement("The United States and Honduras agreed today to extend their security partnership.")
    with pytest.raises(NotComputable, match="1 different sentence with content words is too few for 3 topics"):
        topicmodel.fit_topics(one, 3)
    with pytest.raises(NotComputable, match="at least 1"):
        topicmodel.fit_topics(one, 0)


def test_theme_words_match_in_every_form_and_capitals_only_as_written():
    found = themes.read_themes(parse_statement(
        "Drug traffickers smuggled refugees; the REFUGEES' camps and IDPs. NATO's allies met the Nato envoy. "
        "AIDS relief aids the vaccinated. Counter-terrorism and post-war aid went to the Transparency "
        "International office."))
    got = [(m.theme, m.text) for m in found.matches]
    assert ("crime and narcotics", "Drug") in got and ("crime and narcotics", "smuggled") in got
    assert ("migration", "refugees") in got and ("migration", "IDPs") in got  # a plural acronym
    assert ("armed conflict and defense", "NATO's") in got  # capitals as written, possessive allowed
    assert ("armed conflict and defense", "Nato") in got  # the spelling with one capital, listed too
    assert ("terrorism", "Counter-terrorism") in got  # hyphens out: "counterterrorism"
    assert ("armed conflict and defense", "post-war") in got  # a part of a hyphenated word
    assert not any(text.lower() == "transparency" for _, text in got)  # a word inside a name is no evidence
    assert ("health", "AIDS") in got and ("health", "vaccinated") in got
    assert ("health", "aids") not in got  # "aids" is a form of "aid", never of the entry "AIDS"


# --- review findings, each pinned down --------------------------------------------------------

def test_apostrophes_straight_or_curly_and_possessives_match():
    found = themes.read_themes(parse_statement("The region's police, the court’s rulings and the judges' work."))
    assert [(m.theme, m.text) for m in found.matches] == [
        ("crime and narcotics", "police"), ("rule of law and justice", "court’s"), ("rule of law and justice", "judges")]
    assert fold("region’s") == "region" and fold("judges'") == "judge" and fold("Honduras’s") == "honduras"


@pytest.mark.parametrize(("text", "message"), [
    ("themes:\n  a:\n    -\n", "a phrase that is not text: None"),
    ("themes:\n  a: [no]\n", "a phrase that is not text: False"),
    ("themes:\n  a: [1.50]\n", "a phrase that is not text: 1.5"),
    ("themes:\n  a: [[rights, law]]\n", "a phrase that is not text"),
    ("themes:\n  1: [x]\n", "theme name 1 must be text"),
    ("themes:\n  a: ['* rights']\n", "'\\* rights': '\\*' may only end a word"),
    ("themes:\n  a: ['ri*ghts']\n", "may only end a word"),
    ("themes:\n  a: [x]\nexpected: [a, a]\n", "'expected' names a theme twice"),
])
def test_theme_lexicon_junk_is_refused(tmp_path, text, message):
    with pytest.raises(BadInputError, match=message):
        lexicon_file(tmp_path, text)


def test_expected_themes_must_be_a_list_of_names():
    lexicon = themes.load_theme_lexicon()
    with pytest.raises(BadInputError, match="expected_themes must be a list of theme names, got 'human rights'"):
        themes.expected_themes(lexicon, "human rights")
    assert themes.expected_themes(lexicon, ["human rights", "human rights"]) == ("human rights",)


def test_topic_weights_do_not_depend_on_the_factor_scale(seed):
    model = topicmodel.fit_topics(seed, 3, 2024)
    assert np.allclose(model.h.sum(axis=1), 1.0)
    # relative: the share of the matrix left unexplained, ||X - W H|| / ||X||; at least what the best
    # rank-3 approximation leaves (the singular values beyond the third, Eckart-Young), here 0.8205
    _, _, x = topicmodel._matrix(seed)
    assert model.error == pytest.approx(float(np.linalg.norm(x - model.w @ model.h) / np.linalg.norm(x)))
    bound = float(np.sqrt((np.linalg.svd(x, compute_uv=False)[3:] ** 2).sum()) / np.linalg.norm(x))
    assert bound <= model.error < bound + 0.01
    # "none" only for a sentence whose words no topic uses (seed 3 leaves p2s5's words out of every topic)
    other = topicmodel.fit_topics(seed, 3, 3)
    table = topicmodel.sentence_topic_table(other)
    for i, sid in enumerate(other.sentence_ids):
        uses = float((x[i] @ other.h.T).sum())
        assert (table.loc[sid, "main_topic"] == "none") == (uses == 0.0), sid
    assert table.loc["p2s5", "main_topic"] == "none"


def test_topic_model_refuses_copies_negative_seeds_and_key_terms_zero():
    copies = parse_statement(" ".join(["Border security funding grows quickly across regional police networks."] * 6))
    with pytest.raises(NotComputable, match="1 different sentence with content words is too few for 3 topics"):
        topicmodel.fit_topics(copies, 3)
    with pytest.raises(NotComputable, match="the seed must be a whole number of 0 or more"):
        topicmodel.fit_topics(copies, 1, -1)
    with pytest.raises(NotComputable, match="must be at least 1"):
        keyterms.key_terms_table(copies, 0)


def test_closest_theme_only_when_over_represented(tmp_path):
    lexicon = lexicon_file(tmp_path, "themes:\n  crime: [crime]\n  boats: [boats]\n")
    st = parse_statement("Crime fell. Crime rose. Crime stayed. Boats came. Crime and boats.")
    found = themes.read_themes(st, lexicon)
    ids = tuple(s.id for s in st.sentences)
    w = np.array([[1, 0], [1, 0], [1, 0], [0, 1], [0, 1]], dtype=float)  # topic 2: "Boats came.", "Crime and boats."
    model = topicmodel.TopicModel(2, 0, ids, ("crime", "boat"), w, np.array([[1.0, 0.0], [0.0, 1.0]]), 1, 0.0)
    table = topicmodel.topic_theme_table(model, found)
    assert table.loc["topic 2", "closest_theme"] == "boats"  # 2 of 2 against 2 of 5
    assert table.loc["topic 1", "closest_theme"] == "crime"  # 3 of 3 against 4 of 5
    model = topicmodel.TopicModel(1, 0, ids, ("crime", "boat"), np.ones((5, 1)), np.array([[0.5, 0.5]]), 1, 0.0)
    assert topicmodel.topic_theme_table(model, found).loc["topic 1", "closest_theme"] == "(none)"


def test_a_statement_with_no_theme_says_so_and_offers_the_key_terms():
    st = parse_statement("The weather was mild on Tuesday. The garden near the lake is green and quiet.")
    found = themes.read_themes(st)
    table = themes.theme_share_table(found)
    assert themes.top_themes(table) == [] and themes.themes_in_substance(table) == []
    assert str(themes.agenda_reading(table, found)).startswith("No theme of the lexicon")
    coverage = themes.coverage_table(found)
    assert "the key terms, which need no lexicon, are the better guide" in str(themes.coverage_reading(coverage, found))
