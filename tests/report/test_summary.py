"""The summary's headlines are rendered from the rows the corpus engine stores: one route for every number."""

from __future__ import annotations

import pytest
from conftest import SEED

from readout import parse_statement
from readout.analyses.lexicons import Lexicons
from readout.analyses.rows import analyse
from readout.collection.corpus import read_corpus, run_corpus
from readout.report.summary import headlines


@pytest.fixture(scope="module")
def lexicons():
    return Lexicons.load()


def test_seed_headlines(seed, lexicons):
    table = headlines(analyse(seed, lexicons)).table()
    assert table.loc["What is this statement?", "reading"] == (
        "3 paragraphs, 12 sentences and 351 words of body text, datelined Washington, DC. It carries no date (give "
        "one with --date, the date parameter or a metadata.csv beside the file). It has no headline: the title is "
        "its opening words (give one with --title, the title parameter or a metadata.csv).")
    assert list(table.index[:3]) == ["What tone does it take?", "Toward whom?", "Who speaks?"]  # findings first
    assert table.loc["How hard is it to read?", "figure"] == "Flesch-Kincaid grade 19.7"
    assert table.loc["What tone does it take?", "figure"] == "strongly positive (tone score +0.50): praises or supports Honduras"
    assert table.loc["What tone does it take?", "reading"].startswith(
        "Cooperation carries 67% of the statement and pressure 17% (tone score = cooperation − pressure")
    assert table.loc["Toward whom?", "figure"].startswith("praises or supports Honduras most (")
    assert "VADER reads +0.62 without names" in table.loc["What tone does it take?", "reading"]
    # from the events (tests/analyses/actors/test_credit.py): congratulated, can support
    # (each party → "Both sides": a misread recipient, listed in test_credit.py's EXTRA)
    assert table.loc["Who credits whom?", "figure"] == ("United States → Both sides (credit, 2); Honduras → Both "
                                                        "sides (credit, 2); United States → Honduras (credit, 2)")
    assert table.loc["Who credits whom?", "reading"].endswith(
        "2 of the 13 events found have no actor the parse names and could not be counted.")
    assert table.loc["Who promises what?", "figure"] == "4 commitments, 1 firm"
    assert ("made by Both sides (2), Honduras (1), United States (1). The count includes negated commitments, "
            "promises not to act (\"will never recognise\"): none here.") in table.loc["Who promises what?", "reading"]
    assert table.loc["What is it about?", "figure"] == (
        "crime and narcotics (31%), diplomacy and cooperation (27%)")  # trade (11%): in the reading, below 12%
    assert table.loc["What does it leave out?", "figure"] == "no basis for an expectation"
    assert table.loc["Which words stand out?", "figure"] == "crime, human, security, migrant, rights"
    assert table.loc["Who speaks?", "figure"] == "United States"
    assert table.loc["Who speaks?", "reading"].startswith("Read from the dateline: “Washington, DC -”.")
    assert (table["warning"] == "").all()  # the seed's actors are all recognised
    assert list(table.columns) == ["figure", "reading", "warning", "explained_in"]


def test_low_coverage_is_a_visible_warning(lexicons):
    # names the tool cannot know, and a "we" nobody signs: the actor lines carry a warning
    text = ("We condemn the Zorblan Liberation Council and the Quaxian Directorate. "
            "We call on Marvel Tarn and Oskar Vell to stop. They must answer to Lorn Keep.")
    rows = analyse(parse_statement(text), lexicons)
    headline = {h.question: h for h in headlines(rows).rows}
    assert headline["Who speaks?"].figure == "unknown"
    assert headline["Toward whom?"].figure.startswith("presses ")
    for question in ("Toward whom?", "Who credits whom?", "Who speaks?"):
        assert "the speaker could not be read" in headline[question].warning
    html = headlines(rows)._repr_html_()
    # ... and so does the theme line: no sentence carries a theme, the key terms are offered instead
    assert headline["What is it about?"].warning.startswith("The themes describe only part of this statement: 0%")
    assert html.count('class="readout-warning" role="note"') == 4


def test_headlines_equal_the_stored_corpus_row(tmp_path, lexicons):
    """Rendering the rows the corpus engine wrote to Parquet gives the same page as the summary notebook."""
    run = run_corpus([str(SEED)], tmp_path / "corpus", {}, scheduler="synchronous", err=[].append)
    assert run.exit_code == 0
    stored = read_corpus(tmp_path / "corpus")
    st = stored["statement"].iloc[0]
    direct = analyse(parse_statement(SEED.read_text(encoding="utf-8")), lexicons).statement
    for field in ("words", "fk_grade", "tone_score", "tone_label", "most_pressed", "most_praised", "vader",
                  "tone_sentences", "actions", "commitments", "negated_commitments", "unattributed_events",
                  "silences", "key_terms", "key_phrases", "dateline"):
        assert st[field] == direct[field], field
    assert list(stored["edge"]["from_actor"]) == ["United States", "Honduras", "United States"]
    assert len(stored["commitment"]) == 4 and set(stored["commitment"]["strength"]) == {"firm", "soft"}
    assert len(stored["event"]) == st["actions"] == 13


def test_a_statement_not_in_english_says_so(lexicons):
    spanish = parse_statement("Los Estados Unidos y Honduras celebraron el diálogo. Las delegaciones hablaron de "
                              "la seguridad y de los derechos humanos en la región.")
    table = headlines(analyse(spanish, lexicons)).table()
    assert table.loc["What tone does it take?", "figure"] == "not read: the statement does not look like English"
    assert table.loc["How hard is it to read?", "figure"] == "not computed"
    assert table.loc["Who promises what?", "figure"] == "not computed"


def test_tone_line_names_the_pressed_and_the_praised(lexicons):
    """A statement that condemns one actor and supports another is mixed, and says toward whom (issue #15)."""
    text = ("The United States strongly condemns Russia's brutal and unprovoked war against Ukraine. We call on "
            "Russia to withdraw its forces. We will hold Russia accountable. We stand with Ukraine and will continue "
            "to support Ukraine with security assistance. We commend Ukraine's brave defenders.")
    rows = analyse(parse_statement(text), lexicons)
    st = rows.statement
    assert (st["tone_label"], st["most_pressed"], st["most_praised"]) == ("mixed", "Russia", "Ukraine")
    headline = {h.question: h for h in headlines(rows).rows}
    assert headline["What tone does it take?"].figure.endswith("): presses Russia, praises or supports Ukraine")
    assert headline["Toward whom?"].figure.startswith("presses Russia most (-1.00; pressure ")
    assert "praises or supports Ukraine most (+1.00; praise " in headline["Toward whom?"].figure


def test_credit_and_promise_lines_count_attributed_events_and_negated_commitments(lexicons):
    """Credit, pressure and commitments come from the events whose actor the parse names; the lines say how
    many events have none, and that the commitment count includes a promise not to act."""
    text = ("Office of the Spokesperson\n\nThe United States condemns Russia's attack on Ukraine. We did not "
            "condemn Ukraine. We will never recognize Russia's claim to Crimea, and we will continue to support "
            "Ukraine. We call on Russia to withdraw its forces. The resolution condemns Russia.")
    rows = analyse(parse_statement(text), lexicons)
    st = rows.statement
    assert (st["actions"], st["unattributed_events"], st["commitments"], st["firm_commitments"],
            st["negated_commitments"]) == (6, 1 / 6, 2, 2, 1)
    headline = {h.question: h for h in headlines(rows).rows}
    # "did not condemn Ukraine" presses no one; "will never recognize" is a rejection; the resolution has no actor
    assert headline["Who credits whom?"].figure == ("United States → Russia (pressure, 3); "
                                                    "United States → Ukraine (credit, 1)")
    assert headline["Who credits whom?"].reading.endswith(
        "1 of the 6 events found has no actor the parse names and could not be counted.")
    assert headline["Who promises what?"].figure == "2 commitments, 2 firm, 1 negated"
    assert ("The count includes negated commitments, promises not to act (\"will never recognise\"): 1 here."
            in headline["Who promises what?"].reading)


def test_a_given_title_and_date_head_the_summary(tmp_path, lexicons):
    from readout.text.statement import load_statement

    path = tmp_path / "pasted.txt"
    path.write_text("The United States welcomes the agreement. Both sides will meet again.\n", encoding="utf-8")
    rows = analyse(load_statement(path, title="Readout: a call", date="2026-03-01"), lexicons)
    assert (rows.statement["title_source"], rows.statement["date"], rows.statement["date_source"]) == (
        "given", "2026-03-01", "given")
    built = headlines(rows).table().loc["What is this statement?"]
    assert built["figure"] == "Readout: a call"
    assert built["reading"] == "1 paragraph, 2 sentences and 11 words of body text. Dated 2026-03-01 (as given)."
