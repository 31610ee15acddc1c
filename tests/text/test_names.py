"""Names the gazetteer does not hold: organisations by the form of their names, and the names coverage counts."""

from __future__ import annotations

from readout import parse_statement
from readout.text.names import PARTICLES, inside_a_name, is_headline, name_runs, name_spans, run_span


def organisations(text: str) -> dict[str, str]:
    s = parse_statement(text)
    return {a.name: a.country for a in s.named if a.kind == "organization"}


def test_organisations_by_head_acronym_and_country_inside():
    found = organisations(
        "The Treasury designated the Cuban Revolutionary National Police (PNR) and Majelis Mujahidin Indonesia (MMI). "
        "The PNR beat protesters. Vnesheconombank and Promsvyazbank were cut off, as was the Central Bank of "
        "Nicaragua. The Htoo Group of Companies and later the Htoo Group paid.")
    assert found == {"Cuban Revolutionary National Police": "Cuba", "Majelis Mujahidin Indonesia": "Indonesia",
                     "Vnesheconombank": "", "Promsvyazbank": "", "Central Bank of Nicaragua": "Nicaragua",
                     "Htoo Group of Companies": ""}
    s = parse_statement("They listed the Cuban Revolutionary National Police (PNR). The PNR denied it.")
    assert [m.text for m in s.mentions if m.actor == "Cuban Revolutionary National Police"] == [
        "Cuban Revolutionary National Police", "PNR"]


def test_documents_categories_and_known_names_are_no_new_organisations():
    assert organisations("They signed a Memorandum of Economic Cooperation (MEC). ISIS-GS was designated as a "
                         "Foreign Terrorist Organization (FTO). The Government of the United States of America and "
                         "the African Union Commission met, with the Kremlin-backed Wagner Group absent.") == {}


def test_names_that_could_be_actors():
    s = parse_statement("On March 4, Secretary of State Blinken met the Zorblan Council in Latin America. "
                        "Independence Day falls under Executive Order 14024.")
    spans = name_spans(s.text, [x.tokens for x in s.sentences])
    assert [n.text for n in spans] == ["Secretary of State Blinken", "Zorblan Council"]


def test_a_country_inside_an_event_or_place_name_is_not_its_actor():
    text = "China acts in the South China Sea. The Eighth U.S.-UAE Economic Policy Dialogue met. The U.S.-UAE talks."
    assert inside_a_name(text, text.index("China Sea"), text.index("China Sea") + 5)
    assert [(m.actor, m.text) for m in parse_statement(text).mentions] == [
        ("China", "China"), ("United States", "U.S."), ("United Arab Emirates", "UAE")]  # lower case: the parties


def runs(text: str, links=None) -> list[str]:
    """The name runs of one sentence, as written (possessive endings dropped)."""
    from readout.text.tokens import tokenize

    words = tokenize(text)
    found = name_runs(text, words) if links is None else name_runs(text, words, links)
    return [text[slice(*run_span(words, a, b))] for a, b in found]


def test_one_rule_reads_name_runs():
    # links: "of", "for", particles, and "the" after another link; "and", a comma, a possessive end a run
    assert runs("talks with the Summit of the Americas and the Kingdom of the Netherlands") == [
        "Summit of the Americas", "Kingdom of the Netherlands"]
    assert runs("Finland and Sweden, with Mohammed bin Salman, at Pedro Sula’s port") == [
        "Finland", "Sweden", "Mohammed bin Salman", "Pedro Sula"]
    # an initial's full stop joins; a month, a weekday, an e-mail address are no part of a name
    assert runs("John F. Kennedy met Ankara April 12 on Monday; write to NEA-Press@state.gov") == [
        "John F. Kennedy", "Ankara"]
    # ordinals and names with a particle are capitalised words; "the" alone is no link
    assert runs("the 66th Light Infantry Division of Ahrar al-Sharqiya the Great") == [
        "66th Light Infantry Division of Ahrar al-Sharqiya", "Great"]
    # a person's name is read with particles only: "of" ends it
    assert runs("Prime Minister Andrew Holness of Jamaica and Alexander De Croo", PARTICLES) == [
        "Prime Minister Andrew Holness", "Jamaica", "Alexander De Croo"]


def test_a_headline_is_all_capitals_in_its_content_words():
    assert is_headline("Strong New Partnership Announced Today".split())
    assert is_headline("United States Welcomes the Release of Journalists".split())  # "the", "of": function words
    assert not is_headline("Secretary Blinken met with Japanese Foreign Minister Hayashi in Tokyo".split())
    assert not is_headline("Honduras".split())  # one word says nothing
