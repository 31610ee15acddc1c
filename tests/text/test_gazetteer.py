"""The gazetteer: every country and territory from the countryinfo package, with the names statements use."""

from __future__ import annotations

from readout import parse_statement
from readout.text.gazetteer import CONTESTED_CAPITALS, SHOWN, countries
from readout.text.mentions import load_actor_lexicon


def test_every_country_with_names_demonyms_and_capitals():
    found = {c.name: c for c in countries()}
    assert len(found) >= 240  # one entry per ISO 3166 code
    russia = found["Russia"]
    assert {"Russian Federation", "the Russian Federation"} <= set(russia.names)
    assert russia.demonyms == ("Russian",) and russia.capitals == ("Moscow",) and russia.iso3 == "RUS"
    assert found["Ukraine"].capitals == ("Kyiv",) and "Ukrainian" in found["Ukraine"].demonyms
    assert found["Honduras"].demonyms == ("Honduran",)
    assert "the United States" in found["United States"].names
    # the names a U.S.-style statement uses, not the package's
    assert all(SHOWN[code] in found for code in SHOWN) and "Myanmar" in found["Burma"].names
    assert not any(set(c.capitals) & CONTESTED_CAPITALS for c in countries())


def test_demonym_and_capital_mentions_name_their_country():
    s = parse_statement("Ukrainian forces held the line. Moscow has escalated its attacks. "
                        "The Guatemalan and Salvadoran delegations met in Kyiv.")
    got = [(m.actor, m.text, m.form) for m in s.mentions]
    assert got == [("Ukraine", "Ukrainian", "demonym"), ("Russia", "Moscow", "capital"),
                   ("Guatemala", "Guatemalan", "demonym"), ("El Salvador", "Salvadoran", "demonym")]  # "in Kyiv": a place


def test_shared_demonym_goes_to_the_most_populous_and_extra_spellings_count():
    lexicon = load_actor_lexicon()
    by_name = lexicon.by_name
    assert "Chinese" in by_name["China"].demonyms and "Chinese" not in by_name["Hong Kong"].demonyms
    assert "Ecuadorian" in by_name["Ecuador"].demonyms  # the package spells it "Ecuadorean"
    assert "Filipinos" in by_name["Philippines"].demonyms  # plural demonyms name the country too


def test_the_countries_are_cached_and_read_back_the_same(tmp_path, monkeypatch):
    from readout.text import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = gazetteer.countries.__wrapped__()  # built from the package's files, as in a new process
    (cache,) = (tmp_path / "readout").glob("countryinfo-*-countries-*.json")
    assert gazetteer.countries.__wrapped__() == built  # read back from the cache: the same entries
    cache.write_text("[]", encoding="utf-8")  # too short to be the list: built again
    assert gazetteer.countries.__wrapped__() == built
