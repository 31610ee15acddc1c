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
from importlib.metadata import version

from readout.usercache import cached_json

__all__ = ["forms_of", "forms_table", "past_forms", "normal_form"]

#: Each dictionary word asked for → its forms by Penn Treebank tag ("VBD" → ("held",)).
_KNOWN: dict[str, dict[str, frozenset[str]]] = {}
#: The user's cached table as read (once) and extended in this process: word → tag → forms.
_CACHED: dict[str, dict[str, list[str]]] = {}
#: Bumped when what is cached changes shape.
_FORMAT = 2


def _inflect(words: Iterable[str]) -> dict[str, dict[str, list[str]]]:
    """LemmInflect's forms of each word by tag, every part of speech (the word itself under "")."""
    import lemminflect

    out = {}
    for word in words:
        tagged: dict[str, set[str]] = {"": {word}}
        known = lemminflect.getAllInflections(word)
        if not known and word.isalpha():
            known = {**lemminflect.getAllInflectionsOOV(word, "NOUN"), **lemminflect.getAllInflectionsOOV(word, "VERB")}
        for tag, forms in (known or {}).items():
            tagged.setdefault(tag, set()).update(f.lower() for f in forms)
        out[word] = {tag: sorted(forms) for tag, forms in tagged.items()}
    return out


def _table(words: Iterable[str]) -> dict[str, dict[str, frozenset[str]]]:
    """Each word (lower case) → its forms by tag, from the user's cache (read once per process) or
    LemmInflect."""
    wanted = sorted({w.lower() for w in words} - set(_KNOWN))
    if wanted:
        # the version from the package's metadata: importing lemminflect imports spaCy when spaCy is
        # installed (a second of processor time), and a cached table needs neither
        name = f"inflections-lemminflect-{version('lemminflect')}-{_FORMAT}.json"
        if not _CACHED:
            _CACHED.update(cached_json(name, dict, valid=lambda data: isinstance(data, dict)))
        missing = [w for w in wanted if w not in _CACHED]
        if missing:  # inflect what is new, and keep the larger table (built here, never read as valid)
            _CACHED.update(_inflect(missing))
            whole = dict(_CACHED)
            cached_json(name, lambda: whole, valid=lambda data: False)
        _KNOWN.update({w: {tag: frozenset(forms) for tag, forms in _CACHED[w].items()} for w in wanted})
    return {w.lower(): _KNOWN[w.lower()] for w in words}


def forms_table(words: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each word (lower case, dictionary form) → every written form of it, lower case."""
    return {w: frozenset().union(*tagged.values()) for w, tagged in _table(words).items()}


def forms_of(word: str) -> frozenset[str]:
    """Every written form of one dictionary word ("call" → call, calls, called, calling)."""
    return forms_table([word])[word.lower()]


def past_forms(verb: str) -> frozenset[str]:
    """The past tense and past participle of a verb in its dictionary form ("hold" → held; "freeze" →
    froze, frozen; "cut" → cut): the forms a passive ("was held") can take."""
    tagged = _table([verb])[verb.lower()]
    return tagged.get("VBD", frozenset()) | tagged.get("VBN", frozenset())


def normal_form(token: str) -> str:
    """A token as it is compared with lexicon forms: lower case, straight apostrophe, no possessive ending."""
    t = token.lower().replace("’", "'")
    if t.endswith("'s") and len(t) > 2:
        return t[:-2]
    if t.endswith("s'") and len(t) > 2:
        return t[:-1]
    return t
