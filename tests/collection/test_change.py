"""What changed between two statements, sentence by sentence (#26, first step): the alignment, its thresholds
measured on the labelled pairs of real statements, and the `diff` command."""

from __future__ import annotations

import csv

import pytest
from conftest import cli

from readout.collection.change import KEPT, REWORDED, align, carried_over, diff_text, similarity, word_changes
from readout.paths import PROJECT_ROOT
from readout.text.statement import load_statement, parse_statement

PAIRS = PROJECT_ROOT.parent / "shared" / "pairs"

A = ("Washington, DC - The United States welcomes the agreement between the two sides. "
     "We will support the talks in Geneva next month. Both sides met in Tegucigalpa. "
     "The ministers discussed trade and migration at length.")
B = ("Washington, DC - The ministers discussed trade and migration at length. "
     "The United States welcomes the agreement between the two sides. "
     "We will strongly support the new round of talks in Geneva this month. Mexico joined the talks as an observer.")


def test_each_sentence_is_kept_reworded_moved_added_or_dropped():
    a, b = parse_statement(A, "a.txt"), parse_statement(B, "b.txt")
    links = align(a, b)
    assert [(link.kind, link.a and link.a.id, link.b and link.b.id) for link in links] == [
        ("moved", "p1s4", "p1s1"),     # the same words, out of A's order
        ("kept", "p1s1", "p1s2"),
        ("reworded", "p1s2", "p1s3"),
        ("dropped", "p1s3", None),     # "Both sides met", where it stood: after A's p1s2
        ("added", None, "p1s4")]
    reworded = links[2]
    assert REWORDED <= reworded.similarity < KEPT and reworded.reworded
    assert word_changes(reworded.a, reworded.b) == [
        ("same", "We will"), ("added", "strongly"), ("same", "support the"), ("added", "new round of"),
        ("same", "talks in Geneva"), ("dropped", "next"), ("added", "this"), ("same", "month")]
    # kept whole: the moved and the kept sentence, 8 + 10 of B's 8 + 10 + 13 + 7 words
    assert carried_over(links) == pytest.approx(18 / 38)
    assert similarity(a.sentences[0], b.sentences[1]) == 1.0


def test_the_diff_as_text_names_the_counts_the_actors_and_the_changed_words():
    text = diff_text(parse_statement(A, "a.txt"), parse_statement(B, "b.txt"))
    lines = text.splitlines()
    assert lines[2] == ("B carries over 47% of its words from A, in sentences kept whole. Of B's sentences, 1 kept, "
                        "1 reworded, 1 moved and 1 added; 1 of A's dropped (kept: at least 80% of the words alike, in "
                        "order; reworded: at least 50%).")
    assert lines[3] == "Named in B only: Mexico; in A only: none."
    assert lines[5:] == [
        "> A p1s4 B p1s1: The ministers discussed trade and migration at length.",
        "= A p1s1 B p1s2: The United States welcomes the agreement between the two sides.",
        "~ A p1s2 B p1s3 (0.73): We will {+strongly+} support the {+new round of+} talks in Geneva [-next-] {+this+} month",
        "- A p1s3: Both sides met in Tegucigalpa.",
        "+ B p1s4: Mexico joined the talks as an observer."]


@pytest.mark.skipif(not PAIRS.is_dir(), reason="needs the labelled pairs of real statements in ../shared/pairs")
def test_kept_sentences_match_the_hand_count_on_every_labelled_pair():
    """KEPT is set on these pairs: the hand count of B's sentences kept from A, and the tool's, pair by pair."""
    rows = list(csv.DictReader(open(PAIRS / "labels.csv", encoding="utf-8")))
    found = {}
    for row in rows:
        links = align(load_statement(PAIRS / row["file_a"]), load_statement(PAIRS / row["file_b"]))
        found[row["pair"]] = (int(row["kept"]), sum(1 for link in links if link.a and link.b and not link.reworded))
    assert len(found) == 10
    assert {pair: tool for pair, (_, tool) in found.items()} == {pair: hand for pair, (hand, _) in found.items()}
    assert {pair: hand for pair, (hand, _) in found.items() if hand} == {"p02": 5, "p09": 4}


def test_the_diff_command(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    done = cli(["diff", tmp_path / "a.txt", tmp_path / "b.txt"], capsys)
    assert done.returncode == 0 and done.stdout.splitlines()[3] == "Named in B only: Mexico; in A only: none."
    bad = cli(["diff", tmp_path / "a.txt", tmp_path / "missing.txt"], capsys)
    assert (bad.returncode, bad.stderr.strip()) == (2, f"{tmp_path / 'missing.txt'}: no such file")
