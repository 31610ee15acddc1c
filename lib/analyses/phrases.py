"""Finding an editable lexicon's phrases in a statement: word by word, each word in all its forms.

The diplomatic-tone lexicon and the theme lexicon are both lists of phrases such as ``call on``,
``express ... concern``, ``refugee``, ``NATO`` or ``welcom*``, matched on a sentence's tokens by
:class:`FormMatcher`: a word written in its dictionary form matches every form of it (call, calls,
called, calling: :mod:`readout.text.lemmas`), in any case, with a possessive ending allowed ("the
region's", "judges’"); "=form" matches one form, "stem*" any word beginning so, "..." a gap of a few
words; a word written in capitals matches only that word in capitals. Matches are found left to right
and do not overlap (but for the words inside a gap); at one token, the phrase listed first wins, so
lexicons list longer phrases first.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import NamedTuple

from readout.text.lemmas import normal_form

__all__ = ["Phrases", "PhraseLexicon", "FormMatcher", "FormMatch", "GAP_WORDS"]

#: Phrases as tuples of word patterns, e.g. (("express", "concern"), ("welcom*",), ("NATO",)).
Phrases = tuple[tuple[str, ...], ...]


class PhraseLexicon:
    """What a lexicon of phrases offers (mixed into a frozen dataclass with ``entries``: (phrase, value)
    pairs in matching order): the phrases alone, and the matcher compiled once per lexicon."""

    entries: tuple[tuple[tuple[str, ...], object], ...]

    @cached_property
    def phrases(self) -> Phrases:
        """The phrases alone, in matching order (longest first)."""
        return tuple(phrase for phrase, _ in self.entries)

    @cached_property
    def matcher(self) -> FormMatcher:
        """The phrases compiled for matching on tokens, every word in all its forms (built once per lexicon)."""
        return FormMatcher(self.phrases)


# --- matching by dictionary form ------------------------------------------------------------------

#: A gap in a phrase: up to this many words ("hold ... accountable": "hold Russia's leaders accountable").
GAP_WORDS = 4
_GAP = "..."


#: Token text → (its normal form, "" for punctuation; the word itself if written in capitals, else ""),
#: for every matcher.
_TOKEN_FORMS: dict[str, tuple[str, str]] = {}


class FormMatch(NamedTuple):
    """One phrase found among a sentence's tokens: the phrase's index, its tokens and characters."""

    phrase: int
    first: int  # index of its first token in the sentence
    last: int  # index of its last token
    start: int  # character offsets in the statement
    end: int


def _written_in_capitals(word: str) -> bool:
    """True for an entry written in capitals ("NATO", "COVID-19"): it matches only that word in capitals."""
    return len(word) > 1 and word.isupper()


class FormMatcher:
    """Phrases matched word by word on a sentence's tokens, each word in all its written forms.

    A phrase is a tuple of words: a dictionary form (``call``: call, calls, called, calling, from
    :func:`readout.text.lemmas.forms_of`), ``=form`` for that form only (``=pressed``), ``stem*`` for
    any word that begins so, or ``...`` for a gap of up to :data:`GAP_WORDS` words (no punctuation).
    Tokens are compared in their normal form (:func:`readout.text.lemmas.normal_form`: lower case,
    no possessive ending). A word in capitals ("AIDS", "NATO's") is a name or an acronym: it matches
    only an entry written in capitals ("NATO"; plural "IDPs" too), and a word in lower case never
    matches it, unless most of the sentence is written in capitals (a shouted headline). The
    words of a phrase are consecutive word tokens. Matches are found left to right and do not
    overlap, except that the words inside a gap may match phrases of their own ("hold the brutal
    regime accountable": "brutal", "regime"); at one token, the phrase listed first wins (list longer
    ones first).
    """

    def __init__(self, phrases: Phrases) -> None:
        from readout.text.lemmas import forms_table

        self.phrases = phrases
        table = forms_table({w for p in phrases for w in p if w != _GAP and not w.startswith("=")
                             and not w.endswith("*") and not _written_in_capitals(w)})
        self._tests: list[tuple[object, ...]] = []
        self._gapped: list[bool] = []
        self._first: dict[str, list[int]] = {}
        self._wild_first: list[tuple[str, int]] = []
        for k, phrase in enumerate(phrases):
            tests: list[object] = []
            for w in phrase:
                if w == _GAP:
                    tests.append(None)
                elif _written_in_capitals(w):
                    tests.append(frozenset({w, w + "s"}))  # "NATO", "IDPs"
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
                    bare = re.sub(r"['’]s?$", "", text)
                    # a word in capitals is a name or an acronym ("AIDS", "NATO's"): it matches only an
                    # entry written in capitals
                    caps = len(bare) > 1 and bare.isupper() and bare.replace("-", "").isalnum()
                    known[text] = (normal_form(text) if word else "", bare if caps else "")
            read = [known[t.text] for t in tokens]
        capitals = sum(1 for _, caps in read if caps)
        if capitals and capitals * 2 < sum(1 for f, _ in read if f):
            forms = [caps or f for f, caps in read]
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
