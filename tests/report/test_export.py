"""Pages and files a reader opens: page header, links, titles, archive index, CSV safety, figure text."""

from __future__ import annotations

import io
import json

import pandas as pd

from readout import parse_statement
from readout.report import figures
from readout.report.export import PageContext, write_archive_index
from readout.report.tables import save_tables


def _cells():
    """A title, a section, links to sibling notebooks (ours, in markdown and in a table) and statement text
    that looks like one (escaped, in a table)."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_output

    table = ('<table><tr><td><a href="01-anatomy.ipynb#p1s1">p1s1</a></td>'
             '<td>href="01-anatomy.ipynb#x" &lt;a href="02-style.ipynb"&gt; [plan](02-style.ipynb)</td></tr></table>')
    return [new_markdown_cell("# The title"),
            new_markdown_cell('## Part one\n\n<a href="03-tone.ipynb#The-diplomatic-tone">More</a> '
                              '<a href="99-other.ipynb">other</a> and [the style page](02-style.ipynb).'),
            new_code_cell("show(table)", outputs=[new_output("display_data", data={"text/html": table})])]


def test_page_header_title_contents_and_links(tmp_path):
    from nbformat.v4 import new_markdown_cell

    context = PageContext('A <b>"title"</b>', "a\u202efile.txt", "ab" * 32, {"actors_path": "/home/me/x.yaml",
                                                                            "n_topics": 3},
                          frozenset({"01-anatomy", "02-style", "03-tone"}))
    page = _page_of(tmp_path, _cells(), context)
    assert '<title>The title | A &lt;b&gt;"title"&lt;/b&gt;</title>' in page
    assert '<a href="03-tone.html#The-diplomatic-tone">' in page  # our links go to the pages
    assert '<a href="02-style.html">the style page</a>' in page and '<a href="01-anatomy.html#p1s1">' in page
    assert '<a href="99-other.ipynb">' in page  # not a notebook of this report: left alone
    assert 'href="01-anatomy.ipynb#x" &lt;a href="02-style.ipynb"&gt; [plan](02-style.ipynb)' in page  # statement text
    assert 'class="readout-toc"' not in page  # one section: no contents box to open
    two = _page_of(tmp_path, [*_cells(), new_markdown_cell("## Part two")], context)
    assert '<li><a href="#Part-one">Part one</a></li><li><a href="#Part-two">Part two</a></li>' in two
    assert "afile.txt" in page and "\u202e" not in page  # no direction override from a file name
    assert "x.yaml" in page and "/home/me" not in page  # file names, not local paths
    assert page.count("<td><code>3</code></td>") == 1  # in the parameters box


def test_archive_index_lists_reports_not_building_folders(tmp_path):
    for name, finished in (("b", "2026-01-02T10:00:00+00:00"), ("a", "2026-01-03T10:00:00+00:00"),
                           (".building-c-1234", "2026-01-04T10:00:00+00:00")):
        folder = tmp_path / name
        (folder / "tables").mkdir(parents=True)
        (folder / "manifest.json").write_text(json.dumps({
            "title": f"Statement <{name}>", "status": "ok", "finished": finished,
            "input": {"path": f"/x/{name}.txt"}}), encoding="utf-8")
        (folder / "tables" / "summary.csv").write_text(
            "question,figure,reading,explained in\nWhat tone does it take?,tone of " + name + ",r,l\n"
            "What is it about?,themes of " + name + ",r,l\n", encoding="utf-8")
    page = write_archive_index(tmp_path).read_text(encoding="utf-8")
    assert "2 reports in this folder" in page and ".building" not in page
    assert page.index('href="a/index.html"') < page.index('href="b/index.html"')  # newest first
    assert "Statement &lt;a&gt;" in page and "tone of a" in page and "themes of b" in page


def test_csv_cells_that_a_spreadsheet_would_run_are_defused(tmp_path):
    table = pd.DataFrame({"text": ['=HYPERLINK("https://evil.example/","x")', "@SUM(A1)", "plain", "-2+3"],
                          "n": [1, -2, 3, 4]}, index=pd.Index(["=1", "a", "b", "c"], name="id"))
    save_tables({"t": table}, tmp_path)
    back = pd.read_csv(tmp_path / "t.csv", dtype=str)
    assert list(back["text"]) == ["'=HYPERLINK(\"https://evil.example/\",\"x\")", "'@SUM(A1)", "plain", "'-2+3"]
    assert list(back["n"]) == ["1", "-2", "3", "4"] and back["id"][0] == "'=1"
    assert table.loc["=1", "text"].startswith("=")  # the table in the notebook is left as it was


def test_dollar_signs_in_titles_are_text_not_math():
    st = parse_statement("Grants of $5 million (50% of the total) and $3 million for Honduras were announced.")
    figures.use_house_style()
    fig = figures.sentence_length_figure(st)
    fig.savefig(io.BytesIO(), format="png")  # mathtext would fail on this title
    assert "$5 million" in fig.axes[0].get_title()


def test_pages_show_file_names_not_where_they_sit(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from readout.report.export import notebook_to_html
    from readout.report.page import strip_directories

    assert strip_directories("\x1b[0;32m/home/ana/lib/compare.py:123\x1b[0m") == "\x1b[0;32m…/compare.py:123\x1b[0m"
    assert strip_directories('File "/usr/lib/x.py", line 3; see https://example.org/a/b or 3/4') == \
        'File "…/x.py", line 3; see https://example.org/a/b or 3/4'
    cell = new_code_cell("raise ValueError", outputs=[
        new_output("error", ename="UsageError", evalue="/home/ana/in/one.txt: has no body text",
                   traceback=["File \x1b[0;32m/home/ana/lib/compare.py:123\x1b[0m",
                              "\x1b[0;31mUsageError\x1b[0m: /home/ana/in/one.txt: has no body text"]),
        new_output("stream", name="stderr", text="/home/ana/.venv/lib/site.py:4: UserWarning: careful\n")])
    nbformat.write(new_notebook(cells=[cell]), tmp_path / "n.ipynb")
    notebook_to_html(tmp_path / "n.ipynb", tmp_path / "n.html", keep_code=True)
    page = (tmp_path / "n.html").read_text(encoding="utf-8")
    assert "/home/ana" not in page
    assert "one.txt: has no body text" in page and "compare.py" in page and "site.py" in page


def _page_of(tmp_path, cells, context: PageContext, stem: str = "03-tone") -> str:
    import nbformat
    from nbformat.v4 import new_notebook

    from readout.report.export import notebook_to_html

    nbformat.write(new_notebook(cells=cells), tmp_path / f"{stem}.ipynb")
    notebook_to_html(tmp_path / f"{stem}.ipynb", tmp_path / f"{stem}.html", context=context)
    return (tmp_path / f"{stem}.html").read_text(encoding="utf-8")


def test_a_pages_warnings_name_files_not_where_they_sit(tmp_path):
    """The statement's warnings head every page, with the file's name only (as everything on a page)."""
    context = PageContext("Title", "in.txt", "ab" * 32, {}, warnings=(
        "/home/me/drafts/in.txt: not valid UTF-8 (first bad byte at offset 26); read as Windows-1252",
        "The page “Tone” failed (cell 4: ValueError); see Files and tables for what the run made."))
    page = _page_of(tmp_path, _cells(), context)
    assert ('<p class="readout-warning" role="note">in.txt: not valid UTF-8 (first bad byte at offset 26); read as '
            'Windows-1252</p>') in page and "/home/me" not in page
    assert page.count('class="readout-warning"') == 2


def test_every_page_has_a_menu_provenance_box_and_glossary(tmp_path):
    """The page menu with previous and next, the run date, the git commit, every package version and the
    full hash in the "For reproducing this report" box; the parameter list and the notebook's own
    provenance cells out of the way; the terms the page uses explained (#17, items 4 and 6)."""
    from nbformat.v4 import new_code_cell, new_markdown_cell

    pages = (("00-summary", "Summary"), ("01-anatomy", "Anatomy"), ("03-tone", "Tone"), ("05-actors", "Actors"))
    context = PageContext("Title", "in.txt", "0123456789abcdef" * 4, {"leaks_path": "/home/me/leaks.yaml"},
                          frozenset(s for s, _ in pages), pages=pages, run="2026-12-02T03:40:12+00:00",
                          commit="c7eb380" + "0" * 33, versions={"python": "3.11.2", "vaderSentiment": "3.3.2"})
    cells = [new_markdown_cell("# What tone?\n\nScores the tone.\n\n**Parameters**\n- `leaks_path`: your leak lists."),
             new_markdown_cell("## Findings\n\nThe leak-free TextBlob polarity of p2s3 is shown."),
             new_markdown_cell("## Provenance", metadata={"tags": ["notebook-only"]}),
             new_code_cell("provenance", metadata={"tags": ["notebook-only"]})]
    page = _page_of(tmp_path, cells, context)
    menu = page.split('aria-label="Pages of this report (top)"', 1)[1].split("</nav>", 1)[0]
    assert '<a aria-current="page" href="03-tone.html">Tone</a>' in menu and '<a href="files.html">' in menu
    assert '<a href="01-anatomy.html" rel="prev">← Anatomy</a>' in menu
    assert '<a href="05-actors.html" rel="next">Actors →</a>' in menu
    assert 'aria-label="Pages of this report (bottom)"' in page  # and again at the end of the page
    box = page.split('<summary>For reproducing this report</summary>', 1)[1].split("</details>", 1)[0]
    for fact in ("0123456789abcdef" * 4, "2026-12-02 03:40 UTC", "c7eb380" + "0" * 33, "vaderSentiment 3.3.2",
                 "python -m readout run in.txt -p leaks_path leaks.yaml", "your leak lists"):
        assert fact in box, fact
    assert "Scores the tone." in page and page.count("your leak lists") == 1  # only in the box
    assert "Provenance" not in page  # the notebook-only cells are left out
    glossary = page.split("<summary>Terms used on this page</summary>", 1)[1].split("</details>", 1)[0]
    assert [t for t in ("sentence id (p2s3)", "polarity", "leak-free", "G²") if f"<dt>{t}</dt>" in glossary] == \
        ["sentence id (p2s3)", "polarity", "leak-free"]
    first = _page_of(tmp_path, cells[:2], context, "00-summary")
    assert 'rel="prev"' not in first and '<a href="01-anatomy.html" rel="next">' in first


def test_detail_sections_are_folded_under_their_title(tmp_path):
    from nbformat.v4 import new_markdown_cell

    cells = [new_markdown_cell("# Q"), new_markdown_cell("## Findings\n\nFirst."),
             new_markdown_cell("## The evidence\n\nEvery word.", metadata={"tags": ["detail"]}),
             new_markdown_cell("More evidence."), new_markdown_cell("## Caveats\n\nLimits.")]
    page = _page_of(tmp_path, cells, PageContext("T", "in.txt", ""))
    folded = page.split('<details class="readout-section"><summary>The evidence</summary>', 1)[1].split("</details>")[0]
    assert "Every word." in folded and "More evidence." in folded and "Limits." not in folded
    assert page.count('class="readout-section"') == 1 and "First." not in folded


def test_saved_tables_link_their_files(tmp_path):
    saved = save_tables({"sentences": pd.DataFrame({"a": [1]}), "missing": None}, tmp_path)
    assert (tmp_path / "sentences.csv").is_file()
    assert '<a href="tables/sentences.csv">sentences.csv</a>' in saved._repr_html_()
    assert "Not computed, so not saved: missing." in saved._repr_html_()
    assert str(saved).startswith("Saved 1 table as CSV")
    assert "not saved" in str(save_tables({"t": pd.DataFrame()}, ""))


def test_a_comparison_page_gives_its_files_to_the_command_and_a_dirty_checkout_says_so(tmp_path):
    context = PageContext("Comparison of 2 statements", "2 statement files", "", {"statements": ["a.txt", "b c.txt"],
                          "max_rows": 5}, collection=True, run="2026-12-02T03:40:12+00:00", commit="abc123+dirty")
    page = _page_of(tmp_path, _cells(), context, "index")
    assert "<code>python -m readout compare a.txt 'b c.txt' -p max_rows 5</code>" in page
    assert '">abc123</code> (with uncommitted changes)' in page
    assert "Collection: <strong>Comparison of 2 statements</strong>" in page and "<nav class=\"readout-menu\"" not in page


def test_no_committed_notebook_shows_a_warning_or_stderr():
    """A warning printed by a library (matplotlib's, say) would reach the page and, with its full path, make
    the notebook differ from one checkout to the next (#17)."""
    import nbformat

    from readout.paths import PROJECT_ROOT

    found = []
    for path in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb")):
        for n, cell in enumerate(nbformat.read(path, as_version=4).cells):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "stream" and output.get("name") == "stderr":
                    found.append((path.name, n, output.get("text", "")[:80]))
    assert found == []


def test_contents_link_to_their_headings_and_every_output_is_reachable_by_keyboard(tmp_path):
    """The contents give each section heading nbconvert's own id, whatever its text; nbconvert gives every input and
    output a tab stop (a wide table scrolls with the arrow keys) and every image an alternative text."""
    import re

    from nbformat.v4 import new_code_cell, new_markdown_cell, new_output

    headings = ["Who credits whom?", "G² & PMI: `collocations`", "The *diplomatic* tone", "Ça va: 50% [of it](x.html)"]
    cells = [new_markdown_cell("# Q"), *(new_markdown_cell(f"## {h}\n\nText.") for h in headings),
             new_code_cell("x", outputs=[new_output("display_data", data={"text/html": "<table><tr><td>1</td></tr></table>",
                                                                          "text/plain": "t"}),
                                         new_output("stream", name="stdout", text="printed\n")])]
    page = _page_of(tmp_path, cells, PageContext("T", "in.txt", ""))
    contents = page.split('aria-label="Contents"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<li><a href="#([^"]*)">([^<]*)</a></li>', contents)
    assert [title for _, title in links] == ["Who credits whom?", "G² &amp; PMI: collocations", "The diplomatic tone",
                                             "Ça va: 50% of it"]
    ids = re.findall(r'<h2 id="([^"]*)"', page)
    assert [anchor for anchor, _ in links] == ids and len(ids) == 4
    outputs = re.findall(r'<div [^>]*class="[^"]*jp-OutputArea-output[^"]*"[^>]*>', page)
    assert len(outputs) == 2 and all('tabindex="0"' in div for div in outputs)
    assert page.count('class="jp-Cell-inputWrapper" tabindex="0"') == 1 + len(headings)  # the markdown cells


def test_csv_keeps_an_index_that_names_something_and_drops_one_that_numbers_rows(tmp_path):
    numbered = pd.DataFrame({"sentence": ["p1s1", "p1s2"], "words": [12, 7]})
    named = pd.DataFrame({"events": [3, 1]}, index=pd.Index(["United States", "Honduras"], name="actor"))
    filtered = pd.DataFrame({"sentence": ["p1s1", "p1s2", "p2s1"], "words": [12, 7, 9]}).iloc[[2, 0]]  # 2, 0
    save_tables({"numbered": numbered, "named": named, "filtered": filtered}, tmp_path)
    assert (tmp_path / "numbered.csv").read_text(encoding="utf-8") == "sentence,words\np1s1,12\np1s2,7\n"
    assert (tmp_path / "filtered.csv").read_text(encoding="utf-8") == "sentence,words\np2s1,9\np1s1,12\n"
    assert (tmp_path / "named.csv").read_text(encoding="utf-8") == "actor,events\nUnited States,3\nHonduras,1\n"
