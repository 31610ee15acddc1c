"""Turning executed notebooks into pages a reader who never sees code can open offline."""

from __future__ import annotations

import csv
import functools
import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

# isort: off
from readout import _fastimport  # noqa: F401  (before nbformat: see the module)
import nbformat
# isort: on

if TYPE_CHECKING:
    from nbconvert import HTMLExporter

__all__ = ["DETAIL", "NOTEBOOK_ONLY", "PageContext", "is_archive_index", "notebook_title", "notebook_to_html", "page_name",
           "strip_directories", "warm_up", "write_index",
           "write_archive_index"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"
#: The tag of cells a page leaves out (they stay in the notebook).
NOTEBOOK_ONLY = "notebook-only"


@functools.lru_cache(maxsize=2)
def _exporter(keep_code: bool) -> "HTMLExporter":
    """One exporter per setting: building its templates is most of an export's cost.

    nbconvert is imported here, not at the top, so that the runner can start the
    kernels first and build the exporter while they work (:func:`warm_up`).
    """
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class Exporter(HTMLExporter):
        """nbconvert's HTML exporter without its last step, which parses the whole page again
        (JupyterLab's styles included) to give images an alternative text and outputs a tab stop:
        most of an export's time. Our template gives each figure its title as alternative text,
        and :func:`_decorate` adds the tab stops."""

        def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> Any:
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            resources = self._init_resources(resources)
            self.register_filter("highlight_code", self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = Exporter(
        extra_template_basedirs=[str(_TEMPLATES)],
        exclude_input=not keep_code,
        exclude_input_prompt=not keep_code,
        exclude_output_prompt=True,
        # Validate once after all preprocessors, not after each: each
        # validation compiles the notebook schema anew (~35 ms x 12 here).
        optimistic_validation=True,
        template_name="readout",
    )
    # Cells tagged "notebook-only" (a notebook's own provenance table) are for JupyterLab: a page has
    # the same facts, with the run's date and commit, in its header box.
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={NOTEBOOK_ONLY}), enabled=True)
    return exporter


def warm_up(keep_code: bool = False) -> None:
    """Build the exporter and its templates ahead of time (the runner does this while notebooks execute)."""
    _exporter(keep_code).from_notebook_node(nbformat.v4.new_notebook())


@dataclass(frozen=True)
class PageContext:
    """What every page of a report says about its statement and its run: title, source file name,
    sha256, the parameters the notebook ran with, the report's pages in order (``pages``: notebook stem
    and short name, for the page menu; links to them go to their pages), when the run started (UTC,
    ISO), the code's git commit and the version of every package (shown in the "For reproducing this
    report" box)."""

    title: str
    source: str
    sha256: str
    parameters: dict[str, Any] = field(default_factory=dict)
    notebooks: frozenset[str] = frozenset()  # stems, e.g. "03-tone"
    collection: bool = False  # a page about several statements: "Collection", "Files", no index link
    pages: tuple[tuple[str, str], ...] = ()  # (stem, short name) in reading order
    run: str = ""  # when the run started, ISO 8601 UTC
    commit: str | None = None
    versions: dict[str, str] = field(default_factory=dict)


def page_name(stem: str) -> str:
    """A notebook's short name in the page menu: "03-tone" → "Tone"."""
    name = stem.split("-", 1)[1] if re.match(r"\d+-", stem) else stem
    return name.replace("-", " ").replace("_", " ").capitalize()


_H2 = re.compile(r'<h2 id="([^"]*)">(.*?)<a class="anchor-link"', re.S)
_TAGS = re.compile(r"<[^>]+>")
_NOTEBOOK_LINK = re.compile(r'<a href="(\d\d-[\w-]+)\.ipynb((?:#[^"]*)?)"')  # a link tag (statement text is escaped)
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_PARAMETERS = "\n**Parameters**\n"  # where a notebook's first cell starts listing its parameters
# The template's own markup (statement text is escaped, so never matches): input and output boxes.
_FOCUSABLE = re.compile(r'(<div class="(?:jp-Cell-inputWrapper|[^"<>]*\bjp-OutputArea-output\b[^"<>]*)")')


def _when(iso: str) -> str:
    """"2026-12-02T03:40:12+00:00" → "2026-12-02 03:40 UTC" ("" stays "")."""
    m = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)", iso)
    return f"{m.group(1)} {m.group(2)} UTC" if m else iso


def _command(context: PageContext, shown: dict[str, Any]) -> str:
    """The command that makes this report again, parameters given on the command line; files by their
    names only (a page never shows where they sit on someone's machine)."""
    import shlex

    shown = dict(shown)
    listed = shown.pop("statements", None) if context.collection else None
    files = [str(f) for f in listed] if isinstance(listed, (list, tuple)) and listed else [context.source]
    words = ["python", "-m", "readout", "compare" if context.collection else "run", *files]
    for name, value in shown.items():
        if value in ("", None, [], {}):
            continue
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        words += ["-p", name, text]
    return " ".join(shlex.quote(w) for w in words)


def _menu(context: PageContext, stem: str, where: str) -> str:
    """The page menu (every page of the report, this one marked) with the previous and next page."""
    e = html.escape
    if not context.pages:
        return ""
    stems = [s for s, _ in context.pages]
    links = ['<li><a href="index.html">Report index</a></li>']
    for s, name in context.pages:
        links.append(f'<li><a href="{e(s)}.html" aria-current="page">{e(name)}</a></li>' if s == stem
                     else f'<li><a href="{e(s)}.html">{e(name)}</a></li>')
    steps = []
    if stem in stems:
        i = stems.index(stem)
        if i > 0:
            steps.append(f'<a rel="prev" href="{e(stems[i - 1])}.html">&larr; {e(context.pages[i - 1][1])}</a>')
        if i + 1 < len(stems):
            steps.append(f'<a rel="next" href="{e(stems[i + 1])}.html">{e(context.pages[i + 1][1])} &rarr;</a>')
    step = f'<p class="readout-steps">{" ".join(steps)}</p>' if steps else ""
    return (f'<nav class="readout-menu" aria-label="Pages of this report ({where})"><ul>{"".join(links)}</ul>'
            f"{step}</nav>")


#: The tag of a section heading (a markdown cell starting "## ") whose section a page folds: detail
#: and method, opened on demand, after the findings.
DETAIL = "detail"
_CELL_START = re.compile(r'<div id="cell-id=[^"]*" class="jp-Cell ')
_SECTION_HEADING = re.compile(r'<h2 id="[^"]*">(.*?)<a class="anchor-link"', re.S)


def _fold_sections(body: str) -> str:
    """Wrap each section whose heading cell is tagged :data:`DETAIL` (to the next section heading) in a
    native ``<details>`` block headed by the section's title."""
    starts = [m.start() for m in _CELL_START.finditer(body)]
    if not starts or f"celltag_{DETAIL}" not in body:
        return body
    end = body.find("</main>", starts[-1])
    end = end if end >= 0 else len(body)
    out, folded = [body[:starts[0]]], False
    for a, b in zip(starts, [*starts[1:], end]):
        cell = body[a:b]
        heading = _SECTION_HEADING.search(cell)
        if heading and folded:
            out.append("</div></details>")
            folded = False
        if heading and f"celltag_{DETAIL}" in cell:
            title = html.escape(_TAGS.sub("", heading.group(1)).strip(), quote=False)
            out.append(f'<details class="readout-section"><summary>{title}</summary><div>')
            folded = True
        out.append(cell)
    if folded:
        out.append("</div></details>")
    out.append(body[end:])
    return "".join(out)


def _decorate(body: str, context: PageContext, stem: str = "", described: str = "") -> str:
    """Add the page header (statement, file, sha256, run, commit), the page menu with previous and next,
    a folded "For reproducing this report" box (parameters, versions, the command), a folded glossary of
    the terms the page uses, a table of contents from the section headings; point links to sibling
    notebooks at their pages. Every value is escaped."""
    from readout.report.glossary import terms_on

    e = html.escape
    headings = _H2.findall(body)
    toc = "".join(f'<li><a href="#{anchor}">{title}</a></li>' for anchor, title in
                  ((a, _TAGS.sub("", t).strip()) for a, t in headings))
    sections = len(headings)
    shown = {k: (Path(v).name if k.endswith("_path") and isinstance(v, str) and v else v)
             for k, v in context.parameters.items() if k not in ("statement_path", "output_dir")}
    params = "".join(f"<tr><th>{e(str(k))}</th><td><code>{e(_BIDI.sub('', repr(v)))}</code></td></tr>"
                     for k, v in shown.items())
    box = f"<table>{params}</table>" if params else "<p>All defaults (no parameters given).</p>"
    source = [f'{"Files" if context.collection else "File"} <code>{e(_BIDI.sub("", context.source))}</code>']
    if context.run:
        source.append(f"run {e(_when(context.run))}")
    if context.commit:
        dirty = " (with uncommitted changes)" if context.commit.endswith("+dirty") else ""
        short = context.commit.split("+")[0][:10]
        source.append(f'code <code title="git commit {e(context.commit)}">{e(short)}</code>{dirty}')
    sha = ""
    if context.sha256:
        sha = (f'<p class="readout-source">sha256{" of their sha256 sums" if context.collection else ""} '
               f'<code class="readout-sha">{e(context.sha256)}</code></p>')
    facts = [("statement file" if not context.collection else "files", e(_BIDI.sub("", context.source))),
             ("sha256", f'<code class="readout-sha">{e(context.sha256)}</code>' if context.sha256 else ""),
             ("run started", e(_when(context.run))),
             ("code (git commit)", f"<code>{e(context.commit)}</code>" if context.commit else "not a git checkout"
              if context.run else "")]
    facts = [(k, v) for k, v in facts if v]
    versions = ", ".join(f"{e(k)} {e(v)}" for k, v in context.versions.items())
    if versions:
        facts.append(("package versions", versions))
    facts.append(("to run it again (from the folder that holds the files)",
                  f"<code>{e(_BIDI.sub('', _command(context, shown)))}</code>"))
    reproduce = ("<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in facts) + "</table>"
                 "<p>Parameters of this page's notebook, as given:</p>" + box
                 + (f'<div class="readout-parameters"><p>What each parameter does:</p>{described}</div>'
                    if described else ""))
    terms = terms_on(body.split("<main>", 1)[-1])
    glossary = ("" if not terms else
                '<details class="readout-glossary"><summary>Terms used on this page</summary><dl>'
                + "".join(f"<dt>{e(t.term)}</dt><dd>{e(t.meaning)}</dd>" for t in terms) + "</dl></details>")
    header = (
        '<header class="readout-page">'
        + _menu(context, stem, "top")
        + f'<p class="readout-statement">{"Collection" if context.collection else "Statement"}: '
        f'<strong>{e(context.title)}</strong></p>'
        f'<p class="readout-source">{" &middot; ".join(source)}</p>{sha}'
        f'<details class="readout-provenance" id="reproducing"><summary>For reproducing this report</summary>'
        f"{reproduce}</details>{glossary}</header>"
        + (f'<nav class="readout-toc" aria-label="Contents"><details><summary>Contents ({sections} sections)</summary>'
           f"<ol>{toc}</ol></details></nav>" if toc else "")
    )
    body = _fold_sections(body).replace("<main>", "<main>" + header, 1)
    footer = _menu(context, stem, "bottom")
    if footer:
        body = body.replace("</main>", f'<footer class="readout-footer">{footer}</footer></main>', 1)
    # A keyboard reaches every input and output (a wide table scrolls with the arrow keys once focused).
    body = _FOCUSABLE.sub(r'\1 tabindex="0"', body)
    heading = re.search(r"<h1 id=\"[^\"]*\">(.*?)<a class=\"anchor-link\"", body, re.S)
    page_title = (_TAGS.sub("", heading.group(1)).strip() if heading else "Report") + " | " + e(context.title)
    body = re.sub(r"<title>.*?</title>", lambda _: f"<title>{page_title}</title>", body, count=1, flags=re.S)
    return _NOTEBOOK_LINK.sub(
        lambda m: f'<a href="{m.group(1)}.html{m.group(2)}"' if m.group(1) in context.notebooks else m.group(0), body)


# An absolute path's directories: after a space, quote, bracket, "=" or a terminal colour code.
_DIRECTORIES = re.compile(r"""(\x1b\[[0-9;]*m|^|[\s'"(\[=])(/(?:[^\s/'"()\[\]:,\x1b]+/)+)""", re.M)


def strip_directories(text: str) -> str:
    """``text`` with the directories of every absolute path cut to "…/" ("/home/ana/lib/x.py" → "…/x.py"),
    so that a page shows file names, never where they sit on someone's machine."""
    return _DIRECTORIES.sub(lambda m: m.group(1) + "…/", text)


def notebook_to_html(notebook: Path, target: Path, keep_code: bool = False, context: PageContext | None = None) -> None:
    """Export ``notebook`` to ``target`` as one self-contained HTML page.

    Code cells and prompts are left out unless ``keep_code``; figures are
    embedded; no script is loaded from the network. With ``context``, the page
    opens with the statement's title, file and sha256, the parameters in a
    provenance box and a table of contents. Not for concurrent use from several threads.
    """
    node = nbformat.read(notebook, as_version=4)
    for cell in node.cells:  # a traceback or a warning names files by their full path: keep the names only
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [strip_directories(line) for line in output.get("traceback", [])]
                output["evalue"] = strip_directories(output.get("evalue", ""))
            elif output.get("output_type") == "stream":
                output["text"] = strip_directories(output.get("text", ""))
    described = ""
    if context is not None and node.cells and node.cells[0].cell_type == "markdown":
        # The notebook's first cell says what it answers, then lists its parameters by their code names:
        # on a page that list belongs in the "For reproducing this report" box, not above the findings.
        opening, marker, listed = node.cells[0].source.partition(_PARAMETERS)
        if marker:
            from nbconvert.filters.markdown import markdown2html_mistune

            node.cells[0].source = opening.rstrip()
            described = markdown2html_mistune(listed.strip())
    body, _ = _exporter(keep_code).from_notebook_node(node)
    if context is not None:
        body = _decorate(body, context, target.stem, described)
    target.write_text(body, encoding="utf-8")


def notebook_title(notebook: Path) -> str:
    """The question a notebook answers: its first markdown heading, else its file name."""
    try:
        cells = nbformat.read(notebook, as_version=4).cells
    except (OSError, ValueError):
        return notebook.stem
    for cell in cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return notebook.stem


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }}
code {{ font-size: 0.9em; word-break: break-all; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; }}
th, td {{ text-align: left; padding: 0.3rem 0.8rem 0.3rem 0; border-bottom: 1px solid #ddd;
          vertical-align: top; }}
.failed {{ color: #b2182b; font-weight: bold; }}
.ok {{ color: #1a7f37; }}
.warn {{ background: #fff4ce; padding: 0.5rem 0.8rem; border-left: 4px solid #d4a106; }}
.scroll {{ overflow-x: auto; }}
h1, p {{ overflow-wrap: anywhere; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>Report on <code>{source}</code> &middot; sha256 <code>{sha}</code> &middot; status
<span class="{status}">{status}</span></p>
{warnings}
<h2>Notebooks</h2>
<div class="scroll"><table>
<tr><th>page</th><th>status</th><th>seconds</th><th>executed notebook</th></tr>
{rows}
</table></div>
<h2>Tables (CSV)</h2>
<ul>
{tables}
</ul>
<p><a href="manifest.json">manifest.json</a>: input, parameters, versions and timings of this run.</p>
</body>
</html>
"""


def write_index(report_dir: Path, manifest: dict) -> None:
    """Write ``index.html`` linking every notebook page, executed notebook and table in ``report_dir``.

    Every value taken from the statement or the manifest is escaped: text is
    data, never markup.
    """
    e = html.escape
    rows = []
    for nb in manifest["notebooks"]:
        stem = Path(nb["notebook"]).stem
        status = nb["status"]
        detail = ""
        if nb.get("error"):
            err = nb["error"]
            detail = f" (cell {err.get('cell_index')}: {e(str(err.get('ename')))})"
        rows.append(
            f'<tr><td><a href="{e(stem)}.html">{e(nb.get("title") or stem)}</a></td>'
            f'<td class="{e(status)}">{e(status)}{detail}</td><td>{nb["seconds"]:.1f}</td>'
            f'<td><a href="{e(nb["notebook"])}">{e(nb["notebook"])}</a></td></tr>'
        )
    tables = [f'<li><a href="tables/{e(t)}">{e(t)}</a></li>' for t in manifest.get("tables", [])]
    warnings = "".join(f'<p class="warn">{e(w)}</p>' for w in manifest["input"].get("warnings", []))
    page = _PAGE.format(
        title=e(manifest.get("title") or manifest["slug"]),
        source=e(Path(manifest["input"]["path"]).name),
        sha=e(manifest["input"]["sha256"]),
        status=e(manifest["status"]),
        warnings=warnings,
        rows="\n".join(rows),
        tables="\n".join(tables) or "<li>none</li>",
    )
    (report_dir / "index.html").write_text(page, encoding="utf-8")


_ARCHIVE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="readout archive index">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Statement reports</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 75rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #1b1b1b; }}
.scroll {{ overflow-x: auto; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; }}
th, td {{ text-align: left; padding: 0.35rem 0.8rem 0.35rem 0; border-bottom: 1px solid #ddd; vertical-align: top; }}
td a {{ overflow-wrap: anywhere; }}
.failed {{ color: #b2182b; font-weight: bold; }}
.ok {{ color: #1a7f37; }}
code {{ font-size: 0.85em; }}
</style>
</head>
<body>
<h1>Statement reports</h1>
<p>{count} in this folder, newest run first. Each links to its report; the tone and themes are the
summary page's headline figures.</p>
<div class="scroll"><table>
<tr><th>statement</th><th>file</th><th>run finished (UTC)</th><th>status</th><th>tone</th><th>themes, in order</th></tr>
{rows}
</table></div>
</body>
</html>
"""


def _headline(report: Path, question: str) -> str:
    """The summary page's figure for ``question`` ("" if the summary table is missing)."""
    try:
        with open(report / "tables" / "summary.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row.get("question") == question:
                    return row.get("figure", "")
    except OSError:
        pass
    return ""


def is_archive_index(page: Path) -> bool:
    """True if ``page`` is an archive index this tool wrote (its generator tag, or the title earlier
    versions gave it): the only ``index.html`` a run may replace."""
    try:
        head = page.read_text(encoding="utf-8", errors="replace")[:2000]
    except OSError:
        return False
    return ('<meta name="generator" content="readout archive index">' in head
            or "<title>Statement reports</title>" in head)


def write_archive_index(outputs: Path) -> Path:
    """Write ``outputs/index.html`` listing every complete report under ``outputs``: statement (linked),
    file, when the run finished, status, headline tone and themes. Written to a temporary file and
    moved into place, so a reader never sees half a page. Every value is escaped."""
    e = html.escape
    reports = []
    for manifest_path in outputs.glob("*/manifest.json"):
        if manifest_path.parent.name.startswith("."):
            continue  # a report being built, or an old one being removed
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        reports.append((manifest.get("finished", ""), manifest_path.parent, manifest))
    rows = []
    for finished, folder, manifest in sorted(reports, key=lambda r: (r[0], r[1].name), reverse=True):
        status = str(manifest.get("status", "unknown"))
        if folder.name.endswith(".failed"):  # a failed re-run published beside the complete report it did not replace
            status = "failed re-run (the complete earlier report is kept)"
        rows.append(
            f'<tr><td><a href="{e(folder.name)}/index.html">{e(str(manifest.get("title") or folder.name))}</a></td>'
            f'<td><code>{e(Path(str(manifest.get("input", {}).get("path", ""))).name)}</code></td>'
            f"<td>{e(finished.replace('T', ' ').removesuffix('+00:00'))}</td>"
            f'<td class="{e(status.split()[0])}">{e(status)}</td>'
            f"<td>{e(_headline(folder, 'What tone does it take?'))}</td>"
            f"<td>{e(_headline(folder, 'What is it about?'))}</td></tr>"
        )
    page = _ARCHIVE.format(count=f"{len(rows)} report{'s' if len(rows) != 1 else ''}",
                           rows="\n".join(rows) or '<tr><td colspan="6">no reports yet</td></tr>')
    target = outputs / "index.html"
    partial = outputs / f".index-{os.getpid()}.html"
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, target)
    return target
