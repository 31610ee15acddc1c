"""Tables carry snake_case fields at full precision; a page shows them labelled and rounded."""

from __future__ import annotations

import re

import pandas as pd

from readout.analyses import anatomy
from readout.analyses.style import readability
from readout.analyses.tone import sentiment
from readout.fields import LABELS, label
from readout.report.display import FOLD_AFTER, readable, show
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
    shown = show(table).shown
    assert list(shown.index)[:2] == ["Flesch Reading Ease", "Flesch-Kincaid grade"]  # one row per measure
    assert shown.loc["ARI", "value"] == 21.55 and shown.index.name == "index"
    facts = readable(anatomy.overview(seed))
    assert facts.loc["words (body)", "value"] == 351 and "decoded as" in facts.index


def test_label_defaults_to_the_field_with_spaces():
    assert label("agenda_rank") == "agenda rank" and label("vader_leak_free") == "VADER (leak-free)"
    assert label(3) == 3
    assert all(field == field.lower() and " " not in field for field in LABELS)


def test_a_page_shows_a_table_in_the_readers_language():
    """No pandas row numbers, one header row, blank for a value not computed, yes/no for flags, lists as
    text, numbers at their field's decimals, every value escaped (#17)."""
    table = pd.DataFrame({"share": [0.123456, None, 1.0], "negated": [True, False, pd.NA],
                          "other_parties": [["Chile", "Peru"], [], None], "name": ["<b>x</b>", "y", "z"]})
    page = show(table)._repr_html_()
    assert page.count("<tr") == 4 and page.count("<thead>") == 1  # one header row, three rows
    assert "<th>0</th>" not in page and ">0<" not in page  # no row numbers
    rows = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", r) for r in re.findall(r"<tr>(.*?)</tr>", page, re.S)][1:]
    assert rows == [["0.123", "yes", "Chile, Peru", "&lt;b&gt;x&lt;/b&gt;"], ["", "no", "", "y"],
                    ["1.000", "", "", "z"]]
    for artefact in ("NaN", "&lt;NA&gt;", "None", "True", "False", "[]"):
        assert artefact not in page, artefact
    filtered = show(table[table["name"] != "y"])._repr_html_()  # what is left of the row numbers: still left out
    assert "<th" not in filtered.split("</thead>")[1] and filtered.count("<tr") == 3
    assert repr(show(table.iloc[0:0])) == "The table is empty."
    mixed = show(pd.DataFrame({"share": [0.5, "n/a"], "count": [3.0, None]}))._repr_html_()  # a gap in a count
    assert "<td>0.500</td>" in mixed and "<td>3</td>" in mixed
    named = show(pd.DataFrame({"value": [3]}, index=pd.Index(["words"], name="fact")))._repr_html_()
    # the index is the first column, its values row headers
    assert re.findall(r"<th(?: [^>]*)?>(.*?)</th>", named) == ["fact", "value", "words"]


def test_long_tables_show_their_first_rows_and_fold_the_rest():
    table = pd.DataFrame({"n": range(30)})
    page = show(table)._repr_html_()
    visible, folded = page.split("<details", 1)
    assert visible.count("<td>") == FOLD_AFTER and folded.count("<td>") == 30 - FOLD_AFTER
    assert f"The first {FOLD_AFTER} of 30 rows are shown: show the other {30 - FOLD_AFTER}" in folded
    assert "<details" not in show(table.head(FOLD_AFTER + 3))._repr_html_()  # folding three rows saves nothing
    whole = show(table, fold="Every number")._repr_html_()
    assert whole.startswith('<details class="readout-fold"><summary>Every number (30 rows)</summary>')
    assert whole.count("<td>") == 30


def test_a_sentence_repeated_row_after_row_is_shown_by_its_id_with_the_text_on_hover(seed):
    table = pd.DataFrame({"sentence": ["p1s1", "p1s1", "p2s1"], "actor": ["A", "B", "A"],
                          "text": ['He said "yes" & <left>.', 'He said "yes" & <left>.', "Other."]})
    page = show(table)._repr_html_()
    assert "readout-text" not in page and page.count("He said") == 2  # twice in a title, never as a cell
    assert ('<a href="01-anatomy.ipynb#p1s1" class="readout-sid" title="He said &quot;yes&quot; &amp; '
            '&lt;left&gt;.">p1s1</a>') in page
    once = show(table.drop_duplicates("sentence"))._repr_html_()  # one row per sentence: the text stays
    assert 'class="readout-text">Other.</td>' in once and "readout-sid" not in once
    anchored = show(table.drop_duplicates("sentence").set_index("sentence"), anchors=True)._repr_html_()
    assert '<tr id="p1s1"><th scope="row">p1s1</th>' in anchored


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


def test_tables_shown_for_a_statement_quote_the_sentences_they_name_by_id():
    """Evidence tables show the sentence, not only its id (#25, item 3): its first words, the whole sentence
    folded under them when longer, a link to its row on the anatomy page; up to three per cell."""
    from readout.report.display import QUOTE_WORDS, for_statement
    from readout.text.statement import parse_statement

    st = parse_statement("Washington, DC - The minister met <b>the envoy</b> today. They agreed on a plan to expand "
                         "trade, cut tariffs and open two new border crossings before the end of the year. Talks "
                         "went on. Both sides met again. A fifth sentence closes it.")
    quoting = for_statement(st)
    ids = [s.id for s in st.sentences]
    assert ids == ["p1s1", "p1s2", "p1s3", "p1s4", "p1s5"]
    page = quoting(pd.DataFrame({"actor": ["A", "B"], "first_sentence": ["p1s1", "p1s2"],
                              "sentences": ["p1s3", ", ".join(ids)]}))._repr_html_()
    # a short sentence is quoted whole, escaped; a long one shows QUOTE_WORDS words and folds the rest
    assert ('<span class="readout-quote"><a href="01-anatomy.ipynb#p1s1" class="readout-sid" title="The minister met '
            '&lt;b&gt;the envoy&lt;/b&gt; today.">p1s1</a> “The minister met &lt;b&gt;the envoy&lt;/b&gt; '
            'today.”</span>') in page
    long = st.sentences[1].text
    assert len(long.split()) > QUOTE_WORDS
    opening = " ".join(long.split()[:QUOTE_WORDS])
    assert f'p1s2</a> “{opening} …”</summary>“{long}”</details>' in page
    # five ids in one cell: three quoted, two more as links
    assert page.count('href="01-anatomy.ipynb#p1s4"') == 1 and "“Both sides met again.”" not in page
    assert 'and 2 more: <a href="01-anatomy.ipynb#p1s4"' in page
    assert "<b>" not in page  # statement text is data
    # a row that shows its own sentence's text does not quote its id again; an id the statement lacks stays as it is
    own = quoting(pd.DataFrame({"sentence": ["p1s3", "p9s9"], "text": ["Talks went on.", "x"],
                                "first_sentence": ["p9s9", "p1s3"]}))._repr_html_()
    assert own.count("readout-quote") == 1 and "<td>p9s9</td>" in own
    # a cell that repeats the one above it names the sentence without quoting it again
    runs = quoting(pd.DataFrame({"word": ["a", "b", "c"], "sentence": ["p1s3", "p1s3", "p1s4"]}))._repr_html_()
    assert runs.count("“Talks went on.”") == 1 and runs.count("“Both sides met again.”") == 1
    assert ('<a href="01-anatomy.ipynb#p1s3" class="readout-sid" title="Talks went on.">p1s3</a> (as above)'
            in runs)
    # the credit edges' form, each sentence with the words that matched in it
    cued = quoting(pd.DataFrame({"from": ["A"], "sentences": ["p1s3 (went on); p1s4 (met)"]}))._repr_html_()
    assert ('title="Talks went on.">p1s3</a> (went on) “Talks went on.”</span><span class="readout-quote">'
            '<a href="01-anatomy.ipynb#p1s4" class="readout-sid" title="Both sides met again.">p1s4</a> (met) '
            '“Both sides met again.”</span>') in cued
    again = quoting(pd.DataFrame({"from": ["A", "B"], "sentences": ["p1s3 (went on)", "p1s3 (went on)"]}))._repr_html_()
    assert again.count("“Talks went on.”") == 1
    assert 'title="Talks went on.">p1s3</a> (went on) (as above)</span>' in again
    # without a statement, ids are shown as they are
    assert "readout-quote" not in show(pd.DataFrame({"first_sentence": ["p1s1"]}))._repr_html_()
