"""Which policy themes does the statement cover, how much space does each get, and in what order?

Themes come from an editable lexicon (``data/themes.yaml``: seventeen themes after the
Comparative Agendas Project's major topics): each theme is a list of words and phrases
("refugee", "trafficking in persons", "rule of law", "NATO"), each word matched in
every form, in any case, a possessive ending allowed; a word written in capitals
matches only that word in capitals (:mod:`readout.analyses.phrases`). A word inside
a longer name is not evidence ("Democratic" in "Democratic Republic of the Congo",
"Health" in "Ministry of Health"). A sentence carries every theme one of whose
phrases it contains; the matched words are its evidence. Matches are found left to
right without overlapping; at one place the longest listed phrase wins ("terrorist
attack" is terrorism, whatever "attack" alone might be), but a phrase that starts
earlier wins over an overlapping one that starts later.

Measures, for a statement of S body sentences and W body words:

* share of sentences: sentences carrying the theme / S, 0-1. A sentence can
  carry several themes, so these shares can add up to more than 1.
* share of words ("space"): each sentence's words are split equally among the
  themes it carries, then summed per theme and divided by W, 0-1. These shares
  add up to the share of words in sentences that carry any theme.
* agenda order: themes ranked by the sentence where each first appears (ties:
  the earlier match in that sentence).
* in substance: a theme with at least :data:`SUBSTANCE_SHARE` of the words; the
  top themes are the three with the largest share.

A lexicon reads only the words it lists: a theme discussed in other words is
missed (the coverage table lists the sentences no theme matched), and a listed
word used in another sense is counted.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from readout.analyses.phrases import PhraseLexicon
from readout.analyses.readings import Reading
from readout.analyses.terms import term_occurrences, word_occurrences
from readout.datafiles import read_yaml_mapping
from readout.errors import BadInputError
from readout.text.language import looks_english
from readout.text.statement import Statement

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["ThemeLexicon", "ThemeMatch", "StatementThemes", "load_theme_lexicon", "expected_themes", "read_themes",
           "theme_column", "theme_key", "top_themes", "themes_in_substance", "SUBSTANCE_SHARE", "COVERAGE_WARNING_BELOW",
           "sentence_theme_table", "theme_share_table", "theme_flow", "silences", "coverage_table",
           "unmatched_sentences", "agenda_reading", "silence_reading", "coverage_reading"]


@dataclass(frozen=True)
class ThemeLexicon(PhraseLexicon):
    """Themes in file order; (phrase, theme) entries, longest phrases first; the expected themes; the source."""

    themes: tuple[str, ...]
    entries: tuple[tuple[tuple[str, ...], str], ...]
    expected: tuple[str, ...]
    source: str


class ThemeMatch(NamedTuple):
    """One theme phrase found in a body sentence: offsets into the statement text, the words as written."""

    sentence: str
    theme: str
    text: str
    start: int
    end: int


def theme_key(theme: str) -> str:
    """A theme's name as a key: lower case, each run of characters other than letters and digits made one
    underscore ("armed conflict and defense" → ``armed_conflict_and_defense``, the shared corpus's vocabulary)."""
    return "_".join("".join(ch if ch.isalnum() else " " for ch in theme.lower()).split())


def theme_column(theme: str) -> str:
    """A theme's name as a data column (the corpus tables' ``theme_<key>``, :func:`theme_key`)."""
    return "theme_" + theme_key(theme)


#: A theme is "in substance" in a statement when it takes at least this share of the words (0-1);
#: chosen on the shared corpus's topic labels (docs/validation.md, "Topics on real statements").
SUBSTANCE_SHARE = 0.12
#: Below this share of sentences carrying any theme, the page warns that the themes describe only part
#: of the statement and offers the key terms instead.
COVERAGE_WARNING_BELOW = 0.6


def top_themes(shares: pd.DataFrame, n: int = 3) -> list[str]:
    """The ``n`` themes with the largest share of words (ties: the earlier in the agenda), matched at least once,
    from :func:`theme_share_table`."""
    present = shares[shares["matches"] > 0]
    ranked = present.sort_values(["word_share", "agenda_rank"], ascending=[False, True], kind="stable")
    return list(ranked.index[:n])


def themes_in_substance(shares: pd.DataFrame, threshold: float = SUBSTANCE_SHARE) -> list[str]:
    """The themes taking at least ``threshold`` of the words, largest first (from :func:`theme_share_table`)."""
    return [t for t in top_themes(shares, len(shares)) if shares.loc[t, "word_share"] >= threshold]


def _parse(path: str | Path | None) -> ThemeLexicon:
    data, label = read_yaml_mapping(path, "themes.yaml", "theme lexicon")
    unknown = sorted(str(k) for k in data if k not in ("themes", "expected"))
    if unknown:  # a misspelled key would be ignored in silence
        raise BadInputError(label, f"theme lexicon: unknown key(s) {', '.join(unknown)}; expected themes and expected")
    themes = data.get("themes")
    if not isinstance(themes, dict) or not themes:
        raise BadInputError(label, "theme lexicon needs 'themes:', a mapping of each theme to a list of phrases")
    entries: list[tuple[tuple[str, ...], str]] = []
    owner: dict[tuple[str, ...], str] = {}
    for theme, phrases in themes.items():
        if not isinstance(theme, str) or not theme.strip():
            raise BadInputError(label, f"theme lexicon: theme name {theme!r} must be text (quote it)")
        if not isinstance(phrases, list) or not phrases:
            raise BadInputError(label, f"theme lexicon: theme {theme!r} must list at least one phrase")
        for phrase in phrases:
            if not isinstance(phrase, str) or not phrase.strip():
                raise BadInputError(label, f"theme lexicon: theme {theme!r} has a phrase that is not text: "
                                           f"{phrase!r} (write phrases as text; quote yes, no, numbers)")
            words = tuple(w if len(w) > 1 and w.isupper() else w.lower() for w in phrase.split())
            if any(w == "*" or "*" in w[:-1] for w in words):
                raise BadInputError(label, f"theme lexicon: {phrase!r}: '*' may only end a word (as in 'smuggl*')")
            if words in owner and owner[words] != theme:
                raise BadInputError(label, f"theme lexicon: {phrase!r} is listed under both {owner[words]!r} "
                                           f"and {theme!r} (a phrase belongs to one theme)")
            if words not in owner:
                owner[words] = theme
                entries.append((words, theme))
    names = tuple(themes)
    columns: dict[str, str] = {}
    for theme in names:  # each theme needs a column of its own in the corpus tables
        if theme_column(theme) in columns:
            raise BadInputError(label, f"theme lexicon: themes {columns[theme_column(theme)]!r} and {theme!r} differ "
                                       "only in case or punctuation; give them distinct names")
        columns[theme_column(theme)] = theme
    expected = data.get("expected") or []
    if not isinstance(expected, list) or not all(isinstance(e, str) for e in expected):
        raise BadInputError(label, "theme lexicon: 'expected' must be a list of theme names")
    unknown = [e for e in expected if e not in names]
    if unknown:
        raise BadInputError(label, f"theme lexicon: 'expected' names unknown themes: {', '.join(map(repr, unknown))}")
    if len(set(expected)) != len(expected):
        raise BadInputError(label, "theme lexicon: 'expected' names a theme twice")
    # Longest phrases (in words, then characters) first, so "drug traffickers" wins over "drug".
    entries.sort(key=lambda e: (-len(e[0]), -len(" ".join(e[0]))))
    return ThemeLexicon(names, tuple(entries), tuple(expected), label)


@cache
def _shipped() -> ThemeLexicon:
    return _parse(None)


def load_theme_lexicon(path: str | Path | None = None) -> ThemeLexicon:
    """The shipped lexicon (``data/themes.yaml``), or the file at ``path`` (same layout) instead of it.

    Raises :class:`~readout.errors.BadInputError` naming the file and the problem.
    """
    return _parse(path) if path else _shipped()


def expected_themes(lexicon: ThemeLexicon, names: list[str] | tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The themes a reader expects: ``names`` if given, else the lexicon's ``expected`` list.

    Raises :class:`~readout.errors.BadInputError` if a name is not a theme of the lexicon.
    """
    if not names:
        return lexicon.expected
    if isinstance(names, str) or not all(isinstance(n, str) for n in names):
        raise BadInputError(lexicon.source, f"expected_themes must be a list of theme names, got {names!r}")
    names = tuple(dict.fromkeys(names))  # each theme once
    unknown = [n for n in names if n not in lexicon.themes]
    if unknown:
        raise BadInputError(lexicon.source, f"expected_themes names themes this lexicon does not have: "
                                            f"{', '.join(map(repr, unknown))} (its themes: "
                                            f"{', '.join(lexicon.themes)})")
    return tuple(names)


@dataclass(frozen=True)
class StatementThemes:
    """A statement read through a theme lexicon: every match, and each sentence's themes in order of first match."""

    statement: Statement
    lexicon: ThemeLexicon
    matches: tuple[ThemeMatch, ...]

    @cached_property
    def by_sentence_and_theme(self) -> dict[tuple[str, str], list[ThemeMatch]]:
        """(sentence id, theme) → its matches, in text order."""
        out: dict[tuple[str, str], list[ThemeMatch]] = {}
        for m in self.matches:
            out.setdefault((m.sentence, m.theme), []).append(m)
        return out

    def of_sentence(self, sentence_id: str) -> tuple[str, ...]:
        """The themes a sentence carries, in the order their first match appears in it."""
        return self._by_sentence.get(sentence_id, ())

    @cached_property
    def _by_sentence(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, dict[str, None]] = {}
        for m in self.matches:
            found.setdefault(m.sentence, {})[m.theme] = None
        return {sid: tuple(themes) for sid, themes in found.items()}


def read_themes(statement: Statement, lexicon: ThemeLexicon | None = None) -> StatementThemes:
    """Find every theme phrase in every body sentence (the object all theme measures read)."""
    lexicon = lexicon or load_theme_lexicon()
    matches = []
    text = statement.text
    names = []
    for mention in statement.mentions:
        start = mention.start + (4 if text[mention.start:mention.start + 4].lower() == "the " else 0)
        if " " in text[start:mention.end].strip():
            names.append((start, mention.end))
    names.sort()
    starts = [a for a, _ in names]
    for s in statement.sentences:
        for m in lexicon.matcher.find(s.tokens):
            k = bisect.bisect_right(starts, m.start) - 1
            if k >= 0 and m.end <= names[k][1] and (m.start, m.end) != names[k]:
                continue  # a word inside a name ("Democratic Republic of the Congo", "Ministry of Health")
            matches.append(ThemeMatch(s.id, lexicon.entries[m.phrase][1], text[m.start:m.end], m.start, m.end))
    return StatementThemes(statement, lexicon, tuple(matches))


def _evidence(matches: list[ThemeMatch]) -> str:
    """Matched words, lower-cased, most frequent first (ties: first seen), with counts above 1."""
    counts = Counter(" ".join(m.text.lower().split()) for m in matches)
    return ", ".join(f"{w} ({n})" if n > 1 else w for w, n in counts.most_common())


def sentence_theme_table(themes: StatementThemes) -> pd.DataFrame:
    """One row per sentence: paragraph, words, its themes (in order of first match) and the evidence per theme."""
    import pandas as pd

    rows = []
    for s in themes.statement.sentences:
        mine = themes.of_sentence(s.id)
        evidence = " | ".join(f"{t}: {_evidence(themes.by_sentence_and_theme[(s.id, t)])}" for t in mine)
        rows.append((s.id, s.paragraph_id, s.n_words, len(mine), "; ".join(mine) or "(none)", evidence, s.text))
    return pd.DataFrame(rows, columns=["sentence", "paragraph", "words", "themes", "theme_names", "evidence",
                                       "text"]).set_index("sentence")


def theme_share_table(themes: StatementThemes) -> pd.DataFrame:
    """One row per lexicon theme, in agenda order (themes never matched last, in lexicon order).

    Columns: agenda_rank (1 = first to appear; blank if absent), first_sentence, sentences, sentence_share
    (0-1), words_allocated (a sentence's words split equally among its themes), word_share (0-1), matches,
    evidence (matched words by frequency).
    """
    import pandas as pd

    st = themes.statement
    n_sentences = len(st.sentences)
    n_words = st.n_words
    words_of = {s.id: s.n_words for s in st.sentences}
    first: dict[str, tuple[int, int]] = {}
    order = {s.id: s.index for s in st.sentences}
    for m in themes.matches:
        first.setdefault(m.theme, (order[m.sentence], m.start))
    agenda = sorted(first, key=lambda t: first[t])
    sentences: dict[str, list[str]] = {t: [] for t in themes.lexicon.themes}
    allocated: dict[str, float] = dict.fromkeys(themes.lexicon.themes, 0.0)
    for s in st.sentences:
        mine = themes.of_sentence(s.id)
        for t in mine:
            sentences[t].append(s.id)
            allocated[t] += words_of[s.id] / len(mine)
    by_theme: dict[str, list[ThemeMatch]] = {t: [] for t in themes.lexicon.themes}
    for m in themes.matches:
        by_theme[m.theme].append(m)
    id_of = {s.index: s.id for s in st.sentences}
    rows = []
    for t in agenda + [t for t in themes.lexicon.themes if t not in first]:
        mine = by_theme[t]
        sid = id_of[first[t][0]] if t in first else ""
        rows.append((t, agenda.index(t) + 1 if t in first else pd.NA, sid, len(sentences[t]),
                     len(sentences[t]) / n_sentences if n_sentences else 0.0, allocated[t],
                     allocated[t] / n_words if n_words else 0.0, len(mine), _evidence(mine)))
    table = pd.DataFrame(rows, columns=["theme", "agenda_rank", "first_sentence", "sentences", "sentence_share",
                                        "words_allocated", "word_share", "matches", "evidence"])
    table["agenda_rank"] = table["agenda_rank"].astype("Int64")
    return table.set_index("theme")


def theme_flow(themes: StatementThemes) -> pd.DataFrame:
    """Matches per theme (rows, lexicon order) and sentence (columns, text order): the theme flow."""
    import pandas as pd

    st = themes.statement
    counts = Counter((m.theme, m.sentence) for m in themes.matches)
    data = [[counts[(t, s.id)] for s in st.sentences] for t in themes.lexicon.themes]
    return pd.DataFrame(data, index=pd.Index(themes.lexicon.themes, name="theme"),
                        columns=[s.id for s in st.sentences])


def silences(themes: StatementThemes, expected: tuple[str, ...] | list[str]) -> list[str]:
    """The expected themes no sentence of the statement touches, in the order given."""
    present = {m.theme for m in themes.matches}
    return [t for t in expected if t not in present]


def coverage_table(themes: StatementThemes) -> pd.DataFrame:
    """How much of the statement the lexicon reads: sentences and words in themed sentences, and content
    words matched by a theme phrase (content words as in the key terms: stop words and actor names left out)."""
    import pandas as pd

    st = themes.statement
    themed = [s for s in st.sentences if themes.of_sentence(s.id)]
    n_s, n_w = len(st.sentences), st.n_words
    w_themed = sum(s.n_words for s in themed)
    words = word_occurrences(st)
    positions = [words[position].start for _, position, _, _ in term_occurrences(st, exclude_actors=True)]
    spans = sorted((m.start, m.end) for m in themes.matches)  # matches do not overlap
    starts = [a for a, _ in spans]
    matched = 0
    for p in positions:
        k = bisect.bisect_right(starts, p) - 1
        matched += k >= 0 and p < spans[k][1]
    rows = [
        ("sentences_with_a_theme", len(themed), n_s, len(themed) / n_s if n_s else 0.0),
        ("sentences_with_no_theme", n_s - len(themed), n_s, (n_s - len(themed)) / n_s if n_s else 0.0),
        ("words_in_sentences_with_a_theme", w_themed, n_w, w_themed / n_w if n_w else 0.0),
        ("content_words_matched", matched, len(positions), matched / len(positions) if positions else 0.0),
    ]
    return pd.DataFrame(rows, columns=["measure", "count", "of", "share"]).set_index("measure")


def unmatched_sentences(themes: StatementThemes, top: int = 5) -> pd.DataFrame:
    """The sentences no theme matched, with their most frequent content words (actor names left out):
    what the lexicon misses."""
    import pandas as pd

    per_sentence: dict[str, Counter[str]] = {}
    for t, _, _, sid in term_occurrences(themes.statement, exclude_actors=True):
        per_sentence.setdefault(sid, Counter())[t] += 1
    rows = []
    for s in themes.statement.sentences:
        if themes.of_sentence(s.id):
            continue
        counts = per_sentence.get(s.id, Counter())
        rows.append((s.id, ", ".join(t for t, _ in counts.most_common(top)), s.text))
    return pd.DataFrame(rows, columns=["sentence", "content_words", "text"]).set_index("sentence")


def agenda_reading(table: pd.DataFrame, themes: StatementThemes) -> Reading:
    """Which theme comes first, which gets the most space, and how many themes appear, from the share table."""
    present = table[table["matches"] > 0]
    if present.empty:
        return Reading(f"No theme of the lexicon ({themes.lexicon.source}) appears in this statement; see the "
                       "coverage section for what it talks about instead."
                       + ("" if looks_english(themes.statement) else " The lexicon is English and this statement "
                          "does not look like English."))
    first = present.index[0]
    space = present.sort_values(["word_share", "agenda_rank"], ascending=[False, True]).index[0]
    n = len(present)
    main = themes_in_substance(table)
    lead = (f"In substance ({SUBSTANCE_SHARE:.0%} of the words or more): "
            + ", ".join(f"{t} ({table.loc[t, 'word_share']:.0%})" for t in main) + ". ") if main else (
        f"No theme takes {SUBSTANCE_SHARE:.0%} of the words. ")
    text = lead + (f"{n} of the lexicon's {len(table)} themes {'appears' if n == 1 else 'appear'}. The agenda opens with {first} "
            f"(sentence {present.loc[first, 'first_sentence']}); ")
    if space == first:
        text += f"it also gets the most space, {present.loc[space, 'word_share']:.0%} of the words."
    else:
        text += (f"{space} gets the most space, {present.loc[space, 'word_share']:.0%} of the words "
                 f"(first in sentence {present.loc[space, 'first_sentence']}).")
    order = ", ".join(present.index)
    text += f" Order of first appearance: {order}."
    if not looks_english(themes.statement):
        text += " The lexicon is English and this statement does not look like English: read these themes with care."
    return Reading(text)


def silence_reading(themes: StatementThemes, expected: tuple[str, ...] | list[str]) -> Reading:
    """Which expected themes the statement never touches, in one or two sentences."""
    if not expected:
        return Reading("No themes are expected of this statement, so no silences are reported: what a statement "
                       "leaves out depends on what statements of its kind cover. Give the themes you expect "
                       "(expected_themes), or compare it with its peers.")
    missing = silences(themes, expected)
    if not missing:
        return Reading(f"Every one of the {len(expected)} expected themes appears at least once.")
    verb = "never appears" if len(missing) == 1 else "never appear"
    return Reading(f"{len(missing)} of the {len(expected)} expected themes {verb}: {', '.join(missing)}. "
                   "A silence here means no listed word for the theme occurs; check the unmatched sentences "
                   "before reading it as an omission.")


def coverage_reading(table: pd.DataFrame, themes: StatementThemes) -> Reading:
    """How much of the statement the lexicon reads, and a warning for text that is not English."""
    share = table.loc["sentences_with_a_theme", "share"]
    text = (f"The lexicon finds a theme in {table.loc['sentences_with_a_theme', 'count']} of "
            f"{table.loc['sentences_with_a_theme', 'of']} sentences ({share:.0%}) and matches "
            f"{table.loc['content_words_matched', 'share']:.0%} of the content words.")
    if share < COVERAGE_WARNING_BELOW:
        text += (f" Warning: with fewer than {COVERAGE_WARNING_BELOW:.0%} of the sentences carrying a theme, the themes "
                 "describe only part of this statement; the key terms, which need no lexicon, are the better guide.")
    if not looks_english(themes.statement):
        text += (" The lexicon is English and this statement does not look like English, so its themes "
                 "cannot be read here.")
    return Reading(text)
