"""Who speaks: each rule on a statement of our own writing (unit checks; the corpus figures are in
tests/collection/test_validation.py), and "we" read as the speaker in the events."""

from __future__ import annotations

import pytest

from readout import parse_statement
from readout.analyses.actors import credit, references
from readout.analyses.actors.events import extract_events
from readout.analyses.actors.speaker import find_speaker, speaker_reading

G7 = ("We, the Leaders of the G7, condemn Russia’s war of aggression against Ukraine. We call on Russia to withdraw "
      "its troops from Ukraine. We commend Moldova for its solidarity. Russia will have to face consequences for its "
      "actions.")


@pytest.mark.parametrize("text, actors, rule", [
    ("Antony J. Blinken, Secretary of State\n\nThe United States condemns the attack.", ("United States",),
     "signature or office"),
    ("Office of the Spokesperson\n\nWe welcome the decision.", ("United States",), "signature or office"),
    ("Office of the Spokesperson\n\nThe following statement was released by the Governments of the United States of "
     "America and Japan.\n\nBegin text:\n\nThe two sides met.", ("United States", "Japan"), "joint release"),
    ("The following statement was released by France, Germany, Italy, the United Kingdom, and the United States:\n\n"
     "We condemn the regime.", ("France", "Germany", "Italy", "United Kingdom", "United States"), "joint release"),
    (G7, ("G7",), "we, the"),
    ("On behalf of the Government of Canada, I congratulate the people of Peru.", ("Canada",), "on behalf of"),
    ("TOKYO - We welcome the agreement.", ("Japan",), "dateline"),
    ("The United States strongly condemns the launch.", ("United States",), "opening"),
    ("President Joseph R. Biden, Jr. spoke today with Prime Minister Andrew Holness of Jamaica.", ("United States",),
     "opening"),
    ("Together with our NATO Allies, the United States will maintain its presence.", ("United States",),
     "first person"),
    ("Nothing here says who speaks, and we welcome it.", (), ""),
])
def test_speaker_rules(text, actors, rule):
    speaker = find_speaker(parse_statement(text))
    assert (speaker.actors, speaker.rule) == (actors, rule)


def test_a_statement_about_another_country_does_not_make_it_the_speaker():
    # the opening's subject is Russia, but no verb of speaking follows a title-only lead: not a speaker
    assert not find_speaker(parse_statement("Yesterday, Russian President Vladimir Putin recognized two regions. "
                                            "Russia is responsible; we are watching.")).known


def test_g7_we_is_the_g7_and_its_pressure_and_credit_are_read():
    s = parse_statement(G7)
    refs = [(r.text, r.actor) for r in references.references(s) if r.rule != "named"]
    assert refs == [("We", "G7"), ("We", "G7"), ("its", "Russia"), ("We", "G7"), ("its", "Moldova"),
                    ("its", "Russia")]
    events = extract_events(s)
    edges = credit.credit_edges(events)
    got = {(e["from_actor"], e["to_actor"], e["kind"]) for e in edges.to_dict("records")}
    assert got == {("G7", "Russia", "pressure"), ("G7", "Moldova", "credit")}
    assert all(e.actor == "G7" for e in events)
    # "Russia will have to face consequences for its actions" is the speaker's threat to Russia, not a promise
    # of Russia's (the old regex ledger read it as Russia's "will")
    ledger = credit.commitment_ledger(s, events)
    assert ledger[["actor", "event", "recipient"]].values.tolist() == [["G7", "THREATEN", "Russia"]]


def test_speaker_reading_names_the_evidence():
    s = parse_statement("Ned Price, Department Spokesperson\n\nWe are appalled.")
    assert speaker_reading(s) == ("The speaker is United States, read from the signature or office: “Ned Price, "
                                  "Department Spokesperson”. \"We\", \"our\", \"us\" and \"I\" stand for the speaker.")
    assert "left unresolved" in speaker_reading(parse_statement("We are appalled."))


@pytest.mark.parametrize("text, actors, name", [
    # the text names actors speaking together as its subject: it wins over a single office in the header
    ("Office of the Spokesperson\n\nThe United States, the Republic of Korea and Japan condemn the missile launch. "
     "We call for restraint.", ("United States", "South Korea", "Japan"), "United States, South Korea and Japan"),
    ("Ned Price, Department Spokesperson\n\nThe United States and Japan are deeply concerned by the launch.",
     ("United States", "Japan"), "United States and Japan"),
    # "We, the ...": the whole apposition, list and all, even under an office
    ("Office of the Spokesperson\n\nWe, the Foreign Ministers of Canada, France and Germany, condemn the attack.",
     ("Canada", "France", "Germany"), "Canada, France and Germany"),
    # a grouping named first is the speaker, shown once with the members the text lists
    ("Office of the Spokesperson\n\nWe, the G7 Foreign Ministers of Canada, France, Germany, Italy, Japan, the United "
     "Kingdom and the United States, condemn the launch.", ("G7",), "G7 (7 members)"),
])
def test_the_text_names_a_joint_speaker_over_a_single_office(text, actors, name):
    speaker = find_speaker(parse_statement(text))
    assert (speaker.actors, speaker.name) == (actors, name)
    assert speaker.rule in ("joint subject", "we, the")


@pytest.mark.parametrize("text", [
    # what the actors did together is a readout by the office, not their joint voice
    "Office of the Spokesperson\n\nThe United States and Honduras held a security dialogue today.",
    "Office of the Spokesperson\n\nThe United States and Honduras have built a strong relationship.",
    # a subject not every part of which names an actor
    "Office of the Spokesperson\n\nThe United States and its partners condemn the launch.",
])
def test_a_single_office_stands_when_the_text_names_no_joint_speaker(text):
    speaker = find_speaker(parse_statement(text))
    assert (speaker.actors, speaker.rule) == (("United States",), "signature or office")


def test_a_grouping_and_its_listed_members_are_one_speaker():
    s = parse_statement("We, the G7 Leaders of Canada, France, Germany, Italy, Japan, the United Kingdom and the "
                        "United States and the European Union, condemn the attack. We stand with Ukraine.")
    speaker = find_speaker(s)
    assert speaker.actors == ("G7",)
    assert speaker.members == ("Canada", "France", "Germany", "Italy", "Japan", "United Kingdom", "United States")
    assert speaker.others == ("European Union",)
    assert speaker.name == "G7 (7 members and European Union)"
    assert speaker_reading(s).startswith("The speaker is G7 (7 members and European Union), read from the we, the:")
