"""The report's first page: the statement's headline figures on one screen, each with a reading and a link.

Every figure is rendered from the statement's rows (:func:`readout.analyses.rows.analyse`): the
same rows the corpus engine stores, computed by the same functions the analysis notebooks call.
So the summary, a corpus table and the notebooks cannot disagree, and a headline has one route.
Each headline links to the section that explains it: in JupyterLab the link opens the notebook;
in an HTML report the export points it at the notebook's page.

Statement text is data: every value is escaped when the headlines are shown as HTML, and the
only markup is the table and the links to our own sections.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pandas as pd

from readout.analyses.rows import StatementRows
from readout.analyses.style.readability import grade_band
from readout.analyses.topics.themes import COVERAGE_WARNING_BELOW, SUBSTANCE_SHARE, theme_key

__all__ = ["Headline", "Headlines", "headlines", "anchor", "coverage_warning", "SECTIONS"]


def anchor(heading: str) -> str:
    """The id the HTML export gives a heading: its text with each space made a hyphen."""
    return heading.strip().replace(" ", "-")


#: Where each headline is explained: (notebook, heading of the section).
SECTIONS = {
    "built": ("01-anatomy.ipynb", "Paragraphs and list items"),
    "readability": ("02-style.ipynb", "How hard is it to read?"),
    "tone": ("03-tone.ipynb", "The diplomatic tone"),
    "actors": ("03-tone.ipynb", "Whom does it press, whom does it praise?"),
    "themes": ("04-topics.ipynb", "Policy themes"),
    "silences": ("04-topics.ipynb", "Silences"),
    "terms": ("04-topics.ipynb", "Key terms and phrases"),
    "speaker": ("05-actors.ipynb", "Who speaks"),
    "credit": ("05-actors.ipynb", "Who credits whom"),
    "commitments": ("05-actors.ipynb", "The commitment ledger"),
}


@dataclass(frozen=True)
class Headline:
    """One question a reader asks, the figure that answers it, a plain reading, and where it is explained."""

    question: str
    figure: str
    reading: str
    section: str  # a key of SECTIONS
    warning: str = ""  # what the reader must know before trusting the figure ("" when nothing)

    @property
    def link(self) -> str:
        """The section's address: ``notebook.ipynb#Heading-id``."""
        notebook, heading = SECTIONS[self.section]
        return f"{notebook}#{anchor(heading)}"


@dataclass(frozen=True)
class Headlines:
    """The headlines of one statement; shown as an HTML table in a notebook, ``table()`` for CSV."""

    rows: tuple[Headline, ...]

    def table(self) -> pd.DataFrame:
        """question, figure, reading and the section's address, one row per headline."""
        return pd.DataFrame([(h.question, h.figure, h.reading, h.warning, h.link) for h in self.rows],
                            columns=["question", "figure", "reading", "warning", "explained_in"]).set_index("question")

    def about(self, notebook: str) -> Headlines:
        """The headlines a notebook explains (``"03-tone.ipynb"``: the tone and toward whom), in order: what
        that notebook's page opens with."""
        return Headlines(tuple(h for h in self.rows if SECTIONS[h.section][0] == notebook))

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f'<tr><th scope="row">{e(h.question)}</th><td class="readout-figure">{e(h.figure)}</td>'
            f'<td>{_warning_html(h.warning)}{e(h.reading)} <a href="{e(h.link)}">{e(_link_text(h.section))}</a></td></tr>'
            for h in self.rows)
        return (f'<table class="readout-headlines"><thead><tr><th>question</th><th>answer</th>'
                f'<th>reading</th></tr></thead><tbody>{rows}</tbody></table>')

    def _repr_markdown_(self) -> None:  # never offer statement text as Markdown to a renderer
        return None


def _warning_html(warning: str) -> str:
    """A warning as a marked paragraph before the reading (nothing when there is none)."""
    if not warning:
        return ""
    return f'<strong class="readout-warning" role="note">Warning: {html.escape(warning)}</strong> '


def _link_text(section: str) -> str:
    notebook, heading = SECTIONS[section]
    return f"More: {heading.rstrip('?')} ({notebook.split('-', 1)[0]})"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' if n != 1 else ''}"


_NOT_ENGLISH = "not read: the statement does not look like English"


def _built(st: dict[str, Any]) -> Headline:
    where = f", datelined {st['dateline']}" if st["dateline"] else ""
    source = st.get("date_source")
    dated = (f" Dated {st['date']} ({'as given' if source == 'given' else 'from the ' + source})." if st.get("date")
             else " It carries no date (give one with --date, the date parameter or a metadata.csv beside the file).")
    named = (f" It has no headline: the title is its {st['title_source']} (give one with --title, the title "
             "parameter or a metadata.csv)." if st.get("title_source") in ("opening words", "file name") else "")
    return Headline("What is this statement?", st["title"],
                    f"{_plural(st['paragraphs'], 'paragraph')}, {_plural(st['sentences'], 'sentence')} and "
                    f"{st['words']:,} words of body text{where}.{dated}{named}", "built",
                    "Read with care: " + st["warnings"] + "." if st.get("warnings") else "")


def _readability(st: dict[str, Any]) -> Headline:
    grade, ease = st["fk_grade"], st["reading_ease"]
    if grade is None:
        why = ("it is built for English, and the statement does not look like English" if not st["english"]
               else "the statement has no words with letters to read")
        return Headline("How hard is it to read?", "not computed", f"Readability not computed: {why}.", "readability")
    return Headline("How hard is it to read?", f"Flesch-Kincaid grade {grade:.1f}",
                    f"{grade_band(grade).capitalize()}; Flesch Reading Ease {ease:.0f} of 100. Plain-language "
                    "guidance aims at grade 8 or below; on a short text the indices are rough.", "readability")


def _tone(st: dict[str, Any]) -> Headline:
    if not st["english"]:
        return Headline("What tone does it take?", _NOT_ENGLISH, "The tone measures read English words only.", "tone")
    tone, label = st["tone_score"], st["tone_label"]
    strength = "" if label in ("neutral", "mixed") else (
        "strongly " if abs(tone) >= 0.5 else "clearly " if abs(tone) >= 0.2 else "mildly ")
    toward = [f"{verb} {st[field]}" for verb, field in (("presses", "most_pressed"), ("praises or supports", "most_praised"))
              if st.get(field)]
    return Headline(
        "What tone does it take?", f"{strength}{label} (tone score {tone:+.2f})"
        + (": " + ", ".join(toward) if toward else ""),
        f"Cooperation carries {st['tone_cooperation']:.0%} of the statement and pressure {st['tone_pressure']:.0%} "
        f"(tone score = cooperation − pressure, −1 to +1; a sentence carries a register fully with a strong word "
        f"or two plain ones), from {st['tone_sentences']} of {st['sentences']} sentences with a word of either. "
        f"The general lexicon VADER reads {st['vader']:+.2f} without names and labels; general lexicons misread "
        "diplomatic language, so read the evidence before quoting either.", "tone")


def _actors(actors: list[dict[str, Any]], english: bool, warning: str = "", st: dict[str, Any] | None = None) -> Headline:
    named = [a for a in actors if a["sentences"] > 0 or (a.get("praise") or 0) + (a.get("pressure") or 0) > 0]
    if not named:
        return Headline("Toward whom?", "no actor named",
                        "The statement names none of the actors in the actor list.", "actors")
    top = sorted(named, key=lambda a: -a["sentences"])[:3]  # stable: ties keep the order of first mention
    if not english:
        return Headline("Toward whom?", _NOT_ENGLISH, "The tone measures read English words only; most named: "
                        + ", ".join(f"{a['actor']} ({_plural(a['sentences'], 'sentence')})" for a in top) + ".",
                        "actors")
    by_name = {a["actor"]: a for a in actors}
    pressed = by_name.get((st or {}).get("most_pressed") or "")
    praised = by_name.get((st or {}).get("most_praised") or "")
    parts = []
    for verb, a, weight in (("presses", pressed, "pressure"), ("praises or supports", praised, "praise")):
        if a is not None:
            n = len({x for x in (a.get("aimed_sentences") or "").split(", ") if x}) or a["sentences"]
            parts.append(f"{verb} {a['actor']} most ({a['tone_toward']:+.2f}; {weight} {a[weight]} in "
                         f"{_plural(n, 'sentence')})")
    if not parts:
        return Headline("Toward whom?", "no actor praised or pressed",
                        "No word of praise or pressure is aimed at an actor the tool recognises; most named: "
                        + ", ".join(f"{a['actor']} ({_plural(a['sentences'], 'sentence')})" for a in top) + ".",
                        "actors", warning)
    return Headline("Toward whom?", "; ".join(parts),
                    "The tone aimed at each actor: praise, support or thanks for it count for it, condemnation, "
                    "demands, sanctions and accusations of it against it (−1 only pressed, +1 only praised; the "
                    "weights are sums of the lexicon's weights), each word given to its actor by the sentence's "
                    "dependency parse; the tone page lists every sentence behind each number.", "actors", warning)


def _themes(st: dict[str, Any], themes: list[dict[str, Any]]) -> list[Headline]:
    if not st["english"]:
        return [Headline("What is it about?", _NOT_ENGLISH, "The theme lexicon lists English words only.", "themes"),
                Headline("What does it leave out?", _NOT_ENGLISH, "Silences need themes that can be read.",
                         "silences")]
    by_key = {theme_key(t["theme"]): t for t in themes}
    top = [by_key[k] for k in (st["top_themes"] or "").split("; ") if k in by_key]
    substance = [t for t in top if t["word_share"] >= SUBSTANCE_SHARE] or top[:1]
    minor = [t for t in top if t not in substance]
    sentence_cover, word_cover = st["themed_sentence_share"] or 0.0, st["themed_word_share"] or 0.0
    terms = ", ".join((st["key_terms"] or "").split("; ")[:5])
    low = sentence_cover < COVERAGE_WARNING_BELOW
    warning = (f"The themes describe only part of this statement: {sentence_cover:.0%} of its sentences carry one "
               f"(below {COVERAGE_WARNING_BELOW:.0%}). The key terms, which need no lexicon, are the better guide"
               + (f": {terms}." if terms else ".")) if low else ""
    if not top:
        about = Headline("What is it about?", "no listed theme",
                         "None of the theme lexicon's words occur; the key terms say what it is about"
                         + (f": {terms}." if terms else "."), "themes", warning)
    else:
        about = Headline(
            "What is it about?", ", ".join(f"{t['theme']} ({t['word_share']:.0%})" for t in substance),
            f"The themes with the largest share of the words, those with {SUBSTANCE_SHARE:.0%} or more (a "
            f"sentence's words are split among its themes)"
            + ("; less: " + ", ".join(f"{t['theme']} ({t['word_share']:.0%})" for t in minor) if minor else "") + "; "
            f"{sentence_cover:.0%} of the sentences carry a theme and {word_cover:.0%} of the content words are "
            f"a theme's words. Themes after the Comparative Agendas Project's major topics.", "themes", warning)
    missing = st["silences"].split("; ") if st["silences"] else []
    expected = st["themes_expected"]
    if not expected:
        silent = Headline("What does it leave out?", "no basis for an expectation",
                          "What a statement leaves out depends on what statements of its kind cover: give the "
                          "themes you expect (expected_themes), or compare it with its peers (the comparison "
                          "lists the themes most of them cover and this one does not).", "silences")
    else:
        silent = Headline(
            "What does it leave out?", ", ".join(missing) if missing else "none of the expected themes",
            f"{len(missing)} of the {expected} themes you expect never "
            f"{'appears' if len(missing) == 1 else 'appear'}; a silence means no listed word for the theme occurs.",
            "silences")
    return [about, silent]


def _terms(st: dict[str, Any]) -> Headline:
    terms = st["key_terms"].split("; ") if st["key_terms"] else []
    phrases = st["key_phrases"].split("; ") if st["key_phrases"] else []
    if not terms:
        return Headline("Which words stand out?", "no content words", "The body has no content words.", "terms")
    return Headline("Which words stand out?", ", ".join(terms),
                    "Top terms by TF-IDF over the sentences" + (f"; top phrases: {', '.join(phrases)}." if phrases
                                                                else "."), "terms")


def coverage_warning(st: dict[str, Any]) -> str:
    """What a reader must know about the actor readings of a statement row ("" when coverage is within
    the thresholds of :mod:`readout.analyses.actors.coverage`)."""
    from readout.analyses.actors.coverage import MAX_UNATTRIBUTED, MIN_NAMES_RECOGNISED

    parts = []
    if not st.get("speaker_known", True):
        parts.append('the speaker could not be read, so "we" and "our" are unresolved')
    names = st.get("names_recognised")
    if names is not None and names < MIN_NAMES_RECOGNISED:
        missed = (st.get("unrecognised_names") or "").split("; ")
        parts.append(f"only {names:.0%} of the names in the text are actors the tool knows (not known: "
                     + ", ".join(missed[:4]) + (" …" if len(missed) > 4 else "") + ")")
    unattributed = st.get("unattributed_events")
    if unattributed is not None and unattributed > MAX_UNATTRIBUTED:
        parts.append(f"{unattributed:.0%} of the events have no actor the parse names")
    return ("; ".join(parts) + ". These figures may leave out who matters.") if parts else ""


def _speaker(st: dict[str, Any]) -> Headline:
    if not st.get("speaker"):
        return Headline("Who speaks?", "unknown",
                        "No header, signature, dateline or opening names the speaker, so \"we\" and \"our\" stay "
                        "unresolved in the actor tables.", "speaker", coverage_warning(st))
    return Headline("Who speaks?", st["speaker"],
                    f"Read from the {st['speaker_rule']}: “{st['speaker_evidence']}”. \"We\" and \"our\" stand for "
                    "the speaker in the actor tables.", "speaker")


def _unattributed(st: dict[str, Any]) -> int:
    """How many of the statement's events have no actor the parse names (from the stored share)."""
    return round((st["unattributed_events"] or 0.0) * st["actions"])


def _credit(st: dict[str, Any], edges: list[dict[str, Any]]) -> Headline:
    if st["actions"] is None:
        return Headline("Who credits whom?", "not computed",
                        "Events not computed: the statement does not look like English.", "credit")
    figure = "; ".join(f"{e['from_actor']} → {e['to_actor']} ({e['kind']}, {e['events']})" for e in edges)
    missing = _unattributed(st)
    reading = ("Credit (an event of cooperation: support, praise, agreement, talks, aid) or pressure (an event of "
               "conflict: a request, accusation, rejection, threat, sanction) from one named actor to another, "
               "counted over the events whose actor the parse names and whose recipient is an actor. "
               + (f"{missing} of the {_plural(st['actions'], 'event')} found {'has' if missing == 1 else 'have'} "
                  "no actor the parse names and could not be counted." if missing else
                  "The parse names the actor of every event found."))
    return Headline("Who credits whom?", figure or "no actor credits or presses another", reading, "credit",
                    coverage_warning(st))


def _commitments(st: dict[str, Any], ledger: list[dict[str, Any]]) -> Headline:
    if st["commitments"] is None:
        return Headline("Who promises what?", "not computed",
                        "Commitments not computed: the statement does not look like English.", "commitments")
    missing = _unattributed(st)
    unread = (f" {missing} of the {_plural(st['actions'], 'event')} found {'has' if missing == 1 else 'have'} no "
              "actor the parse names; any promise among them is left out." if missing else "")
    if not ledger:
        return Headline("Who promises what?", "no commitment",
                        "No actor the parse names commits itself to a future act (\"will\", \"committed to\", "
                        "\"seek to\", \"can\")." + unread, "commitments")
    by = Counter(c["actor"] for c in ledger)
    negated = st["negated_commitments"]
    figure = f"{_plural(st['commitments'], 'commitment')}, {st['firm_commitments']} firm" + (
        f", {negated} negated" if negated else "")
    return Headline("Who promises what?", figure,
                    "An actor's own future act, firm (\"will\", \"committed to\") or soft (\"can\", \"seek to\"); "
                    "made by " + ", ".join(f"{a} ({n})" for a, n in by.most_common()) + ". The count includes "
                    "negated commitments, promises not to act (\"will never recognise\"): "
                    + (f"{negated} here." if negated else "none here.") + unread, "commitments")


def headlines(rows: StatementRows) -> Headlines:
    """The statement's headlines, rendered from its rows, findings first: its tone and toward whom, who
    speaks, who credits whom and promises what, what it covers and leaves out, which words stand out;
    then what it is and how it reads."""
    st = rows.statement
    return Headlines((_tone(st), _actors(rows.records("actor"), st["english"], coverage_warning(st), st),
                      _speaker(st), _credit(st, rows.records("edge")), _commitments(st, rows.records("commitment")),
                      *_themes(st, rows.records("theme")), _terms(st), _built(st), _readability(st)))
