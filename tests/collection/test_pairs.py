"""Many pairs at once (#26): pairs from two folders or a CSV file, a report per pair with an index, and the
corpus engine's change.parquet."""

from __future__ import annotations

import json
import subprocess

import pandas as pd
import pytest
from conftest import PYTHON, cli

from readout.collection.change import CHANGE_COLUMNS
from readout.collection.corpus import run_corpus
from readout.collection.pairs import Pair, pairs_from_folders, read_pairs
from readout.errors import BadInputError

EARLIER = ("The United States will support the people of Ukraine. We welcome Russia's engagement in the talks. "
           "Japan and Canada joined us.")
LATER = ("We condemn the Kremlin's brutal war against Ukraine. The United States may support the people of Ukraine. "
         "Russia's leaders must end the war.")


def _folders(tmp_path):
    old, new = tmp_path / "2021", tmp_path / "2022"
    old.mkdir()
    new.mkdir()
    (old / "ukraine.txt").write_text(EARLIER, encoding="utf-8")
    (new / "ukraine.txt").write_text(LATER, encoding="utf-8")
    (old / "only-then.txt").write_text("The talks began.", encoding="utf-8")
    return old, new


def test_two_folders_pair_their_files_by_name_and_list_the_rest(tmp_path):
    old, new = _folders(tmp_path)
    pairs, alone = pairs_from_folders(old, new)
    assert pairs == [Pair("ukraine", old / "ukraine.txt", new / "ukraine.txt")]
    assert alone == [f"{old / 'only-then.txt'}: no file of that name in {new}"]
    (new / "ukraine.txt").rename(new / "other.txt")
    with pytest.raises(BadInputError, match="no .txt file has the same name"):
        pairs_from_folders(old, new)


def test_a_csv_of_pairs_is_read_relative_to_its_folder(tmp_path):
    old, new = _folders(tmp_path)
    (tmp_path / "pairs.csv").write_text("\ufeffpair,file_a,file_b,why\r\nukr,2021/ukraine.txt,2022/ukraine.txt,x\r\n"
                                        ",,,\r\n,2021/only-then.txt,2022/ukraine.txt,\r\n", encoding="utf-8")
    assert read_pairs(tmp_path / "pairs.csv") == [Pair("ukr", old / "ukraine.txt", new / "ukraine.txt"),
                                                  Pair("line-4", old / "only-then.txt", new / "ukraine.txt")]
    (tmp_path / "titled.csv").write_text("a,b,title_a,date_b\n2021/ukraine.txt,2022/ukraine.txt,Last year,2022-06-12\n",
                                         encoding="utf-8")
    [titled] = read_pairs(tmp_path / "titled.csv")
    assert (titled.given_a, titled.given_b) == (("Last year", ""), ("", "2022-06-12"))
    for text, message in [("a,c\nx,y\n", "needs the columns a and b"),
                          ("a,b\n2021/ukraine.txt,2022/missing.txt\n", "line 2: 2022/missing.txt not found"),
                          ("pair,a,b\nx,2021/ukraine.txt,2022/ukraine.txt\nx,2021/ukraine.txt,2022/ukraine.txt\n",
                           "line 3: pair 'x' is named twice"),
                          ("pair,a,b\n../up,2021/ukraine.txt,2022/ukraine.txt\n", "cannot name a folder"),
                          ("a,b\n2021/ukraine.txt,\n", "line 2: no file in column b"),
                          ("a,b\n", "lists no pair"),
                          ("a,b\n2021/ukraine.txt,2021/ukraine.txt\n", "line 2: 2021/ukraine.txt is both A and B"),
                          ("a,b,date_b\n2021/ukraine.txt,2022/ukraine.txt,March 2022\n",
                           "line 2, date_b: “March 2022” is not a full date")]:
        (tmp_path / "bad.csv").write_text(text, encoding="utf-8")
        with pytest.raises(BadInputError, match=message):
            read_pairs(tmp_path / "bad.csv")


def test_the_diff_of_two_folders_writes_a_report_per_pair_and_an_index(tmp_path, capsys):
    old, new = _folders(tmp_path)
    out = tmp_path / "diffs"
    done = subprocess.run([PYTHON, "-m", "readout", "diff", str(old), str(new), "--out", str(out)], capture_output=True,
                          text=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Diffs: {out / 'index.html'} (1 pair)"
    assert f"not paired: {old / 'only-then.txt'}: no file of that name in {new}" in done.stderr
    assert {p.name for p in (out / "ukraine").iterdir()} >= {"index.html", "redline.html", "manifest.json", "tables"}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="ukraine/index.html"' in index and 'href="ukraine/redline.html"' in index
    assert "cooler toward Russia" in index and "Not paired:" in index and str(tmp_path) not in index.split("Not paired")[0]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["kind"] == "diffs" and manifest["pairs"][0]["status"] == "ok"
    before = (out / "index.html").read_bytes()
    (tmp_path / "bad.csv").write_text("a,b\n2021/ukraine.txt,2022/missing.txt\n", encoding="utf-8")
    (tmp_path / "titled.csv").write_text("pair,a,b,title_a,title_b\nukr,2021/ukraine.txt,2022/ukraine.txt,Kyiv 2021,"
                                         "Kyiv <b>2022</b>\n", encoding="utf-8")
    titled = cli(["diff", "--pairs", tmp_path / "titled.csv", "--out", tmp_path / "titled"], capsys)
    assert titled.returncode == 0, titled.stderr
    index = (tmp_path / "titled" / "index.html").read_text(encoding="utf-8")
    assert "Kyiv 2021" in index and "Kyiv &lt;b&gt;2022&lt;/b&gt;" in index  # the titles given, escaped
    for args, message in [(["--pairs", tmp_path / "bad.csv"], "bad.csv: line 2: 2022/missing.txt not found"),
                          ([old, new], "need --out DIR"),
                          ([], "give two statements A B (files or folders), or --pairs FILE"),
                          ([old / "ukraine.txt"], "give two statements")]:
        bad = cli(["diff", *args, *(["--out", out] if args and args[0] != old else [])], capsys)
        assert bad.returncode == 2 and message in bad.stderr and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    assert (out / "index.html").read_bytes() == before


def test_the_corpus_engine_writes_what_changed_in_each_pair(tmp_path):
    old, new = _folders(tmp_path)
    pairs = [Pair("ukraine", old / "ukraine.txt", new / "ukraine.txt")]
    run = run_corpus([], tmp_path / "corpus", scheduler="synchronous", err=lambda line: None, pairs=pairs)
    assert run.exit_code == 0 and run.statements == 2
    change = pd.read_parquet(tmp_path / "corpus" / "change.parquet")
    assert tuple(change.columns) == CHANGE_COLUMNS and set(change["pair"]) == {"ukraine"}
    assert change[change["change"] == "sentence"]["kind"].tolist() == ["added", "kept", "dropped", "dropped", "added"]
    softer = change[change["change"] == "commitment"].iloc[0]
    assert (softer["kind"], softer["before"], softer["after"]) == ("softer", "will support (firm, future)",
                                                                  "may support (soft, future)")
    manifest = json.loads((tmp_path / "corpus" / "corpus.json").read_text(encoding="utf-8"))
    assert manifest["pairs"] == 1 and manifest["tables"]["change"] == "change.parquet"
    assert manifest["rows"]["change"] == len(change)
