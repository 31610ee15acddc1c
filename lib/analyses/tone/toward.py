"""What tone does the statement take toward each actor?

For each actor the statement model names, the sentences that mention it, its
role there, and the scores of those sentences. The role is read from the
dependency parse (:mod:`readout.text.parse`): the actor is the **subject** when
it does the act of a clause, as the subject of an active verb or the "by" of a
passive, alone or in a list ("The United States and Honduras agreed"), or names
the state of such a subject ("U.S. officials"); anything else is an **object**
or other mention ("... congratulated Honduras", "Honduras was congratulated by
..."). The parser is right about nine arcs in ten; the table shows each
sentence so a reader can check.
"""

from __future__ import annotations

import pandas as pd

from readout.errors import NotComputable
from readout.text.parse import ParsedSentence, ParsedStatement, ParsedToken, dependency_parse
from readout.text.statement import Statement

from .sentiment import SentenceSentiment

__all__ = ["actor_sentences", "actor_table"]


def actor_sentences(statement: Statement, scores: list[SentenceSentiment], tones: pd.Series) -> pd.DataFrame:
    """One row per (actor, sentence): role (subject, object, or "mentioned" where the English parse
    does not apply), and the sentence's leak-free TextBlob polarity, leak-free VADER compound and
    diplomatic tone (``tones``: sentence id -> tone)."""
    try:
        parsed: ParsedStatement | None = dependency_parse(statement)
    except NotComputable:
        parsed = None
    doers = {ps.sentence.id: _doers(ps) for ps in parsed.sentences} if parsed is not None else {}
    by_id = {x.sentence.id: x for x in scores}
    rows, seen = [], set()
    for m in statement.mentions:
        sentence = statement.sentence_of(m.start)
        if sentence is None or (m.actor, sentence.id) in seen:
            continue
        seen.add((m.actor, sentence.id))
        if parsed is None:
            role = "mentioned"
        else:
            role = "subject" if any(m.start <= t.token.start < m.end for t in doers[sentence.id]) else "object"
        x = by_id[sentence.id]
        rows.append((m.actor, sentence.id, role, x.polarity_clean, x.vader_clean, float(tones[sentence.id]),
                     sentence.text))
    cols = ["actor", "sentence", "role", "textblob_leak_free", "vader_leak_free", "diplomatic_tone", "text"]
    return pd.DataFrame(rows, columns=cols)


def _doers(ps: ParsedSentence) -> list[ParsedToken]:
    """The tokens of a sentence that do the act of a clause: the subjects of its active verbs and the
    "by" agents of its passives (lists included), with the words naming their state ("U.S." of "U.S.
    officials", "U.S. and AUC officials")."""
    heads = {i for v in range(len(ps.tokens)) for i in (ps.agents(v) if ps.passive(v) else ps.subjects(v))}
    named = {m for h in heads for c in ps.children(h, "compound", "amod", "nmod") for m in ps.group(c)}
    return [ps.tokens[i] for i in sorted(heads | named)]


def actor_table(sentences: pd.DataFrame) -> pd.DataFrame:
    """Actor x measure: sentences, as subject, as object, role not read (no English parse for this
    statement), and the mean of each leak-free measure over the actor's sentences (-1 to +1).
    Actors in order of first mention."""
    if sentences.empty:
        return pd.DataFrame(columns=["sentences", "as_subject", "as_object", "role_not_read", "textblob_leak_free",
                                     "vader_leak_free", "diplomatic_tone"]).rename_axis("actor")
    g = sentences.groupby("actor", sort=False)
    table = pd.DataFrame({
        "sentences": g.size(),
        "as_subject": g["role"].apply(lambda r: int((r == "subject").sum())),
        "as_object": g["role"].apply(lambda r: int((r == "object").sum())),
        "role_not_read": g["role"].apply(lambda r: int((r == "mentioned").sum())),
        "textblob_leak_free": g["textblob_leak_free"].mean(),
        "vader_leak_free": g["vader_leak_free"].mean(),
        "diplomatic_tone": g["diplomatic_tone"].mean(),
    })
    return table.rename_axis("actor")
