"""Which parts of the text are the statement itself, and which are its wrapping?

Separates a release's header block ("Office of the Spokesperson", "Press
Statement", the speaker, place and date), its dateline ("Washington, DC - "),
its end markers ("###", "End Text") and anything after them, from the body:
paragraphs, list items and in-text headings, each with character offsets into
the normalised text (:attr:`readout.text.source.SourceText.text`).

The rules are heuristics written for government and diplomatic releases:

* Header: the leading groups of lines (separated by blank lines) in which
  every line is short (at most 14 words) and does not end like a sentence, as
  long as body text follows them.
  Header lines that run straight into the body count only if one of them is
  recognisably a date, genre, office, person or place line.
* Dateline: at the start of the first body paragraph, one to six capitalised
  words (a place, optionally with a date or a source in brackets) followed by a
  dash (a hyphen with spaces, or an en or em dash) and a capitalised word:
  "Washington, DC - The", "BRUSSELS, March 5 (Reuters) — The",
  "Washington, DC—The". A place that starts like a sentence ("The", "In",
  "Today", "Mr.") is not a dateline.
* Preamble: where the body would start, a release's wrapping ("The text of the
  following statement was released by ...", "Begin Text:") is a header line, so
  the title and the paragraph numbers are the statement's own.
* End markers: a line that is only "###", "# # #", "-30-", "End Text",
  "End Text.", "[END]" or similar. Lines after the first end marker are the trailer. A line
  of only asterisks or dashes ("* * *") is a section break, not text.
* Body: blocks separated by blank lines. A line that starts with a bullet or a
  number/letter marker ("1.", "a)", "•", "-") starts a list item when it opens
  a block, follows an item, or follows a line ending a clause ("... steps:");
  other lines continue the block they follow (hard-wrapped text). A short line
  on its own without closing punctuation, with body after it, is a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .segment import SENTENCE_STARTERS, TITLE_ABBREVIATIONS

__all__ = ["Line", "Dateline", "Block", "Layout", "find_layout"]

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})$",
    re.I,
)
_GENRES = re.compile(
    r"^(?:Joint\s+)?(?:Press\s+Statement|Media\s+Note|Readout|Statement|Press\s+Release|Fact\s+Sheet|"
    r"Remarks|Communiqu[eé]|Declaration|Briefing|Notice|Travel\s+Alert|Transcript)$",
    re.I,
)
_OFFICE = re.compile(
    r"\b(?:Office|Bureau|Department|Embassy|Ministry|Mission|Spokesperson|Secretariat|White House)\b", re.I
)
_PERSON = re.compile(
    r"\b(?:Secretary|Spokesperson|Minister|Ambassador|President|Director|Envoy|Deputy|Chancellor)\b", re.I
)
_PLACE = re.compile(r"^[A-Z][A-Za-z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’ ]{1,30})?$")
_END_MARKER = re.compile(r"^(?:#\s*#\s*#+|-\s*30\s*-|\[?\s*-*\s*(?:end(?:\s+(?:of\s+)?text)?|ends)\s*-*\s*[.:]?\s*\]?)$", re.I)
#: A release's wrapping before the text proper: "The text of the following statement was released by ...",
#: "The following joint statement was issued ...", and a "Begin Text:" line.
_PREAMBLE = re.compile(r"^(?:the\s+)?(?:text\s+of\s+the\s+)?following\s+"
                       r"(?:(?:[\w-]+\s+){0,5}?(?:was|were|is|are|has\s+been)\s+(?:jointly\s+)?|is\s+the\s+(?:full\s+)?text\s+of\s+(?:[\w-]+\s+){0,5}?)(?:released|issued)\b",
                       re.I)
#: A header line giving the time of remarks: "5:36 P.M. PDT", "10:02 a.m. EST".
_TIME = re.compile(r"^\d{1,2}:\d\d\s*[AaPp]\.?\s?[Mm]\.?(?:\s+[A-Z]{2,5})?$")
#: A header line naming where the words were spoken: "UN Headquarters", "Microsoft Theater", "Press Briefing Room".
_VENUE = re.compile(r"^(?:[A-Z][\w.'’&-]*\s+){1,4}(?:Headquarters|Theat(?:er|re)|Hall|Room|Auditorium|Ballroom|Center|"
                    r"Centre|Palace|Hotel|Building|Airport|Base)$")
_BEGIN_TEXT = re.compile(r"^\[?\s*-*\s*begin(?:ning)?\s+(?:of\s+)?text\s*-*\s*[.:]?\s*\]?$", re.I)
#: A line of only asterisks, dashes or similar ("* * *") separates sections; it is not text.
_SECTION_BREAK = re.compile(r"^[*#=_~.•·\-–—\s]{3,}$")
_BULLET_CHARS = "•⁃◦▪‣·●►▸■□◆❖✓✔➢➤\uf0b7*–—-"
_ITEM = re.compile(
    rf"^(?P<marker>[{_BULLET_CHARS}]|o(?=\s)|\(?\d{{1,3}}[.)]\)?|\(?[a-zA-Z][.)]|\(?[ivxIVX]{{1,4}}[.)])\s+(?=\S)"
)
_CLAUSE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_UPPER = "A-ZÀ-ÖØ-Þ"
_PLACE_WORD = rf"[{_UPPER}][\w.'’\-]*"
_DATELINE = re.compile(
    rf"""^(?P<place>{_PLACE_WORD}(?:(?:,\s*|\s+)(?:(?:de|del|la|las|los|el|of|upon|on|am|an|der|sur|en)\s+)?{_PLACE_WORD}){{0,5}})
    (?P<date>,?\s+(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?:de\s+)?[a-zé]+\.?(?:\s+(?:de\s+)?\d{{4}})?))?
    (?:\s*\((?P<source>[^)]{{1,40}})\))?
    (?P<dash>\s*(?:--|[–—])\s*|\s+-(?:\s+|$))
    (?=[{_UPPER}"“‘'(\d]|$)""",
    re.X,
)
_SENTENCE_END = re.compile(r"[.!?:;,][\"'”’)\]]*$")


@dataclass(frozen=True)
class Line:
    """A line outside the body (header, end marker or trailer).

    ``role`` is one of ``office``, ``genre``, ``person``, ``place``, ``date``,
    ``title``, ``preamble`` (header lines: "The text of the following statement was
    released by ...", "Begin Text:"), ``end`` (end markers) or ``trailer``.
    """

    text: str
    start: int
    end: int
    role: str


@dataclass(frozen=True)
class Dateline:
    """The "PLACE - " lead-in of the first paragraph; ``place`` e.g. "Washington, DC"."""

    text: str
    place: str
    date: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A body block: ``kind`` is ``paragraph``, ``item`` (list item) or ``heading``.

    ``start``/``end`` cover the block's own text, after any list ``marker``
    (e.g. "1." or "•") and after the dateline in the first paragraph.
    """

    kind: str
    start: int
    end: int
    marker: str = ""


@dataclass(frozen=True)
class Layout:
    """Header lines, dateline, body blocks, end markers and trailer, in text order."""

    header: tuple[Line, ...]
    dateline: Dateline | None
    blocks: tuple[Block, ...]
    end_markers: tuple[Line, ...]
    trailer: tuple[Line, ...]


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _header_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 14 and not _SENTENCE_END.search(line) and not _ITEM.match(line)


def _header_role(line: str) -> str:
    s = line.strip()
    if _DATE.match(s) or _TIME.match(s):
        return "date"
    if _GENRES.match(s):
        return "genre"
    if "," in s and _PERSON.search(s.split(",", 1)[1]):
        return "person"  # "Name, Title"
    if _OFFICE.search(s):
        return "office"
    if _PLACE.match(s) and "," in s:
        before, after = (part.split() for part in s.split(",", 1))
        # "Los Angeles, California"; "New York City, New York" (a city and its state), never a headline
        # such as "United States, Canada Sign Bridge Deal"
        if len(before) + len(after) <= 4 or (before[-1] == "City" and len(after) <= 2):
            return "place"
    if _VENUE.match(s):
        return "place"  # "UN Headquarters", "Microsoft Theater"
    return "title"


def find_layout(text: str) -> Layout:
    """Split normalised statement text into header, dateline, body blocks and end matter."""
    lines = _lines(text)
    # End markers and trailer.
    end_idx = next((i for i, (a, b) in enumerate(lines) if _END_MARKER.match(text[a:b].strip())), len(lines))
    end_markers = []
    trailer = []
    for i in range(end_idx, len(lines)):
        a, b = lines[i]
        s = text[a:b].strip()
        if not s:
            continue
        role = "end" if _END_MARKER.match(s) else "trailer"
        (end_markers if role == "end" else trailer).append(Line(s, a, b, role))
    body_lines = lines[:end_idx]
    # Header: the leading blank-line-separated groups whose lines are all short
    # and unpunctuated, as long as body text follows them.
    header: list[Line] = []
    first_body = 0
    group: list[Line] = []
    for i, (a, b) in enumerate(body_lines):
        s = text[a:b].strip()
        if not s:
            header += group
            group = []
            first_body = i + 1
            continue
        if not _header_like(s):
            # Header lines run straight into the body (no blank line): keep them
            # as a header only if they look like one (a date, genre, office ...).
            if any(line.role != "title" for line in group):
                header += group
                first_body = i
            group = []
            break
        group.append(Line(s, a, b, _header_role(s)))
    if group or not any(text[a:b].strip() for a, b in body_lines[first_body:]):
        header, first_body = [], 0  # nothing but short lines: they are the body
    # A release's preamble and a "Begin Text:" line, where the body would start, are wrapping: header
    # lines (role "preamble"), so the title and the paragraph numbers are the statement's own.
    while True:
        rest = [(i, a, b) for i, (a, b) in enumerate(body_lines) if i >= first_body and text[a:b].strip()]
        if len(rest) < 2:
            break
        i, a, b = rest[0]
        line = text[a:b].strip()
        if not (_PREAMBLE.match(line) or _BEGIN_TEXT.match(line)):
            break
        end = i
        while end + 1 < len(body_lines) and text[body_lines[end + 1][0]:body_lines[end + 1][1]].strip() \
                and not _BEGIN_TEXT.match(line):  # a wrapped preamble runs to its blank line
            end += 1
        header.append(Line(" ".join(text[x:y].strip() for x, y in body_lines[i:end + 1]), a, body_lines[end][1],
                           "preamble"))
        first_body = end + 1
    # Blocks.
    raw_blocks: list[list[tuple[int, int, str]]] = []  # [(start, end, marker)] per block
    current: list[tuple[int, int, str]] = []
    previous = ""  # the previous line of the current block
    for a, b in body_lines[first_body:]:
        s = text[a:b]
        if not s.strip() or _SECTION_BREAK.match(s.strip()):
            if current:
                raw_blocks.append(current)
                current = []
            continue
        m = _ITEM.match(s)
        # A marker starts an item at the start of a block, after another item, or
        # after a line that ends a clause ("steps:"); otherwise the line continues
        # a wrapped sentence ("Antony\nJ. Blinken", "2023\n- 2024").
        if m and (not current or current[-1][2] or _CLAUSE_END.search(previous)):
            if current:
                raw_blocks.append(current)
            current = [(a + m.end(), b, m.group("marker"))]
        elif current:
            current[-1] = (current[-1][0], b, current[-1][2])
        else:
            current = [(a, b, "")]
        previous = s
    if current:
        raw_blocks.append(current)
    blocks: list[Block] = []
    dateline: Dateline | None = None
    flat = [seg for blk in raw_blocks for seg in blk]
    for n, (a, b, marker) in enumerate(flat):
        s = text[a:b]
        if not blocks and not marker and dateline is None:
            m = _DATELINE.match(s)
            first_word = m.group("place").split()[0].rstrip(".,").lower() if m else ""
            if m and first_word not in SENTENCE_STARTERS and first_word not in TITLE_ABBREVIATIONS:
                dateline = Dateline(
                    text=s[: m.end()],
                    place=m.group("place").strip(),
                    date=(m.group("date") or "").strip(" ,") or None,
                    start=a,
                    end=a + m.end(),
                )
                a += m.end()
                s = text[a:b]
        if marker:
            kind = "item"
        elif n < len(flat) - 1 and "\n" not in s and _header_like(s) and len(s.split()) <= 10:
            kind = "heading"
        else:
            kind = "paragraph"
        blocks.append(Block(kind=kind, start=a, end=b, marker=marker))
    return Layout(tuple(header), dateline, tuple(blocks), tuple(end_markers), tuple(trailer))
