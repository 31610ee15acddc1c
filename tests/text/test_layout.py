"""Header block, dateline, end markers, list items and headings."""

from __future__ import annotations

import pytest

from readout import parse_statement
from readout.text.layout import find_layout


def test_full_release_header_roles(release):
    assert [(h.role, h.text) for h in release.header] == [
        ("office", "Office of the Spokesperson"),
        ("genre", "Media Note"),
        ("person", "Jane Q. Doe, Department Spokesperson"),
        ("place", "Washington, DC"),
        ("date", "March 5, 2025"),
        ("title", "Readout of the U.S.-Guatemala Working Group on Border Security"),
    ]
    assert release.title == "Readout of the U.S.-Guatemala Working Group on Border Security"
    assert release.header_field("date") == "March 5, 2025"


def test_full_release_body_items_heading_and_end_matter(release):
    assert release.dateline.place == "Washington, DC"
    assert [(p.id, p.kind, p.marker) for p in release.paragraphs] == [
        ("p1", "paragraph", ""), ("p2", "paragraph", ""), ("p3", "item", "1."), ("p4", "item", "2."),
        ("p5", "item", "3."), ("p6", "paragraph", ""), ("p7", "item", "-"), ("p8", "item", "-"),
    ]
    assert release.paragraphs[2].text == "The United States will fund training for 200 border officers."
    assert [h.text for h in release.headings] == ["Background"]
    assert [m.text for m in release.end_markers] == ["###"]
    assert [t.text for t in release.trailer] == [
        "For further information, please contact the Office of Press Relations."]
    # Nothing outside the body is counted: 40+7+10+10+8+22+7+5 words.
    assert release.n_words == 109
    assert len(release.sentences) == 10


@pytest.mark.parametrize(
    "opening, place, date",
    [
        ("Washington, DC - The talks", "Washington, DC", None),
        ("WASHINGTON — The talks", "WASHINGTON", None),
        ("Tegucigalpa, Honduras -- The talks", "Tegucigalpa, Honduras", None),
        ("BRUSSELS, March 5 (Reuters) - The talks", "BRUSSELS", "March 5"),
    ],
)
def test_datelines(opening, place, date):
    d = find_layout(opening + " went well.").dateline
    assert (d.place, d.date) == (place, date)
    assert d.text.rstrip().endswith(("-", "—"))


def test_no_dateline_in_ordinary_prose():
    assert find_layout("The United States and Honduras met today - and agreed.").dateline is None
    assert find_layout("The U.S.-Honduras dialogue met today.").dateline is None


@pytest.mark.parametrize("marker", ["###", "# # #", "-30-", "End Text", "END TEXT", "[END]"])
def test_end_markers(marker):
    s = parse_statement(f"The two sides met.\n\n{marker}\n\nContact: press office")
    assert [m.text for m in s.end_markers] == [marker]
    assert [t.text for t in s.trailer] == ["Contact: press office"]
    assert [x.text for x in s.sentences] == ["The two sides met."]


def test_hard_wrapped_lines_join_one_paragraph():
    s = parse_statement("The two sides met in\nTegucigalpa and agreed\nto meet again.\n\nA second paragraph.")
    assert [p.text for p in s.paragraphs] == ["The two sides met in\nTegucigalpa and agreed\nto meet again.",
                                             "A second paragraph."]


def test_short_lines_alone_are_body_not_header():
    s = parse_statement("The two sides met")
    assert s.header == ()
    assert [x.text for x in s.sentences] == ["The two sides met"]


def test_wrapped_line_starting_like_a_marker_continues_the_sentence():
    s = parse_statement("Today Secretary of State Antony\nJ. Blinken met the minister. Coverage spanned 2023\n"
                        "- 2024 and beyond.")
    assert [p.kind for p in s.paragraphs] == ["paragraph"]
    assert [x.text for x in s.sentences] == ["Today Secretary of State Antony\nJ. Blinken met the minister.",
                                             "Coverage spanned 2023\n- 2024 and beyond."]


@pytest.mark.parametrize("bullet", ["●", "►", "\uf0b7", "o", "•", "-", "*"])
def test_bullets(bullet):
    s = parse_statement(f"The two sides agreed:\n{bullet} to meet again\n{bullet} to share data")
    assert [(p.kind, p.marker, p.text) for p in s.paragraphs] == [
        ("paragraph", "", "The two sides agreed:"), ("item", bullet, "to meet again"), ("item", bullet, "to share data")]


def test_header_running_straight_into_the_body_and_in_capitals():
    s = parse_statement("PRESS STATEMENT\nANTONY J. BLINKEN, SECRETARY OF STATE\nJANUARY 5, 2024\n"
                        "The United States welcomes the agreement.")
    assert [(h.role, h.text) for h in s.header] == [
        ("genre", "PRESS STATEMENT"), ("person", "ANTONY J. BLINKEN, SECRETARY OF STATE"), ("date", "JANUARY 5, 2024")]
    assert [x.text for x in s.sentences] == ["The United States welcomes the agreement."]
    assert s.title == "The United States welcomes the agreement."


@pytest.mark.parametrize(
    "opening, place",
    [
        ("Washington, DC—The talks", "Washington, DC"),
        ("Ciudad de México, 5 de marzo de 2024 — Las delegaciones", "Ciudad de México"),
        ("ÉVORA, Portugal - The talks", "ÉVORA, Portugal"),
    ],
)
def test_more_datelines(opening, place):
    assert find_layout(opening + " went well.").dateline.place == place


@pytest.mark.parametrize("opening", ["The Secretary - welcomed the deal.", "Mr. Smith - The deal.",
                                     "Today - The deal was signed.", "In Washington - The deal was signed."])
def test_not_datelines(opening):
    assert find_layout(opening).dateline is None


def test_section_break_is_not_an_end_marker():
    s = parse_statement("The two sides met.\n\n* * *\n\nThey agreed.")
    assert s.end_markers == () and s.trailer == ()
    assert [x.text for x in s.sentences] == ["The two sides met.", "They agreed."]


def test_a_release_preamble_and_begin_text_are_wrapping_not_paragraphs():
    """State Department releases open with "The text of the following statement was released by ..." and
    "Begin Text:": header lines, so the title and the paragraph numbers are the statement's own (#17)."""
    from readout import parse_statement

    text = ("Joint Statement on the Ministers' Meeting\n\nThe text of the following statement was released by the\n"
            "Governments of Ruritania and Freedonia.\n\nBegin Text:\n\n1. We, the Ministers, met today in Geneva.\n\n"
            "2. We agreed to meet again.\n\nEnd Text.\n")
    st = parse_statement(text)
    assert st.title == "Joint Statement on the Ministers' Meeting"
    assert [(line.role, line.text) for line in st.header][1:] == [
        ("preamble", "The text of the following statement was released by the Governments of Ruritania and Freedonia."),
        ("preamble", "Begin Text:")]
    assert [p.sentences[0].text for p in st.paragraphs] == ["We, the Ministers, met today in Geneva.",
                                                            "We agreed to meet again."]
    assert [line.text for line in st.end_markers] == ["End Text."]
    no_title = parse_statement("The following statement was issued today.\n\nThe two sides met. They agreed.\n")
    assert no_title.title == "The two sides met." and len(no_title.paragraphs) == 1
    # a body that merely mentions a release is left alone
    body = parse_statement("The following week, the report was released by the ministry. It was long.\n")
    assert len(body.paragraphs) == 1 and body.header == ()


def test_remarks_headers_name_place_venue_and_time_never_the_title():
    """Transcripts of remarks open with the speaker, the city, the venue and the time: none is the
    statement's title (on the corpus, two remarks were titled "New York City, New York" and "Microsoft
    Theater"); without a headline, the title is the first real sentence. Our own text, in that shape (#17)."""
    from readout import parse_statement

    st = parse_statement("Jane Q. Example, Secretary of State\n\nSpringfield Lake City, North Dakota\n\n"
                         "Civic Auditorium\n\n4:15 P.M. CST\n\nSECRETARY EXAMPLE: Good afternoon. We are glad to be here.\n")
    assert [(line.role, line.text) for line in st.header] == [
        ("person", "Jane Q. Example, Secretary of State"), ("place", "Springfield Lake City, North Dakota"),
        ("place", "Civic Auditorium"), ("date", "4:15 P.M. CST")]
    # the first real sentence: no speaker label, no greeting of three words or fewer
    assert st.title == "We are glad to be here." and len(st.paragraphs) == 1
    assert parse_statement("MINISTER ROE: Thank you all.\n").title == "Thank you all."  # nothing more follows
    joint = parse_statement("Office of the Spokesperson\n\nThe following is the text of a joint statement released by "
                            "the Governments of Ruritania and Freedonia.\n\nBegin text:\n\nThe two sides met. They "
                            "agreed.\n\nEnd text.\n")
    assert joint.title == "The two sides met." and [line.role for line in joint.header] == ["office", "preamble",
                                                                                           "preamble"]
    # a headline with a comma, or that ends in such a word, stays the title
    assert parse_statement("United States, Canada Sign Bridge Deal\n\nThe two countries signed it today.\n").title \
        == "United States, Canada Sign Bridge Deal"
    assert parse_statement("Statement on the Attack on the City Hall\n\nWe condemn it.\n").title == \
        "Statement on the Attack on the City Hall"


# --- issue #27: every word after the end marker is counted, whatever its layout ------------------

_FIRST = "Washington, DC - The United States welcomes the agreement. Both sides met today.\n\n###\n\n"


def _warned(words: int) -> tuple[str, ...]:
    return (f"statement.txt: {words:,} words after the end marker were not analysed (only the text before the "
            "first end marker, such as ###, is; if the file holds several statements, give each its own file)",)


def test_bullet_lines_after_the_end_marker_are_counted():
    bullets = "".join(f"- Fund {n} training courses for border officers\n" for n in range(1, 16))  # 7 words each
    s = parse_statement(_FIRST + "Next steps\n" + bullets)
    assert s.trailer_words == 2 + 15 * 7
    assert s.warnings == _warned(107)


def test_hard_wrapped_prose_after_the_end_marker_is_counted_whole():
    prose = ("The Secretary met the Foreign Minister of Honduras today in Washington to discuss the security "
             "partnership between the two countries and the next steps of the border programme. ") * 4
    wrapped = "\n".join(" ".join(prose.split()[k:k + 9]) for k in range(0, len(prose.split()), 9))  # 9 a line
    s = parse_statement(_FIRST + wrapped)
    assert len(prose.split()) == 112 and s.trailer_words == 112
    assert s.warnings == _warned(112)


def test_a_short_contact_block_after_the_end_marker_is_counted_but_not_warned_of():
    s = parse_statement(_FIRST + "Contact: press office\npress@example.gov | +1 202 555 0100")
    assert s.trailer_words == 8
    assert s.warnings == ()
