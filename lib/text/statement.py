"""The statement model every analysis shares.

``load_statement(path)`` builds it once: raw file → normalised text → header,
dateline and end markers (kept as metadata, not counted as body) → paragraphs
and list items → sentences with character offsets and stable ids → tokens,
plus the actors the text names: the gazetteer's (:mod:`.mentions`), the organisations named by
the form of their names (:mod:`.names`) and the people introduced by a title or role
(:mod:`.people`). Everything is immutable; analyses are plain
functions of a :class:`Statement` and never change it.

Ids are stable across runs of the same text: paragraph ``p2`` is the second
body block (paragraph or list item), sentence ``p2s3`` its third sentence.
Every ``start``/``end`` is a character offset into :attr:`Statement.text`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from readout.errors import BadInputError

from .layout import Dateline, Line, find_layout
from .mentions import Actor, ActorLexicon, ActorMention, find_mentions, load_actor_lexicon
from .dates import StatementDate, parse_date
from .metadata import Given, given_for, read_date
from .names import find_organisations
from .people import find_people
from .segment import split_sentences
from .source import MAX_BYTES, SourceText, decode_source, normalize_text, read_source
from .tokens import Token, is_word, tokenize

__all__ = ["Sentence", "Paragraph", "Statement", "load_statement", "statement_from_bytes", "parse_statement", "slugify",
           "with_given", "given_parameters"]

T = TypeVar("T")


@dataclass(frozen=True)
class Sentence:
    """One body sentence. ``id`` is "p{paragraph}s{n}", e.g. "p2s3"."""

    id: str
    paragraph_id: str
    index: int  # 1-based position among all body sentences
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    words: tuple[str, ...]  # the word tokens' text (punctuation left out), as written

    @property
    def n_words(self) -> int:
        """Number of word tokens (0 or more)."""
        return len(self.words)


@dataclass(frozen=True)
class Paragraph:
    """A body block: ``kind`` is "paragraph" or "item" (a list item, ``marker`` e.g. "1.")."""

    id: str
    index: int  # 1-based
    kind: str
    marker: str
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Statement:
    """A parsed statement: its text, its wrapping and its body.

    ``text`` is the normalised text (offsets point into it). ``sha256`` is of
    the file's bytes; ``encoding`` how they were decoded; ``warnings`` what a
    reader should know about the input. ``header`` lines, ``dateline``,
    ``headings``, ``end_markers`` and ``trailer`` are metadata: none of their
    words count as body text.
    """

    path: str
    slug: str
    text: str
    sha256: str
    encoding: str
    n_bytes: int
    normalizations: tuple[str, ...]
    warnings: tuple[str, ...]
    header: tuple[Line, ...]
    dateline: Dateline | None
    headings: tuple[Line, ...]
    paragraphs: tuple[Paragraph, ...]
    end_markers: tuple[Line, ...]
    trailer: tuple[Line, ...]
    mentions: tuple[ActorMention, ...]
    actor_lexicon: ActorLexicon
    named: tuple[Actor, ...] = ()
    given: Given = Given()  # a title and date the user gave (readout.text.metadata): they win over the text's

    @cached_property
    def actors(self) -> dict[str, Actor]:
        """Every actor a mention can name, by name: the gazetteer's and those found in this text
        (:attr:`named`: people and organisations known by the form of their names)."""
        return {**self.actor_lexicon.by_name, **{a.name: a for a in self.named}}

    def kind_of(self, actor: str) -> str:
        """The kind of an actor named in this statement (:data:`~readout.text.mentions.KINDS`), "" if unknown."""
        found = self.actors.get(actor)
        return found.kind if found else ""

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """All body sentences in text order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @cached_property
    def n_words(self) -> int:
        """Body words (header, dateline, headings and end matter excluded)."""
        return sum(s.n_words for s in self.sentences)

    @cached_property
    def trailer_words(self) -> int:
        """Words after the first end marker ("###"), none of them analysed: every trailer line's word
        tokens, as body words are counted, whatever the lines' layout (prose, hard-wrapped, list items)."""
        return _words_in(self.trailer)

    def derived(self, key: str, compute: Callable[[Statement], T]) -> T:
        """``compute(self)``, worked out once per statement and shared by every analysis asking with ``key``.

        For views that several measures read (folded terms, the tagged
        sentences, the language check). The statement stays immutable: the
        memo holds values computed from it, never changes to it. ``key``
        must name one computation (by convention ``"module.function"``).
        """
        memo: dict[str, Any] = self.__dict__.setdefault("_derived", {})
        if key not in memo:
            memo[key] = compute(self)
        return memo[key]

    @property
    def title(self) -> str:
        """A title for reports: the one the user gave; else the header's title line; else the opening
        words of the first real sentence (up to 10, with "…"): a transcript's speaker label ("SECRETARY
        BLINKEN:") is left out, and so is a greeting of three words or fewer ("Good evening.") when more
        follows; else the file name."""
        if self.given.title:
            return self.given.title
        for line in self.header:
            if line.role == "title":
                return line.text
        if self.sentences:
            texts = [_SPEAKER_LABEL.sub("", s.text, count=1) for s in self.sentences[:6]]
            first = next((t for t in texts if len(t.split()) > 3), texts[0])
            words = first.split()
            return " ".join(words[:10]) + (" …" if len(words) > 10 else "")
        return Path(self.path).name

    @property
    def title_source(self) -> str:
        """Where :attr:`title` comes from: ``given``, ``header`` (a title line), ``opening words`` or ``file name``."""
        if self.given.title:
            return "given"
        if any(line.role == "title" for line in self.header):
            return "header"
        return "opening words" if self.sentences else "file name"

    @property
    def date(self) -> StatementDate | None:
        """When the statement was issued, and where that was read; the first source that gives a full
        calendar date wins: the date the user gave (``--date``, the ``date`` parameter or a folder's
        ``metadata.csv``), "given"; a header line whose role is ``date`` ("March 3, 2015"), "header"; the
        dateline's date when it carries a year ("WASHINGTON, March 3, 2015 -"), "dateline"; an ISO date in
        the file name ("2015-03-03-dialogue.txt", "20150303_readout.txt"), "file name". ``None``: undated
        (a date without a year is not guessed at; :func:`readout.text.dates.parse_date`)."""
        if self.given.date is not None:
            return StatementDate(self.given.date, "given")
        header = self.header_field("date")
        if header and (date := parse_date(header)):
            return StatementDate(date, "header")
        if self.dateline and self.dateline.date and (date := parse_date(self.dateline.date)):
            return StatementDate(date, "dateline")
        if date := parse_date(Path(self.path).stem.replace("_", "-")):
            return StatementDate(date, "file name")
        return None

    @property
    def label(self) -> str:
        """The title cut to at most 60 characters, for figure titles."""
        return self.title if len(self.title) <= 60 else self.title[:59].rstrip() + "…"

    def sentence_of(self, offset: int) -> Sentence | None:
        """The body sentence containing character ``offset``, if any."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def header_field(self, role: str) -> str | None:
        """The first header line with ``role`` (office, genre, person, place, date, title)."""
        return next((line.text for line in self.header if line.role == role), None)


_SLUG = re.compile(r"[^a-z0-9]+")
#: A transcript's speaker label before the words: "SECRETARY BLINKEN: ", "THE VICE PRESIDENT: ".
_SPEAKER_LABEL = re.compile(r"^(?:[A-Z][A-Z.'’-]*\s+){0,4}[A-Z][A-Z.'’-]+:\s+")


def slugify(name: str) -> str:
    """A file-system-safe name: lower case letters, digits and single hyphens."""
    slug = _SLUG.sub("-", name.lower()).strip("-")
    return slug[:80] or "statement"


#: Words after the end marker from which the reader is warned that they were not analysed (a contact
#: line or a link is shorter; a second statement is not).
TRAILER_WARNING_WORDS = 40


def _words_in(lines: tuple[Line, ...]) -> int:
    """The word tokens of ``lines`` (punctuation and list markers left out), counted as body words are."""
    return sum(1 for line in lines for token in tokenize(line.text) if is_word(token))


def _trailer_warning(path: str, words: int) -> tuple[str, ...]:
    """A warning when ``words`` after the end marker, all of them counted, reach :data:`TRAILER_WARNING_WORDS`
    (the file may hold several statements)."""
    if words < TRAILER_WARNING_WORDS:
        return ()
    return (f"{path}: {words:,} words after the end marker were not analysed (only the text before the first end "
            "marker, such as ###, is; if the file holds several statements, give each its own file)",)


def _build(source: SourceText, lexicon: ActorLexicon) -> Statement:
    text = source.text
    layout = find_layout(text)
    paragraphs: list[Paragraph] = []
    headings: list[Line] = []
    n_sent = 0
    for block in layout.blocks:
        if block.kind == "heading":
            headings.append(Line(text[block.start : block.end], block.start, block.end, "heading"))
            continue
        pid = f"p{len(paragraphs) + 1}"
        sentences = []
        for k, (a, b) in enumerate(split_sentences(text[block.start : block.end], block.start), 1):
            n_sent += 1
            tokens = tuple(tokenize(text[a:b], a))
            words = tuple(t.text for t in tokens if is_word(t))
            sentences.append(Sentence(f"{pid}s{k}", pid, n_sent, a, b, text[a:b], tokens, words))
        paragraphs.append(
            Paragraph(pid, len(paragraphs) + 1, block.kind, block.marker, block.start, block.end,
                      text[block.start : block.end], tuple(sentences))
        )
    spans = [(s.start, s.end) for p in paragraphs for s in p.sentences]
    if not spans:
        raise BadInputError(source.path, "has no body text (only header, dateline or end matter)")
    if not any(s.words for p in paragraphs for s in p.sentences):
        raise BadInputError(source.path, "has no words (only punctuation and symbols)")
    return Statement(
        path=source.path,
        slug=slugify(Path(source.path).stem),
        text=text,
        sha256=source.sha256,
        encoding=source.encoding,
        n_bytes=source.n_bytes,
        normalizations=source.normalizations,
        warnings=source.warnings + _trailer_warning(source.path, _words_in(layout.trailer)),
        header=layout.header,
        dateline=layout.dateline,
        headings=tuple(headings),
        paragraphs=tuple(paragraphs),
        end_markers=layout.end_markers,
        trailer=layout.trailer,
        actor_lexicon=lexicon,
        **_actors_named(text, spans, [s.tokens for p in paragraphs for s in p.sentences], lexicon),
    )


def _actors_named(text: str, spans: list[tuple[int, int]], sentences: list[tuple[Token, ...]],
                  lexicon: ActorLexicon) -> dict[str, Any]:
    """The mentions of the body, and the actors found by form: the gazetteer's mentions, then the
    organisations named by their form (a longer name wins over a country inside it: "Cuban
    Revolutionary National Police"), with their acronyms, then the people."""
    mentions = find_mentions(text, lexicon, spans)
    kinds = lexicon.by_name
    organisations = find_organisations(text, sentences, [(m.start, m.end, m.actor, kinds[m.actor].kind) for m in mentions])
    named: list[Actor] = []
    if organisations:
        taken = [(o.start, o.end) for o in organisations]
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in taken)]
        extra = []
        for o in organisations:
            if o.name not in {a.name for a in named}:
                named.append(Actor(o.name, "organization", tuple(filter(None, (o.name, o.acronym))), o.country))
            extra.append(ActorMention(o.name, text[o.start:o.end], o.start, o.end, "name"))
            if o.acronym:
                for a, b in spans:
                    for m in re.finditer(rf"(?<![\w.-]){re.escape(o.acronym)}(?![\w-])", text[a:b]):
                        start = a + m.start()
                        if start > o.end and not re.fullmatch(r"\s*\(", text[o.end:start]) \
                                and not any(x.start <= start < x.end for x in (*mentions, *extra)):
                            extra.append(ActorMention(o.name, o.acronym, start, start + len(o.acronym), "name"))
        mentions = sorted([*mentions, *extra], key=lambda m: m.start)
    people, found = find_people(text, spans, mentions, lexicon)
    named += [Actor(p.name, "person", (p.name,), p.country) for p in people]
    return {"mentions": tuple(sorted([*mentions, *found], key=lambda m: m.start)), "named": tuple(named)}


def load_statement(
    path: str | Path, actors_path: str | Path | None = None, max_bytes: int = MAX_BYTES, *,
    actor_lexicon: ActorLexicon | None = None, title: str = "", date: str = "",
) -> Statement:
    """Read, check and parse one statement file.

    ``actors_path`` names an extra alias file (YAML or CSV) that extends the
    shipped one; ``actor_lexicon`` is one already loaded (it wins). ``title`` and
    ``date`` ("2026-03-01"), when given, win over the ``metadata.csv`` beside the
    file, which wins over what the text says (:mod:`readout.text.metadata`). Bad
    input, including a file with no body sentences or a date that is no date,
    raises :class:`~readout.errors.BadInputError` with one line naming the file
    and the problem.
    """
    statement = _build(read_source(path, max_bytes), actor_lexicon or load_actor_lexicon(actors_path or None))
    return with_given(statement, title, date)


def statement_from_bytes(path: str | Path, data: bytes, actor_lexicon: ActorLexicon | None = None,
                         max_bytes: int = MAX_BYTES, title: str = "", date: str = "") -> Statement:
    """A statement from a file's bytes read elsewhere, checked as :func:`load_statement` checks a file.

    ``path`` names the file in messages and reports (and where its ``metadata.csv`` is looked for);
    ``actor_lexicon`` defaults to the shipped one; ``title`` and ``date`` as for :func:`load_statement`.
    """
    return with_given(_build(decode_source(path, data, max_bytes), actor_lexicon or load_actor_lexicon(None)),
                      title, date)


def with_given(statement: Statement, title: str = "", date: str = "") -> Statement:
    """``statement`` with the title and date the user gave: ``title`` and ``date`` where not empty, else
    those of the ``metadata.csv`` beside its file (:func:`readout.text.metadata.given_for`)."""
    listed = given_for(statement.path) if not (title.strip() and date.strip()) else Given()
    given = Given(title.strip() or listed.title,
                  read_date(date, f"{statement.path}: date") if date.strip() else listed.date)
    return statement if given == statement.given else replace(statement, given=given)


def parse_statement(text: str, name: str = "statement.txt", actors_path: str | Path | None = None) -> Statement:
    """Parse a statement given as a string (for tests and quick looks); ``name`` stands in for the path."""
    normalized, done = normalize_text(text)
    data = text.encode("utf-8")
    source = SourceText(name, normalized, hashlib.sha256(data).hexdigest(), "utf-8", len(data), done, ())
    return _build(source, load_actor_lexicon(actors_path or None))


def given_parameters(statement: Statement) -> dict[str, str]:
    """The title and date the user gave for ``statement`` as the notebooks' ``title`` and ``date``
    parameters (ISO date), those not given left out: how a run hands them to every notebook."""
    title, date = statement.given
    return {k: v for k, v in (("title", title), ("date", date.isoformat() if date else "")) if v}
