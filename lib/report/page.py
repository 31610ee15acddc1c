"""What a report page makes of an executed notebook before nbconvert renders it with our template.

:class:`PagePreprocessor` is an nbconvert preprocessor: it cuts the directories out of paths in
tracebacks and printed text (:func:`strip_directories`) and, for a page of a report (the exporter is
given ``resources["readout"]``, the page's facts: see :func:`readout.report.export.notebook_to_html`),
moves the first cell's parameter list to the "For reproducing this report" box, points links to
sibling notebooks at their pages, and finds the page's heading, its sections (the table of contents)
and the sections it folds. The template (``templates/readout/index.html.j2``) draws the page from
those facts; :func:`glossary_terms` is its filter for the terms the page uses.

Imported when the first page is exported (nbconvert is not needed before).
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree

from nbconvert.filters.markdown_mistune import MarkdownWithMath
from nbconvert.filters.strings import add_anchor
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

from readout.report.glossary import Term, terms_on

__all__ = ["DETAIL", "FOLD", "NOTEBOOK_ONLY", "PagePreprocessor", "glossary_terms", "strip_directories"]

#: The tag of cells a page leaves out (they stay in the notebook).
NOTEBOOK_ONLY = "notebook-only"
#: The tag of a section heading (a markdown cell with a "## " heading) whose section a page folds: detail
#: and method, opened on demand, after the findings.
DETAIL = "detail"
#: The metadata key of a cell at which a page closes a folded section (``"close": True``) or opens one
#: (``"open"``: its title); set by :class:`PagePreprocessor`, read by the template.
FOLD = "readout_fold"

_PARAMETERS = "\n**Parameters**\n"  # where a notebook's first cell starts listing its parameters
# A link to a sibling notebook: in HTML (our own display code's: statement text is escaped, so never
# matches), and in markdown (a notebook's own text, never a statement's).
_HTML_LINK = re.compile(r'(<a href=")(\d\d-[\w-]+)\.ipynb(?=[#"])')
_MARKDOWN_LINK = re.compile(r'(<a href="|\]\()(\d\d-[\w-]+)\.ipynb(?=[#")])')
# An absolute path's directories: after a space, quote, bracket, "=" or a terminal colour code.
_DIRECTORIES = re.compile(r"""(\x1b\[[0-9;]*m|^|[\s'"(\[=])(/(?:[^\s/'"()\[\]:,\x1b]+/)+)""", re.M)


def strip_directories(text: str) -> str:
    """``text`` with the directories of every absolute path cut to "…/" ("/home/ana/lib/x.py" → "…/x.py"),
    so that a page shows file names, never where they sit on someone's machine."""
    return _DIRECTORIES.sub(lambda m: m.group(1) + "…/", text)


def glossary_terms(html: str) -> list[Term]:
    """The template's filter: the glossary terms the page's cells (their HTML) use, in glossary order."""
    return terms_on(html)


def _text(tokens: list[dict[str, Any]]) -> str:
    """The text of a heading's inline tokens, as its rendered HTML reads (code and math as written)."""
    parts = []
    for token in tokens:
        if "children" in token:
            parts.append(_text(token["children"]))
        elif token["type"] == "inline_math":
            parts.append(f"${token['raw']}$")
        elif token["type"] != "inline_html":  # a tag: no text of its own
            parts.append(token.get("raw", ""))
    return "".join(parts)


def _anchor(text: str) -> str:
    """The id nbconvert gives a heading of this text (its own rule, :func:`nbconvert.filters.strings.add_anchor`)."""
    heading = ElementTree.Element("h2")
    heading.text = text
    return ElementTree.fromstring(add_anchor(ElementTree.tostring(heading).decode())).get("id", "")


class PagePreprocessor(Preprocessor):
    """Prepare an executed notebook for its page (see the module's docstring). Facts for the template go to
    ``resources["readout"]``: ``described`` (the parameter list, markdown), ``sections`` (anchor and title
    of each "## " heading, in order) and ``folded_at_end`` (a folded section runs to the page's end); the
    page title (its "# " heading and the statement's title) to the notebook's ``title`` metadata."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        for cell in nb.cells:  # a traceback or a warning names files by their full path: keep the names only
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    output["traceback"] = [strip_directories(line) for line in output.get("traceback", [])]
                    output["evalue"] = strip_directories(output.get("evalue", ""))
                elif output.get("output_type") == "stream":
                    output["text"] = strip_directories(output.get("text", ""))
        page = resources.get("readout")
        if not page:
            return nb, resources
        if nb.cells and nb.cells[0].cell_type == "markdown":
            # The notebook's first cell says what it answers, then lists its parameters by their code names:
            # on a page that list belongs in the "For reproducing this report" box, not above the findings.
            opening, marker, listed = nb.cells[0].source.partition(_PARAMETERS)
            if marker:
                nb.cells[0].source = opening.rstrip()
                page["described"] = listed.strip()
        siblings = set(page.get("notebooks", ()))

        def to_page(m: re.Match[str]) -> str:
            return f"{m.group(1)}{m.group(2)}.html" if m.group(2) in siblings else m.group(0)

        parse = MarkdownWithMath(renderer=None)  # nbconvert's own markdown parser: headings as it renders them
        heading, sections, folded = "", [], False
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "text/html" in data:
                    data["text/html"] = _HTML_LINK.sub(to_page, data["text/html"])
            if cell.cell_type != "markdown":
                continue
            cell.source = _MARKDOWN_LINK.sub(to_page, cell.source)
            titles = {1: [], 2: []}
            for token in parse(cell.source):
                if token["type"] == "heading" and token["attrs"]["level"] in titles:
                    titles[token["attrs"]["level"]].append(_text(token["children"]).strip())
            heading = heading or next(iter(titles[1]), "")
            sections += [(_anchor(title), title) for title in titles[2]]
            if titles[2]:  # a section starts here: a folded one before it ends, a detail one begins
                fold = {"close": folded}
                folded = DETAIL in cell.metadata.get("tags", [])
                if folded:
                    fold["open"] = titles[2][0]
                cell.metadata[FOLD] = fold
        page.update(sections=sections, folded_at_end=folded)
        nb.metadata["title"] = f"{heading or 'Report'} | {page.get('title', '')}"
        return nb, resources
