"""The scorer of labelled folders: exact counts on a small folder of our own, the targets on the real
development corpus (read from ../shared/corpus/, never copied), and refusals of malformed folders."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import PROJECT_ROOT, cli

from readout.collection.validation import (
    read_labels,
    sample_precision,
    sample_still_read,
    validate,
)
from readout.errors import BadInputError

CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
SAMPLES = PROJECT_ROOT / "bench" / "samples"


def labelled(tmp_path, rows: list[tuple[str, str, str, str, str]]):
    """A labelled folder: (file name, text, speaker, praised, pressed) per statement."""
    (tmp_path / "statements").mkdir()
    lines = ["file,speaker,praised,pressed"]
    for name, text, speaker, praised, pressed in rows:
        (tmp_path / "statements" / name).write_text(text, encoding="utf-8")
        lines.append(f'statements/{name},"{speaker}","{praised}","{pressed}"')
    (tmp_path / "labels.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_tone_figures_on_a_folder_of_our_own(tmp_path):
    folder = labelled(tmp_path, [
        ("a.txt", "The United States strongly condemns Russia's brutal war. We will hold Russia accountable.",
         "United States", "", "Russia"),
        ("b.txt", "We congratulate Peru on its historic election. We commend the people of Peru.",
         "United States", "Peru; people of Peru", ""),
        ("c.txt", "We condemn Russia's attack. We commend Ukraine and thank Poland for its support.",
         "United States", "Ukraine; Poland", "Russia"),
    ])
    lines = (tmp_path / "labels.csv").read_text(encoding="utf-8").splitlines()
    tones = ["tone", "negative", "positive", "negative"]  # c is mixed: labelled wrong on purpose, to count a miss
    topics = ["topics", "armed_conflict_and_defense", "democracy_and_elections; diplomacy_and_cooperation",
              "armed_conflict_and_defense; weather"]  # "weather" is no theme: noted, not counted
    (tmp_path / "labels.csv").write_text("\n".join(f'{line},{t},"{p}"' for line, t, p in zip(lines, tones, topics))
                                         + "\n", encoding="utf-8")
    result = validate(folder)
    four = result.figure("tone label (4 classes)")
    assert (four.right, four.total) == (2, 3) and four.misses[0].startswith("c: labelled negative, read mixed")
    assert result.figure("mixed statements read mixed").total == 0
    pressed = result.figure("most pressed: precision")
    assert (pressed.right, pressed.total) == (2, 2)
    praised = result.figure("most praised: recall")
    assert (praised.right, praised.total) == (2, 2)
    primary = result.figure("primary topic among the top three themes")
    assert (primary.right, primary.total) == (3, 3)
    assert primary.notes == ["c: topic(s) weather not in the theme lexicon (not counted)"]
    recall = result.figure("topics found: recall")
    assert recall.total == 4 and recall.right == 4


def test_counts_on_a_folder_of_our_own(tmp_path):
    folder = labelled(tmp_path, [
        ("a.txt", "Antony J. Blinken, Secretary of State\n\nThe United States condemns the Nicaraguan government "
                  "and President Daniel Ortega. We stand with the people of Nicaragua.",
         "United States", "Nicaraguan people", "Daniel Ortega (Ortega-Murillo regime); Nicaraguan government"),
        ("b.txt", "The following statement was released by the Governments of the United States and Japan.\n\n"
                  "The two sides welcomed the progress made by Zorbland.",
         "United States and Japan", "Zorbland; other donors", ""),
        ("c.txt", "We condemn the attack.", "United States", "", ""),
    ])
    result = validate(folder)
    speaker = result.figure("speaker accuracy")
    assert (speaker.right, speaker.total) == (2, 3) and speaker.misses == ["c: labelled 'United States', read '(unknown)'"]
    recall = result.figure("recall of praised and pressed actors")
    assert (recall.right, recall.total) == (3, 4)  # Zorbland is named but not recognised
    assert recall.misses == ["b: praised 'Zorbland' not found"]
    assert recall.notes == ["b: praised 'other donors' names no actor (not counted)"]
    unresolved = result.figure("unresolved agents")
    assert (unresolved.right, unresolved.total) == (1, 3)  # c's "We condemn" has no speaker
    assert unresolved.misses[0].startswith("c p1s1: 'condemn'")


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "absent", "labelled folder not found"),
    (lambda p: (p / "statements").mkdir() or p, "labels.csv: not found"),
    (lambda p: (p / "labels.csv").write_text("file,speaker\nx.txt,United States\n") and p,
     "labels.csv: missing columns praised, pressed"),
    (lambda p: (p / "labels.csv").write_text("file,speaker,praised,pressed\nstatements/x.txt,US,,\n") and p,
     "labels.csv: line 2: statements/x.txt not found"),
    (lambda p: (p / "statements").mkdir() or (p / "statements" / "x.txt").write_text("We met.")
     and (p / "labels.csv").write_text("file,speaker,praised,pressed,tone\nstatements/x.txt,US,,,cheerful\n") and p,
     "labels.csv: line 2: tone 'cheerful' is none of positive, neutral, negative, mixed"),
])
def test_malformed_folders_are_refused_in_one_line(tmp_path, make, message, capsys):
    folder = make(tmp_path)
    with pytest.raises(BadInputError, match=message):
        read_labels(folder)
    proc = cli(["validate", folder], capsys)
    assert proc.returncode == 2 and proc.stdout == "" and len(proc.stderr.strip().splitlines()) == 1
    assert message in proc.stderr


def test_the_command_refuses_a_missing_folder(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "readout", "validate", str(tmp_path / "absent")], capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [f"{tmp_path / 'absent'}: labelled folder not found (it needs labels.csv "
                                                "and statements/)"]


@pytest.fixture(scope="module")
def corpus():
    if not (CORPUS / "labels.csv").is_file():
        pytest.skip(f"development corpus not found at {CORPUS} (read from ../shared/corpus/; not copied)")
    return validate(CORPUS)


def test_targets_on_the_development_corpus(corpus):
    assert corpus.statements == 60
    # topics (issue #16): the primary topic among the top three themes; precision and recall in substance
    assert corpus.figure("primary topic among the top three themes").share >= 0.85
    assert corpus.figure("topics found: precision").share >= 0.70
    assert corpus.figure("topics found: recall").share >= 0.80
    # tone (issue #15): the document label, the sign of the polar ones, the mixed ones
    assert corpus.figure("tone label (4 classes)").share >= 0.75
    assert corpus.figure("tone sign on polar statements").share >= 0.90
    assert corpus.figure("mixed statements read mixed").share >= 0.70
    # shown beside the general lexicons on the same statements, and beating both
    polar = corpus.figure("tone sign on polar statements")
    assert polar.total == 45 and polar.right > corpus.figure("VADER sign on polar statements").right \
        > corpus.figure("TextBlob sign on polar statements").right
    assert corpus.figure("tone label (4 classes)").notes[0].startswith("confusion (labelled → read): positive → ")
    for side in ("pressed", "praised"):  # reported, no target: a positional rule, with its misses printed
        assert corpus.figure(f"most {side}: precision").share >= 0.7
    assert corpus.figure("speaker accuracy").share >= 0.95
    assert corpus.figure("recall of praised and pressed actors").share >= 0.90
    assert corpus.figure("unresolved agents").share <= 0.15


def test_the_pages_quote_the_current_tone_figures(corpus):
    """README and the tone notebook quote the corpus figures: they must be today's, not last release's."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    notebook = (PROJECT_ROOT / "notebooks" / "03-tone.ipynb").read_text(encoding="utf-8")
    for name in ("tone label (4 classes)", "tone sign on polar statements", "mixed statements read mixed"):
        f = corpus.figure(name)
        assert f"**{f.share:.1%}** ({f.right} of {f.total})" in readme, name
        assert f"{f.right} of {f.total}" in notebook, name
    for name in ("TextBlob sign on polar statements", "VADER sign on polar statements"):
        f = corpus.figure(name)
        assert f"{f.share:.1%} ({f.right})" in readme, name
    for name in ("primary topic among the top three themes", "topics found: precision", "topics found: recall"):
        f = corpus.figure(name)
        assert f"**{f.share:.1%}** ({f.right} of {f.total})" in readme, name
    topics = (PROJECT_ROOT / "notebooks" / "04-topics.ipynb").read_text(encoding="utf-8")
    for name in ("primary topic among the top three themes", "topics found: precision", "topics found: recall"):
        f = corpus.figure(name)
        assert f"{f.right} of {f.total}" in topics, name
    for side in ("pressed", "praised"):
        p, r = corpus.figure(f"most {side}: precision"), corpus.figure(f"most {side}: recall")
        assert f"{p.share:.1%} ({p.right} of {p.total}) / {r.share:.1%} ({r.right} of {r.total})" in readme, side


def test_hand_judged_samples_still_describe_the_tool(corpus):
    mentions = sample_precision(SAMPLES / "actor_mentions_judged.csv")
    assert (mentions.right, mentions.total) == (97, 100)
    references = sample_precision(SAMPLES / "actor_references_judged.csv")
    assert (references.right, references.total) == (65, 78)
    # a judged sample describes the tool as judged: if the readings drift, judge a fresh sample
    for name in ("actor_mentions_judged.csv", "actor_references_judged.csv"):
        same, total = sample_still_read(SAMPLES / name, CORPUS)
        assert same >= 0.95 * total, f"{name}: only {same} of {total} rows are still read as judged"


def test_validate_command_prints_every_figure(corpus):
    proc = subprocess.run([sys.executable, "-m", "readout", "validate", str(CORPUS), "--misses", "2", "--precision",
                           str(SAMPLES / "actor_mentions_judged.csv"), "--strict"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for line in ("primary topic among the top three themes: ", "topics found: recall: ", "tone label (4 classes): ", "tone sign on polar statements: ", "VADER sign on polar statements: ",
                 "most pressed: precision: ", "speaker accuracy: ", "recall of praised and pressed actors: ", "unresolved agents: ",
                 "precision (hand-checked sample): 97.0% (97 of 100) — meets the target (at least 95%)"):
        assert line in proc.stdout
    assert "… and " in proc.stdout  # misses beyond --misses are counted, not printed
