"""What changed between two statements (#26): the alignment, its thresholds measured on the labelled pairs of
real statements, what changed in a reader's terms (actors, tone, commitments, themes), the pair figures, and
the `diff` command."""

from __future__ import annotations

import csv
import json
import subprocess

import pytest
from conftest import FIXTURES, PYTHON, cli

from readout.analyses.actors.named import named_actors, same_actor
from readout.collection.change import (
    KEPT,
    change_rows,
    findings,
    REWORDED,
    ToneShift,
    align,
    carried_over,
    diff_text,
    similarity,
    what_changed,
    word_changes,
)
from readout.collection.change_accuracy import pair_figures, place_point, tone_clauses
from readout.collection.redline import redline_html
from readout.analyses.stance import ActorTone
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
        ("same", "talks in Geneva"), ("dropped", "next"), ("added", "this"), ("same", "month.")]
    # kept whole: the moved and the kept sentence, 8 + 10 of B's 8 + 10 + 13 + 7 words
    assert carried_over(links) == pytest.approx(18 / 38)
    assert similarity(a.sentences[0], b.sentences[1]) == 1.0


def test_the_diff_as_text_names_the_counts_the_actors_and_the_changed_words():
    text = diff_text(parse_statement(A, "a.txt"), parse_statement(B, "b.txt"))
    lines = text.splitlines()
    assert lines[3:8] == ["What changed:", "  Tone: neither statement aims its tone at an actor the tool recognises.",
                          "  Named in B only: Mexico (B p1s4).", "  Named in A only: none.",  # "in Tegucigalpa": a place
                          "  Commitments: none added, dropped or changed."]
    assert ("  B carries over 47% of its words from A, in sentences kept. Of B's sentences, 1 kept, 1 reworded, "
            "1 moved and 1 added; 1 of A's dropped (kept: at least 80% of the words alike, in order; reworded: at "
            "least 50%).") in lines
    assert lines[-5:] == [
        "> A p1s4 B p1s1: The ministers discussed trade and migration at length.",
        "= A p1s1 B p1s2: The United States welcomes the agreement between the two sides.",
        "~ A p1s2 B p1s3 (0.73): We will {+strongly+} support the {+new round of+} talks in Geneva [-next-] {+this+} month.",
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
    assert done.returncode == 0 and done.stdout.splitlines()[5] == "  Named in B only: Mexico (B p1s4)."
    bad = cli(["diff", tmp_path / "a.txt", tmp_path / "missing.txt"], capsys)
    assert (bad.returncode, bad.stderr.strip()) == (2, f"{tmp_path / 'missing.txt'}: no such file")


C = ("The United States will support the people of Ukraine. We welcome Russia's engagement in the talks. "
     "Japan and Canada joined us.")
D = ("We condemn the Kremlin's brutal war against Ukraine. The United States may support the people of Ukraine. "
     "Russia's leaders must end the war.")


def test_what_changed_names_actors_tone_commitments_and_themes():
    d = what_changed(parse_statement(C, "c.txt"), parse_statement(D, "d.txt"))
    assert [(x.text, x.sentences) for x in d.actors_added] == [("Kremlin", ["p1s1"]), ("Russia's leaders", ["p1s3"])]
    assert [x.text for x in d.actors_dropped] == ["Japan", "Canada"]
    russia = next(t for t in d.tone if t.actor == "Russia")  # the Kremlin's war is Russia's: its institution
    assert (russia.before.praise, russia.before.pressure, russia.after.pressure, russia.direction) == (1, 0, 6, "cooler")
    # the sentence is kept (one word of ten changed), but its promise is softer: "will support" → "may support"
    [change] = d.commitments
    assert (change.kind, change.before.cue, change.after.cue) == ("softer", "will support", "may support")
    assert [(t.theme, t.kind) for t in d.themes if t.kind] == [("armed conflict and defense", "gained")]
    # the other acts: B's condemnation and demand are new, A's welcome of Russia's engagement is gone
    assert sorted((c.kind, (c.after or c.before).event, (c.after or c.before).cue) for c in d.events) == [
        ("added", "ACCUSE", "condemn"), ("added", "REQUEST", "must end"), ("dropped", "SUPPORT", "welcome")]


def test_a_tone_shift_reads_a_change_of_side_or_twice_the_weight_per_word():
    def shift(before, after, words_a=100, words_b=100):
        tone = lambda p: None if p is None else ActorTone("X", praise=p[0], pressure=p[1])  # noqa: E731
        return ToneShift("X", tone(before), tone(after), words_a, words_b).direction

    assert shift(None, (0, 3)) == "cooler" and shift((2, 0), None) == "cooler" and shift((0, 2), (1, 0)) == "warmer"
    assert shift((0, 3), (0, 6)) == "cooler"          # twice the pressure per word
    assert shift((0, 3), (0, 5)) == "same"            # 1.67 times: not clearly more
    assert shift((0, 3), (0, 6), 100, 200) == "same"  # twice the words: the same weight per word
    assert shift((4, 0), (2, 0)) == "cooler" and shift((1, 1), None) == "same"


def test_named_actors_read_names_and_descriptions_and_leave_bare_heads_out():
    st = parse_statement("Russia's leaders silenced civil society organizations and the people of Ukraine. "
                         "Their own country and its citizens suffer. Saudi Aramco and our allies responded.", "n.txt")
    named = {x.text: x for x in named_actors(st)}
    assert {"Russia’s leaders", "Russia's leaders"} & set(named) and "civil society organizations" in named
    assert "people of Ukraine" in named and "Saudi Aramco" in named and "our allies" in named
    assert not {"Their own country", "its citizens", "own country"} & set(named)
    keys = {x.text: x.key for x in named_actors(st)}
    assert same_actor(keys["people of Ukraine"], frozenset({"people", "ukraine"}))
    assert not same_actor(frozenset({"ally"}), frozenset({"ally", "partner"}))  # share only head words


def test_capitals_of_a_title_and_hyphened_adjectives_are_no_actors():
    st = parse_statement("The Appeals Chamber upheld the verdict under the Convention Against Torture and Other Cruel, "
                         "Inhuman or Degrading Treatment. Serb-controlled units fought. The Office of Refugee "
                         "Resettlement helps.", "t.txt")
    named = {x.text for x in named_actors(st)}
    assert {"The Appeals Chamber", "Office of Refugee Resettlement"} <= named  # "The" opens the sentence
    assert not {"Inhuman", "Degrading Treatment", "Serb-controlled"} & named


def test_an_actor_named_inside_the_name_of_a_meeting_is_named():
    st = parse_statement("The ministers discussed the outcomes of the March 24 NATO Summit in Brussels. "
                         "They sailed the South China Sea.", "m.txt")
    named = {x.text for x in named_actors(st)}
    assert "NATO" in named and "China" not in named  # a summit's holder; a sea is a place, not a meeting


def test_points_are_placed_by_shared_content_words_and_tone_labels_are_read_by_clause():
    st = parse_statement("We condemn the attack on the power station. The talks resume in May.", "p.txt")
    assert place_point("the attack on the power station is condemned", st) == ("p1s1", 3)  # attack, power, station
    assert place_point("a pledge of new funding", st) == ("", 0)
    assert tone_clauses("cooler toward Russia and Putin (from warning to condemnation); warmer toward Ukraine") == [
        ("cooler", "Russia"), ("cooler", "Putin (from warning to condemnation)"), ("warmer", "Ukraine")]
    assert tone_clauses("same toward Iran; firmer toward Tigrayan forces; B is warmer toward survivors, A stresses X") \
        == [("same", "Iran"), ("cooler", "Tigrayan forces"), ("warmer", "survivors")]


@pytest.mark.skipif(not PAIRS.is_dir(), reason="needs the labelled pairs of real statements in ../shared/pairs")
def test_pair_figures_on_the_labelled_pairs():
    """docs/validation.md gives these figures and their misses; a rule that loses a found actor or point fails here."""
    figures = {f.name: f for f in pair_figures(PAIRS)}
    points, actors, tone = (figures[n] for n in ("pair points found", "pair actor changes found",
                                                 "pair tone-shift direction"))
    assert (points.total, actors.total, tone.total) == (86, 42, 10)
    assert points.right >= 80 and actors.right >= 38 and tone.right >= 8
    assert not any(m.startswith("p06 dropped: NATO") for m in actors.misses)  # named inside "NATO Summit"
    assert not any(m.startswith("p04:") for m in tone.misses)  # "the horrific acts committed by Russian forces"
    assert not any(m.startswith("p01 added") for m in actors.misses)  # Kremlin, Russia's leaders, people of Ukraine


def test_validate_refuses_a_pairs_folder_without_its_columns(tmp_path, capsys):
    corpus, pairs = tmp_path / "corpus", tmp_path / "elsewhere" / "pairs"
    (corpus / "statements").mkdir(parents=True)
    pairs.mkdir(parents=True)
    (corpus / "statements" / "x.txt").write_text("The United States condemns the attack.", encoding="utf-8")
    (corpus / "labels.csv").write_text("file,speaker,praised,pressed\nstatements/x.txt,United States,,\n")
    (pairs / "labels.csv").write_text("pair,file_a,file_b\np01,a.txt,b.txt\n", encoding="utf-8")
    bad = cli(["validate", corpus, "--pairs", pairs], capsys)
    assert (bad.returncode, bad.stdout) == (2, "") and bad.stderr.strip().startswith(
        f"{pairs / 'labels.csv'}: missing columns added_points")
    assert len(bad.stderr.strip().splitlines()) == 1
    good = cli(["validate", corpus], capsys)  # no pairs folder beside it: skipped, said once
    assert good.returncode == 0 and f"pair figures skipped: no folder {tmp_path / 'pairs'}" in good.stdout



def test_the_redline_marks_b_in_reading_order_and_escapes_the_text():
    a = parse_statement(A, "a.txt")
    b = parse_statement(B.replace("Mexico joined", "Mexico <b>joined</b>"), "b.txt")
    page = redline_html(what_changed(a, b))
    main = page[page.index("<main>"):page.index("</main>")]
    # B's four sentences in order, A's dropped one after the line of A's sentence before it (B p1s3)
    order = [main.index(x) for x in ('id="b-p1s1"', 'id="b-p1s2"', 'id="b-p1s3"', 'id="a-p1s3"', 'id="b-p1s4"')]
    assert order == sorted(order)
    assert 'class="moved"' in main and "<del>Both sides met in Tegucigalpa.</del>" in main
    assert "<ins>strongly</ins>" in main and "<del>next</del> <ins>this</ins> month." in main
    assert "<ins>Mexico &lt;b&gt;joined&lt;/b&gt; the talks as an observer.</ins>" in main
    assert "B carries over" in page and "a.txt" in page and "b.txt" in page
    assert 'id="a-p1s1"' in main and 'id="a-p1s4"' in main  # A's kept and moved sentences are link targets too


def diff_cmd(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "readout", "diff", *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def test_the_diff_report_a_page_a_redline_and_tables(tmp_path, capsys):
    """``diff A B --out DIR`` through ``python -m readout``: the notebook's page, the redline page, the tables and
    the manifest; then each refusal leaves the report untouched, and a second run is up to date."""
    (tmp_path / "c.txt").write_text(C, encoding="utf-8")
    hostile = FIXTURES / "hostile" / "hostile-pass.txt"
    out = tmp_path / "diff"
    done = diff_cmd(tmp_path / "c.txt", hostile, "--out", out, "-p", "max_rows", "5", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Diff: {out / 'index.html'}, {out / 'redline.html'}"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["kind"], manifest["status"], manifest["parameters"]["max_rows"]) == ("diff", "ok", 5)
    assert sorted(manifest["tables"]) == ["actors_changed.csv", "acts_changed.csv", "alignment.csv",
                                          "commitments_changed.csv", "themes_changed.csv", "tone_shifts.csv"]
    page, redline = ((out / name).read_text(encoding="utf-8") for name in ("index.html", "redline.html"))
    for text in (page, redline):
        assert str(tmp_path) not in text and "<script>alert(1)</script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    # the command again: paths inside the working folder as given, others by their folder and name only
    assert "python -m readout diff c.txt hostile/hostile-pass.txt --out diff" in page and "Diff: <strong>What changed:" in page and 'href="redline.html"' in page
    # each finding's sentence ids link to the redline: the dropped commitment's sentence is A's first
    assert '<a href="redline.html#a-p1s1">p1s1</a>' in page and 'id="a-p1s1"' in redline
    alignment = (out / "tables" / "alignment.csv").read_text(encoding="utf-8").splitlines()
    # nothing alike: each of C's three sentences dropped, each of the hostile statement's added
    assert len(alignment) == 1 + 3 + len(load_statement(hostile).sentences)
    assert alignment[0] == "change,sentence_a,sentence_b,similarity,text"

    before = (out / "index.html").read_bytes(), (out / "redline.html").read_bytes()
    for args, message in [((tmp_path / "c.txt", tmp_path / "missing.txt"), "missing.txt: no such file"),
                          ((tmp_path / "c.txt", hostile, "-p", "n_terms", "3"), "unknown parameter 'n_terms'"),
                          ((tmp_path / "c.txt", hostile, "-p", "statement_a", "x.txt"), "parameter 'statement_a'"),
                          ((tmp_path / "c.txt", hostile, "-p", "max_rows", "0"),
                           "parameter 'max_rows': must be at least 1, not 0")]:
        bad = cli(["diff", *args, "--out", out], capsys)
        assert bad.returncode == 2 and message in bad.stderr and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    assert ((out / "index.html").read_bytes(), (out / "redline.html").read_bytes()) == before
    again = cli(["diff", tmp_path / "c.txt", hostile, "--out", out, "-p", "max_rows", "5"], capsys)
    assert again.returncode == 0 and "diff up to date, not run again" in again.stderr
    (tmp_path / "afile").write_text("x")
    bad = cli(["diff", tmp_path / "c.txt", hostile, "--out", tmp_path / "afile"], capsys)
    assert bad.returncode == 2 and bad.stderr.strip().endswith("afile: exists and is not a folder (--out)")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    bad = cli(["diff", tmp_path / "c.txt", hostile, "--out", tmp_path / "other"], capsys)
    assert bad.returncode == 2 and "not an earlier diff of two statements" in bad.stderr
    assert (tmp_path / "other" / "notes.txt").read_text() == "mine"


def test_one_actor_named_with_more_qualifiers_is_named_in_both():
    a = parse_statement("We watched the Russian Duma vote. We salute the brave people of Ukraine. Russia spoke.", "a.txt")
    b = parse_statement("We watched the Duma vote. We salute the people of Ukraine. Saudi Aramco spoke. Russia's "
                        "leaders lied.", "b.txt")
    d = what_changed(a, b)
    # a company, not its country (named too, by "Saudi"); Russia's leaders are others than Russia
    assert [x.text for x in d.actors_added] == ["Saudi Arabia", "Saudi Aramco", "Russia's leaders"]
    assert [x.text for x in d.actors_dropped] == []


def test_a_statement_that_is_not_english_keeps_its_alignment_and_says_what_is_not_read(tmp_path, capsys):
    french = parse_statement("Le Président a rencontré les ministres à Paris. Ils ont parlé de la sécurité.", "fr.txt")
    d = what_changed(french, parse_statement(C, "c.txt"))
    assert d.tone == [] and d.commitments == [] and d.events == [] and d.count("added") == 3
    assert d.notes == ("A does not look like English: the tone toward actors, the commitments, the acts and the "
                       "themes are not read (the lexicons and the parser are English); the sentences, names and "
                       "length are.",)
    assert d.themes == [] and change_rows("fr", d)[0][:3] == ("fr", "note", "not read")
    assert findings(d)[0] == d.notes[0]
    (tmp_path / "c.txt").write_text(C, encoding="utf-8")
    same = cli(["diff", tmp_path / "c.txt", tmp_path / "c.txt"], capsys)
    assert same.returncode == 2 and "is both A and B" in same.stderr
    report_only = cli(["diff", tmp_path / "c.txt", FIXTURES / "hostile" / "hostile-pass.txt", "-p", "max_rows", "3"],
                      capsys)
    assert report_only.returncode == 2 and "parameter 'max_rows' is for the report: give --out DIR" in report_only.stderr


def test_a_theme_gained_needs_two_of_its_words():
    one = parse_statement("The ministers met in the capital on Tuesday and spoke at length about the weather, the "
                          "harvest, the roads, the schools and the economic outlook for the coming year.", "a.txt")
    none = parse_statement("The ministers met in the capital on Tuesday and spoke at length about the weather, the "
                           "harvest, the roads, the schools and the outlook for the coming year.", "b.txt")
    trade = [t for t in what_changed(none, one).themes if t.theme == "trade and investment"]
    assert trade and trade[0].share_b - trade[0].share_a >= 0.12 and trade[0].kind == ""  # one word: no "gained"


def test_a_head_word_alone_takes_no_qualifier_and_a_surname_is_its_person():
    a = parse_statement("We thank other groups for their work. Foreign Minister Dmytro Kuleba spoke.", "a.txt")
    b = parse_statement("We condemn terrorist groups in the region. We met Kuleba today.", "b.txt")
    d = what_changed(a, b)
    assert [x.text for x in d.actors_added] == ["terrorist groups in the region"]  # not "other groups" again
    assert [x.text for x in d.actors_dropped] == ["other groups"]  # Kuleba is Dmytro Kuleba: in both
