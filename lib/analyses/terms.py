"""Which words does the statement use most? Content terms, case and plurals folded.

A term is a body word token, lower-cased, that is not an English function
word (``data/stopwords_en.txt``) and has more than one character. Names,
numbers and hyphenated forms stay whole ("U.S.-Honduras", "MS-13", "2024").
Plurals are folded to the singular ("smugglers" → "smuggler") only for words
written in lower case (or capitalised only because they open a sentence) whose
singular is a dictionary word, so names such as "Honduras" or "United States"
are never cut.

With ``names`` (the term table of :mod:`readout.analyses.rows`, which keyness reads), a **name of
several words** counts as one term, written as in the text, capitals kept ("El Salvador", "United
Nations", "San Pedro Sula"), and its words are not counted again one by one (:func:`name_occurrences`). A name is

* an actor mention of the statement model (the gazetteer, an organisation by its form) cut to its
  capitalised words: "the United States" is "United States", "the Assad regime" only "Assad", one
  word, which stays an ordinary term. A person counts under the full name the statement model
  gives them, however the text names them: "President Biden", "Joe Biden" and "Biden" are all
  "Joseph R. Biden", "Peterson" after "Lisa Peterson" is "Lisa Peterson";
* or, outside the mentions, a name run of two or more capitalised words in one sentence
  (:func:`readout.text.names.name_runs`: "of", "of the", "for" and name particles such as "de", "al",
  "bin" may stand between them, as in "Summit of the Americas"; a comma, "and", a possessive, a month
  or a weekday ends one; an initial's full stop does not: "John F. Kennedy"), which neither begins nor
  ends with a function word ("The", "We").

A sentence's first word is capitalised anyway, so it opens a run only where the same run is written
in the middle of a sentence elsewhere in the statement ("San Pedro Sula" at a sentence start, when
it also occurs mid-sentence) or where it opens a title ("Under Secretary for Political Affairs",
from :data:`readout.text.people.TITLES`); "The", "We", "Today" or "Unfortunately" never join a
name. In a headline (:func:`readout.text.names.is_headline`: "Strong New Partnership Announced
Today"), capitals mark no names: only actor mentions count there. A name of one word keeps the
counting form of every word ("honduras").
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, NamedTuple

from readout.text.names import capitalised, is_headline, name_runs, possessive
from readout.text.people import TITLES
from readout.text.statement import Statement
from readout.text.stopwords import stopwords
from readout.text.syllables import syllable_table

if TYPE_CHECKING:  # imported where a table is made: the runner's checks load these modules without it
    import pandas as pd

__all__ = ["PLURAL_SENSES", "fold", "WordOccurrence", "word_occurrences", "NameOccurrence", "name_occurrences",
           "term_occurrences", "term_counts", "top_terms"]


#: Plurals whose sense differs from the singular's in policy prose: never folded
#: ("human rights" are not "human right", "talks" are not "talk").
PLURAL_SENSES = frozenset({"rights", "talks", "relations", "ties", "arms", "forces", "affairs", "goods", "means",
                           "customs", "remains", "proceeds", "headquarters", "savings", "minutes", "premises"})


@functools.lru_cache(maxsize=65536)
@functools.cache
def _singularize():  # TextBlob's singulariser, imported on first use
    from textblob.en.inflect import singularize

    return singularize


def fold(word: str, sentence_start: bool = False) -> str:
    """The counting form of a word: lower case, a possessive ending dropped ("region’s", "judges'"); a
    plural common noun becomes its dictionary singular.

    A word is taken as a common noun if it is written in lower case, or is
    capitalised only because it opens a sentence (``sentence_start``);
    "Smugglers" mid-sentence is a name and is not cut; nor are the plurals in
    :data:`PLURAL_SENSES` ("rights", "talks").
    """
    w = word.lower()
    for ending in ("'s", "’s", "s'", "s’"):  # possessives count with their noun: "region’s" is "region"
        if w.endswith(ending) and len(w) > len(ending) + 1:
            cut = 2 if ending[0] in "'’" else 1
            word, w = word[:-cut], w[:-cut]
            break
    common = word.islower() or (sentence_start and word[:1].isupper() and word[1:].islower())
    if common and w.endswith("s") and len(w) > 3 and w not in PLURAL_SENSES:
        single = _singularize()(w)
        if single != w and single in syllable_table():
            return single
    return w


class WordOccurrence(NamedTuple):
    """One body word token: its folded ``term``, ``position`` among body words (0 = first), ``text`` as
    written, its sentence's id and its character offsets into the statement text."""

    term: str
    position: int
    text: str
    sentence_id: str
    start: int
    end: int


def word_occurrences(statement: Statement) -> tuple[WordOccurrence, ...]:
    """Every body word token in text order, folded (:func:`fold`); computed once per statement."""

    def compute(st: Statement) -> tuple[WordOccurrence, ...]:
        terms: list[str] = []
        texts: list[str] = []
        sids: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for sentence in st.sentences:
            words = [t for t in sentence.tokens if t.kind != "punct"]
            if not words:
                continue
            written = [t.text for t in words]
            terms.append(fold(written[0], True))  # capitalised at a sentence start: maybe a common noun
            terms.extend(map(fold, written[1:]))
            texts.extend(written)
            sids.extend([sentence.id] * len(words))
            starts.extend([t.start for t in words])
            ends.extend([t.end for t in words])
        return tuple(map(WordOccurrence, terms, range(len(terms)), texts, sids, starts, ends))

    return statement.derived("terms.word_occurrences", compute)


def _actor_word_starts(statement: Statement) -> frozenset[int]:
    """Start offsets of the body words that lie inside an actor mention."""
    words = word_occurrences(statement)
    starts = [w.start for w in words]
    inside = set()
    for m in statement.mentions:
        k = bisect.bisect_left(starts, m.start)
        while k < len(starts) and starts[k] < m.end:
            inside.add(starts[k])
            k += 1
    return frozenset(inside)


class NameOccurrence(NamedTuple):
    """One name of several words (see the module): ``name`` as written (spaces made single, a possessive
    ending dropped), the word positions of its ``first`` and ``last`` words, its sentence's id and
    ``actor``: whether it is an actor mention (else a run of capitalised words)."""

    name: str
    first: int
    last: int
    sentence_id: str
    actor: bool


@functools.cache
def _title_openers() -> frozenset[str]:
    """First words of the titles written before a person's name ("Under" of "Under Secretary")."""
    return frozenset(t.split()[0] for t in TITLES) - {"His", "Her"}


def name_occurrences(statement: Statement) -> tuple[NameOccurrence, ...]:
    """Every name of several words in the body, in text order: actor mentions cut to their capitalised
    words, then runs of capitalised words outside them (the rule is in the module note)."""

    def compute(st: Statement) -> tuple[NameOccurrence, ...]:
        words = word_occurrences(st)
        text = st.text
        stop = stopwords()

        def name_word(k: int) -> bool:  # may begin or end a name: not "The", "We"; "Under" of "Under Secretary"
            w = words[k].text
            return capitalised(w) and (w.lower() not in stop or w in _title_openers())

        def written(first: int, last: int) -> str:
            name = " ".join(text[words[first].start : words[last].end].split())
            return name[:-2] if possessive(name) else name

        found: list[NameOccurrence] = []
        in_mention = [False] * len(words)
        in_name = [False] * len(words)
        starts = [w.start for w in words]
        for m in st.mentions:
            k = bisect.bisect_left(starts, m.start)
            inside = []
            while k < len(words) and starts[k] < m.end:
                inside.append(k)
                in_mention[k] = True
                k += 1
            person = st.kind_of(m.actor) == "person" and len(m.actor.split()) >= 2
            while inside and not person and not name_word(inside[0]):
                inside.pop(0)
            while inside and not person and not name_word(inside[-1]):
                inside.pop()
            if (len(inside) >= 2 or person and inside) and not any(in_name[k] for k in inside):  # overlaps: first wins
                in_name[inside[0] : inside[-1] + 1] = [True] * (inside[-1] + 1 - inside[0])
                found.append(NameOccurrence(m.actor if person else written(inside[0], inside[-1]), inside[0],
                                            inside[-1], words[inside[0]].sentence_id, True))

        def runs(ids: list[int]) -> list[list[int]]:
            """The name runs (:func:`readout.text.names.name_runs`) of one sentence's words outside the
            actor mentions."""
            out = []
            k = 0
            while k < len(ids):
                if in_mention[ids[k]]:
                    k += 1
                    continue
                stretch = [ids[k]]
                while k + 1 < len(ids) and not in_mention[ids[k + 1]]:
                    k += 1
                    stretch.append(ids[k])
                k += 1
                out += [stretch[a:b + 1] for a, b in name_runs(text, [words[j] for j in stretch])]
            return out

        def trimmed(run: list[int]) -> list[int]:
            run = list(run)
            while run and not name_word(run[0]):
                run.pop(0)
            while run and not name_word(run[-1]):
                run.pop()
            return run

        by_sentence: dict[str, list[int]] = defaultdict(list)
        for k, w in enumerate(words):
            by_sentence[w.sentence_id].append(k)
        openers: list[list[int]] = []
        for ids in by_sentence.values():
            if is_headline([words[k].text for k in ids]):
                continue  # capitals mark no names there
            for run in runs(ids):
                if run[0] == ids[0]:
                    openers.append(run)  # decided once the names written mid-sentence are known
                elif len(run := trimmed(run)) >= 2:
                    found.append(NameOccurrence(written(run[0], run[-1]), run[0], run[-1], words[run[0]].sentence_id,
                                                False))
        mid_sentence = {n.name for n in found if not n.actor}
        for run in openers:
            whole = trimmed(run)
            if not (len(whole) >= 2 and whole[0] == run[0] and (written(whole[0], whole[-1]) in mid_sentence
                                                                   or words[run[0]].text in _title_openers())):
                whole = trimmed(run[1:])
            if len(whole) >= 2:
                found.append(NameOccurrence(written(whole[0], whole[-1]), whole[0], whole[-1],
                                            words[whole[0]].sentence_id, False))
        return tuple(sorted(found, key=lambda n: n.first))

    return statement.derived("terms.name_occurrences", compute)


def term_occurrences(statement: Statement, exclude_actors: bool = False,
                     names: bool = False) -> tuple[tuple[str, int, str, str], ...]:
    """Every content-word occurrence: (term, word position, as written, sentence id).

    Word positions count body word tokens from 0, across the whole statement.
    With ``exclude_actors``, words inside an actor mention ("the United States") are left out.
    With ``names``, a name of several words (:func:`name_occurrences`) is one occurrence, at the
    position of its first word, and its words are not counted one by one.
    """

    def compute(st: Statement) -> tuple[tuple[str, int, str, str], ...]:
        stop = stopwords()
        inside = _actor_word_starts(st) if exclude_actors else frozenset()
        named: dict[int, NameOccurrence] = {}
        covered: set[int] = set()
        if names:
            for n in name_occurrences(st):
                if not (exclude_actors and n.actor):
                    named[n.first] = n
                    covered.update(range(n.first, n.last + 1))
        out = []
        for w in word_occurrences(st):
            if w.position in named:
                n = named[w.position]
                out.append((n.name, w.position, n.name, w.sentence_id))
            elif (w.position not in covered and len(w.text) > 1 and w.text.lower() not in stop
                  and w.start not in inside):
                out.append((w.term, w.position, w.text, w.sentence_id))
        return tuple(out)

    return statement.derived(f"terms.term_occurrences.{exclude_actors}.{names}", compute)


def term_counts(statement: Statement, exclude_actors: bool = False, names: bool = False) -> Counter[str]:
    """How often each term occurs (see :func:`term_occurrences`)."""
    return Counter(t for t, *_ in term_occurrences(statement, exclude_actors, names))


def top_terms(statement: Statement, n: int = 10, exclude_actors: bool = False) -> pd.DataFrame:
    """The ``n`` most frequent terms: count, sentences that use it, most common written form, first sentence.

    Ties are broken by first appearance. Counts are raw frequencies (a
    single statement has no reference corpus for weighting). With
    ``exclude_actors``, the names of actors found by the statement model are left out.
    """
    import pandas as pd

    occ = term_occurrences(statement, exclude_actors)
    counts = Counter(t for t, *_ in occ)
    forms: dict[str, Counter] = defaultdict(Counter)
    sentences: dict[str, list[str]] = defaultdict(list)
    for term, _, written, sid in occ:
        forms[term][written] += 1
        if sid not in sentences[term]:
            sentences[term].append(sid)
    first_seen: dict[str, int] = {}
    for i, o in enumerate(occ):
        first_seen.setdefault(o[0], i)
    order = sorted(counts, key=lambda t: (-counts[t], first_seen[t]))[:n]
    rows = [(t, counts[t], len(sentences[t]), forms[t].most_common(1)[0][0], sentences[t][0]) for t in order]
    return pd.DataFrame(rows, columns=["term", "count", "sentences", "as_written", "first"]).set_index("term")
