"""How well does the tool read real statements? Figures on a labelled folder, with every miss.

A labelled folder is laid out like ``../shared/corpus/``: ``DIR/labels.csv`` (UTF-8, a header row,
one row per statement) and the texts under ``DIR/`` at the path its ``file`` column gives
(``statements/NNN_slug.txt``). The columns read here are ``file``, ``speaker``, ``praised``, ``tone``,
``topics`` (theme keys, the primary first; ``tone`` and ``topics`` may be absent) and
``pressed``; ``praised`` and ``pressed`` hold actors separated by ";" (empty when none), each "as the
text names it", with other names in brackets ("Daniel Ortega (Ortega-Murillo regime)").

The figures, each with its misses:

* **topics**: the labelled primary topic among the three themes with the largest share of words
  (:func:`~readout.analyses.topics.themes.top_themes`), and the precision and recall of the labelled
  topics against the themes in substance (:func:`~readout.analyses.topics.themes.themes_in_substance`).
* **tone**: the document label against the labelled one (4 classes, with the confusion table), the
  sign on the positive and negative statements for the diplomatic tone, TextBlob and VADER, the mixed
  statements read mixed, and the precision and recall of the most pressed and most praised actor
  (:mod:`readout.analyses.stance`).

* **speaker accuracy**: statements whose speaker (:mod:`readout.analyses.actors.speaker`) is the
  labelled one, both read through the gazetteer as a set of actors ("United States and Japan" =
  {United States, Japan}). A statement whose speaker the rules cannot find counts as wrong.
* **recall of praised and pressed actors**: labelled actors that the statement's actors include.
  A label is matched, in this order, to a person or organisation found in the text (same name, or
  one name's words within the other's; a person also by surname), to an actor of the gazetteer
  that the label names whole ("Ortega-Murillo regime", "PRC"), or — when the rest of the label is
  plain words ("Belarusian people", "people of Hong Kong", "Russia's government") — to the country
  it names. A label that names nothing (no capitalised word past its first: "perpetrators of the
  killings", "separatist armed groups") is listed apart and not counted.
* **unresolved agents**: events (:func:`~readout.analyses.actors.events.extract_events`) whose
  actor no rule read, among all events: no subject found (a participle, a passive without "by"), or
  a pronoun no rule settled ("we" with no speaker found). An event whose subject names something the
  tool does not know as an actor ("The resolution condemns …", "Security forces detained …") has
  its subject, not an unresolved agent.
* **precision** is checked by hand, not here: a reader judges mentions drawn at random (the samples in
  ``bench/samples/`` say how they were drawn), and :func:`sample_precision` counts the verdicts of a
  judged sample file (mentions: right
  or wrong; references such as "we", "its", "the regime": right, wrong, or left unresolved rightly
  or not). :func:`sample_still_read` says how much of a judged sample the tool still reads as it was
  judged.

:func:`validate` returns the figures; ``python -m readout validate DIR`` prints them.

The **events** (issue #24) are scored on the folder's hand-labelled events (``DIR/events.csv``: one
row per sentence, actor, PLOVER category and recipient, with its mode, commitment and cue; every event
of the statements listed in ``DIR/events_files.txt`` is labelled; ``EVENTS.md`` there is the guideline)
and on PLOVER's gold-standard records (one news sentence each; by default ``plover/gsr-dev.json``
beside ``DIR``), by :func:`event_figures` and :func:`plover_figures`. How an event the tool read is
matched to a label:

* **sentences** by their text, with case, whitespace and punctuation folded (:func:`same_sentence`);
* **actors** as the labels give them: "United States; Japan" is the set of both, and each of ours must
  be named by one of them and each of them name one of ours; a name is matched through the gazetteer
  as for the praised and pressed actors, and a person, regime or institution counts for its country
  (:func:`names_actor`), as the guideline says a scorer should accept;
* **recipients**: both empty, or sharing a member; a group the gazetteer does not hold as a name
  ("protesters", "Swiss doctors") is matched to the object as written by its head word
  (:func:`names_in`); so is a PLOVER actor.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from readout.analyses.actors.events import CATEGORIES, MODES, Event, extract_events, load_event_scheme
from readout.analyses.actors.references import references
from readout.analyses.actors.speaker import speaker_of
from readout.analyses.stance import ActorTone, statement_stance
from readout.analyses.tone.diplomatic import TONE_LABELS, tone_table
from readout.analyses.tone.sentiment import document_table, score_statement, sign_word
from readout.analyses.topics.themes import (
    load_theme_lexicon,
    read_themes,
    theme_key,
    theme_share_table,
    themes_in_substance,
    top_themes,
)
from readout.errors import BadInputError, NotComputable, UsageError
from readout.text.mentions import ActorLexicon, find_mentions, load_actor_lexicon
from readout.text.people import TITLES
from readout.text.statement import Statement, load_statement, parse_statement

__all__ = ["LABEL_COLUMNS", "SAMPLE_COLUMNS", "REFERENCE_SAMPLE_COLUMNS", "Labelled", "read_labels", "Score",
           "Validation", "validate", "PARTS", "label_found", "read_sample", "sample_precision",
           "sample_still_read", "meets_targets", "format_validation", "TARGETS",
           "EVENT_LABELS", "EVENT_FILES", "EVENT_COLUMNS", "PLOVER_FILE", "PLOVER_CREDIT", "LabelledEvent",
           "EventLabels", "read_event_labels", "PloverRecord", "read_plover", "sentence_key", "same_sentence",
           "names_actor", "same_actors", "held_whole", "head_word", "share_head_word", "names_in", "shares_recipient",
           "event_figures",
           "EVENT_FIGURES", "plover_event", "plover_figures", "PLOVER_FIGURES"]

#: The columns ``labels.csv`` must have.
LABEL_COLUMNS = ("file", "speaker", "praised", "pressed")
#: The targets each figure is held to (issues #14, #15, #16): "at least" or "at most" the share.
TARGETS = {"primary topic among the top three themes": (0.85, "at least"),
           "topics found: precision": (0.70, "at least"), "topics found: recall": (0.80, "at least"),
           "tone label (4 classes)": (0.75, "at least"), "tone sign on polar statements": (0.90, "at least"),
           "mixed statements read mixed": (0.70, "at least"),
           "speaker accuracy": (0.95, "at least"), "recall of praised and pressed actors": (0.90, "at least"),
           "unresolved agents": (0.15, "at most"), "precision (hand-checked sample)": (0.95, "at least"),
           # issue #24: events on the labelled corpus and on PLOVER's records
           "event recall": (0.70, "at least"), "event precision": (0.80, "at least"),
           "commitment recall": (0.80, "at least"), "commitment precision": (0.90, "at least"),
           "PLOVER source accuracy": (0.85, "at least"), "PLOVER recipient accuracy": (0.75, "at least"),
           "PLOVER event accuracy": (0.70, "at least"), "PLOVER quad accuracy": (0.85, "at least"),
           # issue #26: what changed between two statements, on the labelled pairs (change_accuracy.py)
           "pair points found": (0.75, "at least"), "pair actor changes found": (0.90, "at least"),
           "pair tone-shift direction": (0.80, "at least")}


@dataclass(frozen=True)
class Labelled:
    """One labelled statement: its file (as written in ``labels.csv``), its path, and its labels."""

    file: str
    path: Path
    speaker: str
    praised: tuple[str, ...]
    pressed: tuple[str, ...]
    tone: str = ""  # positive, neutral, negative or mixed; "" when the folder has no tone column
    topics: tuple[str, ...] = ()  # theme keys, the primary first; () when the folder has no topics column


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split(";") if x.strip())


def _csv_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file that must have ``columns`` (a byte-order mark allowed); raises
    :class:`~readout.errors.BadInputError`, naming the file, for a missing column or a file that is not
    UTF-8 CSV."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise BadInputError(path, f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
                                          f" (it needs {', '.join(columns)})")
            return list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise BadInputError(path, f"cannot be read as UTF-8 CSV ({exc.__class__.__name__})") from None


def read_labels(folder: str | Path) -> list[Labelled]:
    """The rows of ``folder/labels.csv``, each with its text's path; checked whole first.

    Raises :class:`~readout.errors.BadInputError` (one line) when the folder, ``labels.csv``, a
    column of :data:`LABEL_COLUMNS` or a labelled text is missing, the file is not CSV text, or a text
    is labelled on more than one row (it would count more than once in every figure).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise BadInputError(folder, "labelled folder not found (it needs labels.csv and statements/)")
    labels = folder / "labels.csv"
    if not labels.is_file():
        raise BadInputError(labels, "not found: a labelled folder needs labels.csv with columns "
                                    + ", ".join(LABEL_COLUMNS))
    rows = _csv_rows(labels, LABEL_COLUMNS)
    if not rows:
        raise BadInputError(labels, "has no rows")
    out = []
    lines: dict[Path, list[int]] = {}  # each text (by its resolved path): the lines that label it
    for n, row in enumerate(rows, 2):
        name = (row.get("file") or "").strip()
        if not name:
            raise BadInputError(labels, f"line {n}: empty 'file'")
        path = folder / name
        if not path.is_file():
            raise BadInputError(labels, f"line {n}: {name} not found under {folder}")
        lines.setdefault(path.resolve(), []).append(n)
        if not (row.get("speaker") or "").strip():
            raise BadInputError(labels, f"line {n}: empty 'speaker'")
        tone = (row.get("tone") or "").strip().lower()
        if tone and tone not in TONE_LABELS:
            raise BadInputError(labels, f"line {n}: tone {tone!r} is none of {', '.join(TONE_LABELS)}")
        out.append(Labelled(name, path, row["speaker"].strip(), _split(row.get("praised", "")),
                            _split(row.get("pressed", "")), tone, _split(row.get("topics", ""))))
    twice = [found for found in lines.values() if len(found) > 1]
    if twice:
        first = twice[0]
        more = f"; {len(twice) - 1} more text{'s are' if len(twice) > 2 else ' is'} labelled twice or more" \
            if len(twice) > 1 else ""
        raise BadInputError(labels, f"{out[first[0] - 2].file} is labelled on lines "
                                    f"{', '.join(map(str, first[:-1]))} and {first[-1]}: give each statement one row"
                                    f"{more}")
    return out


# --- matching a label to what the tool found --------------------------------------------------

def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w' ]+", " ", text)).strip()


_TITLE_WORDS = {w for t in TITLES for w in _norm(t).split()} | {"former", "the"}
_PLAIN_GROUP = re.compile(r"^[a-z' ,-]*$")


def _alternatives(label: str) -> list[str]:
    """A label and the other names in its brackets: "Daniel Ortega (Ortega-Murillo regime)"."""
    main = re.sub(r"\s*\([^)]*\)", "", label).strip()
    inner = [x.strip() for b in re.findall(r"\(([^)]*)\)", label) for x in b.split(",") if x.strip()]
    return [x for x in [main, *inner] if x]


def _names_something(label: str) -> bool:
    """True if the label names an actor: it has a capitalised word ("Belarusian people", "Russia")."""
    return any(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w'’.-]*", label))


def label_found(label: str, statement: Statement, found: set[str], lexicon: ActorLexicon) -> str:
    """The actor found in ``statement`` that ``label`` names ("" if none); ``found`` are the names of
    the actors the statement's mentions name. See the module note for the order of the rules."""
    named = [statement.actors[a] for a in found if a in statement.actors]
    for alt in _alternatives(label):
        words = [w for w in _norm(alt).split() if w not in _TITLE_WORDS]
        if not words:
            continue
        for actor in named:  # a person or organisation by name
            for name in (actor.name, *actor.aliases):
                theirs = [w for w in _norm(name).split() if w not in _TITLE_WORDS]
                if theirs and (set(words) <= set(theirs) or set(theirs) <= set(words)) and (
                        len(theirs) > 1 or len(words) == 1 or actor.kind != "person"):
                    return actor.name
            if actor.kind == "person" and len(words) >= 1 and words[-1] == _norm(actor.name).split()[-1]:
                return actor.name
        mentions = find_mentions(alt, lexicon)
        for m in mentions:  # the gazetteer's actor the label names whole, or a country with plain words
            rest = (alt[:m.start] + " " + alt[m.end:]).replace("’s", "").replace("'s", "")
            whole = not rest.strip(" ,.-")
            plain = bool(_PLAIN_GROUP.match(rest)) and statement.kind_of(m.actor) in ("country", "organization", "")
            if (whole or plain) and m.actor in found:
                return m.actor
            if (whole or plain) and statement.actors.get(m.actor) is not None:
                country = statement.actors[m.actor].country
                if country and country in found and not whole:
                    return country
    return ""


_PEOPLE_WORDS = {"people", "peoples", "citizens", "protesters", "population", "civilians", "activists"}


def actor_names_label(label: str, statement: Statement, actor: str, lexicon: ActorLexicon, strict: bool = False) -> bool:
    """True if the actor the tool says is pressed or praised is the one ``label`` names: by
    :func:`label_found`; a country's people ("people of Cuba") for a label of its people ("Cuban
    people", "Iranian people (peaceful protesters)"); a country for a label of its government or regime
    and the other way round ("Syria" for "Assad regime"), as a reader would take "presses Syria" (not
    with ``strict``)."""
    people_label = bool(_PEOPLE_WORDS & set(_norm(label).split()))
    if actor.startswith("people of "):
        return people_label and bool(label_found(label, statement, {actor.removeprefix("people of ")}, lexicon))
    if label_found(label, statement, {actor}, lexicon):
        return True
    if people_label or strict:
        return False
    known = statement.actors.get(actor)
    if known is not None and known.kind == "institution" and known.country \
            and label_found(label, statement, {known.country}, lexicon):
        return True
    return any(a.country == actor and a.kind == "institution" and label_found(label, statement, {a.name}, lexicon)
               for a in statement.actors.values())


# --- the figures -----------------------------------------------------------------------------

@dataclass
class Score:
    """One figure: ``right`` of ``total`` (a share 0-1), with the misses as lines to print."""

    name: str
    right: int
    total: int
    misses: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        """``right / total``, 0-1 (0 when there is nothing to count)."""
        return self.right / self.total if self.total else 0.0


@dataclass
class Validation:
    """The figures of a labelled folder (see the module note), how many statements it held, and a line
    for each part skipped for want of its files."""

    folder: str
    statements: int
    figures: list[Score]
    skipped: list[str] = field(default_factory=list)

    def figure(self, name: str) -> Score:
        """The figure called ``name``."""
        return next(f for f in self.figures if f.name == name)


def _speaker_set(text: str, lexicon: ActorLexicon) -> frozenset[str]:
    return frozenset(m.actor for m in find_mentions(text, lexicon))


#: The parts of the figures (:func:`validate`'s ``parts``), in the order they are printed.
PARTS = ("topics", "tone", "actors", "events", "plover")


def validate(folder: str | Path, actors_path: str | Path | None = None, plover_path: str | Path | None = None,
             parts: Collection[str] = PARTS) -> Validation:
    """The figures of a labelled folder (see the module note), each with its misses: those of ``parts``
    (:data:`PARTS`). The event figures need ``folder/events.csv`` and ``folder/events_files.txt``; the
    PLOVER figures read ``plover_path``, by default ``gsr-dev.json`` in the ``plover`` folder beside
    ``folder``. An absent folder (or neither events file) skips those figures with a line that says so
    (:attr:`Validation.skipped`); a missing or malformed file is refused
    (:class:`~readout.errors.BadInputError`), as are the labels."""
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise UsageError(f"unknown part(s) {', '.join(sorted(unknown))} (use {', '.join(PARTS)})")
    folder = Path(folder)
    items = read_labels(folder)
    event_labels = read_event_labels(folder) if "events" in parts else None
    records, skipped = None, []
    if "events" in parts and event_labels is None:
        skipped.append(f"event figures skipped: {folder} has no {EVENT_LABELS} and {EVENT_FILES}")
    if "plover" in parts:
        default = plover_path is None
        path = folder.resolve().parent / "plover" / PLOVER_FILE if default else Path(plover_path)
        if default and not path.parent.is_dir():
            skipped.append(f"PLOVER figures skipped: no folder {path.parent} (give the records with --plover FILE)")
        else:
            records = read_plover(path)
    lexicon = load_actor_lexicon(actors_path)
    statements: dict[str, Statement] = {}

    def statement_of(file: str) -> Statement:
        if file not in statements:
            statements[file] = load_statement(folder / file, actor_lexicon=lexicon)
        return statements[file]

    figures: list[Score] = []
    if {"topics", "tone", "actors"} & set(parts):
        figures += _label_figures(items, statement_of, lexicon, parts)
    if event_labels is not None:
        figures += event_figures(event_labels, statement_of, lexicon)
    if records is not None:
        figures += plover_figures(records, actors_path)
    return Validation(str(folder), len(items), figures, skipped)


def _label_figures(items: list[Labelled], statement_of: Callable[[str], Statement], lexicon: ActorLexicon,
                   parts: Collection[str]) -> list[Score]:
    """The figures of ``labels.csv``: topics, tone, and speaker, praised and pressed actors and unresolved
    agents (each part only when in ``parts``)."""
    speaker = Score("speaker accuracy", 0, 0)
    recall = Score("recall of praised and pressed actors", 0, 0)
    unresolved = Score("unresolved agents", 0, 0)
    tone_figures = _new_tone_figures()
    topic_figures = {n: Score(n, 0, 0) for n in ("primary topic among the top three themes",
                                                   "topics found: precision", "topics found: recall")}
    theme_keys = {theme_key(t) for t in load_theme_lexicon().themes}
    things = 0
    for item in items:
        statement = statement_of(item.file)
        tag = Path(item.file).stem
        if "actors" in parts:
            things += _actor_figures(item, statement, lexicon, speaker, recall, unresolved, tag)
        if item.tone and "tone" in parts:
            _tone_figures(item, statement, lexicon, tone_figures, tag)
        if item.topics and "topics" in parts:
            _topic_figures(item, statement, topic_figures, tag, theme_keys)
    unresolved.notes.append(f"{unresolved.total - unresolved.right - things} events have an actor, {things} a "
                            "subject that names no actor the tool knows (\"The resolution\", \"Security forces\"); "
                            "neither counts as unresolved")
    tone_list = list(tone_figures.values()) if tone_figures["tone label (4 classes)"].total else []
    if tone_list:
        confusion = tone_figures.pop("_confusion")
        strict = tone_figures.pop("_strict")
        tone_list = list(tone_figures.values())
        for side in ("pressed", "praised"):
            f = tone_figures[f"most {side}: precision"]
            f.notes.append(f"strict (the very actor labelled; a country and its government not taken as one): "
                           f"{strict.get(side, 0)} of {f.total}")
        tone_list[0].notes.append("confusion (labelled → read): " + "; ".join(
            f"{a} → " + ", ".join(f"{b} {confusion.get((a, b), 0)}" for b in TONE_LABELS) for a in TONE_LABELS
            if any(confusion.get((a, b)) for b in TONE_LABELS)))
    topic_list = list(topic_figures.values()) if topic_figures["topics found: recall"].total else []
    actor_list = [speaker, recall, unresolved] if "actors" in parts else []
    return [*topic_list, *tone_list, *actor_list]


#: Subjects that are pronouns: an event whose subject is one the rules left unresolved has no agent.
_PRONOUN_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "us", "them", "those", "these", "this",
                               "that", "it's", "it s"})


def _actor_figures(item: Labelled, statement: Statement, lexicon: ActorLexicon, speaker: Score, recall: Score,
                   unresolved: Score, tag: str) -> int:
    """Add one statement to speaker accuracy, recall of praised and pressed actors and unresolved agents;
    return how many of its events have a subject that names no actor the tool knows."""
    found = speaker_of(statement)
    gold = _speaker_set(item.speaker, lexicon)
    speaker.total += 1
    if frozenset(found.actors) == gold and gold:
        speaker.right += 1
    else:
        speaker.misses.append(f"{tag}: labelled {item.speaker!r}, read "
                              f"{found.name or '(unknown)'!r}" + (f" ({found.rule}: {found.evidence[:70]!r})"
                                                                 if found.known else ""))
    actors = {m.actor for m in statement.mentions}
    for side, labels in (("praised", item.praised), ("pressed", item.pressed)):
        for label in labels:
            if not _names_something(label):
                recall.notes.append(f"{tag}: {side} {label!r} names no actor (not counted)")
                continue
            recall.total += 1
            if label_found(label, statement, actors, lexicon):
                recall.right += 1
            else:
                recall.misses.append(f"{tag}: {side} {label!r} not found")
    things = 0
    events = _events_or_none(statement)
    unresolved.total += len(events)
    for e in events:
        if e.actors:
            continue
        if e.actor_words and _norm(e.actor_words) not in _PRONOUN_SUBJECTS:
            things += 1
            continue
        unresolved.right += 1
        unresolved.misses.append(f"{tag} {e.sentence}: {e.cue!r} ({e.event}; " + (
            f"{e.actor_words!r} left unresolved" if e.actor_words else f"{e.rule}: none found") + ")")
    return things


def _topic_figures(item: Labelled, statement: Statement, figures: dict[str, Score], tag: str,
                   keys: set[str]) -> None:
    """Add one statement's themes to the topic figures: its labelled primary topic among the three themes
    with the largest share, and the labelled topics against the themes in substance (share of words at
    least :data:`~readout.analyses.topics.themes.SUBSTANCE_SHARE`)."""
    shares = theme_share_table(read_themes(statement))
    top = [theme_key(t) for t in top_themes(shares)]
    found = {theme_key(t) for t in themes_in_substance(shares)}
    gold = [t for t in item.topics if t in keys]
    unknown = [t for t in item.topics if t not in keys]
    primary = figures["primary topic among the top three themes"]
    if unknown:
        primary.notes.append(f"{tag}: topic(s) {', '.join(unknown)} not in the theme lexicon (not counted)")
    if not gold:
        return
    if item.topics[0] in keys:  # a primary topic the lexicon lacks is not replaced by the second label
        primary.total += 1
        primary.right += gold[0] in top
        if gold[0] not in top:
            primary.misses.append(f"{tag}: primary {gold[0]}, top three {', '.join(top) or 'none'}")
    precision, recall = figures["topics found: precision"], figures["topics found: recall"]
    precision.total += len(found)
    precision.right += len(found & set(gold))
    recall.total += len(gold)
    recall.right += len(found & set(gold))
    if found - set(gold):
        precision.misses.append(f"{tag}: {', '.join(sorted(found - set(gold)))} found, not labelled")
    if set(gold) - found:
        recall.misses.append(f"{tag}: {', '.join(sorted(set(gold) - found))} labelled, not found in substance")


def _new_tone_figures() -> dict:
    names = ["tone label (4 classes)", "tone sign on polar statements", "mixed statements read mixed",
             "TextBlob sign on polar statements", "VADER sign on polar statements", "most pressed: precision",
             "most pressed: recall", "most praised: precision", "most praised: recall"]
    figures: dict = {n: Score(n, 0, 0) for n in names}
    figures["_confusion"] = {}
    figures["_strict"] = {}
    return figures


def _tone_figures(item: Labelled, statement: Statement, lexicon: ActorLexicon, figures: dict, tag: str) -> None:
    """Add one statement's tone readings to the tone figures (see :func:`validate`)."""
    table = tone_table(statement)
    stance = statement_stance(statement, table=table)
    read = stance.tone.label
    figures["_confusion"][(item.tone, read)] = figures["_confusion"].get((item.tone, read), 0) + 1
    four = figures["tone label (4 classes)"]
    four.total += 1
    four.right += read == item.tone
    if read != item.tone:
        four.misses.append(f"{tag}: labelled {item.tone}, read {read} (score {stance.tone.score:+.2f}, cooperation "
                           f"{stance.tone.cooperation:.2f}, pressure {stance.tone.pressure:.2f})")
    if item.tone == "mixed":
        mixed = figures["mixed statements read mixed"]
        mixed.total += 1
        mixed.right += read == "mixed"
        if read != "mixed":
            mixed.misses.append(f"{tag}: read {read}")
    if item.tone in ("positive", "negative"):
        document = document_table(statement, score_statement(statement), stance.tone.score)
        for name, value in (("tone sign on polar statements", stance.tone.score),
                            ("TextBlob sign on polar statements", float(document.loc["textblob_polarity", "raw"])),
                            ("VADER sign on polar statements", float(document.loc["vader_compound_mean", "raw"]))):
            f = figures[name]
            f.total += 1
            f.right += sign_word(value) == item.tone
            if sign_word(value) != item.tone:
                f.misses.append(f"{tag}: labelled {item.tone}, read {value:+.2f}")
    for side, labels, top in (("pressed", item.pressed, stance.most_pressed),
                              ("praised", item.praised, stance.most_praised)):
        _aim_figures(side, labels, top, statement, lexicon, figures, tag)


def _aim_figures(side: str, labels: tuple[str, ...], top: ActorTone | None, statement: Statement,
                 lexicon: ActorLexicon, figures: dict, tag: str) -> None:
    right = top is not None and any(actor_names_label(x, statement, top.actor, lexicon) for x in labels)
    precision, recall = figures[f"most {side}: precision"], figures[f"most {side}: recall"]
    if top is not None:
        precision.total += 1
        precision.right += right
        strict = any(actor_names_label(x, statement, top.actor, lexicon, strict=True) for x in labels)
        figures["_strict"][side] = figures["_strict"].get(side, 0) + strict
        if not right:
            precision.misses.append(f"{tag}: read {top.actor} ({top.tone:+.2f}), labelled "
                                    + ("; ".join(labels) or "none"))
    if labels:
        recall.total += 1
        recall.right += right
        if not right:
            recall.misses.append(f"{tag}: labelled {'; '.join(labels)[:90]}, read "
                                 + (top.actor if top is not None else "none"))


# --- events: the hand-labelled events of the corpus, and PLOVER's records ------------------------

#: The files of the labelled events in a labelled folder (``EVENTS.md`` there is the guideline), and their
#: columns.
EVENT_LABELS, EVENT_FILES = "events.csv", "events_files.txt"
EVENT_COLUMNS = ("file", "sentence", "actor", "event", "recipient", "mode", "commitment", "cue")
#: The commitments a label may give ("" when the row is not the actor's own promise).
COMMITMENTS = ("firm", "soft")
#: The PLOVER records read by default, in the folder ``plover`` beside the labelled folder.
PLOVER_FILE = "gsr-dev.json"
#: Where the PLOVER records come from, said wherever their figures are printed.
PLOVER_CREDIT = ("PLOVER gold-standard records, development half (openeventdata/PLOVER, Open Event Data Alliance; "
                 "CC BY-SA 4.0)")


@dataclass(frozen=True)
class LabelledEvent:
    """One row of ``events.csv``: the statement (``file``), the sentence as written, who acts
    (``actors``: one name, or several acting together), the PLOVER category (``event``), who is acted
    upon (``recipients``, () when no one), the mode, the commitment ("firm", "soft" or "") and the cue."""

    file: str
    sentence: str
    actors: tuple[str, ...]
    event: str
    recipients: tuple[str, ...]
    mode: str
    commitment: str
    cue: str


@dataclass(frozen=True)
class EventLabels:
    """A folder's labelled events, and the statements whose every event is labelled (``complete``,
    from ``events_files.txt``): the events the tool reads in those, and only those, count for precision."""

    rows: tuple[LabelledEvent, ...]
    complete: tuple[str, ...]


def read_event_labels(folder: str | Path) -> EventLabels | None:
    """``folder/events.csv`` and ``folder/events_files.txt``, checked whole; None when the folder has
    neither. Raises :class:`~readout.errors.BadInputError` (one line) when one is missing without the
    other, a column is missing, a row names a category, mode or commitment the guideline does not have,
    leaves its sentence or actor empty, or names a statement that is not under ``folder``."""
    folder = Path(folder)
    labels, listed = folder / EVENT_LABELS, folder / EVENT_FILES
    if not labels.exists() and not listed.exists():
        return None
    for path in (labels, listed):
        if not path.is_file():
            other = listed if path is labels else labels
            raise BadInputError(path, f"not found (the events are labelled in {other.name} and {path.name})")
    try:
        complete = tuple(line.strip() for line in listed.read_text(encoding="utf-8").splitlines() if line.strip())
    except UnicodeDecodeError:
        raise BadInputError(listed, "cannot be read as UTF-8 text") from None
    rows = _csv_rows(labels, EVENT_COLUMNS)
    for name in complete:
        if not (folder / name).is_file():
            raise BadInputError(listed, f"{name} not found under {folder}")
    out = []
    for n, row in enumerate(rows, 2):
        cell = {c: (row.get(c) or "").strip() for c in EVENT_COLUMNS}
        problem = ("empty 'file'" if not cell["file"]
                   else f"{cell['file']} not found under {folder}" if not (folder / cell["file"]).is_file()
                   else "empty 'sentence'" if not cell["sentence"]
                   else "empty 'actor'" if not _split(cell["actor"])
                   else f"event {cell['event']!r} is none of PLOVER's categories ({', '.join(CATEGORIES)})"
                   if cell["event"] not in CATEGORIES
                   else f"mode {cell['mode']!r} is none of {', '.join(MODES)}" if cell["mode"] not in MODES
                   else f"commitment {cell['commitment']!r} is none of {', '.join(COMMITMENTS)} (or empty)"
                   if cell["commitment"] and cell["commitment"] not in COMMITMENTS else "")
        if problem:
            raise BadInputError(labels, f"line {n}: {problem}")
        out.append(LabelledEvent(cell["file"], cell["sentence"], _split(cell["actor"]), cell["event"],
                                 _split(cell["recipient"]), cell["mode"], cell["commitment"], cell["cue"]))
    return EventLabels(tuple(out), complete)


@dataclass(frozen=True)
class PloverRecord:
    """One PLOVER gold-standard record: its id, the sentence, the source and target actors as written
    (``actorText``; no target: ()), and its category in the current PLOVER manual (``event_current``)."""

    id: str
    text: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    event: str


def read_plover(path: str | Path) -> list[PloverRecord]:
    """The records of a PLOVER gold-standard file (a JSON list of records with ``id``, ``text``,
    ``source`` and ``target`` as lists of ``{actorText, code}`` (the target may be absent or ""), and
    ``event_current``). Raises :class:`~readout.errors.BadInputError` (one line) when the file is
    missing, is not such a list, or a record lacks a field or names a category PLOVER does not have."""
    path = Path(path)
    if not path.is_file():
        raise BadInputError(path, "PLOVER records not found")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(path, f"cannot be read as UTF-8 JSON ({exc.__class__.__name__})") from None
    if not isinstance(data, list) or not data:
        raise BadInputError(path, "not a list of PLOVER records")

    def actors(record: dict, side: str) -> tuple[str, ...] | None:
        value = record.get(side) or []
        if not isinstance(value, list) or not all(isinstance(a, dict) and isinstance(a.get("actorText"), str)
                                                  for a in value):
            return None
        return tuple(a["actorText"].strip() for a in value if a["actorText"].strip())

    out = []
    for n, record in enumerate(data, 1):
        if not isinstance(record, dict):
            raise BadInputError(path, f"record {n}: not a record")
        name = str(record.get("id") or f"record {n}")
        sources, targets = actors(record, "source"), actors(record, "target")
        problem = ("no 'text'" if not isinstance(record.get("text"), str) or not record["text"].strip()
                   else "no 'source' actor" if not sources
                   else "'target' is not a list of actors" if targets is None
                   else f"event_current {record.get('event_current')!r} is none of PLOVER's categories "
                        f"({', '.join(CATEGORIES)})" if record.get("event_current") not in CATEGORIES else "")
        if problem:
            raise BadInputError(path, f"{name}: {problem}")
        out.append(PloverRecord(name, record["text"], sources, targets or (), record["event_current"]))
    return out


# --- matching an event to a label --------------------------------------------------------------

def sentence_key(text: str) -> str:
    """A sentence's text with case, whitespace and punctuation folded: the key a labelled sentence and
    ours are matched on."""
    return " ".join(_norm(text).replace("'", " ").split())


def same_sentence(labelled: str, ours: str) -> bool:
    """True if two sentence keys (:func:`sentence_key`) are one sentence: equal, or one inside the other
    when the shorter has more than 20 characters (the labels and the segmenter cut a sentence in two
    differently now and then)."""
    if labelled == ours:
        return True
    short, long = sorted((labelled, ours), key=len)
    return len(short) > 20 and f" {short} " in f" {long} "


def _country_of(statement: Statement, actor: str) -> str:
    """The country a person, a regime or another institution belongs to ("" for other actors)."""
    known = statement.actors.get(actor)
    return known.country if known is not None and known.kind in ("person", "institution") else ""


def names_actor(label: str, statement: Statement, actor: str, lexicon: ActorLexicon) -> bool:
    """True if ``label`` (one actor as a label writes it: "Russia", "Assad regime", "Vladimir Putin")
    names ``actor`` (one the tool read): the same name; the label naming it through the gazetteer
    (:func:`actor_names_label`); or one being a person, regime or institution of the other, a country
    ("Assad regime" read for Syria, Russia read for "Vladimir Putin"), as the guideline says a scorer
    should accept."""
    if _norm(label) == _norm(actor) or actor_names_label(label, statement, actor, lexicon):
        return True
    country = _country_of(statement, actor)
    if country and actor_names_label(label, statement, country, lexicon):
        return True
    named = label_found(label, statement, set(statement.actors), lexicon)
    return bool(named) and _country_of(statement, named) == actor


def same_actors(labels: tuple[str, ...], statement: Statement, ours: tuple[str, ...], lexicon: ActorLexicon) -> bool:
    """True if the labelled actors and ours are the same set: each label names one of ours and each of
    ours is named by a label (:func:`names_actor`); "United States; Japan" is not "United States"."""
    return bool(labels) and bool(ours) and all(any(names_actor(x, statement, a, lexicon) for a in ours)
                                               for x in labels) \
        and all(any(names_actor(x, statement, a, lexicon) for x in labels) for a in ours)


def held_whole(label: str, lexicon: ActorLexicon) -> bool:
    """True if ``label`` is a name the gazetteer (with ``data/actors.yaml``) holds, whole: "Tokyo",
    "the U.N.", "Assad regime"; not a group it names in part ("Swiss doctors", "Hutu rebel group") or
    by a demonym alone ("Egyptian": people, not the state)."""
    for alt in _alternatives(label):
        for m in find_mentions(alt, lexicon):
            if m.form != "demonym" and _norm(alt[:m.start] + " " + alt[m.end:]) in ("", "the"):
                return True
    return False


#: Words that end a noun phrase's head part ("supporters of ...", "students at ...").
_PREPOSITIONS = frozenset({"of", "in", "at", "on", "from", "for", "with", "to", "by", "against", "near", "inside"})


def head_word(text: str) -> str:
    """The head of a noun phrase as written: its last word of three letters or more before a
    preposition that follows such a word ("Hutu rebel group": group; "supporters of former President
    Ahmed Ben Bella": supporters; "up to 1,000 ethnic Turks": turks); "" if none."""
    words = sentence_key(text).split()
    while words and words[0] in _PREPOSITIONS:
        words = words[1:]
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS and i and len(words[i - 1]) > 2), len(words))
    return next((w for w in reversed(words[:cut]) if len(w) > 2), "")


def share_head_word(label: str, words: str) -> bool:
    """True if an actor as a label writes it and a phrase as the text writes it share a head word: the
    head (:func:`head_word`) of either is a word of the other ("Hutu rebel group" and "the rebel
    group"; "Swiss doctors" and "two Swiss doctors")."""
    a, b = head_word(label), head_word(words)
    return bool(a and b) and (a in sentence_key(words).split() or b in sentence_key(label).split())


def names_in(label: str, statement: Statement, actors: tuple[str, ...], words: str, lexicon: ActorLexicon) -> str:
    """How one side of an event the tool read (its ``actors``, and the phrase as written, ``words``)
    names the actor ``label``: "name" (one of ``actors``, :func:`names_actor`), "head word" (a group the
    gazetteer does not hold as a name, :func:`held_whole`, whose head word the phrase shares,
    :func:`share_head_word`: "Swiss doctors" for "two Swiss doctors"), or "" when it does not."""
    if any(names_actor(label, statement, a, lexicon) for a in actors):
        return "name"
    if words and not held_whole(label, lexicon) and share_head_word(label, words):
        return "head word"
    return ""


def shares_recipient(labels: tuple[str, ...], statement: Statement, ours: tuple[str, ...], words: str,
                     lexicon: ActorLexicon) -> bool:
    """True if the labelled recipients and ours are both empty, or share a member (:func:`names_in`:
    by name, or a group as written: "protesters")."""
    if not labels:
        return not ours
    return any(names_in(x, statement, ours, words, lexicon) for x in labels)


# --- the event figures -------------------------------------------------------------------------

def _events_or_none(statement: Statement) -> list[Event]:
    """The statement's events; none for a text that is not English (the parse refuses it)."""
    try:
        return extract_events(statement)
    except NotComputable:
        return []


def _shown(e: Event) -> str:
    actor = e.actor or (f"({e.actor_words[:40]})" if e.actor_words else "(no actor)")
    recipient = e.recipient or (f"({e.recipient_words[:40]})" if e.recipient_words else "—")
    return f"{actor} {e.event} → {recipient} ({e.mode}{', ' + e.commitment if e.commitment else ''}) {e.cue!r}"


def _shown_label(g: LabelledEvent) -> str:
    return (f"{'; '.join(g.actors)} {g.event} → {'; '.join(g.recipients) or '—'} "
            f"({g.mode}{', ' + g.commitment if g.commitment else ''}) {g.cue[:50]!r}")


def _kinds(counts: Counter) -> str:
    return "misses by kind: " + ("; ".join(f"{k} {n}" for k, n in counts.most_common()) or "none")


EVENT_FIGURES = ("event recall", "event precision", "event precision (attributed events)", "commitment recall",
                 "commitment precision")


def event_figures(labels: EventLabels, statement_of: Callable[[str], Statement], lexicon: ActorLexicon) -> list[Score]:
    """Event recall and precision, and commitment recall and precision, on the labelled events (each
    with its misses and their kinds):

    * **event recall**: labelled events the tool finds: an event in the same sentence
      (:func:`same_sentence`) with the same actors (:func:`same_actors`), the same category and the same
      recipient (:func:`shares_recipient`);
    * **event precision**: events the tool reads in the completely labelled statements that are labelled:
      same sentence, same actors, same quad; over all events, and over those whose actor is read;
    * **commitment recall**: labelled firm or soft commitments found as a commitment of the same actors
      in the same sentence; **commitment precision**: the tool's commitments that are labelled ones.
    """
    figures = {n: Score(n, 0, 0) for n in EVENT_FIGURES}
    recall, precision, attributed = (figures[n] for n in EVENT_FIGURES[:3])
    commit_recall, commit_precision = figures["commitment recall"], figures["commitment precision"]
    quads = load_event_scheme().quads
    why_missed: Counter = Counter()
    why_extra: Counter = Counter()
    unattributed: list[str] = []  # the misses of precision with no actor read, listed after the others
    by_file: dict[str, list[LabelledEvent]] = {}
    for g in labels.rows:
        by_file.setdefault(g.file, []).append(g)
    for file in dict.fromkeys([*labels.complete, *by_file]):
        statement = statement_of(file)
        tag = Path(file).stem
        keys = {s.id: sentence_key(s.text) for s in statement.sentences}
        events = _events_or_none(statement)
        gold = by_file.get(file, [])
        gold_keys = [sentence_key(g.sentence) for g in gold]

        def theirs(key: str) -> list[Event]:
            return [e for e in events if same_sentence(key, keys[e.sentence])]

        for g, key in zip(gold, gold_keys):
            mine = theirs(key)
            actor = [e for e in mine if same_actors(g.actors, statement, e.actors, lexicon)]
            category = [e for e in actor if e.event == g.event]
            hit = any(shares_recipient(g.recipients, statement, e.recipients, e.recipient_words, lexicon)
                      for e in category)
            recall.total += 1
            recall.right += hit
            place = next((sid for sid, k in keys.items() if same_sentence(key, k)), "(sentence not found)")
            if not hit:
                kind = ("no event read in the sentence" if not mine else "actor not read as labelled" if not actor
                        else "another category" if not category else "another recipient")
                why_missed[kind] += 1
                recall.misses.append(f"{tag} {place}: labelled {_shown_label(g)}; read "
                                     + ("; ".join(_shown(e) for e in mine) or "nothing"))
            if g.commitment:
                commit_recall.total += 1
                found = any(e.commitment for e in actor)
                commit_recall.right += found
                if not found:
                    commit_recall.misses.append(f"{tag} {place}: labelled {g.commitment}: {_shown_label(g)}; read "
                                                + ("; ".join(_shown(e) for e in mine) or "nothing"))
        if file not in labels.complete:
            continue
        for e in events:
            here = [g for g, key in zip(gold, gold_keys) if same_sentence(key, keys[e.sentence])]
            actor = [g for g in here if same_actors(g.actors, statement, e.actors, lexicon)]
            hit = any(quads[g.event] == e.quad for g in actor)
            precision.total += 1
            precision.right += hit
            if e.attributed:
                attributed.total += 1
                attributed.right += hit
            if not hit:
                kind = ("no actor read" if not e.attributed else "no event labelled in the sentence" if not here
                        else "the labelled events have other actors" if not actor else "another quad")
                why_extra[kind] += 1
                line = f"{tag} {e.sentence}: read {_shown(e)}; labelled " + (
                    "; ".join(_shown_label(g) for g in here) or "nothing")
                (attributed.misses if e.attributed else unattributed).append(line)
            if e.commitment:
                commit_precision.total += 1
                right = any(g.commitment for g in actor)
                commit_precision.right += right
                if not right:
                    commit_precision.misses.append(f"{tag} {e.sentence}: read {_shown(e)}; labelled "
                                                   + ("; ".join(_shown_label(g) for g in here) or "nothing"))
    precision.misses = [*attributed.misses, *unattributed]
    attributed.misses = []
    recall.notes.append(_kinds(why_missed))
    precision.notes.append(_kinds(why_extra))
    attributed.notes.append("its misses are those of event precision with an actor read (listed first there)")
    precision.notes.append(f"{precision.total - attributed.total} of the {precision.total} events have no actor read "
                           f"(unattributed); {attributed.total} have one")
    return list(figures.values())


PLOVER_FIGURES = ("PLOVER source accuracy", "PLOVER recipient accuracy", "PLOVER event accuracy",
                  "PLOVER quad accuracy")


def plover_event(events: list[Event]) -> Event | None:
    """The event taken for a PLOVER record (one sentence, one coded event), by a rule that does not look
    at the gold: the first event whose actor, or at least whose subject, is known; else the first."""
    return next((e for e in events if e.actors or e.actor_words), events[0] if events else None)


def plover_figures(records: list[PloverRecord], actors_path: str | Path | None = None) -> list[Score]:
    """Source, recipient, event and quad accuracy on PLOVER records, each sentence parsed as a statement
    and its event taken by :func:`plover_event`:

    * **source accuracy**: the event's actor names one of the record's sources (:func:`names_in`:
      by name, by a person's, regime's or institution's country, or, for a source the gazetteer does
      not hold, by the subject as written sharing its head word with it);
    * **recipient accuracy**, among the records with a target: the event's recipient, or the object as
      written, names one of them (the same rules);
    * **event accuracy**: the category is ``event_current``; **quad accuracy**: its quad.

    A record with no event read counts as wrong on each."""
    lexicon = load_actor_lexicon(actors_path)
    quads = load_event_scheme().quads
    source, recipient, category, quad = (Score(n, 0, 0) for n in PLOVER_FIGURES)
    how: Counter = Counter()
    source_kinds: Counter = Counter()
    recipient_kinds: Counter = Counter()
    confusion: Counter = Counter()
    none = not_english = 0
    for r in records:
        statement = parse_statement(r.text, f"{r.id}.txt", actors_path)
        try:
            events = extract_events(statement)
        except NotComputable:
            events, not_english = [], not_english + 1
        e = plover_event(events)
        none += e is None
        read = _shown(e) if e is not None else "no event"
        ways = [names_in(x, statement, e.actors, e.actor_words, lexicon) for x in r.sources] if e else []
        right = any(ways)
        how[next((w for w in ways if w), "")] += right
        source.total += 1
        source.right += right
        if not right:
            source.misses.append(f"{r.id}: labelled {'; '.join(r.sources)}; read {read}")
            source_kinds["no event read" if e is None else "no actor or subject read" if not (e.actors or e.actor_words)
                         else "another actor"] += 1
        if r.targets:
            recipient.total += 1
            right = e is not None and any(names_in(x, statement, e.recipients, e.recipient_words, lexicon)
                                          for x in r.targets)
            recipient.right += right
            if not right:
                recipient.misses.append(f"{r.id}: labelled {'; '.join(r.targets)}; read {read}")
                recipient_kinds["no event read" if e is None else "no recipient or object read"
                                if not (e.recipients or e.recipient_words) else "another recipient"] += 1
        for figure, gold, ours in ((category, r.event, e.event if e else ""),
                                   (quad, quads[r.event], e.quad if e else "")):
            figure.total += 1
            figure.right += gold == ours
            if gold != ours:
                figure.misses.append(f"{r.id}: labelled {gold}, read {read}")
        if e is not None and e.event != r.event:
            confusion[(r.event, e.event)] += 1
    source.notes.append(f"data: {PLOVER_CREDIT}")
    source.notes.append(f"{len(records)} records; no event read in {none}"
                        + (f" ({not_english} not English)" if not_english else "")
                        + f"; right by name {how['name']}, by head word {how['head word']}")
    source.notes.append(_kinds(source_kinds))
    recipient.notes.append(_kinds(recipient_kinds))
    category.notes.append("most frequent confusions (labelled → read): " + ", ".join(
        f"{a} → {b} {n}" for (a, b), n in confusion.most_common(8)))
    return [source, recipient, category, quad]


# --- precision, by hand ------------------------------------------------------------------------

#: The columns of a judged sample of mentions, and of a judged sample of references.
SAMPLE_COLUMNS = ("file", "start", "end", "mention", "actor", "kind", "verdict", "note")
REFERENCE_SAMPLE_COLUMNS = ("file", "start", "end", "words", "actor", "rule", "verdict", "note")
_VERDICTS = {"mention": ("right", "wrong"), "reference": ("right", "wrong", "unresolved-ok", "unresolved-missed")}


def read_sample(path: str | Path) -> tuple[str, list[dict[str, str]]]:
    """A judged sample file: its kind ("mention" or "reference", told by its columns) and its rows
    (lines starting with "#" are comments). Raises :class:`~readout.errors.BadInputError` for a missing
    file, a missing column or a verdict the kind does not allow."""
    path = Path(path)
    if not path.is_file():
        raise BadInputError(path, "judged sample not found")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    columns = set(rows[0]) if rows else set()
    kind = "mention" if set(SAMPLE_COLUMNS) <= columns else "reference" if set(REFERENCE_SAMPLE_COLUMNS) <= columns \
        else ""
    if not kind:
        raise BadInputError(path, f"a judged sample needs columns {', '.join(SAMPLE_COLUMNS)} (mentions) or "
                                  f"{', '.join(REFERENCE_SAMPLE_COLUMNS)} (references)")
    for n, row in enumerate(rows, 1):
        if row["verdict"].strip().lower() not in _VERDICTS[kind]:
            raise BadInputError(path, f"row {n}: verdict must be one of {', '.join(_VERDICTS[kind])}, "
                                      f"not {row['verdict']!r}")
    return kind, rows


def sample_precision(path: str | Path) -> Score:
    """The verdicts of a judged sample: for mentions, right of judged ("precision (hand-checked
    sample)"); for references, right of those resolved to an actor ("resolved references right
    (hand-checked sample)"), with how many were left unresolved, honestly or not. The wrong ones are
    the misses."""
    kind, rows = read_sample(path)
    name = "precision (hand-checked sample)" if kind == "mention" else "resolved references right (hand-checked sample)"
    figure = Score(name, 0, 0)
    left = {"unresolved-ok": 0, "unresolved-missed": 0}
    for row in rows:
        verdict = row["verdict"].strip().lower()
        if verdict in left:
            left[verdict] += 1
            continue
        figure.total += 1
        if verdict == "right":
            figure.right += 1
        else:
            words = row.get("mention") or row.get("words")
            figure.misses.append(f"{Path(row['file']).stem} @{row['start']}: {words!r} read as {row['actor']!r} — "
                                 f"{row['note']}")
    if kind == "reference":
        figure.notes.append(f"of {len(rows)} references judged, {sum(left.values())} were left unresolved: "
                            f"{left['unresolved-ok']} rightly (no clear referent), {left['unresolved-missed']} where "
                            f"the text says who; {figure.total - figure.right} were resolved to a wrong actor")
    return figure


def sample_still_read(path: str | Path, folder: str | Path) -> tuple[int, int]:
    """How many rows of a judged sample the tool still reads as judged (same words, same actor), of how
    many: a judged sample describes the tool at the time it was judged."""
    kind, rows = read_sample(path)
    folder = Path(folder)
    cache: dict[str, dict[int, str]] = {}
    same = 0
    for row in rows:
        if row["file"] not in cache:
            statement = load_statement(folder / row["file"])
            if kind == "mention":
                cache[row["file"]] = {m.start: m.actor for m in statement.mentions}
            else:
                cache[row["file"]] = {r.start: r.actor or "(unresolved)" for r in references(statement)
                                      if r.rule != "named"}
        same += cache[row["file"]].get(int(row["start"])) == row["actor"]
    return same, len(rows)


def _meets(figure: Score) -> bool | None:
    target, how = TARGETS.get(figure.name, (None, ""))
    if target is None:
        return None
    return figure.share >= target if how == "at least" else figure.share <= target


def meets_targets(result: Validation, samples: list[Score] = ()) -> bool:  # type: ignore[assignment]
    """True if every figure with a target (:data:`TARGETS`) meets it."""
    return all(_meets(f) is not False for f in [*result.figures, *samples])


def format_validation(result: Validation, samples: list[Score] = (), misses: int | None = None  # type: ignore[assignment]
                      ) -> str:
    """The figures (and the judged samples' precision) as lines to print, each with its target and then
    its misses (all, or the first ``misses``)."""
    lines = [f"Labelled folder: {result.folder} ({result.statements} statements)", *result.skipped, ""]
    for figure in [*result.figures, *samples]:
        target, how = TARGETS.get(figure.name, (None, ""))
        met = _meets(figure)
        verdict = "" if met is None else f" — {'meets' if met else 'misses'} the target ({how} {target:.0%})"
        lines.append(f"{figure.name}: {figure.share:.1%} ({figure.right} of {figure.total}){verdict}")
        shown = figure.misses if misses is None else figure.misses[:misses]
        label = "unresolved" if figure.name == "unresolved agents" else "misses"
        if shown:
            lines.append(f"  {label} ({len(figure.misses)}):")
            lines += [f"    {m}" for m in shown]
            if len(shown) < len(figure.misses):
                lines.append(f"    … and {len(figure.misses) - len(shown)} more")
        lines += [f"  note: {n}" for n in figure.notes]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
