"""Events added up: the seed's events against a reading by hand, who credits and presses whom, the
commitment ledger (a negated commitment kept and marked), events with no actor counted, the check on
our own annotated sentences, and a malformed event scheme refused."""

from __future__ import annotations

import pytest

from readout import parse_statement
from readout.analyses.actors import action_accuracy, credit
from readout.analyses.actors.coverage import coverage_of
from readout.analyses.actors.events import extract_events, load_event_scheme
from readout.errors import BadInputError, NotComputable

US, HN = "United States", "Honduras"
BOTH = frozenset({US, HN})


def _event(sentence: str, actors, event: str, recipients=(), mode: str = "done", commitment: str = ""):
    return (sentence, frozenset([actors] if isinstance(actors, str) else actors), event, frozenset(recipients), mode,
            commitment)


def _read(events) -> set:
    """The events as (sentence, actors, event, recipients, mode, commitment): two events that differ only
    in their cue are one, as the corpus guideline counts them (one row per sentence, actor, event and
    recipient: "held a Dialogue and discussed areas" is one CONSULT)."""
    return {(e.sentence, frozenset(e.actors), e.event, frozenset(e.recipients), e.mode, e.commitment) for e in events}


#: What the seed says, read by hand with the corpus guideline (../shared/corpus/EVENTS.md): every act of one
#: actor toward another and every commitment, one per sentence, actor, event and recipient. Not events:
#: p1s1 (a relationship described), p3s2 ("acknowledged the importance": a view, no act; the old gold had it as
#: an agreement), an act that is only the topic of a discussion (p2s4 "discussed continuing our collaboration")
#: or the object of another act (p2s5 "its historic agreement with Transparency International").
SEED_EVENTS = {
    _event("p1s2", BOTH, "CONSULT"),  # held a High Level Security Dialogue and discussed areas
    _event("p1s2", BOTH, "AGREE", mode="future", commitment="soft"),  # where we can continue to work together
    # Honduras highlighted its successes, "including the extradition of major drug traffickers to the United
    # States": the content is Honduras's extradition to the United States (the old gold read "highlighted" as
    # Honduras's self-credit, a category PLOVER does not have)
    _event("p2s1", HN, "COOPERATE", [US]),
    _event("p2s2", HN, "COERCE"),  # "numerous arrests of smugglers" (old gold: self-credit again)
    # "working ... to dismantle the human smuggling networks ..., resulting in the arrests of hundreds of
    # smugglers" (old gold: "dismantle", act against a threat, intended)
    _event("p2s3", US, "COERCE"),
    _event("p2s4", BOTH, "CONSULT"),  # the two sides discussed
    _event("p2s5", US, "SUPPORT", [HN]),  # congratulated Honduras
    _event("p2s6", HN, "AGREE", mode="future", commitment="firm"),  # reiterated its commitment to improve
    _event("p2s7", BOTH, "SUPPORT"),  # expressed support for their bilateral human rights dialogue
    _event("p3s1", BOTH, "CONSULT"),  # the delegations discussed ways
    _event("p3s1", US, "AGREE", [HN], mode="future", commitment="soft"),  # the United States can support Honduras
    _event("p3s1", BOTH, "AGREE", mode="future", commitment="soft"),  # both can collaborate with others
    _event("p3s3", BOTH, "AGREE"),  # They also agreed on the importance of working collaboratively
}
#: What the rules miss (as of events.py at 7dea298): acts named by nouns ("the extradition of", "arrests of"), a
#: verb the scheme does not list ("dismantle"), and two events read with a wrong recipient (in EXTRA).
MISSED = {_event("p2s1", HN, "COOPERATE", [US]), _event("p2s2", HN, "COERCE"), _event("p2s3", US, "COERCE"),
          _event("p2s4", BOTH, "CONSULT"), _event("p2s7", BOTH, "SUPPORT")}
#: What the rules read that the seed does not say: a listed word in another sense ("can ... reduce crime" is no
#: threat, nor "aimed at ... reducing corruption"), each with no actor; the topic of a discussion as an act; and "our collaboration", "their ... dialogue" read as
#: aimed at "Both sides" itself (the owner of the object, not split into the two parties the actor already
#: is: reported to events.py), which makes edges from each party to "Both sides".
EXTRA = {
    _event("p1s2", (), "THREATEN", mode="future"),  # where we can continue ... to prevent and reduce crime
    _event("p2s4", BOTH, "CONSULT", ["Both sides"]),  # discussed continuing our collaboration
    _event("p2s4", BOTH, "COOPERATE"),  # discussed continuing our collaboration
    _event("p2s5", (), "THREATEN", mode="future"),  # aimed at promoting ... and reducing corruption
    _event("p2s7", BOTH, "SUPPORT", ["Both sides"]),  # expressed support for their bilateral ... dialogue
}


@pytest.fixture(scope="module")
def found(seed):
    return extract_events(seed)


def test_seed_events_against_a_reading_by_hand(found):
    assert MISSED <= SEED_EVENTS and not EXTRA & SEED_EVENTS
    assert _read(found) == (SEED_EVENTS - MISSED) | EXTRA
    assert len(found) == 13 and sum(1 for e in found if not e.attributed) == 2


def test_seed_credit_ledger_and_balance(seed, found):
    edges = credit.credit_edges(found)
    assert edges.to_dict("records") == [
        # the two misread recipients (EXTRA above): each party "credits" Both sides
        {"from_actor": US, "to_actor": "Both sides", "kind": "credit", "events": 2,
         "sentences": "p2s4 (discussed); p2s7 (expressed support)"},
        {"from_actor": HN, "to_actor": "Both sides", "kind": "credit", "events": 2,
         "sentences": "p2s4 (discussed); p2s7 (expressed support)"},
        {"from_actor": US, "to_actor": HN, "kind": "credit", "events": 2,
         "sentences": "p2s5 (congratulated); p3s1 (can support)"}]
    ledger = credit.commitment_ledger(seed, found)
    assert ledger[["sentence", "actor", "strength", "negated"]].values.tolist() == [
        ["p1s2", "Both sides", "soft", False], ["p2s6", HN, "firm", False], ["p3s1", US, "soft", False],
        ["p3s1", "Both sides", "soft", False]]  # the old regex ledger's four, by the same actors
    balance = credit.balance_table(found)
    assert balance.loc[US].to_dict() == {"as_agent": 10, "as_target": 0, "commitments": 3, "credit_given": 4,
                                         "credit_received": 0, "pressure_given": 0, "pressure_received": 0}
    assert balance.loc[HN, "credit_received"] == 2 and balance.loc[HN, "commitments"] == 3
    assert list(balance.index) == [US, HN, "Both sides"]  # unattributed events are in no actor's row
    reading = credit.events_reading(found)
    assert reading.startswith("13 events; the most active actors are Both sides (8), United States (2), Honduras (1).")
    assert "; from United States to Honduras (2). No actor presses another." in reading
    assert "4 commitments (1 firm), made by Both sides (2), Honduras (1), United States (1)." in reading
    assert reading.endswith("2 events of 13 have no actor the parse names: 2 have no subject the rules found. They "
                            "are listed among the events, but count in no edge, balance or commitment.")


STATEMENT = ("Office of the Spokesperson\n\nThe United States condemns Russia's attack on Ukraine. We did not "
             "condemn Ukraine. We will never recognize Russia's claim to Crimea, and we will continue to support "
             "Ukraine. We call on Russia to withdraw its forces. The resolution condemns Russia.")


def test_pressure_negation_and_a_negated_commitment():
    st = parse_statement(STATEMENT)
    events = extract_events(st)
    edges = {(r["from_actor"], r["to_actor"], r["kind"]): r["sentences"]
             for r in credit.credit_edges(events).to_dict("records")}
    # condemnation, rejection ("will never recognize": negated, but a rejection) and a call are pressure;
    # "did not condemn Ukraine" presses no one; the resolution's condemnation has no actor, so no edge
    assert edges == {(US, "Russia", "pressure"): "p1s1 (condemns); p1s3 (will never recognize); p1s4 (call on)",
                     (US, "Ukraine", "credit"): "p1s3 (will support)"}
    ledger = credit.commitment_ledger(st, events)
    assert ledger[["actor", "strength", "negated", "event", "recipient", "cue"]].values.tolist() == [
        [US, "firm", True, "REJECT", "Russia", "will never recognize"],
        [US, "firm", False, "AGREE", "Ukraine", "will support"]]
    assert "Russia" not in set(ledger["actor"])  # asked to withdraw: that is no commitment of Russia's
    assert str(credit.ledger_reading(ledger)) == (
        "2 commitments: 2 firm and 0 soft. Made by: United States (2). 1 is a commitment not to act (negated, "
        "counted above): United States, “will never recognize”.")
    balance = credit.balance_table(events)
    assert (balance.loc["Russia", "as_target"], balance.loc["Russia", "pressure_received"]) == (3, 3)


def test_an_unattributed_event_is_counted_and_said():
    st = parse_statement(STATEMENT)
    events = extract_events(st)
    resolution = [e for e in events if not e.attributed]
    assert [(e.sentence, e.event, e.recipient, e.actor_words) for e in resolution] == [
        ("p1s5", "ACCUSE", "Russia", "The resolution")]
    cover = coverage_of(st, events)
    assert (cover.unattributed, cover.events) == (1, 6)
    assert str(credit.unattributed_reading(events)) == (
        "1 event of 6 has no actor the parse names: 1 has a subject that names no actor the tool knows, or a pronoun "
        "it could not resolve (such as “The resolution”). They are listed among the events, but count in no edge, "
        "balance or commitment.")
    view = credit.event_view(credit.event_frame(st, events))
    assert view.iloc[-1][["sentence", "actor", "event", "recipient"]].tolist() == [
        "p1s5", "(The resolution)", "ACCUSE", "Russia"]
    assert "text" not in view and "evidence" not in view  # the page quotes the sentence by its id


def test_event_frame_columns_and_countries():
    st = parse_statement("Washington, DC - U.S. officials met the Honduran Foreign Minister. The United States and "
                         "Honduras condemned the Ortega-Murillo regime.")
    frame = credit.event_frame(st, extract_events(st))
    assert tuple(frame.columns) == credit.EVENT_COLUMNS
    rows = frame[["sentence", "actor", "actor_kind", "actor_country", "event", "recipient", "recipient_country",
                  "actor_words"]].values.tolist()
    assert rows == [["p1s1", US, "country", US, "CONSULT", HN, HN, "U.S. officials"],
                    ["p1s2", "Both sides", "joint", "United States + Honduras", "ACCUSE", "Ortega-Murillo regime",
                     "Nicaragua", "The United States"]]  # the regime's country, from the actor list
    assert frame["text"].tolist() == [s.text for s in st.sentences]


def test_names_in_capitals_are_no_pronouns():
    events = extract_events(parse_statement("Tegucigalpa - Honduras thanked the US for its support."))
    assert _read(events) == {_event("p1s1", HN, "SUPPORT", [US])}


def test_annotated_sentences_are_a_unit_check():
    table = action_accuracy.action_validation_table()
    scores = action_accuracy.action_scores(table)
    assert len(table) == 44 and (scores["sentences"] == 44).all()
    assert scores.loc["event", "annotated"] == 39  # five sentences report no event
    assert scores["right"].to_dict() == {f: int(table[f"{f}_right"].sum()) for f in action_accuracy.FIELDS}
    misses = action_accuracy.action_misses(table).set_index("text")
    # the sentences misread (events.py at 7dea298): a verb the scheme does not list ("review", "dismantle",
    # "question"), recipients in the object's own phrase ("support for the national dialogue in Honduras", "the
    # courage of Honduran prosecutors", "accusations made by its neighbors"), an actor after "the ministers of",
    # "explored ways" read as cooperation, and "their cooperation" read as aimed at Both sides (see above)
    assert len(misses) == 9
    assert misses.loc["The delegations explored new ways to share information.", "event"] == "CONSULT → COOPERATE"
    assert misses.loc["The United States and Honduras agreed to expand their cooperation on border security.",
                      "recipient"] == "— → Both sides"
    assert scores["right"].to_dict() == {"event": 40, "actor": 39, "recipient": 38, "mode": 41, "commitment": 44}


def test_malformed_event_scheme_is_refused_in_one_line(tmp_path):
    bad = tmp_path / "actions.yaml"
    bad.write_text("categories:\n  praise:\n    quad: verbal cooperation\n    verbs: [praise]\n", encoding="utf-8")
    with pytest.raises(BadInputError) as refused:
        load_event_scheme(bad)
    assert "actions.yaml: action scheme: 'praise' is not a PLOVER category" in str(refused.value)
    assert "\n" not in str(refused.value)
    with pytest.raises(NotComputable, match="not computed"):
        extract_events(parse_statement("Los Estados Unidos felicitaron a Honduras por su progreso."))
