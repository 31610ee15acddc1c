"""Turning executed notebooks into pages a reader who never sees code can open offline."""

from __future__ import annotations

import functools
import html
from pathlib import Path

from . import _fastimport  # noqa: F401  (before nbformat: see the module)
from typing import TYPE_CHECKING

import nbformat

if TYPE_CHECKING:
    from nbconvert import HTMLExporter

__all__ = ["notebook_title", "notebook_to_html", "warm_up", "write_index"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.lru_cache(maxsize=2)
def _exporter(keep_code: bool) -> "HTMLExporter":
    """One exporter per setting: building its templates is most of an export's cost.

    nbconvert is imported here, not at the top, so that the runner can start the
    kernels first and build the exporter while they work (:func:`warm_up`).
    """
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="readout",
        extra_template_basedirs=[str(_TEMPLATES)],
        exclude_input=not keep_code,
        exclude_input_prompt=not keep_code,
        exclude_output_prompt=True,
        # Validate once after all preprocessors, not after each: each
        # validation compiles the notebook schema anew (~35 ms x 12 here).
        optimistic_validation=True,
    )


def warm_up(keep_code: bool = False) -> None:
    """Build the exporter and its templates ahead of time (the runner does this while notebooks execute)."""
    _exporter(keep_code).from_notebook_node(nbformat.v4.new_notebook())


def notebook_to_html(notebook: Path, target: Path, keep_code: bool = False) -> None:
    """Export ``notebook`` to ``target`` as one self-contained HTML page.

    Code cells and prompts are left out unless ``keep_code``; figures are
    embedded; no script is loaded from the network. Not for concurrent use
    from several threads.
    """
    body, _ = _exporter(keep_code).from_notebook_node(nbformat.read(notebook, as_version=4))
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
</style>
</head>
<body>
<h1>{title}</h1>
<p>Report on <code>{source}</code> &middot; sha256 <code>{sha}</code> &middot; status
<span class="{status}">{status}</span></p>
{warnings}
<h2>Notebooks</h2>
<table>
<tr><th>page</th><th>status</th><th>seconds</th><th>executed notebook</th></tr>
{rows}
</table>
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
