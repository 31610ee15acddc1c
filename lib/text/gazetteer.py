"""Which countries does the world have, and what do statements call them? The gazetteer's countries.

Every country and territory comes from the ``countryinfo`` package (maintained, MIT, its data
shipped in the wheel, so nothing is downloaded): its common name, its official and other Latin-script
names ("Russian Federation", "Republic of Honduras"), its demonym ("Ukrainian", "Honduran") and its
capital ("Moscow", "Kyiv"). A few entries of the package are merged or renamed here (:data:`SHOWN`,
the name a U.S.-style statement uses: "Burma", "North Macedonia"); everything else about
organisations, institutions, groups and extra names is in the editable ``data/actors.yaml``.

A demonym names the country it belongs to ("Russian forces" is a mention of Russia); one shared by
several entries names the most populous ("Chinese": China, not Hong Kong; "Congolese": the
Democratic Republic of the Congo). A capital stands for its government ("Moscow has escalated"),
except where the text plainly means the place (:mod:`readout.text.mentions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from readout.usercache import cached_json

__all__ = ["Country", "countries", "SHOWN", "CONTESTED_CAPITALS"]

#: The name shown for an entry of the package (by its ISO 3166 alpha-3 code) where U.S. and most
#: English-language statements use another.
SHOWN = {
    "MMR": "Burma", "MKD": "North Macedonia", "SWZ": "Eswatini", "CPV": "Cabo Verde", "TLS": "Timor-Leste",
    "CIV": "Côte d'Ivoire", "VAT": "Holy See", "PSE": "Palestine", "VIR": "U.S. Virgin Islands",
    "VGB": "British Virgin Islands", "COG": "Republic of the Congo", "GMB": "The Gambia",
    "BHS": "The Bahamas", "FSM": "Micronesia", "CZE": "Czech Republic",
}

#: Capitals left out: a city two governments claim stands for neither ("Jerusalem").
CONTESTED_CAPITALS = frozenset({"Jerusalem"})

_LATIN = re.compile(r"[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ .,'’()-]*")
_ARTICLE_TAILS = ("Federation", "Republic", "Kingdom", "States", "Emirates", "Islands", "Union", "Netherlands",
                  "Philippines", "Territories")
_ARTICLE_FORMS = ("Republic", "Kingdom", "Federation", "State", "Union", "Commonwealth", "Islamic", "Democratic",
                  "People", "Principality", "Grand", "Sultanate", "Federal", "United", "Plurinational",
                  "Bolivarian", "Socialist", "Argentine", "Hashemite", "Independent", "Co-operative")


@dataclass(frozen=True)
class Country:
    """A country or territory: the name shown, its other names, demonyms and capital, its ISO code."""

    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    iso3: str
    population: int


def _names(info: dict) -> list[str]:
    """The package's names of an entry that a statement could use: Latin script, not a code, not an
    inverted index form ("Korea, Republic of"); official forms also with "the" before them."""
    out = []
    for alt in [info["name"], *(info.get("altSpellings") or [])]:
        if not _LATIN.fullmatch(alt) or "," in alt or alt.isupper() or len(alt) < 4:
            continue
        out.append(alt)
    # An official form takes "the" ("the Russian Federation", "the Republic of Korea"); a short name
    # does so only when it is plural or a union ("the United States", "the Netherlands").
    out += [f"the {n}" for n in list(out) if not n.startswith("The ") and " " in n
            and (n.split()[0].rstrip("'’s") in _ARTICLE_FORMS or n.split()[-1] in _ARTICLE_TAILS)]
    return list(dict.fromkeys(out))


#: Bumped when the entries are built differently, so that an older cached list is not read.
_FORMAT = 1


@cache
def countries() -> tuple[Country, ...]:
    """Every country and territory of the package, one entry per ISO 3166 code (the package's
    duplicate entries merged), with the names a statement uses. Built once (0.08 s from the package's
    files), then read from the user's cache folder (:mod:`readout.usercache`)."""
    import countryinfo  # its version names the cache (a module attribute: reading the metadata costs 25 ms)

    rows = cached_json(f"countryinfo-{countryinfo.__version__}-countries-{_FORMAT}.json", _build,
                       lambda rows: isinstance(rows, list) and len(rows) > 200)
    return tuple(Country(r[0], tuple(r[1]), tuple(r[2]), tuple(r[3]), r[4], r[5]) for r in rows)


def _build() -> list[list]:
    """The entries as JSON-ready lists (see :func:`countries`)."""
    import countryinfo

    merged: dict[str, dict] = {}
    orphans = []
    for item in countryinfo.all_countries():
        info = item.info()
        iso = (info.get("ISO") or {}).get("alpha3") or ""
        if not iso:
            orphans.append(info)
            continue
        entry = merged.setdefault(iso, {"names": [], "demonyms": [], "capitals": [], "population": 0, "name": ""})
        if not entry["name"] or (info.get("population") or 0) > entry["population"]:
            entry["name"] = info["name"]
        entry["population"] = max(entry["population"], info.get("population") or 0)
        _add(entry, info)
    for info in orphans:  # entries without a code ("Burma"): merged into the entry one of whose names they share
        names = set(_names(info))
        home = next((e for e in merged.values() if names & set(e["names"])), None)
        if home is not None:
            _add(home, info)
    out = []
    for iso, entry in merged.items():
        shown = SHOWN.get(iso, entry["name"])
        names = list(dict.fromkeys([shown, *entry["names"]]))
        out.append([shown, names, list(dict.fromkeys(entry["demonyms"])), list(dict.fromkeys(entry["capitals"])),
                    iso, entry["population"]])
    return sorted(out, key=lambda c: c[0])


def _add(entry: dict, info: dict) -> None:
    entry["names"] += _names(info)
    entry["demonyms"] += [d.strip() for d in (info.get("demonym") or "").split(",") if d.strip()]
    capitals = info.get("capital") or []
    for capital in [capitals] if isinstance(capitals, str) else capitals:
        capital = capital.replace(" D.C.", "").strip()
        if capital and _LATIN.fullmatch(capital) and capital not in CONTESTED_CAPITALS:
            entry["capitals"].append(capital)
