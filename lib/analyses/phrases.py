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


#: Token text → the keys it is compared by in an ordinary sentence and in a sentence written in capitals,
#: and whether it is a word in capitals (:func:`_token_forms`), shared by every matcher.
_TOKEN_FORMS: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {}


class FormMatch(NamedTuple):
    """One phrase found among a sentence's tokens: the phrase's index, its tokens and characters."""

    phrase: int
    first: int  # index of its first token in the sentence
    last: int  # index of its last token
    start: int  # character offsets in the statement
    end: int


def _written_in_capitals(word: str) -> bool:
    """True for an entry written in capitals ("NATO", "COVID-19", "E.O."): it matches only that word in
    capitals (at least two letters, all of them capitals)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class FormMatcher:
    """Phrases matched word by word on a sentence's tokens, each word in all its written forms.

    A phrase is a tuple of words: a dictionary form (``call``: call, calls, called, calling, from
    :func:`readout.text.lemmas.forms_of`), ``=form`` for that form only (``=pressed``), ``stem*`` for
    any word that begins so, or ``...`` for a gap of up to :data:`GAP_WORDS` words (no punctuation).
    Tokens are compared in their normal form (:func:`readout.text.lemmas.normal_form`: lower case,
    no possessive ending) with hyphens taken out, on both sides ("counter-terrorism" matches
    "counterterrorism"); each part of a hyphenated word may also match a one-word phrase
    ("post-conflict": "conflict"). A word in capitals ("AIDS", "NATO's", "IDPs") is a name or an
    acronym: it matches only an entry written in capitals ("NATO", "IDP"), and an entry in lower case
    never matches it, unless at least half of the sentence's words are in capitals (a shouted
    headline: then it matches either). The
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
                    tests.append(frozenset({w}))  # "NATO"; the token "IDPs" is read as "IDP"
                elif w.startswith("="):
                    tests.append(frozenset({w[1:].lower().replace("-", "")}))
                elif w.endswith("*"):
                    tests.append(w[:-1].lower().replace("-", ""))
                else:
                    tests.append(frozenset(f.replace("-", "") for f in table[w.lower()]))
            if not tests or tests[0] is None or tests[-1] is None:
                raise ValueError(f"phrase {' '.join(phrase)!r}: a gap '...' must stand between two words")
            self._tests.append(tuple(tests))
            self._gapped.append(None in tests)
            if isinstance(tests[0], str):
                self._wild_first.append((tests[0], k))
            else:
                for form in tests[0]:  # type: ignore[union-attr]
                    self._first.setdefault(form, []).append(k)

    @staticmethod
    def _fits(test: object, keys: tuple[str, ...]) -> bool:
        if isinstance(test, str):
            return any(k.startswith(test) for k in keys)
        return not test.isdisjoint(keys)  # type: ignore[attr-defined]

    def _match_at(self, k: int, keys: list[tuple[str, ...]], i: int) -> int:
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
                    if at >= len(keys) or not keys[at]:
                        return -1
                    if self._fits(nxt, keys[at]):
                        j = at
                        break
                else:
                    return -1
                t += 2
                continue
            j += 1
            if j >= len(keys) or not keys[j] or not self._fits(test, keys[j]):
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
                    form, caps, parts = _token_forms(t.text)
                    plain = (caps,) if caps else (form, *parts) if form else ()
                    known[t.text] = (plain, (form, caps, *parts) if caps else plain, bool(caps))
            read = [known[t.text] for t in tokens]
        capitals = sum(1 for _, _, caps in read if caps)
        # a headline written in capitals: then a word in capitals is a word too
        shouted = capitals and capitals * 2 >= sum(1 for plain, _, _ in read if plain)
        keys = [either for _, either, _ in read] if shouted else [plain for plain, _, _ in read]
        first = self._first
        if not self._wild_first and not any(k in first for ks in keys for k in ks):
            return []
        found: list[FormMatch] = []
        taken: set[int] = set()  # the last words of gapped phrases, already matched
        i = 0
        while i < len(keys):
            here = keys[i]
            candidates = first.get(here[0], []) if len(here) == 1 else sorted(
                {k for key in here for k in first.get(key, [])})
            if self._wild_first and here:
                extra = [k for stem, k in self._wild_first if any(key.startswith(stem) for key in here)]
                candidates = sorted({*candidates, *extra}) if extra else candidates
            for k in candidates:
                last = self._match_at(k, keys, i)
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


_NEGATING_PREFIXES = frozenset({"anti", "counter", "non", "de"})


def _token_forms(text: str) -> tuple[str, str, tuple[str, ...]]:
    """How a token is compared: its normal form with hyphens taken out ("counter-terrorism" →
    "counterterrorism"; "" for punctuation), the word itself if written in capitals (a name or an
    acronym: "NATO's" → "NATO", "IDPs" → "IDP", "E.O."; else ""), and the parts of a hyphenated word
    ("post-conflict": "post", "conflict"), each of which may match a one-word phrase."""
    if not any(c.isalnum() for c in text):
        return "", "", ()
    form = normal_form(text)
    bare = re.sub(r"['’]s?$", "", text)
    letters = [c for c in bare if c.isalpha()]
    caps = ""
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        caps = bare
    elif len(letters) >= 3 and bare.endswith("s") and all(c.isupper() for c in letters[:-1]):
        caps = bare[:-1]  # "IDPs"
    pieces = form.split("-")
    # the parts of "post-conflict", not of "anti-corruption" (its part would say the opposite)
    parts = tuple(p for p in pieces if len(p) > 1 and p.isalpha()) if len(pieces) > 1 \
        and pieces[0] not in _NEGATING_PREFIXES else ()
    return form.replace("-", ""), caps, parts
