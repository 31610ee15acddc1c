"""Finding an editable lexicon's phrases in a text: whole words, any case, "*" for any ending.

The diplomatic-tone lexicon and the theme lexicon are both lists of phrases
such as ``agreed``, ``expressed concern``, ``welcom*`` or ``trafficking in
persons``. A phrase matches whole words in any case, with any run of
white space between its words; a word ending in ``*`` matches any ending
("welcom*": welcome, welcomed, welcoming). A straight and a curly apostrophe
are the same letter, and a possessive ending may follow a phrase ("the
region's", "judges’"). Matches do not overlap and are found left to right;
at one place, the phrase listed first wins, so lexicons list longer phrases first.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import NamedTuple

from readout.text.lemmas import normal_form

__all__ = ["Phrases", "PhraseMatcher", "PhraseLexicon", "FormMatcher", "FormMatch", "GAP_WORDS"]

_RUN = re.compile(r"[\w'’]+")
_APOSTROPHE = "['’]"
#: What may follow a phrase's last word: a possessive ending, then no more of a word.
_END = r"(?:['’]s?)?(?![\w'’])"

#: Phrases as tuples of lower-case word patterns, e.g. (("expressed", "concern"), ("welcom*",)).
Phrases = tuple[tuple[str, ...], ...]


def _alternative(k: int, phrase: tuple[str, ...]) -> str:
    """Phrase k as one alternative of an expression, in group ``e{k}``."""
    def word(p: str) -> str:
        body = re.sub("['’]", lambda _: _APOSTROPHE, re.escape(p[:-1] if p.endswith("*") else p))
        return body + r"[\w'’]*" if p.endswith("*") else body

    space = r"\s+"
    return f"(?P<e{k}>{space.join(word(p) for p in phrase)})"


def _expression(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’])(?:" + "|".join(alternatives) + ")" + _END, re.I)


def _lead(first: str) -> tuple[str, bool]:
    """The word characters a phrase's first word must begin with, and whether any ending may follow."""
    wild = first.endswith("*")
    stem = first[:-1] if wild else first
    lead = re.match(r"[\w'’]*", stem).group().replace("’", "'")  # type: ignore[union-attr]  # always matches
    return lead, wild and lead == stem


def _openers(phrases: Phrases) -> re.Pattern[str] | None:
    """An expression that finds every place where some phrase could begin (and more): the first
    words of all phrases, as a letter tree so the scan branches on each character.

    A phrase's first word "agreed" needs the word "agreed" there; "welcom*" a word starting "welcom";
    "u.s." the word "u" (the text must continue ".s." for the phrase to match at all). If a phrase
    begins with a character that is not part of a word, there is no such expression (None).
    """
    tree: dict = {}
    for phrase in phrases:
        lead, prefix = _lead(phrase[0])
        if not lead:
            return None
        node = tree
        for ch in lead:
            node = node.setdefault(ch, {})
        node["prefix" if prefix else "word"] = True

    def branch(node: dict) -> str:
        if node.get("prefix"):
            return ""  # any continuation will do
        alternatives = [(_APOSTROPHE if ch == "'" else re.escape(ch)) + branch(child)
                        for ch, child in sorted(node.items()) if len(ch) == 1]
        if node.get("word"):
            alternatives.append(r"(?![\w])")  # a phrase may go on, or a possessive follow
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return re.compile(r"(?<![\w'’])" + branch(tree), re.I)


class PhraseMatcher:
    """A lexicon's phrases, compiled once: ``find(text)`` gives every match.

    ``pattern`` is one case-insensitive expression for every phrase in the given order (group
    ``e{k}`` is phrase k); ``find`` gives exactly its ``finditer`` matches, found faster: only where
    a phrase could begin, and there with only the phrases that can begin with that word.
    """

    def __init__(self, phrases: Phrases) -> None:
        self.phrases = phrases
        self.pattern = _expression([_alternative(k, phrase) for k, phrase in enumerate(phrases)])
        self._openers = _openers(phrases)  # None: some phrase opens with a non-word character
        self._leads = [_lead(phrase[0]) for phrase in phrases]
        self._by_word: dict[str, re.Pattern[str] | None] = {}

    def _pattern_for(self, key: str) -> re.Pattern[str] | None:
        """The expression for just the phrases that can begin with the word run ``key`` (lower case),
        in the given order, with their own group names; None if no phrase can."""
        if key not in self._by_word:
            bare = re.sub(r"'s?$", "", key)  # "region's" can open "region"
            chosen = [_alternative(k, phrase) for k, (phrase, (lead, prefix)) in enumerate(zip(self.phrases,
                      self._leads, strict=True)) if (key.startswith(lead) if prefix else lead in (key, bare))]
            if len(self._by_word) > 100_000:  # a bound on memory for endless vocabularies
                self._by_word.clear()
            self._by_word[key] = _expression(chosen) if chosen else None
        return self._by_word[key]

    def find(self, text: str) -> list[tuple[int, re.Match[str]]]:
        """(phrase index, match) for every phrase in ``text``, left to right, not overlapping."""
        found: list[tuple[int, re.Match[str]]] = []
        if not self.phrases:
            return found
        if self._openers is None:  # no shortcut: the full expression everywhere
            return [(int(m.lastgroup[1:]), m) for m in self.pattern.finditer(text)]  # type: ignore[index]
        end = 0
        for candidate in self._openers.finditer(text):
            at = candidate.start()
            if at < end:
                continue
            key = _RUN.match(text, at).group().lower().replace("’", "'")  # type: ignore[union-attr]
            pattern = self._pattern_for(key)
            # the few phrases that can open here; all of them if none seems to (where re's case folding
            # and str.lower() disagree, as on some non-ASCII letters, the full expression decides)
            m = pattern.match(text, at) if pattern is not None else self.pattern.match(text, at)
            if m:
                found.append((int(m.lastgroup[1:]), m))  # type: ignore[index]  # a match always names its group
                end = m.end()
        return found


class PhraseLexicon:
    """What a lexicon of phrases offers (mixed into a frozen dataclass with ``entries``: (phrase, value)
    pairs in matching order): the phrases alone, and the matcher compiled once per lexicon."""

    entries: tuple[tuple[tuple[str, ...], object], ...]

    @cached_property
    def phrases(self) -> Phrases:
        """The phrases alone, in matching order (longest first)."""
        return tuple(phrase for phrase, _ in self.entries)

    @cached_property
    def matcher(self) -> PhraseMatcher:
        """The phrases compiled for matching (built once per lexicon)."""
        return PhraseMatcher(self.phrases)


# --- matching by dictionary form ------------------------------------------------------------------

#: A gap in a phrase: up to this many words ("hold ... accountable": "hold Russia's leaders accountable").
GAP_WORDS = 4
_GAP = "..."


#: Token text → (its normal form, "" for punctuation; whether it is a word in capitals), for every matcher.
_TOKEN_FORMS: dict[str, tuple[str, bool]] = {}


class FormMatch(NamedTuple):
    """One phrase found among a sentence's tokens: the phrase's index, its tokens and characters."""

    phrase: int
    first: int  # index of its first token in the sentence
    last: int  # index of its last token
    start: int  # character offsets in the statement
    end: int


class FormMatcher:
    """Phrases matched word by word on a sentence's tokens, each word in all its written forms.

    A phrase is a tuple of words: a dictionary form (``call``: call, calls, called, calling, from
    :func:`readout.text.lemmas.forms_of`), ``=form`` for that form only (``=pressed``), ``stem*`` for
    any word that begins so, or ``...`` for a gap of up to :data:`GAP_WORDS` words (no punctuation).
    Tokens are compared in their normal form (:func:`readout.text.lemmas.normal_form`: lower case,
    no possessive ending); a word in capitals ("AIDS", "IT") is a name or an acronym and matches
    nothing, unless most of the sentence is written in capitals (a shouted headline). The
    words of a phrase are consecutive word tokens. Matches are found left to right and do not
    overlap, except that the words inside a gap may match phrases of their own ("hold the brutal
    regime accountable": "brutal", "regime"); at one token, the phrase listed first wins (list longer
    ones first).
    """

    def __init__(self, phrases: Phrases) -> None:
        from readout.text.lemmas import forms_table

        self.phrases = phrases
        table = forms_table({w for p in phrases for w in p if w != _GAP and not w.startswith("=")
                             and not w.endswith("*")})
        self._tests: list[tuple[object, ...]] = []
        self._gapped: list[bool] = []
        self._first: dict[str, list[int]] = {}
        self._wild_first: list[tuple[str, int]] = []
        for k, phrase in enumerate(phrases):
            tests: list[object] = []
            for w in phrase:
                if w == _GAP:
                    tests.append(None)
                elif w.startswith("="):
                    tests.append(frozenset({w[1:].lower()}))
                elif w.endswith("*"):
                    tests.append(w[:-1].lower())
                else:
                    tests.append(table[w.lower()])
            if not tests or tests[0] is None or tests[-1] is None:
                raise ValueError(f"phrase {' '.join(phrase)!r}: a gap '...' must stand between two words")
            self._tests.append(tuple(tests))
            self._gapped.append(None in tests)
            if isinstance(tests[0], str):
                self._wild_first.append((tests[0], k))
            else:
                for form in tests[0]:  # type: ignore[union-attr]
                    self._first.setdefault(form, []).append(k)

    def _fits(self, test: object, form: str) -> bool:
        return form.startswith(test) if isinstance(test, str) else form in test  # type: ignore[operator]

    def _match_at(self, k: int, forms: list[str], words: list[bool], i: int) -> int:
        """The index of the last token of phrase ``k`` matched from token ``i``; -1 if it does not match."""
        tests = self._tests[k]
        j = i
        t = 1
        while t < len(tests):
            test = tests[t]
            if test is None:  # a gap: the next word may come after up to GAP_WORDS words
                nxt = tests[t + 1]
                for skip in range(1, GAP_WORDS + 2):
                    at = j + skip
                    if at >= len(forms) or not words[at]:
                        return -1
                    if self._fits(nxt, forms[at]):
                        j = at
                        break
                else:
                    return -1
                t += 2
                continue
            j += 1
            if j >= len(forms) or not words[j] or not self._fits(test, forms[j]):
                return -1
            t += 1
        return j

    def find(self, tokens: tuple | list) -> list[FormMatch]:
        """Every phrase among ``tokens`` (the statement model's tokens of one sentence), left to right."""
        known = _TOKEN_FORMS
        try:
            read = [known[t.text] for t in tokens]
        except KeyError:
            if len(known) > 200_000:  # a bound on memory for endless vocabularies
                known.clear()
            for t in tokens:
                if t.text not in known:
                    text = t.text
                    word = any(c.isalnum() for c in text)
                    # a word in capitals is a name or an acronym ("AIDS", "IT"), not a lexicon word
                    known[text] = (normal_form(text) if word else "", len(text) > 1 and text.isupper() and text.isalpha())
            read = [known[t.text] for t in tokens]
        capitals = sum(caps for _, caps in read)
        if capitals and capitals * 2 < sum(1 for f, _ in read if f):
            forms = [("" if caps else f) for f, caps in read]
        else:  # no capitals, or a sentence written in capitals: every word as a word
            forms = [f for f, _ in read]
        words = [bool(f) for f in forms]
        first = self._first
        if not self._wild_first and not any(f in first for f in forms):
            return []
        found: list[FormMatch] = []
        taken: set[int] = set()  # the last words of gapped phrases, already matched
        i = 0
        while i < len(forms):
            candidates = self._first.get(forms[i], [])
            if self._wild_first and words[i]:
                extra = [k for stem, k in self._wild_first if forms[i].startswith(stem)]
                candidates = sorted([*candidates, *extra]) if extra else candidates
            for k in candidates:
                last = self._match_at(k, forms, words, i)
                if last >= 0:
                    found.append(FormMatch(k, i, last, tokens[i].start, tokens[last].end))
                    if self._gapped[k]:  # the words in the gap may match phrases of their own
                        taken.add(last)
                    else:
                        i = last
                    break
            i += 1
            while i in taken:
                i += 1
        return found
