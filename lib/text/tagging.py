"""Part-of-speech tags for every token of a statement, from the tagger TextBlob ships, offline.

Tagging uses the Penn Treebank tagger of ``textblob.en.parse`` (tags only, from the
Pattern library: a lexicon plus rules, no download; Pattern reports about 95% accuracy
per token on newswire). It is fed the statement model's own sentences and tokens, so
every tag belongs to a token with known offsets. Names and coinages it does not know are
guessed from their shape. The style, tone and actor analyses share one tagging per statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from readout.errors import NotComputable

from .language import require_english
from .statement import Sentence, Statement
from .tokens import Token

__all__ = ["TaggedToken", "TaggedSentence", "TaggedStatement", "tag_statement", "BE_FORMS", "MODALS", "SUBORDINATORS"]

#: The forms of "be" (a passive's auxiliary, a copula).
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
#: English modal verbs ("will support": an intended act, not one reported done).
MODALS = frozenset({"can", "could", "will", "would", "shall", "should", "may", "might", "must"})
#: Words that open a subordinate clause: a subject follows them, and the tagger tags most of them ``IN``
#: like a preposition ("that", "while").
SUBORDINATORS = frozenset({"that", "whether", "how", "as", "because", "while", "since", "although", "though", "after",
                           "before", "when", "if", "whereas", "unless", "once", "until", "where"})


class TaggedToken(NamedTuple):
    """A token with its Penn Treebank ``tag`` ("NN", "VBD" ...; punctuation tags itself).

    A named tuple rather than a dataclass: a statement has hundreds, made on every tagging.
    """

    token: Token
    tag: str


@dataclass(frozen=True)
class TaggedSentence:
    sentence: Sentence
    tokens: tuple[TaggedToken, ...]


@dataclass(frozen=True)
class TaggedStatement:
    """A statement with a tag for every token of every body sentence (tagged once, reused)."""

    statement: Statement
    sentences: tuple[TaggedSentence, ...]


def tag_statement(statement: Statement) -> TaggedStatement:
    """Tag every body sentence in one call of the offline tagger.

    Raises :class:`~readout.errors.NotComputable` for text that is not English. Tagged once per
    statement; later calls share the result.
    """
    require_english(statement, "Part-of-speech tagging")
    return statement.derived("tagging.tag_statement", _tag)


def _tag(statement: Statement) -> TaggedStatement:
    from textblob.en import parse

    lines = [" ".join(t.text.replace(" ", "_") for t in s.tokens) for s in statement.sentences]
    parsed = parse("\n".join(lines), tokenize=False, tags=True, chunks=False, relations=False, lemmata=False)
    out = []
    for sentence, line in zip(statement.sentences, str(parsed).split("\n"), strict=True):
        tags = [w.rsplit("/", 1)[1] for w in line.split(" ")]
        if len(tags) != len(sentence.tokens):  # the tagger keeps our tokens one to one
            raise NotComputable(f"tagging not computed: the tagger changed the tokens of sentence {sentence.id}")
        out.append(TaggedSentence(sentence, tuple(map(TaggedToken, sentence.tokens, tags))))
    return TaggedStatement(statement, tuple(out))
