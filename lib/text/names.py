"""Which names does the statement use, and which organisations does it name that no list holds?

**A name run** (:func:`name_runs`, the one rule every part of the package reads capitalised names
with) is a run of capitalised words in a sentence ("Cuban Revolutionary National Police", "Ousmane
Illiassou Djibo", "Department of the Treasury"): a word is capitalised when it begins with a capital
letter ("MS-13", "U.S."), is an ordinal ("66th") or a name with a particle ("al-Sharqiya"); small words
may stand between two of them (:data:`NAME_LINKS`: "of", "for", "&", name particles such as "de", "al",
"bin", "van", and "the" after another of them: "Summit of the Americas"), nothing else (a comma ends a
run, "and" too: "Honduras and Guatemala" are two names; an initial's full stop does not: "John F.
Kennedy"); a possessive ends it ("Pedro Sula’s": "Pedro Sula"); a month or a weekday is never part of
one. Each reader adds what it needs on top: the analyses trim function words at its ends, people are
read with name particles only as links (:mod:`readout.text.people`).

**A headline** (:func:`is_headline`) is a sentence whose content words (not function words, at least
two) are all capitalised ("Strong New Partnership Announced Today"): there capitals mark no names, so
the analyses that read names from capitals (key terms, sentiment leaks) read only the actor mentions.

The **names that could be actors** (:func:`name_spans`) are the name runs of the body less a sentence's
first word alone, names made only of calendar words, titles or the words of an event, law or programme
("Independence Day", "Section 7031(c)", "Executive Order 14024", "Summit", "Secretary of State") and
the regions of the world (:data:`REGIONS`: "Latin America", "Indo-Pacific");
:mod:`readout.analyses.actors.coverage` counts how many the gazetteer, the people rules and the
organisation rule below recognised.

An **organisation by its form** is a name the gazetteer does not hold that ends in a word that heads
organisation names ("Police", "Bank", "Company Limited", "Group of Companies", "Division", "Party",
"Prison", "Agency", "TV") or that is followed by its acronym in brackets ("Majelis Mujahidin
Indonesia (MMI)"). The acronym names it later too. Its country is the one a demonym or country name
inside it names ("Cuban Revolutionary National Police": Cuba), else the one it is "in" or "based"
in, else unknown. These are rules about the form of names, not a recogniser trained on text: an
organisation called otherwise ("Ekho Moskvy") is found only when a role or a designation introduces
it (:mod:`readout.text.people`), or not at all, and then it counts against coverage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .stopwords import stopwords
from .tokens import Token, tokenize

__all__ = ["NameSpan", "name_spans", "REGIONS", "in_a_title", "inside_a_name", "ORGANISATION_HEADS", "NOT_ACTOR_WORDS",
           "find_organisations", "Organisation", "PARTICLES", "NAME_LINKS", "ORGANISATION_LINKS", "CALENDAR_WORDS", "capitalised",
           "possessive", "name_run", "name_runs", "run_span", "is_headline", "MEETING_HEADS", "meeting_names"]


class Word(Protocol):
    """What the name rule reads of a word: its text and its offsets into the statement text (a
    :class:`~readout.text.tokens.Token` of the statement model is one)."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


#: Small words inside personal and place names ("Mohammed bin Salman", "Abu Bakr al-Baghdadi", "Ahmed
#: Ould Teguedi", "Alexander De Croo").
PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "del", "della", "da", "das", "do", "dos", "du", "van",
                       "von", "der", "den", "la", "le", "di", "abu", "ben", "ould", "wa", "des"})
#: Small words a name may hold between two capitalised words: the particles, "of", "for", "&", and "the"
#: after another of them ("Summit of the Americas"). "and" is not one: "Honduras and Guatemala" are two names.
NAME_LINKS = PARTICLES | {"of", "for", "&", "the"}
#: An organisation's name may hold "and" too ("Ministry of Foreign Affairs and International Cooperation"):
#: :func:`find_organisations` reads runs with it and cuts them where "and" joins two names.
ORGANISATION_LINKS = NAME_LINKS | {"and"}
#: Capitalised by convention, not names: a month or a weekday is no part of a name ("Ankara April 12": "Ankara").
CALENDAR_WORDS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                            "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                            "Saturday", "Sunday"})
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|at|ar|an|bin|ibn|abu)-[A-Z]")


def capitalised(word: str) -> bool:
    """A word that can be part of a name: capitalised ("Honduras", "MS-13", "U.S."), an ordinal ("66th")
    or a name with a particle ("al-Sharqiya"); never a month or a weekday."""
    return (word[:1].isupper() or bool(_ORDINAL.fullmatch(word)) or bool(_PARTICLE_NAME.match(word))) \
        and word not in CALENDAR_WORDS and "@" not in word and "/" not in word


def possessive(word: str) -> bool:
    """True for a word with a possessive ending ("Honduras’s", "Pedro Sula's"): it ends a name."""
    return word.endswith(("’s", "'s")) and len(word) > 2


def _joined(text: str, a: Word, b: Word) -> bool:
    """Nothing but white space between two words, or an initial's full stop ("John F. Kennedy")."""
    gap = text[a.end:b.start]
    return not gap.strip() or (gap.strip() == "." and len(a.text) == 1 and a.text.isupper())


def name_run(text: str, words: Sequence[Word], i: int, links: frozenset[str] = NAME_LINKS) -> int:
    """The index of the last word of the name run that begins with ``words[i]`` (the module's rule), or
    -1 if ``words[i]`` is not capitalised. ``words`` are one sentence's words in order (punctuation may
    be among them: it ends a run, but for an initial's full stop); ``links`` are the small words the run
    may hold (:data:`NAME_LINKS`, or :data:`PARTICLES` for a person's name)."""
    if not capitalised(words[i].text):
        return -1
    last = i
    while not possessive(words[last].text):
        k = last + 1
        if k < len(words) and words[k].text == "." and len(words[last].text) == 1 and words[last].text.isupper() \
                and words[k].start == words[last].end:
            k += 1  # an initial's full stop, a token of its own
        prev = words[k - 1]
        n_links = 0
        while k < len(words) and _joined(text, prev, words[k]) and words[k].text in links \
                and (words[k].text != "the" or n_links):
            prev, k, n_links = words[k], k + 1, n_links + 1
        if k < len(words) and _joined(text, prev, words[k]) and capitalised(words[k].text):
            last = k
            continue
        break
    return last


def name_runs(text: str, words: Sequence[Word], links: frozenset[str] = NAME_LINKS) -> list[tuple[int, int]]:
    """Every maximal name run of one sentence's ``words``, as (first, last) word indexes, in order."""
    out = []
    i = 0
    while i < len(words):
        last = name_run(text, words, i, links)
        if last < 0:
            i += 1
            continue
        out.append((i, last))
        i = last + 1
    return out


def run_span(words: Sequence[Word], first: int, last: int) -> tuple[int, int]:
    """The character offsets of a run of words, a possessive ending left out ("Pedro Sula’s": "Pedro Sula")."""
    end = words[last].end - (2 if possessive(words[last].text) else 0)
    return words[first].start, end


def is_headline(words: Sequence[str]) -> bool:
    """True for a headline: at least two content words (with letters, not function words), all capitalised."""
    stop = stopwords()
    content = [w for w in words if w[:1].isalpha() and w.lower() not in stop]
    return len(content) >= 2 and all(w[:1].isupper() for w in content)


#: Last words of an organisation's name.
ORGANISATION_HEADS = frozenset({
    "Police", "Bank", "Banks", "Company", "Companies", "Limited", "Ltd", "Ltd.", "Inc", "Inc.", "Corporation",
    "Corp", "Corp.", "LLC", "Group", "Holding", "Holdings", "Division", "Brigade", "Brigades", "Battalion", "Regiment",
    "Army", "Navy", "Forces", "Force", "Guard", "Guards", "Militia", "Party", "Front", "Movement", "Union",
    "Prison", "Agency", "Authority", "Ministry", "Service", "Services", "Directorate", "Bureau", "Office", "Council",
    "Committee", "Commission", "Court", "Tribunal", "Parliament", "Assembly", "Foundation", "Institute",
    "Association", "Federation", "Organization", "Organisation", "Network", "Fund", "Trust", "Society", "Church",
    "University", "TV", "Radio", "Media", "News", "Airlines", "Airways", "Enterprise", "Enterprises",
    "Industries", "Corps", "Coalition", "Alliance", "Mission", "Secretariat", "Administration", "Department",
})
#: Words that make a name something other than an actor: calendar words, titles, and the heads of
#: the names of events, laws, programmes and places.
NOT_ACTOR_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Day", "Week",
    "Year", "Anniversary", "Act", "Order", "Section", "Article", "Resolution", "Law", "Code", "Agreement",
    "Accords", "Accord", "Treaty", "Convention", "Protocol", "Declaration", "Charter", "Framework", "Strategy",
    "Plan", "Program", "Programme", "Initiative", "Partnership", "Dialogue", "Summit", "Conference", "Meeting",
    "Forum", "Games", "Olympics", "Olympic", "Paralympic", "Cup", "Festival", "Award", "Prize", "Report",
    "Mechanism", "Bridge", "Road", "Street", "Avenue", "Sea", "Ocean", "River", "Island", "Lake", "Gulf",
    "Mountains", "Valley", "Region", "Regions", "Province", "Airport", "Port", "Theater", "Hall", "Hotel",
    "Center", "Centre", "Square", "Palace", "Building", "COVID", "COVID-19", "Internet", "Twitter", "Facebook",
    "Instagram", "God", "Christmas", "Ramadan", "Eid", "Easter", "Secretary", "Under", "Assistant", "Deputy",
    "Acting", "Minister", "Prime", "President", "Vice", "Ambassador", "Special", "Envoy", "Representative",
    "Spokesperson", "Advisor", "Adviser", "Honorable", "Excellency", "Chargé", "Affairs", "Senior", "Official",
    "Coordinator", "Director", "General", "Chairman", "Chair", "Administrator", "Counselor", "Senator",
    "Governor", "Mayor", "Begin", "End", "Text", "Fact", "Sheet", "Readout", "Statement", "Remarks", "Applause",
    "Mr.", "Mrs.", "Ms.", "Dr.", "Sr.", "Jr.", "The", "This", "These", "Those", "That", "Today", "We", "Our", "I",
    "In", "On", "As", "At", "For", "With", "By", "To", "From", "Under", "And", "But", "It", "Its", "Their", "They",
    "He", "She", "His", "Her", "A", "An", "All", "Both", "Since", "After", "Before", "During", "While", "When",
    "If", "Through", "Together", "Yesterday", "Tomorrow", "Tonight", "Thank", "Good", "Please", "Western",
    "Hemisphere", "Northern", "Southern", "Eastern", "Central", "North", "South", "East", "West", "English",
    "Spanish", "French", "Arabic", "Russian", "Chinese",
})
#: First words of the names of documents, never of organisations.
_DOCUMENT_WORDS = frozenset({"Memorandum", "Agreement", "Declaration", "Treaty", "Charter", "Plan", "Statement",
                             "Resolution", "Framework", "Joint", "Protocol", "Convention", "Communiqué"})
#: Title words that may open a run before the organisation ("President of the Central Bank of ...").
_TITLE_WORDS = frozenset({"President", "Vice", "Chairman", "Chair", "Director", "Minister", "Head", "Chief", "Governor",
                          "Secretary", "Commander", "Leader", "Member", "Members", "Deputy", "Coordinator", "Spokesperson"})
#: Regions of the world: named places, not actors.
REGIONS = frozenset({
    "Africa", "Asia", "Europe", "Americas", "Latin America", "Middle East", "Indo-Pacific", "Central Asia", "South Asia",
    "Southeast Asia", "East Asia", "North America", "South America", "Central America", "Caribbean",
    "Western Hemisphere", "Sahel", "Balkans", "Western Balkans", "Arctic", "Pacific", "Atlantic", "Mediterranean",
    "Horn of Africa", "Sub-Saharan Africa", "Middle East and North Africa", "North Africa", "West Africa",
    "East Africa", "Southern Africa", "Great Lakes", "Eastern Europe", "Central Europe", "Western Europe",
    "Gulf", "Persian Gulf", "Black Sea", "South China Sea", "East China Sea", "Baltic", "Baltics",
    "Transatlantic", "Eurasia", "Oceania", "Levant", "Northern Triangle", "Korean Peninsula", "Taiwan Strait",
})


#: What follows a name inside the title of a law or fund: "…, Foreign Operations, and Related Programs
#: Appropriations Act", "’s Fund for Cultural Preservation".
_IN_A_TITLE = re.compile(r"(?:,?\s+(?:and\s+)?[A-Z][\w’'-]*){0,8}?\s+(?:Appropriations\s+)?(?:Act|Charter|Fund)\b"
                         r"|’s\s+(?:[A-Z][\w-]*\s+){0,3}(?:Fund|Prize|Award|Act)\b")


def in_a_title(text: str, end: int) -> bool:
    """True if the name ending at ``end`` is part of the title of a law, charter or fund that follows it."""
    return bool(_IN_A_TITLE.match(text, end))


#: Last words of the names of events, programmes, documents and places: a country named inside one
#: is part of that name ("U.S.-UAE Economic Policy Dialogue", "South China Sea").
_THING_HEADS = frozenset({
    "Dialogue", "Partnership", "Mechanism", "Summit", "Conference", "Forum", "Initiative", "Strategy", "Program",
    "Programme", "Plan", "Framework", "Agreement", "Accords", "Accord", "Treaty", "Order", "Act", "Declaration",
    "Charter", "Sea", "Ocean", "Strait", "Peninsula", "Bridge", "Corridor", "Games", "Olympics", "Week", "Day",
    "Award", "Prize", "Fellowship", "Scholarship", "Exchange", "Compact", "Roadmap", "Process", "Talks",
})
#: The heads of the names of meetings: the actors named inside one took part in it or hold it ("the NATO
#: Summit", "the U.S.-Honduras High Level Security Dialogue"), so a list of who is named holds them
#: (:mod:`readout.analyses.actors.named`), though they are no mention of an actor doing something.
MEETING_HEADS = frozenset({"Dialogue", "Summit", "Conference", "Forum", "Talks"})


def meeting_names(text: str, words: Sequence[Word]) -> list[tuple[int, int]]:
    """The name runs of one sentence's ``words`` that name a meeting (ending in one of
    :data:`MEETING_HEADS`), as the character offsets of the run without its head word: "March 24
    extraordinary NATO Summit" gives the offsets of "NATO"."""
    out = []
    for first, last in name_runs(text, words):
        head = words[last].text.rstrip(".,’'")
        if last > first and head in MEETING_HEADS:
            out.append((words[first].start, words[last - 1].end))
    return out


def inside_a_name(text: str, start: int, end: int) -> bool:
    """True if the words at ``start``-``end`` are part of a longer name run (on their line) that ends in
    the head of an event, programme, document or place name ("the U.S.-UAE Economic Policy Dialogue",
    "the South China Sea"), and do not end it themselves."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    a = max(left, start - 120)
    words = tokenize(text[a:min(right, end + 120)], a)
    for first, last in name_runs(text, words):
        if words[first].start <= start and end <= words[last].end:
            head = re.split(r"[\s-]+", words[last].text)[-1].rstrip(".,’'")
            return end < words[last].end and head in _THING_HEADS
    return False


@dataclass(frozen=True)
class NameSpan:
    """A run of capitalised words: its text and offsets into the statement text."""

    text: str
    start: int
    end: int


def _first_word(words: Sequence[Token]) -> int:
    """The index of a sentence's first word (quotes and brackets before it are punctuation)."""
    return next((k for k, t in enumerate(words) if t.kind != "punct"), 0)


def name_spans(text: str, sentences: Sequence[Sequence[Token]]) -> list[NameSpan]:
    """The names of the body sentences (each given by its tokens) that could be actors (see the module
    note): a sentence's first word alone is no name, and a run made only of :data:`NOT_ACTOR_WORDS` (and
    small words) or ending in one of the words of an event, law or programme is left out."""
    out = []
    for words in sentences:
        opening = _first_word(words)
        for first, last in name_runs(text, words):
            core = [t.text for t in words[first:last + 1] if t.text.lower() not in NAME_LINKS]
            if first == opening and len(core) == 1:
                continue
            if all(w.rstrip("’'s").rstrip("’'") in NOT_ACTOR_WORDS or w[:1].isdigit() for w in core):
                continue
            if core[-1] in NOT_ACTOR_WORDS and core[-1] not in ORGANISATION_HEADS:
                continue
            start, end = run_span(words, first, last)
            if text[start:end] in REGIONS or text[start:end].removeprefix("the ") in REGIONS:
                continue
            out.append(NameSpan(text[start:end], start, end))
    return out


@dataclass(frozen=True)
class Organisation:
    """An organisation found by the form of its name: ``name``, ``acronym`` ("" if none), ``country``
    ("" if the name and the words around it do not say) and the offsets of its first mention."""

    name: str
    acronym: str
    country: str
    start: int
    end: int


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&.\-]{1,11})\)")
_BASED = re.compile(r",?\s*(?:an?\s+)?(?:[\w-]+\s+)?(?:based in|in)\s+$")


def find_organisations(text: str, sentences: Sequence[Sequence[Token]], known: list[tuple[int, int, str, str]],
                       ) -> list[Organisation]:
    """Organisations of the body (each sentence given by its tokens) named by their form (the module's
    rule). ``known`` are the gazetteer's mentions as (start, end, actor, kind): a name that one covers
    whole is not found again; a country mention inside a longer name gives that name its country."""
    out: list[Organisation] = []
    for words in sentences:
        if not words:
            continue
        a = words[0].start
        for start, end in (part for first, last in name_runs(text, words, ORGANISATION_LINKS)
                           for part in _parts(text, run_span(words, first, last), known,
                                              {o.acronym for o in out if o.acronym})):
            run = [t.text[:end - t.start] for t in words if start <= t.start < end and t.kind != "punct"]
            acronym_m = _ACRONYM.match(text, end)
            acronym = acronym_m.group(1) if acronym_m else ""
            core = [w for w in run if w.lower() not in ORGANISATION_LINKS]
            if len(core) == 1 and len(core[0]) > 6 and core[0].endswith("bank") and core[0] not in NOT_ACTOR_WORDS:
                out.append(Organisation(core[0], acronym, "", start, end))  # "Vnesheconombank", "Sberbank"
                continue
            if len(core) < 2 and not acronym:
                continue
            inner = [k for k in known if start <= k[0] and k[1] <= end]
            # a head: the last word, or a head word followed by "of" ("Central Bank of Nicaragua",
            # "Ministry of the Interior")
            headed = core[-1] in ORGANISATION_HEADS or any(
                w in ORGANISATION_HEADS and i + 1 < len(run) and run[i + 1] == "of" for i, w in enumerate(run))
            if not headed and not (acronym and _initials_fit(run, acronym)) or (
                    core[-1] in NOT_ACTOR_WORDS and core[-1] not in ORGANISATION_HEADS):
                continue
            fits = bool(acronym) and _initials_fit(run, acronym)
            if any(s <= start and end <= e for s, e, _, _ in known) or (not fits and any(
                    e == end and s > start and not re.search(r"\bof\s+(?:the\s+)?$", text[start:s])
                    for s, e, _, _ in known)):
                continue  # known whole, or its head is a known name ("the Kremlin-backed Wagner Group")
            if run[0] in _DOCUMENT_WORDS or in_a_title(text, end):
                continue  # "Memorandum of Economic Cooperation": a document
            if re.search(r"\b(?:a|an|as)\s+$", text[max(a, start - 4):start]):
                continue  # "designated as a Foreign Terrorist Organization": a category, not a name
            name = text[start:end]
            earlier = next((o for o in out if o.name.startswith(name + " ") or name.startswith(o.name + " ")), None)
            if earlier is not None:  # "Htoo Group" after "Htoo Group of Companies": the same
                out.append(Organisation(earlier.name, "", earlier.country, start, end))
                continue
            country = next((k[2] for k in inner if k[3] == "country"), "")
            out.append(Organisation(name, acronym, country, start, end))
    return out


def _parts(text: str, run: tuple[int, int], known: list[tuple[int, int, str, str]],
           acronyms: set[str]) -> list[tuple[int, int]]:
    """A name run (start, end) read with "and" inside cut into the names it holds: cut at "and" where a
    known name or "the" follows ("the Government of the United States and the African Union
    Commission": two names), or after a head word or an acronym already found ("the LegCo and Election
    Commission"); in each, a leading article or sentence opener dropped, and a leading title
    ("President of the Central Bank of Nicaragua": the bank)."""
    start, end = run
    starts = {k[0] for k in known}
    pieces = [start]
    for m in re.finditer(r"\s+and\s+(?=(the\s)?)", text[start:end]):
        after = start + m.end()
        left = text[start:start + m.start()].split()[-1]
        if m.group(1) or after in starts or left in ORGANISATION_HEADS or left.endswith("bank") or left in acronyms:
            pieces += [-(start + m.start()), after]
    pieces.append(-end)
    out = []
    for s0, e0 in zip(pieces[::2], pieces[1::2]):
        e0 = -e0
        lead = re.match(r"(?:(?:The|the|A|An|In|On|Today|Yesterday|Also)\s+)+", text[s0:e0])
        if lead:
            s0 += lead.end()
        title = re.match(r"(?:(?:[A-Z][a-z]+\s+){1,3}of\s+(?:the\s+)?(?=[A-Z]\w+\s+(?:[A-Z]|of)))+", text[s0:e0])
        if title and title.group().split()[0] in _TITLE_WORDS:
            s0 += title.end()  # "President of the Central Bank of Nicaragua": the bank
        if s0 < e0:
            out.append((s0, e0))
    return out


def _initials_fit(run: list[str], acronym: str) -> bool:
    """True if the acronym could be made of the run's words ("MMI" of "Majelis Mujahidin Indonesia")."""
    letters = [w[0].upper() for w in run if w.lower() not in ORGANISATION_LINKS]
    wanted = [c for c in acronym.upper() if c.isalpha()]
    return bool(wanted) and wanted[0] == letters[0] and len(wanted) <= len(letters) + 1
