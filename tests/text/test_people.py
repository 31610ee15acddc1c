"""People found by their titles and roles, linked to their country where the text says so."""

from __future__ import annotations

from readout import parse_statement


def people(text: str) -> dict[str, str]:
    s = parse_statement(text)
    return {a.name: a.country for a in s.named if a.kind == "person"}


def test_titled_names_and_their_countries():
    found = people("Honduran Foreign Minister Eduardo Enrique Reina met Under Secretary Uzra Zeya. "
                   "Nicaragua's President Daniel Ortega did not attend. Prime Minister Andrew Holness of Jamaica "
                   "spoke with President of Finland Sauli Niinistö.")
    assert found == {"Eduardo Enrique Reina": "Honduras", "Uzra Zeya": "", "Daniel Ortega": "Nicaragua",
                     "Andrew Holness": "Jamaica", "Sauli Niinistö": "Finland"}


def test_later_mentions_by_surname_and_the_fuller_name():
    s = parse_statement("We call on President Ortega to release them. The Treasury sanctioned the daughter of "
                        "Daniel Ortega and Rosario Murillo. Ortega must stop.")
    ortega = [m for m in s.mentions if m.form == "person"]
    assert [(m.actor, m.text) for m in ortega] == [("Daniel Ortega", "Ortega"), ("Daniel Ortega", "Daniel Ortega"),
                                                    ("Daniel Ortega", "Ortega")]
    assert s.actors["Daniel Ortega"].shown == "Daniel Ortega"  # the text names no country for him here


def test_a_regime_named_after_a_person_gives_the_country():
    s = parse_statement("The Ortega-Murillo regime jailed them. President Ortega must release them.")
    assert s.actors["Ortega"].country == "Nicaragua" and s.actors["Ortega"].shown == "Ortega (Nicaragua)"


def test_lists_after_roles_colons_and_appositions():
    found = people("The United States is designating former Bulgarian public officials Alexander Manolev and "
                   "Petar Haralampiev. Sanctions hit five Russian elites: Aleksandr Bortnikov (and his son, Denis), "
                   "Sergei Kiriyenko, and Promsvyazbank CEO Petr Fradkov. Also sanctioned: Julio Modesto Rodriguez "
                   "Balladares, a military general; and Edwin Ramon Castro Rivera, a Deputy of Nicaragua.")
    assert found == {"Alexander Manolev": "Bulgaria", "Petar Haralampiev": "Bulgaria", "Aleksandr Bortnikov": "Russia",
                     "Sergei Kiriyenko": "Russia", "Petr Fradkov": "", "Julio Modesto Rodriguez Balladares": "",
                     "Edwin Ramon Castro Rivera": "Nicaragua"}


def test_portfolio_titles_and_listed_principals():
    s = parse_statement("Acting Assistant Secretary of State for Near Eastern Affairs Yael Lempert will visit Jordan. "
                        "Mr. Sullivan and President Biden spoke. President-elect Ferdinand Marcos Jr. of the "
                        "Philippines thanked them.")
    assert {a.name for a in s.named} == {"Yael Lempert", "Ferdinand Marcos Jr."}
    assert s.actors["Ferdinand Marcos Jr."].country == "Philippines"
    listed = {(m.actor, m.text) for m in s.mentions if s.kind_of(m.actor) == "person" and m.form == "name"}
    assert listed == {("Jake Sullivan", "Mr. Sullivan"), ("Joseph R. Biden", "President Biden")}
    assert s.actors["Joseph R. Biden"].country == "United States"


def test_no_person_without_a_cue():
    assert people("Ekho Moskvy was closed. The leaders met on Tuesday.") == {}
