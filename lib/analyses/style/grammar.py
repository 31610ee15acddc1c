"""What kinds of words carry the statement? Parts of speech, passive voice and noun phrases.

The tags come from the statement's shared tagging
(:func:`readout.text.tagging.tag_statement`: the Penn Treebank tagger TextBlob
ships, offline), so every tag belongs to a token with known offsets. Passives are
read from the statement's dependency parse (:mod:`readout.text.parse`), as the
events of the actors notebook read them, so both count the same passives.

Noun phrases come from a small chunker over those tags, stated here so a
reader can check it: a run of adjectives, numbers and nouns that ends in a
noun, with a participle ("organized") admitted only after a determiner or an
adjective (leading determiners and possessive pronouns are left out).
"Transnational organized crime", "High Level Security Dialogue" and
"accountable narcotraffickers" are phrases; coordinated nouns ("crime and
trafficking") are two. (Pattern's own chunker gives similar phrases at four
times the cost.)
"""

from __future__ import annotations

import functools
from collections import Counter

import pandas as pd
from textblob.en.inflect import singularize

from readout.analyses.readings import Reading
from readout.text.parse import dependency_parse
from readout.text.statement import Statement
from readout.text.tagging import TaggedStatement, TaggedToken

__all__ = ["pos_counts", "pos_profile",
           "passive_constructions", "passive_sentences", "noun_phrases", "noun_phrase_table", "grammar_reading",
           "POS_CLASSES"]

#: Penn Treebank tag prefixes for the four open word classes.
POS_CLASSES = {"nouns": ("NN",), "verbs": ("VB", "MD"), "adjectives": ("JJ",), "adverbs": ("RB",)}
_NP_TAGS = {"JJ", "JJR", "JJS", "VBN", "VBG", "CD", "NN", "NNS", "NNP", "NNPS"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_PARTICIPLE_AFTER = {"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "POS"}
_singular = functools.lru_cache(maxsize=65536)(singularize)


def pos_counts(tagged: TaggedStatement) -> dict[str, int]:
    """Word tokens in each open class (nouns, verbs incl. modals, adjectives, adverbs), and ``words`` in all."""
    tags = Counter(tt.tag for ts in tagged.sentences for tt in ts.tokens if tt.token.kind != "punct")
    counts = dict.fromkeys(POS_CLASSES, 0)
    for tag, n in tags.items():
        name = next((name for name, prefixes in POS_CLASSES.items() if tag.startswith(prefixes)), None)
        if name is not None:
            counts[name] += n
    counts["words"] = sum(tags.values())
    return counts


def pos_profile(tagged: TaggedStatement) -> pd.DataFrame:
    """Share of word tokens in each open class, 0-1, with counts, and the noun/verb ratio.

    Shares are of all word tokens (punctuation excluded); the rest are
    function words, numbers and names tagged otherwise. The noun/verb ratio is
    a common index of "nominal style" (higher = more noun-heavy). It has no
    fixed norm: compare statements with each other.
    """
    counts = pos_counts(tagged)
    n = counts.pop("words")
    rows = [(name, count, count / n if n else float("nan")) for name, count in counts.items()]
    verbs = counts["verbs"]
    rows.append(("noun_verb_ratio", "", counts["nouns"] / verbs if verbs else float("nan")))
    return pd.DataFrame(rows, columns=["class", "tokens", "share"]).set_index("class")


def passive_constructions(statement: Statement) -> list[tuple[str, str]]:
    """(sentence id, construction as written) for the first passive in each sentence that has one.

    A passive is read from the dependency parse (:meth:`readout.text.parse.ParsedSentence.passive`,
    the rule the events read too): a verb with a passive subject, a passive auxiliary or a "by"
    agent ("was congratulated", "was not fully agreed", "being smuggled", and "an act perpetrated by
    the regime", which has no auxiliary). The construction runs from the form of "be" (or "get") to
    the verb ("will be delivered": be delivered), or from the verb to a "by" close after it when it has
    none ("perpetrated by"). The parser, not a word list, decides: "is concerned", "are committed"
    read as adjectives are not passives, and its misreadings are shown with the sentence. Raises
    :class:`~readout.errors.NotComputable` for text that is not English.
    """
    found = []
    for ps in dependency_parse(statement).sentences:
        verb = next((i for i, t in enumerate(ps.tokens) if t.tag.startswith("VB") and t.dep not in ("aux", "auxpass")
                     and ps.passive(i)), None)
        if verb is None:
            continue
        be = [a for a in ps.children(verb, "auxpass") if a < verb]
        by = [a for a in ps.children(verb, "agent") if verb < a <= verb + 3]
        start, end = (be[0], verb) if be else (verb, by[0] if by else verb)
        found.append((ps.sentence.id, statement.text[ps.tokens[start].token.start : ps.tokens[end].token.end]))
    return found


def passive_sentences(statement: Statement) -> pd.DataFrame:
    """Sentences with a passive construction (:func:`passive_constructions`): sentence id, the
    construction as written, the sentence text. A reduced passive with neither auxiliary nor "by"
    agent ("an agreement aimed at ...") is not counted."""
    texts = {s.id: s.text for s in statement.sentences}
    rows = [(sid, construction, texts[sid]) for sid, construction in passive_constructions(statement)]
    return pd.DataFrame(rows, columns=["sentence", "construction", "text"]).set_index("sentence")


def noun_phrases(tagged: TaggedStatement) -> list[tuple[str, str, str]]:
    """Every noun phrase: (folded form, as written, sentence id).

    Folded: lower case, and a plural common-noun head (NNS) made singular; a
    proper plural (NNPS, "United States") is kept.
    """
    found = []
    text = tagged.statement.text
    for ts in tagged.sentences:
        run: list[TaggedToken] = []
        previous = ""
        for tt in (*ts.tokens, None):
            tag = tt.tag if tt is not None else ""
            # A participle belongs to a phrase only after a determiner or an adjective
            # ("the organized", "transnational organized crime"); after a noun or at a
            # clause start it is the verb ("Honduras highlighted", "using ...").
            joins = tag in _NP_TAGS and (tag not in ("VBN", "VBG") or previous in _PARTICIPLE_AFTER)
            previous = tag
            if joins:
                run.append(tt)
                continue
            while run and run[-1].tag not in _NOUN_TAGS:  # a phrase ends in a noun
                run.pop()
            if run:
                words = [r.token.text.lower() for r in run]
                if run[-1].tag == "NNS":
                    words[-1] = _singular(words[-1])
                found.append((" ".join(words), text[run[0].token.start : run[-1].token.end], ts.sentence.id))
            run = []
    return found


def noun_phrase_table(tagged: TaggedStatement, min_words: int = 1, limit: int | None = None) -> pd.DataFrame:
    """Noun phrases by frequency (case and plurals folded): phrase, count, words, first form seen, sentences.

    ``min_words=2`` keeps only multi-word phrases; ``limit`` keeps the first rows. Sorted by count,
    then by first appearance.
    """
    phrases = [p for p in noun_phrases(tagged) if p[0].count(" ") + 1 >= min_words]
    counts = Counter(p[0] for p in phrases)
    first: dict[str, tuple[str, list[str]]] = {}
    for folded, written, sid in phrases:
        entry = first.setdefault(folded, (written, []))
        if sid not in entry[1]:
            entry[1].append(sid)
    rows = [(f, counts[f], len(f.split()), first[f][0], ", ".join(first[f][1])) for f in first]
    table = pd.DataFrame(rows, columns=["phrase", "count", "words", "as_written", "sentences"])
    table = table.sort_values("count", ascending=False, kind="stable").set_index("phrase")
    return table if limit is None else table.head(limit)


def grammar_reading(profile: pd.DataFrame, passives: pd.DataFrame, statement: Statement) -> Reading:
    """Plain sentences reading a :func:`pos_profile` and :func:`passive_sentences`."""
    n_sentences = sum(1 for s in statement.sentences if s.words)
    ratio = profile.loc["noun_verb_ratio", "share"]
    ratio_text = f"noun/verb ratio {ratio:.2f}" if ratio == ratio else "no verbs, so no noun/verb ratio"
    ids = ", ".join(passives.index) if len(passives) else "none"
    return Reading(f"Nouns make up {profile.loc['nouns', 'share']:.0%} of the words and verbs "
                   f"{profile.loc['verbs', 'share']:.0%} ({ratio_text}); "
                   f"adjectives {profile.loc['adjectives', 'share']:.0%}, adverbs {profile.loc['adverbs', 'share']:.0%}. "
                   f"{len(passives)} of {n_sentences} sentence{'' if n_sentences == 1 else 's'} "
                   f"use{'s' if n_sentences == 1 else ''} a passive construction ({ids}).")
