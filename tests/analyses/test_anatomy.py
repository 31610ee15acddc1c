"""The anatomy tables and readings on the seed and on edge cases."""

from __future__ import annotations

from readout import parse_statement
from readout.analyses import anatomy


def test_overview_counts(seed):
    facts = anatomy.overview(seed)["value"]
    assert facts["paragraphs"] == 3 and facts["list_items"] == 0
    assert facts["sentences"] == 12 and facts["words_body"] == 351
    assert facts["dateline"] == "Washington, DC"
    assert facts["actor_mentions"] == 20  # "Honduran" (a demonym) included
    assert facts["file"] == "000_1844251938b000cf.txt"
    assert facts["end_markers"] == 0 and facts["words_after_end_marker"] == 0


def test_overview_counts_the_words_after_the_end_marker(release):
    facts = anatomy.overview(release)["value"]
    # "For further information, please contact the Office of Press Relations."
    assert facts["end_markers"] == 1 and facts["words_after_end_marker"] == 10


def test_sentence_table(seed):
    table = anatomy.sentence_table(seed)
    assert list(table.index[:3]) == ["p1s1", "p1s2", "p2s1"]
    assert table.loc["p2s7", "words"] == 17
    assert table.loc["p2s7", "paragraph"] == "p2"
    assert table["words"].sum() == 351
    row = table.loc["p3s3"]
    assert seed.text[row["start"] : row["end"]] == row["text"]


def test_paragraph_table(seed):
    table = anatomy.paragraph_table(seed)
    assert table[["sentences", "words"]].to_dict("index") == {
        "p1": {"sentences": 2, "words": 57}, "p2": {"sentences": 7, "words": 195}, "p3": {"sentences": 3, "words": 99}}


def test_mentions_by_paragraph(seed):
    table = anatomy.mentions_by_paragraph(seed)
    assert table.to_dict("index") == {
        "United States": {"p1": 2, "p2": 4, "p3": 1, "total": 7},
        "Honduras": {"p1": 2, "p2": 6, "p3": 1, "total": 9},
        "Both sides": {"p1": 0, "p2": 1, "p3": 2, "total": 3},
        "Transparency International": {"p1": 0, "p2": 1, "p3": 0, "total": 1},
    }


def test_sentence_length_reading(seed):
    # 351 words / 12 sentences = 29.25; over 30 words: 38, 45, 34, 34, 37.
    assert str(anatomy.sentence_length_reading(seed)) == (
        "12 sentences average 29.2 words (above the 15-20 word average that plain-language guidance "
        "recommends); 5 of 12 run past 30 words. The longest is p2s1 (45 words), the shortest p2s7 (17 words).")
    assert anatomy.sentence_length_reading(seed)._repr_html_().startswith('<p class="readout-reading">12 sentences')
    summary = anatomy.sentence_length_summary(seed)
    assert (summary["median"], summary["min"], summary["max"]) == (29.0, 17.0, 45.0)


def test_statement_without_mentions_or_dateline():
    s = parse_statement("Rain fell. The river rose.")
    assert anatomy.mentions_by_paragraph(s).empty
    assert anatomy.mention_table(s).empty
    assert anatomy.metadata_table(s).empty
    assert str(anatomy.sentence_length_reading(s)).startswith("2 sentences average 2.5 words (below")
