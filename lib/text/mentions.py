"""Who is named in the statement, and where?

Maps the names a statement uses ("the United States", "U.S.", "the two
sides") to canonical actors through an alias file (``data/actors.yaml``,
extendable with a YAML or CSV file of your own), and finds every mention with
its character offsets.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from readout.errors import BadInputError

__all__ = ["Actor", "ActorMention", "ActorLexicon", "load_actor_lexicon", "find_mentions", "DEFAULT_ACTORS"]

#: The alias file shipped with the package.
DEFAULT_ACTORS = "data/actors.yaml"
_KINDS = {"state", "organization", "joint", "person", "group"}


@dataclass(frozen=True)
class Actor:
    """A canonical actor: ``kind`` is state, organization, joint, person or group."""

    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ActorMention:
    """One place where the text names an actor: ``text`` is the alias as written."""

    actor: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ActorLexicon:
    """The actors a statement is searched for, and the files they came from."""

    actors: tuple[Actor, ...]
    sources: tuple[str, ...]

    def pattern(self) -> re.Pattern[str]:
        """One regular expression for every alias, longest alias first."""
        return _pattern(self.actors)

    def actor_of(self) -> dict[str, str]:
        """Alias → canonical name (the last file to name an alias wins)."""
        return _actor_of(self.actors)


@functools.lru_cache(maxsize=16)
def _pattern(actors: tuple[Actor, ...]) -> re.Pattern[str]:
    aliases = sorted({v for actor in actors for a in actor.aliases for v in _variants(a)}, key=lambda s: (-len(s), s))
    # Words of an alias may be separated by any white space, a line break included.
    body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in aliases)
    return re.compile(rf"(?<![\w.])(?:{body})(?!\w)")


@functools.lru_cache(maxsize=16)
def _actor_of(actors: tuple[Actor, ...]) -> dict[str, str]:
    return {" ".join(v.split()): actor.name for actor in actors for alias in actor.aliases for v in _variants(alias)}


def _variants(alias: str) -> tuple[str, ...]:
    """An alias as written, and capitalised if it starts in lower case ("The two sides")."""
    if alias[:1].islower():
        return (alias, alias[0].upper() + alias[1:])
    return (alias,)


def _read_entries(path: Path) -> list[tuple[str, str, list[str]]]:
    """Read (name, kind, aliases) from a YAML or CSV alias file."""
    if not path.is_file():
        raise BadInputError(path, "actor alias file not found")
    try:
        if path.suffix.lower() == ".csv":
            grouped: dict[str, tuple[str, list[str]]] = {}
            with path.open(encoding="utf-8-sig", newline="") as fh:  # Excel writes a BOM
                reader = csv.DictReader(fh)
                missing = {"actor", "alias"} - set(reader.fieldnames or [])
                if missing:
                    raise BadInputError(path, f"actor CSV needs columns actor,alias[,kind]; missing {sorted(missing)}")
                for row in reader:
                    name, alias = (row.get("actor") or "").strip(), (row.get("alias") or "").strip()
                    if name and alias:
                        kind = (row.get("kind") or "").strip()
                        entry = grouped.setdefault(name, (kind, []))
                        entry[1].append(alias)
            return [(n, k, a) for n, (k, a) in grouped.items()]
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError, csv.Error) as exc:
        raise BadInputError(path, f"actor alias file cannot be parsed ({exc.__class__.__name__})") from None
    actors = data.get("actors") if isinstance(data, dict) else None
    if not isinstance(actors, dict):
        raise BadInputError(path, "actor alias file needs a top-level 'actors:' mapping")
    out = []
    for name, spec in actors.items():
        spec = spec or {}
        aliases = spec.get("aliases", []) if isinstance(spec, dict) else spec
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise BadInputError(path, f"actor {name!r}: aliases must be a list of strings")
        out.append((str(name), str(spec.get("kind", "")) if isinstance(spec, dict) else "", aliases))
    return out


@functools.cache
def _shipped_entries() -> tuple[tuple[str, str, list[str]], ...]:
    """The shipped alias file, read once per process (it is package data and does not change)."""
    return tuple(_read_entries(Path(str(resources.files("readout").joinpath(DEFAULT_ACTORS)))))


def load_actor_lexicon(extra: str | Path | None = None) -> ActorLexicon:
    """The shipped alias file, extended by ``extra`` (YAML or CSV) when given.

    An actor named in ``extra`` that already exists gains the new aliases
    (and its kind, if given); a new name adds an actor. An actor with no
    kind given is a ``group``.
    """
    entries = list(_shipped_entries())
    sources = [DEFAULT_ACTORS]
    if extra:
        entries += _read_entries(Path(extra))
        sources.append(str(extra))
    merged: dict[str, tuple[str, list[str]]] = {}
    for name, kind, aliases in entries:
        old_kind, old_aliases = merged.get(name, ("", []))
        merged[name] = (kind or old_kind, old_aliases + [a for a in aliases if a not in old_aliases])
    actors = []
    for name, (kind, aliases) in merged.items():
        kind = kind or "group"
        if kind not in _KINDS:
            raise BadInputError(sources[-1], f"actor {name!r}: unknown kind {kind!r} (use one of {sorted(_KINDS)})")
        actors.append(Actor(name, kind, tuple(a.strip() for a in aliases if a.strip())))
    return ActorLexicon(tuple(actors), tuple(sources))


def find_mentions(text: str, lexicon: ActorLexicon, spans: list[tuple[int, int]] | None = None) -> list[ActorMention]:
    """Every alias of every actor in ``text``, leftmost-longest, not overlapping.

    With ``spans``, only mentions lying wholly inside one of the (start, end)
    spans are kept (e.g. the body sentences, not the header).
    """
    names = lexicon.actor_of()
    found = [ActorMention(names[" ".join(m.group().split())], m.group(), m.start(), m.end())
             for m in lexicon.pattern().finditer(text)]
    if spans is None:
        return found
    return [m for m in found if any(a <= m.start and m.end <= b for a, b in spans)]
