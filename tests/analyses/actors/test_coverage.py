"""Coverage: names recognised, events attributed, the cast table, and the warnings a reader sees."""

from __future__ import annotations

import re

from readout import parse_statement
from readout.analyses.actors.events import extract_events
from readout.analyses.actors.coverage import (
    MAX_UNATTRIBUTED,
    MIN_NAMES_RECOGNISED,
    cast_table,
    coverage_of,
    coverage_table,
    coverage_warnings,
)


def test_seed_is_fully_covered(seed):
    cover = coverage_of(seed, extract_events(seed))
    # the seed's body names two countries and one organisation, each time by these words ("United States
    # and Honduras" is two names; a one-word name opening a sentence is not counted as a name): all
    # are recognised
    written = [m for s in seed.sentences
               for m in re.finditer(r"United States|Honduras|Honduran|Transparency International", s.text)
               if not (m.start() == 0 and " " not in m.group())]
    assert len(written) == 15
    assert (cover.names, cover.names_recognised, cover.unrecognised) == (len(written), len(written), ())
    # two of the 13 events have no subject the rules found (tests/analyses/actors/test_credit.py lists them)
    assert (cover.events, cover.unattributed, cover.speaker_known) == (13, 2, True)
    assert coverage_warnings(cover) == []
    table = coverage_table(cover)
    assert table.loc["names_recognised", "share"] == 1.0
    assert table.loc["unattributed_events"].tolist() == [2 / 13, "2 of 13", "at most 50%", True]


def test_unknown_names_and_speaker_are_warned_about():
    # with no speaker, each "we" that condemns is an event with no actor: 5 of the 7 events
    s = parse_statement("We condemn the Zorblan Liberation Council. The Quaxian Front attacked Lorn Keep. "
                        "Honduras welcomed it. We deplore the violence. We denounce the killings. We reject their "
                        "lies. We condemn the abuses.")
    cover = coverage_of(s, extract_events(s))
    # the two organisations are known by their form, Honduras by the gazetteer; "Lorn Keep" by nothing
    assert cover.unrecognised == ("Lorn Keep",)
    assert (cover.names, cover.names_recognised) == (3, 2)
    assert cover.name_share > MIN_NAMES_RECOGNISED == 0.6  # above the threshold: no names warning
    warnings = coverage_warnings(cover)
    assert len(warnings) == 2 and warnings[0].startswith("The speaker could not be read")
    assert warnings[1].startswith("71% of the events (5 of 7) have no actor the parse names")
    assert MAX_UNATTRIBUTED == 0.5


def test_cast_table_shows_people_with_their_country():
    s = parse_statement("Nicaragua's President Daniel Ortega jailed journalist Juan Lopez. Ortega must free him; "
                        "the Cuban Revolutionary National Police helped.")
    table = cast_table(s)
    assert table.to_dict("records") == [
        {"actor": "Daniel Ortega (Nicaragua)", "kind": "person", "country": "Nicaragua", "mentions": 2,
         "first_sentence": "p1s1", "found_by": "title or role in the text"},
        {"actor": "Nicaragua", "kind": "country", "country": "", "mentions": 1, "first_sentence": "p1s1",
         "found_by": "actor list"},
        {"actor": "Juan Lopez", "kind": "person", "country": "", "mentions": 1, "first_sentence": "p1s1",
         "found_by": "title or role in the text"},
        {"actor": "Cuban Revolutionary National Police", "kind": "organization", "country": "Cuba", "mentions": 1,
         "first_sentence": "p1s2", "found_by": "form of the name"}]
