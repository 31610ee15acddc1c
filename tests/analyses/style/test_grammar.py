"""Tagging, parts of speech, passive voice and noun phrases (offline tagger, the parse for passives, our chunker)."""

from __future__ import annotations

import pytest

from readout import parse_statement
from readout.analyses.style.grammar import noun_phrase_table, passive_constructions, pos_counts, pos_profile
from readout.text.tagging import tag_statement


@pytest.fixture(scope="module")
def tagged_seed(seed):
    return tag_statement(seed)


def test_tags_align_with_tokens(tagged_seed, seed):
    assert [len(ts.tokens) for ts in tagged_seed.sentences] == [len(s.tokens) for s in seed.sentences]
    first = tagged_seed.sentences[0].tokens
    assert [(tt.token.text, tt.tag) for tt in first[:5]] == [
        ("The", "DT"), ("United", "NNP"), ("States", "NNPS"), ("and", "CC"), ("Honduras", "NNP")]


def test_seed_pos_profile(tagged_seed):
    assert pos_counts(tagged_seed) == {"nouns": 124, "verbs": 58, "adjectives": 38, "adverbs": 9, "words": 351}
    profile = pos_profile(tagged_seed)
    assert profile.loc["noun_verb_ratio", "share"] == pytest.approx(124 / 58, abs=0.005)
    assert profile.loc["nouns", "share"] == pytest.approx(124 / 351, abs=0.0005)


def test_passives(seed):
    assert passive_constructions(seed) == [("p2s2", "being smuggled")]
    s = parse_statement("Honduras was congratulated by the United States. The plan was not fully agreed. "
                        "The two sides agreed. The attack perpetrated by the regime killed ten people. "
                        "We are deeply concerned by the violence. Aid will be delivered soon.")
    # read from the parse, as the events read them: a reduced passive with "by" counts, an adjective
    # after "be" ("concerned") does not, and the construction starts at the form of "be"
    assert passive_constructions(s) == [("p1s1", "was congratulated"), ("p1s2", "was not fully agreed"),
                                        ("p1s4", "perpetrated by"), ("p1s6", "be delivered")]


def test_passives_agree_with_the_parse_on_every_sentence(seed):
    from readout.text.parse import dependency_parse
    s = parse_statement("Sanctions were imposed on the regime. The regime imposed a curfew. "
                        "Officials were detained and tortured. We welcome the steps taken by Japan.")
    parsed = dependency_parse(s).sentences
    passive = {ps.sentence.id for ps in parsed if any(t.tag.startswith("VB") and ps.passive(i)
                                                      for i, t in enumerate(ps.tokens))}
    assert passive == {sid for sid, _ in passive_constructions(s)} == {"p1s1", "p1s3", "p1s4"}


def test_seed_noun_phrases(tagged_seed):
    table = noun_phrase_table(tagged_seed, min_words=2)
    assert table.loc["united states", "count"] == 7
    for phrase in ("transnational organized crime", "high level security dialogue", "human rights defender",
                   "bilateral human rights dialogue", "judicial institution", "migrant child"):
        assert table.loc[phrase, "count"] == 1, phrase
    # a participle after a noun is the verb, not part of a phrase
    assert "honduras highlighted considerable success" not in table.index
    assert table.loc["considerable success", "as_written"] == "considerable successes"


def test_grammar_reading(tagged_seed, seed):
    from readout.analyses.style.grammar import grammar_reading, passive_sentences
    assert str(grammar_reading(pos_profile(tagged_seed), passive_sentences(seed), seed)) == (
        "Nouns make up 35% of the words and verbs 17% (noun/verb ratio 2.14); adjectives 11%, adverbs 3%. "
        "1 of 12 sentences use a passive construction (p2s2).")
    one = parse_statement("Honduras agreed.")
    tagged = tag_statement(one)
    assert str(grammar_reading(pos_profile(tagged), passive_sentences(one), one)).endswith(
        "0 of 1 sentence uses a passive construction (none).")


def test_numbers_only_is_not_called_foreign():
    from readout.errors import NotComputable
    with pytest.raises(NotComputable, match="has no words with letters to read"):
        tag_statement(parse_statement("2024. 1,000. 3.5%."))


def test_verbless_statement():
    # (capitalised words alone say nothing of a language: a few lower-case function words make it English)
    s = parse_statement("Security for the people. Prosperity for all of them. Partnership with the region.")
    counts = pos_counts(tag_statement(s))
    assert counts["verbs"] == 0 and counts["nouns"] == 5
    assert pos_profile(tag_statement(s)).loc["noun_verb_ratio", "share"] != pos_profile(tag_statement(s)).loc[
        "noun_verb_ratio", "share"]  # NaN: no verbs
