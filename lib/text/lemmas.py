"""Which written forms belong to a dictionary word? Inflections from LemmInflect, offline.

Lexicons (the diplomatic-tone lexicon, the themes) list words by their dictionary form: ``call``,
``condemn``, ``sanction``. :func:`forms_of` gives every form such an entry covers — call, calls,
called, calling — from LemmInflect (Jascob, MIT licence), whose inflection tables ship inside its
wheel, so nothing is downloaded. A word LemmInflect does not know is inflected by its rules for an
unknown noun and verb. The forms are kept in the user's cache (:mod:`readout.usercache`) so a kernel
does not load LemmInflect's tables (0.2 s) to read a lexicon it has read before.

:func:`normal_form` is how a token of the text is compared with these forms: lower case, a curly
apostrophe straight, a possessive ending dropped ("Russia's" → "russia", "judges'" → "judges").
"""

from __future__ import annotations

from collections.abc import Iterable

from readout.usercache import cached_json

__all__ = ["forms_of", "forms_table", "normal_form"]

_KNOWN: dict[str, frozenset[str]] = {}
#: Bumped when what is cached changes shape.
_FORMAT = 1


def _inflect(words: Iterable[str]) -> dict[str, list[str]]:
    """LemmInflect's forms of each word (the word itself included), every part of speech."""
    import lemminflect

    out = {}
    for word in words:
        forms = {word}
        known = lemminflect.getAllInflections(word)
        if known:
            forms |= {f.lower() for fs in known.values() for f in fs}
        elif word.isalpha():
            for upos in ("NOUN", "VERB"):
                forms |= {f.lower() for fs in lemminflect.getAllInflectionsOOV(word, upos).values() for f in fs}
        out[word] = sorted(forms)
    return out


def forms_table(words: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each word (lower case, dictionary form) → every written form of it, lower case."""
    wanted = sorted({w.lower() for w in words} - set(_KNOWN))
    if wanted:
        import lemminflect  # its tables load on first use, not on import

        name = f"inflections-lemminflect-{lemminflect.__version__}-{_FORMAT}.json"
        have = cached_json(name, dict, valid=lambda data: isinstance(data, dict))
        missing = [w for w in wanted if w not in have]
        if missing:  # inflect what is new, and keep the larger table (built here, never read as valid)
            have = {**have, **_inflect(missing)}
            cached_json(name, lambda: have, valid=lambda data: False)
        _KNOWN.update({w: frozenset(have[w]) for w in wanted})
    return {w.lower(): _KNOWN[w.lower()] for w in words}


def forms_of(word: str) -> frozenset[str]:
    """Every written form of one dictionary word ("call" → call, calls, called, calling)."""
    return forms_table([word])[word.lower()]


def normal_form(token: str) -> str:
    """A token as it is compared with lexicon forms: lower case, straight apostrophe, no possessive ending."""
    t = token.lower().replace("’", "'")
    if t.endswith("'s") and len(t) > 2:
        return t[:-2]
    if t.endswith("s'") and len(t) > 2:
        return t[:-1]
    return t
