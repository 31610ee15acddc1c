"""Tables carry snake_case fields at full precision; a page shows them labelled and rounded."""

from __future__ import annotations

import pandas as pd

from readout.analyses import anatomy
from readout.analyses.style import readability
from readout.analyses.tone import sentiment
from readout.fields import LABELS, label
from readout.report.display import readable, show
from readout.report.tables import save_tables


def test_fields_get_reader_labels_only_when_shown(seed):
    table = sentiment.sentence_table(sentiment.score_statement(seed))
    assert list(table.columns) == ["paragraph", "textblob_polarity", "textblob_polarity_leak_free",
                                   "textblob_subjectivity", "vader", "vader_leak_free", "text"]
    shown = readable(table)
    assert list(shown.columns) == ["paragraph", "TextBlob polarity", "TextBlob polarity (leak-free)",
                                   "TextBlob subjectivity", "VADER", "VADER (leak-free)", "text"]
    assert list(table.columns)[1] == "textblob_polarity"  # the table itself is not changed


def test_numbers_are_rounded_for_display_by_field(seed):
    table = readability.readability_table(seed)
    assert table.loc["ari", "value"] == readability.readability_scores(seed)[1]["ari"]  # full precision
    shown = show(table)
    assert list(shown.index)[:2] == ["Flesch Reading Ease", "Flesch-Kincaid grade"]  # one row per measure
    assert shown.loc["ARI", "value"] == 21.55 and shown.index.name == "index"
    facts = readable(anatomy.overview(seed))
    assert facts.loc["words (body)", "value"] == 351 and "decoded as" in facts.index


def test_label_defaults_to_the_field_with_spaces():
    assert label("agenda_rank") == "agenda rank" and label("vader_leak_free") == "VADER (leak-free)"
    assert label(3) == 3
    assert all(field == field.lower() and " " not in field for field in LABELS)


def test_a_non_table_passes_through():
    assert show("a reading") == "a reading"
    assert readable(pd.Series([0.12345], name="share")).iloc[0] == 0.123


def test_csv_keeps_full_precision(tmp_path):
    # TextBlob reads this sentence as -1/6: three decimals would store -0.167
    from readout import parse_statement

    statement = parse_statement("We are slightly hopeful.")
    table = sentiment.sentence_table(sentiment.score_statement(statement))
    value = table["textblob_polarity"].iloc[0]
    assert value == sentiment.score_sentence(statement.sentences[0], statement).polarity
    save_tables({"sentences": table}, tmp_path)
    stored = pd.read_csv(tmp_path / "sentences.csv", index_col=0)
    assert stored["textblob_polarity"].iloc[0] == value == -1 / 6
    assert list(stored.columns)[:2] == ["paragraph", "textblob_polarity"]
