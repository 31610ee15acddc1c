"""Whom does the statement name, by name or by description?

The cast a reader would list: every actor the statement model names (:attr:`Statement.mentions`: the
gazetteer, people by title or role, organisations by the form of their names), every other name that
could be an actor (:func:`readout.text.names.name_spans`: "Appeals Chamber", "John McCain"; one that
holds a name the list knows counts when it adds more than a title: "Saudi Aramco"; not one after "in",
"at" or "near", a place: "facilities in Jeddah"; not one of common words only, none a group's or an
organisation's head, capitals of a title: "Inhuman or Degrading Treatment", "Universal Declaration of
Human Rights"; not a name made an adjective by a hyphen: "Serb-controlled"), every actor of the list named inside the name of a
meeting ("the NATO Summit": NATO; :func:`readout.text.names.meeting_names`), and
every noun phrase the dependency parse (:mod:`readout.text.parse`) heads with a word for a group of
people or an institution (:data:`HEADS`: "Russia's leaders", "the people of Ukraine", "terrorist groups",
"civil society organizations"), with the words before the head and an "of", "in", "around" or "across"
after it that names an actor or a place ("leaders in the region").

Each is compared by its **key**: the actors of the actor list it names (by their names there, so
"Russian", "Russia's" and "the Russian Federation" are one), and its other content words (a person or
organisation found in the text by its title or form is its words: "Joseph R. Biden") in dictionary form
(stop words left out): "the Russian government" and "the government of Russia" have one key. Two
phrases name the same actor when their keys are equal; :func:`same_actor` also lets one key hold the
other ("Russian forces" and "Russian forces in Ukraine") when what they share is more than head
words ("forces"). The rules read the form of phrases, not their meaning: "their own country" is left
out (a head word alone in the singular, with no name or qualifier, and a head after "its", "their",
"his" or "her" with no name: "its moral authority"; "other governments", "our allies" and "cartels" count), while "the brave activists" and "activists" count as two descriptions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from readout.text.lemmas import normal_form
from readout.text.mentions import ActorLexicon, find_mentions
from readout.text.names import ORGANISATION_HEADS, meeting_names, name_spans
from readout.text.parse import dependency_parse
from readout.text.people import TITLES
from readout.text.statement import Statement
from readout.text.stopwords import stopwords

__all__ = ["HEADS", "NamedActor", "actor_key", "named_actors", "same_actor", "one_sided"]

#: Nouns that head a description of an actor ("the Belarusian regime", "local authorities", "allies").
HEADS = frozenset({
    "government", "regime", "authority", "administration", "force", "troop", "military", "army", "navy", "police",
    "people", "citizen", "population", "civilian", "leader", "leadership", "official", "group", "organization",
    "organisation", "agency", "partner", "ally", "country", "nation", "state", "community", "mercenary", "cartel",
    "gang", "militia", "rebel", "terrorist", "proxy", "opposition", "society", "activist", "journalist", "defender",
    "protester", "survivor", "victim", "family", "chamber", "committee", "commission", "tribunal", "council", "court",
    "president", "minister", "secretary", "member", "party", "side", "delegation", "envoy"})

#: Words before a head that qualify nothing ("all parties", "other groups", "many victims").
_VAGUE = frozenset({"all", "other", "own", "many", "such", "several", "various", "countless", "certain", "some",
                    "both", "new", "same", "former", "world"})  # "partners around the world" are partners
#: The words of people's titles ("Secretary of State", "Foreign Minister"): a name run that adds only
#: these to the names it holds is one of them.
_TITLE_WORDS = frozenset(w.lower().rstrip(".") for t in TITLES for w in t.split()) | {"jr", "sr", "ii", "iii"}
#: Words before a name the actor list does not hold that make it a place ("in Jeddah", "near Erebti").
_IN_A_PLACE = frozenset({"in", "at", "near", "throughout", "outside"})
_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "case"})
_PREPOSITIONS = frozenset({"of", "in", "around", "across"})
#: Places a phrase after the head may name ("leaders in the region", "countries around the world").
_PLACES = frozenset({"world", "region"})


@dataclass
class NamedActor:
    """One actor as the statement names it: ``text`` the first phrase that names it, ``key`` what it is
    compared by (see the module note), ``sentences`` the ids of the sentences that name it, in order."""

    text: str
    key: frozenset[str]
    sentences: list[str] = field(default_factory=list)
    #: The words of the key that only describe or place it: the actors of the actor list it names ("russia"
    #: in "the Russian Duma"), the adjectives before its head ("brave" in "the brave people of Ukraine") and
    #: a person's given names ("dmytro").
    qualifiers: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    from lemminflect import getLemma

    word = normal_form(word)
    found = getLemma(word, upos="NOUN") if word.isalpha() else ()
    return found[0] if found else word


def _words(text: str) -> set[str]:
    skip = stopwords() | _VAGUE
    words = (w.strip(".,;:()\"'") for w in text.replace("’", "'").replace("-", " ").split())
    return {_form(w) for w in words if w and w.lower() not in skip and not w[:1].isdigit()} - {"", "s"}


def _form(word: str) -> str:
    """A word as keys hold it: a common noun in its dictionary form ("forces" → force), a name as written, in
    lower case ("Duma" stays duma), unless it is a head word with a capital ("Allies" → ally)."""
    lemma = _lemma(word)
    return lemma if word[:1].islower() or lemma in HEADS else normal_form(word)


def actor_key(text: str, lexicon: ActorLexicon) -> frozenset[str]:
    """The key of a phrase (see the module note): the names of the actors of ``lexicon`` it names and its
    other content words in dictionary form, lower case."""
    mentions = find_mentions(text, lexicon)
    key: set[str] = set()
    rest = text
    for m in sorted(mentions, key=lambda m: -m.start):
        key.add(m.actor.lower())
        rest = rest[:m.start] + " " + rest[m.end:]
    demonyms = _demonyms(lexicon)
    return frozenset(key | {demonyms.get(w, w) for w in _words(rest)})


@functools.lru_cache(maxsize=8)
def _demonyms(lexicon: ActorLexicon) -> dict[str, str]:
    """A demonym in lower case ("russian") → its country's name, as keys hold it ("russia"): "Russian citizens"
    and "citizens of Russia" share a key even where the name rules read the demonym as no mention."""
    return {d.lower(): a.name.lower() for a in lexicon.by_name.values() for d in a.demonyms}


def _core(key: frozenset[str]) -> frozenset[str]:
    return key - HEADS


def same_actor(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when keys ``a`` and ``b`` name the same actor: equal, or one holds the other and they share
    more than head words ("Russian forces" and "Russian forces in Ukraine"; not "groups" and "terrorist
    groups" alone: "terrorist" is a head too, so "terrorist groups" holds "terrorists" only if named)."""
    if a == b:
        return True
    shared = _core(a & b)
    return bool(shared) and (a <= b or b <= a or _core(a) <= _core(b) or _core(b) <= _core(a))


def _only_qualified(a: NamedActor, b: NamedActor) -> bool:
    """True when ``a`` and ``b`` name one actor as a list of who is named reads them: the same key, or one
    key adds to the other only its :attr:`NamedActor.qualifiers` ("the Russian Duma" and "Duma", "the brave
    people of Ukraine" and "the people of Ukraine", "Kuleba" and "Dmytro Kuleba"; not "Russia's leaders" and
    "Russia": leaders are others; not "Saudi Aramco" and "Saudi Arabia": Aramco is a name of its own; not
    "groups" and "terrorist groups": a head word alone takes no qualifier)."""
    small, large = (a, b) if len(a.key) <= len(b.key) else (b, a)
    return small.key == large.key or bool(_core(small.key)) and small.key < large.key and \
        (large.key - small.key) <= large.qualifiers


def one_sided(these: list[NamedActor], others: list[NamedActor]) -> list[NamedActor]:
    """The actors of ``these`` that ``others`` does not name: none of ``others`` is the same actor by
    :func:`_only_qualified`."""
    return [x for x in these if not any(_only_qualified(x, y) for y in others)]


def _common_words(text: str) -> bool:
    """True when the capitalised words of ``text`` are all common English words (the tagger's lexicon
    holds them in lower case) and none heads a group or an organisation: capitals that mark a title or
    a heading, not a name ("Inhuman or Degrading Treatment", "Gate of Heavenly Peace"; not "Appeals
    Chamber", "Office of Refugee Resettlement" or "Aramco"); or a name made an adjective by a hyphen
    ("Russia-led")."""
    from textblob.en import lexicon

    words = [w.strip(".,;:()\"'’") for w in text.split() if w[:1].isupper()]
    if len(words) == 1 and re.fullmatch(r"[^\W\d_][\w’'.]*-[a-z]+", words[0]):
        return True  # a compound adjective: "Russia-led", "Serb-controlled"
    return bool(words) and all(w.lower() in lexicon and _lemma(w.lower()) not in HEADS and w not in ORGANISATION_HEADS
                               for w in words)


def _phrase_tokens(ps, i: int) -> list[int]:  # noqa: ANN001 - a ParsedSentence
    """Head ``i`` with the words before it that modify it (recursively; not a participle: "tortured local
    populations") and a phrase after it with "of", "in", "around" or "across" that names an actor or a
    place ("the people of Ukraine", "leaders in the region"; not "citizens of the possibility")."""
    keep = [i]
    todo = [i]
    while todo:
        h = todo.pop()
        for c in ps.children(h):
            dep = ps.tokens[c].dep
            if dep in _MODIFIERS and c < h and not ps.tokens[c].tag.startswith("VB"):
                keep.append(c)
                todo.append(c)
            elif h == i and c > i and dep == "prep" and ps.tokens[c].token.text.lower() in _PREPOSITIONS:
                inside = ps.subtree(c, frozenset({"conj", "cc", "appos", "punct", "relcl", "acl", "prep"}))
                if any(ps.tokens[o].token.text[:1].isupper() or _lemma(ps.tokens[o].token.text) in HEADS | _PLACES
                       for o in inside if o != c):
                    keep += inside
    return sorted(set(keep))


def named_actors(statement: Statement) -> list[NamedActor]:
    """Every actor the statement names (see the module note), in order of first naming, one entry per key.
    A statement that is not English is read by its names only (no parse)."""
    from readout.errors import NotComputable

    lexicon = statement.actor_lexicon
    found: dict[frozenset[str], NamedActor] = {}
    places: list[tuple[int, NamedActor]] = []

    atoms = {name.lower() for name in lexicon.by_name}

    def add(key: frozenset[str], text: str, sentence: str, at: int, adjectives: frozenset[str] = frozenset()) -> None:
        if not key:
            return
        if key not in found:
            found[key] = NamedActor(text, key, qualifiers=frozenset(key & atoms) | adjectives)
            places.append((at, found[key]))
        if sentence not in found[key].sentences:
            found[key].sentences.append(sentence)

    spans = [(m.start, m.end) for m in statement.mentions]
    for m in statement.mentions:
        s = statement.sentence_of(m.start)
        if s is not None:
            key = {m.actor.lower()} if m.actor in lexicon.by_name else _words(m.actor)  # a name found in the text
            shown = statement.actors[m.actor].shown if m.actor in statement.actors else m.actor
            given = frozenset(_words(" ".join(m.actor.replace(", Jr.", "").split()[:-1]))) \
                if statement.kind_of(m.actor) == "person" else frozenset()  # "Dmytro" of Dmytro Kuleba
            add(frozenset(key), shown, s.id, m.start, given)
    for n in name_spans(statement.text, [s.tokens for s in statement.sentences]):
        s = statement.sentence_of(n.start)
        if s is None or any(a <= n.start and n.end <= b for a, b in spans):
            continue
        before = [t.text.lower() for t in s.tokens if t.end <= n.start][-1:]
        if before and before[0] in _IN_A_PLACE:
            continue  # "facilities in Jeddah": a place, not an actor
        rest = "".join(" " if any(a <= k < b for a, b in spans) else c for k, c in enumerate(n.text, n.start))
        if _words(rest) - _TITLE_WORDS and not _common_words(rest):  # not a title ("Saudi Aramco")
            add(actor_key(n.text, lexicon), n.text, s.id, n.start)
    for s in statement.sentences:  # "the NATO Summit": NATO is named, though no mention of it acting
        for a, b in meeting_names(statement.text, s.tokens):
            for m in find_mentions(statement.text[a:b], lexicon):
                add(frozenset({m.actor.lower()}), m.actor, s.id, a + m.start)
    try:
        parsed = dependency_parse(statement)
    except NotComputable:
        parsed = None
    for ps in parsed.sentences if parsed is not None else ():
        for i, t in enumerate(ps.tokens):
            if not (t.tag in ("NN", "NNS") and _lemma(t.token.text) in HEADS) or t.dep in ("compound", "amod"):
                continue  # a head word that modifies another noun ("military assistance") heads no actor
            inside = _phrase_tokens(ps, i)
            start, end = ps.tokens[inside[0]].token.start, ps.tokens[inside[-1]].token.end
            key = actor_key(statement.text[start:end], lexicon)
            pronoun = any(ps.tokens[c].tag == "PRP$" and ps.tokens[c].token.text.lower() != "our"
                          for c in ps.children(i, "poss"))  # "its citizens", "their own country"
            if not _core(key) and t.tag != "NNS" or pronoun and not key & atoms:
                continue
            text = statement.text[start:end]
            adjectives = frozenset(_lemma(ps.tokens[j].token.text) for j in inside if ps.tokens[j].tag.startswith("JJ"))
            add(key, text[4:] if text.lower().startswith("the ") else text, ps.sentence.id, start, adjectives)
    return [a for _, a in sorted(places, key=lambda p: p[0])]
