"""Reading a statement file: what is refused (one line: file and problem), what is accepted and how."""

from __future__ import annotations

import hashlib

import pytest
from conftest import FIXTURES, SEED

from readout import BadInputError, load_statement
from readout.text.source import MAX_BYTES, read_source


@pytest.mark.parametrize(
    "name, problem",
    [
        ("bad/empty-fail.txt", "is empty"),
        ("bad/whitespace-fail.txt", "contains only white space"),
        ("bad/image-fail.png", "is a binary file, not text (save the statement as plain .txt)"),
        ("bad/page-fail.html",
         "is an HTML page, not a statement's text (copy the statement's text into a .txt file)"),
        ("bad", "is a directory, not a statement file (name the .txt files inside it)"),
        ("bad/no-such-file.txt", "no such file"),
    ],
)
def test_refused_with_one_line_naming_the_file(name, problem):
    path = FIXTURES / name
    with pytest.raises(BadInputError) as info:
        read_source(path)
    assert str(info.value) == f"{path}: {problem}"
    assert "\n" not in str(info.value)


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "book.txt"
    path.write_text("The two sides met. " * (MAX_BYTES // 19 + 1), encoding="utf-8")
    with pytest.raises(BadInputError, match=r"book.txt: is 200,013 bytes; the limit for one statement is 200,000 bytes"):
        read_source(path)


def test_a_statement_quoting_markup_is_text_not_a_page(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text('The minister wrote <script>alert(1)</script> and <img src=x onerror="x()">. We agreed.', "utf-8")
    assert "<script>" in read_source(path).text


def test_windows_1252_is_read_with_a_warning(tmp_path):
    path = tmp_path / "word.txt"
    data = "Honduras’ minister said “yes” – Señor Peña agreed.".encode("cp1252")
    path.write_bytes(data)
    source = read_source(path)
    assert source.encoding == "cp1252"
    assert source.text == "Honduras’ minister said “yes” – Señor Peña agreed."
    assert source.warnings == (f"{path}: not valid UTF-8 (first bad byte at offset 8); read as Windows-1252",)
    assert source.sha256 == hashlib.sha256(data).hexdigest()


def test_bom_crlf_curly_quotes_and_accents_are_accepted_silently(tmp_path):
    path = tmp_path / "pasted.txt"
    text = "Tegucigalpa - “We welcome it,” said José Peña.\r\n\r\nThe two sides agreed.\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    statement = load_statement(path)
    assert statement.encoding == "utf-8-sig"
    assert statement.warnings == ()
    assert statement.text == "Tegucigalpa - “We welcome it,” said José Peña.\n\nThe two sides agreed."
    assert [s.text for s in statement.sentences] == ["“We welcome it,” said José Peña.", "The two sides agreed."]
    assert statement.dateline.place == "Tegucigalpa"


def test_decomposed_accents_are_composed(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_text("Jose\u0301 Pen\u0303a met the delegation.", encoding="utf-8")
    assert read_source(path).text == "José Peña met the delegation."


def test_seed_hash_and_decoding():
    source = read_source(SEED)
    assert source.encoding == "utf-8"
    assert source.n_bytes == 2514
    assert source.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert source.normalizations == ()


def test_statement_with_only_a_dateline_has_no_body(tmp_path):
    path = tmp_path / "dateline.txt"
    path.write_text("Washington, DC - \n", encoding="utf-8")
    with pytest.raises(BadInputError) as info:
        load_statement(path)
    assert str(info.value) == f"{path}: has no body text (only header, dateline or end matter)"


@pytest.mark.parametrize("prefix", [b"\xef\xbb\xbf", b"<!-- saved from url=(0014)about:internet -->\n"])
def test_html_behind_a_bom_or_comment_is_refused(tmp_path, prefix):
    path = tmp_path / "saved.htm"
    path.write_bytes(prefix + b"<!DOCTYPE html><html><body><p>The two sides met.</p></body></html>")
    with pytest.raises(BadInputError, match="is an HTML page"):
        read_source(path)


def test_nul_anywhere_is_binary(tmp_path):
    path = tmp_path / "late-nul.txt"
    path.write_bytes(b"The two sides met. " * 600 + b"\x00 More.")
    with pytest.raises(BadInputError, match="is a binary file"):
        read_source(path)


def test_word_line_breaks_and_stray_controls(tmp_path):
    path = tmp_path / "word.txt"
    path.write_bytes(b"The two sides met.\x0bThey agreed.\x0b\x0bBoth left.\x1a")
    source = read_source(path)
    assert source.text == "The two sides met.\nThey agreed.\n\nBoth left."
    assert source.normalizations == ("manual line and page breaks converted to \\n",
                                     "control and zero-width characters removed")


def test_text_direction_controls_are_removed():
    from readout.text.source import normalize_text

    text, done = normalize_text("VADER reads \u202e+0.81\u202c and \u2067Honduras\u2069.")
    assert text == "VADER reads +0.81 and Honduras."
    assert "text-direction control characters removed" in done


# --- issue #27: decoding that keeps what is UTF-8, and UTF-16 ------------------------------------

def test_a_stray_byte_beside_one_curly_quote_keeps_the_file_utf8(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("Spain’s minister met the envoy.".encode() + b"\x92 They agreed.")
    source = read_source(path)
    assert source.encoding == "utf-8"
    assert source.text == "Spain’s minister met the envoy.\ufffd They agreed."
    assert source.warnings == (f"{path}: 1 byte not valid UTF-8 (the first at offset 33) replaced by \ufffd; the "
                               "rest read as UTF-8",)


def test_windows_1252_with_a_chance_utf8_pair_stays_windows_1252(tmp_path):
    path = tmp_path / "word.txt"
    text = "The crowd answered “SÍ” when Señora Pérez asked; the café stayed open – until noon."
    path.write_bytes(text.encode("cp1252"))  # "Í”" is C3 94 (one valid UTF-8 character); seven bytes are not
    source = read_source(path)
    assert (source.encoding, source.text) == ("cp1252", text)


def test_each_bad_byte_is_counted_and_replaced_alone(tmp_path):
    path = tmp_path / "many.txt"
    # a cut three-byte sequence (2 bytes), two Windows-1252 quotes, and one real U+FFFD in the text
    path.write_bytes("Bogotá \ufffd said: ".encode() + b"\xe2\x80 and \x93yes\x94. The talks went on.")
    source = read_source(path)
    assert source.encoding == "utf-8"
    assert source.text == "Bogotá \ufffd said: \ufffd\ufffd and \ufffdyes\ufffd. The talks went on."
    assert source.warnings == (f"{path}: 4 bytes not valid UTF-8 (the first at offset 18) replaced by \ufffd; the "
                               "rest read as UTF-8",)


def test_a_bom_and_a_bad_byte_is_utf8_with_the_byte_replaced_not_a_traceback(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfThe minister \x92 met the envoy.")
    source = read_source(path)
    assert (source.encoding, source.text) == ("utf-8-sig", "The minister \ufffd met the envoy.")
    assert source.warnings == (f"{path}: 1 byte not valid UTF-8 (the first at offset 16) replaced by \ufffd; the "
                               "rest read as UTF-8",)


@pytest.mark.parametrize("codec, bom, encoding", [
    ("utf-16-le", b"\xff\xfe", "utf-16-le"), ("utf-16-be", b"\xfe\xff", "utf-16-be"),
    ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32-le"), ("utf-32-be", b"\x00\x00\xfe\xff", "utf-32-be"),
])
def test_utf16_and_utf32_with_a_byte_order_mark_are_text(tmp_path, codec, bom, encoding):
    path = tmp_path / "notepad.txt"
    text = "Tegucigalpa - “We welcome it,” said José Peña.\r\n\r\nThe two sides agreed.\r\n"
    path.write_bytes(bom + text.encode(codec))
    statement = load_statement(path)
    assert statement.encoding == encoding
    assert statement.warnings == ()
    assert statement.text == "Tegucigalpa - “We welcome it,” said José Peña.\n\nThe two sides agreed."
    assert statement.n_words == 10


@pytest.mark.parametrize("data, problem", [
    (b"\xff\xfe", "is empty"),
    (b"\xff\xfe" + " \n\t ".encode("utf-16-le"), "contains only white space"),
    (b"\xff\xfe" + "The two sides".encode("utf-16-le") + b"\x00", "begins with a UTF-16 byte-order mark but is not "
     "UTF-16 text (bad bytes at offset 28)"),
    (b"\xff\xfe" + "The \x01\x02\x03\x04 sides".encode("utf-16-le"), "is a binary file, not text (save the statement "
     "as plain .txt)"),
    (b"\xff\xfe" + "The \x00 sides met.".encode("utf-16-le"), "is a binary file, not text (save the statement as "
     "plain .txt)"),
])
def test_a_bad_utf16_file_is_refused_in_one_line(tmp_path, data, problem):
    path = tmp_path / "bad16.txt"
    path.write_bytes(data)
    with pytest.raises(BadInputError) as info:
        read_source(path)
    assert str(info.value) == f"{path}: {problem}"


def test_a_file_of_punctuation_only_has_no_words(tmp_path):
    path = tmp_path / "dots.txt"
    path.write_text("... !!! ???\n\n— * —\n\n“…” ‘?’ (!)\n", encoding="utf-8")
    with pytest.raises(BadInputError) as info:
        load_statement(path)
    assert str(info.value) == f"{path}: has no words (only punctuation and symbols)"
