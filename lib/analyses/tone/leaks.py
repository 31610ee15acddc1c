"""Which lexicon hits are not attitudes? Proper names, issue labels and genre senses.

A general sentiment lexicon scores "United" (in "United States") as positive,
"criminal" (in "transnational criminal organizations") as negative and
"common" (in "common goals") as negative. None of these says what the speaker
thinks. A word is a leak in a sentence if it lies inside a proper name there
(an actor mention from the statement model, or a run of two or more
capitalised words such as "High Level Security Dialogue"), or if it is on the
editable lists in ``data/sentiment_leaks.yaml`` (issue terms used as labels,
words the genre uses in another sense).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from readout.datafiles import read_yaml_mapping, require_keys, word_list
from readout.errors import BadInputError
from readout.text.names import capitalised, is_headline, name_runs, run_span
from readout.text.statement import Sentence, Statement

__all__ = ["LEAK_KEYS", "LeakLexicon", "load_leak_lexicon", "names_in", "leak_reason"]

#: The keys of a leak list, each required (:func:`readout.datafiles.require_keys`).
LEAK_KEYS = ("issue_terms", "genre_neutral")


@dataclass(frozen=True)
class LeakLexicon:
    """Lower-case words: ``issue_terms`` and ``genre_neutral``, and the file they came from."""

    issue_terms: frozenset[str]
    genre_neutral: frozenset[str]
    source: str


def _parse(path: str | Path | None) -> LeakLexicon:
    data, label = read_yaml_mapping(path, "sentiment_leaks.yaml", "leak list")
    unknown = sorted(str(k) for k in data if k not in LEAK_KEYS)
    if unknown:  # a misspelled key would silently turn leak removal off
        raise BadInputError(label, f"leak list: unknown key(s) {', '.join(unknown)}; "
                                   f"expected {' and '.join(LEAK_KEYS)}")
    lists = [word_list(data, key, label, "leak list") for key in LEAK_KEYS]
    require_keys(data, LEAK_KEYS, label, "leak list")
    return LeakLexicon(*lists, label)


def load_leak_lexicon(path: str | Path | None = None) -> LeakLexicon:
    """The shipped leak lists, or the file at ``path`` (same layout) instead."""
    return _parse(path) if path else _shipped()


@cache
def _shipped() -> LeakLexicon:
    return _parse(None)


def names_in(statement: Statement, sentence: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, name) of the proper names in a sentence: actor mentions, and name runs
    (:func:`readout.text.names.name_runs`) of two or more capitalised words after the sentence's first
    word ("High Level Security Dialogue"). In a headline (:func:`readout.text.names.is_headline`), only
    actor mentions count."""
    spans = [(m.start, m.end, m.text) for m in statement.mentions if sentence.start <= m.start < sentence.end]
    if is_headline(sentence.words):
        return spans  # capitals mark no names there
    words = sentence.tokens
    after_first = next((k for k, t in enumerate(words) if t.kind != "punct"), len(words)) + 1
    for first, last in name_runs(statement.text, words[after_first:]):
        run = words[after_first + first: after_first + last + 1]
        if sum(capitalised(t.text) for t in run) >= 2:
            start, end = run_span(run, 0, len(run) - 1)
            spans.append((start, end, statement.text[start:end]))
    return spans


def leak_reason(word: str, inside_name: str | None, lexicon: LeakLexicon) -> str:
    """Why a scored word is a leak ("" if it is not): inside a name, an issue term, or a genre sense."""
    w = word.lower()
    if inside_name:
        return f"part of the name {inside_name!r}"
    if w in lexicon.issue_terms:
        return "issue term used as a label"
    if w in lexicon.genre_neutral:
        return "another sense in this genre"
    return ""
