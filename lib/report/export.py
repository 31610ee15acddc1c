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

__all__ = ["FILES_PAGE", "PageContext", "is_archive_index", "notebook_title", "notebook_to_html", "page_name",
           "warm_up", "write_files_page", "write_archive_index"]

#: The page of a report that lists its pages, executed notebooks, tables and timings (its ``index.html``
#: is the summary page: see :func:`readout.run.one_statement.run_report`).
FILES_PAGE = "files.html"

_TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.lru_cache(maxsize=2)
def _exporter(keep_code: bool) -> "HTMLExporter":
    """One exporter per setting: building its templates is most of an export's cost.

    nbconvert is imported here, not at the top, so that the runner can start the
    kernels first and build the exporter while they work (:func:`warm_up`).
    """
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    from readout.report.page import NOTEBOOK_ONLY, PagePreprocessor, glossary_terms

    return HTMLExporter(
        extra_template_basedirs=[str(_TEMPLATES)],
        template_name="readout",
        exclude_input=not keep_code,
        exclude_input_prompt=not keep_code,
        exclude_output_prompt=True,
        # Cells tagged "notebook-only" (a notebook's own provenance table) are for JupyterLab: a page has
        # the same facts, with the run's date and commit, in its header box.
        preprocessors=[TagRemovePreprocessor(remove_cell_tags={NOTEBOOK_ONLY}), PagePreprocessor],
        filters={"glossary_terms": glossary_terms},
        # Validate once after all preprocessors, not after each: each
        # validation compiles the notebook schema anew (~35 ms x 12 here).
        optimistic_validation=True,
    )


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
    warnings: tuple[str, ...] = ()  # what the reader must know first: how the file was read, which pages failed
    command: tuple[str, ...] = ()  # the command that makes the page again, where it is not run or compare
    label: str = ""  # what the page's title is of ("Diff"), where it is not "Statement" or "Collection"


def page_name(stem: str) -> str:
    """A notebook's short name in the page menu: "03-tone" → "Tone"."""
    name = stem.split("-", 1)[1] if re.match(r"\d+-", stem) else stem
    return name.replace("-", " ").replace("_", " ").capitalize()


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _when(iso: str) -> str:
    """"2026-12-02T03:40:12+00:00" → "2026-12-02 03:40 UTC" ("" stays "")."""
    m = re.match(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d)", iso)
    return f"{m.group(1)} {m.group(2)} UTC" if m else iso


def _command(context: PageContext, shown: dict[str, Any]) -> str:
    """The command that makes this report again, parameters given on the command line; files by their
    names only (a page never shows where they sit on someone's machine)."""
    import shlex

    if context.command:
        return " ".join(shlex.quote(w) for w in context.command)
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


def _file_named(warning: str) -> str:
    """A warning ("path/to/file.txt: problem") with its file named, not where it sits."""
    where, sep, problem = warning.partition(": ")
    return f"{Path(where).name}{sep}{problem}" if sep and ("/" in where or "\\" in where) else warning


def _page(context: PageContext, stem: str) -> dict[str, Any]:
    """What the page's template shows of ``context`` (``resources["readout"]``), as plain values: the
    template escapes each. Text-direction controls are taken out of file names and parameter values."""
    shown = {k: (Path(v).name if k.endswith("_path") and isinstance(v, str) and v else v)
             for k, v in context.parameters.items() if k not in ("statement_path", "output_dir")}
    stems = [s for s, _ in context.pages]
    i = stems.index(stem) if stem in stems else None
    return {
        "title": context.title,
        "collection": context.collection,
        "label": context.label or ("Collection" if context.collection else "Statement"),
        "source": _BIDI.sub("", context.source),
        "sha256": context.sha256,
        "run": _when(context.run),
        "commit": context.commit,
        "commit_short": (context.commit or "").split("+")[0][:10],
        "dirty": bool(context.commit and context.commit.endswith("+dirty")),
        "versions": list(context.versions.items()),
        "command": _BIDI.sub("", _command(context, shown)),
        "parameters": [(str(k), _BIDI.sub("", repr(v))) for k, v in shown.items()],
        "notebooks": sorted(context.notebooks),  # links to these notebooks go to their pages
        "pages": list(context.pages),
        "stem": stem,
        "files_page": FILES_PAGE,
        "warnings": [_BIDI.sub("", _file_named(w)) for w in context.warnings],
        "previous": context.pages[i - 1] if i else None,
        "next": context.pages[i + 1] if i is not None and i + 1 < len(stems) else None,
    }


def notebook_to_html(notebook: Path, target: Path, keep_code: bool = False, context: PageContext | None = None) -> None:
    """Export ``notebook`` to ``target`` as one self-contained HTML page, rendered by nbconvert's HTML
    exporter with our template (``templates/readout``) after :class:`readout.report.page.PagePreprocessor`.

    Code cells and prompts are left out unless ``keep_code``, and so are cells tagged ``notebook-only``;
    figures are embedded; no script is loaded from the network; a traceback or a warning names files,
    not where they sit. With ``context``, the page opens with the page menu, the statement's title, file,
    run, commit and sha256, a folded "For reproducing this report" box, a folded glossary of the terms it
    uses and a table of contents; sections tagged ``detail`` are folded; links to sibling notebooks go to
    their pages; the menu is repeated at the end. Not for concurrent use from several threads.
    """
    node = nbformat.read(notebook, as_version=4)
    resources = {"readout": _page(context, notebook.stem)} if context is not None else None
    body, _ = _exporter(keep_code).from_notebook_node(node, resources=resources)
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
<title>Files and tables: {title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }}
code {{ font-size: 0.9em; word-break: break-all; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; }}
th, td {{ text-align: left; padding: 0.3rem 0.8rem 0.3rem 0; border-bottom: 1px solid #ddd;
          vertical-align: top; }}
nav ul {{ list-style: none; display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; padding: 0; margin: 0.3rem 0; }}
nav a[aria-current=page] {{ font-weight: bold; color: inherit; text-decoration: none; }}
.failed {{ color: #b2182b; font-weight: bold; }}
.ok {{ color: #1a7f37; }}
.warn {{ background: #fff4ce; padding: 0.5rem 0.8rem; border-left: 4px solid #d4a106; }}
.scroll {{ overflow-x: auto; }}
h1, p {{ overflow-wrap: anywhere; }}
</style>
</head>
<body>
<nav aria-label="Pages of this report"><ul>{menu}</ul></nav>
<h1>Files and tables</h1>
<p>Report on <strong>{title}</strong>: file <code>{source}</code> &middot; sha256 <code>{sha}</code> &middot; status
<span class="{status}">{status}</span></p>
{warnings}
<h2>Pages</h2>
<p>Each page answers one question about the statement; the executed notebook beside it is the same analysis
with its code, for JupyterLab.</p>
<div class="scroll"><table>
<tr><th>page</th><th>status</th><th>seconds</th><th>executed notebook</th></tr>
{rows}
</table></div>
<h2>Tables (CSV)</h2>
<p>The numbers behind the pages, one row per sentence, term or actor; they open in any spreadsheet.</p>
<ul>
{tables}
</ul>
<p><a href="manifest.json">manifest.json</a>: input, parameters, versions and timings of this run.</p>
</body>
</html>
"""


def write_files_page(report_dir: Path, manifest: dict) -> Path:
    """Write :data:`FILES_PAGE` in ``report_dir``: the report's page menu, then every notebook page with its
    status and time, executed notebook and table. Every value taken from the statement or the manifest is
    escaped: text is data, never markup. Returns the page's path."""
    e = html.escape
    rows, menu = [], []
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
        menu.append(f'<li><a href="{e(stem)}.html">{e(page_name(stem))}</a></li>')
    menu.append(f'<li><a aria-current="page" href="{FILES_PAGE}">Files and tables</a></li>')
    tables = [f'<li><a href="tables/{e(t)}">{e(t)}</a></li>' for t in manifest.get("tables", [])]
    warnings = "".join(f'<p class="warn">{e(w)}</p>' for w in manifest["input"].get("warnings", []))
    page = _PAGE.format(
        title=e(manifest.get("title") or manifest["slug"]),
        menu="".join(menu),
        source=e(Path(manifest["input"]["path"]).name),
        sha=e(manifest["input"]["sha256"]),
        status=e(manifest["status"]),
        warnings=warnings,
        rows="\n".join(rows),
        tables="\n".join(tables) or "<li>none</li>",
    )
    target = report_dir / FILES_PAGE
    target.write_text(page, encoding="utf-8")
    return target


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
<tr><th>statement</th><th>dated</th><th>file</th><th>run finished (UTC)</th><th>status</th><th>tone</th><th>themes, in order</th></tr>
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
    its date (given or read from the text; blank when it has none), file, when the run finished, status, headline tone and themes. Written to a temporary file and
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
            f'<td>{e(str(manifest.get("date") or ""))}</td>'
            f'<td><code>{e(Path(str(manifest.get("input", {}).get("path", ""))).name)}</code></td>'
            f"<td>{e(finished.replace('T', ' ').removesuffix('+00:00'))}</td>"
            f'<td class="{e(status.split()[0])}">{e(status)}</td>'
            f"<td>{e(_headline(folder, 'What tone does it take?'))}</td>"
            f"<td>{e(_headline(folder, 'What is it about?'))}</td></tr>"
        )
    page = _ARCHIVE.format(count=f"{len(rows)} report{'s' if len(rows) != 1 else ''}",
                           rows="\n".join(rows) or '<tr><td colspan="7">no reports yet</td></tr>')
    target = outputs / "index.html"
    partial = outputs / f".index-{os.getpid()}.html"
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, target)
    return target
