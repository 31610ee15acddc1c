"""Which acronyms does the statement use, and does it spell them out?

An acronym is a word token of two or more capital letters, possibly with
digits, periods or a hyphen ("U.S.", "MS-13", "INL"). An expansion is found
where the text gives one in brackets, either way round: "Transparency
International (TI)" or "TI (Transparency International)", when the initials
of the spelled-out words (ignoring "of", "and", "the", "for"; one per part of
a hyphenated word) give the acronym, or, for acronyms of three letters or
more, begin with it ("International Narcotics and Law Enforcement Affairs
(INL)"). Words in a sentence written mostly in capitals are not acronyms.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from readout.text.statement import Statement
from readout.text.stopwords import stopwords

__all__ = ["find_acronyms", "acronym_table"]

_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]*[A-Z0-9](?:-[A-Z0-9]+)?s?$")
_MINOR = {"of", "and", "the", "for", "on", "in", "to", "de", "del", "la", "y", "&"}


def _letters(acronym: str) -> str:
    return re.sub(r"[^A-Z]", "", acronym.rstrip("s"))


def _initials(words: list[str]) -> str:
    """Initials of the significant words; a hyphenated word gives one per part ("Non-governmental" -> NG)."""
    parts = [p for w in words if w.lower() not in _MINOR for p in w.split("-")]
    return "".join(p[0].upper() for p in parts if p[:1].isalpha())


def _expansion(text: str, acronym: str) -> str | None:
    letters = _letters(acronym)
    if len(letters) < 2:
        return None
    esc = re.escape(acronym)
    m = re.search(rf"((?:[\w’'-]+\s+){{1,{2 * len(letters) + 2}}})\(\s*{esc}\s*\)", text)
    if m:
        words = m.group(1).split()
        for k in range(1, len(words) + 1):  # the shortest tail whose initials spell the acronym
            if _initials(words[-k:]) == letters and words[-k].lower() not in _MINOR:
                return " ".join(words[-k:])
        for k in range(1, len(words) + 1):  # or begin it, for names that skip words ("INL")
            initials = _initials(words[-k:])
            if len(letters) >= 3 and initials.startswith(letters) and len(initials) <= len(letters) + 3 \
                    and words[-k].lower() not in _MINOR:
                return " ".join(words[-k:])
    m = re.search(rf"(?<!\w){esc}\s*\(([^)]{{3,120}})\)", text)
    if m and _initials(m.group(1).split()) == letters:
        return m.group(1).strip()
    return None


def find_acronyms(statement: Statement) -> list[tuple[str, int, str, str]]:
    """(acronym, count, expansion or "", first sentence id) for each acronym, in order of first use."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    stop = stopwords()
    for s in statement.sentences:
        if sum(w.isupper() for w in s.words) > len(s.words) / 2:
            continue  # a sentence in capitals (a headline, a shout): its words are not acronyms
        for t in s.tokens:
            if (t.kind in ("word", "abbrev", "number") and _ACRONYM.match(t.text) and len(_letters(t.text)) >= 2
                    and t.text.lower() not in stop):
                counts[t.text] += 1
                first.setdefault(t.text, s.id)
    body = " ".join(s.text for s in statement.sentences)
    return [(a, counts[a], _expansion(body, a) or "", first[a]) for a in counts]


def acronym_table(statement: Statement) -> pd.DataFrame:
    """One row per acronym: count, expansion given in the text (or empty), first sentence."""
    return pd.DataFrame(find_acronyms(statement), columns=["acronym", "count", "expansion", "first"]).set_index("acronym")
