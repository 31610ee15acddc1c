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
* **unresolved agents**: actions (:func:`~readout.analyses.actors.actions.extract_actions`) whose
  agent no rule resolved, among all actions: a pronoun no rule settled ("we" with no speaker found),
  or no subject found at all. An action whose subject is a thing, not an actor ("The resolution
  condemns …", "These measures will freeze …") has its subject, not an unresolved agent.
* **precision** is checked by hand, not here: a reader judges mentions drawn at random (the samples in
  ``bench/samples/`` say how they were drawn), and :func:`sample_precision` counts the verdicts of a
  judged sample file (mentions: right
  or wrong; references such as "we", "its", "the regime": right, wrong, or left unresolved rightly
  or not). :func:`sample_still_read` says how much of a judged sample the tool still reads as it was
  judged.

:func:`validate` returns the figures; ``python -m readout validate DIR`` prints them.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from readout.analyses.actors.actions import extract_actions
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
from readout.errors import BadInputError
from readout.text.mentions import ActorLexicon, find_mentions, load_actor_lexicon
from readout.text.people import TITLES
from readout.text.statement import Statement, load_statement

__all__ = ["LABEL_COLUMNS", "SAMPLE_COLUMNS", "REFERENCE_SAMPLE_COLUMNS", "Labelled", "read_labels", "Score",
           "Validation", "validate", "label_found", "read_sample", "sample_precision",
           "sample_still_read", "meets_targets", "format_validation", "TARGETS"]

#: The columns ``labels.csv`` must have.
LABEL_COLUMNS = ("file", "speaker", "praised", "pressed")
#: The targets each figure is held to (issues #14, #15, #16): "at least" or "at most" the share.
TARGETS = {"primary topic among the top three themes": (0.85, "at least"),
           "topics found: precision": (0.70, "at least"), "topics found: recall": (0.80, "at least"),
           "tone label (4 classes)": (0.75, "at least"), "tone sign on polar statements": (0.90, "at least"),
           "mixed statements read mixed": (0.70, "at least"),
           "speaker accuracy": (0.95, "at least"), "recall of praised and pressed actors": (0.90, "at least"),
           "unresolved agents": (0.15, "at most"), "precision (hand-checked sample)": (0.95, "at least")}


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


def read_labels(folder: str | Path) -> list[Labelled]:
    """The rows of ``folder/labels.csv``, each with its text's path; checked whole first.

    Raises :class:`~readout.errors.BadInputError` (one line) when the folder, ``labels.csv``, a
    column of :data:`LABEL_COLUMNS` or a labelled text is missing, or the file is not CSV text.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise BadInputError(folder, "labelled folder not found (it needs labels.csv and statements/)")
    labels = folder / "labels.csv"
    if not labels.is_file():
        raise BadInputError(labels, "not found: a labelled folder needs labels.csv with columns "
                                    + ", ".join(LABEL_COLUMNS))
    try:
        with labels.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in LABEL_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise BadInputError(labels, f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
                                            f" (it needs {', '.join(LABEL_COLUMNS)})")
            rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise BadInputError(labels, f"cannot be read as UTF-8 CSV ({exc.__class__.__name__})") from None
    if not rows:
        raise BadInputError(labels, "has no rows")
    out = []
    for n, row in enumerate(rows, 2):
        name = (row.get("file") or "").strip()
        if not name:
            raise BadInputError(labels, f"line {n}: empty 'file'")
        path = folder / name
        if not path.is_file():
            raise BadInputError(labels, f"line {n}: {name} not found under {folder}")
        if not (row.get("speaker") or "").strip():
            raise BadInputError(labels, f"line {n}: empty 'speaker'")
        tone = (row.get("tone") or "").strip().lower()
        if tone and tone not in TONE_LABELS:
            raise BadInputError(labels, f"line {n}: tone {tone!r} is none of {', '.join(TONE_LABELS)}")
        out.append(Labelled(name, path, row["speaker"].strip(), _split(row.get("praised", "")),
                            _split(row.get("pressed", "")), tone, _split(row.get("topics", ""))))
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
    """The figures of a labelled folder (see the module note), and how many statements it held."""

    folder: str
    statements: int
    figures: list[Score]

    def figure(self, name: str) -> Score:
        """The figure called ``name``."""
        return next(f for f in self.figures if f.name == name)


def _speaker_set(text: str, lexicon: ActorLexicon) -> frozenset[str]:
    return frozenset(m.actor for m in find_mentions(text, lexicon))


def validate(folder: str | Path, actors_path: str | Path | None = None) -> Validation:
    """Speaker accuracy, recall of the praised and pressed actors, and unresolved agents on a labelled
    folder (see the module note), each with its misses."""
    items = read_labels(folder)
    lexicon = load_actor_lexicon(actors_path)
    speaker = Score("speaker accuracy", 0, 0)
    recall = Score("recall of praised and pressed actors", 0, 0)
    unresolved = Score("unresolved agents", 0, 0)
    tone_figures = _new_tone_figures()
    topic_figures = {n: Score(n, 0, 0) for n in ("primary topic among the top three themes",
                                                   "topics found: precision", "topics found: recall")}
    theme_keys = {theme_key(t) for t in load_theme_lexicon().themes}
    things = 0
    for item in items:
        statement = load_statement(item.path, actor_lexicon=lexicon)
        tag = Path(item.file).stem
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
        actions = extract_actions(statement)
        unresolved.total += len(actions)
        for a in actions:
            if a.subject:
                things += 1
            elif not a.agent:
                unresolved.right += 1
                unresolved.misses.append(f"{tag} {a.sentence}: {a.verb!r} ({a.category}; {a.rule or 'no subject found'})")
        if item.tone:
            _tone_figures(item, statement, lexicon, tone_figures, tag)
        if item.topics:
            _topic_figures(item, statement, topic_figures, tag, theme_keys)
    unresolved.notes.append(f"{unresolved.total - unresolved.right - things} actions have an actor as agent, {things} "
                            "a subject that is no actor (\"The resolution\", \"These measures\"); neither counts as "
                            "unresolved")
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
    return Validation(str(folder), len(items), [*topic_list, *tone_list, speaker, recall, unresolved])


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
    lines = [f"Labelled folder: {result.folder} ({result.statements} statements)", ""]
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
