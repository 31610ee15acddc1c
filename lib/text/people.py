"""Which people does the statement name, and which country is each from?

A gazetteer cannot list people; a statement introduces them. A person is found where the text
names one the way statements do:

* after a **title**: "President Daniel Ortega", "Foreign Minister Safadi", "Under Secretary Uzra
  Zeya", "Sheikh Mohammed bin Zayed Al Nahyan", "Mr. Sullivan";
* after a **role**: "journalist Raman Pratasevich", "lawyer Theary Seng", "Burmese business leaders
  Aung Hlaing Oo, Naing Htut Aung, and Sit Taing Aung" (a list after a plural role);
* as what a statement **designates or sanctions**: "designating Marinko Cavara and Alen Seranic".

A name is one to five capitalised words, particles ("bin", "al", "de", "van") and suffixes
("Jr.", "II") allowed, stopping at a word the gazetteer knows. The person's **country** is read
from the text around the first mention: a demonym before it ("Honduran Foreign Minister ...",
"former Bulgarian public officials ..."), a country in the possessive before it ("Nicaragua's
President ..."), "of <country>" right after the name ("Prime Minister Andrew Holness of
Jamaica") or an apposition that says it ("Ana López, Guatemala's Vice Minister"); else it is left
unknown. People the actor file lists (with their country) are found by its aliases instead. Later,
the person's surname alone ("Ortega", "Ms. Alinejad") or full name names the same person, unless two
people found share that surname; so do other words of the name past the first ("Bucaram" for
"Abdalá Jaime Bucaram Ortiz", "Callejas Valcárcel"). A fuller name found later ("Daniel Ortega"
after "President Ortega") becomes the person's name, and a person whose surname names a regime the
text names ("the Ortega-Murillo regime") is of that regime's country.

These are rules, not a name recogniser: a name introduced otherwise (no title, no role) is not
found, and the coverage measure of the actors notebook counts the capitalised names nobody
recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from .mentions import ActorLexicon, ActorMention
from .names import PARTICLES, name_run

__all__ = ["Person", "find_people", "TITLES", "ROLES"]

#: Titles before a name, longest first where one contains another.
TITLES = tuple(sorted({
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
    "Minister", "Deputy Minister", "Defense Minister", "Defence Minister", "Finance Minister", "Interior Minister",
    "Secretary", "Secretary of State", "Deputy Secretary", "Deputy Secretary of State", "Under Secretary",
    "Assistant Secretary", "Acting Assistant Secretary", "Deputy Assistant Secretary", "Special Envoy",
    "Special Representative", "Special Presidential Envoy", "Ambassador", "Chancellor", "King", "Queen",
    "Crown Prince", "Prince", "Princess", "Emir", "Amir", "Sheikh", "Sultan", "Pope", "General", "Gen.",
    "Lieutenant General", "Major General", "Brigadier General", "Admiral", "Colonel", "Senator", "Sen.",
    "Representative", "Rep.", "Congressman", "Congresswoman", "Governor", "Gov.", "Mayor", "Chairman",
    "Chairwoman", "Chair", "Chairperson", "Director", "Director General", "Director-General", "Secretary-General",
    "Secretary General", "Commissioner", "High Representative", "Speaker", "State Counsellor", "Spokesperson",
    "National Security Advisor", "National Security Adviser", "Administrator", "Attorney General",
    "Chief Justice", "Justice", "Judge", "First Lady", "Second Gentleman", "Dr.", "Mr.", "Mrs.", "Ms.",
    "His Majesty", "Her Majesty", "His Excellency", "Her Excellency", "His Royal Highness", "His Highness",
    "Archbishop", "Cardinal", "Bishop", "Rabbi", "Imam", "Commander", "Chief", "Premier", "Leader", "CEO",
    "Chief Executive", "Chief Executive Officer", "President-elect", "Governor-General",
}, key=lambda t: (-len(t.split()), t)))

#: Roles written before a name in lower case ("journalist Raman Pratasevich"); a plural role
#: introduces a list ("officials A, B, and C").
ROLES = frozenset({
    "journalist", "journalists", "activist", "activists", "lawyer", "lawyers", "dissident", "dissidents",
    "blogger", "bloggers", "leader", "leaders", "official", "officials", "candidate", "candidates", "oligarch",
    "oligarchs", "commander", "commanders", "defender", "defenders", "politician", "politicians", "businessman",
    "businessmen", "businesswoman", "husband", "wife", "son", "daughter", "brother", "sister", "prisoner",
    "prisoners", "opponent", "opponents", "member", "members", "deputy", "legislator", "legislators", "judge",
    "judges", "prosecutor", "prosecutors", "minister", "ministers", "general", "generals", "officer", "officers",
    "chief", "director", "executive", "executives", "financier", "financiers", "associate", "associates",
    "facilitator", "facilitators", "operative", "operatives", "spokesperson", "governor", "mayor",
    "designating", "designated", "sanctioning", "sanctioned", "detained", "arrested", "released", "imprisoned",
    "sentenced", "named", "including", "elites", "individuals",
})
_PLURAL_ROLES = frozenset(r for r in ROLES if r.endswith("s") and r not in {"including"}) | {
    "designating", "designated", "sanctioning", "sanctioned", "including", "businessmen"}
#: The small words a person's name may hold: the name particles, "Al" and "Abu" capitalised too, and the
#: Spanish "y" ("José Ortega y Gasset").
_PARTICLES = PARTICLES | {"Al", "El", "Abu", "y"}
_SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV", "Jr", "Sr"})
#: Capitalised words that begin no name (sentence openers, months, days).
_NOT_NAMES = frozenset({
    "The", "This", "That", "These", "Those", "We", "Our", "Today", "Yesterday", "Tomorrow", "On", "In", "As",
    "At", "For", "With", "And", "But", "Or", "If", "It", "He", "She", "They", "His", "Her", "Their", "A", "An",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Department", "Government", "Administration", "Office", "Ministry", "Republic", "Kingdom", "State", "States",
    "Council", "Commission", "Committee", "Agency", "Court", "Assembly", "Parliament", "Congress", "Senate",
    "Embassy", "Bureau", "Treasury", "Act", "Order", "Executive", "Section", "Global", "National", "Federal",
    "International", "United", "Foreign", "Armed", "Forces", "Military", "Security", "Human", "Rights", "Day",
})
#: What may come before a name that an apposition introduces (a list's separators, a sentence start).
_LIST_BEFORE = frozenset({";", ":", "and", ",", "(", "designating", "sanctioning"})
#: The words that open an apposition about a person.
_APPOSITION = frozenset({"who", "the", "a", "an", "former", "whose", "his", "her"})
#: Words that end an organisation's name, not a person's.
_ORG_WORDS = frozenset({"Bank", "Group", "Company", "Companies", "Limited", "Police", "Party", "Ministry", "Agency",
                        "TV", "Radio", "Network", "Forces", "Army", "Division", "Brigade", "Front", "Movement"})
#: Kin and close roles read with "of" before a person ("daughter of Daniel Ortega").
_KIN = frozenset({"daughter", "son", "wife", "husband", "brother", "sister", "mother", "father", "widow", "advisor",
                  "adviser", "spokesperson", "deputy", "successor", "predecessor"})
#: Capitalised words of a portfolio ("for Democracy, Human Rights, and Labor"), never a person's name.
_PORTFOLIO = frozenset({"Affairs", "State", "Defense", "Policy", "Labor", "Rights", "Human", "Democracy", "Security",
                        "Economic", "Growth", "Energy", "Environment", "Trade", "Development", "Operations", "Management",
                        "Resources", "Assistance", "Cooperation", "International", "Political", "Public", "Diplomacy",
                        "Affairs,", "Arms", "Control", "Counterterrorism", "Narcotics", "Law", "Enforcement",
                        "Population", "Refugees", "Migration", "Intelligence", "Research", "Oceans", "Science",
                        "Technology", "Administration", "Finance", "Treasury", "Justice", "Health", "Education"})
_TOKEN = re.compile(r"[^\W\d_][\w’'.-]*|[,;()]|\S")


@dataclass(frozen=True)
class Person:
    """A person found in the text: their name as first written in full, surname, country ("" if the
    text does not say) and where the first mention is."""

    name: str
    surname: str
    country: str
    start: int


_INITIAL = re.compile(r"[A-Z]\.|(?:[A-Za-z]\.){2,}|Jr\.|Sr\.|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|Gen\.|Sen\.|Rep\.|Gov\.")


class _Word(NamedTuple):
    """A word or punctuation mark of a sentence, with its offsets into the statement text."""

    text: str
    start: int
    end: int


def _tokens(text: str, a: int, b: int) -> list[_Word]:
    """Words (a final period kept only on an initial or an abbreviation), brackets, commas."""
    out = []
    for m in _TOKEN.finditer(text, a, b):
        word, start, end = m.group(), m.start(), m.end()
        if word.endswith(".") and len(word) > 1 and not _INITIAL.fullmatch(word):
            out += [_Word(word[:-1], start, end - 1), _Word(".", end - 1, end)]
        else:
            out.append(_Word(word, start, end))
    return out


def _is_name_word(word: str) -> bool:
    return (word[:1].isupper() and any(c.islower() for c in word[1:]) or word in _SUFFIXES
            or (len(word) > 1 and word[0].isupper() and word[1:] in ("." , "’s", "'s"))) \
        and word.rstrip(".,") not in _NOT_NAMES


def _name_at(text: str, tokens: list[_Word], i: int, taken: set[int]) -> int:
    """How many tokens from ``i`` make a person's name (0 if none): the name run there
    (:func:`readout.text.names.name_run`, with name particles only as links), cut at a gazetteer
    mention's token or a word no person's name holds (an acronym, a word of :data:`_NOT_NAMES`); at most
    five words besides particles, within its first seven tokens."""
    last = name_run(text, tokens, i, _PARTICLES)
    good = -1
    for k in range(i, min(last + 1, i + 7)):
        word = tokens[k].text
        if tokens[k].start in taken:
            break
        if word in _PARTICLES and k > i:
            continue
        if not _is_name_word(word.rstrip("’'s") if word.endswith(("’s", "'s")) else word):
            break
        good = k
    n = good - i + 1
    return n if n > 0 and sum(1 for t in tokens[i:good + 1] if t.text not in _PARTICLES) <= 5 else 0


def _clean(word: str) -> str:
    return word[:-2] if word.endswith(("’s", "'s")) else word


def find_people(text: str, spans: list[tuple[int, int]], mentions: list[ActorMention],
                lexicon: ActorLexicon) -> tuple[list[Person], list[ActorMention]]:
    """The people named in ``text`` (within ``spans``, the body sentences) and every mention of each,
    by the rules of the module; ``mentions`` are the gazetteer's, which a name never overlaps."""
    taken_starts = _covered(text, mentions)
    by_start = {m.start: m for m in mentions}
    countries = {a.name for a in lexicon.actors if a.kind == "country"}
    listed_people = _surnames_listed(lexicon)
    people: dict[str, Person] = {}
    renamed: dict[str, str] = {}  # a person first found by surname ("President Ortega"), later in full
    found: list[ActorMention] = []
    for a, b in spans:
        tokens = _tokens(text, a, b)
        i = 0
        while i < len(tokens):
            cue = _cue(tokens, i, by_start)
            if cue == 0 and tokens[i][0] == ":" and any(w.lower() in _PLURAL_ROLES | {"elites", "individuals"}
                                                        for w, _, _ in tokens[max(0, i - 4):i]):
                cue = 1  # a list after a colon
            if cue == 0:
                i += 1
                continue
            j = i + cue
            listing = tokens[j - 1][0].lower() in _PLURAL_ROLES or tokens[j - 1][0] == ":"
            while j < len(tokens):
                n = _name_at(text, tokens, j, taken_starts)
                if n == 0:
                    break
                words = [_clean(w) for w, _, _ in tokens[j:j + n]]
                if words[-1] in _ORG_WORDS or words[-1].endswith("bank"):
                    j += n  # an organisation in the list ("Promsvyazbank CEO Petr Fradkov"), not a person
                    continue
                start, end = tokens[j][1], tokens[j + n - 1][2]
                if tokens[j + n - 1][0].endswith(("’s", "'s")):
                    end -= 2
                if len(words) == 1 and not _titled(tokens, i) and tokens[i][0] != ":":
                    break  # one word after a role is no name ("leaders Tuesday"); after a title it is a surname
                listed = listed_people.get(words[-1]) if len(words) == 1 else None
                if listed is not None:  # "Mr. Sullivan": a person the actor file lists
                    found.append(ActorMention(listed, text[start:end], start, end, "name"))
                    j += n
                    if not listing:
                        break
                    continue
                person = _person(people, renamed, words, start,
                                 lambda: _country(tokens, i, j + n, by_start, countries, text))
                found.append(ActorMention(person.name, text[start:end], start, end, "person"))
                j += n
                if not listing:
                    break
                # a list goes on after ",", "and", ", and" (or ", as well as"); an aside in brackets is skipped
                k = j
                if k < len(tokens) and tokens[k][0] == "(":
                    while k < len(tokens) and tokens[k][0] != ")":
                        k += 1
                    k += 1
                while k < len(tokens) and tokens[k][0] in (",", "and", "as", "well"):
                    k += 1
                if k == j or k >= len(tokens):
                    break
                j = k
            i = max(i + 1, j)
        # names that an apposition says are people: "Leonardo Ovidio Reyes Ramirez, the President of ...",
        # "Camila Antonia Ortega Murillo, who is ...", "Edwin Ramon Castro Rivera, a National Assembly Deputy"
        for i in range(len(tokens)):
            if i > 0 and tokens[i - 1][0] not in _LIST_BEFORE:
                continue
            n = _name_at(text, tokens, i, taken_starts | _covered(text, found))
            words = [_clean(w) for w, _, _ in tokens[i:i + n]]
            if n < 2 or len(words) < 2 or i + n + 1 >= len(tokens) or tokens[i + n][0] != "," \
                    or tokens[i + n + 1][0] not in _APPOSITION or words[-1] in _ORG_WORDS:
                continue
            start, end = tokens[i][1], tokens[i + n - 1][2]
            person = _person(people, renamed, words, start, lambda: _country(tokens, i, i + n, by_start, countries, text))
            found.append(ActorMention(person.name, text[start:end], start, end, "person"))
    # Later mentions by surname alone ("Ortega"), or by any words of the name past the first ("Bucaram",
    # "Callejas Valcárcel": two-part surnames), where no other person shares them.
    parts: dict[str, list[Person]] = {}
    for p in people.values():
        words = [w for w in p.name.split() if w not in _SUFFIXES and w not in _PARTICLES]
        for w in set(words[1:] if len(words) > 1 else words):
            parts.setdefault(w, []).append(p)
    seen = _covered(text, found) | taken_starts
    for a, b in spans:
        tokens = _tokens(text, a, b)
        i = 0
        while i < len(tokens):
            word, start, end = tokens[i]
            w = _clean(word)
            if start in seen or w not in parts or len(parts[w]) != 1 or start < parts[w][0].start:
                i += 1
                continue
            person = parts[w][0]
            if i > 0 and _is_name_word(tokens[i - 1][0]) and tokens[i - 1][1] not in seen \
                    and tokens[i - 1][0] not in TITLES and tokens[i - 1][0].rstrip(".") + "." not in TITLES:
                i += 1
                continue  # part of another name
            j = i + 1  # the next words, while they are the same person's ("Callejas Valcárcel")
            while j < len(tokens) and not tokens[j - 1][0].endswith(("’s", "'s")) \
                    and parts.get(_clean(tokens[j][0])) == [person] and tokens[j][1] not in seen:
                j += 1
            end = tokens[j - 1][2] - (2 if tokens[j - 1][0].endswith(("’s", "'s")) else 0)
            found.append(ActorMention(person.name, text[start:end], start, end, "person"))
            seen.update(t[1] for t in tokens[i:j])
            i = j
    if renamed:
        found = [replace(m, actor=_final(renamed, m.actor)) if m.actor in renamed else m for m in found]
    regimes = _institution_countries(lexicon, {m.actor for m in mentions})
    people = {k: (p if p.country or p.surname not in regimes else
                  Person(p.name, p.surname, regimes[p.surname], p.start)) for k, p in people.items()}
    found.sort(key=lambda m: m.start)
    return list(people.values()), found


def _final(renamed: dict[str, str], name: str) -> str:
    while name in renamed:
        name = renamed[name]
    return name


def _person(people: dict[str, Person], renamed: dict[str, str], words: list[str], start: int, country) -> Person:
    """The person these name words name: one already found (by the full name, or by a surname or tail of
    it), else a new one. A fuller name for a person first found by surname alone ("Daniel Ortega" after
    "President Ortega") becomes that person's name."""
    name = " ".join(words)
    person = people.get(name) or _known(people, words)
    if person is None:
        person = Person(name, _surname(words), country(), start)
        people[name] = person
    elif len(words) > len(person.name.split()) and name.endswith(person.name):
        fuller = Person(name, person.surname, person.country or country(), person.start)
        del people[person.name]
        people[name] = fuller
        renamed[person.name] = name
        person = fuller
    return person


def _institution_countries(lexicon: ActorLexicon, named: set[str]) -> dict[str, str]:
    """Surname → country, from the institutions named after a person that the text names ("the
    Ortega-Murillo regime": Ortega and Murillo, Nicaragua; "the Assad regime": Syria)."""
    out: dict[str, str] = {}
    for a in lexicon.actors:
        if a.kind == "institution" and a.country and "regime" in a.name.lower() and a.name in named:
            for w in re.split(r"[\s-]+", a.name):
                if w[:1].isupper() and w.lower() not in ("regime", "the", "military", "burmese"):
                    out.setdefault(w, a.country)
    return out


def _surnames_listed(lexicon: ActorLexicon) -> dict[str, str]:
    """Surname → the person the actor file lists with it, for surnames only one listed person has."""
    seen: dict[str, list[str]] = {}
    for a in lexicon.actors:
        if a.kind == "person":
            words = [w for w in a.name.split() if w not in _SUFFIXES]
            seen.setdefault(words[-1], []).append(a.name)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _covered(text: str, mentions: list[ActorMention]) -> set[int]:
    """The start of every token that lies inside a mention."""
    out: set[int] = set()
    for m in mentions:
        out |= {t.start() for t in _TOKEN.finditer(text, m.start, m.end)}
    return out


def _surname(words: list[str]) -> str:
    core = [w for w in words if w not in _SUFFIXES and w not in _PARTICLES]
    return core[-1] if core else words[-1]


def _known(people: dict[str, Person], words: list[str]) -> Person | None:
    """A person already found whose full name ends with these words ("Ortega" after "Daniel Ortega")."""
    if len(words) == 1:
        hits = [p for p in people.values() if p.surname == words[0]]
        return hits[0] if len(hits) == 1 else None
    tail = " ".join(words)
    hits = [p for p in people.values() if p.name.endswith(tail) or tail.endswith(p.name)]
    return hits[0] if len(hits) == 1 else None


def _titled(tokens: list[_Word], i: int) -> bool:
    """Whether the cue at ``i`` is a title (after which one word, a surname, is a name)."""
    return _title_at(tokens, i) is not None


def _title_index() -> dict[str, list[str]]:
    """First word → the titles it starts, longest first."""
    index: dict[str, list[str]] = {}
    for title in TITLES:
        index.setdefault(title.split()[0], []).append(title)
    return index


_TITLE_INDEX = _title_index()


def _title_at(tokens: list[_Word], i: int) -> str | None:
    """The longest title that starts at token ``i``, if any."""
    first = tokens[i][0]
    for title in _TITLE_INDEX.get(first) or _TITLE_INDEX.get(_ELECT.sub("", first), ()):
        if _matches(tokens, i, title):
            return title
    return None


def _matches(tokens: list[_Word], i: int, phrase: str) -> bool:
    words = phrase.split()
    return i + len(words) <= len(tokens) and all(
        tokens[i + k][0] == w or (k == len(words) - 1 and _ELECT.sub("", tokens[i + k][0]) == w)
        for k, w in enumerate(words))


_ELECT = re.compile(r"-(?:[Ee]lect|[Dd]esignate)$")


def _cue(tokens: list[_Word], i: int, by_start: dict[int, ActorMention] | None = None) -> int:
    """The number of tokens of a title or role that starts at ``i`` and is followed by a name; 0 if none.
    A title may be elect or designate ("President-elect") and may name its country before the name
    ("President of Finland Sauli Niinistö")."""
    title = _title_at(tokens, i)
    if title is not None:
        n = len(title.split())
        if i + n < len(tokens) and tokens[i + n][0] == "of" and by_start is not None:
            m = by_start.get(tokens[i + n + 1][1]) if i + n + 1 < len(tokens) else None
            if m is None and i + n + 2 < len(tokens) and tokens[i + n + 1][0] == "the":
                m = by_start.get(tokens[i + n + 2][1])
            if m is not None:
                k = i + n + 1
                while k < len(tokens) and tokens[k][2] <= m.end:
                    k += 1
                if k < len(tokens) and tokens[k][0][:1].isupper() and tokens[k][0] not in _NOT_NAMES:
                    return k - i
        # "President of the United States" is a title without a name
        if i + n < len(tokens) and tokens[i + n][0][:1].isupper() and tokens[i + n][0] not in _NOT_NAMES:
            return n
        if by_start is not None and i + n < len(tokens) and tokens[i + n][0] in ("of", "for"):
            first = _portfolio(tokens, i + n)
            return first - i if first else 0
        return 0
    word = tokens[i][0]
    if word.lower() in ROLES and word.islower() and i + 1 < len(tokens) and tokens[i + 1][0][:1].isupper():
        return 1
    if word.lower() in _KIN and i + 2 < len(tokens) and tokens[i + 1][0] == "of" and tokens[i + 2][0][:1].isupper():
        return 2  # "daughter of Daniel Ortega"
    return 0


def _portfolio(tokens: list[_Word], at: int) -> int:
    """After a title and "of"/"for" at ``at`` ("Acting Assistant Secretary of State for Near Eastern Affairs
    Yael Lempert"): the index of the person's name, which is the run's last two capitalised words
    (three with an initial: "Antony J. Blinken"); 0 if the run does not end in such a name."""
    k = at
    while k < len(tokens) and (tokens[k][0][:1].isupper() or tokens[k][0] in ("of", "for", "and", ",", "the", "&")):
        k += 1
    end = k
    while end > at and not tokens[end - 1][0][:1].isupper():
        end -= 1
    size = 3 if end - 3 > at and _INITIAL.fullmatch(tokens[end - 2][0]) else 2
    first = end - size
    if first <= at or any(not _is_name_word(w) or w in _PORTFOLIO for w, _, _ in tokens[first:end]):
        return 0
    if not (tokens[first - 1][0][:1].isupper() or tokens[first - 1][0] == ","):
        return 0
    return first


def _country(tokens: list[_Word], cue: int, after: int, by_start: dict[int, ActorMention],
             countries: set[str], text: str) -> str:
    """The person's country: a demonym or possessive country in the few words before the cue, a
    country inside the cue ("President of Finland"), "of <country>" right after the name, or an
    apposition ("Ana López, Guatemala's Vice Minister")."""
    for k in range(cue, after):
        m = by_start.get(tokens[k][1])
        if m is not None and m.actor in countries and k > cue and tokens[k - 1][0] in ("of", "the"):
            return m.actor
    for k in range(cue - 1, max(-1, cue - 5), -1):
        m = by_start.get(tokens[k][1])
        if m is not None and m.actor in countries and (m.form == "demonym" or text[m.end:m.end + 2] in ("’s", "'s")):
            return m.actor
        if tokens[k][0] in (",", ";", ".", "(", ")") or tokens[k][0] in ("and", "of", "with"):
            break
    if after + 1 < len(tokens) and tokens[after][0] == ",":  # "Ana López, Guatemala's Vice Minister"
        for k in range(after + 1, min(len(tokens), after + 4)):
            m = by_start.get(tokens[k][1])
            if m is not None and m.actor in countries and (
                    m.form == "demonym" or text[m.end:m.end + 2] in ("’s", "'s")):
                return m.actor
        for k in range(after + 2, min(len(tokens), after + 12)):  # ", the President of the Central Bank of Nicaragua"
            if tokens[k][0] in (",", ";", "."):
                break
            m = by_start.get(tokens[k][1])
            if m is not None and m.actor in countries and tokens[k - 1][0] in ("of", "the") and m.form == "name":
                return m.actor
    if after + 1 < len(tokens) and tokens[after][0] == "of":
        m = by_start.get(tokens[after + 1][1]) or (by_start.get(tokens[after + 2][1]) if after + 2 < len(tokens)
                                                   and tokens[after + 1][0] == "the" else None)
        if m is not None and m.actor in countries:
            return m.actor
    return ""

