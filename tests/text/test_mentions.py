"""Actor mentions through the alias file, and extending it."""

from __future__ import annotations

from collections import Counter

import pytest

from readout import BadInputError, load_statement, parse_statement


def test_seed_mentions(seed):
    counts = Counter(m.actor for m in seed.mentions)
    # "Honduran migrants" names Honduras too (the gazetteer's demonym)
    assert counts == {"Honduras": 9, "United States": 7, "Both sides": 3, "Transparency International": 1}
    assert [m.form for m in seed.mentions if m.actor == "Honduras"].count("demonym") == 1
    joint = [(m.text, seed.sentence_of(m.start).id) for m in seed.mentions if m.actor == "Both sides"]
    assert joint == [("The two sides", "p2s4"), ("the delegations", "p3s1"), ("Both sides", "p3s2")]
    first = seed.mentions[0]
    assert (first.text, first.start, first.end) == ("The United States", 17, 34)
    assert seed.text[first.start : first.end] == "The United States"


def test_aliases_match_whole_names_only():
    s = parse_statement("Let us thank the U.S. and the USA. The U.S.-Honduras talks, and Honduras’s role.")
    assert [(m.actor, m.text) for m in s.mentions] == [
        ("United States", "U.S."), ("United States", "USA"), ("United States", "U.S."),
        ("Honduras", "Honduras"), ("Honduras", "Honduras")]


def test_header_names_are_not_body_mentions(release):
    # The header title names "U.S.-Guatemala"; only body mentions count.
    assert all(m.start > release.dateline.end for m in release.mentions)
    # "in Guatemala City" is the place, not the government; Dr. Ana López is a person found by her title
    assert Counter(m.actor for m in release.mentions) == {
        "Guatemala": 2, "Both sides": 3, "United States": 2, "Ana López": 2, "U.S. Department of State": 1}
    assert release.actors["Ana López"].country == "Guatemala"  # "Ana López, Guatemala's Vice Minister"


def test_extend_with_yaml(tmp_path, seed):
    extra = tmp_path / "more.yaml"
    extra.write_text("actors:\n  Northern Triangle:\n    kind: group\n    aliases: [the Northern Triangle]\n"
                     "  Honduras:\n    aliases: [Honduran]\n", encoding="utf-8")
    s = load_statement(seed.path, actors_path=extra)
    counts = Counter(m.actor for m in s.mentions)
    assert counts["Northern Triangle"] == 1
    assert counts["Honduras"] == 9
    assert s.actor_lexicon.sources == ("data/actors.yaml", str(extra))


def test_extend_with_csv(tmp_path, seed):
    extra = tmp_path / "more.csv"
    extra.write_text("actor,alias,kind\nCentral America,Central America,group\n", encoding="utf-8")
    s = load_statement(seed.path, actors_path=extra)
    assert [(m.actor, s.sentence_of(m.start).id) for m in s.mentions if m.actor == "Central America"] == [
        ("Central America", "p3s2")]


def test_bad_alias_file(tmp_path, seed):
    extra = tmp_path / "bad.yaml"
    extra.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(BadInputError, match=r"bad.yaml: actor alias file needs a top-level 'actors:'"):
        load_statement(seed.path, actors_path=extra)


def test_mentions_across_a_wrapped_line():
    s = parse_statement("Today the United\nStates and Honduras met, and the two\nsides agreed.")
    assert [(m.actor, m.text) for m in s.mentions] == [
        ("United States", "the United\nStates"), ("Honduras", "Honduras"), ("Both sides", "the two\nsides")]


def test_csv_with_excel_bom(tmp_path, seed):
    extra = tmp_path / "excel.csv"
    extra.write_bytes(b"\xef\xbb\xbfactor,alias,kind\r\nCentral America,Central America,group\r\n")
    s = load_statement(seed.path, actors_path=extra)
    assert sum(m.actor == "Central America" for m in s.mentions) == 1
