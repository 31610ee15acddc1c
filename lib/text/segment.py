"""Where does one sentence end and the next begin?

A rule-based sentence splitter that needs no downloaded model or corpus (NLTK's
Punkt data is not available offline; see docs/internals.md, "The statement
model"). It returns character spans, so every sentence can be traced back to the
exact place in the text.

The rules, in the order they are tried at each candidate boundary (a run of
``.``, ``!`` or ``?``, with any closing quotes or brackets, followed by white
space or the end of the text):

1. Nothing follows: the text ends, and so does the sentence.
2. The next word starts with a lower-case letter or a digit: no boundary
   ("'This is great.' she said", "p. 55", "Jan. 5", "$100.00 in").
3. ``!`` or ``?``: a boundary ("Hello!? Is that you?").
4. A title that always precedes a name (``Mr.``, ``Dr.``, ``Mt.``, ``St.`` ...):
   no boundary.
5. An abbreviation with inner periods (``U.S.``, ``a.m.``, ``E.U.``): a boundary
   only if the next word usually starts a sentence ("in the U.S. How about
   you?" splits, "the U.S. Government" does not).
6. A single capital initial ("Jonas E. Smith", "B. Jones"): a boundary only
   if the next word usually starts a sentence ("you and I. Did you ...").
7. A list marker standing alone ("1.", "a.") at the start of a sentence: no
   boundary.
8. Ellipses ("..." or "…"): three spaced dots after a space (" . . . ") mark an omission
   inside a sentence; a word's own period followed by " . . ." ends the
   sentence before the ellipsis; four dots ("...." or ". . . .") end it after.
9. Otherwise, a boundary.

A short double-quoted passage (up to 300 characters) is kept whole: a period
inside it ends no sentence unless the quote closes right after it.

Inline numbered, lettered and bulleted lists ("1) first 2) second",
"a. first b. second", "• first • second") are split before each marker.

Known limit: a multi-period abbreviation followed by a title ("6 P.M. Mr.
Smith then went") is read as one sentence; the Pragmatic Segmenter's Golden
Rules count this as a miss (pySBD misses it too).
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "TITLE_ABBREVIATIONS", "SENTENCE_STARTERS"]

#: Abbreviations that precede a name and so never end a sentence.
TITLE_ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms messrs dr prof st mt ft sen rep gov gen col capt lt sgt cpl
    adm cmdr maj rev hon amb pres supt insp det vs
    sr sra srta dra lic ing arq gral cnel excmo excma""".split()
)

#: Words that, after an abbreviation such as "U.S." or "a.m.", show that a new
#: sentence has begun. Capitalised nouns ("Government", "Embassy") are not here.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    """a an the this that these those it its he she we they i you his her our
    their my your how what when where why who whom whose which there here
    however today yesterday tomorrow both also in on at as but and yet so if
    after before during since while although though because meanwhile moreover
    furthermore additionally finally then thus hence further first second
    third each every all some many most no not one such several
    do does did is are was were can could will would should may might must
    have has had""".split()
)

_TERMINATOR_RUN = re.compile(
    r"""
    (?P<term>[.!?…]+(?:\ \.)*)          # "." "!!" "?!" "...." "…" ". . . ."
    (?P<close>["'”’)\]»]*)              # closing quotes or brackets
    (?=\s|$)
    """,
    re.VERBOSE,
)
_WORD_BEFORE = re.compile(r"([^\s\"'“‘(\[]+)$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[«]*([^\s]*)")
_MULTI_PERIOD_ABBREV = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_LIST_MARKER_TOKEN = re.compile(r"^[•⁃◦▪‣]?\s?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]{1,2}$")

_BULLETS = "•⁃◦▪‣·*–-"
_INLINE_NUMBERED = re.compile(r"(?:(?<=\s)|^)[•⁃◦▪‣]?\s?(\d{1,3})(\.\)|\)|\.)(?=\s)")
_INLINE_LETTERED = re.compile(r"(?:(?<=\s)|^)([a-z])\.(?=\s)")
_INLINE_BULLET = re.compile(r"(?:(?<=\s)|^)[•⁃◦▪‣](?=\s?\S)")


def _list_starts(text: str) -> list[int]:
    """Offsets at which an inline list item begins (after the first item).

    A numbered or lettered sequence counts only if it starts at the beginning
    of the text and runs on without a gap (1, 2, 3 or a, b, c), so that "in
    1990. 2 new laws" is not read as a list.
    """
    starts: list[int] = []
    bullets = [m.start() for m in _INLINE_BULLET.finditer(text)]
    if len(bullets) >= 2 and text[: bullets[0]].strip() == "":
        starts.extend(bullets[1:])
    for pattern, ordinal in (
        (_INLINE_NUMBERED, lambda m: int(m.group(1))),
        (_INLINE_LETTERED, lambda m: ord(m.group(1))),
    ):
        seq = []
        for m in pattern.finditer(text):
            n = ordinal(m)
            if not seq:
                first = text[: m.start()].strip()
                if first and first not in _BULLETS:
                    break
                seq.append((n, m.start()))
            elif n == seq[-1][0] + 1:
                seq.append((n, m.start()))
        if len(seq) >= 2:
            starts.extend(
                s for _, s in seq[1:] if not any(abs(s - b) <= 2 for b in bullets)
            )
    return sorted(set(starts))


def _is_boundary(text: str, seg_start: int, m: re.Match[str]) -> tuple[bool, int]:
    """Decide whether the terminator run ``m`` ends a sentence.

    Returns (is_boundary, end offset of the sentence if it is).
    """
    term, end = m.group("term"), m.end()
    rest = text[end:]
    if not rest.strip():
        return True, end
    next_word = _NEXT_WORD.match(rest).group(1)
    first = next_word[:1]
    if first.islower() or first.isdigit():
        return False, end
    if "!" in term or "?" in term:
        return True, end
    before = text[seg_start : m.start()]
    found = _WORD_BEFORE.search(before)
    word = found.group(1) if found else ""
    # Ellipses (rule 8).
    dots = term.count(".") + 3 * term.count("…")
    if dots >= 3:
        if term.startswith(". ") and before and not before[-1].isspace() and dots == 4:
            # "compounds. . . . The": the word's period ends the sentence;
            # the ellipsis opens the next one.
            return True, m.start() + 1
        if before.endswith(" ") and dots == 3 and " " in term:
            return False, end  # " . . . " marks an omission inside a sentence
        if before.endswith("["):
            return False, end
        return True, end
    bare = word.rstrip(".").lower()
    if word and bare in TITLE_ABBREVIATIONS and dots == 1 and not word.endswith("."):
        return False, end
    full = word + "."
    if _MULTI_PERIOD_ABBREV.match(full):
        return next_word.strip("\"'“‘(").lower().rstrip(",;:") in SENTENCE_STARTERS, end
    if _INITIAL.match(full):
        # "Jonas E. Smith", "A. Smith met B. Jones" go on; "you and I. Did you" ends.
        return next_word.strip("\"'“‘(").lower() in SENTENCE_STARTERS, end
    if _LIST_MARKER_TOKEN.match(text[seg_start:end].strip()):
        return False, end
    return True, end


#: A quotation up to this long is kept whole: "“We agree. We will act,” he said." is one
#: sentence. Longer quotations (whole paragraphs of remarks) are split as usual.
MAX_PROTECTED_QUOTE = 300
_QUOTE = re.compile(r'“[^“”]*”|"[^"]*"')


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each short double-quoted passage that closes in ``text``."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text) if m.end() - m.start() <= MAX_PROTECTED_QUOTE]


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Split ``text`` into sentences; return their (start, end) spans.

    Spans are character offsets into ``text`` plus ``offset`` (so a caller can
    split one paragraph of a larger document and get document offsets), with
    surrounding white space excluded. Empty text gives an empty list.
    """
    spans: list[tuple[int, int]] = []
    forced = _list_starts(text)
    quotes = _quote_spans(text)
    seg_start = 0
    cut_points: list[int] = []
    for m in _TERMINATOR_RUN.finditer(text):
        if m.start() < seg_start:
            continue
        # Inline list markers before this terminator close the running sentence.
        for f in forced:
            if seg_start < f <= m.start():
                cut_points.append(f)
                seg_start = f
        if any(q0 < m.start() and m.end() < q1 for q0, q1 in quotes):
            continue  # inside a short quotation that closes later
        ok, end = _is_boundary(text, seg_start, m)
        if ok:
            cut_points.append(end)
            seg_start = end
    for f in forced:
        if f > seg_start:
            cut_points.append(f)
            seg_start = f
    bounds = [0, *cut_points, len(text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        chunk = text[a:b]
        if not chunk.strip():
            continue
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        spans.append((offset + a + lead, offset + a + trail))
    return spans
