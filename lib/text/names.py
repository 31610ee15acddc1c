"""Which names does the statement use, and which organisations does it name that no list holds?

A **name** here is a run of capitalised words in a body sentence ("Cuban Revolutionary National
Police", "Ousmane Illiassou Djibo", "Department of the Treasury"), small words inside allowed ("of",
"and", "the", "for", "&", "de", "al"), a capitalised first word of a sentence only when the next
word is capitalised too. Names made only of calendar words, titles or the words of an event, law or
programme ("Independence Day", "Section 7031(c)", "Executive Order 14024", "Summit", "Secretary of
State") and the regions of the world (:data:`REGIONS`: "Latin America", "Indo-Pacific") are not
actors; :func:`name_spans` leaves them out, and :mod:`readout.analyses.actors.coverage` counts how
many of the rest the gazetteer, the people rules and the organisation rule below recognised.

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
from dataclasses import dataclass

__all__ = ["NameSpan", "name_spans", "REGIONS", "in_a_title", "inside_a_name", "ORGANISATION_HEADS", "NOT_ACTOR_WORDS",
           "find_organisations", "Organisation"]

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
_SMALL = frozenset({"of", "and", "the", "for", "&", "de", "del", "al", "el", "la", "le", "du", "des", "da", "do",
                    "dos", "bin", "bint", "ibn", "van", "von", "der"})
_WORD = re.compile(r"[^\W_][\w’'.&-]*|&|\S")


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
_NAME_WORD = r"[A-Z](?:[\w’'&-]|\.(?=[\w-]))*"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+(?:(?:of|and|the|for|&|de)[ \t]+)*{_NAME_WORD})*")


def inside_a_name(text: str, start: int, end: int) -> bool:
    """True if the words at ``start``-``end`` are part of a longer capitalised name that ends in the head
    of an event, programme, document or place name ("the U.S.-UAE Economic Policy Dialogue", "the South
    China Sea"), and do not end it themselves."""
    left = text.rfind("\n", 0, start) + 1
    for m in _NAME_RUN.finditer(text, max(left, start - 120), min(len(text), end + 120)):
        if m.start() <= start and end <= m.end():
            last = re.split(r"[\s-]+", m.group())[-1].rstrip(".,’'")
            return end < m.end() and last in _THING_HEADS
    return False


@dataclass(frozen=True)
class NameSpan:
    """A run of capitalised words: its text and offsets into the statement text."""

    text: str
    start: int
    end: int


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|at|ar|an|bin|ibn|abu)-[A-Z]")


def _capitalised(word: str) -> bool:
    """A word that can be part of a name: capitalised, an ordinal ("66th"), or a particle joined to a
    capitalised word ("al-Sharqiya")."""
    return word[:1].isupper() or bool(_ORDINAL.fullmatch(word)) or bool(_PARTICLE_NAME.match(word))


def _runs(text: str, a: int, b: int) -> list[tuple[int, int, list[str]]]:
    """Capitalised runs in ``text[a:b]``: (start, end, words), small words inside kept, none at the ends."""
    words = [(m.group().rstrip("."), m.start(), m.start() + len(m.group().rstrip(".")))
             if m.group().endswith(".") and not re.fullmatch(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,2}\.", m.group())
             else (m.group(), m.start(), m.end()) for m in _WORD.finditer(text, a, b)]
    out = []
    i = 0
    while i < len(words):
        if not _capitalised(words[i][0]):
            i += 1
            continue
        j = i + 1
        last = i
        while j < len(words) and not words[j - 1][0].endswith(("’s", "'s")):  # a possessive ends a name
            w = words[j][0]
            if _capitalised(w):
                last = j
            elif w.lower() not in _SMALL and w not in ("-",):
                break
            j += 1
        run = [w for w, _, _ in words[i:last + 1]]
        end = words[last][2]
        if run[-1].endswith(("’s", "'s")):
            run[-1], end = run[-1][:-2], end - 2
        out.append((words[i][1], end, run))
        i = last + 1
    return out


def name_spans(text: str, spans: list[tuple[int, int]]) -> list[NameSpan]:
    """The names of the body sentences (``spans``) that could be actors (see the module note): a
    sentence's first word alone is no name, and a run made only of :data:`NOT_ACTOR_WORDS` (and
    small words) or ending in one of the words of an event, law or programme is left out."""
    out = []
    for a, b in spans:
        for start, end, run in _runs(text, a, b):
            core = [w for w in run if w.lower() not in _SMALL]
            if start == _first_word(text, a) and len(core) == 1:
                continue
            if all(w.rstrip("’'s").rstrip("’'") in NOT_ACTOR_WORDS or w[:1].isdigit() for w in core):
                continue
            if core[-1] in NOT_ACTOR_WORDS and core[-1] not in ORGANISATION_HEADS:
                continue
            if text[start:end] in REGIONS or text[start:end].removeprefix("the ") in REGIONS:
                continue
            out.append(NameSpan(text[start:end], start, end))
    return out


def _first_word(text: str, a: int) -> int:
    m = re.compile(r"[\"“‘'(\[-]*\s*").match(text, a)
    return m.end() if m else a


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


def find_organisations(text: str, spans: list[tuple[int, int]], known: list[tuple[int, int, str, str]],
                       ) -> list[Organisation]:
    """Organisations of the body named by their form (the module's rule). ``known`` are the
    gazetteer's mentions as (start, end, actor, kind): a name that one covers whole is not found
    again; a country mention inside a longer name gives that name its country."""
    out: list[Organisation] = []
    for a, b in spans:
        for start, end in (part for run in _runs(text, a, b) for part in
                           _parts(text, run, known, {o.acronym for o in out if o.acronym})):
            run = [m.group() for m in _WORD.finditer(text, start, end)]
            acronym_m = _ACRONYM.match(text, end)
            acronym = acronym_m.group(1) if acronym_m else ""
            core = [w for w in run if w.lower() not in _SMALL]
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


def _parts(text: str, run: tuple[int, int, list[str]], known: list[tuple[int, int, str, str]],
           acronyms: set[str] = frozenset()) -> list[tuple[int, int]]:
    """A capitalised run (start, end, words) cut into the names it holds: a leading article or
    sentence opener dropped, and cut at "and" where a known name or "the" follows ("the Government
    of the United States and the African Union Commission": two names), or after a head word or an
    acronym already found ("the LegCo and Election Commission")."""
    starts = {k[0] for k in known}
    out = []
    for start, end, _ in [run]:
        pieces = [start]
        for m in re.finditer(r"\s+and\s+(?=(the\s)?)", text[start:end]):
            after = start + m.end()
            left = text[start:start + m.start()].split()[-1]
            if m.group(1) or after in starts or left in ORGANISATION_HEADS or left.endswith("bank") or left in acronyms:
                pieces.append(-(start + m.start()))
                pieces.append(after)
        pieces.append(-end)
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
    letters = [w[0].upper() for w in run if w.lower() not in _SMALL]
    wanted = [c for c in acronym.upper() if c.isalpha()]
    return bool(wanted) and wanted[0] == letters[0] and len(wanted) <= len(letters) + 1
