"""The package installs without warnings, its Makefile commands start where users run them (as root too), and its
README stays a newcomer's page whose links, and those of docs/, all lead somewhere."""

from __future__ import annotations

import html
import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_license_is_an_spdx_expression_that_the_build_backend_reads():
    # a TOML table ({ text = "MIT" }) makes setuptools 77 and later print a deprecation warning on every
    # install; an SPDX string needs setuptools 77
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert project["build-system"]["requires"] == ["setuptools>=77"]


def test_every_folder_that_installs_files_is_a_listed_package():
    """setuptools warns, on every install, of a folder whose files it installs but that `packages` does not
    list ("Package 'readout.data' is absent from the `packages` configuration"): each folder of lib/ that
    holds files is listed, the data and template folders too."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = set(project["tool"]["setuptools"]["packages"])
    lib = ROOT / "lib"
    folders = {"readout" + "".join("." + part for part in d.relative_to(lib).parts)
               for d in [lib, *lib.rglob("*")] if d.is_dir() and "__pycache__" not in d.parts
               and any(f.is_file() for f in d.iterdir()) and not d.name.endswith(".egg-info")}
    assert folders - packages == set()
    assert {"readout.data", "readout.report.templates.readout"} <= packages


def test_make_lab_passes_allow_root_only_as_root():
    import os
    import shutil
    import subprocess

    import pytest

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    shown = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lab = [line for line in shown.splitlines() if "jupyter lab" in line]
    assert len(lab) == 1 and lab[0].endswith("notebooks/")
    assert ("--allow-root" in lab[0]) == (os.geteuid() == 0)


# The README is for a newcomer; the engineer's material lives in docs/, each page linked from the README.

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
_FENCED = re.compile(r"^```.*?^```", re.M | re.S)
_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")  # [text](target) and ![alt](target)


def _links(page: Path) -> list[str]:
    """The link targets of a Markdown page, code blocks and code spans left out (they are not links)."""
    text = _CODE.sub("", _FENCED.sub("", page.read_text(encoding="utf-8")))
    return _LINK.findall(text)


def _anchors(page: Path) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#{1,6} +(.+?) *$", _FENCED.sub("", page.read_text(encoding="utf-8")), re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_the_readme_is_short_and_has_no_todo():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 350, f"README.md has {len(lines)} lines; move detail to docs/ (at most 350)"
    for page in (README, *DOCS):
        assert "TODO" not in page.read_text(encoding="utf-8"), page.name


def test_every_docs_page_is_linked_from_the_readme():
    assert DOCS, "docs/ holds no page"
    linked = {(README.parent / target.split("#", 1)[0]).resolve() for target in _links(README)}
    unlinked = [page.name for page in DOCS if page.resolve() not in linked]
    assert not unlinked, f"README.md links no docs/ page named {unlinked}"


def test_every_relative_link_in_the_readme_and_docs_points_at_a_file():
    broken = []
    for page in (README, *DOCS):
        for target in _links(page):
            if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: …: not a file of the project
                continue
            path, _, anchor = target.partition("#")
            file = (page.parent / path).resolve() if path else page
            if not file.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
            elif anchor and file.suffix == ".md" and anchor not in _anchors(file):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, "broken links:\n" + "\n".join(broken)


def test_the_readme_quotes_the_seeds_summary_as_it_is():
    """The findings in "What you get" are the seed's summary lines as the committed summary notebook shows them
    (nbval keeps that notebook to a fresh run): re-copy them from a report's tables/summary.csv when they change."""
    section = README.read_text(encoding="utf-8").split("## What you get\n", 1)[1].split("\n## ", 1)[0]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in section.splitlines()
            if line.startswith("| ") and not line.startswith("| question")]
    assert 4 <= len(rows) <= 6, rows
    notebook = json.loads((ROOT / "notebooks" / "00-summary.ipynb").read_text(encoding="utf-8"))
    shown = "\n".join(html.unescape("".join(output.get("data", {}).get(kind, "")))
                      for cell in notebook["cells"] for output in cell.get("outputs", [])
                      for kind in ("text/plain", "text/html"))
    for question, answer in rows:
        assert question in shown and answer in shown, f"the seed's summary no longer says {question} {answer!r}"
