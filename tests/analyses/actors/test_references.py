"""References: "we", "they", "its" and "the regime" resolved, on the seed and on statements of our own
writing (moved from the tests of the old positional action rules, unchanged)."""

from __future__ import annotations

import pytest

from readout import parse_statement
from readout.analyses.actors import references


def test_seed_references(seed):
    refs = references.reference_table(seed)
    they = refs[refs["words"] == "They"].iloc[0]
    assert (they["sentence"], they["actor"]) == ("p3s3", "Both sides") and "after a sentence" in they["rule"]
    assert refs[(refs["sentence"] == "p2s6") & (refs["words"] == "its")]["actor"].tolist() == ["Honduras", "Honduras"]
    assert references.parties(seed) == ("United States", "Honduras")  # the speaker first


def test_we_is_the_issuer_of_a_washington_release():
    st = parse_statement("Washington, DC - We welcomed the decision of Honduras. Honduras thanked us.")
    refs = references.references(st)
    assert [(r.text, r.actor) for r in refs if r.rule != "named"] == [("We", "United States"), ("us", "United States")]
    assert "dateline: Washington, DC" in refs[0].rule


def test_we_is_the_datelines_government_or_unresolved():
    for text, who in (("Tegucigalpa - We welcomed the delegation of the United States.", "Honduras"),
                      ("Mexico City - We welcomed the decision of Honduras.", "Mexico"),
                      ("We are committed to supporting Honduras.", "")):
        we = [r for r in references.references(parse_statement(text)) if r.text == "We"][0]
        assert we.actor == who, text


@pytest.mark.parametrize("text, expected", [
    # "its": the nearest single actor named before it (a demonym is no antecedent)
    ("Antony J. Blinken, Secretary of State\n\nWe call on Russia to withdraw its troops.",
     [("We", "United States"), ("its", "Russia")]),
    ("Antony J. Blinken, Secretary of State\n\nUNRWA serves Palestinian refugees under its mandate.",
     [("its", "UNRWA")]),
    # the sentence names something the tool does not know: not guessed
    ("Antony J. Blinken, Secretary of State\n\nAhrar al-Sharqiya has integrated former ISIS members into its ranks.",
     [("its", "")]),
    # "it" other than as a subject: not guessed
    ("Antony J. Blinken, Secretary of State\n\nWe warned Ukraine and are laying it out today.",
     [("We", "United States"), ("it", "")]),
    # "the regime": the one regime named
    ("Ned Price, Department Spokesperson\n\nThe Ortega-Murillo regime jailed them. The regime must free them.",
     [("them", ""), ("The regime", "Ortega-Murillo regime"), ("them", "")]),
    # "their": the one people named before it
    ("Ned Price, Department Spokesperson\n\nWe stand with the Cuban people. Their courage inspires us.",
     [("We", "United States"), ("Their", "Cuba"), ("us", "United States")]),
    # "our two countries": the speaker and its counterpart
    ("Ned Price, Department Spokesperson\n\nThe United States welcomes Kosovo's progress; our two countries will work "
     "on.", [("our", "Both sides")]),
    # no speaker: "we" stays unresolved
    ("We condemn the attack.", [("We", "")]),
])
def test_reference_rules(text, expected):
    refs = [(r.text, r.actor) for r in references.references(parse_statement(text)) if r.rule != "named"]
    assert refs == expected
