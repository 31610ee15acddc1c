"""Actors, actions, commitments and balance: the seed's acts, the rules on small cases, the annotated set."""

from __future__ import annotations

import pytest

from readout import parse_statement
from readout.analyses.actors import action_accuracy, actions, commitments, references
from readout.errors import BadInputError, NotComputable


@pytest.fixture(scope="module")
def found(seed):
    return actions.extract_actions(seed)


def _acts(found, sentence):
    return [(a.agent, a.lemma, a.category, a.target, a.mode) for a in found if a.sentence == sentence]


def test_seed_acts_are_found_with_their_sentences(seed, found):
    # Honduras highlights its own successes: self-credit, twice
    assert ("Honduras", "highlight", "report own achievement", "Honduras", "done") in _acts(found, "p2s1")
    assert ("Honduras", "highlight", "report own achievement", "Honduras", "done") in _acts(found, "p2s2")
    edges = {(r["from_actor"], r["to_actor"], r["kind"]): r for r in actions.credit_edges(found).to_dict("records")}
    assert edges[("Honduras", "Honduras", "credit")]["actions"] == 2
    # the United States congratulates Honduras: U.S. -> Honduras praise
    assert ("United States", "congratulate", "praise or congratulate", "Honduras", "done") in _acts(found, "p2s5")
    assert "p2s5 (congratulate)" in edges[("United States", "Honduras", "credit")]["evidence"]
    # the United States works to dismantle smuggling networks
    assert ("United States", "dismantle", "act against a threat", "the human smuggling networks", "intended") in \
        _acts(found, "p2s3")
    # the two sides discuss, acknowledge and agree jointly ("They" in p3s3 resolved to both sides)
    assert ("Both sides", "discuss", "consult or discuss") == _acts(found, "p2s4")[0][:3]
    assert ("Both sides", "acknowledge", "agree or commit") == _acts(found, "p3s2")[0][:3]
    assert ("Both sides", "agree", "agree or commit") == _acts(found, "p3s3")[0][:3]
    # the delegations discuss how the United States can support Honduras
    p3s1 = _acts(found, "p3s1")
    assert p3s1[0][:3] == ("Both sides", "discuss", "consult or discuss")
    assert ("United States", "support", "support or assist", "Honduras", "intended") in p3s1
    # Honduras reiterates a commitment on security and human rights
    assert ("Honduras", "reiterate", "agree or commit") == _acts(found, "p2s6")[0][:3]
    ledger = commitments.commitment_table(seed)
    firm = ledger[ledger["strength"] == "firm"].iloc[0]
    assert (firm["sentence"], firm["who"]) == ("p2s6", "Honduras")
    assert "improve its security" in firm["to_what"] and "human rights" in firm["to_what"]
    assert list(ledger["sentence"]) == ["p1s2", "p2s6", "p3s1", "p3s1"]
    assert list(ledger["who"]) == ["Both sides", "Honduras", "United States", "Both sides"]


def test_seed_references_and_balance(seed, found):
    refs = references.reference_table(seed)
    they = refs[refs["words"] == "They"].iloc[0]
    assert (they["sentence"], they["actor"]) == ("p3s3", "Both sides") and "after a sentence" in they["rule"]
    assert refs[(refs["sentence"] == "p2s6") & (refs["words"] == "its")]["actor"].tolist() == ["Honduras", "Honduras"]
    assert references.parties(seed) == ("United States", "Honduras")  # the speaker first
    balance = actions.balance_table(seed, found, commitments.commitment_table(seed))
    assert balance.loc["Honduras", "self_credit"] == 2 and balance.loc["United States", "self_credit"] == 0
    assert balance.loc["United States", "credit_given"] == 2 and balance.loc["Honduras", "credit_received"] == 2
    assert balance.loc["Honduras", "commitments"] == 3 and balance.loc["United States", "commitments"] == 3


@pytest.mark.parametrize(("text", "expected"), [
    ("Honduras was congratulated by the United States on the elections.",
     ("United States", "congratulate", "Honduras", "done")),
    ("The United States did not agree to the timeline.", ("United States", "agree", "the timeline", "negated")),
    ("Mexico and Guatemala agreed on a joint plan.", ("Both sides", "agree", "a joint plan", "done")),
    ("Mexico urged Guatemala to act.", ("Mexico", "urge", "Guatemala", "done")),
    ("The United States expressed concern about the attacks.", ("United States", "express", "", "done")),
    ("The United States will support Honduras.", ("United States", "support", "Honduras", "intended")),
    ("The United States, Honduras and Guatemala agreed on a plan.",
     ("United States + Honduras + Guatemala", "agree", "a plan", "done")),
    ("The United States welcomed the news, as Honduras announced new reforms.",
     ("United States", "welcome", "the news", "done")),
    ("Honduras is committed to fighting corruption.", ("Honduras", "commit", "fighting corruption", "done")),
    ("The United States not only welcomed the reforms but also praised Honduras.",
     ("United States", "welcome", "the reforms", "done")),
])
def test_passive_negation_coordination_light_verbs(text, expected):
    main = actions.extract_actions(parse_statement(text))[0]
    assert (main.agent, main.lemma, main.target, main.mode) == expected


def test_we_is_the_issuer_of_a_washington_release():
    st = parse_statement("Washington, DC - We welcomed the decision of Honduras. Honduras thanked us.")
    refs = references.references(st)
    assert [(r.text, r.actor) for r in refs if r.rule != "named"] == [("We", "United States"), ("us", "United States")]
    assert "dateline: Washington, DC" in refs[0].rule


def test_commitment_markers_dates_amounts_and_negation():
    st = parse_statement("Washington, DC - The United States will provide $5 million by March 2025 to Honduras. "
                         "Honduras will not extradite him. The ministers may meet in May 2026.")
    ledger = commitments.commitment_table(st)
    first = ledger.iloc[0]
    assert (first["strength"], first["who"], first["date"], first["amount"], first["other_parties"]) == (
        "firm", "United States", "by March 2025", "$5 million", "Honduras")
    assert bool(ledger.iloc[1]["negated"]) and ledger.iloc[2]["strength"] == "soft"
    assert str(commitments.commitment_reading(ledger)).startswith("2 commitments: 1 firm and 1 soft.")


def test_annotated_set_precision_and_recall():
    scores = action_accuracy.action_scores()
    assert scores.loc["agent", "annotated"] == scores.loc["category", "annotated"] == 44
    for field in ("agent", "category", "target"):
        assert scores.loc[field, "precision"] >= 0.9 and scores.loc[field, "recall"] >= 0.9, field
    table = action_accuracy.action_validation_table()
    assert table["agent_right"].sum() == scores.loc["agent", "right"]


def test_bad_action_scheme_and_non_english(tmp_path):
    bad = tmp_path / "actions.yaml"
    bad.write_text("categories:\n  praise:\n    verbs: praise\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="actions.yaml: action scheme: category 'praise' needs 'verbs:'"):
        actions.load_action_scheme(bad)
    with pytest.raises(NotComputable, match="Actions not computed"):
        actions.extract_actions(parse_statement("Los Estados Unidos felicitaron a Honduras por su progreso."))


def test_review_cases_pronouns_urging_and_issuers():
    # "US" and "IT" in capitals are names, not the pronouns "us" and "it": no false self-credit
    thanks = actions.extract_actions(parse_statement("Tegucigalpa - Honduras thanked the US for its support."))
    assert ("Honduras", "Honduras") not in {(a.agent, a.target) for a in thanks}
    # "we" is the dateline's capital's government, or unresolved
    for text, who in (("Tegucigalpa - We welcomed the delegation of the United States.", "Honduras"),
                      ("Mexico City - We welcomed the decision of Honduras.", "Mexico"),
                      ("We are committed to supporting Honduras.", "")):
        we = [r for r in references.references(parse_statement(text)) if r.text == "We"][0]
        assert we.actor == who, text
    # an infinitive after an urging is requested of the urged party, and gives no credit
    urged = actions.extract_actions(parse_statement("The United States urged Mexico to support Honduras."))
    support = [a for a in urged if a.lemma == "support"][0]
    assert (support.agent, support.mode) == ("Mexico", "requested")
    assert list(actions.credit_edges(urged)["kind"]) == ["pressure"]
    # the subject after a subordinating conjunction is that clause's agent
    news = actions.extract_actions(parse_statement("The United States welcomed the news, as Honduras announced "
                                                   "new reforms."))
    assert [a.agent for a in news if a.lemma == "announce"] == ["Honduras"]


def test_review_cases_commitments():
    st = parse_statement("Washington - The United States will provide $2.5 million to Honduras by 2026. "
                         "Honduras will work with the U.S. Embassy to train 500 police officers by June 2026. "
                         "U.S. assistance to Honduras will increase by 20 percent by the end of the year. "
                         "The United States respects the will of the people of Honduras. "
                         "Honduras criticized the lack of political will. "
                         "The minister has not decided whether she will attend.")
    ledger = commitments.commitment_table(st)
    assert list(ledger["sentence"]) == ["p1s1", "p1s2", "p1s3"]
    first, second, third = (ledger.iloc[k] for k in range(3))
    assert (first["amount"], first["date"], first["other_parties"]) == ("$2.5 million", "by 2026", "Honduras")
    assert "the U.S. Embassy to train 500 police officers by June 2026" in second["to_what"]
    assert second["date"] == "by June 2026"
    assert third["who"] == "United States"  # "U.S. assistance", not "to Honduras" (a prepositional phrase)
    assert third["amount"] == "20 percent" and third["date"] == "by the end of the year"
    negated = commitments.commitment_table(parse_statement("Honduras will not extradite him."))
    assert str(commitments.commitment_reading(negated)).startswith("The statement records no commitment: its 1 "
                                                                   "marker is negated")
    with pytest.raises(NotComputable, match="Commitments not computed"):
        commitments.commitment_table(parse_statement("Honduras cumplirá su compromiso con la región."))


@pytest.mark.parametrize(("text", "message"), [
    ("categories:\n  praise: {kind: credit, verbs: [praise]}\nlight verbs: [express]\n", "'light verbs' must map"),
    ("categories:\n  praise: {kind: credit, verbs: [praise]}\nlight verbs:\n  verbs: [express]\n  objects:\n"
     "    support for: praise\n", "single nouns"),
    ("categories:\n  praise: {kind: credit, verbs: [praise]}\nnegators: not\n", "'negators' must be a list"),
])
def test_bad_action_scheme_shapes(tmp_path, text, message):
    bad = tmp_path / "actions.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(BadInputError, match=message):
        actions.load_action_scheme(bad)


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
