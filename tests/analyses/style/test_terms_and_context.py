"""Top terms, dispersion, keyword in context, collocations and acronyms."""

from __future__ import annotations

import math

import pytest

from readout import parse_statement
from readout.analyses.style.acronyms import find_acronyms
from readout.analyses.style.collocations import bigram_scores, bigrams, trigrams
from readout.analyses.style.concordance import KWIC_WIDTH, dispersion_table, kwic, kwic_lines
from readout.analyses.terms import fold, name_occurrences, term_counts, top_terms


def test_fold():
    assert [fold(w) for w in ("smugglers", "Smugglers", "Honduras", "States", "MS-13", "2024", "rights", "talks",
                              "networks")] == [
        "smuggler", "smugglers", "honduras", "states", "ms-13", "2024", "rights", "talks", "network"]
    # capitalised only because it opens a sentence: a common noun after all
    assert fold("Smugglers", sentence_start=True) == "smuggler"
    assert fold("Honduras", sentence_start=True) == "honduras"


def test_plurals_fold_at_sentence_start():
    s = parse_statement("Smugglers moved north. The smugglers were caught. A smuggler fled.")
    assert top_terms(s, 1)["count"].to_dict() == {"smuggler": 3}
    assert len(kwic(s, ["smuggler"])) == len(kwic(s, ["Smugglers"])) == 3


def test_names_of_several_words_count_as_one_term():
    s = parse_statement(
        "The United States and El Salvador met in San Pedro Sula. We welcomed El Salvador’s reforms at the Summit of "
        "the Americas. Today Secretary Blinken thanked the United Nations. Secretary Blinken flew to San Pedro Sula on "
        "Monday. The Assad regime and Russian forces were discussed. San Pedro Sula hosts the meeting. Progress "
        "continued.")
    counts = term_counts(s, names=True)
    assert counts["El Salvador"] == 2 and counts["United States"] == 1 and counts["United Nations"] == 1
    assert counts["San Pedro Sula"] == 3  # at a sentence start too: it is written so mid-sentence
    assert counts["Summit of the Americas"] == 1  # "of the" inside a name
    split = {"el", "salvador", "united", "states", "nations", "san", "pedro", "sula", "summit", "americas"}
    assert not split & set(counts)
    # a person counts under the name the statement model gives them, with or without the title
    assert counts["Antony J. Blinken"] == 2 and "blinken" not in counts and "secretary" not in counts
    # sentence-initial ordinary words and function words join no name; a weekday ends a run
    assert not any(t.split()[0] in {"The", "We", "Today", "Progress"} for t in counts if " " in t)
    assert not any("Monday" in t for t in counts if " " in t)
    # "the Assad regime" is cut to its capitalised words: one word, an ordinary term; so is "Russian forces"
    assert (counts["assad"], counts["regime"], counts["russian"], counts["forces"]) == (1, 1, 1, 1)
    assert term_counts(s)["salvador"] == 2  # without names, words are counted one by one, as before
    names = name_occurrences(s)
    assert [n.name for n in names][:3] == ["United States", "El Salvador", "San Pedro Sula"]
    assert all(n.first < n.last for n in names)


def test_a_headline_in_capitals_marks_no_names():
    s = parse_statement("Strong New Partnership Announced Today. The partnership grows.")
    assert " " not in "".join(term_counts(s, names=True))


def test_seed_top_terms(seed):
    table = top_terms(seed, 5, exclude_actors=True)
    assert table["count"].to_dict() == {"security": 4, "crime": 4, "human": 4, "discussed": 3, "migrant": 3}
    assert top_terms(seed, 1).index[0] == "honduras"  # with actor names: Honduras is named 8 times


def test_seed_dispersion(seed):
    table = dispersion_table(seed)
    per_term = table.groupby("term", sort=False).size().to_dict()
    assert per_term["United States"] == 7 and per_term["Honduras"] == 9 and per_term["security"] == 4
    first = table.iloc[0]
    assert (first["term"], first["position"], first["sentence"]) == ("United States", 0, "p1s1")
    # the share of the way through the body: word position over the last position (351 words: 0 to 350)
    assert table["share"].to_list() == pytest.approx((table["position"] / 350).to_list())
    # the last: "cooperation" in "... regional cooperation and integration.", the third word from the end
    last = table.loc[table["position"].idxmax()]
    assert (last["term"], last["position"], last["share"]) == ("cooperation", 348, 348 / 350)


def test_kwic_aligned(seed):
    table = kwic(seed, ["smuggler", "human rights"])
    assert list(table["keyword"]) == ["smugglers", "smugglers", "human rights", "human rights", "human rights"]
    assert list(table["sentence"]) == ["p2s2", "p2s3", "p2s6", "p2s6", "p2s7"]
    lines = kwic_lines(table).splitlines()
    column = 6 + 1 + KWIC_WIDTH + 2  # sentence id, space, left context, two spaces
    for line, keyword in zip(lines, table["keyword"], strict=True):
        assert line[column : column + len(keyword)] == keyword  # every keyword starts in the same column
    assert all(not left or left.split()[0] in seed.text.split() for left in table["left"])  # no half words


def test_collocations(seed):
    scores = {f"{a} {b}": (f, pmi, g2) for a, b, f, pmi, g2 in bigram_scores(seed, 2)}
    # human rights: f=3, N=351, f(human)=4, f(rights)=3: PMI = log2(3*351/(4*3)) = log2(87.75) = 6.455
    f, pmi, g2 = scores["human rights"]
    assert (f, pmi) == (3, pytest.approx(math.log2(87.75)))
    assert set(scores) == {"human rights", "united states", "honduras highlighted"}
    assert bigrams(seed).index[0] == "human rights"  # highest PMI first
    assert trigrams(seed).empty  # no content triple occurs twice


def test_g2_by_hand():
    # "red tape" in: red tape . red tape . red car . blue tape (pairs within sentences)
    s = parse_statement("Red tape grew. Red tape spread. Red car went. Blue tape held.")
    (a, b, f, pmi, g2), = [x for x in bigram_scores(s, 2) if x[:2] == ("red", "tape")]
    # pairs: red tape x2, tape grew, tape spread, red car, car went, blue tape, tape held: 8 pairs
    # o11 = 2; o12 = red-first other = 1; o21 = tape-second other = 1; o22 = 8 - 4 = 4
    # E11 = 3*3/8, E12 = 3*5/8, E21 = 5*3/8, E22 = 5*5/8
    cells = [(2, 9 / 8), (1, 15 / 8), (1, 15 / 8), (4, 25 / 8)]
    assert g2 == pytest.approx(2 * sum(o * math.log(o / e) for o, e in cells))


def test_acronyms_not_in_capitalised_sentences_and_partial_expansions():
    s = parse_statement("THE UNITED STATES CONDEMNS THE ATTACK. The Bureau of International Narcotics and Law "
                        "Enforcement Affairs (INL) met Non-governmental organizations (NGOs).")
    assert find_acronyms(s) == [("INL", 1, "International Narcotics and Law Enforcement Affairs", "p1s2"),
                                ("NGOs", 1, "Non-governmental organizations", "p1s2")]


def test_acronyms():
    s = parse_statement("Transparency International (TI) signed with the Organization of American States (OAS). "
                        "TI and the OAS met MS-13 experts in the U.S. today.")
    assert find_acronyms(s) == [("TI", 2, "Transparency International", "p1s1"),
                                ("OAS", 2, "Organization of American States", "p1s1"),
                                ("MS-13", 1, "", "p1s2"), ("U.S.", 1, "", "p1s2")]
