"""Is this file a statement we can read, and what exactly does it say?

Reads a statement file, refuses what is not a plain-text statement (with one
line naming the file and the problem), decodes it, and normalises the text that
every offset in the package refers to.

Accepted silently: UTF-8 with or without a byte-order mark, UTF-16 and UTF-32
with a byte-order mark (Notepad's "Unicode"), CRLF or CR line endings, curly
quotes, accented names. Accepted with a warning: a UTF-8 file with bytes that are
not UTF-8 (a file with a UTF-8 byte-order mark, a valid three- or four-byte UTF-8
sequence such as a curly quote, or at least as many valid two-byte sequences as bad
bytes is UTF-8): its UTF-8 is kept and each bad byte becomes one U+FFFD, counted in
the warning; other bytes are read as Windows-1252 (text pasted from Word often is;
two of its characters can form a two-byte UTF-8 sequence by chance: "Í”").
Refused: a missing path, a directory, an empty or white-space-only file, a
binary file, a file over :data:`MAX_BYTES`, and an HTML page (save the
statement's text instead: extracting text from a web page is guesswork about
menus, footers and captions, and we would rather refuse than analyse a menu).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from readout.errors import BadInputError

__all__ = ["MAX_BYTES", "SourceText", "read_source", "decode_source", "normalize_text", "read_checked_bytes"]

#: Largest file accepted: 200 KB, about 30,000 words. A press statement or
#: readout is 300-3,000 words; a file this large is a book or a data dump.
MAX_BYTES: int = 200_000

_BINARY_MAGIC = (
    b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # legacy MS Office
)
_HTML_START = re.compile(r"^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml)", re.I)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|br|li|ul|ol|table|tr|td|h[1-6]|meta|link|script|style)\b[^>]*>", re.I)


@dataclass(frozen=True)
class SourceText:
    """A statement file as read: the normalised text and how it was obtained.

    ``text`` is what every character offset in the package points into.
    ``sha256`` is of the file's bytes as stored on disk (hex, 64 characters).
    ``encoding`` is ``"utf-8"``, ``"utf-8-sig"`` (with byte-order mark),
    ``"utf-16-le"``, ``"utf-16-be"``, ``"utf-32-le"``, ``"utf-32-be"`` (each with its
    byte-order mark) or ``"cp1252"``. ``warnings`` are one-line notes a reader should see.
    """

    path: str
    text: str
    sha256: str
    encoding: str
    n_bytes: int
    normalizations: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())


#: Each step of normalisation, in order, with the note recorded when it changes the text.
_NORMALIZATIONS: tuple[tuple[Callable[[str], str], str], ...] = (
    (lambda t: t.replace("\r\n", "\n").replace("\r", "\n"), "line endings converted to \\n"),
    (lambda t: unicodedata.normalize("NFC", t), "Unicode composed (NFC)"),
    (lambda t: re.sub(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", t),
     "tabs and special spaces replaced by spaces"),
    (lambda t: re.sub(r"[\x0b\x0c\u2028\u2029]", "\n", t), "manual line and page breaks converted to \\n"),
    (lambda t: re.sub(r"[\x00-\x08\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]", "", t),
     "control and zero-width characters removed"),
    # Direction overrides and isolates would make a page show text (and numbers next to it) reversed.
    (lambda t: re.sub(r"[\u202a-\u202e\u2066-\u2069]", "", t), "text-direction control characters removed"),
)


def normalize_text(raw: str) -> tuple[str, tuple[str, ...]]:
    """Return the text every offset refers to, and a list of what was changed.

    Line endings become ``\\n``; Unicode is composed (NFC) so that accented
    names compare equal however they were typed; no-break and other
    horizontal spaces become plain spaces; Word's manual line breaks (vertical
    tab) and page breaks become line breaks; other control and zero-width
    characters are removed; trailing spaces on each line are dropped; the text
    is stripped. Quotes and dashes are kept as written.
    """
    done: list[str] = []
    text = raw
    for change, note in _NORMALIZATIONS:
        changed = change(text)
        if changed != text:
            done.append(note)
            text = changed
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return text, tuple(done)


def _looks_binary(data: bytes) -> bool:
    """Magic numbers of common binary formats, any NUL byte, or many control bytes."""
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
        return True
    sample = data[:8192]
    # Tab, line feed, vertical tab (Word's manual line break), form feed, carriage return
    # and Ctrl-Z (an old end-of-file mark) occur in real text files.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 11, 12, 13, 26))
    return controls > max(2, len(sample) // 100)


_LEADING_NOISE = re.compile(r"^(?:\ufeff|\s|<!--.*?-->)*", re.S)


def _looks_like_html(text: str) -> bool:
    """A page that starts like HTML (after any BOM, white space and comments), or is mostly tags."""
    if _HTML_START.match(_LEADING_NOISE.sub("", text[:4096], count=1)):
        return True
    tags = _HTML_TAG.findall(text)
    return len(tags) >= 10 and sum(map(len, tags)) > 0.2 * len(text)


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read and check one statement file.

    Raises :class:`~readout.errors.BadInputError` with a one-line message
    naming the file and the problem for anything that is not a plain-text
    statement of at most ``max_bytes`` bytes.
    """
    return decode_source(path, read_checked_bytes(path, max_bytes), max_bytes)


def read_checked_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of one statement file, read once, after the checks on the file itself (it exists, is a
    regular file, is not over ``max_bytes``); :func:`decode_source` checks what they hold."""
    p = Path(path)
    if not p.exists():
        if p.is_symlink():
            raise BadInputError(path, "is a symbolic link to nothing, or a loop of links")
        raise BadInputError(path, "no such file")
    if p.is_dir():
        raise BadInputError(path, "is a directory, not a statement file (name the .txt files inside it)")
    if not p.is_file():
        raise BadInputError(path, "is not a regular file")
    size = p.stat().st_size
    if size > max_bytes:
        raise BadInputError(
            path, f"is {size:,} bytes; the limit for one statement is {max_bytes:,} bytes (about 30,000 words)"
        )
    try:
        return p.read_bytes()
    except OSError as exc:
        raise BadInputError(path, f"cannot be read ({exc.strerror or exc})") from None


def decode_source(path: str | Path, data: bytes, max_bytes: int = MAX_BYTES) -> SourceText:
    """Check and decode a statement's bytes, read elsewhere (e.g. sent to a worker); ``path`` names it.

    The same checks and messages as :func:`read_source`, for everything past opening the file.
    """
    if len(data) > max_bytes:
        raise BadInputError(
            path, f"is {len(data):,} bytes; the limit for one statement is {max_bytes:,} bytes (about 30,000 words)"
        )
    bom, encoding = next(((mark, name) for mark, name in _BOMS if data.startswith(mark)), (b"", "utf-8"))
    body = data[len(bom):]
    warnings: list[str] = []
    if encoding.startswith(("utf-16", "utf-32")):
        try:
            raw = body.decode(encoding)
        except UnicodeDecodeError as exc:
            wide = encoding[:6].upper()
            raise BadInputError(path, f"begins with a {wide} byte-order mark but is not {wide} text (bad bytes at "
                                      f"offset {len(bom) + exc.start})") from None
        body = raw.encode("utf-8")  # the checks below read the text as UTF-8 bytes
    if not body.strip():
        raise BadInputError(path, "is empty" if not body else "contains only white space")
    if _looks_binary(body):
        raise BadInputError(path, "is a binary file, not text (save the statement as plain .txt)")
    if encoding in ("utf-8", "utf-8-sig"):
        try:
            raw = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            first = len(bom) + exc.start
            escaped = body.decode("utf-8", errors="surrogateescape")  # each bad byte → one of U+DC80-U+DCFF
            bad = len(_ESCAPED_BYTE.findall(escaped))
            valid = _UTF8_MULTIBYTE.findall(escaped)
            if bom or any(c >= "\u0800" for c in valid) or len(valid) >= bad:  # UTF-8 with stray bytes: only
                # those bytes are lost
                raw = _ESCAPED_BYTE.sub("\ufffd", escaped)
                warnings.append(f"{path}: {bad:,} byte{'s' if bad != 1 else ''} not valid UTF-8 (the first at offset "
                                f"{first}) replaced by \ufffd; the rest read as UTF-8")
            else:  # Windows-1252 (text pasted from Word often is), in which an accented capital before a curly
                # quote can form one two-byte UTF-8 character by chance ("Í”"), three bytes hardly ever
                try:
                    raw = body.decode("cp1252")
                except UnicodeDecodeError:
                    raise BadInputError(
                        path, f"is neither UTF-8 nor Windows-1252 text (undecodable byte at {first})"
                    ) from None
                encoding = "cp1252"
                warnings.append(f"{path}: not valid UTF-8 (first bad byte at offset {first}); read as Windows-1252")
    return _finish(path, data, raw, encoding, warnings)


#: Byte-order marks and the encodings they announce (UTF-32's before UTF-16's, which begin them).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
#: In bytes decoded with ``surrogateescape``: a byte that is not UTF-8, and a character that came from a valid
#: multi-byte UTF-8 sequence (any character past ASCII that is not such an escaped byte).
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_UTF8_MULTIBYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _finish(path: str | Path, data: bytes, raw: str, encoding: str, warnings: list[str]) -> SourceText:
    if _looks_like_html(raw):
        raise BadInputError(
            path, "is an HTML page, not a statement's text (copy the statement's text into a .txt file)"
        )
    text, done = normalize_text(raw)
    if not text:
        raise BadInputError(path, "contains no readable text")
    return SourceText(
        path=str(path),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        n_bytes=len(data),
        normalizations=done,
        warnings=tuple(warnings),
    )
