"""Whom a statement presses and praises (analyses/stance.py), on sentences written for these checks.

These are unit checks of the rules; the evidence that they work is the corpus figure
(tests/collection/test_validation.py, docs/validation.md, "Tone on real statements")."""

from __future__ import annotations

import pytest

from readout import parse_statement
from readout.analyses.stance import actor_tones, directed_matches, most_praised, most_pressed, statement_stance


def aimed(text: str) -> list[tuple[str, str]]:
    return [(d.match.text, d.actor) for d in directed_matches(parse_statement(text))]


@pytest.mark.parametrize("text, expected", [
    # an act aims at the actor after it, with those listed with it
    ("The United States condemns Russia.", [("condemns", "Russia")]),
    ("We impose sanctions on Iran, Syria and Belarus.", [("sanctions", "Iran"), ("sanctions", "Syria"),
                                                         ("sanctions", "Belarus")]),
    ("We call on Russia to withdraw.", [("call on", "Russia")]),
    ("We will hold Russia accountable.", [("hold Russia accountable", "Russia")]),
    # a judgement aims at the actor whose it is, or the one after "by"
    ("We deplore Russia's brutal war.", [("deplore", "Russia"), ("brutal", "Russia"), ("war", "Russia")]),
    ("Ukraine suffers attacks by Russia.", [("attacks", "Russia")]),
    ("We are shocked by the horrific acts committed by Russian forces.", [("horrific", "Russia")]),
    # a passive victim is no holder; the one spoken for is no target
    ("Journalists who are detained in Iran deserve better.", [("detained", "")]),
    ("We call for the release of Ukraine's prisoners.", [("call for", "")]),
    # the speaker's own words about itself aim at no one else
    ("The United States congratulates its partners.", [("congratulates", ""), ("partners", "")]),
    # another actor's act is that actor's, not the statement's
    ("The United States deplores that Russia has pledged support to the Assad regime.",
     [("deplores", "Russia"), ("pledged", ""), ("support", ""), ("regime", "Assad regime")]),
    # a nationality before a name gives way to the name; a possessive name keeps its word
    ("We designate former Paraguayan President Horacio Cartes.", [("designate", "Horacio Cartes")]),
    ("We condemn the Ortega-Murillo regime's sham trials.", [("condemn", "Ortega-Murillo regime"),
                                                            ("regime's", "Ortega-Murillo regime"),
                                                            ("sham", "Ortega-Murillo regime")]),
    # an active verb with nothing after it is no act on its subject
    ("China criticized the decision and warned.", [("criticized", ""), ("warned", "")]),
    # names in apposition, a list in a prepositional object, a possessor that names a people
    ("The United States stands with our ally, the Philippines.", [("stands with", "Philippines"), ("ally", "")]),
    ("We stand with the Cambodian people and support their aspirations.",
     [("stand with", "people of Cambodia"), ("support", "people of Cambodia")]),
    # the one a word of pressure asks something for is not pressed; a reduced passive has its "by"
    ("We demand his immediate release.", [("demand", "")]),
    ("The United States calls for the release of all those unjustly detained by Belarus.",
     [("calls for", ""), ("unjustly", "Belarus"), ("detained", "Belarus")]),
    # a sanction's possessor is the one sanctioned; any other cue noun's possessor acts
    ("The United States notes Cuba's designation.", [("designation", "Cuba")]),
    ("The United States notes ECOWAS's call for the release of President Kabore.", [("call for", "")]),
])
def test_each_word_aims_at_an_actor(text, expected):
    assert aimed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the holder is the one the clause says does it
    ("Russia is engaged in an unprovoked war on Ukraine.", [("unprovoked", "Russia"), ("war", "Russia")]),
    ("Russia is responsible for the abuses.", [("abuses", "Russia")]),
    ("The Burmese military has committed atrocities.", [("atrocities", "Burmese military regime")]),
    # another actor's act, or feeling, is no tone of the statement's ...
    ("Japan imposed sanctions on Russia.", [("sanctions", "")]),
    ("Japan is grateful to Ukraine.", [("grateful", "")]),
    # ... unless the statement takes it up
    ("We welcome Japan's sanctions on Russia.", [("welcome", "Japan"), ("sanctions", "Russia")]),
    ("We support the OAS Permanent Council's call for President Ortega to restore democracy.",
     [("support", "OAS Permanent Council"), ("call for", "Ortega")]),
    # pressure on a country's banks presses the country; welcoming its refugees praises no one
    ("We impose sanctions on Russian banks and welcome Afghan evacuees.", [("sanctions", "Russia"), ("welcome", "")]),
    ("The United States is proud to partner with CARICOM.", [("proud", "CARICOM"), ("partner", "")]),
    ("We call on the PRC and the Hong Kong authorities to stop.", [("call on", "China"), ("call on", "Hong Kong")]),
    # a capitalised word of a name the tool does not know aims at no one
    ("We designated him as a Specially Designated Global Terrorist.",
     [("designated", ""), ("Designated", ""), ("Terrorist", "")]),
])
def test_each_word_aims_at_an_actor_read_from_the_clause(text, expected):
    # the first sentence makes the United States the speaker, as a header would
    statement = parse_statement("The United States issued this statement. " + text)
    assert [(d.match.text, d.actor) for d in directed_matches(statement)] == expected


def test_a_people_is_apart_from_its_government():
    text = ("The United States sanctions the Cuban government for its brutal repression. "
            "We stand with the Cuban people.")
    tones = actor_tones(parse_statement(text))
    assert most_pressed(tones).actor == "Cuba"
    assert most_praised(tones).actor == "people of Cuba"
    assert tones["people of Cuba"].tone == 1.0 and tones["Cuba"].tone == -1.0


def test_mixed_needs_a_praised_actor_and_a_pressed_one():
    both = statement_stance(parse_statement(
        "We condemn Russia's unprovoked attack. We commend Ukraine and thank Poland for its support."))
    assert both.tone.label == "mixed"
    assert (both.most_pressed.actor, both.most_praised.actor) == ("Russia", "Ukraine")
    # solidarity with a people does not make a condemnation mixed
    solidarity = statement_stance(parse_statement(
        "We condemn the regime in Belarus and its brutal crackdown. We sanction Belarus. "
        "We stand with the Belarusian people."))
    assert solidarity.tone.label == "negative"
    assert solidarity.most_praised.actor == "people of Belarus"


def test_every_number_comes_with_its_sentences():
    st = statement_stance(parse_statement("We condemn Russia. The weather was fine. We urge Russia to stop."))
    russia = st.actors["Russia"]
    assert (russia.pressure, russia.praise, russia.sentences) == (3, 0, ["p1s1", "p1s3"])
    assert russia.evidence == ["p1s1: condemn (-2)", "p1s3: urge (-1)"]


def test_mixed_needs_both_registers_in_substance():
    praise = " ".join(f"We commend Ukraine for its courage in {place}." for place in
                      ("Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Mykolaiv", "Sumy", "Poltava", "Chernihiv"))
    one_condemnation = statement_stance(parse_statement(praise + " We condemn Russia."))
    assert one_condemnation.tone.label == "positive"
    assert one_condemnation.most_pressed.actor == "Russia"  # still named: the tone toward it is not lost
    tie = statement_stance(parse_statement("We welcome the agreement. We condemn the attack."))
    assert (tie.tone.cooperation, tie.tone.pressure, tie.tone.label) == (0.5, 0.5, "mixed")


def test_plural_nationality_is_the_people():
    tones = actor_tones(parse_statement("We stand with all Ecuadorians. We support the Philippines."))
    assert list(tones) == ["people of Ecuador", "Philippines"]


def test_a_statement_not_in_english_aims_at_no_one():
    # no English parse: nothing is aimed, and nothing fails (the tone notebook still runs)
    spanish = parse_statement("Los Estados Unidos condenan firmemente el ataque de Rusia contra Ucrania. "
                              "Hacemos un llamado a todas las partes para que respeten el alto el fuego.")
    assert directed_matches(spanish) == []
    assert statement_stance(spanish).actors == {}
