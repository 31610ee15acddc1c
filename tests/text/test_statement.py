"""The statement model on the seed, counted by hand."""

from __future__ import annotations

from readout import parse_statement


def test_seed_anatomy(seed):
    assert (len(seed.paragraphs), len(seed.sentences)) == (3, 12)
    assert seed.dateline.place == "Washington, DC"
    assert seed.dateline.text == "Washington, DC - "
    assert seed.header == () and seed.end_markers == ()


def test_seed_sentence_ids_and_lengths(seed):
    assert [s.id for s in seed.sentences] == [
        "p1s1", "p1s2", "p2s1", "p2s2", "p2s3", "p2s4", "p2s5", "p2s6", "p2s7", "p3s1", "p3s2", "p3s3"]
    # Words per sentence, punctuation excluded; p2s7 counted by hand:
    # In this regard both the United States and Honduras expressed support for
    # their bilateral human rights dialogue = 17.
    assert [s.n_words for s in seed.sentences] == [19, 38, 45, 25, 34, 30, 21, 23, 17, 34, 37, 28]
    # The file has 354 whitespace-separated words; the dateline's "Washington, DC -" holds 3 of them.
    assert seed.n_words == 351


def test_seed_offsets_point_into_the_text(seed):
    for s in seed.sentences:
        assert seed.text[s.start : s.end] == s.text
        for t in s.tokens:
            assert seed.text[t.start : t.end] == t.text
    first = seed.sentences[0]
    assert (first.start, first.end) == (17, 17 + 133)  # the first sentence is 133 characters
    assert first.text.startswith("The United States and Honduras have built")
    assert seed.sentences[-1].text.endswith("regional cooperation and integration.")


def test_tokens_keep_names_and_numbers_whole():
    s = parse_statement("The U.S.-Honduras talks on MS-13 in 2024 cost $1,500.50, said Dr. Ruiz.")
    assert list(s.sentences[0].words) == [
        "The", "U.S.-Honduras", "talks", "on", "MS-13", "in", "2024", "cost", "$1,500.50", "said", "Dr.", "Ruiz"]


def test_ids_are_stable_across_runs(seed):
    again = parse_statement(seed.text)
    assert [(s.id, s.start, s.end) for s in again.sentences] == [(s.id, s.start, s.end) for s in seed.sentences]
