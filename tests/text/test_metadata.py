"""A title and a date given for a statement: ``--title``/``--date``, the notebooks' parameters, a folder's
metadata.csv (#25, item 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from readout.errors import BadInputError
from readout.text.metadata import Given, given_for
from readout.text.statement import given_parameters, load_statement

BODY = "Washington, DC - The United States welcomes the agreement. Both sides will meet again.\n"


def _folder(tmp_path, metadata: str | None):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    if metadata is not None:
        (tmp_path / "metadata.csv").write_text(metadata, encoding="utf-8")
    return tmp_path


def test_a_folders_metadata_gives_titles_and_dates_and_the_text_keeps_the_rest(tmp_path):
    folder = _folder(tmp_path, "file,title,date\na.txt,Readout of a call,2026-03-01\nb.txt,,1 March 2025\n")
    a, b, c = (load_statement(folder / n) for n in ("a.txt", "b.txt", "c.txt"))
    assert (a.title, a.title_source, a.date) == ("Readout of a call", "given",
                                                            (dt.date(2026, 3, 1), "given"))
    assert (b.title_source, b.date) == ("opening words", (dt.date(2025, 3, 1), "given"))
    assert (c.title, c.title_source, c.date) == ("The United States welcomes the agreement.",
                                                            "opening words", None)
    assert given_parameters(a) == {"title": "Readout of a call", "date": "2026-03-01"}
    assert given_parameters(c) == {}
    # what is given to the loader wins over the metadata file
    a2 = load_statement(folder / "a.txt", title="Mine", date="2027-01-02")
    assert (a2.title, a2.date.date) == ("Mine", dt.date(2027, 1, 2))


def test_a_changed_metadata_file_is_read_again(tmp_path):
    folder = _folder(tmp_path, "file,title\na.txt,First\n")
    assert given_for(folder / "a.txt") == Given("First")
    (folder / "metadata.csv").write_text("file,title\na.txt,Second title\n", encoding="utf-8")
    assert given_for(folder / "a.txt") == Given("Second title")


@pytest.mark.parametrize(("metadata", "problem"), [
    ("file,title,date\na.txt,X,2026-02-30\n", "metadata.csv: line 2: “2026-02-30” is not a day of the calendar"),
    ("file,title,date\na.txt,X,March 2026\n", "metadata.csv: line 2: “March 2026” is not a full date"),
    ("file,title,date\na.txt,X,released 2026-03-01\n", "line 2: “released 2026-03-01” is not a full date"),
    ("file,title\nsede.txt,X\n", "metadata.csv: line 2: sede.txt is not a file in this folder"),
    ("file,title\nin/a.txt,X\n", "metadata.csv: line 2: “in/a.txt” is a path; give the file's name"),
    ("name,title\na.txt,X\n", "metadata.csv: its first row must name the columns file and title or date"),
    ("file,title\na.txt,X\na.txt,Y\n", "metadata.csv: line 3: a.txt is listed twice"),
    ("", "metadata.csv: is empty"),
])
def test_a_bad_metadata_file_is_named_with_its_line(tmp_path, metadata, problem):
    folder = _folder(tmp_path, metadata)
    with pytest.raises(BadInputError) as caught:
        load_statement(folder / "c.txt")
    assert problem in str(caught.value)


def test_a_given_date_that_is_no_date_is_refused(tmp_path):
    folder = _folder(tmp_path, None)
    with pytest.raises(BadInputError, match="a.txt: date: “yesterday” is not a full date"):
        load_statement(folder / "a.txt", date="yesterday")


def test_a_spreadsheets_metadata_file_is_read_as_written(tmp_path):
    """Saved from a spreadsheet: a byte-order mark, CRLF line ends, capitalised headers, extra columns and blank
    rows."""
    folder = _folder(tmp_path, None)
    (folder / "metadata.csv").write_bytes("\ufeffFile,Source,Title,Date\r\n\r\na.txt,cable,Readout,1 March 2026\r\n"
                                          ",,,\r\n".encode("utf-8"))
    assert given_for(folder / "a.txt") == Given("Readout", dt.date(2026, 3, 1))
    assert given_for(folder / "b.txt") == Given()
