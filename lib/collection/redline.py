"""How does B read with its changes marked? The redline page of a diff.

B's text paragraph by paragraph, each sentence marked as the alignment of :mod:`.change` reads it:
added (underlined), reworded (its changed words marked: A's struck through, B's underlined), moved
(dotted), kept (plain; a kept sentence with a few words changed has them marked), and A's dropped sentences struck through where they stood. Each sentence
carries its ids (B's, and A's where it has one) and is the target of a link to ``redline.html#b-p1s2`` (B's
sentence) or ``#a-p1s2`` (A's, kept, reworded, moved or dropped), as the diff page's findings link them. The page is one file with its style inside: it opens
offline and prints in black and white (the marks are underline and strike-through, not colour alone).
Every text taken from the statements is escaped by the template (Jinja's autoescape).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .change import KEPT, REWORDED, Diff, Link, carried_over, run_spacing, word_changes

__all__ = ["redline_html", "write_redline", "REDLINE_PAGE"]

#: The redline page's file name in a diff report.
REDLINE_PAGE = "redline.html"

@dataclass(frozen=True)
class _Item:
    kind: str
    sid_a: str
    sid_b: str
    runs: list[tuple[str, str]]
    spaced: list[bool]


def _item(link: Link) -> _Item:
    if link.b is None:
        runs = [("dropped", link.a.text if link.a else "")]
    elif link.a is not None and link.a.text != link.b.text:  # reworded, or kept with a few words changed
        runs = word_changes(link.a, link.b)
    else:
        runs = [("added" if link.kind == "added" else "same", link.b.text)]
    return _Item(link.kind, link.a.id if link.a else "", link.b.id if link.b else "", runs, run_spacing(runs))


def _paragraphs(links: list[Link]) -> list[list[_Item]]:
    """The lines grouped by B's paragraphs; a dropped sentence joins the paragraph it stands in."""
    out: list[list[_Item]] = []
    current = next((link.b.paragraph_id for link in links if link.b is not None), None)
    for link in links:
        paragraph = link.b.paragraph_id if link.b is not None else current
        if paragraph != current or not out:
            out.append([])
            current = paragraph
        out[-1].append(_item(link))
    return out


def redline_html(d: Diff) -> str:
    """The redline page of ``d`` (see the module note), as HTML text."""
    import jinja2

    template = resources.files("readout.collection").joinpath("redline.html.j2").read_text(encoding="utf-8")
    page = jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(template)
    counts = (f"B carries over {carried_over(d.links):.0%} of its words from A, in sentences kept. Of B's "
              f"{len(d.b.sentences)} sentences, {d.count('kept')} are kept, {d.count('reworded')} reworded, "
              f"{d.count('moved')} moved and {d.count('added')} added; {d.count('dropped')} of A's "
              f"{len(d.a.sentences)} are dropped.")
    date = lambda s: s.date.date.isoformat() if s.date is not None else ""  # noqa: E731
    return page.render(title_a=d.a.title, title_b=d.b.title, file_a=Path(d.a.path).name, file_b=Path(d.b.path).name,
                       date_a=date(d.a), date_b=date(d.b), words_a=d.a.n_words, words_b=d.b.n_words, counts=counts,
                       paragraphs=_paragraphs(d.links), kept=f"{KEPT:.0%}", reworded=f"{REWORDED:.0%}")


def write_redline(d: Diff, folder: str | Path) -> Path:
    """Write :data:`REDLINE_PAGE` of ``d`` in ``folder``; returns its path."""
    target = Path(folder) / REDLINE_PAGE
    target.write_text(redline_html(d), encoding="utf-8")
    return target
